"""The `GraphStore` contract every backend fulfils, its `Capabilities`, and `open_store(url)`.

Backends are registered by URL scheme and imported lazily, so a missing driver only matters
when its scheme is used.

>>> parse_store_url("ladybug:///tmp/plankg.db")
('ladybug', '/tmp/plankg.db')
>>> parse_store_url("redis://x")  # doctest: +NORMALIZE_WHITESPACE
Traceback (most recent call last):
...
plankg.errors.StoreError: unknown store scheme 'redis' in redis://x. Fix: use one of ladybug:///PATH,
neo4j://HOST:PORT, neo4j+s://HOST:PORT, bolt://HOST:PORT, bolt+s://HOST:PORT
"""
from __future__ import annotations

import base64
import datetime as dt
import importlib
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

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
    def for_graph(cls, graph: DocumentGraph, kind: str, *, replaced: bool = False, skipped: bool = False) -> LoadReport:
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
class GraphReader(Protocol):
    """What readers of a store need (query packs, views, exports): its URL, its capabilities
    (the dialect a pack query is run in) and reads. A store opened read-only is one."""

    capabilities: Capabilities
    url: str

    def run(self, cypher: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run Cypher with parameters; rows are dicts keyed by the RETURN aliases, plain values only
        (see `plain_value`)."""


@runtime_checkable
class GraphStore(GraphReader, Protocol):
    """A store that is read and written: every backend fulfils it."""

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
        """Run Cypher with parameters; rows are dicts keyed by the RETURN aliases, plain values only
        (see `plain_value`)."""

    def check_read_only(self, cypher: str, params: Mapping[str, Any] | None = None) -> None:
        """Raise `QueryError` unless the engine takes `cypher` for one statement that only reads
        the graph: no write, no file read or written, no extension, setting or other database.
        The engine decides (its plan, or the query type it reports), not a scan of the text."""

    def holds(self, path: str | Path) -> bool:
        """Whether writing `path` would overwrite the store's own files (always False for a server)."""

    def counts(self) -> dict[str, int]:
        """Node count per label and relationship count per type."""

    def close(self) -> None: ...


def plain_value(value: Any) -> Any:
    """An engine's scalar as a JSON value, so every output format can carry every result: a
    `sum()` (an INT128, a Decimal in Python) becomes an int, a DECIMAL a float, dates and times
    ISO 8601 text, an interval its ISO 8601 duration, a UUID its text, a BLOB base64.

    >>> from decimal import Decimal
    >>> [plain_value(v) for v in (Decimal("12"), Decimal("1.50"), dt.date(2025, 1, 2),
    ...                           dt.timedelta(days=1, seconds=90))]
    [12, 1.5, '2025-01-02', 'P1DT90S']
    >>> plain_value(dt.datetime(2025, 1, 2, 3, 4, 5)), plain_value(b"\\xaa"), plain_value("文")
    ('2025-01-02T03:04:05', 'qg==', '文')
    """
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (dt.date, dt.time)):  # datetime is a date
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        sign = "-" if value < dt.timedelta(0) else ""
        value = abs(value)
        seconds = value.seconds + value.microseconds / 1_000_000
        return f"{sign}P{value.days}DT{seconds:g}S"
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, dict):
        return {str(k): plain_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [plain_value(v) for v in value]
    return str(value)


def plain_node(labels: Iterable[str], properties: Mapping[str, Any]) -> dict[str, Any]:
    """A node as a property map: `_label`, then the label's declared properties (None when unset),
    so both backends return the same shape.

    >>> plain_node(["Enterprise"], {"id": "e1", "name": "联想"})
    {'_label': 'Enterprise', 'id': 'e1', 'name': '联想', 'jurisdiction': None, 'aliases': None}
    """
    labels = list(labels)
    label = next((name for name in labels if name in NodeLabel._value2member_map_), labels[0] if labels else None)
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


def open_store(url: str | None = None, *, read_only: bool = False, create: bool = True,
               **options: Any) -> GraphStore:
    """Open the store at `url`: for writing (ensuring its schema), or with `read_only` so that
    the engine itself refuses every write (the schema is then only checked).

    `ladybug:///PATH` (or no URL: the embedded store under ./build) opens LadybugDB in a file;
    a read-only open, or one with `create=False`, never creates it: a missing store is an error
    that names the path. `neo4j://`, `neo4j+s://`, `bolt://` and `bolt+s://` reach a Neo4j
    server (read-only: every statement in a READ transaction), with `username`, `password` and
    `database` from keyword options or NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE.
    """
    url = url or default_store_url()
    scheme, rest = parse_store_url(url)
    if scheme == "ladybug" and not rest.strip("/"):
        url = default_store_url()
    module_name, class_name = BACKENDS[scheme]
    module = importlib.import_module(module_name)
    store = getattr(module, class_name)(url, read_only=read_only, create=create and not read_only, **options)
    try:
        store.ensure_schema()
    except BaseException:
        store.close()
        raise
    return store


def remove_store(url: str) -> None:
    """Delete the embedded store at `url` with every file the engine keeps beside it. A server's
    database is not deleted from here.

    >>> remove_store("bolt://localhost:7687")  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    plankg.errors.StoreError: a store on a server is not deleted by plankg [bolt://localhost:7687]. Fix: drop its
    plankg data on the server (MATCH (n) DETACH DELETE n) or use another database
    """
    scheme, rest = parse_store_url(url)
    remover = getattr(importlib.import_module(BACKENDS[scheme][0]), "remove_store", None)  # embedded backends have one
    if remover is None:
        raise StoreError("a store on a server is not deleted by plankg", where=url,
                         fix="drop its plankg data on the server (MATCH (n) DETACH DELETE n) or use another database")
    remover(Path(rest))


DOCUMENTS = "MATCH (d:Document) RETURN d.id AS id, d.name AS name, d.path AS path ORDER BY path, id"


def match_documents(documents: Iterable[Mapping[str, Any]], ref: str) -> list[dict[str, Any]]:
    """The documents (rows of `DOCUMENTS`) that `ref` names: a document id; else a source file's
    path as loaded (or the same file by another relative path); else a file name.

    >>> docs = [{"id": "document-1", "name": "通知.txt", "path": "a/通知.txt"},
    ...         {"id": "document-2", "name": "通知.txt", "path": "b/通知.txt"}]
    >>> [d["id"] for d in match_documents(docs, "b/通知.txt")], [d["id"] for d in match_documents(docs, "通知.txt")]
    (['document-2'], ['document-1', 'document-2'])
    >>> match_documents(docs, "document-1")[0]["path"]
    'a/通知.txt'
    """
    rows: list[dict[str, Any]] = [dict(d) for d in documents]
    by_id = [d for d in rows if d["id"] == ref]
    if by_id:
        return by_id
    wanted = Path(ref).expanduser()
    by_path = [d for d in rows if d["path"] and (d["path"] == ref or Path(d["path"]).resolve() == wanted.resolve())]
    if by_path:
        return by_path
    return [d for d in rows if d["name"] == wanted.name]


def find_document(store: GraphReader, ref: str) -> dict[str, Any]:
    """The one document `ref` names (see `match_documents`), as {id, name, path}."""
    found = match_documents(store.run(DOCUMENTS), ref)
    listing = "plankg query --cypher \"MATCH (d:Document) RETURN d.id AS id, d.path AS path ORDER BY path\""
    if not found:
        raise StoreError(f"no document {ref!r} in the store (by id, path or file name)", where=store.url,
                         fix=f"give a document id or the path it was loaded from; list them with: {listing}")
    if len(found) > 1:
        shown = "; ".join(f"{d['id']} ({d['path']})" for d in found[:10])
        raise StoreError(f"{len(found)} documents match {ref!r}: {shown}", where=store.url,
                         fix="give the document id of the one to remove")
    return found[0]


def check_output_path(store: GraphStore, path: str | Path, *, option: str = "--out") -> None:
    """Refuse an output path that is the store or inside it: writing there destroys the graph.

    >>> class Server:
    ...     url = "bolt://x"
    ...     def holds(self, path): return False
    >>> check_output_path(Server(), "out.graphml")
    """
    if store.holds(path):
        raise StoreError(f"the output path {path} is the graph store itself or inside it, and writing it would "
                         "destroy the store", where=store.url,
                         fix=f"give {option} a path outside the store, e.g. build/plankg.graphml")
