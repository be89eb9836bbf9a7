"""Policies a plan cites by their titles in 《…》."""
from __future__ import annotations

import re

from plankg.ingest.contract import ReferenceOut
from plankg.ingest.names import first_mentions
from plankg.ontology.ids import normalize

RULE_REFERENCE = "plankg.entities.reference.title.v1"

_TITLE = re.compile(r"《([^《》]{2,120}?)》")
_TRAILING_STATUS = re.compile(r"[(（](?:征求意见稿|送审稿|草案|试行)[)）]$")


def _title_key(title: str) -> str:
    return _TRAILING_STATUS.sub("", normalize(title).strip("《》“”\""))


def cited_references(text: str, own_title: str | None) -> list[ReferenceOut]:
    """Policies cited as 《…》, except the document's own title (`own_title`).

    >>> refs = cited_references("印发《某市行动方案》。贯彻《浙江省科学技术进步条例》。", "某市行动方案")
    >>> [r.title for r in refs]
    ['浙江省科学技术进步条例']
    """
    own = _title_key(own_title) if own_title else None
    found = []
    # The whole text, not block by block: a title may wrap onto the next line.
    for m in _TITLE.finditer(text):
        title = normalize(m.group(1))
        if not title or (own and _title_key(title) == own):
            continue
        found.append(ReferenceOut(title=title, span=(m.start(1), m.end(1))))
    return first_mentions(found, key=lambda r: _title_key(r.title))
