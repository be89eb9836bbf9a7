"""The same facts in both stores are the same graph and give the same answers.

The constructed fixture corpus and the demo corpus (ingested as `plankg load` ingests it) are loaded
into LadybugDB and into a live Neo4j. Both stores must then hold the same nodes and relationships,
with the same ids and properties, and every pack query must return the same rows in the same order,
with values of the same types, on both: LadybugDB runs a query's `.ladybug.cypher` override where it
has one, Neo4j its original, so each override is held to what its original returns.
"""
from __future__ import annotations

import sys

import pytest

from plankg.ontology.vocab import REL_ENDPOINTS, NodeLabel
from plankg.queries.loader import load_packs, pick_list, run_query

fixture_graph = sys.modules["plankg_tests_queries_fixture_graph"]
pytestmark = pytest.mark.neo4j
QUERIES = load_packs()
# a required parameter with a pick list is tried with this many of its values, spread over the list
PICKS = 4


def _corpus_graphs(corpus: str) -> list:
    if corpus == "fixture":
        return [(graph, None) for graph in fixture_graph.fixture_graphs()]
    from plankg.workflow import demo_corpus, read_inputs

    read = read_inputs(demo_corpus())
    assert not read.skipped, read.skipped
    return read.graphs


@pytest.fixture(scope="module", params=["fixture", "demo"])
def stores(request, tmp_path_factory, neo4j_uri, empty_neo4j):
    """(corpus, LadybugDB store, Neo4j store), both loaded with the same graphs the same way."""
    from plankg.graph.store import open_store
    from plankg.workflow import load_graphs

    graphs = _corpus_graphs(request.param)
    ladybug = open_store(f"ladybug://{tmp_path_factory.mktemp('cross-' + request.param) / 'store.lbdb'}")
    neo4j = open_store(neo4j_uri)
    empty_neo4j(neo4j)
    for store in (ladybug, neo4j):
        summary = load_graphs(store, graphs)
        assert not summary.errors, (store.url, summary.errors)
    yield request.param, ladybug, neo4j
    ladybug.close()
    neo4j.close()


def typed(rows: list[dict]) -> list[list[tuple]]:
    """Rows with each value's type beside it: 1 == 1.0 == True in Python, not in a result."""
    def one(value):
        if isinstance(value, list):
            return ["list", [one(v) for v in value]]
        if isinstance(value, dict):
            return ["map", [(k, one(v)) for k, v in value.items()]]
        return (type(value).__name__, value)

    return [[(key, one(value)) for key, value in row.items()] for row in rows]


def test_counts_are_equal(stores):
    _, ladybug, neo4j = stores
    counts = ladybug.counts()
    assert counts == neo4j.counts()
    assert counts["Task"] > 0 and counts["RESPONSIBLE_FOR"] > 0


@pytest.mark.parametrize("label", list(NodeLabel), ids=lambda label: label.value)
def test_nodes_have_the_same_ids_and_properties(stores, label):
    _, ladybug, neo4j = stores
    cypher = f"MATCH (n:{label.value}) RETURN n AS node ORDER BY n.id"
    assert typed(ladybug.run(cypher)) == typed(neo4j.run(cypher))


@pytest.mark.parametrize("rel", list(REL_ENDPOINTS), ids=lambda rel: rel.value)
def test_relationships_have_the_same_endpoints_and_properties(stores, rel):
    _, ladybug, neo4j = stores
    for source, target in REL_ENDPOINTS[rel]:
        cypher = (f"MATCH (a:{source.value})-[r:{rel.value}]->(b:{target.value}) "
                  "RETURN a.id AS source, b.id AS target, r AS rel ORDER BY source, target, r.document_id, r.rule")
        assert typed(ladybug.run(cypher)) == typed(neo4j.run(cypher)), (source.value, target.value)


def _cases(corpus: str, name: str, ladybug, neo4j) -> list[dict]:
    """The fixture's reviewed parameters; on the demo corpus, values from each required parameter's
    pick list (the same list on both stores), else its example, else the defaults."""
    if corpus == "fixture":
        return fixture_graph.QUERY_CASES.get(name, [{}])
    query = QUERIES[name]
    cases = [{}]
    for param in (p for p in query.params if p.required):
        choices = pick_list(ladybug, param) if param.choices_query else []
        if param.choices_query:
            assert choices == pick_list(neo4j, param), f"{name}: the pick list of ${param.name} differs"
        if not choices and param.example is not None:
            choices = [param.example]
        step = max(1, len(choices) // PICKS)
        picked = choices[::step][:PICKS]
        assert picked, f"{name}: no value for ${param.name} on the demo corpus"
        cases = [{**case, param.name: value} for case in cases for value in picked]
    return cases


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_every_query_returns_the_same_rows_in_the_same_order(stores, name):
    corpus, ladybug, neo4j = stores
    for params in _cases(corpus, name, ladybug, neo4j):
        on_ladybug = run_query(ladybug, name, params)
        on_neo4j = run_query(neo4j, name, params)
        assert typed(on_ladybug) == typed(on_neo4j), f"{name} {params} on the {corpus} corpus"
