"""The one contract every `GraphStore` fulfils, run on each backend by the `store` fixture."""
from __future__ import annotations

import datetime as dt

import pytest

from plankg.errors import StoreError
from plankg.graph.load import load_graphs, summarize
from plankg.graph.store import GraphStore
from plankg.ontology import model as m
from plankg.ontology.ids import content_id
from plankg.ontology.vocab import NodeLabel, RelType

PLAN_A, PLAN_B = "杭州市科技创新发展规划", "杭州市数字经济发展规划"
PLAIN = (str, int, float, bool, type(None), dt.date, dt.datetime)


def _assert_plain(value):
    if isinstance(value, dict):
        assert all(isinstance(k, str) for k in value)
        for v in value.values():
            _assert_plain(v)
    elif isinstance(value, list):
        for v in value:
            _assert_plain(v)
    else:
        assert isinstance(value, PLAIN), f"{type(value).__module__}.{type(value).__name__} is not a plain value"


def _plan(store, title):
    rows = store.run("MATCH (p:Plan) WHERE p.id = $id RETURN p.document_id AS doc, p.title AS title, "
                     "p.date AS date", {"id": content_id("Plan", title)})
    return rows[0] if rows else None


def test_is_a_graph_store_with_frozen_capabilities(store):
    assert isinstance(store, GraphStore)
    assert store.capabilities.dialect in ("ladybug", "neo4j")
    with pytest.raises(AttributeError):
        store.capabilities.dialect = "other"  # type: ignore[misc]


def test_schema_is_created_and_idempotent(store):
    store.ensure_schema()
    counts = store.counts()
    assert set(counts) == {label.value for label in NodeLabel} | {rel.value for rel in RelType}
    assert set(counts.values()) == {0}


def test_upsert_nodes_merges_and_keeps_known_values(store):
    rows = [{"id": "d1", "name": "科技局", "jurisdiction": "杭州市", "kind": None}]
    assert store.upsert_nodes(NodeLabel.DEPARTMENT, rows) == 1
    store.upsert_nodes(NodeLabel.DEPARTMENT,
                       [{"id": "d1", "name": "科技局", "jurisdiction": None, "kind": "government"}])
    got = store.run("MATCH (d:Department) RETURN d.id AS id, d.jurisdiction AS j, d.kind AS k")
    assert got == [{"id": "d1", "j": "杭州市", "k": "government"}]


def test_upsert_relationships_merges_one_per_pair(store):
    store.upsert_nodes(NodeLabel.DEPARTMENT, [{"id": "d1", "name": "科技局"}])
    store.upsert_nodes(NodeLabel.TASK, [{"id": "t1", "document_id": "doc", "ref": "1", "text": "任务", "rule": "r"}])
    row = {"source_label": "Department", "source": "d1", "target_label": "Task", "target": "t1",
           "document_id": "doc", "rule": "r", "role": "lead"}
    store.upsert_relationships([row], "RESPONSIBLE_FOR")
    store.upsert_relationships([{**row, "role": "support"}], "RESPONSIBLE_FOR")
    got = store.run("MATCH (:Department)-[r:RESPONSIBLE_FOR]->(:Task) RETURN r.role AS role, r.span_start AS s")
    assert got == [{"role": "support", "s": None}]


def test_load_document_and_idempotent_reload(store, make_document):
    a, b = make_document("doc-a", PLAN_A), make_document("doc-b", PLAN_B, cites=(PLAN_A,))
    reports = load_graphs(store, [a, b])
    assert [r.document_id for r in reports] == ["doc-a", "doc-b"]
    counts = store.counts()
    assert counts["Plan"] == 2 and counts["Department"] == 2 and counts["Platform"] == 1
    assert counts["Task"] == 6 and counts["REFERENCES"] == 1 and counts["RESPONSIBLE_FOR"] == 6
    for reload in (lambda: load_graphs(store, [a, b]), lambda: [store.load_document(g) for g in (b, a)]):
        reload()
        assert store.counts() == counts
    again = load_graphs(store, [a, b], sha256=lambda g: f"sha-{g.document_id}")
    assert all(r.skipped for r in again)
    assert summarize(again)["unchanged"]["Task"] == 6
    assert store.counts() == counts


def test_citation_stub_never_wipes_the_real_plan(store, make_document):
    store.load_document(make_document("doc-a", PLAN_A))
    store.load_document(make_document("doc-b", PLAN_B, cites=(PLAN_A,)))
    assert _plan(store, PLAN_A) == {"doc": "doc-a", "title": PLAN_A, "date": "2021-06-01"}
    # the other way round: the stub first, then the real plan fills it
    store.load_document(make_document("doc-c", "杭州市人才发展规划", cites=("杭州市交通发展规划",)))
    assert _plan(store, "杭州市交通发展规划")["doc"] is None
    store.load_document(make_document("doc-d", "杭州市交通发展规划"))
    assert _plan(store, "杭州市交通发展规划") == {"doc": "doc-d", "title": "杭州市交通发展规划", "date": "2021-06-01"}


def test_reloading_a_changed_document_replaces_only_its_facts(store, make_document):
    load_graphs(store, [make_document("doc-a", PLAN_A, tasks=3), make_document("doc-b", PLAN_B, tasks=2)])
    b_before = store.run("MATCH (t:Task) WHERE t.document_id = 'doc-b' RETURN t.id AS id, t.text AS text ORDER BY id")
    report = store.load_document(make_document("doc-a", PLAN_A, tasks=1, text_suffix="（修订）", date=None))
    assert report.replaced and report.updated["Task"] == 1
    a_tasks = store.run("MATCH (t:Task) WHERE t.document_id = 'doc-a' RETURN t.text AS text")
    assert a_tasks == [{"text": "任务0（修订）"}]
    # the new version has no date: the old one must not survive the replacement
    assert _plan(store, PLAN_A) == {"doc": "doc-a", "title": PLAN_A, "date": None}
    b_after = store.run("MATCH (t:Task) WHERE t.document_id = 'doc-b' RETURN t.id AS id, t.text AS text ORDER BY id")
    assert b_after == b_before
    assert store.counts()["RESPONSIBLE_FOR"] == 3


def test_delete_document_keeps_shared_nodes_still_used(store, make_document):
    load_graphs(store, [make_document("doc-a", PLAN_A),
                        make_document("doc-b", PLAN_B, cites=(PLAN_A,), department="杭州市经济和信息化局")])
    removed = store.delete_document("doc-a")
    assert removed > 0
    counts = store.counts()
    names = {r["name"] for r in store.run("MATCH (d:Department) RETURN d.name AS name")}
    assert names == {"杭州市经济和信息化局", "杭州市人民政府"}  # 科技局 was only doc-a's
    assert counts["Platform"] == 1 and counts["Task"] == 3 and counts["Document"] == 1
    # doc-b still cites plan A: it stays, demoted to a stub known by its title
    assert _plan(store, PLAN_A) == {"doc": None, "title": PLAN_A, "date": None}
    store.delete_document("doc-b")
    assert set(store.counts().values()) == {0}


def test_delete_document_leaves_other_documents_shared_nodes_and_stubs(store, make_document):
    traffic, talent = "杭州市交通发展规划", "杭州市人才发展规划"
    load_graphs(store, [make_document("doc-a", PLAN_A, cites=(traffic, talent)),
                        make_document("doc-b", PLAN_B, cites=(traffic,), department="杭州市经济和信息化局"),
                        make_document("doc-c", "杭州市交通运输规划", cites=(PLAN_A,))])
    before = store.run("MATCH (n:Department|Platform) RETURN n.id AS id ORDER BY id")
    store.delete_document("doc-a")
    assert _plan(store, traffic) == {"doc": None, "title": traffic, "date": None}  # doc-b still cites it
    assert _plan(store, talent) is None  # only doc-a cited it
    assert _plan(store, PLAN_A) == {"doc": None, "title": PLAN_A, "date": None}  # doc-c cites it: a stub now
    # doc-a's departments and platform are used by doc-b and doc-c too
    assert store.run("MATCH (n:Department|Platform) RETURN n.id AS id ORDER BY id") == before
    assert store.run("MATCH ()-[r]->() WHERE r.document_id = 'doc-a' RETURN count(*) AS n") == [{"n": 0}]
    assert store.counts()["REFERENCES"] == 2 and store.counts()["Task"] == 6


def test_delete_document_whose_plan_another_document_owns(store, make_document):
    # two files with one title publish one plan node, which the later one owns
    load_graphs(store, [make_document("doc-a", PLAN_A, cites=(PLAN_B,)), make_document("doc-copy", PLAN_A)])
    assert _plan(store, PLAN_A)["doc"] == "doc-copy"
    store.delete_document("doc-a")
    assert store.run("MATCH ()-[r]->() WHERE r.document_id = 'doc-a' RETURN count(*) AS n") == [{"n": 0}]
    assert _plan(store, PLAN_A)["doc"] == "doc-copy" and _plan(store, PLAN_B) is None
    store.delete_document("doc-copy")
    assert set(store.counts().values()) == {0}


def _with_dangling_relationship(graph: m.DocumentGraph) -> m.DocumentGraph:
    """The graph plus, after its valid relationships, one whose target does not exist."""
    bad = m.Relationship(type=RelType.RESPONSIBLE_FOR, source_label=NodeLabel.DEPARTMENT,
                         source=graph.nodes[2].id, target_label=NodeLabel.TASK, target="task-missing",
                         document_id=graph.document_id, rule="test.v1")
    return m.DocumentGraph(document_id=graph.document_id, nodes=graph.nodes, relationships=[*graph.relationships, bad])


def test_failure_mid_document_keeps_nothing_of_it(store, make_document):
    store.load_document(make_document("doc-a", PLAN_A))
    before = store.counts()
    with pytest.raises(StoreError, match="doc-b"):
        store.load_document(_with_dangling_relationship(make_document("doc-b", PLAN_B)))
    assert store.counts() == before
    assert store.run("MATCH (n:Task) WHERE n.document_id = 'doc-b' RETURN count(*) AS n") == [{"n": 0}]


def test_failed_replacement_keeps_the_old_version(store, make_document):
    store.load_document(make_document("doc-a", PLAN_A))
    before = store.counts()
    with pytest.raises(StoreError, match="doc-a"):
        store.load_document(_with_dangling_relationship(make_document("doc-a", PLAN_A, tasks=1)))
    assert store.counts() == before


def test_schema_violating_relationship_is_refused_whole(store, make_document):
    graph = make_document("doc-a", PLAN_A)
    task = next(n for n in graph.nodes if n.label is NodeLabel.TASK)
    # model_construct skips validation, as a buggy extractor's hand-built rows would
    bad = m.Relationship.model_construct(type=RelType.RESPONSIBLE_FOR, source_label=NodeLabel.TASK, source=task.id,
                                         target_label=NodeLabel.DEPARTMENT, target=graph.nodes[2].id,
                                         document_id="doc-a", rule="test.v1", role=None, printed_name=None,
                                         span_start=None, span_end=None)
    broken = m.DocumentGraph.model_construct(document_id="doc-a", nodes=graph.nodes,
                                             relationships=[*graph.relationships, bad])
    with pytest.raises(StoreError, match="doc-a"):
        store.load_document(broken)
    assert set(store.counts().values()) == {0}


def test_load_graphs_stops_at_the_failing_document_and_keeps_earlier_ones(store, make_document):
    graphs = [make_document("doc-a", PLAN_A), _with_dangling_relationship(make_document("doc-b", PLAN_B)),
              make_document("doc-c", "杭州市人才发展规划")]
    seen = []
    with pytest.raises(StoreError, match="doc-b"):
        load_graphs(store, graphs, progress=lambda done, total, doc: seen.append((done, total, doc)))
    docs = {r["id"] for r in store.run("MATCH (d:Document) RETURN d.id AS id")}
    assert docs == {"doc-a"}
    # a batching store reports progress after its batch commits; a failed batch reports none
    assert seen in ([], [(1, 3, "doc-a")])


def test_progress_is_reported_for_every_document(store, make_document):
    seen = []
    load_graphs(store, [make_document(f"doc-{i}", f"规划{i}") for i in range(3)],
                progress=lambda done, total, doc: seen.append((done, total, doc)))
    assert seen == [(1, 3, "doc-0"), (2, 3, "doc-1"), (3, 3, "doc-2")]


def test_nodes_inside_lists_and_maps_come_back_as_property_maps(store, make_document):
    store.load_document(make_document("doc-a", PLAN_A))
    rows = store.run("MATCH (p:Plan)-[r:ISSUED_BY]->(d:Department) "
                     "RETURN collect(d) AS departments, {plan: p.title, issuer: d.name} AS names, count(r) AS n")
    assert len(rows) == 1
    _assert_plain(rows)
    [department] = rows[0]["departments"]
    assert department["_label"] == "Department" and department["name"] == "杭州市人民政府"
    assert not any(key.startswith("_") and key != "_label" for key in department)  # no driver ids
    assert rows[0]["names"] == {"plan": PLAN_A, "issuer": "杭州市人民政府"} and rows[0]["n"] == 1


def test_results_are_plain_values(store, make_document):
    store.load_document(make_document("doc-a", PLAN_A, cites=("杭州市交通发展规划",)))
    rows = store.run("MATCH (p:Plan)-[r:ISSUED_BY]->(d:Department) RETURN p, r, d, p.issuers AS issuers")
    assert len(rows) == 1
    _assert_plain(rows)
    row = rows[0]
    assert row["p"]["_label"] == "Plan" and row["p"]["title"] == PLAN_A and row["issuers"] == ["杭州市人民政府"]
    assert row["r"]["_type"] == "ISSUED_BY" and row["r"]["printed_name"] == "市政府"
    assert row["d"] == {"_label": "Department", "id": content_id("Department", "杭州市", "杭州市人民政府"),
                        "name": "杭州市人民政府", "jurisdiction": "杭州市", "kind": None, "aliases": []}


def test_bad_cypher_is_a_store_error_that_names_the_query(store):
    with pytest.raises(StoreError) as info:
        store.run("MATCH (n:Task RETURN n")
    assert "MATCH (n:Task RETURN n" in str(info.value)


def test_load_graphs_can_keep_going_past_a_failing_document(store, make_document):
    graphs = [(make_document("doc-a", PLAN_A), "sha-doc-a"),
              (_with_dangling_relationship(make_document("doc-b", PLAN_B)), "sha-doc-b"),
              (make_document("doc-c", "杭州市人才发展规划"), "sha-doc-c")]
    errors: list[StoreError] = []
    reports = load_graphs(store, graphs, errors=errors)
    assert [r.document_id for r in reports] == ["doc-a", "doc-c"]
    assert len(errors) == 1 and "doc-b" in str(errors[0])
    assert {r["id"] for r in store.run("MATCH (d:Document) RETURN d.id AS id")} == {"doc-a", "doc-c"}
    again = load_graphs(store, [graphs[0], graphs[2]])
    assert all(r.skipped for r in again)


def test_an_unchanged_file_read_by_new_rules_is_loaded_again(store, make_document):
    """The skip on reload compares the file's sha256 and the extraction rules version: an upgraded
    extractor must replace what the old one loaded, not leave it in place."""
    sha = {"sha256": lambda g: f"sha-{g.document_id}"}
    old = make_document("doc-a", PLAN_A)
    load_graphs(store, [old], **sha)
    assert all(r.skipped for r in load_graphs(store, [old], **sha))
    new = old.model_copy(update={"nodes": [n.model_copy(update={"rule": "test.v2"}) if n.label is NodeLabel.DOCUMENT
                                           else n for n in old.nodes]})
    [report] = load_graphs(store, [new], **sha)
    assert report.replaced and not report.skipped
    assert store.run("MATCH (d:Document) RETURN d.rule AS rule, d.sha256 AS sha") == [{"rule": "test.v2",
                                                                                       "sha": "sha-doc-a"}]
    assert all(r.skipped for r in load_graphs(store, [new], **sha))
