"""Plan metadata: title, issuers, signature date, 文号, period, region and status.

Everything is read from the document's front matter (the notice that wraps the plan, its
signature block, the title lines) and, where that is silent, from the body: a fragment with no
title is named by its appendix heading; a period comes from the title ("2022—2026年",
"十四五", "2024年工作计划") or from goal years ("到2027年").

>>> text = "湖科发〔2025〕3号\\n关于印发《湖州市科技创新三年行动计划(2025—2027年)》的通知\\n湖州市科学技术局\\n2025年2月8日\\n一、总体要求\\n正文。"
>>> info = read_plan_meta(text)
>>> (info.title, info.issuers, info.date, info.doc_number, info.period, info.region, info.status)
('湖州市科技创新三年行动计划(2025—2027年)', ('湖州市科学技术局',), '2025-02-08', '湖科发〔2025〕3号', (2025, 2027), '湖州市', None)
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from plankg.ingest.departments import DepartmentRegistry, default_registry
from plankg.ingest.structure import YEAR_NUMERAL, Structure, parse_structure, year_number

RULE = "plankg.plan_meta.v3"

_PLAN_WORDS = ("规划纲要", "规划", "纲要", "方案", "计划", "意见", "办法", "措施", "要点", "清单", "细则", "规定",
               "条例", "政策", "行动", "通知", "决定", "指南", "目录", "报告", "任务书", "工作部署", "任务分工",
               "责任分工", "分工", "任务分解", "责任分解", "分解表")
_TITLE_TAIL = re.compile(r"[(（〔](?:征求意见稿|送审稿|草案|试行|暂行|修订稿|\d{4}\s*[—\-–－~至]+\s*\d{4}\s*年?)[)）〕]$")
_NOTICE = re.compile(r"(?:印发|转发|发布|公布)\s*《(.+?)》", re.S)
_DATE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,10}\s*[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*\d{1,4}\s*号")
_RANGE = re.compile(r"((?:19|20)\d{2})\s*年?\s*[—\-–－~至到]+\s*((?:19|20)\d{2})\s*年")
_FIVE_YEAR = {"十一五": (2006, 2010), "十二五": (2011, 2015), "十三五": (2016, 2020), "十四五": (2021, 2025),
              "十五五": (2026, 2030), "十六五": (2031, 2035)}
_YEAR_PLAN = re.compile(r"((?:19|20)\d{2})\s*年(?:度)?(?:工作|行动|实施|推进|重点)?(?:计划|要点|方案|安排|任务)")
# "苏州市2024年科技创新工作要点": one year named in a title, with the topic between it and the plan word.
_TITLE_YEAR = re.compile(r"(?<![\d—\-–－~至])((?:19|20)\d{2})\s*年(?:度)?(?![\d—\-–－~至底末前])")
_GOAL_YEAR = re.compile(rf"(?:到|至|截至)\s*({YEAR_NUMERAL})\s*年")
_META_ISSUER = re.compile(r"(?:发布机构|发文机关|发布单位|发文单位|制发机关)\s*[:：]?\s*([^\s:：]{2,30})")
_META_DATE = re.compile(r"(?:成文日期)\s*[:：]?\s*((?:19|20)\d{2})[-年./](\d{1,2})[-月./](\d{1,2})")
_DRAFT = re.compile(r"征求意见稿|送审稿|草案|讨论稿")


@dataclass(frozen=True)
class PlanMeta:
    title: str | None = None
    issuers: tuple[str, ...] = ()
    issuers_printed: tuple[str, ...] = ()
    date: str | None = None
    doc_number: str | None = None
    period: tuple[int, int] | None = None
    region: str | None = None
    status: str | None = None

    @property
    def plan_year(self) -> int | None:
        return self.period[1] if self.period else None


def _clean_title(title: str) -> str:
    title = re.sub(r"\s*\n\s*", "", title).strip()
    return title.strip("《》“”\" ")


def _front_lines(structure: Structure) -> list[tuple[int, str]]:
    """Blocks before the first numbered unit (the notice, signature and title)."""
    out = []
    for b in structure.blocks:
        if b.kind in ("heading", "item") and b.ref:
            break
        out.append((b.start, b.text))
    return out


def _is_title_line(line: str) -> bool:
    return (len(line) <= 60 and "。" not in line and not line.endswith((":", "：")) and
            not _DATE.match(line) and not _DOC_NUMBER.fullmatch(line) and "," not in line and "，" not in line
            and not re.search(r"\d{4}-\d{2}-\d{2}|点击|来源|索引号|发布日期|:|：", line))


def strip_title_tail(title: str) -> str:
    """A title without its trailing brackets (period, 征求意见稿, 试行), however many are stacked.

    >>> strip_title_tail("某区行动方案（2024—2026年）（征求意见稿）")
    '某区行动方案'
    """
    prev = None
    while prev != title:
        prev, title = title, _TITLE_TAIL.sub("", title)
    return title


def _issuer_line(line: str) -> bool:
    """A line naming only issuing bodies, several separated by spaces ("中共某市委办公厅 某市人民政府办公厅")."""
    parts = [p for p in re.split(r"[ \u3000]+", line) if p]
    registry = default_registry()
    return bool(parts) and all(registry.looks_like_unit(p) and not p.endswith(_PLAN_WORDS) for p in parts)


def _title_from_lines(lines: list[tuple[int, str]]) -> str | None:
    """The last run of short lines that ends like a plan title ("…工作计划", "…实施意见", "(征求意见稿)")."""
    best = None
    i = 0
    while i < len(lines):
        if not _is_title_line(lines[i][1]):
            i += 1
            continue
        j = i
        run = []
        while j < len(lines) and _is_title_line(lines[j][1]) and len(run) < 3:
            run.append(lines[j][1])
            j += 1
        while run and _issuer_line(run[0]):
            # "中共某市委办公厅 某市人民政府办公厅" heads the title lines of a joint document.
            run.pop(0)
        for k in range(len(run), 0, -1):
            joined = "".join(run[:k])
            base = strip_title_tail(joined)
            if base.endswith(_PLAN_WORDS) and len(base) >= 6 and not base.endswith("的通知"):
                best = _clean_title(joined)
                break
        i = j if j > i else i + 1
    return best


def find_title(structure: Structure) -> str | None:
    """The plan's title: the 《X》 a notice issues, else the title lines, else an appendix heading.

    >>> find_title(parse_structure("杭州市某某\\n建设工程2024年工作计划\\n为了推进工作,制定本计划。\\n一、目标"))
    '杭州市某某建设工程2024年工作计划'
    """
    front = _front_lines(structure)
    head = "\n".join(t for _, t in front)
    m = _NOTICE.search(head)
    if m and len(m.group(1)) <= 120:
        return _clean_title(m.group(1))
    m = re.search(r"关于印发\s*([^《》\n]{4,80}?)\s*的通知", head)
    if m and strip_title_tail(m.group(1)).endswith(_PLAN_WORDS):
        return _clean_title(m.group(1))
    title = _title_from_lines(front)
    if title:
        return title
    for line in (t for _, t in front):
        ap = re.match(r"^附\s*件\s*\d*\s*[:：]\s*《?(.+?)》?$", line)
        if ap and strip_title_tail(ap.group(1)).endswith(_PLAN_WORDS):
            return _clean_title(ap.group(1))
    for sec in structure.sections:
        # "附件1 宁波市2024年重大科技项目表" names a table of the plan, not the plan.
        if sec.ref.startswith("附件") and sec.title and strip_title_tail(sec.title).endswith(_PLAN_WORDS):
            return _clean_title(sec.title)
    m = re.search(r"《([^《》\n]{4,80}?)》", head)
    if m and m.group(1).endswith(_PLAN_WORDS):
        return _clean_title(m.group(1))
    return None


_CN_DIGIT = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
             "九": 9}
_CN_DATE = re.compile(r"^([〇零○Ｏ一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日$")


def _cn_small(s: str) -> int:
    if s == "十":
        return 10
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (_CN_DIGIT[tens] if tens else 1) * 10 + (_CN_DIGIT[ones] if ones else 0)
    return _CN_DIGIT[s]


def parse_date(line: str) -> str | None:
    """An ISO date from a signature date line, in Arabic or Chinese numerals.

    >>> parse_date("2024年3月12日"), parse_date("二〇二四年三月十二日"), parse_date("2024年3月")
    ('2024-03-12', '2024-03-12', None)
    """
    m = _DATE.match(line)
    if m:
        y, mo, d = (int(x) for x in m.groups())
    else:
        m = _CN_DATE.match(line)
        if not m:
            return None
        y = int("".join(str(_CN_DIGIT[c]) for c in m.group(1)))
        mo, d = _cn_small(m.group(2)), _cn_small(m.group(3))
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def _signature_in(lines: list[str], registry: DepartmentRegistry) -> tuple[list[str], str | None]:
    for idx, line in enumerate(lines):
        date = parse_date(line)
        if not date:
            continue
        issuers: list[str] = []
        k = idx - 1
        while k >= 0 and len(lines[k]) <= 60 and not lines[k].endswith(("的通知", "》")):
            # Several signers may share one line, separated by spaces.
            parts = [p for p in re.split(r"[ \u3000]+", lines[k]) if p]
            if not parts or not all(registry.looks_like_unit(p) and len(p) <= 40 for p in parts):
                break
            issuers[:0] = parts
            k -= 1
        if issuers:
            return issuers, date
    return [], None


def find_signature(structure: Structure, registry: DepartmentRegistry) -> tuple[list[str], str | None]:
    """Issuer lines printed just above a full date line, and that date (ISO).

    The signature usually follows the notice; a document without one there may be signed at
    its end, so the last lines (outside skipped repeats) are tried next.

    >>> find_signature(parse_structure("一、任务\\n正文。\\n湖州市科学技术局\\n二〇二五年一月五日"), default_registry())
    (['湖州市科学技术局'], '2025-01-05')
    """
    front = [t for _, t in _front_lines(structure)]
    found = _signature_in(front, registry)
    if found[0]:
        return found
    tail = [b.text for b in structure.blocks if b.kind == "paragraph"][-12:]
    return _signature_in(tail, registry)


_HORIZON = 5  # years: the longest a plan without a printed period is read to run


def find_period(title: str | None, text: str, date: str | None) -> tuple[int, int] | None:
    """The years a plan covers.

    >>> find_period("某市实施方案(2022—2026年)", "", None), find_period("某区科技发展“十四五”规划", "", None)
    ((2022, 2026), (2021, 2025))
    >>> find_period("某市2024年工作计划", "", None), find_period("关于支持某区的实施意见", "到2027年,建成园区。", "2023-06-29")
    ((2024, 2024), (2023, 2027))
    >>> find_period("苏州市2024年科技创新工作要点", "", None), find_period("关于建设某区的实施意见", "到2027年,建成。到2035年,建成高地。", "2023-08-30")
    ((2024, 2024), (2023, 2027))
    """
    for source in ([title] if title else []):
        m = _RANGE.search(source)
        if m and int(m.group(1)) <= int(m.group(2)):
            return int(m.group(1)), int(m.group(2))
        for key, span in _FIVE_YEAR.items():
            if key in source or f"第{key[:-1]}个五年" in source:
                return span
        m = _YEAR_PLAN.search(source)
        if m:
            return int(m.group(1)), int(m.group(1))
        years = {int(y) for y in _TITLE_YEAR.findall(source)}
        if len(years) == 1 and strip_title_tail(source).endswith(_PLAN_WORDS):
            year = years.pop()
            return year, year
    head = text[:6000]
    start_year = int(date[:4]) if date else None
    goals = [year_number(y) for y in _GOAL_YEAR.findall(head)]
    goals = [y for y in goals if start_year is None or start_year <= y <= start_year + 15]
    if goals and start_year:
        # Staged goals "到2025年…;到2027年…" within a plan's horizon (five years from its signature):
        # the plan runs to the last stage. Beyond that horizon ("到2035年,全面建成…") a year is the
        # long-range vision, and the plan runs to the year it names most (the first on a tie).
        staged = [y for y in goals if y <= start_year + _HORIZON]
        if staged:
            return start_year, max(staged)
        counts = {y: goals.count(y) for y in goals}
        end = max(counts, key=lambda y: (counts[y], -goals.index(y)))
        return start_year, end
    for key, span in _FIVE_YEAR.items():
        if key in head:
            return span
    m = _RANGE.search(head)
    if m and int(m.group(1)) <= int(m.group(2)):
        return int(m.group(1)), int(m.group(2))
    return None


def find_region(title: str | None, issuers: list[str], registry: DepartmentRegistry, text: str = "") -> str | None:
    """The plan's jurisdiction: the most specific region opening its title, else its issuers'.

    >>> find_region("杭州市拱墅区科技发展规划", [], default_registry())
    '拱墅区'
    """
    if title:
        regions = registry.regions_in(title)
        if regions:
            return regions[-1]
    for issuer in issuers:
        regions = registry.regions_in(issuer[2:] if issuer.startswith("中共") else issuer)
        if regions:
            return regions[-1]
    for source in ([title] if title else []) + [text[:3000]]:
        for name in registry._region_names:
            if name in source:
                return name
        for name in registry.cities:
            if name[:-1] in source:
                return name
    return None


def read_plan_meta(text: str, structure: Structure | None = None,
                   registry: DepartmentRegistry | None = None) -> PlanMeta:
    """All plan metadata of one document (pure; see the module doc)."""
    registry = registry or default_registry()
    structure = structure or parse_structure(text)
    front = _front_lines(structure)
    head = "\n".join(t for _, t in front)

    title = find_title(structure)
    printed, date = find_signature(structure, registry)
    if not printed:
        m = _META_ISSUER.search(head)
        if m and registry.looks_like_unit(m.group(1)):
            printed = [m.group(1)]
        else:
            m = re.search(r"^(.{4,40}?)关于", head, re.M)
            if m and registry.looks_like_unit(m.group(1)):
                printed = [m.group(1)]
    if date is None:
        m = _META_DATE.search(head)
        if m:
            date = f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"

    region = find_region(title, printed, registry, text)
    issuers: list[str] = []
    for name in printed:
        canonical = registry.resolve(name, region).canonical
        if canonical not in issuers:
            issuers.append(canonical)
    if region is None and issuers:
        region = find_region(None, issuers, registry)

    doc_number = None
    # The plan's own number stands on a line of its own or opens the notice; numbers inside
    # sentences or after a 《title》 cite other documents.
    for _, line in front:
        m = _DOC_NUMBER.fullmatch(line.strip()) or (_DOC_NUMBER.match(line) if "《" not in line else None)
        if m:
            doc_number = re.sub(r"\s+", "", m.group(0))
            break
    period = find_period(title, text, date)
    status = "draft" if _DRAFT.search(title or "") or _DRAFT.search(head[:2000]) else None
    return PlanMeta(title=title, issuers=tuple(issuers), issuers_printed=tuple(printed), date=date,
                    doc_number=doc_number, period=period, region=region, status=status)
