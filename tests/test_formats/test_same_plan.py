"""One plan published as .txt, .docx, .pdf and .html gives one extraction (issue 17's first "done when").

The .docx, .pdf and .html are written from the text fixture by real tools (python-docx, fpdf2, an HTML
page as sites print them), with what publishers add: Word's list numbering for the section headings,
the task table's lead cells merged down the rows, paragraphs wrapped by the page width, a running
header and page numbers over three pages with the task table going on from one page to the next,
navigation, breadcrumbs, share buttons and a footer around the page's article. The folder goes through
`ingest_documents`, the route `plankg ingest` and `plankg load` take.
"""
from __future__ import annotations

import shutil

import pytest

from plankg.ingest.read import read_source
from plankg.workflow import ingest_documents

from .conftest import CASES, write_docx, write_html, write_pdf


@pytest.fixture
def plan_folder(tmp_path, plan_blocks, require_font):
    folder = tmp_path / "downloads"
    folder.mkdir()
    shutil.copy(CASES / "plan.txt", folder / "plan.txt")
    write_docx(plan_blocks, folder / "plan.docx")
    write_pdf(plan_blocks, folder / "plan.pdf", font=require_font())
    write_html(plan_blocks, folder / "plan.html")
    return folder


def test_the_same_plan_in_four_formats_gives_four_identical_extractions(plan_folder):
    results = {r.path.suffix: r for r in ingest_documents([plan_folder])}
    assert sorted(results) == [".docx", ".html", ".pdf", ".txt"]
    assert all(r.error is None and r.extraction is not None for r in results.values()), \
        {k: str(r.error) for k, r in results.items() if r.error}
    facts = {k: r.extraction.model_dump(exclude={"document"}) for k, r in results.items() if r.extraction}
    assert facts[".docx"] == facts[".txt"]
    assert facts[".pdf"] == facts[".txt"]
    assert facts[".html"] == facts[".txt"]
    txt = results[".txt"].extraction
    assert txt is not None and len(txt.tasks) >= 15 and txt.plan.doc_number == "湖科发〔2024〕12号"
    formats = {k: r.extraction.document.format for k, r in results.items() if r.extraction}
    assert formats == {".txt": "txt", ".docx": "docx", ".pdf": "pdf", ".html": "html"}


def test_the_pdf_really_has_what_the_reader_removes(plan_folder):
    """The PDF is three pages with a running header and page numbers, the task table over two of them."""
    import pdfplumber

    with pdfplumber.open(plan_folder / "plan.pdf") as pdf:
        pages = [page.extract_text() for page in pdf.pages]
        tables = [len(page.find_tables()) for page in pdf.pages]
    assert len(pages) >= 3 and all(f"— {n} —" in text for n, text in enumerate(pages, 1))
    assert all(text.splitlines()[0] == "湖州市2024年科技创新工作要点" for text in pages[1:])
    assert tables[-2:] == [1, 1] and "序" in pages[-1]  # the header row printed again on the last page
    text = read_source(plan_folder / "plan.pdf").text
    assert "— 2 —" not in text and text.count("湖州市2024年科技创新工作要点") == 3  # title, notice, plan title


def test_a_gbk_page_that_declares_gb2312_reads_as_the_utf8_page(tmp_path, plan_blocks):
    utf8 = read_source(write_html(plan_blocks, tmp_path / "utf8.html"))
    gbk = read_source(write_html(plan_blocks, tmp_path / "gbk.html", charset="gb2312"))
    assert (gbk.text, gbk.encoding, utf8.encoding) == (utf8.text, "gb18030", "utf-8")
    assert "当前位置" not in gbk.text and "ICP" not in gbk.text and "统计代码" not in gbk.text


def test_facts_in_a_table_point_back_to_their_cell(tmp_path, plan_blocks):
    """Every department of a table row lies in the cell of its column; the merged lead cell is in each row."""
    from plankg.ingest.pipeline import extract_source

    source = read_source(write_docx(plan_blocks, tmp_path / "plan.docx"))
    ex = extract_source(source)
    assert len(ex.document.cells) == len(source.cells) > 0
    header = {c.col: source.text[c.span[0]:c.span[1]] for c in ex.document.cells if c.table == 1 and c.row == 0}
    rows = [t for t in ex.tasks if t.ref.startswith("四.")]
    assert len(rows) == 12
    for task in rows:
        for d in task.departments:
            cell = ex.document.cell_at(d.span)
            assert cell is not None and cell.table == 1, (task.ref, d.name)
            assert header[cell.col] == ("牵头单位" if d.role.value == "lead" else "配合单位")
    leads = [ex.document.cell_at(t.departments[0].span) for t in rows[:3]]
    assert [(c.row, c.col) for c in leads if c] == [(1, 2), (2, 2), (3, 2)]  # one merged cell, three rows
    meta = {source.text[c.span[0]:c.span[1]] for c in ex.document.cells if c.table == 0}
    assert {"索引号", "发布机构", "湖科发〔2024〕12号"} <= meta
