"""The gazetteers: platform head nouns, category words, well-known firms and place names from
`data/gazetteers`, and matching the names in one pass.

One spaCy `PhraseMatcher` holds every head noun of `platform_heads.tsv` and every unambiguous
name of `enterprises.txt`. It runs on the pipeline's character tokens, so a match's token offsets
are its character offsets in the Doc. Every match is kept, overlapping ones included
("重点实验室" and "实验室" at the same place): a reader chooses among them the way the rules read
text (`MatchedHeads` leftmost-longest, like the regex alternation `RegexHeads` scans text alone with;
`matched_positions` left to right, like `str.find`), so the matches and a scan of the text name the
same things.

Short firm names marked ambiguous (联想) are left out: they count only inside an enterprise list,
which the coordination rules read from the text itself.

>>> import spacy
>>> from spacy.tokens import Doc
>>> nlp = spacy.blank("zh")
>>> matcher = phrase_matcher(nlp.vocab)
>>> text = "支持阿里巴巴共建省重点实验室"
>>> doc = Doc(nlp.vocab, words=list(text), spaces=[False] * len(text))
>>> found, heads, firms = match_gazetteer(doc, matcher, base=100)
>>> [(s.start, s.end, s.label_) for s in heads], [(s.start, s.end) for s in firms]
([(9, 14, 'laboratory'), (11, 14, 'laboratory')], [(2, 6)])
>>> list(found.heads.finditer(100, 114)), found.firms
([(109, 114, '重点实验室')], ((102, '阿里巴巴'),))
"""
from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Protocol

from plankg.errors import PlankgError
from plankg.ingest import lexicon

if TYPE_CHECKING:
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

RULE_GAZETTEER = "plankg.gazetteer.phrase_matcher.v1"
SPANS_PLATFORM_HEADS = "plankg_platform_heads"  # label: the platform kind of the head noun
SPANS_ENTERPRISE_NAMES = "plankg_enterprise_names"  # label: "enterprise"
_HEAD_KEY = "plankg_platform_head"
_FIRM_KEY = "plankg_enterprise"


class GazetteerDataError(PlankgError):
    """A gazetteer file under plankg.data/gazetteers is missing or malformed."""


# --------------------------------------------------------------------------- gazetteers


@dataclass(frozen=True)
class Head:
    noun: str
    kind: str
    strength: str  # strong | designation | normal | weak | quoted


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
        if len(parts) != 3 or parts[2] not in ("strong", "designation", "normal", "weak", "quoted"):
            raise GazetteerDataError(f"bad line in platform_heads.tsv: {ln!r}", where="platform_heads.tsv",
                                     fix="write head<TAB>kind<TAB>strong|designation|normal|weak|quoted")
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
def traditional_forms() -> dict[int, str]:
    """Traditional characters the rules read in their simplified forms (`traditional.txt`), as a table for
    `str.translate`: one character for one, so every offset stays.

    >>> "牽頭單位".translate(traditional_forms())
    '牵头单位'
    """
    table: dict[int, str] = {}
    for ln in _lines("traditional.txt"):
        for pair in ln.split():
            if len(pair) != 2:
                raise GazetteerDataError(f"bad pair in traditional.txt: {pair!r}", where="traditional.txt",
                                         fix="write each traditional character and its simplified form as a pair")
            if pair[0] != pair[1]:
                table[ord(pair[0])] = pair[1]
    return table


@lru_cache(maxsize=1)
def known_enterprises() -> tuple[tuple[str, bool], ...]:
    """(name, ambiguous) pairs; an ambiguous short name counts only inside an enterprise list."""
    out = []
    for ln in _lines("enterprises.txt"):
        out.append((ln.rstrip("*"), ln.endswith("*")))
    return tuple(sorted(out, key=lambda x: (-len(x[0]), x[0])))


@lru_cache(maxsize=1)
def county_parents() -> dict[str, str]:
    """County-level divisions of `counties.txt` and the city (or municipality) above each.

    >>> county_parents()["谯城区"], county_parents()["和林格尔县"]
    ('亳州市', '呼和浩特市')
    """
    return dict(line.split("\t", 1) for line in _lines("counties.txt"))


@lru_cache(maxsize=1)
def region_places() -> tuple[str, ...]:
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
    # Counties by their full names only: without 区/县/市 many are words or other places (江南, 青山湖).
    names.update(county_parents())
    return tuple(sorted(names, key=lambda w: (-len(w), w)))



@lru_cache(maxsize=1)
def head_index() -> tuple[re.Pattern[str], dict[str, Head]]:
    """The alternation of all head nouns, and each head by its noun."""
    heads = platform_heads()
    # The lookahead (the characters a head can start with) only speeds up the scan.
    first = "".join(sorted({h.noun[0] for h in heads}))
    blocked = lexicon.HEAD_NOT_BEFORE
    pattern = f"(?=[{re.escape(first)}])(?:" + "|".join(
        re.escape(h.noun) + (f"(?![{re.escape(blocked[h.noun])}])" if h.noun in blocked else "") for h in heads) + ")"
    return re.compile(pattern), {h.noun: h for h in heads}


def head_pattern() -> re.Pattern[str]:
    """The alternation of all head nouns, longest first."""
    return head_index()[0]


HeadSpan = tuple[int, int, str]  # start, end (offsets into the document), the head noun as printed


class HeadLookup(Protocol):
    """Where platform head nouns stand in a document: what every platform and list rule reads."""

    def finditer(self, start: int, end: int) -> Iterator[HeadSpan]:
        """Head nouns inside text[start:end] as the longest-first alternation finds them: leftmost,
        longest at a position, not overlapping."""
        ...


class RegexHeads:
    """Head nouns found by the compiled alternation of `platform_heads()`, on text alone: the lookup
    the rules' own examples use when no gazetteer matcher has run.

    >>> [h[2] for h in RegexHeads("建设省重点实验室和研究院").finditer(0, 12)]
    ['重点实验室', '研究院']
    """

    __slots__ = ("text",)

    def __init__(self, text: str):
        self.text = text

    def finditer(self, start: int, end: int) -> Iterator[HeadSpan]:
        head_re, _ = head_index()
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


def has_head(heads: HeadLookup, start: int, end: int) -> bool:
    """Whether a head noun stands inside [start, end)."""
    return next(heads.finditer(start, end), None) is not None


def gazetteer_firm_names() -> tuple[str, ...]:
    """Well-known firms matched anywhere (not the ambiguous short names), longest first."""
    return tuple(name for name, ambiguous in known_enterprises() if not ambiguous)


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


# --------------------------------------------------------------------------- matching the names


@lru_cache(maxsize=1)
def _head_kinds() -> dict[str, str]:
    return {h.noun: h.kind for h in platform_heads()}


def _phrase(vocab: Vocab, phrase: str) -> Doc:
    from spacy.tokens import Doc

    # Character tokens, as the pipeline makes them, so a pattern matches wherever its characters do.
    return Doc(vocab, words=list(phrase), spaces=[False] * len(phrase))


def phrase_matcher(vocab: Vocab) -> PhraseMatcher:
    """The matcher over head nouns and firm names, on token text (ORTH)."""
    from spacy.matcher import PhraseMatcher

    matcher = PhraseMatcher(vocab)
    matcher.add(_HEAD_KEY, [_phrase(vocab, h.noun) for h in platform_heads()])
    matcher.add(_FIRM_KEY, [_phrase(vocab, name) for name in gazetteer_firm_names()])
    return matcher


@dataclass(frozen=True)
class GazetteerMatches:
    """`doc._.plankg_gazetteer`: a passage's matches in document offsets, indexed the way the rules read them."""

    heads: MatchedHeads  # platform head nouns, every match (overlapping ones included)
    firms: tuple[tuple[int, str], ...]  # (offset, name) of well-known firms

    def firm_positions(self) -> Callable[[str, int, int], Iterator[int]]:
        return matched_positions(self.firms)


def match_gazetteer(doc: Doc, matcher: PhraseMatcher, text: str | None = None, base: int = 0
                    ) -> tuple[GazetteerMatches, list[Span], list[Span]]:
    """All matches in `doc`: the index (offsets shifted by `base`, the Doc's offset in its document),
    head-noun spans labelled with the platform kind, and firm-name spans.

    `text` is the Doc's text when the caller holds it (`doc.text` joins the tokens on every access).
    """
    from spacy.tokens import Span

    head_id = doc.vocab.strings[_HEAD_KEY]
    kinds = _head_kinds()
    heads: list[tuple[int, int, str]] = []
    firms: list[tuple[int, str]] = []
    head_spans: list[Span] = []
    firm_spans: list[Span] = []
    text = doc.text if text is None else text
    blocked = lexicon.HEAD_NOT_BEFORE
    for match_id, start, end in matcher(doc):
        phrase = text[start:end]
        if match_id == head_id and phrase in blocked and text[end:end + 1] and text[end] in blocked[phrase]:
            continue  # "区块链": the head opens a longer word
        if match_id == head_id:
            heads.append((base + start, base + end, phrase))
            head_spans.append(Span(doc, start, end, label=kinds[phrase]))
        else:
            firms.append((base + start, phrase))
            firm_spans.append(Span(doc, start, end, label="enterprise"))
    return GazetteerMatches(MatchedHeads(heads), tuple(firms)), head_spans, firm_spans
