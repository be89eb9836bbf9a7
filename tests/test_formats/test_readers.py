"""Each reader on what publishers do: .doc and .wps through LibreOffice (real, and a stand-in when it is
missing), files whose suffix lies, web archives, Word's list numbering and merged cells, pages laid out
with tables, OFD."""
from __future__ import annotations

import email.mime.multipart
import email.mime.text
import subprocess
import sys
from pathlib import Path

import pytest

from plankg.errors import InputError
from plankg.ingest.read import read_source

from .conftest import CASES, write_docx, write_html, write_pdf


@pytest.fixture(scope="module")
def plan_txt() -> str:
    return read_source(CASES / "plan.txt").text


def _soffice_convert(program: str, source, fmt: str, tmp_path):
    out = tmp_path / "converted"
    subprocess.run([program, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", fmt, "--outdir", str(out), str(source)], check=True, capture_output=True,
                   timeout=180)
    return out / f"{source.stem}.{fmt}"


@pytest.mark.parametrize("suffix", [".doc", ".wps"])
def test_a_word_97_or_wps_file_is_read_through_libreoffice(tmp_path, plan_blocks, plan_txt, require_soffice, suffix):
    """A .doc written by LibreOffice from the .docx (WPS saves .wps in the same binary format) reads as the text."""
    doc = _soffice_convert(require_soffice(), write_docx(plan_blocks, tmp_path / "plan.docx"), "doc", tmp_path)
    path = doc.rename(tmp_path / f"plan{suffix}")
    source = read_source(path)
    assert (source.text, source.format) == (plan_txt, suffix[1:])
    assert source.raw_bytes == path.read_bytes()  # the document is the file published, not the conversion


def _fake_soffice(folder, docx_path, log):
    """A stand-in `soffice` that writes the .docx it was given to --outdir, as the real one converts."""
    folder.mkdir()
    script = folder / "soffice"
    script.write_text(f"""#!{sys.executable}
import pathlib, shutil, sys
args = sys.argv[1:]
pathlib.Path({str(log)!r}).write_text(" ".join(args))
out = pathlib.Path(args[args.index("--outdir") + 1])
out.mkdir(parents=True, exist_ok=True)
shutil.copy({str(docx_path)!r}, out / (pathlib.Path(args[-1]).stem + ".docx"))
""", encoding="utf-8")
    script.chmod(0o755)
    return folder


def test_the_libreoffice_call_and_its_result(tmp_path, plan_blocks, plan_txt, monkeypatch):
    """With a stand-in soffice on PATH: the command plankg runs, and the .docx it gets back read as the text."""
    docx_path = write_docx(plan_blocks, tmp_path / "plan.docx")
    log = tmp_path / "args.txt"
    monkeypatch.setenv("PATH", str(_fake_soffice(tmp_path / "bin", docx_path, log)))
    doc = tmp_path / "计划.doc"
    doc.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504))
    source = read_source(doc)
    assert (source.text, source.format, source.raw_bytes) == (plan_txt, "doc", doc.read_bytes())
    args = log.read_text().split()
    assert args[0].startswith("-env:UserInstallation=file://") and args[1:4] == ["--headless", "--norestore",
                                                                               "--convert-to"]
    assert args[4] == "docx" and args[-1].endswith("document.doc")


def test_without_libreoffice_a_doc_is_refused_with_the_fix(tmp_path, monkeypatch):
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    path = tmp_path / "计划.wps"
    path.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504))
    with pytest.raises(InputError, match="LibreOffice") as info:
        read_source(path)
    assert "计划.wps" in str(info.value) and "soffice --headless --convert-to docx" in str(info.value)


def test_files_whose_suffix_lies_are_read_as_what_they_are(tmp_path, plan_blocks, plan_txt):
    docx_bytes = write_docx(plan_blocks, tmp_path / "plan.docx").read_bytes()
    (tmp_path / "docx-named.doc").write_bytes(docx_bytes)
    page = write_html(plan_blocks, tmp_path / "plan.html").read_bytes()
    (tmp_path / "page-named.doc").write_bytes(page)
    assert read_source(tmp_path / "docx-named.doc").format == "docx"
    assert read_source(tmp_path / "page-named.doc").text == plan_txt


def test_a_web_archive_reads_as_its_page(tmp_path, plan_blocks, plan_txt):
    page = write_html(plan_blocks, tmp_path / "plan.html").read_text(encoding="utf-8")
    archive = email.mime.multipart.MIMEMultipart("related")
    archive.attach(email.mime.text.MIMEText(page, "html", "utf-8"))
    path = tmp_path / "plan.mht"
    path.write_bytes(archive.as_bytes())
    source = read_source(path)
    assert (source.text, source.format) == (plan_txt, "mht")


def test_word_list_numbers_and_merged_cells(tmp_path):
    """Word's own list style numbers paragraphs ("1."); a row merged across the table is a line of its own;
    a cell merged across two columns fills the first."""
    import docx

    document = docx.Document()
    document.add_paragraph("某市2024年重点工作任务")
    for text in ("建设科技创新平台。（责任单位：市科技局）", "推进数字经济发展。（责任单位：市经信局）"):
        document.add_paragraph(text, style="List Number")
    table = document.add_table(rows=3, cols=3)
    for c, text in enumerate(("序号", "任务", "牵头单位")):
        table.cell(0, c).text = text
    banner = table.cell(1, 0).merge(table.cell(1, 2))
    banner.text = "一、产业发展"
    table.cell(2, 0).text = "1"
    table.cell(2, 1).merge(table.cell(2, 2)).text = "培育高新技术企业"
    path = tmp_path / "list.docx"
    document.save(str(path))
    source = read_source(path)
    assert source.text == ("某市2024年重点工作任务\n1.建设科技创新平台。（责任单位：市科技局）\n"
                           "2.推进数字经济发展。（责任单位：市经信局）\n序号 | 任务 | 牵头单位 |\n一、产业发展\n"
                           "1 | 培育高新技术企业 |  |\n")
    assert [(c.row, c.col) for c in source.cells if c.start < c.end and source.text[c.start] == "一"] == [(1, 0)]


def test_a_page_laid_out_with_tables_gives_its_text_not_a_table(tmp_path):
    """Old sites lay the whole page out in nested tables: those are boxes, their cells read as paragraphs."""
    path = tmp_path / "old.htm"
    path.write_bytes("""<html><head><meta charset="gbk"></head><body>
<table width="100%"><tr><td><a href="/">首页</a> | <a href="/a">政务公开</a> | <a href="/b">通知公告</a></td></tr>
<tr><td><table><tr><td class="title">某市2024年科技工作要点</td></tr>
<tr><td class="zoom"><p>一、重点任务</p><p>1.建设科技创新平台。（责任单位：市科技局）</p>
<table border="1"><tr><td>序号</td><td>任务</td><td>牵头单位</td></tr>
<tr><td>1</td><td>培育高新技术企业</td><td>市科技局</td></tr></table></td></tr></table></td></tr>
</table></body></html>""".encode("gbk"))
    source = read_source(path)
    assert source.text == ("某市2024年科技工作要点\n一、重点任务\n1.建设科技创新平台。（责任单位：市科技局）\n"
                           "序号 | 任务 | 牵头单位 |\n1 | 培育高新技术企业 | 市科技局 |\n")


def test_ofd_is_refused_with_the_fix(tmp_path):
    import zipfile

    path = tmp_path / "通知.ofd"
    with zipfile.ZipFile(path, "w") as ofd:
        ofd.writestr("OFD.xml", '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0"/>')
    with pytest.raises(InputError, match="OFD") as info:
        read_source(path)
    assert "通知.ofd" in str(info.value) and "export it as PDF" in str(info.value)


def test_a_text_layer_pdfminer_cannot_decode_is_read_through_pdfium(tmp_path, plan_blocks, require_tool):
    """fpdf2 embeds an OpenType (CFF) font with an encoding CMap of its own, which pdfminer cannot decode:
    the text comes from PDFium instead, reflowed as a paginated text file (tables as loose lines)."""
    noto = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
    require_tool(noto.is_file(), "needs fonts-noto-cjk (apt-get install fonts-noto-cjk)")
    source = read_source(write_pdf(plan_blocks, tmp_path / "cff.pdf", font=noto))
    assert source.format == "pdf" and source.cells == ()
    assert "三、重点任务\n（一）建设高能级创新平台。加快湖州实验室建设，" in source.text
    assert "— 2 —" not in source.text


def test_an_old_style_page_lines_broken_by_br_in_layout_tables(tmp_path):
    """A GB2312 page of the 2000s: a menu and the article in layout tables, the article's lines broken by
    <br> inside <font>, a source line break inside a sentence, the metadata keys with colons and spaces."""
    page = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head>
<body><table width=1000><tr><td><img src=logo.gif></td><td><a href=/>首页</a> <a href=/x>机构概况</a>
<a href=/y>政务公开</a></td></tr></table>
<table class="xxgk"><tr><td>索 引 号：</td><td>001/2024-01</td><td>发布机构：</td><td>某市科学技术局</td></tr>
<tr><td>成文日期：</td><td>2024-02-01</td><td>文　　号：</td><td>某科发〔2024〕3号</td></tr></table>
<table><tr><td class="bt">某市2024年科技工作要点</td></tr><tr><td><div class="TRS_Editor">
<font size=3>　　一、重点任务<br>　　1.建设科技创新平台。（责任单位：市科技局）<br>　　2.推进数字经济发展。
（责任单位：市经信局）</font></div></td></tr></table>
<div id="footer">版权所有：某市人民政府 技术支持：某网络公司</div></body></html>"""
    path = tmp_path / "old.htm"
    path.write_bytes(page.encode("gbk"))
    from plankg.ingest.pipeline import extract_source

    source = read_source(path)
    assert source.text == ("索 引 号： | 001/2024-01 | 发布机构： | 某市科学技术局 |\n"
                           "成文日期： | 2024-02-01 | 文　　号： | 某科发〔2024〕3号 |\n"
                           "某市2024年科技工作要点\n一、重点任务\n"
                           "1.建设科技创新平台。（责任单位：市科技局）\n2.推进数字经济发展。（责任单位：市经信局）\n")
    ex = extract_source(source)
    assert (ex.plan.date, ex.plan.doc_number) == ("2024-02-01", "某科发〔2024〕3号")
    assert [(t.ref, [d.name for d in t.departments]) for t in ex.tasks] == [("一.1", ["市科技局"]),
                                                                          ("一.2", ["市经信局"])]
