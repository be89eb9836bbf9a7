"""Numerals and quantities as plans print them: Chinese and Arabic numerals, magnitudes (万, 亿),
units (longest first: 个百分点 before 个), ranges (8—10个) and the comparators their affixes give
(以上 -> ">=", 左右 -> "~", 以内 -> "<=").

Magnitudes fold into the value except for money, which keeps its printed unit: "15.5万件" is
155000 件, "800亿元" is 800 亿元 (`scaled` folds them when values are compared).

>>> parse_quantity("15.5万件"), cn_to_number("三千五百")
(Quantity(value=155000.0, unit='件', comparator=None, upper=None), 3500.0)
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from plankg.ontology.ids import normalize

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
MAGNITUDES = {"十": 1e1, "百": 1e2, "千": 1e3, "万": 1e4, "亿": 1e8}

# Longest first so "个百分点" wins over "个". Durations and dates (年, 月, 天, 小时) are not units here.
UNITS = (
    "个百分点", "百分点", "吨标准煤", "个工作日", "个位次", "个班", "工作日", "个月", "微克/立方米", "平方公里",
    # a concentration as printed in letters: "112μg/m3" (NFKC makes µ μ and ³ 3)
    "毫克/立方米", "μg/m3", "μg/m³", "µg/m3", "µg/m³", "ug/m3", "mg/m3", "mg/m³",
    "平方米", "立方米",
    # a count of dwellings by either measure: "安居工程36万套(户)"
    "套(户)", "户(套)", "人(个)", "个(人)", "台(套)", "亩次", "件套", "台套", "穴", "头只", "颗", "担", "枚",
    # square metres printed as a symbol ("约850m²"; NFKC prints it m2)
    "m²", "㎡", "m2",
    "公顷", "公里", "千瓦时", "千瓦", "兆瓦", "千米", "公斤", "千克", "米", "斤", "根", "头", "羽",
    "人次", "人年", "美元", "标准箱", "标箱", "岁", "GW", "MW", "GWh",
    # Counts of occasions: "服务企业3000家次" counts services (家次), not firms (家) followed by 次.
    "家次", "场次", "项次", "批次", "台次", "件次", "户次", "架次",
    "%", "％", "‰", "元", "家", "个", "项", "件", "名", "人", "所", "座", "台", "套", "篇", "部", "倍", "户",
    "款", "只", "支", "场", "张", "种", "处", "辆", "艘", "位", "例", "床", "幢", "栋", "亩", "吨", "次",
    "剂次", "间", "堂", "箱", "课时", "学时", "册", "株", "棵", "平米", "度", "口", "PFlops", "EFlops", "盏",
    # "片" counts pitches and plots ("建成20片足球场")
    "片",
    # "条" counts lines, roads, streets ("新增公交线路3条"); "高质量发展10条", "政策20条" name a policy of
    # articles instead (`targets._POLICY_ARTICLES`).
    "条",
)
MONEY_UNITS = ("元", "美元")

# A typeset page's spaces inside a figure are read through: "1 000" (thousands), "3 .1" (before the point).
# A bare 百 or 千 before 亿 that ends its clause is one hundred or one thousand of them ("突破千亿元。"); elsewhere it
# is no figure ("千家万户") or a kind ("超百亿元企业40家", "千亿级产业").
NUMERAL = (r"(?:\d{1,3}(?:,\d{3})+(?![\d.])|\d{1,3}(?: \d{3})+(?![\d.])|\d+(?: ?\.\d+)?"
           r"|[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千]*(?:点[零〇一二三四五六七八九]+)?"
           r"|[百千](?=亿元?(?:以上|大关)?(?:[,，。;；、)）\s]|$)))")
_LABEL_UNIT = re.compile(rf"^(?P<label>.*?\S)\s*[(（]"
                         rf"(?P<unit>(?:万亿|亿|万|千)?(?:{'|'.join(map(re.escape, UNITS))}))[)）]$")


def unit_of_label(label: str) -> tuple[str, str] | None:
    """(label, unit) of a table column or indicator whose name ends in its unit, in brackets.

    >>> unit_of_label("新种任务(亩)"), unit_of_label("投资额(万元)"), unit_of_label("责任单位(部门)")
    (('新种任务', '亩'), ('投资额', '万元'), None)
    """
    m = _LABEL_UNIT.match(label.strip())
    return (m["label"], m["unit"]) if m else None


# Spans of time a rate is given per ("3480元/年", "185元/月"): units after a slash only, never alone.
PER_TIME_UNITS = ("年", "月", "日", "天", "季度", "周")


# Every prose target starts from a match of QUANTITY.
# The lookahead names the characters a quantity can start with; it matches nothing more or less, but
# lets the scan skip the rest of the text quickly (the pattern is tried at every character of a plan).
def _quantity_pattern(units: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(
        rf"(?=[约近逾\d零〇一二两三四五六七八九十百千])(?P<pre>约|近|逾)?(?P<a>{NUMERAL})"
        # a range: "8—10个", "7.5%—8%", "5个—7个" (the unit printed after both ends)
        rf"(?:(?:[%％]|(?:万亿|亿|万|千)?(?:{'|'.join(map(re.escape, units))}))?"
        rf"(?P<rsep>[—\-~～至到])(?P<b>{NUMERAL}))?"
        rf"(?:(?<=\d) (?=[万亿千余多\u4e00-\u9fff%]))?"  # "80 个", "1200 万亩": one space a typeset page put in
        rf"(?P<mag>万亿|亿|万|千)?(?P<over>[余多])?(?:(?P<unit>{'|'.join(map(re.escape, units))})"
        rf"(?P<per>/(?:{'|'.join(map(re.escape, UNITS + PER_TIME_UNITS))}))?"
        # "达330亿以上": the magnitude alone, before a clause's end
        rf"|(?<=[万亿])(?=(?:及?(?:以上|以下|左右|以内))?(?:[,，。;；、)）\s]|$)))"
        # "60微克/立方米及以下", "51μg/m3之内", "90% 以上" (a typeset space before the suffix)
        rf"(?:(?:(?<=[%％‰\w]) )?及?(?P<suf>以上|以下|左右|以内|之内|上下|多|余))?"
    )


QUANTITY = _quantity_pattern(UNITS)
# Years as a unit: only where a duration is measured ("平均受教育年限达12.3年以上"), never a date.
DURATION_UNIT = "年"
DURATION = _quantity_pattern((DURATION_UNIT,))
# Days, a unit only where a count of days is measured ("优良天数达到315天"; "1天办结" is a time limit).
DAY_UNIT = "天"
DAYS = _quantity_pattern((DAY_UNIT,))
# Points of a score, a unit only where a score is measured ("服务质量满意度达89分"; "3分钟" is a time).
SCORE_UNIT = "分"
SCORES = _quantity_pattern((SCORE_UNIT,))
# What a suffix after the number says of the target's level.
SUFFIX_COMPARATOR = {"以上": ">=", "多": ">=", "余": ">=", "以下": "<=", "以内": "<=", "之内": "<=", "左右": "~",
                     "上下": "~"}


@dataclass(frozen=True)
class Quantity:
    """A number with its unit as printed, its value in base units, and the comparator its affixes give."""

    value: float
    unit: str
    comparator: str | None
    upper: float | None = None


def cn_to_number(s: str) -> float:
    """The value of a Chinese or Arabic numeral.

    >>> cn_to_number("三千五百"), cn_to_number("十五"), cn_to_number("一百零五"), cn_to_number("2.5")
    (3500.0, 15.0, 105.0, 2.5)
    >>> cn_to_number("三点五"), cn_to_number("1,200"), cn_to_number("1 000"), cn_to_number("3 .1")
    (3.5, 1200.0, 1000.0, 3.1)
    """
    if re.fullmatch(r"[\d, ]+(?: ?\.\d+)?", s):
        return float(s.replace(",", "").replace(" ", ""))
    whole, _, frac = s.partition("点")
    total: float = 0
    current = 0
    for ch in whole:
        if ch in CN_DIGITS:
            current = CN_DIGITS[ch]
        elif ch in CN_SMALL_UNITS:
            total += (current or 1) * CN_SMALL_UNITS[ch]
            current = 0
    total += current
    if frac:
        total += float("0." + "".join(str(CN_DIGITS[c]) for c in frac))
    return float(total)


def parse_quantity(printed: str) -> Quantity | None:
    """Read one printed quantity; magnitudes fold into the value except for money.

    >>> parse_quantity("15.5万件")
    Quantity(value=155000.0, unit='件', comparator=None, upper=None)
    >>> parse_quantity("五千亿元"), parse_quantity("70%以上").comparator
    (Quantity(value=5000.0, unit='亿元', comparator=None, upper=None), '>=')
    >>> parse_quantity("8—10个")
    Quantity(value=8.0, unit='个', comparator='>=', upper=10.0)
    >>> parse_quantity("7.5%—8%")
    Quantity(value=7.5, unit='%', comparator='>=', upper=8.0)
    >>> parse_quantity("2家—3家")
    Quantity(value=2.0, unit='家', comparator='>=', upper=3.0)
    >>> parse_quantity("2个百分点").unit, parse_quantity("约500万平方米").value
    ('个百分点', 5000000.0)
    """
    m = QUANTITY.fullmatch(printed)
    return read_quantity(m) if m else None


def read_quantity(m: re.Match) -> Quantity:
    """The quantity a match of `QUANTITY` prints."""
    a = cn_to_number(m["a"])
    b = cn_to_number(m["b"]) if m["b"] else None
    mag, unit = m["mag"] or "", (m["unit"] or "").replace("％", "%") + (m["per"] or "")
    if not unit:
        # "连接数达到3000万": a count of things in ten-thousands, no unit printed; the magnitude is the unit.
        mag, unit = "", mag
    if unit.split("/")[0] in MONEY_UNITS and mag:
        unit = mag + unit  # "5亿元/年": a sum per year keeps its magnitude, as "5亿元" does
        scale = 1.0
    else:
        scale = 1.0
        for ch in mag:
            scale *= MAGNITUDES[ch]
    comparator = None
    if m["pre"]:
        comparator = "~" if m["pre"] in ("约", "近") else ">="
    if m["over"]:
        comparator = ">="
    if m["suf"]:
        comparator = SUFFIX_COMPARATOR[m["suf"]]
    if b is not None:
        return Quantity(a * scale, unit, ">=", b * scale)
    return Quantity(a * scale, unit, comparator)


def scaled(value: float | None, unit: str | None) -> tuple[float | None, str]:
    """A value and unit with magnitude prefixes folded, for comparing targets.

    >>> scaled(800, "亿元")
    (80000000000.0, '元')
    """
    u = normalize(unit or "")
    if value is None:
        return None, u
    while len(u) > 1 and u[0] in MAGNITUDES:
        value, u = value * MAGNITUDES[u[0]], u[1:]
    return value, u


