"""The department registry: printed names of government units -> full official names.

Plans print short forms ("市科技局", "区科技局", "市委人才办") that only mean something within
the plan's jurisdiction: 市科技局 in a Hangzhou plan is 杭州市科学技术局, in a Huzhou plan
湖州市科学技术局. Resolution is general, driven by `data/gazetteers/departments.json`
(abbreviations, Party bodies, aliases, collective actors) and `regions.json`:

>>> reg = default_registry()
>>> reg.resolve("市科技局", "杭州市").canonical
'杭州市科学技术局'
>>> reg.resolve("市科技局", "湖州市").canonical
'湖州市科学技术局'
>>> reg.resolve("区科技局", "拱墅区").canonical, reg.resolve("拱墅区科技局", None).jurisdiction
('拱墅区科学技术局', '拱墅区')
>>> info = reg.resolve("市委人才办", "杭州市"); (info.canonical, info.kind)
('中共杭州市委人才工作领导小组办公室', 'party')
>>> reg.resolve("市人力社保局", "拱墅区").canonical
'杭州市人力资源和社会保障局'
>>> reg.resolve("各区、县(市)政府", "杭州市").kind
'collective'
>>> reg.resolve("某某新区管委会", "湖州市").canonical
'某某新区管理委员会'
>>> reg.resolve("市科技局(市知识产权局)", "湖州市").canonical
'湖州市科学技术局'
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

from plankg.errors import PlankgError

RULE = "plankg.departments.registry.v1"


class GazetteerError(PlankgError):
    """A gazetteer data file is missing or malformed."""


_BRACKETS = str.maketrans("〔〕【】〈〉", "()()()")


@lru_cache(maxsize=8192)
def normalize_name(name: str) -> str:
    """The comparable form of a printed unit name: NFKC, no spaces, 〔〕, 【】 and 〈〉 as ().

    >>> normalize_name("各区、县〔市〕 政府"), normalize_name("新区科技和人才局〈区科技局〉")
    ('各区、县(市)政府', '新区科技和人才局(区科技局)')
    """
    s = unicodedata.normalize("NFKC", name)
    s = s.translate(_BRACKETS)
    return re.sub(r"\s+", "", s)


# A section of a county bureau named 股 ("工业股", "办公室" is one by its suffix already); holdings are not.
_SECTION = re.compile(r"^[\u4e00-\u9fff]{2,6}(?<![控持参入配])股$")


@dataclass(frozen=True)
class Jurisdiction:
    """A region and the regions above it: the frame in which 市/区/县/省 prefixes resolve."""

    region: str | None = None
    province: str | None = None
    city: str | None = None
    district: str | None = None  # a district or county below the city


@dataclass(frozen=True)
class DepartmentInfo:
    name: str  # as printed
    canonical: str
    jurisdiction: str | None
    kind: str  # government | collective | party | other


def _load_json(name: str) -> dict:
    try:
        raw = resources.files("plankg.data").joinpath("gazetteers").joinpath(name).read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError) as exc:
        raise GazetteerError(f"gazetteer {name} not found", where="plankg.data/gazetteers",
                             fix="reinstall plankg (pip install -e .) so package data ships") from exc
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise GazetteerError(f"gazetteer {name} is not valid JSON: {exc.msg} at line {exc.lineno}",
                             where=f"data/gazetteers/{name}", fix="fix the JSON syntax") from None


def level_prefix(name: str) -> str:
    """The administrative level a unit's name opens with, as printed: 市/区/县/省/自治区, or "".

    >>> level_prefix("市科技局"), level_prefix("自治区科技厅"), level_prefix("科技局")
    ('市', '自治区', '')
    """
    if name.startswith("自治区"):
        return "自治区"
    return name[:1] if name[:1] in "市区县省" else ""


# Functional zones end like districts but are no jurisdiction: 高新区, 经开区, 示范区 ….
_ZONE_ENDINGS = ("新区", "开区", "发区", "园区", "范区", "验区", "贸区", "税区", "作区", "能区", "聚区", "片区", "景区",
                 "主城区", "湾区", "港区", "社区", "校区", "厂区", "矿区", "街区", "展区", "地区", "辖区", "全区")
_COUNTY_START = re.compile(r"^([\u4e00-\u9fff]{2,3}?县|[\u4e00-\u9fff]{2,8}?自治县)(?![级域内外城])")
_TOWNSHIP = ("镇", "乡")
_REGION_ENDINGS = ("市", "县", "区", "州", "省", "盟", "旗")  # township governments listed as responsible units
_OTHER_SUFFIXES = ("科学技术协会", "联合会", "协会", "总工会", "学会", "公司", "集团", "大学", "学院", "研究院", "银行")


class DepartmentRegistry:
    """Resolves printed department names within a jurisdiction. Build it with `default_registry()`."""

    def __init__(self, departments: dict, regions: dict):
        self.abbreviations: dict[str, str] = departments.get("abbreviations", {})
        self.party: dict[str, str] = departments.get("party_abbreviations", {})
        self.aliases: dict[str, dict] = {normalize_name(k): v for k, v in departments.get("aliases", {}).items()}
        self.collective = [re.compile(p) for p in departments.get("collective", [])]
        self.unit_suffixes: tuple[str, ...] = tuple(sorted(departments.get("unit_suffixes", []), key=len,
                                                           reverse=True))
        self.event_endings: tuple[str, ...] = tuple(departments.get("event_endings", []))
        self.person_titles: tuple[str, ...] = tuple(departments.get("person_titles", []))
        self.stems: frozenset[str] = frozenset(departments.get("department_stems", []))
        self.provinces: set[str] = set(regions.get("provinces", []))
        self.cities: dict[str, str] = dict(regions.get("cities", {}))
        self.districts: dict[str, str] = dict(regions.get("districts", {}))
        # Counties known by name only, to find a plan's region (a title or an issuer opening with one); units
        # printed bare in their plans resolve as in any county the gazetteer does not list.
        self.counties: dict[str, str] = {k: v for k, v in regions.get("counties", {}).items()
                                         if k not in self.districts}
        names = sorted(self.provinces) + list(self.cities) + list(self.districts) + list(self.counties)
        self._region_names = sorted(names, key=len, reverse=True)
        # One pattern tried in the same order as the names: each full name, then (for a city) its short
        # form before 高/国/城 ("杭州高新区" names the city without 市, only before a few words, to stay safe).
        # Thousands of names: the full ones as one pattern factored by prefixes (longest first), the cities'
        # short forms after them.
        from plankg.ingest.places import trie_pattern

        alternatives: list[str] = [trie_pattern(self._region_names)] if self._region_names else []
        self._short_city: dict[str, str] = {}
        for name in self._region_names:
            short = name[:-1] if name.endswith(("市", "省")) and len(name) > 2 else None
            if short and len(short) >= 2 and name in self.cities:
                alternatives.append(re.escape(short) + "(?=[高国城])")
                self._short_city[short] = name
        self._region_start = re.compile("|".join(alternatives)) if alternatives else None
        self._resolved: dict[tuple[str, str | None], DepartmentInfo] = {}
        # Shape tests (is_collective, looks_like_unit, …) repeat on the same strings across a corpus;
        # the registry never changes after construction, so their answers are kept.
        self._shapes: dict[tuple[str, str], bool] = {}
        self._short: dict[tuple[str, str | None], tuple[str, ...]] = {}
        self._full_bodies = tuple(sorted({v for v in self.abbreviations.values() if "{J}" not in v}, key=len,
                                         reverse=True))
        self._conjoined_bodies = tuple(b for b in self._full_bodies if "和" in b or "及" in b)

    # -- regions -------------------------------------------------------------------------------
    def jurisdiction(self, region: str | None) -> Jurisdiction:
        """The region with its parents.

        >>> default_registry().jurisdiction("拱墅区")
        Jurisdiction(region='拱墅区', province='浙江省', city='杭州市', district='拱墅区')
        >>> default_registry().jurisdiction("义乌市")
        Jurisdiction(region='义乌市', province='浙江省', city='义乌市', district='义乌市')
        """
        if not region:
            return Jurisdiction()
        if region in self.districts:
            city = self.districts[region]
            if region.endswith("市"):
                # a county-level city: its own papers' 市 is itself (义乌市's 市发改委), not the city above it
                return Jurisdiction(region, self.cities.get(city, city if city in self.provinces else None),
                                    region, region)
            return Jurisdiction(region, self.cities.get(city), city, region)
        if region in self.cities:
            return Jurisdiction(region, self.cities[region], region, None)
        if region in self.provinces:
            return Jurisdiction(region, region, None, None)
        if region.endswith(("区", "县")):
            return Jurisdiction(region, None, None, region)
        if region.endswith("省") or region.endswith("自治区"):
            return Jurisdiction(region, region, None, None)
        return Jurisdiction(region, None, region, None)

    def leading_region(self, text: str) -> str | None:
        """The known region name that `text` starts with (after an optional 中共).

        >>> default_registry().leading_region("杭州市拱墅区科技发展规划")
        '杭州市'
        """
        s = text[2:] if text.startswith("中共") else text
        m = self._region_start.match(s) if self._region_start else None
        if m is None:
            return None
        return self._short_city.get(m.group(0), m.group(0))

    def regions_in(self, text: str) -> list[str]:
        """Known regions named at the start of `text`, outermost first (杭州市拱墅区 -> both).

        >>> default_registry().regions_in("杭州市拱墅区科技发展“十四五”规划纲要")
        ['杭州市', '拱墅区']
        >>> default_registry().regions_in("某市某区规划")
        []
        """
        out = []
        rest = text
        while True:
            r = self.leading_region(rest)
            if not r or not rest.startswith(r):
                break
            out.append(r)
            rest = rest[len(r):]
        if out and out[-1] in self.cities or out[-1:] and self._municipality(out[-1]):
            district = self.unlisted_district(rest)
            if district:
                out.append(district)
        elif not out:
            # A county opening a title or an issuer needs no parent: "肥西县科技创新三年行动计划".
            m = _COUNTY_START.match(rest)
            if m and not any(w in m.group(1) for w in "省市区乡镇的在各全本每"):
                out.append(m.group(1))
        return out

    def _municipality(self, region: str) -> bool:
        """A province-level city (上海市, 重庆市): its districts follow it directly."""
        return region in self.provinces and region.endswith("市")

    @staticmethod
    def unlisted_district(rest: str) -> str | None:
        """A district or county name not in the gazetteer, right after its city: "闵行区" in 上海市闵行区….

        >>> [DepartmentRegistry.unlisted_district(name) for name in ("闵行区人民政府办公室", "高新区管委会")]
        ['闵行区', None]
        """
        m = re.match(r"^([\u4e00-\u9fff]{1,3}?[区县])(?![级域内外])", rest)
        if m is None or m.group(1).endswith(_ZONE_ENDINGS) or any(w in m.group(1) for w in "省市的在各全本每"):
            return None
        return m.group(1)

    # -- shapes ---------------------------------------------------------------------------------
    def is_collective(self, name: str) -> bool:
        """Whether a name stands for several units at once: every district, the towns concerned, the member units.

        >>> reg = default_registry()
        >>> [reg.is_collective(n) for n in ("各区、县(市)", "相关镇街", "属地镇(街道)", "有关部门", "市科技局")]
        [True, True, True, True, False]
        """
        key = ("is_collective", name)
        hit = self._shapes.get(key)
        if hit is None:
            hit = self._shapes[key] = self._is_collective(name)
        return hit

    def _is_collective(self, name: str) -> bool:
        n = normalize_name(name)
        return any(p.search(n) for p in self.collective)

    def looks_like_unit(self, name: str) -> bool:
        """Whether a string has the form of an organisation (…局/委/办/中心/管委会/海关…).

        >>> reg = default_registry()
        >>> (reg.looks_like_unit("市国防动员办公室"), reg.looks_like_unit("杭州高新区(滨江)"),
        ...  reg.looks_like_unit("完善机制"), reg.looks_like_unit("工业股"), reg.looks_like_unit("某某控股"))
        (True, True, False, True, False)
        >>> reg.looks_like_unit("项城市"), reg.looks_like_unit("城市"), reg.looks_like_unit("超市")
        (True, False, False)
        """
        key = ("looks_like_unit", name)
        hit = self._shapes.get(key)
        if hit is None:
            hit = self._shapes[key] = self._looks_like_unit(name)
        return hit

    def _looks_like_unit(self, name: str) -> bool:
        n = normalize_name(name)
        if not n or len(n) > 40 or any(ch in n for ch in "。;；:：,，"):
            return False
        if self.is_collective(n) or n in self.aliases:
            return True
        base = re.sub(r"\([^()]*\)$", "", n) or n
        if base.endswith(self.event_endings):
            return False  # "西园街道召开文明创建工作推进会": a meeting, whoever holds it
        if _SECTION.match(base):
            return True  # "工业股", "农业股": a county bureau's section
        if base.endswith("市") and base in self.counties:
            return True  # "项城市" beside "商水县": a county-level city standing for its government, as a county does
        return base.endswith(self.unit_suffixes) or n.endswith(self.unit_suffixes)

    def looks_like_department(self, name: str) -> bool:
        """Stricter than `looks_like_unit`: a government or Party body, as needed where no label says so.

        >>> reg = default_registry()
        >>> (reg.looks_like_department("市科技局"), reg.looks_like_department("高校院所"),
        ...  reg.looks_like_department("各街道"), reg.looks_like_department("发改部门"))
        (True, False, True, True)
        """
        key = ("looks_like_department", name)
        hit = self._shapes.get(key)
        if hit is None:
            hit = self._shapes[key] = self._looks_like_department(name)
        return hit

    def _looks_like_department(self, name: str) -> bool:
        n = normalize_name(name)
        if not self.looks_like_unit(n) or self.is_person(n):
            return False
        if n in self.aliases or self.is_collective(n) or n[:1] in "市区县省镇乡" or n.startswith(("中共", "团")):
            return True
        if self.leading_region(n):
            return True
        base = re.sub(r"\([^()]*\)$", "", n)
        if base.endswith("部门") and self.is_stem(base[:-2]):
            return True  # "发改部门", "自然资源部门": a body named by its stem and the word for a department
        return base.endswith(("局", "委", "办", "厅", "管委会", "办公室", "政府", "委员会", "海关", "部", "街道",
                              "办事处", "法院", "检察院"))

    def is_person(self, name: str) -> bool:
        """People (责任领导, 分管副市长, a bare personal name) are never departments.

        >>> reg = default_registry()
        >>> reg.is_person("王副市长"), reg.is_person("张三"), reg.is_person("区领导"), reg.is_person("市科技局")
        (True, True, True, False)
        >>> reg.is_person("各级总河长"), reg.is_person("各级河长制办公室")
        (True, False)
        """
        key = ("is_person", name)
        hit = self._shapes.get(key)
        if hit is None:
            hit = self._shapes[key] = self._is_person(name)
        return hit

    def abbreviated(self, name: str) -> bool:
        """Whether a name, past its places, is a short form the registry spells out (经信局 -> 经济和信息化局).

        >>> reg = default_registry()
        >>> reg.abbreviated("吴兴区经信局"), reg.abbreviated("苏州市吴江区人民政府"), reg.abbreviated("市科技局")
        (True, False, True)
        """
        n = normalize_name(name)
        for region in self.regions_in(n):
            n = n[len(region):] if n.startswith(region) else n
        n = n[len(level_prefix(n)):]
        expanded = self.abbreviations.get(n)
        return expanded is not None and expanded != n

    def conjunction_in_body(self, name: str, at: int) -> bool:
        """Whether the 和/及 at `name[at]` belongs to the official body `name` ends with (林业和草原局,
        发展和改革局), so that it joins no two units.

        >>> reg = default_registry()
        >>> reg.conjunction_in_body("市林业和草原局", 3), reg.conjunction_in_body("财政和有关城区政府", 2)
        (True, False)
        """
        n = normalize_name(name)
        return any(n.endswith(body) and len(n) - len(body) <= at for body in self._conjoined_bodies)

    def is_stem(self, name: str) -> bool:
        """A body named by its stem alone, with or without its level: 县发改, 财政, 人社 (short-form lists).

        >>> reg = default_registry()
        >>> reg.is_stem("县发改"), reg.is_stem("财政"), reg.is_stem("张三"), reg.is_stem("市科技局")
        (True, True, False, False)
        """
        n = normalize_name(name)
        level = level_prefix(n)
        return n in self.stems or (len(n) > len(level) + 1 and level != "" and n[len(level):] in self.stems)

    def _is_person(self, name: str) -> bool:
        n = normalize_name(name)
        if n.endswith(self.person_titles) and not n.endswith(("委员会", "办公室")):
            return True  # "各级总河长": the officials of every level, however collective the list reads
        if self.is_collective(n) or self.is_stem(n):
            return False
        # A bare 2-3 character name with no organisational ending is a person, e.g. 张三; a township
        # (马桥镇, 某某乡) has the same length but names a place.
        if len(n) == 3 and n.endswith(_TOWNSHIP):
            return False
        if n.endswith(_REGION_ENDINGS):
            return False  # "绵阳市", "长兴县": a place acting as a unit, never a person
        return bool(re.fullmatch(r"[\u4e00-\u9fff]{2,3}", n)) and not self.looks_like_unit(n)

    # -- resolution ----------------------------------------------------------------------------
    def _level_region(self, level: str, j: Jurisdiction) -> str | None:
        return {"市": j.city, "区": j.district if j.district and j.district.endswith("区") else j.district,
                "县": j.district, "省": j.province, "自治区": j.province}.get(level)

    def _expand_body(self, body: str) -> str:
        """Official form of a unit body: 科技局 -> 科学技术局, 某新区管委会 -> 某新区管理委员会."""
        if body in self.abbreviations:
            return self.abbreviations[body]
        if body.endswith(self._full_bodies) and not any(body.endswith(k) and k != v
                                                         for k, v in self.abbreviations.items()
                                                         if not body.endswith(v)):
            return body
        for key in sorted(self.abbreviations, key=len, reverse=True):
            value = self.abbreviations[key]
            if body.endswith(key) and not body.endswith(value) and "{J}" not in value:
                return body[: -len(key)] + value
        return body

    @staticmethod
    def _place(jurisdiction: str | None, body: str) -> str:
        if "{J}" in body:
            return body.replace("{J}", jurisdiction or "")
        return f"{jurisdiction or ''}{body}"

    def _kind(self, canonical: str, default: str = "government") -> str:
        if canonical.startswith("中共") or canonical.startswith("共青团"):
            return "party"
        if canonical.endswith(_OTHER_SUFFIXES):
            return "other"
        return default

    def short_names(self, canonical: str, jurisdiction: str | None) -> tuple[str, ...]:
        """The short forms documents print for a department of this registry, in its jurisdiction:
        the level prefix (市/区/县/省) or the region before each known abbreviation of its body.
        Searches match them, so "市科技局" finds 杭州市科学技术局 and 湖州市科学技术局.

        >>> default_registry().short_names("杭州市科学技术局", "杭州市")
        ('市科技局', '市科学技术局', '杭州市科技局')
        >>> default_registry().short_names("中共杭州市委人才工作领导小组办公室", "杭州市")
        ('市委人才办', '杭州市委人才办')
        >>> default_registry().short_names("各区、县(市)政府", "杭州市")
        ()
        >>> default_registry().short_names("宁夏回族自治区科学技术厅", "宁夏回族自治区")
        ('自治区科技厅', '自治区科学技术厅', '宁夏回族自治区科技厅')
        """
        key = (canonical, jurisdiction)
        names = self._short.get(key)
        if names is None:
            names = self._short[key] = self._short_names(canonical, jurisdiction)
        return names

    def _short_names(self, canonical: str, place: str | None) -> tuple[str, ...]:
        if not place or not canonical.startswith((place, f"中共{place}")):
            return ()
        level = "自治区" if place.endswith("自治区") else place[-1] if place[-1] in "市区县省" else ""
        found: set[str] = set()
        if level and canonical.startswith(place) and len(canonical) > len(place):
            found.add(level + canonical[len(place):])
        for short, body in self.abbreviations.items():
            if self._place(place, body) == canonical:
                found.update((level + short, place + short) if level else (place + short,))
        for short, body in self.party.items():
            if f"中共{place}委{body}" == canonical:
                found.update((f"{level}委{short}", f"{place}委{short}") if level else (f"{place}委{short}",))
        for printed, entry in self.aliases.items():
            if entry.get("canonical", "").replace("{J}", place) == canonical:
                found.add(printed)
        found.discard(canonical)
        return tuple(sorted(found, key=lambda n: (len(n), n)))

    def resolve(self, name: str, region: str | None = None) -> DepartmentInfo:
        """Resolve a printed unit name within the plan's region (see the module doc)."""
        key = (name, region)
        info = self._resolved.get(key)
        if info is None:
            # The registry is read-only after construction, so a resolution never goes stale.
            info = self._resolved[key] = self._resolve(name, region)
        return info

    def _resolve(self, name: str, region: str | None = None) -> DepartmentInfo:
        """The first step that knows the printed name decides; a name none of them knows is a unit of the
        plan's own jurisdiction (`_in_jurisdiction`)."""
        n = normalize_name(name)
        j = self.jurisdiction(region)
        for step in (self._by_alias, self._as_collective, self._by_first_of_two_names, self._by_leading_region,
                     self._by_place_prefix, self._by_level_prefix, self._as_youth_league):
            info = step(name, n, j, region)
            if info is not None:
                return info
        return self._in_jurisdiction(name, n, j)

    def _by_alias(self, name: str, n: str, j: Jurisdiction, region: str | None) -> DepartmentInfo | None:
        """A name the alias gazetteer lists, placed at its printed level (市/区/县/省) of the plan's region."""
        if n not in self.aliases:
            return None
        entry = self.aliases[n]
        level = n[0] if n[:1] in "市区县省" else "市"
        jur = entry.get("jurisdiction", self._level_region(level, j) or j.city or j.region)
        if "jurisdiction" in entry and entry["jurisdiction"] is None:
            jur = None
        place = self._level_region(level, j) or jur
        canonical = entry["canonical"].replace("{J}", place or "")
        return DepartmentInfo(name, canonical, jur if "{J}" not in entry["canonical"] else place,
                              entry.get("kind") or self._kind(canonical))

    def _as_collective(self, name: str, n: str, j: Jurisdiction, region: str | None) -> DepartmentInfo | None:
        """A collective unit ("各区、县(市)"), of the plan's region."""
        return DepartmentInfo(name, n, j.region, "collective") if self.is_collective(n) else None

    def _by_first_of_two_names(self, name: str, n: str, j: Jurisdiction, region: str | None
                               ) -> DepartmentInfo | None:
        """"市科技局(市知识产权局)": one office under two names; the first is the one to resolve."""
        both = re.match(r"^(.+?)\(([^()]+)\)$", n)
        if both and self.looks_like_unit(both.group(2)) and self.looks_like_unit(both.group(1)):
            inner = self.resolve(both.group(1), region)
            return DepartmentInfo(name, inner.canonical, inner.jurisdiction, inner.kind)
        return None

    def _by_leading_region(self, name: str, n: str, j: Jurisdiction, region: str | None) -> DepartmentInfo | None:
        """A name opening with a region of the gazetteer ("杭州市科技局", "中共杭州市委组织部"), down to a
        district the name goes on to print, listed or not."""
        lead = self.leading_region(n)
        if not lead:
            return None
        rest = n[2:] if n.startswith("中共") else n
        rest = rest[len(lead):] if rest.startswith(lead) else rest[len(lead) - 1:]
        region_name = lead
        inner_region = self.leading_region(rest)
        if inner_region and rest.startswith(inner_region):
            region_name, rest = inner_region, rest[len(inner_region):]
        elif lead in self.cities or self._municipality(lead):
            district = self.unlisted_district(rest)
            if district and len(rest) > len(district) + 1:
                region_name, rest = district, rest[len(district):]
        return self._resolve_body(name, region_name, rest)

    def _by_place_prefix(self, name: str, n: str, j: Jurisdiction, region: str | None) -> DepartmentInfo | None:
        """A place the gazetteer does not list, printed before a known body or a Party committee's office
        ("某某县财政局", "中共某某县委办公室"); a zone ("…开发区管委会") is a unit of its own."""
        m = re.match(r"^(中共)?([\u4e00-\u9fff]{2,4}?(?:省|市|区|县))(.+)$", n)
        zone = m is not None and (m.group(2).endswith(("新区", "园区", "开发区", "高新区")) or m.group(3) == "管委会")
        if (m and not zone and m.group(2) != "自治区"
                and (m.group(3) in self.abbreviations or m.group(3).startswith("委") or m.group(1))):
            return self._resolve_body(name, m.group(2), m.group(3))
        return None

    def _by_level_prefix(self, name: str, n: str, j: Jurisdiction, region: str | None) -> DepartmentInfo | None:
        """A level prefix: 市/区/县/省/自治区 (and 市委/区委/自治区党委: the Party committee at that level),
        placed at that level of the plan's region."""
        level = level_prefix(n)
        if level and len(n) > len(level) + 1:
            body = n[len(level):]
            body = body[1:] if body.startswith("党委") else body
            place = self._level_region(level, j)
            return self._resolve_body(name, place, body, printed_level=level)
        return None

    def _as_youth_league(self, name: str, n: str, j: Jurisdiction, region: str | None) -> DepartmentInfo | None:
        """"团市委", "团县委": the Youth League committee, a Party body of the plan's region."""
        return DepartmentInfo(name, n, j.region, "party") if n.startswith("团") and n.endswith("委") else None

    def _in_jurisdiction(self, name: str, n: str, j: Jurisdiction) -> DepartmentInfo:
        """A name printed with no place or level ("科技局", a stem "财政"): a unit of the plan's own
        jurisdiction, named there as its canonical name when it is a government body every place has."""
        stem = self.is_stem(n)
        level = "县" if j.district else "市" if j.city else "省" if j.province else ""
        body = self._expand_body(self._stem_body(n, level) if stem else n)
        kind = self._kind(body)
        jur = j.city or j.region if self.looks_like_unit(n) or stem else j.region
        if "{J}" in body:  # 税务局 -> 国家税务总局{J}税务局
            body = self._place(jur, body)
        elif jur and (stem or n in self.abbreviations or n in self._generic_bodies) and \
                kind in ("government", "other") and self.leading_region(body) is None:
            # "科技局" / "财政" / "科协" printed bare in a plan of 浮梁县: the county's own unit, named as such.
            body = self._place(jur, body)
        return DepartmentInfo(name, body, jur, kind)

    @cached_property
    def _generic_bodies(self) -> frozenset[str]:
        """Official bodies every government has (科学技术局, 财政局): printed bare, they name no one place."""
        return frozenset(v for v in self.abbreviations.values() if "{J}" not in v)

    def _stem_body(self, stem: str, level: str = "") -> str:
        """The unit a bare stem stands for, from the abbreviations: 财政 -> 财政局 (财政厅 in a province);
        发改 -> 发改委 in a city or province, 发改局 in a district or county (where it is a bureau).

        >>> reg = default_registry()
        >>> [reg._stem_body(*args) for args in (("财政",), ("发改", "市"), ("发改", "县"), ("财政", "省"))]
        ['财政局', '发改委', '发改局', '财政厅']
        """
        if level in ("省", "自治区"):  # a province's bureaus are 厅, its commissions 委
            if stem + "委" in self.abbreviations:
                return stem + "委"
            bureau = self._expand_body(stem + "局") if stem + "局" in self.abbreviations else stem + "局"
            return bureau[:-1] + "厅"
        for ending in (("局", "委") if level in ("区", "县") else ("委", "局")):
            if stem + ending in self.abbreviations:
                return stem + ending
        return stem

    def _resolve_body(self, name: str, place: str | None, body: str, printed_level: str = "") -> DepartmentInfo:
        if body.startswith("委") and len(body) > 1:
            party_body = body[1:]
            expanded = self.party.get(party_body) or self._expand_body(party_body)
            if place:
                canonical = f"中共{place}委{expanded}"
            else:
                canonical = f"{printed_level}委{expanded}"
            return DepartmentInfo(name, canonical, place, "party")
        expanded = self._expand_body(self._stem_body(body, printed_level) if self.is_stem(body) else body)
        if place:
            canonical = self._place(place, expanded)
        else:
            canonical = printed_level + expanded.replace("{J}", "")
        return DepartmentInfo(name, canonical, place, self._kind(canonical))


@lru_cache(maxsize=1)
def default_registry() -> DepartmentRegistry:
    """The registry built from the gazetteers shipped in `plankg.data` (cached)."""
    from plankg.ingest.gazetteer import county_parents

    regions = _load_json("regions.json")
    regions["counties"] = county_parents()  # the counties no province shares: names a title may open with
    return DepartmentRegistry(_load_json("departments.json"), regions)
