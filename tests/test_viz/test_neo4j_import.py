"""`plankg export --format csv-neo4j` imported with Neo4j's own importer (`neo4j-admin database
import full`, run from the Maven jars by `tools/neo4j/run import`, which runs the command IMPORT.txt
documents) into a fresh database holds the graph a `plankg load` of the same facts puts in Neo4j:
the same nodes per label and relationships per type, with the same ids and properties.

The facts are the demo corpus and one real plan whose task texts span lines (table cells), so the
import also reads fields holding line breaks.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from plankg.ontology.vocab import REL_ENDPOINTS, NodeLabel
from plankg.viz.export import file_name

pytestmark = pytest.mark.neo4j
ROOT = Path(__file__).resolve().parents[2]
RUN = ROOT / "tools" / "neo4j" / "run"
MULTILINE_PLAN = ROOT / "tests" / "cases" / "real" / "docs" / "r77_jiangle_resp_lines.txt"


def _run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    done = subprocess.run([str(RUN), *args], env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"tools/neo4j/run {' '.join(args)}:\n{done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def stores(tmp_path_factory, neo4j_uri, empty_neo4j, require_tool_once):
    """(Neo4j loaded by plankg load, Neo4j imported from the csv-neo4j export) of the same facts."""
    require_tool_once(bool(shutil.which("java") and shutil.which("mvn")),
                      "the importer runs from Neo4j's Maven jars: needs Java 17 and Maven")
    from plankg.graph.store import open_store
    from plankg.viz.export import export
    from plankg.workflow import demo_corpus, load_graphs, read_inputs

    read = read_inputs([*demo_corpus(), MULTILINE_PLAN])
    assert not read.skipped, read.skipped
    folder = tmp_path_factory.mktemp("csv-neo4j")
    ladybug = open_store(f"ladybug://{folder / 'store.lbdb'}")
    assert not load_graphs(ladybug, read.graphs).errors
    csv_dir = export(ladybug, "csv-neo4j", folder / "csv")
    ladybug.close()
    import_txt = (csv_dir / "IMPORT.txt").read_text(encoding="utf-8")
    assert "--overwrite-destination=true" in import_txt
    assert "--multiline-fields=true" in import_txt  # the real plan's task texts span lines

    loaded = open_store(neo4j_uri)
    empty_neo4j(loaded)
    assert not load_graphs(loaded, read.graphs).errors

    # a second instance on a home of its own: the server the tests share keeps running
    env = {**os.environ, "NEO4J_STATE": str(folder / "imported"), "NEO4J_HEAP": "256m"}
    env.pop("NEO4J_PORT", None)
    _run("import", str(csv_dir), env=env)
    started = _run("start", env=env)
    try:
        uri = re.search(r"NEO4J_URI=(\S+)", started.stdout)[1]
        imported = open_store(uri)
        # the statements IMPORT.txt says to run after the import, as written there
        for statement in re.findall(r"^MATCH .*;$", import_txt, re.MULTILINE):
            imported.run(statement.rstrip(";"))
        yield loaded, imported
        imported.close()
    finally:
        _run("stop", env=env)
        loaded.close()


def test_counts_equal_a_plankg_load(stores):
    loaded, imported = stores
    counts = loaded.counts()
    assert imported.counts() == counts
    assert counts["Task"] > 100 and counts["RESPONSIBLE_FOR"] > 100


def _typed(rows: list[dict]) -> list:
    return [[(k, type(v).__name__, v) for k, v in sorted(row.items())] for row in rows]


@pytest.mark.parametrize("label", list(NodeLabel), ids=lambda label: label.value)
def test_nodes_have_the_same_ids_and_properties(stores, label):
    loaded, imported = stores
    cypher = f"MATCH (n:{label.value}) RETURN labels(n) AS labels, properties(n) AS props ORDER BY n.id"
    expected = loaded.run(cypher)
    if label is NodeLabel.DOCUMENT:  # no export carries the folder a file was ingested from
        for row in expected:
            row["props"]["path"] = file_name(row["props"]["path"])
    assert _typed(imported.run(cypher)) == _typed(expected)


def test_line_breaks_survive_the_import(stores):
    loaded, imported = stores
    cypher = ("MATCH (t:Task) WHERE t.text CONTAINS $newline RETURN t.id AS id, t.text AS text ORDER BY id")
    rows = imported.run(cypher, {"newline": "\n"})
    assert rows and rows == loaded.run(cypher, {"newline": "\n"})


@pytest.mark.parametrize("rel", list(REL_ENDPOINTS), ids=lambda rel: rel.value)
def test_relationships_have_the_same_endpoints_and_properties(stores, rel):
    loaded, imported = stores
    cypher = (f"MATCH (a)-[r:{rel.value}]->(b) RETURN labels(a) AS source_labels, a.id AS source, "
              "labels(b) AS target_labels, b.id AS target, properties(r) AS props "
              "ORDER BY source, target, r.document_id, r.rule")
    assert _typed(imported.run(cypher)) == _typed(loaded.run(cypher))
