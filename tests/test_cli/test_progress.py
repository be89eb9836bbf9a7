"""Progress everywhere long work happens (issue 18, item 3): ingest (documents per second and the
time left), load (rows per second), viz and export (files and MB written), on stderr, only on a
terminal (the tests fake one) and never with --quiet."""
from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from plankg import cli
from plankg.cli import main


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def terminal(monkeypatch):
    monkeypatch.setattr(cli, "_interactive", lambda: True)


def test_ingest_shows_the_time_left_and_the_time_taken(terminal, demo_dir, tmp_path):
    result = _run("ingest", str(demo_dir), "--out", str(tmp_path / "facts"), "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert "ETA " in result.stderr and "docs/s" in result.stderr
    assert re.search(r"5/5  [\d.,]+ docs/s  \d+:\d\d  ", result.stderr)  # the last line: the time taken


def test_load_of_facts_counts_rows_and_of_documents_documents(terminal, demo_dir, tmp_path):
    assert _run("ingest", str(demo_dir), "--out", str(tmp_path / "facts"), "--quiet").exit_code == 0
    result = _run("load", str(tmp_path / "facts"), "--store", f"ladybug://{tmp_path / 's.lbdb'}")
    assert result.exit_code == 0, result.output
    assert "rows/s" in result.stderr and re.search(r"load \[#+\] ([\d,]+)/\1  [\d.,]+ rows/s", result.stderr)
    result = _run("load", str(demo_dir), "--store", f"ladybug://{tmp_path / 't.lbdb'}", "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert "ingest [" in result.stderr and re.search(r"load \[#+\] 5/5  [\d.,]+ docs/s", result.stderr)


@pytest.mark.parametrize("command", [["viz", "--out", "{tmp}/views"],
                                     ["export", "--format", "graphml", "--out", "{tmp}/g.graphml"]])
def test_viz_and_export_show_files_and_megabytes_written(terminal, plan_store, tmp_path, command):
    args = [part.replace("{tmp}", str(tmp_path)) for part in command]
    result = _run(*args, "--store", plan_store)
    assert result.exit_code == 0, result.output
    label = command[0]
    assert re.search(rf"{label} [1-9][\d,]* files  [\d.,]+ MB  [\d.,]+ files/s  \d+:\d\d\n", result.stderr)
    quiet = _run(*args, "--store", plan_store, "--quiet")
    assert quiet.exit_code == 0 and "files/s" not in quiet.stderr


def test_no_lines_off_a_terminal(plan_store, tmp_path):
    result = _run("viz", "--out", str(tmp_path / "views"), "--store", plan_store)
    assert result.exit_code == 0 and "files/s" not in result.stderr
