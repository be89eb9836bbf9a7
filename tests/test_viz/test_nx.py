"""The store reads back into networkx whole, and per document."""
from __future__ import annotations

import pytest

from plankg.graph.nx import read_queries, rows_to_networkx, store_to_networkx
from plankg.ontology.vocab import NodeLabel, RelType


def test_store_to_networkx_reads_every_node_and_relationship(viz_store, hostile):
    graph = store_to_networkx(viz_store)
    counts = viz_store.counts()
    assert graph.number_of_nodes() == sum(counts[label.value] for label in NodeLabel)
    assert graph.number_of_edges() == sum(counts[rel.value] for rel in RelType)
    names = {attrs["name"] for _, attrs in graph.nodes(data=True)}
    assert hostile in names and "研发投入强度 ≥3.5% (2025)" in names
    plan = next(a for _, a in graph.nodes(data=True) if a.get("title") == "杭州市数字经济发展规划")
    assert plan["issuers"] == ["杭州市发展和改革委员会", "杭州市人民政府"]
    assert set(graph.graph["documents"].values()) == {"001_科技.txt", "002_数字.txt"}


def test_document_filter_keeps_that_documents_facts_and_the_shared_nodes_they_reach(viz_store, graphs):
    second = graphs[1]
    graph = store_to_networkx(viz_store, document_ids=[second.document_id])
    assert {n.id for n in second.nodes} == set(graph.nodes)
    assert graph.number_of_edges() == len(second.relationships)


def test_rows_to_networkx_merges_equal_values_of_one_type():
    rows = [{"department_a": "甲", "department_b": "乙", "shared_tasks": 2},
            {"department_a": "乙", "department_b": "丙", "shared_tasks": 1}]
    graph = rows_to_networkx(rows, source="department_a", target="department_b", weight="shared_tasks")
    assert graph.number_of_nodes() == 3
    assert {a["label"] for _, a in graph.nodes(data=True)} == {"Department"}


def _read_queries() -> list[dict]:
    queries = []
    for by_document in (False, True):
        nodes, edges = read_queries(by_document=by_document)
        queries += [{"name": f"{name}-{i}-{by_document}", "query": q} for i, (name, q) in enumerate(nodes + edges)]
    return queries


@pytest.mark.lints(build=_read_queries)
def test_read_queries_pass_neo4js_own_parser(cypher_linter):
    errors = [d for d in cypher_linter.lint(_read_queries()) if d.severity == "error"]
    assert not errors, errors
