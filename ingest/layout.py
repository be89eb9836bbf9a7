"""The layout layer: tables flattened to text rebuilt into logical rows of cells.

Plans publish their task-division tables as tables; what reaches us is often the table flattened
to text, one cell per line, in several ways:

- header cells each on their own line (``序号`` / ``主要工作举措`` / ``牵头单位`` / ``配合单位`` / ``责任领导``),
  then the cells of each row, one per line;
- the same with a ``|`` closing each cell (``牵头单位 |``) and ``||`` for an empty cell;
- header labels broken by spaces (``牵头 单位``), extra columns (progress notes, yes/no, remarks);
- rows that leave a cell out altogether (no person in one row, a person in the next), a unit cell
  spread over several lines, a task cell wrapped over lines in the middle of a word.

One mechanism reads them all: the header's cells give each column a role (`lexicon.column_role`),
every line of the body is given a kind (number, unit list, person, deadline, flag, text), and the
lines are laid into the columns in order, each line into the first column at or after the current
one whose role accepts its kind. A line that fits no column further on opens the next row.

>>> lines = [(0, 0, t) for t in ["主要工作任务", "牵头单位", "责任单位", "加快园区建设", "市发改委",
...          "市财政局、市科技局", "推进招商引资", "市商务局", "各区县政府"]]
>>> table = cell_table(lines, 0, len(lines))
>>> [r.cells for r in table.rows]
[('加快园区建设', '市发改委', '市财政局、市科技局'), ('推进招商引资', '市商务局', '各区县政府')]
>>> table.header
('主要工作任务', '牵头单位', '责任单位')
"""
from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Container, Sequence
from dataclasses import dataclass

from plankg.ingest import lexicon

Line = tuple[int, int, str]  # start offset, end offset, text (trimmed)

NUMBER, UNITS, PERSON, DEADLINE, FLAG, TEXT, EMPTY = "number", "units", "person", "deadline", "flag", "text", "empty"

_INT = re.compile(r"^\d{1,3}[*＊※]?$")  # "1*": a row's number with a mark (the rows the city leads)
_MARK = "*＊※"
_BAR_CELL = re.compile(r"^(.*?)[\s|]*\|$")
_DEADLINE = re.compile(rf"^{lexicon.DEADLINE_PATTERN}$")
_FLAG = re.compile(r"^(?:是|否|√|×|✓|有|无)$")
_NAME = re.compile(r"^[\u4e00-\u9fff]{2,3}(?:同志)?$|^[\u4e00-\u9fff][ \u3000]+[\u4e00-\u9fff]$")
_UNIT_SPLIT = re.compile(r"[、,，;；/\s]+")
# A header cell is a short label: no sentence punctuation, no brackets, no numbering marker.
_HEADER_CELL = re.compile(r"^(?![一二三四五六七八九十]+[、.．]|\d{1,3}$)[^。:：;；,，()（）【】〔〕\[\]]{1,16}"
                          r"(?:[(（][^。:：;；,，()（）]{1,20}[)）]){0,2}$")  # "落实科室(部门)": asides after the label
# (a bare number is the first row's, no label: "责任单位" / "1" / "农业特色产业发展项目")
# Columns a header goes on with after its units and a second task column ("…/ 目标任务 / 累计完成 / 备注").
_LATER_COLUMNS = ("progress", "remark", "deadline", "person", "flag")
_ROLE_WORDS = lexicon.KEY_LEAD_WORDS + lexicon.KEY_SUPPORT_WORDS + lexicon.KEY_RESPONSIBLE_WORDS + ("主要",)
# The nouns a header cell broken over two lines ends in ("牵头" / "单位", "责任" / "领导").
_HEADER_TAILS = ("单位", "部门", "领导", "科室", "处室", "时限", "时间", "情况", "任务", "举措", "内容", "措施", "打算",
                 "计划", "问题")
# "(单位)", "(邹区镇)": an aside; "(一)", "(2)" open numbered items and are none
_QUALIFIER = re.compile(r"^[(（](?![一二三四五六七八九十百\d]+[)）])[^()（）]{1,12}[)）]$")
_STOP_MARKER = re.compile(r"^(?:第[一二三四五六七八九十百\d]+[章节条]|[一二三四五六七八九十]+[、.．]|附\s*件)")


@dataclass(frozen=True)
class Row:
    """A logical row: the lines it spans (indices) and one cell per header column ("" where empty)."""

    first: int
    last: int
    cells: tuple[str, ...]
    starts: tuple[int, ...]  # offset of each cell in the text (the row's first offset for an empty cell)
    span: tuple[int, int] | None = None  # the row's own offsets, where several rows share a line (a glued table)


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    roles: tuple[str | None, ...]
    first: int  # index of the first header line
    rows: tuple[Row, ...]
    end: int  # index of the first line after the table
    separators: bool = False  # lone bar lines separate its cells
    tokens: bool = False  # one row per line, its cells separated by spaces (`token_table`)


def bar_text(text: str) -> str:
    """A line's cell without the bar that closes it: "牵头单位 |" -> "牵头单位"; "||" or "|" -> "".

    >>> bar_text("市科技局 |"), bar_text("||"), bar_text("市科技局"), bar_text("考核责任单位 | |")
    ('市科技局', '', '市科技局', '考核责任单位')
    """
    if set(text) <= {"|", " ", "\u3000"}:
        return ""
    m = _BAR_CELL.match(text)
    return m.group(1).strip() if m else text


def header_roles(cells: Sequence[str]) -> tuple[str | None, ...] | None:
    """The role of each header cell, when the cells form a responsibility table's header.

    A header names at least one unit column (牵头/配合/责任…单位) and one other known column.

    >>> header_roles(["序号", "主要任务", "牵头 单位", "配合单位"])
    ('number', 'task', 'lead', 'support')
    >>> header_roles(["序号", "指标", "2025年"]) is None
    True

    A table with no column named for its tasks has them in the column after the numbers, whatever its
    label says ("序号 / 民生工程 / 责任单位 / 完成时限").

    >>> header_roles(["序号", "民生工程", "责任单位", "完成时限"])
    ('number', 'task', 'responsible', 'deadline')
    """
    roles = tuple(lexicon.column_role(c) for c in cells)
    if any(r in lexicon.UNIT_ROLES for r in roles) and "task" in roles:
        # an indicator table's unit of measure and its value columns ("单位 / 2025年 / 2027年 / 牵头单位")
        roles = tuple(r if r is not None else indicator_role(c) for r, c in zip(roles, cells, strict=True))
    if len(roles) > 2 and roles[0] == "number" and roles[1] is None \
            and roles.count(None) == 1 and re.fullmatch(r"[\u4e00-\u9fff]{2,8}", cells[1].replace(" ", "")):
        # ("序号 / 路段名称 / 问题描述 / 责任单位": the name of what each row's task concerns, its group)
        roles = ("number", "task" if "task" not in roles else "category", *roles[2:])
    if len(roles) < 2 or any(r is None for r in roles) or "number" in roles[1:]:
        return None
    grouping = set(lexicon.grouping_indicator_columns(cells))
    first_task = roles.index("task") if "task" in roles else -1
    if roles.count("task") == 2 and roles[first_task + 1] == "task":
        # "项目名称 / 项目内容": the first names the group the second's tasks are in, printed once (a merged cell);
        # read as a category, so that a row's cells keep their columns (the task text still starts at it)
        grouping.add(first_task)
    roles = tuple("category" if i in grouping else r for i, r in enumerate(roles))
    if not any(r in lexicon.UNIT_ROLES for r in roles) or all(r in lexicon.UNIT_ROLES for r in roles):
        return None
    return roles


# (a year's baseline column, "2010年实绩", "2020年现状值", holds values too, and so does a growth rate's,
# "年均增速(%)")
_VALUE_HEADER = re.compile(rf"{lexicon.YEAR_COLUMN}|(?:目标|现状|基期|基准|预期)值?|基数"
                           rf"|(?:19|20)\d{{2}}年?(?:{lexicon.alternation(lexicon.BASE_COLUMN_WORDS)})值?"
                           rf"|(?:年均)?(?:{lexicon.alternation(lexicon.GROWTH_WORDS)})(?:\(%\))*")


def indicator_role(cell: str) -> str | None:
    """The role of an indicator table's column that names no role of a task table: "单位" (the unit
    the values are in) is "measure", a year or a kind of value ("2025年", "目标值") is "value".

    >>> [indicator_role(c) for c in ("单位", "2025年", "目标值", "2010年实绩", "年均增速(%)", "备注说明")]
    ['measure', 'value', 'value', 'value', 'value', None]
    """
    cell = re.sub(r"\s+", "", cell)
    if cell in lexicon.MEASURE_HEADERS:
        return "measure"
    return "value" if _VALUE_HEADER.fullmatch(cell) else None


def _default_unit_shape() -> Callable[[str], bool]:
    from plankg.ingest.departments import default_registry

    return default_registry().looks_like_unit


_LABELLED_UNITS = re.compile(rf"^{lexicon.LEVELLED_ROLE_KEY}\s*(?P<units>\S.*)$")


def line_kind(text: str, looks_like_unit: Callable[[str], bool]) -> str:
    """The kind of one cell's text.

    >>> shape = _default_unit_shape()
    >>> [line_kind(t, shape) for t in ["3", "市科技局、市财政局", "张三", "2024年底前", "是", "加快推进园区建设", ""]]
    ['number', 'units', 'person', 'deadline', 'flag', 'text', 'empty']
    >>> line_kind("省牵头单位:省农业农村厅", shape), line_kind("牵头单位:加快推进", shape)
    ('units', 'text')
    """
    if not text:
        return EMPTY
    if _INT.match(text):
        return NUMBER
    labelled = _LABELLED_UNITS.match(text)
    if labelled is not None and line_kind(labelled["units"], looks_like_unit) == UNITS:
        return UNITS  # "省牵头单位:省农业农村厅" under a row's unit cell: more of its units, with their role
    if _FLAG.match(text):
        return FLAG
    if len(text) <= 24 and _DEADLINE.match(text):
        return DEADLINE
    # A level word alone ("各县、市、区政府" splits into 各县 / 市 / 区政府) is part of its neighbour; a note of the
    # lead convention after the units ("…。(分号前面为牵头单位,下同)") is the document's, no unit.
    pieces = [p for p in _split_units(lexicon.LEAD_CONVENTION_NOTE.sub("", text).strip("。;；"))
              if p and p not in _LEVEL_WORDS]
    if pieces and len(text) <= 200 and not _OPENS_ITEM.match(text) and all(
            _unit_piece(p, looks_like_unit) for p in pieces):
        return UNITS  # (a numbered item, "(2)建立村级应急工作组。", is a task however it ends)
    if (pieces and all(_NAME.match(p) for p in pieces)) or _NAME.match(text):
        return PERSON
    return TEXT


_LEVEL_WORDS = ("省", "市", "县", "区", "乡", "镇", "州", "盟", "旗")


# (a bare 单位 or 部门 is a name's own head: "…联席会议成员单位", "公安部门")
_LIST_TAIL = re.compile(r"(?:等|及|[省市区县](?:级|直)|其他|其它|有关|相关)+(?:部门|单位)$|等$")


def split_outside_brackets(text: str, delimiters: str, protected: Container[int] = ()) -> list[tuple[int, int]]:
    """The spans of `text` between its `delimiters` that stand outside brackets (and at no `protected` index).

    >>> t = "区税务局,各镇(街道、园区)"
    >>> [t[a:b] for a, b in split_outside_brackets(t, "、,")]
    ['区税务局', '各镇(街道、园区)']
    """
    spans, depth, start = [], 0, 0
    for k, ch in enumerate(text):
        if ch in lexicon.OPEN_BRACKETS:
            depth += 1
        elif ch in lexicon.CLOSE_BRACKETS:
            depth = max(0, depth - 1)
        elif ch in delimiters and depth == 0 and k not in protected:
            spans.append((start, k))
            start = k + 1
    spans.append((start, len(text)))
    return spans


# What separates the units of a table cell: list punctuation and white space.
_CELL_DELIMITERS = lexicon.UNIT_DELIMITERS + " \t\n\r\u3000\u00a0"


def _split_units(text: str) -> list[str]:
    """The pieces of a cell split at its delimiters outside brackets ("区税务局,各镇(街道、园区)" is two)."""
    if not any(ch in text for ch in lexicon.OPEN_BRACKETS):
        return _UNIT_SPLIT.split(text)
    return [text[a:b] for a, b in split_outside_brackets(text, _CELL_DELIMITERS)]


_COLLECTIVE = re.compile(r"各[\u4e00-\u9fff]{0,6}(?:单位|部门|政府|街道|乡镇|镇|园区|科室|处室)$"
                         r"|^[省市区县](?:直|级|属)各?(?:其他|其它)?(?:有关|相关)?(?:单位|部门)$|^(?:有关|相关)(?:乡镇|街道)")


_TOWN = re.compile(rf"^[\u4e00-\u9fff]{{0,5}}(?:{lexicon.alternation(lexicon.TOWN_ENDINGS)})"
                   r"(?:[(（][\u4e00-\u9fff、]{1,8}[)）])?(?:人民政府|政府)?$")



_ROLE_PHRASE_END = re.compile(rf"(?:{lexicon.alternation(lexicon.LEAD_VERBS + lexicon.SUPPORT_VERBS)}"
                              rf"|{lexicon.DUTY_PHRASE})$")


def _unit_piece(piece: str, looks_like_unit: Callable[[str], bool]) -> bool:
    """Whether one piece of a cell names a unit: a unit's shape, a collective, or a town standing for its
    government in a table ("孝顺镇").

    >>> shape = _default_unit_shape()
    >>> pieces = ("区发改局", "孝顺镇", "镇(街道)", "各乡镇", "加快建设", "镇", "办公室牵头", "各科室配合",
    ...           "管理中心按职责分工落实", "联席会议成员单位", "配合单位")
    >>> [_unit_piece(p, shape) for p in pieces]
    [True, True, True, True, False, False, True, True, True, True, False]
    """
    if _COLLECTIVE.search(piece) or (len(piece) >= 2 and _TOWN.match(piece)):
        return True  # "县各有关单位", "各乡镇": a collective unit
    piece = _ROLE_PHRASE_END.sub("", piece) or piece  # "办公室牵头", "各科室配合": the unit and its role
    if _COLLECTIVE.search(piece):
        return True
    # "…等部门", "…等区级有关部门": the list's tail, no unit
    piece = _LIST_TAIL.sub("", piece) or piece
    piece = piece.rstrip("*＊★")
    if piece in lexicon.UNIT_KEYS:
        return False  # "牵头单位": a column's label, no unit
    if len(piece) > 20:
        return False  # "…等龙头企业牵头建设广西工程机械技术创新中心" ends like a unit but is a sentence
    verb = lexicon.opening_verb().match(piece)
    if verb and len(piece) - verb.end() >= 4:
        return False  # "创建国家级示范区": a task that ends like a unit ("建设局" stays a unit)
    return looks_like_unit(piece) or piece.startswith("各") or _is_stem(piece)


def _is_stem(piece: str) -> bool:
    """A unit printed by its level and stem ("省人口计生", "县发改"): a cell of a unit column the page cut before
    the head noun. (A stem alone, "建设", "广电", is as often a word of a task or a category's cell.)

    >>> _is_stem("省人口计生"), _is_stem("建设"), _is_stem("市建设")
    (True, False, True)
    """
    from plankg.ingest.departments import default_registry, level_prefix

    return level_prefix(piece) != "" and default_registry().is_stem(piece)


# Which kinds of line each column role takes; roles a cell may continue over several lines.
_ACCEPTS: dict[str | None, tuple[str, ...]] = {
    "number": (NUMBER,),
    "task": (TEXT, PERSON, DEADLINE),
    "category": (TEXT, PERSON),
    lexicon.LEAD: (UNITS,),
    lexicon.SUPPORT: (UNITS,),
    lexicon.RESPONSIBLE: (UNITS,),
    "builder": (UNITS, TEXT),
    lexicon.PERSON: (PERSON, TEXT),
    "deadline": (DEADLINE, TEXT),
    "progress": (TEXT, DEADLINE, NUMBER, PERSON),
    "measure": (TEXT, PERSON),  # "岁", "%", "万元"
    "value": (TEXT, NUMBER, DEADLINE, PERSON),  # "≥79.2", "78.2(2021年)", "60"
    "remark": (TEXT, DEADLINE, PERSON, NUMBER),  # a score column ("分值": 3, 0.5)
    "flag": (FLAG,),
}
_HOME = {PERSON: lexicon.PERSON, DEADLINE: "deadline"}
_CONTINUES = ("task", "category", lexicon.LEAD, lexicon.SUPPORT, lexicon.RESPONSIBLE, "progress", "remark",
              lexicon.PERSON)


_SENTENCE_END = ("。", "；", ";", "！", "？")
_OPENS_ITEM = re.compile(r"^(?:\d{1,3}[.、．﹒]|[(（][一二三四五六七八九十\d]{1,3}[)）]"
                         r"|[一二三四五六七八九十]{1,3}[、.．])")


def _label_like(text: str) -> bool:
    """A category cell's text: a label, not a sentence."""
    return not text.endswith(_SENTENCE_END) and not re.search(r"[,，;；。]", text)


def _place(roles: Sequence[str | None], at: int, kind: str, cells: Sequence[list[str]], text: str,
           whole_cells: bool = True) -> int | None:
    """The column a line of `kind` goes to when the row's last filled column is `at` (-1: none yet).

    A wrapped task cell or a unit cell spread over lines continues in its column. A text line moves
    on to the next text column instead when its own column's cell ended a sentence or the line opens
    a numbered item ("主要预期目标" then "1.地区生产总值增长5%以上。" are two cells). Where lines are whole
    cells, a sentence is never a category's label: it goes on to the task column.
    """
    home = _HOME.get(kind)
    if home is not None and at >= 0 and roles[at] != home:
        # A person's name or a deadline goes to its own column when the table has one further on.
        for c in range(at + 1, len(roles)):
            if roles[c] == home:
                return c
    # a sentence after a category's label is the next column's
    sentence_after_label = whole_cells and at >= 0 and roles[at] == "category" and not _label_like(text)
    # an indicator's name is one cell: the line after it is its unit of measure or its first value
    indicator_name = at >= 0 and roles[at] == "task" and roles[at + 1:at + 2] in (("measure",), ("value",))
    if at >= 0 and cells[at] and roles[at] in _CONTINUES and kind in _ACCEPTS.get(roles[at], ()) \
            and not sentence_after_label and not indicator_name:
        later = next((c for c in range(at + 1, len(roles)) if kind in _ACCEPTS.get(roles[c], ())), None)
        if kind == TEXT and _OPENS_ITEM.match(text) and roles[at] not in ("task", "category") and \
                any(cells[c] for c, r in enumerate(roles) if r in lexicon.UNIT_ROLES):
            stays = False
        elif kind == UNITS:
            # lead then support, one line each
            stays = not any(r in lexicon.UNIT_ROLES for r in roles[at + 1:at + 2])
        elif _OPENS_ITEM.match(text) and _OPENS_ITEM.match(cells[at][0]) and not (
                roles[0] == "number" and any(cells[c] and not _label_like(cells[c][-1])
                                             for c in range(at) if roles[c] == "task")):
            # "(4)…" then "(5)…": two numbered items are two rows (their units merged or printed once), unless a
            # column numbers the rows and the items follow the row's task sentence (a cell's list of measures)
            return None
        else:
            new_cell = cells[at][-1].endswith(_SENTENCE_END) or bool(_OPENS_ITEM.match(text))
            stays = not (new_cell and later is not None and roles[later] in ("task", "category")
                         and all(r not in lexicon.UNIT_ROLES for r in roles[at + 1:later]))
        if stays:
            return at
    opens_item = kind == TEXT and bool(_OPENS_ITEM.match(text))
    units_filled = any(cells[c] for c, r in enumerate(roles) if r in lexicon.UNIT_ROLES)
    for c in range(at + 1, len(roles)):
        if kind in _ACCEPTS.get(roles[c], ()):
            if whole_cells and roles[c] == "category" and not _label_like(text) and "task" in roles[c + 1:]:
                continue  # no label printed for this row's group (a merged cell): the task itself
            if opens_item and units_filled and roles[c] not in ("task", "category"):
                return None  # "2.纳入…" after a row's units and deadline opens the next row, no remark
            return c
    return None


def _header_cells(lines: Sequence[Line], i: int, end: int) -> tuple[list[str], int, bool]:
    """The header cells from lines[i], the index after them, and whether bare bar lines separate cells.

    A header cell broken over two or three lines ("主要" / "任务", "区政府" / "分管领导") is joined
    when its first part names no role and the joined cell does.
    """
    header: list[str] = []
    roles_so_far: list[str | None] = []
    separators = False
    closed = 0  # header cells whose line a bar closes
    j = i
    while j < end and len(header) < 14:
        raw = lines[j][2]
        if j > i and set(raw) <= {"|", " "} and raw.count("|") == 1:
            separators = True  # "序号" / "|" / "项目" / "|": a lone bar separates cells
            j += 1
            continue
        cell = re.sub(r"\s+", "", bar_text(raw))
        if not _HEADER_CELL.match(cell):
            break
        nxt = re.sub(r"\s+", "", bar_text(lines[j + 1][2])) if j + 1 < end else ""
        if _QUALIFIER.match(nxt) and _HEADER_CELL.match(cell + nxt):
            cell, j = cell + nxt, j + 1  # "责任股室" / "(单位)": the header's aside on a line of its own
            nxt = re.sub(r"\s+", "", bar_text(lines[j + 1][2])) if j + 1 < end else ""
        if nxt in _HEADER_TAILS and lexicon.column_role(cell + nxt) is not None \
                and not (nxt == "单位" and lexicon.column_role(cell) == "task"):  # "指标名称" / "单位": two columns
            cell, j = cell + nxt, j + 1  # "牵头" / "单位": one header cell broken before its noun
        elif cell in _ROLE_WORDS and nxt.endswith(("单位", "部门", "科室")) and len(cell + nxt) <= 8:
            cell, j = cell + nxt, j + 1  # "牵头" / "责任单位", "主体" / "责任单位": one cell broken after its role
        if lexicon.column_role(cell) == "task" and "task" in roles_so_far and any(
                r in lexicon.UNIT_ROLES for r in roles_so_far) and lexicon.column_role(nxt) not in _LATER_COLUMNS:
            # "…/ 牵头单位 / 配合单位" then "主要工作目标": the first row's group label, no second task column (unless
            # more of the header follows: "牵头单位 / 目标任务 / 累计完成", a progress table's figures for the goal)
            break
        if lexicon.column_role(cell) is None and indicator_role(cell) is None and not (
                cell.endswith("名称") and 2 < len(cell) <= 6 and lexicon.column_role(nxt) is not None):
            # ("路段名称" before "问题描述": a name column of its own, however its label reads)
            joined, k = cell, j
            while k + 1 < end and k - j < 2 and lexicon.column_role(joined) is None:
                nxt = re.sub(r"\s+", "", bar_text(lines[k + 1][2]))
                if not _HEADER_CELL.match(nxt) or len(joined + nxt) > 16 or lexicon.is_meta_key(nxt):
                    break  # "通知" / "发文单位": a page's metadata value and the next key, no header cell
                joined, k = joined + nxt, k + 1
            if lexicon.column_role(joined) is None:
                break
            cell, j = joined, k
        header.append(cell)
        roles_so_far.append(lexicon.column_role(cell))
        closed += raw.rstrip().endswith("|")
        j += 1
    # "序号 |" / "项目名称 |" … "|": cells each closed by their bar; the lone bar after them ends the row, and
    # separates nothing
    return header, j, separators and closed < len(header) - 1


def cell_table(lines: Sequence[Line], i: int, end: int,
               looks_like_unit: Callable[[str], bool] | None = None) -> Table | None:
    """A table flattened one cell per line whose header starts at lines[i], with its rows."""
    shape = looks_like_unit or _default_unit_shape()
    header, j, separators = _header_cells(lines, i, end)
    roles = header_roles(header) if len(header) >= 2 else None
    if roles is None:
        return None
    if roles[0] != "number" and _numbered_rows(lines, j, end):
        # "重点工作任务 / … / 责任单位" over rows that open with their number ("1" / "大力推进…"): the header
        # printed no 序号 cell for the column of numbers
        header, roles = ["", *header], ("number", *roles)
    elif roles[0] == "category" and "number" not in roles and _numbered_rows(lines, j, end, grouped=True):
        # "工作任务 / 具体工作要求 / 责任单位" over "一、深入推进政策公开…" / "1" / "聚焦…": the first header cell
        # spans the group's label and the rows' numbers, two columns under one cell
        header, roles = [header[0], "序号", *header[1:]], ("category", "number", *roles[1:])
    rows = _bar_closed_rows(lines, j, end, roles) or \
        _without_repeated_header(read_rows(lines, j, end, roles, shape, separators,
                                           labelled_groups=roles[:2] == ("number", "category")), header)
    if not rows:
        # A section row right under the header ("一、主要预期目标"): the table goes on after it.
        k = j
        while k < end and set(lines[k][2]) <= {"|", " "}:
            k += 1
        if k < end and _STOP_MARKER.match(bar_text(lines[k][2])):
            return Table(tuple(header), roles, i, (), k, separators)
        return None
    return Table(tuple(header), roles, i, tuple(rows), rows[-1].last + 1, separators)


# The most rows a list picked from a longer one skips between two of its rows ("3", then "7").
_ROW_SKIP = 5


def _numbered_rows(lines: Sequence[Line], j: int, end: int, *, grouped: bool = False) -> bool:
    """Whether the first cell under a header is a row's number 1 and the next a text (`grouped`: whether a group's
    label comes first, then the number 1, then a text).

    >>> ls = [(0, 5, "一、政策公开 |"), (6, 9, "1 |"), (10, 20, "聚焦重点工作 |")]
    >>> _numbered_rows(ls, 0, 3), _numbered_rows(ls, 0, 3, grouped=True), _numbered_rows(ls, 1, 3)
    (False, True, True)
    """
    cells = [t for t in (bar_text(lines[k][2]) for k in range(j, min(end, j + 8))) if t][:2 + grouped]
    if grouped:
        if len(cells) < 3 or _INT.match(cells[0]):
            return False
        cells = cells[1:]
    return len(cells) == 2 and cells[0] == "1" and not _INT.match(cells[1])


def _bar_closed_rows(lines: Sequence[Line], j: int, end: int, roles: Sequence[str | None]) -> list[Row]:
    """The rows of a table printed one cell a line, each cell closed by its bar and each row by a lone bar ("1 |" /
    "洋县…改造项目 |" / "相关镇 (街道) |" / "2024 |" / … / "|"): every line is the next column's cell, so figures and
    towns keep their columns. A lone bar before a row has all its cells is an empty cell, a cell with more bars
    after it ("市发改委 | |") ends its row, and a row one cell short of the header under a first column of labels is
    missing that label (a merged cell). Empty when the lines after the header are not laid out so.

    >>> ls = [(0, 3, "|"), (4, 7, "1 |"), (8, 12, "甲项目 |"), (13, 19, "纸坊街道 |"), (20, 25, "300 |"),
    ...       (26, 31, "住建局 |"), (32, 33, "|")]
    >>> [r.cells for r in _bar_closed_rows(ls, 0, len(ls), ("number", "task", None, "value", "responsible"))]
    [('1', '甲项目', '纸坊街道', '300', '住建局')]

    >>> ls = [(0, 1, "|"), (2, 6, "总体 |"), (7, 11, "增加值 |"), (12, 15, "3600 |"), (16, 19, "13 |"),
    ...       (20, 26, "市发改委 | |"), (27, 28, "|"), (29, 33, "比重 |"), (34, 37, "56 |"), (38, 39, "|"),
    ...       (40, 46, "市发改委 | ||"), (47, 48, "|")]
    >>> [r.cells for r in _bar_closed_rows(ls, 0, len(ls), ("category", "task", "value", "value", "responsible"))]
    [('总体', '增加值', '3600', '13', '市发改委'), ('', '比重', '56', '', '市发改委')]
    """
    width = len(roles)
    rows: list[Row] = []
    cells: list[int | None] = []

    def close() -> bool:
        nonlocal cells
        if len(cells) == width - 1 and roles[0] == "category":
            cells = [None, *cells]
        if len(cells) != width:
            return False
        known = [c for c in cells if c is not None]
        if not known:
            return False
        starts, texts, last_start = [], [], lines[known[0]][0]
        for c in cells:
            last_start = lines[c][0] if c is not None else last_start
            starts.append(last_start)
            texts.append(bar_text(lines[c][2]) if c is not None else "")
        rows.append(Row(known[0], known[-1], tuple(texts), tuple(starts)))
        cells = []
        return True

    k = j
    while k < end:
        raw = lines[k][2].strip()
        if not raw.endswith("|"):
            break
        if raw == "|":
            if cells and len(cells) >= width and not close():
                break
            if len(cells) == width - 1 and roles[:2] == ("category", "number") and cells[0] is not None \
                    and _INT.match(bar_text(lines[cells[0]][2])):
                close()  # "2 |" … "持续推进 |" / "|": a row under its group's label, printed once (merged)
                k += 1
                continue
            if cells and len(cells) < width:
                cells.append(None)  # an empty cell
        elif re.search(r"\|\s*\|+$", raw):
            cells.append(k)  # the row's last cell, then the bars that close the row
            if not close():
                break
        else:
            cells.append(k)
        k += 1
    return rows if len(rows) >= 2 or (rows and k >= end) else []


# The number a card's key may carry ("三、整改责任单位:"): the cards of a notice that numbers its fields.
_CARD_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|\d{1,2}[、.．]|[(（][一二三四五六七八九十\d]{1,3}[)）])")


def card_key(raw: str) -> str | None:
    """A key line of a card: a short label with a column role, alone on its line (bars and a colon allowed; a
    number too before a key its colon ends, a field of a numbered notice, not a heading).

    >>> card_key("三、整改责任单位:"), card_key("具体任务"), card_key("一、工作目标")
    ('整改责任单位', '具体任务', None)
    """
    cell = re.sub(r"\s+", "", bar_text(raw))
    numbered = _CARD_NUMBER.match(cell)
    if numbered is not None:
        if not cell.endswith((":", "：")):
            return None
        cell = cell[numbered.end():]
    cell = cell.rstrip(":：")
    return cell if cell and _HEADER_CELL.match(cell) and lexicon.column_role(cell) is not None else None


def _without_repeated_header(rows: list[Row], header: Sequence[str]) -> list[Row]:
    """The rows without those that print the header again (after a page break): every cell they fill
    is one of the header's labels.

    >>> r = [Row(0, 1, ("1", "甲"), (0, 0)), Row(2, 3, ("", "序号"), (0, 0)), Row(4, 4, ("指标名称", ""), (0, 0))]
    >>> [x.cells for x in _without_repeated_header(r, ["序号", "指标名称"])]
    [('1', '甲')]
    """
    labels = {re.sub(r"\s+", "", h) for h in header}

    def printed_header(row: Row) -> bool:
        filled = [re.sub(r"\s+", "", c) for c in row.cells if c.strip()]
        return bool(filled) and all(part in labels for c in filled for part in c.split("\n") if part)

    return [r for r in rows if not printed_header(r)]


def card_table(lines: Sequence[Line], i: int, end: int) -> Table | None:
    """Cards of key lines each followed by its value ("具体任务" / "全面落实…" / "责任单位" / "卫健局、文旅局"),
    one row per card; a card opens at its task key. Needs a task key and a unit key in the first card.

    >>> t = ["具体任务", "全面落实防控措施,守好防线。", "责任单位", "卫健局、文旅局", "配合单位", "各乡镇"]
    >>> lines, at = [], 0
    >>> for x in t:
    ...     lines.append((at, at + len(x), x)); at += len(x) + 1
    >>> table = card_table(lines, 0, len(lines))
    >>> table.roles, table.rows[0].cells
    (('task', 'responsible', 'support'), ('全面落实防控措施,守好防线。', '卫健局、文旅局', '各乡镇'))
    """
    first = card_key(lines[i][2]) if i < end else None
    if first is None or lexicon.column_role(first) != "task":
        return None
    header: list[str] = []
    cards: list[dict[str, list[int]]] = []
    j = i
    while j + 1 < end:
        key = card_key(lines[j][2])
        if key is None or card_key(lines[j + 1][2]) is not None or not bar_text(lines[j + 1][2]).strip():
            break
        if key == first:
            cards.append({})
        elif not cards or key in cards[-1]:
            break
        if key not in header:
            if cards and len(cards) > 1:
                break  # a later card names a key the first did not: another layout
            header.append(key)
        cards[-1][key] = [j + 1]
        j += 2
    roles = tuple(lexicon.column_role(h) for h in header)
    if len(header) < 2 or not any(r in lexicon.UNIT_ROLES for r in roles):
        return None
    rows = []
    for card in cards:
        cells = [card.get(h, []) for h in header]
        row = _row(lines, cells, roles)
        rows.append(Row(min(k for c in card.values() for k in c) - 1, row.last, row.cells, row.starts))
    return Table(tuple(header), roles, i, tuple(rows), j)


_RECORD_KEY = re.compile(r"^(?:\d{1,3}[ \u3000]*)?(?P<key>[\u4e00-\u9fff]{2,8})[ \u3000]*"
                         r"(?:[:：][ \u3000]*(?P<value>.*))?$")


def _record_key(line: Line) -> tuple[str, Line | None] | None:
    """(key, the value printed on the key's line) when `line` is a label line of a record: "项目名称:提升…",
    "01 项目名称:…", "责任单位:" or "责任单位" alone."""
    m = _RECORD_KEY.match(line[2])
    if m is None or lexicon.column_role(m["key"]) is None or lexicon.is_meta_key(m["key"]):
        return None
    value = (m["value"] or "").strip()
    if not value:
        return m["key"], None
    at = line[0] + line[2].index(value, m.end("key"))
    return m["key"], (at, at + len(value), value)


def record_table(lines: Sequence[Line], i: int, end: int) -> Table | None:
    """Records of label lines, each label's value on its line or the lines after it, one row per record;
    the first record opens with its number and a task's label, every record at that label ("01 项目名称:
    提升县域生态环境" / "项目内容:" / "…" / "责任单位:" / "水务局、城管局" / "进展与成效:" / "…"). Needs a
    unit label in the first record and two records, or one record closed by the end of the text.

    >>> t = ["01 项目名称:提升生态环境", "项目内容:", "新建湿地公园。", "责任单位:", "水务局、城管局",
    ...      "02 项目名称:加大文化惠民", "责任单位", "文广旅局"]
    >>> lines, at = [], 0
    >>> for x in t:
    ...     lines.append((at, at + len(x), x)); at += len(x) + 1
    >>> table = record_table(lines, 0, len(lines))
    >>> table.roles
    ('task', 'task', 'responsible')
    >>> [r.cells for r in table.rows]
    [('提升生态环境', '新建湿地公园。', '水务局、城管局'), ('加大文化惠民', '', '文广旅局')]
    """
    opened = _record_key(lines[i]) if i < end else None
    if opened is None or lexicon.column_role(opened[0]) != "task" or not lines[i][2][:1].isdigit():
        return None  # a record opens with its number ("01 项目名称:…"); label lines without one are clauses
    first = opened[0]
    header: list[str] = []
    records: list[dict[str, list[Line]]] = []
    spans: list[tuple[int, int]] = []  # each record's first and last line
    key = None
    j = i
    while j < end:
        found = _record_key(lines[j])
        if found is not None:
            key, value = found
            if key == first:
                records.append({})
                spans.append((j, j))
            elif key in records[-1]:
                break
            if key not in header:
                header.append(key)
            records[-1][key] = [value] if value else []
        elif _STOP_MARKER.match(lines[j][2]):
            break
        else:
            assert key is not None
            records[-1][key].append(lines[j])
        spans[-1] = (spans[-1][0], j)
        j += 1
    roles = tuple(lexicon.column_role(h) for h in header)
    if len(header) < 2 or not any(r in lexicon.UNIT_ROLES for r in roles) or (len(records) < 2 and j < end):
        return None
    rows = []
    for record, (a, b) in zip(records, spans, strict=True):
        own = [v for h in header for v in record.get(h, [])]
        cells, k = [], 0
        for h in header:
            values = record.get(h, [])
            cells.append(list(range(k, k + len(values))))
            k += len(values)
        if not own:
            continue
        row = _row(own, cells, roles)
        rows.append(Row(a, b, row.cells, row.starts))
    return Table(tuple(header), roles, i, tuple(rows), j) if rows else None


# The header a table printed without one is read with: each column named by its role.
HEADLESS_HEADER = {"number": "序号", "category": "类别", "task": "工作任务", lexicon.RESPONSIBLE: "责任单位",
                   lexicon.PERSON: "责任人", "deadline": "完成时限", "remark": "备注"}


def _row_cells(lines: Sequence[Line], k: int, end: int, number: int,
               looks_like_unit: Callable[[str], bool]) -> tuple[list[str], int] | None:
    """The kinds of the cells of the row numbered `number` at lines[k] of a table whose cells lone bar lines
    separate, and the index of the next row's number (or of the line after the last cell read)."""
    if bar_text(lines[k][2]) != str(number):
        return None
    kinds: list[str] = []
    current: list[str] = []
    number_closed = False  # the bar after the number closes the number's cell
    n = k + 1
    while n < end and n - k <= 60:
        raw = lines[n][2]
        text = bar_text(raw)
        if text == str(number + 1) or (_STOP_MARKER.match(text) and (kinds or current)):
            break  # "一、…" right after the row's number is its group's label (a merged cell printed once)
        if raw.strip() == "|":
            if number_closed:
                kinds.append(_cell_kind(current, looks_like_unit))
            number_closed = True
            current = []
        elif text:
            current.append(text)
        n += 1
    if current:
        kinds.append(_cell_kind(current, looks_like_unit))
    return kinds, n


def _cell_kind(texts: Sequence[str], looks_like_unit: Callable[[str], bool]) -> str:
    kinds = {line_kind(t, looks_like_unit) for t in texts}
    return kinds.pop() if len(kinds) == 1 else TEXT if texts else EMPTY


def headless_cell_table(lines: Sequence[Line], i: int, end: int,
                        looks_like_unit: Callable[[str], bool] | None = None) -> Table | None:
    """A table printed without its header, one cell per line (or several lines: a unit per line) and a lone bar
    line between cells: rows numbered 1, 2, 3 …, each a number, a task (after a group's label where the merged
    cell is printed), its unit cell, then people, a deadline or other notes. The columns are named by the kinds of
    the first rows' cells and the rows read as under a printed header (`read_rows`).

    >>> cells = ["1", "|", "一、主要目标", "|", "粮食产量100亿斤以上。", "|", "市农技中心", "|", "卢伯瑛", "|",
    ...          "2024年底前", "|", "2", "|", "农产品加工业产值增长15%。", "|", "产业科", "市畜牧中心", "|", "|",
    ...          "2024年底前", "|"]
    >>> ls = [(sum(len(c) + 1 for c in cells[:k]), sum(len(c) + 1 for c in cells[:k]) + len(t), t)
    ...       for k, t in enumerate(cells)]
    >>> table = headless_cell_table(ls, 0, len(ls))
    >>> table.roles
    ('number', 'category', 'task', 'responsible', 'person', 'deadline')
    >>> [(r.cells[1], r.cells[2], r.cells[3].split(), r.cells[4]) for r in table.rows]  # doctest: +NORMALIZE_WHITESPACE
    [('一、主要目标', '粮食产量100亿斤以上。', ['市农技中心'], '卢伯瑛'),
     ('', '农产品加工业产值增长15%。', ['产业科', '市畜牧中心'], '')]
    """
    if bar_text(lines[i][2]) != "1" or i + 1 >= end or lines[i + 1][2].strip() != "|":
        return None
    shape = looks_like_unit or _default_unit_shape()
    first = _row_cells(lines, i, end, 1, shape)
    if first is None or first[1] >= end:
        return None
    second = _row_cells(lines, first[1], end, 2, shape)
    if second is None:
        return None
    texts_before: list[int] = []
    after: list[str] = []
    for kinds in (first[0], second[0]):
        if UNITS not in kinds:
            return None
        at = kinds.index(UNITS)
        before = [k for k in kinds[:at] if k != EMPTY]
        if not before or any(k != TEXT for k in before) or len(before) > 2:
            return None
        texts_before.append(len(before))
        tail = kinds[at + 1:]
        if len(tail) > len(after):
            after = tail
    roles: list[str | None] = ["number"]
    roles += ["category", "task", lexicon.RESPONSIBLE] if max(texts_before) == 2 else ["task", lexicon.RESPONSIBLE]
    for kind in after:
        roles.append(lexicon.PERSON if kind == PERSON else "deadline" if kind == DEADLINE else "remark")
    rows = read_rows(lines, i, end, roles, shape, separators=True, labelled_groups=roles[1] == "category")
    if len(rows) < 2:
        return None
    header = tuple(HEADLESS_HEADER[r or "remark"] for r in roles)
    return Table(header, tuple(roles), i, tuple(rows), rows[-1].last + 1, separators=True)


def continued_table(lines: Sequence[Line], i: int, end: int, table: Table,
                    looks_like_unit: Callable[[str], bool] | None = None) -> Table | None:
    """The rows of `table` that go on at lines[i], after a section row that interrupted it."""
    if table.tokens:
        found = _token_rows(lines, i, end, table.roles, looks_like_unit)
        return Table(table.header, table.roles, i, found[0], found[1], tokens=True) if found else None
    rows = read_rows(lines, i, end, table.roles, looks_like_unit or _default_unit_shape(), table.separators)
    if not rows:
        return None
    return Table(table.header, table.roles, i, tuple(rows), rows[-1].last + 1, table.separators)


def _has_units(row: Row, roles: Sequence[str | None]) -> bool:
    return any(cell for cell, role in zip(row.cells, roles, strict=False) if role in lexicon.UNIT_ROLES)


def read_rows(lines: Sequence[Line], j: int, end: int, roles: Sequence[str | None],
              looks_like_unit: Callable[[str], bool], separators: bool = False, whole_cells: bool = True,
              labelled_groups: bool = False) -> list[Row]:
    """Rows of cells from lines[j:] laid into columns of `roles`, until a line fits no row.

    Rows without units are kept between rows with units (a merged unit cell printed once); at the
    end of the table they are not rows of it (the text after a table is not a row). With
    `labelled_groups`, a section marker right after a row's number ("1" / "一、主要目标") is the row's
    category cell, not the end of the table.
    """
    numbered = roles[0] == "number"
    rows: list[Row] = []
    cells: list[list[int]] = [[] for _ in roles]  # line indices per column
    texts: list[list[str]] = [[] for _ in roles]
    at = -1

    def close() -> None:
        nonlocal cells, texts, at
        if any(cells) and any(cells[c] for c, r in enumerate(roles) if r not in ("number",)):
            rows.append(_row(lines, cells, roles))
        cells = [[] for _ in roles]
        texts = [[] for _ in roles]
        at = -1

    k = j
    while k < end:
        raw = lines[k][2]
        text = bar_text(raw)
        if _STOP_MARKER.match(text) and not (labelled_groups and at == 0):
            break
        kind = line_kind(text, looks_like_unit)
        if kind == EMPTY:
            # "||": an empty cell; it fills the next column so later cells keep their places. Where lone
            # bars separate cells, a bar line is no cell.
            if not (separators and raw.count("|") == 1) and at + 1 < len(roles) and any(cells):
                at += 1
            k += 1
            continue
        if at >= 0 and roles[at] in lexicon.UNIT_ROLES and cells[at] and _QUALIFIER.match(text) \
                and not any(note in text for note in lexicon.PUBLICATION_NOTES):
            # "高新园" / "(邹区镇)": a unit's bracketed qualifier wrapped onto a line of its own
            cells[at].append(k)
            texts[at].append(text)
            k += 1
            continue
        # A row's number after the last column's cell: the next number, or any higher one where the rows are
        # picked from a longer list ("145", then "249")
        number, previous = text.rstrip(_MARK), texts[0][0].rstrip(_MARK) if texts[0] else ""
        next_number = kind == NUMBER and bool(cells[0]) and (
            number == str(int(previous) + 1)
            or (at == len(roles) - 1 and number.isdigit() and int(number) > int(previous))) \
            if previous.isdigit() else False
        figures = ("progress", "remark", "measure", "value")
        # (a figure out of the rows' sequence where the next column holds figures is that column's: "660" under
        # "投资规模" after row 1's "建设内容")
        figure = not next_number and 0 <= at < len(roles) - 1 and roles[at + 1] in figures and \
            number.isdigit() and previous.isdigit() and not 0 < int(number) - int(previous) <= _ROW_SKIP
        if numbered and kind == NUMBER and not figure and (at < 0 or roles[at] not in figures or next_number):
            close()
            cells[0].append(k)
            texts[0].append(text)
            at = 0
            k += 1
            continue
        col = _place(roles, at, kind, texts, text, whole_cells)
        if col is None or roles[col] not in lexicon.UNIT_ROLES:
            col = _unit_slot(roles, at, kind, texts, text) or col
        task_col = _task_before_units(roles, kind, lines, k, end, looks_like_unit) if whole_cells else None
        if task_col is not None and (col is None or col != task_col):
            # A line right above a unit cell is the task that cell is for, however label-like it reads
            # ("项目名称 / 项目内容 / 责任单位": the group's label printed once, then each task above its units)
            if at >= task_col:
                close()
            col = task_col
        if col is None:
            if not any(cells):
                break
            close()
            col = _place(roles, -1, kind, texts, text, whole_cells)
            if col is None or roles[col] not in ("task", "category"):
                break
        if kind == UNITS and roles[col] in lexicon.UNIT_ROLES and not cells[col] and 0 <= at < col \
                and _wrapped_unit_head(texts[at], text, looks_like_unit):
            # "…治理率达75%。" / "市生态" / "环境局": the unit cell's name wrapped in the middle of a word, its first
            # part read as the end of the cell before
            cells[col].append(cells[at].pop())
            texts[col].append(texts[at].pop())
        cells[col].append(k)
        texts[col].append(text)
        at = col
        k += 1
    close()
    while rows and not _has_units(rows[-1], roles):
        rows.pop()
    return rows


def _wrapped_unit_head(before: Sequence[str], line: str, looks_like_unit: Callable[[str], bool]) -> bool:
    """Whether the last line of a cell (`before`) is the first part of the unit name `line` goes on with: a
    few characters of no sentence, after the cell's own sentence ended, that are no unit alone and are one
    with the line.

    >>> shape = _default_unit_shape()
    >>> _wrapped_unit_head(["生活污水治理率达30%。", "市生态"], "环境局", shape)
    True
    >>> _wrapped_unit_head(["新增技能人才2万人。", "市人社局"], "市财政局", shape)
    False
    >>> _wrapped_unit_head(["推进水土流失综合治理", "新增治理面积"], "环境局", shape)
    False
    """
    if len(before) < 2 or not before[-2].endswith(_SENTENCE_END):
        return False
    head = before[-1]
    return (2 <= len(head) <= 6 and _HAN_ONLY.match(head) is not None and head[0] in _LEVEL_WORDS
            and not looks_like_unit(head) and looks_like_unit(head + line))


_HAN_ONLY = re.compile(r"^[\u4e00-\u9fff]+$")


_NAME_SHAPED = re.compile(r"^[\u4e00-\u9fff][\u4e00-\u9fff()（）]{1,19}$")


def _unit_slot(roles: Sequence[str | None], at: int, kind: str, texts: Sequence[list[str]], text: str) -> int | None:
    """The unit column, for a name the unit grammar does not know printed where the row's unit cell stands: after
    the row's task and its person or deadline cell, right before the unit column ("…" / "祝振伟" / "未来科技城(海创园)"
    under 重点工作任务 / 牵头领导 / 牵头单位: the zone leads the task).

    >>> roles = ("task", "person", "lead")
    >>> _unit_slot(roles, 1, "text", [["推进建设。"], ["祝振伟"], []], "未来科技城(海创园)")
    2
    >>> _unit_slot(roles, 1, "text", [["推进建设。"], ["祝振伟"], []], "加快推进园区建设")
    """
    if kind != TEXT or at < 0 or roles[at] not in (lexicon.PERSON, "deadline") or at + 1 >= len(roles):
        return None
    if roles[at + 1] not in lexicon.UNIT_ROLES or texts[at + 1] or "task" not in roles \
            or not texts[roles.index("task")]:
        return None
    if not _NAME_SHAPED.match(text) or lexicon.opening_verb().match(text):
        return None
    return at + 1


def _task_before_units(roles: Sequence[str | None], kind: str, lines: Sequence[Line], k: int, end: int,
                       looks_like_unit: Callable[[str], bool]) -> int | None:
    """The task column, when lines[k] is text, the next line with a cell is a unit list, and the table has a
    category column before its task column followed by the unit column (where a text line may be either)."""
    if kind != TEXT or "category" not in roles or "task" not in roles:
        return None
    task = roles.index("task")
    if roles.index("category") > task or not any(r in lexicon.UNIT_ROLES for r in roles[task + 1:task + 2]):
        return None
    n = k + 1
    while n < end and line_kind(bar_text(lines[n][2]), looks_like_unit) == EMPTY:
        n += 1
    if n >= end or line_kind(bar_text(lines[n][2]), looks_like_unit) != UNITS:
        return None
    return task


def _row(lines: Sequence[Line], cells: list[list[int]], roles: Sequence[str | None]) -> Row:
    used = [k for c in cells for k in c]
    first, last = min(used), max(used)
    texts, starts = [], []
    for idx in cells:
        if not idx:
            texts.append("")
            starts.append(lines[first][0])
            continue
        texts.append(_cell_text(lines, idx))
        starts.append(lines[idx[0]][0])
    return Row(first, last, tuple(texts), tuple(starts))


def _cell_text(lines: Sequence[Line], idx: list[int]) -> str:
    """A cell over one or more lines, as long as its stretch of the source: offsets inside it stay valid.

    Line breaks between its lines are kept, the bars that close cells become spaces.

    >>> _cell_text([(0, 6, "市科技局 |"), (7, 13, "市财政局 |")], [0, 1])
    '市科技局  \\n市财政局'
    """
    a, b = lines[idx[0]][0], lines[idx[-1]][1]
    buf = [" "] * (b - a)
    for k in idx:
        s, e, t = lines[k]
        buf[s - a:e - a] = t.replace("|", " ")
        if e < b:
            buf[e - a] = "\n"
    return "".join(buf).rstrip()


_TOKEN = re.compile(r"\S+")
_ONE_HAN = re.compile(r"^[\u4e00-\u9fff]$")


def _tokens(line: Line) -> list[Line]:
    """The space-separated cells of a line, single characters spaced apart joined as one ("汪  峰")."""
    start, _, text = line
    out: list[Line] = []
    for m in _TOKEN.finditer(text):
        tok = (start + m.start(), start + m.end(), m.group(0))
        if out and _ONE_HAN.match(tok[2]) and _ONE_HAN.match(out[-1][2][-1:]) and len(out[-1][2].replace(" ", "")) == 1:
            prev = out[-1]
            out[-1] = (prev[0], tok[1], text[prev[0] - start:tok[1] - start])
            continue
        out.append(tok)
    return out


def token_table(lines: Sequence[Line], i: int, end: int,
                looks_like_unit: Callable[[str], bool] | None = None) -> Table | None:
    """A table printed one row per line with space-separated cells, read as a sequence of cells.

    Header words broken by spaces are joined as header cells broken over lines are ("牵头  领导",
    "主体          责任单位"); a row's cells are laid into the columns by their kinds, so a cell holding
    spaces, a cell left out or a unit cell continued on the next line keeps every other cell in place.

    >>> rows = ["序号 重点工作任务 牵头  领导 牵头   责任单位 配合 责任单位",
    ...         "1 新增托育机构2所以上。 吴蓓蓓 县卫健委 有关乡镇", "县直有关单位"]
    >>> lines = []
    >>> for r in rows:
    ...     lines.append((lines[-1][1] + 1 if lines else 0, (lines[-1][1] + 1 if lines else 0) + len(r), r))
    >>> t = token_table(lines, 0, len(lines))
    >>> t.header
    ('序号', '重点工作任务', '牵头领导', '牵头责任单位', '配合责任单位')
    >>> [r.cells for r in t.rows]
    [('1', '新增托育机构2所以上。', '吴蓓蓓', '县卫健委', '有关乡镇\\n县直有关单位')]

    A section row right after the header ("一、主要预期目标") interrupts the table before its first
    row: the table comes back without rows, ending at the header, and its rows go on after the
    section row (`continued_table`), as they do after a section row between rows.

    >>> t = token_table(lines[:1] + [(lines[0][1] + 1, lines[0][1] + 9, "一、主要预期目标")], 0, 2)
    >>> t.rows, t.end, t.tokens
    ((), 1, True)
    """
    head = _tokens(lines[i])
    if len(head) < 3 or "|" in lines[i][2] or "\t" in lines[i][2]:
        return None
    header, used, _ = _header_cells(head, 0, len(head))
    roles = header_roles(header) if len(header) >= 3 else None
    if roles is None or roles[0] != "number":
        return None
    if i + 1 < end and _STOP_MARKER.match(lines[i + 1][2]):
        return Table(tuple(header), roles, i, (), i + 1, tokens=True)
    found = _token_rows(lines, i + 1, end, roles, looks_like_unit)
    if found is None:
        return None
    return Table(tuple(header), roles, i, found[0], found[1], tokens=True)


def _token_rows(lines: Sequence[Line], j: int, end: int, roles: Sequence[str | None],
                looks_like_unit: Callable[[str], bool] | None) -> tuple[tuple[Row, ...], int] | None:
    """The rows of a `token_table` from lines[j:], with the index of the line after the last."""
    cells: list[Line] = []
    k = j
    first_of_line: list[int] = []
    while k < end and len(cells) < 2000:
        first_of_line.append(len(cells))
        cells.extend(_tokens(lines[k]))
        k += 1
    rows = read_rows(cells, 0, len(cells), roles, looks_like_unit or _default_unit_shape(), whole_cells=False)
    if not rows:
        return None

    def line_of(cell: int) -> int:  # back from cells to the lines they stand on
        return j + max(n for n, at in enumerate(first_of_line) if at <= cell)

    return tuple(Row(line_of(r.first), line_of(r.last), r.cells, r.starts) for r in rows), line_of(rows[-1].last) + 1


# --------------------------------------------------------------------------- glued tables

# A table copied out of a .docx by a document-sharing site: no separator at all between its cells, the header
# glued into one word ("序号工作内容目标任务责任单位备注"), each row its number, its text and its units run
# together ("…(管委会)2完善…"), and the site's page-chunk markers ("\n2、") cutting through rows and names.
_GLUED_START = re.compile(r"(?:序号|编号|序)(?=[\u4e00-\u9fff]{4,40}?"
                          r"(?:[一二三四五六七八九十]{1,3}、[\u4e00-\u9fff]{2,16}?)?\d{1,3}(?=[\u4e00-\u9fff“\"]))")
# What a glued table carries between its rows and is no cell's: a page number ("—2—") or the heading of a group of
# rows ("二、产业优化升级", glued to the next row's number).
_GLUED_NOISE = re.compile(r"—\d{1,3}—|[一二三四五六七八九十]{1,3}、[\u4e00-\u9fff]{2,16}?(?=\d{1,3}[\u4e00-\u9fff“\"])")
# What a header label ends with: its role word or one of these nouns.
_LABEL_ENDINGS = tuple(sorted(set(_HEADER_TAILS + ("序号", "编号", "名称", "备注", "说明", "期限", "事项", "要求",
                                                   "指标", "领域", "类别", "分类", "目标", "项目")),
                              key=lambda w: (-len(w), w)))
_CHUNK_MARK = re.compile(r"^\d{1,3}、")
_UNIT_CUT = re.compile(r"[、,，;；]")
_ROW_DEADLINE = re.compile(rf"(?:{lexicon.DEADLINE_PATTERN})$")
_ROW_DUTY = re.compile(rf"等?{lexicon.DUTY_PHRASE}$")


def _inside_brackets(text: str, at: int) -> bool:
    """Whether text[at] stands inside a pair of round brackets opened on the same stretch of text.

    >>> t = "各县(市、区)政府、嘉兴港区"
    >>> [_inside_brackets(t, k) for k, ch in enumerate(t) if ch == "、"]
    [True, False]
    """
    before = text[:at]
    opened = max(before.rfind("("), before.rfind("（"))
    return opened >= 0 and max(before.rfind(")"), before.rfind("）")) < opened


def glued_header(label_run: str, numbered: bool = True) -> tuple[str, ...] | None:
    """The labels of a header printed as one word, or None when it does not split into known labels.

    Every label has a column role or is the number column, ends in a label noun and is 2-8 characters;
    of the splits, the one with labels closest to four characters wins, and of equals the one with more labels.

    >>> glued_header("序号工作内容目标任务责任单位备注")
    ('序号', '工作内容', '目标任务', '责任单位', '备注')
    >>> glued_header("序重点任务具体举措责任单位"), glued_header("序号任务名称目标内容主要责任单位完成期限")
    (('序', '重点任务', '具体举措', '责任单位'), ('序号', '任务名称', '目标内容', '主要责任单位', '完成期限'))
    >>> glued_header("序号加快推进园区建设") is None
    True
    """
    n = len(label_run)
    best: list[tuple[float, tuple[str, ...]] | None] = [None] * (n + 1)
    best[0] = (0.0, ())
    for a in range(n):
        here = best[a]
        if here is None:
            continue
        for b in range(a + 1, min(n, a + 8) + 1):
            label = label_run[a:b]
            number = label in ("序", "序号", "编号")
            if number != (a == 0 and numbered):
                continue  # the number column comes first, and only there (a table printed without one has none)
            if not number and (len(label) < 2 or not label.endswith(_LABEL_ENDINGS)
                               or lexicon.column_role(label) in (None, "number")):
                continue
            cost = here[0] + (0 if number else (len(label) - 4) ** 2 - 1)  # a label more breaks a tie
            there = best[b]
            if there is None or cost < there[0]:
                best[b] = (cost, here[1] + (label,))
    found = best[n]
    if found is None or len(found[1]) < 3:
        return None
    roles = [lexicon.column_role(x) if i or not numbered else "number" for i, x in enumerate(found[1])]
    return found[1] if any(r in lexicon.UNIT_ROLES for r in roles) else None


def _unit_suffix(text: str, looks_like_unit: Callable[[str], bool]) -> int | None:
    """Where the unit list that ends `text` starts, or None when `text` does not end in one.

    >>> shape = _default_unit_shape()
    >>> t = "加强宣传。市委宣传部(市文明办)、市城管委,各区(市)县政府(管委会)"
    >>> t[_unit_suffix(t, shape):]
    '市委宣传部(市文明办)、市城管委,各区(市)县政府(管委会)'
    >>> _unit_suffix("2021年2月底前,基本建成", shape) is None
    True
    """
    start = None
    for a, piece in reversed(_unit_pieces(text)):
        # a sentence end: 。 or ;, or an ASCII full stop and a space on pages that print "." for "。"
        stop = max(piece.rfind("。"), piece.rfind(";"), piece.rfind("；"), piece.rfind(". "))
        if piece and stop < 0 and _unit_piece(piece, looks_like_unit):
            start = a
            continue
        # the first unit is glued to the text before it: after its last sentence end, or its longest unit suffix
        tail = piece[stop + 1:].lstrip() if stop >= 0 else ""
        person = _person_head(tail, looks_like_unit) if tail else 0
        if person:
            # "…4580个。何海平教育局经开区…": the row's units glued together, after the name of its official
            return a + len(piece) - len(tail) + person
        if tail and (_unit_piece(tail, looks_like_unit) or segment_units(tail, looks_like_unit)):
            return a + len(piece) - len(tail)
        # the longest suffix of units that opens with a level ("…先进生产技术市科技局市发展改革委" -> 市科技局…),
        # else the longest of a unit's shape
        ks = range(max(0, len(piece) - 14), len(piece) - 1)
        for k in ks:
            if piece[k] in _GLUE_BEFORE and (looks_like_unit(piece[k:]) or segment_units(piece[k:], looks_like_unit)):
                return a + k
        for k in ks:
            if looks_like_unit(piece[k:]) and not piece[k:].startswith(("局", "委", "办", "室")):
                return a + k
        break
    return start


# Where a glued unit may end and the next begin: after a unit's head, or before a level prefix ("县教育局县禁毒办");
# a Party committee's office reads whole ("区委组织部": no break after 委 before a body without its level).
_GLUE_AFTER = ("局", "办", "厅", "室", "院", "所", "队", "站", "中心", "公司", "集团", "政府", "街道", "管委会",
               "委员会", "办事处", "区", "镇", "乡", "会", "处", "科", "股", "行", "部")
_GLUE_BEFORE = "".join(_LEVEL_WORDS) + "各"
# What a unit's name ends with, a collective's included ("各街道", "各有关单位", "相关镇街"): "各街道提" is none.
_UNIT_ENDS = _GLUE_AFTER + ("委", "道", "单位", "部门", "镇街", "街镇", "联", "盟", "团", ")")
_HEAD_START = "局委办厅室处科股队站所部会司(（等和及与"


def leading_units(text: str, looks_like_unit: Callable[[str], bool] | None = None) -> int:
    """The length of the longest run of glued or listed units opening `text` (0 when none does): "县教育局县禁毒办、
    禁毒大队对照…" -> 13. The run ends before what no unit can be followed by in a glued table: the next text.

    >>> leading_units("县教育局县禁毒办、禁毒大队对照《标准》"), leading_units("加快建设")
    (13, 0)
    """
    for e in range(min(len(text), 48), 1, -1):
        if text[e - 1] in "、,，;；":
            continue
        if all(segment_units(p, looks_like_unit) for p in _UNIT_CUT.split(text[:e])):
            return e
    return 0


_ROLE_AFTER = re.compile(lexicon.alternation(lexicon.LEAD_VERBS + lexicon.SUPPORT_VERBS + ("负责", "落实")))


def inner_unit_runs(body: str, start: int, end: int, looks_like_unit: Callable[[str], bool] | None = None,
                    *, to_end: bool = False) -> list[tuple[int, int, int]]:
    """The sub-rows inside the text of one glued row, each closed by its own units after a sentence end and, where
    the table has one, its official's name: (sub-row start, units start, units end) per sub-row but the last, whose
    units the row's end holds (with `to_end`, a run the text ends with closes one too). A run of two units at
    least, or one after an official, closes a sub-row.

    >>> t = "完成故居修缮展陈。何海平文体旅局晋陵公司推进老城厢整治。"
    >>> [(t[a:b], t[b:c]) for a, b, c in inner_unit_runs(t, 0, len(t))]
    [('完成故居修缮展陈。何海平', '文体旅局晋陵公司')]
    """
    out: list[tuple[int, int, int]] = []
    sub = start
    for m in re.finditer("。", body[start:end]):
        at = start + m.end()
        if at >= end - 2:
            break
        person = _person_head(body[at:end], looks_like_unit, whole=False)
        run = leading_units(body[at + person:end], looks_like_unit)
        if run < 3 or (at + person + run >= end and not to_end):
            continue
        if _ROLE_AFTER.match(body, at + person + run):
            continue  # "…。省财政厅、省卫生健康委牵头;…配合": the row's own units and their roles, no sub-row
        units = body[at + person:at + person + run]
        count = sum(len(segment_units(p, looks_like_unit) or ()) for p in _UNIT_CUT.split(units))
        if count >= 2 or person:
            out.append((sub, at + person, at + person + run))
            sub = at + person + run
    return out


def first_glue(units: str, looks_like_unit: Callable[[str], bool] | None = None) -> int | None:
    """Where the first unit of a list runs into the next with nothing between them ("教育局经开区、各街道" -> 3), or
    None: in a table printed without separators, the border between its lead cell and its support cell.

    >>> first_glue("教育局经开区、各街道"), first_glue("县教育局、县禁毒办") is None
    (3, True)
    """
    for at, piece in _unit_pieces(units):
        cut = segment_units(piece, looks_like_unit) if piece else None
        if cut and len(cut) > 1:
            return at + cut[0][1]
    return None


def _unit_pieces(units: str) -> list[tuple[int, str]]:
    """The pieces of a unit list between its separators, each with its offset (an empty one where two separators
    meet); a separator inside a unit's own brackets separates nothing ("各县(市、区)政府").

    >>> _unit_pieces("市财政局各县(市、区)政府、市国税局")
    [(0, '市财政局各县(市、区)政府'), (14, '市国税局')]
    """
    out, at = [], 0
    for m in _UNIT_CUT.finditer(units):
        if not _inside_brackets(units, m.start()):
            out.append((at, units[at:m.start()]))
            at = m.end()
    out.append((at, units[at:]))
    return out


def _person_head(text: str, looks_like_unit: Callable[[str], bool] | None = None, *, whole: bool = True) -> int:
    """The length of an official's name opening a run of glued units ("何海平教育局经开区" -> 3), else 0: the run
    after the name is the whole rest of `text`, or (`whole` off) the units `text` opens with; its first unit has
    three characters at least ("张菁民政局": 张菁 and 民政局, not 张菁民 and 政局).

    >>> _person_head("何海平教育局经开区"), _person_head("县教育局县禁毒办"), _person_head("张菁民政局各街道")
    (3, 0, 2)
    >>> _person_head("何海平教育局、经开区推进改造", whole=False)
    3
    """
    from plankg.ingest.departments import default_registry

    registry = default_registry()
    if text[:1] in _GLUE_BEFORE:
        return 0  # "县教育局…": a level opens a unit's name, never a person's
    best, score = 0, (0, 0)
    for k in (3, 2):
        if len(text) <= k + 1 or not registry.is_person(text[:k]):
            continue
        run = len(text) - k if whole else leading_units(text[k:], looks_like_unit)
        piece = _unit_pieces(text[k:k + run])[0][1]
        first = segment_units(piece, looks_like_unit) if run >= 3 else None
        # of a name of three and one of two, the one whose units cut better ("张菁民政局各街道": 民政局 and 各街道)
        if first and first[0][1] >= 3 and _cut_score(piece, first) > score:
            best, score = k, _cut_score(piece, first)
    return best


# The characters of glued unit names: "各县(市、区)政府" holds 、 inside its brackets.
_UNIT_CHARS = re.compile(r"(?:[\u4e00-\u9fff]|[(（][\u4e00-\u9fff、]*[)）]?)+")
# A zone printed with the town it lies in: "高新园(邹区镇)".
_ZONE_WITH_TOWN = re.compile(r"[\u4e00-\u9fff]{2,8}\([\u4e00-\u9fff]{2,6}(?:镇|街道|乡|区)\)")


def segment_units(text: str, looks_like_unit: Callable[[str], bool] | None = None) -> list[tuple[int, int]] | None:
    """A run of unit names printed with no separator between them, cut into its units (offsets into `text`), or
    None when it does not cut into units only. Of the cuts, the one `_cut_score` rates best wins; a unit is 2-16
    characters of a unit's shape, ends where a unit's head ends and opens with no head.

    >>> t = "文体旅局晋陵公司轨道公司"
    >>> [t[a:b] for a, b in segment_units(t)]
    ['文体旅局', '晋陵公司', '轨道公司']
    >>> [[t[a:b] for a, b in segment_units(t)] for t in ("区委组织部", "市政府办公室", "县教育局县禁毒办")]
    [['区委组织部'], ['市政府办公室'], ['县教育局', '县禁毒办']]
    >>> segment_units("加快建设市科技局") is None
    True
    """
    shape = looks_like_unit or _default_unit_shape()
    n = len(text)
    best: list[list[tuple[int, int]] | None] = [None] * (n + 1)
    best[0] = []
    for a in range(n):
        here = best[a]
        if here is None or text[a] in _HEAD_START:
            continue
        for b in range(a + 2, min(n, a + 16) + 1):
            piece = text[a:b]
            if not piece.endswith(_UNIT_ENDS) or b < n and not (piece.endswith(_GLUE_AFTER + (")",))
                                                              or text[b] in _GLUE_BEFORE):
                continue
            if not _UNIT_CHARS.fullmatch(piece):
                break  # a figure or a mark ends the run of names: "…戒毒康复(10分)"
            if _ZONE_WITH_TOWN.fullmatch(piece):
                pass  # "高新园(邹区镇)": a zone, its town in brackets
            elif piece.count("(") != piece.count(")") or not shape(piece) or \
                    (b - a < 3 and not _unit_piece(piece, shape)):
                continue
            if any(len(piece) - v.end() >= 3 or v.start() == 0 for v in lexicon.opening_verb().finditer(piece)):
                continue  # "加快建设市科技局", "轨道公司推进大庙弄核心区": a clause ("区委组织部" holds none)
            there = best[b]
            if there is None or _cut_score(text, here + [(a, b)]) > _cut_score(text, there):
                best[b] = here + [(a, b)]
    return best[n] or None


def _cut_score(text: str, cut: list[tuple[int, int]]) -> tuple[int, int]:
    """How good a cut of glued units is: first its units of three characters or more less its pieces of two (a
    two-character piece is rarely a unit of its own: "市科技局市发展改革委" is no 市科, 技局 and 市发展改革委,
    "各县(市、区)政府" no 各县(市、区) and 政府), then its units."""
    return sum(1 if b - a >= 3 else -1 for a, b in cut), len(cut)


def _stitched(lines: Sequence[Line], i: int, end: int, at: int, *, stop_at_sentence: bool = False
              ) -> tuple[list[tuple[str, int]], int]:
    """The text a glued table runs over from lines[i][at], on through the lines a sharing site's page-chunk
    markers continue ("3、…", the markers no part of it): (character, offset) pairs, and the last line's index.
    With `stop_at_sentence`, a first line that ends a sentence is not continued."""
    first = lines[i][2]
    chars = [(ch, lines[i][0] + k) for k, ch in enumerate(first) if k >= at]
    last, k = i, i + 1
    while k < end and not (stop_at_sentence and first.rstrip().endswith(("。", "!", "?"))):
        mark = _CHUNK_MARK.match(lines[k][2])
        if mark is None:
            break
        chars.extend((ch, lines[k][0] + p) for p, ch in enumerate(lines[k][2]) if p >= mark.end())
        last, k = k, k + 1
    return chars, last


def _glued_cells(body: str, chars: Sequence[tuple[str, int]], roles: Sequence[str | None],
                 row: tuple[int, int, int, int], cols: tuple[int, int, int | None],
                 shape: Callable[[str], bool]) -> tuple[list[str], list[int]]:
    """The cells of one glued row: `row` is (its start, its task's start, its units' start, their end) in `body`,
    `cols` the task, unit and support columns. The first glue between its units is the border of the lead and
    the support cells ("教育局经开区…": 教育局 leads)."""
    start, task_at, units_at, units_end = row
    task_col, unit_col, support_col = cols
    cells, starts = [""] * len(roles), [chars[start][1]] * len(roles)
    cells[task_col], starts[task_col] = body[task_at:units_at], chars[task_at][1]
    units = body[units_at:units_end]
    glue = first_glue(units, shape) if support_col is not None else None
    if glue and support_col is not None:
        cells[support_col], starts[support_col] = units[glue:], chars[units_at + glue][1]
        units = units[:glue]
    cells[unit_col], starts[unit_col] = units, chars[units_at][1]
    return cells, starts


# A row's number glued before its first cell ("…责任单位21树立…"); "1" of "1.5" or "10%" is none.
_ROW_NUMBER = re.compile(r"\d{1,3}(?=[\u4e00-\u9fff“\"])")


def glued_table(lines: Sequence[Line], i: int, end: int,
                looks_like_unit: Callable[[str], bool] | None = None) -> Table | None:
    """A table whose cells run together with no separator (see `_GLUED_START`), starting in lines[i].

    Its rows are found by their numbers: row n+1 starts where n+1 follows the unit list (and deadline)
    that close row n. A row's text before its units goes to the first task column, its units to the first
    unit column; the site's page-chunk markers on the lines it runs over are no part of any cell.

    >>> text = "表序号工作内容责任单位备注1加强宣传。市委宣传部、团市委2完善体系,推进发展。市商务局,市"
    >>> lines = [(0, len(text), text), (len(text) + 1, len(text) + 8, "3、住建局。")]
    >>> t = glued_table(lines, 0, 2)
    >>> t.header
    ('序号', '工作内容', '责任单位', '备注')
    >>> [r.cells for r in t.rows]
    [('1', '加强宣传。', '市委宣传部、团市委', ''), ('2', '完善体系,推进发展。', '市商务局,市住建局', '')]
    """
    shape = looks_like_unit or _default_unit_shape()
    first = lines[i][2]
    m = _GLUED_START.search(first)
    if m is None:
        return None
    # The first row's number ends the header: 1, or the number a page continued from an earlier one starts at
    # ("(上接第三版) 序号工作任务责任单位21树立…")
    header, one, first_number = None, -1, 1
    for run in itertools.islice(_ROW_NUMBER.finditer(first, m.end()), 3):
        group = _GLUED_NOISE.search(first, m.start(), run.start() + 4)
        header = glued_header(first[m.start():group.start() if group and group.end() == run.start() else run.start()])
        if header is not None:
            one, first_number = run.start(), int(run.group(0))
            break
    if header is None:
        return None
    roles = tuple(lexicon.column_role(h) if k else "number" for k, h in enumerate(header))
    task_col = next((k for k, r in enumerate(roles) if r == "task"), None)
    unit_col = next((k for k, r in enumerate(roles) if r in lexicon.UNIT_ROLES), None)
    if task_col is None or unit_col is None:
        return None
    # the lead's column, then the next of units ("第一责任单位主要责任单位": a second lead key; see
    # `responsibility._row_roles`)
    support_col = next((k for k in range(unit_col + 1, len(roles)) if roles[k] in lexicon.UNIT_ROLES), None) \
        if roles[unit_col] == lexicon.LEAD else None
    chars, last = _stitched(lines, i, end, one, stop_at_sentence=True)
    noise = {k for n in _GLUED_NOISE.finditer("".join(ch for ch, _ in chars)) for k in range(n.start(), n.end())}
    chars = [c for k, c in enumerate(chars) if k not in noise]
    body = "".join(ch for ch, _ in chars)
    rows: list[Row] = []
    number, at = first_number, 0
    while at < len(body) and body.startswith(str(number), at):
        start = at + len(str(number))
        nxt = str(number + 1)
        cut = None
        for hit in re.finditer(re.escape(nxt), body[start + 4:]):
            pos = start + 4 + hit.start()
            after = body[pos + len(nxt):pos + len(nxt) + 1]
            if not re.match(r"[\u4e00-\u9fff“\"]", after):
                continue
            if row_units(body[start:pos], shape) is not None:
                cut = pos
                break
        stop = cut if cut is not None else len(body)
        split = row_units(body[start:stop], shape)
        if split is None:
            break
        units_at, units_end = split
        # "…修缮展陈。何海平文体旅局晋陵公司轨道公司推进…": a row of two sub-rows, each closed by its own units
        pieces = [(a, b, c) for a, b, c in inner_unit_runs(body, start, start + units_at, shape)]
        pieces.append((pieces[-1][2] if pieces else start, start + units_at, start + units_end))
        for k, (sub, sub_units, sub_end) in enumerate(pieces):
            cells, starts = _glued_cells(body, chars, roles, (sub, sub, sub_units, sub_end),
                                         (task_col, unit_col, support_col), shape)
            cells[0] = str(number)
            last_piece = k == len(pieces) - 1
            if last_piece and units_end < stop - start:
                tail_col = next((k for k in range(unit_col + 1, len(roles)) if roles[k] == "deadline"), None)
                if tail_col is not None:
                    cells[tail_col] = body[start + units_end:stop]
                    starts[tail_col] = chars[start + units_end][1]
            span = (chars[at if k == 0 else sub][1], chars[(stop if last_piece else sub_end) - 1][1] + 1)
            rows.append(Row(i, last, tuple(cells), tuple(starts), span))
        if cut is None:
            break
        number, at = number + 1, cut
    if not rows:
        return None
    return Table(header, roles, i, tuple(rows), last + 1)


_UNIT_LABEL = re.compile(r"(?:责任|牵头|配合|协助|协办|主办|主责|参与)(?:单位|部门)")
# The cells a scoring table prints before a row's content, each closed by its points: "毒品预防教育(14分)…(2.5分)".
_SCORED_CELL = re.compile(r"[(（]\d+(?:\.\d+)?分[)）]")


def _unnumbered_header(line: str) -> tuple[int, int, tuple[str, ...]] | None:
    """Where a header glued into one word, with no number column, sits in a line, and its labels: the longest run
    of three labels or more around a unit column's label ("…细则大项内容小项内容具体内容责任单位协助单位毒品…")."""
    for m in _UNIT_LABEL.finditer(line):
        if not line[max(0, m.start() - 4):m.start()].endswith(_LABEL_ENDINGS):
            continue  # no label glued before the unit column's: "…明确责任单位" is prose
        found: list[tuple[int, int, tuple[str, ...]]] = []
        for s in range(max(0, m.start() - 40), m.start() + 1):
            if not re.fullmatch(r"[\u4e00-\u9fff]+", line[s:m.end()]):
                continue
            for e in range(min(len(line), m.end() + 16), m.end() - 1, -1):
                header = glued_header(line[s:e], numbered=False)
                if header is not None and "task" in {lexicon.column_role(h) for h in header}:
                    found.append((s, e, header))
                    break
        if found:
            # the most labels; of equals, the labels closest to four characters (the title before is none)
            return max(found, key=lambda f: (len(f[2]), -sum((len(h) - 4) ** 2 for h in f[2])))
    return None


def unnumbered_glued_table(lines: Sequence[Line], i: int, end: int,
                           looks_like_unit: Callable[[str], bool] | None = None) -> Table | None:
    """A table whose cells run together with no separator and whose rows carry no number (a scoring table copied
    by a document-sharing site): its header glued into one word, each row closed by its units after a sentence
    end (see `inner_unit_runs`); a row's cells closed by their points ("…(2.5分)") come before its content.

    >>> text = ("考评细则具体项目具体内容责任单位协助单位宣传(2分)开展宣传活动。县教育局县禁毒办、禁毒大队建立基地。"
    ...         "县公安局县禁毒办、团县委")
    >>> t = unnumbered_glued_table([(0, len(text), text)], 0, 1)
    >>> t.header
    ('具体项目', '具体内容', '责任单位', '协助单位')
    >>> [r.cells for r in t.rows]
    [('', '开展宣传活动。', '县教育局', '县禁毒办、禁毒大队'), ('', '建立基地。', '县公安局', '县禁毒办、团县委')]
    """
    shape = looks_like_unit or _default_unit_shape()
    first = lines[i][2]
    found = _unnumbered_header(first)
    if found is None:
        return None
    _, header_end, header = found
    roles = tuple(lexicon.column_role(h) for h in header)
    unit_col = next((k for k, r in enumerate(roles) if r in lexicon.UNIT_ROLES), None)
    if unit_col is None:
        return None
    task_col = max((k for k, r in enumerate(roles) if r == "task" and k < unit_col), default=None)
    if task_col is None:
        return None
    support_col = next((k for k in range(unit_col + 1, len(roles)) if roles[k] == lexicon.SUPPORT), None)
    chars, last = _stitched(lines, i, end, header_end)
    body = "".join(ch for ch, _ in chars)
    runs = inner_unit_runs(body, 0, len(body), shape, to_end=True)
    if len(runs) < 2:
        return None  # one unit run after a sentence is a clause of prose, not a table's rows
    rows: list[Row] = []
    for sub, units_at, units_end in runs:
        scored = [x.end() for x in _SCORED_CELL.finditer(body, sub, min(units_at, sub + 80))]
        cells, starts = _glued_cells(body, chars, roles, (sub, scored[-1] if scored else sub, units_at, units_end),
                                     (task_col, unit_col, support_col), shape)
        rows.append(Row(i, last, tuple(cells), tuple(starts), (chars[sub][1], chars[units_end - 1][1] + 1)))
    return Table(header, roles, i, tuple(rows), last + 1)


def row_units(row: str, shape: Callable[[str], bool] | None = None) -> tuple[int, int] | None:
    """(start, end) of the unit cell closing a row's text, a deadline after it allowed; None if none.

    >>> t = "地区生产总值增长7%以上,服务业增加值占GDP比重47.1%. 发改委"
    >>> a, b = row_units(t); t[a:b]
    '发改委'
    """
    shape = shape or _default_unit_shape()
    text = row.rstrip().rstrip("。;；")
    deadline = _ROW_DEADLINE.search(text)
    units_end = deadline.start() if deadline and deadline.start() > 0 else len(text)
    duty = _ROW_DUTY.search(text, 0, units_end)  # "…、区委组织部等按职责分工负责"
    if duty and duty.start() > 0:
        units_end = duty.start()
    at = _unit_suffix(text[:units_end], shape)
    if at is None or at == 0 or at >= units_end:
        return None
    return at, units_end
