"""Loading a Parquet facts dataset straight from its columns (issue #18: load >= 0.8x COPY): the
embedded store writes each part's Arrow columns (`LadybugStore.load_part`, via
`plankg.graph.load.load_dataset`) instead of building a model instance per row, and the store
it leaves is the one loading the same documents as models leaves: the same nodes, properties,
relationships and reports, re-loading changes nothing, and a re-ingested document replaces
exactly its own facts. Real LadybugDB stores in tmp_path; 30 synthetic documents in three parts
sharing their departments: in one batch they are copied into the empty store; one part per batch,
the second and third are appended to a filled one (`_append_tables`: COPY of their new rows, the
shared nodes merged), which a failure undoes and a killed process leaves for the next load to
complete. And for any rows, a dataset's node table is merged in Arrow as the rows' rules merge it
(hypothesis)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plankg.graph.backends.ladybug.tables import _tuples_table, dataset_node_table
from plankg.graph.facts import table_schema, write_part
from plankg.graph.load import load_dataset, load_graphs, summarize
from plankg.graph.nx import store_to_networkx
from plankg.graph.rows import unique_node_rows
from plankg.graph.store import open_store
from plankg.ontology import model as m
from plankg.ontology.vocab import NODE_PROPERTIES, NodeLabel, PropType
from tests.test_viz.conftest import corpus_graphs

DOCUMENTS, PART = 30, 10


def _items(graphs):
    return [(g, next(n.sha256 for n in g.nodes if isinstance(n, m.Document))) for g in graphs]


def _dataset(root, graphs):
    items = _items(graphs)
    for i in range(0, len(items), PART):
        write_part(root, i // PART, items[i:i + PART])
    return root


def _contents(store):
    graph = store_to_networkx(store)
    nodes = sorted((n, sorted(a.items(), key=str)) for n, a in graph.nodes(data=True))
    edges = sorted((s, t, k, sorted(a.items(), key=str)) for s, t, k, a in graph.edges(keys=True, data=True))
    return nodes, edges


@pytest.fixture
def stores(tmp_path):
    opened = []

    def make(name):
        store = open_store(f"ladybug://{tmp_path / name}")
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


def test_a_dataset_loads_from_its_columns_as_its_documents_load_as_models(tmp_path, stores, monkeypatch):
    graphs = corpus_graphs(DOCUMENTS, tasks=6)
    dataset = _dataset(tmp_path / "facts.parquet", graphs)
    by_columns, by_models = stores("columns.lbdb"), stores("models.lbdb")
    # the columns' path is the one taken: no part falls back to model instances
    fallback = []
    monkeypatch.setattr(type(by_columns), "load_documents",
                        lambda self, items, **kw: fallback.append(items) or pytest.fail("fell back to models"))
    reports = load_dataset(by_columns, dataset)
    monkeypatch.undo()
    model_reports = load_graphs(by_models, _items(graphs))
    assert not fallback and [r.document_id for r in reports] == [g.document_id for g in graphs]
    assert summarize(reports) == summarize(model_reports)
    assert by_columns.counts() == by_models.counts()
    assert _contents(by_columns) == _contents(by_models)


def _document_ids(graphs):
    return [g.document_id for g in graphs]


def test_parts_added_to_a_filled_store_are_copied_in_and_leave_what_models_leave(tmp_path, stores, monkeypatch):
    graphs = corpus_graphs(DOCUMENTS, tasks=6)
    dataset = _dataset(tmp_path / "facts.parquet", graphs)
    store = stores("columns.lbdb")
    cls = type(store)
    appended, append = [], cls._append_tables
    monkeypatch.setattr(cls, "_append_tables", lambda self, built, docs: appended.append(list(docs)) or
                        append(self, built, docs))
    monkeypatch.setattr(cls, "load_documents", lambda *a, **kw: pytest.fail("fell back to models"))
    reports = load_dataset(store, dataset, batch_rows=1)  # one part per batch
    monkeypatch.undo()
    ids = _document_ids(graphs)
    assert appended == [ids[PART:2 * PART], ids[2 * PART:]]
    assert [r.document_id for r in reports] == ids and all(r.created and not r.replaced for r in reports)
    by_models = stores("models.lbdb")
    load_graphs(by_models, _items(graphs))
    assert store.counts() == by_models.counts()
    assert _contents(store) == _contents(by_models)
    # the shas are written: loading again skips every document
    assert all(r.skipped for r in load_dataset(store, dataset, batch_rows=1))


def test_a_failed_append_is_undone_and_its_documents_load_one_by_one(tmp_path, stores, monkeypatch):
    from plankg.errors import StoreError
    from plankg.ontology.vocab import RelType

    graphs = corpus_graphs(DOCUMENTS, tasks=6)
    dataset = _dataset(tmp_path / "facts.parquet", graphs)
    store = stores("columns.lbdb")
    cls = type(store)
    copy, failed = cls._copy_relationships, []

    def failing(self, rel, source, target, table):
        # the second part's responsibilities fail after its nodes and other relationships are in
        if rel is RelType.RESPONSIBLE_FOR and self._filled and not failed and store.counts()["Document"] > PART:
            failed.append(rel)
            raise StoreError("COPY refused", where=self.url, fix="none")
        return copy(self, rel, source, target, table)

    monkeypatch.setattr(cls, "_copy_relationships", failing)
    reports = load_dataset(store, dataset, batch_rows=1)
    monkeypatch.undo()
    assert failed and [r.document_id for r in reports] == _document_ids(graphs)
    by_models = stores("models.lbdb")
    load_graphs(by_models, _items(graphs))
    assert store.counts() == by_models.counts()
    assert _contents(store) == _contents(by_models)


_KILLED_LOAD = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    from plankg.graph.backends.ladybug.store import LadybugStore
    from plankg.graph.load import load_dataset
    from plankg.graph.store import open_store

    url, dataset, statement, nth = sys.argv[1:]
    execute, seen = LadybugStore._execute, []

    def killed_after(self, cypher, params=None):
        result = execute(self, cypher, params)
        if cypher.startswith(statement):
            seen.append(cypher)
            if len(seen) == int(nth):
                os._exit(9)  # as kill -9: no close, no checkpoint
        return result

    LadybugStore._execute = killed_after
    load_dataset(open_store(url), Path(dataset), batch_rows=1)
""")

# the next load, in a process of its own too: opening a store LadybugDB cannot recover may crash it
_NEXT_LOAD = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    from plankg.graph.load import load_dataset
    from plankg.graph.store import open_store

    url, dataset = sys.argv[1:]
    with open_store(url) as store:
        kept = [row["id"] for row in store.run("MATCH (d:Document) WHERE d.sha256 IS NOT NULL RETURN d.id AS id")]
        skipped = [r.document_id for r in load_dataset(store, Path(dataset), batch_rows=1) if r.skipped]
    print(json.dumps([kept, skipped]))
""")


@pytest.mark.parametrize(("statement", "nth"), [
    ("COPY Task", 2),  # the second part's tasks copied, nothing checkpointed since the first part
    ("COPY RESPONSIBLE_FOR", 2),
    ("CHECKPOINT", 3),  # the second part checkpointed, its shas not written
    ("LOAD FROM $rows MATCH (d:Document {id: v_id}) SET", 2),  # its shas written, not checkpointed
    ("COPY Task", 3),
])
def test_a_load_killed_while_it_appends_leaves_a_store_the_next_load_completes(tmp_path, stores, statement, nth):
    graphs = corpus_graphs(DOCUMENTS, tasks=6)
    dataset = _dataset(tmp_path / "facts.parquet", graphs)
    url = f"ladybug://{tmp_path / 'store.lbdb'}"
    child = subprocess.run([sys.executable, "-c", _KILLED_LOAD, url, str(dataset), statement, str(nth)],
                           capture_output=True, text=True, timeout=300, env={**os.environ, "PYTHONFAULTHANDLER": "1"})
    assert child.returncode == 9, child.stderr
    again = subprocess.run([sys.executable, "-c", _NEXT_LOAD, url, str(dataset)], capture_output=True, text=True,
                           timeout=300, env={**os.environ, "PYTHONFAULTHANDLER": "1"})
    assert again.returncode == 0, again.stderr[-3000:]
    kept, skipped = json.loads(again.stdout)
    assert kept and set(kept) < set(_document_ids(graphs)) and sorted(skipped) == sorted(kept)
    store = stores("store.lbdb")
    by_models = stores("models.lbdb")
    load_graphs(by_models, _items(graphs))
    assert store.counts() == by_models.counts()
    assert _contents(store) == _contents(by_models)


def test_loading_a_dataset_again_changes_nothing(tmp_path, stores):
    dataset = _dataset(tmp_path / "facts.parquet", corpus_graphs(DOCUMENTS, tasks=6))
    store = stores("store.lbdb")
    load_dataset(store, dataset)
    before = _contents(store)
    again = load_dataset(store, dataset)
    assert all(r.skipped and not r.created and not r.updated for r in again) and len(again) == DOCUMENTS
    assert _contents(store) == before


def test_a_reingested_document_replaces_exactly_its_own_facts(tmp_path, stores, monkeypatch):
    graphs = corpus_graphs(DOCUMENTS, tasks=6)
    store = stores("store.lbdb")
    load_dataset(store, _dataset(tmp_path / "first", graphs))
    # document 12 edited: another sha256, its last task gone, another sentence for its first
    edited = graphs[12]
    doc = next(n for n in edited.nodes if isinstance(n, m.Document))
    tasks = [n for n in edited.nodes if isinstance(n, m.Task)]
    dropped, changed = tasks[-1], tasks[0]
    nodes = [doc.model_copy(update={"sha256": "f" * 64}) if n is doc else
             changed.model_copy(update={"text": "新的任务表述：建设创新平台。"}) if n is changed else n
             for n in edited.nodes if n is not dropped]
    rels = [r for r in edited.relationships if dropped.id not in (r.source, r.target)]
    graphs[12] = m.DocumentGraph(document_id=edited.document_id, nodes=nodes, relationships=rels)
    monkeypatch.setattr(type(store), "load_documents", lambda *a, **kw: pytest.fail("fell back to models"))
    reports = load_dataset(store, _dataset(tmp_path / "second", graphs))
    monkeypatch.undo()
    assert [r.document_id for r in reports if not r.skipped] == [edited.document_id]
    assert next(r for r in reports if not r.skipped).replaced
    fresh = stores("fresh.lbdb")
    load_graphs(fresh, _items(graphs))
    assert _contents(store) == _contents(fresh)


_ids = st.sampled_from(["n1", "n2", "n3", "n4"])  # few ids: most rows repeat one
_texts = st.sampled_from([None, "", "科技局", "财政局", "a\x1fb"])
_lists = st.one_of(st.none(), st.lists(st.sampled_from(["", "科技局", "科技局\x1f", "\x1f财政局"]), max_size=3))
_ints = st.sampled_from([None, 2021, 2025])


def _row_of(label: NodeLabel):
    fields = {"id": _ids}
    for name, ptype in list(NODE_PROPERTIES[label].items())[1:]:
        fields[name] = (_lists if ptype is PropType.STRINGS else _ints if ptype is PropType.INT
                        else st.sampled_from([None, "doc-a"]) if name == "document_id" else _texts)
    return st.fixed_dictionaries(fields)


@pytest.mark.parametrize("label", [NodeLabel.DEPARTMENT, NodeLabel.PLAN])
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_a_dataset_table_merges_repeated_ids_as_the_rows_rules_do(label, data):
    """Whatever the rows, the Arrow path of a dataset's node table (repeats that agree kept once,
    differing ones merged in Python) gives the table the rows' rules give, row for row, in order."""
    rows = data.draw(st.lists(_row_of(label), min_size=1, max_size=12))
    table = pa.Table.from_pylist([{"_document": "doc", **row} for row in rows], schema=table_schema(label.value))
    as_tuples = [tuple(row[name] for name in NODE_PROPERTIES[label]) for row in rows]
    expected = _tuples_table(unique_node_rows(label, as_tuples), NODE_PROPERTIES[label])
    assert dataset_node_table(label, table).to_pylist() == expected.to_pylist()
