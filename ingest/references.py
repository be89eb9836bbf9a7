"""Policies a plan cites by their titles in 《…》."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from plankg.ingest.contract import ReferenceOut
from plankg.ingest.names import first_mentions
from plankg.ontology.ids import normalize

if TYPE_CHECKING:  # structure.py is the colleague's module; only its shape is needed here
    from plankg.ingest.structure import Block, DocContext

RULE_REFERENCE = "plankg.entities.reference.title.v1"

_TITLE = re.compile(r"《([^《》]{2,120}?)》")
_TRAILING_STATUS = re.compile(r"[(（](?:征求意见稿|送审稿|草案|试行)[)）]$")


def _title_key(title: str) -> str:
    return _TRAILING_STATUS.sub("", normalize(title).strip("《》“”\""))


def find_references(text: str, blocks: list[Block], ctx: DocContext | None) -> list[ReferenceOut]:
    """Policies cited as 《…》, except the document's own title.

    >>> from plankg.ingest.structure import DocContext
    >>> refs = find_references("印发《某市行动方案》。贯彻《浙江省科学技术进步条例》。", [],
    ...                        DocContext(title="某市行动方案"))
    >>> [r.title for r in refs]
    ['浙江省科学技术进步条例']
    """
    own_title = getattr(ctx, "title", None) if ctx is not None else None
    own = _title_key(own_title) if own_title else None
    found = []
    # The whole text, not block by block: a title may wrap onto the next line.
    for start, end in ((0, len(text)),):
        for m in _TITLE.finditer(text, start, end):
            title = normalize(m.group(1))
            if not title or (own and _title_key(title) == own):
                continue
            found.append(ReferenceOut(title=title, span=(m.start(1), m.end(1))))
    return first_mentions(found, key=lambda r: _title_key(r.title))

