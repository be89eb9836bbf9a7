"""Platforms, enterprises, projects and cited policies named in a plan.

Platforms are found by their head noun (实验室, 研究院, 高新区, 科创大走廊, 众创空间, 基地, …, in
`data/gazetteers/platform_heads.tsv`) with the left edge of the name at the nearest punctuation,
verb or conjunction. A candidate is kept only when it names one platform: its descriptor (the
name without level prefixes and head) must hold more than category words ("省重点实验室",
"概念验证中心" are categories), or carry a place name, or be the city's own (市技术转移转化中心).
Coordinated abbreviations are expanded: "之江、西湖等2家省实验室" gives 之江实验室 and 西湖实验室.

Enterprises are registered names (…有限公司, …集团), short names listed before "等…企业", and a
small gazetteer of well-known firms. Projects come from project tables (项目名称 + 施工单位).

>>> from plankg.ingest.structure import DocContext
>>> ctx = DocContext(region="湖州市")
>>> [(p.name, p.kind, p.level) for p in find_platforms("推动之江、西湖等2家省实验室建设。", [], ctx)]
[('之江实验室', 'laboratory', 'provincial'), ('西湖实验室', 'laboratory', 'provincial')]
"""
from __future__ import annotations

import json
import logging
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Protocol

from plankg.errors import PlankgError
from plankg.ingest import lexicon
from plankg.ingest.contract import EnterpriseOut, PlatformOut, ProjectOut, ReferenceOut
from plankg.ingest.firm_names import short_firm_names
from plankg.ingest.structure import body_start
from plankg.ingest.targets import cn_to_number
from plankg.ontology.ids import normalize

if TYPE_CHECKING:  # structure.py is the colleague's module; only its shape is needed here
    from plankg.ingest.structure import Block, DocContext

log = logging.getLogger(__name__)

RULE_PLATFORM = "plankg.entities.platform.head_noun.v5"
RULE_COORDINATED = "plankg.entities.platform.coordinated.v1"
RULE_COORDINATED_MISMATCH = "plankg.entities.platform.coordinated_count_mismatch.v1"
RULE_REGISTERED = "plankg.entities.enterprise.registered_name.v4"
RULE_ENTERPRISE_LIST = "plankg.entities.enterprise.coordinated_list.v2"
RULE_ENTERPRISE_GAZETTEER = "plankg.entities.enterprise.gazetteer.v1"
RULE_PROJECT_BUILDER = "plankg.entities.enterprise.project_builder.v1"
RULE_PROJECT = "plankg.entities.project.table.v1"
RULE_REFERENCE = "plankg.entities.reference.title.v1"


class GazetteerDataError(PlankgError):
    """A gazetteer file under plankg.data/gazetteers is missing or malformed."""


# --------------------------------------------------------------------------- gazetteers


@dataclass(frozen=True)
class Head:
    noun: str
    kind: str
    strength: str  # strong | designation | normal | weak


def _read_data(name: str) -> str:
    try:
        return resources.files("plankg.data").joinpath("gazetteers").joinpath(name).read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError) as exc:
        raise GazetteerDataError(f"gazetteer {name} is missing", where=f"plankg.data/gazetteers/{name}",
                                 fix="reinstall plankg (pip install -e .) so the package data is present") from exc


def _lines(name: str) -> list[str]:
    return [ln.strip() for ln in _read_data(name).splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


@lru_cache(maxsize=1)
def platform_heads() -> tuple[Head, ...]:
    """Platform head nouns, longest first.

    >>> heads = platform_heads(); heads[0].noun, any(h.noun == "实验室" for h in heads)
    ('国家自主创新示范区', True)
    """
    heads = []
    for ln in _lines("platform_heads.tsv"):
        parts = ln.split("\t")
        if len(parts) != 3 or parts[2] not in ("strong", "designation", "normal", "weak"):
            raise GazetteerDataError(f"bad line in platform_heads.tsv: {ln!r}", where="platform_heads.tsv",
                                     fix="write head<TAB>kind<TAB>strong|designation|normal|weak")
        heads.append(Head(*parts))
    # 科创 abbreviates 科技创新: "光谷科技创新走廊" is printed in full where a list has "科创走廊".
    nouns = {h.noun for h in heads}
    heads.extend(Head(h.noun.replace("科创", "科技创新"), h.kind, h.strength) for h in list(heads)
                 if "科创" in h.noun and h.noun.replace("科创", "科技创新") not in nouns)
    return tuple(sorted(heads, key=lambda h: (-len(h.noun), h.noun)))


@lru_cache(maxsize=1)
def generic_words() -> tuple[str, ...]:
    return tuple(sorted(set(_lines("platform_generic.txt")), key=lambda w: (-len(w), w)))


@lru_cache(maxsize=1)
def known_enterprises() -> tuple[tuple[str, bool], ...]:
    """(name, ambiguous) pairs; an ambiguous short name counts only inside an enterprise list."""
    out = []
    for ln in _lines("enterprises.txt"):
        out.append((ln.rstrip("*"), ln.endswith("*")))
    return tuple(sorted(out, key=lambda x: (-len(x[0]), x[0])))


@lru_cache(maxsize=1)
def _region_places() -> tuple[str, ...]:
    """Place names from the regions gazetteer, full and without 省/市/区/县, plus supra-regional names."""
    names = {"中国", "中欧", "欧盟", "联合国", "长三角", "粤港澳", "京津冀", "大湾区", "成渝", "长江", "钱塘江",
             "大运河"}
    try:
        data = json.loads(_read_data("regions.json"))
    except (GazetteerDataError, ValueError):
        data = {}
    found: list[str] = list(data.get("provinces", []))
    for key in ("cities", "districts"):
        value = data.get(key, {})
        found.extend(value.keys() if isinstance(value, dict) else value)
    for n in found:
        names.add(n)
        short = re.sub(r"(省|市|区|县|自治区|壮族自治区|回族自治区|维吾尔自治区)$", "", n)
        if len(short) >= 2:
            names.add(short)
    return tuple(sorted(names, key=lambda w: (-len(w), w)))


@lru_cache(maxsize=64)
def _places(region: str | None) -> _Places:
    extra = []
    if region:
        extra.append(region)
        short = re.sub(r"(省|市|区|县)$", "", region)
        if len(short) >= 2:
            extra.append(short)
    return _Places(tuple(extra) + _region_places())


_UNLISTED_PLACE = re.compile(r"(?![全本各该我城新])[\u4e00-\u9fff]{2,3}?[县市]"
                             r"(?![级域内外城场民区政委直属])(?=[\u4e00-\u9fff]{2})")


class _Places:
    """Place names with one compiled pattern, so testing a name is one regex search."""

    def __init__(self, names: tuple[str, ...]):
        self.names = names
        self.pattern = re.compile("|".join(re.escape(n) for n in sorted(set(names), key=lambda n: (-len(n), n))))

    def found_in(self, s: str) -> bool:
        # A county or city the gazetteer does not list still names a place when the name opens with it
        # ("新野县产业集聚区", "舞钢市产业集聚区").
        return self.pattern.search(s) is not None or _UNLISTED_PLACE.match(s) is not None

    def opens(self, s: str) -> bool:
        return self.pattern.match(s) is not None


@lru_cache(maxsize=1)
def _compiled() -> tuple[re.Pattern[str], dict[str, Head]]:
    heads = platform_heads()
    # The lookahead (the characters a head can start with) only speeds up the scan.
    first = "".join(sorted({h.noun[0] for h in heads}))
    pattern = f"(?=[{re.escape(first)}])(?:" + "|".join(re.escape(h.noun) for h in heads) + ")"
    return re.compile(pattern), {h.noun: h for h in heads}


def head_pattern() -> re.Pattern[str]:
    """The alternation of all head nouns, longest first."""
    return _compiled()[0]


HeadSpan = tuple[int, int, str]  # start, end (offsets into the document), the head noun as printed


class HeadLookup(Protocol):
    """Where platform head nouns stand in a document: what every platform and list rule reads."""

    def finditer(self, start: int, end: int) -> Iterator[HeadSpan]:
        """Head nouns inside text[start:end] as the longest-first alternation finds them: leftmost,
        longest at a position, not overlapping."""
        ...


class RegexHeads:
    """Head nouns found by the compiled alternation of `platform_heads()` (the pure functions' route).

    >>> [h[2] for h in RegexHeads("建设省重点实验室和研究院").finditer(0, 12)]
    ['重点实验室', '研究院']
    """

    __slots__ = ("text",)

    def __init__(self, text: str):
        self.text = text

    def finditer(self, start: int, end: int) -> Iterator[HeadSpan]:
        head_re, _ = _compiled()
        for m in head_re.finditer(self.text, start, end):
            yield m.start(), m.end(), m.group(0)


class MatchedHeads:
    """Head nouns from a gazetteer matcher's matches (all of them, overlapping), read the way the
    alternation reads text, so both routes give the same names (the spaCy pipeline's route).

    >>> heads = MatchedHeads([(3, 8, "重点实验室"), (5, 8, "实验室"), (9, 12, "研究院")])
    >>> list(heads.finditer(0, 12)), list(heads.finditer(4, 12))
    ([(3, 8, '重点实验室'), (9, 12, '研究院')], [(5, 8, '实验室'), (9, 12, '研究院')])
    """

    __slots__ = ("matches", "starts")

    def __init__(self, matches: Iterable[HeadSpan]):
        self.matches = sorted(matches, key=lambda m: (m[0], m[0] - m[1]))
        self.starts = [m[0] for m in self.matches]

    def finditer(self, start: int, end: int) -> Iterator[HeadSpan]:
        pos = start
        matches = self.matches
        for i in range(bisect_left(self.starts, start), len(matches)):
            m = matches[i]
            if m[0] >= end:
                break
            if m[0] < pos or m[1] > end:
                continue
            yield m
            pos = m[1]


def _has_head(heads: HeadLookup, start: int, end: int) -> bool:
    return next(heads.finditer(start, end), None) is not None


# --------------------------------------------------------------------------- name runs

# Characters that end a name. "(" and ")" stay inside: 中国(杭州)知识产权保护中心.
_PUNCT = set(",，。;；:：、!！?？“”‘’\"《》「」『』[]【】+ \t\n\r\u3000/|…—")
# Verbs and function words that stand before a name, never inside one (longest first).
_STOPWORDS = tuple(sorted(set("""
建设 推进 支持 依托 加快 打造 创建 争创 发挥 提升 推动 做大做强 做强 纳入 联动 筹建 大力 积极 加强 完善 深化 开展
实施 形成 成为 包括 围绕 聚焦 引进 共建 设立 组建 布局 构建 谋划 申报 认定 入驻 落地 进驻 提供 参与 融入 承接 鼓励
引导 吸引 全力 加速 助力 助推 新增 规范 取消 撤销 简称 所称 探索 升级 迭代 新建 建成 扩大 深入 推广 复制 增强
增设 参加 利用 通过 结合 面向 瞄准 着力
优化 支撑 服务于 高标准 高质量 高起点 全面 持续 进一步 充分 更好 加大 落实 编制 推行 制定 指导 建立 健全 培育 招引
引育 集聚 汇聚 打响 举办 承办 主导 牵头 会同 配合 负责 成立 启动 运营 管理 放大 强化 推进建设 加快推进 服务保障
保障 以上 以 在 向 为
改扩建 扩建 改建 拓展 做好 用好 争取 修编 印发 获批 完成 列入 下达 尽快 晋升 扶持 努力实现 力争
对 将 把 从 于 并 及 等 的 与 和 以及 或 让 使 重点支持 依法 大批 一批
""".split()), key=lambda w: (-len(w), w)))
_CONJUNCTIONS = {"与", "和", "及", "以及", "或"}
# Endings of an institution whose name is complete before a conjunction, even where no head noun is listed:
# "某某先导院和某某中心", "中试研发平台与某某中心" are two things, not one name.
_INSTITUTION_END = ("平台", "研究院", "先导院", "研究所", "基地", "中心")
_ORG_END = ("大学", "学院", "高校", "企业", "院所", "机构", "政府", "部门", "公司", "集团", "医院", "单位", "街道",
            "乡镇", "社区", "联盟")
# Praise, not a name: "高水平创新城" is any city of innovation, "未来科技城" one place.
_EVALUATIVE = re.compile(r"^(?:高水平|高能级|高质量|高标准|高起点|世界级|世界一流|国际一流|国际化|一流|"
                         r"重大|新型|现代化|具有全球影响力的|具有国际影响力的|全球|国际)+$")
# Words that may open a run but never a name; stripped from its start only, because as
# stop words they would also cut names in two (由 in 自由贸易试验区, 是 in 于是).
# "每家实验室": 每 with its classifier, never the start of a name.
_LEADING_NOISE = re.compile(r"(?:各类|各级|各种|多种|每(?:家|个|所|座|项|类)|是|由|有|各|该|其|每|经(?!济)|被|了|"
                            r"按照|根据|依据|关于|针对|听取|保障|抓好|实现|确保|联合(?!国))+")
# "来(留)", "制(修)订": a one-character bracket offers an alternative word; names bracket places.
_ALTERNATIVE_WORD = re.compile(r"[(（][^()（）][)）]")
# Compounds a stop word is part of, never the verb: "镍钴资源综合利用国家重点实验室", "资源与利用".
_STOP_COMPOUNDS = {"利用": ("综合", "开发", "循环", "高效", "资源", "与")}


def _stop_alternative(word: str) -> str:
    """The regex for one stop word, refusing the compounds it is a part of.

    >>> bool(re.match(_stop_alternative("利用"), "利用")), re.search(_stop_alternative("利用"), "综合利用") is None
    (True, True)
    """
    guards = "".join(f"(?<!{re.escape(before)})" for before in _STOP_COMPOUNDS.get(word, ()))
    return guards + re.escape(word)


_STOP_RE = re.compile("|".join(_stop_alternative(w) for w in _STOPWORDS))


@lru_cache(maxsize=1)
def _boundary_regex() -> re.Pattern[str]:
    punct = "".join(sorted(_PUNCT))
    # The lookahead (the characters a boundary can start with) only speeds up the scan.
    first = "".join(sorted(set(punct) | {w[0] for w in _STOPWORDS}))
    return re.compile(f"(?=[{re.escape(first)}])(?:[" + re.escape(punct) + "]|" + _STOP_RE.pattern + ")")


@dataclass(frozen=True)
class _Run:
    start: int
    end: int
    quoted: bool  # the run fills a pair of quotation marks


def _runs(text: str, start: int, end: int, places: _Places | None = None,
          heads: HeadLookup | None = None) -> list[_Run]:
    """Maximal stretches of name characters in text[start:end], cut at punctuation and stop words.

    Two stretches joined by 与/和 are one name when the first neither ends in a platform head nor
    in an organisation noun, and is short or opens with a place: "欧盟研究与创新杭州中心" and
    "中国科学院宁波材料技术与工程研究所" are one name each, "众创空间和孵化器" two.
    """
    heads = RegexHeads(text) if heads is None else heads
    pieces: list[tuple[int, int, str]] = []  # (start, end, the boundary that ended it)
    # Inside a head noun a stop word is part of the name: 高等研究院 is not 高|等|研究院.
    protected = bytearray(end - start)
    for hs, he, _noun in heads.finditer(start, end):
        protected[hs - start:he - start] = b"\x01" * (he - hs)
    pos = start
    for m in _boundary_regex().finditer(text, start, end):
        if m.group(0) not in _PUNCT and protected[m.start() - start]:
            continue
        if len(m.group(0)) == 1 and m.group(0) not in _PUNCT and m.start() > 0 and text[m.start() - 1] == "、":
            continue  # "、从化经济开发区": an item of a list opens with a noun, so 从 here is part of a name
        pieces.append((pos, m.start(), m.group(0)))
        pos = m.end()
    pieces.append((pos, end, ""))
    merged: list[tuple[int, int, str]] = []
    for piece in pieces:
        if merged:
            ps, pe, pb = merged[-1]
            s, e, b = piece
            left = text[ps:pe]
            noise = _LEADING_NOISE.match(left)
            left_start = ps + (noise.end() if noise else 0)
            left = left[noise.end():] if noise else left
            if (pb == "—" and 2 <= len(left) <= 4 and places is not None and places.opens(left) and e > s
                    and s == pe + 1 and text[pe - 1:pe] != "—" and text[s:s + 1] != "—"):
                # "中国—东盟技术转移中心": one dash between two places joins them in one name.
                merged[-1] = (ps, e, b)
                continue
            if (pb in _CONJUNCTIONS and pe - ps > 0 and e > s
                    and (len(left) <= 10 or (len(left) <= 16 and places is not None and places.opens(left)))
                    and not _ends_with_head(heads, left_start, pe) and not left.endswith(_ORG_END + _INSTITUTION_END)
                    and s == pe + len(pb)):
                merged[-1] = (ps, e, b)
                continue
        merged.append(piece)
    out = []
    for s, e, _b in merged:
        if e > s:
            quoted = s > 0 and text[s - 1] in "“\"「『" and e < len(text) and text[e] in "”\"」』"
            out.append(_Run(s, e, quoted))
    return out


def _ends_with_head(heads: HeadLookup, start: int, end: int) -> bool:
    """Whether text[start:end] ends in a head noun."""
    return any(he == end for _, he, _ in heads.finditer(start, end))


# --------------------------------------------------------------------------- platforms

_LEADING_QUANTITY = re.compile(r"(?:\d+|[一二三四五六七八九十两几多]+)(?:家|个|所|批|大|项|类|座)(?:左右|以上|上下)?")
_LEVEL_PREFIX = re.compile(r"^(?:国家级|省级|市级|区级|县级|国家|全国|自治区级|自治区|"
                           r"省(?!份)|市(?!场)|区(?!域)|县(?!域))")
_PART_OF_FIRM = re.compile(r"(?:股份)?有限|公司|集团|项目")
# "莫干山高新区管委会", "苏州工业园区科技和信息化局": the zone's name inside the name of its administration.
_PART_OF_DEPARTMENT = re.compile(r"(?:管委会|管理委员会|党工委|工委|[\u4e00-\u9fff]{0,8}?局)(?=[、,，;；:：。)）\s]|$)")
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


def _strip_generic(descriptor: str) -> str:
    """What is left of a descriptor after removing category words, greedily from the left.

    >>> _strip_generic("重点企业"), _strip_generic("智能感知"), _strip_generic("技术转移")
    ('', '智能感知', '')
    """
    pattern = _generic_regex()
    out, i = [], 0
    while i < len(descriptor):
        m = pattern.match(descriptor, i)
        if m:
            i = m.end()
        else:
            out.append(descriptor[i])
            i += 1
    return "".join(out)


@lru_cache(maxsize=1)
def _generic_regex() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in generic_words()))


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


def _named(name: str, head: Head, quoted: bool, places: _Places) -> bool:
    """Whether `name` (ending in `head`) names one platform rather than a category of them."""
    body = name[: len(name) - len(head.noun)]
    has_place = places.found_in(name)
    if head.strength == "designation":
        return bool(body) and (has_place or "国家" in body) and body != "国家级"
    if head.strength == "weak":
        return len(body) >= 2 and (quoted or has_place or "·" in name) and _strip_generic(body) != ""
    bare = _LEVEL_PREFIX.sub("", body, count=1)
    if head.strength == "strong" and (bare or body == "国家"):
        return not _EVALUATIVE.match(bare) or has_place or quoted
    if not bare:
        return False
    if _strip_generic(bare):
        return True
    if has_place or quoted:
        return True
    # "市技术转移转化中心": the city's own institution, singular even though its words are generic.
    return (bool(re.match(r"[市区县](?![级域场])", body)) and len(bare) >= 2
            and not re.match(r"重点|新型|高水平|重大|高能级|一流|特色|专业|综合|公共|各类|一批|以上", bare))


def _platform_candidates(text: str, run: _Run, places: _Places, heads: HeadLookup
                         ) -> Iterable[tuple[int, int, Head]]:
    _, by_noun = _compiled()
    s, e = run.start, run.end
    for pattern in (_LEADING_NOISE, _LEADING_QUANTITY):
        q = pattern.match(text, s, e)
        if q:
            s = q.end()
    last = None
    for hm in heads.finditer(s, e):
        last = hm
    if last is None:
        return
    last_start, last_end, last_noun = last
    for alt in _ALTERNATIVE_WORD.finditer(text, s, last_start):
        s = alt.end()
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
    if _POSITIONING.match(_LEVEL_PREFIX.sub("", places.pattern.sub("", text[s:end]), count=1)):
        return  # "建设西部科技创新中心": a place's role in a national strategy, no institution
    if text[max(0, s - 4):s] in _JOINT_PREFIXES:
        s -= 4  # "省部共建…国家重点实验室": 共建 is part of the name, not the verb before it
    if text[end - 1:end] == "区" and text[end:end + 1] in ("块", "域"):
        return  # "集聚区块", "核心区域": 区 opens the next word, the head noun is not there
    if _PART_OF_FIRM.match(text, end, min(len(text), end + 6)):
        return  # 杭州杭钢云计算数据中心有限公司 is a firm, 某某中心项目 a project
    if _PART_OF_DEPARTMENT.match(text, end, min(len(text), end + 12)):
        return
    if _COUNTED.match(text, end, min(len(text), end + 10)) and \
            not _strip_generic(_LEVEL_PREFIX.sub("", places.pattern.sub("", text[s:last_start]), count=1)):
        return  # "新布局建设重庆市重点实验室20个": a place and category words, counted, are a class
    if _SLOGAN.match(text[s:end]) or _COUNT_INSIDE.search(text, s + 1, end) or _YEAR_START.match(text, s, end):
        return
    if alone_ok or _named(text[s:last_end], head, run.quoted, places):
        yield s, end, head


_COORD_ITEM = r"[^\s、,，。;；:：“”《》()（）等]{1,16}"
_COORD_COUNT = r"(?P<n>\d+|[一二三四五六七八九十两]+)(?:家|个|所|大|座)"


@lru_cache(maxsize=1)
def _coordinated_regex() -> re.Pattern[str]:
    heads = "|".join(re.escape(h.noun) for h in platform_heads() if h.strength != "weak")
    return re.compile(
        rf"(?P<items>{_COORD_ITEM}(?:、{_COORD_ITEM})+)等(?:{_COORD_COUNT})?"
        rf"(?P<group>(?:国家级|省级|市级|国家|全国|省|市|区)?(?:{heads}))"
    )


@lru_cache(maxsize=1)
def _coordinated_tail() -> re.Pattern[str]:
    heads = "|".join(re.escape(h.noun) for h in platform_heads() if h.strength != "weak")
    return re.compile(rf"等(?:{_COORD_COUNT})?(?:国家级|省级|市级|国家|全国|省|市|区)?(?:{heads})")


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
    _, by_noun = _compiled()
    out = []
    for m in _coordinated_matches(text, start, end):
        group = m["group"]
        # 省实验室 members are "之江实验室", but 全国重点实验室 stays in the official names.
        head_noun = re.sub(r"^(?:国家级|省级|市级|区级|国家|省|市|区|县)", "", group, count=1)
        head = by_noun.get(head_noun) or by_noun.get(group)
        if head is None:
            continue
        items: list[tuple[int, int]] = []
        pos = m.start("items")
        for raw in m["items"].split("、"):
            items.append((pos, pos + len(raw)))
            pos += len(raw) + 1
        # The first item runs back to the clause's verb: "推动之江" -> "之江".
        fs, fe = items[0]
        runs = _runs(text, fs, fe, heads=heads)
        if not runs:
            continue
        items[0] = (runs[-1].start, fe)
        names = [text[a:b] for a, b in items]
        if any(_has_head(heads, a, b) or b - a > 16 for a, b in items):
            continue  # full names, found by the head-noun rule; or not a list of abbreviations
        rule = RULE_COORDINATED
        if m["n"] and _cn_count(m["n"]) != len(names):
            rule = RULE_COORDINATED_MISMATCH
            log.warning("coordinated list at %d names %d platforms but says %s: keeping the %d listed",
                        m.start(), len(names), m["n"], len(names))
        level = _level(group, group)
        for (a, b), n in zip(items, names, strict=True):
            out.append(PlatformOut(name=n + head_noun, kind=head.kind, level=level, span=(a, b), rule=rule))
    return out


_ADDRESSEE = re.compile(r"^各[^。;；]{2,200}[:：]$")


def _prose_spans(text: str, blocks: Sequence) -> list[tuple[int, int]]:
    if not blocks:
        return [(0, len(text))]
    # After a numbering marker: "3.支持久立集团…" names 久立集团, not "3.支持久立集团".
    # The notice's addressee line ("各区县科技局，两江新区…：") lists recipients, never platforms or firms.
    return [(body_start(b), b.end) if b.marker else (b.start, b.end) for b in blocks
            if not (b.kind == "paragraph" and b.ref is None and _ADDRESSEE.match(b.text))]


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
        while ws > start and (text[ws - 1] not in _PUNCT or _joining_dash(text, ws - 1)) and h_start - ws < 60:
            ws -= 1
        we = h_end
        while we < end and text[we] not in _PUNCT and we - h_end < 12:
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


def _past_leading_verbs(text: str, start: int, end: int) -> int:
    """Where a name begins once the stop words opening text[start:end] are skipped.

    >>> text = "依托布局建设甲江装置"
    >>> text[_past_leading_verbs(text, 0, len(text)):]
    '甲江装置'
    """
    lead = _STOP_RE.match(text, start, end)
    while lead and lead.end() > start:
        start = lead.end()
        lead = _STOP_RE.match(text, start, end)
    return start


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
        a = _past_leading_verbs(text, m.start(), m.end())
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
                a = _past_leading_verbs(text, a, b)
            if b - a >= 5:
                out.append(PlatformOut(name=text[a:b], kind="large facility", level=_level(text[a:b]), span=(a, b),
                                       rule=RULE_FACILITY_LIST))
    return out


def coordinated_platforms(text: str, start: int, end: int, heads: HeadLookup) -> list[PlatformOut]:
    """Platforms expanded from coordinated lists in text[start:end] ("之江、西湖等2家省实验室")."""
    if not _has_head(heads, start, end):
        return []
    if "等" in text[start:end] and "、" in text[start:end]:  # the only shape a coordinated list has
        return _coordinated_platforms(text, start, end, heads)
    return []


def span_platforms(text: str, start: int, end: int, places: _Places, heads: HeadLookup,
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
    if not in_span:
        return found
    found.extend(coordinated_platforms(text, start, end, heads) if coordinated is None else coordinated)
    for ws, we in _windows(text, start, end, in_span):
        for run in _runs(text, ws, we, places, heads):
            for s, e, head in _platform_candidates(text, run, places, heads):
                name = text[s:e]
                found.append(PlatformOut(name=name, kind=head.kind, level=_level(name), span=(s, e),
                                         rule=RULE_PLATFORM))
    found.extend(_list_neighbours(text, start, end, found, places, heads))
    return found


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


def _list_neighbours(text: str, start: int, end: int, found: list[PlatformOut], places: _Places,
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
    runs = [r for ws, we in merged for r in _runs(text, ws, we, places, heads)]
    lists: list[list[_Run]] = []
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
    return _strip_generic(_LEVEL_PREFIX.sub("", name[:len(name) - len(head)], count=1))


def _split_at_conjunctions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, a = [], start
    for m in re.finditer("以及|及|和|与", text[start:end]):
        out.append((a, start + m.start()))
        a = start + m.end()
    out.append((a, end))
    return [(s, e) for s, e in out if e > s]


_YEAR_START = re.compile(r"(?:19|20)\d{2}年")
# "一带两园", "三高地两基地", "一区六园": a slogan counting a plan's parts, no platform.
_SLOGAN = re.compile(r"^(?:[一二三四五六七八九十两多]+[\u4e00-\u9fff]{1,3}?){2,}$")
# "正路六个园区", "吉林经济技术开发区3个国家级开发区": a count inside the name makes it a class or a list.
_COUNT_INSIDE = re.compile(r"(?:\d+|[一二三四五六七八九十两几]+)(?:个|家|大)")


def places_for(ctx: DocContext | None) -> _Places:
    """Place names a platform name may carry, the plan's own region first, then the towns and local
    governments the document itself names as units (马桥镇, 银川市人民政府): places the gazetteer may lack."""
    region = getattr(ctx, "region", None)
    structure = getattr(ctx, "structure", None)
    local = local_places(structure.text) if structure is not None else ()
    return _places_with(region, local) if local else _places(region)


# A town or a local government printed as a unit, after a list separator: its place name.
_LOCAL_UNIT = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{2,3}?)"
                         r"(?:(?:镇|乡)(?:人民政府|政府)?|(?:市|县|区)人民政府)"
                         r"(?=[、,，;；:：)）(（|\s]|$)")


_ZONE_UNIT = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{2,6}?)(?:管委会|管理委员会|办)(?=[、,，;；)）|\s]|$)")


# Where a document lists units: after a responsibility label up to the clause's end, inside a
# bracket that says 牵头/负责, and on a table line that marks its lead with （牵头）.
_UNIT_LIST = re.compile(r"(?:责任单位|牵头单位|配合单位|参与单位|协办单位|主办单位)[:：]?[^。;；\n)）]*"
                        r"|[(（][^()（）\n]*(?:牵头|负责)[^()（）\n]*[)）]"
                        r"|^[^\n]*[(（]牵头[)）][^\n]*$", re.MULTILINE)


def _unit_lists(text: str) -> list[str]:
    """The stretches of `text` that list units (see _UNIT_LIST).

    >>> _unit_lists("1.推进特色小镇建设。（责任单位：区经委，马桥镇）\\n2.建设中心（市科技局牵头，市财政局负责）")
    ['责任单位：区经委，马桥镇', '（市科技局牵头，市财政局负责）']
    """
    return [m.group(0) for m in _UNIT_LIST.finditer(text)]


def local_places(text: str) -> tuple[str, ...]:
    """Place names of the towns and local governments a document names as units, in the unit
    lists of its responsibility clauses.

    >>> local_places("（责任单位：区经委，马桥镇）…| 银川市人民政府（牵头）、各乡镇人民政府、沿线各市人民政府 |")
    ('银川', '马桥')
    >>> local_places("（责任单位：区科委、大零号湾办）（责任单位：区金融办）")
    ('大零号湾',)
    >>> local_places("统筹推进高新区、特色小镇、众创空间等平台基地的规划建设")
    ()
    """
    found: set[str] = set()
    # only the unit lists of responsibility clauses; elsewhere "特色小镇、众创空间" is a kind of platform
    for line in _unit_lists(text):
        found.update(m.group(1) for m in _LOCAL_UNIT.finditer(line)
                     if not any(ch in m.group(1) for ch in "各全本每该乡镇县市区省"))
        # A zone run by a unit of its own (大零号湾办, 桃花工业园管委会) is a place its platforms are named after.
        found.update(m.group(1) for m in _ZONE_UNIT.finditer(line)
                     if m.group(1)[0] not in "市区县省各全本" and "各" not in m.group(1))
    return tuple(sorted(found))


@lru_cache(maxsize=64)
def _places_with(region: str | None, local: tuple[str, ...]) -> _Places:
    return _Places(_places(region).names + local)


def prose_spans(text: str, blocks: Sequence) -> list[tuple[int, int]]:
    """The stretches of each block that may name things: after a numbering marker, or the whole block."""
    return _prose_spans(text, blocks)


def find_platforms(text: str, blocks: list[Block], ctx: DocContext | None) -> list[PlatformOut]:
    """Named platforms, deduplicated by normalized name, in order of first mention.

    >>> from plankg.ingest.structure import DocContext
    >>> ps = find_platforms("加快建设宁波市技术转移中心、概念验证中心,支持甬江实验室和省重点实验室建设。", [],
    ...                     DocContext(region="宁波市"))
    >>> [(p.name, p.kind) for p in ps]
    [('宁波市技术转移中心', 'exchange or service centre'), ('甬江实验室', 'laboratory')]
    """
    places = places_for(ctx)
    heads = RegexHeads(text)
    found: list[PlatformOut] = []
    for start, end in _prose_spans(text, blocks):
        found.extend(span_platforms(text, start, end, places, heads))
    return dedupe_platforms(found)


def dedupe_platforms(found: list[PlatformOut]) -> list[PlatformOut]:
    """First mention of each platform, by normalized name."""
    return _dedupe(found)


def _dedupe(items: list, key=lambda x: normalize(x.name)) -> list:
    seen: set[str] = set()
    out = []
    for it in sorted(items, key=lambda x: (x.span[0] if x.span else -1, key(x))):
        k = key(it)
        if k in seen:
            continue
        seen.add(k)
        out.append(it)
    return out


# --------------------------------------------------------------------------- enterprises

# The lookahead (the characters a match can start with) only speeds up the scan.
_COMPANY = re.compile(r"(?=[集股有分(（])(?:集团)?(?:股份有限公司|有限责任公司|有限公司|集团公司|分公司)"
                      r"|[(（]集团[)）](?:股份有限公司|有限责任公司|有限公司|公司)|集团(?![)）])")
_COMPANY_BODY = re.compile(r"[\w()（）·&]+$")
_FIRM_LEAD = re.compile("(?:" + "|".join(re.escape(w) for w in _STOPWORDS if len(w) >= 2)
                        + "|[在向为对将把从于与和及由是、])+")
_FIRM_NOUN = r"(?:企业|公司|集团|厂商|运营商|车企|药企)"
# A group's numbered academy or institute is the group's own unit: "…集团有限公司第六研究院".
_GROUP_UNIT = re.compile(r"第[一二三四五六七八九十百零〇\d]{1,5}(?:研究院|研究所|设计院|设计研究院)")
# What a firm's name cannot hold before its own words: "…等龙头企业联合中国某集团有限公司", "二是支持某公司".
_FIRM_CONTEXT = re.compile(r"^.*(?:企业|单位|机构|院所|高校)(?:联合|携手|协同|会同|与|和|同)?"
                           r"|^[一二三四五六七八九十]是")
_FIRM_SUFFIX_AHEAD = re.compile(r"[\w·&]{1,16}?(?:股份有限公司|有限责任公司|有限公司|集团公司|公司)")
_ENTERPRISE_GROUP = re.compile(  # the lookahead (what a match starts with) only speeds up the scan
    rf"(?=[等为])(?:等?为(?:代表|龙头|引领|核心)的?(?P<mod2>[\u4e00-\u9fff\d]{{0,8}}?){_FIRM_NOUN}"
    rf"|等(?:一批|大批|一系列|\d+家|[一二三四五六七八九十两]+家)?(?P<mod>[\u4e00-\u9fff\d]{{0,8}}?){_FIRM_NOUN})")
# Modifiers that make "X、Y等…企业" a list of industries or topics rather than of firms.
_NOT_FIRM_GROUP = re.compile(r"方面|领域|产业|行业|环节|给予|支持|对|向|为|的|在|和|与|类|型")
_NOT_A_FIRM = re.compile(r"企业|高校|院所|机构|大学|学院|医院|政府|部门|单位|中心|协会|联盟|园区|平台|行业|产业|领域")


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
        while s > floor and text[s - 1] not in _PUNCT and m.end() - s < 40:
            s -= 1
        stop = m.end()
        unit = _GROUP_UNIT.match(text, stop, end) if m.group(0).endswith("公司") else None
        if unit:
            stop = unit.end()
        floor = stop
        body = text[s:m.start()]
        close = max(body.rfind(")"), body.rfind("）"))
        if close >= 0 and body.count("(") + body.count("（") <= body.count(")") + body.count("）") - 1:
            # "…）支持某某有限公司": the bracket closes an earlier aside, the name starts after it.
            s, body = s + close + 1, body[close + 1:]
        context = _FIRM_CONTEXT.match(body)
        if context:
            s += context.end()
            body = body[context.end():]
        partner = _PARTNER.match(body)
        if partner and _registry().looks_like_department(partner.group(1)):
            # "区发改局与市中城发集团": a department and the firm it works with, joined by 与/和/同.
            s += partner.end()
            body = body[partner.end():]
        lead = _FIRM_LEAD.match(body)
        if lead:
            s += lead.end()
            body = body[lead.end():]
        if len(body) < 2 or not _COMPANY_BODY.match(body):
            continue
        if m.group(0) == "集团" and not _strip_generic(body.lstrip("0123456789")) and not body[:1].isdigit():
            continue  # "企业集团", "产业集团": a kind of firm, not a firm
        if m.group(0) == "集团" and text.startswith(("有限", "公司", "股份"), m.end()):
            continue
        out.append(EnterpriseOut(name=text[s:stop], span=(s, stop), rule=RULE_REGISTERED))
    return out


@lru_cache(maxsize=1)
def _registry():
    from plankg.ingest.departments import default_registry

    return default_registry()


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
            s = e
            while s > start and text[s - 1] not in _PUNCT and text[s - 1] not in "及和与":
                s -= 1
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
        if len(items) < 2:
            continue
        items.reverse()
        for s, e in items:
            # An item may carry the clause's verb or a conjunction: "引进华为" -> "华为", "以及以吉利" -> "吉利".
            runs = _runs(text, s, e, heads=heads)
            if not runs:
                continue
            s = runs[-1].start
            name = text[s:e]
            if not (1 < len(name) <= 10) or _NOT_A_FIRM.search(name) or _has_head(heads, s, e):
                continue
            if name.startswith(("集团", "股份", "有限", "公司", "控股")):
                continue  # the tail of a registered name cut at "的" ("美的集团股份有限公司"): no name of its own
            if _registry().is_stem(name):
                continue  # "经信、财政、商务等企业年报": departments by their stems, not firms
            out.append(EnterpriseOut(name=name, span=(s, e), rule=RULE_ENTERPRISE_LIST))
    return out


def listed_enterprises(text: str, start: int, end: int, heads: HeadLookup) -> list[EnterpriseOut]:
    """Short names of firms in coordinated lists in text[start:end] ("阿里巴巴、网易、吉利等龙头企业")."""
    return _listed(text, start, end, heads)


def registered_enterprises(text: str, start: int, end: int) -> list[EnterpriseOut]:
    """Registered firm names in text[start:end] (…有限公司, …集团)."""
    return _registered(text, start, end)


def _text_positions(text: str) -> Callable[[str, int, int], Iterator[int]]:
    """Where a name occurs in text[start:end], left to right, without overlapping itself."""
    def positions(name: str, start: int, end: int) -> Iterator[int]:
        i = text.find(name, start, end)
        while i >= 0:
            yield i
            i = text.find(name, i + len(name), end)
    return positions


def matched_positions(matches: Iterable[tuple[int, str]]) -> Callable[[str, int, int], Iterator[int]]:
    """Where a name occurs, from a gazetteer matcher's (start, name) matches, read the way
    `str.find` reads text: left to right, each occurrence after the end of the previous one.

    >>> positions = matched_positions([(0, "AA"), (1, "AA"), (2, "AA")])
    >>> list(positions("AA", 0, 4)), list(positions("AA", 1, 4))
    ([0, 2], [1])
    """
    by_name: dict[str, list[int]] = {}
    for at, name in sorted(matches):
        by_name.setdefault(name, []).append(at)

    def positions(name: str, start: int, end: int) -> Iterator[int]:
        after = start
        for at in by_name.get(name, ()):
            if at >= after and at + len(name) <= end:
                yield at
                after = at + len(name)
    return positions


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


def gazetteer_firm_names() -> tuple[str, ...]:
    """Well-known firms matched anywhere (not the ambiguous short names), longest first."""
    return tuple(name for name, ambiguous in known_enterprises() if not ambiguous)


def project_builders(text: str, projects: Iterable[ProjectOut]) -> list[EnterpriseOut]:
    """The firms building listed projects, when the builder cell holds a registered name."""
    found = []
    for project in projects:
        if project.builder and _COMPANY.search(project.builder):
            at = text.find(project.builder, project.span[0])
            span = (at, at + len(project.builder)) if at >= 0 else project.span
            found.append(EnterpriseOut(name=project.builder, span=span, rule=RULE_PROJECT_BUILDER))
    return found


def find_enterprises(text: str, blocks: list[Block], ctx: DocContext | None) -> list[EnterpriseOut]:
    """Enterprises: registered names, listed short names, well-known firms and project builders.

    >>> ents = find_enterprises("引进阿里巴巴、网易、吉利等龙头企业,支持湖州某某科技有限公司发展。", [], None)
    >>> [e.name for e in ents]
    ['阿里巴巴', '网易', '吉利', '湖州某某科技有限公司']
    """
    heads = RegexHeads(text)
    found: list[EnterpriseOut] = []
    for start, end in _prose_spans(text, blocks):
        found.extend(_registered(text, start, end))
        found.extend(short_firm_names(text, start, end))
        found.extend(_listed(text, start, end, heads))
    taken = [e.span for e in found]
    # Only the firms the document names at all are looked for block by block (longest first, as listed).
    present = [name for name in gazetteer_firm_names() if name in text]
    positions = _text_positions(text)
    for start, end in _prose_spans(text, blocks) if present else ():
        found.extend(gazetteer_enterprises(start, end, taken, present, positions))
    found.extend(project_builders(text, _projects(text, blocks)))
    return dedupe_enterprises(found)


def dedupe_enterprises(found: list[EnterpriseOut]) -> list[EnterpriseOut]:
    """First mention of each firm, by normalized name."""
    return _dedupe(found)


# --------------------------------------------------------------------------- projects

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


def _projects(text: str, blocks: Sequence) -> list[ProjectOut]:
    return [p for p in (row_project(text, b) for b in blocks or ()) if p is not None]


def dedupe_projects(found: list[ProjectOut]) -> list[ProjectOut]:
    """First mention of each project, by normalized name."""
    return _dedupe(found)


def find_projects(text: str, blocks: list[Block], ctx: DocContext | None) -> list[ProjectOut]:
    """Projects from project tables (a 项目名称 column; 领域 and 施工单位/建设单位 when present).

    >>> from plankg.ingest.structure import parse_structure
    >>> t = "附件\\n重大项目清单\\n序号 领域 项目名称 建设单位\\n1 新材料 湖州某某新材料项目 湖州某某新材料有限公司"
    >>> [(p.name, p.field, p.builder) for p in find_projects(t, list(parse_structure(t).blocks), None)]
    [('湖州某某新材料项目', '新材料', '湖州某某新材料有限公司')]
    """
    return _dedupe(_projects(text, blocks))


# --------------------------------------------------------------------------- references

_TITLE = re.compile(r"《([^《》]{2,120}?)》")
_TRAILING_STATUS = re.compile(r"[(（](?:征求意见稿|送审稿|草案|试行)[)）]$")


def _title_key(title: str) -> str:
    return _TRAILING_STATUS.sub("", normalize(title).strip("《》“”\""))


def find_references(text: str, blocks: list[Block], ctx: DocContext | None) -> list[ReferenceOut]:
    """Policies cited as 《…》, except the document's own title.

    >>> from plankg.ingest.structure import DocContext
    >>> refs = find_references("印发《某市行动方案》。贯彻《浙江省科学技术进步条例》。", [],
    ...                        DocContext(title="某市行动方案"))
    >>> [r.title for r in refs]
    ['浙江省科学技术进步条例']
    """
    own_title = getattr(ctx, "title", None) if ctx is not None else None
    own = _title_key(own_title) if own_title else None
    found = []
    # The whole text, not block by block: a title may wrap onto the next line.
    for start, end in ((0, len(text)),):
        for m in _TITLE.finditer(text, start, end):
            title = normalize(m.group(1))
            if not title or (own and _title_key(title) == own):
                continue
            found.append(ReferenceOut(title=title, span=(m.start(1), m.end(1))))
    return _dedupe(found, key=lambda r: _title_key(r.title))


# The patterns the rules start from, for callers that need to know whether a rule can fire at all.
COMPANY = _COMPANY
ENTERPRISE_GROUP = _ENTERPRISE_GROUP
APPOSITIVE_NAME = _APPOSITIVE_NAME
ACADEMY_INSTITUTE = _ACADEMY_INSTITUTE
