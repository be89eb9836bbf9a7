"""Targets line up across plans: one key per metric, one unit per metric.

Plans print one indicator many ways (国家高新技术企业数量, 有效高新技术企业总数, 高企) and state its
values in different units (5000万元, 0.5亿元). `metric_key` reads a printed metric into the key
plans are compared by, and `in_metric_unit` states a value in that metric's one unit; both read
their words from `data/gazetteers/metrics.json` (tables, not patterns), and the printed metric,
value and unit stay on the Target as they were extracted.

>>> metric_key("国家高新技术企业数量"), metric_key("有效高新技术企业总数"), metric_key("高企")
('高新技术企业', '高新技术企业', '高新技术企业')
>>> metric_key("新增高新技术企业"), metric_key("新增高企")
('新增高新技术企业', '新增高新技术企业')
>>> metric_key("全社会研究与试验发展经费支出"), metric_key("研发经费总额")
('研发经费支出', '研发经费支出')
>>> in_metric_unit("研发经费支出", 5000, "万元"), in_metric_unit("研发经费支出", 40, "亿元")
((0.5, '亿元'), (40.0, '亿元'))
>>> in_metric_unit("全区人才资源总量", 38, "万人"), in_metric_unit("研发经费支出占GDP比重", 3.95, "%")
((380000.0, '人'), (3.95, '%'))
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from plankg.ingest.gazetteer import traditional_forms
from plankg.ontology.ids import normalize

RULE = "plankg.metrics.table.v1"


@dataclass(frozen=True)
class MetricTable:
    scope: tuple[str, ...]
    flow: tuple[str, ...]
    terms: tuple[tuple[str, str], ...]  # (printed, key word), longest printed first
    measures: tuple[str, ...]  # longest first
    keys: dict[str, str]  # every known form (key or synonym) -> key
    units: dict[str, tuple[str, float]]  # printed unit -> (quantity, factor to the quantity's unit)
    quantity_units: dict[str, str]
    metric_units: dict[str, str]  # key -> the unit its values are stated in


@lru_cache(maxsize=1)
def metric_table() -> MetricTable:
    raw = resources.files("plankg.data").joinpath("gazetteers").joinpath("metrics.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    keys: dict[str, str] = {}
    for key, entry in data["metrics"].items():
        keys[key] = key
        for synonym in entry.get("synonyms", ()):
            keys.setdefault(normalize(synonym), key)
    longest = lambda words: tuple(sorted(words, key=lambda w: (-len(w), w)))  # noqa: E731
    return MetricTable(scope=longest(data["scope"]), flow=longest(data["flow"]),
                       terms=tuple(sorted(((normalize(k), v) for k, v in data["terms"].items()),
                                          key=lambda kv: (-len(kv[0]), kv[0]))),
                       measures=longest(data["measures"]), keys=keys,
                       units={u: (q, float(f)) for u, (q, f) in data["units"].items()},
                       quantity_units=dict(data["quantity_units"]),
                       metric_units={k: e["unit"] for k, e in data["metrics"].items() if e.get("unit")})


def metric_key(printed: str) -> str:
    """The key a printed metric is compared by: scope words dropped, terms replaced, a trailing
    measure word dropped, synonyms looked up; a flow (新增…) keeps its 新增.

    >>> metric_key("研究与试验发展经费支出占地区生产总值比重") == metric_key("研发经费支出占生产总值比重")
    True
    >>> metric_key("新增科技中小企业"), metric_key("省科技型中小企业数量")
    ('新增科技型中小企业', '科技型中小企业')
    >>> metric_key("每万人高价值发明专利拥有量")
    '每万人高价值发明专利拥有量'
    """
    table = metric_table()
    s = normalize(printed)
    flow = next((w for w in table.flow if s.startswith(w) and len(s) > len(w)), None)
    if flow:
        s = s[len(flow):]
    changed = True
    while changed:
        scope = next((w for w in table.scope if s.startswith(w) and len(s) > len(w)), None)
        changed = scope is not None
        if scope:
            s = s[len(scope):]
    for printed_term, key_term in table.terms:
        s = s.replace(printed_term, key_term)
    measure = next((w for w in table.measures if s.endswith(w) and len(s) > len(w)), None)
    if measure:
        s = s[: len(s) - len(measure)]
    s = table.keys.get(s, s)
    return ("新增" + s) if flow else s


def in_metric_unit(key: str, value: float | None, unit: str | None) -> tuple[float | None, str | None]:
    """`value` in `unit` stated in the metric's one unit: the unit its table entry declares, else the
    unit of the printed unit's quantity (亿元 for money, 人 for people); a unit the table does not
    know is kept as printed.

    >>> in_metric_unit("新增高新技术企业", 1.7, "万家"), in_metric_unit("x", 80, "人次")
    ((17000.0, '家'), (80.0, '人次'))
    >>> in_metric_unit("城镇新增就业", 70, "萬人")  # a unit printed in traditional characters
    (700000.0, '人')
    """
    if value is None:
        return None, unit
    table = metric_table()
    known = table.units.get((unit or "").translate(traditional_forms()))
    if known is None:
        return float(value), unit
    quantity, factor = known
    base = table.quantity_units[quantity]
    wanted = table.metric_units.get(key.removeprefix("新增"), base)
    wanted_quantity = table.units.get(wanted, (None, 1.0))
    if wanted_quantity[0] != quantity:
        wanted, wanted_quantity = base, (quantity, 1.0)
    converted = float(value) * factor / wanted_quantity[1]
    return float(f"{converted:.12g}"), wanted
