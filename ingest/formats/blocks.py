"""A document's blocks (paragraphs and tables) rendered to the normalised text every reader produces.

Every format reader (docx, html, pdf, and through them doc/wps) turns its document into a list of
blocks and hands it here, so a table reaches extraction in one layout whatever file it came from:
one row per line, each cell closed by a bar (``序号 | 重点任务 | 牵头单位 |``), the layout a table
flattened to text takes and the layout layer reads (`plankg.ingest.structure`). A table read from
a file and the same table flattened to text therefore give the same facts.

Cells are cleaned so that they stay one cell on one line: line breaks and tabs inside a cell become
spaces, runs of spaces one space, and a bar inside a cell becomes a full-width bar (｜). A cell
merged over several rows is repeated in each row it covers (the reader does that); a row that is
one cell across the whole table (a section heading inside a table) is printed as a line of its
own, without bars. Each table cell's place in the text is kept as a `CellSpan`.

>>> text, cells = render([Paragraph("一、重点任务"),
...                       Table([["序号", "任务", "牵头单位"], ["1", "建设平台", "市科技局"]])])
>>> print(text, end="")
一、重点任务
序号 | 任务 | 牵头单位 |
1 | 建设平台 | 市科技局 |
>>> c = cells[-1]
>>> (c.table, c.row, c.col, text[c.start:c.end])
(0, 1, 2, '市科技局')
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from plankg.ingest.read import CellSpan

_SPACES = re.compile(r"[ \t\r\n\u00a0\u2028\u2029]+")
# A line break where the page width wrapped a line: nothing, unless it falls between two Latin words
# (a digit broken from its number or its measure word is no word boundary).
_WRAP = re.compile(r"[ \t\u00a0]*\n[ \t\n\u00a0]*")
_WORD_GAP = re.compile(r"[A-Za-z][,.;:!?)]?$")


@dataclass(frozen=True)
class Paragraph:
    """A paragraph: one line of text (a line break inside it, as Word's <w:br/>, stays a line break)."""

    text: str


@dataclass(frozen=True)
class Table:
    """A table as rows of cell texts, merged cells already expanded by the reader (see the module doc)."""

    rows: Sequence[Sequence[str]]


Block = Paragraph | Table


def clean_cell(text: str) -> str:
    """A cell's text on one line: breaks, tabs and runs of spaces as one space, bars as full-width bars.

    >>> clean_cell(" 市科技局\\n 市财政局 | 各区 ")
    '市科技局 市财政局 ｜ 各区'
    """
    return _SPACES.sub(" ", text).replace("|", "｜").strip()


def join_wrapped(text: str) -> str:
    """Lines of one paragraph or cell wrapped by the page width, joined: nothing between two Chinese
    characters (Chinese is written without spaces), a space elsewhere.

    >>> join_wrapped("实施科技企业“双倍增”行动，新增高新\\n技术企业350家")
    '实施科技企业“双倍增”行动，新增高新技术企业350家'
    >>> join_wrapped("5G\\nbase stations"), join_wrapped("新增科技型中小企业1\\n200家")
    ('5G base stations', '新增科技型中小企业1200家')
    """
    parts = _WRAP.split(text.strip())
    out = parts[0]
    for part in parts[1:]:
        out += (" " if _WORD_GAP.search(out) and part[:1].isascii() and part[:1].isalpha() else "") + part
    return _SPACES.sub(" ", out)


def clean_line(text: str) -> str:
    """A paragraph's text: no indent or trailing space, non-breaking and ideographic spaces inside it as
    spaces, and no NUL or other control characters.

    >>> clean_line("\\u3000\\u3000一、总体要求\\u00a0 ")
    '一、总体要求'
    """
    text = "".join(ch for ch in text if ch in "\n\t" or ch >= " ")
    lines = [ln.replace("\u00a0", " ").strip(" \t\u3000") for ln in text.split("\n")]
    return "\n".join(ln for ln in lines if ln)


def _is_banner(row: Sequence[str], width: int) -> bool:
    """A row that is one cell across the table (merged over every column)."""
    return width > 1 and len(row) == width and row[0] != "" and all(c == row[0] for c in row)


def render(blocks: Sequence[Block]) -> tuple[str, tuple[CellSpan, ...]]:
    """The normalised text of `blocks`, ending with a line break, and the span of every table cell in it.

    A table with fewer than two columns is a box around text, not a table of facts: its cells are
    printed as paragraphs. Empty rows and empty paragraphs are left out.

    >>> render([Table([["附件"], ["任务清单"]]), Table([["一、产业", "一、产业"], ["1", "市科技局"]])])[0]
    '附件\\n任务清单\\n一、产业\\n1 | 市科技局 |\\n'
    """
    lines: list[str] = []
    cells: list[CellSpan] = []
    offset = 0
    table_index = 0

    def add(line: str) -> int:
        nonlocal offset
        start = offset
        lines.append(line)
        offset += len(line) + 1
        return start

    for block in blocks:
        if isinstance(block, Paragraph):
            line = clean_line(block.text)
            if line:
                add(line)
            continue
        # Rows keep their index in the table as read, empty ones included, so a cell names its source row.
        rows = [(r, cleaned) for r, row in enumerate(block.rows) if any(cleaned := [clean_cell(c) for c in row])]
        width = max((len(row) for _, row in rows), default=0)
        if width < 2:
            for _, row in rows:
                for cell in row:
                    if cell:
                        add(cell)
            continue
        for r, row in rows:
            if _is_banner(row, width):
                start = add(row[0])
                cells.append(CellSpan(table_index, r, 0, start, start + len(row[0])))
                continue
            row = row + [""] * (width - len(row))
            start = add(" | ".join(row) + " |")
            for c, cell in enumerate(row):
                cells.append(CellSpan(table_index, r, c, start, start + len(cell)))
                start += len(cell) + 3
        table_index += 1
    return "".join(line + "\n" for line in lines), tuple(cells)
