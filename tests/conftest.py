"""Fixtures shared by every test package: paths to the demo corpus, its gold and the scorer, real stores (LadybugDB in
tmp_path; Neo4j at NEO4J_URI, which `tools/neo4j/run start` provides), and the CI rule that a missing
outside tool or server fails instead of skipping."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEMO_DIR = ROOT / "data" / "demo"
# the seeds' gold and the project's shared scorer, copied into the repository (docs/contract.md)
GOLD_DIR = ROOT / "tests" / "cases" / "seeds-gold"
SCORER = ROOT / "tools" / "score_extraction.py"


@pytest.fixture(scope="session")
def demo_dir() -> Path:
    return DEMO_DIR


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    return GOLD_DIR


@pytest.fixture(scope="session")
def scorer_path() -> Path:
    return SCORER


@pytest.fixture
def ladybug_store(tmp_path):
    """A real LadybugDB store on disk in the test's tmp folder."""
    from plankg.graph.store import open_store

    store = open_store(f"ladybug://{tmp_path / 'store.lbdb'}")
    yield store
    store.close()


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def _require_tool(available: bool, reason: str) -> None:
    """Skip a test whose outside tool is missing, except in CI (CI=true), where that is a failure:
    .ci/run installs every tool, so a skip there would hide a broken install step."""
    if available:
        return
    if _in_ci():
        pytest.fail(f"{reason} (CI installs it in .ci/run; check that step)")
    pytest.skip(reason)


@pytest.fixture
def require_tool():
    """`require_tool(available, reason)`: skip locally, fail in CI, when an outside tool is missing."""
    return _require_tool


@pytest.fixture(scope="session")
def require_tool_once():
    """The same check for session- or module-scoped fixtures."""
    return _require_tool


NEO4J_MISSING = ("needs a live Neo4j: set NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD (and NEO4J_DATABASE), "
                 "or start one with `eval \"$(tools/neo4j/run start)\"` (needs Java 17 and Maven)")


@pytest.fixture(scope="session")
def neo4j_uri() -> str:
    """The live Neo4j the `neo4j` tests run on; without NEO4J_URI they skip locally and fail in CI."""
    uri = os.environ.get("NEO4J_URI", "")
    _require_tool(bool(uri), f"this test {NEO4J_MISSING}")
    return uri


# Nodes a wipe deletes per transaction: one `MATCH (n) DETACH DELETE n` over a large graph (the
# benchmark's 95k nodes and their relationships) exceeds the server's transaction memory limit.
WIPE_CHUNK = 10_000


def _empty_neo4j(store) -> int:
    """Delete every plankg node (and its relationships) from a live Neo4j store, WIPE_CHUNK nodes
    per transaction, until none is left; returns how many were deleted. `store.run` runs each
    statement in a transaction of its own, so each chunk commits before the next starts."""
    from plankg.ontology.vocab import NodeLabel

    labels = "|".join(label.value for label in NodeLabel)
    chunk = f"MATCH (n:{labels}) WITH n LIMIT {WIPE_CHUNK} DETACH DELETE n RETURN count(*) AS n"
    deleted = 0
    while (n := store.run(chunk)[0]["n"]) > 0:
        deleted += n
    return deleted


@pytest.fixture(scope="session")
def empty_neo4j():
    """`empty_neo4j(store)`: remove plankg's nodes from a live Neo4j in transactions of WIPE_CHUNK nodes."""
    return _empty_neo4j


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """In CI a test marked `neo4j` that skips, for whatever reason, is a failure: CI starts a
    server, so the whole Neo4j half of the suite must run there."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and not hasattr(report, "wasxfail") and _in_ci() and item.get_closest_marker("neo4j"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"a Neo4j test skipped in CI (CI=true), where it must run: {reason}"


# One Cypher linter (Neo4j's language support under Node) for the whole session: a test marked
# `lints(build=f)` lints what `f()` returns, which the linter starts on as soon as the tests are
# collected, so Node works while the other tests run; what a test lints again comes from its cache.
_CYPHER_LINTER = pytest.StashKey[object]()


def pytest_collection_finish(session):
    if not any("cypher_linter" in getattr(item, "fixturenames", ()) for item in session.items):
        return
    from plankg.graph import cypher_lint

    if cypher_lint.tool_ready() is not None:
        return
    linter = cypher_lint.CypherLinter()
    session.config.stash[_CYPHER_LINTER] = linter
    builds = [mark.kwargs["build"] for item in session.items for mark in item.iter_markers("lints")]
    for build in dict.fromkeys(builds):
        linter.prefetch(build())


def pytest_sessionfinish(session):
    linter = session.config.stash.get(_CYPHER_LINTER, None)
    if linter is not None:
        linter.close()


@pytest.fixture(scope="session")
def cypher_linter(request):
    """The session's `CypherLinter`; skips locally, fails in CI, when Node or the tool is missing."""
    from plankg.graph import cypher_lint

    _require_tool(cypher_lint.tool_ready() is None, str(cypher_lint.tool_ready()))
    linter = request.config.stash.get(_CYPHER_LINTER, None)
    if linter is None:  # collected without any test that asks for it, e.g. run by name
        linter = cypher_lint.CypherLinter()
        request.config.stash[_CYPHER_LINTER] = linter
    return linter
