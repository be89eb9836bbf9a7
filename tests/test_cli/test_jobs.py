"""Extraction on every core (issue 18, item 1): `plankg ingest` and `plankg load` extract in a
process pool (`--jobs`), with the same outputs in the same order as in one process; each worker
builds the spaCy pipeline once; a file a worker cannot read is named as in one process."""
from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from plankg.cli import main
from plankg.pool import ordered_map, pipeline_builds
from plankg.workflow import demo_corpus, ingest_documents


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _corpus(tmp_path: Path) -> Path:
    """The demo documents, one copied under a second name, and a file no reader takes."""
    folder = tmp_path / "docs"
    folder.mkdir()
    for path in demo_corpus():
        shutil.copy(path, folder / path.name)
    shutil.copy(demo_corpus()[0], folder / "zz_copy.txt")
    (folder / "bad.txt").write_bytes(b"\x00\x01\x02binary" * 50)
    return folder


def test_ingest_with_one_and_two_jobs_writes_the_same_bytes(tmp_path):
    folder = _corpus(tmp_path)
    one = _run("ingest", str(folder), "--out", str(tmp_path / "one"), "--jobs", "1")
    two = _run("ingest", str(folder), "--out", str(tmp_path / "two"), "--jobs", "2")
    assert one.exit_code == two.exit_code == 1  # bad.txt is skipped in both
    # same lines in the same order (but the last, which names the --out folder)
    assert one.stdout.replace("/one", "/two") == two.stdout and one.stderr == two.stderr
    assert _files(tmp_path / "one") == _files(tmp_path / "two")
    assert len(list((tmp_path / "one").glob("*.graph.json"))) == 5


def test_results_come_in_file_order_with_repeats_and_errors_in_place(tmp_path):
    folder = _corpus(tmp_path)
    serial = [(r.path.name, r.same_as and r.same_as.name, r.error and str(r.error),
               r.graph and r.graph.model_dump_json()) for r in ingest_documents([folder], jobs=1)]
    pooled = [(r.path.name, r.same_as and r.same_as.name, r.error and str(r.error),
               r.graph and r.graph.model_dump_json()) for r in ingest_documents([folder], jobs=2)]
    assert pooled == serial
    names = [name for name, *_ in pooled]
    assert names == sorted(names)
    bad = next(row for row in pooled if row[0] == "bad.txt")
    assert "bad.txt" in bad[2]  # the worker's error names the file, as in one process
    assert next(row for row in pooled if row[0] == "zz_copy.txt")[1] == demo_corpus()[0].name


def test_each_worker_builds_the_pipeline_once():
    reports = list(ordered_map(pipeline_builds, range(12), jobs=2, window=4))
    assert {builds for _, builds in reports} == {1}
    assert len({pid for pid, _ in reports}) <= 2


def test_load_with_two_jobs_loads_what_one_job_loads(tmp_path):
    folder = _corpus(tmp_path)
    counts = []
    for jobs in ("1", "2"):
        store = f"ladybug://{tmp_path / f'store{jobs}.lbdb'}"
        result = _run("load", str(folder), "--store", store, "--jobs", jobs)
        assert result.exit_code == 1 and "bad.txt" in result.stderr  # skipped by name, the rest loaded
        counted = _run("query", "--cypher", "MATCH (n) RETURN count(n) AS n", "--format", "json", "--store", store)
        counts.append((result.stdout.replace(store, "STORE"), counted.stdout))
    assert counts[0] == counts[1]
