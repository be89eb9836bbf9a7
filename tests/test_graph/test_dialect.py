"""Neo4j's Cypher on LadybugDB (`plankg.graph.dialect`): what people who know Neo4j write runs on
the embedded store through `plankg query --cypher`, or is refused with the rewrite named; the
packs' shared texts already speak the common subset, so the translation leaves them unchanged."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from plankg.cli import main
from plankg.errors import QueryError
from plankg.graph.dialect import to_ladybug
from plankg.queries.loader import load_packs


@pytest.fixture
def loaded_store(tmp_path, demo_dir):
    url = f"ladybug://{tmp_path / 'store.lbdb'}"
    result = CliRunner().invoke(main, ["load", str(demo_dir), "--store", url, "--quiet"])
    assert result.exit_code == 0, result.output
    return url


def _query(url: str, cypher: str) -> list[dict]:
    result = CliRunner().invoke(main, ["query", "--cypher", cypher, "--store", url, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_type_and_element_id_run_on_ladybug(loaded_store):
    rows = _query(loaded_store, "MATCH (d:Department)-[r:RESPONSIBLE_FOR]->(t:Task) "
                               "RETURN type(r) AS rel, elementId(t) AS eid, t.id AS id ORDER BY id LIMIT 3")
    assert rows and {row["rel"] for row in rows} == {"RESPONSIBLE_FOR"}
    assert all(isinstance(row["eid"], str) and row["eid"] for row in rows)
    assert len({row["eid"] for row in rows}) == len({row["id"] for row in rows})


def test_shortest_path_runs_on_ladybug(loaded_store):
    rows = _query(loaded_store, "MATCH (p:Plan)-[:HAS_SECTION]->(:Section)-[:HAS_TASK]->(t:Task) "
                               "WITH p, t ORDER BY t.id LIMIT 1 "
                               "MATCH path = shortestPath((p)-[*..4]->(t)) RETURN length(path) AS hops")
    assert rows == [{"hops": 2}]


def test_what_cannot_be_rewritten_is_refused_with_the_rewrite_named():
    with pytest.raises(QueryError) as caught:
        to_ladybug("MATCH p = shortestPath((a)-[:R]->(b)-[:S*]->(c)) RETURN p")
    assert "SHORTEST" in caught.value.fix


@pytest.mark.parametrize("cypher", [
    "MATCH (n) WHERE n.type = 'type(x)' RETURN n.`type` AS t // type(r)",
    "RETURN apoc.type(1) AS t",
])
def test_strings_comments_properties_and_other_namespaces_are_left_alone(cypher):
    assert to_ladybug(cypher) == cypher


def _query_with(url: str, cypher: str, **params: str) -> list[dict]:
    args = [a for k, v in params.items() for a in ("-p", f"{k}={v}")]
    result = CliRunner().invoke(main, ["query", "--cypher", cypher, *args, "--store", url, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_a_label_by_index_and_a_parameter_in_a_list_predicate_run_on_ladybug(loaded_store):
    """LadybugDB's labels(n) is a string, so labels(n)[0] gave '' without the rewrite, and its
    parser stops at a parameter inside any(... WHERE ...)."""
    rows = _query_with(loaded_store, "MATCH (d:Department) WHERE any(alias IN d.aliases WHERE alias CONTAINS $q) "
                                     "RETURN labels(d)[0] AS label, d.name AS name ORDER BY name", q="市科技局")
    assert rows == [{"label": "Department", "name": "杭州市科学技术局"}]
    kept = _query_with(loaded_store, "MATCH (d:Department) WHERE any(a IN d.aliases WHERE a STARTS WITH $q) "
                                     "WITH d MATCH (d)-[:RESPONSIBLE_FOR]->(t:Task) "
                                     "RETURN d.name AS name, count(t) AS tasks ORDER BY name", q="市科技")
    assert kept and kept[0]["name"] == "杭州市科学技术局" and kept[0]["tasks"] > 0


def test_a_list_predicate_parameter_outside_a_match_s_where_is_refused_with_the_rewrite():
    # an OPTIONAL MATCH's WHERE keeps unmatched rows: a WITH ... WHERE there would drop them
    with pytest.raises(QueryError) as caught:
        to_ladybug("MATCH (t:Task) OPTIONAL MATCH (d:Department)-[:RESPONSIBLE_FOR]->(t) "
                   "WHERE any(a IN d.aliases WHERE a = $q) RETURN t.id AS id, d.name AS name")
    assert "WITH *, $q AS param_q" in caught.value.fix


@pytest.mark.parametrize("name", sorted(load_packs()))
def test_pack_texts_are_translated_once(name):
    query = load_packs()[name]
    assert to_ladybug(query.text_for("ladybug")) == query.text_for("ladybug")


@pytest.mark.parametrize("name", ["find_entity", "department_load"])
def test_packs_whose_ladybug_override_the_rewrites_replace_have_none(name):
    """The store's dialect module serves these: their shared text runs on LadybugDB
    (tests/test_queries/test_packs.py checks the rows, test_cross_store.py against Neo4j)."""
    query = load_packs()[name]
    assert "ladybug" not in query.overrides
    assert query.text_for("ladybug") == to_ladybug(query.text) != query.text
