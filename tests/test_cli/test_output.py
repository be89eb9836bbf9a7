"""What scripts and spreadsheets get from the CLI: CSV that ends with its last record, a byte order
mark for Excel on request, and a progress line (documents per second) only for a person at a
terminal, never with --quiet."""
from __future__ import annotations

import csv
import io

import pytest
from click.testing import CliRunner

from plankg import cli
from plankg.cli import main

COUNT = "MATCH (t:Task) RETURN count(t) AS n"
NAMES = "MATCH (d:Department) RETURN d.name AS department ORDER BY department"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_csv_ends_with_its_last_record(plan_store):
    result = run("query", "--cypher", COUNT, "--format", "csv", "--store", plan_store)
    assert result.exit_code == 0, result.output
    assert result.stdout == "n\n4\n"  # `tail -1` gives the value, no empty record after it


def test_csv_to_a_file_with_a_byte_order_mark_for_excel(plan_store, tmp_path):
    out = tmp_path / "departments.csv"
    result = run("query", "--cypher", NAMES, "--format", "csv", "--bom", "--out", str(out), "--store", plan_store)
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and data.endswith(b"\n") and not data.endswith(b"\n\n")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["department"] and ["杭州市科学技术局"] in rows
    assert "rows written to" in result.stderr


def test_csv_to_a_file_without_the_mark_unless_asked(plan_store, tmp_path):
    out = tmp_path / "n.csv"
    assert run("query", "--cypher", COUNT, "--format", "csv", "--out", str(out), "--store", plan_store).exit_code == 0
    assert out.read_bytes() == b"n\n4\n"
    bom_out = run("query", "--cypher", COUNT, "--format", "csv", "--bom", "--store", plan_store)
    assert bom_out.stdout_bytes == b"\xef\xbb\xbfn\n4\n"


def test_bom_only_for_csv(plan_store):
    result = run("query", "--cypher", COUNT, "--format", "json", "--bom", "--store", plan_store)
    assert result.exit_code == 2 and "--bom is for --format csv" in result.output


@pytest.fixture
def terminal(monkeypatch):
    monkeypatch.setattr(cli, "_interactive", lambda: True)


def test_ingest_of_a_folder_shows_documents_per_second(terminal, demo_dir, tmp_path):
    result = run("ingest", str(demo_dir), "--out", str(tmp_path / "facts"))
    assert result.exit_code == 0, result.output
    assert "docs/s" in result.stderr and "5/5" in result.stderr
    assert result.stderr.count("\r") >= 5  # one line redrawn in place, not a line per document


def test_load_of_a_folder_shows_documents_per_second(terminal, demo_dir, tmp_path):
    result = run("load", str(demo_dir), "--store", f"ladybug://{tmp_path / 'store.lbdb'}")
    assert result.exit_code == 0, result.output
    assert "load [" in result.stderr and "docs/s" in result.stderr


def test_quiet_leaves_progress_and_per_document_lines_out(terminal, demo_dir, tmp_path):
    result = run("ingest", str(demo_dir), "--out", str(tmp_path / "facts"), "--quiet")
    assert result.exit_code == 0, result.output
    assert "docs/s" not in result.stderr
    assert "tasks," not in result.stdout and "facts in" in result.stdout


def test_no_progress_when_not_a_terminal(demo_dir, tmp_path):
    result = run("ingest", str(demo_dir), "--out", str(tmp_path / "facts"))
    assert result.exit_code == 0 and "docs/s" not in result.stderr
