"""Targets: behaviour on invented plan excerpts (tests/cases/entities/targets.json) and invariants."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from plankg.ingest.numerals import scaled

CASES = json.loads((Path(__file__).resolve().parents[1] / "cases" / "entities" / "targets.json")
                   .read_text(encoding="utf-8"))["cases"]


def _run(run_pipeline, case: dict):
    text, spec = case["text"], case["ctx"]
    period = tuple(spec["period"]) if spec.get("period") else None
    return text, run_pipeline(text, region=spec.get("region"), plan_year=spec.get("plan_year"), period=period,
                              title=spec.get("title")).targets


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
def test_case(run_pipeline, case):
    text, targets = _run(run_pipeline, case)
    for want in case.get("expect", []):
        assert any(_matches(t, want) for t in targets), (want, [(t.metric, t.value, t.unit) for t in targets])
    for value in case.get("absent", []):
        assert not any(scaled(t.value, t.unit)[0] == value or t.value == value for t in targets), (value, targets)
    if "count" in case:
        n = sum(1 for t in targets if t.value == case["count"]["value"])
        assert n == case["count"]["n"]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_spans_point_at_the_printed_mention(run_pipeline, case):
    text, targets = _run(run_pipeline, case)
    for t in targets:
        assert text[t.span[0]:t.span[1]] == t.text
        assert t.rule.startswith("plankg.targets.") and re.search(r"\.v\d+$", t.rule)


def test_a_plan_printed_twice_gives_each_target_once(run_pipeline):
    body = ("一、发展目标\n" + "到2025年,高新技术企业达到2500家,技术交易额突破200亿元,研发投入强度达到3%。" * 1
            + "\n二、重点任务\n(一)平台\n" + "建设湖州南太湖实验室。" * 20)
    text = body + "\n" + body
    targets = run_pipeline(text, period=(2021, 2025)).targets
    assert sorted(t.value for t in targets) == [3.0, 200.0, 2500.0]


def test_output_is_deterministic(run_pipeline):
    text = CASES[0]["text"]
    first = [t.model_dump() for t in run_pipeline(text, period=(2021, 2025)).targets]
    assert first == [t.model_dump() for t in run_pipeline(text, period=(2021, 2025)).targets]


def test_a_sentence_alone_is_a_document(run_pipeline):
    text = "到2025年,新增高新技术企业1200家。"
    assert run_pipeline(text, period=(2021, 2025)).targets[0].value == 1200


@pytest.mark.parametrize("text,metric", [
    ("争创国家重点实验室2家。", "国家重点实验室"),
    ("争创国家级孵化器5家以上。", "国家级孵化器"),
    ("力争新增高新技术企业500家。", "新增高新技术企业"),
])
def test_aspiration_words_set_the_comparator_and_leave_the_metric(run_pipeline, text, metric):
    [target] = run_pipeline(text).targets
    assert (target.metric, target.comparator) == (metric, ">=")


@pytest.mark.parametrize("sentence, value, unit", [
    ("到2020年,全市用水总量控制在11.88亿立方米以内。", 11.88e8, "立方米"),
    ("到2025年,新增光伏装机容量50万千瓦。", 50e4, "千瓦"),
    ("到2025年,新建绿道120千米。", 120e3, "米"),
])
def test_physical_units_are_read(run_pipeline, sentence, value, unit):
    """The value in the unit's base measure, whichever of value or unit holds the magnitude."""
    (target,) = run_pipeline(sentence).targets
    scale = {"亿": 1e8, "万": 1e4, "千": 1e3}.get(target.unit[:1], 1) if target.unit != unit else 1
    assert target.unit.endswith(unit)
    assert target.value * scale == pytest.approx(value)


def test_a_space_between_a_number_and_its_unit_is_read(run_pipeline):
    """Typeset pages put a space between the figure and its unit ("基地 80 个", "达到 1200 万亩")."""
    targets = run_pipeline("到2025年,新认定省级现代竹产业基地 80 个,全省竹产业基地面积达到 1200 万亩。").targets
    assert [(t.value, t.unit) for t in targets] == [(80, "个"), (12000000, "亩")]
    assert run_pipeline("在 2023 年内完成部署。").targets == []


def test_a_figure_each_joined_metric_reaches_is_one_target_per_metric(run_pipeline):
    targets = run_pipeline("到2025年,农产品例行监测合格率和食品抽查合格率均达到98%以上。").targets
    assert [(t.metric, t.value, t.comparator) for t in targets] == [
        ("农产品例行监测合格率", 98, ">="), ("食品抽查合格率", 98, ">=")]


def test_counts_of_livestock_grain_and_charging_posts_are_read(run_pipeline):
    text = "到2025年,能繁母猪存栏量稳定在25万头以上,粮食产量500亿斤左右,新增公共充电设施260根以上。"
    targets = run_pipeline(text).targets
    assert [(t.value, t.unit) for t in targets] == [(250000, "头"), (50000000000, "斤"), (260, "根")]
