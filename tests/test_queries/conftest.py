"""Fixtures of the query-pack tests: the constructed corpus loaded once per backend.

`fixture_graph.py` is loaded by path under a unique module name: other test folders have a
module of the same name, and pytest runs with --import-mode=importlib.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
EXPECTED_DIR = HERE.parent / "cases" / "expected" / "queries"


def _load_fixture_module():
    name = "plankg_tests_queries_fixture_graph"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, HERE / "fixture_graph.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


fixture_graph = _load_fixture_module()


def _open(backend: str, folder: Path, request):
    from plankg.graph.store import open_store

    if backend == "ladybug":
        return open_store(f"ladybug://{folder / 'queries.lbdb'}")
    store = open_store(request.getfixturevalue("neo4j_uri"))
    request.getfixturevalue("empty_neo4j")(store)
    return store


@pytest.fixture(scope="module", params=["ladybug", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store(request, tmp_path_factory):
    """A real store holding the constructed corpus, shared by the tests of one module."""
    opened = _open(request.param, tmp_path_factory.mktemp(f"queries-{request.param}"), request)
    fixture_graph.load_fixture(opened)
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def packs():
    from plankg.queries.loader import load_packs

    return load_packs()
