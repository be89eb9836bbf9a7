"""Place names a platform's name may carry: the regions gazetteer, the plan's own region, and the
towns, local governments and zones the document itself names as responsible units.

>>> places = places_for(None)
>>> places.found_in("杭州城西科创大走廊"), places.found_in("概念验证中心"), places.found_in("舞钢市产业集聚区")
(True, False, True)
"""
from __future__ import annotations

import re
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
    return Places(tuple(extra) + region_places())


_UNLISTED_PLACE = re.compile(r"(?![全本各该我城新])[\u4e00-\u9fff]{2,3}?[县市]"
                             r"(?![级域内外城场民区政委直属])(?=[\u4e00-\u9fff]{2})")


class Places:
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

