"""Where a name begins and ends in a plan's prose: what the platform and firm rules share.

A name is a run of characters between punctuation and the verbs or function words that stand
before names (`STOPWORDS`); two runs joined by 与/和 are one name when the first is short and ends
in neither a head noun nor an organisation noun. Category words (`data/gazetteers/platform_generic.txt`)
say nothing of which thing a name names (`strip_generic`).

>>> text = "建设欧盟研究与创新杭州中心和众创空间"
>>> [text[r.start:r.end] for r in name_runs(text, 0, len(text))]
['欧盟研究与创新杭州中心', '众创空间']
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from plankg.ingest import lexicon
from plankg.ingest.gazetteer import HeadLookup, RegexHeads, generic_words
from plankg.ingest.structure import body_start
from plankg.ontology.ids import normalize

if TYPE_CHECKING:
    from plankg.ingest.places import Places

# Characters that end a name. "(" and ")" stay inside: 中国(杭州)知识产权保护中心.
PUNCT = set(",，。;；:：、!！?？“”‘’\"《》〈〉「」『』[]【】+ \t\n\r\u3000/|…—")
# Verbs and function words that stand before a name, never inside one (longest first): lexicon data.
STOPWORDS = lexicon.NAME_STOPWORDS
_CONJUNCTIONS = {"与", "和", "及", "以及", "或"}
# Endings of an institution whose name is complete before a conjunction, even where no head noun is listed:
# "某某先导院和某某中心", "中试研发平台与某某中心" are two things, not one name.
_INSTITUTION_END = ("平台", "研究院", "先导院", "研究所", "基地", "中心")
_ORG_END = ("大学", "学院", "高校", "企业", "院所", "机构", "政府", "部门", "公司", "集团", "医院", "单位", "街道",
            "乡镇", "社区", "联盟")

# Words that may open a run but never a name; stripped from its start only, because as
# stop words they would also cut names in two (由 in 自由贸易试验区, 是 in 于是).
# "每家实验室": 每 with its classifier, never the start of a name; nor "全市"/"我市" (the plan's own place), nor an
# ordinal ("首个", "第二批").
LEADING_NOISE = re.compile(r"(?:各类|各级|各种|多种|每(?:家|个|所|座|项|类)|[全我本][省市区县]|"
                           r"首(?:批|个|家|座)|第[一二三四五六七八九十\d]+[批个家座]|"
                           r"[一二三四五六七八九十]{1,2}是|是|由|有|各|该|其|每|经(?!济|开区)|被|了|辖区|"
                           r"按照|根据|依据|关于|针对|听取|保障|抓好|实现|确保|联合(?!国)|促进|发布|"
                           rf"{lexicon.alternation(lexicon.YEAR_SPAN_WORDS)})+")

_STOP_COMPOUNDS = lexicon.STOP_COMPOUNDS


def _stop_alternative(word: str) -> str:
    """The regex for one stop word, refusing the compounds it is a part of.

    >>> bool(re.match(_stop_alternative("利用"), "利用")), re.search(_stop_alternative("利用"), "综合利用") is None
    (True, True)
    """
    guards = "".join(f"(?<!{re.escape(before)})" for before in _STOP_COMPOUNDS.get(word, ()))
    after = "".join(f"(?!{re.escape(rest)})" for rest in lexicon.STOP_COMPOUNDS_AFTER.get(word, ()))
    return guards + re.escape(word) + after


_STOP_RE = re.compile("|".join(_stop_alternative(w) for w in STOPWORDS))


@lru_cache(maxsize=1)
def _boundary_regex() -> re.Pattern[str]:
    punct = "".join(sorted(PUNCT))
    # The lookahead (the characters a boundary can start with) only speeds up the scan.
    first = "".join(sorted(set(punct) | {w[0] for w in STOPWORDS}))
    return re.compile(f"(?=[{re.escape(first)}])(?:[" + re.escape(punct) + "]|" + _STOP_RE.pattern + ")")


@dataclass(frozen=True)
class NameRun:
    start: int
    end: int
    quoted: bool  # the run fills a pair of quotation marks


def name_runs(text: str, start: int, end: int, places: Places | None = None,
              heads: HeadLookup | None = None) -> list[NameRun]:
    """Maximal stretches of name characters in text[start:end], cut at punctuation and stop words.

    Two stretches joined by 与/和 are one name when the first neither ends in a platform head nor
    in an organisation noun, and is short or opens with a place: "欧盟研究与创新杭州中心" and
    "中国科学院宁波材料技术与工程研究所" are one name each, "众创空间和孵化器" two.
    """
    heads = RegexHeads(text) if heads is None else heads
    pieces: list[tuple[int, int, str]] = []  # (start, end, the boundary that ended it)
    # Inside a head noun a stop word is part of the name: 高等研究院 is not 高|等|研究院.
    protected = bytearray(end - start)
    head_starts = set()
    for hs, he, _noun in heads.finditer(start, end):
        protected[hs - start:he - start] = b"\x01" * (he - hs)
        head_starts.add(hs)
    pos = start
    for m in _boundary_regex().finditer(text, start, end):
        if m.group(0) not in PUNCT and protected[m.start() - start]:
            continue
        described = next((v for v in lexicon.NAME_DESCRIBING_VERBS if text.endswith(v, start, m.end())
                          and m.end() - len(v) - pos >= 2), None)
        if described and _before_head(text, m.end(), end, head_starts):
            # "桃溪农村产业融合发展示范园", "邵阳市外贸转型升级基地": verbs after a name's words and right before its
            # head describe it (the stop word may be the verb's end: 升级 in 转型升级)
            continue
        if m.group(0) not in PUNCT and text[max(0, m.start() - 1):m.end()] in lexicon.PAIRED_COUNTRY_NAMES:
            continue  # "浙江中以(余杭)产业合作园": 中以 (China and Israel) is a name's word, 以 opens no clause
        if len(m.group(0)) == 1 and m.group(0) not in PUNCT and m.start() > 0 and text[m.start() - 1] == "、":
            continue  # "、从化经济开发区": an item of a list opens with a noun, so 从 here is part of a name
        if m.group(0) not in PUNCT and places is not None and places.opens(text[m.start():m.start() + 12]):
            continue  # "和林格尔数据中心集群", "从化区": a place whose name opens with a stop word
        pieces.append((pos, m.start(), m.group(0)))
        pos = m.end()
    pieces.append((pos, end, ""))
    merged: list[tuple[int, int, str]] = []
    for piece in pieces:
        if merged:
            ps, pe, pb = merged[-1]
            s, e, b = piece
            left = text[ps:pe]
            noise = LEADING_NOISE.match(left)
            left_start = ps + (noise.end() if noise else 0)
            left = left[noise.end():] if noise else left
            if (pb == "—" and 2 <= len(left) <= 4 and places is not None and places.opens(left) and e > s
                    and s == pe + 1 and text[pe - 1:pe] != "—" and text[s:s + 1] != "—"):
                # "中国—东盟技术转移中心": one dash between two places joins them in one name.
                merged[-1] = (ps, e, b)
                continue
            if (pb in _CONJUNCTIONS and pe - ps > 0 and e > s
                    and (len(left) <= 10 or (len(left) <= 16 and places is not None and places.opens(left))
                         or _field_before_place(text[s:e], places))
                    and not _ends_with_head(heads, left_start, pe) and not left.endswith(_ORG_END + _INSTITUTION_END)
                    and s == pe + len(pb) and not _bare_list_item(text, merged, heads)
                    and not _same_place_opens(left, text[s:e], places) and left not in lexicon.BARE_CLAUSE_NOUNS):
                merged[-1] = (ps, e, b)
                continue
        merged.append(piece)
    out = []
    for s, e, _b in merged:
        if e > s:
            quoted = s > 0 and text[s - 1] in "“\"「『" and e < len(text) and text[e] in "”\"」』"
            out.append(NameRun(s, e, quoted))
    return out


def _before_head(text: str, at: int, end: int, head_starts: set[int]) -> bool:
    """Whether a head noun starts at `at`, after any further words that describe a platform ("融合|发展|示范园")."""
    while at < end and at not in head_starts:
        more = _DESCRIBING.match(text, at, end)
        if more is None:
            return False
        at = more.end()
    return at in head_starts


# Verbs a platform's name holds right before its head, describing it ("产业融合发展示范园", "质量提升示范区").
_DESCRIBING = re.compile(lexicon.alternation(lexicon.NAME_DESCRIBING_VERBS))


def _bare_list_item(text: str, merged: list[tuple[int, int, str]], heads: HeadLookup) -> bool:
    """Whether the last piece is a short name after 、 that follows another short name without a head: the last
    but one item of a list whose items share the head printed after the last ("达茂、固阳和石拐工业园区" names
    three parks; "…物流园、民和商贸物流园" one, 民和 being a place).

    >>> t = "依托达茂、固阳和石拐工业园区,推进综合物流园、民和商贸物流园建设"
    >>> [t[r.start:r.end] for r in name_runs(t, 0, len(t))]
    ['达茂', '固阳', '石拐工业园区', '综合物流园', '民和商贸物流园']
    """
    ps, pe, _ = merged[-1]
    if text[ps - 1:ps] != "、" or not 2 <= pe - ps <= 4 or _ends_with_head(heads, ps, pe):
        return False
    q = ps - 1  # the item before the 、, back to its boundary (a window may start after the 、)
    lo = max(0, q - 8)
    qs = lo
    for m in _boundary_regex().finditer(text, lo, q):
        qs = m.end()
    return 2 <= q - qs <= 4 and not _ends_with_head(heads, qs, q)


def item_spans(items: list[str], pos: int) -> list[tuple[int, int]]:
    """The spans of a list's items printed from `pos` on, each after a one-character separator.

    >>> item_spans(["之江", "西湖"], 10)
    [(10, 12), (13, 15)]
    """
    spans = []
    for raw in items:
        spans.append((pos, pos + len(raw)))
        pos += len(raw) + 1
    return spans


def _same_place_opens(left: str, right: str, places: Places | None) -> bool:
    """Whether both sides of a conjunction open with the same place: two names ("广州国际生物岛和广州科学城"),
    as one name does not print its place twice.

    >>> from plankg.ingest.places import places_for
    >>> places = places_for(None)
    >>> _same_place_opens("广州国际生物岛", "广州科学城", places), _same_place_opens("欧盟研究", "创新杭州中心", places)
    (True, False)
    """
    if places is None:
        return False
    m = places.match(left)
    return m is not None and right.startswith(m.group(0))


def _field_before_place(right: str, places: Places | None) -> bool:
    """Whether the piece after 与/和 is the rest of a research field and then a place: "材料广东省重点实验室" in
    "脊柱脊髓功能重建工程技术与材料广东省重点实验室", the way provincial key laboratories are named.

    >>> from plankg.ingest.places import places_for
    >>> _field_before_place("材料广东省重点实验室", places_for(None)), _field_before_place("众创空间", places_for(None))
    (True, False)
    """
    return places is not None and any(places.opens(right[k:]) for k in range(1, min(5, len(right) - 2)))


def _ends_with_head(heads: HeadLookup, start: int, end: int) -> bool:
    """Whether text[start:end] ends in a head noun."""
    return any(he == end for _, he, _ in heads.finditer(start, end))


def strip_generic(descriptor: str) -> str:
    """What is left of a descriptor after removing category words, greedily from the left.

    >>> strip_generic("重点企业"), strip_generic("智能感知"), strip_generic("技术转移")
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


_ADDRESSEE = re.compile(r"^各[^。;；]{2,200}[:：]$")


def prose_spans(text: str, blocks: Sequence) -> list[tuple[int, int]]:
    """The stretches of each block that may name things: after a numbering marker, or the whole block."""
    if not blocks:
        return [(0, len(text))]
    # After a numbering marker: "3.支持久立集团…" names 久立集团, not "3.支持久立集团".
    # The notice's addressee line ("各区县科技局，两江新区…：") lists recipients, never platforms or firms.
    return [(body_start(b), b.end) if b.marker else (b.start, b.end) for b in blocks
            if not (b.kind == "paragraph" and b.ref is None and _ADDRESSEE.match(b.text))]


def past_leading_verbs(text: str, start: int, end: int) -> int:
    """Where a name begins once the stop words opening text[start:end] are skipped.

    >>> text = "依托布局建设甲江装置"
    >>> text[past_leading_verbs(text, 0, len(text)):]
    '甲江装置'
    """
    lead = _STOP_RE.match(text, start, end)
    while lead and lead.end() > start:
        start = lead.end()
        lead = _STOP_RE.match(text, start, end)
    return start


def distinct_mentions(items: list, key=lambda x: normalize(x.name)) -> list:
    """Every mention once, in text order: the same name found at the same place by two rules is one
    mention; the same name printed again elsewhere is another.

    >>> from types import SimpleNamespace as N
    >>> found = [N(name="之江实验室", span=(9, 14)), N(name="之江实验室", span=(0, 5)),
    ...          N(name="之江实验室", span=(0, 5))]
    >>> [m.span for m in distinct_mentions(found)]
    [(0, 5), (9, 14)]
    """
    seen: set[tuple] = set()
    out = []
    for it in sorted(items, key=lambda x: (x.span[0] if x.span else -1, key(x))):
        k = (key(it), tuple(it.span) if it.span else None)
        if k in seen:
            continue
        seen.add(k)
        out.append(it)
    return out


def first_mentions(items: list, key=lambda x: normalize(x.name)) -> list:
    """The first mention of each thing (by `key`, its normalized name unless told), in text order."""
    seen: set[str] = set()
    out = []
    for it in sorted(items, key=lambda x: (x.span[0] if x.span else -1, key(x))):
        k = key(it)
        if k in seen:
            continue
        seen.add(k)
        out.append(it)
    return out

