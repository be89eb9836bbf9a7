"""Enterprises named in a plan: registered names (…有限公司, …集团), short names listed before
"等…企业", well-known firms of the gazetteer, and the firms building listed projects. Short trade
names without 有限公司 ("华远新材") are `firm_names`' concern.

>>> [e.name for e in registered_enterprises("支持湖州某某科技有限公司和某某集团发展。", 0, 22)]
['湖州某某科技有限公司', '某某集团']
>>> t = "泰康之家大清谷养老服务有限公司第二分公司20张"
>>> [e.name for e in registered_enterprises(t, 0, len(t))]
['泰康之家大清谷养老服务有限公司第二分公司']
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from plankg.ingest import lexicon
from plankg.ingest.contract import EnterpriseOut, ProjectOut
from plankg.ingest.firm_names import after_self_reference, company_kind, lone_firm_name, strip_verbs
from plankg.ingest.gazetteer import HeadLookup, RegexHeads
from plankg.ingest.names import PUNCT, STOPWORDS, distinct_mentions, name_runs, strip_generic
from plankg.ingest.structure import match_marker

if TYPE_CHECKING:  # structure.py is the colleague's module; only its shape is needed here
    pass

RULE_REGISTERED = "plankg.entities.enterprise.registered_name.v4"
RULE_ENTERPRISE_LIST = "plankg.entities.enterprise.coordinated_list.v2"
RULE_ENTERPRISE_GAZETTEER = "plankg.entities.enterprise.gazetteer.v1"
RULE_PROJECT_BUILDER = "plankg.entities.enterprise.project_builder.v1"
RULE_LISTED_PEER = "plankg.entities.enterprise.listed_peer.v1"

# The lookahead (the characters a match can start with) only speeds up the scan.
_COMPANY = re.compile(r"(?=[集股有分(（公专家])(?:(?:集团)?(?:股份有限公司|有限责任公司|有限公司|集团公司|分公司)"
                      r"|[(（]集团[)）](?:股份有限公司|有限责任公司|有限公司|公司)|集团(?![)）])"
                      rf"|(?<![有限分总子各该])公司|{lexicon.alternation(lexicon.COOPERATIVE_ENDINGS)})")
_COMPANY_BODY = re.compile(r"[\w()（）·&]+$")
_FIRM_LEAD = re.compile("(?:" + "|".join(re.escape(w) for w in STOPWORDS if len(w) >= 2)
                        + "|[在向为对将把从于与和及由是有了、])+")
_FIRM_NOUN = rf"(?:{lexicon.alternation(lexicon.FIRM_GROUP_NOUNS)})"
# A group's numbered academy or institute is the group's own unit: "…集团有限公司第六研究院".
_GROUP_UNIT = re.compile(r"第[一二三四五六七八九十百零〇\d]{1,5}(?:研究院|研究所|设计院|设计研究院)")
# A firm's branch printed after its registered name: "…养老服务有限公司第二分公司", "…有限公司杭州分公司".
_BRANCH = re.compile(r"(?:第[一二三四五六七八九十\d]{1,3}|[\u4e00-\u9fff]{2,4}?)分公司")
# What a firm's name cannot hold before its own words: "…等龙头企业联合中国某集团有限公司", "二是支持某公司".
# (企业 followed by a trade is a word of the name: "东莞市安胜企业管理有限公司")
_FIRM_CONTEXT = re.compile(rf"^.*(?:企业(?!{lexicon.alternation(lexicon.ENTERPRISE_TRADE_WORDS)})|单位|机构|院所|高校)"
                           r"(?:联合|携手|协同|会同|与|和|同)?|^[一二三四五六七八九十]是")
_FIRM_SUFFIX_AHEAD = re.compile(r"[\w·&]{1,16}?(?:股份有限公司|有限责任公司|有限公司|集团公司|公司)")
_ENTERPRISE_GROUP = re.compile(  # the lookahead (what a match starts with) only speeds up the scan
    rf"(?=[等为\d一二三四五六七八九十两])(?:等?为(?:代表|龙头|引领|核心)的?(?P<mod2>[\u4e00-\u9fff\d]{{0,8}}?){_FIRM_NOUN}"
    rf"|(?<![\d一二三四五六七八九十两])(?:\d+|[一二三四五六七八九十两]+)家{_FIRM_NOUN}?为(?:代表|龙头|引领|核心)"
    rf"|等(?:一批|大批|一系列|\d+(?:多|余)?家|[一二三四五六七八九十两]+(?:多|余)?家)?"
    # "一等奖”凯瑞华创等公司": the list's 等 is the last
    rf"(?P<mod>(?:(?!等)[\u4e00-\u9fff\d“”\"]){{0,14}}?){_FIRM_NOUN})")
# Modifiers that make "X、Y等…企业" a list of industries or topics rather than of firms.
_NOT_FIRM_GROUP = re.compile(r"方面|领域|产业|行业|环节|给予|支持|对|向|为|的|在|和|与|类|型")
_NOT_A_FIRM = re.compile(r"企业|高校|院所|机构|大学|学院|医院|政府|部门|单位|中心|协会|联盟|园区|平台|行业|产业|领域")


def _place_opened(body: str) -> bool:
    """Whether a name's body opens with a known region and goes on past it with words of its own, not only of
    a kind ("宜章县隆康种养", not "农民" or "宜章县2023年度县级示范").

    >>> _place_opened("宜章县隆康种养"), _place_opened("支持引导农民"), _place_opened("宜章县")
    (True, False, False)
    >>> _place_opened("宜章县2023年度县级示范"), _place_opened("郴州市示范农民")
    (False, False)
    """
    region = _registry().leading_region(body)
    if region is None:
        return False
    rest = _KIND_WORDS.sub("", body[len(region):])
    return len(rest) >= 2


_ITEM_NUMBER = re.compile(r"^\d{1,3}")
# Words of a kind of cooperative or farm, not of one: its year, level and standing ("2023年度县级示范").
_KIND_WORDS = re.compile(rf"\d{{4}}年度?|[省市县区镇乡]级|国家级|{lexicon.alternation(lexicon.COOPERATIVE_KIND_WORDS)}")


_PARTNER = re.compile(r"^([\u4e00-\u9fff()（）]{2,20}?)(?:与|和|同|联合|携手)")


def _registered(text: str, start: int, end: int) -> list[EnterpriseOut]:
    out = []
    floor = start
    for m in _COMPANY.finditer(text, start, end):
        # The name runs back to the nearest punctuation or the previous firm ("A有限公司和B有限公司");
        # verbs and conjunctions opening the clause are dropped.
        if m.group(0) == "集团" and _FIRM_SUFFIX_AHEAD.match(text, m.end(), end):
            continue  # "东方电气集团东方汽轮机有限公司", "海信集团控股股份有限公司": the name runs on to its suffix
        s = m.start()
        while s > floor and text[s - 1] not in PUNCT and m.end() - s < 40:
            s -= 1
        stop = m.end()
        unit = (_GROUP_UNIT.match(text, stop, end) or _BRANCH.match(text, stop, end)) \
            if m.group(0).endswith("公司") else None
        if unit:
            stop = unit.end()  # "…有限公司第六研究院", "…有限公司第二分公司": the group's or firm's own unit
        floor = stop
        body = text[s:m.start()]
        close = max(body.rfind(")"), body.rfind("）"))
        if close >= 0 and body.count("(") + body.count("（") <= body.count(")") + body.count("）") - 1:
            # "…）支持某某有限公司": the bracket closes an earlier aside, the name starts after it.
            s, body = s + close + 1, body[close + 1:]
        marker = match_marker(body)
        if marker:
            s, body = s + marker[3], body[marker[3]:]  # "(3)继续与某某有限公司合作": the item's number
        context = _FIRM_CONTEXT.match(body)
        if context:
            s += context.end()
            body = body[context.end():]
        partner = _PARTNER.match(body)
        if partner and body[partner.end(1)] in "和同" and \
                _registry().leading_region(partner.group(1)) == partner.group(1):
            partner = None  # "云霄县和丰果蔬农民专业合作社": after a bare place, 和 and 同 open a brand (和丰, 同仁)
        if partner and _registry().looks_like_department(partner.group(1)):
            # "区发改局与市中城发集团": a department and the firm it works with, joined by 与/和/同.
            s += partner.end()
            body = body[partner.end():]
        if body.startswith(lexicon.COLLECTIVE_QUALIFIERS):
            continue  # "有关通信公司", "相关企业集团": firms of a kind, no name
        lead = _FIRM_LEAD.match(body)
        if lead:
            s += lead.end()
            body = body[lead.end():]
        cut = max(_last_cut_verb(body), _after_ranking(body), after_self_reference(body, 0, len(body)),
                  _after_particle(body))
        if cut:
            s += cut
            body = body[cut:]
            if body[:1] in "了与向对" and len(body) >= 3:
                s, body = s + 1, body[1:]  # "引进了东莞荣聚美…", "签约与…": the particle after the verb
        anchor = _place_anchor(body)
        if anchor:
            s += anchor
            body = body[anchor:]
        if body.startswith("以") and len(body) >= 3 and _BASIS_AHEAD.match(text, stop):
            s += 1  # "以应流集团航空、核电…为引领": the name opens after 以
            body = body[1:]
        opened = max(body.rfind("("), body.rfind("（"))
        if opened >= 0 and body.count("(") + body.count("（") > body.count(")") + body.count("）"):
            # "区教体局(区国资公司": a bracket opened before the name and not closed, the name starts inside it
            s, body = s + opened + 1, body[opened + 1:]
        copula = body.rfind("是", 0, len(body) - 2) if m.group(0) != "公司" else -1
        if "的" in body[:-1] or copula >= 0:
            # "总投资80亿元的金风集团": the modifier ends at its 的, the name starts after it; "另一个是XX省精一橡胶
            # 科技有限公司": a copula before a registered name (not before a bare 公司: "…是根据公司法")
            cut = max(body.rfind("的", 0, len(body) - 1), copula) + 1
            s, body = s + cut, body[cut:]
            lead = _FIRM_LEAD.match(body)
            if lead and len(body) - lead.end() >= 2:
                s, body = s + lead.end(), body[lead.end():]  # "…等项目的有尉犁大生纺织品有限公司": 有 opens no name
        if m.group(0) == "公司" and body.endswith(lexicon.COMPANY_KIND_ENDINGS):
            continue  # "A股上市公司", "拟上市公司": firms of a kind, no name
        if m.group(0) == "公司" and not _industry_company(body):
            continue  # a bare 公司 names a firm after an industry word only ("兆隆纸业公司", "太原天然气公司")
        if len(body) < 2 or not _COMPANY_BODY.match(body):
            continue
        if m.group(0) == "集团" and body.endswith(_TIER_WORDS):
            continue  # "进入全国工业百强区第一集团": the first tier of a ranking, no firm
        if m.group(0) == "集团" and not strip_generic(body.lstrip("0123456789")) and not body[:1].isdigit():
            continue  # "企业集团", "产业集团": a kind of firm, not a firm
        if m.group(0) == "集团" and text.startswith(("有限", "公司", "股份"), m.end()):
            continue
        if m.group(0) in lexicon.COOPERATIVE_ENDINGS:
            number = _ITEM_NUMBER.match(body)
            if number and _place_opened(body[number.end():]):
                s, body = s + number.end(), body[number.end():]  # "7宜章县伟腾种养专业合作社": a list's bare number
            if not _place_opened(body):
                continue  # "引导农民专业合作社", "示范家庭农场": a kind, no name (a registered one opens with a place)
        out.append(EnterpriseOut(name=text[s:stop], span=(s, stop), rule=RULE_REGISTERED))
    return out


@lru_cache(maxsize=1)
def _places():
    from plankg.ingest.places import places_for

    return places_for(None)


@lru_cache(maxsize=1)
def _industry_ending() -> re.Pattern[str]:
    words = lexicon.FIRM_INDUSTRY_WORDS + lexicon.COMPANY_INDUSTRY_WORDS
    return re.compile(rf"^(?P<body>[\u4e00-\u9fff]{{2,10}}?)(?:{lexicon.alternation(words)})$")


def _industry_company(body: str) -> bool:
    """Whether the words before a bare 公司 name a firm: a name of its own, then an industry word.

    >>> [_industry_company(b) for b in ("兆隆纸业", "太原天然气", "国有", "数字科技", "济南铁路烟草", "市兴城")]
    [True, True, False, False, True, True]
    >>> [_industry_company(b) for b in ("鸿利板石", "优而信", "其他快递", "平台", "城投", "第三方", "供电")]
    [True, True, False, False, False, False, False]
    """
    if lexicon.opening_verb().match(body):
        return False
    m = _industry_ending().match(body)
    if m is not None and strip_generic(m.group("body")):
        return True
    # "济南铁路烟草公司", "市兴城公司": a place or a level prefix and a name of its own
    if body.startswith("各"):
        return False  # "区各委办局(公司)": a collective, no firm
    place = _places().match(body)
    rest = body[place.end():] if place else (body[1:] if body[:1] in "市区县" else "")
    if len(rest) >= 2 and bool(strip_generic(rest)) and not _registry().is_stem(rest):
        return True
    # "支持鸿利板石公司延伸产业链条", "优而信公司牵头": a short name of its own, no word of a kind of firm
    return bool(_OWN_NAME.fullmatch(body)) and company_kind().search(body) is None and \
        bool(strip_generic(body)) and not _registry().is_stem(body) and not _registry().is_collective(body)


# Prepositions before the place where a firm is, and its name after it ("在公安县荆州伟胜科技…": where, then who).
_PLACE_PREPOSITIONS = "在于为向"


def _place_anchor(body: str) -> int:
    """Where a registered name opens at a place's name inside the words before its suffix, when what comes
    before the place holds a verb or function word (`lexicon.NAME_STOPWORDS`): "该乡续建项目有怀宁县明德新型建材"
    -> 怀宁县…, "后续将继续申报安徽秀砼建材科技" -> 安徽…, "开工仪式在华明高新区天津平高智能电气" -> 天津… (a place
    before the verb does not count); 0 when the words open with the name ("华润电力内蒙古新能源": no verb before
    内蒙古) or all before the place is a place.

    >>> _place_anchor("该乡续建项目有怀宁县明德新型建材"), _place_anchor("重点关注河南景联达供应链管理")
    (7, 4)
    >>> _place_anchor("东丽区重大项目集中开工仪式在华明高新区天津平高智能电气"), _place_anchor("在公安县荆州伟胜科技")
    (19, 4)
    >>> _place_anchor("华润电力内蒙古新能源"), _place_anchor("安徽秀砼建材科技")
    (0, 0)
    """
    if len(body) < 6:
        return 0
    places = _places()
    for k in range(2, len(body) - 3):
        m = places.match(body[k:])
        if m is None or m.end() < 2:
            continue
        opening = places.match(body[:k])
        if lexicon.opening_verb().search(body, 0, k) and not (opening and opening.end() == k):
            return k
        for at in (i for i in range(k - 2) if body[i] in _PLACE_PREPOSITIONS):
            located = places.match(body[at + 1:k])
            if located is not None and located.end() == k - at - 1:
                return k  # "(项目)在公安县荆州伟胜科技": where the firm is, then its name opening with its own place
    return 0


# What follows a firm a plan leans on, in "以X为引领": the basis word after 为, within the clause.
_BASIS_AHEAD = re.compile(rf"[^,，;；。:：]{{0,30}}?为(?:{lexicon.alternation(lexicon.FIRM_BASIS_WORDS)})")


_OWN_NAME = re.compile(r"(?:(?![等或的和与及])[\u4e00-\u9fff]){2,5}")


# The tiers of a ranking a place joins ("第一集团", "第一方阵"): no firm's name ends in them before 集团.
_TIER_WORDS = ("第一", "第二", "第三")


def _after_particle(words: str) -> int:
    """Where a firm's name starts after the particle that closes the verb before it ("成功引进了厦门以晴集团",
    "彰显了眉山发展集团"): after the first 了 in the first five characters, when three characters or more are left.

    >>> _after_particle("成功引进了厦门以晴集团"), _after_particle("彰显了眉山发展"), _after_particle("了然科技")
    (5, 3, 0)
    """
    at = words.find("了", 0, 5)
    return at + 1 if at > 0 and len(words) - at - 1 >= 3 else 0


# A ranking before a firm's name: "民营500强红星美凯龙", "世界 500 强中化集团".
_RANKING = re.compile(r"\d+\s*强")


def _after_ranking(words: str) -> int:
    """Where a firm's name starts after a ranking among the words before it (0: none stands there).

    >>> _after_ranking("民营 500 强红星美凯龙"), _after_ranking("世界500强中化集团"), _after_ranking("三强集团")
    (8, 6, 0)
    """
    ends = [m.end() for m in _RANKING.finditer(words) if len(words) - m.end() >= 2]
    return ends[-1] if ends else 0


@lru_cache(maxsize=1)
def _cut_verbs() -> re.Pattern[str]:
    return re.compile(lexicon.alternation(lexicon.FIRM_NAME_CUT_VERBS))


def _last_cut_verb(body: str) -> int:
    """Where a registered name starts after the clause's last verb of recognition or support, when at least two
    characters are left for it; 0 when none stands in it.

    >>> _last_cut_verb("市政府批准认定江苏宏基铝业科技"), _last_cut_verb("某某信息服务"), _last_cut_verb("跟踪洽谈飞尚")
    (7, 0, 4)
    """
    ends = [m.end() for m in _cut_verbs().finditer(body) if len(body) - m.end() >= 2]
    return ends[-1] if ends else 0


@lru_cache(maxsize=1)
def _registry():
    from plankg.ingest.departments import default_registry

    return default_registry()


# What a list's item calls a firm before its name ("中国高品质鸡蛋领导者圣迪乐", "…十大时代企业正大饲料"), to the last.
_DESCRIBED = re.compile(r".*(?:企业|领导者|领军者|龙头)")


def _inner_space(text: str, at: int) -> bool:
    """Whether the space at text[at] is one a PDF's text leaves around a figure inside an item of a list
    ("民营 500 强红星美凯龙"), not one between two words of Chinese: the item's name is read from its last run of
    name characters.

    >>> t = "民营 500 强红星美凯龙、畜禽屠宰 和餐饮"
    >>> [_inner_space(t, i) for i, ch in enumerate(t) if ch == " "]
    [True, True, False]
    """
    if text[at] not in " \u3000":
        return False
    near = text[at - 1:at] + text[at + 1:at + 2]
    return any(ch.isascii() and ch.isalnum() for ch in near)


def _item_start(text: str, start: int, e: int) -> int:
    """Where the item of a list that ends at text[e] starts: back over name characters, spaces a PDF left around a
    figure, and a conjunction that is part of a name ("六和人家", "重点培育和世泰钛业")."""
    s = e
    while s > start and (text[s - 1] not in PUNCT or _inner_space(text, s - 1)) and (
            text[s - 1] not in "及和与" or _inside_name(text, start, s - 1)):
        s -= 1
    return s


def _listed(text: str, start: int, end: int, heads: HeadLookup | None = None) -> list[EnterpriseOut]:
    """Short names listed before "等…企业" or "为代表的…企业": "新浪、360集团、联想等龙头企业".

    >>> [e.name for e in _listed("培育以海康威视、大华为代表的安防企业。", 0, 20)]
    ['海康威视', '大华']
    """
    out = []
    heads = RegexHeads(text) if heads is None else heads
    for g in _ENTERPRISE_GROUP.finditer(text, start, end):
        if _NOT_FIRM_GROUP.search(g["mod"] or g["mod2"] or ""):
            continue
        # Walk back over the 、-separated list that ends right before 等.
        items: list[tuple[int, int]] = []
        e = g.start()
        while e > start:
            s = _item_start(text, start, e)
            if start < s < e and text[s - 1] in "”\"" and (opened := text.rfind("“", start, s - 1)) >= 0 \
                    and s - 1 - opened <= 16 and "、" not in text[opened:s]:
                # "、“专精特新小巨人”惠泉生物": an honour in quotation marks before the name is part of the item
                s = _item_start(text, start, opened)
            piece = text[s:e]
            if piece.count("）") + piece.count(")") > piece.count("（") + piece.count("("):
                # A bracket closed before the item (a clause's "（责任单位：…）"): the list starts after it.
                s += max(piece.rfind("）"), piece.rfind(")")) + 1
                items.append((s, e))
                break
            items.append((s, e))
            if s > start and text[s - 1] in "、及和与":
                e = s - 1
                continue
            break
        items.reverse()
        # An item may carry the clause's verb or a conjunction: "引进华为" -> "华为", "以及以吉利" -> "吉利".
        named = [(_name_start(text, item, heads), item[1]) for item in items]
        if len(named) == 1 and not lone_firm_name(text[named[0][0]:named[0][1]]):
            continue  # "协调解决高新兴等企业问题" names one firm; "制造业等企业" a sector
        for s, e in named:
            name = text[s:e]
            ends_in_head = any(he == e for _, he, _ in heads.finditer(s, e))
            if not (1 < len(name) <= 10) or _NOT_A_FIRM.search(name) or ends_in_head:
                continue  # a platform's name ends in its head ("之江实验室"); "华谷高科" holds 谷 but ends otherwise
            if g.group(0).endswith(lexicon.FINANCIAL_GROUP_NOUNS) and not name.endswith("行"):
                continue  # "金融租赁公司、汽车金融公司等金融机构": kinds of institution; banks are named ("农发行")
            if name.startswith(("集团", "股份", "有限", "公司", "控股")):
                continue  # the tail of a registered name cut at "的" ("美的集团股份有限公司"): no name of its own
            if _registry().is_stem(name) or strip_verbs(text, s, e) == e or name in lexicon.FIRM_BASIS_WORDS \
                    or name in lexicon.SECTOR_WORDS:
                continue  # "经信、财政、商务等企业年报": departments by their stems; "重点培育": only verbs; "云计算"
            out.append(EnterpriseOut(name=name, span=(s, e), rule=RULE_ENTERPRISE_LIST))
    return out


_FIRM_VERB_WORDS = lexicon.FIRM_VERBS + lexicon.FIRM_INTAKE_VERBS


def _inside_name(text: str, start: int, at: int) -> bool:
    """Whether the conjunction at text[at] is part of a listed name: one character stands between it and the
    list's previous separator, or the clause's verbs ("六和人家" is no 六 and 人家, "培植三和纺织" no 三 and 纺织), or
    only the clause's adverbs and verbs do, the last a verb of support ("重点培育和世泰钛业": 和世泰钛业 is the name;
    "持续与区工局" is no name).

    >>> t = "企业进规,六和人家、川西坝子等企业;重点培育和世泰钛业等企业;引进华为和中兴等企业;持续与区工局;培植三和纺织"
    >>> [_inside_name(t, 0, i) for i, ch in enumerate(t) if ch in "和与"]
    [True, True, False, False, True]
    """
    k = at
    while k > start and text[k - 1] not in PUNCT and text[k - 1] not in "、及和与":
        k -= 1
    past_verbs = strip_verbs(text, k, at)
    return at - k == 1 or (at > k and past_verbs == at - 1) or (
        at > k and past_verbs == at and text[k:at].endswith(_FIRM_VERB_WORDS))


def _name_start(text: str, item: tuple[int, int], heads: HeadLookup) -> int:
    """Where a listed item's name starts, past the clause's verbs and a self-reference ("引进华为" -> 华为)."""
    s, e = item
    runs = name_runs(text, s, e, heads=heads)
    if not runs:
        return e
    at = runs[-1].start
    if at > s and text[at - 1] in "及和与" and _inside_name(text, s, at - 1):
        at -= 1  # "重点培育和世泰钛业" -> 和世泰钛业
    at = after_self_reference(text, at, e)
    described = _DESCRIBED.match(text, at, e)
    if described and e - described.end() >= 2:
        at = described.end()  # "畜牧行业十大时代企业正大饲料": the name follows what it is called
    back = max(0, s - 8)  # a ranking printed with spaces ends the item before the name: "500 强红星美凯龙"
    at = max(at, back + _after_ranking(text[back:e]))
    opened = strip_verbs(text, at, e)
    return opened if e - opened >= 2 else at  # "深度挖掘三星电控" -> 三星电控


def listed_enterprises(text: str, start: int, end: int, heads: HeadLookup) -> list[EnterpriseOut]:
    """Short names of firms in coordinated lists in text[start:end] ("阿里巴巴、网易、吉利等龙头企业")."""
    return _listed(text, start, end, heads)


def registered_enterprises(text: str, start: int, end: int) -> list[EnterpriseOut]:
    """Registered firm names in text[start:end] (…有限公司, …集团)."""
    return _registered(text, start, end)


def gazetteer_enterprises(start: int, end: int, taken: list[tuple[int, int]], names: Sequence[str],
                          positions: Callable[[str, int, int], Iterable[int]]) -> list[EnterpriseOut]:
    """Well-known firms (longest name first) in [start, end) that overlap nothing in `taken`; grows `taken`."""
    out = []
    for name in names:
        for i in positions(name, start, end):
            span = (i, i + len(name))
            if not any(a < span[1] and span[0] < b for a, b in taken):
                out.append(EnterpriseOut(name=name, span=span, rule=RULE_ENTERPRISE_GAZETTEER))
                taken.append(span)
    return out


def project_builders(text: str, projects: Iterable[ProjectOut]) -> list[EnterpriseOut]:
    """The firms building listed projects, when the builder cell holds a registered name."""
    found = []
    for project in projects:
        if project.builder and _COMPANY.search(project.builder):
            at = text.find(project.builder, project.span[0])
            span = (at, at + len(project.builder)) if at >= 0 else project.span
            found.append(EnterpriseOut(name=project.builder, span=span, rule=RULE_PROJECT_BUILDER))
    return found


# What ends a list of peers: a clause's punctuation, 等 and the conjunctions before a last item.
_PEER_BOUNDARY = set(PUNCT) - {"、"} | {"等"}
_PEER_TAIL = re.compile(r"(?:和|及|以及|与)")


def _peer_list(text: str, start: int, end: int, at: int, heads: HeadLookup) -> list[tuple[int, int]]:
    """The items of the 、-list holding text[at] inside [start, end): its first item past the clause's verbs, its
    last split at a conjunction ("中国移动和易事特" is two)."""
    lo = at
    while lo > start and text[lo - 1] not in _PEER_BOUNDARY:
        lo -= 1
    hi = at
    while hi < end and text[hi] not in _PEER_BOUNDARY:
        hi += 1
    items: list[tuple[int, int]] = []
    s = lo
    for k in range(lo, hi + 1):
        if k == hi or text[k] == "、":
            items.append((s, k))
            s = k + 1
    if len(items) < 2:
        return []
    first = _name_start(text, items[0], heads)
    if text[first:first + 1] in ("与", "同") and items[0][1] - first > 2:
        first += 1  # "推动与金山云、…": with whom, after the verb
    items[0] = (first, items[0][1])
    ls, le = items[-1]
    tail = _PEER_TAIL.search(text, ls, le)
    if tail and tail.start() > ls and le > tail.end():
        items[-1:] = [(ls, tail.start()), (tail.end(), le)]
    return items


_PEER_NOT_NAME = re.compile(rf"^(?:[及和与]|{lexicon.alternation(lexicon.GROUP_MODIFIERS)})|期|情况"
                            rf"|{lexicon.alternation(lexicon.FIRM_ACTIVITY_WORDS)}|{_NOT_A_FIRM.pattern}")


def _peer_name(name: str) -> bool:
    """Whether a list's item beside a known firm is a firm's whole name: three to six characters of a name's shape,
    no unit (a list of departments may hold a firm the gazetteer knows), no phase or activity ("天运股份上市").

    >>> [_peer_name(n) for n in ("金山云", "易事特", "市税务局", "斯凯孚二期", "天运股份上市", "滴灌", "属地乡镇")]
    [True, True, False, False, False, False, False]
    """
    return (len(name) >= 3 and lone_firm_name(name, any_ending=True) and _PEER_NOT_NAME.search(name) is None
            and not _registry().looks_like_unit(name))


def listed_peers(text: str, start: int, end: int, found: Sequence[EnterpriseOut],
                 heads: HeadLookup | None = None) -> list[EnterpriseOut]:
    """Firms listed beside a firm already found, each item the whole of its name: what a list's known members
    are, its other members are ("推动与金山云、中国电信、中科曙光、易事特等达成合作协议": with 中国电信 known,
    the others are firms too). An item that is a place, a school, a work, a sector or a department is none.

    >>> t = "推动与金山云、中国电信、中科曙光、易事特等达成合作协议,与华为、清华大学、深圳市合作。"
    >>> found = [EnterpriseOut(name="中国电信", span=(7, 11), rule=""),
    ...          EnterpriseOut(name="华为", span=(28, 30), rule="")]
    >>> [e.name for e in listed_peers(t, 0, len(t), found)]
    ['金山云', '中科曙光', '易事特']
    """
    heads = RegexHeads(text) if heads is None else heads
    known = {f.span for f in found if start <= f.span[0] < end}
    out: list[EnterpriseOut] = []
    seen: set[tuple[int, int]] = set()
    for a, b in sorted(known):
        if text[b:b + 1] != "、" and text[a - 1:a] != "、":
            continue
        items = _peer_list(text, start, end, a, heads)
        # An item ending with a known firm its words lead to ("…代表屈原分别与湖南越大能源有限公司") opens the list:
        # the items before it belong to another clause ("区党委委员、…").
        opener = max((k for k, (s, e) in enumerate(items) if any(e == kb and s < ka for ka, kb in known)), default=-1)
        items = items[opener + 1:] if opener >= 0 and len(items) - opener - 1 >= 2 else items
        if not any(item in known for item in items):
            continue  # the known firm is only a part of its item ("晶澳石英坩埚"): no list of names
        for s, e in items:
            name = text[s:e]
            if (s, e) in known or (s, e) in seen or not _peer_name(name) \
                    or any(he == e for _, he, _ in heads.finditer(s, e)):
                continue
            seen.add((s, e))
            out.append(EnterpriseOut(name=name, span=(s, e), rule=RULE_LISTED_PEER))
    return out


def dedupe_enterprises(found: list[EnterpriseOut]) -> list[EnterpriseOut]:
    """Every mention of a firm once (two rules finding one name at one place are one mention)."""
    return distinct_mentions(found)


# The patterns the rules start from, for callers that need to know whether a rule can fire at all.

COMPANY = _COMPANY
ENTERPRISE_GROUP = _ENTERPRISE_GROUP
