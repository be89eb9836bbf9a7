"""A bad file of each format gets an error naming the file and the fix, and the rest of the folder loads
(issue 17's second "done when"); files of other kinds in a folder are reported, not read."""
from __future__ import annotations

import io
import shutil

import pytest
from click.testing import CliRunner

from plankg.cli import main
from plankg.errors import InputError
from plankg.ingest.read import read_source

from .conftest import CASES, write_docx, write_html


def corrupt_docx(tmp_path, blocks):
    good = write_docx(blocks, tmp_path / "good.docx").read_bytes()
    path = tmp_path / "damaged.docx"
    path.write_bytes(good[: len(good) // 2])  # a download cut short: the zip's directory is missing
    return path


def encrypted_pdf(tmp_path, blocks, font):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("cjk", "", str(font))
    pdf.add_page()
    pdf.set_font("cjk", size=12)
    pdf.cell(text=blocks[2])
    pdf.set_encryption(owner_password="owner-secret", user_password="user-secret")
    path = tmp_path / "locked.pdf"
    pdf.output(str(path))
    return path


def scanned_pdf(tmp_path, blocks, font):
    """Pages that are images of text, as a scanner writes them."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw

    image = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(image)
    for y in range(200, 1600, 60):
        draw.rectangle((150, y, 1090, y + 30), fill=40)  # lines of "text", as pixels
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    pdf = FPDF()
    for _ in range(2):
        pdf.add_page()
        pdf.image(io.BytesIO(buffer.getvalue()), x=0, y=0, w=210)
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    return path


def empty_html(tmp_path, blocks, font):
    """A saved page whose article a script was to load: navigation and footer only."""
    path = tmp_path / "empty.html"
    path.write_text('<!DOCTYPE html><html><head><meta charset="utf-8"><title>湖州市科学技术局</title></head><body>'
                    '<div class="nav"><a href="/">首页</a><a href="/zwgk">政务公开</a>'
                    '<a href="/kjdt">科技动态</a></div>'
                    '<div id="app"></div><script>fetch("/api/article?id=123").then(r => r.json())</script>'
                    '<div class="footer">版权所有 湖州市科学技术局 浙ICP备05006734号</div></body></html>',
                    encoding="utf-8")
    return path


BAD = {
    "corrupt zip": (lambda tmp, blocks, font: corrupt_docx(tmp, blocks), "damaged", "download it again"),
    "encrypted pdf": (encrypted_pdf, "encrypted PDF that needs a password", "unprotected copy"),
    "scanned pdf": (scanned_pdf, "is a scan", "OCR it first (e.g. ocrmypdf"),
    "empty html": (empty_html, "no article text", "wait until it shows the plan"),
}


@pytest.mark.parametrize("kind", list(BAD))
def test_a_bad_file_is_refused_naming_the_file_and_the_fix(tmp_path, plan_blocks, require_font, kind):
    make, what, fix = BAD[kind]
    path = make(tmp_path, plan_blocks, require_font())
    with pytest.raises(InputError) as info:
        read_source(path)
    message = str(info.value)
    assert path.name in message and what in message and "Fix: " in message and fix in message, message


def test_a_folder_with_a_bad_file_of_each_format_loads_the_rest_and_says_what_it_skipped(tmp_path, plan_blocks,
                                                                                       require_font):
    folder = tmp_path / "downloads"
    folder.mkdir()
    font = require_font()
    bad = [make(folder, plan_blocks, font) for make, _, _ in BAD.values()]
    (folder / "good.docx").unlink()  # the damaged one's source
    shutil.copy(CASES / "plan.txt", folder / "plan.txt")
    write_html(plan_blocks, folder / "plan.html")
    (folder / "任务表.xlsx").write_bytes(b"PK\x03\x04 a spreadsheet")
    (folder / "~$plan.docx").write_bytes(b"\x00lock")
    out = tmp_path / "facts"
    result = CliRunner().invoke(main, ["ingest", str(folder), "--out", str(out)])
    assert result.exit_code == 1, result.output
    skipped = [line for line in result.output.splitlines() if line.startswith("skipped:")]
    for path in bad:
        line = next((s for s in skipped if path.name in s), None)
        assert line is not None and "Fix:" in line, (path.name, skipped)
    assert any("任务表.xlsx" in s and "not a format plankg reads" in s for s in skipped)
    assert any("~$plan.docx" in s and "lock file" in s for s in skipped)
    assert "by format: docx 2 skipped; html 1 read, 1 skipped; pdf 2 skipped; txt 1 read; other 1 skipped" \
        in result.output
    assert len(list(out.glob("*.graph.json"))) == 2  # plan.txt and plan.html: the same plan, two documents
