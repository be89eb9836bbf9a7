"""PDF files read with pdfplumber: the text layer's lines in reading order, paragraphs put back
together, ruled tables as rows, and the page furniture (page numbers, running headers and footers)
left out.

- Reading order: on each page, the lines outside tables and the tables, from top to bottom.
- Furniture: a line in the top or bottom tenth of a page that is a page number ("— 3 —", "- 3 -",
  "第3页 共9页", "3/9") or that repeats, digits aside, at the same height on at least half the pages.
- Paragraphs: a line that reaches the right margin goes on in the next line when that one starts at
  the left margin (a paragraph's first line is indented, as in every 公文), or is centred in the same
  type (a title wrapped over lines), and opens no numbered unit; across a page break too. Wrapped
  lines join with nothing between them, but for a space between two Latin words.
- Tables: ruled tables (pdfplumber's line strategy) with two columns or more. A table that goes on at
  the top of the next page is one table, its header row printed again there left out and a row the
  page break cut in two put back together (`continued_rows`). A cell merged down several rows is
  repeated in each row it covers, a cell merged across columns fills its first column, and a row
  that is one cell across the table is a line of its own (`blocks.render`).

A PDF without a text layer (a scan) or whose fonts map no characters to Unicode is refused with the
fix: OCR it first. So is one that needs a password to open. A text layer pdfminer cannot decode but
PDFium can (a CID font with an encoding CMap of its own) is read from PDFium as lines of text, without
its tables, and reflowed as a paginated text file is (`plankg.ingest.read.reflow_pages`).
"""
from __future__ import annotations

import io
import re
import statistics
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from plankg.errors import InputError, MissingDependencyError
from plankg.ingest.formats.blocks import Block, Paragraph, Table, join_wrapped, render
from plankg.ingest.read import SourceText, is_chinese, reflow_pages

BAND = 0.1  # share of the page height at its top and bottom where headers, footers and page numbers are
_PAGE_NUMBER = re.compile(r"^(?:[—–\-－]{1,2}\s*\d{1,4}\s*[—–\-－]{1,2}"
                          r"|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
                          r"|\d{1,4}(?:\s*/\s*\d{1,4})?|[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$")
# A line opening a numbered unit: never the continuation of the line before.
_UNIT_START = re.compile(r"^(?:[一二三四五六七八九十百]+[、．.]|[（(][一二三四五六七八九十百\d]+[）)]"
                         r"|\d{1,3}[、．.](?!\d)|[①-⑳]|第[一二三四五六七八九十百\d]+[章节条]|附\s*件)")
OCR_FIX = "OCR it first (e.g. ocrmypdf --language chi_sim FILE.pdf FILE-ocr.pdf) and pass the OCR'd PDF"


@dataclass(frozen=True)
class _Line:
    page: int
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float


@dataclass(frozen=True)
class _PageTable:
    page: int
    top: float
    bottom: float
    rows: list[list[str]]
    columns: tuple[float, ...]


Item = _Line | _PageTable


def _inside(obj: dict[str, Any], boxes: Sequence[tuple[float, float, float, float]]) -> bool:
    cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


def _grid(table: Any) -> list[list[str]]:
    """A pdfplumber table's rows, merged cells expanded (see the module doc)."""
    texts = table.extract()
    rows = table.rows
    width = max((len(r.cells) for r in rows), default=0)
    col_x0 = [min((r.cells[c][0] for r in rows if c < len(r.cells) and r.cells[c] is not None), default=0.0)
              for c in range(width)]
    x0, _, x1, _ = table.bbox
    grid: list[list[str]] = []
    for r, row in enumerate(rows):
        cells = row.cells
        present = [b for b in cells if b is not None]
        out: list[str] = []
        if len(present) == 1 and width > 1 and present[0][0] <= x0 + 1 and present[0][2] >= x1 - 1:
            only = next(join_wrapped(texts[r][c] or "") for c, b in enumerate(cells) if b is not None)
            grid.append([only] * width)
            continue
        for c in range(width):
            bbox = cells[c] if c < len(cells) else None
            if bbox is not None:
                out.append(join_wrapped(texts[r][c] or ""))
                continue
            out.append(_covering(grid, rows, r, c, col_x0))
        grid.append(out)
    return grid


def _covering(grid: list[list[str]], rows: Any, r: int, c: int, col_x0: list[float]) -> str:
    """The text of a grid position no cell starts at: a cell merged down into it repeats; one merged
    across into it, or none at all, leaves it empty."""
    top = rows[r].bbox[1]
    for above in range(r - 1, -1, -1):
        cells = rows[above].cells
        bbox = cells[c] if c < len(cells) else None
        if bbox is not None:
            return grid[above][c] if bbox[3] > top + 1 and c < len(grid[above]) else ""
        left = [b for b in cells[:c] if b is not None]
        if left and left[-1][2] > col_x0[c] + 1:
            return ""  # the row above is merged across here too: this is no vertical merge from it
    return ""


def _page_items(page: Any, number: int) -> Iterator[Item]:
    tables = [t for t in page.find_tables() if t.rows and max(len(r.cells) for r in t.rows) >= 2]
    boxes = [t.bbox for t in tables]
    outside = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes)) if boxes else page
    for line in outside.extract_text_lines(return_chars=True):
        text = line["text"].strip()
        if not text:
            continue
        sizes = [ch.get("size", 0.0) for ch in line["chars"] if not ch["text"].isspace()]
        yield _Line(number, text, line["x0"], line["x1"], line["top"], line["bottom"],
                    statistics.median(sizes) if sizes else 10.0)
    for t in tables:
        x0, top, x1, bottom = t.bbox
        columns = tuple(round(c.bbox[0]) for c in t.columns) if hasattr(t, "columns") else ()
        yield _PageTable(number, top, bottom, _grid(t), columns)


def _furniture_key(line: _Line, height: float) -> tuple[str, str, int] | None:
    """Where a line could be page furniture: its band, its text with digits masked and its height;
    None for a line in the body of the page."""
    if line.top < height * BAND:
        band, at = "top", line.top
    elif line.bottom > height * (1 - BAND):
        band, at = "bottom", line.bottom
    else:
        return None
    return band, re.sub(r"\d+", "#", re.sub(r"\s+", "", line.text)), round(at / 4)


def drop_furniture(pages: list[list[Item]], heights: list[float]) -> list[list[Item]]:
    """Pages without their page numbers, running headers and footers (see the module doc)."""
    seen: Counter[tuple[str, str, int]] = Counter()
    for items, height in zip(pages, heights, strict=True):
        keys = {_furniture_key(it, height) for it in items if isinstance(it, _Line)}
        seen.update(k for k in keys if k is not None)
    repeated = {k for k, n in seen.items() if n >= 2 and n >= 0.5 * len(pages)}
    out = []
    for items, height in zip(pages, heights, strict=True):
        kept = []
        for it in items:
            if isinstance(it, _Line):
                key = _furniture_key(it, height)
                if key is not None and (key in repeated or _PAGE_NUMBER.match(re.sub(r"\s+", " ", it.text))):
                    continue
            kept.append(it)
        out.append(kept)
    return out


def _same_columns(a: _PageTable, b: _PageTable) -> bool:
    if not a.rows or not b.rows or len(a.rows[0]) != len(b.rows[0]):
        return False
    return not a.columns or not b.columns or all(abs(x - y) <= 3 for x, y in zip(a.columns, b.columns, strict=False))


def continued_rows(rows: list[list[str]], more: list[list[str]]) -> list[list[str]]:
    """The rows of a table going on over a page break: its header row, printed again on the new page, left
    out, and a row the break cut in two (the new page's first row has no number where every row above
    has one) put back together.

    >>> head = ["序号", "任务", "牵头单位"]
    >>> continued_rows([head, ["1", "建设科技企业", "市科技局"]], [head, ["", "孵化器", ""], ["2", "乙", "市发改委"]])
    [['序号', '任务', '牵头单位'], ['1', '建设科技企业孵化器', '市科技局'], ['2', '乙', '市发改委']]
    """
    if more and more[0] == rows[0]:
        more = more[1:]
    if (more and len(rows) > 1 and not more[0][0] and any(more[0][1:]) and all(r[0] for r in rows)
            and len(more[0]) == len(rows[-1])):
        cut = [join_wrapped(f"{a}\n{b}") if a and b else a or b for a, b in zip(rows[-1], more[0], strict=True)]
        return rows[:-1] + [cut] + more[1:]
    return rows + more


def _centred_after(before: _Line, line: _Line, left: float, right: float) -> bool:
    """A centred line in the type of a full line before it: the rest of a title wrapped over lines."""
    return (abs(before.size - line.size) < 0.5 and line.x0 > left + line.size
            and abs((line.x0 - left) - (right - line.x1)) <= line.size)


def blocks_of(pages: list[list[Item]]) -> list[Block]:
    """Paragraphs and tables from the pages' items in reading order (see the module doc)."""
    lines = [it for items in pages for it in items if isinstance(it, _Line)]
    left = min((ln.x0 for ln in lines), default=0.0)
    right = max((ln.x1 for ln in lines), default=0.0)
    out: list[Paragraph | _PageTable] = []
    paragraph: list[str] = []
    last_line: _Line | None = None

    def flush() -> None:
        nonlocal paragraph
        if paragraph:
            out.append(Paragraph(join_wrapped("\n".join(paragraph))))
            paragraph = []

    for items in pages:
        for it in sorted(items, key=lambda i: i.top):
            if isinstance(it, _PageTable):
                flush()
                last_line = None
                before = out[-1] if out else None
                if isinstance(before, _PageTable) and it.page == before.page + 1 and _same_columns(before, it):
                    # The table goes on from the page before: one table, its header row not repeated.
                    out[-1] = _PageTable(it.page, it.top, it.bottom, continued_rows(before.rows, it.rows),
                                         it.columns)
                else:
                    out.append(it)
                continue
            goes_on = (last_line is not None and paragraph
                       and last_line.x1 >= right - 1.2 * last_line.size
                       and (it.x0 <= left + 0.6 * it.size or _centred_after(last_line, it, left, right))
                       and not _UNIT_START.match(it.text))
            if not goes_on:
                flush()
            paragraph.append(it.text)
            last_line = it
    flush()
    return [Table(b.rows) if isinstance(b, _PageTable) else b for b in out]


def read(path: Path, raw: bytes) -> SourceText:
    """Read a PDF into normalised text and its table cells, or fail naming the file and the fix."""
    try:
        import pdfplumber
        from pdfminer.pdfdocument import PDFPasswordIncorrect
        from pdfminer.pdfparser import PDFSyntaxError
        from pdfplumber.utils.exceptions import PdfminerException
    except ImportError:
        raise MissingDependencyError("pdfplumber", "reading PDF files") from None
    try:
        pdf = pdfplumber.open(io.BytesIO(raw))
        pages_: list[list[Item]] = []
        heights: list[float] = []
        chars = images = cids = 0
        with pdf:
            for number, page in enumerate(pdf.pages):
                chars += len(page.chars)
                images += len(page.images)
                cids += sum(1 for ch in page.chars if ch["text"].startswith("(cid:"))
                pages_.append(list(_page_items(page, number)) if page.chars else [])
                heights.append(float(page.height))
    except (PdfminerException, PDFPasswordIncorrect, PDFSyntaxError) as exc:
        cause = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
        if isinstance(cause, PDFPasswordIncorrect) or "password" in str(cause).lower():
            raise InputError(f"{path.name} is an encrypted PDF that needs a password to open", where=str(path),
                             fix="open it with its password and save or print an unprotected copy (qpdf --password="
                                 "PASSWORD --decrypt FILE.pdf OUT.pdf)") from None
        raise InputError(f"{path.name} is a damaged PDF ({type(cause).__name__}: {str(cause)[:120]})",
                         where=str(path), fix="download it again, or open it and print it to a new PDF") from None
    if chars == 0 or cids > 0.5 * chars:
        text = pdfium_text(raw)
        if text is not None and is_chinese(text):
            # A text layer pdfminer cannot decode (a CID font with an embedded encoding CMap, as fpdf2 writes
            # for OpenType fonts) that PDFium can: its lines, without tables, reflowed as a text file's.
            return SourceText(path=path, text=reflow_pages(text), encoding="utf-8", raw_bytes=raw, format="pdf")
        what = "is a scan: its pages are images without a text layer" if chars == 0 else \
            "has fonts that map no characters to Unicode, so its text layer cannot be read"
        raise InputError(f"{path.name} {what} ({len(pages_)} pages, {images} images)", where=str(path), fix=OCR_FIX)
    text, cells = render(blocks_of(drop_furniture(pages_, heights)))
    return SourceText(path=path, text=text, encoding="utf-8", raw_bytes=raw, format="pdf", cells=cells)


def pdfium_text(raw: bytes) -> str | None:
    """The text of a PDF's pages as PDFium reads it, one line per line and pages one after the other
    (None when PDFium is missing or cannot open it)."""
    try:
        import pypdfium2
    except ImportError:
        return None
    try:
        document = pypdfium2.PdfDocument(raw)
    except pypdfium2.PdfiumError:
        return None
    try:
        pages = [document[i].get_textpage().get_text_bounded() for i in range(len(document))]
    finally:
        document.close()
    lines = [ln.strip(" \t\u3000") for page in pages for ln in page.replace("\r\n", "\n").split("\n")]
    return "".join(ln + "\n" for ln in lines if ln) if any(lines) else None


def page_count(raw: bytes) -> int:
    """The number of pages of a PDF (for throughput figures)."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(raw)) as pdf:
        return len(pdf.pages)
