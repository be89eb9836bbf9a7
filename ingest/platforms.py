"""Platforms named in a plan: laboratories, research institutes, zones, incubators, bases, facilities.

Platforms are found by their head noun (实验室, 研究院, 高新区, 科创大走廊, 众创空间, 基地, …, in
`data/gazetteers/platform_heads.tsv`) with the left edge of the name at the nearest punctuation,
verb or conjunction (`names`). A candidate is kept only when it names one platform: its descriptor
(the name without level prefixes and head) must hold more than category words ("省重点实验室",
"概念验证中心" are categories), or carry a place name (`places`), or be the city's own
(市技术转移转化中心). Coordinated abbreviations are expanded: "之江、西湖等2家省实验室" gives
之江实验室 and 西湖实验室. Other rules read the institutes of the academies, field stations,
facilities listed before their class, names given after a dash, and the other items of a list
that names a platform.

>>> from plankg.ingest.pipeline import extract_text
>>> ex = extract_text("湖州市科技创新工作要点\\n推动之江、西湖等2家省实验室建设。")
>>> [(p.name, p.kind, p.level) for p in ex.platforms]
[('之江实验室', 'laboratory', 'provincial'), ('西湖实验室', 'laboratory', 'provincial')]
"""
from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from plankg.ingest import lexicon
from plankg.ingest.contract import PlatformOut
from plankg.ingest.departments import default_registry
from plankg.ingest.gazetteer import Head, HeadLookup, HeadSpan, has_head, head_index, platform_heads
from plankg.ingest.names import (
    LEADING_NOISE,
    PUNCT,
    NameRun,
    distinct_mentions,
    item_spans,
    name_runs,
    past_leading_verbs,
    strip_generic,
)
from plankg.ingest.numerals import cn_to_number
from plankg.ingest.places import Places

if TYPE_CHECKING:  # structure.py is the colleague's module; only its shape is needed here
    pass

log = logging.getLogger(__name__)

RULE_PLATFORM = "plankg.entities.platform.head_noun.v5"
RULE_COORDINATED = "plankg.entities.platform.coordinated.v1"
RULE_COORDINATED_MISMATCH = "plankg.entities.platform.coordinated_count_mismatch.v1"

# Praise, not a name: "高水平创新城" is any city of innovation, "未来科技城" one place.
_EVALUATIVE = re.compile(r"^(?:高水平|高能级|高质量|高标准|高起点|世界级|世界一流|国际一流|国际化|一流|"
                         r"重大|新型|现代化|具有全球影响力的|具有国际影响力的|全球|国际)+$")

# "来(留)", "制(修)订": a one-character bracket offers an alternative word; names bracket places.
_ALTERNATIVE_WORD = re.compile(r"[(（][^()（）][)）]")

# Money and land before a name: "投资20亿元沿黄现代农业产业园", "1100亩泉商产业园".
_AMOUNT = re.compile(r"\d+(?:\.\d+)?\s*(?:(?:万亿|亿|万|千)?元|万?(?:亩|平方米|平方公里|公顷))")
# An item's number glued to its name after a full stop ("。3泰山茶溪谷产业园"): no part of it.
_LIST_NUMBER = re.compile(r"(?P<circled>[①-⑳])|\d{1,2}(?=[\u4e00-\u9fff])(?![\d号年月日个家期批座所项类届])")
_LEADING_QUANTITY = re.compile(r"(?:\d+|[一二三四五六七八九十两几多]+)(?:家|个|所|批|大|项|类|座)(?:左右|以上|上下)?")
# The grades a platform is awarded ("省级…基地"): before words of a kind only, a grade names a category.
_GRADES = ("国家级", "自治区级", "省级", "市级", "区级", "县级")
_GRADE = re.compile(lexicon.alternation(_GRADES))
_LEVEL_PREFIX = re.compile(rf"^(?:{lexicon.alternation(_GRADES)}|国家|全国|自治区|"
                           r"省(?!份)|市(?!场)|区(?!域)|县(?!域))")
_PART_OF_FIRM = re.compile(r"(?:股份)?有限|公司|集团|项目")
# Kinds of platform a plan builds as a project: "中药材种植产业园项目" names the park it builds.
_BUILT_AS_PROJECTS = ("high-tech zone",)
# "莫干山高新区管委会", "苏州工业园区科技和信息化局": the zone's name inside the name of its administration.
# A firm named before the platform it runs, joined by a dash.
_OPERATOR_BEFORE_DASH = re.compile(r"(?:公司|集团)[-—–]")
_NOT_BUREAU = "".join(f"(?<!{re.escape(w[:-1])})" for w in lexicon.NOT_BUREAU_WORDS)
_PART_OF_DEPARTMENT = re.compile(rf"(?:管委会|管理委员会|党工委|工委|[\u4e00-\u9fff]{{0,8}}?{_NOT_BUREAU}局)"
                                 r"(?=[、,，;；:：。)）\s]|牵头|负责|配合|$)")
_COUNTED = re.compile(r"(?:达到|超过|突破|新增|增加到|增至|增加|力争达到)?"
                      r"(?:\d+(?:\.\d+)?|[一二三四五六七八九十两百千万]+)(?:家|个|所|座)")
# "(西部|东北亚区域|粤港澳大湾区国际)科技创新中心": the role a region is to play, made only of compass
# points, macro-regions and scope words around 科技创新中心 (places are stripped before matching).
_POSITIONING = re.compile(r"^(?:东部|西部|中部|北部|南部|东北|西北|西南|东南|东北亚|东南亚|中西部|"
                          r"粤港澳大湾区|大湾区|长三角|京津冀|长江经济带|黄河流域|海洋|区域性?|国际|全球|全国|综合性|重要|一流|"
                          r"具有(?:全国|全球|国际)影响力的)*科技创新中心$")
_FOLLOWED_BY_EVENT = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:大赛|竞赛|大会|论坛|峰会|博览会|交易会|展览会|年会|活动周)")
# A joint-construction prefix that opens the official name of a laboratory or centre.
_JOINT_PREFIXES = ("省部共建", "部省共建", "省市共建", "部市共建", "院地共建")
_FOLLOWED_BY_POLICY = re.compile(r"(?:建设)?(?:管理|评价|认定)?"
                                 r"(?:办法|条例|规划|方案|意见|细则|体系|模式|指南|政策|标准|计划|专项|资金|基金)")


def _level(name: str, group: str = "") -> str | None:
    """national / provincial / municipal / district, from the name's own prefixes (or its group noun).

    >>> _level("杭州国家自主创新示范区"), _level("省智能感知技术创新中心"), _level("杭州市技术转移转化中心")
    ('national', 'provincial', 'municipal')
    """
    probe = group or name
    if "国家" in probe or probe.startswith("全国"):
        return "national"
    if probe.startswith("省") or "省级" in probe or re.match(r"^\w{2,4}省", probe):
        return "provincial"
    if probe.startswith("市") or "市级" in probe or re.match(r"^\w{2,4}市(?!场)", probe):
        return "municipal"
    if (probe.startswith("区") and not probe.startswith("区域")) or "区级" in probe:
        return "district"
    return None


# Sector words ("金融", "教育", "人才"): a designation's body made of them names a kind of zone, not one zone.
_SECTOR = re.compile(lexicon.alternation(lexicon.SECTOR_WORDS + lexicon.ZONE_KIND_WORDS))


# A name that opens with a place of its own, a natural feature or a settlement ("青湖湾科创中心", "铜塘湾保税物流中心").
_OWN_PLACE = re.compile(rf"[\u4e00-\u9fff]{{1,2}}[{lexicon.PLACE_FEATURE_ENDINGS}](?![\u4e00-\u9fff]?[区县市镇乡])")
# Words that make a weak head a common noun, no platform, whatever place opens the name: 幼儿园, 花园, 峡谷.
_COMMON_BEFORE_WEAK_HEAD = re.compile(rf"(?:{lexicon.alternation(lexicon.COMMON_BEFORE_WEAK_HEAD)})$")


def _named(name: str, head: Head, quoted: bool, places: Places) -> bool:
    """Whether `name` (ending in `head`) names one platform rather than a category of them."""
    body = name[: len(name) - len(head.noun)]
    has_place = places.found_in(name)
    if _GRADE.match(body) and not has_place and not quoted and head.strength != "designation" \
            and not head.noun.endswith("开发区") and not re.search(r"[(（][\u4e00-\u9fff]{2,}[)）]", body):
        # "省级冷链物流骨干基地", "市级学科重点实验室": a grade and a kind name a category (a zone's designation
        # reads its own words below; a development zone is named after its place, one the gazetteer may lack:
        # "国家级东侨经济技术开发区"; nor one whose field is named in brackets: "省级军民结合(船海装备)产业示范基地")
        return False
    if head.strength == "designation":
        # "沙头角深港国际旅游消费合作区": a proper name the gazetteer does not know is still a name.
        # Its proper part opens the name, which does not open with a verb ("改造凤园西侧片区").
        bare_body = _LEVEL_PREFIX.sub("", body, count=1)
        proper = strip_generic(bare_body)
        named_body = (len(_SECTOR.sub("", proper)) >= 2
                      and bare_body.startswith(proper[:2]) and not lexicon.opening_verb().match(body)
                      and not re.search(r"\d", body))
        # "贡献新区智慧和新区力量": a slogan that repeats the head, no name
        return bool(body) and (has_place or "国家" in body or named_body) and body != "国家级" \
            and head.noun not in body
    if head.strength == "quoted":
        if body[:1] not in "“\"":
            return _place_opened(body, places)
        return len(body) >= 3 and strip_generic(body.strip("“”\"")) != ""
    if head.strength == "weak":
        # (a place and the head alone is the place's centre: "朗峰中心")
        place = _OWN_PLACE.match(body)
        own_place = place is not None and len(body) - place.end() >= 2 and not _COMMON_BEFORE_WEAK_HEAD.search(body)
        return len(body) >= 2 and (quoted or has_place or "·" in name or own_place) and strip_generic(body) != ""
    bare = _LEVEL_PREFIX.sub("", body, count=1)
    if head.strength == "strong" and (bare or body == "国家"):
        return not _EVALUATIVE.match(bare) or has_place or quoted
    if not bare:
        return False
    if strip_generic(bare):
        return True
    if has_place or quoted:
        return True
    # "市技术转移转化中心": the city's own institution, singular even though its words are generic.
    return (bool(re.match(r"[市区县](?![级域场])", body)) and len(bare) >= 2
            and not re.match(r"重点|新型|高水平|重大|高能级|一流|特色|专业|综合|公共|各类|一批|以上", bare))


def _place_opened(body: str, places: Places) -> bool:
    """Whether the words before a head that needs quotation marks (平台) name one platform without them: a place
    opens them, and three words of its own follow that join nothing ("重庆市CIM基础平台", "兴安盟市域社会治理现代化
    智慧平台"; not "聊城市级科技创新平台", a level's kind, nor "韶关市数字政府基础设施及平台").

    >>> from plankg.ingest.places import places_for
    >>> [_place_opened(b, places_for(None))
    ...  for b in ("重庆市CIM基础", "聊城市级科技创新", "韶关市数字政府基础设施及", "搭建")]
    [True, False, False, False]
    """
    place = places.match(body)
    if place is None:
        return False
    rest = body[place.end():]
    return len(rest) >= 3 and rest[:1] != "级" and not re.search(r"[及和与、]", rest) and strip_generic(rest) != ""


def _platform_candidates(text: str, run: NameRun, places: Places, heads: HeadLookup
                         ) -> Iterable[tuple[int, int, Head]]:
    s, e = run.start, run.end
    if not has_head(heads, s, e):
        return  # no head noun in the run: no platform ends in it
    _, by_noun = head_index()
    quote = text.rfind("“", max(0, s - 12), s - 1) if s >= 2 and text[s - 1] == "”" else -1
    if quote >= 0 and quote + 1 < s - 1 and not any(ch in PUNCT for ch in text[quote + 1:s - 1]) \
            and not _QUOTED_CLASS.search(text[quote + 1:s - 1]):
        s = quote  # "“无锡·延安”智算中心", "“P4级”数据应用实验室": a quoted word opens the name
        s = _listed_place_before(text, s)
    number = _LIST_NUMBER.match(text, s, e)
    if number and (number["circled"] or s == 0 or text[s - 1] in "。;；\n \u3000"):
        s = number.end()  # a circled number is always a marker; a bare one only where a sentence or line opens
    for pattern in (LEADING_NOISE, _LEADING_QUANTITY):
        q = pattern.match(text, s, e)
        if q and not (pattern is _LEADING_QUANTITY and places.opens(text[s:e])):  # "五家渠工业园区": a place
            s = q.end()
    first_head = next(iter(heads.finditer(s, e)), None)
    for amount in _AMOUNT.finditer(text, s, first_head[0] if first_head else e):
        s = amount.end()  # "投资20亿元沿黄现代农业产业园": the name starts after the money (or the land)
    opened = max(text.rfind("(", s, e), text.rfind("（", s, e))
    if opened >= 0 and text.find(")", opened, e) < 0 and text.find("）", opened, e) < 0 \
            and any(hm[0] > opened for hm in heads.finditer(opened, e)):
        s = opened + 1  # "一核(利青同城核心区)三带(黄河金岸文化旅游带": the name opens inside its bracket
    counted = _COUNT_INSIDE.search(text, s + 1, e)
    if counted and any(hm[1] == counted.start() for hm in heads.finditer(s, counted.start())):
        e = counted.start()  # "…、吉林经济技术开发区3个国家级开发区": the name ends where the count of the list starts
    last = None
    for hm in heads.finditer(s, e):
        if text[hm[1] - 1:hm[1]] == "区" and text[hm[1]:hm[1] + 1] in ("块", "域"):
            continue  # "集聚区块": 区 opens the next word; an earlier head of the run may still name a place
        if by_noun[hm[2]].strength == "quoted" and text[s:s + 1] not in "“\"" and not places.opens(text[s:hm[0]]):
            continue  # "甲江实验室平台": 平台 heads a name opened by quotation marks or a place; 实验室 heads this one
        last = hm
    if last is None:
        return
    for hm in heads.finditer(last[0] + 1, e):
        # heads overlap: "物流园区" reads as 物流园 and a lone 区; the head ending last names it (园区)
        if hm[0] >= last[1]:
            break
        if hm[1] > last[1] and not (text[hm[1] - 1:hm[1]] == "区" and text[hm[1]:hm[1] + 1] in ("块", "域")):
            last = hm
            break
    opened = max(text.rfind("(", s, last[0]), text.rfind("（", s, last[0]))
    if opened > s and text.find(")", opened, last[1]) < 0 and text.find("）", opened, last[1]) < 0:
        # "融易众创空间(高新区)": the head inside a bracket names where the platform is, an aside; the platform's own
        # head ends where the bracket opens
        last = next((hm for hm in heads.finditer(s, opened) if hm[1] == opened), None)
        if last is None:
            return
    last_start, last_end, last_noun = last
    for alt in _ALTERNATIVE_WORD.finditer(text, s, last_start):
        s = alt.end()
    for operator in _OPERATOR_BEFORE_DASH.finditer(text, s, last_start):
        s = operator.end()  # "楚雄中耕现代农业发展有限公司-光禄百果园星创天地": the firm that runs it, then its name
    end = last_end
    if text.startswith("核心区", end) and end + 3 <= e:
        end += 3
    name = text[s:end]
    head = by_noun[last_noun]
    # A head alone is a category, except a national designation used as a name (国家自主创新示范区).
    alone_ok = name == head.noun and head.strength == "strong" and name.startswith("国家") and len(name) >= 6
    if (len(name) <= len(head.noun) and not alone_ok) or len(name) > 40:
        return
    if _FOLLOWED_BY_POLICY.match(text, end, min(len(text), end + 8)):
        return
    if _FOLLOWED_BY_EVENT.match(text, end, min(len(text), end + 10)):
        return  # "岳麓山大学科技城创新创业大赛": the name of an event held there, not the platform
    if text.startswith(lexicon.CONCEPT_NOUNS + lexicon.ROLE_NOUNS, end) \
            or text[s:end].endswith(lexicon.CONCEPT_COMMUNITIES):
        return  # "铸牢中华民族共同体意识", "构建人类命运共同体", "副中心城市": an idea or a role, no platform
    if _POSITIONING.match(_LEVEL_PREFIX.sub("", places.remove(text[s:end]), count=1)):
        return  # "建设西部科技创新中心": a place's role in a national strategy, no institution
    if text[max(0, s - 4):s] in _JOINT_PREFIXES and ("国家" in text[s:end] or not places.search(text, s, end)):
        # "省部共建…国家重点实验室": 共建 is part of the name, not the verb before it; a name that carries its own
        # place ("…与材料广东省重点实验室") is named without it
        s -= 4
    if text[end - 1:end] == "区" and text[end:end + 1] in ("块", "域"):
        return  # "集聚区块", "核心区域": 区 opens the next word, the head noun is not there
    firm_or_project = _PART_OF_FIRM.match(text, end, min(len(text), end + 6))
    if firm_or_project and not (firm_or_project.group(0) == "项目" and head.kind in _BUILT_AS_PROJECTS):
        return  # 杭州杭钢云计算数据中心有限公司 is a firm, 某某中心项目 a project
    if _PART_OF_DEPARTMENT.match(text, end, min(len(text), end + 12)):
        return
    if _COUNTED.match(text, end, min(len(text), end + 10)) and text[s - 1:s] != "、" and \
            not strip_generic(_LEVEL_PREFIX.sub("", places.remove(text[s:last_start]), count=1)):
        # "新布局建设重庆市重点实验室20个": a place and category words, counted, are a class; the last
        # item of a list is counted with the others ("…、吉林经济技术开发区3个国家级开发区")
        return
    if _SLOGAN.match(text[s:end]) or _COUNT_INSIDE.search(text, s + 1, end) or _YEAR_START.match(text, s, end):
        return
    if alone_ok or _named(text[s:last_end], head, run.quoted, places):
        yield s, end, head
        owner = _owning_platform(text, s, last_start, heads, by_noun)
        if owner is not None and _named(text[s:owner[0]], owner[1], run.quoted, places):
            yield s, owner[0], owner[1]  # "牧原实验室郑州研发基地": the laboratory whose base this is
        inner = _inner_platform(text, s, last_start, heads, by_noun, places)
        if inner is not None and _named(text[inner:last_end], head, False, places):
            yield inner, end, head  # "宽甸经济开发区城南高新技术产业园": the park inside the zone, named on its own


def _owning_platform(text: str, s: int, head_start: int, heads: HeadLookup, by_noun: dict[str, Head]
                     ) -> tuple[int, Head] | None:
    """The laboratory or institute a platform's name opens with, and its head, when the name goes on to a base,
    a centre or a site of its own ("牧原实验室郑州研发基地" opens with 牧原实验室), else None."""
    for hs, he, noun in heads.finditer(s, head_start):
        head = by_noun[noun]
        if head.kind in _OWNING_KINDS and he <= head_start - 2 and hs > s + 1:
            return he, head
    return None


_OWNING_KINDS = ("laboratory", "research institute")


def _inner_platform(text: str, s: int, head_start: int, heads: HeadLookup, by_noun: dict[str, Head],
                    places: Places) -> int | None:
    """Where a platform's name opens inside a longer one, after the zone that holds it ("宽甸经济开发区" before
    "城南高新技术产业园"): after the last zone's head (a zone's, strong or by designation) with four characters or more
    between it and the name's own head, when the name opens with a place or a part of town, not with words of a kind
    ("…开发区数字经济产业园" is one name)."""
    inner = None
    for _hs, he, noun in heads.finditer(s, head_start):
        zone = by_noun[noun].strength in ("strong", "designation") or by_noun[noun].kind == "high-tech zone"
        if he < head_start - 3 and zone and he > s + 2:
            inner = he
    if inner is None or not (places.opens(text[inner:head_start]) or text.startswith(lexicon.AREA_WORDS, inner)):
        return None
    return inner


_COORD_ITEM = r"[^\s、,，。;；:：“”《》()（）等]{1,16}"
_COORD_COUNT = r"(?P<n>\d+|[一二三四五六七八九十两]+)(?:家|个|所|大|座)"
# What closes a coordinated list: 等 and a count, or a count alone ("徐闻、廉江、湛江农垦3个…").
_COORD_CLOSE = rf"(?:等|(?=(?:\d+|[一二三四五六七八九十两]+)(?:家|个|所|大|座)))(?:{_COORD_COUNT})?"
# The group noun: a level, words of its designation and a head ("国家现代农业示范区"), or a level and a head.
_COORD_LEVEL = r"(?:国家级|省级|市级|国家|全国|省|市|区)"


# The nouns that classify places a list names ("…、吉林长白山等景区"): no head nouns, but a list's group.
CLASSIFYING_GROUP = re.compile(lexicon.alternation(lexicon.CLASSIFYING_GROUP_NOUNS))


def _group_noun() -> str:
    """A coordinated list's group: a level and words of its designation ("国家现代农业示范区"), or words that only
    qualify it ("重点特色园区"), then a head noun or a noun that classifies places ("景区")."""
    heads = lexicon.alternation(tuple(h.noun for h in platform_heads() if h.strength not in ("weak", "quoted"))
                                + lexicon.CLASSIFYING_GROUP_NOUNS)
    modifiers = lexicon.alternation(lexicon.GROUP_MODIFIERS)
    return rf"(?:{_COORD_LEVEL}[\u4e00-\u9fff]{{0,8}}?|(?P<mod>(?:{modifiers}){{1,3}}))?(?:{heads})"


@lru_cache(maxsize=1)
def _coordinated_regex() -> re.Pattern[str]:
    return re.compile(rf"(?P<items>{_COORD_ITEM}(?:、{_COORD_ITEM})+){_COORD_CLOSE}(?P<group>{_group_noun()})")


@lru_cache(maxsize=1)
def _coordinated_tail() -> re.Pattern[str]:
    return re.compile(rf"{_COORD_CLOSE}{_group_noun()}")


_ITEM_BOUNDARY = re.compile(r"[\s,，。;；:：“”《》()（）等][^\s,，。;；:：“”《》()（）等]*$")


def _coordinated_matches(text: str, start: int, end: int) -> Iterable[re.Match]:
    """Matches of the coordinated-list pattern, tried only where a list can end ("等…实验室").

    Items hold no punctuation and no 等, so a list ending at a tail starts after the last such
    character before it: the full pattern is run on that stretch alone, not on the whole block.
    """
    full = _coordinated_regex()
    for tail in _coordinated_tail().finditer(text, start, end):
        b = _ITEM_BOUNDARY.search(text, start, tail.start())
        lo = b.start() + 1 if b else start
        m = full.search(text, lo, tail.end())
        if m:
            yield m


def _cn_count(s: str) -> int:
    return int(cn_to_number(s))


def _coordinated_platforms(text: str, start: int, end: int, heads: HeadLookup) -> list[PlatformOut]:
    """Expand "之江、西湖、良渚等3家省实验室" into one platform per listed abbreviation."""
    _, by_noun = head_index()
    out = []
    for m in _coordinated_matches(text, start, end):
        group = m["group"][len(m["mod"] or ""):]  # "重点特色园区": the qualifying words are no part of a name
        # 省实验室 members are "之江实验室", but 全国重点实验室 stays in the official names, and so does a
        # designation's own words ("徐闻、廉江3个国家现代农业示范区": 徐闻国家现代农业示范区).
        head_noun = re.sub(r"^(?:国家级|省级|市级|区级|国家|省|市|区|县)", "", group, count=1)
        if head_noun not in by_noun:
            head_noun = group  # "区块": a noun that opens like a level is whole
        head = by_noun.get(head_noun)
        if head is None and group in lexicon.CLASSIFYING_GROUP_NOUNS:  # "…、吉林长白山等景区"
            head = Head(group, lexicon.CLASSIFYING_GROUP_KIND, "designation")
        if head is None:
            noun = next((group[i:] for i in range(len(group)) if group[i:] in by_noun), None)
            if noun is None:
                continue
            head, head_noun = by_noun[noun], group
        items = item_spans(m["items"].split("、"), m.start("items"))
        # The first item runs back to the clause's verb: "推动之江" -> "之江".
        fs, fe = items[0]
        runs = name_runs(text, fs, fe, heads=heads)
        if not runs:
            continue
        items[0] = (runs[-1].start, fe)
        names = [text[a:b] for a, b in items]
        if any(has_head(heads, a, b) or b - a > 16 for a, b in items):
            continue  # full names, found by the head-noun rule; or not a list of abbreviations
        rule = RULE_COORDINATED
        if m["n"] and _cn_count(m["n"]) != len(names):
            rule = RULE_COORDINATED_MISMATCH
            log.warning("coordinated list at %d names %d platforms but says %s: keeping the %d listed",
                        m.start(), len(names), m["n"], len(names))
        level = _level(group, group)
        if (m["mod"] or head_noun in lexicon.CLASSIFYING_GROUP_NOUNS) and any(
                not strip_generic(n) or lexicon.opening_verb().match(n) for n in names):
            continue  # "研发、生产等重点园区": kinds of work, no names
        for (a, b), n in zip(items, names, strict=True):
            # "亚布力、北大湖等滑雪旅游度假地": places the group noun classifies are named as printed.
            # "嘉定氢能港、新能港等重点特色园区": an item that ends like a place is a whole name too
            printed = head_noun in lexicon.CLASSIFYING_GROUP_NOUNS or (m["mod"] and n.endswith(lexicon.PLACE_ENDINGS))
            name = n if printed else n + head_noun
            out.append(PlatformOut(name=name, kind=head.kind, level=level, span=(a, b), rule=rule))
    return out



def _joining_dash(text: str, i: int) -> bool:
    """A single "—" between two characters of a name (中国—东盟), not a "——" break."""
    return text[i] == "—" and 0 < i < len(text) - 1 and text[i - 1] != "—" and text[i + 1] != "—" \
        and not text[i - 1].isdigit()


def _windows(text: str, start: int, end: int, heads: list[HeadSpan]) -> list[tuple[int, int]]:
    """Stretches around head nouns, widened to the punctuation on either side: the only text a name
    can occupy, so the rest of a long paragraph is never cut into runs."""
    out: list[tuple[int, int]] = []
    for h_start, h_end, _noun in heads:
        ws = h_start
        while ws > start and (text[ws - 1] not in PUNCT or _joining_dash(text, ws - 1)) and h_start - ws < 60:
            ws -= 1
        we = h_end
        while we < end and text[we] not in PUNCT and we - h_end < 12:
            we += 1
        if out and ws <= out[-1][1]:
            out[-1] = (out[-1][0], max(we, out[-1][1]))
        else:
            out.append((ws, we))
    return out


RULE_ACADEMY_INSTITUTE = "plankg.entities.platform.academy_institute.v1"
# "中科院苏州纳米所": institutes of the academies are written with a bare 所, which alone is no head noun.
_ACADEMY_INSTITUTE = re.compile(r"(?:中科院|中国科学院|中国工程院|中国农科院|中国农业科学院|中国医学科学院)"
                                r"[\u4e00-\u9fff]{2,14}?所(?=[、,，;；。)）和与及等]|$)")




RULE_FIELD_STATION = "plankg.entities.platform.field_station.v1"
# "安徽农业大学皖中综合试验站": a university's or academy's field station, named after its institution.
_STATION_WORD = re.compile("试验站|实验站|观测站|研究站")
_FACILITY_WORD = re.compile("设施|装置")
FIELD_STATION = re.compile(r"[\u4e00-\u9fff]{2,12}?(?:大学|学院|科学院|研究院)[\u4e00-\u9fff]{2,10}?"
                           r"(?:综合试验站|试验站|实验站|观测研究站|观测站)")


def field_stations(text: str, start: int, end: int) -> list[PlatformOut]:
    """Field stations of a named university or academy, the clause's leading verbs cut off.

    >>> [p.name for p in field_stations("依托安徽农业大学皖中综合试验站,建设中心。", 0, 22)]
    ['安徽农业大学皖中综合试验站']
    """
    out: list[PlatformOut] = []
    if not _STATION_WORD.search(text, start, end):
        return out  # every field station's name ends in 站: a span without one is read no further
    for m in FIELD_STATION.finditer(text, start, end):
        a = past_leading_verbs(text, m.start(), m.end())
        if re.search(r"大学|学院|科学院|研究院", text[a:m.end()]):
            out.append(PlatformOut(name=text[a:m.end()], kind="research institute", level=_level(text[a:m.end()]),
                                   span=(a, m.end()), rule=RULE_FIELD_STATION))
    return out


RULE_FACILITY_LIST = "plankg.entities.platform.facility_list.v1"
_FACILITY_ITEM = r"[^\s、,，。;；:：“”《》()（）等]{2,16}?(?:设施|装置)"
# "布局建设A设施、B设施等重大科技基础设施": the class noun after 等 says each listed item is one facility.
FACILITY_LIST = re.compile(rf"(?P<items>{_FACILITY_ITEM}(?:、{_FACILITY_ITEM})*)等(?:一批)?(?:重大|大型)?(?:科技|科研)?"
                           r"(?:基础设施|科学装置|科学设施|科研设施)")


def facility_list(text: str, start: int, end: int) -> list[PlatformOut]:
    """Facilities listed before "等重大科技基础设施", each a full name ending in 设施 or 装置.

    >>> text = "布局建设脉冲强磁场优化提升设施、精密重力测量研究设施等重大科技基础设施。"
    >>> [p.name for p in facility_list(text, 0, 36)]
    ['脉冲强磁场优化提升设施', '精密重力测量研究设施']
    """
    out: list[PlatformOut] = []
    if not _FACILITY_WORD.search(text, start, end):
        return out  # a facility list ends in 设施 or 装置: a span without either is read no further
    for m in FACILITY_LIST.finditer(text, start, end):
        pos = m.start("items")
        for k, raw in enumerate(m["items"].split("、")):
            a, b = pos, pos + len(raw)
            pos = b + 1
            if k == 0:  # the first item runs back to the clause's verbs: "布局建设脉冲…" -> "脉冲…"
                a = past_leading_verbs(text, a, b)
            if b - a >= 5:
                out.append(PlatformOut(name=text[a:b], kind="large facility", level=_level(text[a:b]), span=(a, b),
                                       rule=RULE_FACILITY_LIST))
    return out


def coordinated_platforms(text: str, start: int, end: int, heads: HeadLookup) -> list[PlatformOut]:
    """Platforms expanded from coordinated lists in text[start:end] ("之江、西湖等2家省实验室")."""
    if not has_head(heads, start, end) and not CLASSIFYING_GROUP.search(text, start, end):
        return []
    if "、" in text[start:end]:  # the only shape a coordinated list has: items, then 等 or a count
        return _coordinated_platforms(text, start, end, heads)
    return []


def span_platforms(text: str, start: int, end: int, places: Places, heads: HeadLookup,
                   coordinated: list[PlatformOut] | None = None) -> list[PlatformOut]:
    """Platforms named in one prose span, in the order found, before deduplication.

    `coordinated` are the span's expanded lists when they were found already (the pipeline's
    coordination component); None finds them here.
    """
    found: list[PlatformOut] = []
    for m in _ACADEMY_INSTITUTE.finditer(text, start, end):
        if not m.group(0).endswith(("研究所", "学所")):  # those the head nouns already find
            found.append(PlatformOut(name=m.group(0), kind="research institute", level="national",
                                     span=(m.start(), m.end()), rule=RULE_ACADEMY_INSTITUTE))
    found.extend(facility_list(text, start, end))
    found.extend(field_stations(text, start, end))
    found.extend(_appositive_names(text, start, end))
    in_span = list(heads.finditer(start, end))
    found.extend(coordinated_platforms(text, start, end, heads) if coordinated is None else coordinated)
    if not in_span:
        return found
    for ws, we in _windows(text, start, end, in_span):
        for run in name_runs(text, ws, we, places, heads):
            for s, e, head in _platform_candidates(text, run, places, heads):
                name = text[s:e]
                found.append(PlatformOut(name=name, kind=head.kind, level=_level(name), span=(s, e),
                                         rule=RULE_PLATFORM))
    found.extend(_list_neighbours(text, start, end, found, places, heads))
    found.extend(_shared_suffix(text, start, found, heads))
    return found


RULE_SHARED_SUFFIX = "plankg.entities.platform.shared_suffix.v1"
# The clause before a platform's name, back to the last punctuation: "推进东城、" before "西城工业集中区".
_CLAUSE_BEFORE = re.compile(r"(?:^|[,，;；。:：(（\s.．\d])([^,，;；。:：()（）\s.．\d]*)$")
_SHORT_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")


def _shared_suffix(text: str, start: int, found: list[PlatformOut], heads: HeadLookup) -> list[PlatformOut]:
    """The platforms a list names by printing their shared head once, after its last item: "推进东城、西城工业集中区
    建设" names 东城工业集中区 and 西城工业集中区, "建设之江、西湖实验室" 之江实验室 and 西湖实验室. The items are short
    names (two to four characters, no head noun of their own) that fill the clause before the platform, its verb
    aside; the shared part is a head noun of the gazetteer. An item's span points at it as printed."""
    _, by_noun = head_index()
    out: list[PlatformOut] = []
    for p in found:
        joined = text[p.span[0] - 1:p.span[0]]
        if p.rule != RULE_PLATFORM or joined not in ("、", "和", "及", "与"):
            continue
        lo = max(start, p.span[0] - 30)
        # a slice: ^ is the span's start; a conjunction before the last item separates it like 、
        m = _CLAUSE_BEFORE.search(text[lo:p.span[0] - 1] + "、")
        if m is None:
            continue
        raws = m.group(1).split("、")[:-1]
        if not raws or (joined != "、" and len(raws) < 2):
            continue  # "固阳和石拐工业园区" alone may be one name; "达茂、固阳和石拐工业园区" lists three
        opened = 0  # "高水平建设鉴水、…": every verb and adverb opening the clause
        while (verb := lexicon.opening_verb().match(raws[0], opened)) is not None:
            opened = verb.end()
        first = lo + m.start(1) + opened
        raws[0] = raws[0][opened:]
        # The shared head: what the last item's name has after a short name of its own ("曹娥江" + "科技城").
        suffix = next((p.name[cut:] for cut in range(2, 5) if p.name[cut:] in by_noun and strip_generic(p.name[:cut])),
                      "")
        # The items are short names of places ("东城"), not firms by their trade names ("骏达环保").
        # ... nor places with a name of their own ("长春新区、吉林高新技术产业开发区": 长春新区 is a zone; "武林新城、
        # 运河新城、杭钢区块": each new town is named whole).
        if not suffix or not all(_SHORT_NAME.fullmatch(r) and strip_generic(r)
                                 and not r.endswith(lexicon.FIRM_INDUSTRY_WORDS + ("区", "县", "市", "镇", "乡"))
                                 and not (len(r) > 2 and r.endswith(lexicon.PLACE_ENDINGS))
                                 and not default_registry().looks_like_unit(r)  # "乡安监站、派出所、…农业服务中心"
                                 for r in raws):
            continue
        items = item_spans(raws, first)
        if any(has_head(heads, a, b) or lexicon.opening_verb().match(text[a:b]) for a, b in items):
            continue
        for a, b in items:
            name = text[a:b] + suffix
            out.append(PlatformOut(name=name, kind=p.kind, level=_level(name), span=(a, b), rule=RULE_SHARED_SUFFIX))
    return out


def _appositive_names(text: str, start: int, end: int) -> list[PlatformOut]:
    """"新型基础设施智能运营管理平台——粤基座": the name the platform just described goes by."""
    out = []
    for m in _APPOSITIVE_NAME.finditer(text, start, end):
        kind = {"基地": "base", "园区": "high-tech zone"}.get(m["head"], "exchange or service centre")
        out.append(PlatformOut(name=m["name"], kind=kind, level=None, span=(m.start("name"), m.end("name")),
                               rule=RULE_APPOSITIVE))
    return out


RULE_APPOSITIVE = "plankg.entities.platform.appositive_name.v1"
_APPOSITIVE_NAME = re.compile(r"(?=[平中基园大系])(?P<head>平台|中心|基地|园区|大脑|系统)——"
                              r"(?P<name>[\u4e00-\u9fff]{2,8})(?=[。,，;；、)）\s]|$)")


RULE_LIST_NEIGHBOUR = "plankg.entities.platform.list_neighbour.v1"
_LIST_JOINS = ("、", "以及", "及", "和", "与")


def _list_neighbours(text: str, start: int, end: int, found: list[PlatformOut], places: Places,
                     heads: HeadLookup) -> list[PlatformOut]:
    """Items of a list that names a platform, themselves named like places ("推进数字产业金廊、中科文萃数字港、
    国家高新区南塔片区、大学科技园区以及多福湾新质区建设": the heads vary, the list is one of platforms)."""
    # Only the clauses where a platform found stands next to a list separator can hold such a list.
    windows: list[tuple[int, int]] = []
    for p in found:
        a, b = p.span
        near = text[max(start, a - 2):a] + text[b:min(end, b + 2)]
        if "、" not in near and not any(w in near for w in ("及", "和", "与")):
            continue
        ws, we = a, b
        while ws > start and text[ws - 1] not in "。;；,，:：\n":
            ws -= 1
        while we < end and text[we] not in "。;；,，:：\n":
            we += 1
        windows.append((ws, we))
    merged: list[tuple[int, int]] = []
    for ws, we in sorted(set(windows)):
        if merged and ws <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(we, merged[-1][1]))
        else:
            merged.append((ws, we))
    runs = [r for ws, we in merged for r in name_runs(text, ws, we, places, heads)]
    lists: list[list[NameRun]] = []
    for r in runs:
        if lists and text[lists[-1][-1].end:r.start].strip() in _LIST_JOINS:
            lists[-1].append(r)
        else:
            lists.append([r])
    taken = {p.span for p in found}
    out = []
    for runs_of_list in lists:
        # "大学科技园区以及多福湾新质区": a conjunction inside a run still separates two items.
        items = [piece for r in runs_of_list for piece in _split_at_conjunctions(text, r.start, r.end)]
        anchors = [p for p in found if any(a <= p.span[0] and p.span[1] <= b for a, b in items)]
        if len(items) < 2 or not anchors:
            continue
        for s, e in items:
            name = text[s:e]
            # An item that overlaps a platform found already is skipped, unless that one is the item cut short
            # at its end ("国家高新区" of "国家高新区南塔片区").
            if any(a < e and s < b for a, b in taken if not (a == s and b < e)):
                continue
            if not 3 <= len(name) <= 16 or not name.endswith(lexicon.PLACE_ENDINGS) or not _descriptor(name) \
                    or _COUNTED.search(name) or _SLOGAN.match(name):
                continue
            out.append(PlatformOut(name=name, kind=anchors[0].kind, level=_level(name), span=(s, e),
                                   rule=RULE_LIST_NEIGHBOUR))
    return out


def _descriptor(name: str) -> str:
    """What a name says beyond its head noun and category words: "" for a category ("概念验证中心").

    A name ending in no head noun ("数字产业金廊", "中科文萃数字港") is its own: the ending tells it apart.
    """
    head = next((h.noun for h in platform_heads() if name.endswith(h.noun)), None)
    if head is None:
        return name if len(name) >= 4 else ""
    return strip_generic(_LEVEL_PREFIX.sub("", name[:len(name) - len(head)], count=1))


def _split_at_conjunctions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, a = [], start
    for m in re.finditer("以及|及|和|与", text[start:end]):
        out.append((a, start + m.start()))
        a = start + m.end()
    out.append((a, end))
    return [(s, e) for s, e in out if e > s]


_YEAR_START = re.compile(r"(?:19|20)\d{2}年")
# "一带两园", "三高地两基地", "一区六园": a slogan counting a plan's parts, no platform.
# A quoted word before a head that makes it a class: a count ("“五好”园区", "“20”孵化器"), a policy's year
# ("“中国制造2025”示范区"), a slogan ("“绿水青山就是金山银山”实践创新基地").
_QUOTED_CLASS = re.compile(r"^[\d一二三四五六七八九十两百千]|\d{4}$|就是")
# The places an item of a list names before a quoted name's word ("、水头-闹村“黄汤飘香”乡村振兴示范带").
_LISTED_PLACE = re.compile(r"[\u4e00-\u9fff](?:[\u4e00-\u9fff]|[-—－](?=[\u4e00-\u9fff])){1,9}")


def _listed_place_before(text: str, quote: int) -> int:
    """Where a platform's name opens when a quoted word opens it inside a list ("包括水头-闹村“黄汤飘香”乡村振兴示范带、
    万全“水乡田园”乡村振兴示范带"): at the item's place names before the quote, a verb there aside.

    >>> t = "包括水头-闹村“黄汤飘香”乡村振兴示范带、万全“水乡田园”乡村振兴示范带,打造“慢湾”示范带"
    >>> [t[_listed_place_before(t, t.index(q)):t.index(q)] for q in ("“黄汤", "“水乡", "“慢湾")]
    ['水头-闹村', '万全', '']
    """
    lo = max(0, quote - 12)
    # where the item opens: after the last delimiter or list opener before the quote
    item = max([at + len(w) for w in ("、", ";", "；", ":", "：", ",", "，", "。", *lexicon.LIST_OPENERS)
                if (at := text.rfind(w, lo, quote)) >= 0], default=-1)
    if item < 0 or not _LISTED_PLACE.fullmatch(text, item, quote) or lexicon.opening_verb().match(text, item, quote) \
            or "等" in text[item:quote]:  # "台州综保区等“国字号”平台": a list's tail, then a class
        return quote
    return item
_SLOGAN = re.compile(r"^(?:[一二三四五六七八九十两多]+[\u4e00-\u9fff]{1,3}?){2,}$")
# "正路六个园区", "吉林经济技术开发区3个国家级开发区": a count inside the name makes it a class or a list.
_COUNT_INSIDE = re.compile(r"(?:\d+|[一二三四五六七八九十两几]+)(?:个|家|大)")



def dedupe_platforms(found: list[PlatformOut]) -> list[PlatformOut]:
    """Every mention of a platform once (two rules finding one name at one place are one mention)."""
    return distinct_mentions(found)


# The patterns the rules start from, for callers that need to know whether a rule can fire at all.

APPOSITIVE_NAME = _APPOSITIVE_NAME
ACADEMY_INSTITUTE = _ACADEMY_INSTITUTE
# The words facility lists and field stations are read only after (cheap to search; the lists' patterns are not).
FACILITY_WORD = _FACILITY_WORD
STATION_WORD = _STATION_WORD
