"""Firms named by their short trade names: "加快华远新材、东盛环保等在建项目", "全力扶持康普药业上市".

Plans name local firms by a body of two to four characters and an industry word (`lexicon.FIRM_INDUSTRY_WORDS`:
科技, 药业, 电子, 铸造 …), without 有限公司. Such a string is read as a firm only where plans speak of firms:

- after a verb of support or investment (`lexicon.FIRM_VERBS`: 推动, 扶持, 引进 …) and before what firms do
  (`lexicon.FIRM_ACTIVITY_WORDS`: 项目, 上市, 产值, 投产 …), or
- as an item of a 、-list that ends in 等 and names projects or firms; the other items of such a list are firms too
  when at least half of the list has the shape ("加快安徽节源、沈发废弃油脂等在建项目").

>>> [e.name for e in short_firm_names("加快华远新材、东盛环保等在建项目,全力扶持康普药业上市。", 0, 40)]
['华远新材', '东盛环保', '康普药业']
>>> [e.name for e in short_firm_names("发展新材料、生物医药等产业,提升数字科技水平。", 0, 30)]
[]
"""
from __future__ import annotations

import re
from functools import lru_cache

from plankg.ingest import lexicon
from plankg.ingest.contract import EnterpriseOut
from plankg.ingest.names import item_spans, strip_generic
from plankg.ingest.numerals import cn_to_number

RULE_SHORT_NAME = "plankg.entities.enterprise.short_name.v1"
RULE_PROJECT_LIST = "plankg.entities.enterprise.project_list.v1"
RULE_OPENED_LIST = "plankg.entities.enterprise.opened_list.v1"
RULE_CHAIN_LEADER = "plankg.entities.enterprise.chain_leader.v1"
RULE_PHASED_PROJECT = "plankg.entities.enterprise.phased_project.v1"
RULE_BUILDER_PROJECT = "plankg.entities.enterprise.builder_project.v1"
RULE_INVESTED_PROJECT = "plankg.entities.enterprise.invested_project.v1"
RULE_COUNTED_LIST = "plankg.entities.enterprise.counted_list.v1"
RULE_NAMED_PROJECT = "plankg.entities.enterprise.named_project.v1"
RULE_HONOURED = "plankg.entities.enterprise.honoured.v1"

_HAN = re.compile(r"[\u4e00-\u9fff]")
# A list of items closed by 等 and what it names: "A、B等在建项目", "A、B等一批重点增资项目", "A、B等签约项目".
_PROJECT_LIST = re.compile(r"等\s*(?:一批|\d+\s*(?:多|余)?[个家]|[一二三四五六七八九十两]+(?:多|余)?[个家])?\s*"
                           r"[\u4e00-\u9fff“”\"]{0,16}?"
                           r"(?:项目|企业|公司)")


def _projects_of(words: tuple[str, ...], *, counted: bool) -> re.Pattern[str]:
    """"等…项目" naming what the list's projects are by one of `words`, after a count of them if `counted`."""
    count = r"(?:一批|\d+\s*[个家]|[一二三四五六七八九十两]+[个家])?\s*" if counted else ""
    return re.compile(rf"等\s*{count}(?:重大|重点)?(?:{lexicon.alternation(words)})[\u4e00-\u9fff]{{0,4}}?项目")


# "等重点在谈项目", "等签约项目": projects in a deal with firms.
_DEAL_PROJECT = _projects_of(lexicon.FIRM_DEAL_WORDS, counted=False)
# "等签约项目", "等在建项目": projects firms sign or build
_FIRM_PROJECT = _projects_of(lexicon.FIRM_PROJECT_WORDS, counted=True)
# "等大型商贸与人力资源企业": a list closed by 等 that names firms, not projects.
_FIRMS_NAMED = re.compile(r"等\s*(?:一批)?\s*[\u4e00-\u9fff]{0,14}?(?:企业|公司)(?![\u4e00-\u9fff]{0,2}项目)")
_COUNTED_BY_FIRM = re.compile(r"等\s*(?:\d+|[一二三四五六七八九十两]+)\s*(?:多|余)?家")
_COUNTED_FIRMS = re.compile(r"等\s*(?:\d+|[一二三四五六七八九十两]+)\s*家\s*[\u4e00-\u9fff]{0,6}?(?:企业|公司)")
# A figure an item of a project list may carry after the firm's name: "国轩20GWH", "华能20万千瓦"; or a model
# ("华羽先翔eVTOL").
_ITEM_FIGURE = re.compile(r"(?:[0-9.]+(?:[A-Za-z]+|万千瓦|千瓦|万吨|吨|亿元|万元)?|[A-Za-z][A-Za-z0-9.]*)$")
_LIST_END = re.compile(r"等")
_SECTOR_LIST = re.compile(rf"等\s*(?:多个|[一二三四五六七八九十两]+个|\d+\s*个|一批)?\s*[\u4e00-\u9fff]{{0,6}}?"
                          rf"(?:{lexicon.alternation(lexicon.SECTOR_LIST_NOUNS)})(?![\u4e00-\u9fff]{{0,2}}(?:项目|企业|公司))")
_REGISTERED_TAILS = ("公司", "集团", "有限", "股份", "控股")
# Bodies that are words, not names: "数字科技", "新材", "现代物流", "生物医药".
_GENERIC_BODY = re.compile(r"^(?:数字|智能|智慧|人才|现代|新型|高端|绿色|重点|龙头|相关|本地|全市|全区|全县|工业|产业|"
                           r"特色|先进|新兴|传统|优势|骨干|规上|规模|中小|小微|民营|国有|医疗|生物|信息|网络|农业|高新|高新技术|"
                           r"科技型|创新型|新|高|大|小|各类|一批|一般|其他|等)+$")
# Items of a project list that are works, not firms: "污水处理厂", "园区道路", "管廊三期".
_WORKS = re.compile(r"(?:厂|站|路|道路|国道|省道|县道|高速|桥|线|工程|设施|管网|管廊|小区|学校|医院|中心|园|园区|"
                    r"基地|市场|三期|二期|一期|改造|建设)$")


@lru_cache(maxsize=1)
def _firm_name() -> re.Pattern[str]:
    words = lexicon.alternation(lexicon.FIRM_INDUSTRY_WORDS)
    return re.compile(rf"[\u4e00-\u9fff]{{2,4}}?(?:{words})")


@lru_cache(maxsize=1)
def industry_word() -> re.Pattern[str]:
    """A short firm name in one of the contexts this module reads: after a verb of support, or an item closed by
    、 or 等, or a list of projects or firms closed by 等. Every firm it finds stands in such a context, so a
    passage without one has none."""
    words = lexicon.alternation(lexicon.FIRM_INDUSTRY_WORDS)
    verbs = lexicon.alternation(lexicon.FIRM_VERBS)
    # The lookahead (the characters a match can start with) only speeds up the scan.
    first = "".join(sorted({w[0] for w in lexicon.FIRM_VERBS + lexicon.FIRM_INDUSTRY_WORDS} | {"等", "以"}))
    # ... or a list closed by "等…项目/企业", whose items may be names without an industry word; or a chain's master;
    # or names between 以 and 为龙头 ("以金丝猴、雪荣面粉为龙头")
    return re.compile(rf"(?=[{first}])(?:(?:{verbs})[\u4e00-\u9fff]{{2,4}}?(?:{words})|(?:{words})[、等]"
                      rf"|{_PROJECT_LIST.pattern}|{_chain_role().pattern}|以[^,，;；。:：]{{2,60}}?{_basis_after().pattern})")


# What ends the name of a place, a school or a work rather than a firm: "滨江新区", "实验小学", "东湖".
_NATURAL_ENDS = "湖山河江海"  # a natural feature: a trade name's ending as often ("正大丰海"), see `_natural_end`
_PLACE_LIKE_END = _NATURAL_ENDS + "岛湾中学校村城区县镇乡街路桥站厂园场馆院所"


def lone_firm_name(name: str, *, any_ending: bool = False) -> bool:
    """Whether a name listed alone before "等…企业" names a firm of its own: two to six characters, not a place,
    school, work, sector or department, nor only words of a kind of firm. With `any_ending` (a list its count of
    firms closes: each item is a firm) a name may end like a place or a work ("中冶银河").

    >>> [lone_firm_name(n) for n in ("中美华东", "祁阳新金浩", "制造业", "民营", "滨江新区", "财政", "中冶银河")]
    [True, True, False, False, False, False, False]
    >>> [lone_firm_name(n, any_ending=True) for n in ("中冶银河", "海亮奥博特", "制造业", "财政")]
    [True, True, False, False]
    """
    return (bool(re.fullmatch(r"[\u4e00-\u9fff]{2,6}", name)) and not _not_a_name(name, endings=not any_ending)
            and _sector_only().search(name) is None and bool(strip_generic(name))
            and _GENERIC_BODY.match(name) is None and not name.endswith(("业", "类", "型")))


def _not_a_name(item: str, *, endings: bool = True) -> bool:
    """An item of a list that is no firm's name: a place, school, work or activity (by its ending, unless
    `endings` is off), or one opening with a verb, or a department's stem.

    >>> [_not_a_name(x) for x in ("巡鹰", "登特菲", "滨江新区", "实验小学", "实施城南", "财政", "种苗培育")]
    [False, False, True, True, True, True, True]
    """
    ends_as_no_firm = endings and (item.endswith(lexicon.PLACE_ENDINGS + lexicon.ACTIVITY_ENDINGS)
                                   or item[-1] in _PLACE_LIKE_END or _WORKS.search(item) is not None)
    return ends_as_no_firm or lexicon.opening_verb().match(item) is not None or _department_stem(item)


def _department_stem(item: str) -> bool:
    """"经信、财政、商务等企业年报": departments by their stems, not firms."""
    from plankg.ingest.departments import default_registry

    return default_registry().is_stem(item)


@lru_cache(maxsize=1)
def _sector() -> re.Pattern[str]:
    return re.compile(lexicon.alternation(lexicon.SECTOR_WORDS + lexicon.FIRM_INDUSTRY_WORDS))


def _sector_body(item: str) -> bool:
    """Whether an item is a sector, not a trade name of two characters and a sector word.

    >>> [_sector_body(n) for n in ("电子信息", "数字经济", "小米锅巴休闲食品", "拓维信息", "华傲数据")]
    [True, True, True, False, False]
    """
    if _sector().search(item) is None:
        return False
    body = strip_generic(_sector().sub("", item))
    return len(body) != 2 or body != item[:2]


@lru_cache(maxsize=1)
def _industry_words() -> re.Pattern[str]:
    first = "".join(sorted({w[0] for w in lexicon.FIRM_INDUSTRY_WORDS}))
    return re.compile(rf"(?=[{first}])(?:{lexicon.alternation(lexicon.FIRM_INDUSTRY_WORDS)})")


@lru_cache(maxsize=1)
def _verb_anywhere() -> re.Pattern[str]:
    return re.compile(lexicon.alternation(lexicon.FIRM_VERBS))


@lru_cache(maxsize=1)
def _verb_before() -> re.Pattern[str]:
    return re.compile(rf"(?:{lexicon.alternation(lexicon.FIRM_VERBS)})$")


@lru_cache(maxsize=1)
def _activity_after() -> re.Pattern[str]:
    return re.compile(rf"(?:{lexicon.alternation(lexicon.FIRM_ACTIVITY_WORDS)}|等|、|\d+条)")


@lru_cache(maxsize=4)
def _list_end(closers: tuple[str, ...]) -> re.Pattern[str]:
    """The last item of a 、-list of firm-shaped names, closed by one of `closers` (group "act"): what
    firms do ("…、天运股份上市", FIRM_ACTIVITY_WORDS) or the partner they work with ("…、安德药业与…"); a count of
    them may stand between (group "count": "…、万德福机电三宗工业项目").

    >>> m = _list_end(lexicon.FIRM_ACTIVITY_WORDS).match("万德福机电三宗工业项目地块挂牌")
    >>> m.group(0)[:m.start("count")], m.group("act")
    ('万德福机电', '项目')
    """
    first = "".join(sorted({w[0] for w in lexicon.FIRM_INDUSTRY_WORDS}))
    words = lexicon.alternation(lexicon.FIRM_INDUSTRY_WORDS)
    return re.compile(rf"[\u4e00-\u9fff]{{2,4}}?(?=[{first}])(?:{words})"
                      rf"(?P<count>[一二三四五六七八九十两\d]{{1,3}}(?:宗|个|家|项)[\u4e00-\u9fff]{{0,4}}?)?"
                      rf"(?P<act>{lexicon.alternation(closers)})")


@lru_cache(maxsize=8192)
def _shaped(name: str) -> bool:
    """A body and an industry word, the body no word of its own."""
    m = _firm_name().fullmatch(name)
    if m is None:
        return False
    body = name
    for w in sorted(lexicon.FIRM_INDUSTRY_WORDS, key=len, reverse=True):
        if name.endswith(w):
            body = name[:-len(w)]
            break
    return 2 <= len(body) <= 4 and not _GENERIC_BODY.match(body) and _sector_only().search(body) is None \
        and not body.startswith(lexicon.TIME_WORDS)


_PHASE_END = re.compile(r"(?:[一二三四五六七八九十]|\d{1,2})期(?:项目|工程)?$")


# A firm's seat for a region, after its name in a list of what a place brings in ("寒武纪西部总部", "京东健康西北
# 区域总部"): the seat is the firm's project, the firm is named before it.
_HEADQUARTERS = re.compile(rf"(?:{lexicon.alternation(lexicon.REGION_WORDS)})?(?:区域)?总部$")


def _without_headquarters(text: str, s: int, e: int) -> int:
    """Where an item of a list ends without the regional seat it names, when two characters are left.

    >>> t = "京东健康西北区域总部、寒武纪西部总部、集团总部"
    >>> [t[a:_without_headquarters(t, a, b)] for a, b in ((0, 10), (11, 18), (19, 23))]
    ['京东健康', '寒武纪', '集团总部']
    """
    m = _HEADQUARTERS.search(text, s, e)
    return m.start() if m is not None and m.start() - s >= 2 and text[s:m.start()] not in ("集团", "公司") else e


def _without_phase(text: str, s: int, e: int) -> int:
    """Where an item of a list ends without the phase of its project, when what is left is a firm-shaped name
    ("世良精密二期" -> 世良精密; "鞍钢鲅鱼圈二期", "武大高速二期" stay whole).

    >>> t = "世良精密二期"
    >>> t[:_without_phase(t, 0, len(t))], _without_phase("三期", 0, 2), _without_phase("武大高速二期", 0, 6)
    ('世良精密', 2, 6)
    """
    m = _PHASE_END.search(text, s, e)
    if m is None:
        return e
    name = text[s:m.start()]
    return m.start() if _shaped(name) or (2 <= len(name) <= 4 and lone_firm_name(name)) else e


@lru_cache(maxsize=1)
def _known_firms() -> re.Pattern[str]:
    from plankg.ingest.gazetteer import gazetteer_firm_names

    return re.compile(lexicon.alternation(gazetteer_firm_names()))


_SUBSIDIARY_TRADES = frozenset(lexicon.FIRM_INDUSTRY_WORDS + lexicon.SECTOR_WORDS + lexicon.SUBSIDIARY_TRADE_WORDS)


def _known_firm_prefix(item: str) -> int:
    """The length of the well-known firm an item of a project list opens with, the item's own length when none does
    or the item is the firm's name: "比亚迪刀片电池" -> 3.

    >>> _known_firm_prefix("比亚迪刀片电池"), _known_firm_prefix("弘元新材料"), _known_firm_prefix("京东健康")
    (3, 5, 4)
    """
    m = _known_firms().match(item)
    if m is None or len(item) - m.end() < 2 or item[m.end():] in _SUBSIDIARY_TRADES:
        return len(item)  # "京东健康", "京东物流": the firm's own business in its trade, a firm of its own
    return m.end()


def _inner_latin(text: str, start: int, at: int) -> bool:
    """Whether text[at] is a Latin letter inside a run of them that Chinese characters stand on both sides of."""
    if not (text[at].isascii() and text[at].isalpha()):
        return False
    a, b = at, at
    while a > start and text[a - 1].isascii() and text[a - 1].isalpha():
        a -= 1
    while b + 1 < len(text) and text[b + 1].isascii() and text[b + 1].isalpha():
        b += 1
    return a > start and bool(_HAN.match(text[a - 1])) and b + 1 < len(text) and bool(_HAN.match(text[b + 1]))


def _list_items(text: str, start: int, at: int) -> list[tuple[int, int]]:
    """The 、-separated items that end at text[at] (where 等 stands), back to the list's opening verb."""
    items = []
    e = at
    while e > start:
        figure = _ITEM_FIGURE.search(text, max(start, e - 12), e)
        if figure is not None and figure.start() > start and _HAN.match(text[figure.start() - 1]):
            e = figure.start()  # "国轩20GWH": the name without its figure
        s = e
        while s > start and e - s < 10 and (_HAN.match(text[s - 1]) or _inner_latin(text, start, s - 1)):
            s -= 1  # "广谦PCB电路板": Latin letters inside an item, between Chinese characters
        if s == e:
            break
        items.append((s, e))
        if s > start and text[s - 1] == "、":
            e = s - 1
            continue
        break
    items.reverse()
    return items




@lru_cache(maxsize=1)
def _opening_words() -> re.Pattern[str]:
    words = lexicon.FIRM_VERBS + lexicon.FIRM_INTAKE_VERBS + lexicon.FIRM_ADVERBS + lexicon.FIRM_NAME_CUT_VERBS + tuple(
        w for w in lexicon.NAME_STOPWORDS if len(w) >= 2)
    # "成功引进了": adverbs, verbs, a particle; "加大对长崃…的支持", "对宁德时代…": the preposition of the object
    prepositions = lexicon.alternation(lexicon.FIRM_PREPOSITIONS)
    return re.compile(rf"(?:(?:{lexicon.alternation(words)})+了?)?(?:{prepositions})?")


def strip_verbs(text: str, s: int, e: int) -> int:
    """Where text[s:e] ends its opening adverbs and verbs, all of them: e when it holds nothing else ("重点培育").

    >>> t = "重点培育华乐食品"
    >>> strip_verbs(t, 0, 4), strip_verbs(t, 0, 8)
    (4, 4)
    """
    m = _opening_words().match(text, s, e)
    return m.end() if m is not None else s


def _strip_verb(text: str, s: int, e: int) -> int:
    """Past the adverbs and verbs that open the first item of a list ("全力培育华乐食品" -> "华乐食品")."""
    m = _opening_words().match(text, s, e)
    while m is not None and e - m.end() < 2:
        # Leave a body of two characters at least: give back the last word ("加快推进" before "华为").
        m = _opening_words().match(text, s, m.end() - 1) if m.end() - 1 > s else None
    return m.end() if m is not None else s


@lru_cache(maxsize=1)
def _self_reference() -> re.Pattern[str]:
    return re.compile(lexicon.alternation(lexicon.SELF_REFERENCES))


def after_self_reference(text: str, s: int, e: int) -> int:
    """Past a place's name for itself inside a list's item ("确定我县友迪光电" -> "友迪光电"), when a name of two
    characters at least is left.

    >>> after_self_reference("确定我县友迪光电", 0, 8), after_self_reference("我市", 0, 2)
    (4, 0)
    """
    ends = [m.end() for m in _self_reference().finditer(text, s, e) if e - m.end() >= 2]
    return ends[-1] if ends else s


@lru_cache(maxsize=1)
def _list_run() -> re.Pattern[str]:
    # A list opens where a run of characters does (the leftmost match always did): no start inside a run is tried.
    return re.compile(r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]+(?:、[\u4e00-\u9fff]+)+")


@lru_cache(maxsize=1)
def _list_opener() -> re.Pattern[str]:
    words = lexicon.FIRM_VERBS + lexicon.FIRM_INTAKE_VERBS
    return re.compile(rf"(?:{lexicon.alternation(words)})了?|以")


@lru_cache(maxsize=1)
def _list_opener_firsts() -> frozenset[str]:
    """The characters an opener of `_list_opener` starts with: no other place is tried."""
    return frozenset(w[0] for w in lexicon.FIRM_VERBS + lexicon.FIRM_INTAKE_VERBS) | {"以"}


@lru_cache(maxsize=1)
def _basis_after() -> re.Pattern[str]:
    return re.compile(rf"为(?:{lexicon.alternation(lexicon.FIRM_BASIS_WORDS)})")


@lru_cache(maxsize=1)
def _sector_only() -> re.Pattern[str]:
    return re.compile(lexicon.alternation(lexicon.SECTOR_WORDS))


def _shaped_prefix(text: str, s: int, e: int) -> int:
    """The end of the shortest firm-shaped name text[s:…] opens with ("天一科技创新发展" -> after 科技), or -1."""
    for stop in range(s + 3, min(e, s + 10) + 1):
        if _shaped(text[s:stop]):
            return stop
    return -1


def _opened_list_firms(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The items of 、-lists a verb of support opens ("支持重庆长江、隆源砂业、天一科技创新发展") or that stand
    between 以 and 为依托/为龙头 ("以三九药业、海王医药、威智百科为依托"), when at least two items and at least
    half of them are firm-shaped and no item's own words name a sector; items that read as places, schools or
    works are left out.

    >>> text = "指导乐方食品、美乐柯制冷承担项目;推进电子科技、光电制造融合。"
    >>> [text[s:e] for s, e in _opened_list_firms(text, 0, len(text))]
    ['乐方食品', '美乐柯制冷']
    """
    out: list[tuple[int, int]] = []
    # A slice, so a list may open at `start` even inside a run of characters (the lookbehind sees only the slice).
    for run in _list_run().finditer(text[start:end]):
        pieces: list[list[int]] = []
        pos = start + run.start()
        for piece in run.group(0).split("、"):
            pieces.append([pos, pos + len(piece)])
            pos += len(piece) + 1
        opener = None
        firsts = _list_opener_firsts()
        for i in range(pieces[0][0], pieces[0][1] - 2):
            # every place, not only where the last match ended: "全力争取X" holds 力争 and 争取
            if text[i] not in firsts:
                continue
            m = _list_opener().match(text, i, pieces[0][1])
            if m is not None and 2 <= pieces[0][1] - m.end() <= 8 and (opener is None or m.end() > opener.end()):
                opener = m
        if opener is None:
            continue
        pieces[0][0] = opener.end()
        last = pieces[-1]
        based = opener.group(0) == "以"
        if based:
            basis = _basis_after().search(text, last[0], last[1])
            if basis is None:
                continue
            # (a 等 closing the list is no part of its last name: "…、新天地药业等为代表")
            last[1] = basis.start() - (1 if text[basis.start() - 1:basis.start()] == "等" else 0)
        else:
            stop = _shaped_prefix(text, last[0], last[1])
            if stop < 0 or text.startswith(_REGISTERED_TAILS, stop):
                # "…天一科技创新发展": where the name ends is not known; "…包装公司": the registered names' rule
                pieces.pop()
            else:
                last[1] = stop
        items = [(after_self_reference(text, s, e), e) for s, e in pieces]
        if len(items) < 2 or any(not 2 <= e - s <= 8 for s, e in items):
            continue
        if _SECTOR_LIST.match(text, items[-1][1], end):
            continue  # "力争石材陶瓷、鞋服轻纺、机械装备等3个产业": industries, not firms
        # between 以 and 为龙头 a registered name is a firm's too ("以祁连牧歌、盛丰肉食品公司为龙头")
        shaped = [_shaped(text[s:e]) or (based and text[s:e].endswith(_REGISTERED_TAILS)) for s, e in items]
        # "培育壮大华翔、中信机电等": a list of examples closed by 等 names firms when one is firm-shaped and the
        # others are names of their own; between 以 and 为龙头 names of their own suffice ("以金丝猴、雪荣面粉为龙头")
        examples = (based or text.startswith("等", items[-1][1])) and (based or sum(shaped) >= 1) and all(
            ok or lone_firm_name(text[s:e]) for (s, e), ok in zip(items, shaped, strict=True))
        if not examples and (sum(shaped) < 2 or 2 * sum(shaped) < len(items)):
            continue
        if any(not ok and _sector_only().search(text, s, e) is not None
               for (s, e), ok in zip(items, shaped, strict=True)):
            continue  # "推进电子科技、光电制造": fields of industry
        out.extend((s, e) for (s, e), ok in zip(items, shaped, strict=True) if ok or not _not_a_name(text[s:e]))
    return out


# What a list closed by growth into firms, or a firm winning an honour, must hold: the rules read no passage without.
_GROWTH = lexicon.alternation(lexicon.FIRM_GROWTH_WORDS)
HONOUR_OR_GROWTH = re.compile(
    "(?=[" + "".join(sorted({w[0] for w in lexicon.FIRM_HONOUR_WORDS + lexicon.FIRM_GROWTH_WORDS})) + "])"
    + f"(?:{lexicon.alternation(lexicon.FIRM_HONOUR_WORDS + lexicon.FIRM_GROWTH_WORDS)})")
# A 、-list closed by the count of its firms ("美的厨卫、美智空调2家企业", "浩忠电力、志远印务、领旗食品 3 户规上企业"),
# or by what its items grow into ("培育津元春、草堂春成长为规上工业企业": group `n` empty).
# ... and a pair joined by 和 that a count of two closes, as firms or their projects ("争取开曼铝业和东方希望两大
# 氧化铝项目一期年内建成"): the count says the list names that many things, the items' shape that they are firms.
_COUNTED_LIST = re.compile(r"(?<![\u4e00-\u9fff])(?P<list>[\u4e00-\u9fff]+(?:、[\u4e00-\u9fff]+)*)\s*"
                           rf"(?:(?P<n>\d{{1,2}}|[两二三四五六七八九十])\s*(?P<cls>[家户个大])|(?:{_GROWTH}))"
                           r"\s*[\u4e00-\u9fff]{0,8}?(?P<closure>企业|公司|项目)")
_COUNTED_BRACKET = re.compile(r"(?:企业|公司)\s*(?P<n>\d{1,2}|[两二三四五六七八九十])\s*[家户个]\s*[(（]"
                              r"(?P<list>[\u4e00-\u9fff]{2,8}(?:、[\u4e00-\u9fff]{2,8})+)[)）]")
_LIST_CLOSURE = re.compile(rf"[家户个大]\s*[\u4e00-\u9fff]{{0,8}}?(?:企业|公司|项目)|{_GROWTH}")
_LAST_JOINS = ("和", "及", "与")
# A firm by its trade name opening a clause, then the honour it won ("环锂新能源获评国家专精特新…企业").
_HONOURED = re.compile(rf"(?:^|(?<=[,，;；。:：\n、和]))(?P<name>[\u4e00-\u9fff]{{3,8}}?)"
                       rf"(?=(?:和[\u4e00-\u9fff]{{2,8}}?)?(?:{lexicon.alternation(lexicon.FIRM_HONOUR_WORDS)}))")


def _counted_lists(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The items of a list closed by a count of firms that equals its length: each item a name of its own.

    >>> t = "美的厨卫、美智空调2家企业入选;培育浩忠电力、志远印务、领旗食品 3 户规上企业;推进电子、机械2个产业企业"
    >>> [t[s:e] for s, e in _counted_lists(t, 0, len(t))]
    ['美的厨卫', '美智空调', '浩忠电力', '志远印务', '领旗食品']
    >>> t = "积极培育津元春、草堂春成长为规上工业企业"
    >>> [t[s:e] for s, e in _counted_lists(t, 0, len(t))]
    ['津元春', '草堂春']
    >>> t = "新认定省科技型中小企业3家(高盛泡沫、汇达塑业、时盛金属),新增规上企业2家(东区、西区、北区)"
    >>> [t[s:e] for s, e in _counted_lists(t, 0, len(t))]
    ['高盛泡沫', '汇达塑业', '时盛金属']
    >>> t = "争取开曼铝业和东方希望两大氧化铝项目一期年内建成;推进一期和二期两个项目;东区、西区两个项目"
    >>> [t[s:e] for s, e in _counted_lists(t, 0, len(t))]
    ['开曼铝业', '东方希望']
    """
    out: list[tuple[int, int]] = []
    if (text.find("、", start, end) < 0 and not any(text.find(j, start, end) >= 0 for j in _LAST_JOINS)) \
            or not _LIST_CLOSURE.search(text, start, end):
        return _bracketed_count(text, start, end)  # no list, or nothing that closes one as firms
    for m in _COUNTED_LIST.finditer(text[start:end]):
        items = item_spans(m["list"].split("、"), start + m.start("list"))
        items[0] = (_strip_verb(text, *items[0]), items[0][1])
        n = cn_to_number(m["n"]) if m["n"] is not None else None
        if n is not None and n == len(items) + 1:
            # "A、B和C三家企业", "A和B两大…项目": the last item joined by a conjunction completes the count
            s, e = items[-1]
            joins = [at for at in range(s + 2, e - 1) if text[at] in _LAST_JOINS]
            if len(joins) == 1:
                items[-1:] = [(s, joins[0]), (joins[0] + 1, e)]
        if len(items) < 2 or ((m["cls"] == "大" or m["closure"] == "项目") and n != len(items)):
            continue  # one name is no list; "两大…项目" counts things only where the count matches
        # a count of firms equal to the list's length says each item is a firm: a name may end like a place
        # ("中冶银河"); a count of projects may count places ("东区、西区两个项目")
        counted = n is not None and len(items) == n
        if (m["n"] is None or counted) and all(
                _shaped(text[s:e]) or lone_firm_name(text[s:e], any_ending=counted and m["closure"] != "项目")
                for s, e in items):
            out.extend(items)
    return out + _bracketed_count(text, start, end)


def _bracketed_count(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """"新认定省科技型中小企业12家(高盛泡沫、汇达塑业、…)": the firms counted, named in the bracket after the count."""
    out: list[tuple[int, int]] = []
    for m in _COUNTED_BRACKET.finditer(text, start, end):
        names = m["list"].split("、")
        items = item_spans(names, m.start("list"))
        # the count says each item is a firm: most read as names of their own, none as a place, work or department
        # ("双伟膜业" beside "汇达塑业")
        if len(items) >= 2 and len(items) == cn_to_number(m["n"]) \
                and 2 * sum(_shaped(n) or lone_firm_name(n, any_ending=True) for n in names) >= len(names) \
                and not any(_not_a_name(n, endings=False) for n in names):
            out.extend(items)
    return out


@lru_cache(maxsize=1)
def named_project() -> re.Pattern[str]:
    """A name between a verb that brings or pushes a project and 项目 (the named-project rule reads no other text)."""
    words = lexicon.FIRM_VERBS + lexicon.FIRM_INTAKE_VERBS + lexicon.PROJECT_EVENT_VERBS
    first = "".join(sorted({w[0] for w in words}))
    # The lookahead (the characters a match can start with) only speeds up the scan.
    # ... or before the project's size and product ("推进农大禾丰35万吨数字化生产线项目")
    size = (r"\d+(?:\.\d+)?(?:万|亿)?(?:吨|头|只|羽|套|件|台|辆|平方米|千瓦|兆瓦|GW|MW|锭|亩)"
            r"[\u4e00-\u9fffA-Za-z]{0,14}?")
    return re.compile(rf"(?=[{first}])(?:{lexicon.alternation(words)})(?P<name>[\u4e00-\u9fff]{{2,5}}?)"
                      rf"(?P<size>{size})?项目")


@lru_cache(maxsize=1)
def company_kind() -> re.Pattern[str]:
    """Words that say what kind of firm or business a name is, not which one ("快递", "平台", "燃气", "物流"): a
    name made only of them (`fullmatch`) or holding one (`search`, for a bare 公司's body) names no firm of its own."""
    words = lexicon.COMPANY_KIND_WORDS + lexicon.COMPANY_INDUSTRY_WORDS + lexicon.SECTOR_WORDS
    return re.compile(f"(?:{lexicon.alternation(words)})+")


def _named_projects(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A firm named by its project after the verb that brings or pushes it ("先后引进吉香居项目",
    "做好侨致农牧项目落地", "举办中航光电项目动工仪式"): a name of its own, not a kind, sector, place or work
    ("引进外资项目", "推进重点项目").

    >>> t = "先后引进吉香居项目,做好侨致农牧项目落地,举办中航光电项目动工仪式,引进外资项目,推进重点项目,推进城南项目"
    >>> [t[s:e] for s, e in _named_projects(t, 0, len(t))]
    ['吉香居', '侨致农牧', '中航光电']
    >>> t = "推进农大禾丰35万吨数字化生产线项目,推进城区5万平方米改造项目"
    >>> [t[s:e] for s, e in _named_projects(t, 0, len(t))]
    ['农大禾丰']
    """
    if text.find("项目", start, end) < 0:
        return []
    out = []
    for m in named_project().finditer(text, start, end):
        name = m["name"]
        if company_kind().fullmatch(name) or _not_a_name(name):
            continue
        # firm-shaped ("侨致农牧", "中航光电"); a name without a trade only where one is brought in ("引进吉香居项目")
        brought_in = text[max(start, m.start() - 4):m.start("name")].endswith(lexicon.FIRM_INTAKE_VERBS)
        # or a name before its project's size ("推进农大禾丰35万吨数字化生产线项目")
        if _shaped(name) or ((brought_in or m["size"]) and len(name) >= 3 and lone_firm_name(name)
                             and not any(ch in name for ch in lexicon.NOT_NAME_CHARS)):
            out.append(m.span("name"))
    return out


def _honoured_firms(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Firms by their trade names that open a clause and win an honour ("环锂新能源获评…", "百神药业获评…",
    "神剑新材料和鑫科铜业入围…"): the name shaped as a firm's, a body and an industry word.

    >>> t = "环锂新能源获评国家专精特新“小巨人”企业,百神药业获评全省示范,神剑新材料和鑫科铜业入围单项冠军,全区获评"
    >>> [t[s:e] for s, e in _honoured_firms(t, 0, len(t))]
    ['环锂新能源', '百神药业', '神剑新材料', '鑫科铜业']
    >>> t = "睿兆芯、湘溪塑业、恒泰纸管获评省专精特新中小企业,东区、西区入选省级示范"
    >>> [t[s:e] for s, e in _honoured_firms(t, 0, len(t))]
    ['睿兆芯', '湘溪塑业', '恒泰纸管']
    """
    if not _HONOUR.search(text, start, end):
        return []  # no honour won in the span
    found = [(start + m.start("name"), start + m.end("name")) for m in _HONOURED.finditer(text[start:end])
             if _shaped(m["name"])]
    # "睿兆芯、湘溪塑业、恒泰纸管获评…": a list of names winning it together, one of them shaped as a firm's, the
    # others names of their own
    for m in _HONOURED_LIST.finditer(text[start:end]):
        names = re.split(r"[、和]", m["list"])
        items = item_spans(names, start + m.start("list"))
        if any(_shaped(n) for n in names) and all(_shaped(n) or lone_firm_name(n) for n in names):
            found.extend(item for item in items if item not in found)
    return sorted(found)


_HONOUR = re.compile(lexicon.alternation(lexicon.FIRM_HONOUR_WORDS))
_HONOURED_LIST = re.compile(rf"(?:^|(?<=[,，;；。:：\n]))(?P<list>[\u4e00-\u9fff]{{2,8}}(?:、[\u4e00-\u9fff]{{2,8}})+"
                            rf"(?:和[\u4e00-\u9fff]{{2,8}})?)(?={_HONOUR.pattern})")


_HAN_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")
# A project after its investment ("投资10亿元的晶澳新能源产业基地", "总投资100亿元的山东龙马汽车安全系统…").
# What a project invests, as printed before it: "总投资约10亿元的", "投资2500万元".
_INVESTMENT = r"(?:总)?投资\s*(?:约|近|超|逾)?\s*\d+(?:\.\d+)?\s*(?:亿|万)\s*元"
_INVESTED = re.compile(rf"{_INVESTMENT}的?(?P<project>[\u4e00-\u9fff\dA-Za-z]{{4,30}})")
# ... and a firm opening a clause before what it invests ("汉得利电子总投资3亿元的…项目").
_INVESTING_FIRM = re.compile(rf"(?:^|(?<=[,，;；。、:：\s]))(?P<firm>[\u4e00-\u9fff]{{2,8}}?)(?={_INVESTMENT}的)")
# What a project's name goes on with after its builder: its trade or product ("新能源", "光伏", "5G用铜箔").
_PRODUCT_OPENING = re.compile(rf"\d|{lexicon.alternation(lexicon.SECTOR_WORDS + lexicon.FIRM_INDUSTRY_WORDS)}")
# Words after a trade that make it the project's, not the builder's: "晶澳" + "新能源" + "产业基地".


def _invested_projects(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Builders named at the head of projects printed after their investment: "投资10亿元的晶澳新能源产业基地" ->
    晶澳, "投资2亿元的瑞禾农业番茄全产业链" -> 瑞禾农业 (a name with its trade, the product after it). The builder is
    two to four characters before a trade or a figure, and no place, work, sector or generic word.

    >>> t = ("引进投资10亿元的晶澳新能源产业基地、投资2亿元的瑞禾农业番茄全产业链、投资5亿元的智慧物流园、"
    ...      "投资7亿元华鑫5G用铜箔")
    >>> [t[s:e] for s, e in _invested_projects(t, 0, len(t))]
    ['晶澳', '瑞禾农业', '华鑫']
    >>> t = "总投资100亿元的山东龙马汽车安全系统、投资15亿元仰韶文化产业园、投资2500万元再建27公里农村道路"
    >>> [t[s:e] for s, e in _invested_projects(t, 0, len(t))]
    ['山东龙马']

    A firm-shaped name opening a clause before what it invests is a builder too.

    >>> t = "千红生化扩大产能;汉得利电子总投资3亿元的产业化项目已投产,全区总投资5亿元的项目开工"
    >>> [t[s:e] for s, e in _invested_projects(t, 0, len(t))]
    ['汉得利电子']
    """
    out: list[tuple[int, int]] = []
    if text.find("投资", start, end) < 0:
        return out
    for m in _INVESTED.finditer(text, start, end):
        length = _builder_length(m["project"])
        if length:
            out.append((m.start("project"), m.start("project") + length))
    for m in _INVESTING_FIRM.finditer(text, start, end):
        # "汉得利电子总投资3亿元的传感器产业化项目": a firm-shaped name, the subject of what it invests in
        if _shaped(m["firm"]) and not _not_a_name(m["firm"]):
            out.append((m.start("firm"), m.end("firm")))
    return out


def _builder_length(project: str, in_list: bool = False) -> int:
    """How many characters at the head of a project's name name its builder (0: none): two to four before a trade
    or a figure, with the trade for a two-character name a product follows; in a list of projects also before
    what the project makes yearly ("龙泰年产500万套化妆刷生产项目") or a figure of its size ("亿来20万锭…")."""
    for k in range(2, 5):
        body, rest = project[:k], project[k:]
        opening = _PRODUCT_OPENING.match(rest)
        if opening is None and in_list:
            opening = _LIST_PRODUCT_OPENING.match(rest)
        if opening is None or len(rest) < 2 or not _HAN_NAME.fullmatch(body):
            continue
        trade = opening.group(0)
        if trade.isdigit() and not re.match(r"\d+[A-Za-z]", rest) and not in_list:
            continue  # "再建27公里农村道路": a quantity, no product ("5G用铜箔")
        if trade in lexicon.SECTOR_WORDS and trade not in lexicon.FIRM_INDUSTRY_WORDS and \
                project.endswith(lexicon.PLACE_ENDINGS):
            return 0  # "仰韶文化产业园", "沿黄现代农业产业园": a park named by its place and its sector
        # A short name keeps its trade when a product follows ("瑞禾农业番茄全产业链"); a longer one is whole
        # ("山东龙马汽车安全系统"), and a trade before a project noun is the project's ("晶澳新能源产业基地").
        rest_after = rest[len(trade):]
        own_trade = len(body) == 2 and not trade.isdigit() and trade != "年产" and not rest_after.startswith(
            lexicon.PROJECT_NOUNS)
        if in_list and not trade.isdigit() and trade in lexicon.FIRM_INDUSTRY_WORDS and \
                re.match(r"(?:[一二三四五六七八九十]期)?项目$", rest_after):
            own_trade = True  # "护理佳纸业二期项目": the trade is the firm's, nothing but the project follows
        if trade in lexicon.FIRM_INDUSTRY_WORDS and rest_after.startswith(lexicon.FIRM_WORKS_STAGES):
            own_trade = True  # "久亿矿山机械开工建设": the works of the firm named with its trade start
        name = body + trade if own_trade else body
        if _not_a_name(name) or _GENERIC_BODY.match(body) or not strip_generic(body) or \
                _sector_only().search(body) is not None or _department_stem(body):
            return 0
        return len(name)
    return 0


_LIST_OPENER = re.compile(lexicon.alternation(lexicon.PROJECT_LIST_INTRODUCERS))
_STOPWORD_HEAD = re.compile(lexicon.alternation(lexicon.NAME_STOPWORDS + lexicon.PROJECT_ITEM_OPENERS))
# In a list of projects, what a project makes yearly or a figure of its size opens its product too.
_LIST_PRODUCT_OPENING = re.compile(r"年产|\d")
# A 、-list of two projects or more, each closed by 项目 ("多走路运动鞋生产二期项目、护理佳纸业二期项目、…").
_PROJECT_ITEMS = re.compile(r"(?<![\u4e00-\u9fff])(?:[\u4e00-\u9fff\dA-Za-z.]{4,30}?项目、)+"
                            r"[\u4e00-\u9fff\dA-Za-z.]{4,30}?项目")


def _listed_projects(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The builders at the head of the projects of a list of projects ("签约的项目包括护理佳纸业二期项目、和一肉制品
    生产项目、龙泰年产500万套化妆刷生产项目" -> 护理佳纸业, 龙泰): each item a builder and its product.

    >>> t = "签约的项目包括护理佳纸业二期项目、龙泰年产500万套化妆刷生产项目、城区道路改造项目。"
    >>> [t[s:e] for s, e in _listed_projects(t, 0, len(t))]
    ['护理佳纸业', '龙泰']
    """
    out: list[tuple[int, int]] = []
    if text.find("项目、", start, end) < 0 and text.find("等", start, end) < 0:
        return out
    runs = [(start + m.start(), m.group(0), False) for m in _PROJECT_ITEMS.finditer(text[start:end])]
    runs += [(pos, run, True) for pos, run in _closed_project_lists(text, start, end)]
    for pos, run, closed in sorted(set(runs)):
        for k, item in enumerate(run.split("、")):
            s = pos
            if k == 0:
                # the list opens after what introduces it ("签约的项目包括…", "分别是:…") and the clause's verbs
                opened = [x.end() for x in _LIST_OPENER.finditer(item)]
                s = _strip_verb(text, pos + (opened[-1] if opened else 0), pos + len(item))
                if "的" in text[s:pos + len(item) - 1]:
                    # "加强已申报的35个国债项目": the item opens after its modifier; "…有限公司的高档石英材料…项目" is
                    # a registered firm's project, that rule's
                    cut = text.rindex("的", s, pos + len(item) - 1)
                    s = pos + len(item) if text[s:cut].endswith(_REGISTERED_TAILS) else cut + 1
            project = text[s:pos + len(item)]
            length = _builder_length(project, in_list=True)
            name = text[s:s + length]
            if closed and (not (_shaped(name) or _LIST_PRODUCT_OPENING.match(project, length))
                           or any(tail in project for tail in _REGISTERED_TAILS) or _place_item(project)):
                # items of a list only closed by "等…项目" are firms' projects where the name is a firm's shape or
                # what it makes yearly follows; a registered name is the other rule's, a park or zone no firm's
                length = 0
            if length and (_shaped(name) or lone_firm_name(name)) and not _STOPWORD_HEAD.match(name):
                out.append((s, s + length))
            pos += len(item) + 1
    return out


def _place_item(project: str) -> bool:
    """Whether an item of a list of projects is a park, zone or base, with or without the work on it
    ("罡阳汽车工业园建设", "国际航空物流产业示范区").

    >>> _place_item("罡阳汽车工业园建设"), _place_item("国际航空物流产业示范区"), _place_item("盛泽年产10万吨配件加工")
    (True, True, False)
    """
    core = re.sub(r"(?:建设项?|项目|工程)$", "", project)
    return core.endswith(lexicon.PLACE_ENDINGS)


def _closed_project_lists(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """The 、-lists of two items or more closed by "等…项目" ("加快盛泽年产10万吨机械零配件加工、郑研通用年产10万套
    物联网零部件生产等重点项目"), each from where its clause opens: (offset, text).

    >>> t = "全力推动园区建设,盛泽年产10万吨零配件加工、郑研通用年产10万套零部件生产等重点项目提速。"
    >>> _closed_project_lists(t, 0, len(t))
    [(9, '盛泽年产10万吨零配件加工、郑研通用年产10万套零部件生产')]
    """
    out = []
    for m in _PROJECT_LIST.finditer(text, start, end):
        if not text.startswith("等", m.start()) or _FIRMS_NAMED.match(text, m.start(), end):
            continue
        s = m.start()
        while s > start and text[s - 1] not in _CLAUSE_BREAKS:
            s -= 1
        run = text[s:m.start()]
        if run.count("、") >= 1 and all(2 <= len(item) <= 30 for item in run.split("、")):
            out.append((s, run))
    return out


_CLAUSE_BREAKS = ",，;；。:：!！?？\n()（）“”\"《》"


# An item of a project list named by its builder and its phase ("利安隆二期", "匠星玩具二期项目").
_PHASED = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,6}?)(?:[一二三四五六七八九十]|\d{1,2})期(?:项目|工程)?")
# Verbs of two characters or more ("收购", "推进"): none stands inside a builder's name.
_LONG_STOPWORDS = tuple(w for w in lexicon.NAME_STOPWORDS if len(w) > 1)
# What closes a list of projects: 等, a few words (a count, a size, a kind), 项目.
_PROJECTS_CLOSE = re.compile(r"等[^。;；,，、]{0,20}?项目")
# A 、-list whose items may hold Latin letters and figures ("奥士康PCB板、阿特斯3GW太阳能光伏电池").
_MIXED_LIST = re.compile(r"(?<![\u4e00-\u9fffA-Za-z0-9.])[\u4e00-\u9fffA-Za-z0-9.]+(?:、[\u4e00-\u9fffA-Za-z0-9.]+)+")


@lru_cache(maxsize=1)
def _product_start() -> re.Pattern[str]:
    return re.compile(rf"[A-Za-z0-9]|(?:{lexicon.alternation(lexicon.PRODUCT_OPENERS)})")


def _builder_projects(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The builders of a 、-list of projects closed by 等…项目 whose items name their builder before their product
    ("力促奥士康PCB板、伟创力高端PCB、阿特斯3GW太阳能光伏电池等一批10亿元以上项目"): the name before a figure, a Latin
    model or a word of a product (`lexicon.PRODUCT_OPENERS`), two to five characters that name no place, work,
    sector or generic word and hold no verb; two such items at least.

    >>> t = "力促力言机器人、奥士康PCB板、伟创力高端PCB、阿特斯3GW太阳能光伏电池等一批10亿元以上项目实现突破。"
    >>> [t[s:e] for s, e in _builder_projects(t, 0, len(t))]
    ['奥士康', '伟创力', '阿特斯']
    >>> t = "推进城区供水管网改造、新建污水处理厂、总投资5亿元的饲料厂、年产5万吨饲料等项目。"
    >>> _builder_projects(t, 0, len(t))
    []
    """
    out: list[tuple[int, int]] = []
    for run in _MIXED_LIST.finditer(text, start, end):
        last = run.group(0).rsplit("、", 1)[1]
        close = _PROJECTS_CLOSE.search(text, run.end() - len(last), end)
        if close is None or close.start() > run.end():
            continue
        found, pos = [], run.start()
        for k, piece in enumerate(text[run.start():close.start()].split("、")):
            s = _strip_verb(text, pos, pos + len(piece)) if k == 0 else pos
            cut = _product_start().search(text, s + 2, pos + len(piece))
            name = text[s:cut.start()] if cut is not None and cut.start() - s <= 5 else ""
            if name and (_shaped(name) or lone_firm_name(name)) and not any(
                    w in name for w in lexicon.PROJECT_MEASURE_WORDS + _LONG_STOPWORDS):
                found.append((s, s + len(name)))
            pos += len(piece) + 1
        if len(found) >= 2:
            out.extend(found)
    return out


def _phased_projects(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The firms of a 、-list whose items are projects named by their builder and phase ("推动利安隆二期、众卡二期尽快
    落地", "推进匠星玩具二期、彩田制衣二期等一批产业项目"): two phased items at least, each builder a name, not a
    place, a work, a sector or a generic word ("污水处理厂三期", "滨江新区二期" are works and places).

    >>> t = "推动利安隆二期、众卡二期尽快落地,新枫新材料、大和三期、小乔二期竣工;实施污水处理厂三期、滨江新区二期。"
    >>> [t[s:e] for s, e in _phased_projects(t, 0, len(t))]
    ['利安隆', '众卡', '新枫新材料', '大和', '小乔']
    """
    out: list[tuple[int, int]] = []
    if text.find("期", start, end) < 0:
        return out  # no phase named
    for run in _list_run().finditer(text[start:end]):
        pos, found, shaped = start + run.start(), [], []
        for k, piece in enumerate(run.group(0).split("、")):
            s = _strip_verb(text, pos, pos + len(piece)) if k == 0 else pos
            m = _PHASED.match(text, s, pos + len(piece))
            if m is not None and (k > 0 or m.start() == s):
                found.append(m.span("name"))
            elif _shaped(text[s:pos + len(piece)]):
                shaped.append((s, pos + len(piece)))  # "新枫新材料、大和三期、…": a firm by its trade among them
            pos += len(piece) + 1
        names = [text[a:b] for a, b in found]
        if len(found) >= 2 and not any(_not_a_name(n) or _sector_only().search(n) or not strip_generic(n)
                                       or _GENERIC_BODY.match(n) for n in names):
            out.extend(sorted(found + shaped))
    return out


@lru_cache(maxsize=1)
def _chain_role() -> re.Pattern[str]:
    return re.compile(rf"以(?P<name>[\u4e00-\u9fff]{{2,8}}?)为(?:{lexicon.alternation(lexicon.FIRM_CHAIN_ROLES)})")


def _chain_leaders(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The firms a plan makes the masters of its industry chains ("以牧原为链主的肉食品加工", "以龙成为链主的特种钢"):
    names, not sectors, places or generic words.

    >>> t = "培育以牧原为链主的肉食品加工、以龙成为链主的特种钢,以项目为龙头带动投资,以前进牧业为龙头的乳制品集群"
    >>> [t[s:e] for s, e in _chain_leaders(t, 0, len(t))]
    ['牧原', '龙成', '前进牧业']
    """
    out = []
    for m in _chain_role().finditer(text, start, end):
        s, e = m.span("name")
        name = text[s:e]
        if not _shaped(name) and (_not_a_name(name) or _sector().search(name) or _GENERIC_BODY.match(name)
                                  or not strip_generic(name)):
            continue  # "宛西制药" is a firm's shape; "数字光电", "项目" are none
        out.append((s, e))
    for m in _LEADING_FIRM.finditer(text, start, end):
        if _shaped(m["name"]) and not any(a <= m.start("name") < b for a, b in out):
            out.append(m.span("name"))  # "以前进牧业为龙头…": one firm a cluster leans on, shaped as a firm
    return sorted(out)


# "以前进牧业为龙头": a firm that leads a cluster (项目 and 园区 lead as often: only firm-shaped names are read).
_LEADING_FIRM = re.compile(r"以(?P<name>[\u4e00-\u9fff]{3,8}?)为(?:龙头|引领)")


def _natural_end(item: str) -> bool:
    """A name of four characters or more ending in a natural feature ("正大丰海", "鑫源长江"): a trade name as often as
    a place; its other endings still tell a place.

    >>> [_natural_end(n) for n in ("正大丰海", "东海", "滨湖新区", "鑫源长江")]
    [True, False, False, True]
    """
    return len(item) >= 4 and item[-1] in _NATURAL_ENDS and not item.endswith(lexicon.PLACE_ENDINGS)


def _product_head(item: str) -> bool:
    """Whether an item of a list of projects is a builder's name and its product ("龙马风电", "中元高空作业车"):
    two to four characters of a name, then a word of a sector or trade; the name no sector, place or generic word.

    >>> [_product_head(n) for n in ("龙马风电", "中元高空作业车", "光伏发电", "城区供水", "永磁材料")]
    [True, False, False, False, True]
    """
    for k in range(2, 5):
        body, rest = item[:k], item[k:]
        if len(rest) >= 2 and _sector().match(rest) and strip_generic(body) and not _GENERIC_BODY.match(body) \
                and _sector().search(body) is None and not _not_a_name(body) and not _department_stem(body):
            return True
    return False


def short_firm_names(text: str, start: int, end: int) -> list[EnterpriseOut]:
    """Short firm names in text[start:end] (offsets into `text`), in text order."""
    found: dict[tuple[int, int], EnterpriseOut] = {}
    words = _industry_words()
    for m in _LIST_END.finditer(text, start, end):
        if _SECTOR_LIST.match(text, m.start(), end):
            continue  # "健康医药、绿色建材等多个产业": industries, not firms
        project_list = _PROJECT_LIST.match(text, m.start(), end) is not None
        if not project_list and not words.search(text, max(start, m.start() - 40), m.start()):
            continue  # no industry word among the items before this 等: no firm-shaped item to read
        items = [(after_self_reference(text, _strip_verb(text, s, e), e), e)
                 for s, e in _list_items(text, start, m.start())]
        if items and "的" in text[items[0][0]:items[0][1]]:
            # "总投资80亿元的中粮粮谷": the first item's name starts after the modifier's 的
            items[0] = (text.rindex("的", items[0][0], items[0][1]) + 1, items[0][1])
        items = [(s, _without_headquarters(text, s, _without_phase(text, s, e))) for s, e in items]
        items = [(s, e) for s, e in items if 2 <= e - s <= 8 and not _WORKS.search(text[s:e])]
        # A list of projects or firms needs two items, one of them firm-shaped ("加快力诚光伏、中金检测试剂等重点项目");
        # a list of anything else three, most of them firm-shaped.
        shaped = sum(1 for s, e in items if _shaped(text[s:e]))
        if project_list:
            # Names without an industry word ("国轩、巡鹰、登特菲等项目") are firms when no item names a sector;
            # one firm-shaped name may stand alone before a count of firms ("苏农科技等3家企业").
            # Two names suffice where the list names projects firms sign or build ("推动腾讯、迈为等签约项目").
            # A count of 家 counts firms ("长崃、芯技通等8家亿元以上重大项目"); a well-known firm among the items makes
            # the others firms too ("推动华能、欣旺达等光伏项目").
            firm_projects = _FIRM_PROJECT.match(text, m.start(), end) is not None or _COUNTED_BY_FIRM.match(
                text, m.start(), end) is not None or any(_known_firms().fullmatch(text, s, e) for s, e in items) or (
                # "成功引进立洲、泓安等大型商贸企业": firms a place brings in
                bool(items) and _FIRMS_NAMED.match(text, m.start(), end) is not None
                and text[max(start, items[0][0] - 4):items[0][0]].endswith(lexicon.FIRM_INTAKE_VERBS))
            # (where the list is of projects in a deal, a sector word may end a trade name of two characters:
            # "拓维信息"; elsewhere it makes the item a sector: "电子信息", "民宿经济")
            deal = _DEAL_PROJECT.match(text, m.start(), end) is not None
            opaque = (len(items) >= 3 or len(items) == 2 and firm_projects) and not any(
                (_sector_body(text[s:e]) if deal else _sector().search(text, s, e))
                or _not_a_name(text[s:e], endings=not _natural_end(text[s:e]))
                for s, e in items)
            counted = len(items) == 1 and shaped == 1 and _COUNTED_FIRMS.match(text, m.start(), end) is not None
            heads = [_product_head(text[s:e]) for s, e in items]
            headed = len(items) >= 2 and any(heads) and all(
                ok or (e - s >= 4 and not (_sector().search(text, s, e) or _not_a_name(text[s:e])))
                for (s, e), ok in zip(items, heads, strict=True)) and not any(
                tail in text[s:e] for s, e in items for tail in _REGISTERED_TAILS)
            if not counted and not headed and (len(items) < 2 or (shaped < 1 and not opaque)):
                continue
        elif len(items) < 3 or 2 * shaped < len(items):
            continue
        for s, e in items:
            if text[s - 1:s].isdigit():
                continue  # "50万千瓦光伏治沙": the tail of a quantity, one of the list's projects but no name
            e = s + _known_firm_prefix(text[s:e])  # "比亚迪刀片电池": a well-known firm and its product
            found[(s, e)] = EnterpriseOut(name=text[s:e], span=(s, e), rule=RULE_PROJECT_LIST)
    comma = text.find("、", start, end)
    while comma >= 0:
        # "力争森泰股份、强邦新材、天运股份上市": a list of firm-shaped names before what firms do (the items after
        # each 、 are tried: most passages have few).
        last = (_list_end(lexicon.FIRM_ACTIVITY_WORDS).match(text, comma + 1, end)
                or _list_end(lexicon.FIRM_PARTNER_WORDS).match(text, comma + 1, end))
        comma = text.find("、", comma + 1, end)
        if last is None:
            continue
        stop = last.start("count") if last.group("count") else last.start("act")
        items = [(_strip_verb(text, s, e), e) for s, e in _list_items(text, start, stop)]
        # Two firm-shaped items make it a list of firms; an item of another shape ("县制药厂") is left out.
        shaped_items = [(s, e) for s, e in items if _shaped(text[s:e])]
        if len(shaped_items) >= 2:
            for s, e in shaped_items:
                found.setdefault((s, e), EnterpriseOut(name=text[s:e], span=(s, e), rule=RULE_PROJECT_LIST))
    for s, e in _opened_list_firms(text, start, end):
        found.setdefault((s, e), EnterpriseOut(name=text[s:e], span=(s, e), rule=RULE_OPENED_LIST))
    for s, e in _chain_leaders(text, start, end):
        found.setdefault((s, e), EnterpriseOut(name=text[s:e], span=(s, e), rule=RULE_CHAIN_LEADER))
    # Rules that read a name where an earlier one found none ("…鑫盛三期…" is no second firm inside a found name).
    for rule_id, rule in ((RULE_NAMED_PROJECT, _named_projects), (RULE_HONOURED, _honoured_firms),
                          (RULE_COUNTED_LIST, _counted_lists), (RULE_INVESTED_PROJECT, _listed_projects),
                          (RULE_INVESTED_PROJECT, _invested_projects), (RULE_PHASED_PROJECT, _phased_projects),
                          (RULE_BUILDER_PROJECT, _builder_projects)):
        for s, e in rule(text, start, end):
            if not any(a <= s < b for a, b in found):
                found[(s, e)] = EnterpriseOut(name=text[s:e], span=(s, e), rule=rule_id)
    verbs = _verb_anywhere()
    for m in _industry_words().finditer(text, start, end):
        if not verbs.search(text, max(start, m.start() - 8), m.start() - 2):
            continue  # no verb of support close enough before the word: no short name to read here
        # The shortest body with a verb before it: "全力扶持康普药业上市" -> 康普药业.
        for s in range(m.start() - 2, max(start, m.start() - 4) - 1, -1):
            name = text[s:m.end()]
            if not _shaped(name) or not _verb_before().search(text[max(start, s - 4):s]):
                continue
            if _activity_after().match(text, m.end(), min(end, m.end() + 6)) and \
                    not any(a <= s < b or a < m.end() <= b for a, b in found):
                found[(s, m.end())] = EnterpriseOut(name=name, span=(s, m.end()), rule=RULE_SHORT_NAME)
            break
    return [found[k] for k in sorted(found)]
