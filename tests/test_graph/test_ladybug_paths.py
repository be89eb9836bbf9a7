"""LadybugDB picks a write path per table (COPY into empty tables, CREATE for new nodes and for
relationships of new nodes, MATCH ... SET and update-or-create otherwise) and loads several documents per
transaction: every path must leave exactly what one-document-at-a-time MERGE leaves."""
from __future__ import annotations

import gc

import pytest

from plankg.errors import StoreError
from plankg.graph.backends import ladybug as backend
from plankg.graph.backends.ladybug import store as ladybug_store
from plankg.graph.load import load_graphs
from plankg.graph.store import open_store
from plankg.ontology.vocab import NODE_PROPERTIES, REL_PROPERTIES, NodeLabel, RelType


def _dump(store) -> dict:
    """Every node and relationship with its properties, in a stable order."""
    out = {}
    for label in NodeLabel:
        props = ", ".join(f"n.{p} AS {p}" for p in NODE_PROPERTIES[label])
        out[label.value] = store.run(f"MATCH (n:{label.value}) RETURN {props} ORDER BY n.id")
    for rel in RelType:
        props = "".join(f", r.{p} AS {p}" for p in REL_PROPERTIES[rel])
        out[rel.value] = store.run(f"MATCH (a)-[r:{rel.value}]->(b) "
                                   f"RETURN a.id AS src, b.id AS dst{props} ORDER BY src, dst")
    return out


@pytest.fixture
def corpus(make_document):
    return [make_document("doc-a", "杭州市科技创新发展规划", tasks=4),
            make_document("doc-b", "杭州市数字经济发展规划", cites=("杭州市科技创新发展规划", "杭州市交通发展规划")),
            make_document("doc-c", "杭州市交通发展规划", department="杭州市交通运输局"),
            make_document("doc-d", "杭州市人才发展规划", cites=("杭州市数字经济发展规划",))]


def _typed(param: str, ptype) -> str:
    return param if ptype.value == "STRING" else f"CAST({param} AS {ptype.value})"


def _naive_load(store, graph) -> None:
    """The loader's semantics spelled out one row per statement with MERGE: the oracle."""
    if store.run("MATCH (d:Document) WHERE d.id = $id RETURN d.id AS id", {"id": graph.document_id}):
        store.delete_document(graph.document_id)
    stubs_last = sorted(graph.nodes, key=lambda n: n.label is NodeLabel.PLAN and n.document_id is None)
    for node in stubs_last:
        props = NODE_PROPERTIES[node.label]
        stub = node.label is NodeLabel.PLAN and node.document_id is None
        sets = ", ".join(f"n.{p} = coalesce(n.{p}, {_typed('$' + p, t)})" if stub
                         else f"n.{p} = coalesce({_typed('$' + p, t)}, n.{p})" for p, t in props.items() if p != "id")
        store.run(f"MERGE (n:{node.label.value} {{id: $id}}) SET {sets}", node.properties())
    for rel in graph.relationships:
        props = REL_PROPERTIES[rel.type]
        sets = ", ".join(f"e.{p} = {_typed('$' + p, t)}" for p, t in props.items())
        store.run(f"MATCH (a:{rel.source_label.value} {{id: $source}}) "
                  f"MATCH (b:{rel.target_label.value} {{id: $target}}) "
                  f"MERGE (a)-[e:{rel.type.value}]->(b) SET {sets}",
                  {"source": rel.source, "target": rel.target, **rel.properties()})


@pytest.fixture
def reference(tmp_path, corpus):
    """What loading each document twice over, one MERGE per row, leaves."""
    store = open_store(f"ladybug://{tmp_path / 'reference.lbdb'}")
    for graph in corpus + corpus:
        _naive_load(store, graph)
    dump = _dump(store)
    store.close()
    return dump


def test_the_oracle_agrees_with_load_document(tmp_path, corpus, reference):
    store = _open(tmp_path, "sequential.lbdb")
    for graph in corpus:
        store.load_document(graph)
    assert _dump(store) == reference


def _open(tmp_path, name):
    return open_store(f"ladybug://{tmp_path / name}")


def test_one_batch_into_empty_tables_equals_document_by_document(tmp_path, corpus, reference):
    store = _open(tmp_path, "batch.lbdb")
    load_graphs(store, corpus)
    assert _dump(store) == reference
    load_graphs(store, corpus)  # again, now through the non-empty paths
    assert _dump(store) == reference


def test_batches_into_non_empty_tables_equal_document_by_document(tmp_path, corpus, reference):
    store = _open(tmp_path, "mixed.lbdb")
    store.load_document(corpus[1])  # stubs of the plans doc-b cites come first
    load_graphs(store, corpus[2:])
    load_graphs(store, corpus[:2])
    assert _dump(store) == reference


def test_a_failing_batch_is_retried_per_document_and_names_the_failing_one(tmp_path, corpus, monkeypatch):
    store = _open(tmp_path, "fail.lbdb")
    store.load_document(corpus[0])
    before = _dump(store)
    calls = []
    original = backend.LadybugStore._create_relationships

    def flaky(self, rel, source, target, table):
        calls.append(rel)
        if "doc-c" in table.column("v_document_id").to_pylist():
            raise StoreError("injected failure after some writes")
        return original(self, rel, source, target, table)

    monkeypatch.setattr(backend.LadybugStore, "_create_relationships", flaky)
    with pytest.raises(StoreError, match="loading document doc-c failed, nothing of it was kept: injected"):
        load_graphs(store, corpus[1:])
    assert calls  # the failure came after writes had started
    docs = [r["id"] for r in store.run("MATCH (d:Document) RETURN d.id AS id ORDER BY id")]
    assert docs == ["doc-a", "doc-b"]  # doc-b, before the failing doc-c, is kept; doc-d never started
    assert _dump(store)["Task"] != before["Task"]
    assert not store.run("MATCH (t:Task) WHERE t.document_id = 'doc-c' RETURN t.id AS id")


def test_an_interrupted_load_keeps_nothing(tmp_path, corpus, monkeypatch):
    store = _open(tmp_path, "interrupt.lbdb")
    load_graphs(store, corpus[:2])
    before = _dump(store)

    def interrupted(self, *args):
        raise KeyboardInterrupt

    monkeypatch.setattr(backend.LadybugStore, "_upsert_relationships", interrupted)
    monkeypatch.setattr(backend.LadybugStore, "_create_relationships", interrupted)
    with pytest.raises(KeyboardInterrupt):
        store.load_document(corpus[2])
    assert _dump(store) == before


def test_relationship_upsert_updates_existing_and_creates_missing(tmp_path, corpus):
    store = _open(tmp_path, "upsert.lbdb")
    store.load_document(corpus[0])
    rows = store.run("MATCH (d:Department)-[r:RESPONSIBLE_FOR]->(t:Task) RETURN d.id AS source, t.id AS target "
                     "ORDER BY target")
    extra = store.run("MATCH (d:Department) WHERE d.name = '杭州市人民政府' RETURN d.id AS id")[0]["id"]
    changed = [{"source_label": "Department", "target_label": "Task", "document_id": "doc-a", "rule": "test.v2",
                "role": "support", **row} for row in rows]
    changed.append({**changed[0], "source": extra})
    assert store.upsert_relationships(changed, "RESPONSIBLE_FOR") == len(rows) + 1
    got = store.run("MATCH (:Department)-[r:RESPONSIBLE_FOR]->(:Task) RETURN r.rule AS rule, count(*) AS n")
    assert got == [{"rule": "test.v2", "n": len(rows) + 1}]


def test_a_store_built_by_another_ontology_version_is_refused_with_the_fix(tmp_path):
    path = tmp_path / "old.lbdb"
    store = _open(tmp_path, "old.lbdb")
    store.close()
    # simulate an older vocabulary: Section with a property the ontology no longer declares
    old = backend.LadybugStore(f"ladybug://{path}")
    old.run("ALTER TABLE Section ADD level INT64")
    old.close()
    with pytest.raises(StoreError, match=r"another version of the ontology: table Section .*Fix: delete"):
        open_store(f"ladybug://{path}")


def test_deleting_a_document_leaves_what_never_loading_it_leaves(tmp_path, corpus, monkeypatch):
    store = _open(tmp_path, "delete.lbdb")
    load_graphs(store, corpus)
    sent = []
    execute = backend.LadybugStore._execute
    monkeypatch.setattr(backend.LadybugStore, "_execute",
                        lambda self, cypher, params=None: sent.append(cypher) or execute(self, cypher, params))
    store.delete_document("doc-b")  # cited by doc-d; cites doc-a's plan and doc-c's
    # its relationships are reached from its own nodes, never by reading a relationship table whole
    assert sent and not [c for c in sent if "()-[" in c]
    without = _open(tmp_path, "without.lbdb")
    load_graphs(without, [corpus[0], corpus[2], corpus[3]])
    assert _dump(store) == _dump(without)


def test_a_first_build_writes_every_table_in_one_copy_and_records_shas(tmp_path, corpus, monkeypatch):
    store = _open(tmp_path, "first.lbdb")
    sent = []
    execute = backend.LadybugStore._execute
    monkeypatch.setattr(backend.LadybugStore, "_execute",
                        lambda self, cypher, params=None: sent.append(cypher) or execute(self, cypher, params))
    reports = load_graphs(store, corpus, sha256=lambda g: f"sha-{g.document_id}")
    assert [r.document_id for r in reports] == ["doc-a", "doc-b", "doc-c", "doc-d"]
    copies = [c.split(" FROM")[0] for c in sent if c.startswith("COPY")]
    assert len(copies) == len(set(copies))  # one COPY per table, outside any transaction
    assert "BEGIN TRANSACTION" not in sent and sent[-1] == "CALL auto_checkpoint=true"
    # the nodes are checkpointed before any relationship is copied, the rest at the end
    checkpoints = [i for i, c in enumerate(sent) if c == "CHECKPOINT"]
    node_copies = [i for i, c in enumerate(sent) if c.startswith("COPY") and "(from=" not in c]
    rel_copies = [i for i, c in enumerate(sent) if c.startswith("COPY") and "(from=" in c]
    assert len(checkpoints) == 2
    assert max(node_copies) < checkpoints[0] < min(rel_copies) < max(rel_copies) < checkpoints[1]
    assert store.run("CALL current_setting('auto_checkpoint') RETURN *") == [{"auto_checkpoint": "True"}]
    assert gc.isenabled()
    shas = store.run("MATCH (d:Document) RETURN d.id AS id, d.sha256 AS sha ORDER BY id")
    assert shas == [{"id": d, "sha": f"sha-{d}"} for d in ("doc-a", "doc-b", "doc-c", "doc-d")]
    again = load_graphs(store, corpus, sha256=lambda g: f"sha-{g.document_id}")
    assert all(r.skipped for r in again)


def test_a_failing_first_build_is_undone_then_loaded_per_document(tmp_path, corpus, monkeypatch):
    store = _open(tmp_path, "first-fail.lbdb")
    bulk = []

    def failing(original):
        def write(self, rel, source, target, table):
            documents = set(table.column("v_document_id").to_pylist())
            bulk.append(len(documents) > 1)
            if "doc-c" in documents and rel is RelType.HAS_TASK:
                raise StoreError("injected failure after some tables were copied")
            return original(self, rel, source, target, table)
        return write

    for path in ("_copy_relationships", "_create_relationships"):  # first build, then document by document
        monkeypatch.setattr(backend.LadybugStore, path, failing(getattr(backend.LadybugStore, path)))
    with pytest.raises(StoreError, match="loading document doc-c failed, nothing of it was kept: injected"):
        load_graphs(store, corpus)
    assert bulk[0]  # the first attempt copied every document's rows at once
    monkeypatch.undo()
    expected = _open(tmp_path, "expected.lbdb")
    for graph in corpus[:2]:
        expected.load_document(graph)
    assert _dump(store) == _dump(expected)  # doc-a and doc-b, nothing of doc-c, doc-d never started
    assert store.run("CALL current_setting('auto_checkpoint') RETURN *") == [{"auto_checkpoint": "True"}]
    assert gc.isenabled()


def _collector_states(monkeypatch) -> tuple[list[bool], list[str]]:
    """Whether the garbage collector was on at each statement the store sends, and every call
    that turned it off or on."""
    states: list[bool] = []
    calls: list[str] = []
    execute = backend.LadybugStore._execute

    def recorded(self, cypher, params=None):
        states.append(gc.isenabled())
        return execute(self, cypher, params)

    def spy(name: str):
        original = getattr(gc, name)
        return lambda: calls.append(name) or original()

    monkeypatch.setattr(backend.LadybugStore, "_execute", recorded)
    for name in ("disable", "enable"):
        monkeypatch.setattr(gc, name, spy(name))
    return states, calls


def test_a_library_load_leaves_the_garbage_collector_alone(tmp_path, corpus, monkeypatch):
    """The collector is the process's: a store opened as a library opens it never touches it,
    on a first build (COPY) nor on a later load (a transaction per batch)."""
    store = _open(tmp_path, "plain.lbdb")
    states, calls = _collector_states(monkeypatch)
    load_graphs(store, corpus[:2])
    load_graphs(store, corpus[2:])
    assert states and all(states) and calls == [] and gc.isenabled()


def test_pause_gc_pauses_the_collector_while_loading_and_restores_it(tmp_path, corpus, monkeypatch):
    store = open_store(f"ladybug://{tmp_path / 'paused.lbdb'}", pause_gc=True)
    states, calls = _collector_states(monkeypatch)
    load_graphs(store, corpus[:2])  # first build
    copies = [state for state in states if state is False]
    assert copies and gc.isenabled() and calls == ["disable", "enable"]
    states.clear()
    load_graphs(store, corpus[2:])  # a batch in one transaction
    assert False in states and gc.isenabled()
    # a caller that turned the collector off keeps it off
    gc.disable()
    try:
        load_graphs(store, corpus[3:])
        assert not gc.isenabled()
    finally:
        gc.enable()
    # a failing load turns it on again
    monkeypatch.setattr(backend.LadybugStore, "_create_relationships", _raises)
    with pytest.raises(StoreError, match="injected"):
        load_graphs(store, corpus[2:])
    assert gc.isenabled()


def _raises(*args, **kwargs):
    raise StoreError("injected failure")


def test_tables_merge_repeated_ids_and_pairs_like_the_rows(corpus):
    from plankg.graph import rows

    departments = [n for g in corpus for n in g.nodes if n.label is NodeLabel.DEPARTMENT]
    assert len({n.id for n in departments}) < len(departments)  # shared by several documents
    read = rows.node_rows(departments)[NodeLabel.DEPARTMENT]
    table = backend.node_table(NodeLabel.DEPARTMENT, read)
    assert [tuple(r.values()) for r in table.to_pylist()] == rows.unique_node_rows(NodeLabel.DEPARTMENT, read)
    responsible = [r for r in corpus[0].relationships if r.type is RelType.RESPONSIBLE_FOR]
    repeated = responsible + [r.model_copy(update={"role": "support", "rule": "again.v2"}) for r in responsible]
    [read_rels] = rows.relationship_rows(repeated).values()
    table = backend.relationship_table(RelType.RESPONSIBLE_FOR, read_rels)
    assert table.num_rows == len(responsible)
    assert set(table.column("v_rule").to_pylist()) == {"again.v2"}


def test_long_results_of_plain_columns_keep_every_value_and_type(tmp_path, monkeypatch):
    """From `_ARROW_ROWS` rows on, plain columns come through one Arrow table: the values, their
    Python types, nulls, lists and the column order must be what the row-by-row path returns."""
    store = open_store(f"ladybug://{tmp_path / 'g.lbdb'}")
    query = ("UNWIND range(1, $n) AS k WITH cast(k, 'INT64') AS i "
             "RETURN i, i * 0.5 AS half, 'x' + cast(i, 'STRING') AS s, [i, i + 1] AS pair, "
             "CASE WHEN i % 2 = 0 THEN NULL ELSE i END AS odd, i % 3 = 0 AS third, "
             "['a', cast(i, 'STRING')] AS tags, date('2024-01-01') AS day ORDER BY i")
    n = ladybug_store._ARROW_ROWS + 5
    arrow = store.run(query, {"n": n})
    monkeypatch.setattr(ladybug_store, "_ARROW_ROWS", 10 ** 9)  # row by row
    rows = store.run(query, {"n": n})
    assert [list(r) for r in arrow] == [list(r) for r in rows]  # column order
    assert [{k: (type(v), v) for k, v in r.items()} for r in arrow] == \
        [{k: (type(v), v) for k, v in r.items()} for r in rows]
    assert arrow[1] == {"i": 2, "half": 1.0, "s": "x2", "pair": [2, 3], "odd": None, "third": False,
                        "tags": ["a", "2"], "day": rows[0]["day"]} and len(arrow) == n
    monkeypatch.setattr(ladybug_store, "_ARROW_ROWS", 0)  # an empty result through the Arrow test
    assert store.run(query, {"n": 0}) == []
    store.close()
