"""Query results for the terminal: aligned tables (CJK characters are two columns wide), CSV, JSON.

>>> print(format_rows([{"部门": "市科技局", "n": 12}, {"部门": "市发改委", "n": 3}], "table"))
部门      n
--------  --
市科技局  12
市发改委  3
>>> print(format_rows([{"a": 1, "b": ["x", "y"], "c": "=1+1"}], "csv"))
a,b,c
1,"[""x"", ""y""]",'=1+1
>>> format_rows([], "table")
'(no rows)'
"""
from __future__ import annotations

import json
import unicodedata
from collections.abc import Sequence
from typing import Any

FORMATS = ("table", "csv", "json")


def display_width(text: str) -> int:
    """Terminal columns a string takes: wide and full-width characters count two.

    >>> display_width("abc"), display_width("市科技局")
    (3, 8)
    """
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cell(value: Any, limit: int | None = None) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = text.replace("\n", " ")
    if limit and display_width(text) > limit:
        out, width = [], 0
        for ch in text:
            width += display_width(ch)
            if width > limit - 1:
                break
            out.append(ch)
        text = "".join(out) + "…"
    return text


def format_rows(rows: Sequence[dict[str, Any]], fmt: str = "table", *, max_cell: int | None = 60) -> str:
    """Render rows (dicts keyed by column) as `table`, `csv` (formula-safe, see
    `plankg.viz.csv_writer`) or `json`; no format ends with an empty line."""
    if fmt == "json":
        return json.dumps(list(rows), ensure_ascii=False, indent=2)
    columns: list[str] = []
    for row in rows:
        columns.extend(k for k in row if k not in columns)
    if fmt == "csv":
        from plankg.viz.csv_writer import csv_text

        return csv_text(columns, ([row.get(c) for c in columns] for row in rows))
    if not rows:
        return "(no rows)"
    cells = [[_cell("" if row.get(c) is None else row.get(c), max_cell) for c in columns] for row in rows]
    widths = [max(display_width(c), *(display_width(r[i]) for r in cells)) for i, c in enumerate(columns)]

    def line(values: list[str]) -> str:
        return "  ".join(v + " " * (w - display_width(v)) for v, w in zip(values, widths, strict=True)).rstrip()

    return "\n".join([line(columns), line(["-" * w for w in widths]), *(line(r) for r in cells)])
