"""Targets: behaviour on invented plan excerpts (tests/cases/entities/targets.json) and invariants."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from plankg.ingest.numerals import scaled
from plankg.ingest.structure import DocContext, parse_structure
from plankg.ingest.targets import find_targets

CASES = json.loads((Path(__file__).resolve().parents[1] / "cases" / "entities" / "targets.json")
                   .read_text(encoding="utf-8"))["cases"]


def _ctx(spec: dict) -> DocContext:
    period = tuple(spec["period"]) if spec.get("period") else None
    return DocContext(region=spec.get("region"), plan_year=spec.get("plan_year"), period=period,
                      title=spec.get("title"))


def _run(case: dict):
    text = case["text"]
    return text, find_targets(text, list(parse_structure(text).blocks), _ctx(case["ctx"]))


def _matches(target, want: dict) -> bool:
    for key, value in want.items():
        got = getattr(target, key)
        if key == "metric":
            if not (value in got or got in value):
                return False
        elif key in ("value", "baseline"):
            if got is None or abs(float(got) - float(value)) > 1e-9:
                return False
        elif got != value:
            return False
    return True


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case):
    text, targets = _run(case)
    for want in case.get("expect", []):
        assert any(_matches(t, want) for t in targets), (want, [(t.metric, t.value, t.unit) for t in targets])
    for value in case.get("absent", []):
        assert not any(scaled(t.value, t.unit)[0] == value or t.value == value for t in targets), (value, targets)
    if "count" in case:
        n = sum(1 for t in targets if t.value == case["count"]["value"])
        assert n == case["count"]["n"]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_spans_point_at_the_printed_mention(case):
    text, targets = _run(case)
    for t in targets:
        assert text[t.span[0]:t.span[1]] == t.text
        assert t.rule.startswith("plankg.targets.") and re.search(r"\.v\d+$", t.rule)


def test_a_plan_printed_twice_gives_each_target_once():
    body = ("一、发展目标\n" + "到2025年,高新技术企业达到2500家,技术交易额突破200亿元,研发投入强度达到3%。" * 1
            + "\n二、重点任务\n(一)平台\n" + "建设湖州南太湖实验室。" * 20)
    text = body + "\n" + body
    ctx = DocContext(period=(2021, 2025))
    targets = find_targets(text, list(parse_structure(text).blocks), ctx)
    assert sorted(t.value for t in targets) == [3.0, 200.0, 2500.0]


def test_output_is_deterministic():
    text = CASES[0]["text"]
    ctx = DocContext(period=(2021, 2025))
    first = [t.model_dump() for t in find_targets(text, [], ctx)]
    assert first == [t.model_dump() for t in find_targets(text, [], ctx)]


def test_without_blocks_the_text_is_parsed_here():
    text = "到2025年,新增高新技术企业1200家。"
    assert find_targets(text, [], DocContext(period=(2021, 2025)))[0].value == 1200


@pytest.mark.parametrize("text,metric", [
    ("争创国家重点实验室2家。", "国家重点实验室"),
    ("争创国家级孵化器5家以上。", "国家级孵化器"),
    ("力争新增高新技术企业500家。", "新增高新技术企业"),
])
def test_aspiration_words_set_the_comparator_and_leave_the_metric(text, metric):
    [target] = find_targets(text, list(parse_structure(text).blocks), DocContext())
    assert (target.metric, target.comparator) == (metric, ">=")
