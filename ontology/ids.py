"""Content-derived ids: the same content always gets the same id, so ingesting twice merges.

A task's id comes from its document and numbering path, a department's from its jurisdiction
and canonical name, a document's from its file's bytes (`plankg.ingest.assemble.document_id`).

>>> content_id("Department", "杭州市", "杭州市科学技术局") == content_id("Department", "杭州市", " 杭州市科学技术局 ")
True
>>> content_id("Department", "杭州市", "杭州市科学技术局").startswith("department-")
True
>>> content_id("Task", "doc-1", "二.(一).1") != content_id("Task", "doc-1", "二.(一).2")
True
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

_SPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    """NFKC-fold and drop all white space: the form names are compared and hashed in.

    Idempotent: NFKC turns some characters into a space and a combining mark ("￣" is " ̄"), and
    dropping the space leaves the mark on the character before, which a second NFKC composes
    ("a￣" -> "ā"); so the fold runs again after the spaces go. That second pass adds no space:
    the text is NFKC already, only canonical composition is left to happen.

    >>> normalize("杭州市 科学技术局（滨江）")
    '杭州市科学技术局(滨江)'
    >>> normalize("a￣") == normalize(normalize("a￣")) == "ā"
    True
    """
    return unicodedata.normalize("NFKC", _SPACE.sub("", unicodedata.normalize("NFKC", text)))


def content_id(label: str, *parts: object) -> str:
    """A stable id `<label>-<16 hex>` from the label and the normalized parts.

    >>> content_id("Plan", "杭州市科技发展规划")
    'plan-0e18ae90c8f6fb0d'
    """
    key = "\x1f".join([label, *(normalize(str(p)) if p is not None else "\x00" for p in parts)])
    return f"{label.lower()}-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:16]}"
