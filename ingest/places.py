"""Place names a platform's name may carry: the regions gazetteer, the plan's own region, and the
towns, local governments and zones the document itself names as responsible units.

>>> places = places_for(None)
>>> places.found_in("杭州城西科创大走廊"), places.found_in("概念验证中心"), places.found_in("舞钢市产业集聚区")
(True, False, True)
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from plankg.ingest import lexicon
from plankg.ingest.gazetteer import region_places

if TYPE_CHECKING:  # structure.py is the colleague's module; only its shape is needed here
    from plankg.ingest.structure import DocContext


@lru_cache(maxsize=64)
def _places(region: str | None) -> Places:
    extra = []
    if region:
        extra.append(region)
        short = re.sub(r"(省|市|区|县)$", "", region)
        if len(short) >= 2:
            extra.append(short)
    return Places(tuple(extra))


def trie_pattern(names: Iterable[str]) -> str:
    """An alternation of `names` factored by common prefixes, longest match first: the regex engine
    tries a few branches per character instead of every name (thousands of places).

    >>> trie_pattern(["杭州", "杭州市", "湖州市"])
    '(?:杭州(?:市)?|湖州市)'
    >>> re.match(trie_pattern(["杭州", "杭州市"]), "杭州市区").group(0)
    '杭州市'
    """
    trie: dict = {}
    for name in names:
        node = trie
        for ch in name:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        alternation = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{alternation})?" if "" in node else alternation  # a name ends here: longer ones first

    return build(trie)


def _alternation(names: Iterable[str]) -> re.Pattern[str] | None:
    names = [n for n in set(names) if n]
    return re.compile(trie_pattern(names)) if names else None


@lru_cache(maxsize=1)
def _gazetteer_first_chars() -> frozenset[str]:
    return frozenset(n[0] for n in region_places() if n)


@lru_cache(maxsize=1)
def _gazetteer_pattern() -> re.Pattern[str] | None:
    """The gazetteer's places (thousands of names), compiled once: a document's own places are a
    pattern of their own, so a new document costs no compilation of the gazetteer's."""
    return _alternation(region_places())


_UNLISTED_PLACE = re.compile(r"(?![全本各该我城新])[\u4e00-\u9fff]{2,3}?[县市]"
                             r"(?![级域内外城场民区政委直属])(?=[\u4e00-\u9fff]{2})")


_MEMO = 50_000  # answers kept per Places: a corpus's candidate names, bounded


class Places:
    """The gazetteer's place names and a document's own (`names`: its region, its towns), each one
    compiled pattern, so testing a name is a regex search or two.

    >>> p = Places(("马桥",))
    >>> p.match("马桥镇工业园").group(0), p.match("杭州市滨江区").group(0), p.remove("马桥杭州高新区")
    ('马桥', '杭州市', '高新区')
    """

    def __init__(self, names: tuple[str, ...]):
        self.names = names
        self._patterns = [p for p in (_alternation(names), _gazetteer_pattern()) if p is not None]
        self.first_chars = frozenset(n[0] for n in names if n) | _gazetteer_first_chars()
        # candidate names repeat across a corpus (the instances are shared: `_places` is cached)
        self._removed: dict[str, str] = {}
        self._found: dict[str, bool] = {}

    def search(self, s: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """The leftmost place in s[pos:endpos]."""
        end = len(s) if endpos is None else endpos
        found = [m for p in self._patterns if (m := p.search(s, pos, end)) is not None]
        return min(found, key=lambda m: (m.start(), -m.end())) if found else None

    def match(self, s: str) -> re.Match[str] | None:
        """The longest place `s` opens with."""
        found = [m for p in self._patterns if (m := p.match(s)) is not None]
        return max(found, key=lambda m: m.end()) if found else None

    def remove(self, s: str) -> str:
        """`s` without the places in it."""
        hit = self._removed.get(s)
        if hit is None:
            if len(self._removed) > _MEMO:
                self._removed.clear()
            hit = s
            for p in self._patterns:
                hit = p.sub("", hit)
            self._removed[s] = hit
        return hit

    def found_in(self, s: str) -> bool:
        # A county or city the gazetteer does not list still names a place when the name opens with it
        # ("新野县产业集聚区", "舞钢市产业集聚区").
        hit = self._found.get(s)
        if hit is None:
            if len(self._found) > _MEMO:
                self._found.clear()
            hit = self._found[s] = self.search(s) is not None or _UNLISTED_PLACE.match(s) is not None
        return hit

    def opens(self, s: str) -> bool:
        return s[:1] in self.first_chars and self.match(s) is not None


def places_for(ctx: DocContext | None) -> Places:
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
_UNIT_KEYS = lexicon.alternation(lexicon.LEAD_KEYS + lexicon.SUPPORT_KEYS + lexicon.RESPONSIBLE_KEYS)
_UNIT_KEY_FIRST = "".join(sorted({w[0] for w in lexicon.LEAD_KEYS + lexicon.SUPPORT_KEYS + lexicon.RESPONSIBLE_KEYS}))
# The lookahead (the characters a match can start with) only speeds up the scan.
_UNIT_LIST = re.compile(rf"(?=[{_UNIT_KEY_FIRST}(（])(?:(?:{_UNIT_KEYS})[:：]?[^。;；\n)）]*"
                        r"|[(（][^()（）\n]*(?:牵头|负责)[^()（）\n]*[)）])")
_LEAD_MARKED_LINE = re.compile(r"^[^\n]*[(（]牵头[)）][^\n]*$", re.MULTILINE)


def _unit_lists(text: str) -> list[str]:
    """The stretches of `text` that list units (see _UNIT_LIST).

    >>> _unit_lists("1.推进特色小镇建设。（责任单位：区经委，马桥镇）\\n2.建设中心（市科技局牵头，市财政局负责）")
    ['责任单位：区经委，马桥镇', '（市科技局牵头，市财政局负责）']
    """
    lists = [m.group(0) for m in _UNIT_LIST.finditer(text)]
    if "牵头" in text:
        lists.extend(m.group(0) for m in _LEAD_MARKED_LINE.finditer(text))
    return lists


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
def _places_with(region: str | None, local: tuple[str, ...]) -> Places:
    return Places(_places(region).names + local)

