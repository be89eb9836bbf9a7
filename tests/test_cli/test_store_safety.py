"""What read commands may and may not do to a store, and the errors a careless user meets
(issue 13, items 4-8): CSV safe for spreadsheets, `sum()` in every format, no store created by a
read, no store destroyed by an export, damage named as damage, unwritable output folders, a bad
--store found before any document is read, and `plankg remove`."""
from __future__ import annotations

import csv
import io
import json
import shutil

import pytest
from click.testing import CliRunner

from plankg.cli import main

from .conftest import FORMULA_DEPARTMENT, FORMULA_TASK, build_store, document_graph, fingerprint


def run(*args: str, **kw):
    return CliRunner().invoke(main, list(args), **kw)


def no_traceback(result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output


# --- 4: CSV cells a spreadsheet would run as formulas -------------------------------------------------

def test_query_csv_escapes_formula_cells_and_ends_without_an_empty_line(plan_store):
    result = run("query", "--cypher", "MATCH (d:Department)-[:RESPONSIBLE_FOR]->(t:Task) "
                 "RETURN d.name AS department, t.text AS task, -1 AS n ORDER BY task", "--format", "csv",
                 "--store", plan_store)
    assert result.exit_code == 0, result.output
    assert result.output.endswith("\n") and not result.output.endswith("\n\n")
    rows = list(csv.reader(io.StringIO(result.output)))
    assert rows[0] == ["department", "task", "n"]
    cells = [cell for row in rows[1:] for cell in row[:2]]
    assert "'" + FORMULA_TASK in cells and "'" + FORMULA_DEPARTMENT in cells
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)
    assert {row[2] for row in rows[1:]} == {"-1"}  # numbers stay numbers


# --- 6: sum() and other engine values in every format ---------------------------------------------------

@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_sum_works_in_every_format(plan_store, fmt):
    result = run("query", "--cypher", "MATCH (t:Task) RETURN sum(t.span_start) AS total, avg(t.span_end) AS mean, "
                 "date('2025-01-02') AS day", "--format", fmt, "--store", plan_store)
    assert result.exit_code == 0, result.output
    no_traceback(result)
    if fmt == "json":
        assert json.loads(result.output) == [{"total": 300, "mean": 125.0, "day": "2025-01-02"}]
    else:
        assert "300" in result.output and "2025-01-02" in result.output


# --- 7: read commands never create a store -------------------------------------------------------------

@pytest.mark.parametrize("command", [["query", "--cypher", "MATCH (t:Task) RETURN count(t) AS n"],
                                     ["query", "departments_by_tasks"],
                                     ["export", "--format", "json", "--out", "OUT/g.json"],
                                     ["viz", "--out", "OUT/views"],
                                     ["remove", "doc-a"]])
def test_a_missing_store_is_an_error_naming_it_and_is_not_created(tmp_path, command):
    store = tmp_path / "typo" / "plnas.lbdb"
    args = [a.replace("OUT", str(tmp_path / "out")) for a in command]
    result = run(*args, "--store", f"ladybug://{store}")
    assert result.exit_code == 2, result.output
    assert f"no graph store at {store}" in result.output
    assert "plankg demo" in result.output and "--store" in result.output
    assert not store.exists() and not store.parent.exists()
    no_traceback(result)


def test_the_default_store_is_not_created_when_run_from_another_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PLANKG_STORE", raising=False)
    result = run("query", "--cypher", "MATCH (t:Task) RETURN count(t) AS n")
    assert result.exit_code == 2 and "(no rows)" not in result.output
    assert str(tmp_path / "build" / "plankg.lbdb") in result.output
    assert not (tmp_path / "build").exists()


# --- 5: an export never overwrites the store; damage is named as damage --------------------------------

@pytest.mark.parametrize("target", ["plans.lbdb", "plans.lbdb.wal", "plans.lbdb/nodes"])
@pytest.mark.parametrize("fmt", ["json", "csv-neo4j"])
def test_export_into_the_store_is_refused_and_the_store_survives(plan_store, tmp_path, target, fmt):
    before = fingerprint(tmp_path / "store")
    result = run("export", "--format", fmt, "--out", str(tmp_path / "store" / target), "--store", plan_store)
    assert result.exit_code == 2, result.output
    assert "is the graph store itself or inside it" in result.output and "--out" in result.output
    assert fingerprint(tmp_path / "store") == before
    assert run("query", "--cypher", "MATCH (t:Task) RETURN count(t) AS n", "--store", plan_store).exit_code == 0


def test_viz_into_the_store_is_refused(plan_store, tmp_path):
    result = run("viz", "--out", str(tmp_path / "store" / "plans.lbdb" / "views"), "--store", plan_store)
    assert result.exit_code == 2 and "inside it" in result.output, result.output


def test_export_beside_the_store_still_works(plan_store, tmp_path):
    out = tmp_path / "store" / "plans.graphml"
    result = run("export", "--format", "graphml", "--out", str(out), "--store", plan_store)
    assert result.exit_code == 0 and out.is_file(), result.output


@pytest.mark.parametrize("damage", ["truncated", "overwritten"])
def test_a_damaged_store_is_called_damaged_with_the_fix(plan_store, tmp_path, damage):
    path = tmp_path / "store" / "plans.lbdb"
    if damage == "truncated":
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 3])
    else:
        path.write_text('{"nodes": []}', encoding="utf-8")
    result = run("query", "--cypher", "MATCH (t:Task) RETURN count(t) AS n", "--store", plan_store)
    assert result.exit_code == 2, result.output
    assert "is damaged" in result.output and "retry later" not in result.output
    assert "plankg load" in result.output and str(path) in result.output
    no_traceback(result)


# --- 8: unwritable output folders, a bad --store before any work, plankg remove ------------------------

def test_ingest_into_an_unwritable_folder_is_a_clear_error(tmp_path, demo_dir):
    blocker = tmp_path / "facts"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    result = run("ingest", str(min(demo_dir.glob("*.txt"))), "--out", str(blocker / "sub"))
    assert result.exit_code == 2, result.output
    assert "cannot write" in result.output and "--out" in result.output
    no_traceback(result)


def test_pack_export_into_an_unwritable_folder_is_a_clear_error(tmp_path):
    blocker = tmp_path / "packs"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    result = run("pack", "export", "--out", str(blocker / "sub"))
    assert result.exit_code == 2, result.output
    assert "cannot write" in result.output and "--out" in result.output
    no_traceback(result)


def test_load_checks_the_store_before_reading_any_document(tmp_path):
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (tmp_path / "not-a-folder").write_text("x", encoding="utf-8")
    result = run("load", str(tmp_path / "binary.txt"), "--store", f"ladybug://{tmp_path / 'not-a-folder' / 's.lbdb'}")
    assert result.exit_code == 2, result.output
    assert "binary.txt" not in result.output  # the document was never read
    no_traceback(result)


def test_remove_by_path_id_and_name_reports_what_it_removed(plan_store):
    def tasks() -> int:
        out = run("query", "--cypher", "MATCH (t:Task) RETURN count(t) AS n", "--format", "json", "--store", plan_store)
        return json.loads(out.output)[0]["n"]

    assert tasks() == 4
    by_path = run("remove", "plans/doc-a.txt", "--store", plan_store)
    assert by_path.exit_code == 0, by_path.output
    assert "removed document doc-a (plans/doc-a.txt)" in by_path.output and "nodes" in by_path.output
    assert tasks() == 1
    again = run("remove", "doc-a", "--store", plan_store)
    assert again.exit_code == 2 and "no document 'doc-a'" in again.output
    by_name = run("remove", "doc-b.txt", "--store", plan_store)
    assert by_name.exit_code == 0 and "doc-b" in by_name.output
    assert tasks() == 0


def test_remove_refuses_a_name_two_documents_share(tmp_path):
    from plankg.graph.store import open_store

    (tmp_path / "store").mkdir()
    url = build_store(tmp_path / "store" / "plans.lbdb")
    store = open_store(url)
    try:
        graph = document_graph("doc-c", "另一个规划", ["任务"], "杭州市财政局", path="b/plans/doc-a.txt")
        store.load_documents([(graph, "sha-c")])
    finally:
        store.close()
    shared = run("remove", "doc-a.txt", "--store", url)
    assert shared.exit_code == 2 and "2 documents match" in shared.output and "doc-c" in shared.output
    exact = run("remove", "b/plans/doc-a.txt", "--store", url)
    assert exact.exit_code == 0 and "removed document doc-c" in exact.output, exact.output


def test_demo_store_copy_still_loads_and_queries(plan_store, tmp_path):
    """A copied store opens read-only in its new place (no lock or WAL left behind by a reader)."""
    copy = tmp_path / "copy.lbdb"
    shutil.copy(tmp_path / "store" / "plans.lbdb", copy)
    result = run("query", "--cypher", "MATCH (t:Task) RETURN count(t) AS n", "--store", f"ladybug://{copy}")
    assert result.exit_code == 0 and result.output.split()[-1] == "4", result.output


def test_a_checkpoint_cut_short_is_recovered_by_the_next_read(plan_store, tmp_path):
    """LadybugDB leaves a store waiting for recovery when a checkpoint fails midway (a killed
    writer; once, a CHECKPOINT on a read-only connection): a read-only open finishes it first."""
    import ladybug

    path = tmp_path / "store" / "plans.lbdb"
    db = ladybug.Database(str(path), read_only=True)
    conn = ladybug.Connection(db)
    with pytest.raises(RuntimeError):
        conn.execute("CHECKPOINT")
    conn.close()
    db.close()
    with pytest.raises(RuntimeError, match="recovery is pending"):
        ladybug.Database(str(path), read_only=True)
    result = run("query", "--cypher", "MATCH (t:Task) RETURN count(t) AS n", "--store", plan_store)
    assert result.exit_code == 0 and result.output.split()[-1] == "4", result.output
