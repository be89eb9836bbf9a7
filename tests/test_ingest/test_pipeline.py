"""The pipeline end to end: the layout cases under tests/cases/layouts, determinism, the contract."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from plankg.ingest.contract import Extraction
from plankg.ingest.pipeline import RULES_VERSION, build_nlp, extract_file, extract_text

LAYOUTS = Path(__file__).resolve().parents[1] / "cases" / "layouts"
CASES = sorted(p for p in LAYOUTS.glob("*.txt"))


def _role(d) -> str:
    return d.role.value if hasattr(d.role, "value") else d.role


@pytest.mark.parametrize("case", CASES, ids=[p.stem for p in CASES])
def test_layout_case(case: Path):
    expected = json.loads(case.with_suffix(".expected.json").read_text(encoding="utf-8"))
    ex = extract_file(case)
    for field, value in expected.get("plan", {}).items():
        got = getattr(ex.plan, field)
        got = list(got) if isinstance(got, tuple) else got
        assert got == value, f"plan.{field}"
    if "implementers" in expected:
        assert [d.name for d in ex.plan.implementers] == expected["implementers"]
    by_ref = {t.ref: t for t in ex.tasks}
    for want in expected["tasks"]:
        assert want["ref"] in by_ref, f"missing task {want['ref']}; have {sorted(by_ref)}"
        task = by_ref[want["ref"]]
        assert task.text.startswith(want["first_words"]), (task.ref, task.text[:30])
        got = [(d.name, _role(d)) for d in task.departments]
        assert got == [(d[0], d[1]) for d in want["departments"]], task.ref
        for d, w in zip(task.departments, want["departments"], strict=True):
            if len(w) > 2:
                assert d.canonical == w[2], (task.ref, d.name)
    with_departments = [t.ref for t in ex.tasks if t.departments]
    assert sorted(with_departments) == sorted(w["ref"] for w in expected["tasks"] if w["departments"])
    if expected.get("exact_tasks"):
        assert sorted(by_ref) == sorted(w["ref"] for w in expected["tasks"])
    if "sections" in expected:
        assert [s.ref for s in ex.sections] == expected["sections"]


def test_every_task_span_matches_its_text():
    for case in CASES:
        ex = extract_file(case)
        text = case.read_text(encoding="utf-8")
        for t in ex.tasks:
            assert text[t.span[0]:t.span[1]] == t.text
            for d in t.departments:
                assert text[d.span[0]:d.span[1]] == d.name


def test_output_is_deterministic(demo_dir):
    for path in sorted(demo_dir.glob("*.txt")):
        assert extract_file(path).model_dump_json() == extract_file(path).model_dump_json()


def test_output_validates_against_the_contract(demo_dir):
    for path in sorted(demo_dir.glob("*.txt")):
        ex = extract_file(path)
        again = Extraction.model_validate_json(ex.model_dump_json())
        assert again == ex
        assert ex.rules == RULES_VERSION
        assert len(ex.document.sha256) == 64
        assert all(t.rule for t in ex.tasks)
        assert len({t.ref for t in ex.tasks}) == len(ex.tasks), "task refs must be unique"


def test_spacy_pipeline_is_built_once_with_char_segmentation():
    nlp = build_nlp()
    assert nlp is build_nlp()
    assert [t.text for t in nlp.make_doc("市科技局")] == ["市", "科", "技", "局"]
    assert any(name.startswith("plankg_") for name in nlp.pipe_names)


def test_things_inside_a_clause_point_at_it():
    ex = extract_text("某市2024年工作计划\n一、任务\n1.建设平台。新增高新技术企业100家。(责任单位:市科技局)"
                      "推进合作。(责任单位:市教育局)")
    refs = [t.ref for t in ex.tasks]
    assert refs == ["一.1", "一.1#2"]
    for target in ex.targets:
        assert target.task_ref == "一.1"


def test_plan_wide_rule_is_kept_off_the_tasks():
    ex = extract_text("某市计划\n一、任务\n1.甲。(责任单位:市科技局,以下均需各区、县(市)落实,不再列出)\n"
                      "2.乙。(责任单位:市财政局)")
    assert [[d.name for d in t.departments] for t in ex.tasks] == [["市科技局"], ["市财政局"]]
    assert [d.name for d in ex.plan.implementers] == ["各区、县(市)"]
    assert ex.plan.implementers[0].kind == "collective"
