"""Responsibility clauses: who is responsible for which part of a plan, in every printed layout.

A clause covers the text since the previous clause (or the start of its numbered item) up to
and including its department list. Layouts handled, each with its own versioned rule name:

- inline "(责任单位:A、B)" after the sentences it covers, several per item (`RULE_INLINE`);
- a label at a line start or after a sentence: "责任单位:A、B", "牵头单位:X;配合单位:Y" (`RULE_LABEL`);
- "X牵头,Y、Z配合" / "由X牵头" inside an item without a label (`RULE_LEAD_PHRASE`);
- responsibility table columns 牵头单位 / 配合单位 / 责任单位 (`RULE_TABLE`);
- a stated convention "列第一位的为牵头单位" turning the first listed unit into the lead;
- (1) / ① sub-points under an arabic item ("1.") are read with that item (since label and inline v2): a label
  line after them covers the whole item, and the item's first clause starts at the item's own text;
- a bracketed role tail "A、B（按职责分工负责）" is a role marker, never part of the last unit's name;
- a plan-wide rule "以下均需各区、县(市)落实,不再列出": its actors are returned separately,
  never added to each clause (the clause lists what is printed there).

People (责任领导, a bare name) are never departments; "等有关部门" tails are dropped;
collective actors (各区、县(市)政府) are kept. Lists split on 、 , ， and ; outside brackets.

>>> from plankg.ingest.pipeline import extract_text
>>> ex = extract_text("某市工作计划\\n二、任务\\n1.建设平台。推进建设。(责任单位:市科技局、市财政局)"
...                   "完善政策。(牵头单位:市发改委;配合单位:市经信局等有关部门)")
>>> [(t.ref, t.text[:4], [(d.name, d.role.value) for d in t.departments]) for t in ex.tasks]
... # doctest: +NORMALIZE_WHITESPACE
[('二.1', '建设平台', [('市科技局', 'responsible'), ('市财政局', 'responsible')]), ('二.1#2', '完善政策',
[('市发改委', 'lead'), ('市经信局', 'support')])]
"""
from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from plankg.ingest import lexicon
from plankg.ingest.departments import DepartmentRegistry, default_registry, level_prefix, normalize_name
from plankg.ingest.layout import segment_units, split_outside_brackets
from plankg.ingest.structure import Block, Structure, body_start, match_marker

RULE_INLINE = "plankg.responsibility.inline.v2"
RULE_LABEL = "plankg.responsibility.label.v2"
RULE_INLINE_UNLABELLED = "plankg.responsibility.inline_unlabelled.v1"
RULE_RUN_ON_LABEL = "plankg.responsibility.run_on_label.v1"
RULE_LEAD_PHRASE = "plankg.responsibility.lead_phrase.v3"
RULE_TABLE = "plankg.responsibility.table.v3"
RULE_ITEM = "plankg.structure.item.v1"

LEAD, SUPPORT, RESPONSIBLE = "lead", "support", "responsible"

_LEAD_LABELS = lexicon.LEAD_KEYS
_SUPPORT_LABELS = lexicon.SUPPORT_KEYS
_RESP_LABELS = lexicon.RESPONSIBLE_KEYS
_PERSON_LABELS = lexicon.PERSON_KEYS
# Columns of a project table naming who builds a project.
_BUILDER_LABELS = ("承担单位", "实施单位", "建设单位", "项目单位")
_OTHER_LABELS = lexicon.OTHER_KEYS

_LABEL_KIND = {**{x: LEAD for x in _LEAD_LABELS}, **{x: SUPPORT for x in _SUPPORT_LABELS},
               **{x: RESPONSIBLE for x in _RESP_LABELS}, **{x: "person" for x in _PERSON_LABELS},
               **{x: "other" for x in _OTHER_LABELS}}
# Any key before a colon, listed or built by the key grammar (`lexicon.key_pattern`); its role by `lexicon.key_role`.
_ROLE_KEYS = lexicon.alternation(lexicon.LEAD_KEYS + lexicon.SUPPORT_KEYS + lexicon.RESPONSIBLE_KEYS)
# A key and its colon; or a listed role key and a copula ("…,责任单位为区发改委;", "…,其责任单位是市住建局。",
# "华声小区的责任单位是市人社局"), or a listed role key glued to a unit that opens with its level ("总协调人张某,
# 责任单位区经贸局、…"), the key in group `wei` or `glued`.
# (a key of its own: not inside a word, and not before another key: "第一责任单位为牵头单位" is a convention)
_UNIT_ROLE_KEYS = lexicon.alternation(tuple(k for k in lexicon.LEAD_KEYS + lexicon.SUPPORT_KEYS
                                             + lexicon.RESPONSIBLE_KEYS if k.endswith(lexicon.KEY_UNIT_NOUNS)))
_KEY_WEI = (rf"(?:(?<![\u4e00-\u9fff])|(?<=[其的]))(?:(?P<wei>{_ROLE_KEYS})[{''.join(lexicon.KEY_COPULAS)}]"
            rf"(?!{_ROLE_KEYS}|牵头|主责|汇总)"
            rf"(?=[\u4e00-\u9fff])"
            rf"|(?P<glued>{_UNIT_ROLE_KEYS})(?=[省市区县](?!级)[\u4e00-\u9fff]))")
_LABEL = re.compile(rf"[【\[]?(?:{lexicon.key_pattern()}[】\]]?\s*[:：]|{_KEY_WEI})")
# Where a group of units opens: a key (not a deadline's or a remark's) after optional white space.
_GROUP_LABEL_START = re.compile(rf"[ \u3000\t]*[【\[]?(?:{lexicon.key_pattern()}[】\]]?\s*[:：]|{_KEY_WEI})")


def _key(m: re.Match[str]) -> str:
    """The key a label match read, in any of its forms."""
    return m.group(1) or m.group("wei") or m.group("glued")


def _group_start(text: str, k: int) -> re.Match[str] | None:
    """The key opening a group of units at text[k], or None ("完成时限:" opens none)."""
    m = _GROUP_LABEL_START.match(text, k)
    return m if m is not None and lexicon.key_role(_key(m)) != lexicon.OTHER else None


def _after_line_or_sentence(text: str, k: int, start: int) -> bool:
    """Whether text[k] opens a line or a sentence, indentation allowed ("    牵头责任单位:…"), or a role key
    follows a comma ("1、技能培训提升,牵头单位:市退役军人局。"), the space after another field of the line
    ("投资:500万元 实施单位:泽库县农牧水利和科技局") or that field's aside ("投资:167万元(少数民族发展资金)实施单位:…").

    >>> _after_line_or_sentence("1、技能培训提升,牵头单位:市退役军人局。", 9, 0)
    True
    >>> _after_line_or_sentence("投资:500万元 实施单位:县农牧局", 9, 0)
    True
    >>> _after_line_or_sentence("加强合作,共建单位:高校", 5, 0)
    False
    """
    j = k - 1
    while j >= start and text[j] in " \u3000\t":
        j -= 1
    if j >= start and (text[j] in ",，)）" or j < k - 1) and _ROLE_KEY_COLON.match(text, k):
        return True
    return j < start or text[j] in "\n。;；"


# A listed role key and its colon: what may open a label group after a comma.
_ROLE_KEY_COLON = re.compile(rf"(?:{_ROLE_KEYS})\s*[:：]|{_KEY_WEI}")


def _label_end(text: str, k: int, end: int) -> int:
    """Where a label group opened at text[k] ends: the line end, or a sentence end outside brackets.

    A line wrapped inside the list goes on: it ends in 、 or a comma, or an unclosed bracket, or the next
    line is a short remainder of a name ("…、园区党工" / "委"), not a new key or numbered unit.
    """
    depth = 0
    for j in range(k, end):
        ch = text[j]
        if ch == "\n":
            if _wrapped_list_line(text, j, end, depth):
                continue
            return j
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif ch == "。" and depth == 0:
            return j + 1
        elif ch in ";；" and depth == 0 and _sentence_after(text, j + 1, end):
            return j + 1
    return end


_SEGMENT = re.compile(r"[^、,，;；。:：()（）\n]{1,30}")


def _sentence_after(text: str, k: int, end: int) -> bool:
    """Whether the words after a semicolon in a label group open the next task, not the list's next unit or key
    ("…,责任单位为区经信局;服务业增加值:增长8%,责任单位为区发改委"): no key, no unit, and a field's name before its
    colon, a figure, or a verb.

    >>> [_sentence_after(t, 0, len(t)) for t in ("服务业增加值:增长8%", "配合单位:市财政局", "市财政局")]
    [True, False, False]
    """
    if _group_start(text, k):
        return False
    m = _SEGMENT.match(text, k, end)
    if m is None:
        return False
    seg = m.group(0).strip()
    if not seg or default_registry().looks_like_unit(seg):
        return False
    return text[m.end():m.end() + 1] in (":", "：") or any(c.isdigit() for c in seg) \
        or lexicon.opening_verb().match(seg) is not None


_CONJUNCTION = re.compile(r"(?<=[局委办厅室府心会门位队行院所司团组社处站镇)）])(?:和|及|与|以及)"
                          r"(?=[市区县省各]|(?:[\u4e00-\u9fff]{2,10}?[局委办厅]|[\u4e00-\u9fff]{2,14}?(?:管委会|委员会)"
                          r"|[\u4e00-\u9fff]{1,10}?(?:单位|部门)"
                          r"|[\u4e00-\u9fff]{0,10}?(?:街道|乡镇|社区|区)"
                          r"|(?:\d+|[一二三四五六七八九十]+)个[\u4e00-\u9fff]{1,10}?(?:政府|街道|乡镇|单位|部门))"
                          r"(?:[,，、;；。)）\s]|分别|共同|牵头|负责|$))")
# Two units printed with nothing between them ("市行政审批局市司法局", "…农业农村局各街道"): a unit's last
# character, then the next unit's level prefix. Not "…局市场科" (市场 opens a word), not after a parent body
# whose units follow its name ("国家税务总局某市税务局" is one unit), nor inside a place ("中心区交通项目管理中心").
_GLUED = re.compile(r"(?<=[局委办厅股馆院所队站心会室司处])(?<!总局)"
                    r"(?=[市县省](?!场)|(?<!中心)区|各(?!(?:有关|相关|其他)?(?:成员单位|部门|部委|直属|单位|内设|科室|处室|股室|部室)))")
_TASK_WORDS = ("任务", "举措", "措施", "内容", "事项", "工作", "项目")
_OPEN, _CLOSE = lexicon.OPEN_BRACKETS, lexicon.CLOSE_BRACKETS
_DELIMS = lexicon.UNIT_DELIMITERS
# "按职责分工负责", "按照职责分工负责", "分别负责", "负责": one basis or two ("按职责分工分别负责"), then a
# duty verb.
_DUTY = lexicon.DUTY_PHRASE
_LEAD_VERB = lexicon.alternation(lexicon.LEAD_VERBS)
_SUPPORT_VERB = lexicon.alternation(lexicon.SUPPORT_VERBS)
# "X负责,Y、Z配合", "由X承办,Y协办": a unit that answers for a task beside units that support it leads the task;
# a bare 负责 with no support after it in the clause names no lead.
_PAIRED_DUTY = rf"(?:负责|承办)(?=[,，;；][^。;；()（）]{{2,60}}?(?:{_SUPPORT_VERB})(?:$|[)）。;；,，]))"
_PAIRED = re.compile(_PAIRED_DUTY)
# Who leads, as a verb after the units: "X牵头", "由X负责主办", "A、B等牵头部门要…", "由X负责,Y配合".
_LEAD_AFTER_UNITS = re.compile(rf"(?:负责)?(?:{_LEAD_VERB})|{_PAIRED_DUTY}")
# Brackets and fixed phrases inside which 、 does not separate units.
_PROTECTED = re.compile(r"区、\s*县[(（〔][^)）〕]{1,4}[)）〕]|县[(（〔]市、区[)）〕]|区、县、市|乡、镇"
                        r"|[<‹][^<>‹›]{1,6}[>›]"  # "各县<市、区>人民政府": a page's angle brackets for ()
                        r"|(?:各|有关|相关)[省市县区州乡镇盟旗](?:[(（〔][省市县区州乡镇][)）〕])?"
                        r"(?:、\s*(?:特区|[省市县区州乡镇盟旗])(?:[(（〔][省市县区州乡镇][)）〕])?){1,3}(?=[人政党委管])"
                        # ("省气象局和市、县人民政府": the levels after a conjunction share their head too)
                        r"|(?<=[和及与])[省市县区州](?:[(（〔][省市县区州乡镇][)）〕])?"
                        r"(?:、[市县区州乡镇](?:[(（〔][省市县区州乡镇][)）〕])?){1,3}(?=[人政党])")
# ("各县、特区、区人民政府": the levels of a prefecture that governs special districts share one head)
_RULE_WORDS = re.compile(lexicon.alternation(lexicon.RULE_WORDS))
# A unit's bracketed aside defining what its name covers: its 下同 is no rule of the plan's.
_DEFINING_ASIDE = re.compile(rf"[{re.escape(_OPEN)}](?:{lexicon.alternation(lexicon.DEFINING_ASIDE_WORDS)})"
                             rf"[^{re.escape(_OPEN + _CLOSE)}]*[{re.escape(_CLOSE)}]")
_DEADLINE_PHRASE = re.compile(rf"^{lexicon.DEADLINE_PATTERN}$")
_RULE_ACTORS = re.compile(r"(?:需|由|请)(.+?)(?:负责)?(?:落实|实施|推进|完成|执行|负责)")
_CONVENTION = lexicon.LEAD_CONVENTION
# What may stand before "其他有关单位" in a collective unit's name: "市级其他有关单位", "县直有关单位".
_LEVEL_QUALIFIER = re.compile(r"^(?:全|本)?[省市区县州乡镇](?:级|直|属)?各?$")
_CONVENTION_NOTE = lexicon.LEAD_CONVENTION_NOTE
_OPEN_CONVENTION_NOTE = re.compile(rf"[(（][^)）]*?(?:{_CONVENTION.pattern})[^)）]*$")
# A unit marked with a star leads ("带*的为牵头单位"); the star is no part of its name.
# A run of marks is a name masked by the page ("****分局", "县**局"), no lead's mark.
_STAR = re.compile(rf"^[{re.escape(lexicon.LEAD_MARKS)}](?![{re.escape(lexicon.LEAD_MARKS)}])"
                   rf"|(?<![{re.escape(lexicon.LEAD_MARKS)}])[{re.escape(lexicon.LEAD_MARKS)}]$")
_TAIL = re.compile(r"等(?:\d+|[一二三四五六七八九十]+)?(?:个|家)?(?:其他|其它)?(?:有关|相关|各|责任|成员|配合)?"
                   r"(?:部门|单位){0,2}$"
                   r"|等[\u4e00-\u9fff]{1,16}?(?:有关|相关|其他|其它|成员|主管|各)(?:部门|单位|机构)$"
                   r"|等(?:有关|相关|其他|其它)[\u4e00-\u9fff\[\]()（）〔〕［］、]{1,10}?(?:部门|单位|机构|政府)$"
                   r"|(?:及|和|会同|协同)各?(?:其他|其它)?(?:有关|相关)(?:部门|单位)$")
# Where a unit acts ("按属地", "属地负责"): no part of its name.
_WHERE_TAIL = re.compile(r"(?:按照|按|落实|负责|承担)?属地(?:管理)?(?:责任)?$")
# The basis a unit acts on, printed after it ("各园区办按照散乱污企业界定标准和责任分工"): no part of its name.
_BASIS_TAIL = re.compile(r"(?:按照|根据|依据)[^、,，;；:：]{2,30}$")
# A clause of a condition among the units ("若工作涉及多个处室的,列第一的为牵头"): no unit.
_CONDITION = re.compile(rf"^(?:{lexicon.alternation(lexicon.CONDITION_OPENERS)})")
# A long run of words and figures where a unit list runs into a table's cells ("江北镇海北仑合计新辟线路年度
# 目标251210…"): no unit's name is so long and holds figures.
_RUN_ON_CELLS = re.compile(r"^(?=.{26,})(?=.*\d).*$")
# A group's or a batch's ordinal ("第一组", "第3批") labels a row; it names no unit.
_ORDINAL_LABEL = re.compile(r"^第[一二三四五六七八九十百\d]+[组批类]$")
# The officials of a unit printed after its name ("责任单位及责任人:盘龙区政府主要领导").
_LEADER_TAIL = re.compile(rf"(?:{lexicon.alternation(lexicon.UNIT_LEADER_TAILS)})$")
# A bare "有关部门" names no one, nor does "单位" after "…等部门、" ("区国有资产管理中心等部门、单位"); "市级其他有关
# 单位", "县直有关单位" are collective units and stay.
_GENERIC = re.compile(r"^(?:(?:其他|其它)?(?:有关|相关))?(?:部门|单位)$")
_OWN_LEAD = re.compile(r"[(（]\s*牵头(?:单位)?\s*[)）]$")
# A bracketed role phrase closing a list, "A、B（按职责分工负责）": a role marker, never part of the name.
_OWN_RESP = re.compile(rf"\s*[(（]\s*{_DUTY}\s*[)）]$")
# "A和B分别牵头", "共同配合": the adverb before a role verb is no part of the last unit's name.
_EACH = "(?:分别|共同)"
_LEAD_MARK = re.compile(rf"{_EACH}?(?:{_LEAD_VERB})$")
_RESP_MARK = re.compile(rf"{_DUTY}$")
# A basis before 负责 ("按职责分工负责", "分别负责"): a share of the duty, never a lead's.
_DUTY_BASIS = re.compile(rf"(?:{lexicon.alternation(lexicon.DUTY_BASES)})负责$")
_SUPPORT_MARK = re.compile(rf"{_EACH}?(?:{_SUPPORT_VERB})$")


@dataclass(frozen=True)
class DepartmentMention:
    name: str  # as printed
    role: str  # lead | support | responsible
    start: int
    end: int
    full: str | None = None  # the name with the head its list printed once for all ("长沙" -> "长沙市人民政府")


@dataclass(frozen=True)
class ResponsibilityClause:
    ref: str
    section: str | None
    text: str
    start: int
    end: int
    departments: tuple[DepartmentMention, ...]
    rule: str


def _match_close(text: str, i: int) -> int:
    """Index of the bracket closing the one at text[i], or -1."""
    depth = 0
    for k in range(i, len(text)):
        ch = text[k]
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth -= 1
            if depth == 0:
                return k
        elif ch == "\n" and k - i > 400:
            return -1
    return -1


def _all_departments(pieces: list[tuple[str, int, int]], registry: DepartmentRegistry) -> bool:
    """Whether a list split out of a phrase names government bodies only (the test every unlabelled form needs), or
    organisations beside more of them ("由漯阜铁路公司、市发展改革委,沈丘县人民政府…负责落实": a firm charged with
    the government bodies).

    A body by its stem counts where the list's last item prints the head they share ("公安、交通部门").

    >>> reg = default_registry()
    >>> [_all_departments(split_units(t), reg) for t in ("漯阜铁路公司、市发改委、商水县", "漯阜铁路公司", "专人")]
    [True, False, False]
    >>> _all_departments(split_units("公安、交通部门"), reg), _all_departments(split_units("公安、专人"), reg)
    (True, False)
    """
    if not pieces:
        return False
    shared = pieces[-1][0].endswith("部门")
    bodies = sum(registry.looks_like_department(p) or (shared and registry.is_stem(p)) for p, _, _ in pieces)
    return bodies == len(pieces) or (2 * bodies > len(pieces) and all(
        registry.looks_like_unit(p) and not registry.is_person(p) for p, _, _ in pieces))


def _depth(text: str, a: int, b: int) -> int:
    """How many brackets text[a:b] leaves open."""
    return max(0, sum(text.count(c, a, b) for c in _OPEN) - sum(text.count(c, a, b) for c in _CLOSE))


def split_units(text: str, base: int = 0, *, glued: bool = False) -> list[tuple[str, int, int]]:
    """Split a list of units on 、 , ， ; / outside brackets and fixed collective phrases; with `glued`, also where
    units run together with nothing between them ("文体旅局晋陵公司轨道公司").

    >>> [p for p, _, _ in split_units("市科技局、杭州高新区(滨江)、各区、县(市)政府,钱江海关")]
    ['市科技局', '杭州高新区(滨江)', '各区、县(市)政府', '钱江海关']
    >>> [p for p, _, _ in split_units("省农业农村厅,有关州、市人民政府")]
    ['省农业农村厅', '有关州、市人民政府']
    >>> [p for p, _, _ in split_units("省气象局和市、县人民政府")]
    ['省气象局', '市、县人民政府']
    """
    protected: set[int] = set()
    for m in _PROTECTED.finditer(text):
        protected.update(range(m.start(), m.end()))
    out = split_outside_brackets(text, _DELIMS, protected)
    # "市科技局和市财政局": a conjunction between a unit's last character and another unit's level prefix;
    # "市科技局市财政局": nothing between them.
    joined = []
    for a, b in out:
        cut = a
        for m in _CONJUNCTION.finditer(text, a, b):
            joined.append((cut, m.start()))
            cut = m.end()
        for m in _GLUED.finditer(text, cut + 2):
            if m.start() > b - 2:
                break
            if _depth(text, cut, m.start()) == 0:
                joined.append((cut, m.start()))
                cut = m.start()
        joined.append((cut, b))
    out = joined
    pieces = []
    for a, b in out:
        seg = text[a:b]
        lead = len(seg) - len(seg.lstrip(" \u3000\n"))
        seg = seg.strip(" \u3000\n")
        at = base + a + lead
        units = segment_units(seg) if glued and seg and not default_registry().is_collective(seg) else None
        for x, y in units if units and len(units) > 1 else ([(0, len(seg))] if seg else []):
            pieces.append((seg[x:y], at + x, at + y))
    return pieces


def _clean_unit(piece: str) -> tuple[str, int]:
    """Drop "等有关部门" tails and a leading 由; return the name and its offset within `piece`.

    >>> [_clean_unit(p)[0] for p in ("县综合行政执法局等责任单位", "市文明办等市直各部门", "市财政局会同有关部门",
    ...                               "各市(地)政府(行署)按属地")]
    ['县综合行政执法局', '市文明办', '市财政局', '各市(地)政府(行署)']
    >>> [_clean_unit(p)[0] for p in ("各镇(园区)落实属地管理责任", "若涉及多个处室的", "会同市财政局",
    ...                               "各园区办按照散乱污企业界定标准和责任分工")]
    ['各镇(园区)', '', '市财政局', '各园区办']
    """
    offset = 0
    if piece.startswith("由") and len(piece) > 3:
        piece, offset = piece[1:], 1
    joint = next((v for v in lexicon.JOINT_LEAD_VERBS if piece.startswith(v)), "")
    if joint and len(piece) > len(joint) + 2:
        piece, offset = piece[len(joint):], offset + len(joint)  # "X牵头,会同市财政局、…": the verb opens the list
    leader = _LEADER_TAIL.search(piece)
    if leader and leader.start() >= 2:
        piece = piece[:leader.start()]  # "盘龙区政府主要领导": the unit's officials answer for it; the unit is named
    if _CONDITION.match(piece):
        return "", offset  # "若工作涉及多个处室的"
    basis = _BASIS_TAIL.search(piece)
    if basis and basis.start() >= 2:
        piece = piece[:basis.start()]  # "各园区办按照散乱污企业界定标准和责任分工"
    where = _WHERE_TAIL.search(piece)
    if where and where.start() >= 2:
        piece = piece[:where.start()]  # "各市(地)政府(行署)按属地", "各镇(园区)落实属地管理责任"
    for _ in range(2):
        m = _TAIL.search(piece)
        if m and m.start() > 1 and not piece.startswith("各") and not _LEVEL_QUALIFIER.match(piece[:m.start()]):
            piece = piece[: m.start()]
    stripped = piece.lstrip("| ")
    offset += len(piece) - len(stripped)
    stripped = stripped.rstrip("。.;；,， |")
    if stripped == "等":
        return "", offset  # "A、B、等按职责分工负责": the tail of the list after its last 、, no unit
    if len(stripped) > 3 and stripped.endswith("等"):
        stripped = stripped[:-1]  # "…,各经济开发区管委会等)": the list's 等 closes it, no part of the last name
    return stripped, offset


def _space_separated(pieces: list[tuple[str, int, int]], registry: DepartmentRegistry) -> list[tuple[str, int]]:
    """Pieces of a unit list with units separated by spaces only ("县教体局 各相关乡镇政府") split there, when
    every part is unit-shaped ("区划地名科 (基层政权建设和社区治理科)" keeps its aside).

    >>> _space_separated([("县教体局 各相关乡镇政府", 0, 12)], default_registry())
    [('县教体局', 0), ('各相关乡镇政府', 5)]
    >>> _space_separated([("各市(州) 人民政府", 0, 10)], default_registry())  # a wrap before the name's head
    [('各市(州) 人民政府', 0)]
    >>> _space_separated([("各市(地) 政府(行署)按属地", 0, 15)], default_registry())
    [('各市(地) 政府(行署)按属地', 0)]
    >>> _space_separated([("市民政局 伍泽国", 0, 8)], default_registry())  # the official after the unit
    [('市民政局', 0)]
    """
    out = []
    for piece, s, _end in pieces:
        parts = [(m.group(0), s + m.start()) for m in re.finditer(r"[^ \u3000]+", piece)]
        if len(parts) > 1 and registry.is_person(parts[-1][0]) and not registry.looks_like_unit(parts[-1][0]):
            parts = parts[:-1]  # "市民政局 伍泽国": a unit and the official who answers for it, named after it
        units = all(registry.looks_like_unit(_clean_unit(p)[0]) for p, _ in parts)
        if len(parts) == 1 and units or len(parts) > 1 and units and not any(
                _ASIDE_END.sub("", _clean_unit(p)[0]) in lexicon.BARE_UNIT_HEADS for p, _ in parts[1:]):
            # ("各市(州) 人民政府", "各市(地) 政府(行署)按属地": a wrap before the name's head)
            out.extend(parts)
        else:
            out.append((piece, s))
    return out


_ASIDE_END = re.compile(r"[(（][^()（）]*[)）]$")


def _places_sharing_head(pieces: list[str], registry: DepartmentRegistry) -> dict[str, str]:
    """The pieces of a unit list that are places printed without the head the next piece after them prints once
    for all ("长沙、株洲、湘潭市人民政府" names three city governments), each with its full name.

    >>> _places_sharing_head(["省科技厅", "长沙", "株洲", "湘潭市人民政府"], default_registry())
    {'株洲': '株洲市人民政府', '长沙': '长沙市人民政府'}
    >>> _places_sharing_head(["张三", "湘潭市人民政府"], default_registry())
    {}
    >>> _places_sharing_head(["银川市", "吴忠市人民政府", "宁东管委会"], default_registry())
    {'银川市': '银川市人民政府'}
    """
    out: dict[str, str] = {}
    for k in range(1, len(pieces)):
        last = normalize_name(_clean_unit(pieces[k].strip())[0])
        region = registry.leading_region(last)
        if not region or region == last or not registry.looks_like_department(last):
            continue
        level, head = region[-1], last[len(region):]
        for piece in reversed(pieces[:k]):
            name = normalize_name(piece.strip())
            if registry.leading_region(name) == name and name.endswith(level):
                out[piece.strip()] = name + head  # "银川市、石嘴山市、吴忠市人民政府": each place printed whole
            elif registry.leading_region(name + level) == name + level:
                out[piece.strip()] = name + level + head
            else:
                break
    return out


# The longest piece of a unit list read as a name without a unit's shape ("各相关企业", "经信部门"); a longer one
# is the sentence the list runs into.
_CLAUSE_MIN = 10


def parse_department_list(text: str, base: int, default_role: str,
                          registry: DepartmentRegistry | None = None, *, glued: bool = False,
                          ) -> tuple[list[DepartmentMention], list[DepartmentMention]]:
    """Departments named in `text` (offsets from `base`), and actors of a plan-wide rule inside it; with `glued`
    (a cell of a table printed with no separators) units run together are cut apart (`layout.segment_units`).

    >>> deps, rule = parse_department_list("市科技局牵头,市财政局、市发改委配合", 0, "responsible")
    >>> [(d.name, d.role) for d in deps]
    [('市科技局', 'lead'), ('市财政局', 'support'), ('市发改委', 'support')]
    >>> deps, rule = parse_department_list("市科技局,以下均需各区、县〔市〕落实,不再列出", 0, "responsible")
    >>> [d.name for d in deps], [d.name for d in rule]
    (['市科技局'], ['各区、县〔市〕'])
    >>> [d.name for d in parse_department_list("省教育厅、省工商联按职责分工负责)", 0, "responsible")[0]]
    ['省教育厅', '省工商联']
    >>> [(d.name, d.role) for d in parse_department_list("县经贸局负责,县农业局、公安局配合", 0, "responsible")[0]]
    [('县经贸局', 'lead'), ('县农业局', 'support'), ('公安局', 'support')]
    """
    registry = registry or default_registry()
    deps: list[DepartmentMention] = []
    rule_actors: list[DepartmentMention] = []
    pending: list[tuple[str, int, int, str | None]] = []

    def flush(role: str) -> None:
        for name, s, e, full in pending:
            deps.append(DepartmentMention(name, role, s, e, full))
        pending.clear()

    # A bracketed convention inside the list ("(第一责任单位为牵头单位,下同)") names no unit: blanked, offsets kept.
    text = _CONVENTION_NOTE.sub(lambda m: " " * len(m.group(0)), text)
    # … and so does one the page cut off before its bracket closed ("…领导小组(列在首位的为牵头单位,其他单位按职")
    text = _OPEN_CONVENTION_NOTE.sub(lambda m: " " * len(m.group(0)), text)
    # Phrases stating a plan-wide rule are cut out first, at top-level commas.
    phrases = []
    depth, start = 0, 0
    for k, ch in enumerate(text + "，"):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif ch in ",，;；。" and depth == 0:
            phrases.append((start, k))
            start = k + 1
            if ch == "。" and any(_RULE_WORDS.search(text, a, b) for a, b in phrases):
                break  # "…不再列出。各责任单位按职责分工落实": after the plan's rule, a note to all, no unit
    kept: list[tuple[int, int]] = []
    for a, b in phrases:
        phrase = text[a:b]
        if _DEADLINE_PHRASE.match(phrase.strip()) or _CONVENTION.search(phrase):
            continue  # "…,排名第一位为牵头单位,下同": the convention is the document's, no unit
        if _RULE_WORDS.search(_DEFINING_ASIDE.sub(lambda m: " " * len(m.group(0)), phrase)):
            m = _RULE_ACTORS.search(phrase)
            if m and registry.is_collective(m.group(1).strip()):
                s = base + a + m.start(1)
                rule_actors.append(DepartmentMention(m.group(1).strip(), RESPONSIBLE, s, s + len(m.group(1).strip())))
            continue
        kept.append((a, b))

    for a, b in kept:
        if pending and text[a - 1:a] in ",，;；" and text[a - 2:a - 1] in " \u3000":
            flush(default_role)  # "A、B按职责分工负责,C配合" (the duty blanked by the caller): A and B are no support
        split = _space_separated(split_units(text[a:b], base + a, glued=glued), registry)
        places = _places_sharing_head([p for p, _ in split], registry)
        for piece, s in split:
            printed = (s - base, s - base + len(piece))  # where the piece stands in `text`, before it is trimmed
            # "X(牵头)" marks one unit; "X、Y牵头" / "Y、Z配合" close the run of units before them.
            if piece[-1:] in _CLOSE and sum(piece.count(c) for c in _OPEN) < sum(piece.count(c) for c in _CLOSE):
                piece = piece[:-1]  # "…省工商联按职责分工负责)": the clause's own close, read to the line's end
            own_lead = bool(_OWN_LEAD.search(piece) or _STAR.search(piece))
            piece = _STAR.sub("", piece)
            run_role = None
            piece = _OWN_RESP.sub("", piece)
            if own_lead:
                piece = _OWN_LEAD.sub("", piece)
            elif _LEAD_MARK.search(piece):
                run_role, piece = LEAD, _LEAD_MARK.sub("", piece)
            elif _SUPPORT_MARK.search(piece):
                run_role, piece = SUPPORT, _SUPPORT_MARK.sub("", piece)
            elif _RESP_MARK.search(piece):
                # "X负责,Y配合": a bare 负责 with support after it in the clause (the phrase grammar's `_PAIRED`)
                duty = text.rfind("负责", *printed)
                paired = piece.endswith("负责") and not _DUTY_BASIS.search(piece) and _PAIRED.match(text, duty)
                run_role, piece = LEAD if paired else default_role, _RESP_MARK.sub("", piece)
            name, off = _clean_unit(piece.strip())
            colon = max(name.rfind(":"), name.rfind("："))
            if colon >= 0:
                # "卢村乡人民政府根据行动方案明确职责:农服中心": the list opens after the sentence's own colon (a
                # page's field after a name, "…发布日期:2019-08-14", is none)
                after = name[colon + 1:]
                name, off = (after, off + colon + 1) if registry.looks_like_unit(after) else ("", off)
            if len(name) > _CLAUSE_MIN and not registry.looks_like_unit(_DEFINING_ASIDE.sub("", name)):
                name = ""  # "协同作业确保项目顺利实施": the sentence goes on after the list, no unit
            full = places.get(name)
            if name and not _GENERIC.match(normalize_name(name)) and (not registry.is_person(name) or full) \
                    and not _RUN_ON_CELLS.search(name) and not _ORDINAL_LABEL.match(name):
                if own_lead:
                    flush(default_role)
                    deps.append(DepartmentMention(name, LEAD, s + off, s + off + len(name), full))
                else:
                    pending.append((name, s + off, s + off + len(name), full))
            if run_role:
                flush(run_role)
    flush(default_role)
    if default_role == RESPONSIBLE and any(d.role == LEAD for d in deps):
        # Once the text names a lead, the other listed units support it.
        deps = [d if d.role != RESPONSIBLE else replace(d, role=SUPPORT) for d in deps]
    return deps, rule_actors


def _parse_labelled(content: str, base: int, registry: DepartmentRegistry
                    ) -> tuple[list[DepartmentMention], list[DepartmentMention]]:
    """Departments in a labelled group such as "牵头单位:X;配合单位:Y;责任领导:Z"."""
    labels = list(_LABEL.finditer(content))
    deps: list[DepartmentMention] = []
    rule: list[DepartmentMention] = []
    # A key glued to the last unit before it ("…、卫健局配合单位:"): the key grammar reads "健局配合单位" as one
    # key; a listed key ending it is the key, the characters before it end the previous list.
    # A key after a space is whole ("…指挥部 项目责任人:"): nothing before it is glued.
    starts = [m.start() + _glued_key_offset(_key(m)) if idx and content[m.start() - 1] not in " \u3000\t\n|"
              else m.start() for idx, m in enumerate(labels)]
    for idx, m in enumerate(labels):
        key = _key(m)[starts[idx] - m.start():] if idx else _key(m)
        kind = lexicon.key_role(key)
        end = starts[idx + 1] if idx + 1 < len(labels) else len(content)
        if kind in ("person", "other"):
            continue
        seg = content[m.end():end]
        seg = seg[:_glued_field(seg, registry)]
        d, r = parse_department_list(seg, base + m.end(), kind, registry)
        deps.extend(d)
        rule.extend(r)
    return responsible_leads(deps), rule


_FIELD_ROLES = ("task", "deadline", "progress", "remark")


def _glued_field(seg: str, registry: DepartmentRegistry) -> int:
    """Where a unit list ends when another field's key is glued to its last unit ("莲塘镇任务目标:2024年…",
    "市水利局完成时限:…"): before the shortest key of a task, deadline, progress or remark column whose words
    before it end in a unit; the list's length when there is none.

    >>> reg = default_registry()
    >>> _glued_field("莲塘镇任务目标:2024年计划改造完成", reg), _glued_field("市水利局", reg)
    (3, 4)
    """
    colon = first_colon(seg, 0, len(seg))
    for length in range(2, 7):
        at = colon - length
        if at < 2:
            break
        pieces = split_units(seg[:at])
        last = pieces[-1][0] if pieces else ""
        if lexicon.column_role(seg[at:colon]) in _FIELD_ROLES and (
                registry.looks_like_unit(last) or (len(last) >= 3 and last.endswith(lexicon.TOWN_ENDINGS))):
            return at
    return len(seg)


def _glued_key_offset(key: str) -> int:
    """How many characters of a key the key grammar read belong to the unit before it: "健局配合单位" -> 2.

    >>> _glued_key_offset("健局配合单位"), _glued_key_offset("配合单位"), _glued_key_offset("协同配合责任单位")
    (2, 0, 0)
    """
    if key in _LISTED_KEYS:
        return 0  # a key of its own, however a shorter key ends it ("协同配合责任单位")
    for listed in _LISTED_KEYS:
        if key.endswith(listed) and len(key) > len(listed) and not key[:-len(listed)].endswith(_KEY_PREFIXES):
            return len(key) - len(listed)
    return 0


_LISTED_KEYS = tuple(sorted(set(lexicon.LEAD_KEYS + lexicon.SUPPORT_KEYS + lexicon.RESPONSIBLE_KEYS
                                + lexicon.PERSON_KEYS), key=len, reverse=True))
# What may stand before a listed key inside one key ("协同配合单位", "主要牵头单位", "具体责任单位").
_KEY_PREFIXES = ("协同", "主要", "具体", "共同", "总", "其他", "其它", "相关", "分管", "区", "市", "县", "省")


def responsible_leads(deps: list[DepartmentMention]) -> list[DepartmentMention]:
    """Where units are printed as responsible and as supporting, and none as lead, the responsible ones lead:
    "责任单位:A;配合单位:B" (a 责任单位 column beside a 配合单位 column) names A to lead and B to support it.

    >>> [(d.name, d.role) for d in responsible_leads([DepartmentMention("甲局", "responsible", 0, 2),
    ...                                                DepartmentMention("乙局", "support", 3, 5)])]
    [('甲局', 'lead'), ('乙局', 'support')]
    """
    roles = {d.role for d in deps}
    if LEAD in roles or SUPPORT not in roles or RESPONSIBLE not in roles:
        return deps
    return [replace(d, role=LEAD) if d.role == RESPONSIBLE else d for d in deps]


@dataclass
class _Unit:
    ref: str
    section: str | None
    start: int  # first character of the unit's own text (after its marker)
    end: int
    kind: str
    block: Block


@dataclass(frozen=True)
class Passage:
    """Consecutive blocks read together: a numbered unit with its continuation paragraphs, or one block.

    Passages partition a structure's blocks in order. `unit` is set when the passage is a numbered
    unit that may hold responsibility clauses; `start`/`end` cover its blocks, markers included.
    """

    blocks: tuple[Block, ...]
    unit: _Unit | None = None

    @property
    def start(self) -> int:
        return self.blocks[0].start

    @property
    def end(self) -> int:
        return self.blocks[-1].end


def passages(structure: Structure) -> list[Passage]:
    """The structure's blocks grouped into passages, in order.

    >>> from plankg.ingest.structure import parse_structure
    >>> s = parse_structure("前言。\\n一、任务\\n1.甲。\\n续写。\\n2.乙。")
    >>> [([b.kind for b in p.blocks], p.unit.ref if p.unit else None) for p in passages(s)]
    [(['paragraph'], None), (['heading'], '一'), (['item', 'paragraph'], '一.1'), (['item'], '一.2')]
    """
    groups: list[tuple[list[Block], _Unit | None]] = []
    cur: _Unit | None = None
    for b in structure.blocks:
        if b.kind in ("item", "heading") and cur is not None and _is_sub_point(b, cur):
            # "1.建设实验室。" followed by "(1)…" / "①…" lines: the sub-points are parts of the item, and a
            # responsibility line after them covers the whole item.
            cur.end = b.end
            cur.kind = "item"
            groups[-1][0].append(b)
            continue
        if b.kind in ("item", "heading"):
            cur = None
            if b.ref is None or b.ref.startswith("附件") and "." not in b.ref:
                groups.append(([b], None))
                continue
            start = body_start(b)
            cur = _Unit(b.ref, b.section if b.kind == "item" else b.ref, start, b.end, b.kind, b)
            groups.append(([b], cur))
        elif b.kind == "paragraph" and cur is not None and (b.ref == cur.ref or _deeper(b.ref, cur.ref)) and \
                not any(cur.end <= a < b.start for a, _ in structure.duplicate_spans):
            # A paragraph after a skipped repeat of the plan belongs to the page, not to this unit.
            cur.end = b.end
            groups[-1][0].append(b)
        else:
            cur = None
            groups.append(([b], None))
    return [Passage(tuple(blocks), unit) for blocks, unit in groups]


def paragraphs_under_heading(text: str, clauses: list[ResponsibilityClause], body: int
                             ) -> list[ResponsibilityClause]:
    """A heading's clauses when it is a sentence of its own and two paragraphs or more under it each carry their
    own clause (the heading then states what a group of tasks is for, "(一)推动经济稳定健康发展,必须…。" over
    "认真贯彻落实…。(省发展改革委…负责)" and "发挥投资的关键作用…。(…)"): the first task starts with its paragraph
    at `body`, not with the heading's words. A heading that names the task ("1.加大企业培育扶持力度") keeps it.

    >>> t = "(一)稳增长。\\n落实财政政策。(省财政厅负责)\\n扩大投资。(省发改委负责)"
    >>> cs = [ResponsibilityClause("一", None, t[3:23], 3, 23, (), ""),
    ...       ResponsibilityClause("一#2", None, t[24:], 24, len(t), (), "")]
    >>> [c.text for c in paragraphs_under_heading(t, cs, 7)]
    ['落实财政政策。(省财政厅负责)', '扩大投资。(省发改委负责)']
    """
    if len(clauses) < 2 or not all(c.start < c.end for c in clauses) or clauses[0].start >= body \
            or any(d.start < body for d in clauses[0].departments) \
            or not text[clauses[0].start:body].rstrip().endswith(("。", "！")):
        return clauses
    first = body
    while first < clauses[0].end and text[first] in " \u3000\t\n":
        first += 1
    if any(text[text.rfind("\n", 0, c.start) + 1:c.start].strip() for c in clauses[1:]):
        return clauses  # the later tasks open lines of their own: paragraphs, not clauses of one sentence
    return [replace(clauses[0], text=text[first:clauses[0].end], start=first), *clauses[1:]]


def _deeper(ref: str | None, parent: str) -> bool:
    return ref is not None and ref.startswith(parent + ".")


def _is_sub_point(block: Block, unit: _Unit) -> bool:
    """A (1) / ① sub-point under an open arabic item ("1." / "1、"), not a new item of its own."""
    if block.ref is None or not _deeper(block.ref, unit.ref) or block.ref.startswith("附件"):
        return False
    own = match_marker(unit.block.marker) if unit.block.marker else None
    sub = match_marker(block.marker) if block.marker else None
    return own is not None and sub is not None and own[1] == "arabic" and sub[0] > own[0]


def _units(structure: Structure) -> list[_Unit]:
    """Numbered items (and headings with body paragraphs) with their continuation paragraphs."""
    return [p.unit for p in passages(structure) if p.unit is not None]


_ROLE_TAIL = re.compile(rf"(?:{_LEAD_VERB}|{_SUPPORT_VERB}|{_DUTY})$")


def _names_before(text: str, start: int, at: int, registry: DepartmentRegistry) -> bool:
    """Whether the words before text[at] end in a unit's name, whose aside a bracket there holds
    ("招商合作局(行政审批局、政务服务中心)"), or in a title ("《…方案》(…)"), not in a sentence the bracket names the
    units of."""
    before = text[start:at]
    return before.endswith(("》", "”")) or any(registry.looks_like_unit(before[k:]) for k in range(len(before) - 1))


def _unlabelled_group(content: str, registry: DepartmentRegistry, after_sentence: bool = False) -> bool:
    """A bracket that only names units: with their roles ("(市发改委牵头,市经信局配合)") anywhere,
    or bare ("。(市经信局、市科技局)") right after a sentence.

    Every name must have the shape of a unit and most the shape of a government body: a list may
    name a bank branch or a state firm beside the departments ("…,国家开发银行云南省分行…配合").
    """
    if not content or len(content) > 400 or not (_ROLE_TAIL.search(content) or after_sentence):
        return False
    names: list[str] = []
    for phrase in re.split(r"[,，;；。]", content):
        if _DEADLINE_PHRASE.match(phrase.strip()) or _CONVENTION.search(phrase) or \
                _RULE_WORDS.search(phrase.strip()):
            # "(市政府各部门分别负责,年内持续推进)": a deadline beside the units; a convention ("…,下同"); a rule for
            # the plan ("此项及以下任务均需各县(市、区)落实,不再列出")
            continue
        phrase = _ROLE_TAIL.sub("", phrase.strip())
        phrase = phrase[1:] if phrase.startswith("由") else phrase
        names.extend(_clean_unit(p)[0] for p, _, _ in split_units(phrase))
    # the officials answering for the task beside its units are no units: "(分管副省长、协管副秘书长负责,省国资委牵头)"
    names = [n for n in names if n and not registry.is_person(n)]
    if not names or not all(registry.looks_like_unit(n) for n in names):
        return False
    # a department's own offices count as bodies: "。 (工资处、就管中心)" in a department's plan
    return 2 * sum(1 for n in names if registry.looks_like_department(n) or _OFFICE.fullmatch(n)) >= len(names)


# An office inside a department ("工资处", "规划科", "人事股", "办公室").
_OFFICE = re.compile(r"[\u4e00-\u9fff]{1,6}(?:处|科|股|室)")


def _group_note(text: str, start: int, close: int) -> int:
    """Where the units of a bracket end when a note follows them after a full stop: "(A、B负责。列第一位的为
    牵头部门,下同)" names A and B; the note is a document-level convention, not a unit."""
    stop = text.find("。", start, close)
    if stop > 0 and (_RULE_WORDS.search(text, stop, close) or _CONVENTION.search(text, stop, close)):
        return stop
    return close


def _strip_role_tails(content: str) -> str:
    """Blank "按职责分工负责"-style tails to the same length, so offsets stay valid; keep 牵头/配合 for roles."""
    def blank(m: re.Match) -> str:
        if m.group(0) == "负责" and _PAIRED.match(content, m.start()):
            return m.group(0)  # "X负责,Y配合": the duty that makes X the lead stays for the list's parser
        return " " * len(m.group(0))
    return re.sub(rf"(?:{_DUTY}|协同推进)(?=$|[,，;；])", blank, content)



def _wrapped_list_line(text: str, nl: int, end: int, depth: int) -> bool:
    before = text[:nl].rstrip(" \u3000")[-1:]
    nxt_end = text.find("\n", nl + 1)
    nxt = text[nl + 1:end if nxt_end < 0 or nxt_end > end else nxt_end].strip(" \u3000")
    if not nxt or match_marker(nxt) is not None or _group_start(nxt, 0) is not None or before in "。;；":
        return False
    return before in "、,，" or depth > 0 or (len(nxt) <= 6 and nxt.rstrip("。;；)）]】〕")[-1:] in _UNIT_FINALS)


# The last characters of unit names ("局", "委", "办" …): a short line ending in one completes a wrapped name.
_UNIT_FINALS = "局委办厅室府心会门位队行院所司团组社处站馆区县镇乡"

_GROUP_CANDIDATE = re.compile(rf"[{re.escape(_OPEN)}]|(?<=[\n。;；])[ \u3000\t]*"
                              rf"|(?<=[,， \u3000\t)）])(?={_ROLE_KEY_COLON.pattern})")


def _clause_marks(text: str, start: int, end: int, registry: DepartmentRegistry | None = None
                  ) -> list[tuple[int, int, int, int, str]]:
    """Responsibility groups in text[start:end]: (group start, group end, content start, content end, rule)."""
    registry = registry or default_registry()
    marks = []
    k = start
    while k < end:
        ch = text[k]
        if ch in _OPEN and not _group_start(text, k + 1):  # any bracket pair: "〔A、B分工负责〕"
            close = _match_close(text, k)
            # "。(市经信局、市科技局)" after a sentence, or "…增长11%(市发改委,各县市区政府)。" closing the paragraph
            after_sentence = text[start:k].rstrip(" \u3000")[-1:] in ("。", ";", "；", "") or (
                close > 0 and text[close + 1:end].strip(" \u3000\n") in ("", "。", ";", "；", ".")
                and not _names_before(text, max(start, k - 12), k, registry))
            if close < 0 or text.find("\n", k, close) >= 0:
                # "…优势。(沅江高新区牵头,市科工局…等按职分工负责" / "2.推进…": a clause the page left open, closed
                # by its line's end when it ends with a role
                eol = text.find("\n", k, end)
                eol = end if eol < 0 and end < len(text.rstrip()) else eol  # (the unit ends with the line)
                line = text[k + 1:eol].rstrip(" \u3000") if eol > 0 else ""
                if line and _ROLE_TAIL.search(line) and _unlabelled_group(line, registry, after_sentence):
                    marks.append((k, eol, k + 1, k + 1 + len(line), RULE_INLINE_UNLABELLED))
                    k = eol
                    continue
            units_end = _group_note(text, k + 1, close) if close > 0 else close
            if 0 < close <= end and _unlabelled_group(text[k + 1:units_end], registry, after_sentence):
                rest = units_end + 1
                while rest < close and text[rest] in " \u3000":
                    rest += 1
                if units_end < close and _group_start(text, rest):
                    # "〔A、B等按职责分工负责。责任单位:各县(市、区)人民政府。以下均需…〕": a labelled clause after the
                    # full stop names more units of the same task.
                    marks.append((k, units_end, k + 1, units_end, RULE_INLINE_UNLABELLED))
                    marks.append((units_end, close + 1, rest, close, RULE_INLINE))
                else:
                    marks.append((k, close + 1, k + 1, units_end, RULE_INLINE_UNLABELLED))
                k = close + 1
                continue
        inner = _group_start(text, k + 1) if ch in _OPEN else None
        bracketed_label = inner is not None and text[inner.end(1):inner.end(1) + 1] in "】]"
        if inner and not bracketed_label:
            close = _match_close(text, k)
            if 0 < close <= end:
                marks.append((k, close + 1, k + 1, close, RULE_INLINE))
                k = close + 1
                continue
            if close < 0 and end >= len(text.rstrip()):
                # The page's opening part stops inside the bracket ("(责任单位:A、B,完成时限:2023"): read to the
                # end; a list cut off is dropped later unless another key closes it (`pipeline._complete_clauses`).
                marks.append((k, end, k + 1, end, RULE_INLINE))
                break
        if (bracketed_label or _after_line_or_sentence(text, k, start)) and ch not in " \u3000\n" \
                and _group_start(text, k):
            eol = _label_end(text, k, end)
            marks.append((k, eol, k, eol, RULE_LABEL))
            k = max(eol, k + 1)
            continue
        k += 1
        # Only a bracket, or a character after a line or sentence end, can open a group: skip to the next one.
        nxt = _GROUP_CANDIDATE.search(text, k, end)
        k = (nxt.start() if nxt.start() < end and text[nxt.start()] in _OPEN else nxt.end()) if nxt else end
    covered = [(a, b) for a, b, _, _, _ in marks]
    for k in _glued_labels(text, start, end):
        if not any(a <= k < b for a, b in covered):
            eol = _label_end(text, k, end)
            marks.append((k, eol, k, eol, RULE_LABEL))
    covered = [(a, b) for a, b, _, _, _ in marks]
    for k, units, eol in _run_on_labels(text, start, end, registry):
        if not any(a <= k < b for a, b in covered):
            marks.append((k, eol, units, eol, RULE_RUN_ON_LABEL))
    return sorted(marks)


_RUN_ON_KEY = re.compile(rf"(?<=[\u4e00-\u9fff])(?:{_UNIT_ROLE_KEYS})(?=[\u4e00-\u9fff])")
# Words before a role key that make it a kind of unit ("各责任单位", "有关责任单位") or part of a phrase
# ("…的责任单位").
_NOT_BEFORE_RUN_ON_KEY = lexicon.COLLECTIVE_QUALIFIERS + ("的", "和", "及", "与")
# What no unit's name holds: a role key (the next label run on), a particle, a dash of a page's title.
_NOT_IN_UNIT = re.compile(rf"{_ROLE_KEYS}|[的为-]")


def _run_on_labels(text: str, start: int, end: int, registry: DepartmentRegistry) -> list[tuple[int, int, int]]:
    """Where a page that lost its punctuation runs a task's words on into its responsibility key and the key into
    its units ("…参与环境卫生整治活动责任单位各社区居委会、驻辖区单位、物业管理小区"): (key start, units start,
    line end), when every piece of the rest of the line is shaped like a unit and words of a task stand before the
    key on its line.

    >>> t = "开展卫生大扫除活动责任单位社区居委会、驻辖区单位\\n各责任单位要加强领导"
    >>> [(t[k:u], t[u:e]) for k, u, e in _run_on_labels(t, 0, len(t), default_registry())]
    [('责任单位', '社区居委会、驻辖区单位')]
    """
    out: list[tuple[int, int, int]] = []
    for m in _RUN_ON_KEY.finditer(text, start, end):
        line_start = text.rfind("\n", 0, m.start()) + 1
        # "华声小区的责任单位是市人社局": the key, a copula and its units, a sentence of its own
        copula = text[m.end():m.end() + 1] in lexicon.KEY_COPULAS
        if text.endswith(lexicon.COLLECTIVE_QUALIFIERS, line_start, m.start()) or not copula and (
                text.endswith(_NOT_BEFORE_RUN_ON_KEY, line_start, m.start()) or m.start() - max(line_start, start) < 6):
            continue  # "各责任单位要…": units of a kind; a key near its line's start is a label's, read elsewhere
        nl = text.find("\n", m.end(), end)
        eol = end if nl < 0 else nl
        following = _RUN_ON_KEY.search(text, m.end(), eol)
        eol = following.start() if following else eol  # "…环卫分公司配合单位办事处": the next key's units
        # "…,其责任单位是市住建局": the key's copula before its units
        at = m.end() + copula
        # (the sentence's end ends the units; after a copula, its clause's end: "…是市人社局,该小区的…")
        stop = min((k for k in (text.find(ch, at, eol) for ch in ("。,，;；" if copula else "。")) if k >= 0),
                   default=-1)
        units = text[at:eol if stop < 0 else stop].rstrip(" \u3000。;；")
        deps = parse_department_list(units, at, RESPONSIBLE, registry)[0] if 2 <= len(units) <= 80 else []
        if deps and all((registry.looks_like_unit(d.name) or registry.is_collective(d.name))
                        and not _NOT_IN_UNIT.search(d.name) and not lexicon.opening_verb().match(d.name)
                        for d in deps) \
                and sum(len(d.name) for d in deps) + len(deps) >= len(units):
            out.append((m.start(), at, at + len(units)))
    return out


def _glued_labels(text: str, start: int, end: int) -> list[int]:
    """Where a role key and its colon follow a numbered heading's words with nothing between them
    ("(一)适龄女生HPV疫苗接种牵头责任部门:县卫生健康委员会"): a label, though no line or sentence ends before it.

    >>> t = "(一)适龄女生HPV疫苗接种牵头责任部门:县卫健委"
    >>> [t[k:k + 6] for k in _glued_labels(t, 0, len(t))]
    ['牵头责任部门']
    """
    out = []
    line_start = text.rfind("\n", 0, start) + 1  # the marker may stand before `start` (an item's body)
    while line_start < end:
        nl = text.find("\n", line_start, end)
        line_end = end if nl < 0 else nl
        line = text[line_start:line_end]
        marker = match_marker(line.lstrip(" \u3000\t")) if ":" in line or "：" in line else None
        if marker is not None:
            words = line_start + (len(line) - len(line.lstrip(" \u3000\t"))) + marker[3]
            colon = first_colon(text, words, line_end)
            # the longest role key that ends at the colon and leaves words of the heading before it
            key = next((k for k in range(max(words + 2, start, colon - 10), colon - 1)
                        if _UNIT_KEY.fullmatch(text, k, colon)), None) if colon > 0 else None
            if key is not None and text[key - 1] not in " \u3000\t,，。;；:：" and _group_start(text, key):
                out.append(key)
        line_start = line_end + 1
    return out


_UNIT_KEY = re.compile(lexicon.unit_key_pattern())


_SUPPORT_AFTER_LEAD = re.compile(rf"\s*[,，、;；]?\s*([^。;；]*?)(?:{_SUPPORT_VERB}|{_DUTY})")
# "由省食药监局牵头,会同省卫计委、农业厅等有关部门做好…": the units the lead works with, after 会同.
_JOINT_AFTER_LEAD = re.compile(rf"\s*[,，]?\s*(?:{lexicon.alternation(lexicon.JOINT_LEAD_VERBS)})"
                               r"([^。;；,，:：]{2,80}?)(?=等(?:有关|相关|其他|其它)?(?:部门|单位)|[,，。;；])")


_BEFORE_LEAD = re.compile(rf"^(?:{lexicon.alternation(lexicon.LEAD_PHRASE_OPENERS)})")


def _lead_phrase(text: str, start: int, end: int, registry: DepartmentRegistry) -> list[DepartmentMention]:
    """"由X牵头,Y、Z配合" / "X牵头" inside an item: only when every named piece is unit-shaped."""
    body = text[start:end]
    for m in _LEAD_AFTER_UNITS.finditer(body):
        left_start = max(body.rfind(ch, 0, m.start()) for ch in "。;；,，:：\n|") + 1
        opened = max(body.rfind(ch, left_start, m.start()) for ch in "(（")
        if opened >= 0 and not any(ch in body[opened:m.start()] for ch in ")）"):
            left_start = opened + 1  # "(X牵头": the bracket opens the clause; "市发改委(楼宇办)、X牵头": a name's aside
        while left_start < m.start() and body[left_start] in " \u3000\t":
            left_start += 1  # "… | 办公室牵头": a table cell's bar and its padding open no name
        left = body[left_start:m.start()]
        you = left.rfind("由")
        if you >= 0:
            left_start, left = left_start + you + 1, left[you + 1:]
        left = _BEFORE_LEAD.sub("", left)  # "建立…", "要求水务部门牵头": the clause's verb, no unit's words
        left = re.sub(rf"{_EACH}$", "", left)  # "A和B分别牵头": each leads its part
        left = left.removesuffix("等")  # "A、B等牵头部门要…": the units named lead, with others
        pieces = split_units(left, start + body.find(left, left_start) if left else 0)
        if not _all_departments(pieces, registry):
            continue
        deps = [DepartmentMention(p, LEAD, s, e) for p, s, e in pieces]
        after = body[m.end():]
        sm = _SUPPORT_AFTER_LEAD.match(after) or _JOINT_AFTER_LEAD.match(after)
        if sm:
            base = start + m.end() + sm.start(1)
            # "县发改、财政、人社等部门配合": a list closed by 等…部门 names bodies by their stems; so does one that
            # opens with a unit's full name ("市建委、国土、规划、财政和有关城区政府配合": the others at its level).
            listed = [(name, s + off) for p, s, _end in split_units(sm.group(1), base)
                      for name, off in [_clean_unit(p)] if name]
            listed = [part for name, at in listed for part in _split_conjoined(name, at, registry)]
            short_forms = (bool(_TAIL.search(sm.group(1).strip())) and "等" in sm.group(1)) or any(
                registry.looks_like_department(name) and not registry.is_stem(name) for name, _ in listed[:1])
            places = _places_sharing_head([name for name, _ in listed], registry)
            for name, at in listed:
                # "乡畜牧站、卫生院、派出所配合": after a unit named in full, the bodies of its place by their own
                # names (卫生院, 派出所)
                if registry.looks_like_department(name) or name in lexicon.BARE_COLLECTIVE_UNITS or (
                        short_forms and (registry.is_stem(name) or registry.looks_like_unit(name))) or name in places:
                    deps.append(DepartmentMention(name, SUPPORT, at, at + len(name), places.get(name)))
        return deps
    return []


def _split_conjoined(name: str, at: int, registry: DepartmentRegistry) -> list[tuple[str, int]]:
    """A list's last two units joined by 和/及 ("国税地税局和街道", "财政和有关城区政府"), each with its offset: split
    where both sides name a unit (or a body by its stem), never inside one name ("发展和改革局").

    >>> reg = default_registry()
    >>> _split_conjoined("财政和有关城区政府", 10, reg), _split_conjoined("县发展和改革局", 0, reg)
    ([('财政', 10), ('有关城区政府', 13)], [('县发展和改革局', 0)])
    >>> _split_conjoined("市林业和草原局", 0, reg)
    [('市林业和草原局', 0)]
    """
    for m in re.finditer(r"和|及", name):
        if registry.conjunction_in_body(name, m.start()):
            continue  # "市林业和草原局": one body's name
        left, right = name[:m.start()], name[m.end():]
        if (registry.looks_like_department(left) or registry.is_stem(left)) and \
                (registry.looks_like_department(right) or registry.is_stem(right) or registry.is_collective(right)
                 or right in lexicon.BARE_COLLECTIVE_UNITS):
            return [(left, at), (right, at + m.end())]
    return [(name, at)]


# A paragraph numbered in words as a report numbers its points ("一是…", "四是强化监督。").
_ENUMERATED = re.compile(r"[ \u3000]*[一二三四五六七八九十]{1,3}是(?=[\u4e00-\u9fff])")
_DUTY_SENTENCE = re.compile(rf"(?:^|(?<=[。;；\n]))[ \u3000]*由?(?P<units>[^。;；\n]{{2,120}}?)(?:{_DUTY})"
                            r"[ \u3000]*(?:[。;；]|$)", re.M)


# Units opening an item as the subject of its duty: "1、派出所负责养犬管理的日常指导工作" (a 职责分工 list).
_DUTY_SUBJECT = re.compile(rf"[ \u3000]*(?P<units>(?:[^,，。;；:：\s(（]|[(（][^()（）,，。]{{1,10}}[)）]){{2,30}}?)"
                           rf"(?:{_EACH})?[,，]?(?:{_DUTY}|牵头负责)(?!的)")


def _duty_subject(text: str, start: int, end: int, registry: DepartmentRegistry) -> list[DepartmentMention]:
    """The units a numbered item opens with as the subject of 负责: every piece shaped like a unit, one at least
    a government body or a unit of a town (派出所, 城管中队).

    >>> t = "1、派出所负责养犬管理的日常指导工作,并具体负责养犬登记。"
    >>> [d.name for d in _duty_subject(t, 0, len(t), default_registry())]
    ['派出所']
    >>> _duty_subject("1、工作人员负责登记。", 0, 10, default_registry())
    []
    >>> t = "六、市工商局、市水利局协同市建委负责城市市容。"
    >>> [(d.name, d.role) for d in _duty_subject(t, 0, len(t), default_registry())]
    [('市工商局', 'support'), ('市水利局', 'support'), ('市建委', 'lead')]
    """
    marker = match_marker(text[start:end])
    m = _DUTY_SUBJECT.match(text, start + (marker[3] if marker else 0), end)
    if m is None:
        return []
    _, after_by = _after_you(m["units"], m.start("units"))
    if after_by > m.start("units"):
        m = _DUTY_SUBJECT.match(text, after_by, end) or m
    joined = _JOINT_VERB.search(m["units"])
    if joined is not None:
        # "市农业发展中心会同各区负责…": the unit before 会同 leads; "市工商局、市水利局协同市建委负责…": the unit
        # after 协同 leads, those before it support it
        at = m.start("units")
        before = split_units(m["units"][:joined.start()], at)
        after = split_units(m["units"][joined.end():], at + joined.end())
        pieces = before + after
        leads = before if joined.group(0) in lexicon.JOINT_LEAD_VERBS else after
    else:
        pieces, leads = split_units(m["units"], m.start("units")), []
    if not pieces or not all(registry.looks_like_unit(p) and not registry.is_person(p) for p, _, _ in pieces):
        return []
    return [DepartmentMention(name, LEAD if (p, s, e) in leads else SUPPORT if leads else RESPONSIBLE,
                              s + off, s + off + len(name))
            for p, s, e in pieces for name, off in [_clean_unit(p)]]  # "卫生局等行业主管部门": the tail dropped


def _after_you(units: str, at: int) -> tuple[str, int]:
    """The units after the last 由 of a duty's subject, and where they start ("职工部比赛由区文体局": the words before
    由 name the task).

    >>> _after_you("职工部比赛由区文体局", 10), _after_you("区文体局", 10)
    (('区文体局', 16), ('区文体局', 10))
    """
    by = units.rfind("由")
    return (units[by + 1:], at + by + 1) if 0 < by < len(units) - 1 else (units, at)


# The verbs that join two sets of units in one subject: 会同 (the first leads), 协同 (the second leads).
_JOINT_VERB = re.compile(lexicon.alternation(lexicon.JOINT_LEAD_VERBS + lexicon.JOINT_SUPPORT_VERBS))


# "由各乡镇负责指派专人", "由A、B、C等单位分别负责,建成…": the units after 由 and before 负责, in one clause
# (`_you_units`); and where an item's clause opens with them.
_YOU_CLAUSE = re.compile(rf"由(?P<units>[^,，。;；:：由]{{2,60}}?)(?:等(?:单位|部门))?{_EACH}?负责(?!的)")
_YOU_RESPONSIBLE = re.compile(r"(?:^|(?<=[,，;；。:：]))(?=由)")


def _you_responsible(text: str, start: int, end: int, registry: DepartmentRegistry) -> list[DepartmentMention]:
    """The units an item makes responsible with "由X负责…" opening one of its clauses, when every piece is a
    government body or a collective of units.

    >>> t = "3.养殖场补栏。对缺栏的养殖场,由各乡镇负责指派专人,督促落实。"
    >>> [d.name for d in _you_responsible(t, 0, len(t), default_registry())]
    ['各乡镇']
    >>> reg = default_registry()
    >>> _you_responsible("由专人负责登记。", 0, 8, reg), _you_responsible("由县民政局负责的第1件", 0, 11, reg)
    ([], [])
    """
    for m in _YOU_RESPONSIBLE.finditer(text, start, end):
        found = _you_units(text, m.start(), end, registry)
        if found:
            return found
    return []


# Units opening a clause as its leads, a connective before them: "即县水务局牵头,", "县农委、畜牧局牵头,".
_LEAD_OPENING = re.compile(rf"(?:{lexicon.alternation(lexicon.CLAUSE_OPENERS)})?[,，]?"
                           rf"(?P<units>[^,，。;；:：\s(（]{{2,30}}?)(?:{lexicon.alternation(lexicon.LEAD_VERBS)})[,，]")


def subject_duty_clauses(text: str, start: int, end: int, ref: str, section: str | None,
                         registry: DepartmentRegistry) -> list[ResponsibilityClause]:
    """A paragraph that divides duties among units, a sentence or clause each opening with its units as the subject
    of 负责 ("市农业农村局、市财政局负责落实惠农政策;市发改委(粮食局)负责…") or as its leads ("县水务局牵头,组织
    开展…。县环保局牵头,督促…"): one task per clause, when two clauses at least are shaped so.

    >>> t = "各地要抓好落实。市农业农村局、市财政局负责落实惠农政策;市统计局负责产量统计。"
    >>> [(c.text, [d.name for d in c.departments]) for c in subject_duty_clauses(t, 0, len(t), "三", None,
    ...                                                                          default_registry())]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('市农业农村局、市财政局负责落实惠农政策;', ['市农业农村局', '市财政局']),
     ('市统计局负责产量统计。', ['市统计局'])]
    """
    out: list[ResponsibilityClause] = []
    weak = 0  # clauses whose duty opens with an adverb: tasks only beside a clause with 负责
    colons = 0  # clauses opening with government bodies before a colon
    stations: list[ResponsibilityClause] = []  # … with other units before it (安监所, 中心卫生院)
    for _, first, stop in _entry_spans(text, start, end, registry):
        deps = _duty_subject(text, first, stop, registry) if first < stop else []
        opening = _LEAD_OPENING.match(text, first, stop) if not deps else None
        if opening is not None:
            # "(即)县水务局牵头,组织开展…专项行动。": the units open the clause as its leads, any support after them
            deps = _lead_phrase(text, opening.start("units"), stop, registry)
            if not deps or deps[0].start != opening.start("units"):
                continue
        elif not deps and first < stop and (keyed := units_before_duties(text, first, stop, registry)):
            if not all(registry.looks_like_department(d.name) for d in keyed):
                # "镇党政办:发布信息… 安监所:收集、汇总…": a town's station among its offices, each before its
                # duties: a task only in a list whose other keys are government bodies
                stations.append(ResponsibilityClause("", section, text[first:stop], first, stop, keyed,
                                                     RULE_LEAD_PHRASE))
                continue
            deps = list(keyed)  # "省卫生厅:组织和协调…。省安监局:负责督促…": duties, each unit before its colon
            colons += 1
        elif not deps and first < stop and (subject := _unit_subject(text, first, stop, registry)) \
                and _ADVERB_DUTY.match(text, subject[1], stop):
            # "市财政局积极做好资金保障…": a unit, an adverb and the verb of its duty, beside units that 负责 theirs
            deps, weak = [DepartmentMention(text[first:subject[0]], RESPONSIBLE, first, subject[0])], weak + 1
        elif not (deps and text[deps[-1].end:stop].lstrip(",，").startswith(("负责", "分别负责"))):
            continue  # "各地要抓好落实": no unit's duty ("交通部门,负责…": a comma may stand before 负责)
        out.append(ResponsibilityClause(ref if not out else f"{ref}#{len(out) + 1}", section, text[first:stop],
                                        first, stop, tuple(deps), RULE_LEAD_PHRASE))
    if colons >= 2 and stations:
        out = sorted(out + stations, key=lambda c: c.start)
        out = [replace(c, ref=ref if not k else f"{ref}#{k + 1}") for k, c in enumerate(out)]
    return out if len(out) >= 2 and len(out) > weak else []


def _entry_spans(text: str, start: int, end: int, registry: DepartmentRegistry) -> Iterator[tuple[int, int, int]]:
    """The clauses of text[start:end] (`_clause_spans`), each cut again where a blank stands before units and
    their colon: entries of who does what run together on one line ("镇党政办:发布信息… 安监所:收集…").

    >>> t = "镇党政办:发布信息和宣传 安监所:收集、汇总灾情;财政所:安排支出。"
    >>> [t[s:e] for _, s, e in _entry_spans(t, 0, len(t), default_registry())]
    ['镇党政办:发布信息和宣传', '安监所:收集、汇总灾情;', '财政所:安排支出。']
    """
    for k, s, stop in _clause_spans(text, start, end):
        for m in _BLANK_BEFORE_WORD.finditer(text, s + 2, stop):
            if units_before_colon(text, m.end(), stop, registry):
                yield k, s, m.start()
                k = s = m.end()
        yield k, s, stop


_BLANK_BEFORE_WORD = re.compile(r"[ \u3000]+(?=[\u4e00-\u9fff])")


# An adverb of manner, then a verb a duty opens with ("积极做好", "认真负责", "切实承担").
_ADVERB_DUTY = re.compile(rf"(?:{lexicon.alternation(lexicon.DUTY_ADVERBS)})"
                          rf"(?:{lexicon.alternation(lexicon.DUTY_OPENING_VERBS)})")


def _clause_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int, int]]:
    """The clauses of text[start:end], each up to and with its 。;； or line end: (where it starts, where its words
    start after blanks, where it ends).

    >>> t = "甲负责。 乙负责;丙"
    >>> [t[s:e] for _, s, e in _clause_spans(t, 0, len(t))]
    ['甲负责。', '乙负责;', '丙']
    """
    k = start
    while k < end:
        m = _CLAUSE_END.search(text, k, end)
        stop = m.end() if m else end
        s = k
        while s < stop:  # blanks, and a page's continuation mark ("[接上页] 省卫生厅:…"), before the words
            mark = next((m for m in lexicon.PAGE_CONTINUATION_MARKS if text.startswith(m, s)), "")
            if text[s] not in " \u3000\t\n" and not mark:
                break
            s += len(mark) or 1
        yield k, s, stop
        k = stop


def meeting_clauses(text: str, start: int, end: int, ref: str, section: str | None,
                    registry: DepartmentRegistry) -> list[ResponsibilityClause]:
    """What a meeting decided and whom it charged, in a paragraph after the meeting's own words ("会议要求:",
    "会议强调,"): each clause that opens with units as the subject of 要, 负责 or 牵头 ("区发改局要及时调整项目库;")
    is a task of those units (牵头: they lead it). A clause that opens with the words of what comes next, then a
    unit and what it will do ("接下来县科经局将继续…", "下一步,区发改局将…"), is a task of that unit too.

    >>> t = "会议听取了汇报。会议要求:区发改局要及时调整项目库;区工信局、区统计局要推进技改项目。同志们要努力。"
    >>> [(c.text, [(d.name, d.role) for d in c.departments]) for c in meeting_clauses(t, 0, len(t), "", None,
    ...                                                                              default_registry())]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('区发改局要及时调整项目库;', [('区发改局', 'responsible')]),
     ('区工信局、区统计局要推进技改项目。', [('区工信局', 'responsible'), ('区统计局', 'responsible')])]
    """
    lead_in = _MEETING_LEAD_IN.search(text, start, end)
    if lead_in is None:
        return []
    # where a charge may open: after the meeting's words, a sentence's or a clause's end ("要加快落实,财政局要…")
    found: list[tuple[int, re.Match[str], list[tuple[str, int, int]]]] = []
    # after a meeting's words every clause may charge; after "下一步" only the clause it opens
    meeting = any(m["forward"] is None for m in _MEETING_LEAD_IN.finditer(text, lead_in.start(), end))
    at = lead_in.start()
    while at < end:
        said = _MEETING_LEAD_IN.match(text, at, end)
        forward = said is not None and said["forward"] is not None
        first = said.end() if said else at
        while first < end and text[first] in " \u3000:：":
            first += 1
        connective = _CONNECTIVE.match(text, first, end)
        first = connective.end() if connective else first  # "同时政府相关部门要…": the subject follows
        stop = min((i for i in (text.find(ch, first, end) for ch in "。;；\n,，") if i >= 0), default=end)
        m = (_FORWARD_SUBJECT if forward else _MEETING_SUBJECT).match(text, first, stop) \
            if meeting or forward else None
        if m is not None:
            pieces = split_units(m["units"], m.start("units"))
            if pieces and all(registry.looks_like_unit(p) and not registry.is_person(p) and not _GENERIC.match(p)
                              and not _DEICTIC_UNIT.match(p) for p, _, _ in pieces):
                # "接下来县科经局将继续…": the words opening what comes next are the task's own; a meeting's are not
                found.append((said.start() if forward and said is not None else first, m, pieces))
        at = stop + 1
    out: list[ResponsibilityClause] = []
    for k, (first, m, pieces) in enumerate(found):
        # the charge runs to its sentence's end, or to the next charge inside that sentence
        close = _CLAUSE_END.search(text, first, end)
        stop = min(close.end() if close else end, found[k + 1][0] if k + 1 < len(found) else end)
        leads = m["verb"] == "牵头" or any(w in text[m.end():stop] for w in lexicon.LEAD_ROLE_PHRASES)
        role = LEAD if leads else RESPONSIBLE
        out.append(ResponsibilityClause(ref if not out else f"{ref}#{len(out) + 1}", section, text[first:stop], first,
                                        stop, tuple(DepartmentMention(p, role, a, b) for p, a, b in pieces),
                                        RULE_LEAD_PHRASE))
    return out


# The words a report of a meeting opens its decisions with ("会议要求:", "会议强调,"), and a clause of them that opens
# with the units it charges.
_MEETING_LEAD_IN = re.compile(rf"(?:会议(?:{lexicon.alternation(lexicon.MEETING_DECISION_VERBS)})"
                              rf"|(?P<forward>{lexicon.alternation(lexicon.FORWARD_LEAD_INS)}))\s*[:：,，]?")
_CONNECTIVE = re.compile(lexicon.alternation(lexicon.CONNECTIVES))
_CHARGED_UNITS = r"(?P<units>[^,，。;；:：\s“”《》]{2,40}?)"
_MEETING_SUBJECT = re.compile(rf"{_CHARGED_UNITS}(?:务必|必须|均)?(?P<verb>要|负责|牵头)")
# ... and the unit a report's "接下来" or "下一步" opens with, then what it will do ("县科经局将继续…")
_FORWARD_SUBJECT = re.compile(rf"{_CHARGED_UNITS}(?P<verb>{lexicon.alternation(lexicon.FORWARD_VERBS)})")
# (我 opens the writer's own body whatever follows it: "我局", "我县")
_DEICTIC_UNIT = re.compile(rf"我|(?:{lexicon.alternation(lexicon.DEICTIC_UNIT_PREFIXES)})"
                           rf"(?:{lexicon.alternation(lexicon.DEICTIC_UNIT_HEADS)})")


# A clause of a paragraph that opens with who leads it: "由县发展和改革局牵头,县委党校配合,在9月底前完成…;".
_LEAD_CLAUSE = re.compile(rf"由(?=[^,，。;；:：]{{2,60}}?(?:{_LEAD_AFTER_UNITS.pattern}|负责(?!的)))")


def _lead_clauses(text: str, start: int, end: int, ref: str, section: str | None,
                  registry: DepartmentRegistry) -> list[ResponsibilityClause]:
    """The clauses of a paragraph that open with "由X牵头" (one task each, to the clause's end), when every unit
    named is a government body.

    >>> t = "会议要求,由县发改局牵头,县自然资源局配合,在9月底前完成供地工作;由县园区管委会牵头,在12月底前完成。"
    >>> [[d.name for d in c.departments] for c in _lead_clauses(t, 0, len(t), "", None, default_registry())]
    [['县发改局', '县自然资源局'], ['县园区管委会']]
    >>> t = "一是加强执法队伍建设,由县应急局牵头统筹建设;二是加强消防设施建设,由县住建局牵头。"
    >>> [c.text[:6] for c in _lead_clauses(t, 0, len(t), "", None, default_registry())]
    ['加强执法队伍', '加强消防设施']
    """
    out: list[ResponsibilityClause] = []
    for m in _LEAD_CLAUSE.finditer(text, start, end):
        stop = min((i for i in (text.find(ch, m.end(), end) for ch in "。;；") if i >= 0), default=end)
        deps = _lead_phrase(text, m.start(), stop, registry) or _you_units(text, m.start(), stop, registry)
        if deps:
            first = _task_opening(text, start, m.start())
            out.append(ResponsibilityClause(ref if not out else f"{ref}#{len(out) + 1}", section,
                                            text[first:stop + 1 if stop < end else stop], first,
                                            min(stop + 1, end), tuple(deps), RULE_LEAD_PHRASE))
    return out


def _task_opening(text: str, start: int, at: int) -> int:
    """Where the task a lead clause at text[at] closes opens: after the point its sentence enumerates ("…;二是加强
    消防设施建设,由县住建局牵头"), or the point's topic printed as a sentence of its own ("五是清市场。由…牵头"); else
    its sentence, when an adverbial phrase opens it ("针对畜禽粪便直排现象,由各乡镇政府牵头"), or the clause 由 stands
    in ("…提案收悉,该提案由市科技局主办": the subject before 由 names the task).

    >>> t = "会议部署。五是清市场。由镇农业服务中心牵头,开展清查。"
    >>> t[_task_opening(t, 0, t.index("由")):][:5]
    '清市场。由'
    >>> t = "委员的提案收悉,该提案由市科技局主办。"
    >>> t[_task_opening(t, 0, t.index("由")):][:5]
    '该提案由市'
    """
    opened = max(text.rfind(ch, start, at) for ch in "。;；") + 1
    points = list(_POINT.finditer(text, max(opened, start), at))
    if not points and opened > start:
        said = max(text.rfind(ch, start, opened - 1) for ch in "。;；") + 1
        topic = _POINT.match(text, max(said, start), opened)
        if topic is not None and opened - topic.end() <= _TOPIC_MAX and not any(
                ch in text[topic.end():opened] for ch in ",，"):
            points = [topic]
    if points:
        return points[-1].end()
    sentence = max(opened, start)
    clause = max([sentence] + [text.rfind(ch, start, at) + 1 for ch in ",，:："])
    return sentence if _LEAD_IN.fullmatch(text, sentence, clause) is not None else clause


def you_sentence_clauses(text: str, start: int, end: int, ref: str, section: str | None,
                         registry: DepartmentRegistry) -> list[ResponsibilityClause]:
    """The sentences of a paragraph that charge government bodies with "由X负责" ("…围挡广告有破损的现象,该项整治由
    市住建局负责。", "…阻挡盲道,应由市交警支队负责整治。"): one task each, the sentence its text.

    >>> t = "督查发现,工地围挡广告破损,该项整治由市住建局负责。车辆随意停放,应由市交警支队负责整治。专人负责登记。"
    >>> [(c.text[:4], [d.name for d in c.departments]) for c in you_sentence_clauses(t, 0, len(t), "", None,
    ...                                                                                  default_registry())]
    [('督查发现', ['市住建局']), ('车辆随意', ['市交警支队'])]
    """
    out: list[ResponsibilityClause] = []
    for _, first, stop in _clause_spans(text, start, end):
        for m in _YOU_AT.finditer(text, first, stop):
            deps = _you_units(text, m.start(), stop, registry)
            if deps:
                out.append(ResponsibilityClause(ref if not out else f"{ref}#{len(out) + 1}", section,
                                                text[first:stop], first, stop, tuple(deps), RULE_LEAD_PHRASE))
                break
    return out


_YOU_AT = re.compile(r"(?=由)")


def _you_units(text: str, at: int, stop: int, registry: DepartmentRegistry) -> list[DepartmentMention]:
    """The units "由X负责" makes responsible at text[at], when every piece is a government body.

    >>> t = "由国家发展改革委、国家卫生健康委等单位分别负责,建成中医医疗中心。"
    >>> [d.name for d in _you_units(t, 0, len(t), default_registry())]
    ['国家发展改革委', '国家卫生健康委']
    """
    m = _YOU_CLAUSE.match(text, at, stop)
    if m is None:
        return []
    pieces = [_after_role_noun(p, a, b, registry) for p, a, b in split_units(m["units"], m.start("units"))]
    return [DepartmentMention(p, RESPONSIBLE, a, b) for p, a, b in pieces] if _all_departments(pieces, registry) \
        else []


def _after_role_noun(name: str, a: int, b: int, registry: DepartmentRegistry) -> tuple[str, int, int]:
    """A unit named after the role it plays ("包片单位县气象局", "陈家坝沿线包片单位县职教中心"): the unit, from its
    level on.

    >>> reg = default_registry()
    >>> _after_role_noun("包片单位县气象局", 0, 8, reg), _after_role_noun("县气象局", 0, 4, reg)
    (('县气象局', 4, 8), ('县气象局', 0, 4))
    """
    k = max(name.rfind("单位"), name.rfind("部门"))
    rest = name[k + 2:] if k > 0 else ""
    if rest[:1] in lexicon.UNIT_LEVEL_OPENINGS and registry.looks_like_department(rest):
        return rest, b - len(rest), b
    return name, a, b


# A point a paragraph enumerates ("一是", "二是", "其三"): where the task a lead clause closes begins.
_POINT = re.compile(r"(?:(?<=[,，:：;；。\s])|^)(?:[一二三四五六七八九十]+是|其[一二三四五六七八九十]+[,，、]?)", re.M)
# The longest topic a point names in a sentence of its own before the clause that assigns it ("五是清市场。").
_TOPIC_MAX = 16
# An adverbial phrase a sentence opens with before the clause that assigns it ("针对畜禽粪便直排现象,"): part of the
# task, where a report's words before it ("会议要求,", "分工方案明确,") are not.
_LEAD_IN = re.compile(rf"(?:{lexicon.alternation(lexicon.ADVERBIAL_OPENERS)})[^,，。;；:：]{{1,18}}[,，]")


def _duty_sentence(text: str, start: int, end: int, registry: DepartmentRegistry) -> list[DepartmentMention]:
    """A sentence of units and a duty verb alone ("…整治工作。市生态环境局负责。"), the item's last such one:
    only when every piece is a government body.

    >>> t = "推进整治。建立机制。市生态环境局、市水务局分别负责。"
    >>> [d.name for d in _duty_sentence(t, 0, len(t), default_registry())]
    ['市生态环境局', '市水务局']
    """
    found: list[DepartmentMention] = []
    for m in _DUTY_SENTENCE.finditer(text, start, end):
        pieces = split_units(*_after_you(m.group("units"), m.start("units")))
        if _all_departments(pieces, registry):
            found = [DepartmentMention(p, RESPONSIBLE, s, e) for p, s, e in pieces]
    return found


# A unit cell holds names, not sentences or figures: a cell that does is another column's, shifted into
# this one by a merged cell left out of the row.
_NOT_UNITS = re.compile(r"[。\d]|已完成|正在|完成率")


# A line of a unit cell that opens with a role key (a level word may come first: "省牵头单位:省商务厅").
_KEYED_LINE = re.compile(rf"\n\s*(?P<key>{lexicon.LEVELLED_ROLE_KEY})")


def _row_roles(roles: list[str | None]) -> list[str | None]:
    """A table's column roles, a second column of leads read as the responsible units: "第一责任单位" then
    "主要责任单位" (both lead keys) print the lead, then the units that carry the task out.

    >>> _row_roles(["task", LEAD, LEAD, SUPPORT])
    ['task', 'lead', 'responsible', 'support']
    """
    first = roles.index(LEAD) if LEAD in roles else len(roles)
    return [RESPONSIBLE if k > first and r == LEAD else r for k, r in enumerate(roles)]


def _column_kind(header: str) -> str | None:
    """The role of a table column: a listed key's kind, else the column role of its header words.

    >>> _column_kind("牵头单位"), _column_kind("1-11月推进情况"), _column_kind("主要工作举措"), _column_kind("责任领导")
    ('lead', 'progress', 'task', 'person')
    """
    return _LABEL_KIND.get(header) or lexicon.column_role(header)


def _lines_as_units(cell: str, registry: DepartmentRegistry) -> str:
    """A unit cell with its line breaks as delimiters (one unit a line), except where a line is the first part
    of a name wrapped onto the next: no unit alone, one with the next line (same length, offsets kept).

    >>> reg = default_registry()
    >>> _lines_as_units("市科技局\\n市财政局", reg), _lines_as_units("市生态\\n 环境局", reg)
    ('市科技局、市财政局', '市生态  环境局')
    >>> _lines_as_units("省人口计生\\n省妇联", reg), _lines_as_units("市农业\\n农村局", reg)
    ('省人口计生、省妇联', '市农业 农村局')
    """
    lines = cell.split("\n")
    out = []
    for k, line in enumerate(lines[:-1]):
        head = line.strip()
        tail = lines[k + 1].strip()
        # (not where the next line's first character would already make a unit: "澧浦镇" / "区发改局" are two)
        wrapped = (head and tail and not registry.looks_like_unit(head)
                   and not (registry.is_stem(head) and level_prefix(tail))  # "省人口计生" / "省妇联": two
                   and not registry.looks_like_unit(head + tail[:1]) and registry.looks_like_unit(head + tail)
                   and not any(ch in head for ch in _DELIMS))
        out.append(line + (" " if wrapped else "、"))
    return "".join(out) + lines[-1]


def _table_clause(block: Block, registry: DepartmentRegistry) -> ResponsibilityClause | None:
    header = [h.replace(" ", "") for h in block.header]
    cells = list(block.cells)
    if not has_unit_columns(block):
        return None
    number_at = next((i for i, h in enumerate(header) if _column_kind(h) == "number"), 0)
    if 0 < number_at <= len(header) - len(cells) and cells and re.fullmatch(r"\d{1,3}", cells[0].strip()):
        # "2 对疫情防控… 责任单位:…" under "政策类别 序号 …": the row leaves out its group's merged label(s)
        cells = [""] * number_at + cells
    if len(cells) < len(header):
        # a row the page cut off inside a later cell: its unit cells are whole when a cell follows the last of them
        units_at = [i for i, h in enumerate(header) if _column_kind(h) in (LEAD, SUPPORT, RESPONSIBLE, "builder")]
        if not units_at or max(units_at) >= len(cells) - 1:
            return None
        cells += [""] * (len(header) - len(cells))
    if len(cells) != len(header):
        # Extra cells come from spaces inside the longest free-text column: join them back there.
        extra = len(cells) - len(header)
        unit_cols = [i for i, h in enumerate(header) if _column_kind(h) in (LEAD, SUPPORT, RESPONSIBLE)]
        free = [i for i, h in enumerate(header) if i not in unit_cols and h not in ("序号", "编号")]
        at = next((i for i in free if any(w in header[i] for w in _TASK_WORDS)), free[0] if free else None)
        if at is None:
            return None
        cells = cells[:at] + [" ".join(cells[at:at + extra + 1])] + cells[at + extra + 1:]
    # Offsets of each cell within the block text, in order (a cell repeated from the row above
    # keeps its own offset there, so its units point at the text that names them).
    offsets = []
    pos = 0
    if block.cell_starts and len(block.cell_starts) == len(cells):
        offsets = list(block.cell_starts)
    for c in cells if not offsets else ():
        at = block.text.find(c, pos)
        offsets.append(block.start + max(at, 0))
        pos = at + len(c) if at >= 0 else pos
    deps: list[DepartmentMention] = []
    grouping = lexicon.grouping_indicator_columns(header)
    roles = _row_roles(["category" if i in grouping else _column_kind(h) for i, h in enumerate(header)])
    if number_at > 0 and "task" in roles[number_at + 1:]:
        # "工作任务 / 序号 / 具体工作要求": a column before the numbers labels the group its rows are in
        roles = ["category" if i < number_at and r == "task" else r for i, r in enumerate(roles)]
    for role, c, off in zip(roles, cells, offsets, strict=False):
        if role == "builder" and c.strip() and registry.looks_like_department(c.strip()):
            role = RESPONSIBLE  # "项目业主单位": a government body building the project is responsible for it
        keyed = _KEYED_LINE.search(c) if role in (LEAD, SUPPORT, RESPONSIBLE) and "\n" in c else None
        labelled: list[DepartmentMention] = []
        if keyed is not None:
            # "市商务局、市发改委" / "省牵头单位:省商务厅": a line under the cell's units names more, with its
            # key's role
            labelled, _ = _parse_labelled(c[keyed.start("key"):], off + keyed.start("key"), registry)
            c = c[:keyed.start()]
        topical = _ROLE_KEY_COLON.search(c, 0, 16) if role in (LEAD, SUPPORT, RESPONSIBLE) else None
        if topical is not None and topical.start() > 0 and not _group_start(c.lstrip(), 0) \
                and re.fullmatch(r"[\u4e00-\u9fff()（）]{2,12}", c[:topical.start()]):
            # "新能源汽车牵头单位:东莞市发展和改革局": a topic before the cell's own key, no part of a unit
            c, off = c[topical.start():], off + topical.start()
        if role in (LEAD, SUPPORT, RESPONSIBLE) and _group_start(c.lstrip(), 0):
            # "牵头单位:市文广旅游局 责任单位:…": the cell labels its units' roles itself.
            d, _ = _parse_labelled(c, off, registry)
            deps.extend(d)
        elif role in (LEAD, SUPPORT, RESPONSIBLE) and not _NOT_UNITS.search(
                _CONVENTION_NOTE.sub("", c).rstrip("。 ")):  # "…(办事处)。(分号前面为牵头单位,下同)": a note
            # One unit a line in a cell: the line breaks separate units (same length, offsets kept).
            d, _ = parse_department_list(_lines_as_units(c, registry), off, role, registry, glued=block.glued)
            deps.extend(d)
        deps.extend(labelled)
    deps = responsible_leads(deps)
    if not deps:
        return None
    # The task is the first filled task column ("实事项目" before "工作举措及实施计划"); without one, a cell of a
    # column of no known role. Progress, person and deadline columns never are.
    task_col = next((i for i, (r, c) in enumerate(zip(roles, cells, strict=False)) if r == "task" and c.strip()), None)
    if task_col is None:
        # the longest cell of a column of no known role; where every such cell is a short name ("所属重点产业链 /
        # 企业名称 / 牵头服务部门"), the row's first: the task text runs from it over the row
        free = [i for i, r in enumerate(roles) if r is None and cells[i].strip()]
        names_only = all(len(cells[i].strip()) <= 20 and not re.search(r"[,，。;；]", cells[i]) for i in free)
        task_col = free[0] if free and names_only else max(free, key=lambda i: len(cells[i]), default=None)
    # The task runs from its description cell to the end of the row, so its text is a slice of the source.
    start = block.start
    if task_col is not None:
        start = offsets[task_col]
    text = block.text[start - block.start:]
    return ResponsibilityClause(block.ref or "", block.section, text, start, block.end, tuple(deps), RULE_TABLE)


def _apply_convention(deps: tuple[DepartmentMention, ...], text: str = "", convention: str = "first"
                      ) -> tuple[DepartmentMention, ...]:
    """
    >>> t = "市应急局、市消防救援支队,市应急委"
    >>> names = t.replace(",", "、").split("、")
    >>> deps = tuple(DepartmentMention(n, RESPONSIBLE, t.index(n), t.index(n) + len(n)) for n in names)
    >>> [d.role for d in _apply_convention(deps, t, "，")], [d.role for d in _apply_convention(deps)]
    (['lead', 'lead', 'support'], ['lead', 'support', 'support'])
    """
    if not deps or any(d.role != RESPONSIBLE for d in deps):
        return deps
    leads = 1
    if convention != "first":
        seps = "，," if convention == "，" else "；;"
        leads = next((i + 1 for i in range(len(deps) - 1)
                      if any(ch in seps for ch in text[deps[i].end:deps[i + 1].start])), len(deps))
    return (*(replace(d, role=LEAD) for d in deps[:leads]),
            *(replace(d, role=SUPPORT) for d in deps[leads:]))


# Words of a page's footer: a label there ("主办单位:某市人民政府办公室 网站标识码…") names the site's owner.
_FOOTER = re.compile(lexicon.alternation(lexicon.FOOTER_WORDS))


# Units, then the task they own in quotation marks: "县自然资源局、县水利局负责的“紧盯超长期国债项目…”".
# (a report may number the task: "市发改委牵头的第1项“地区生产总值增长6.5%以上”")
_UNITS_BEFORE_TASK = re.compile(r"(?P<units>[^,，。;；:：“”\s]{3,80}?)(?P<verb>负责|牵头)的"
                                r"(?:第[\d一二三四五六七八九十百]{1,4}项)?“(?P<task>[^“”]{4,300})”")


_EXAMPLE_WORDS = re.compile(lexicon.alternation(lexicon.EXAMPLE_WORDS))
_TASK_BEFORE_UNITS = re.compile(rf"“(?P<task>[^“”]{{4,120}})”[{re.escape(_OPEN)}](?P<units>[^()（）〔〕]{{2,80}})"
                                rf"[{re.escape(_CLOSE)}]")


def _units_before_tasks(text: str, start: int, end: int, ref: str, section: str | None,
                        registry: DepartmentRegistry) -> list[ResponsibilityClause]:
    """Tasks a supervision notice quotes after the units that own them ("…,如县发改局负责的“严格落实…。”"): one
    clause per quoted task, when every piece before 负责的 is a government body (a lead verb: 牵头的).

    >>> t = "事项3件,如县发改局负责的“严格落实前期工作计划。”县水利局、县农业农村局负责的“紧盯国债项目。”"
    >>> [(c.text, [d.name for d in c.departments]) for c in _units_before_tasks(t, 0, len(t), "二", None,
    ...                                                                        default_registry())]
    [('严格落实前期工作计划。', ['县发改局']), ('紧盯国债项目。', ['县水利局', '县农业农村局'])]
    """
    out: list[ResponsibilityClause] = []

    def add(m: re.Match[str], pieces: list[tuple[str, int, int]], role: str, rule: str) -> None:
        if _all_departments(pieces, registry):
            deps = tuple(DepartmentMention(p, role, a, b) for p, a, b in pieces)
            out.append(ResponsibilityClause(ref if not out else f"{ref}#{len(out) + 1}", section, m["task"],
                                            m.start("task"), m.end("task"), deps, rule))

    if text.find("“", start, end) < 0:
        return out  # both shapes quote their task
    for m in _TASK_BEFORE_UNITS.finditer(text, start, end):
        # "“新开工提标加固海塘18.4公里”(市水利局)": a quoted task, then its units in brackets
        add(m, split_units(m["units"], m.start("units")), RESPONSIBLE, RULE_INLINE_UNLABELLED)
    for m in _UNITS_BEFORE_TASK.finditer(text, start, end):
        pieces = split_units(m["units"], m.start("units"))
        if pieces:
            # "如县发改局负责的…": the word opening the example is no part of the unit's name
            name, a, b = pieces[0]
            lead_in = _EXAMPLE_WORDS.match(name)
            if lead_in and len(name) - lead_in.end() >= 3:
                pieces[0] = (name[lead_in.end():], a + lead_in.end(), b)
        add(m, pieces, LEAD if m["verb"] == "牵头" else RESPONSIBLE, RULE_LEAD_PHRASE)
    return out


# A reporting verb and its colon before what a report quotes ("其中明确指出:", "方案提出:").
_QUOTING = re.compile(rf"(?:{lexicon.alternation(lexicon.REPORTING_VERBS)})\s*[:：]")


def label_under_paragraph(text: str, above: Block | None, clause: ResponsibilityClause
                          ) -> ResponsibilityClause | None:
    """A label line alone ("承办部门:市人社局") under an unnumbered paragraph that states a task and names no
    unit of its own: the paragraph's clause. Not in a page's footer, nor under a heading or a short line.

    >>> t = "巩固完善医疗保险制度,提高筹资标准。\\n承办部门:市人社局"
    >>> above = Block("paragraph", None, None, 0, 18, t[:18])
    >>> c = ResponsibilityClause("", None, t[19:], 19, len(t), (DepartmentMention("市人社局", "responsible", 24, 28),),
    ...                          RULE_LABEL)
    >>> label_under_paragraph(t, above, c).text[:6]
    '巩固完善医疗'
    """
    if above is None or above.kind != "paragraph" or above.ref is not None or not clause.departments:
        return None
    body = text[above.start:above.end].strip()
    if len(body) < 12 or not body.endswith(("。", ";", "；")) or text[above.end:clause.start].strip():
        return None
    if may_hold_paragraph_clause(text, above.start, above.end) or _FOOTER.search(text, clause.start,
                                                                                 min(len(text), clause.end + 80)):
        return None
    return ResponsibilityClause(clause.ref, clause.section, text[above.start:clause.end], above.start, clause.end,
                                clause.departments, clause.rule)


def unit_clauses(text: str, start: int, end: int, ref: str, section: str | None, kind: str = "item",
                 registry: DepartmentRegistry | None = None, continued: bool = False
                 ) -> tuple[list[ResponsibilityClause], list[DepartmentMention]]:
    """Clauses of one numbered unit text[start:end] (offsets stay in `text` coordinates), and plan-wide actors.

    >>> t = "推进甲。(责任单位:市科技局)推进乙。(责任单位:市财政局牵头,市经信局配合)"
    >>> [(c.ref, c.text) for c in unit_clauses(t, 0, len(t), "3", None)[0]]
    [('3', '推进甲。(责任单位:市科技局)'), ('3#2', '推进乙。(责任单位:市财政局牵头,市经信局配合)')]
    """
    registry = registry or default_registry()
    found: list[ResponsibilityClause] = []
    plan_wide: list[DepartmentMention] = []
    cursor = start
    for g_start, g_end, c_start, c_end, rule in _clause_marks(text, start, end, registry):
        if rule == RULE_INLINE_UNLABELLED:
            deps, rule_actors = parse_department_list(_strip_role_tails(text[c_start:c_end]), c_start,
                                                      RESPONSIBLE, registry)
        elif rule == RULE_RUN_ON_LABEL:
            # the key's role, as a label's ("…责任单位环卫分公司配合单位办事处": a lead and its support, merged below)
            role = lexicon.key_role(text[g_start:c_start])
            deps, rule_actors = parse_department_list(text[c_start:c_end], c_start,
                                                      role if role in (LEAD, SUPPORT) else RESPONSIBLE, registry)
        else:
            deps, rule_actors = _parse_labelled(text[c_start:c_end], c_start, registry)
        plan_wide.extend(rule_actors)
        covered = text[cursor:g_start].strip(" \u3000\n。;；,，")
        if not covered and found:
            # A second label line right after the first ("配合单位:…") belongs to the same clause.
            prev = found[-1]
            merged = tuple(responsible_leads(list(prev.departments + tuple(deps))))
            found[-1] = ResponsibilityClause(prev.ref, prev.section, text[prev.start:g_end], prev.start, g_end,
                                             merged, prev.rule)
            cursor = g_end
            continue
        if not deps and not covered:
            cursor = g_end
            continue
        first = cursor
        if kind == "paragraph":
            # "…《方案》提出…。其中明确指出: 贯彻实施…": a report's lead-in before the quoted tasks is no task text
            ends = [m.end() for m in _QUOTING.finditer(text, first, g_start)]
            first = ends[-1] if ends else first
        while first < g_start and text[first] in " \u3000\n。;；,，)）":
            first += 1
        clause_ref = ref if not found else f"{ref}#{len(found) + 1}"
        found.append(ResponsibilityClause(clause_ref, section, text[first:g_end], first, g_end, tuple(deps), rule))
        cursor = g_end
    if not found:
        found = _units_before_tasks(text, start, end, ref, section, registry)
    if not found and kind == "paragraph":
        found = _lead_clauses(text, start, end, ref, section, registry)
    enumerated = _ENUMERATED.match(text, start, end) if not found and kind == "paragraph" else None
    if enumerated is not None and (deps := _lead_phrase(text, enumerated.end(), end, registry)):
        # "四是强化监督。县农水局牵头,县直各有关单位配合,…": a paragraph a report numbers in words is an item
        found.append(ResponsibilityClause(ref, section, text[enumerated.end():end], enumerated.end(), end,
                                          tuple(deps), RULE_LEAD_PHRASE))
    if not found and (kind in ("item", "heading") or continued):
        if kind == "item" or continued:
            deps = (_lead_phrase(text, start, end, registry) or _duty_sentence(text, start, end, registry)
                    or _duty_subject(text, start, end, registry) or _you_responsible(text, start, end, registry))
        else:
            # "二、市城乡建设委员会负责城市市容和环境卫生…。": a division of duties numbered like sections, each the
            # duty of the units its heading opens with
            deps = _duty_subject(text, start, end, registry)
        if deps:
            found.append(ResponsibilityClause(ref, section, text[start:end], start, end, tuple(deps),
                                              RULE_LEAD_PHRASE))
    return found, plan_wide


def plan_wide_actors(text: str, start: int, end: int, registry: DepartmentRegistry | None = None
                     ) -> list[DepartmentMention]:
    """Actors of a plan-wide rule stated in a paragraph of its own, outside any numbered item.

    >>> t = "以下各项工作均需各县级市（区）落实，不再列出。"
    >>> [(d.name, d.start) for d in plan_wide_actors(t, 0, len(t))]
    [('各县级市（区）', 8)]
    >>> plan_wide_actors("加强组织领导。", 0, 7)
    []
    """
    if not _RULE_WORDS.search(text, start, end):
        return []
    _, actors = parse_department_list(text[start:end].rstrip("。"), start, RESPONSIBLE, registry)
    return actors


def states_plan_wide_rule(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether text[start:end] words a plan-wide rule ("以下均需…落实,不再列出"); `plan_wide_actors` needs one.

    >>> states_plan_wide_rule("以下各项工作均需各县级市（区）落实。"), states_plan_wide_rule("加强组织领导。")
    (True, False)
    """
    return _RULE_WORDS.search(text, start, len(text) if end is None else end) is not None


# "负责" opens a sentence of units and a duty verb ("市生态环境局负责。", `_duty_sentence`).
_TRIGGER_WORDS = (*lexicon.LEAD_VERBS, "负责",
                  *sorted(_LEAD_LABELS + _SUPPORT_LABELS + _RESP_LABELS, key=len, reverse=True))
# The lookahead (the characters a trigger can start with) only speeds up the scan.
_TRIGGER = re.compile(rf"(?=[{re.escape(_OPEN + ''.join(sorted({w[0] for w in _TRIGGER_WORDS})))}])"
                      rf"(?:[{re.escape(_OPEN)}]|{'|'.join(_TRIGGER_WORDS)})")


# What a clause in an unnumbered paragraph needs: a key before a colon or a role word ("牵头", "配合", "负责").
_PARAGRAPH_TRIGGER = re.compile(rf"{lexicon.key_pattern()}\s*[】\]]?\s*[:：]|{_LEAD_VERB}|{_SUPPORT_VERB}|"
                                rf"{lexicon.alternation(lexicon.DUTY_VERBS)}|{_KEY_WEI}")


# A paragraph closed by a bracket right after its last sentence: "…等项目。(市发展改革委、商务局,各县〔市、区〕政府)".
_CLOSING_BRACKET = re.compile(rf"[。;；][ \u3000]*[{re.escape(_OPEN)}][^。]{{2,400}}[{re.escape(_CLOSE)}][ \u3000]*$")


# A quoted task right before a bracket: "“新开工提标加固海塘18.4公里”(市水利局)".
_QUOTE_THEN_BRACKET = re.compile(rf"”[{re.escape(_OPEN)}]")


def may_hold_paragraph_clause(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether an unnumbered paragraph may state a task's clause: a key or a role word, or a bracket that closes
    the paragraph after its last sentence; not a bracket inside the prose (there an aside far more often than
    a list of units; `_unlabelled_group` decides which a closing bracket is).

    >>> may_hold_paragraph_clause("推进建设。(责任单位:市科技局)"), may_hold_paragraph_clause("推进建设(含改造)。")
    (True, False)
    >>> may_hold_paragraph_clause("?重点抓好创新平台项目。(市发展改革委、商务局,各县〔市、区〕政府)")
    True
    """
    end = len(text) if end is None else end
    return (_PARAGRAPH_TRIGGER.search(text, start, end) is not None
            or _MEETING_LEAD_IN.search(text, start, end) is not None
            or _CLOSING_BRACKET.search(text[start:end].rstrip()) is not None
            or _QUOTE_THEN_BRACKET.search(text, start, end) is not None)


def may_hold_clause(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether text[start:end] has what every clause layout needs: a bracket, a unit label or 牵头.

    `unit_clauses` finds nothing in text without one, so callers may skip such text unread.

    >>> [may_hold_clause(s) for s in ("推进甲。(责任单位:市科技局)", "市科技局牵头", "加强组织领导。")]
    [True, True, False]
    """
    return _TRIGGER.search(text, start, len(text) if end is None else end) is not None


def has_unit_columns(block: Block) -> bool:
    """Whether a table row's header names a responsibility column (牵头单位, 配合单位, 责任单位…).

    A project table's 承担单位/实施单位 column names who builds each project, not who is
    responsible for a task of the plan.

    >>> row = Block("table_row", "1", None, 0, 9, "", cells=("1", "甲项目", "甲公司"),
    ...             header=("序号", "项目名称", "承担单位"))
    >>> has_unit_columns(row), has_unit_columns(Block("table_row", "1", None, 0, 9, "",
    ...                                               header=("序号", "任务", "责任单位")))
    (False, True)
    """
    header = [h.replace(" ", "") for h in block.header]
    units = [h for h in header if _column_kind(h) in (LEAD, SUPPORT, RESPONSIBLE)]
    if any(h.startswith("项目") for h in header) and all(h in _BUILDER_LABELS for h in units):
        return False
    return bool(units)


def lead_convention(text: str) -> str | None:
    """Which listed units the document says lead: "first" (列第一位的为牵头单位), or the separator the leads come
    before ("，" for 逗号前为牵头单位, "；" for 分号前…); None when it states no convention.

    >>> lead_convention("(列第一位的为牵头单位)"), lead_convention("(逗号前为牵头单位,下同)"), lead_convention("正文")
    ('first', '，', None)
    >>> [lead_convention(s) for s in ("排在首位的为牵头单位", "(列第一位的为工作牵头单位或汇总单位,下同)",
    ...                               "排名第一的单位为牵头单位", "(列第一位者为牵头或汇总单位,下同)",
    ...                               "一项任务涉及多个部门的,原则上由排名首位的部门牵头负责")]
    ['first', 'first', 'first', 'first', 'first']
    """
    m = _CONVENTION.search(text)
    if m is None:
        return None
    return {"逗号": "，", "分号": "；"}[m["sep"]] if m["sep"] else "first"


def apply_convention(clauses: list[ResponsibilityClause], text: str = "", convention: str = "first"
                     ) -> list[ResponsibilityClause]:
    """Make the units the convention names (the first listed, or those before the list's first comma or semicolon
    in `text`) the leads of each clause whose units have no roles, and the others support."""
    return [ResponsibilityClause(c.ref, c.section, c.text, c.start, c.end,
                                 _apply_convention(c.departments, text, convention), c.rule)
            for c in clauses]


def table_clause(block: Block, registry: DepartmentRegistry | None = None) -> ResponsibilityClause | None:
    """The clause of a responsibility-table row (None when the table has no unit columns)."""
    return _table_clause(block, registry or default_registry())


def cell_clauses(block: Block, text: str, registry: DepartmentRegistry | None = None) -> list[ResponsibilityClause]:
    """The clauses a row of a table without unit columns prints inside its task cell ("序号 | 目标任务 | 推进情况"
    over "1 | 促进房地产市场平稳健康发展。(责任单位:市建设局) | 1-7月,…"): read as a numbered item's.

    >>> row = Block("table_row", "1", None, 0, 22, "1 | 推进甲。(责任单位:市科技局) | 已完成 |",
    ...             cells=("1", "推进甲。(责任单位:市科技局)", "已完成"), header=("序号", "目标任务", "推进情况"),
    ...             cell_starts=(0, 4, 21))
    >>> [(c.ref, c.text, [d.name for d in c.departments]) for c in cell_clauses(row, row.text)]
    [('1', '推进甲。(责任单位:市科技局)', ['市科技局'])]
    """
    header = [h.replace(" ", "") for h in block.header]
    roles = [lexicon.column_role(h) for h in header]
    if "task" not in roles:
        return []
    k = roles.index("task")
    if k >= len(block.cells) or not block.cells[k]:
        return []
    # (a row printed one cell a paragraph keeps no cell offsets: its task cell is found in the row's text)
    start = block.cell_starts[k] if len(block.cell_starts) == len(block.cells) else \
        text.find(block.cells[k], block.start, block.end)
    if start < 0:
        return []
    end = start + len(block.cells[k])
    if text[start:end] != block.cells[k] or not may_hold_clause(text, start, end):
        return []
    clauses, _ = unit_clauses(text, start, end, block.ref or "", block.section, "item", registry or default_registry())
    return clauses


def unique_mentions(mentions: list[DepartmentMention]) -> list[DepartmentMention]:
    """First mention of each actor (a plan-wide rule is often repeated)."""
    seen, out = set(), []
    for a in mentions:
        if normalize_name(a.name) not in seen:
            seen.add(normalize_name(a.name))
            out.append(a)
    return out


RULE_DUTY_SECTION = "plankg.responsibility.duty_section.v1"
_CLAUSE_END = re.compile(r"[。;；\n]")
_SUBJECT_NAME = re.compile(r"[\u4e00-\u9fff()（）]+")
_LEAD_ROLE = re.compile(rf"作为[^,，。;；]{{0,20}}?(?:{lexicon.alternation(lexicon.LEAD_ROLE_NOUNS)})")


def duty_section_clauses(text: str, start: int, end: int, ref: str, section: str | None,
                         registry: DepartmentRegistry | None = None) -> list[ResponsibilityClause]:
    """The clauses of a paragraph in a section that says who does what ("三、职责分工"): each sentence or
    ;-clause that opens with a unit, as the subject of its verb ("投资促进部负责园区企业的服务") or before a colon
    ("市财政局:负责资金保障"), is a task of that unit; "X作为…牵头部门" makes it the lead.

    >>> t = "综合执法局作为牵头部门,负责安全生产监管。投资促进部负责企业服务;区派出所及时处置治安问题。"
    >>> [[(d.name, d.role) for d in c.departments] for c in duty_section_clauses(t, 0, len(t), "", None)]
    [[('综合执法局', 'lead')], [('投资促进部', 'responsible')], [('区派出所', 'responsible')]]
    >>> duty_section_clauses("加强组织领导,明确工作责任。", 0, 14, "", None)
    []
    """
    registry = registry or default_registry()
    out: list[ResponsibilityClause] = []
    for k, s, stop in _entry_spans(text, start, end, registry):
        subject = _unit_subject(text, s, stop, registry)
        colon = first_colon(text, s, stop)
        if colon > s and not units_before_colon(text, s, stop, registry):
            # "…进行了详细的分工:省发展计划委员会负责…;": the duties start after the sentence's own colon
            listed = _unit_subject(text, colon + 1, stop, registry)
            if listed is not None and _DUTY_OPENING.match(text, listed[1], stop):
                s, subject = colon + 1, listed
        deps: tuple[DepartmentMention, ...] = ()
        if subject is not None:
            name_end, after = subject
            role = LEAD if _LEAD_ROLE.match(text, after, stop) else RESPONSIBLE
            deps = (DepartmentMention(text[s:name_end], role, s, name_end),)
        else:
            deps = units_before_colon(text, s, stop, registry)
            if not deps:
                # "县法院、县人民检察院负责加大指导力度。": several units as the subject of one duty
                joint = _duty_subject(text, s, stop, registry)
                deps = tuple(joint) if len(joint) >= 2 else ()
        if deps and any(lexicon.opening_verb().match(d.name) or text.startswith("是", d.end) for d in deps):
            deps = ()  # "根据需要召开市(地)妇儿工委…", "妇女儿童工作委员会是省政府…": words of a sentence, no unit
        if deps:
            ref_k = ref if not out else f"{ref}#{len(out) + 1}"
            out.append(ResponsibilityClause(ref_k, section, text[s:stop], s, stop, deps, RULE_DUTY_SECTION))
        elif out and out[-1].end == k and text[k - 1:k] in (";", "；") and text[s:stop].strip():
            # "市工商局:参与培训;引导企业改制;…。": the unit's duties go on after a semicolon, up to the full stop
            last = out[-1]
            out[-1] = ResponsibilityClause(last.ref, last.section, text[last.start:stop], last.start, stop,
                                           last.departments, last.rule)
    return out


_DUTY_AFTER_UNIT = re.compile(rf"\s*(?:[:：]|作为|{lexicon.alternation(lexicon.DUTY_OPENING_VERBS)})")
_NOT_A_SUBJECT = re.compile(r"^(?:[在对把将为从按]|向(?!阳)|[一二三四五六七八九十]是)")
_PREPOSITION_BEFORE_LEVEL = re.compile(r"[对向为把将从给][市区县省]")


def duty_item_clauses(text: str, start: int, end: int, ref: str, section: str | None,
                      registry: DepartmentRegistry | None = None) -> list[ResponsibilityClause]:
    """The clauses of a numbered item in a section that says who does what ("三、职责分工 (一)市发改委:负责…"):
    `duty_section_clauses` where the unit opens the item and a colon or a verb of duty follows it; a sentence of
    the section's prose ("(二)正确处理政府与市场的关系", "指挥部下设办公室") names no unit's duty.

    >>> t = "市发改委:负责项目审批。"
    >>> [[d.name for d in c.departments] for c in duty_item_clauses(t, 0, len(t), "", None)]
    [['市发改委']]
    >>> t = "在统筹考虑各级人民政府事权的基础上,明确分工。"
    >>> duty_item_clauses(t, 0, len(t), "", None)
    []

    An item may open with its topic, a short sentence of its own, before the unit ("(九)民爆器材管理。县公安局要重点
    检查…"): the unit's task is the whole item.

    >>> t = "民爆器材管理。县公安局要重点检查民爆器材的管理情况。"
    >>> [(c.text[:6], [d.name for d in c.departments]) for c in duty_item_clauses(t, 0, len(t), "", None)]
    [('民爆器材管理', ['县公安局'])]

    An item titled by its units alone states their duties after the title.

    >>> t = "生态局东安分局。排查工业污水排放污染源。"
    >>> [(c.text[:6], [d.name for d in c.departments]) for c in duty_item_clauses(t, 0, len(t), "", None)]
    [('生态局东安分', ['生态局东安分局'])]
    """
    registry = registry or default_registry()
    titled = _UNIT_TITLE.match(text, start, end)
    if titled is not None and titled.end() < end:
        # "1、区住建局。排查生活污水直排污染源,…": the item names its units as its title, its duties after them
        pieces = split_units(titled["units"], start)
        if pieces and all(registry.looks_like_unit(p) and not registry.is_person(p) for p, _, _ in pieces):
            return [ResponsibilityClause(ref, section, text[start:end], start, end,
                                         tuple(DepartmentMention(p, RESPONSIBLE, a, b) for p, a, b in pieces),
                                         RULE_DUTY_SECTION)]
    out = []
    opening = after_topic(text, start, end, registry)
    for c in duty_section_clauses(text, opening, end, ref, section, registry):
        # the colon or verb after the last of the units ("市委办公室、市政府办公室:将…")
        if _DUTY_AFTER_UNIT.match(text, c.departments[-1].end) and all(
                not _NOT_A_SUBJECT.match(d.name) and not lexicon.opening_verb().match(d.name)
                for d in c.departments):
            if c.start == opening > start:
                c = replace(c, text=text[start:c.end], start=start)
            out.append(c)
    return out


_TOPIC = re.compile(r"[^,，;；:：。\n]{2,14}。")
# An item of a section of duties titled by its units alone: "区住建局。", "生态局东安分局。".
_UNIT_TITLE = re.compile(r"(?P<units>[^,，;；:：。\n]{2,30})。")


def after_topic(text: str, start: int, end: int, registry: DepartmentRegistry) -> int:
    """Where an item's words start after its topic, a short sentence that names no unit ("民爆器材管理。" before
    "县公安局要…"), or `start` when it opens otherwise.

    >>> reg = default_registry()
    >>> t = "民爆器材管理。县公安局要重点检查。"
    >>> after_topic(t, 0, len(t), reg), after_topic("县公安局要重点检查。", 0, 10, reg)
    (7, 0)
    """
    m = _TOPIC.match(text, start, end)
    if m is None or m.end() >= end or opens_with_duty_or_units(text, start, m.end(), registry):
        return start
    return m.end()


RULE_DUTY_LIST = "plankg.responsibility.duty_list.v1"
_DUTY_LIST_SEP = re.compile(r"[,，]")


def duty_list_clauses(text: str, start: int, end: int, ref: str, section: str | None,
                      registry: DepartmentRegistry | None = None) -> list[ResponsibilityClause]:
    """One sentence dividing duties among three units or more, each clause opening with its unit and the verb of
    its duty ("县金融中心负责组织实施,县经信局负责协助协调,县财政局负责资金筹措"): a clause each.

    >>> t = "明确分工。镇政府办公室负责制定方案,镇经发办负责督办考核,镇执法中队负责监督检查。加强宣传,区住建局负责。"
    >>> [(c.text[:5], [d.name for d in c.departments]) for c in duty_list_clauses(t, 0, len(t), "3", None)]
    [('镇政府办公', ['镇政府办公室']), ('镇经发办负', ['镇经发办']), ('镇执法中队', ['镇执法中队'])]
    """
    out: list[ResponsibilityClause] = []
    if len(list(itertools.islice(_DUTY_OPENING.finditer(text, start, end), 3))) < 3:
        return out  # fewer than three duty verbs: no list of three duties
    registry = registry or default_registry()
    k = start
    while k < end:
        m = _CLAUSE_END.search(text, k, end)
        stop = m.start() if m else end
        run: list[tuple[int, int, tuple[int, int]]] = []
        strict = 0  # the clauses of the run whose subject is a government body
        at = k
        for piece in [*_DUTY_LIST_SEP.finditer(text, k, stop), None]:
            cut = piece.start() if piece else stop
            s = at
            while s < cut and text[s] in " \u3000\t":
                s += 1
            subject = _duty_opening(text, s, cut, registry)
            strict += subject is not None
            subject = subject or _listed_subject(text, s, cut, registry)
            if subject is not None:
                run.append((s, cut, subject))
            elif len(run) >= 3:
                break
            else:
                run, strict = [], 0
            at = cut + 1
        if len(run) >= 3 and strict:
            for n, (s, cut, (name_end, after)) in enumerate(run, 1):
                role = LEAD if _LEAD_AFTER_UNITS.match(text, after, cut) else RESPONSIBLE
                out.append(ResponsibilityClause(f"{ref}#{n}" if n > 1 else ref, section, text[s:cut], s, cut,
                                                (DepartmentMention(text[s:name_end], role, s, name_end),),
                                                RULE_DUTY_LIST))
        k = (m.end() if m else end)
    return out


def _listed_subject(text: str, s: int, stop: int, registry: DepartmentRegistry) -> tuple[int, int] | None:
    """The unit a clause of a list of duties opens with where it is no government body by its name alone (a
    police station, a collective of villages: "派出所负责…", "各村(社区)负责…"): a unit's shape, then 负责 or 要.

    >>> reg = default_registry()
    >>> t = "各村(社区)负责农户燃气的入户排查"
    >>> _listed_subject(t, 0, len(t), reg), _listed_subject("城管人员负责检查", 0, 8, reg)
    ((6, 6), None)
    """
    m = _LISTED_SUBJECT.match(text, s, stop)
    if m is None or registry.is_person(m["unit"]) or not registry.looks_like_unit(m["unit"]):
        return None
    return m.end("unit"), m.end("unit")


_LISTED_SUBJECT = re.compile(rf"(?P<unit>[\u4e00-\u9fff()（）]{{2,12}}?)"
                             rf"(?={lexicon.alternation(lexicon.LISTED_DUTY_VERBS)})")


def units_before_colon(text: str, s: int, stop: int, registry: DepartmentRegistry
                       ) -> tuple[DepartmentMention, ...]:
    """The units a duty line names before its colon ("镇派出所:负责…", "镇共青团、妇联:要…"): every piece shaped
    like a unit (a police station, a league, a collective of schools), the line's own words after the colon.

    >>> t = "镇共青团、妇联:要充分发挥自身优势。"
    >>> [d.name for d in units_before_colon(t, 0, len(t), default_registry())]
    ['镇共青团', '妇联']
    >>> units_before_colon("工作要求:加强领导。", 0, 10, default_registry())
    ()
    """
    colon = first_colon(text, s + 1, min(stop, s + 40))
    if colon < 0:
        return ()
    # (the list's tail dropped: "…、市消防局等有关部门:")
    pieces = [(name, a + off, a + off + len(name)) for p, a, _ in split_units(text[s:colon], s)
              for name, off in [_clean_unit(p)] if name]
    if not pieces or not all(registry.looks_like_unit(p) or _LEVEL_UNIT.fullmatch(p) for p, _, _ in pieces):
        return ()
    return tuple(DepartmentMention(p, RESPONSIBLE, a, b) for p, a, b in pieces)


def bodies_before_duties(text: str, s: int, stop: int, registry: DepartmentRegistry, least: int = 2
                         ) -> tuple[DepartmentMention, ...]:
    """The government bodies text[s:stop] opens with before a colon, when at least `least` characters of their duties
    follow it ("省卫生厅:组织和协调…", "市委办公室、市政府办公室:将…"); () otherwise.

    >>> [d.name for d in bodies_before_duties("省卫生厅:组织救援。", 0, 10, default_registry())]
    ['省卫生厅']
    >>> bodies_before_duties("卫生局:", 0, 4, default_registry()), bodies_before_duties("工作要求:加强领导。", 0, 10,
    ...                                                                              default_registry())
    ((), ())
    """
    units = units_before_duties(text, s, stop, registry, least)
    return units if all(registry.looks_like_department(d.name) for d in units) else ()


def units_before_duties(text: str, s: int, stop: int, registry: DepartmentRegistry, least: int = 2
                        ) -> tuple[DepartmentMention, ...]:
    """The units text[s:stop] opens with before a colon (`units_before_colon`), when at least `least` characters of
    their duties follow it ("安监所:收集灾情"); () otherwise.

    >>> [d.name for d in units_before_duties("安监所:收集灾情。", 0, 9, default_registry())]
    ['安监所']
    >>> units_before_duties("安监所:", 0, 4, default_registry())
    ()
    """
    units = units_before_colon(text, s, stop, registry)
    if units and len(text[units[-1].end + 1:stop].strip(" \u3000\n。;；")) >= least:
        return units
    return ()


def first_colon(text: str, start: int, stop: int) -> int:
    """Where the first colon (ASCII or full-width) in text[start:stop] stands, or -1.

    >>> first_colon("市发改委：负责审批:", 0, 10), first_colon("加强领导", 0, 4)
    (4, -1)
    """
    return min((i for i in (text.find(":", start, stop), text.find("：", start, stop)) if i >= 0), default=-1)


def is_label_only(text: str) -> bool:
    """Whether a task's text is only a role key and its units ("承办单位:县委宣传部,县旅游发展局"): an item of a
    heading's details that names who carries the heading's task out.

    >>> is_label_only("承办单位:县委宣传部,县旅游发展局"), is_label_only("推进建设。责任单位:县科技局")
    (True, False)
    """
    return _GROUP_LABEL_START.match(text) is not None


def opens_with_duty_or_units(text: str, start: int, end: int, registry: DepartmentRegistry) -> bool:
    """Whether text[start:end] opens with a unit as the subject of its duty (`opens_with_duty`) or with government
    bodies before a colon ("市地税局、国税局:及时出具…"): a line of a list of who does what.

    >>> reg = default_registry()
    >>> opens_with_duty_or_units("市地税局、国税局:及时出具证明文件。", 0, 18, reg)
    True
    >>> [opens_with_duty_or_units(t, 0, len(t), reg) for t in ("发布机构:县人民政府办公室", "工作要求:加强领导。")]
    [False, False]
    """
    if opens_with_duty(text, start, end, registry):
        return True
    units = units_before_colon(text, start, end, registry)
    # most of them government bodies: a bank's branch may stand among them ("人民银行营口市中心支行")
    return bool(units) and not any(lexicon.is_meta_key(d.name) for d in units) \
        and 2 * sum(1 for d in units if registry.looks_like_department(d.name)) >= len(units)


def opens_with_duty(text: str, start: int, end: int, registry: DepartmentRegistry) -> bool:
    """Whether text[start:end] opens with a unit as the subject of the verb of its duty ("区住建局负责…").

    >>> reg = default_registry()
    >>> opens_with_duty("区住建局负责全区村庄环境整治。", 0, 15, reg), opens_with_duty("加强组织领导。", 0, 7, reg)
    (True, False)
    >>> opens_with_duty("发布机构:县人民政府办公室", 0, 13, reg)
    False
    """
    return _duty_opening(text, start, end, registry) is not None


def _duty_opening(text: str, start: int, end: int, registry: DepartmentRegistry) -> tuple[int, int] | None:
    """The unit text[start:end] opens with as the subject of its duty: (end of its name, where the verb starts)."""
    stop = min(end, start + 40)
    if _DUTY_OPENING.search(text, start, stop) is None:
        return None  # most paragraphs: no verb of a duty near their start, no unit to look for
    subject = _unit_subject(text, start, stop, registry)
    # the unit, then the verb of its duty: "区住建局负责…", "区委农办要结合…" (a page's "发布机构:X" is none)
    return subject if subject is not None and _DUTY_OPENING.match(text, subject[1], stop) is not None else None


_DUTY_OPENING = re.compile(lexicon.alternation(lexicon.DUTY_OPENING_VERBS))


# A unit printed with its level and a body the registry does not list ("镇共青团", "镇各中小学校").
_LEVEL_UNIT = re.compile(r"[市区县镇乡街][\u4e00-\u9fff]{2,8}(?:团|校|学校|所|站|队|会|院|中心)")


def _unit_subject(text: str, s: int, stop: int, registry: DepartmentRegistry) -> tuple[int, int] | None:
    """(end of the unit's name, where the sentence goes on) when text[s:stop] opens with one government unit
    and then its verb or a colon: the shortest name after which no longer one goes on ("市发改委办公室")."""
    if lexicon.opening_verb().match(text, s, stop):
        return None  # "依据《条例》…": a sentence that opens with a verb has no unit for its subject
    def one_body(name: str) -> bool:
        # "对向市局提出的申请…", "统一受理向市局…": a preposition before a level's body opens a phrase, no name
        return registry.looks_like_department(name) and not registry.is_collective(name) \
            and not registry.is_person(name) and not _NOT_A_SUBJECT.match(name) \
            and not _PREPOSITION_BEFORE_LEVEL.search(name)

    colon = next((k for k in range(s + 3, min(stop, s + 20)) if text[k] in ":："), None)
    if colon is not None and _SUBJECT_NAME.fullmatch(text[s:colon]) and one_body(text[s:colon]):
        return colon, colon + 1  # "市劳动和社会保障局:": the whole name before its colon, not 市劳动和社会
    for e in range(s + 3, min(stop, s + 20) + 1):
        name = text[s:e]
        if not _SUBJECT_NAME.fullmatch(name):
            return None
        if not one_body(name):
            continue
        nxt = text[e:e + 1]
        if nxt in ":：":
            return e, e + 1
        if nxt and "\u4e00" <= nxt <= "\u9fff" and not registry.looks_like_unit(text[s:e + 1]) and not any(
                text[s:e + k].endswith(lexicon.LONG_UNIT_HEADS) for k in (2, 3)):
            return e, e  # "镇政府办公室负责": not 镇政府办 before 公室
    return None


RULE_HEADING = "plankg.responsibility.heading_lead.v1"
# "一、县示范区管委会牵头工作(8项)", "(一)省编办牵头的工作": the units that lead every task of the section.
# A unit's name, its other names in one bracket after it: "工程建设管理局(安全生产监督局)".
# A count of its tasks may follow: "(二)市经济和信息化局(5项)".
_UNIT_HEADING = re.compile(r"^(?P<unit>(?P<name>[\u4e00-\u9fff]{2,16}?)(?:[(（][\u4e00-\u9fff、]{2,40}[)）])?)"
                           rf"(?:的?(?:{lexicon.alternation(lexicon.UNIT_DUTY_TAILS)})(?:是|如下|为)?)?"
                           r"(?:\s*[(（]\s*\d+\s*[项个条件]\s*[)）])?[:：]?$")
_HEADING_LEAD = re.compile(rf"^(?P<units>.+?)(?:{_LEAD_VERB})(?:负责)?的?(?:工作|任务|事项|重点工作|工作任务)"
                           r"(?:\s*[(（]\s*\d+\s*项\s*[)）])?[。:：]?$")
# "扩大有效投资政策(由市发改局牵头实施)": a section's topic, then who leads the articles under it
_HEADING_BRACKET_LEAD = re.compile(rf"^[^(（]{{2,40}}[(（]\s*由?(?P<units>[^()（）:：]+?)(?:{_LEAD_VERB})"
                                   rf"(?:{lexicon.alternation(lexicon.CARRY_OUT_VERBS)})?\s*[)）]$")


def heading_leads(structure: Structure, registry: DepartmentRegistry | None = None
                  ) -> list[tuple[int, int, tuple[DepartmentMention, ...]]]:
    """Sections whose heading names who leads all their tasks: (section start, end, the lead units).

    >>> from plankg.ingest.structure import parse_structure
    >>> s = parse_structure("一、县示范区管委会牵头工作(2项)\\n1.建设基地。\\n2.打造园区。\\n"
    ...                     "二、孟学农省长负责的工作\\n1.甲。")
    >>> [(a, [d.name for d in units]) for a, _, units in heading_leads(s)]
    [(0, ['县示范区管委会'])]

    A heading that is a unit's name alone makes that unit responsible for the section's items:

    >>> s = parse_structure("(一)招商合作局(行政审批局)\\n1.制作招商手册。\\n(二)保障措施\\n1.甲。")
    >>> [(a, [(d.name, d.role) for d in units]) for a, _, units in heading_leads(s)]
    [(0, [('招商合作局(行政审批局)', 'responsible')])]
    >>> s = parse_structure("(二)市经济和信息化局(5项)\\n1.规上工业增加值增速低于序时进度。")
    >>> [[d.name for d in units] for _, _, units in heading_leads(s)]
    [['市经济和信息化局']]
    >>> s = parse_structure("(一)县发改局主要职责:\\n1.负责项目审批。\\n(二)县财政局的职责是:\\n1.负责资金保障。")
    >>> [[d.name for d in units] for _, _, units in heading_leads(s)]
    [['县发改局'], ['县财政局']]
    >>> s = parse_structure("一、扩大有效投资政策(由市发改局牵头实施)\\n1.发挥重点项目带动作用。\\n2.落实资金保障。")
    >>> [[(d.name, d.role) for d in units] for _, _, units in heading_leads(s)]
    [[('市发改局', 'lead')]]
    """
    registry = registry or default_registry()
    headings = {b.start: b for b in structure.blocks if b.kind == "heading"}
    out: list[tuple[int, int, tuple[DepartmentMention, ...]]] = []
    for sec in structure.sections:
        block = headings.get(sec.start)
        if block is None or not sec.title:
            continue
        m = _HEADING_LEAD.match(sec.title) or _HEADING_BRACKET_LEAD.match(sec.title)
        if m is None:
            # A heading that is one unit's name and nothing else ("(二)招商合作局(行政审批局、政务服务中心)"):
            # the section lists that unit's tasks. Its other names in brackets are the same unit's.
            unit = _UNIT_HEADING.match(sec.title)
            name = unit.group("name") if unit else ""
            # one unit's name: not a collective's ("各县区民生工程实施进度综合排名" opens like 各县)
            # (nor a clause: "一、落实政府职责")
            if unit and registry.looks_like_department(name) and not registry.is_collective(name) \
                    and not lexicon.opening_verb().match(name) and not _NOT_A_SUBJECT.match(name):
                base = block.start + block.text.find(sec.title)
                out.append((sec.start, sec.end, (DepartmentMention(unit.group("unit"), RESPONSIBLE, base,
                                                                   base + len(unit.group("unit"))),)))
            continue
        base = block.start + block.text.find(sec.title) + m.start("units")
        pieces = split_units(m.group("units"), base)
        if not _all_departments(pieces, registry):
            continue  # "孟学农省长负责的工作": a person leads, no department
        out.append((sec.start, sec.end, tuple(DepartmentMention(p, LEAD, s, e) for p, s, e in pieces)))
    return out


def announces_duties(block: Block) -> bool:
    """Whether a numbered block heads a list of duties rather than stating one ("一、园区管委会主要职责",
    "(一)县发改局主要职责:"): no task of its own.

    >>> from plankg.ingest.structure import parse_structure
    >>> [announces_duties(b) for b in parse_structure("一、园区管委会主要职责\\n1、编制规划。").blocks]
    [True, False]
    """
    title = block.text[body_start(block) - block.start:].strip()
    return bool(_DUTIES_COLON.search(title) or _UNIT_HEADING.match(title)
                or title.rstrip("。:：").endswith(lexicon.UNIT_DUTY_TAILS))


# What ends an item whose sub-items list its subject's duties: "…其职责是:", "主要职责如下:".
_DUTIES_COLON = re.compile(rf"(?:{lexicon.alternation(lexicon.UNIT_DUTY_TAILS)})(?:是|如下|为)?\s*[:：]\s*$")


def duty_owners(structure: Structure, registry: DepartmentRegistry
                ) -> list[tuple[int, int, tuple[DepartmentMention, ...]]]:
    """Numbered items that open with one unit and end by announcing its duties ("第八条 园区办为工业园区日常办事
    机构,负责…。其职责是:"): the unit is responsible for the items numbered under it, up to the next item of the
    same rank.

    >>> from plankg.ingest.structure import parse_structure
    >>> s = parse_structure("第八条 园区办为日常办事机构,负责管理工作。其职责是:\\n(一)负责落实政策。"
    ...                     "\\n(二)负责调查研究。\\n第九条 工业园区成立开发建设公司。")
    >>> [(s.text[a:b][:8], [d.name for d in units]) for a, b, units in duty_owners(s, default_registry())]
    [('(一)负责落实政', ['园区办'])]
    """
    out: list[tuple[int, int, tuple[DepartmentMention, ...]]] = []
    blocks = structure.blocks
    for k, b in enumerate(blocks):
        if b.ref is None or b.kind not in ("item", "heading") or not _DUTIES_COLON.search(b.text):
            continue
        at = body_start(b)
        subject = _unit_subject(structure.text, at, b.end, registry)
        if subject is None:
            continue
        prefix = b.ref + "."
        inner: list[Block] = []
        for x in blocks[k + 1:]:
            if x.ref is None or not x.ref.startswith(prefix):
                break
            inner.append(x)
        if inner:
            unit = DepartmentMention(structure.text[at:subject[0]], RESPONSIBLE, at, subject[0])
            out.append((inner[0].start, inner[-1].end, (unit,)))
    return out


def apply_heading_leads(clauses: list[ResponsibilityClause], bare: list[Block],
                        leads: list[tuple[int, int, tuple[DepartmentMention, ...]]]
                        ) -> tuple[list[ResponsibilityClause], list[Block]]:
    """The lead units of a section's heading added to each of its tasks that names no lead of its own; items
    without a clause become tasks of those units. Returns the clauses and the items still without one."""
    if not leads:
        return clauses, bare

    def lead_of(start: int) -> tuple[DepartmentMention, ...] | None:
        inner = [(a, b, u) for a, b, u in leads if a <= start < b]
        return max(inner, key=lambda x: x[0])[2] if inner else None

    out = []
    for c in clauses:
        units = lead_of(c.start)
        if units is None or any(d.role == LEAD for d in c.departments) or units[0].role != LEAD:
            out.append(c)
            continue
        others = tuple(d if d.role != RESPONSIBLE else replace(d, role=SUPPORT)
                       for d in c.departments)
        out.append(ResponsibilityClause(c.ref, c.section, c.text, c.start, c.end, units + others, c.rule))
    still_bare = []
    for b in bare:
        units = lead_of(b.start)
        if units is None:
            still_bare.append(b)
            continue
        start = body_start(b)
        out.append(ResponsibilityClause(b.ref or "", b.section, b.text[start - b.start:], start, b.end, units,
                                        RULE_HEADING))
    return sorted(out, key=lambda c: (c.start, c.end, c.ref)), still_bare
