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

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from plankg.ingest import lexicon

Line = tuple[int, int, str]  # start offset, end offset, text (trimmed)

NUMBER, UNITS, PERSON, DEADLINE, FLAG, TEXT, EMPTY = "number", "units", "person", "deadline", "flag", "text", "empty"

_INT = re.compile(r"^\d{1,3}$")
_BAR_CELL = re.compile(r"^(.*?)\s*\|$")
_DEADLINE = re.compile(rf"^{lexicon.DEADLINE_PATTERN}$")
_FLAG = re.compile(r"^(?:是|否|√|×|✓|有|无)$")
_NAME = re.compile(r"^[\u4e00-\u9fff]{2,3}(?:同志)?$|^[\u4e00-\u9fff][ \u3000]+[\u4e00-\u9fff]$")
_UNIT_SPLIT = re.compile(r"[、,，;；/\s]+")
# A header cell is a short label: no sentence punctuation, no brackets, no numbering marker.
_HEADER_CELL = re.compile(r"^(?![一二三四五六七八九十]+[、.．])[^。:：;；,，()（）【】〔〕\[\]]{1,16}$")
_ROLE_WORDS = lexicon.KEY_LEAD_WORDS + lexicon.KEY_SUPPORT_WORDS + lexicon.KEY_RESPONSIBLE_WORDS + ("主要",)
# The nouns a header cell broken over two lines ends in ("牵头" / "单位", "责任" / "领导").
_HEADER_TAILS = ("单位", "部门", "领导", "科室", "处室", "时限", "时间", "情况", "任务", "举措", "内容", "措施")
_QUALIFIER = re.compile(r"^[(（][^()（）]{1,12}[)）]$")
_STOP_MARKER = re.compile(r"^(?:第[一二三四五六七八九十百\d]+[章节条]|[一二三四五六七八九十]+[、.．]|附\s*件)")


@dataclass(frozen=True)
class Row:
    """A logical row: the lines it spans (indices) and one cell per header column ("" where empty)."""

    first: int
    last: int
    cells: tuple[str, ...]
    starts: tuple[int, ...]  # offset of each cell in the text (the row's first offset for an empty cell)


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    roles: tuple[str | None, ...]
    first: int  # index of the first header line
    rows: tuple[Row, ...]
    end: int  # index of the first line after the table
    separators: bool = False  # lone bar lines separate its cells


def bar_text(text: str) -> str:
    """A line's cell without the bar that closes it: "牵头单位 |" -> "牵头单位"; "||" or "|" -> "".

    >>> bar_text("市科技局 |"), bar_text("||"), bar_text("市科技局")
    ('市科技局', '', '市科技局')
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
    """
    roles = tuple(lexicon.column_role(c) for c in cells)
    if len(roles) < 2 or any(r is None for r in roles) or "number" in roles[1:]:
        return None
    if not any(r in lexicon.UNIT_ROLES for r in roles) or all(r in lexicon.UNIT_ROLES for r in roles):
        return None
    return roles


def _default_unit_shape() -> Callable[[str], bool]:
    from plankg.ingest.departments import default_registry

    return default_registry().looks_like_unit


def line_kind(text: str, looks_like_unit: Callable[[str], bool]) -> str:
    """The kind of one cell's text.

    >>> shape = _default_unit_shape()
    >>> [line_kind(t, shape) for t in ["3", "市科技局、市财政局", "张三", "2024年底前", "是", "加快推进园区建设", ""]]
    ['number', 'units', 'person', 'deadline', 'flag', 'text', 'empty']
    """
    if not text:
        return EMPTY
    if _INT.match(text):
        return NUMBER
    if _FLAG.match(text):
        return FLAG
    if len(text) <= 24 and _DEADLINE.match(text):
        return DEADLINE
    # A level word alone ("各县、市、区政府" splits into 各县 / 市 / 区政府) is part of its neighbour.
    pieces = [p for p in _UNIT_SPLIT.split(text.strip("。;；")) if p and p not in _LEVEL_WORDS]
    if pieces and len(text) <= 200 and all(_unit_piece(p, looks_like_unit) for p in pieces):
        return UNITS
    if (pieces and all(_NAME.match(p) for p in pieces)) or _NAME.match(text):
        return PERSON
    return TEXT


_LEVEL_WORDS = ("省", "市", "县", "区", "乡", "镇", "州", "盟", "旗")


_COLLECTIVE = re.compile(r"各[\u4e00-\u9fff]{0,6}(?:单位|部门|政府|街道|乡镇|镇|园区)$"
                         r"|^[省市区县](?:直|级|属)各?(?:其他|其它)?(?:有关|相关)?(?:单位|部门)$|^(?:有关|相关)(?:乡镇|街道)")


_TOWN = re.compile(rf"^[\u4e00-\u9fff]{{1,5}}(?:{lexicon.alternation(lexicon.TOWN_ENDINGS)})(?:人民政府|政府)?$")


def _unit_piece(piece: str, looks_like_unit: Callable[[str], bool]) -> bool:
    """Whether one piece of a cell names a unit: a unit's shape, a collective, or a town standing for its
    government in a table ("孝顺镇").

    >>> shape = _default_unit_shape()
    >>> [_unit_piece(p, shape) for p in ("区发改局", "孝顺镇", "各乡镇", "加快建设")]
    [True, True, True, False]
    """
    if _COLLECTIVE.search(piece) or _TOWN.match(piece):
        return True  # "县各有关单位", "各乡镇": a collective unit
    piece = re.sub(r"(?:等|及)?(?:其他|其它)?(?:有关|相关)?(?:部门|单位)$|等$", "", piece) or piece
    piece = piece.rstrip("*＊★")
    if len(piece) > 20:
        return False  # "…等龙头企业牵头建设广西工程机械技术创新中心" ends like a unit but is a sentence
    return looks_like_unit(piece) or piece.startswith("各")


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
    "remark": (TEXT, DEADLINE, PERSON),
    "flag": (FLAG,),
}
_HOME = {PERSON: lexicon.PERSON, DEADLINE: "deadline"}
_CONTINUES = ("task", "category", lexicon.LEAD, lexicon.SUPPORT, lexicon.RESPONSIBLE, "progress", "remark",
              lexicon.PERSON)


_SENTENCE_END = ("。", "；", ";", "！", "？")
_OPENS_ITEM = re.compile(r"^(?:\d{1,3}[.、．﹒]|[(（][一二三四五六七八九十\d]{1,3}[)）]"
                         r"|[一二三四五六七八九十]{1,3}[、.．])")


def _place(roles: Sequence[str | None], at: int, kind: str, cells: Sequence[list[str]], text: str) -> int | None:
    """The column a line of `kind` goes to when the row's last filled column is `at` (-1: none yet).

    A wrapped task cell or a unit cell spread over lines continues in its column. A text line moves
    on to the next text column instead when its own column's cell ended a sentence or the line opens
    a numbered item ("主要预期目标" then "1.地区生产总值增长5%以上。" are two cells).
    """
    home = _HOME.get(kind)
    if home is not None and at >= 0 and roles[at] != home:
        # A person's name or a deadline goes to its own column when the table has one further on.
        for c in range(at + 1, len(roles)):
            if roles[c] == home:
                return c
    if at >= 0 and cells[at] and roles[at] in _CONTINUES and kind in _ACCEPTS.get(roles[at], ()):
        later = next((c for c in range(at + 1, len(roles)) if kind in _ACCEPTS.get(roles[c], ())), None)
        if kind == TEXT and _OPENS_ITEM.match(text) and roles[at] not in ("task", "category") and \
                any(cells[c] for c, r in enumerate(roles) if r in lexicon.UNIT_ROLES):
            stays = False
        elif kind == UNITS:
            # lead then support, one line each
            stays = not any(r in lexicon.UNIT_ROLES for r in roles[at + 1:at + 2])
        elif _OPENS_ITEM.match(text) and _OPENS_ITEM.match(cells[at][0]):
            return None  # "(4)…" then "(5)…": two numbered items are two rows (their units merged or printed once)
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
    separators = False
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
        if nxt in _HEADER_TAILS and lexicon.column_role(cell + nxt) is not None:
            cell, j = cell + nxt, j + 1  # "牵头" / "单位": one header cell broken before its noun
        elif cell in _ROLE_WORDS and nxt.endswith(("单位", "部门", "科室")) and len(cell + nxt) <= 8:
            cell, j = cell + nxt, j + 1  # "牵头" / "责任单位", "主体" / "责任单位": one cell broken after its role
        if lexicon.column_role(cell) is None:
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
        j += 1
    return header, j, separators


def cell_table(lines: Sequence[Line], i: int, end: int,
               looks_like_unit: Callable[[str], bool] | None = None) -> Table | None:
    """A table flattened one cell per line whose header starts at lines[i], with its rows."""
    shape = looks_like_unit or _default_unit_shape()
    header, j, separators = _header_cells(lines, i, end)
    roles = header_roles(header) if len(header) >= 2 else None
    if roles is None:
        return None
    rows = read_rows(lines, j, end, roles, shape, separators)
    if not rows:
        # A section row right under the header ("一、主要预期目标"): the table goes on after it.
        k = j
        while k < end and set(lines[k][2]) <= {"|", " "}:
            k += 1
        if k < end and _STOP_MARKER.match(bar_text(lines[k][2])):
            return Table(tuple(header), roles, i, (), k, separators)
        return None
    return Table(tuple(header), roles, i, tuple(rows), rows[-1].last + 1, separators)


def continued_table(lines: Sequence[Line], i: int, end: int, table: Table,
                    looks_like_unit: Callable[[str], bool] | None = None) -> Table | None:
    """The rows of `table` that go on at lines[i], after a section row that interrupted it."""
    rows = read_rows(lines, i, end, table.roles, looks_like_unit or _default_unit_shape(), table.separators)
    if not rows:
        return None
    return Table(table.header, table.roles, i, tuple(rows), rows[-1].last + 1, table.separators)


def _has_units(row: Row, roles: Sequence[str | None]) -> bool:
    return any(cell for cell, role in zip(row.cells, roles, strict=False) if role in lexicon.UNIT_ROLES)


def read_rows(lines: Sequence[Line], j: int, end: int, roles: Sequence[str | None],
              looks_like_unit: Callable[[str], bool], separators: bool = False) -> list[Row]:
    """Rows of cells from lines[j:] laid into columns of `roles`, until a line fits no row.

    Rows without units are kept between rows with units (a merged unit cell printed once); at the
    end of the table they are not rows of it (the text after a table is not a row).
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
        if _STOP_MARKER.match(text):
            break
        kind = line_kind(text, looks_like_unit)
        if kind == EMPTY:
            # "||": an empty cell; it fills the next column so later cells keep their places. Where lone
            # bars separate cells, a bar line is no cell.
            if not (separators and raw.count("|") == 1) and at + 1 < len(roles) and any(cells):
                at += 1
            k += 1
            continue
        if at >= 0 and roles[at] in lexicon.UNIT_ROLES and cells[at] and _QUALIFIER.match(text):
            # "高新园" / "(邹区镇)": a unit's bracketed qualifier wrapped onto a line of its own
            cells[at].append(k)
            texts[at].append(text)
            k += 1
            continue
        next_number = kind == NUMBER and bool(cells[0]) and text == str(int(texts[0][0]) + 1) \
            if texts[0] and texts[0][0].isdigit() else False
        if numbered and kind == NUMBER and (at < 0 or roles[at] not in ("progress", "remark") or next_number):
            close()
            cells[0].append(k)
            texts[0].append(text)
            at = 0
            k += 1
            continue
        col = _place(roles, at, kind, texts, text)
        if col is None:
            if not any(cells):
                break
            close()
            col = _place(roles, -1, kind, texts, text)
            if col is None or roles[col] not in ("task", "category"):
                break
        cells[col].append(k)
        texts[col].append(text)
        at = col
        k += 1
    close()
    while rows and not _has_units(rows[-1], roles):
        rows.pop()
    return rows


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
    """
    head = _tokens(lines[i])
    if len(head) < 3 or "|" in lines[i][2] or "\t" in lines[i][2]:
        return None
    header, used, _ = _header_cells(head, 0, len(head))
    roles = header_roles(header) if len(header) >= 3 else None
    if roles is None or roles[0] != "number":
        return None
    cells: list[Line] = []
    k = i + 1
    first_of_line: list[int] = []
    while k < end and len(cells) < 2000:
        first_of_line.append(len(cells))
        cells.extend(_tokens(lines[k]))
        k += 1
    rows = read_rows(cells, 0, len(cells), roles, looks_like_unit or _default_unit_shape())
    if not rows:
        return None
    # Back from cells to the lines they stand on: the table ends with the line of its last cell.
    last_cell = rows[-1].last
    last_line = i + max(n for n, at in enumerate(first_of_line) if at <= last_cell) + 1
    line_rows = []
    for r in rows:
        a = i + max(n for n, at in enumerate(first_of_line) if at <= r.first) + 1
        b = i + max(n for n, at in enumerate(first_of_line) if at <= r.last) + 1
        line_rows.append(Row(a, b, r.cells, r.starts))
    return Table(tuple(header), roles, i, tuple(line_rows), last_line + 1)
