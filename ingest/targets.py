"""Quantitative targets: "高新技术产业投资增速达20%" -> metric, value, unit, comparator, year.

Two sources. Prose: every number with a unit in a goal sentence, named by the noun phrase it
measures; after the number ("新增高新技术企业2000家") or, when the number stands before a noun,
by what follows ("推动100项以上标志性科技成果转化"). Indicator tables: a row gives the metric, the
unit, a baseline and a target whose years come from the column names ("2020年完成数", "2025年目标").

Decisions, so they are made once:
- Magnitudes fold into the value except for money, which keeps its printed unit: "15.5万件" is
  155000 件, "800亿元" is 800 亿元 (the scorer and the graph compare scaled values either way).
- A range "8—10个" is two targets on the same span: >= 8 and <= 10.
- A two-tier target "达到A、争取达到B" is two targets of the same metric (rule `two_tier`).
- A bare number is "=", unless the sentence aims at it (力争/争取/确保 before it) or it is a
  target cell of an indicator table, where the plan sets a level to reach (">=").
- Sentences about the past (sections on 发展基础/机遇与挑战, "十三五"期间, years before the plan
  period) are read as baselines and give no targets.

>>> from plankg.ingest.pipeline import extract_text
>>> ts = extract_text("2024年,力争全社会研发经费支出达800亿元、占地区生产总值比重达3.95%。").targets
>>> [(t.metric, t.value, t.unit, t.comparator, t.year) for t in ts]
[('全社会研发经费支出', 800.0, '亿元', '>=', 2024), ('研发经费支出占地区生产总值比重', 3.95, '%', '>=', 2024)]
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from plankg.ingest import lexicon
from plankg.ingest.contract import TargetOut
from plankg.ingest.numerals import (
    DAYS,
    DURATION,
    DURATION_UNIT,
    MAGNITUDES,
    MONEY_UNITS,
    NUMERAL,
    QUANTITY,
    SCORES,
    SUFFIX_COMPARATOR,
    UNITS,
    Quantity,
    cn_to_number,
    parse_quantity,
    read_quantity,
    scaled,
    unit_of_label,
)
from plankg.ingest.structure import YEAR_NUMERAL, body_start, year_number
from plankg.ontology.ids import normalize

if TYPE_CHECKING:  # structure.py is the colleague's module; only its shape is needed here
    from plankg.ingest.structure import DocContext

RULE_PROSE = "plankg.targets.comparator.v6"
RULE_PRENOMINAL = "plankg.targets.prenominal.v1"
RULE_TWO_TIER = "plankg.targets.two_tier.v1"
RULE_RANGE = "plankg.targets.range.v1"
RULE_FROM_TO = "plankg.targets.from_to.v2"
RULE_DOUBLING = "plankg.targets.doubling.v1"
RULE_SHARE = "plankg.targets.share_of_set.v1"
RULE_TABLE = "plankg.targets.indicator_table.v2"

# "惠企政策20条", "高质量发展10条", "十条措施": articles of a policy, not a count of things.
_POLICY_ARTICLES = re.compile(r"(?:政策|措施|意见|举措|规定|办法|细则|建议|条款|发展|若干)$"
                              r"|^(?:措施|政策|意见|举措|规定)")
_YEAR_PHRASE = re.compile(rf"(?P<lead>到|至|截至|截止|力争到|争取到)?(?P<year>{YEAR_NUMERAL})年"
                          rf"(?P<tail>底|末|前|年底)?(?![\d月度])")
_CLAUSE_SEP = ",，:：;；"
# An ASCII full stop ends a sentence where a space or the end follows it (pages that print "." for "。").
_SENTENCE_SEP = re.compile(r"[。！？!?;；\n]|\.(?=\s|$)")

# Trailing words between a metric and its number, longest first; each maps to a comparator.
_COMPARATOR_WORDS = (
    ("力争达到", ">="), ("争取达到", ">="), ("确保达到", ">="), ("达到", ">="), ("超过", ">="), ("突破", ">="),
    ("不少于", ">="), ("不低于", ">="), ("不超过", "<="), ("不高于", "<="), ("控制在", "<="), ("保持在", ">="),
    ("提高到", ">="), ("提高至", ">="), ("提升到", ">="), ("提升至", ">="), ("增长到", ">="), ("增长至", ">="),
    ("增加到", ">="), ("增加至", ">="), ("增至", ">="), ("降至", "<="), ("降低到", "<="), ("降低至", "<="),
    ("下降到", "<="), ("下降至", "<="), ("缩短到", "<="), ("缩短至", "<="), ("压缩到", "<="), ("压缩至", "<="),
    ("力争", ">="), ("争取", ">="), ("确保", ">="), ("实现", ">="),
    ("达", ">="), ("超", ">="), ("约", "~"), ("近", "~"), ("为", "="), ("是", "="), ("共", "="), ("合计", "="),
    ("总计", "="), ("各", "="), ("均", "="),
    # the signs a form prints between an indicator and its value ("道路硬化里程≥100公里")
    ("≥", ">="), (">=", ">="), ("≤", "<="), ("<=", "<="), ("＞", ">"), (">", ">"), ("＜", "<"), ("<", "<"),
)
# Tried longest first, so "不超过" is read whole, not as "超过" after a stray 不.
_COMPARATORS_LONGEST = tuple(sorted(_COMPARATOR_WORDS, key=lambda pair: -len(pair[0])))
# Words that aim at a figure (a goal whatever its year), and with them words of striving ("争创", "努力"), which
# also make a figure a stretch tier; "通过5年的努力" is no aim at the figures after it.
_AIM = re.compile(lexicon.alternation(lexicon.AIM_WORDS))
_ASPIRATION = re.compile(lexicon.alternation((*lexicon.AIM_WORDS, "争创", "努力")))
# Words that frame a metric without belonging to it ("力争新增…" -> "新增…").
_LEADING_FRAME = re.compile(
    rf"^(?:[(（]\d{{1,2}}[)）]|[①-⑳]|(?:到|至|截至|力争到|争取到)?(?:{YEAR_NUMERAL})年(?:底|末|前)?|全年|年内|今年|明年|每年|力争|争取|争创|确保|努力|"
    r"预计|计划|实现|推动|促进|落实|其中|并|且|同时|使|让|以及|及|和|与|或|、|\s)+"
)
# Verbs that are part of a count metric ("新增高新技术企业"); carried over a coordinated list.
_COUNT_VERB = re.compile(r"^(新增|新引育|新引进|新建|新认定|引进培育|引育|引进|培育|招收|招引|建成|建设|认定|推荐认定|"
                         r"办理|培养|创建|打造|实施|组织实施|举办|落地|集聚|汇聚|吸引)")
_CONTINUATION = re.compile(r"累计|总数|总量|总计|合计|年均增长|同比增长|增长|增速|年均增速|其中")
_SCOPE = re.compile(r"^(全社会|全市|全省|全区|全县|全域|全国|本市|本区|我市|我区)")
# Headings of sections that report the past or the setting, not goals.
_CONTEXT_HEADING = re.compile(r"发展基础|现实基础|工作基础|发展现状|基本情况|回顾|成效|成绩|机遇|挑战|形势|发展环境")
_PAST_MARKER = re.compile(r"“?十[一二三]五”?(?:期间|时期|以来)|过去五年|近年来|近五年|截至目前|目前已|已累计")
# Money a plan gives, not a level it aims at.
_SUBSIDY_BEFORE = re.compile(r"(最高|给予|补助|奖励|资助|奖补|补贴|一次性)$")
_COUNTED_THINGS = ("个", "家", "项", "所", "座", "台", "套", "件", "篇", "部")
# "补贴性技能培训": a kind of training, no grant; a grant rule's words otherwise.
_SUBSIDY_CLAUSE = re.compile(r"补助|奖励|资助|补贴(?!性)|奖补|贴息|给予|最高不超过|最高")
_SUBSIDY_AFTER = re.compile(r"^(的(?!目标|预期目标|水平|任务)|补助|奖励|资助|奖补|补贴|以内的|以上的|左右的)")
_INDICATOR_HEADER = re.compile(r"指标")
# A column that groups indicators ("类别 | 指标 | 单位 …"): its cells are no indicator's name.
_CATEGORY_HEADER = re.compile(r"类别|类型|分类|领域|维度|方面")
_BASE_HEADER = re.compile(lexicon.alternation(lexicon.BASE_COLUMN_WORDS))
_TARGET_HEADER = re.compile(r"目标|预计|预期|规划|计划|力争")
_EMPTY_CELL = re.compile(r"^[-—–/、\s]*$")
_DECREASE = re.compile(r"下降|降低|减少|能耗|排放")
# One project's investment, stated on its own line with no subject ("总投资18亿元，2024年完成投资6亿元"):
# an attribute of the project, not a level the plan aims at ("全年重大项目完成投资50亿元" keeps its subject).
_PROJECT_INVESTMENT = re.compile(r"^(?:计划)?(?:总投资|投资额|投资总额)$")
# What has been invested so far, a progress figure, unless the words before it plan it ("计划完成投资30亿元").
_INVESTED = re.compile(r"^完成投资$")
_PLANNED = re.compile(r"计划|预计|年度|全年|力争|确保")
# A budget line, or the plan's own spending stated without what is invested ("年度投入不低于2亿元").
# "到位资金", "实际到位市外资金", "向上争取资金": money a place brings in, maybe named with where it comes from
_ATTRACTED = re.compile(rf"(?:{lexicon.alternation(lexicon.ATTRACTING_VERBS)})[\u4e00-\u9fff]{{0,4}}"
                        rf"(?:{lexicon.alternation(lexicon.FUND_WORDS)})$")
_BUDGET = re.compile(r"(?:资金|专项资金|预算|经费安排)$|^(?:年度|每年|年均|财政)?(?:投入|安排)$")
# The year a change or a doubling is measured against: "比2020年", "较2021年底".
_BASE_YEAR = rf"(?:比|较|与|相比)(?P<year>{YEAR_NUMERAL})年(?:底|末)?"
_RELATIVE_TO = re.compile(rf"{_BASE_YEAR}(?:相比)?[,，]?"
                          r"(?P<verb>提高|提升|增加|增长|上升|下降|降低|减少)?$")
_RECURRING = re.compile(r"每年|每季度|每月|每半年")
_ON_BASE_YEAR = re.compile(rf"在(?P<year>{YEAR_NUMERAL})年(?:底|末)?的?基础上[,，]?")
# Text that introduces eligibility conditions: the numbers under it are thresholds an applicant must meet.
_CRITERIA = re.compile(r"(?:应当|应|须|需|必须)(?:同时)?(?:具备|符合|满足)|(?:以下|下列)(?:基本)?(?:条件|标准)"
                       r"|(?:认定|申报|申请|准入|入库|遴选|备案)(?:条件|标准)")
# A column giving when a task is due ("2024年12月"): the year its targets are for.
_DUE_HEADER = re.compile(r"完成时限|完成时间|时间节点|时限|进度安排|完成年限")


def similar_metric(a: str, b: str) -> bool:
    """Two metric names denote the same indicator: one holds the other, or they share most characters.

    >>> similar_metric("研发经费总额", "研发经费"), similar_metric("研发经费", "专利")
    (True, False)
    """
    a, b = normalize(a), normalize(b)
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    sa, sb = set(a), set(b)
    return len(sa & sb) / len(sa | sb) >= 0.5


# --------------------------------------------------------------------------- prose


@dataclass
class TargetMention:
    """A target found in prose or an indicator-table row, before it becomes a TargetOut.

    A table row that prints no unit leaves `unit_pending` set: the unit is then taken from a
    sentence of the document stating the same value (`complete_table_units`), or from the metric.
    """

    start: int  # of the printed text, into the document
    end: int
    metric: str
    quantity: Quantity
    comparator: str
    year: int | None
    baseline: float | None = None
    baseline_year: int | None = None
    rule: str = RULE_PROSE
    unit_pending: bool = False


def _strip_frame(metric: str) -> tuple[str, int]:
    """Drop framing words before a metric; returns the metric and how many characters were dropped."""
    m = _LEADING_FRAME.match(metric)
    cut = m.end() if m else 0
    return metric[cut:], cut


def _strip_comparator(segment: str) -> tuple[str, str | None]:
    """Split "…比重力争达到" into ("…比重", ">="); a typeset space before the number is no part of either.

    >>> _strip_comparator("比重突破 "), _strip_comparator("废水排放量不超过")
    (('比重', '>='), ('废水排放量', '<='))
    """
    comparator = None
    changed = True
    segment = segment.rstrip(" \u3000")
    while changed and segment:
        changed = False
        for word, comp in _COMPARATORS_LONGEST:
            if segment.endswith(word) and len(segment) >= len(word):
                segment = segment[: -len(word)]
                # The word nearest the number decides, except that a bare "为/共" never weakens an aim.
                if comparator is None or comparator == "=":
                    comparator = comp
                changed = True
                break
    return segment, comparator


_ON_BASE_AFTER = re.compile(r"[^在,，。;；]{0,30}?基础上")


def _year_before(text: str, start: int, end: int) -> int | None:
    """The last target-year phrase in text[start:end] ("到2025年", "2024年,"), ignoring baselines ("比2020年")."""
    year = None
    for m in _YEAR_PHRASE.finditer(text, start, end):
        if text[max(0, m.start() - 2):m.start()].endswith(("比", "较", "与", "同", "由", "从")):
            continue
        if text[max(0, m.start() - 1):m.start()] == "在" and _ON_BASE_AFTER.match(text, m.end(), end):
            continue  # "在2015年的基础上翻一番": the base's year
        year = year_number(m["year"])
    return year


def _inside_short_quote(text: str, pos: int, lo: int) -> bool:
    """A number inside a short quotation is a name ("315"工程, "1+2+6+N"), not a quantity.

    >>> t = "实施“315”工程;市发改委牵头的“地区生产总值增长6.5%以上”"
    >>> _inside_short_quote(t, t.index("315"), 0), _inside_short_quote(t, t.index("6.5"), 0)
    (True, False)
    """
    open_at = max(text.rfind("“", lo, pos), text.rfind("\"", lo, pos))
    if open_at < 0:
        return False
    close_at = text.rfind("”", open_at, pos)
    if close_at >= 0:
        return False
    close_after = text.find("”", pos, pos + 20)
    if close_after < 0 or close_after - open_at > 20:
        return False
    # a goal quoted whole, its verb before its figure ("牵头的第1项“地区生产总值增长6.5%以上”"), is no name
    return _QUOTED_GOAL.search(text, open_at + 1, pos) is None


# The verbs a goal states its figure with (a comparator word of two characters or more, 增长, 下降); inside a
# quotation they make it a quoted goal, not a name.
_QUOTED_GOAL = re.compile(lexicon.alternation(
    ("增长", "下降", *(w for w, c in _COMPARATOR_WORDS if len(w) >= 2 and c in (">=", "<=")))))


def _sentences(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    pos = start
    for m in _SENTENCE_SEP.finditer(text, start, end):
        if m.start() > pos:
            yield pos, m.start()
        pos = m.end()
    if pos < end:
        yield pos, end


def _clause_end(text: str, pos: int, hi: int) -> int:
    i = pos
    while i < hi and text[i] not in _CLAUSE_SEP:
        i += 1
    return i


def _clause_start(text: str, lo: int, pos: int) -> int:
    i = pos
    while i > lo and text[i - 1] not in _CLAUSE_SEP:
        i -= 1
    return i


_DURATION_METRIC = re.compile(lexicon.alternation(lexicon.DURATION_METRIC_WORDS))
DURATION_METRIC = _DURATION_METRIC  # for callers that need to know whether a figure in years can be read
_DAY_METRIC = re.compile(lexicon.alternation(lexicon.DAY_METRIC_WORDS))
_SCORE_METRIC = re.compile(lexicon.alternation(lexicon.SCORE_METRIC_WORDS))


def _quantities(text: str, start: int, end: int) -> list[re.Match[str]]:
    """The quantities of text[start:end] in order: `QUANTITY`'s, and figures in years where the clause before
    names a duration ("平均受教育年限达12.3年以上"; never a date: "2025年" is no figure).

    >>> t = "到2025年,劳动年龄人口平均受教育年限达12.3年以上,新增学位500个"
    >>> [m.group(0) for m in _quantities(t, 0, len(t))]
    ['12.3年以上', '500个']
    >>> t = "全市优良天数达到315天,重污染天数不超过2天,1天办结"
    >>> [m.group(0) for m in _quantities(t, 0, len(t))]
    ['315天', '2天']
    >>> t = "服务质量满意度达89分,3分钟响应"
    >>> [m.group(0) for m in _quantities(t, 0, len(t))]
    ['89分']
    """
    found = list(QUANTITY.finditer(text, start, end))
    for metric, pattern in ((_DURATION_METRIC, DURATION), (_DAY_METRIC, DAYS), (_SCORE_METRIC, SCORES)):
        if metric.search(text, start, end) is None:
            continue
        taken = [(m.start(), m.end()) for m in found]
        for m in pattern.finditer(text, start, end):
            if re.fullmatch(r"(?:19|20)\d\d", m["a"]) or any(a < m.end() and m.start() < b for a, b in taken):
                continue
            if metric.search(text, _clause_start(text, start, m.start()), m.start()):
                found.append(m)
    return sorted(found, key=lambda m: m.start())


def _prose_mentions(text: str, start: int, end: int, default_year: int | None,
                    period_start: int | None) -> list[TargetMention]:
    """Targets in the prose text[start:end] (one block or one table cell)."""
    out: list[TargetMention] = []
    # A year that opens the paragraph ("2024年,力争…") frames all its sentences; one met mid-paragraph
    # ("…;到2035年,…") frames only its own sentence.
    opening = _YEAR_PHRASE.match(text, start, min(end, start + 12))
    block_year = year_number(opening["year"]) if opening else None
    for s_start, s_end in _sentences(text, start, end):
        sentence = text[s_start:s_end]
        if _PAST_MARKER.search(sentence):
            continue
        prev: TargetMention | None = None
        prev_end = s_start
        consumed: list[tuple[int, int]] = []
        for ft in _FROM_TO.finditer(text, s_start, s_end):
            got = _from_to(text, ft, s_start, _year_before(text, s_start, ft.start()) or block_year or default_year)
            if got:
                out.append(got[0])
                consumed.append((ft.start(), got[1]))
        here: list[TargetMention] = []
        for m in _quantities(text, s_start, s_end):
            # Only the two numbers of a from-to are read by it; other clauses of the sentence stay targets.
            if any(a <= m.start() < b for a, b in consumed):
                continue
            mention = _read_mention(text, m, s_start, s_end, prev, prev_end, block_year, default_year)
            if mention is None:
                continue
            if period_start and mention.year and mention.year < period_start \
                    and not _AIM.search(text, s_start, m.start()):
                continue  # a past figure is a baseline, not a target ("力争…" before it aims at it all the same)
            for one in _split_shared(text, mention):
                here.extend(_split_range(one))
            prev, prev_end = mention, m.end()
        year = _year_before(text, s_start, s_end) or block_year or default_year
        here.extend(_doublings(text, s_start, s_end, here, year))
        here.extend(_shares(text, s_start, s_end, here, year))
        out.extend(_pair_respectively(here))
    return out


# A goal of doubling or quadrupling, with the year it doubles from: "营业收入较2021年翻一番", "数量倍增".
_DOUBLING = re.compile(rf"(?:{_BASE_YEAR}(?:的基础上)?)?(?:实现)?"
                       rf"(?P<verb>{lexicon.alternation(tuple(lexicon.DOUBLING_FACTORS))})")


def _doublings(text: str, start: int, end: int, found: list[TargetMention], year: int | None
               ) -> list[TargetMention]:
    """Goals of doubling that print no figure of their own, each as a factor over its base (2倍, 4倍 for 翻两番):
    the words before it, from the start of its clause or list item, are its metric. A doubling whose figure follows
    ("翻一番,达到500亿元") is that figure's target, not another one.

    >>> t = "到2025年,全省开发区营业收入较2021年翻一番、超千亿元开发区数量较2021年倍增。"
    >>> [(m.metric, m.quantity.value, m.quantity.unit, m.baseline_year) for m in _doublings(t, 0, len(t), [], 2025)]
    [('全省开发区营业收入', 2.0, '倍', 2021), ('超千亿元开发区数量', 2.0, '倍', 2021)]
    >>> [m.metric for m in _doublings("用三至五年时间实现全市博士人才数量倍增。", 0, 20, [], 2025)]
    ['全市博士人才数量']
    >>> _doublings("上市公司数量翻一番,达到36家以上。", 0, 17, [TargetMention(11, 16, "上市公司数量", Quantity(36,
    ...            "家", ">="), ">=", 2025)], 2025)
    []
    """
    out: list[TargetMention] = []
    for m in _DOUBLING.finditer(text, start, end):
        if any((m.end() <= f.start <= m.end() + 12 and "、" not in text[m.end():f.start])
               or f.start <= m.start() < f.end for f in found):
            continue
        after = text[m.end():m.end() + 1]
        if not after or after not in "、,，。;；)）":
            continue  # "工业倍增计划", "“双倍增”行动": a programme's name, no goal
        lo = max(_clause_start(text, start, m.start()), text.rfind("、", start, m.start()) + 1)
        metric, cut = _strip_frame(text[lo:m.start()])
        verb = metric.rfind("实现")
        if verb >= 0 and len(metric) - verb - 2 >= 2:
            # "用三至五年时间实现全市博士人才数量倍增": what doubles follows the verb of the goal
            metric, cut = metric[verb + 2:], cut + verb + 2
        metric = metric.strip(" 、")
        if len(metric) < 2 or not re.fullmatch(r"[\u4e00-\u9fff()（）A-Za-z]{2,20}", metric) \
                or lexicon.opening_verb().match(metric) or metric.endswith(("年", "持续")):
            continue  # "深入实施制造业倍增", "用三至五年时间…": a verb's object or a span of time, no metric
        factor = lexicon.DOUBLING_FACTORS[m["verb"]]
        out.append(TargetMention(lo + cut, m.end(), metric, Quantity(factor, "倍", ">="), ">=", year,
                                 baseline_year=year_number(m["year"]) if m["year"] else None, rule=RULE_DOUBLING))
    return out


# A goal stated as the share of a set that reaches a state, its figure opening the clause: "全省70%以上的可治理沙地得到
# 治理", "90%以上的研发机构设立在企业", "不低于35%的行政村农村生活污水得到有效治理".
_SHARE = re.compile(r"(?P<value>\d+(?:\.\d+)?)\s*[%％](?P<cmp>以上|左右)?的"
                    r"(?P<what>(?:[^,，。;；:：、()（）]|[(（][^,，。;；()（）]{1,8}[)）]){2,30})")
# ... after nothing but the verb of helping or the plan's own scope ("帮助20%的贫困户实现脱贫", "全省70%以上的…").
_SHARE_SCOPE = re.compile(r"(?:帮助)?(?:全[省市县区镇乡国]|本[省市县区]|我[省市县区]|主城区|城区)?")
_SHARE_STATE = re.compile(lexicon.alternation(lexicon.SHARE_STATE_VERBS))


def _shares(text: str, start: int, end: int, found: list[TargetMention], year: int | None
            ) -> list[TargetMention]:
    """Goals of a share of a set reaching a state, when nothing but framing words (a year, 力争, a scope, a
    comparator) stands before the figure in its clause: the set and its state are the metric.

    >>> t = "到2025年,全省70%以上的可治理沙地得到治理,对增长20%以上的企业给予奖励。"
    >>> [(m.metric, m.quantity.value, m.comparator) for m in _shares(t, 0, len(t), [], 2025)]
    [('可治理沙地得到治理比例', 70.0, '>=')]
    >>> _shares("目前,全市已有60%的村建成了卫生室。", 0, 19, [], None)
    []
    """
    out: list[TargetMention] = []
    for m in _SHARE.finditer(text, start, end):
        if any(f.start <= m.start() < f.end for f in found):
            continue
        lo = max(_clause_start(text, start, m.start()), text.rfind("、", start, m.start()) + 1)
        before, said = _strip_comparator(_strip_frame(text[lo:m.start()])[0])
        what = m["what"]
        state = _SHARE_STATE.search(what)
        if (not _SHARE_SCOPE.fullmatch(before) or state is None or state.start() < 1
                or re.search(r"已|了", what) or _SUBSIDY_CLAUSE.search(what)):
            continue  # "对增长20%以上的企业": a class of firms, no share of a set; "已有60%的村…了": a result
        comparator = ">=" if m["cmp"] == "以上" or said == ">=" else "="
        metric = what if what.endswith(("比例", "占比", "比重")) else what + "比例"
        out.append(TargetMention(m.start(), m.end(), metric, Quantity(float(m["value"]), "%", comparator),
                                 comparator, year, rule=RULE_SHARE))
    return out


def _pair_respectively(mentions: list[TargetMention]) -> list[TargetMention]:
    """Figures listed after "分别" given to the listed metrics one by one, when there are as many of each: "A、B、C的
    比例分别不低于20%、30%、40%" -> A比例 20%, B比例 30%, C比例 40% (a noun after the last item's 的 is every
    item's). Other mentions as they are.

    >>> q = Quantity(20, "%", ">=")
    >>> ms = [TargetMention(0, 9, "健康村、健康家庭的比例分别不低于", q, ">=", 2022),
    ...       TargetMention(0, 9, "健康村、健康家庭的比例分别不低于", q, ">=", 2022)]
    >>> [m.metric for m in _pair_respectively(ms)]
    ['健康村比例', '健康家庭比例']
    >>> ms = [TargetMention(0, 9, "研发投入、专利数量分别增长", q, ">=", 2022)] * 2
    >>> [m.metric for m in _pair_respectively(ms)]
    ['研发投入增长', '专利数量增长']
    >>> ms = [TargetMention(0, 9, "高新技术企业和科技型企业分别超过", q, ">=", 2022)] * 2
    >>> [m.metric for m in _pair_respectively(ms)]
    ['高新技术企业', '科技型企业']
    >>> ms = [TargetMention(0, 9, "城镇、农村居民人均可支配收入分别增长", q, ">=", 2022)] * 2
    >>> [m.metric for m in _pair_respectively(ms)]
    ['城镇居民人均可支配收入增长', '农村居民人均可支配收入增长']
    """
    out: list[TargetMention] = []
    k = 0
    while k < len(mentions):
        group = [mentions[k]]
        while k + len(group) < len(mentions) and mentions[k + len(group)].metric == group[0].metric:
            group.append(mentions[k + len(group)])
        k += len(group)
        tail = _RESPECTIVELY_TAIL.search(group[0].metric) if len(group) >= 2 else None
        items = group[0].metric[:tail.start()].split("、") if tail else []
        if len(items) == 1:
            items = _split_joined(items[0])  # "高新技术企业和科技型企业分别超过90家和870家"
        if tail is None or len(items) != len(group) or any(len(x) < 2 for x in items):
            out.extend(group)
            continue
        noun = ""
        if "的" in items[-1]:
            items[-1], noun = items[-1].rsplit("的", 1)
        lengths = {len(x) for x in items[:-1]}
        if len(lengths) == 1 and min(lengths) <= 4 and len(items[-1]) >= min(lengths) + 2:
            # "城镇、农村居民人均可支配收入": the first items print only what sets them apart, the last the words
            # they share (its own part as long as theirs); "电子信息等行业产值": the kind the list closes is no part
            size = min(lengths)
            shared = re.sub(r"^等[\u4e00-\u9fff]{0,3}?(?:行业|产业|领域)", "", items[-1][size:])
            items = [x + shared for x in items[:-1]] + [items[-1][:size] + shared]
        change = tail["change"] or ""  # "研发投入、专利数量分别增长10%、15%": each metric grows
        group.sort(key=lambda m: m.end)
        out.extend(replace(m, metric=item + noun + change, rule=RULE_SHARED_VALUE)
                   for m, item in zip(group, items, strict=True))
    return out


_FROM_TO = re.compile(
    rf"(?:由|从)(?:(?P<by>(?:19|20)\d{{2}})年(?:底|末)?的?)?(?P<q1>{QUANTITY.pattern.replace('?P<', '?P<a_')})"
    rf"(?P<verb>增加|增长|提高|提升|上升|扩大|下降|降低|减少|缩小|增|降|减)(?:到|至)(?:(?P<ty>(?:19|20)\d{{2}})年(?:底|末)?的?)?"
)


def _from_to(text: str, m: re.Match, s_start: int, default_year: int | None) -> tuple[TargetMention, int] | None:
    """"高新技术企业由1.2万家增加到1.5万家": a target with its baseline. Returns it and where the target number ends."""
    q2 = QUANTITY.match(text, m.end())
    if not q2:
        return None
    base = parse_quantity(m["q1"])
    target = read_quantity(q2)
    if base is None:
        return None
    clause_start = _clause_start(text, s_start, m.start())
    metric, cut = _strip_frame(text[clause_start:m.start()])
    metric = metric.strip(" 、")
    if not metric:
        return None
    base_value = base.value
    if base.unit != target.unit:
        # "由800亿元提高到1千亿元" or a unit left off the first number: compare in base units.
        bv, bu = scaled(base.value, base.unit)
        tv, tu = scaled(1.0, target.unit)
        if bv is None or bu != tu or not tv:
            return None
        base_value = bv / tv
    rising = m["verb"] in ("增加", "增长", "提高", "提升", "上升", "扩大", "增")
    comparator = target.comparator or (">=" if rising else "<=")
    year = int(m["ty"]) if m["ty"] else default_year
    mention = TargetMention(clause_start + cut, q2.end(), metric, target, comparator, year, baseline=base_value,
                       baseline_year=int(m["by"]) if m["by"] else None, rule=RULE_FROM_TO)
    return mention, q2.end()


RULE_SHARED_VALUE = "plankg.targets.shared_value.v1"
# "A合格率和B合格率均达到98%以上": one figure every listed metric reaches.
_EACH = re.compile(r"(?P<metrics>[^,，;；。]+?)(?P<each>(?<!年)均(?!值|衡|匀|等)|都|皆)")  # 年均 is "average"
_CONJUNCTION = re.compile(r"以及|和|与|及")
_METRIC_JOIN = re.compile(rf"、|{_CONJUNCTION.pattern}")
# Another value right after a figure: "分别增长10%和9.5%", "分别达到4.0‰、4.5‰".
_NEXT_VALUE = re.compile(r"\s*(?:以上|左右|以内)?\s*[、和及,，]\s*\d")
# 分别 and the comparator a metric's words may still end with ("…分别超过").
# The change listed metrics share ("工业投资、技改投资同比增长", "A、B分别增长").
_CHANGE_VERBS = ("增长", "增加", "提高", "提升", "下降", "降低")
# 分别 and the change or comparator a metric's words may still end with ("…分别超过", "…分别增长").
_RESPECTIVELY_TAIL = re.compile(rf"分别(?:(?P<change>{lexicon.alternation(_CHANGE_VERBS)})|"
                                rf"{lexicon.alternation(tuple(w for w, _ in _COMPARATOR_WORDS))})?$")
_SHARED_CHANGE = re.compile(rf"(?:同比|年均)?(?:{lexicon.alternation(_CHANGE_VERBS)})$")


def _split_shared(text: str, mention: TargetMention) -> list[TargetMention]:
    """A figure that each of two or three joined metrics reaches ("…合格率和食品抽查合格率均达到98%以上"), as one
    target per metric; any other mention as itself.

    >>> t = "监测合格率和食品抽查合格率均达到98%以上"
    >>> m = TargetMention(0, len(t), "监测合格率和食品抽查合格率", Quantity(98, "%", ">="), ">=", 2025)
    >>> [x.metric for x in _split_shared(t, m)]
    ['监测合格率', '食品抽查合格率']
    >>> t = "固定资产投资、工业投资、服务业投资均增长12%左右"
    >>> m = TargetMention(0, len(t), "固定资产投资、工业投资、服务业投资均增长", Quantity(12, "%", "~"), "~", 2024)
    >>> [x.metric for x in _split_shared(t, m)]
    ['固定资产投资', '工业投资', '服务业投资']
    >>> t = "研发设计工具普及率、关键工序数控化率分别超过93%"
    >>> m = TargetMention(0, len(t), t[:-3], Quantity(93, "%", ">="), ">=", 2025)
    >>> [x.metric for x in _split_shared(t, m)]
    ['研发设计工具普及率', '关键工序数控化率']
    >>> t = "工业投资、技改投资同比增长15%"
    >>> m = TargetMention(0, len(t), "工业投资、技改投资同比增长", Quantity(15, "%", None), ">=", 2023)
    >>> [x.metric for x in _split_shared(t, m)]
    ['工业投资', '技改投资']
    >>> t = "大同、临汾、长治各5家"
    >>> m = TargetMention(0, len(t), "大同、临汾、长治", Quantity(5, "家", None), "=", 2016)
    >>> [x.metric for x in _split_shared(t, m)]
    ['大同', '临汾', '长治']
    """
    if not _METRIC_JOIN.search(mention.metric):
        return [mention]
    at = text.find(mention.metric, mention.start, mention.end)
    if at >= 0 and text.startswith("各", at + len(mention.metric)) and "、" in mention.metric:
        # "大同、临汾、长治各5家": each of the listed places or units reaches the figure
        items = mention.metric.split("、")
        if 2 <= len(items) <= 12 and all(2 <= len(x) <= 8 for x in items):
            out, pos = [], at
            for item in items:
                pos = text.find(item, pos)
                out.append(replace(mention, start=pos, metric=item, rule=RULE_SHARED_VALUE))
                pos += len(item)
            return out
    each = _EACH.match(text, mention.start, mention.end)
    respectively = False
    if each is not None:
        # the metrics before 均 ("固定资产投资、工业投资、服务业投资均增长12%": the verb after 均 is no metric's)
        listed = each.group("metrics") if mention.metric.startswith(each.group("metrics")) else mention.metric
        stop = each.end()
    else:
        # "工业投资、技改投资同比增长15%": without 均, metrics of one kind (the same last two characters) and
        # the change they share
        change = _SHARED_CHANGE.search(mention.metric)
        respectively = "分别" in text[mention.start:mention.end]  # "A、B分别超过93%": one value for each
        if respectively and _NEXT_VALUE.match(text, mention.end):
            return [mention]  # "分别增长10%和9.5%": 分别 pairs each metric with its own value
        tail = _RESPECTIVELY_TAIL.search(mention.metric) if respectively else None
        if (change is None and tail is None) or "等" in mention.metric:
            return [mention]  # a count of a list is its total ("技术中心、设计中心2家")
        cut = tail or change
        assert cut is not None  # one of them matched: the return above
        listed = mention.metric[:cut.start()]
        stop = mention.end
    # a list splits at 、 and at a conjunction between two metrics (及 in 普及率 joins nothing)
    parts = [p for piece in listed.split("、") for p in _split_joined(piece) if p]
    if not 2 <= len(parts) <= 3 or any(len(p) < 3 for p in parts):
        return [mention]
    if each is None and ("、" not in listed or (not respectively and len({p[-2:] for p in parts}) > 1)):
        return [mention]  # without 均 or 分别, metrics of one kind only
    out, pos = [], mention.start
    for part in parts:
        at = text.find(part, pos, stop)
        if at < 0:
            return [mention]
        pos = at + len(part)
        out.append(replace(mention, start=at, metric=part, rule=RULE_SHARED_VALUE))
    return out


def _split_joined(piece: str) -> list[str]:
    """A piece of a metric list cut at 和, 与, 以及 or 及 where both sides are metrics of three characters or more.

    >>> _split_joined("制造业投资和技术改造投资"), _split_joined("研发设计工具普及率")
    (['制造业投资', '技术改造投资'], ['研发设计工具普及率'])
    """
    for m in _CONJUNCTION.finditer(piece):
        left, right = piece[:m.start()], piece[m.end():]
        if len(left) >= 3 and len(right) >= 3 and not _inside_word(piece, m.start(), m.group(0)):
            return [left, *_split_joined(right)]
    return [piece]


def _inside_word(text: str, at: int, conjunction: str) -> bool:
    """Whether the conjunction at text[at] is part of a word (`lexicon.WORDS_WITH_CONJUNCTIONS`: 普及, 参与).

    >>> _inside_word("工具普及率", 3, "及"), _inside_word("投资和技改", 2, "和")
    (True, False)
    """
    for word in lexicon.WORDS_WITH_CONJUNCTIONS:
        k = word.find(conjunction)
        if k >= 0 and at >= k and text.startswith(word, at - k):
            return True
    return False


def _split_range(mention: TargetMention) -> list[TargetMention]:
    q = mention.quantity
    if q.upper is None:
        return [mention]
    low = TargetMention(mention.start, mention.end, mention.metric, Quantity(q.value, q.unit, ">="), ">=",
                   mention.year, rule=RULE_RANGE)
    high = TargetMention(mention.start, mention.end, mention.metric, Quantity(q.upper, q.unit, "<="), "<=",
                    mention.year, rule=RULE_RANGE)
    return [low, high]


def _read_mention(text: str, m: re.Match, s_start: int, s_end: int, prev: TargetMention | None, prev_end: int,
                  block_year: int | None, default_year: int | None) -> TargetMention | None:
    """The target a quantity in the sentence text[s_start:s_end] states, or None when it states none.

    `prev` is the sentence's previous target (ending at `prev_end`): a figure coordinated with it by 、/和
    may share its metric or verb. Steps: is the number a target's figure at all (`_target_quantity`,
    `_in_grant_rule`); what stands before it (`_segment_before`); which metric it measures
    (`_metric_named`, `_clean_metric`); its comparator and year (`_final_comparator`, `_target_year`).
    """
    q = _target_quantity(text, m, s_start, s_end)
    if q is None:
        return None
    clause_start = _clause_start(text, s_start, m.start())
    if _in_grant_rule(text, m, s_start, s_end, clause_start):
        return None
    seg = _segment_before(text, m, clause_start, prev, prev_end)
    named = _metric_named(text, m, s_start, s_end, q, seg, prev, prev_end, clause_start)
    if named is None:
        return None
    metric, metric_start, tail_end, rule = named
    cleaned = _clean_metric(text, metric, metric_start, tail_end, seg.text)
    if cleaned is None:
        return None
    metric, metric_start = cleaned
    q = _counted_unit(metric, q)
    comparator = _final_comparator(text, m, s_start, q, seg.comparator)
    year = _target_year(text, m, s_start, clause_start, seg.inline_year, block_year, default_year)
    return TargetMention(metric_start, tail_end, metric, q, comparator, year, baseline_year=seg.base_year, rule=rule)


def _counted_unit(metric: str, q: Quantity) -> Quantity:
    """A figure printed with only its magnitude ("380万") counts what its metric ends in ("人口": people), in base
    units as a printed unit gives them ("280万人次" is 2,800,000 人次).

    >>> q = Quantity(380.0, "万", None)
    >>> (_counted_unit("中心城区人口", q).value, _counted_unit("中心城区人口", q).unit), _counted_unit("连接数", q).unit
    ((3800000.0, '人'), '万')
    """
    if q.unit not in MAGNITUDES:
        return q
    noun = next((unit for tail, unit in lexicon.COUNTED_METRIC_UNITS if metric.endswith(tail)), None)
    if noun is None:
        return q
    scale = MAGNITUDES[q.unit]
    return replace(q, value=q.value * scale, unit=noun, upper=None if q.upper is None else q.upper * scale)


# What a count of listed works goes on with when the plan aims at their stage: the works, then the stage.
_WORKS_GOAL = re.compile(rf"[^,，。;；:：]{{0,10}}?(?:{lexicon.alternation(lexicon.WORKS_NOUNS)})[^,，。;；:：]{{0,8}}?"
                         rf"(?:{lexicon.alternation(lexicon.WORKS_GOAL_STAGES)})")
# A verb of doing, building or bringing in that opens the clause of a list, a few words of time or manner before it.
_LIST_GOAL_VERB = re.compile(rf"[^、]{{0,8}}?(?:{lexicon.alternation(lexicon.LIST_GOAL_VERBS)})")


def _list_goal(text: str, m: re.Match, s_start: int, s_end: int) -> bool:
    """Whether the count closing a list ("…等6条") is what the plan aims at: a count of works it aims to see
    through a stage ("推动精达铜基电磁线等21个项目开工建设"), or of things a verb opening the list's clause says the
    plan builds, does or brings in ("建成凤林北路东延伸段等6条市政道路", "完成广场南路等5条路雨污分流改造"). A list
    the page has ("拥有之江、西湖等2家省实验室") or had ("已建成…等7个") counts what is there.

    >>> t = ("建成凤林北路东延伸段等6条市政道路;拥有之江、西湖等2家省实验室;已建成甲等3个园区;老旧改造等8项已进场施工;"
    ...      "推动之江、西湖等2家省实验室建设;建成宋闸、曾岗等2个专业村")
    >>> [_list_goal(t, m, 0, len(t)) for m in _quantities(t, 0, len(t))]
    [True, False, False, False, False, True]
    """
    if _WORKS_GOAL.match(text, m.end(), s_end):
        return True
    if m["mag"] or m["unit"] not in lexicon.LIST_COUNT_UNITS:
        return False  # "新开工吉香居等5亿元以上项目": a size the listed projects have, no count of them
    start = _clause_start(text, s_start, m.start())
    verb = _LIST_GOAL_VERB.match(text, start, m.start())
    # the verb opens the clause, before the first item ("其中“新增…”、…等17项超额完成" is a report of items), and
    # is no part of a noun ("实施方案等7个") nor done ("新批准建设了…等8个")
    if verb is None or any(w in text[start:verb.end()] for w in lexicon.HELD_LIST_WORDS + ("“", "《")) \
            or text.startswith(("了", *lexicon.PLAN_NOUNS), verb.end()) \
            or text.startswith(lexicon.LIST_COUNT_NOT_GOALS, m.end()) \
            or any(w in text[m.end():_clause_end(text, m.end(), s_end)] for w in lexicon.HELD_LIST_WORDS):
        return False
    # A count of as many things as the list names only tallies them, a goal where the verb builds or completes
    # them ("建成宋闸、曾岗、徐庄等3个莲藕专业村"), not where it furthers what is there ("推动之江、西湖等2家省
    # 实验室…").
    items = text.count("、", verb.end(), m.start()) + 1
    return verb.group(0).endswith(lexicon.LIST_BUILD_VERBS) or read_quantity(m).value > items


def _target_quantity(text: str, m: re.Match, s_start: int, s_end: int) -> Quantity | None:
    """The quantity of `m` when it may be a target's figure; None for ordinals, codes, counts inside a list,
    numbers inside a short quotation, grants, articles of a policy and small Chinese counts."""
    a_start = m.start("a")
    before = text[max(s_start, m.start() - 1):m.start()]
    after = text[m.end():min(s_end, m.end() + 4)]
    # Ordinals, codes glued to letters ("G60"), a rate's base ("15/10万"), counts inside a list ("拥有…等7家省实验室",
    # "五大产业"), except a list's count the plan aims at ("推动精达铜基电磁线等21个项目开工建设", "建成凤林北路东延伸
    # 段等6条市政道路").
    if (before == "等" and not _list_goal(text, m, s_start, s_end)) or before == "第" \
            or re.match(r"[A-Za-z0-9./]", before or " ") or re.match(r"[A-Za-z]", after or " "):
        return None
    if after.startswith("大") and not _COUNT_BEFORE.search(text, max(s_start, m.end() - 6), m.end()):
        return None  # "五大产业": a number of kinds; "4个大科学装置", "30个以上大型综合体" count things
    if _class_amount(m) and _COUNT_BEFORE.search(text, max(s_start, m.start() - 8), m.start()):
        return None  # "形成6个500亿元重点产业集群": the size of what is counted, a class; the count is the figure
    if _inside_short_quote(text, a_start, s_start):
        return None
    # "打造3个以上的量产机器人产品", "新引进10家左右的知名企业": a bounded count of things before 的 is a target;
    # other figures before 的 are grants or thresholds ("500万元的奖励", "1亿元以上的项目", "20%的企业").
    counted = m["suf"] in ("以上", "多", "余", "左右") and m["unit"] in _COUNTED_THINGS and after.startswith("的")
    if (not counted and _SUBSIDY_AFTER.match(after)) or \
            _SUBSIDY_BEFORE.search(text[max(s_start, m.start() - 4):m.start()]):
        return None
    q = read_quantity(m)
    if q.unit == "岁" and not any(w in text[_clause_start(text, s_start, m.start()):m.start()]
                                 for w in lexicon.AGE_METRIC_WORDS):
        return None  # "60岁以上老年人", "5岁以下儿童死亡率": an age that says whom, not a goal
    if q.unit == "条" and (_POLICY_ARTICLES.search(text[max(s_start, m.start() - 4):m.start()])
                          or _POLICY_ARTICLES.search(text[m.end():min(s_end, m.end() + 4)])):
        return None
    chinese = not m["a"][0].isdigit()
    if chinese and q.value < 10 and not m["mag"] and not m["suf"]:
        return None  # "两个先行", "三张清单": small Chinese counts are names of things, not targets
    return q


def _in_grant_rule(text: str, m: re.Match, s_start: int, s_end: int, clause_start: int) -> bool:
    """A grant rule ("给予最高500万元补助", "按投入的20%给予补助") is not a target."""
    clause_end = m.end()
    while clause_end < s_end and text[clause_end] not in _CLAUSE_SEP + "、":
        clause_end += 1  # "…4万人以上、…": the next coordinated target's words are its own
    before = text[max(s_start, m.start() - 1):m.start()]
    return bool(_SUBSIDY_CLAUSE.search(text, clause_start, clause_end)) or before == "按"


@dataclass(frozen=True)
class _Segment:
    """What stands between the clause's start (or the previous target) and the number, read as a metric."""

    start: int  # where the segment starts, past the conjunction joining it to the previous target
    text: str
    joined: bool  # coordinated with the previous target by 、/和
    metric: str  # framing words, a comparator word, a base year and a year phrase taken off
    metric_start: int
    comparator: str | None
    base_year: int | None  # "比重较2022年提高0.5个百分点": the year a change is measured against
    inline_year: int | None


def _segment_before(text: str, m: re.Match, clause_start: int, prev: TargetMention | None,
                    prev_end: int) -> _Segment:
    """The words before the number: the metric they name, the comparator word and the years they print."""
    joined = prev is not None and prev_end > clause_start  # coordinated with the previous target by 、/和
    seg_start = prev_end if joined else clause_start
    segment = text[seg_start:m.start()]
    if not joined and "“" not in segment and _ends_clause(text[m.end():m.end() + 8]):
        # "体制机制全面优化、工业总产值年均增长20%": goals stated without a figure (a clause of four characters at
        # least) before the one this figure measures; not the items of a list it counts ("维修、改造、升级、补建514个")
        stated = [k for k in range(len(segment)) if segment[k] == "、" and segment.endswith(
            lexicon.STATED_GOAL_ENDINGS, 0, k) and k - segment.rfind("、", 0, k) > 4]
        if stated:
            seg_start, segment = seg_start + stated[-1] + 1, segment[stated[-1] + 1:]
    lead = len(segment) - len(segment.lstrip("、和及与并且以或 "))
    seg_start += lead
    segment = segment[lead:]
    framed, cut = _strip_frame(segment)
    metric_start = seg_start + cut
    metric, comparator = _strip_comparator(framed)
    base_year = None
    rel = _RELATIVE_TO.search(metric)
    if rel:
        # "比重较2022年提高0.5个百分点": a change against a base year, not a figure of that year.
        base_year, metric = year_number(rel["year"]), metric[:rel.start()].rstrip()
        if rel["verb"] and comparator in (None, "="):
            comparator = "<=" if _DECREASE.search(rel["verb"]) else ">="
    on_base = _ON_BASE_YEAR.search(metric)
    if on_base:
        # "在2020年的基础上单位建筑面积能耗下降5%": the base's year, not the figure's; no word of the metric
        base_year = base_year or year_number(on_base["year"])
        metric = (metric[:on_base.start()] + metric[on_base.end():]).strip()
    inline_year = None
    ym = _YEAR_PHRASE.search(metric)
    if ym:
        inline_year = year_number(ym["year"])
        metric = (metric[:ym.start()] + metric[ym.end():]).strip()
    return _Segment(seg_start, segment, joined, metric, metric_start, comparator, base_year, inline_year)


def _metric_named(text: str, m: re.Match, s_start: int, s_end: int, q: Quantity, seg: _Segment,
                  prev: TargetMention | None, prev_end: int, clause_start: int
                  ) -> tuple[str, int, int, str] | None:
    """The metric the number measures: (metric, where it starts, where the mention ends, rule), or None.

    Before the number, or the noun phrase after it when it stands before the noun it counts; the
    subject of the clause before when that one only says it grows; the previous target's metric for a
    second tier or a continuation ("累计", "占…").
    """
    metric, metric_start, rule, tail_end = seg.metric, seg.metric_start, RULE_PROSE, m.end()
    before = text[max(s_start, m.start() - 1):m.start()]
    chinese = not m["a"][0].isdigit()
    key = _field_key(text, s_start, clause_start) if not metric and seg.comparator is None else None
    if key is not None and (_ends_clause(text[m.end():s_end]) or _FIELD_AFTER.match(text, m.end(), s_end)):
        # "投资:500万元 实施单位:…": the figure is the value of a field the line names, the next field aside.
        return key[0], key[1], tail_end, rule
    if not _ends_clause(text[m.end():s_end]):
        # The number stands before the noun it counts: "推动100项以上标志性科技成果转化".
        # "打造3个以上的量产人形机器人产品": the bounded count counts the noun after 的 (`_target_quantity`).
        following = _following_metric(text, m.end() + 1 if text.startswith("的", m.end()) else m.end(), s_end)
        if not following or (chinese and q.value < 10) or before == "的":
            return None
        metric, rule = following, RULE_PRENOMINAL
        metric_start = seg.start if seg.start < m.start() else m.start()
        tail_end = text.index(following, m.end()) + len(following)
    elif not metric and prev is not None and _stretch_tier(text, prev, clause_start, seg, q):
        # "增长6%,力争7%": the clause after a target only raises its figure, a second tier of its metric.
        metric, rule, metric_start = prev.metric, RULE_TWO_TIER, seg.start
    elif not metric and prev is not None and text[prev.end:clause_start].strip() in (",", "，") \
            and seg.text.strip() in ("", "约", "近", "逾"):
        # "改造项目50个,约605万平方米": a clause of only a figure measures the same subject another way.
        metric, metric_start = prev.metric, seg.start
    elif not metric and prev is not None and text[prev.end:clause_start].strip() in (",", "，") \
            and (seg.comparator not in (None, "=") or seg.base_year is not None) \
            and (level := _changed_metric(prev.metric)):
        # "浓度降低25%,达到53微克/立方米", "…控制在46微克/立方米以内,较2017年下降6.5%": the clause after a target
        # only gives the level its change reaches, or its change against a base year.
        metric, metric_start = level, seg.start
    elif not metric and (prev is None or prev.end <= clause_start):
        # "高新技术企业数量增加一倍,达到2000家": the clause before names what reaches the figure.
        metric = _preceding_subject(text, s_start, clause_start)
        if not metric:
            return None
        metric_start = text.rfind(metric, s_start, clause_start)
    elif not metric:
        # "达到A、争取达到B": the same metric with a second, higher tier.
        assert prev is not None  # a first figure without a metric returned above
        metric = prev.metric
        rule = RULE_TWO_TIER if _ASPIRATION.search(seg.text) else RULE_PROSE
        metric_start = seg.start
    elif prev is not None and _CONTINUATION.fullmatch(metric):
        # "新增企业1200家,累计达到2500家": the aspect continues the previous metric's subject.
        metric = _COUNT_VERB.sub("", prev.metric) + metric
    elif metric.startswith("占") and prev is not None:
        subject = _SCOPE.sub("", prev.metric.split("占")[0])
        metric = subject + metric
    elif seg.joined and prev is not None and not _COUNT_VERB.match(metric):
        verb = _COUNT_VERB.match(prev.metric)
        if verb and text[prev_end:seg.start].strip() in ("、", ""):
            metric = verb.group(0) + metric
    return metric, metric_start, tail_end, rule


# A field of a record line: its name and colon ("投资:", "总投资:"), after the line's start, a space or a comma.
_FIELD_KEY = re.compile(r"(?:^|(?<=[\s,，;；]))(?P<key>[\u4e00-\u9fff]{2,8})[:：]\s*$")
# What may follow a field's value: an aside in brackets, then the next field ("(少数民族发展资金)实施单位:").
_FIELD_AFTER = re.compile(r"\s*(?:[(（][^()（）]{1,16}[)）])?\s*[\u4e00-\u9fff]{2,8}[:：]")


def _field_key(text: str, s_start: int, clause_start: int) -> tuple[str, int] | None:
    """The field a clause opened by a colon is the value of ("投资:500万元" -> 投资), with where it starts; None
    when the colon follows no field name (a sentence, a heading) or names what a figure never measures.

    >>> t = "5.饲料加工基地扩建项目\\n投资:167万元(少数民族发展资金)实施单位:王家乡人民政府"
    >>> _field_key(t, t.index("投资"), t.index("167"))
    ('投资', 13)
    >>> _field_key("监督电话:12317", 0, 5) is None, _field_key("主要目标如下:100家", 0, 7) is None
    (True, True)
    """
    if clause_start <= s_start or text[clause_start - 1] not in ":：":
        return None
    m = _FIELD_KEY.search(text, max(s_start, clause_start - 12), clause_start)
    if m is None or lexicon.is_meta_key(m["key"]) or m["key"].endswith(lexicon.NON_METRIC_FIELD_ENDS):
        return None
    return m["key"], m.start("key")


def _stretch_tier(text: str, prev: TargetMention, clause_start: int, seg: _Segment, q: Quantity) -> bool:
    """Whether a clause of only an aspiration and a figure ("力争7%") raises the figure of the target that ends
    right before it, in the same unit.

    >>> t = "地区生产总值增长6%,力争7%"
    >>> prev = TargetMention(0, 10, "地区生产总值增长", Quantity(6, "%", None), "=", 2024)
    >>> seg = _Segment(11, "力争", False, "", 13, ">=", None, None)
    >>> [_stretch_tier(t, prev, 11, seg, Quantity(7, unit, None)) for unit in ("%", "亿元")]
    [True, False]
    """
    return (text[prev.end:clause_start].strip() in (",", "，") and _ASPIRATION.match(seg.text.strip()) is not None
            and prev.quantity.unit == q.unit)


def _clean_metric(text: str, metric: str, metric_start: int, tail_end: int, segment: str = ""
                  ) -> tuple[str, int] | None:
    """The metric without an earlier comparison, stray quotation marks and edge punctuation, and where it
    starts; None when what is left names no indicator (too long, no Chinese, a budget line)."""
    # "增速高于平均增速、入板企业达30家": an earlier comparison in the clause is not part of the metric.
    cmp_cut = re.search(r"(?:高于|低于|快于|慢于|优于|领先于|位居)[^、]*、", metric)
    if cmp_cut:
        metric = metric[cmp_cut.end():]
        metric_start = max(metric_start, text.find(metric, metric_start))
    metric = _balance_quotes(metric.strip(" 、,，:："))
    # a list of metrics paired with as many figures ("A、B、…的比例分别不低于…") is cut into its metrics later
    if not metric or len(metric) > (80 if _RESPECTIVELY_TAIL.search(metric) else 40) or \
            not (re.search(r"[\u4e00-\u9fff]", metric) or metric.upper() in lexicon.LATIN_INDICATORS):
        return None  # (an indicator by its Latin name alone is one: "GDP突破百亿元")
    budget = _BUDGET.search(metric) is not None and not _ATTRACTED.search(metric)
    if budget or _PROJECT_INVESTMENT.match(metric) or (
            _INVESTED.match(metric) and not _PLANNED.search(segment)):
        return None  # "支持高校建设资金54.2亿元": a budget line the plan allocates, not a level it aims at
    if text[metric_start] in "“\"" and text.find("”", metric_start, tail_end) < 0:
        metric_start += 1  # a quotation opened before the clause and closed after it
    return metric, metric_start


def _final_comparator(text: str, m: re.Match, s_start: int, q: Quantity, comparator: str | None) -> str:
    """The number's own affix decides, else the word before it; a bare figure the sentence aims at is ">="."""
    if q.comparator:
        comparator = q.comparator
    if comparator in (None, "="):
        comparator = ">=" if _ASPIRATION.search(text[s_start:m.start()]) else (comparator or "=")
    return comparator


def _target_year(text: str, m: re.Match, s_start: int, clause_start: int, inline_year: int | None,
                 block_year: int | None, default_year: int | None) -> int | None:
    """The year the figure is for: printed with the metric, before it in the sentence, the block's or the plan's;
    none for a level set for every year."""
    year = inline_year or _year_before(text, s_start, m.start())
    if year is None and _RECURRING.search(text, clause_start, m.start()):
        return None  # "每年组织实施项目30项以上": a level for every year, not for the plan's last one
    return year or block_year or default_year


_CHANGE_TAIL = re.compile(r"(?:增加|增长|提高|提升|扩大|翻)(?:了)?(?:一倍|一番|两番|\d+倍|[一二三四五两]倍)?$")


_CHANGE_VERB_TAIL = re.compile(rf"(?:同比|年均)?(?:{lexicon.alternation(_CHANGE_VERBS + ('减少',))})$")
_ON_BASE = re.compile(r"在[^在]{0,24}?(?:的)?基础上$")


def _changed_metric(metric: str) -> str:
    """What a target's metric measures, past the change it states and the base it starts from: the metric a
    clause of only a figure after it gives the level of.

    >>> _changed_metric("PM2.5年均浓度在2015年70微克/立方米的基础上降低"), _changed_metric("地区生产总值增长")
    ('PM2.5年均浓度', '地区生产总值')
    >>> _changed_metric("PM2.5年均浓度")
    'PM2.5年均浓度'
    """
    level = _CHANGE_VERB_TAIL.sub("", metric)
    level = _ON_BASE.sub("", level).strip()
    return level if len(level) >= 2 else ""


def _preceding_subject(text: str, s_start: int, clause_start: int) -> str:
    """The subject of the clause before `clause_start` when that clause only says it doubles or grows.

    >>> t = "高新技术企业数量增加一倍,达到2000家"
    >>> _preceding_subject(t, 0, t.index("达到"))
    '高新技术企业数量'
    >>> t = "实现旅游综合收入在2015年旅游综合收入248.49亿元的基础上翻一番,达到500亿元"
    >>> _preceding_subject(t, 0, t.index("达到"))
    '旅游综合收入'
    """
    end = clause_start - 1
    while end > s_start and text[end - 1] in " ":
        end -= 1
    if end <= s_start or text[end] not in _CLAUSE_SEP:
        return ""
    start = end
    while start > s_start and text[start - 1] not in _CLAUSE_SEP + "。":
        start -= 1
    clause = text[start:end].strip()
    m = _CHANGE_TAIL.search(clause)
    if m is None:
        return ""
    # "实现旅游综合收入在2015年248.49亿元的基础上翻一番": the base it doubles from and the verb before it aside
    subject = _ON_BASE.sub("", clause[:m.start()]).strip()
    subject = subject[len(opener[0]):] if (opener := _SUBJECT_OPENER.match(subject)) else subject
    return subject if 2 <= len(subject) <= 30 and not QUANTITY.search(subject) else ""


_SUBJECT_OPENER = re.compile(lexicon.alternation(lexicon.GOAL_OPENING_VERBS))


def _balance_quotes(metric: str) -> str:
    """Drop a quotation mark left open or closed by the clause cut.

    >>> _balance_quotes("“专精特新”板企业"), _balance_quotes("“全市财政支出"), _balance_quotes("投入”要求")
    ('“专精特新”板企业', '全市财政支出', '投入要求')
    """
    if metric.count("“") > metric.count("”"):
        i = metric.rfind("“")
        metric = metric[:i] + metric[i + 1:]
    while metric.count("”") > metric.count("“"):
        i = metric.find("”")
        metric = metric[:i] + metric[i + 1:]
    return metric


def _ends_clause(rest: str) -> bool:
    """True when nothing but punctuation, a coordinated item or a bracket follows the quantity."""
    rest = rest.lstrip(" ")
    aside = re.match(r"[(（][^()（）]{1,8}[)）]", rest)
    if aside:  # "30个(名)": a bracketed alternative unit
        rest = rest[aside.end():]
    return (not rest or rest[0] in _CLAUSE_SEP + "、。)）”和及" or rest.startswith(("其中", "的目标", "左右"))
            or rest[0] == "." and (len(rest) == 1 or rest[1].isspace()))


def _class_amount(m: re.Match) -> bool:
    """Whether a quantity is an amount of money ("500亿元", "10亿元以上"): a size a class of things is named by."""
    return m["unit"] in MONEY_UNITS or (m["mag"] in ("亿", "万亿") and not m["unit"])


# A count, its unit and its hedge, right before what it counts: "6个" in "6个500亿元重点产业集群", "40户" in
# "40户10亿元以上企业", "30个以上" in "30个以上大型综合体".
_COUNT_BEFORE = re.compile(rf"\d+(?:{lexicon.alternation(lexicon.LIST_COUNT_UNITS)})(?:以上|左右|多)?$")


# What opens the next item of a list after a counted noun: a verb, or a count of its own ("一批", "5个").
_NEXT_ITEM = re.compile(rf"(?:{lexicon.alternation(lexicon.LIST_GOAL_VERBS)})|一批|一系列|\d")


def _following_metric(text: str, pos: int, end: int) -> str:
    """The noun phrase a pre-nominal number counts: up to the clause end or the next number (an amount of money
    right after the count is the class counted: "6个500亿元重点产业集群").

    >>> _following_metric("形成6个500亿元重点产业集群。", 4, 17)
    '500亿元重点产业集群'
    >>> t = "建成4个大科学装置、策划新建4个大科学装置,30个综合体和一批夜消费项目"
    >>> _following_metric(t, 4, len(t)), _following_metric(t, t.index("综合体"), len(t))
    ('大科学装置', '综合体')
    """
    stop = pos
    amount = QUANTITY.match(text, pos)
    if amount is not None and _class_amount(amount):
        stop = amount.end()
    while stop < end and text[stop] not in _CLAUSE_SEP + "。":
        if QUANTITY.match(text, stop) and stop > pos:
            break
        if text[stop] in "、和" and stop - pos >= 3 and _NEXT_ITEM.match(text, stop + 1):
            break  # "4个大科学装置、策划新建…", "30个综合体和一批…项目": the next item of the list
        stop += 1
    phrase = text[pos:stop].strip()
    if not phrase or phrase.startswith(("的", "等", "以", "用于", "用在", "来自", "由", "是", "为")):
        return ""
    if phrase.startswith("大") and not _COUNT_BEFORE.search(text, max(0, pos - 4), pos):
        return ""  # "三大产业": a number of kinds, no count; "4个大科学装置", "30个以上大型综合体" count
    return phrase


# --------------------------------------------------------------------------- tables


def _cell_spans(text: str, block) -> list[tuple[int, int]]:
    if block.cell_starts and len(block.cell_starts) == len(block.cells):
        return [(a, a + len(c)) for a, c in zip(block.cell_starts, block.cells, strict=True)]
    spans, cursor = [], block.start
    for cell in block.cells:
        at = text.find(cell, cursor, block.end)
        if at < 0:
            spans.append((block.start, block.end))
            continue
        spans.append((at, at + len(cell)))
        cursor = at + len(cell)
    return spans


def _cell_pattern(units: tuple[str, ...], unit_required: bool) -> re.Pattern[str]:
    """A table cell's figure: comparator, number, magnitude, one of `units` (per something), qualifier."""
    unit = rf"(?P<unit>{'|'.join(map(re.escape, units))})" + ("" if unit_required else "?")
    return re.compile(rf"^(?P<cmp>≥|>=|>|≤|<=|<|约|不低于|不少于|不超过)?\s*(?P<num>{NUMERAL})\s*"
                      rf"(?P<mag>万亿|亿|万)?{unit}(?P<per>/[\u4e00-\u9fff]{{1,2}})?\s*(?P<suf>以上|以下|左右|以内)?$")


_CELL_VALUE = _cell_pattern(UNITS, unit_required=False)
_CELL_DURATION = _cell_pattern((DURATION_UNIT,), unit_required=True)  # "12.3年以上", where years are measured
# A unit cell: a unit, or a rate per so many ("1/10万": per 100,000).
_UNIT_CELL = re.compile(rf"^(?:(?:万亿|亿|万|千)?(?:{'|'.join(map(re.escape, UNITS))})(?:/\S+)?|1?/\d*[十百千万]+)$")


def _cell_value(cell: str, duration: bool = False) -> tuple[float, str | None, str | None] | None:
    """A table cell read as (value, unit, comparator); in years too when the indicator measures a duration.

    >>> _cell_value("1.5"), _cell_value("≥60"), _cell_value("15.5万件"), _cell_value("12.3年以上", duration=True)
    ((1.5, None, None), (60.0, None, '>='), (155000.0, '件', None), (12.3, '年', '>='))
    >>> _cell_value("5.5万元/人")
    (5.5, '万元/人', None)
    """
    cell = cell.replace(" ", "")
    m = _CELL_VALUE.match(cell)
    if not m and duration:
        m = _CELL_DURATION.match(cell)
    if not m:
        return None
    value = cn_to_number(m["num"])
    unit = m["unit"]
    if unit and m["per"]:
        unit += m["per"]  # "5.5万元/人": a rate per person
    if m["mag"]:
        if unit is not None and unit.split("/")[0] in MONEY_UNITS:
            unit = m["mag"] + unit
        else:
            for ch in m["mag"]:
                value *= MAGNITUDES[ch]
    comparator = {"≥": ">=", ">=": ">=", ">": ">", "≤": "<=", "<=": "<=", "<": "<", "约": "~", "不低于": ">=",
                  "不少于": ">=", "不超过": "<="}.get(m["cmp"] or "")
    if m["suf"]:
        comparator = SUFFIX_COMPARATOR[m["suf"]]
    return value, unit, comparator


# The unit an indicator naturally has when its table row leaves the unit cell out.
_NATURAL_UNITS: tuple[tuple[re.Pattern[str], str | None], ...] = (
    (re.compile(r"(?<![占重例])比$"), None),  # "出生人口性别比": a ratio of two counts has no unit
    (re.compile(r"比重|比例|占比|率|增速|强度|增幅"), "%"),
    (re.compile(r"专利|商标|案件"), "件"),
    (re.compile(r"企业|机构|空间|孵化器|实验室|平台|园区|基地|中心|医院|学校"), "家"),
    (re.compile(r"人才|博士|院士|专家|工程师"), "名"),
    (re.compile(r"人员|人数|人口|人次"), "人"),
    (re.compile(r"项目|成果|标准"), "项"),
    (re.compile(r"团队"), "个"),
)


def natural_unit(metric: str) -> str | None:
    """The unit an indicator is counted in when the table does not print it.

    >>> natural_unit("国家高新技术企业数量"), natural_unit("引进培育海内外高层次人才"), natural_unit("GDP")
    ('家', '名', None)
    >>> natural_unit("出生人口性别比"), natural_unit("研发人员占比")
    (None, '%')
    """
    for pattern, unit in _NATURAL_UNITS:
        if pattern.search(metric):
            return unit
    return None


# A column named by a year printed with two digits ("08年高新技术产业产值(万元)", "09年…").
_SHORT_YEAR_HEADER = re.compile(r"^(\d{2})年(?!\d)")


def _label_year(label: str) -> int | None:
    """The year a column's label names, printed with four digits or two.

    >>> _label_year("2025年目标"), _label_year("09年产值(万元)"), _label_year("产值增幅")
    (2025, 2009, None)
    """
    ym = re.search(r"((?:19|20)\d{2})", label) or _SHORT_YEAR_HEADER.match(label)
    if ym is None:
        return None
    return int(ym.group(1)) if len(ym.group(1)) == 4 else 2000 + int(ym.group(1))


def _header_years(header: Sequence[str], ctx) -> tuple[int | None, int | None, bool]:
    """(baseline year, target year, has a baseline column) from an indicator table's column names.

    >>> _header_years(["县市区", "08年产值(万元)", "09年产值(万元)", "产值增幅"], None)
    (None, 2009, False)
    """
    base_year = target_year = None
    has_base = False
    for h in header:
        year = _label_year(h)
        if _BASE_HEADER.search(h):
            has_base = True
            if year:
                base_year = year
        elif year and (_TARGET_HEADER.search(h) or "年" in h):
            if ctx is not None and ctx.period and year < ctx.period[0] and not _TARGET_HEADER.search(h):
                has_base, base_year = True, year
            else:
                target_year = max(target_year or 0, year)
    if target_year is None and ctx is not None:
        target_year = (ctx.period[1] if ctx.period else None) or ctx.plan_year
    return base_year, target_year, has_base


def _name_column(header: Sequence[str], cells: Sequence[str], first: int) -> int:
    """The column holding the indicator's name: the 指标 column when a category column
    (类别, 领域 …, its merged cells often left blank) stands before it, else `first`.

    >>> _name_column(["类别", "指标", "单位", "2025年"], ["", "研发投入强度", "%", "3"], 0)
    1
    >>> _name_column(["序号", "指标名称", "单位", "2025年"], ["1", "研发投入强度", "%", "3"], 1)
    1
    >>> _name_column(["类别", "序号", "指标名称", "2025年"], ["生态建设", "1", "森林覆盖率(%)", "46.3"], 0)
    2
    """
    if len(header) != len(cells):
        return first
    for i, h in enumerate(header):
        if i >= first and _INDICATOR_HEADER.search(h) and not _CATEGORY_HEADER.search(h):
            # "类别 | 序号 | 指标名称": the row's number stands between the category and the name
            return i if all(_cell_value(c) is None or header[k].replace(" ", "") in ("序号", "编号")
                            for k, c in enumerate(cells[first:i], first)) else first
    return first


def _year_columns(header: Sequence[str]) -> list[tuple[int, int]]:
    """(column, year) of the columns an indicator table names by a year alone ("2022年", "2025年目标").

    >>> _year_columns(["序号", "指标", "单位", "2022年", "2025年", "2027年", "牵头单位"])
    [(3, 2022), (4, 2025), (5, 2027)]
    """
    out = []
    for i, h in enumerate(header):
        m = re.fullmatch(lexicon.YEAR_COLUMN, h.replace(" ", ""))
        if m:
            out.append((i, int(m.group(1))))
    return out


def _year_column_mentions(text: str, block, name: str, name_span: tuple[int, int], unit: str | None,
                          years: list[tuple[int, int]]) -> list[TargetMention]:
    """One target per later year column of a row ("2022年 | 2025年 | 2027年": the first year is the
    baseline, each later one a target of its year)."""
    cells, spans = list(block.cells), _cell_spans(text, block)
    base_value = _cell_value(cells[years[0][0]].replace(" ", "")) if years[0][0] < len(cells) else None
    base_year = years[0][1]
    out = []
    for col, year in years[1:]:
        found = _cell_value(cells[col].replace(" ", "")) if col < len(cells) else None
        if found is None:
            continue
        value, cell_unit, comparator = found
        comparator = comparator or ("<=" if _DECREASE.search(name) else ">=")
        q = Quantity(value, cell_unit or unit or "", comparator)
        out.append(TargetMention(spans[col][0], spans[col][1], name, q, comparator, year,
                                 baseline=base_value[0] if base_value else None,
                                 baseline_year=base_year if base_value else None,
                                 rule=RULE_TABLE, unit_pending=not (cell_unit or unit)))
    return out


def _table_mentions(text: str, block, ctx) -> list[TargetMention]:
    """A target from one indicator-table row (its unit may wait for the document's prose); one per
    target year where the table has a column per year."""
    cells = list(block.cells)
    spans = _cell_spans(text, block)
    header = list(block.header)
    first = 1 if cells and re.fullmatch(r"\d{1,3}", cells[0]) else 0
    first = _name_column(header, cells, first)
    if len(cells) < first + 2:
        return []
    years = _year_columns(header)
    if len(years) >= 3 and len(cells) == len(header) and not _BASE_HEADER.search("".join(header)):
        # a baseline year and two target years or more: each target year its own target
        name = cells[first]
        unit_col = next((i for i, h in enumerate(header) if h.replace(" ", "") in lexicon.MEASURE_HEADERS), None)
        unit = cells[unit_col].replace(" ", "") if unit_col is not None else None
        # the 单位 column holds the unit, whether the unit list knows it ("%") or not ("岁")
        unit = unit if unit and (_UNIT_CELL.match(unit) or (len(unit) <= 6 and not re.search(r"\d", unit))) else None
        if _cell_value(name) is None and len(name) >= 2:
            return _year_column_mentions(text, block, name, spans[first], unit, years)
    name, name_span = cells[first], spans[first]
    if _cell_value(name) is not None or len(name) < 2:
        return []
    if first > 0 and _CATEGORY_HEADER.search(header[first - 1]) and cells[first - 1] \
            and re.fullmatch(r"[\u4e00-\u9fff]{2,3}", name):
        # "其中:小学" under "义务教育标准班额比例": a part named alone measures its group's indicator
        name = re.sub(r"[(（][^()（）]*[)）]$", "", cells[first - 1]) + name
    unit_in_name = None
    duration = _DURATION_METRIC.search(name) is not None  # "平均受教育年限(年)": its figures are in years
    um = re.search(r"[(（]([^()（）]{1,6})[)）]$", name)
    if um and (_UNIT_CELL.match(um.group(1)) or (duration and um.group(1) == DURATION_UNIT)):
        # "R&D经费支出占GDP比重(%)": the unit printed with the indicator's name.
        unit_in_name, name = um.group(1), name[:um.start()]
    base_year, target_year, has_base = _header_years(header, ctx)
    # (a row may leave out its last cells, those of a merged column after the figures)
    spanned = [c for c in _spanned_target_columns(tuple(header)) if c[0] < len(cells)] \
        if len(cells) <= len(header) else []
    if len(spanned) >= 2:
        return _spanned_mentions(cells, spans, name, name_span, first, spanned, target_year, duration)
    unit = None
    slots: list[str] = []
    for i, cell in enumerate(cells[first + 1:]):
        c = cell.replace(" ", "")
        if i == 0 and _UNIT_CELL.match(c):
            unit = c
            continue
        if lexicon.INDICATOR_KIND.fullmatch(c):
            continue
        if _EMPTY_CELL.match(c) or _cell_value(c, duration) is not None:
            slots.append(c)
    values = [None if _EMPTY_CELL.match(s) else _cell_value(s, duration) for s in slots]
    if has_base and len(values) >= 2:
        base, target = values[0], values[1]
    elif values:
        base, target = None, values[0]
    else:
        return []
    if target is None:
        return []
    value, cell_unit, comparator = target
    unit = cell_unit or unit or unit_in_name
    if comparator is None:
        comparator = "<=" if _DECREASE.search(name) else ">="
    q = Quantity(value, unit or "", comparator)
    return [TargetMention(name_span[0], name_span[1], name, q, comparator, target_year,
                          baseline=base[0] if base else None, baseline_year=base_year if base else None,
                          rule=RULE_TABLE, unit_pending=unit is None)]


_SUB_LABEL = re.compile(lexicon.alternation(lexicon.SUB_HEADER_WORDS))
_GROWTH_LABEL = re.compile(lexicon.alternation(lexicon.GROWTH_WORDS))


@lru_cache(maxsize=64)
def _spanned_target_columns(header: tuple[str, ...]) -> tuple[tuple[int, bool], ...]:
    """The columns of the target group of a header whose figures a second row split ("2022年计划绝对值",
    "2022年计划增长%"; see `structure._spanned_header`): (column, whether it holds a growth rate); empty when the
    header has no such group.

    >>> _spanned_target_columns(("指标名称", "单位", "2021年完成绝对值", "2021年完成增长%", "2022年计划绝对值",
    ...                          "2022年计划增长%", "责任部门"))
    ((4, False), (5, True))
    """
    out = []
    for k, h in enumerate(header):
        h = h.replace(" ", "")
        sub = _SUB_LABEL.search(h)
        if sub and sub.start() > 0 and _TARGET_HEADER.search(h[:sub.start()]):
            out.append((k, bool(_GROWTH_LABEL.match(h, sub.start()))))
    return tuple(out) if len(out) >= 2 else ()


def _spanned_mentions(cells: Sequence[str], spans: Sequence[tuple[int, int]], name: str,
                      name_span: tuple[int, int], first: int, columns: list[tuple[int, bool]],
                      year: int | None, duration: bool) -> list[TargetMention]:
    """The targets of one row in the target group's columns: its figure in the row's unit, its growth in %."""
    unit_cell = cells[first + 1].replace(" ", "") if first + 1 < len(cells) else ""
    unit = unit_cell if _UNIT_CELL.match(unit_cell) else None
    out = []
    for k, growth in columns:
        read = _cell_value(cells[k].replace(" ", ""), duration)
        if read is None:
            continue
        value, cell_unit, comparator = read
        metric = name if not growth or name.endswith(lexicon.GROWTH_WORDS) else name + "增长"
        u = "%" if growth else (cell_unit or unit)
        comparator = comparator or ("<=" if _DECREASE.search(metric) else ">=")
        q = Quantity(value, u or "", comparator)
        out.append(TargetMention(name_span[0], name_span[1], metric, q, comparator, year, rule=RULE_TABLE,
                                 unit_pending=not u))
    return out


def complete_table_units(table: list[TargetMention], prose: list[TargetMention]) -> list[TargetMention]:
    """Give each table target without a printed unit the unit of a sentence stating the same value
    (the first such sentence in the document), else the unit its metric is naturally counted in."""
    out = []
    for t in table:
        if t.unit_pending:
            unit = _unit_from_prose(t.metric, t.quantity.value, prose) or natural_unit(t.metric)
            q = Quantity(t.quantity.value, unit or "", t.quantity.comparator)
            t = TargetMention(t.start, t.end, t.metric, q, t.comparator, t.year, baseline=t.baseline,
                              baseline_year=t.baseline_year, rule=t.rule)
        out.append(t)
    return out


def _unit_from_prose(metric: str, value: float, prose: list[TargetMention]) -> str | None:
    for p in prose:
        if abs(p.quantity.value - value) < 1e-9 and similar_metric(p.metric, metric):
            return p.quantity.unit
    return None


# --------------------------------------------------------------------------- driver


def _heading_texts(blocks: Sequence) -> dict[str, str]:
    return {b.ref: b.text for b in blocks if b.kind == "heading" and b.ref}


def _in_context_section(block, headings: dict[str, str]) -> bool:
    """True when the block sits under a heading about the past or the setting (发展基础, 机遇与挑战)."""
    ref = block.section or ""
    parts = ref.split(".")
    for i in range(1, len(parts) + 1):
        title = headings.get(".".join(parts[:i]), "")
        # Only the heading's own words: a heading line running on into its body ("(一)总体要求:…以优异成绩庆祝…")
        # speaks of the past no more than any sentence does.
        if _CONTEXT_HEADING.search(re.split(r"[:：,，。;；]", title, maxsplit=1)[0][:30]):
            return True
    return False


def _heading_year(block, headings: dict[str, str]) -> int | None:
    ref = block.section or ""
    parts = ref.split(".")
    for i in range(len(parts), 0, -1):
        title = headings.get(".".join(parts[:i]), "")
        ym = _YEAR_PHRASE.search(title)
        if ym:
            return year_number(ym["year"])
    return None


def _indicator_row(block) -> bool:
    """A row that reads as indicator, (unit,) numbers: some cell after the name is a bare value, or a
    value in a column of quantities."""
    duration = any(_DURATION_METRIC.search(c) for c in block.cells[:3])
    # the cells after the name's (the second on: a row without a number column, "指标 | 2022年目标值 | 属性")
    after = 2 if len(block.header) > 1 and _INDICATOR_HEADER.search(block.header[1]) else 1
    if any(_cell_value(c.replace(" ", ""), duration) is not None for c in block.cells[after:]):
        return True
    return any(_cell_value(block.cells[i].replace(" ", "")) is not None
               for i in _quantity_columns(block.header) if i < len(block.cells))


def _is_indicator_table(block) -> bool:
    if any("项目" in h for h in block.header):
        return False  # a project table: its investment columns are no goals
    # (its labels may be spaced out: "指 标 名 称")
    return any(_INDICATOR_HEADER.search(h.replace(" ", "")) for h in block.header) \
        or bool(_quantity_columns(block.header))


def _quantity_columns(header: Sequence[str]) -> dict[int, tuple[str, str]]:
    """Columns whose name ends in the unit of their values ("新种任务(亩)"): index -> (label, unit).

    >>> _quantity_columns(["乡镇", "新种任务(亩)", "备注"])
    {1: ('新种任务', '亩')}
    """
    return {i: lu for i, h in enumerate(header) if (lu := unit_of_label(h.replace(" ", ""))) is not None}


_GROWTH_COLUMN = re.compile(rf"(?:{lexicon.alternation(lexicon.GROWTH_WORDS)})$")


def _quota_mentions(text: str, block, ctx) -> list[TargetMention]:
    """A quota table's row ("长安镇 | 2150" under "乡镇 | 新种任务(亩)"): one target per column of
    quantities, the row's name in its metric ("新种任务(长安镇)"), the column's unit."""
    cells, spans = list(block.cells), _cell_spans(text, block)
    first = 1 if cells and re.fullmatch(r"\d{1,3}", cells[0]) else 0
    if len(cells) <= first:
        return []
    name = cells[first].strip()
    if not 2 <= len(name) <= 20 or _cell_value(name.replace(" ", "")) is not None:
        return []
    _, target_year, _ = _header_years(block.header, ctx)
    out = []
    by_unit = _quantity_columns(block.header)
    columns = dict(by_unit)
    for col, h in enumerate(block.header):
        if col not in columns and _GROWTH_COLUMN.search(h.replace(" ", "")):
            columns[col] = (h.replace(" ", ""), "%")  # "高新技术产业产值增幅" over "22%": a growth rate per row
    for col, (label, unit) in sorted(columns.items()):
        year = _label_year(label)
        if _BASE_HEADER.search(label) or (year is not None and target_year is not None and year < target_year):
            continue  # "08年产值(万元)" beside "09年产值(万元)": the year before, a baseline
        found = _cell_value(cells[col].replace(" ", "")) if first < col < len(cells) else None
        if found is None or (col not in by_unit and found[1] not in ("%", None)):
            continue  # a growth column holds rates
        value, cell_unit, comparator = found
        q = Quantity(value, cell_unit or unit, comparator or "=")
        out.append(TargetMention(spans[first][0], spans[col][1], f"{label}({name})", q, comparator or "=",
                                 target_year, rule=RULE_TABLE))
    return out


@dataclass(frozen=True)
class TargetFrame:
    """What reading one block for targets needs to know about the whole document."""

    ctx: DocContext | None  # period and plan year, for the years of indicator-table columns
    default_year: int | None
    period_start: int | None
    headings: dict[str, str]  # heading ref -> its text
    numbered: dict[str, str]  # ref of every numbered unit -> its text
    # the lines of an indicator table printed without its header: line start -> its target
    bare_rows: Mapping[int, TargetMention] = field(default_factory=dict)


def target_frame(blocks: Sequence, ctx: DocContext | None) -> TargetFrame:
    """The document-level facts `block_targets` reads: the default year, the period, the headings."""
    period = getattr(ctx, "period", None) if ctx is not None else None
    plan_year = getattr(ctx, "plan_year", None) if ctx is not None else None
    default_year = plan_year or (period[1] if period else None)
    title = getattr(ctx, "title", None) if ctx is not None else None
    if default_year is None and title:
        # "宁波市2023年科技创新工作要点": a one-year plan names its year in the title.
        years = re.findall(r"((?:19|20)\d{2})年", title)
        default_year = int(years[-1]) if years else None
    return TargetFrame(ctx, default_year, period[0] if period else None, _heading_texts(blocks),
                       {b.ref: b.text for b in blocks if b.kind in ("heading", "item") and b.ref},
                       {**_bare_rows(blocks), **_label_value_rows(blocks, default_year)})


# A line of an indicator table whose header the page left out: a group's name maybe, the indicator and its unit
# in brackets, then its figures ("质量提升 企业入驻率(%) 82 86 90").
_BARE_ROW = re.compile(r"^\s*(?:[\u4e00-\u9fff]{2,6}\s+)?(?P<metric>[^\s()（）\d][^\s()（）]{1,30}?)"
                       r"[(（](?P<unit>[^()（）\d]{1,6})[)）](?P<values>(?:\s+\d+(?:\.\d+)?){2,5})\s*$")


def _bare_rows(blocks: Sequence) -> dict[int, TargetMention]:
    """The targets of the paragraphs that are lines of a headerless indicator table, by the line's start: three
    such lines in a run at least, each an indicator, its unit and two figures or more."""
    rows: dict[int, TargetMention] = {}
    run: dict[int, TargetMention] = {}
    for b in [*blocks, None]:
        found = _bare_row_target(b) if b is not None and b.kind == "paragraph" else None
        if found is not None:
            run[b.start] = found
            continue
        if len(run) >= 3:
            rows.update(run)
        run = {}
    return rows


RULE_LABEL_VALUE = "plankg.targets.label_value_line.v1"
_SHORT_LINE = re.compile(r"[^。,，;；:：]{2,30}")


def _label_value_rows(blocks: Sequence, year: int | None) -> dict[int, TargetMention]:
    """The targets of a form printed one cell a line under a column of values ("三级指标" / "指标值"): a line
    holding a value alone ("≥100公里") under a line naming its indicator ("脱贫村村内道路硬化里程"), three pairs at
    least, after a line naming the value column; the lines of the form's groups ("数量指标") name no indicator.
    Keyed by the value line's start.

    >>> from plankg.ingest.structure import Block
    >>> lines = ["三级指标", "指标值", "数量指标", "道路硬化里程", "≥100公里", "供水设施数量", "≥20座", "验收合格率",
    ...          "100%"]
    >>> blocks, at = [], 0
    >>> for t in lines:
    ...     blocks.append(Block("paragraph", None, None, at, at + len(t), t))
    ...     at += len(t) + 2
    >>> [(m.metric, m.quantity.value, m.quantity.unit, m.comparator) for m in _label_value_rows(blocks, 2022).values()]
    [('道路硬化里程', 100.0, '公里', '>='), ('供水设施数量', 20.0, '座', '>='), ('验收合格率', 100.0, '%', '=')]
    """
    found: dict[int, TargetMention] = {}
    run: dict[int, TargetMention] = {}  # the pairs of the form being read, kept when three or more
    opened = False
    prev = None
    for b in [*blocks, None]:
        line = b.text.strip() if b is not None and b.kind == "paragraph" else ""
        if b is None or not line or not _SHORT_LINE.fullmatch(line):
            if len(run) >= 3:
                found.update(run)
            run, opened, prev = {}, False, None  # a sentence or a table row ends the form
            continue
        if any(label in line for label in lexicon.VALUE_COLUMN_LABELS):
            opened, prev = True, None
            continue
        read = _cell_value(line) if opened and len(line) <= 16 else None
        if read is None:
            prev = b if not line.endswith(lexicon.FORM_GROUP_ENDINGS) else None
            continue
        value, unit, comparator = read
        if unit is not None and prev is not None:
            run[b.start] = TargetMention(prev.start, b.end, prev.text.strip(), Quantity(value, unit, comparator),
                                         comparator or "=", year, rule=RULE_LABEL_VALUE)
        prev = None
    return found


def _bare_row_target(b) -> TargetMention | None:
    """The target of one line of a headerless indicator table: its last figure, the columns' years unknown.

    >>> from plankg.ingest.structure import Block
    >>> t = "质量提升 企业入驻率(%) 82 86 90"
    >>> m = _bare_row_target(Block("paragraph", None, None, 0, len(t), t))
    >>> m.metric, m.quantity.value, m.quantity.unit
    ('企业入驻率', 90.0, '%')
    """
    m = _BARE_ROW.match(b.text)
    found = unit_of_label(f"指标({m['unit']})") if m is not None else None
    if m is None or found is None:
        return None
    value = float(m["values"].split()[-1])
    return TargetMention(b.start + m.start("metric"), b.start + m.end("values"), m["metric"],
                         Quantity(value, found[1], None), "=", None, rule=RULE_TABLE)


def block_targets(text: str, b, frame: TargetFrame) -> tuple[list[TargetMention], list[TargetMention]]:
    """Targets of one block: (prose mentions, indicator-table mentions whose unit may still be pending)."""
    if b.kind == "table_row":
        if _is_indicator_table(b) and _indicator_row(b) and _quantity_columns(b.header) \
                and not any(_INDICATOR_HEADER.search(h) for h in b.header):
            # a quota table: its rows' quantities, and any goal a remark states in words
            notes = [m for (cs, ce), cell, h in zip(_cell_spans(text, b), b.cells, b.header, strict=False)
                     if len(cell) > 6 and cs >= b.start and unit_of_label(h.replace(" ", "")) is None
                     for m in _prose_mentions(text, cs, ce, _due_year(b) or frame.default_year, frame.period_start)]
            return notes, _quota_mentions(text, b, frame.ctx)
        if _is_indicator_table(b) and _indicator_row(b):
            return [], _table_mentions(text, b, frame.ctx)
        # Task tables (and indicator tables whose cells are sentences) hold targets in prose.
        prose: list[TargetMention] = []
        row_year = _due_year(b) or frame.default_year
        for (cs, ce), cell in zip(_cell_spans(text, b), b.cells, strict=False):
            if len(cell) > 6 and cs >= b.start:  # a cell repeated from the row above was read there
                prose.extend(_prose_mentions(text, cs, ce, row_year, frame.period_start))
        return prose + _goal_cells(text, b, row_year), []
    if _in_context_section(b, frame.headings) or _under_criteria(b, frame.numbered):
        return [], []
    if b.start in frame.bare_rows:
        return [], [frame.bare_rows[b.start]]
    year = _heading_year(b, frame.headings) or frame.default_year
    return _prose_mentions(text, body_start(b), b.end, year, frame.period_start), []


RULE_GOAL_CELL = "plankg.targets.goal_cell.v1"


def _goal_cells(text: str, b, year: int | None) -> list[TargetMention]:
    """A task table's goal column holding a bare figure ("目标任务" | "8950人"): the row's task names what it
    counts. Progress columns ("1-8月实际完成情况", "完成率") never hold goals.

    >>> from plankg.ingest.structure import Block
    >>> t = "1 | 新增城镇就业 | 区人社局 | 8950人 | 7123人 |"
    >>> b = Block("table_row", "1", None, 0, len(t), t, cells=("1", "新增城镇就业", "区人社局", "8950人", "7123人"),
    ...           header=("序号", "项目名称", "责任单位", "目标任务", "1-8月实际完成情况"))
    >>> [(m.metric, m.quantity.value, m.quantity.unit, t[m.start:m.end]) for m in _goal_cells(t, b, 2019)]
    [('新增城镇就业', 8950.0, '人', '8950人')]
    """
    header = [h.replace(" ", "") for h in b.header]
    goals = [i for i, h in enumerate(header) if any(w in h for w in lexicon.GOAL_COLUMN_WORDS)
             and lexicon.column_role(h) not in ("progress", "remark")]
    task = next((i for i, h in enumerate(header) if i not in goals and lexicon.column_role(h) == "task"), None)
    if not goals or task is None or task >= len(b.cells) or not b.cells[task].strip():
        return []
    spans = _cell_spans(text, b)
    out = []
    for i in goals:
        if i >= min(len(b.cells), len(spans)):
            continue
        cs, ce = spans[i]
        read = _cell_value(b.cells[i]) if len(b.cells[i]) <= 12 else None
        if read is None or cs < b.start:
            continue
        value, unit, comparator = read
        if unit is None:
            continue  # "5": a figure with no unit names no count
        out.append(TargetMention(cs, ce, b.cells[task].strip(), Quantity(value, unit, comparator, None),
                                 comparator or "=", year, rule=RULE_GOAL_CELL))
    return out


def finish_targets(text: str, prose: list[TargetMention], table: list[TargetMention]) -> list[TargetOut]:
    """The document's targets from all its blocks' mentions, in text order.

    Needs the whole document: a table row's missing unit comes from a sentence anywhere in it,
    and a sentence stating a table row's indicator is the same target.
    """
    table = complete_table_units(table, prose)
    # A table row and a sentence stating the same indicator are one target: the row keeps its baseline.
    prose = [p for p in prose if not any(_same_target(p, t) for t in table)]
    return _dedupe(text, prose + table)


def _due_year(block) -> int | None:
    """The year in a task-table row's due-date cell.

    >>> from plankg.ingest.structure import Block
    >>> _due_year(Block("table_row", "1", None, 0, 9, "", cells=("1", "建设", "2023年12月"),
    ...                 header=("序号", "任务", "完成时限")))
    2023
    """
    for h, c in zip(block.header, block.cells, strict=False):
        if _DUE_HEADER.search(h.replace(" ", "")):
            ym = re.match(r"\s*((?:19|20)\d{2})\s*年", c)
            if ym:
                return int(ym.group(1))
    return None


def _under_criteria(block, numbered: dict[str, str]) -> bool:
    """True when the block, or a numbered unit above it, introduces eligibility conditions.

    >>> from plankg.ingest.structure import Block
    >>> b = Block("item", "第四条.(二)", None, 0, 9, "（二）场地面积不低于3000平方米；")
    >>> _under_criteria(b, {"第四条": "第四条 申请认定应当具备以下条件："}), _under_criteria(b, {})
    (True, False)
    """
    if _CRITERIA.search(block.text):
        return True
    parts = (block.ref or "").split(".")
    return any(_CRITERIA.search(numbered.get(".".join(parts[:i]), "")) for i in range(1, len(parts)))


_METRIC_SYNONYMS = (("研究与试验发展", "研发"), ("R&D", "研发"), ("地区生产总值", "生产总值"), ("GDP", "生产总值"),
                    ("全社会", ""), ("全市", ""), ("全区", ""), ("全县", ""), ("全省", ""))


def metric_key(metric: str) -> str:
    """A metric with its common synonyms unified, for matching a sentence to a table row.

    >>> metric_key("R&D经费支出占GDP比重") == metric_key("研发经费支出占生产总值比重")
    True
    """
    out = normalize(metric)
    for a, b in _METRIC_SYNONYMS:
        out = out.replace(normalize(a), b)
    return out


def _same_target(a: TargetMention, b: TargetMention) -> bool:
    va, ua = scaled(a.quantity.value, a.quantity.unit)
    vb, ub = scaled(b.quantity.value, b.quantity.unit)
    return (va is not None and vb is not None and abs(va - vb) <= 1e-6 * max(1.0, abs(va)) and ua == ub
            and a.year == b.year and similar_metric(metric_key(a.metric), metric_key(b.metric)))


def _dedupe(text: str, mentions: list[TargetMention]) -> list[TargetOut]:
    seen: set[tuple] = set()
    out: list[TargetOut] = []
    for mt in sorted(mentions, key=lambda x: (x.start, x.end, x.quantity.value)):
        v, u = scaled(mt.quantity.value, mt.quantity.unit)
        # the same target read twice at one place is one; stated again elsewhere (a goals paragraph
        # and the task that sets it) it is another statement, placed by its owner later
        key = (normalize(mt.metric), round(v or 0.0, 6), u, mt.year, mt.comparator, mt.start)
        if key in seen:
            continue
        seen.add(key)
        out.append(TargetOut(text=text[mt.start:mt.end], metric=mt.metric, value=mt.quantity.value,
                             unit=mt.quantity.unit or None, comparator=mt.comparator, year=mt.year,
                             baseline=mt.baseline, baseline_year=mt.baseline_year, span=(mt.start, mt.end),
                             rule=mt.rule))
    return out

