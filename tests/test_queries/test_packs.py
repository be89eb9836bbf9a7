"""Every shipped query runs on a real store and returns exactly its reviewed expected rows."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from plankg.errors import QueryError
from plankg.queries.loader import load_packs, pick_list, run_query

# conftest.py of this folder loaded the corpus module under this name before any test module
fixture_graph = sys.modules["plankg_tests_queries_fixture_graph"]
EXPECTED_DIR = Path(__file__).resolve().parents[1] / "cases" / "expected" / "queries"
QUERY_NAMES = sorted(load_packs())


def test_there_are_enough_queries_in_every_pack():
    packs = {}
    for query in load_packs().values():
        packs.setdefault(query.pack, []).append(query.name)
    assert set(packs) == {"responsibility", "platforms", "targets", "plans", "search", "picklists"}
    assert sum(len(v) for k, v in packs.items() if k != "picklists") >= 25


def test_every_query_has_an_expected_file_and_back():
    files = {p.stem for p in EXPECTED_DIR.glob("*.json")}
    assert files == set(QUERY_NAMES)
    assert set(fixture_graph.QUERY_CASES) <= set(QUERY_NAMES)


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_query_returns_expected_rows(store, name):
    expected = json.loads((EXPECTED_DIR / f"{name}.json").read_text(encoding="utf-8"))
    assert [c["params"] for c in expected["cases"]] == fixture_graph.QUERY_CASES.get(name, [{}])
    for case in expected["cases"]:
        rows = run_query(store, name, case["params"])
        assert rows == case["rows"], f"{name} {case['params']}"
        assert all(not isinstance(v, dict) or "_label" not in v for row in rows for v in row.values()), \
            "a query returned a node object"



@pytest.mark.parametrize("store", ["ladybug"], indirect=True)  # the Arrow path is LadybugDB's
@pytest.mark.parametrize("name", QUERY_NAMES)
def test_every_query_gives_the_same_rows_through_arrow_and_row_by_row(store, name, monkeypatch):
    """LadybugDB hands long results of plain columns over as one Arrow table; forced for every
    query's every case, it must return what the row-by-row path returns, types included."""
    from plankg.graph.backends.ladybug import store as backend

    def typed(rows):
        return [[(key, type(value).__name__, value) for key, value in row.items()] for row in rows]

    for params in fixture_graph.QUERY_CASES.get(name, [{}]):
        monkeypatch.setattr(backend, "_ARROW_ROWS", 0)
        arrow = run_query(store, name, params)
        monkeypatch.setattr(backend, "_ARROW_ROWS", 10 ** 9)
        assert typed(arrow) == typed(run_query(store, name, params)), f"{name} {params}"

def test_the_2024_work_plan_is_led_by_the_science_bureau(store):
    rows = run_query(store, "departments_by_tasks", {"plan": "2024"})
    assert rows[0]["department"] == "杭州市科学技术局"
    assert {r["plans"] for r in rows} == {1}


def test_department_matches_abbreviation_canonical_name_and_fragment(store):
    by_abbreviation = run_query(store, "department_tasks", {"department": "市科技局"})
    by_name = run_query(store, "department_tasks", {"department": "杭州市科学技术局"})
    assert by_abbreviation == by_name
    assert {r["printed_name"] for r in by_name} == {"市科技局", "杭州市科学技术局"}


def test_missing_required_param_lists_choices_from_the_pick_list(store):
    with pytest.raises(QueryError) as info:
        run_query(store, "department_tasks", {})
    message = str(info.value)
    assert "$department" in message and "杭州市科学技术局" in message and "杭州市财政局" in message


def test_unknown_param_and_bad_type_are_refused(store):
    with pytest.raises(QueryError, match=r"no parameter\(s\) \$colour.*use \$plan"):
        run_query(store, "departments_by_tasks", {"colour": "red"})
    with pytest.raises(QueryError, match="needs an int"):
        run_query(store, "targets_due", {"year": "明年"})
    with pytest.raises(QueryError, match="unknown query"):
        run_query(store, "departments_by_task", {})


def test_pick_lists_feed_params(store):
    packs = load_packs()
    assert pick_list(store, packs["targets_due"].param("year")) == [2024, 2025]
    plans = pick_list(store, packs["plan_targets"].param("plan"))
    assert fixture_graph.CITY_WORK_PLAN in plans and fixture_graph.PROVINCE_PLAN not in plans
    assert pick_list(store, packs["co_responsible_pairs"].param("min_tasks")) == []


# what each engine's EXPLAIN calls a cross product
CROSS_PRODUCT = {"ladybug": "CROSS_PRODUCT", "neo4j": "CartesianProduct"}


def _operators(store, name: str, params: dict) -> set[str]:
    """The operator names of the plan the store's engine makes for a query's text in its dialect."""
    from plankg.queries.loader import bind_params

    query = load_packs()[name]
    dialect = store.capabilities.dialect
    text, bound = "EXPLAIN " + query.text_for(dialect), bind_params(query, params)
    if dialect == "neo4j":
        from plankg.graph.backends.neo4j import plan_operators

        summary = store._read(lambda tx: tx.run(text, bound).consume())
        return set(plan_operators(summary.plan))
    plan = store.run(text, bound)[0]
    return set(re.findall(r"([A-Z_]{4,})\[\d+\]", next(iter(plan.values()))))


@pytest.mark.parametrize("name", [q.name for q in load_packs().values() if any(p.required for p in q.params)])
def test_seeded_queries_plan_without_cross_products(store, name):
    params = fixture_graph.QUERY_CASES[name][0]
    operators = _operators(store, name, params)
    assert operators, "EXPLAIN returned no plan"
    assert CROSS_PRODUCT[store.capabilities.dialect] not in operators, sorted(operators)


def _neo4j_texts() -> list[dict]:
    """Each query's text for Neo4j, with a value of its type for every parameter."""
    samples = {"string": "x", "int": 2025, "float": 1.0, "bool": True}
    return [{"name": q.name, "query": q.text_for("neo4j"),
             "parameters": {p.name: samples[p.type] if p.required else p.default for p in q.params}}
            for q in load_packs().values()]


@pytest.mark.lints(build=_neo4j_texts)
def test_neo4j_texts_pass_neo4j_linter_strictly_with_their_params(cypher_linter):
    """Neo4j's parser and semantic checker, warnings included, on the text each Neo4j store runs."""
    diagnostics = cypher_linter.lint(_neo4j_texts(), strict=True)
    assert not diagnostics, "\n".join(map(str, diagnostics))
