"""Loading into a live Neo4j: schema first, re-loads that change nothing, a replaced document that
replaces exactly its facts, and a `plankg load` killed with SIGKILL inside its write transaction
that leaves no part of the documents it was writing and is completed by the next load.

The demo corpus is loaded as `plankg load data/demo --store bolt://...` loads it.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest

from plankg.ontology.vocab import NodeLabel, RelType

pytestmark = pytest.mark.neo4j
LABELS = "|".join(label.value for label in NodeLabel)


def dump(store) -> tuple[list, list]:
    """Every plankg node (labels and properties) and relationship (type, endpoints' ids and
    properties), in a fixed order: two equal dumps are the same graph."""
    nodes = store.run(f"MATCH (n:{LABELS}) RETURN labels(n) AS labels, properties(n) AS props ORDER BY n.id")
    rels = store.run(f"MATCH (a:{LABELS})-[r]->(b:{LABELS}) RETURN type(r) AS type, a.id AS source, b.id AS target, "
                     "properties(r) AS props ORDER BY type, source, target, r.document_id")
    return nodes, rels


def facts_of(store, document_id: str) -> tuple[int, int]:
    """How many nodes and relationships the store holds that `document_id` owns."""
    nodes = store.run(f"MATCH (n:{LABELS}) WHERE n.document_id = $doc RETURN count(n) AS n", {"doc": document_id})
    rels = store.run("MATCH ()-[r]->() WHERE r.document_id = $doc RETURN count(r) AS n", {"doc": document_id})
    return nodes[0]["n"], rels[0]["n"]


def expected_facts(graph) -> tuple[int, int]:
    owned = {(node.label, node.id) for node in graph.nodes if getattr(node, "document_id", None) == graph.document_id}
    pairs = {(r.type, r.source, r.target) for r in graph.relationships}
    return len(owned), len(pairs)


@pytest.fixture(scope="module")
def demo_graphs(demo_dir):
    from plankg.workflow import read_inputs

    read = read_inputs(sorted(demo_dir.glob("*.txt")))
    assert not read.skipped and len(read.graphs) == 5
    return read.graphs


@pytest.fixture
def neo4j(neo4j_uri, empty_neo4j):
    from plankg.graph.store import open_store

    store = open_store(neo4j_uri)
    empty_neo4j(store)
    yield store
    store.close()


def _plankg_load(paths, uri: str, *, pause_in_transaction: int | None = None) -> subprocess.Popen:
    """`plankg load PATHS --store URI` in a child process. With `pause_in_transaction=k` the child
    stops inside its k-th write transaction (nodes sent, relationships not yet, nothing
    committed) and prints PAUSED, so the test can kill it there."""
    pause = ""
    if pause_in_transaction is not None:
        pause = textwrap.dedent(f"""
            import sys, time
            from plankg.graph.backends import neo4j as backend
            merge, seen = backend.Neo4jStore._merge_relationships, []
            def paused(self, tx, *args):
                if not any(t is tx for t in seen):  # a new document's transaction
                    seen.append(tx)
                    if len(seen) == {pause_in_transaction}:
                        print("PAUSED", flush=True)
                        time.sleep(600)
                return merge(self, tx, *args)
            backend.Neo4jStore._merge_relationships = paused
        """)
    code = pause + "\nfrom plankg.cli import main\nmain()"
    return subprocess.Popen([sys.executable, "-c", code, "load", *map(str, paths), "--store", uri, "--quiet"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=os.environ.copy())


def test_constraints_and_indexes_come_before_any_data(neo4j):
    """Opening a store for writing creates every id constraint and index, online, on an empty graph."""
    from plankg.graph.schema import neo4j_ddl

    assert sum(neo4j.counts().values()) == 0
    constraints = {row["name"] for row in neo4j.run("SHOW CONSTRAINTS YIELD name RETURN name")}
    assert {f"plankg_{label.value.lower()}_id" for label in NodeLabel} <= constraints
    indexes = {row["name"]: row["state"] for row in neo4j.run("SHOW INDEXES YIELD name, state RETURN name, state")}
    made = [s.split()[s.split().index("INDEX") + 1] for s in neo4j_ddl() if s.startswith("CREATE") and "INDEX" in s]
    assert made and all(indexes.get(name) == "ONLINE" for name in made), {n: indexes.get(n) for n in made}


def test_reloading_the_demo_corpus_changes_nothing(neo4j, demo_graphs):
    from plankg.workflow import load_graphs

    load_graphs(neo4j, demo_graphs)
    before = dump(neo4j)
    # written again, not skipped: the same facts merge into themselves
    load_graphs(neo4j, [(graph, None) for graph, _ in demo_graphs])
    assert dump(neo4j) == before
    load_graphs(neo4j, demo_graphs)  # skipped as loaded already
    assert dump(neo4j) == before


def test_replacing_one_document_replaces_exactly_its_facts(neo4j, demo_graphs):
    from plankg.workflow import load_graphs

    load_graphs(neo4j, demo_graphs)
    before = dump(neo4j)
    graph, _ = demo_graphs[2]
    doc = graph.document_id
    tasks = {node.id for node in graph.nodes if node.label is NodeLabel.TASK}
    dropped = sorted(tasks)[: len(tasks) // 2]
    smaller = graph.model_copy(update={
        "nodes": [node for node in graph.nodes if node.id not in dropped],
        "relationships": [r for r in graph.relationships if r.source not in dropped and r.target not in dropped]})
    report = neo4j.load_document(smaller)
    assert report.replaced
    assert facts_of(neo4j, doc) == expected_facts(smaller)
    nodes, rels = dump(neo4j)
    assert not {row["props"]["id"] for row in nodes} & set(dropped)
    # every other document's facts are untouched
    others = [row for row in before[1] if row["props"].get("document_id") != doc]
    assert [row for row in rels if row["props"].get("document_id") != doc] == others
    assert ([row for row in nodes if row["props"].get("document_id") not in (doc, None)]
            == [row for row in before[0] if row["props"].get("document_id") not in (doc, None)])
    neo4j.load_document(graph)
    assert dump(neo4j) == before


def test_a_load_killed_inside_its_transaction_leaves_none_of_it_and_the_next_load_completes(
        neo4j, neo4j_uri, demo_dir, demo_graphs, empty_neo4j):
    files = sorted(demo_dir.glob("*.txt"))
    uninterrupted = _plankg_load(files, neo4j_uri)
    assert uninterrupted.wait(timeout=600) == 0, uninterrupted.stderr.read()
    reference, reference_counts = dump(neo4j), neo4j.counts()
    empty_neo4j(neo4j)

    # two documents in, then a load of all five killed while it writes the other three
    first = _plankg_load(files[:2], neo4j_uri)
    assert first.wait(timeout=600) == 0, first.stderr.read()
    kept = dump(neo4j)
    child = _plankg_load(files, neo4j_uri, pause_in_transaction=1)
    try:
        line = child.stdout.readline()
        assert line.strip() == "PAUSED", (line, child.stderr.read() if child.poll() is not None else "")
        os.kill(child.pid, signal.SIGKILL)
        assert child.wait(timeout=60) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
    # the server rolls back the dead client's transaction: the two documents whole, the others absent
    expected = {graph.document_id: expected_facts(graph) for graph, _ in demo_graphs}
    loaded = [row["id"] for row in neo4j.run("MATCH (d:Document) RETURN d.id AS id ORDER BY id")]
    assert len(loaded) == 2
    for doc, facts in expected.items():
        assert facts_of(neo4j, doc) == (facts if doc in loaded else (0, 0)), doc
    assert dump(neo4j) == kept

    again = _plankg_load(files, neo4j_uri)
    assert again.wait(timeout=600) == 0, again.stderr.read()
    assert neo4j.counts() == reference_counts
    assert dump(neo4j) == reference
    assert reference_counts[RelType.RESPONSIBLE_FOR.value] > 0


def test_a_document_node_that_exists_before_its_load_is_merged_not_duplicated(neo4j, demo_graphs):
    """The loader creates a new document's own nodes without looking them up first; when one
    exists after all (written through upsert_nodes), the batch is written again merging by id,
    and ends the same as a load into an empty graph."""
    from plankg.workflow import load_graphs

    load_graphs(neo4j, demo_graphs)
    reference = dump(neo4j)
    graph, _ = demo_graphs[1]
    task = next(node for node in graph.nodes if node.label is NodeLabel.TASK)
    for document in demo_graphs:
        neo4j.delete_document(document[0].document_id)
    neo4j.upsert_nodes(NodeLabel.TASK, [{"id": task.id, "document_id": graph.document_id}])
    load_graphs(neo4j, demo_graphs)
    assert dump(neo4j) == reference


def test_a_load_in_several_pipelined_transactions_ends_as_a_load_in_one(neo4j, demo_graphs, empty_neo4j,
                                                                        monkeypatch):
    """With transactions of a few rows, the demo corpus is written as several transactions, each
    run while the one before commits (Neo4jStore._write_pipelined); the graph is the same as one
    transaction's, and a document that fails in the middle is named while the others are kept."""
    from plankg.errors import StoreError
    from plankg.graph.backends import neo4j as backend
    from plankg.graph.load import load_graphs as load_documents
    from plankg.workflow import load_graphs

    load_graphs(neo4j, demo_graphs)
    reference = dump(neo4j)
    empty_neo4j(neo4j)
    smallest = min(len(g.nodes) + len(g.relationships) for g, _ in demo_graphs)
    monkeypatch.setattr(backend, "STATEMENT_ROWS", smallest)  # about one document per transaction
    pipelined, write = [], backend.Neo4jStore._write_pipelined

    def counted(self, batches):
        pipelined.append(len(batches))
        return write(self, batches)

    monkeypatch.setattr(backend.Neo4jStore, "_write_pipelined", counted)
    load_graphs(neo4j, demo_graphs)
    assert pipelined and pipelined[0] >= 3
    assert dump(neo4j) == reference

    empty_neo4j(neo4j)
    graph, _ = demo_graphs[2]
    broken = graph.model_copy(update={"relationships": [*graph.relationships, graph.relationships[0].model_copy(
        update={"target": "task-that-does-not-exist"})]})
    graphs = [*demo_graphs[:2], (broken, None), *demo_graphs[3:]]
    errors: list[StoreError] = []
    load_documents(neo4j, graphs, errors=errors)
    assert len(errors) == 1 and graph.document_id in str(errors[0])
    loaded = {row["id"] for row in neo4j.run("MATCH (d:Document) RETURN d.id AS id")}
    assert loaded == {g.document_id for g, _ in demo_graphs} - {graph.document_id}
    assert facts_of(neo4j, graph.document_id) == (0, 0)

