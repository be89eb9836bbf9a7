"""The spaCy container: its chain of components, what they declare, and which passages it gives a Doc."""
from __future__ import annotations

import random
from pathlib import Path

import pytest
from spacy.tokens import Doc

from plankg.errors import ExtractionError
from plankg.ingest import components, pipeline
from plankg.ingest.components import PIPELINE, DocumentFrame, PassageContext, build_nlp, needs_doc
from plankg.ingest.gazetteer import MatchedHeads, RegexHeads, head_pattern, match_gazetteer, phrase_matcher
from plankg.ingest.pipeline import extract_file, extract_text
from plankg.ingest.plan_meta import read_plan_meta
from plankg.ingest.read import read_source
from plankg.ingest.responsibility import passages
from plankg.ingest.structure import DocContext, parse_structure

ROOT = Path(__file__).resolve().parents[2]
CORPUS = sorted((ROOT / "data" / "demo").glob("*.txt")) + \
    sorted((ROOT / "tests" / "cases" / "heldout" / "docs").glob("*.txt"))
# Every plan the project keeps: the seeds, the held-out and real sets, the layout cases.
EVERY_PLAN = CORPUS + sorted((ROOT / "tests" / "cases" / "real" / "docs").glob("*.txt")) + \
    sorted((ROOT / "tests" / "cases" / "layouts").glob("*.txt"))


def test_pipeline_is_the_chain_of_versioned_components():
    nlp = build_nlp()
    assert nlp.pipe_names == ["plankg_passage_v1", "plankg_gazetteer_v1", "plankg_responsibility_v2",
                              "plankg_coordination_v1", "plankg_entities_v1", "plankg_targets_v1"]
    assert tuple(nlp.pipe_names) == PIPELINE
    assert all("." not in name for name in nlp.pipe_names)


def test_analyze_pipes_finds_no_problems():
    analysis = build_nlp().analyze_pipes()
    assert all(not problems for problems in analysis["problems"].values()), analysis["problems"]
    summary = analysis["summary"]
    # Each stage declares what it reads and writes; the chain is ordered by those declarations.
    assert summary["plankg_passage_v1"]["assigns"] == ["doc._.plankg_block"]
    assert "doc._.plankg_gazetteer" in summary["plankg_gazetteer_v1"]["assigns"]
    for name in PIPELINE[1:]:
        assert "doc._.plankg_block" in summary[name]["requires"], name
    assert "doc._.plankg_gazetteer" in summary["plankg_coordination_v1"]["requires"]
    assert set(summary["plankg_entities_v1"]["requires"]) >= {"doc._.plankg_gazetteer", "doc._.plankg_coordinated"}
    assert "doc._.plankg_targets" in summary["plankg_targets_v1"]["assigns"]
    assert not any(meta["retokenizes"] for meta in summary.values())


def test_raw_text_fed_to_the_pipeline_says_how_to_feed_it():
    with pytest.raises(ExtractionError, match="extract_source"):
        build_nlp()("1.建设平台。(责任单位:市科技局)")


def _frame(path: Path) -> DocumentFrame:
    text = read_source(path).text
    structure = parse_structure(text)
    meta = read_plan_meta(text, structure)
    ctx = DocContext(region=meta.region, plan_year=meta.plan_year, period=meta.period, title=meta.title,
                     structure=structure)
    return DocumentFrame.of(text, structure, ctx)


def test_skipping_passages_without_a_firing_rule_changes_nothing(monkeypatch):
    """`needs_doc` is a necessary condition of every rule: giving every passage a Doc changes no extraction."""
    skipped = 0
    for path in EVERY_PLAN:
        frame = _frame(path)
        skipped += sum(not needs_doc(PassageContext.of(p, frame)) for p in passages(frame.structure))
    assert skipped > 0, "the check should spare some Docs"
    expected = {p: extract_file(p).model_dump_json() for p in EVERY_PLAN}
    monkeypatch.setattr(pipeline, "needs_doc", lambda ctx: True)
    for path, json in expected.items():
        assert extract_file(path).model_dump_json() == json, path.name


def test_matched_heads_read_like_the_alternation():
    """The gazetteer's overlapping matches, read leftmost-longest, equal the regex scan on any range (the
    lookup the rules' doctests use on text alone)."""
    rng = random.Random(7)
    nlp = build_nlp()
    matcher = phrase_matcher(nlp.vocab)
    for path in CORPUS[:8]:
        text = read_source(path).text
        doc = Doc(nlp.vocab, words=list(text), spaces=[False] * len(text))
        found, _, _ = match_gazetteer(doc, matcher, text)
        regex = RegexHeads(text)
        for _ in range(200):
            a = rng.randrange(len(text))
            b = min(len(text), a + rng.randrange(1, 80))
            assert list(found.heads.finditer(a, b)) == list(regex.finditer(a, b)), (path.name, a, b)
        assert len({(s, e) for s, e, _ in found.heads.matches}) >= len(head_pattern().findall(text))


def test_overlapping_heads_are_read_longest_first():
    heads = MatchedHeads([(0, 5, "重点实验室"), (2, 5, "实验室")])
    assert list(heads.finditer(0, 5)) == [(0, 5, "重点实验室")]
    assert list(heads.finditer(1, 5)) == [(2, 5, "实验室")]
    assert list(heads.finditer(0, 4)) == []


def test_each_passage_doc_carries_its_facts_as_spans():
    text = "某市2024年工作计划\n一、任务\n1.推动之江、西湖等2家省实验室建设,新增高新技术企业100家。(责任单位:市科技局)"
    ex = extract_text(text)
    assert [p.name for p in ex.platforms] == ["之江实验室", "西湖实验室"]
    frame = DocumentFrame.of(text, parse_structure(text), DocContext(plan_year=2024))
    nlp = build_nlp()
    contexts = [PassageContext.of(p, frame) for p in passages(frame.structure)]
    docs = list(nlp.pipe(components.passage_docs(nlp, [c for c in contexts if needs_doc(c)])))
    item = docs[-1]
    assert [s.text for s in item.spans["plankg_departments"]] == ["市科技局"]
    assert [s.text for s in item.spans["plankg_platforms"]] == ["之江", "西湖"]
    assert "实验室" in [s.text for s in item.spans["plankg_platform_heads"]]
    assert [s.label_ for s in item.spans["plankg_targets"]] == ["plankg.targets.comparator.v6"]
    assert item._.plankg_block.passage.unit.ref == "一.1"
