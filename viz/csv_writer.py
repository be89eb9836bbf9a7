"""The one CSV writer of plankg: query results (`plankg query --format csv`), the responsibility
matrix, and the neo4j-admin import files all go through it.

A cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage return, which Excel skips
before looking) is read by spreadsheets as a formula: text from a policy document could run
one (CSV injection). Such text cells get a leading `'`, which spreadsheets show as "this is
text". Numbers are written as numbers: `-5` is a value, not a formula. Lists and maps are
written as JSON. Rows end with a newline, with no empty line after the last.

>>> print(csv_text(["name", "n", "tags"], [["=HYPERLINK(\\"http://x\\")", -5, ["a", "b"]], ["市科技局", None, True]]))
name,n,tags
"'=HYPERLINK(""http://x"")",-5,"[""a"", ""b""]"
市科技局,,true
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NEEDS_QUOTES = re.compile('[,"\r\n]')  # a cell holding one of these is quoted


def excel_safe(text: str) -> str:
    """Text a spreadsheet shows as text: a leading formula character gets a `'` before it.

    >>> excel_safe("=1+1"), excel_safe("-cmd|' /C calc'!A0"), excel_safe("杭州市"), excel_safe("")
    ("'=1+1", "'-cmd|' /C calc'!A0", '杭州市', '')
    """
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_cell(value: Any, *, escape: bool = True) -> str:
    """One value as a CSV cell: None empty, text escaped (`excel_safe`), booleans `true`/`false`,
    numbers as written by Python, lists and maps as JSON (which opens with `[` or `{`).

    >>> [csv_cell(v) for v in (None, "@sum", 3, 2.5, False, {"a": 1})]
    ['', "'@sum", '3', '2.5', 'false', '{"a": 1}']
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return excel_safe(value) if escape else value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    return json.dumps(value, ensure_ascii=False, default=str)


def csv_line(cells: Sequence[str]) -> str:
    r"""One CSV record (RFC 4180, without its line end): a cell holding a comma, a quote or a line
    break of either kind is quoted, its quotes doubled. (Python's csv module leaves a lone `\r`
    unquoted when lines end in `\n`, which breaks the row in two for every reader.)

    >>> csv_line(["a", "x,y", "line\rbreak", 'say "hi" '])
    'a,"x,y","line\rbreak","say ""hi"" "'
    >>> csv_line([""])
    '""'
    """
    if len(cells) == 1 and cells[0] == "":
        return '""'  # a lone empty cell, not an empty line
    return ",".join('"' + c.replace('"', '""') + '"' if c and _NEEDS_QUOTES.search(c) else c for c in cells)


def csv_text(header: Sequence[Any], rows: Iterable[Sequence[Any]], *, escape: bool = True) -> str:
    """The table as CSV text, lines ending in a newline, except the last (print adds one)."""
    # text cells (most of a matrix: empty ones) as `csv_cell` writes them, without a call each
    return "\n".join(csv_line([(excel_safe(v) if escape and v else v) if type(v) is str else csv_cell(v, escape=escape)
                                for v in row]) for row in [header, *rows])


def write_csv(path: str | Path, header: Sequence[Any], rows: Iterable[Sequence[Any]], *, excel: bool = False,
              escape: bool = True) -> Path:
    """Write the table to `path` as UTF-8; with `excel`, with the byte order mark Excel needs to
    read Chinese. `escape=False` only for files that are input to another program (neo4j-admin
    would store the `'` as part of the value), never for files meant for people."""
    path = Path(path)
    path.write_text(csv_text(header, rows, escape=escape) + "\n", encoding="utf-8-sig" if excel else "utf-8",
                    newline="")
    return path
