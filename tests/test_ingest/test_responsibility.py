"""Responsibility clauses in every layout (behaviour, not the seeds' answers)."""
from __future__ import annotations

from plankg.ingest.responsibility import parse_department_list, split_units


def _clauses(run_pipeline, text):
    """The tasks a responsibility clause states (not the numbered items without one)."""
    return [t for t in run_pipeline(text).tasks if t.departments]


def clauses(run_pipeline, text):
    return [(c.ref, [(d.name, d.role) for d in c.departments]) for c in _clauses(run_pipeline, text)]


def test_several_inline_clauses_in_one_item_cover_the_text_since_the_previous_one(run_pipeline):
    text = "一、任务\n1.甲事。乙事。(责任单位:市科技局)丙事。(责任单位:市财政局、市教育局)丁事。(责任单位:市商务局)"
    found = _clauses(run_pipeline, text)
    assert [c.ref for c in found] == ["一.1", "一.1#2", "一.1#3"]
    assert found[0].text.startswith("甲事") and found[1].text.startswith("丙事") and found[2].text.startswith("丁事")
    assert all(c.text.endswith(")") for c in found)


def test_separate_line_and_split_labels_join_one_clause(run_pipeline):
    # The last list closes with 。: one reaching the end of the text unclosed reads as cut off (_complete_clauses).
    text = "一、任务\n1.建设平台。推进。\n牵头单位:市发改委\n配合单位:市经信局、市科技局\n2.乙。\n责任单位:市财政局。"
    assert clauses(run_pipeline, text) == [
        ("一.1", [("市发改委", "lead"), ("市经信局", "support"), ("市科技局", "support")]),
        ("一.2", [("市财政局", "responsible")])]


def test_lead_and_support_phrases():
    deps, _ = parse_department_list("市科技局牵头,市财政局、市发改委配合", 0, "responsible")
    assert [(d.name, d.role) for d in deps] == [("市科技局", "lead"), ("市财政局", "support"), ("市发改委", "support")]
    deps, _ = parse_department_list("市发改委(牵头)、市科技局", 0, "responsible")
    assert [(d.name, d.role) for d in deps] == [("市发改委", "lead"), ("市科技局", "support")]


def test_lead_phrase_without_label_only_for_units(run_pipeline):
    assert clauses(run_pipeline, "一、任务\n1.攻关。由市科技局牵头,市经信局配合。") == [
        ("一.1", [("市科技局", "lead"), ("市经信局", "support")])]
    assert clauses(run_pipeline, "一、任务\n1.建立由市领导牵头的工作机制。") == []


def test_people_and_vague_tails_are_dropped_collectives_kept(run_pipeline):
    deps, _ = parse_department_list("市科技局、李明、各区、县(市)政府、市财政局等有关部门", 0, "responsible")
    assert [d.name for d in deps] == ["市科技局", "各区、县(市)政府", "市财政局"]
    assert clauses(run_pipeline, "一、任务\n1.甲。(责任单位:市科技局;责任领导:王副市长)") == [
        ("一.1", [("市科技局", "responsible")])]


def test_qualifiers_in_brackets_stay_with_the_unit():
    assert [p for p, _, _ in split_units("杭州高新区(滨江)、市科技局(市知识产权局)")] == [
        "杭州高新区(滨江)", "市科技局(市知识产权局)"]


def test_first_listed_unit_leads_when_the_document_says_so(run_pipeline):
    text = "(列第一位的为牵头单位)\n一、任务\n1.甲。(责任单位:市科技局、市财政局)"
    assert clauses(run_pipeline, text) == [("一.1", [("市科技局", "lead"), ("市财政局", "support")])]


def test_plan_wide_rule_actors_are_separate(run_pipeline):
    r = run_pipeline("一、任务\n1.甲。(责任单位:市科技局,以下均需各区、县〔市〕落实,不再列出)")
    assert [(d.name for d in c.departments) and [d.name for d in c.departments] for c in r.tasks] == [["市科技局"]]
    assert [d.name for d in r.implementers] == ["各区、县〔市〕"]


def test_responsibility_table_columns(run_pipeline):
    text = "一、任务\n序号 工作任务 牵头单位 配合单位\n1 建设平台 市科技局 市财政局、市发改委"
    assert clauses(run_pipeline, text) == [
        ("一.1", [("市科技局", "lead"), ("市财政局", "support"), ("市发改委", "support")])]


def test_clause_spans_are_offsets_into_the_text(run_pipeline):
    text = "一、任务\n1.甲事。(责任单位:市科技局、市财政局)"
    for c in _clauses(run_pipeline, text):
        assert text[c.span[0]:c.span[1]] == c.text
        for d in c.departments:
            assert text[d.span[0]:d.span[1]] == d.name


def test_unlabelled_bracket_naming_units_and_roles(run_pipeline):
    text = "一、任务\n1.甲。(市发改委牵头,市经信局、市科技局按职责分工负责)乙(2024年底前完成)。"
    assert clauses(run_pipeline, text) == [
        ("一.1", [("市发改委", "lead"), ("市经信局", "support"), ("市科技局", "support")])]


def test_table_row_with_spaces_inside_the_task_cell(run_pipeline):
    text = "一、任务\n序号 重点任务 牵头单位 配合单位 完成时限\n1 建设 科创 平台 市科技局 市财政局 2024年底"
    found = _clauses(run_pipeline, text)
    assert [(d.name, d.role) for d in found[0].departments] == [("市科技局", "lead"), ("市财政局", "support")]
    assert found[0].text.startswith("建设 科创 平台")


def test_conjunction_between_units_splits_but_not_inside_names():
    assert [p for p, _, _ in split_units("市科技局和市财政局、市发展和改革委员会")] == [
        "市科技局", "市财政局", "市发展和改革委员会"]


def test_lead_phrase_needs_government_bodies(run_pipeline):
    assert clauses(run_pipeline, "一、任务\n1.协同攻关。由高校院所牵头,企业配合。") == []


def test_bare_bracket_of_departments_after_a_sentence(run_pipeline):
    text = "一、任务\n1.推动数字化转型。(市经信局、市科技局)依托杭州高新区(滨江)建设平台。"
    assert clauses(run_pipeline, text) == [("一.1", [("市经信局", "responsible"), ("市科技局", "responsible")])]


def test_counted_tails_are_dropped():
    deps, _ = parse_department_list("市科技局、市财政局等10个部门", 0, "responsible")
    assert [d.name for d in deps] == ["市科技局", "市财政局"]
    deps, _ = parse_department_list("市经信局及有关单位", 0, "responsible")
    assert [d.name for d in deps] == ["市经信局"]
