"""Each query `plankg pack export` writes runs as-is on a live Neo4j holding the fixture corpus,
with the values of its parameter file, and returns what `plankg query` of the same pack query
returns there; the parameter file is read as `cypher-shell -P` reads it (the server evaluates the
map) and as plankg reads it (`read_param_file`), to the same values."""
from __future__ import annotations

import sys
import zipfile

import pytest

from plankg.queries.loader import bind_params, export_packs, load_packs, read_param_file, run_query

fixture_graph = sys.modules["plankg_tests_queries_fixture_graph"]
pytestmark = pytest.mark.neo4j
QUERIES = load_packs()


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> dict[str, str]:
    _, zip_path = export_packs(tmp_path_factory.mktemp("packs"))
    with zipfile.ZipFile(zip_path) as archive:
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist()}


@pytest.fixture(scope="module")
def neo4j(neo4j_uri, empty_neo4j):
    from plankg.graph.store import open_store

    store = open_store(neo4j_uri)
    empty_neo4j(store)
    fixture_graph.load_fixture(store)
    yield store
    store.close()


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_the_exported_file_runs_as_is_and_returns_what_plankg_query_returns(neo4j, exported, name):
    query = QUERIES[name]
    base = f"plankg-queries/{query.pack}/{name}"
    text = exported[f"{base}.cypher"]
    params_text = exported.get(f"{base}.params")
    params = read_param_file(params_text) if params_text else {}
    if params_text:
        # cypher-shell -P evaluates the map on the server
        assert neo4j.run(f"RETURN {params_text.strip()} AS params")[0]["params"] == params
    assert set(params) == {p.name for p in query.params}
    # the file's whole text, comments and closing semicolon included, as cypher-shell -f sends it
    assert neo4j.run(text, params) == run_query(neo4j, name, params)
    # and with the reviewed values of the fixture's cases, where the file's placeholders find nothing
    for case in fixture_graph.QUERY_CASES.get(name, []):
        values = bind_params(query, {**params, **case})  # typed as plankg query types them
        assert neo4j.run(text, values) == run_query(neo4j, name, values)
