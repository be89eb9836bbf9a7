"""The project goals, measured by the shared scorer (tools/) over the five seed documents (gold in tests/cases)."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from plankg.ingest.pipeline import extract_file


@pytest.fixture(scope="module")
def scores(gold_dir, scorer_path, demo_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("pred")
    for path in sorted(demo_dir.glob("*.txt")):
        (out / f"{path.stem}.json").write_text(extract_file(path).model_dump_json(), encoding="utf-8")
    run = subprocess.run([sys.executable, str(scorer_path), str(gold_dir), str(out), "--json"], capture_output=True,
                         text=True, check=True)
    return json.loads(run.stdout.splitlines()[0])


def test_no_document_missing(scores):
    assert scores["missing"] == 0


def test_responsibility_f1(scores):
    assert scores["responsibility_f1"] >= 0.98


def test_lead_accuracy(scores):
    assert scores["lead_accuracy"] >= 0.95


def test_plan_fields(scores):
    assert scores["plan_fields_ok"] >= 0.95


def test_targets_recall(scores):
    assert scores["targets_recall"] >= 0.95


def test_platforms_recall(scores):
    assert scores["platforms_recall"] >= 0.95


def test_enterprises_recall(scores):
    assert scores["enterprises_recall"] >= 0.95


def test_the_gold_and_the_scorer_are_in_the_repository(gold_dir, scorer_path, demo_dir):
    """A fresh clone runs the quality tests: one gold file per demo document, and the scorer, in the tree."""
    root = demo_dir.parent.parent
    assert gold_dir.is_relative_to(root) and scorer_path.is_relative_to(root)
    assert sorted(p.stem for p in gold_dir.glob("*.json")) == sorted(p.stem for p in demo_dir.glob("*.txt"))
    assert scorer_path.is_file()
