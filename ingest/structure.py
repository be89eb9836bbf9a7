"""Document structure: numbered sections and items, paragraphs and flattened table rows.

`parse_structure(text)` is pure: it returns the same `Structure` for the same text. Every
`Block` carries character offsets into the text it was given, so later stages (responsibility
clauses, targets, platforms) report spans into the source document.

Numbering ranks, outermost first: 附件 > 第X章 > 第X节 > 第X条 > 一、 > (一) > 1. > (1) > ①.
A marker closes every open unit of its rank or deeper, so a fragment that starts at "2." and
later meets "(六)" still nests correctly. Refs join the open markers with "." using ASCII
parentheses: "二.(三).7".

>>> s = parse_structure("一、总体要求\\n(一)目标。到2025年,建成示范区。\\n"
...                     "二、重点任务\\n(一)平台建设\\n1.建设实验室。推进实验室建设。")
>>> [(b.kind, b.ref, b.section) for b in s.blocks]  # doctest: +NORMALIZE_WHITESPACE
[('heading', '一', '一'), ('item', '一.(一)', '一'), ('heading', '二', '二'), ('heading', '二.(一)', '二.(一)'),
('item', '二.(一).1', '二.(一)')]
>>> [(x.ref, x.title, x.level, x.parent) for x in s.sections]
[('一', '总体要求', 1, None), ('二', '重点任务', 1, None), ('二.(一)', '平台建设', 2, '二')]
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from plankg.ingest import layout, lexicon
from plankg.ingest.numerals import unit_of_label

BLOCK_KINDS = ("heading", "item", "paragraph", "table_row")

CN_NUM = "一二三四五六七八九十百零〇两"
_CN = f"[{CN_NUM}]+"

# (rank, kind, pattern); the first group is the number as printed.
_MARKERS: tuple[tuple[int, str, re.Pattern[str]], ...] = (
    (1, "chapter", re.compile(rf"^第({_CN}|\d+)章\s*")),
    (2, "part", re.compile(rf"^第({_CN}|\d+)节\s*")),
    (3, "article", re.compile(rf"^第({_CN}|\d+)条\s*")),
    (4, "cn", re.compile(rf"^({_CN})\s*(?:、|[.．](?!\d))\s*")),
    (5, "cn_paren", re.compile(rf"^[(（]\s*({_CN})\s*[)）]\s*")),
    (6, "arabic", re.compile(r"^(\d{1,3})\s*(?:[、．﹒]|[.。](?!\d))\s*")),
    # "(1)", "1)", or one character of a parenthesised number ("⑴", U+2474-2487)
    (7, "arabic_paren", re.compile(r"^(?:[(（]\s*(\d{1,3})\s*[)）]|(\d{1,3})[)）]|([\u2474-\u2487]))\s*")),
    (8, "circled", re.compile(r"^([①-⑳㉑-㉟])\s*")),
    # A card of key-value lines: the task key opens a task as a number would ("重点工作: | 弘扬企业家精神… |").
    (6, "task_key", re.compile(rf"^({lexicon.alternation(lexicon.TASK_KEYS)})\s*[:：]\s*\|?\s*(?=\S)")),
)
APPENDIX_RANK = 0
_APPENDIX = re.compile(r"^附\s*件\s*([0-9一二三四五六七八九十]*)\s*(?:[:：]\s*(.*))?$")
# A bar table's row that no header made a table row: its number cell opens it as a number would ("3 | 科学确定…").
_BAR_ROW_NUMBER = re.compile(r"^(\d{1,3})\s*\|\s*(?=[^\s|])")
_TOC_TITLE = re.compile(r"^目\s*录$")
_TOC_LINE = re.compile(r"(?:[.…·．]{3,}|[…]{2,}|-{4,})\s*\d{1,4}\s*$")
_TOC_LEADER = re.compile(r"\s*(?:[.…·．]{3,}|[…]{2,}|-{4,})\s*\d{0,4}\s*$")
_SENTENCE_END = "。;；!！?？"
_WS = " \t\u3000\u00a0"
_INT = re.compile(r"^\d{1,3}$")
_SPACE_RUN = re.compile(r"\s+")
_FIELD_SPACE = re.compile(r"[ \u3000\u00a0]")
# Column names that announce a table when they open a run of short lines.
TABLE_HEADER_WORDS = (
    "序号", "编号", "指标", "指标名称", "单位", "属性", "目标值", "任务", "工作任务", "重点任务", "主要任务",
    "具体任务", "工作内容", "工作举措", "具体举措", "主要举措", "项目名称", "领域", "建设内容", "施工单位",
    "建设单位", "责任单位", "牵头单位", "主要责任单位", "协同配合单位", "配合单位", "参与单位", "责任领导",
    "完成时限", "完成时间", "时间节点", "进度安排", "备注", "类别",
)


@dataclass(frozen=True)
class Block:
    """One unit of text: a numbered heading, a numbered item with its body, a paragraph, or a table row.

    `ref` is the numbering path of the closest numbered unit (None before the first one);
    `section` is the ref of the enclosing heading; `start`/`end` are offsets into the text.
    For table rows `cells` holds the row's cells and `header` the table's column names.
    """

    kind: str
    ref: str | None
    section: str | None
    start: int
    end: int
    text: str
    cells: tuple[str, ...] = ()
    header: tuple[str, ...] = ()
    level: int = 0  # depth of `ref` (0 for unnumbered blocks before any unit)
    marker: str = ""  # the numbering marker as printed, e.g. "(三)" or "7."
    # Offsets of each cell in the text, when known. A blank cell of a flattened merged cell repeats the
    # cell above it (see `_ditto_cells`): its offset is then that earlier cell's, before `start`.
    cell_starts: tuple[int, ...] = ()
    glued: bool = False  # a row of a table printed with no separator between its cells (`layout.glued_table`)


@dataclass(frozen=True)
class Section:
    """A numbered heading (or appendix) and the text it governs."""

    ref: str
    title: str | None
    level: int
    start: int
    end: int
    parent: str | None = None


@dataclass(frozen=True)
class Structure:
    text: str
    sections: tuple[Section, ...]
    blocks: tuple[Block, ...]
    duplicate_spans: tuple[tuple[int, int], ...] = ()  # repeated copies that were skipped

    def block_at(self, offset: int) -> Block | None:
        """The block whose span contains `offset`."""
        for b in self.blocks:
            if b.start <= offset < b.end:
                return b
        return None


@dataclass(frozen=True)
class DocContext:
    """What every extractor may know about the document it reads."""

    region: str | None = None
    plan_year: int | None = None  # the year a one-year plan is for, else the end of the period
    period: tuple[int, int] | None = None
    title: str | None = None
    structure: Structure | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str


def split_lines(text: str) -> list[_Line]:
    """Non-blank lines with surrounding white space trimmed, as offsets into `text`.

    >>> [(ln.start, ln.text) for ln in split_lines("  一、目标\\n\\n\\u3000正文 ")]
    [(2, '一、目标'), (9, '正文')]
    """
    out = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip(_WS + "\r")
        if stripped:
            lead = len(raw) - len(raw.lstrip(_WS + "\r"))
            out.extend(_run_on_lines(_Line(pos + lead, pos + lead + len(stripped), stripped)))
        pos += len(raw) + 1
    return out


# Where a numbering marker opens a unit inside a run-on line: after a sentence end, a closing
# bracket or white space.
_RUN_ON_MARKER = re.compile(rf"(?<=[。；;！？!?)）\]】〕{_WS}])[{_WS}]*"
                            rf"(?=第(?:{_CN}|\d+)[章节条]|{_CN}[、．]|[(（]{_CN}[)）]|\d{{1,2}}[、．]|\d{{1,2}}\.(?!\d)|[①-⑳])")
RUN_ON_MIN_CHARS = 400  # a line this long with several markers is text whose line breaks were lost
RUN_ON_MIN_MARKERS = 2
LONG_SENTENCE = 50  # a numbered line longer than this, with a comma, states a task: no heading is so long


_CN_VALUE = {c: i for i, c in enumerate("一二三四五六七八九十", 1)}


def _marker_value(kind: str, number: str) -> int | None:
    """The number a marker prints: "3" -> 3, "十二" -> 12, "②" -> 2."""
    if "①" <= number <= "⑳":
        return ord(number) - ord("①") + 1
    if number.isascii() and number.isdigit():
        return int(number)
    if len(number) == 1:
        return _CN_VALUE.get(number)
    if len(number) == 2 and number[0] == "十":
        return 10 + _CN_VALUE.get(number[1], 0)
    return None


def _successor_cuts(text: str) -> list[int]:
    """Where the next numbered units start inside a line that opens with a marker: "(一)甲。(省发改委负责)(二)乙…"
    holds (二) glued to (一). Only the successors of the line's own marker count (same kind, next number).

    >>> _successor_cuts("(一)增长11%。(省发改委负责)(二)增长13%。(省财政厅主办)(四)不是。")
    [17]
    >>> _successor_cuts("1.完善(1)机制。")
    []
    >>> _successor_cuts("①宣传推介园区;②理顺体制;④不是")
    [8]
    """
    first = match_marker(text)
    if first is None:
        return []
    kind, value = first[1], _marker_value(first[1], first[2])
    if value is None:
        return []
    cuts = []
    for m in _RUN_ON_MARKER.finditer(text):
        nxt = match_marker(text[m.end():])
        if nxt is not None and nxt[1] == kind and _marker_value(kind, nxt[2]) == value + 1:
            cuts.append(m.end())
            value += 1
    return cuts


# A numbering marker anywhere, glued to the text before it ("二、重点任务(一)建立…行动1.中医医院…").
_GLUED_MARKER = re.compile(rf"(?=[(（]{_CN}[)）]|{_CN}、|\d{{1,2}}[、．]|\d{{1,2}}\.(?!\d))")


def _with_glued_markers(text: str, cuts: list[int]) -> list[int]:
    """The cuts of a run-on line, with the markers glued to the text before them that continue its numbering: the
    next number of a kind already open, or the first of a deeper kind right under a marker of a higher rank.
    A heading glued to its first item is cut; a figure such as "增长1.5倍" never is (no marker), and a stray
    "3、" out of sequence stays text.

    >>> t = ("一、总体要求。" + "说明" * 10
    ...      + "二、重点任务(一)建立健全服务体系行动1.推进医院建设。2.完善网络。(二)提升能力3.打造品牌。")
    >>> [t[c:c + 4] for c in _with_glued_markers(t, [t.index("二、")])]
    ['二、重点', '(一)建', '1.推进', '2.完善', '(二)提', '3.打造']
    """
    strict = set(cuts)
    out: list[int] = []
    open_kinds: dict[str, tuple[int, int]] = {}  # kind -> (rank, last value)
    closed: dict[str, int] = {}  # the last value of a kind a higher marker closed: numbering may run on under it
    first = match_marker(text)
    if first is not None and (value := _marker_value(first[1], first[2])) is not None:
        open_kinds[first[1]] = (first[0], value)
    for m in _GLUED_MARKER.finditer(text, 1):
        at = m.start()
        mk = match_marker(text[at:])
        if mk is None:
            continue
        rank, kind, number, _ = mk
        value = _marker_value(kind, number)
        if value is None:
            continue
        last = open_kinds.get(kind)
        under = any(r < rank for r, _ in open_kinds.values())
        continues = last[1] + 1 == value if last else under and (value == 1 or closed.get(kind, -1) + 1 == value)
        if at not in strict and not continues:
            continue
        out.append(at)
        closed.update({k: v[1] for k, v in open_kinds.items() if v[0] > rank})
        open_kinds = {k: v for k, v in open_kinds.items() if v[0] <= rank and k != kind}
        open_kinds[kind] = (rank, value)
    return sorted(strict | set(out))


def _sequence_cuts(text: str) -> list[int]:
    """Where a line that opens with none holds numbered units that count from one ("…打造“世界稀土之都”。 1.提升
    原料能力。… 2.推动延链。"): two markers at least of one kind after sentence ends, numbered 1, 2, … in turn.

    >>> t = "加强稀土开发,打造稀土之都。 1.提升原料能力。巩固地位。 2.推动延链。做强链条。"
    >>> [t[c:c + 4] for c in _sequence_cuts(t)]
    ['1.提升', '2.推动']
    >>> _sequence_cuts("增长5%。 2.推动延链。 3.做强。")
    []
    """
    found: dict[str, list[int]] = {}
    for m in _RUN_ON_MARKER.finditer(text, 1):
        mk = match_marker(text[m.end():])
        if mk is None:
            continue
        value, run = _marker_value(mk[1], mk[2]), found.get(mk[1], [])
        if value == len(run) + 1:
            found[mk[1]] = run + [m.end()]
    runs = [run for run in found.values() if len(run) >= RUN_ON_MIN_MARKERS]
    return min(runs, key=lambda run: run[0]) if runs else []


def _run_on_lines(line: _Line) -> list[_Line]:
    """A long line that holds several numbered units, split before each marker (a document printed
    without line breaks: its structure comes from the markers alone). Offsets stay in the source.

    >>> body = ("一、总体要求 为推进工作,制定本方案。" + "说明" * 200
    ...         + "。二、重点任务 (一)建设平台。1.建设实验室。(责任单位:市科技局)2.推进招商。")
    >>> [ln.text[:6] for ln in _run_on_lines(_Line(0, len(body), body))]
    ['一、总体要求', '二、重点任务', '(一)建设平', '1.建设实验', '2.推进招商']
    """
    if len(line.text) < RUN_ON_MIN_CHARS:
        marked = len(line.text) > 12 and _RUN_ON_MARKER.search(line.text) is not None
        cuts = _successor_cuts(line.text) if marked else []
        if not cuts and marked and match_marker(line.text) is None and not any(ch in line.text for ch in "|｜\t"):
            cuts = _sequence_cuts(line.text)  # (a table's row keeps its cells' numbered points)
    else:
        cuts = [m.end() for m in _RUN_ON_MARKER.finditer(line.text)]
        if len(cuts) < RUN_ON_MIN_MARKERS:
            cuts = _successor_cuts(line.text)
        else:
            cuts = _with_glued_markers(line.text, cuts)
    if len(line.text) >= RUN_ON_MIN_CHARS and "序号" in line.text:
        cuts = sorted(set(cuts) | set(_run_on_table_cuts(line.text)))
    if not cuts:
        return [line]
    out, a = [], 0
    for b in cuts + [len(line.text)]:
        piece = line.text[a:b]
        stripped = piece.strip(_WS)
        if stripped:
            lead = len(piece) - len(piece.lstrip(_WS))
            out.append(_Line(line.start + a + lead, line.start + a + lead + len(stripped), stripped))
        a = b
    return out


_RUN_ON_HEADER = re.compile(r"(?<![^\s])序号(?:\s+[\u4e00-\u9fff]{2,10}){2,8}(?=\s)")
_RUN_ON_ROW = re.compile(r"(?<=\s)(\d{1,3})\s+(?=[\u4e00-\u9fff“\"])")


def _run_on_table_cuts(text: str) -> list[int]:
    """The cuts of a table printed on a run-on line: before its header ("序号 承担的重点工作 … 牵头责任单位", whose
    cells name a unit column), after it, and before each row's number, the rows numbered 1, 2, 3 … in turn.

    >>> t = "统计表 序号 重点工作 完成状态 牵头责任单位 1 生产总值增长6%。 推进 市发改委 2 消费增长5%。 推进 市商务局"
    >>> [t[c:c + 4] for c in _run_on_table_cuts(t)]
    ['序号 重', '1 生产', '2 消费']
    """
    head = _RUN_ON_HEADER.search(text)
    if head is None:
        return []
    roles = [lexicon.column_role(c) for c in head.group(0).split()]
    if not any(r in lexicon.UNIT_ROLES for r in roles) or sum(r is not None for r in roles) < 3:
        return []
    rows: list[int] = []
    for m in _RUN_ON_ROW.finditer(text, head.end()):
        if int(m.group(1)) == len(rows) + 1:
            rows.append(m.start())
    if len(rows) < 2:
        return []
    # each row ends in its unit cell ("… 市发展改革委"): a PDF's scrambled cells do not
    shape = layout._default_unit_shape()
    ends = [text[a:b].split()[-1] for a, b in zip(rows, rows[1:] + [len(text)], strict=True) if text[a:b].split()]
    if 3 * sum(layout.line_kind(e, shape) == layout.UNITS for e in ends) < 2 * len(rows):
        return []
    # the header on a line of its own; a section row between it and the first row ("一、…") on another
    return [head.start(), *([head.end()] if text[head.end():rows[0]].strip(_WS) else []), *rows]


def match_marker(line: str) -> tuple[int, str, str, int] | None:
    """(rank, kind, number as printed, length of the marker) when `line` opens a numbered unit.

    >>> match_marker("(三)实施行动")[:3]
    (5, 'cn_paren', '三')
    >>> match_marker("1.5亿元") is None, match_marker("2024年") is None, match_marker("一是强化")
    (True, True, None)
    >>> match_marker("第三章 总则")[:3], match_marker("⑵清理绿化带")[:3]
    ((1, 'chapter', '三'), (7, 'arabic_paren', '2'))
    """
    for rank, kind, pattern in _MARKERS:
        m = pattern.match(line)
        if m:
            number = next(g for g in m.groups() if g)
            if "\u2474" <= number <= "\u2487":
                number = str(ord(number) - 0x2473)  # "⑴" is "(1)"
            return rank, kind, number, m.end()
    return None


def ref_part(kind: str, number: str) -> str:
    """The ref component of one marker, with ASCII parentheses.

    >>> ref_part("cn_paren", "一"), ref_part("arabic", "7"), ref_part("article", "五")
    ('(一)', '7', '第五条')
    """
    if kind in ("cn_paren", "arabic_paren"):
        return f"({number})"
    if kind == "chapter":
        return f"第{number}章"
    if kind == "part":
        return f"第{number}节"
    if kind == "article":
        return f"第{number}条"
    return number


def _first_sentence_end(body: str) -> int:
    """Index just after the first sentence end in `body`, or -1."""
    for i, ch in enumerate(body):
        if ch in _SENTENCE_END:
            return i + 1
    return -1


_UNIT_LABEL = re.compile(rf"(?:{lexicon.unit_key_pattern()})\s*[:：]")


def _has_body(rest: str) -> bool:
    """A numbered line carries a body when text follows its first sentence, or when it names its units with a
    role key ("(一)适龄女生HPV疫苗接种牵头责任部门:县卫健委": a task, no heading).

    >>> _has_body("坚持创新引领"), _has_body("适龄女生HPV疫苗接种牵头责任部门:县卫健委")
    (False, True)
    """
    if (":" in rest or "：" in rest) and _UNIT_LABEL.search(rest):
        return True
    cut = _first_sentence_end(rest)
    if cut < 0:
        # A long unpunctuated numbered line is an item written as one run-on sentence.
        return len(rest) > 60
    return len(rest[cut:].strip(_WS)) > 0


def find_duplicate_runs(lines: list[_Line], min_chars: int = 200, min_lines: int = 3) -> list[tuple[int, int]]:
    """Index ranges [i, j) of lines that repeat an earlier run verbatim (a page printing a document twice).

    A run counts when it is long (min_chars of text and min_lines lines, or one paragraph of
    min_chars): short repeats like a recurring heading are left alone.

    >>> ls = split_lines("标题\\n" + "甲" * 250 + "\\n尾\\n" + "甲" * 250 + "\\n尾")
    >>> find_duplicate_runs(ls)
    [(3, 5)]
    """
    norm = [_SPACE_RUN.sub("", ln.text) for ln in lines]
    seen: dict[str, list[int]] = {}
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        best = 0
        for j in seen.get(norm[i], ()):
            k = 0
            while i + k < len(lines) and j + k < i and norm[j + k] == norm[i + k]:
                k += 1
            best = max(best, k)
        chars = sum(len(norm[x]) for x in range(i, i + best)) if best else 0
        if best and chars >= min_chars and (best >= min_lines or len(norm[i]) >= min_chars):
            runs.append((i, i + best))
            i += best
            continue
        positions = seen.setdefault(norm[i], [])
        positions.append(i)
        if len(positions) > 64:
            # Table cells like "--" recur endlessly; the newest positions are enough to find a repeat.
            del positions[0]
        i += 1
    return runs


def split_fields(line: str) -> list[str]:
    """Cells of a row printed on one line: tab-, bar- or space-separated.

    >>> split_fields("1 云计算和大数据 杭钢云计算数据中心项目")
    ['1', '云计算和大数据', '杭钢云计算数据中心项目']
    >>> split_fields("| 序号 | 任务 | 牵头单位 |")
    ['序号', '任务', '牵头单位']
    """
    if "\t" in line:
        parts = line.split("\t")
    elif line.count("|") >= 2:
        parts = line.strip("|").split("|")
    else:
        parts = re.split(r"[ \u3000\u00a0]+", line)
    return [p.strip(_WS) for p in parts if p.strip(_WS)]


def _is_field_row(fields: list[str]) -> bool:
    return len(fields) >= 3 and all(len(f) <= 80 and "。" not in f[:-1] for f in fields)


def _is_header_cell(line: str) -> bool:
    return len(line) <= 24 and not any(ch in line for ch in "。；;，,") and not _INT.match(line)


def _known_header(cells: list[str]) -> bool:
    """Two header words at least, or two column roles one of which names units ("工作任务 | 具体要求 | 责任科室").

    >>> _known_header(["工作任务", "具体要求", "责任科室"]), _known_header(["索引号", "成文日期"])
    (True, False)
    >>> _known_header(["乡镇", "新种任务(亩)", "备注"])
    True
    """
    flat = [c.replace(" ", "") for c in cells]
    if sum(1 for c in flat if c in TABLE_HEADER_WORDS or c.endswith("单位")) >= 2:
        return True
    roles = [lexicon.column_role(c) for c in flat]
    if any(unit_of_label(c) for c in flat) and sum(1 for r in roles if r is not None) >= 2:
        return True  # "乡镇 | 新种任务(亩) | 备注": a column of quantities, its unit in its name
    return sum(1 for r in roles if r is not None) >= 2 and any(r in lexicon.UNIT_ROLES for r in roles)


@dataclass
class _TableRow:
    first: int  # line index
    last: int
    cells: tuple[str, ...]
    header: tuple[str, ...]
    starts: tuple[int, ...] = ()  # absolute offset of each cell (bar/tab rows only)


# Columns whose blank cell in a bar/tab table repeats the cell above: a merged cell flattened into rows.
# Every task has a lead (or responsible) unit and a deadline, so a blank there cannot mean "none"; a blank
# 配合单位 cell can, and is left blank.
_DITTO_COLUMN = re.compile(r"^(?:牵头|主要责任|主责|责任|完成时限|完成时间|时间节点|时限|进度安排)")


def _bar_cells(line: _Line, min_bars: int = 2) -> list[tuple[str, int]] | None:
    """The cells of a bar- or tab-separated row with their offsets, blank cells kept as "" (None when the line
    has fewer than `min_bars` bars and no tab).

    >>> _bar_cells(_Line(10, 24, "| 1 |  | 市科技局 |"))
    [('1', 12), ('', 15), ('市科技局', 19)]
    >>> _bar_cells(_Line(0, 5, "1 甲 乙")) is None
    True
    """
    t = line.text
    if "\t" in t:
        sep = "\t"
    elif t.count("|") >= min_bars:
        sep = "|"
    else:
        return None
    out, pos = [], 0
    parts = t.split(sep)
    if sep == "|":
        # Outer bars open and close the row: no cell before the first or after the last.
        if parts and not parts[0].strip(_WS):
            pos += len(parts[0]) + 1
            parts = parts[1:]
        if parts and not parts[-1].strip(_WS):
            parts = parts[:-1]
    for part in parts:
        cell = part.strip(_WS)
        lead = len(part) - len(part.lstrip(_WS))
        out.append((cell, line.start + pos + (lead if cell else 0)))
        pos += len(part) + 1
    return out


def _unshifted(header: list[str], cells: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """A row printed without the cells of a merged column, its cells shifted left and blanks at its end
    ("4.及时反馈… | 局主办科室 | |" under "工作任务 | 具体要求 | 责任科室"): its cells moved right so that its
    first unit cell stands in the first unit column, the merged columns left blank (then filled from above).

    >>> _unshifted(["工作任务", "具体要求", "责任科室"], [("4.反馈意见。", 0), ("局疾控科", 9), ("", 15)])
    [('', 0), ('4.反馈意见。', 0), ('局疾控科', 9)]
    >>> _unshifted(["序号", "任务", "分工", "责任处室", "时限", "备注"],
    ...            [("2", 0), ("甲", 2), ("疾控处", 4), ("年内", 8)])
    [('2', 0), ('甲', 2), ('', 4), ('疾控处', 4), ('年内', 8), ('', 8)]
    >>> _unshifted(["类别", "序号", "指标名称", "2025年"], [("2", 0), ("婴儿死亡率", 2), ("<5", 8), ("", 11)])
    [('', 0), ('2', 0), ('婴儿死亡率', 2), ('<5', 8)]
    """
    roles = [lexicon.column_role(h.replace(" ", "")) for h in header]
    number_col = roles.index("number") if "number" in roles else 0
    if number_col > 0 and cells and _INT.match(cells[0][0]):
        # a row that opens with its number under a header whose numbers come after merged leading columns
        # ("2 | 婴儿死亡率 | ‰ | <5 | |" under "类别 | 序号 | 指标名称 | 单位 | 2025年"): blanks before the number
        filled = len(cells)
        while filled and not cells[filled - 1][0]:
            filled -= 1
        if filled + number_col <= len(header):
            moved = [("", cells[0][1])] * number_col + cells[:filled]
            return moved + [("", cells[-1][1])] * (len(header) - len(moved))
    unit_col = next((k for k, r in enumerate(roles) if r in lexicon.UNIT_ROLES), None)
    shape = layout._default_unit_shape()
    first_units = next((k for k, (c, _) in enumerate(cells)
                        if c and layout.line_kind(c, shape) == layout.UNITS), None)
    if roles[0] == "number" and cells and cells[0][0] and not _INT.match(cells[0][0]) and first_units != 0 \
            and (first_units is None or first_units + 1 == unit_col):
        # a sub-row that prints no number ("新增托位500个。 | 新增600个。 | ||" under "序号 | 内容 | 进展 | 单位"):
        # its cells start at the column after the numbers
        shift = 1
    elif unit_col is None or first_units is None or first_units >= unit_col:
        return cells
    else:
        shift = unit_col - first_units
    filled = len(cells)
    while filled and not cells[filled - 1][0]:
        filled -= 1
    if filled + shift > len(header):
        return cells  # no room at the end to take up the shift
    if first_units is not None and roles[0] == "number" and _INT.match(cells[0][0]):
        # a numbered row leaves out a middle column: the blanks go before its units
        moved = cells[:first_units] + [("", cells[first_units][1])] * shift + cells[first_units:filled]
    else:
        moved = [("", cells[0][1])] * shift + cells[:filled]  # a merged leading column
    return moved + [("", cells[-1][1])] * (len(header) - len(moved))


def _ditto_cells(header: list[str], cells: list[tuple[str, int]], above: _TableRow | None
                 ) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """Fill the blank lead/responsible/deadline cells of a row from the row above.

    >>> above = _TableRow(0, 0, ("1", "甲", "市科技局", "2024年6月"), (), (0, 2, 4, 9))
    >>> _ditto_cells(["序号", "任务", "牵头单位", "完成时限"], [("2", 20), ("乙", 22), ("", 24), ("", 25)], above)
    (('2', '乙', '市科技局', '2024年6月'), (20, 22, 4, 9))
    """
    texts, starts = [c for c, _ in cells], [s for _, s in cells]
    if above is not None and len(above.cells) == len(texts) and len(above.starts) == len(texts):
        for k, h in enumerate(header):
            if not texts[k] and _DITTO_COLUMN.match(h.replace(" ", "")) and above.cells[k]:
                texts[k], starts[k] = above.cells[k], above.starts[k]
    return tuple(texts), tuple(starts)


def _cell_table(lines: list[_Line], i: int, end: int) -> tuple[list[_TableRow], int] | None:
    """A table printed one cell per line, starting at lines[i]; returns its rows and the next line index."""
    if lines[i].text.replace(" ", "") not in ("序号", "编号"):
        return None
    j = i
    header: list[str] = []
    while j < end and _is_header_cell(lines[j].text) and match_marker(lines[j].text) is None:
        header.append(lines[j].text)
        j += 1
    if len(header) < 3 or j >= end or lines[j].text != "1":
        return None
    rows: list[_TableRow] = []
    number = 1
    widths: list[int] = []
    while j < end and lines[j].text == str(number):
        k = j + 1
        cells = [lines[j].text]
        limit = max(widths) if widths else len(header)
        while k < end and lines[k].text != str(number + 1):
            t = lines[k].text
            marker = match_marker(t)
            if marker and marker[1] in ("cn", "cn_paren", "chapter", "part", "article"):
                break
            if _APPENDIX.match(t):
                break
            if len(cells) >= limit:
                # The last row has no next number to stop at: stop at the widest row seen.
                break
            cells.append(t)
            k += 1
        rows.append(_TableRow(j, k - 1, tuple(cells), tuple(header)))
        widths.append(len(cells))
        number += 1
        j = k
    return (rows, j) if rows else None


def _layout_table(lines: list[tuple[int, int, str]], i: int, end: int,
                  interrupted: layout.Table | None) -> layout.Table | None:
    """A responsibility table flattened one cell per line, rebuilt by the layout layer (`layout.cell_table`),
    or the rows of an `interrupted` table going on after a section row."""
    first = lines[i][2]
    if len(first) <= 18 and (lexicon.column_role(layout.bar_text(first)) is not None
                             or layout.card_key(first) is not None):
        table = layout.cell_table(lines, i, end) or layout.card_table(lines, i, end)
        if table is not None:
            return table
    if ":" in first or "：" in first or len(first) <= 12:
        table = layout.record_table(lines, i, end)
        if table is not None:
            return table
    if first == "1":
        table = layout.headless_cell_table(lines, i, end)
        if table is not None:
            return table
    if interrupted is not None:
        return layout.continued_table(lines, i, end, interrupted)
    return None


# A header closing a run-on line: "… 序号 名称 工作任务 牵头责任单位"; a row of it: "1 地区生产总值增长7%以上. 发改委".
_HEADER_TAIL = re.compile(r"\s(序号(?:\s+[\u4e00-\u9fff]{2,8}){2,8})\s*$")
_SPACED_ROW = re.compile(r"^(\d{1,3})\s+(\S.*\S)\s*$")


def _field_header(line: _Line) -> list[str] | None:
    """The header of a table printed one row per line with tab/bar/space separated cells, if `line` is one."""
    if "\t" not in line.text and line.text.count("|") < 2 and not _FIELD_SPACE.search(line.text):
        return None  # one field: no header (most lines, so `split_fields` is spared)
    header = split_fields(line.text)
    if not _is_field_row(header) or any(_INT.match(h) for h in header):
        return None
    if not (_known_header(header) or header[0] in ("序号", "编号")):
        return None
    return header


_WIDE_GAP = re.compile(r"[ \u3000]{2,}")
_YEAR_HEADER = re.compile(lexicon.YEAR_COLUMN)


def _wide_table(lines: list[_Line], i: int, end: int) -> tuple[list[_TableRow], int] | None:
    """An indicator table a PDF's page laid out with runs of spaces between its cells and single spaces
    inside them ("指 标   2025 年   属 性" / "1.残疾人家庭人均收入年均增长(%)   >7.5   预期性"): a header
    naming 指标 and a year, then one row a line; a row's number before its name becomes a cell.

    >>> ls = split_lines("指 标    2025 年    属 性\\n1.残疾人家庭人均收入年均增长(%)    >7.5    预期性\\n二、任务")
    >>> [r.cells for r in _wide_table(ls, 0, len(ls))[0]]
    [('1', '残疾人家庭人均收入年均增长(%)', '>7.5', '预期性')]
    """
    if not _WIDE_GAP.search(lines[i].text):
        return None
    header = [re.sub(r"[ \u3000]", "", c) for c in _WIDE_GAP.split(lines[i].text.strip()) if c.strip()]
    if len(header) < 2 or not any("指标" in h for h in header) or not any(_YEAR_HEADER.fullmatch(h) for h in header):
        return None
    rows: list[_TableRow] = []
    j = i + 1
    while j < end:
        cells = [c.strip() for c in _WIDE_GAP.split(lines[j].text.strip()) if c.strip()]
        marker = match_marker(cells[0]) if cells else None
        number = marker if marker is not None and marker[2].isdigit() and len(cells[0]) > marker[3] else None
        if number is not None:
            cells = [number[2], cells[0][number[3]:].strip(), *cells[1:]]
        width = len(header) + (1 if number is not None else 0)
        if len(cells) != width:
            break
        rows.append(_TableRow(j, j, tuple(cells), tuple((["序号"] if number is not None else []) + header)))
        j += 1
    return (rows, j) if rows else None


# The header a headless table of numbered bar rows is read with: its columns named by the kinds of their cells.
# A cell of a row's figures: a number with its comparator, unit and qualifier ("≥72", "99%以上", "12.3年以上", "<5"),
# a unit ("%", "1/10万"), a blank mark, or the indicator's kind (约束性).
_FIGURE_CELL = re.compile(r"(?:≥|>=|>|≤|<=|<|约|不低于|不少于|不超过)?\d+(?:\.\d+)?(?:[%‰]|[\u4e00-\u9fff]{1,3})?"
                          rf"(?:以上|以下|左右|以内)?|[%‰]|1?/\d*[十百千万]+|[-—–/]+|{lexicon.INDICATOR_KIND.pattern}")
_SUB_INDICATOR = re.compile(r"其中\s*[:：]\s*")


def _indicator_cell_table(lines: list[_Line], i: int, end: int) -> tuple[list[_TableRow], int] | None:
    """An indicator table printed one cell per line: a header naming 指标, its value columns (a year each, or
    目标值) and maybe 单位/属性, then per row its name ("1.学前教育毛入园率(%)") and its cells; section rows
    ("一、发展水平") are passed over. A row of two indicators prints both names, then the figures column by column
    ("1.教师专科及以上学历比例(%)" / "其中:本科及以上学历比例(%)" / base 1 / base 2 / target 1 / target 2 / 预期性), or
    a group name and its parts' names ("4.标准班额比例(%)" / "其中:小学" / "初中" / …): one row per indicator.

    >>> ls = split_lines("指  标\\n2020年\\n2025年\\n属性\\n一、发展水平\\n1.毛入园率(%)\\n99%\\n99%以上\\n约束性\\n"
    ...                  "2.班额比例(%)\\n其中:小学\\n初中\\n34.52%\\n77.34%\\n80%以上\\n85%以上\\n预期性\\n三、其他")
    >>> rows, nxt = _indicator_cell_table(ls, 0, len(ls))
    >>> for r in rows: print(r.cells)
    ('毛入园率(%)', '99%', '99%以上', '约束性')
    ('班额比例', '小学', '34.52%', '80%以上', '预期性')
    ('班额比例', '初中', '77.34%', '85%以上', '预期性')
    >>> rows[1].header
    ('类别', '指标', '2020年', '2025年', '属性')
    >>> ls[nxt].text
    '三、其他'
    """
    if "指" not in lines[i].text or len(lines[i].text) > 24:
        return None  # a header cell naming 指标 (its characters may be spaced: "指  标")
    head = re.sub(r"\s+", "", lines[i].text)
    if "指标" not in head or len(head) > 8:
        return None
    header = [head]
    j = i + 1
    while j < end and len(header) < 8:
        cell = re.sub(r"\s+", "", lines[j].text)
        if layout.indicator_role(cell) is None and cell not in lexicon.ATTRIBUTE_HEADERS:
            break  # a header cell of an indicator table: a value or unit column (layout), or the indicators' kind
        header.append(cell)
        j += 1
    if not any(layout.indicator_role(h) == "value" for h in header[1:]):
        return None
    kinds = sum(1 for h in header[1:] if h in lexicon.ATTRIBUTE_HEADERS)
    per_indicator = len(header) - 1 - kinds  # cells each indicator fills: its unit and its values
    rows: list[_TableRow] = []

    def figure(k: int) -> bool:
        return _FIGURE_CELL.fullmatch(re.sub(r"\s+", "", lines[k].text)) is not None

    done = j  # after the last row read
    while j < end:
        marker = match_marker(lines[j].text)
        if marker is not None and marker[1] in ("cn", "cn_paren") and len(lines[j].text) <= 20:
            j += 1  # a section row
            continue
        names: list[int] = []
        while j < end and not figure(j) and len(names) < 4:
            if names and match_marker(lines[j].text) is not None:
                break
            names.append(j)
            j += 1
        figures: list[int] = []
        while j < end and figure(j):
            figures.append(j)
            j += 1
        values = [k for k in figures if not lexicon.INDICATOR_KIND.fullmatch(lines[k].text.strip())]
        marks = [k for k in figures if k not in values]
        if not names or not values or len(values) % per_indicator:
            break
        count = len(values) // per_indicator
        if count == len(names):
            own = names
            group = ""
        elif count == len(names) - 1 and count > 1:
            own = names[1:]
            group = re.sub(r"[(（][^()（）]*[)）]$", "", _cell_name(lines[names[0]].text)[0])
        else:
            break
        for n, k in enumerate(own):
            name, offset = _cell_name(lines[k].text)
            sub = _SUB_INDICATOR.match(name)
            if sub:
                name, offset = name[sub.end():], offset + sub.end()
            # a part's name under its group's: the group is the row's category ("类别"), the part its indicator
            cells = [group, name] if group else [name]
            starts = [lines[names[0]].start + _cell_name(lines[names[0]].text)[1]] if group else []
            starts.append(lines[k].start + offset)
            for col in range(per_indicator):
                at = values[col * count + n]
                cells.append(lines[at].text)
                starts.append(lines[at].start)
            for at in marks:
                cells.append(lines[at].text)
                starts.append(lines[at].start)
            columns = ["类别", *header] if group else header
            rows.append(_TableRow(k if n else names[0], (j - 1) if n == len(own) - 1 else k, tuple(cells),
                                  tuple(columns[:len(cells)]), tuple(starts)))
        done = j
    return (rows, done) if rows else None


def _line_cells(line: _Line) -> list[tuple[str, int]]:
    """The non-blank cells of a line with a bar or more ("主 要 指 标 |" holds one), with their offsets."""
    return [c for c in _bar_cells(line, min_bars=1) or [] if c[0]]


def _labelled_cells(line: _Line) -> tuple[str, list[tuple[str, int]]]:
    """A bar-separated line's first cell without its spaces (a row label: "主 要 指 标" -> 主要指标) and its other
    cells."""
    cells = _line_cells(line)
    return (re.sub(r"\s+", "", cells[0][0]), cells[1:]) if cells and "|" in line.text else ("", [])


def _transposed_table(lines: list[_Line], i: int, end: int) -> tuple[list[_TableRow], int] | None:
    """An indicator table turned on its side, its rows labelled by the header's names: "主要指标 |" then the
    indicators' names, "2022 年 目 标 值 |" then their values, "属 性 | 约束性 | …"; each label's cells on its own
    line or after the label on its line, blocks of them one after another. One row per indicator.

    >>> ls = split_lines("主 要 指 标 |\\n粮食综合生产能力 | 农业科技进步贡献率 |\\n2022 年 目 标 值 |\\n"
    ...                  ">6亿吨 | 61.5% |\\n属 性 | 约束性 | 预期性 |\\n二、任务")
    >>> rows, nxt = _transposed_table(ls, 0, len(ls))
    >>> for r in rows: print(r.cells, r.header)
    ('粮食综合生产能力', '>6亿吨', '约束性') ('指标', '2022年目标值', '属性')
    ('农业科技进步贡献率', '61.5%', '预期性') ('指标', '2022年目标值', '属性')
    >>> ls[nxt].text
    '二、任务'
    """

    def labelled(k: int, accept: Callable[[str], bool]) -> tuple[list[tuple[str, int]], int] | None:
        """The cells a row labelled at lines[k] holds (after its label, or on the next line), and the index after."""
        label, cells = _labelled_cells(lines[k])
        if not accept(label):
            return None
        if cells:
            return cells, k + 1
        return (_line_cells(lines[k + 1]), k + 2) if k + 1 < end and "|" in lines[k + 1].text else None

    if "指" not in lines[i].text or "|" not in lines[i].text:
        return None  # the first row is labelled 指标 (its characters may be spaced: "主 要 指 标 |")
    rows: list[_TableRow] = []
    j = i
    while j < end:
        named = labelled(j, lambda label: "指标" in label and len(label) <= 8)
        if named is None or len(named[0]) < 2 or named[1] >= end:
            break
        names, k = named
        value_label = _labelled_cells(lines[k])[0]
        valued = labelled(k, lambda label: layout.indicator_role(label) == "value")
        if valued is None or len(valued[0]) != len(names):
            break
        values, k = valued
        header: tuple[str, ...] = ("指标", value_label)
        kinds: list[tuple[str, int]] = []
        if k < end:
            kind_label, found = _labelled_cells(lines[k])
            if kind_label in lexicon.ATTRIBUTE_HEADERS and len(found) == len(names):
                header, kinds, k = (*header, kind_label), found, k + 1
        for n, ((name, at), (value, vat)) in enumerate(zip(names, values, strict=True)):
            cells, starts = [name, value], [at, vat]
            if kinds:
                cells.append(kinds[n][0])
                starts.append(kinds[n][1])
            rows.append(_TableRow(j, k - 1, tuple(cells), header, tuple(starts)))
        j = k
    return (rows, j) if rows else None


def _cell_name(line: str) -> tuple[str, int]:
    """An indicator's name without the row number printed with it, and where it starts in the line."""
    m = re.match(r"\d{1,2}\s*[.、．]\s*", line)
    return (line[m.end():], m.end()) if m else (line, 0)


def _bar_opened_row(lines: list[_Line], k: int, end: int, width: int | None
                    ) -> tuple[list[tuple[str, int]], int, int] | None:
    """One record of a table whose cells after the first each open with a bar ("潍城" / "| 474696" / "| 22%" / "|"):
    its cells with their offsets, its last line's index and the index after it. A line without a bar goes on the
    cell above it (a cell's words wrapped: "峡山生态" / "发展区"); a lone bar closes the record, or, while the record
    has fewer cells than the header's `width`, stands for an empty cell ("| 雁塔区" / "|" / "|")."""
    first = [k]
    k += 1
    while k < end and not lines[k].text.startswith("|") and len(first) < 2:
        first.append(k)
        k += 1
    if k >= end or not lines[k].text.startswith("|") or lines[first[0]].text.startswith("|"):
        return None
    texts, offsets = ["".join(lines[f].text for f in first)], [lines[first[0]].start]
    lone = False  # the line before was a lone bar read as an empty cell
    while k < end:
        t = lines[k].text
        if t.strip() == "|":
            if width is not None and len(texts) < width:
                texts.append("")
                offsets.append(lines[k].start)
                lone = True
                k += 1
                continue
            return list(zip(texts, offsets, strict=True)), k, k + 1
        if t.startswith("|"):
            body = t[1:].strip()
            texts.append(body)
            offsets.append(lines[k].start + t.index(body[:1]) if body else lines[k].start)
            lone = False
        elif lone:
            # the lone bar before closed the record: this line opens the next one
            return list(zip(texts, offsets, strict=True)), k - 1, k
        else:
            if len(t) > 20 or len(texts) < 2:
                return None
            texts[-1] += t
        k += 1
    return None


def _bar_opened_table(lines: list[_Line], i: int, end: int) -> tuple[list[_TableRow], int] | None:
    """A table printed one cell a line, each cell after a row's first opened by a bar and each row closed by a lone
    bar, its header too ("分 组" / "| 督查组牵头单位" / "| 督查单位" / "| 备 注" / "|", then "第一组" / "| 市安监局" /
    "| 雁塔区" / "|" / "|"): a header of three or more short labels, then rows of as many cells.

    >>> ls = split_lines("县市区\\n(开发区)\\n| 08年产值(万元)\\n| 09年产值(万元)\\n| 产值\\n增幅\\n|\\n"
    ...                  "潍城\\n| 474696\\n| 579129.1\\n| 22%\\n|\\n峡山生态\\n发展区\\n| 1\\n| 2\\n| 3%\\n|\\n附件2")
    >>> rows, nxt = _bar_opened_table(ls, 0, len(ls))
    >>> rows[0].header
    ('县市区(开发区)', '08年产值(万元)', '09年产值(万元)', '产值增幅')
    >>> [r.cells for r in rows], ls[nxt].text
    ([('潍城', '474696', '579129.1', '22%'), ('峡山生态发展区', '1', '2', '3%')], '附件2')
    """
    if lines[i].text.startswith("|") or len(lines[i].text) > 12 \
            or not any(lines[k].text.startswith("| ") for k in range(i + 1, min(end, i + 4))):
        return None
    head = _bar_opened_row(lines, i, end, None)
    if head is None:
        return None
    header = tuple(re.sub(r"\s+", "", c) for c, _ in head[0])
    if len(header) < 3 or any(not h or len(h) > 24 or _INT.match(h) for h in header):
        return None
    rows: list[_TableRow] = []
    j = head[2]
    while j < end:
        row = _bar_opened_row(lines, j, end, len(header))
        if row is None or len(row[0]) != len(header):
            break
        cells, last, nxt = row
        rows.append(_TableRow(j, last, tuple(c for c, _ in cells), header, tuple(o for _, o in cells)))
        j = nxt
    return (rows, j) if len(rows) >= 2 else None


def _headless_table(lines: list[_Line], i: int, end: int) -> tuple[list[_TableRow], int] | None:
    """A table printed without its header, one numbered row a line with bar- or tab-separated cells ("1 | 完成27所
    学校改造。 | 县教育局 | 已安装… |"): rows numbered 1, 2, 3 … whose cells after the number are a task, then a
    unit list in the same column of every row. The columns are named by those kinds (`layout.HEADLESS_HEADER`).

    >>> ls = split_lines("1 | 完成学校改造。 | 县教育局 | 已开标 |\\n|\\n2 | 新增托位。 | 县卫健局 | 推进中 |")
    >>> [r.cells for r in _headless_table(ls, 0, len(ls))[0]]
    [('1', '完成学校改造。', '县教育局', '已开标'), ('2', '新增托位。', '县卫健局', '推进中')]
    """
    if lines[i].text.count("|") < 2 and "\t" not in lines[i].text:
        return None
    shape = layout._default_unit_shape()
    rows: list[tuple[int, list[tuple[str, int]]]] = []
    unit_col = None
    unit_cols: set[int] = set()
    j = i
    while j < end:
        if re.fullmatch(r"[|\s]+", lines[j].text):
            j += 1
            continue
        cells = [(c, o) for c, o in (_bar_cells(lines[j]) or []) if c]
        if len(cells) >= 4 and not _INT.match(cells[0][0]) and _INT.match(cells[1][0]) \
                and layout.line_kind(cells[0][0], shape) == layout.TEXT:
            cells = cells[1:]  # "| (一) 持续推进示范村建设 | 1 | …": a group's label (a merged cell) before the row
        if len(cells) < 3 or cells[0][0] != str(len(rows) + 1):
            break
        units = [k for k, (c, _) in enumerate(cells) if k >= 2 and layout.line_kind(c, shape) == layout.UNITS]
        if not units or (unit_col is not None and units[0] != unit_col) or \
                layout.line_kind(cells[1][0], shape) != layout.TEXT:
            break
        unit_col = units[0]
        # a second unit column right after the first ("区农业农村委*、区发改委等 | 浦江镇"): the towns that carry it out
        unit_cols.update(k for k in units if k == unit_col + 1)
        rows.append((j, cells))
        j += 1
    if len(rows) < 2 or unit_col is None:
        return None
    unit_cols.add(unit_col)
    width = max(len(cells) for _, cells in rows)
    roles = ["number", "task"] + [lexicon.RESPONSIBLE if k in unit_cols else "remark" for k in range(2, width)]
    header = tuple(layout.HEADLESS_HEADER[role] for role in roles)
    out = []
    for k, cells in rows:
        padded = cells + [("", cells[-1][1])] * (width - len(cells))
        out.append(_TableRow(k, k, tuple(c for c, _ in padded), header, tuple(o for _, o in padded)))
    return out, rows[-1][0] + 1


def _field_table(lines: list[_Line], i: int, end: int) -> tuple[list[_TableRow], int] | None:
    """A table printed one row per line with tab/bar/space separated cells."""
    found = _field_table_header(lines, i, end)
    return _field_rows(lines, found[0], found[1], end) if found is not None else None


def _field_table_header(lines: list[_Line], i: int, end: int) -> tuple[list[str], int] | None:
    """The header of a field table starting at lines[i], a second header row or a wrapped one joined to it, and
    the index of the line after it."""
    header = _field_header(lines[i])
    if header is None:
        return None
    j = i + 1
    more = split_fields(lines[j].text) if j < end else []
    spanned = _spanned_header(header, more)
    if spanned is not None:
        return spanned, j + 1
    if more and not _INT.match(more[0]) and all(_is_header_cell(c) and lexicon.column_role(c) for c in more):
        return header + more, j + 1  # "… | 1-8月实际完成情况 |" / "任务完成率 | 备注 |": a header wrapped
    return header, j


_SUB_HEADER = re.compile(rf"(?:{lexicon.alternation(lexicon.SUB_HEADER_WORDS)})\s*(?:[(（]?[%％][)）]?)?")
_SPANNING_HEADER = re.compile(rf"{lexicon.YEAR_COLUMN}|计划|完成|目标|预计|预期|实际")


def _spanned_header(header: list[str], sub: list[str]) -> list[str] | None:
    """The header of a table whose second header row splits each column of figures in two or more ("2021年完成 |
    2022年计划" over "绝对值 | 增长% | 绝对值 | 增长%"): each spanning label joined with its sub-labels, in order;
    None when `sub` is no such row.

    >>> _spanned_header(["指标名称", "单位", "2021年完成", "2022年计划", "责任部门"],
    ...                 ["绝对值", "增长%", "绝对值", "增长%"])
    ['指标名称', '单位', '2021年完成绝对值', '2021年完成增长%', '2022年计划绝对值', '2022年计划增长%', '责任部门']
    """
    spanning = [k for k, h in enumerate(header) if _SPANNING_HEADER.search(h.replace(" ", ""))]
    if not spanning or len(sub) < 2 or len(sub) % len(spanning) \
            or not all(_SUB_HEADER.fullmatch(c.replace(" ", "")) for c in sub):
        return None
    width = len(sub) // len(spanning)
    if width < 2:
        return None
    out: list[str] = []
    for k, h in enumerate(header):
        if k in spanning:
            n = spanning.index(k)
            out.extend(h + c for c in sub[n * width:(n + 1) * width])
        else:
            out.append(h)
    return out


def _field_rows(lines: list[_Line], header: list[str], j: int, end: int) -> tuple[list[_TableRow], int] | None:
    """The rows of a field table with `header` from lines[j] on, and the index after them."""
    rows: list[_TableRow] = []
    while j < end:
        t = lines[j].text
        if re.fullmatch(r"[|\s:\-—]+", t):
            j += 1
            continue
        fields = split_fields(t)
        if fields and re.sub(r"\s", "", fields[0]) in lexicon.TOTAL_ROW_LABELS:
            j += 1  # "合计 | 1241 | 1241 |": the rows' sum, no row
            continue
        spread = _spread_row(lines, j, end, len(header)) if _INT.match(fields[0] if fields else "") else None
        if spread is not None:
            cells, starts, stop = spread
            rows.append(_TableRow(j, stop, cells, tuple(header), starts))
            j = stop + 1
            continue
        # a row closed by its bar that leaves out the cells of merged columns ("(2)… | … | 应消站 | 4月 |")
        merged = bool(rows) and 2 <= len(fields) < len(header) and t.rstrip().endswith("|")
        if len(fields) < 2 or not (_INT.match(fields[0]) or abs(len(fields) - len(header)) <= 1 or merged):
            resume = _next_numbered_row(lines, j, end, rows[-1].cells[0] if rows else "")
            if resume is None:
                break
            # A row's cell wrapped onto a line of its own ("新增学位810个 | |||||"): part of that row. Where the
            # row is short of cells, the wrapped line's bar cells are its last ones ("… | 下步打算 |" / "| 规划处 |").
            last = rows[-1]
            cells, starts = last.cells, last.starts
            more = [c for k in range(j, resume) for c in (_bar_cells(lines[k]) or []) if c[0]]
            if more and len(cells) + len(more) == len(header) and len(starts) == len(cells):
                cells, starts = cells + tuple(c for c, _ in more), starts + tuple(o for _, o in more)
            rows[-1] = _TableRow(last.first, resume - 1, cells, last.header, starts)
            j = resume
            continue
        kept = _bar_cells(lines[j])
        if kept is not None and len(kept) <= len(header) and len(fields) < len(header) and t.rstrip().endswith("|"):
            # (a row cut off at the page's end, not closed by its bar, is left as printed)
            relaid = _unshifted(header, kept)
            # a row that leaves out its last cells (no 备注) keeps the others in place
            kept = relaid + [("", relaid[-1][1])] * (len(header) - len(relaid)) if relaid else kept
        if kept is not None and len(kept) == len(header) and len(fields) < len(header):
            # Blank cells of merged cells: keep every column in place, the ditto columns filled from above.
            cells, starts = _ditto_cells(header, kept, rows[-1] if rows else None)
            rows.append(_TableRow(j, j, cells, tuple(header), starts))
        else:
            starts = tuple(s for c, s in kept) if kept is not None and len(kept) == len(fields) else ()
            rows.append(_TableRow(j, j, tuple(fields), tuple(header), starts))
        j += 1
    return (rows, j) if rows else None


def _spread_row(lines: list[_Line], j: int, end: int, width: int
                ) -> tuple[tuple[str, ...], tuple[int, ...], int] | None:
    """A row whose cells run on over the lines after it, each line opened by a bar and the last closed by one
    ("1 | 金竹锦园建设" / "| 该项目位于…" / "| 党建办" / "| 已完成… |"): its cells, their offsets and its last line's
    index, when they fill the header's `width`; None for a row printed whole on its line.

    >>> ls = split_lines("1 | 甲项目\\n| 明细。\\n| 党建办\\n| 已完成。 |\\n2 | 乙 | 明细 | 城建办 | 完成 |")
    >>> _spread_row(ls, 0, len(ls), 5)[0], _spread_row(ls, 4, len(ls), 5)
    (('1', '甲项目', '明细。', '党建办', '已完成。'), None)
    """
    if lines[j].text.rstrip().endswith("|") or j + 1 >= end or not lines[j + 1].text.lstrip().startswith("|"):
        return None
    cells = _bar_cells(lines[j], min_bars=1) or []
    k = j + 1
    while k < end and len(cells) < width and lines[k].text.lstrip().startswith("|"):
        cells += [c for c in _bar_cells(lines[k], min_bars=1) or [] if c[0]]
        if lines[k].text.rstrip().endswith("|") and lines[k].text.strip() != "|":
            break
        k += 1
    if len(cells) != width or k >= end:
        return None
    return tuple(c for c, _ in cells), tuple(o for _, o in cells), k


def _next_numbered_row(lines: list[_Line], j: int, end: int, number: str) -> int | None:
    """The index of the row numbered after `number` within the two lines after lines[j], if any."""
    if not _INT.match(number):
        return None
    for k in range(j + 1, min(j + 3, end)):
        fields = split_fields(lines[k].text)
        if fields and fields[0] == str(int(number) + 1):
            return k
    return None


def _appendix_ref(number: str, seen: dict[str, int]) -> str:
    ref = f"附件{number}"
    seen[ref] = seen.get(ref, 0) + 1
    return ref if seen[ref] == 1 else f"{ref}#{seen[ref]}"


def parse_structure(text: str) -> Structure:
    """Parse `text` into sections and blocks (see the module doc for the numbering rules).

    Table-of-contents lines are skipped, an appendix after the body opens a top-level
    section ("附件1"), and a verbatim repeat of an earlier run of lines is skipped.

    >>> s = parse_structure("目  录\\n一、总体要求……01\\n一、总体要求\\n正文。\\n"
    ...                     "附件1\\n项目清单\\n序号 项目名称 建设单位\\n1 甲项目 甲公司")
    >>> [(b.kind, b.ref, b.section, b.cells) for b in s.blocks]  # doctest: +NORMALIZE_WHITESPACE
    [('heading', '一', '一', ()), ('paragraph', '一', '一', ()), ('heading', '附件1', '附件1', ()), ('paragraph',
    '附件1', '附件1', ()), ('paragraph', '附件1', '附件1', ()), ('table_row', '附件1.1', '附件1', ('1', '甲项目',
    '甲公司'))]
    """
    return _StructureParser(text).parse()


class _StructureParser:
    """One pass over a document's lines. Each step looks at the line at `i` and either takes it (and the
    lines that belong with it), moving `i` past them, or leaves it to the next step: contents pages,
    appendix markers, tables, numbered lines; a line no step takes is a paragraph."""

    def __init__(self, text: str):
        self.text = text
        self.lines = split_lines(text)
        self.line_tuples = [(ln.start, ln.end, ln.text) for ln in self.lines]
        self.interrupted: layout.Table | None = None  # a layout table a section row may interrupt
        self.interrupted_at = 0  # the line index where it stopped
        # The header of a field table whose rows a section row interrupts ("序号 | 工作事项 | 责任科室 |" then
        # "一、区委全会任务 | ||||" then "1 | …"), and the line index after which its rows may go on.
        self.field_header: tuple[list[str], int] | None = None
        # The header a run-on line closes with, its line index and its task and unit columns: rows "N text units"
        # follow (`_spaced_row`).
        self.row_header: tuple[tuple[str, ...], int, int, int] | None = None
        self.skip: set[int] = set()
        dup_runs = find_duplicate_runs(self.lines)
        for a, b in dup_runs:
            self.skip.update(range(a, b))
        self.duplicate_spans = tuple((self.lines[a].start, self.lines[b - 1].end) for a, b in dup_runs)

        self.blocks: list[Block] = []
        # Open units: (rank, ref part, is_heading)
        self.stack: list[tuple[int, str, bool]] = []
        self.open_sections: list[dict] = []
        self.sections: list[dict] = []
        self.appendix_seen: dict[str, int] = {}
        self.numbered_seen = False
        self.in_toc = False
        self.toc_first: str | None = None
        self.used_refs: set[str] = set()
        self.i = 0

    def parse(self) -> Structure:
        n = len(self.lines)
        while self.i < n:
            if self.i in self.skip:
                self.i += 1
                continue
            ln = self.lines[self.i]
            if not (self._contents(ln) or self._appendix(ln) or self._table(ln) or self._numbered(ln)):
                self._paragraph(ln)
        return self._finish()

    # --------------------------------------------------------------------------- where the parse stands

    def current_ref(self) -> str | None:
        return ".".join(p for _, p, _ in self.stack) or None

    def stacked_ref(self) -> str:  # the ref of a marker just pushed onto the stack
        return ".".join(p for _, p, _ in self.stack)

    def current_section(self) -> str | None:
        return self.open_sections[-1]["ref"] if self.open_sections else None

    def close_sections(self, rank: int, at: int) -> None:
        while self.open_sections and self.open_sections[-1]["rank"] >= rank:
            self.open_sections.pop()["end"] = at

    def open_section(self, ref: str, title: str | None, level: int, start: int, parent: str | None,
                     rank: int) -> None:
        sec = {"ref": ref, "title": title, "level": level, "start": start, "end": len(self.text),
               "parent": parent, "rank": rank}
        self.sections.append(sec)
        self.open_sections.append(sec)

    # --------------------------------------------------------------------------- the steps

    def _contents(self, ln: _Line) -> bool:
        """A table of contents: its title, its lines with leaders, and entries without leaders."""
        t = ln.text
        if _TOC_TITLE.match(t.replace(" ", "").replace("\u3000", "")):
            self.in_toc, self.toc_first = True, None
            self.i += 1
            return True
        if _TOC_LINE.search(t):
            if self.in_toc and self.toc_first is None:
                self.toc_first = _TOC_LEADER.sub("", t)
            self.i += 1
            return True
        if self.in_toc:
            # A TOC may list entries without leaders: skip short entries until the first one comes
            # round again (the body starts) or a line carries a body.
            entry = _TOC_LEADER.sub("", t)
            if self.toc_first is None and len(t) <= 40 and "。" not in t:
                self.toc_first = entry
                self.i += 1
                return True
            if entry != self.toc_first and len(t) <= 40 and "。" not in t and _TOC_LEADER.search(t) is None \
                    and match_marker(t) is not None:
                self.i += 1
                return True
            self.in_toc = False
        return False

    def _appendix(self, ln: _Line) -> bool:
        """"附件1": after the body, a top-level section; before any numbering, a paragraph."""
        t = ln.text
        ap = _APPENDIX.match(t)
        if not (ap and (self.numbered_seen or not ap.group(2)) and len(t) <= 80):
            return False
        lines, i, n = self.lines, self.i, len(self.lines)
        number, title = ap.group(1) or "", (ap.group(2) or "").strip() or None
        if self.numbered_seen:
            self.close_sections(APPENDIX_RANK, ln.start)
            ref = _appendix_ref(number, self.appendix_seen)
            self.stack[:] = [(APPENDIX_RANK, ref, True)]
            title_line = title
            if title is None and i + 1 < n and i + 1 not in self.skip and len(lines[i + 1].text) <= 60 \
                    and match_marker(lines[i + 1].text) is None and not _INT.match(lines[i + 1].text) \
                    and not _is_field_row(split_fields(lines[i + 1].text)) \
                    and lines[i + 1].text.replace(" ", "") not in ("序号", "编号"):
                # "附件1" alone: the next line names it; it stays a paragraph and titles the section.
                title_line = lines[i + 1].text
            self.open_section(ref, title_line, 1, ln.start, None, APPENDIX_RANK)
            self.blocks.append(Block("heading", ref, ref, ln.start, ln.end, t, level=1, marker=t))
            self.i += 1
            return True
        # An appendix marker before any numbering introduces the plan the notice wraps: not a section.
        self.blocks.append(Block("paragraph", self.current_ref(), self.current_section(), ln.start, ln.end, t,
                                 level=len(self.stack)))
        self.i += 1
        return True

    def _only_sections(self, a: int, b: int) -> bool:
        """Whether lines[a:b] are section rows only ("二、…" / "三、…": a table's groups with no rows kept)."""
        for k in range(a, b):
            marker = match_marker(self.lines[k].text)
            if marker is None or marker[1] not in ("cn", "cn_paren"):
                return False
        return b - a <= 12

    def _spaced_row(self, ln: _Line) -> bool:
        """A row "N <task text> <units>" of a table whose header closed a run-on line ("…2018年2月24日 常熟市2018年
        政府工作任务分解表 序号 名称 工作任务 牵头责任单位"), the units after the text's last sentence."""
        assert self.row_header is not None
        header, at, task_col, unit_col = self.row_header
        m = _SPACED_ROW.match(ln.text)
        if self.i - at > 60 or m is None:
            return False
        rest = m.group(2)
        found = layout.row_units(rest)  # "…增长7%以上. 发改委": the units after the text's last sentence
        if found is None:
            return False
        a, b = found
        base = ln.start + m.start(2)
        cells = [""] * len(header)
        starts = [ln.start] * len(header)
        cells[0], starts[0] = m.group(1), ln.start
        cells[task_col], starts[task_col] = rest[:a].rstrip(), base
        cells[unit_col], starts[unit_col] = rest[a:b], base + a
        ref = f"{self.current_ref()}.{m.group(1)}" if self.current_ref() else m.group(1)
        self.blocks.append(Block("table_row", ref, self.current_section(), ln.start, ln.end, ln.text,
                                 cells=tuple(cells), header=tuple(header), level=len(self.stack) + 1,
                                 cell_starts=tuple(starts)))
        self.i += 1
        return True

    def _table(self, ln: _Line) -> bool:
        """A table starting at this line: laid out in columns, one row per line of cells, or field rows."""
        text, lines, i, n = self.text, self.lines, self.i, len(self.lines)
        t = ln.text
        if self.row_header is not None and self._spaced_row(ln):
            return True
        tail = _HEADER_TAIL.search(t) if "序号" in t else None
        if tail is not None and tail.start() > 0:
            cells = tail.group(1).split()
            roles = [lexicon.column_role(c) for c in cells]
            if any(r in lexicon.UNIT_ROLES for r in roles) and "task" in roles:
                unit_col = max(k for k, r in enumerate(roles) if r in lexicon.UNIT_ROLES)
                task_col = next((k for k, r in enumerate(roles) if r == "task" and k < unit_col), unit_col - 1)
                self.row_header = (tuple(cells), i, task_col, unit_col)
        # A table interrupted by a section row goes on right after it (a heading, or a line or two of a group row).
        if ("序" in t or "编号" in t) and self._glued_table(ln):
            return True
        if ("单位" in t or "部门" in t) and self._glued_table(ln, numbered=False):
            return True
        resumable = self.interrupted if self.interrupted is not None and (
            i - self.interrupted_at <= 2 or self._only_sections(self.interrupted_at, i)) else None
        opened = _bar_opened_table(lines, i, n)
        laid = _layout_table(self.line_tuples, i, n, resumable) if opened is None else None
        if laid is None and t[:2] in ("序号", "编号") and _FIELD_SPACE.search(t):
            # One row per line, cells separated by spaces: read as a sequence of cells laid into the columns.
            laid = layout.token_table(self.line_tuples, i, n)
            if laid is not None and laid.rows and not any(
                    c for r in laid.rows for c, role in zip(r.cells, laid.roles, strict=False)
                    if role in lexicon.UNIT_ROLES):
                laid = None
        if laid is not None:
            self.interrupted, self.interrupted_at = laid, laid.end
            if not laid.rows:
                # The header, then a section row: the header is a paragraph, the rows come after the section.
                self._header_paragraph(ln, laid.end)
                return True
        table = (([_TableRow(r.first, r.last, r.cells, laid.header, r.starts) for r in laid.rows], laid.end)
                 if laid is not None else opened or _cell_table(lines, i, n) or _field_table(lines, i, n)
                 or _wide_table(lines, i, n) or _indicator_cell_table(lines, i, n) or _transposed_table(lines, i, n)
                 or _headless_table(lines, i, n))
        if not table and self.field_header is not None and i - self.field_header[1] <= 3:
            # The rows of a field table go on after a section row.
            fields = split_fields(t) if t.count("|") >= 2 or "\t" in t else []
            if fields and (_INT.match(fields[0]) or len(fields) == len(self.field_header[0])):
                # a numbered row, or one with a cell for every column ("(一)组织指挥 | 1.组织机构 | … |")
                table = _field_rows(lines, self.field_header[0], i, n)
        if not table:
            found = _field_table_header(lines, i, n)
            if found is not None:
                self.field_header = (found[0], found[1] - 1)  # a header whose rows start after a section row
                if found[1] - 1 > i:  # its second row too
                    self._header_paragraph(ln, found[1])
                    return True
            return False
        if laid is None and table[0]:
            self.field_header = (list(table[0][-1].header), table[1] - 1)
        rows, nxt = table
        base = self.current_ref()
        for row in rows:
            first, last = lines[row.first], lines[row.last]
            number = row.cells[0] if _INT.match(row.cells[0]) else str(rows.index(row) + 1)
            ref = f"{base}.{number}" if base else number
            self.blocks.append(Block("table_row", ref, self.current_section(), first.start, last.end,
                                     text[first.start:last.end], cells=row.cells, header=row.header,
                                     level=len(self.stack) + 1, cell_starts=row.starts))
        # Header lines before the first row are kept as one paragraph so no text is lost.
        if rows[0].first > i:
            hdr_end = lines[rows[0].first - 1].end
            self.blocks.insert(len(self.blocks) - len(rows), Block("paragraph", base, self.current_section(),
                                                                   ln.start, hdr_end, text[ln.start:hdr_end],
                                                                   level=len(self.stack)))
        self.i = nxt
        return True

    def _header_paragraph(self, ln: _Line, nxt: int) -> None:
        """A table's header lines, from `ln` up to lines[nxt], kept as one paragraph whose rows come later."""
        end = self.lines[nxt - 1].end
        self.blocks.append(Block("paragraph", self.current_ref(), self.current_section(), ln.start, end,
                                 self.text[ln.start:end], level=len(self.stack)))
        self.i = nxt

    def _glued_table(self, ln: _Line, numbered: bool = True) -> bool:
        """A table whose cells run together (`layout.glued_table`, `layout.unnumbered_glued_table`): the text
        before its first row is a paragraph, each row a block of its own offsets."""
        read = layout.glued_table if numbered else layout.unnumbered_glued_table
        laid = read(self.line_tuples, self.i, len(self.lines))
        if laid is None or not laid.rows:
            return False
        text, base = self.text, self.current_ref()
        head_end = laid.rows[0].span[0] if laid.rows[0].span else ln.end
        self.blocks.append(Block("paragraph", base, self.current_section(), ln.start, head_end,
                                 text[ln.start:head_end], level=len(self.stack)))
        for k, row in enumerate(laid.rows, 1):
            start, end = row.span or (ln.start, ln.end)
            number = row.cells[0] if numbered else str(k)  # rows printed without a number are counted
            ref = f"{base}.{number}" if base else number
            self.blocks.append(Block("table_row", ref, self.current_section(), start, end, text[start:end],
                                     cells=row.cells, header=laid.header, level=len(self.stack) + 1,
                                     cell_starts=row.starts, glued=True))
        self.i = laid.end
        return True

    def _numbered(self, ln: _Line) -> bool:
        """A line opening with a numbering marker: a heading (opens a section) or an item."""
        t = ln.text
        mk = match_marker(t)
        if not mk and (bar := _BAR_ROW_NUMBER.match(t)) is not None:
            mk = (6, "arabic", bar.group(1), bar.end())  # (tables with a header read their rows before this)
        if not mk:
            return False
        stack = self.stack
        rank, kind, number, mlen = mk
        rest = t[mlen:]
        while stack and stack[-1][0] >= rank:
            stack.pop()
        part = ref_part(kind, number)
        stack.append((rank, part, False))
        ref = self.stacked_ref()
        if ref in self.used_refs:
            # Numbering restarted (a second "一、" run): keep refs unique without renumbering.
            k = 2
            while f"{ref}#{k}" in self.used_refs:
                k += 1
            stack[-1] = (rank, f"{part}#{k}", False)
            ref = self.stacked_ref()
        self.used_refs.add(ref)
        self.numbered_seen = True
        # Deep markers (1. / (1) / ①) ending a full sentence are items even without a second sentence;
        # higher ones ("(一)坚持创新引领。") are headings whose body follows on the next lines.
        sentence = rest.rstrip(_WS).endswith(("。", "；", ";")) and rank >= 6
        # A long sentence of several clauses is a task, not a heading, at any rank ("二、为抓好重点项目建设,继续
        # 推行双周例会制度,…由县长主持。"): headings name a topic in a few words.
        sentence = sentence or (len(rest) > LONG_SENTENCE and any(ch in rest for ch in ",，;；"))
        heading = not _has_body(rest) and kind not in ("article",) and not sentence
        self.close_sections(rank, ln.start)
        if heading:
            title = rest.rstrip("。;；:：").strip(_WS) or None
            self.open_section(ref, title, len(stack), ln.start, self.current_section(), rank)
            self.blocks.append(Block("heading", ref, ref, ln.start, ln.end, t, level=len(stack),
                                     marker=t[:mlen].strip(_WS)))
        else:
            self.blocks.append(Block("item", ref, self.current_section(), ln.start, ln.end, t, level=len(stack),
                                     marker=t[:mlen].strip(_WS)))
        self.i += 1
        return True

    def _paragraph(self, ln: _Line) -> None:
        self.blocks.append(Block("paragraph", self.current_ref(), self.current_section(), ln.start, ln.end, ln.text,
                                 level=len(self.stack)))
        self.i += 1

    def _finish(self) -> Structure:
        for sec in self.open_sections:
            sec["end"] = len(self.text)
        for sec in self.sections:
            # A section ends where the text it governs ends, not at trailing skipped duplicates.
            sec["end"] = _trim_end(sec["start"], sec["end"], self.duplicate_spans)
        out_sections = tuple(Section(s["ref"], s["title"], s["level"], s["start"], s["end"], s["parent"])
                             for s in self.sections)
        return Structure(text=self.text, sections=out_sections, blocks=tuple(self.blocks),
                         duplicate_spans=self.duplicate_spans)


def _trim_end(start: int, end: int, dups: tuple[tuple[int, int], ...]) -> int:
    for a, _ in dups:
        if start < a < end:
            end = min(end, a)
    return end


def body_start(block: Block) -> int:
    """Offset of the first character after a block's numbering marker (and the space after it).

    >>> body_start(Block("item", "第一章.第四条", None, 10, 20, "第四条 鼓励转化。", marker="第四条"))
    14
    """
    k = len(block.marker) if block.marker and block.text.startswith(block.marker) else 0
    while k < len(block.text) and block.text[k] in _WS:
        k += 1
    return block.start + k


def item_title(block: Block) -> str | None:
    """The first sentence of a numbered item, without its marker and final punctuation.

    >>> item_title(Block("item", "1", None, 0, 10, "1.建设实验室。推进建设。", marker="1."))
    '建设实验室'
    """
    if block.kind not in ("item", "heading"):
        return None
    rest = block.text[len(block.marker):] if block.marker and block.text.startswith(block.marker) else block.text
    rest = rest.strip(_WS)
    cut = _first_sentence_end(rest)
    return (rest[:cut - 1] if cut > 0 else rest).strip(_WS) or None


# A year as printed in a goal: Arabic digits or four Chinese numerals ("二〇二五年"; a plan's goal
# years are written either way). Same length either way, so spans need no remapping.
YEAR_NUMERAL = r"(?:19|20)\d{2}|[一二][〇零○九][〇零○一二三四五六七八九]{2}"
_YEAR_DIGITS = str.maketrans("〇零○一二三四五六七八九", "00012345678" "9")


def year_number(printed: str) -> int:
    """The year a `YEAR_NUMERAL` match names.

    >>> year_number("2025"), year_number("二〇二七"), year_number("二零二四")
    (2025, 2027, 2024)
    """
    return int(printed.translate(_YEAR_DIGITS))
