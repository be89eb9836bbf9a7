"""Plan metadata: title, issuers, signature date, 文号, period, region and status.

Everything is read from the document's front matter (the notice that wraps the plan, its
signature block, the title lines) and, where that is silent, from the body: a fragment with no
title is named by its appendix heading; a period comes from the title ("2022—2026年",
"十四五", "2024年工作计划") or from goal years ("到2027年").

>>> text = ("湖科发〔2025〕3号\\n关于印发《湖州市科技创新三年行动计划(2025—2027年)》的通知\\n"
...         "湖州市科学技术局\\n2025年2月8日\\n一、总体要求\\n正文。")
>>> info = read_plan_meta(text)
>>> (info.title, info.issuers, info.date, info.doc_number, info.period, info.region, info.status)
... # doctest: +NORMALIZE_WHITESPACE
('湖州市科技创新三年行动计划(2025—2027年)', ('湖州市科学技术局',), '2025-02-08', '湖科发〔2025〕3号', (2025, 2027),
'湖州市', None)
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date as Date

from plankg.ingest.departments import (
    DepartmentRegistry,
    default_registry,
    normalize_name,
)
from plankg.ingest.layout import split_outside_brackets
from plankg.ingest.lexicon import (
    CITED_NUMBER_FOLLOWERS,
    CONSULTATION_WORDS,
    EDITOR_CREDIT_KEYS,
    ISSUE_VERBS,
    ISSUING_VERBS,
    META_DATE_KEYS,
    META_ISSUER_KEYS,
    META_NUMBER_KEYS,
    META_OTHER_KEYS,
    META_PAGE_DATE_KEYS,
    META_SOURCE_KEYS,
    META_TITLE_KEYS,
    NAME_LIST_ENDINGS,
    NEWS_TIME_WORDS,
    NOT_HEADLINE_WORDS,
    NOTICE_KINDS,
    NUMBER_GLUE_ENDS,
    PAGE_CHROME_LINES,
    PAGE_CHROME_PREFIXES,
    PLAN_MAKING_VERBS,
    PLAN_RELEASE_WORDS,
    PREAMBLE_OPENERS,
    PUBLISHING_VERBS,
    RELEASE_ADVERBS,
    REPORT_TITLE_ENDINGS,
    SITE_NAME_ENDINGS,
    TITLE_KINDS,
    TRANSMIT_VERBS,
    TRANSMIT_WORDS,
    alternation,
    column_role,
    is_meta_key,
    meta_key_line,
    meta_keys_only,
)
from plankg.ingest.structure import (
    YEAR_NUMERAL,
    Structure,
    match_marker,
    parse_structure,
    year_number,
)

RULE = "plankg.plan_meta.v5"

_PLAN_WORDS = ("规划纲要", "规划", "纲要", "方案", "计划", "意见", "办法", "措施", "举措", "要点", "清单", "细则",
               "规定", "条例", "政策", "行动", "通知", "决定", "指南", "目录", "报告", "任务书", "工作部署", "任务分工",
               "责任分工", "分工", "任务分解", "责任分解", "分解表", "工作安排", "重点工作任务", "工作任务", "主要任务",
               "分配表", "计划表", "安排表", "一览表", "预案")
_TITLE_TAIL = re.compile(r"[(（〔](?:征求意见稿|送审稿|草案|试行|暂行|修订稿"
                         r"|\d{4}\s*(?:[—\-–－~至]+\s*\d{4}\s*)?年?(?:度|版)?)[)）〕]$")
_DATE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
_DOC_NUMBER_YEAR = r"[\u4e00-\u9fff]{1,10}\s*[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*"
_DOC_NUMBER = re.compile(rf"{_DOC_NUMBER_YEAR}\d{{1,4}}\s*号")
# ... and under its own key, a number the page printed without its serial ("文号: 穗埔府办函〔2022〕号"): still the
# document's number as printed.
_KEYED_DOC_NUMBER = re.compile(rf"{_DOC_NUMBER_YEAR}号")
_RANGE = re.compile(r"((?:19|20)\d{2})\s*年?\s*[—\-–－~至到]+\s*((?:19|20)\d{2})\s*年")
_FIVE_YEAR = {"十一五": (2006, 2010), "十二五": (2011, 2015), "十三五": (2016, 2020), "十四五": (2021, 2025),
              "十五五": (2026, 2030), "十六五": (2031, 2035)}
_YEAR_PLAN = re.compile(r"((?:19|20)\d{2})\s*年(?:度)?(?:工作|行动|实施|推进|重点)?(?:计划|要点|方案|安排|任务)")
# "苏州市2024年科技创新工作要点": one year named in a title, with the topic between it and the plan word.
_TITLE_YEAR = re.compile(r"(?<![\d—\-–－~至])((?:19|20)\d{2})\s*年(?:度)?(?![\d—\-–－~至底末前])")
_GOAL_YEAR = re.compile(rf"(?:到|至|截至)\s*({YEAR_NUMERAL})\s*年")
_DRAFT = re.compile(r"征求意见稿|送审稿|草案|讨论稿")
_ANY_DATE = re.compile(r"((?:19|20)\d{2})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})")
# A signature date whose 年/月/日 marks were lost ("2024115", "2022121日").
_GARBLED_DATE = re.compile(r"^((?:19|20)\d{2})(\d{2,4})日?$")
_ISSUE_OF = re.compile(r"第\s*[一二三四五六七八九十\d]{1,4}\s*期")
_TOWN = re.compile(r"[\u4e00-\u9fff]{1,6}(?:镇|乡|街道)")
_BRACKET_LINE = re.compile(r"^[(（〔\[【][^()（）〔〕\[\]【】]{1,20}[)）〕\]】]$")
_LEAD_BRACKET = re.compile(r"^[(（【\[][^()（）【】\[\]]{1,14}[)）】\]]\s*(?=\S)")
_LIST_MARK = re.compile(r"^\d{1,2}\s*[.、．]\s*(?=\D)")
# A place opening a name; one-character counties too (歙县, 沛县), but not 全县, 各县 or 本县.
_PLACE_START = re.compile(r"^(?:[\u4e00-\u9fff]{2,8}?(?:省|自治区|市|州|盟|区|县|旗|镇|乡)"
                          r"|[^\W\d全各本该我每市区省州县乡镇]县)")
_SHORT_TAIL = re.compile(r"\s*[(（][^()（）。]{1,12}[)）]$")


@dataclass(frozen=True)
class MetaFields:
    """The key-value fields of a page's furniture, by what their value is (the first printed of each)."""

    title: str | None = None
    issuer: str | None = None
    source: str | None = None
    date: str | None = None
    doc_number: str | None = None
    page_dates: tuple[str, ...] = field(default_factory=tuple)


def _spaced(key: str) -> str:
    """A key as printed with any spaces between its characters ("索 引 号", "文    号")."""
    return r"\s*".join(re.escape(c) for c in key)


# A site's note after a source's name: "【转载】", "(转载)", "[原创]".
_REPOST_MARK = re.compile(r"[【\[(（](?:转载|原创|转发|来源网络)[】\])）]?$")
_FIELD_ROLES = (("title", META_TITLE_KEYS), ("issuer", META_ISSUER_KEYS), ("source", META_SOURCE_KEYS),
                ("date", META_DATE_KEYS), ("page_date", META_PAGE_DATE_KEYS), ("doc_number", META_NUMBER_KEYS),
                ("other", META_OTHER_KEYS))
_KEY_ROLE = {k: role for role, keys in _FIELD_ROLES for k in keys}
# A key, then its separator: a colon, a table bar, the closing 】/] of a bracketed key, or a space.
_FIELD_KEY = re.compile(r"[\[【]?\s*(" + "|".join(_spaced(k) for k in sorted(_KEY_ROLE, key=len, reverse=True))
                        + r")\s*(?:[\]】]\s*[|:：]?|[:：|]|(?=\s))")

# A key of four characters or more glued to its value at the start of a line ("发文机关阜阳市人民政府").
_GLUED_KEY = re.compile(r"^\s*(" + "|".join(re.escape(k) for k in sorted(_KEY_ROLE, key=len, reverse=True)
                                              if len(k) >= 4) + r")(?=[^\s:：|\]】])")

# A key alone on its line: its value is on the next one.
_BARE_KEY = re.compile(r"^\s*[•·]?\s*[\[【]?\s*(?:"
                       + "|".join(_spaced(k) for k in sorted(_KEY_ROLE, key=len, reverse=True))
                       + r")\s*[\]】]?\s*[:：|]?\s*$")


def iso_date(text: str) -> str | None:
    """The first full date in a field value ("2022-04-18", "2018.03.23", "2024年1月5日"), ISO.

    >>> iso_date("2018.03.23"), iso_date(" 2022-12-02 08:54:33"), iso_date("2024年"), iso_date("2023-02-30")
    ('2018-03-23', '2022-12-02', None, None)
    """
    m = _ANY_DATE.search(text)
    if not m:
        return None
    try:
        return Date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


# A line of only a date and a time, the stamp a page prints when it posted the text, its source after a bar
# ("2024年03月05日08:21 | 来源:黑龙江日报"); a European page prints the day first ("27.02.2015  11:06").
_POSTING_STAMP = re.compile(r"^[\s•·*-]*(?:(\d{4}-\d{1,2}-\d{1,2})\s+|(\d{4}年\d{1,2}月\d{1,2}日)\s*"
                            r"|(\d{1,2})\.(\d{1,2})\.(\d{4})\s+)\d{1,2}:\d{2}(?::\d{2})?\s*"
                            rf"(?:[|｜]\s*(?:{alternation(META_SOURCE_KEYS)})\s*[:：].*)?$")


def _stamp_date(stamp: re.Match[str]) -> str | None:
    """The day a posting stamp prints, ISO.

    >>> [_stamp_date(_POSTING_STAMP.match(s)) for s in ("• 2019-08-26 10:25:23", "27.02.2015  11:06",
    ...                                                   "2024年03月05日08:21 | 来源:黑龙江日报")]
    ['2019-08-26', '2015-02-27', '2024-03-05']
    >>> _stamp_date(_POSTING_STAMP.match("03.02.2015 16:13")) is None
    True
    """
    if stamp.group(3) and int(stamp.group(3)) <= 12:
        return None  # "03.02.2015": the 3rd of February or the 2nd of March; only a day past 12 tells
    printed = stamp.group(1) or stamp.group(2) or f"{stamp.group(5)}-{stamp.group(4)}-{stamp.group(3)}"
    return iso_date(printed)


def read_meta_fields(head: str) -> MetaFields:
    """The metadata fields printed in a page's furniture, whatever the layout of keys and values.

    >>> f = read_meta_fields("索 引 号 | 001/2022-1 | 成文日期 | 2022-04-18 |\\n[ 发文字号 ] | 某政办发〔2022〕16号 |")
    >>> f.date, f.doc_number
    ('2022-04-18', '某政办发〔2022〕16号')
    >>> f = read_meta_fields("•【制定机关】某市科学技术局\\n•【公布日期】2018.03.23\\n"
    ...                      "发布机构 :某省人民政府办公厅公文时效 :有效")
    >>> f.issuer, f.date
    ('某市科学技术局', '2018-03-23')
    >>> read_meta_fields("发文单位\\n市人民政府办公室\\n发文字号\\n十政办发〔2023〕19号").doc_number
    '十政办发〔2023〕19号'
    >>> read_meta_fields("任务41\\n  • 2019-08-26 10:25:23\\n  • 来源: 市府办公厅").page_dates
    ('2019-08-26',)
    >>> f = read_meta_fields("发文机关某市人民政府\\n发文日期2023年08月18日\\n时效性现行有效")
    >>> f.issuer, f.date
    ('某市人民政府', '2023-08-18')
    """
    found: dict[str, str] = {}
    page_dates: list[str] = []
    lines = head.splitlines()
    for i, line in enumerate(lines):
        stamp = _POSTING_STAMP.match(line)
        posted = _stamp_date(stamp) if stamp else None
        if posted:
            page_dates.append(posted)  # "• 2019-08-26 10:25:23": when the page posted it
            continue
        keys = list(_FIELD_KEY.finditer(line)) or list(_GLUED_KEY.finditer(line))
        nxt = next((n for n in lines[i + 1:i + 4] if n.strip(" \u3000\u00a0")), "")
        if _BARE_KEY.match(line) and nxt and not _BARE_KEY.match(nxt) and not _FIELD_KEY.search(nxt):
            # "发文字号" / "十政办发〔2023〕19号": the key on a line of its own, its value on the next
            # (blank lines between them skipped).
            line = line + " " + nxt
            keys = list(_FIELD_KEY.finditer(line))
        for k, m in enumerate(keys):
            role = _KEY_ROLE[re.sub(r"\s+", "", m.group(1))]
            stop = keys[k + 1].start() if k + 1 < len(keys) else len(line)
            cells = [c.strip(" \u3000\u00a0:：•-[]【】") for c in line[m.end():stop].split("|")]
            value = next((c for c in cells if c), "")
            if not value or role == "other":
                continue
            if role in ("date", "page_date"):
                value = iso_date(value) or ""
                if value and role == "page_date":
                    page_dates.append(value)
                    continue
            elif role == "doc_number":
                dm = _DOC_NUMBER.search(value) or _KEYED_DOC_NUMBER.fullmatch(value.strip())
                value = dm.group(0).strip() if dm else ""
            else:
                value = re.sub(r"\s+", "" if role != "title" else " ", value).strip()
                if role == "source":
                    # "作者:大连沙河口区政府【转载】": the body, not the site's mark
                    value = _REPOST_MARK.sub("", value)
            if value and role not in found:
                found[role] = value
    return MetaFields(title=found.get("title"), issuer=found.get("issuer"), source=found.get("source"),
                      date=found.get("date"), doc_number=found.get("doc_number"), page_dates=tuple(page_dates))


def _title_key(title: str) -> str:
    """A title's comparable form: the same title printed with 《》 or 〈〉 or <>, — or -, spaces or none."""
    s = unicodedata.normalize("NFKC", title)
    s = re.sub(r"[—–―‐‑－~〜～]+", "-", s)
    return re.sub(r"[\s《》〈〉<>“”\"'‘’「」『』]", "", s)


def _completes_title(line: str) -> bool:
    """Whether a line ends the way a plan's (or a report on a plan's) title ends."""
    base = strip_title_tail(line.strip().strip("《》“” "))
    base = _SHORT_TAIL.sub("", base) if not base.endswith(_PLAN_WORDS) else base
    return (len(base) >= 6 and base.endswith(_PLAN_WORDS + REPORT_TITLE_ENDINGS) and not base.endswith("的通知"))


# A page's path to itself ("首页 >> 地方政策 >> 技术创新", "当前位置:首页 > 政策文件"): no title, even where it
# ends with one.
_BREADCRUMB = re.compile(r"^(?:当前位置|您的位置|您当前的位置|所在位置)?[:：]?\s*首页\s*(?:>|＞|»|→|/)"
                         r"|^[^>＞»→]{1,12}(?:\s*(?:>>|>|＞|»|→)\s*[^>＞»→]{1,12}){2,}$")  # "健康频道 >> 卫健 >> 正文"
_CHROME_SEPARATORS = re.compile(r"[丨|｜│/\s\u3000\u00a0]+")
_CHROME_PREFIX = re.compile(rf"^(?:{'|'.join(map(re.escape, PAGE_CHROME_PREFIXES))})+")


def _front_text_lines(front: list[tuple[int, str]]) -> list[str]:
    """Front lines without page chrome, remark lines ("(此件公开发布)") and the furniture before a title."""
    out = []
    for _, raw in front:
        for line in raw.splitlines():
            line = line.strip(" \u3000\u00a0")
            if not line or re.fullmatch(r"附\s*件\s*\d*", line) or _BREADCRUMB.match(line) or \
                    all(word in PAGE_CHROME_LINES for word in _CHROME_SEPARATORS.split(line) if word):
                continue  # "丨 网站无障碍 丨 关怀版": buttons of the page, however many; "首页 >> 地方政策": the path
            if _BRACKET_LINE.match(line) and not _TITLE_TAIL.fullmatch(line):
                continue
            line = _LIST_MARK.sub("", _LEAD_BRACKET.sub("", line) if not _TITLE_TAIL.match(line) else line)
            line = _CHROME_PREFIX.sub("", line)  # "主动公开朗读金华开发区2022年工作计划": buttons glued to the title
            line = _title_furniture(line)
            if line:
                out.append(line)
    return out


# What pages print around a title line: table bars ("马屿镇2024年度重点工作任务分解 |"), a file name's
# extension ("…任务清单.docx"), a sharing site's banner ("《X.docx》由会员分享…"), a page number
# ("— 2 —X") or a date that lost its month ("2023925日X").
_SHARED_FILE = re.compile(r"^《(.+?)\.(?:docx?|pdf|wps|xlsx?)(?:\(\d+页[^()]*\))?》由会员分享")
_FILE_NAME = re.compile(r"^(.+?)\.(?:docx?|pdf|wps|xlsx?)$")
_PAGE_NUMBER = re.compile(r"^(?:[—\-]\s*)+\d{1,3}\s*[—\-]\s*(?=\S)")
_LOST_DATE = re.compile(r"^(?:19|20)\d{3,4}日(?=\D)")


def _title_furniture(line: str) -> str:
    """A front line without the furniture pages print around titles.

    >>> _title_furniture("马屿镇2024年度重点工作任务分解 | ||"), _title_furniture("某区任务清单.docx")
    ('马屿镇2024年度重点工作任务分解', '某区任务清单')
    >>> _title_furniture("《某县工作要点.docx(14页珍藏版)》由会员分享"), _title_furniture("— — — 2 —某区方案")
    ('某县工作要点', '某区方案')
    >>> _title_furniture("鄂政发〔2019〕1号《某省人民政府关于某某工作的实施意见》")
    '某省人民政府关于某某工作的实施意见'
    >>> _title_furniture("政务服务丨某市人民政府关于深化某某改革的实施意见")
    '某市人民政府关于深化某某改革的实施意见'
    """
    line = re.sub(r"\s*\|[\s|]*$", "", line)
    line = re.sub(r"^[\s|]*\|\s*", "", line)  # "| 2025年度区民政局重点工作任务分解 |": a caption in a table cell
    number = _DOC_NUMBER.match(line)
    if number and len(line) - number.end() >= 8 and not re.match(r"\s*[,，。;；)）]", line[number.end():]):
        # "鄂政发〔2019〕1号《某某实施意见》", "邹政发〔2023〕2号某市人民政府关于….pdf": the page's file name or heading
        # opens with the 文号
        line = line[number.end():].strip()
        line = line[1:-1] if line.startswith("《") and line.endswith("》") else line
    shared = _SHARED_FILE.match(line)
    if shared:
        return shared.group(1)
    named = _FILE_NAME.match(line)
    if named:
        return named.group(1)
    return _LOST_DATE.sub("", _COLUMN_NAME.sub("", _PAGE_NUMBER.sub("", line)))


# A page's banner run into its title: the day of the week, the weather or the login link it ends with (the last one).
_FURNITURE_RUN = re.compile(r"^.*(?:星期[一二三四五六日天]|\d+℃|个人中心)\s*")
# A page's column glued before its title by a bar ("政务服务丨济宁市人民政府关于…的实施意见").
_COLUMN_NAME = re.compile(r"^[\u4e00-\u9fff]{2,8}\s*[丨｜]\s*(?=[^丨｜\s]{8,}$)")


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


# The name of the site a page's title carries after a dash or a bar.
_SITE_SUFFIX = re.compile(rf"(?<=[\u4e00-\u9fff”)）])\s*[-_—|｜]\s*[\u4e00-\u9fff]{{2,12}}"
                          rf"(?:{alternation(SITE_NAME_ENDINGS)})$")


# A report's headline: a plan's title, then the verb that publishes it ("…重点任务分工方案印发").
_RELEASED_TITLE = re.compile(rf"(?P<plan>.{{6,80}}?)(?:{alternation(RELEASE_ADVERBS)})?"
                             rf"(?:{alternation(PLAN_RELEASE_WORDS)})")
_READING_OF = re.compile(r"《(?P<plan>[^《》]{6,80})》(?:政策)?解读|(?:政策)?解读[:：]\s*《(?P<plan2>[^《》]{6,80})》")


def _clean_title(title: str) -> str:
    """A title as the plan names itself, without what pages print around it.

    >>> _clean_title("某某网 多云 28℃~19℃登录个人中心某市农业农村局2025年工作要点")
    '某市农业农村局2025年工作要点'
    >>> _clean_title("县“十四五”人才发展专项规划(第5/7页)")
    '县“十四五”人才发展专项规划'
    >>> _clean_title("某县开发区工作计划(精选18篇)")
    '某县开发区工作计划'
    >>> _clean_title("《某县蔬菜产业行动方案》政策解读"), _clean_title("解读:《某区全民健身实施计划》")
    ('某县蔬菜产业行动方案', '某区全民健身实施计划')
    """
    title = re.sub(r"\s*\n\s*", "", title).strip()
    furniture = _FURNITURE_RUN.match(title)
    if furniture and len(title) - furniture.end() >= 8:
        title = title[furniture.end():]  # the page's banner lines joined before it
    # "…分工方案(一)", "…专项规划(第5/7页)": one part of a page split in parts
    title = _PART_NUMBER.sub("", title)
    title = re.sub(r"[(（]全文[)）]$", "", title)  # "…工作报告(全文)": a reposting site's note
    # "…工作计划(精选18篇)", "…(汇总三篇)": a sharing site's count of the samples it collects under one title
    title = re.sub(r"[(（](?:精选|汇总|通用)?[\d一二三四五六七八九十]+篇[)）]$", "", title)
    # "…政府工作报告(2023年12月20日在…上)": the day it was given, printed under the title
    title = re.sub(r"(?<=[\u4e00-\u9fff])[(（]\s*(?:19|20)\d{2}年\d{1,2}月\d{1,2}日[^()（）]*[)）]$", "", title)
    # "…工作报告 ——2024年1月10日在…会议上": the speech line printed after it on the same line
    title = re.sub(r"(?<=[\u4e00-\u9fff])\s*[—―─]{1,2}\s*(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|在).*$",
                   "", title)
    # "• 某市行动计划", "【保基本民生】某市…的通知", "A. 某开发区的发展目标": a bullet, a column's label in
    # lenticular brackets or a list letter before it
    title = re.sub(r"^(?:[•·●▪◆■]\s*|【[^【】]{1,10}】\s*|[A-H][.．、]\s*(?=[\u4e00-\u9fff]))", "", title)
    title = _SITE_SUFFIX.sub("", title)  # "…开启新征程-东台报业网": the site's name after a dash
    # "《某县蔬菜产业行动方案》政策解读", "解读:《某区全民健身实施计划》": a page reading one plan is titled by it
    read = _READING_OF.fullmatch(title)
    if read:
        title = read["plan"] or read["plan2"]
    released = _RELEASED_TITLE.fullmatch(title)
    if released and _completes_title(released["plan"]):
        title = released["plan"]  # "《…意见》重点任务分工方案印发": a report's headline on the plan published
    # "…的实施意见(池政〔2017〕101号)": the document's number printed after its title
    title = _NUMBER_AFTER_TITLE.sub("", title)
    return _balanced(title.strip("\" "))


def _balanced(title: str) -> str:
    """A title without the book-title marks and quotation marks that pair with none ("…清单》(2024年版)") and without
    a pair that wraps it whole; a quotation it opens with stays ("“十三五”控制温室气体排放工作方案").

    >>> _balanced("《某市行动计划》"), _balanced("某市清单》(2024年版)"), _balanced("“十三五”控制温室气体排放方案")
    ('某市行动计划', '某市清单(2024年版)', '“十三五”控制温室气体排放方案')
    >>> _balanced("《某市清单》(2024年版)")
    '某市清单(2024年版)'
    """
    for opening, closing in (("《", "》"), ("“", "”")):
        while len(title) > 2 and title[0] == opening and title[-1] == closing and title.count(opening) == 1:
            title = title[1:-1]
        # "《某市清单》(2024年版)": the marks wrap the name before its edition or period
        wrapped = re.fullmatch(rf"{opening}([^{opening}{closing}]+){closing}((?:[(（][^()（）]{{1,12}}[)）])+)", title)
        if wrapped:
            title = wrapped.group(1) + wrapped.group(2)
        keep, depth = [], 0
        for ch in title:
            if ch == opening:
                depth += 1
            elif ch == closing:
                if depth == 0:
                    continue  # a closing mark with no opening one before it
                depth -= 1
            keep.append(ch)
        title = "".join(keep)
        if depth:  # opening marks never closed: the last ones go
            for _ in range(depth):
                at = title.rfind(opening)
                title = title[:at] + title[at + 1:]
    return title.strip()


_NUMBER_AFTER_TITLE = re.compile(r"\s*[(（][^()（）]{1,12}[〔\[]\s*(?:19|20)\d{2}\s*[〕\]][^()（）]{0,8}号[)）]$")
_PART_NUMBER = re.compile(r"(?<=[\u4e00-\u9fff])[(（](?:[一二三四五六七八九十]|第\d{1,3}/\d{1,3}页)[)）]$")


def _front_lines(structure: Structure) -> list[tuple[int, str]]:
    """Blocks before the first numbered unit (the notice, signature and title)."""
    out = []
    for b in structure.blocks:
        if b.kind in ("heading", "item") and b.ref:
            break
        out.append((b.start, b.text))
    return out


_HAN_CHARS = re.compile(r"[\u4e00-\u9fff]")


def _is_title_line(line: str) -> bool:
    # A line of fewer than two characters of text is a page's counter or size ("2 页", "12.52KB"), no title line,
    # unless it is a title's period or status in brackets ("(2016-2020年)").
    return (len(line) <= 60 and (len(_HAN_CHARS.findall(line)) >= 2 or _TITLE_TAIL.fullmatch(line) is not None)
            and "。" not in line and not line.endswith((":", "：")) and not _DATE.match(line)
            and not _DOC_NUMBER.fullmatch(line) and "," not in line and "，" not in line
            and not re.search(r"\d{4}-\d{2}-\d{2}|点击|来源|索引号|发布日期|:|：|\||[?？!！]", line))


def strip_title_tail(title: str) -> str:
    """A title without its trailing brackets (period, 征求意见稿, 试行), however many are stacked.

    >>> strip_title_tail("某区行动方案（2024—2026年）（征求意见稿）")
    '某区行动方案'
    >>> strip_title_tail("某区实施方案(2023年)")
    '某区实施方案'
    """
    prev = None
    while prev != title:
        prev, title = title, _TITLE_TAIL.sub("", title)
    return title


def _issuer_parts(line: str) -> list[str]:
    return [p for p in re.split(r"[ \u3000]+", line) if p]


def _issuer_line(line: str) -> bool:
    """A line naming only issuing bodies, several separated by spaces ("中共某市委办公厅 某市人民政府办公厅")."""
    parts = _issuer_parts(line)
    registry = default_registry()
    return bool(parts) and all(registry.looks_like_unit(p) and not p.endswith(_PLAN_WORDS) for p in parts)


# The title grammar of a notice or of a document titled by its subject: [ISSUER] 关于 [印发] BODY 的 KIND.
_KIND = alternation(TITLE_KINDS)
_ABOUT_TITLE = re.compile(rf"(?P<prefix>[^。,，;；:：《》“”|]{{0,60}}?)\s*"
                          rf"(?P<about>(?:关于\s*(?P<verb>{alternation(TRANSMIT_VERBS)})?|(?P<bare>{alternation(ISSUING_VERBS)}))\s*"
                          rf"(?P<body>[^。,，;；:：]{{2,120}}?)\s*的\s*(?:{_KIND}))(?P<tail>(?:[(（][^()（）]{{1,12}}[)）])*)"
                          rf"(?![\u4e00-\u9fff》])")
_ISSUE_VERB = re.compile(rf"(?:{alternation(ISSUE_VERBS)})$")


@dataclass(frozen=True)
class TitleLine:
    """One "X关于…的通知/意见" title: its own wording, the issuer printed before it, the plan a notice issues."""

    own: str
    issuers: tuple[str, ...]
    plan: str | None


# The bodies that drafted a plan a notice forwards, before its name: "市交通运输委市公安局拟定的".
_DRAFTED_BY = re.compile(r"[^《》的]{2,40}?(?:拟定|制定|起草|编制|制订)的")
_INNER_ABOUT = re.compile(r"(?P<units>[^《》的关]{2,40}?)关于")


def parse_about_title(line: str, before: str = "") -> TitleLine | None:
    """Read a "[X]关于[印发]…的KIND" title; `before` is the line printed above it (a lone issuer line).

    >>> t = parse_about_title("某市人民政府办公室关于印发《某市数字经济行动计划(2024—2026年)》的通知")
    >>> t.plan, t.issuers
    ('某市数字经济行动计划(2024—2026年)', ('某市人民政府办公室',))
    >>> t = parse_about_title("某省人民政府关于分解落实《政府工作报告》重点工作的通知 某政〔2023〕5号")
    >>> t.own, t.plan
    ('某省人民政府关于分解落实《政府工作报告》重点工作的通知', None)
    >>> parse_about_title("近日,某省人民政府发布关于年重点工作的通知").own
    '关于年重点工作的通知'
    >>> parse_about_title("某市人民政府办公室印发某市关于加强城市精细化管理的意见的通知").plan
    '某市关于加强城市精细化管理的意见'
    >>> parse_about_title("湖州市人民政府办公室转发市发展改革委关于湖州市2024年国民经济和社会发展计划的通知").plan
    '湖州市2024年国民经济和社会发展计划'
    >>> t = parse_about_title("市科技局关于公布2023年度市级科技企业孵化器名单的通知")
    >>> t.plan, t.own
    (None, '市科技局关于公布2023年度市级科技企业孵化器名单的通知')
    """
    text = re.sub(r"\s*\n\s*", "", line)
    for m in _ABOUT_TITLE.finditer(text):
        if text[:m.start("about")].rstrip().endswith("《"):
            continue  # a cited "《X关于…的通知》"
        issuers, named = _prefix_issuers(m.group("prefix"))
        own = named + text[m.start("about"):m.end()]
        if not named and before and _issuer_line(before):
            # "某省人民政府办公厅" printed on the line above "关于…的意见": one title on two lines (a line
            # of several signers is the letterhead of a joint document, not part of its title).
            issuers = tuple(_issuer_parts(before.strip()))
            if len(issuers) == 1:
                own = before.strip() + own
        plan = None
        if m.group("bare") and not issuers:
            continue  # "…印发…的通知" without 关于 is a title only after the body that issues it
        if m.group("verb") or m.group("bare"):
            body = m.group("body").strip()
            drafted = _DRAFTED_BY.match(body)
            if drafted and not body.startswith("《"):
                body = body[drafted.end():]  # "转发市交通运输委市公安局拟定的X": the plan is X, its drafters no part
            inner = _INNER_ABOUT.match(body)
            units, named = _prefix_issuers(inner["units"]) if inner else ((), "")
            if inner and units and named == inner["units"]:
                body = body[inner.end():]  # "转发市发展改革委关于X的通知": the units' notice about X, the plan X
            quoted = re.fullmatch(r"《(.+)》", body)
            # "关于公布…名单的通知": a notice that publishes a list of names is the document, the list no plan
            if quoted or (_completes_title(body) and not strip_title_tail(body).endswith(NAME_LIST_ENDINGS)):
                # "关于印发《A》和《B》的通知": two plans, the first names the document
                plan = _clean_title(re.split(r"》\s*(?:和|及|、|与)?\s*《",
                                             quoted.group(1) if quoted else _first_of_two(body))[0])
        own = _NUMBER_AFTER_TITLE.sub("", re.sub(r"\s+(?=关于)", "", own).strip())
        return TitleLine(own=own, issuers=issuers, plan=plan)
    return None


def _prefix_issuers(prefix: str) -> tuple[tuple[str, ...], str]:
    """The issuers printed before "关于" (the longest run of units ending the prefix) and the part of
    the prefix that belongs to the title: those units, or a bare place ("深圳市盐田区关于…").

    >>> _prefix_issuers("中共临朐县委、临朐县人民政府")
    (('中共临朐县委', '临朐县人民政府'), '中共临朐县委、临朐县人民政府')
    """
    registry = default_registry()
    prefix = prefix.strip()
    verb = _ISSUE_VERB.search(prefix)
    if verb:  # "某省人民政府发布关于…的通知" reports a title; the body is not part of it
        head = prefix[:verb.start()]
        return next(((head[i:],) for i in range(len(head)) if _names_unit(head[i:], registry)), ()), ""
    tail = prefix.split()[-1] if prefix.split() else ""
    # "中共某县委、某县人民政府关于…": joint issuers joined by 、; "中共某市委办公厅 某市人民政府办公厅": by spaces
    for parts, joiner in ((tail.split("、"), "、"), (_issuer_parts(prefix), " ")):
        if len(parts) < 2 and joiner == "、":
            continue
        run = _unit_run(parts, registry)
        if run:
            return run, joiner.join(run)
    place = next((tail[i:] for i in range(len(tail)) if _PLACE_START.fullmatch(tail[i:])), "")
    return (), place


def _unit_run(parts: list[str], registry: DepartmentRegistry) -> tuple[str, ...]:
    """The longest run of units ending `parts`, the first of them possibly the end of a longer word ("印发中共某县委"
    -> "中共某县委"); () when the last part names no unit."""
    for i in range(len(parts)):
        for j in range(len(parts[i]) if i == 0 else 1):
            run = (parts[i][j:], *parts[i + 1:])
            if all(_names_unit(p, registry) for p in run):
                return run
    return ()


def _names_unit(name: str, registry: DepartmentRegistry) -> bool:
    """A unit's name, not a bare place ("深圳市盐田区") or a phrase."""
    return len(name) >= 3 and registry.looks_like_unit(name) and not _PLACE_START.fullmatch(name) and \
        registry.leading_region(name) != name


def _first_of_two(body: str) -> str:
    """The first of two plans an unquoted title issues together ("某市A行动方案和某市B行动方案"): both parts
    complete a title and open alike (their place); "…责任清单和重点任务分解表" is one document's title.

    >>> _first_of_two("某市学前教育发展行动方案和某市义务教育均衡发展行动方案"), _first_of_two("科技和人才工作方案")
    ('某市学前教育发展行动方案', '科技和人才工作方案')
    >>> _first_of_two("某市建设任务责任清单和重点任务分解表")
    '某市建设任务责任清单和重点任务分解表'
    """
    for m in re.finditer(r"和|及|与", body):
        first, second = body[:m.start()], body[m.end():]
        if len(first) >= 6 and len(second) >= 6 and _completes_title(first) and _completes_title(second) \
                and second[:2] == first[:2]:
            return first
    return body


def _shortens(short: str, full: str) -> bool:
    """Whether `short` is `full` with words left out (its characters in order, fewer of them).

    >>> _shortens("2016年量化指标任务分工", "2016年《政府工作报告》量化指标任务分工"), _shortens("甲乙", "乙甲")
    (True, False)
    """
    rest = iter(full)
    return len(short) < len(full) and all(ch in rest for ch in short)


# What stands before the plan a notice's sentence hands over: the verb (现将, "现将我局《X》"), or a pause.
# What a report says of a plan just published ("近日,《X》发布", "《X》正式出台").
_RELEASED = re.compile(rf"\s*(?:{alternation(RELEASE_ADVERBS)})?\s*(?:{alternation(PLAN_RELEASE_WORDS)})")
_HANDS_OVER = re.compile(rf"(?:现将[^《》,，。;；]{{0,6}}|{alternation(ISSUE_VERBS)}|转发|[》、,，。;；:：])\s*$")


def _transmitted_plan(lines: list[str]) -> str | None:
    """The first plan a notice's sentence hands over ("现将《X》印发给你们", "《X》《Y》…现予印发"): one the
    sentence hands over in so many words comes before one it may only cite ("根据…印发《A》的要求,现将《B》下达给
    你们" -> B).

    >>> _transmitted_plan(["根据市政府印发《某市实施方案》(某政〔2022〕9号)的要求,现将《某县任务分解表》下达给你们。"])
    '某县任务分解表'
    >>> _transmitted_plan(["《某区2025年优化营商环境55条》已经区政府同意,现印发给你们,请认真贯彻执行。"])
    '某区2025年优化营商环境55条'
    """
    found = [(line, m) for line in lines if any(w in line for w in TRANSMIT_WORDS)
             for m in re.finditer(r"《((?:[^《》]|《[^《》]*》)+)》", line)]
    for strong in (True, False):
        for line, m in found:
            name, before, after = m.group(1), line[:m.start()], line[m.end():]
            handed_after = _HANDED_AFTER.match(after) is not None  # "《X》,现印发给你们": opens and closes it
            # the one plan a sentence hands over, whatever its title ends with: "现将《某省重点任务》印发给你们",
            # "《某区优化营商环境55条》已经区政府同意,现印发给你们" (not "《A》《B》,现印发给你们")
            alone = "《" not in before and bool(_HANDED.search(before) or _HANDED_ALONE.match(after))
            if strong and not (_HANDED.search(before) or handed_after or alone):
                continue
            # The plan handed over opens the sentence or follows the verb, and is followed by the
            # verb, another 《name》 or a pause; "《政府工作报告》提出的…" names a source, not the plan.
            opens = not before.strip() or _HANDS_OVER.search(before) or handed_after
            closes = not after.strip() or re.match(r"\s*(?:《|已|经|现|印发|等|(?:和|及|与)\s*《|[(（、,，。;；])",
                                                   after) or _RELEASED.match(after) or handed_after
            titled = _completes_title(name) or (strong and alone and len(name) >= 6
                                                and not _QUOTED_REPORT.fullmatch(name))
            if opens and closes and titled:
                return _clean_title(name)
    return None


# The words that hand a named plan over in so many words: "现将《X》", "《X》印发给你们", "《X》,现印发给你们".
_HANDED = re.compile(r"现将[^《》,，。;；]{0,6}$")
_HANDED_AFTER = re.compile(r"\s*[,，]?\s*(?:现予?印发|予以印发|印发给|下达给|印发你们|下达你们|转发给)")
# ... and said of a plan its sentence names alone, after its approval: "《X》已经区政府同意,现印发给你们".
_HANDED_ALONE = re.compile(rf"\s*(?:已经?[^,，。;；《》]{{0,12}}(?:同意|通过)\s*)?{_HANDED_AFTER.pattern}")


def _printed_heading(lines: list[str], candidates: list[str]) -> str | None:
    """The plan's own heading (one line or two), when it prints one of the notice's names for it."""
    keys = {_title_key(c) for c in candidates}
    for i in range(len(lines)):
        for k in (1, 2, 3):
            run = lines[i:i + k]
            if len(run) == k and _title_key("".join(run)) in keys:
                return _clean_title("".join(run))
    return None


_TITLE_TOKEN = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]{1,4}")


def _title_from_lines(lines: list[str]) -> str | None:
    """The last short line (with up to two short lines above it) that ends like a plan title.

    A line that completes a title ends it: the same title printed twice, or a site's title above
    the plan's heading, are two titles, not one. A title a PDF printed a token a line is joined whole.

    >>> _title_from_lines(["xx", "县", "2022", "年“无废城市”建设实施方案", "一、总体要求"])
    'xx县2022年“无废城市”建设实施方案'
    """
    best = None
    above: list[str] = []
    recent: list[str] = []  # every line before this one, for a title printed a token a line
    prev_completed = False
    seen: set[str] = set()  # the titles read so far, to know one printed again
    roles: list[bool] = []
    after_key = False  # the line before was a metadata key alone: this one is its value ("审核" / "广水毛小波")
    for line in lines:
        if meta_key_line(line) or (after_key and len(line.strip()) <= 12):
            after_key = meta_keys_only(line)
            above = []  # a page's metadata fields, or a field's value: no line of the title
            continue
        after_key = False
        tokens = recent
        recent = (recent + [line])[-4:]
        roles = (roles + [column_role(line) is not None])[-4:]
        if sum(roles) >= 3:
            break  # a table's header ("项 目 / 分值 / 目标任务 / 监考单位"): its cells are no title
        label = column_role(line) not in (None, "task") and not re.match(r"(?:19|20)\d{2}", line) \
            and not _PLACE_START.match(line)
        if not _is_title_line(line) or label or _ISSUE_OF.search(line):
            # A column label ("1-11月推进情况") or a bulletin's issue line ("10.16 第 八 期 …") is no title.
            above = []
            continue
        if best is not None and prev_completed and _TITLE_TAIL.fullmatch(line):
            best += line  # "(征求意见稿)" on its own line under the title
            continue
        if _completes_title(line):
            # A line opening as titles open ("2023年…", "关于…") is the whole title, not the end of one.
            # (a line above that the title opens with is a site's or a column's name: "辽阳" / "辽阳市…清单")
            # (nor is anything above a title printed a second time: "04-07 笔杆子素材库" / the title again)
            key = _title_key(line).casefold()
            run = [line] if re.match(r"(?:19|20)\d{2}\s*年|关于", line) or any(line.startswith(a) for a in above) \
                or key in seen else above + [line]
            seen.add(key)
            if line.startswith(("年", "年度")):
                # "xx / 县 / 2022 / 年“无废城市”建设实施方案": a PDF's tokens, one a line, before the year's 年
                lead: list[str] = []
                for token in reversed(tokens):
                    if not _TITLE_TOKEN.fullmatch(token):
                        break
                    lead.insert(0, token)
                run = lead + [line] if lead and lead[-1].isdigit() else run
            while len(run) > 1 and _issuer_line(run[0]):
                # "中共某市委办公厅 某市人民政府办公厅" heads the title lines of a joint document.
                run.pop(0)
            best = _clean_title("".join(run))
            seen.add(_title_key(best).casefold())
            above, prev_completed = [], True
            continue
        prev_completed = False
        above = (above + [line])[-2:]
    return best


def _code_start(line: str, m: re.Match[str]) -> int:
    """Where a 文号's code starts when a title or a letterhead is glued before it, which the number's pattern
    would take in ("…管理体制的通知滁政秘〔2022〕148号": 滁政秘).

    >>> line = "某市人民政府关于某事的通知滁政秘〔2022〕148号"
    >>> line[_code_start(line, _DOC_NUMBER.search(line)):]
    '滁政秘〔2022〕148号'
    """
    code = m.group(0)[:m.group(0).find(next(c for c in m.group(0) if c in "〔[［(（"))]
    cut = max((code.rfind(w, 0, len(code) - 1) + len(w) for w in NUMBER_GLUE_ENDS if w in code[:-1]), default=0)
    return m.start() + cut


# What goes on after a 文号 that a sentence cites ("按照国发〔2020〕7号文件要求", "…〔2023〕3号)精神").
_CITED_AFTER = re.compile(rf"\s*(?:{alternation(CITED_NUMBER_FOLLOWERS)})")


def _own_number(line: str) -> str | None:
    """The document's own 文号 on one of its front lines: its code opens the line or follows a blank, a bar, a
    bracket, a key's colon, a letterhead's 文件 or the title it numbers, and no sentence goes on after it.

    >>> _own_number("淮政办发〔2024〕3号 各县区人民政府:《淮安市推进跨境电商高质量发展行动方案》已经市政府同意")
    '淮政办发〔2024〕3号'
    >>> _own_number("某市人民政府关于某事的通知滁政秘〔2022〕148号各县、市、区人民政府:为深入贯彻…")
    '滁政秘〔2022〕148号'
    >>> _own_number("新疆维吾尔自治区人民政府 文件 新政发〔2021〕19号 关于印发2021年计划的通知")
    '新政发〔2021〕19号'
    >>> _own_number("根据《某意见》(国发〔2020〕7号)精神,结合实际"), _own_number("按照国发〔2020〕7号文件要求")
    (None, None)
    >>> _own_number("行动方案为贯彻落实中共中央关于某事的意见(中发(2020)9号),加快推进")
    >>> _own_number("(新政发〔2016〕21号)区人民政府关于印发某计划的通知")
    '新政发〔2016〕21号'
    """
    for m in _DOC_NUMBER.finditer(line[:200]):
        start = _code_start(line, m)
        left, right = line[:start], line[m.end():]
        glued = start > m.start()
        if not (glued or not left.strip() or left[-1].isspace() or left[-1] in "|(（[［【:：" or left.endswith("文件")):
            continue
        opened = max(left.rfind("("), left.rfind("（"))
        cited = opened > 0 and left[:opened].strip() and opened > max(left.rfind(")"), left.rfind("）")) \
            and not re.match(r"\s*[)）]\s*$", right)  # "…的意见(中发〔2020〕9号),加快…", "…的通知(某〔2023〕3号)部署"
        if cited or re.search(r"[,，。;；]", left) or re.search(r"》\s*[(（]?\s*$", left) \
                or _CITED_AFTER.match(right):
            continue  # a number a sentence cites
        return _NUMBER_KEY.sub("", re.sub(r"\s+", "", line[start:m.end()]))
    return None


def _title_with_number(text: str) -> tuple[str, str] | None:
    """A title and its 文号 printed on one line ("某省2023年政策清单 某政发〔2023〕3 号 为全面…")."""
    for line in text[:3000].splitlines():
        m = _DOC_NUMBER.search(line) if "号" in line else None
        if not m:
            continue
        start = _code_start(line, m)
        # (the number may stand in brackets after the title: "…关于分解落实《政府工作报告》的通知(荆政办发〔2020〕1号)",
        # where a notice's title cites the plan it passes on in 《》)
        title = re.sub(r"\s+", "", line[:start]).rstrip("(（[［")
        notice = "关于" in title and title.endswith("的通知")
        if ((_completes_title(title) or notice) and len(title) <= 80
                and not re.search(r"[。,，;；:：]" if notice else r"[。,，;；:：《]", title)
                and not any(w in title for w in PREAMBLE_OPENERS)):  # "…为贯彻落实…的意见(中发〔2020〕9号)" cites
            return title, re.sub(r"\s+", "", line[start:m.end()])
    return None


# A plan's title glued to its preamble, the first line of a page that lost the break after the title:
# "推动…取得新突破实施方案为深入贯彻…".
_GLUED_PREAMBLE = re.compile(rf"^(?P<title>[^。,，;；:：、《》\s]{{6,80}}?(?:{alternation(_PLAN_WORDS)})"
                             rf"(?:[(（][^()（）]{{4,14}}[)）])?)(?:\d{{4}}年\d{{1,2}}月\d{{1,2}}日)?"
                             rf"(?:{alternation(PREAMBLE_OPENERS)}|(?:19|20)\d{{2}}年\s*[,，])")
# A document-sharing site's banner glued before a page's first line ("精选优质文档-----倾情为你奉上").
_SHARING_BANNER = re.compile(r"^精选优质文档[-—\s]*倾情为你奉上")


def _title_before_preamble(text: str) -> str | None:
    """The title a page's first line prints glued to its preamble.

    >>> _title_before_preamble("推动东北地区冰雪经济高质量发展实施方案为深入贯彻落实有关部署,制定本方案。")
    '推动东北地区冰雪经济高质量发展实施方案'
    >>> _title_before_preamble("本方案为指导全市工作的依据。") is None
    True
    >>> _title_before_preamble("精选优质文档-倾情为你奉上某省扶贫搬迁2016年实施计划2016年2月25日根据会议精神")
    '某省扶贫搬迁2016年实施计划'
    >>> _title_before_preamble("县林业局2017年工作计划2017年, 全县林业工作要深入实施林业发展战略。")
    '县林业局2017年工作计划'
    """
    first = _SHARING_BANNER.sub("", text.lstrip().split("\n", 1)[0])
    m = _GLUED_PREAMBLE.match(first)
    return m.group("title") if m and not m.group("title").startswith(("本", "该", "此")) else None


def _about_title(lines: list[str], fields: MetaFields) -> TitleLine | None:
    """The first "X关于…" title of the front matter (a title split over up to three lines included),
    else the one a title field prints; where the page prints the same title again with its issuer's whole name
    ("市政府关于…的意见" in its path, "上海市人民政府关于…的意见" over the text), that one.

    >>> _about_title(["市政府关于做好就业工作的意见", "沪府发〔2017〕76号", "上海市人民政府关于做好就业工作的意见"],
    ...              MetaFields()).own
    '上海市人民政府关于做好就业工作的意见'
    """
    first: TitleLine | None = None
    for i, line in enumerate(lines[:40]):
        if "关于" not in line:
            continue
        found = parse_about_title(line, lines[i - 1] if i else "")
        for more in (3, 2):
            if found is None and "关于" in line[:40] and first is None:
                found = parse_about_title("".join(lines[i:i + more]), lines[i - 1] if i else "")
        if found is None:
            continue
        if first is None:
            first = found
            continue
        subject = first.own[first.own.find("关于"):]
        if not first.own.startswith("关于") and found.own != first.own and found.own.endswith(subject) \
                and len(found.own) > len(first.own):  # (a bare "关于…" title is printed so; "市政府关于…" short)
            return found
    if first is not None:
        return first
    return parse_about_title(fields.title) if fields.title else None


def _titles_the_plan(own: str) -> bool:
    """Whether a notice's own title is the plan's: it reads as a title, or it is a notice about its subject
    ("关于…分配计划的公告"), unless it consults the public on a plan it names ("关于公开征求《X方案》意见的公告").

    >>> _titles_the_plan("关于某县资金分配计划的公告"), _titles_the_plan("关于公开征求《某区行动方案》意见的公告")
    (True, False)
    """
    if _completes_title(own):
        return True
    if not own.endswith(tuple("的" + k for k in NOTICE_KINDS)):
        return False
    quoted = re.search(r"《([^《》]+)》", own)
    return not (quoted and _completes_title(quoted.group(1)) and any(w in own for w in CONSULTATION_WORDS))


def find_title(structure: Structure, fields: MetaFields | None = None) -> str | None:
    """The plan's title: the plan a notice issues (as its own heading prints it), the notice's own
    title when it issues no named plan, the title lines, the title field, else an appendix heading.

    >>> find_title(parse_structure("杭州市某某\\n建设工程2024年工作计划\\n为了推进工作,制定本计划。\\n一、目标"))
    '杭州市某某建设工程2024年工作计划'
    """
    fields = fields or MetaFields()
    lines = _front_text_lines(_front_lines(structure))
    notice = _about_title(lines, fields)
    candidates = [c for c in (_transmitted_plan(lines), notice.plan if notice else None) if c]
    if len(candidates) == 2 and _shortens(candidates[0], candidates[1]):
        # "现将《2016年量化指标任务分工》印发" under "关于印发2016年《政府工作报告》量化指标任务分工的通知": the
        # sentence shortens the name the title prints whole
        candidates.reverse()
    if candidates:
        return _printed_heading(lines, candidates) or candidates[0]
    if fields.title and _completes_title(fields.title):
        # A title field names a report or a table whose heading the page prints again.
        heading = _printed_heading(lines, [fields.title])
        if heading:
            return heading
    title = _title_from_lines(lines)
    if notice and _titles_the_plan(notice.own):
        if title and title != notice.own and title.startswith(notice.own):
            return title  # a title line prints whole what a line glued to the body shortens ("…意见(征求意见稿)")
        return _clean_title(notice.own)
    if title and fields.title and _title_key(fields.title).endswith(_title_key(title)):
        return _clean_title(fields.title)  # the field prints whole what the heading shortens ("某委2021年…台账")
    if title:
        return title
    glued = _title_with_number(structure.text)
    if glued:
        return glued[0]
    opened = _title_before_preamble(structure.text)
    if opened:
        return opened
    if fields.title and _completes_title(fields.title):
        return _clean_title(fields.title)
    for line in lines:
        ap = re.match(r"^附\s*件\s*\d*\s*[:：]\s*(?:\d{1,2}\s*[.、．]\s*)?《?(.+?)》?$", line)
        if ap and strip_title_tail(ap.group(1)).endswith(_PLAN_WORDS):
            return _clean_title(ap.group(1))
    for sec in structure.sections:
        # "附件1 宁波市2024年重大科技项目表" names a table of the plan, not the plan.
        if sec.ref.startswith("附件") and sec.title and strip_title_tail(sec.title).endswith(_PLAN_WORDS):
            return _clean_title(sec.title)
    opening = _opening_plan(lines)
    if opening:
        return opening
    headline = _headline(lines)
    if headline is None and fields.title and _reads_as_headline(fields.title.strip(), False):
        return _clean_title(fields.title)  # a page's title field, whatever it titles ("标题: | 某某工程项目简介")
    return headline or _published_plan(structure.text)


def _headline(lines: list[str]) -> str | None:
    """The line a page without a plan's title opens with, or prints between its furniture and its stamp, when it
    reads as a headline: a short line of text, no sentence, key, addressee, issuer, date, column label or numbered
    item (a news page's title).

    >>> _headline(["长汀全力推动重大产业项目建设", "记者从县发改局获悉,…"])
    '长汀全力推动重大产业项目建设'
    >>> _headline(["各县(市、区)人民政府:", "现将…"]) is None, _headline(["浙江日报 数字报纸", "2024年3月1日"]) is None
    (True, True)
    >>> _headline(["全部", "栏目", "鹿邑:14个项目集中签约助推县域经济高质量发展", "来源:新周口客户端"])
    '鹿邑:14个项目集中签约助推县域经济高质量发展'
    >>> _headline(["发布机构 区政府办公室 发文日期 2024-05-27", "2024年十大民生实事项目出炉", "5月27日,…"])
    '2024年十大民生实事项目出炉'
    """
    for i, line in enumerate(lines[:8]):
        stamped = i + 1 < len(lines) and _STAMP.match(lines[i + 1]) is not None
        furnished = i > 0 and _FIELD_KEY.match(lines[i - 1]) is not None
        if (i < 2 or stamped or furnished) and _reads_as_headline(line.lstrip("-·•* "), stamped or furnished):
            return _clean_title(line.lstrip("-·•* "))
    return None


def _reads_as_headline(line: str, stamped: bool) -> bool:
    """A short line of text, no sentence, key, addressee, issuer, date, column label or numbered item; a headline
    over a page's stamp may name its place before a colon ("鹿邑:14个项目…")."""
    line = _SITE_SUFFIX.sub("", line)  # "修水论坛-修水网旗下论坛": a forum's name and its site's, no headline
    if stamped:
        place = re.match(r"^([\u4e00-\u9fff]{2,6})[:：](?=[^:：]{8,}$)", line)
        if place and not is_meta_key(place.group(1)):
            line = line[place.end():]
    han = len(_HAN_CHARS.findall(line))
    # (a column's label is short: "一季度全县招商引资工作形势喜人" holds 季度 and is no "进度" column)
    return (_is_title_line(line) and 8 <= han <= 40
            and (column_role(line) in (None, "task") or han > _LABEL_MAX)
            and not is_meta_key(line.split()[0])
            and not _issuer_line(line) and match_marker(line) is None and not line.startswith(("各", "—"))
            and _NOT_HEADLINE.search(line) is None)


# The longest column label a headline could be taken for ("1-11月重点工作推进情况").
_LABEL_MAX = 12
# The line a news page prints under its headline: its source, its date, its font-size buttons.
_STAMP_KEYS = alternation(META_SOURCE_KEYS + META_PAGE_DATE_KEYS + META_DATE_KEYS)
_STAMP = re.compile(rf"^\s*[(（]?\s*(?:(?:{_STAMP_KEYS})\s*[:：]"
                    r"|(?:19|20)\d{2}[-./年]\d{1,2}[-./月]\d{1,2}|字体|【大】)")


# What a page's first line holds when it is no headline: a site's chrome, a byline, a path, a sharing site's
# collection of samples ("…范文(精选4篇)"), a table's row.
_NOT_HEADLINE = re.compile(rf"[A-Za-z>＞│▼_\[【]|——$|第\s*\d+\s*页|\d+\s*篇|\d+\s+\d+|截至"
                           rf"|{alternation(NOT_HEADLINE_WORDS)}")


def _published_plan(text: str) -> str | None:
    """The plan a page reports in its opening part as issued, adopted or presented ("7月16日,咸宁市出台《咸宁市制造业
    产业链链长制三年行动方案(2021—2023年)》"): the first plan named in book-title marks right after a verb of
    publishing, in the page's first 800 characters.

    >>> _published_plan("近日,记者获悉。7月16日,咸宁市出台《咸宁市制造业三年行动方案》,明确目标。")
    '咸宁市制造业三年行动方案'
    >>> _published_plan("要认真学习《习近平谈治国理政》。"), _published_plan("印发《2024年政府工作报告》分工方案")
    (None, None)
    """
    for m in _PUBLISHED.finditer(text, 0, min(len(text), 800)):
        if _completes_title(m.group(1)) and not _QUOTED_REPORT.fullmatch(m.group(1)):
            return _clean_title(m.group(1))
    return None


# The year's work report a page divides or carries out: the report it quotes, not the page's own plan.
_QUOTED_REPORT = re.compile(r"(?:(?:19|20)\d{2}年)?(?:[省市县区])?政府工作报告")


_PUBLISHED = re.compile(rf"(?:{alternation(PUBLISHING_VERBS)})了?(?:的|,|，)?"
                        r"《((?:[^《》\n]|《[^《》\n]*》){4,80})》")
# A body that opens with the plan it serves: "《X》(以下简称《纲要》)已经…审议通过", "《X》已经市政府同意".
_OPENING_PLAN = re.compile(r"^《((?:[^《》]|《[^《》]*》)+)》\s*(?:[(（]以下简称|已经|已)")


def _opening_plan(lines: list[str]) -> str | None:
    """The plan a page without a title opens its body with, naming it for the rest of the text or
    saying it was adopted: the plan the page divides into tasks or hands over.

    >>> _opening_plan(["各县、市、区人民政府:", "《咸宁市第十三个五年规划纲要》(以下简称《纲要》)已经审议通过。"])
    '咸宁市第十三个五年规划纲要'
    """
    for line in lines[:6]:
        m = _OPENING_PLAN.match(line.strip())
        if m and _completes_title(m.group(1)):
            return _clean_title(m.group(1))
    return None


_CN_DIGIT = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
             "九": 9}
_CN_DATE = re.compile(r"^([〇零○Ｏ一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月"
                      r"\s*([一二三四五六七八九十]{1,3})\s*日$")


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


def date_readings(line: str) -> tuple[str, ...]:
    """The dates a signature date line can mean: one when printed whole, several when its 年/月/日 were lost.

    >>> date_readings("2024年1月5日"), date_readings("2022610日"), date_readings("2024115")
    (('2024-01-05',), ('2022-06-10',), ('2024-01-15', '2024-11-05'))
    """
    line = line.strip(" \u3000\u00a0")
    iso = parse_date(line)
    if iso:
        return (iso,)
    m = _GARBLED_DATE.match(line)
    if not m:
        return ()
    year, rest = int(m.group(1)), m.group(2)
    out = []
    for cut in range(1, len(rest)):
        month, day = rest[:cut], rest[cut:]
        if len(month) > 2 or len(day) > 2 or month.startswith("0") and len(month) == 1:
            continue
        try:
            out.append(Date(year, int(month), int(day)).isoformat())
        except ValueError:
            continue
    return tuple(sorted(set(out)))


def _signature_in(lines: list[str], registry: DepartmentRegistry, partial: bool = False) -> tuple[list[str], str]:
    """Issuer lines above a date line, and that line; with `partial`, a date of a year and month closes a signature
    too (a cover's "湛江市农业局" / "二O一六年十月"), and the line returned is empty (no day).

    >>> _signature_in(["某某规划", "湛江市农业局", "二O一六年十月", "按照要求,…"], default_registry(), partial=True)
    (['湛江市农业局'], '')
    >>> _signature_in(["国务院中医药工作部际联席会议办公室", "(国家中医药管理局代章)", "2017年2月10日"],
    ...               default_registry())
    (['国务院中医药工作部际联席会议办公室'], '2017年2月10日')
    """
    for idx, line in enumerate(lines):
        dated = bool(date_readings(line))
        if not dated and not (partial and _PARTIAL_DATE.fullmatch(line.strip(" \u3000\u00a0"))):
            continue
        issuers: list[str] = []
        k = idx - 1
        while k >= 0 and _SEAL_NOTE.fullmatch(lines[k].strip(" \u3000\u00a0")):
            k -= 1  # "(国家中医药管理局代章)": the body that sealed it for the signer
        while k >= 0 and len(lines[k]) <= 60 and not lines[k].endswith(("的通知", "》")):
            # Several signers may share one line, separated by spaces.
            parts = _issuer_parts(lines[k].strip(" \u3000\u00a0"))
            if not parts or not all(registry.looks_like_unit(p) and len(p) <= 40 for p in parts):
                break
            issuers[:0] = parts
            k -= 1
        if issuers:
            return issuers, line.strip(" \u3000\u00a0") if dated else ""
    return [], ""


# A date without its day under a cover's issuer ("二O一六年十月", "2021年12"); not a page's posting date ("2022-09-14":
# a metadata grid prints its publisher over it, whatever body issued the text).
_PARTIAL_DATE = re.compile(r"(?:(?:19|20)\d{2}|[〇零○OＯ一二三四五六七八九]{4})\s*年\s*"
                           r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月?")
# The note of the body that sealed or signed a notice for its signer: "(国家中医药管理局代章)", "(代 章)", "(某厅代签)",
# "(代)", "(印)"; on a line of its own or after the signer's name (`_SIGNING_NOTE`).
_SEAL_NOTE = re.compile(r"[(（](?:[^()（）]{0,20}代\s*[章签印]?|印)[)）]")


def _signature(structure: Structure, registry: DepartmentRegistry) -> tuple[list[str], str]:
    """Issuer lines above a date line, and that line (whole or garbled); else a whole date line alone
    in the front matter (a page that dropped the issuer's name)."""
    front = [t for _, t in _front_lines(structure)]
    found = _signature_in(front, registry, partial=True)
    if found[0]:
        return found
    tail = [b.text for b in structure.blocks if b.kind == "paragraph"][-12:]
    found = _signature_in(tail, registry)
    if found[0]:
        return found
    for line in front:
        if parse_date(line.strip(" \u3000\u00a0")):
            return [], line.strip(" \u3000\u00a0")
    # a whole date alone on one of the last lines, only an editor's credits after it ("2022年8月31日" / "(编辑:…)"):
    # the page dropped its signer's name
    for line in reversed(tail[-3:]):
        if parse_date(line.strip(" \u3000\u00a0")):
            return [], line.strip(" \u3000\u00a0")
        if not _EDITOR_CREDIT.match(line.strip(" \u3000\u00a0")):
            break
    last = [b.text for b in structure.blocks if b.kind == "item"][-3:]  # "附件:1.…名单 2.…名单 某局 某局 2023年8月23日"
    for lines in (front, tail, last):
        found = _inline_signature(lines, registry)
        if found[1]:
            return found
    for line in front:
        dated = _DATED_LINE.match(line.strip(" \u3000\u00a0"))
        if dated:
            return [], next(g for g in dated.groups() if g)
    return [], ""


# A page's credits for its editors under an article ("(编辑:谭茜 二审:唐成 终审:阮班新)", "责任编辑:…").
_EDITOR_CREDIT = re.compile(rf"[(（]?\s*(?:{alternation(EDITOR_CREDIT_KEYS)})\s*[:：]")
# A date printed with the notice: in brackets under the title ("(2015年9月15日)"), opening a report's
# speech line ("——2022年1月10日在某市人民代表大会上"), a garbled date alone on its line ("2024327"), or after the
# document's number.
_WHOLE_DATE = r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
_DATED_LINE = re.compile(rf"^(?:[(（]\s*({_WHOLE_DATE})\s*[)）]$|[—\-―─]{{1,4}}\s*({_WHOLE_DATE})\s*在"
                         r"|((?:19|20)\d{5,6})$"
                         # "川办函〔2017〕113号 2017年6月2日": the number and the date on one line under the title
                         rf"|{_DOC_NUMBER.pattern}\s*({_WHOLE_DATE})$)")
# A signer and its date printed inside a line ("…请认真贯彻落实。 福州市人民政府 2024年11月16日 (此件主动公开)"):
# the date closes the line or is followed by a space, a remark in brackets or 印.
_INLINE_SIGNATURE = re.compile(rf"(?:^|[。;；,，\s(（])([^\s。;；,，:：、《》“”|(（]{{4,40}}?)\s*"
                               rf"({_WHOLE_DATE})(?=\s|$|[(（]|印)")


def _inline_signature(lines: list[str], registry: DepartmentRegistry) -> tuple[list[str], str]:
    """The first signer glued to its date inside a line, with that date.

    >>> _inline_signature(["请认真组织实施。 某某市人民政府 2024年11月16日 (此件主动公开)"], default_registry())
    (['某某市人民政府'], '2024年11月16日')
    >>> _inline_signature(["请认真贯彻落实。 台州市统计局 台州市审计局 2023年2月16日"], default_registry())
    (['台州市统计局', '台州市审计局'], '2023年2月16日')
    >>> _inline_signature(["印发给你们,莆田市人力资源和社会保障局2022年8月18日2022年度考评方案"], default_registry())
    (['莆田市人力资源和社会保障局'], '2022年8月18日')
    """
    for line in lines:
        for m in _INLINE_SIGNATURE.finditer(line):
            name = m.group(1)
            if registry.looks_like_unit(name) and not name.endswith(_PLAN_WORDS):
                names, before = [name], line[:m.start(1)]
                # "台州市统计局 台州市审计局 2023年2月16日": joint signers, each before the next and a blank
                while (pm := _SIGNER_BEFORE.search(before)) and registry.looks_like_unit(pm.group(1)) \
                        and not pm.group(1).endswith(_PLAN_WORDS):
                    names.insert(0, pm.group(1))
                    before = before[:pm.start(1)]
                return names, m.group(2)
    for line in lines:
        # a page that glued the next text to the date ("…印发给你们,莆田市人力资源和社会保障局2022年8月18日2022年度…"):
        # a government body after a sentence, then its date
        for m in _GLUED_SIGNATURE.finditer(line):
            name = m.group(1)
            if registry.looks_like_department(name) and not registry.is_collective(name) \
                    and not name.endswith(_PLAN_WORDS):
                return [name], m.group(2)
    return [], ""


_SIGNER_BEFORE = re.compile(r"(?:^|(?<=[\s。;；,，]))([^\s。;；,，:：、《》“”|]{4,40})\s+$")
_GLUED_SIGNATURE = re.compile(rf"[。;；,，]\s*[(（]?([^\s。;；,，:：、《》“”|\d(（]{{4,30}}?)\s*({_WHOLE_DATE})")


def find_signature(structure: Structure, registry: DepartmentRegistry) -> tuple[list[str], str | None]:
    """Issuer lines printed just above a full date line, and that date (ISO).

    The signature usually follows the notice; a document without one there may be signed at
    its end, so the last lines (outside skipped repeats) are tried next.

    >>> find_signature(parse_structure("一、任务\\n正文。\\n湖州市科学技术局\\n二〇二五年一月五日"), default_registry())
    (['湖州市科学技术局'], '2025-01-05')
    """
    issuers, line = _signature(structure, registry)
    return issuers, parse_date(line)


def pick_reading(readings: tuple[str, ...], page_dates: tuple[str, ...]) -> str | None:
    """One date of a garbled signature: the only reading, else the latest one not after a date the
    page prints (a document is signed before it is posted); None when nothing decides.

    >>> pick_reading(("2024-01-15", "2024-11-05"), ("2024-01-18",)), pick_reading(("2019-01-16", "2019-11-06"), ())
    ('2024-01-15', None)
    """
    if len(readings) == 1:
        return readings[0]
    for page in sorted(page_dates):
        before = [r for r in readings if r <= page]
        if before:
            return max(before)
    return None


def joint_issuers(name: str, registry: DepartmentRegistry) -> list[str]:
    """A joint signature printed without a space, as its two bodies; any other name as itself.

    >>> joint_issuers("中共某某市委某某市人民政府", default_registry())
    ['中共某某市委', '某某市人民政府']
    >>> joint_issuers("某某市人民政府办公室", default_registry())
    ['某某市人民政府办公室']
    >>> joint_issuers("广州市黄埔区人民政府办公室广州开发区管委会办公室", default_registry())
    ['广州市黄埔区人民政府办公室', '广州开发区管委会办公室']

    Bodies listed with 、 are each an issuer; a news report's word of time before the name is none of it.

    >>> joint_issuers("合肥市经信局、合肥市财政局", default_registry()), joint_issuers("日前杭州市人民政府办公厅",
    ...                                                                         default_registry())
    (['合肥市经信局', '合肥市财政局'], ['杭州市人民政府办公厅'])
    >>> joint_issuers("云南省委办公厅和省政府办公厅", default_registry()), joint_issuers("某市发展和改革委员会",
    ...                                                                         default_registry())
    (['云南省委办公厅', '省政府办公厅'], ['某市发展和改革委员会'])
    """
    lead = _NEWS_TIME.match(name)
    if lead and _names_unit(name[lead.end():], registry):
        name = name[lead.end():]
    parts = [name[a:b] for a, b in split_outside_brackets(name, "、")]
    if len(parts) == 1:
        # "云南省委办公厅和省政府办公厅": two bodies joined by 和 (not "发展和改革委员会", no body before its 和)
        parts = [part for part in re.split(r"和|及|与", name) if part]
    if len(parts) > 1 and all(_names_unit(p, registry) for p in parts):
        return [one for p in parts for one in joint_issuers(p, registry)]
    for cut in range(3, len(name) - 2):
        first, second = name[:cut], name[cut:]
        place = _PLACE_START.match(second.removeprefix("中共"))
        # The second body opens with the first one's place ("中共X市委" + "X市人民政府"), or with a place in the same
        # city ("广州市黄埔区人民政府办公室" + "广州开发区管委会办公室")
        same = place is not None and (place.group(0) in first or first.removeprefix("中共")[:2] == place.group(0)[:2])
        if same and _names_unit(first, registry) and _names_unit(second, registry):
            return [first, second]
    return [name]


# The words of time a news report opens with before the body it reports on ("日前杭州市人民政府办公厅印发…").
_NEWS_TIME = re.compile(rf"(?:{alternation(NEWS_TIME_WORDS)})[,，]?")


def _has_place(name: str, registry: DepartmentRegistry) -> bool:
    """Whether a unit's name says where it is ("苍溪县政府"), unlike "区政府" or "管委会办公室"."""
    n = name.removeprefix("中共")
    if n.startswith(("市", "区", "县", "省", "自治区")):
        return False
    return bool(registry.leading_region(n) or _PLACE_START.match(n))


_SIGNING_NOTE = re.compile(rf"\s*{_SEAL_NOTE.pattern}$")


def issuer_name(printed: str, region: str | None, registry: DepartmentRegistry, *, resolve: bool) -> str:
    """The name an issuer is reported by: the registry's canonical name where it says more, else as printed.

    A signature (`resolve`) is reported by its canonical name (the body's full official name in its
    jurisdiction; a plan reports it so only where its page prints that name too, see `read_plan_meta`). A name
    read from page furniture or a title line keeps its printed form, unless the canonical name supplies the place
    the printed one leaves out ("市人民政府" in a plan of 咸宁市; again only where its page prints that name too). A
    canonical name with no place to give ("区人民政府" where the region is unknown) never replaces the printed one.

    >>> reg = default_registry()
    >>> (issuer_name("市人民政府办公室", "六盘水市", reg, resolve=False),
    ...  issuer_name("苍溪县政府", "苍溪县", reg, resolve=False))
    ('六盘水市人民政府办公室', '苍溪县政府')
    >>> issuer_name("区政府", None, reg, resolve=False), issuer_name("吴兴区经信局", "吴兴区", reg, resolve=True)
    ('区政府', '吴兴区经济和信息化局')
    >>> issuer_name("市政府办", "六安市", reg, resolve=False)  # words of its own kept: no place to add alone
    '市政府办'
    """
    printed = _SIGNING_NOTE.sub("", printed)  # "…领导小组办公室(代)": signed on behalf, not part of the name
    name = normalize_name(printed)
    canonical = registry.resolve(printed, region).canonical
    if canonical == name or not _has_place(canonical, registry):
        return name
    if not _has_place(name, registry):
        # the place the printed name leaves out is added, its words are kept ("市政府办" stays as printed)
        return canonical if canonical.endswith(name) else name
    # A name that carries its place is reported as printed ("苏州市吴江区人民政府", not the registry's
    # "吴江区人民政府"); only a signer's abbreviation is spelled out.
    return canonical if resolve and registry.abbreviated(name) else name


_HORIZON = 5  # years: the longest a plan without a printed period is read to run


# Verbs of making a plan before its period's name: the plan so named is another, to come.
_MAKING_PLAN = re.compile(rf"(?:{alternation(PLAN_MAKING_VERBS)})[“\"]?$")


def find_period(title: str | None, text: str, date: str | None) -> tuple[int, int] | None:
    """The years a plan covers.

    >>> find_period("某市实施方案(2022—2026年)", "", None), find_period("某区科技发展“十四五”规划", "", None)
    ((2022, 2026), (2021, 2025))
    >>> (find_period("某市2024年工作计划", "", None),
    ...  find_period("关于支持某区的实施意见", "到2027年,建成园区。", "2023-06-29"))
    ((2024, 2024), (2023, 2027))
    >>> (find_period("苏州市2024年科技创新工作要点", "", None),
    ...  find_period("关于建设某区的实施意见", "到2027年,建成。到2035年,建成高地。", "2023-08-30"))
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
        if any(not _MAKING_PLAN.search(head, max(0, m.start() - 6), m.start()) for m in re.finditer(key, head)):
            return span  # (not "科学编制“十五五”规划": the next plan, being made)
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
        regions = registry.regions_in(issuer.removeprefix("中共"))
        if regions:
            return regions[-1]
    # In the body, a region is the plan's when the page opens with it or names it again: a place named
    # once in passing ("学习深圳市经验") is another's.
    body, opening = text[:3000], text[:200]
    for named in ([lambda w: w in title] if title else []) + [lambda w: w in opening or body.count(w) >= 2]:
        found = next((n for n in registry._region_names if named(n)), None) or next(
            (n for n in registry.cities if named(n[:-1])), None)  # a city by its short form ("舟山")
        if found:
            return found
    return None


_OWNED_TITLE = re.compile(r"^(?P<unit>[^《》\s]{2,24}?)《(?P<title>[^《》]{4,80})》?$")


def _owned_title(lines: list[str], registry: DepartmentRegistry) -> tuple[str, str] | None:
    """A document's title printed after its body's name, "包头市委《关于…的具体措施》": (the body, the title).

    >>> _owned_title(["包头市委《关于全面贯彻落实的具体措施》"], default_registry())
    ('包头市委', '关于全面贯彻落实的具体措施')
    >>> _owned_title(["学习《政府工作报告》"], default_registry()) is None
    True
    """
    for line in lines:
        m = _OWNED_TITLE.match(line.strip())
        if m and _names_unit(m["unit"], registry) and _completes_title(m["title"]):
            return m["unit"], m["title"]
    return None


# A body's own plan for a year: "县水务局2026年工作要点", "下陆区科经局2025年工作计划", "市科学技术局2024年度工作计划".
_BODY_YEAR_TITLE = re.compile(r"^(?P<body>[\u4e00-\u9fff()（）]{3,24}?)\s*(?:(?:19|20)\d{2}\s*年度?|关于)")


def _body_of_title(title: str, registry: DepartmentRegistry) -> str | None:
    """The body whose own plan a title names, its name opening the title before the year or 关于, when it is a
    government department (not a place: "杭州市2024年工作要点" names no body).

    >>> reg = default_registry()
    >>> titles = ("县水务局2026年工作要点", "下陆区科经局2025年工作计划", "杭州市2024年工作要点")
    >>> [_body_of_title(t, reg) for t in titles]
    ['县水务局', '下陆区科经局', None]
    """
    m = _BODY_YEAR_TITLE.match(title)
    if m is None:
        return None
    body = m["body"]
    is_place = _TOWN.fullmatch(body) or _PLACE_START.fullmatch(body)  # a place's plan names no body
    return body if registry.looks_like_department(body) and not is_place else None


_SPEAKS_FOR = re.compile(r"我代表([^\s,，。;；、]{2,24}?(?:人民政府|政府|管委会|管理委员会))向")
_GOVERNMENT_REPORT = re.compile(r"^(?:(?:19|20)\d{2}\s*年度?)?(?:[(（][^()（）]{2,8}[)）])?"
                                r"((?:(?:19|20)\d{2}\s*年)?[\u4e00-\u9fff]{2,20}?(?:人民政府|政府|管委会|管理委员会))工作报告")
# The congress a report is given to, which names the place the speaker's government governs ("在柳城县第十七届人民
# 代表大会第五次会议上"), and a government's term inside its name ("疏附县第十七届人民政府").
_CONGRESS_OF = re.compile(r"在([\u4e00-\u9fff]{2,12}?[省市县区旗州])第[一二三四五六七八九十\d]+届人民代表大会")
_TERM = re.compile(r"第[一二三四五六七八九十\d]+届(?=人民政府)")


def _government_of(name: str) -> str:
    """A government's name as it calls itself: "梨树县政府" -> 梨树县人民政府, without its term.

    >>> _government_of("梨树县政府"), _government_of("疏附县第十七届人民政府"), _government_of("某区管委会")
    ('梨树县人民政府', '疏附县人民政府', '某区管委会')
    """
    name = _TERM.sub("", name)
    return name[:-2] + "人民政府" if name.endswith("政府") and not name.endswith("人民政府") else name


def _reporting_government(title: str | None, lines: list[str], registry: DepartmentRegistry) -> list[str]:
    """The government whose work report the page prints: named by the report's title ("2020年紫金县人民政府工作
    报告") or by its speaker ("现在,我代表龙岗区人民政府向大会作工作报告").

    >>> reg = default_registry()
    >>> _reporting_government("(辽宁省)彰武县人民政府工作报告(2023年12月20日)", [], reg)
    ['彰武县人民政府']
    >>> _reporting_government(None, ["现在,我代表龙岗区人民政府向大会作工作报告,请予审议。"], reg)
    ['龙岗区人民政府']
    >>> _reporting_government(None, ["现在,我代表县人民政府向大会报告工作"], reg)
    []
    >>> _reporting_government(None, ["——2020年3月26日在柳城县第十七届人民代表大会第五次会议上",
    ...                               "现在,我代表县人民政府向大会作政府工作报告"], reg)
    ['柳城县人民政府']
    """
    m = _GOVERNMENT_REPORT.match(title or "")
    if m:
        name = re.sub(r"^(?:19|20)\d{2}\s*年", "", m.group(1))
        if _has_place(name, registry):
            return [_government_of(name)]
    for line in lines:
        said = _SPEAKS_FOR.search(line)
        if said and _has_place(said.group(1), registry):
            return [_government_of(said.group(1))]
        if said and said.group(1)[:1] in "省市县区旗州" and len(said.group(1)) <= 5:
            # "我代表县人民政府" before "在柳城县第十七届人民代表大会…上": the government of the congress's place
            congress = next((c for c in map(_CONGRESS_OF.search, lines) if c), None)
            if congress and congress.group(1).endswith(said.group(1)[0]):
                return [congress.group(1) + "人民政府"]
    return []


def _news_issuer(lines: list[str], registry: DepartmentRegistry) -> list[str]:
    """The bodies a report says issued the plan ("近日,某区人民政府办公室发布《…》"), several joined by 、 when
    each is a unit ("中共某市委办公室、某市人民政府办公室印发《…》").

    >>> reg = default_registry()
    >>> _news_issuer(["日前,中共昆明市委办公室、昆明市人民政府办公室印发《某某行动》"], reg)
    ['中共昆明市委办公室', '昆明市人民政府办公室']
    >>> _news_issuer(["近日,杭州市人民政府办公厅发布《某某方案》"], reg)
    ['杭州市人民政府办公厅']
    """
    verbs, adverbs = alternation(ISSUE_VERBS), alternation(RELEASE_ADVERBS)
    for line in lines:
        for m in re.finditer(rf"([^\s。,，;；:：、《》“”)）]{{4,40}}?)(?:{adverbs})?(?:{verbs})\s*(?:《|关于)", line):
            if registry.looks_like_unit(m.group(1)):
                found = [m.group(1)]
                head = re.split(r"[\s。,，;；:：《》“”]", line[:m.start(1)])[-1]
                for part in reversed(head.split("、")[:-1] if head.endswith("、") else []):
                    if not registry.looks_like_unit(part):
                        break
                    found.insert(0, part)
                return found
    return []


_NUMBER_WRAP = re.compile(r"^\s*(?:[•·*\-]\s*)?[\[【]?(?=[^\s〔]{1,12}〔\d{4}〕\s*\d+\s*号)|(?<=号)[\]】]")
_NUMBER_KEY = re.compile(rf"^(?:{alternation(META_NUMBER_KEYS)})\s*[:：]?\s*")


def _doc_number(front: list[tuple[int, str]], fields: MetaFields, text: str) -> str | None:
    """The plan's own 文号: a metadata field, a line of its own (bracketed or not) or opening the notice,
    or printed right after the title on one line. Numbers inside sentences or after a 《title》 cite others."""
    if fields.doc_number:
        return fields.doc_number
    for _, line in front:
        # "• 新政〔2017〕32号", "[天政办发〔2023〕28号]天水市…的通知": a bullet or a bracket around the number
        line = _NUMBER_WRAP.sub("", line)
        bare = line.strip().strip("()（）")
        m = _DOC_NUMBER.fullmatch(bare) or (_DOC_NUMBER.match(line) if "《" not in line else None)
        if m:
            # "发文字号黎政发〔2022〕3号": a metadata key glued to its value is no part of the number
            return _NUMBER_KEY.sub("", re.sub(r"\s+", "", m.group(0)))
    glued = _title_with_number(text)
    if glued:
        return glued[1]
    return next((n for _, line in front[:12] if (n := _own_number(line))), None)


def read_plan_meta(text: str, structure: Structure | None = None,
                   registry: DepartmentRegistry | None = None) -> PlanMeta:
    """All plan metadata of one document (pure; see the module doc)."""
    registry = registry or default_registry()
    structure = structure or parse_structure(text)
    front = _front_lines(structure)
    head = "\n".join(t for _, t in front)
    fields = read_meta_fields(head)
    lines = _front_text_lines(front)

    title = find_title(structure, fields)
    owned = _owned_title(lines[:3], registry)
    if owned and title and _title_key(owned[1])[:8] in _title_key(title):
        title = owned[1]  # "包头市委《关于…的具体措施》": the body's name printed before its document's title
    printed, date_line = _signature(structure, registry)
    resolve = bool(printed)
    about = _about_title(lines, fields) if not printed else None
    if not printed and about and about.issuers and all(_has_place(name, registry) for name in about.issuers):
        # "靖边县人民政府关于…的通知" under "发布机构: 靖边县人民政府办公室": the body the title names issued it,
        # the office posted it (a title's "县人民政府办公室" names no one: the field's name stands)
        printed = list(about.issuers)
    if not printed and fields.issuer and (registry.looks_like_unit(fields.issuer)
                                          or _TOWN.fullmatch(fields.issuer)):
        printed = [fields.issuer]  # "发布单位: | 杜桥镇 |": a town issues in its own name
    if not printed:
        named = list(about.issuers) if about else []
        printed = named or _news_issuer(lines[:40], registry)
    if not printed and owned:
        printed = [owned[0]]
    if not printed and fields.source and registry.looks_like_unit(fields.source):
        printed = [fields.source]
    body = _body_of_title(title, registry) if not printed and title else None
    if body:
        printed = [body]  # "县水务局2026年工作要点": the body's own plan, as printed
    if not printed:
        printed = _reporting_government(title, lines[:40], registry)

    # A whole signature date, else the document's date field, else a garbled signature date read
    # by the dates the page prints.
    date = (parse_date(re.sub(r"\s+", "", date_line)) or fields.date
            or pick_reading(date_readings(date_line), fields.page_dates))
    if date is None and fields.page_dates:
        date = fields.page_dates[0]  # no date of its own: the day the page published it

    region = find_region(title, printed, registry, text)
    # Where the gazetteer does not know the plan's place, its title still names it ("六盘水市…方案").
    titled = _PLACE_START.match(title) if title else None
    place = titled.group(0) if titled and title and (region is None or region not in title) else region
    issuers: list[str] = []
    signed = [(part, name) for name in printed for part in joint_issuers(name, registry)]
    printed = [part for part, _ in signed]
    for name, whole in signed:
        issuer = issuer_name(name, place, registry, resolve=resolve)
        if not resolve and not _has_place(issuer, registry) and name not in (fields.issuer, fields.source, body) \
                and not (whole != name and _has_place(whole, registry)):
            # "区人民政府办公室关于…" names no one without its place ("云南省委办公厅和省政府办公厅": the second
            # body signs beside the first, in its place)
            continue
        as_printed = normalize_name(_SIGNING_NOTE.sub("", name))
        if issuer not in text:
            # "市交通运输局" as printed, unless the page prints the name with its place too; "宁夏回族自治区发展改革委"
            # as printed, unless the page prints its full name too
            issuer = as_printed
        if issuer not in issuers:
            issuers.append(issuer)
    if region is None and issuers:
        region = find_region(None, issuers, registry)

    doc_number = _doc_number(front, fields, text)
    period = find_period(title, text, date)
    status = "draft" if _DRAFT.search(title or "") or _DRAFT.search(head[:2000]) else None
    return PlanMeta(title=title, issuers=tuple(issuers), issuers_printed=tuple(printed), date=date,
                    doc_number=doc_number, period=period, region=region, status=status)
