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


@pytest.mark.parametrize("name", sorted(load_packs()))
def test_pack_texts_need_no_translation(name):
    query = load_packs()[name]
    assert to_ladybug(query.text_for("ladybug")) == query.text_for("ladybug")
