"""Projects a plan lists in a project table: a 项目名称 column, with 领域 and 施工单位/建设单位 when present."""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from plankg.ingest.contract import ProjectOut
from plankg.ingest.names import first_mentions

if TYPE_CHECKING:  # structure.py is the colleague's module; only its shape is needed here
    from plankg.ingest.structure import Block

RULE_PROJECT = "plankg.entities.project.table.v1"

_NAME_COLUMN = re.compile(r"项目名称|^项目$")
_FIELD_COLUMN = re.compile(r"领域|类别|行业|产业|类型")
_BUILDER_COLUMN = re.compile(r"施工单位|建设单位|实施单位|承建单位|业主单位|建设主体|实施主体|项目单位|承担单位")


def _column(header: Sequence[str], pattern: re.Pattern[str]) -> int | None:
    for i, h in enumerate(header):
        if pattern.search(h.replace(" ", "")):
            return i
    return None


def row_project(text: str, b: Block) -> ProjectOut | None:
    """The project a project-table row lists (a 项目名称 column), or None for any other block."""
    if getattr(b, "kind", "") != "table_row" or not b.header:
        return None
    header = list(b.header)
    name_i = _column(header, _NAME_COLUMN)
    if name_i is None:
        return None
    cells = list(b.cells)
    if len(cells) != len(header):
        return None  # a row that does not line up with its header cannot be read column by column
    field_i, builder_i = _column(header, _FIELD_COLUMN), _column(header, _BUILDER_COLUMN)
    name = cells[name_i]
    at = text.find(name, b.start, b.end)
    span = (at, at + len(name)) if at >= 0 else (b.start, b.end)
    return ProjectOut(name=name, field=cells[field_i] if field_i is not None else None,
                      builder=cells[builder_i] if builder_i is not None else None, span=span, rule=RULE_PROJECT)


def dedupe_projects(found: list[ProjectOut]) -> list[ProjectOut]:
    """First mention of each project, by normalized name."""
    return first_mentions(found)
