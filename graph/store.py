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
from typing import Any, Iterable, Mapping, Protocol, runtime_checkable

from plankg.errors import StoreError
from plankg.ontology.model import DocumentGraph
from plankg.ontology.vocab import NodeLabel

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
    max_batch_rows: int = 10_000


@dataclass
class LoadReport:
    """What one `load_document` call changed, per label: created / updated / unchanged."""

    document_id: str
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)
    replaced: bool = False  # an earlier version of the document was removed first
    skipped: bool = False  # the same content was already loaded


@runtime_checkable
class GraphStore(Protocol):
    capabilities: Capabilities
    url: str

    def ensure_schema(self) -> None: ...

    def load_document(self, graph: DocumentGraph, sha256: str | None = None) -> LoadReport:
        """Replace the document's facts with `graph`, atomically: all of it or none."""

    def delete_document(self, document_id: str) -> int:
        """Remove one document's facts (and shared nodes no other document uses); returns nodes removed."""

    def upsert_nodes(self, label: NodeLabel, rows: Iterable[Mapping[str, Any]]) -> int: ...

    def upsert_relationships(self, rows: Iterable[Mapping[str, Any]], rel_type: str) -> int: ...

    def run(self, cypher: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run Cypher with parameters; rows are dicts keyed by the RETURN aliases, plain values only."""

    def counts(self) -> dict[str, int]:
        """Node count per label and relationship count per type."""

    def close(self) -> None: ...


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
    """Open the store at `url` (default: the embedded store under ./build) and ensure its schema."""
    url = url or default_store_url()
    scheme, _ = parse_store_url(url)
    module_name, class_name = BACKENDS[scheme]
    module = importlib.import_module(module_name)
    store = getattr(module, class_name)(url, **options)
    store.ensure_schema()
    return store
