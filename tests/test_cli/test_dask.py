"""Past one machine (issue 18, item 5): `plankg ingest --engine dask --scheduler ADDRESS` extracts
on the workers of a Dask cluster and writes the same facts (JSON files and Parquet dataset, byte
for byte) as one local process. Here the cluster is a LocalCluster of two worker processes."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from plankg.cli import main
from plankg.workflow import demo_corpus

distributed = pytest.importorskip("distributed", reason='needs Dask: pip install "plankg[scale]"')


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_dask_cluster_of_two_workers_writes_the_facts_one_process_writes(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for path in demo_corpus():
        shutil.copy(path, folder / path.name)
    shutil.copy(demo_corpus()[1], folder / "zz_copy.txt")  # the same document twice: one facts file
    (folder / "bad.txt").write_bytes(b"\x00\x01binary" * 40)  # a worker's error names the file
    runner = CliRunner()
    local = runner.invoke(main, ["ingest", str(folder), "--out", str(tmp_path / "local"), "--jobs", "1"])
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            dask = runner.invoke(main, ["ingest", str(folder), "--out", str(tmp_path / "dask"), "--engine", "dask",
                                        "--scheduler", cluster.scheduler_address])
            workers = {w["id"] for w in client.scheduler_info()["workers"].values()}
    assert len(workers) == 2
    assert local.exit_code == dask.exit_code == 1, dask.output
    assert "bad.txt" in dask.stderr and dask.stderr == local.stderr
    facts = _files(tmp_path / "local")
    assert any(name.startswith("facts.parquet/documents/") for name in facts)
    assert _files(tmp_path / "dask") == facts


def test_an_unreachable_scheduler_is_named_with_a_fix(tmp_path, monkeypatch):
    monkeypatch.setattr("plankg.pool.SCHEDULER_TIMEOUT", "2s")
    result = CliRunner().invoke(main, ["ingest", str(demo_corpus()[0]), "--out", str(tmp_path / "f"),
                                       "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 2 and "tcp://127.0.0.1:9" in result.output and "Fix:" in result.output


def test_scheduler_needs_the_dask_engine(tmp_path):
    result = CliRunner().invoke(main, ["ingest", str(demo_corpus()[0]), "--scheduler", "tcp://x:8786"])
    assert result.exit_code == 2 and "--engine dask" in result.output
