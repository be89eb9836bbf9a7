"""The typed seam between stores and their readers: query packs, views and exports need only a
`GraphReader` (URL, capabilities, `run`), a read-only store is one, and the CLI reaches backends
only through `open_store` (and `remove_store`)."""
from __future__ import annotations

import ast
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from plankg.errors import StoreError
from plankg.graph.store import Capabilities, GraphReader, GraphStore, open_store, remove_store

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class OnlyReads:
    """A reader with nothing but what the protocol promises, in front of a real store."""

    store: GraphStore
    url: str = ""
    capabilities: Capabilities | None = None

    def __post_init__(self) -> None:
        self.url, self.capabilities = self.store.url, self.store.capabilities

    def run(self, cypher: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        return self.store.run(cypher, params)


@pytest.fixture
def reader(tmp_path, make_document):
    url = f"ladybug://{tmp_path / 'store.lbdb'}"
    with open_store(url) as store:
        store.load_documents([(make_document("doc-a", "杭州市科技创新规划"), "sha-a")])
    store = open_store(url, read_only=True)
    yield OnlyReads(store)
    store.close()


def test_a_read_only_store_is_a_reader_and_not_created(tmp_path):
    with pytest.raises(StoreError, match="no graph store"):
        open_store(f"ladybug://{tmp_path / 'missing.lbdb'}", read_only=True)
    assert not (tmp_path / "missing.lbdb").exists()
    url = f"ladybug://{tmp_path / 'store.lbdb'}"
    open_store(url).close()
    with open_store(url, read_only=True) as store:
        assert isinstance(store, GraphReader) and isinstance(store, GraphStore)
        with pytest.raises(StoreError, match="read-only"):
            store.run("CREATE (:Enterprise {id: 'e', name: 'x'})")


def test_packs_views_and_exports_need_only_a_reader(reader, tmp_path):
    from plankg.queries.loader import load_packs, run_query
    from plankg.viz.export import export
    from plankg.viz.views import write_views

    assert isinstance(reader, GraphReader) and not isinstance(reader, GraphStore)
    rows = run_query(reader, load_packs()["departments_by_tasks"], {})
    assert rows and all(isinstance(r, dict) for r in rows)
    assert write_views(reader, tmp_path / "views")
    assert export(reader, "graphml", tmp_path / "g.graphml").is_file()


def test_the_cli_imports_no_backend():
    tree = ast.parse((ROOT / "plankg" / "cli.py").read_text(encoding="utf-8"))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    imported |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    assert not {name for name in imported if name.startswith("plankg.graph.backends") or name in ("ladybug", "neo4j")}


def _imported(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    names |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    return {name.split(".")[0] for name in names}


def test_only_the_backends_import_a_database_driver():
    """`ladybug` and `neo4j` are imported in graph/backends/ alone; in the LadybugDB package, by
    its `opening` module alone."""
    folders = ["plankg", "ontology", "ingest", "graph", "queries", "viz"]
    importers = {path.relative_to(ROOT).as_posix() for folder in folders for path in (ROOT / folder).rglob("*.py")
                 if _imported(path) & {"ladybug", "neo4j"}}
    assert importers == {"graph/backends/ladybug/opening.py", "graph/backends/neo4j.py"}


def test_remove_store_deletes_an_embedded_store_and_refuses_a_server(tmp_path):
    url = f"ladybug://{tmp_path / 'gone.lbdb'}"
    open_store(url).close()
    remove_store(url)
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(StoreError, match="server"):
        remove_store("neo4j://localhost:7687")
