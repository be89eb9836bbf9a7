"""The `GraphStore` contract every backend fulfils, its `Capabilities`, and `open_store(url)`.

Backends are registered by URL scheme and imported lazily, so a missing driver only matters
when its scheme is used.

>>> parse_store_url("ladybug:///tmp/plankg.db")
('ladybug', '/tmp/plankg.db')
>>> parse_store_url("redis://x")
Traceback (most recent call last):
...
plankg.errors.StoreError: unknown store scheme 'redis' in redis://x. Fix: use one of ladybug:///PATH, neo4j://HOST:PORT, neo4j+s://HOST:PORT, bolt://HOST:PORT, bolt+s://HOST:PORT
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping, Protocol, Sequence, runtime_checkable

from plankg.errors import StoreError
from plankg.ontology.model import DocumentGraph
from plankg.ontology.vocab import NODE_PROPERTIES, REL_PROPERTIES, NodeLabel, RelType

DEFAULT_STORE_PATH = Path("build") / "plankg.lbdb"

# scheme -> (module in plankg.graph.backends, class name)
BACKENDS: dict[str, tuple[str, str]] = {
    "ladybug": ("plankg.graph.backends.ladybug", "LadybugStore"),
    "neo4j": ("plankg.graph.backends.neo4j", "Neo4jStore"),
    "neo4j+s": ("plankg.graph.backends.neo4j", "Neo4jStore"),
    "neo4j+ssc": ("plankg.graph.backends.neo4j", "Neo4jStore"),
    "bolt": ("plankg.graph.backends.neo4j", "Neo4jStore"),
    "bolt+s": ("plankg.graph.backends.neo4j", "Neo4jStore"),
}
_SHOWN = "ladybug:///PATH, neo4j://HOST:PORT, neo4j+s://HOST:PORT, bolt://HOST:PORT, bolt+s://HOST:PORT"


@dataclass(frozen=True)
class Capabilities:
    """What differs between backends, as data (never isinstance checks)."""

    name: str
    dialect: str  # "ladybug" or "neo4j": picks a query's dialect override, if it has one
    transactions: bool = True
    bulk_copy: bool = False  # COPY FROM / LOAD FROM fast paths
    list_properties: bool = True
    max_batch_rows: int = 10_000  # rows per write statement; per load batch where batch_documents
    # several documents may share one transaction (each still all-or-nothing: a failed batch is
    # retried one document per transaction); otherwise every document gets its own transaction
    batch_documents: bool = False


_REPORT_KINDS = ("created", "updated", "unchanged")


@dataclass
class LoadReport:
    """What one `load_document` call changed, per label: created / updated / unchanged.

    A new document's nodes count as created, a replaced document's as updated, and a document
    skipped because the same content (sha256) is loaded already as unchanged.

    >>> from plankg.ontology.model import DocumentGraph, Enterprise
    >>> g = DocumentGraph(document_id="d", nodes=[Enterprise(id="e", name="联想")], relationships=[])
    >>> LoadReport.for_graph(g, "created").created
    {'Enterprise': 1}
    """

    document_id: str
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)
    replaced: bool = False  # an earlier version of the document was removed first
    skipped: bool = False  # the same content was already loaded

    @classmethod
    def for_graph(cls, graph: DocumentGraph, kind: str, *, replaced: bool = False, skipped: bool = False) -> "LoadReport":
        """A report counting every node of `graph` under `kind` (created, updated or unchanged)."""
        if kind not in _REPORT_KINDS:
            raise StoreError(f"unknown load report kind {kind!r}", fix=f"use one of {', '.join(_REPORT_KINDS)}")
        report = cls(document_id=graph.document_id, replaced=replaced, skipped=skipped)
        counts: dict[NodeLabel, int] = {}
        for node in graph.nodes:
            counts[node.label] = counts.get(node.label, 0) + 1
        getattr(report, kind).update({label.value: n for label, n in counts.items()})
        return report


# The version of each loaded document, in Cypher both stores read; `loaded_versions` keys its rows.
LOADED_VERSIONS = "MATCH (d:Document) WHERE d.id IN $ids RETURN d.id AS id, d.sha256 AS sha, d.rule AS rule"


def loaded_versions(rows: Iterable[Mapping[str, Any]]) -> dict[str, tuple[str | None, str | None]]:
    """`LOADED_VERSIONS` rows as document id -> (sha256, extraction rules version)."""
    return {r["id"]: (r["sha"], r["rule"]) for r in rows}


def is_loaded(graph: DocumentGraph, sha256: str | None, loaded: Mapping[str, tuple[str | None, str | None]]) -> bool:
    """Whether `graph` is in the store already: the same file (`sha256`, given by the caller) read
    by the same extraction rules (its Document node's `rule`). New rules over an unchanged file
    load again; without a sha256 a document always loads.

    >>> from plankg.ontology.model import Document, DocumentGraph
    >>> doc = Document(id="d", document_id="d", name="a.txt", path="a.txt", sha256="f00", chars=3, rule="rules.v3")
    >>> g = DocumentGraph(document_id="d", nodes=[doc], relationships=[])
    >>> is_loaded(g, "f00", {"d": ("f00", "rules.v3")}), is_loaded(g, "f00", {"d": ("f00", "rules.v2")})
    (True, False)
    """
    if sha256 is None:
        return False
    rule = next((getattr(n, "rule", None) for n in graph.nodes if n.label is NodeLabel.DOCUMENT), None)
    return loaded.get(graph.document_id) == (sha256, rule)


@runtime_checkable
class GraphStore(Protocol):
    capabilities: Capabilities
    url: str

    def ensure_schema(self) -> None:
        """Create what the ontology needs (tables, or constraints before indexes); safe to repeat."""

    def load_document(self, graph: DocumentGraph, sha256: str | None = None) -> LoadReport:
        """Replace the document's facts with `graph`, atomically: all of it or none.
        With `sha256` equal to the loaded version's, read by the same extraction rules (see
        `is_loaded`), nothing is written and the report says skipped."""

    def load_documents(self, items: Sequence[tuple[DocumentGraph, str | None]], *,
                       errors: list[StoreError] | None = None) -> list[LoadReport]:
        """`load_document` for each (graph, sha256) in order, reports of the loaded ones in order.
        A failure, which names the document, is raised with every earlier document kept; or, given
        an `errors` list, appended to it while the other documents still load."""

    def delete_document(self, document_id: str) -> int:
        """Remove one document's facts (and shared nodes no other document uses); returns nodes removed."""

    def upsert_nodes(self, label: NodeLabel, rows: Iterable[Mapping[str, Any]]) -> int:
        """MERGE nodes by id, in batches; null properties never overwrite known ones."""

    def upsert_relationships(self, rows: Iterable[Mapping[str, Any]], rel_type: str) -> int:
        """MERGE relationships given as rows with source_label, source, target_label, target and properties."""

    def run(self, cypher: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run Cypher with parameters; rows are dicts keyed by the RETURN aliases, plain values only."""

    def counts(self) -> dict[str, int]:
        """Node count per label and relationship count per type."""

    def close(self) -> None: ...


def plain_node(labels: Iterable[str], properties: Mapping[str, Any]) -> dict[str, Any]:
    """A node as a property map: `_label`, then the label's declared properties (None when unset),
    so both backends return the same shape.

    >>> plain_node(["Enterprise"], {"id": "e1", "name": "联想"})
    {'_label': 'Enterprise', 'id': 'e1', 'name': '联想'}
    """
    labels = list(labels)
    label = next((l for l in labels if l in NodeLabel._value2member_map_), labels[0] if labels else None)
    declared = NODE_PROPERTIES.get(NodeLabel(label)) if label in NodeLabel._value2member_map_ else None
    keys = list(declared) if declared is not None else sorted(properties)
    return {"_label": label, **{k: properties.get(k) for k in keys}}


def plain_relationship(rel_type: str, properties: Mapping[str, Any]) -> dict[str, Any]:
    """A relationship as a property map: `_type`, then the type's declared properties.

    >>> plain_relationship("BUILT_BY", {"document_id": "d", "rule": "r.v1"})
    {'_type': 'BUILT_BY', 'document_id': 'd', 'rule': 'r.v1', 'printed_name': None}
    """
    declared = REL_PROPERTIES.get(RelType(rel_type)) if rel_type in RelType._value2member_map_ else None
    keys = list(declared) if declared is not None else sorted(properties)
    return {"_type": rel_type, **{k: properties.get(k) for k in keys}}


def parse_store_url(url: str) -> tuple[str, str]:
    """Split a store URL into (scheme, rest); rest is a path for ladybug, host[:port] otherwise."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        raise StoreError(f"store URL {url!r} has no scheme", fix=f"use one of {_SHOWN}")
    if scheme not in BACKENDS:
        raise StoreError(f"unknown store scheme {scheme!r} in {url}", fix=f"use one of {_SHOWN}")
    return scheme, rest


def default_store_url(root: Path | None = None) -> str:
    return f"ladybug://{((root or Path.cwd()) / DEFAULT_STORE_PATH).resolve()}"


def open_store(url: str | None = None, **options: Any) -> GraphStore:
    """Open the store at `url` and ensure its schema.

    `ladybug:///PATH` (or no URL: the embedded store under ./build) opens LadybugDB in a folder;
    `neo4j://`, `neo4j+s://`, `bolt://` and `bolt+s://` reach a Neo4j server, with `username`,
    `password` and `database` from keyword options or NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE.
    """
    url = url or default_store_url()
    scheme, rest = parse_store_url(url)
    if scheme == "ladybug" and not rest.strip("/"):
        url = default_store_url()
    module_name, class_name = BACKENDS[scheme]
    module = importlib.import_module(module_name)
    store = getattr(module, class_name)(url, **options)
    try:
        store.ensure_schema()
    except BaseException:
        store.close()
        raise
    return store
