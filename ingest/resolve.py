"""Entity resolution across documents: the printed variants of one platform or enterprise, one node.

Plans print one thing many ways: 杭州城西科创大走廊 and 城西科创大走廊, 杭州国家高新区 and 杭州高新区,
市技术转移转化中心 and 杭州市技术转移转化中心, 中国(杭州)知识产权保护中心. `resolve_name` reads a
printed name, with the region of the plan that prints it, into a canonical key (label,
jurisdiction, core name); the node's id is derived from that key alone, so the same thing in any
document is one node, every load is idempotent and the order documents load in changes nothing.

The steps, each recorded with its evidence (`Resolution.explain`, stored on the MENTIONS
relationship as `resolution`, the merge log `plankg query merge_log` reads):

* `bracket`: 中国(杭州)X / 浙江(杭州)X name their place in brackets; a trailing bracket holding a
  place or a status (杭州高新区(滨江), X(筹)) qualifies the name without changing what it names;
* `place`: a leading region (杭州市, 杭州, 浙江省, 杭州市拱墅区; a district's short form only after
  its city, or the plan's own), the innermost one the jurisdiction;
* `level`: a level word after the place (杭州国家高新区) or alone (市技术转移转化中心: the plan's city;
  省…: its province);
* `abbreviation`: a head noun's full form becomes its short one (高新技术产业开发区 -> 高新区,
  `data/gazetteers/platform_variants.json`);
* `plan region`: a platform printed with no place is the plan's region's (城西科创大走廊 in a
  Hangzhou plan is Hangzhou's);
* `class`: a class name (技术创新中心, 省实验室, 浙江省实验室: head noun and category words only,
  no place that names one) is kept as printed and never merged into a named platform.

Nothing merges across jurisdictions (two cities' 高新区 are two keys) or across labels (a
platform and an enterprise never share a key). Enterprises take only `bracket` and `place`: a
firm printed without a place (联想) is the same firm in every plan, so it gets no plan region.

>>> a = resolve_name("杭州城西科创大走廊", "Platform", "杭州市")
>>> b = resolve_name("城西科创大走廊", "Platform", "杭州市")
>>> a.id == b.id, a.name, a.jurisdiction
(True, '城西科创大走廊', '杭州市')
>>> a.explain()
'plankg.resolve.v1: place 杭州→杭州市'
>>> b.explain()
'plankg.resolve.v1: plan region 杭州市'
>>> resolve_name("杭州高新区", "Platform", "杭州市").id == resolve_name("湖州高新区", "Platform", "湖州市").id
False
>>> resolve_name("技术创新中心", "Platform", "杭州市").jurisdiction is None
True
"""
from __future__ import annotations

import json
import re
from dataclasses import astuple, dataclass
from functools import lru_cache
from importlib import resources

from plankg.ingest.departments import DepartmentRegistry, default_registry
from plankg.ingest.gazetteer import Head, platform_heads
from plankg.ingest.names import strip_generic
from plankg.ontology.ids import content_id, normalize

RULE = "plankg.resolve.v1"
PLATFORM, ENTERPRISE = "Platform", "Enterprise"


@dataclass(frozen=True)
class Variants:
    """The word lists of `data/gazetteers/platform_variants.json`."""

    level_words: tuple[str, ...]  # longest first
    own_level_words: tuple[str, ...]  # 省/市/区/县 alone: the plan's own province, city, district
    not_level_words: tuple[str, ...]  # words that open with a level word's character (区块链, 市场)
    status_brackets: tuple[str, ...]
    abbreviations: tuple[tuple[str, str], ...]  # (full, short), longest full form first


@lru_cache(maxsize=1)
def variants() -> Variants:
    raw = resources.files("plankg.data").joinpath("gazetteers").joinpath("platform_variants.json")
    data = json.loads(raw.read_text(encoding="utf-8"))
    return Variants(tuple(sorted(data["level_words"], key=lambda w: (-len(w), w))),
                    tuple(data["own_level_words"]), tuple(w for w in data["not_level_words"] if len(w) > 1),
                    tuple(data["status_brackets"]),
                    tuple(sorted(data["abbreviations"].items(), key=lambda kv: (-len(kv[0]), kv[0]))))


@dataclass(frozen=True)
class Resolution:
    """A printed name read into its canonical key, with the steps that got there."""

    label: str  # Platform | Enterprise
    printed: str
    jurisdiction: str | None  # None: a class name kept as printed, or a firm printed without a place
    core: str  # the name without place, level word and qualifying bracket, head noun abbreviated
    name: str  # the node's display name: a function of the key alone
    aliases: tuple[str, ...]  # other forms of the key a search may type (a function of the key alone)
    kind: str | None  # the platform kind of the core's head noun, when it ends in one
    steps: tuple[str, ...]  # "step evidence", in the order applied

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.label, self.jurisdiction or "", self.core)

    @property
    def id(self) -> str:
        return content_id(self.label, self.jurisdiction or "", self.core)

    def explain(self) -> str:
        """The rule and its evidence, as the merge log shows it."""
        return f"{RULE}: " + ("; ".join(self.steps) if self.steps else "as printed")


def _head(core: str) -> Head | None:
    """The longest head noun `core` ends in."""
    return next((h for h in platform_heads() if core.endswith(h.noun)), None)


def _short(region: str) -> str:
    """杭州市 -> 杭州, 浙江省 -> 浙江; districts and counties keep their ending (拱墅区).

    >>> _short("杭州市"), _short("浙江省"), _short("拱墅区")
    ('杭州', '浙江', '拱墅区')
    """
    return region[:-1] if region.endswith(("市", "省")) and len(region) > 2 else region


def _region_forms(registry: DepartmentRegistry) -> dict[str, str]:
    """Every printed form that opens a name and names a region: full names, and the short forms of
    provinces and cities (杭州, 浙江). Districts' short forms (西湖, 滨江) also name lakes and
    rivers, so they count only after their city or as the plan's own (`_leading_places`)."""
    return _forms(id(registry), registry)


@lru_cache(maxsize=4)
def _forms(_key: int, registry: DepartmentRegistry) -> dict[str, str]:
    forms: dict[str, str] = {}
    for region in [*sorted(registry.provinces), *registry.cities, *registry.districts]:
        forms[region] = region
    for region in [*sorted(registry.provinces), *registry.cities]:
        short = re.sub(r"(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$", "", region)
        if len(short) >= 2:
            forms.setdefault(short, region)
    return forms


@lru_cache(maxsize=4)
def _ordered_forms(_key: int, registry: DepartmentRegistry) -> tuple[str, ...]:
    """`_region_forms` longest first (hundreds of them: sorted once)."""
    return tuple(sorted(_region_forms(registry), key=lambda f: (-len(f), f)))


@lru_cache(maxsize=4)
def _forms_pattern(_key: int, registry: DepartmentRegistry) -> re.Pattern[str]:
    from plankg.ingest.places import trie_pattern

    return re.compile(trie_pattern(_region_forms(registry)))


def _opening_form(rest: str, registry: DepartmentRegistry) -> str | None:
    """The longest region form `rest` opens with and goes on after."""
    m = _forms_pattern(id(registry), registry).match(rest)
    if m is None:
        return None
    if m.end() < len(rest):
        return m.group(0)
    # the whole of `rest` is a region: a shorter form may still open it
    return next((f for f in _ordered_forms(id(registry), registry) if rest.startswith(f) and len(rest) > len(f)),
                None)


@lru_cache(maxsize=4)
def _district_shorts(_key: int, registry: DepartmentRegistry) -> dict[str, list[tuple[str, str]]]:
    """Districts by their short forms (拱墅 -> 拱墅区 and its city), in the registry's order."""
    out: dict[str, list[tuple[str, str]]] = {}
    for district, city in registry.districts.items():
        short = _district_short(district)
        if short:
            out.setdefault(short, []).append((district, city))
    return out


def _district_short_at(rest: str, parent: str | None, own: set, loose: bool, registry: DepartmentRegistry
                       ) -> tuple[str | None, str | None]:
    """The district whose short form `rest` opens with (and goes on after): right after its city, the plan's
    own, or any with `loose`; the registry's first such district where a short form is shared."""
    shorts = _district_shorts(id(registry), registry)
    for n in range(min(len(rest) - 1, 8), 1, -1):
        for district, city in shorts.get(rest[:n], ()):
            if loose or city == parent or district in own:
                return rest[:n], district
    return None, None


def _district_short(region: str) -> str | None:
    short = region[:-1] if region.endswith(("区", "县")) else None
    return short if short and len(short) >= 2 else None


def _leading_places(name: str, plan_region: str | None, registry: DepartmentRegistry, *, loose: bool = False
                    ) -> tuple[list[tuple[str, str]], str]:
    """The regions `name` opens with, as (printed, region), and the rest of the name. `loose` takes
    any district's short form (inside a bracket, where nothing else can stand).

    >>> reg = default_registry()
    >>> _leading_places("杭州市拱墅区大运河数智未来城", None, reg)
    ([('杭州市', '杭州市'), ('拱墅区', '拱墅区')], '大运河数智未来城')
    >>> _leading_places("杭州拱墅大运河数智未来城", None, reg)
    ([('杭州', '杭州市'), ('拱墅', '拱墅区')], '大运河数智未来城')
    >>> _leading_places("西湖实验室", "杭州市", reg)
    ([], '西湖实验室')
    """
    forms = _region_forms(registry)
    found: list[tuple[str, str]] = []
    rest = name
    own = set(astuple(registry.jurisdiction(plan_region))) if plan_region else set()
    while rest:
        printed = _opening_form(rest, registry)
        region = forms.get(printed or "")
        if printed is None:
            # a district's short form: right after its city (杭州拱墅…), or the plan's own district
            parent = found[-1][1] if found else None
            printed, region = _district_short_at(rest, parent, own, loose, registry)
        if printed is None or region is None:
            break
        if found and region == found[-1][1]:
            break
        found.append((printed, region))
        rest = rest[len(printed):]
    return found, rest


def _level_region(level: str, plan_region: str | None, registry: DepartmentRegistry) -> str | None:
    """The plan's own region at a printed level: 市 -> its city, 省 -> its province.

    >>> reg = default_registry()
    >>> _level_region("市", "拱墅区", reg), _level_region("省", "杭州市", reg), _level_region("区", "杭州市", reg)
    ('杭州市', '浙江省', None)
    """
    j = registry.jurisdiction(plan_region)
    return {"省": j.province, "市": j.city, "区": j.district, "县": j.district}.get(level)


_OPENING_BRACKET = re.compile(r"^(中国|[\u4e00-\u9fff]{2,3})\(([^()]{2,8})\)")
_CLOSING_BRACKET = re.compile(r"\(([^()]{1,8})\)$")


def resolve_name(printed: str, label: str, plan_region: str | None, *,
                 registry: DepartmentRegistry | None = None, _places: bool = True) -> Resolution:
    """Read a printed platform or enterprise name, in a plan of `plan_region`, into its key.

    Pure: the same printed name in a plan of the same region gives the same key, in any document.

    >>> r = resolve_name("中国(浙江杭州)科技成果交易所", "Platform", "杭州市")
    >>> r.jurisdiction, r.core, r.explain()
    ('杭州市', '科技成果交易所', 'plankg.resolve.v1: bracket 中国(浙江杭州)→杭州市')
    >>> r = resolve_name("杭州国家高新区", "Platform", "杭州市")
    >>> r.name, r.explain()
    ('杭州高新区', 'plankg.resolve.v1: place 杭州→杭州市; level 国家')
    >>> resolve_name("杭州高新技术产业开发区", "Platform", "杭州市").id == r.id
    True
    >>> m = resolve_name("市技术转移转化中心", "Platform", "杭州市")
    >>> m.id == resolve_name("杭州市技术转移转化中心", "Platform", "拱墅区").id, m.name
    (True, '杭州市技术转移转化中心')
    >>> resolve_name("省实验室", "Platform", "杭州市").explain()
    'plankg.resolve.v1: class 省实验室 names no one platform: kept as printed'
    >>> resolve_name("联想", "Enterprise", "杭州市").jurisdiction is None
    True
    >>> resolve_name("西湖实验室", "Platform", "西湖区").id == resolve_name("西湖实验室", "Platform", "西湖区").id
    True
    >>> resolve_name("西湖实验室", "Platform", "西湖区").core
    '西湖实验室'
    """
    registry = registry or default_registry()
    lists = variants()
    name = normalize(printed)
    steps: list[str] = []
    jurisdiction: str | None = None
    place_printed = False
    rest = name

    m = _OPENING_BRACKET.match(rest)
    if m:
        outer, _ = _leading_places(m.group(1) + "X", plan_region, registry) if m.group(1) != "中国" else ([], "")
        inner, leftover = _leading_places(m.group(2) + "X", plan_region, registry)
        if inner and leftover == "X" and (m.group(1) == "中国" or outer):
            jurisdiction = inner[-1][1]
            place_printed = True
            steps.append(f"bracket {m.group(0)}→{jurisdiction}")
            rest = rest[m.end():]
    m = _CLOSING_BRACKET.search(rest)
    if m and len(rest) > m.end() - m.start() + 2:
        inside = m.group(1)
        places, leftover = _leading_places(inside + "X", plan_region, registry, loose=True)
        if inside in lists.status_brackets or (places and leftover == "X"):
            steps.append(f"bracket {m.group(0)}")
            rest = rest[:m.start()]
    short_place = False
    if not place_printed and _places:
        places, after = _leading_places(rest, plan_region, registry)
        short_place = any(shown != region for shown, region in places)
        if places:
            jurisdiction = places[-1][1]
            place_printed = True
            shown = "".join(p for p, _ in places)
            steps.append(f"place {shown}→{jurisdiction}")
            rest = after

    if label == ENTERPRISE:
        core = rest
        display = (_short(jurisdiction) + core) if jurisdiction else core
        return Resolution(label, printed, jurisdiction, core, display,
                          _aliases(display, core, jurisdiction, ()), None, tuple(steps))

    level = next((w for w in lists.level_words if rest.startswith(w) and len(rest) > len(w) + 1
                  and not any(rest.startswith(x) and len(x) > len(w) for x in lists.not_level_words)), None)
    if level and not place_printed and level not in lists.own_level_words and not level.startswith("国家"):
        level = None  # 省级…/市级… alone names a class of platforms, not the plan's own one
    own_level = level in lists.own_level_words and not place_printed
    if level:
        rest = rest[len(level):]
    core = rest
    abbreviated = None
    for full, short in lists.abbreviations:
        if core.endswith(full):
            core, abbreviated = core[: len(core) - len(full)] + short, f"abbreviation {full}→{short}"
            break
    head = _head(core)
    descriptor = strip_generic(core[: len(core) - len(head.noun)]) if head else core
    is_class = head is not None and not descriptor
    if head is not None and is_class:
        bare_head = core == head.noun
        named = (place_printed and (not bare_head or head.strength in ("strong", "designation"))) or \
                (own_level and not bare_head)
        if not named and short_place:
            # "西湖实验室" in a plan of 西湖区: a short place form that leaves only a class opened a name
            return resolve_name(printed, label, plan_region, registry=registry, _places=False)
        if not named:
            return Resolution(label, printed, None, name, name, _aliases(name, name, None, ()),
                              head.kind, (f"class {name} names no one platform: kept as printed",))
    if level:
        if own_level:
            jurisdiction = _level_region(level, plan_region, registry)
            steps.append(f"level {level}→{jurisdiction or '?'}")
        else:
            steps.append(f"level {level}")
    if abbreviated:
        steps.append(abbreviated)
    if jurisdiction is None and plan_region:
        jurisdiction = plan_region
        steps.append(f"plan region {plan_region}")
    if is_class and jurisdiction:
        strong = head is not None and head.strength in ("strong", "designation")
        display = (_short(jurisdiction) if strong else jurisdiction) + core
    else:
        display = core
    expansions = tuple(core[: len(core) - len(short)] + full for full, short in lists.abbreviations
                       if core.endswith(short))
    aliases = _aliases(display, core, jurisdiction, expansions, bare=not is_class)
    return Resolution(label, printed, jurisdiction, core, display, aliases,
                      head.kind if head else None, tuple(steps))


def _aliases(display: str, core: str, jurisdiction: str | None, expansions: tuple[str, ...], *,
             bare: bool = True) -> tuple[str, ...]:
    """Forms a reader may type for the key: the core (unless a class name, which names the key only
    with its place), with the place short and in full, and the head noun's full form; a function of
    the key alone, so every document gives the node the same list.

    >>> found = _aliases("城西科创大走廊", "城西科创大走廊", "杭州市", ("城西科技创新大走廊",))
    >>> found[:3], len(found)
    (('城西科技创新大走廊', '杭州城西科创大走廊', '杭州市城西科创大走廊'), 5)
    """
    forms = [core, *expansions]
    found = set(forms)
    if jurisdiction:
        for form in forms:
            found.update((_short(jurisdiction) + form, jurisdiction + form))
    if not bare:
        found.difference_update((core, *expansions))
    found.discard(display)
    return tuple(sorted(found, key=lambda n: (len(n), n)))
