"""Platforms, enterprises, projects and references on invented plan sentences (tests/cases/entities/entities.json)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from plankg.ingest.gazetteer import platform_heads

CASES = json.loads((Path(__file__).resolve().parents[1] / "cases" / "entities" / "entities.json")
                   .read_text(encoding="utf-8"))["cases"]


def _run(run_pipeline, case: dict):
    text = case["text"]
    facts = run_pipeline(text, region=case["ctx"].get("region"), title=case["ctx"].get("title"))
    return text, {"platforms": facts.platforms, "enterprises": facts.enterprises, "projects": facts.projects,
                  "references": facts.references}


def _has(items, want: dict) -> bool:
    return any(all(getattr(it, k) == v for k, v in want.items()) for it in items)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(run_pipeline, case):
    _, found = _run(run_pipeline, case)
    for kind in ("platforms", "enterprises", "projects"):
        for want in case.get(kind, []):
            assert _has(found[kind], want), (want, [x.name for x in found[kind]])
        for name in case.get(f"not_{kind}", []):
            assert name not in {x.name for x in found[kind]}, (name, [x.name for x in found[kind]])
    titles = [r.title for r in found["references"]]
    for title in case.get("references", []):
        assert title in titles
    for title in case.get("not_references", []):
        assert title not in titles


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_every_item_is_grounded_and_versioned(run_pipeline, case):
    text, found = _run(run_pipeline, case)
    for kind in ("platforms", "enterprises", "projects"):
        for it in found[kind]:
            mention = text[it.span[0]:it.span[1]]
            # An expanded coordinated name points at its abbreviation: 之江 for 之江实验室.
            assert mention and (mention == it.name or it.name.startswith(mention)), (it.name, mention)
            assert re.search(r"\.v\d+$", it.rule)
    for kind in ("platforms", "enterprises"):
        names = [it.name for it in found[kind]]
        assert len(names) == len(set(names))


def test_platform_kinds_come_from_the_gazetteer(run_pipeline):
    kinds = {h.kind for h in platform_heads()}
    assert {"laboratory", "incubator", "base", "high-tech zone"} <= kinds
    text = "建设杭州城西科创大走廊和湖州南太湖实验室。"
    found = {p.name: p.kind for p in run_pipeline(text, region="杭州市").platforms}
    assert found == {"杭州城西科创大走廊": "high-tech zone", "湖州南太湖实验室": "laboratory"}
