"""Rules found by the third held-out round (h23–h28), each on invented text with other names.

Every test here failed before its rule existed: the documents were a plan converted from a
paginated PDF, a task list whose merged cells were flattened into blank cells, a work plan with
from-to goals and counts of occasions, a county's short-form unit lists, and firms named after
the group they belong to.
"""
from __future__ import annotations

from plankg.ingest.departments import default_registry
from plankg.ingest.pipeline import extract_text
from plankg.ingest.read import decode


def _clauses(run_pipeline, text):
    """The tasks a responsibility clause states (not the numbered items without one)."""
    return [t for t in run_pipeline(text).tasks if t.departments]


def _targets(run_pipeline, text, period=(2024, 2026)):
    found = run_pipeline(text, period=period, plan_year=period[1]).targets
    return [(t.metric, t.value, t.unit, t.baseline) for t in found]


def _platforms(run_pipeline, text, region=None):
    return [p.name for p in run_pipeline(text, region=region).platforms]


def _firms(run_pipeline, text):
    return [e.name for e in run_pipeline(text).enterprises]


# --------------------------------------------------------------------------- text converted from PDF

_PDF = ("某某市人民政府办公室关于印发某某市\n科技服务业行动方案的通知\n各县区人民政府：\n现印发给你们。\n"
        "某某市人民政府办公室\n2024年5月6日\n— 1 —\n"
        "某某市科技服务业行动方案\n"
        "一 、 工 作 目 标\n"
        "到2026年，全市技术合同成交额达到80亿元，培育技术经理人\n300名以上，建成概念验证中心5家。\n"
        "二 、 重 点 任 务\n"
        "（一）建设服务平台。支持甲乙大学建设概念验证中心，推动青\n"
        "— 2 —\n某某市科技服务业行动方案\n"
        "峰技术转移中心提档升级。（责任单位：市科\n技局、市财政局）\n"
        "（二）培育服务机构。每年培训技术经理人100名以上。（责任\n单位：市人社局）\n"
        "— 3 —\n某某市科技服务业行动方案\n"
        "三 、 保 障 措 施\n各单位要加强协作。\n— 4 —\n")


def test_pdf_page_furniture_goes_and_wrapped_lines_join(run_pipeline):
    text = decode(_PDF.encode("utf-8"), "a.txt")
    # page numbers go; the plan's title opening page 2 stays, its repeats as a running header go
    assert "— 2 —" not in text and text.count("\n某某市科技服务业行动方案\n") == 1
    assert "二、重点任务" in text
    assert "青峰技术转移中心" in text and "（责任单位：市科技局、市财政局）" in text
    clauses = _clauses(run_pipeline, text)
    assert [(c.ref, [d.name for d in c.departments]) for c in clauses] == [
        ("二.(一)", ["市科技局", "市财政局"]), ("二.(二)", ["市人社局"])]
    from pathlib import Path

    from plankg.ingest.pipeline import extract_source
    from plankg.ingest.read import SourceText
    ex = extract_source(SourceText(Path("a.txt"), text, "utf-8", _PDF.encode("utf-8")))
    assert (ex.plan.title, ex.plan.date) == ("某某市科技服务业行动方案", "2024-05-06")
    assert ("技术经理人", 300.0) in [(t.metric.replace("培育", ""), t.value) for t in ex.targets]


def test_text_without_page_numbers_is_left_as_printed():
    raw = "一、目标\n到2026年，全市技术合同成交额达到八十亿元，培育技术经理人\n300名以上。\n— 1 —\n"
    assert decode(raw.encode("utf-8"), "b.txt") == raw


def test_wide_table_rows_of_a_paginated_text_keep_their_lines():
    row = "| 1 | 建设甲江科创走廊并推动沿线园区协同发展 | 市科技局 | 市发改委、市财政局 | 2025年6月底前 |"
    second = row.replace("| 1 |", "| 2 |")
    text = decode(f"方案\n— 1 —\n{row}\n{second}\n— 2 —\n".encode(), "t.txt")
    assert text.splitlines() == ["方案", row, second]  # page numbers gone, each row on its own line


# --------------------------------------------------------------------------- merged cells flattened

def test_blank_lead_and_deadline_cells_repeat_the_row_above(run_pipeline):
    text = ("二、任务\n| 序号 | 任务 | 牵头单位 | 配合单位 | 完成时限 |\n"
            "| 1 | 建设甲江科创走廊 | 市科技局 | 市发改委 | 2025年6月底前 |\n"
            "| 2 | 新建中试平台8个 |  | 市经信局 |  |\n"
            "| 3 | 举办创新大赛 | 市科协 |  | 2025年9月底前 |\n")
    found = _clauses(run_pipeline, text)
    rows = [(c.ref, [(d.name, d.role) for d in c.departments]) for c in found]
    assert rows == [("二.1", [("市科技局", "lead"), ("市发改委", "support")]),
                    ("二.2", [("市科技局", "lead"), ("市经信局", "support")]),
                    ("二.3", [("市科协", "lead")])]
    # the repeated unit points at the cell that prints it
    d = found[1].departments[0]
    assert text[d.span[0]:d.span[1]] == "市科技局" and d.span[0] < found[1].span[0]
    ex = extract_text("某市2025年工作计划\n" + text)
    assert [(t.value, t.year) for t in ex.targets] == [(8.0, 2025)]


# --------------------------------------------------------------------------- targets

def test_from_to_without_a_year_and_the_clauses_before_it(run_pipeline):
    got = _targets(run_pipeline, "一、目标\n到2026年，全县专利授权量达到900件，孵化器从6家增至10家。")
    assert ("专利授权量", 900.0, "件", None) in [(m.replace("全县", ""), v, u, b) for m, v, u, b in got]
    assert [(v, b) for m, v, u, b in got if u == "家"] == [(10.0, 6.0)]


def test_counts_of_occasions_are_units_of_their_own(run_pipeline):
    got = _targets(run_pipeline, "一、目标\n到2026年，平台服务企业超过1500家次，开展路演活动60场次以上。")
    assert sorted((v, u) for _, v, u, _ in got) == [(60.0, "场次"), (1500.0, "家次")]


# --------------------------------------------------------------------------- departments

def test_short_form_units_closed_by_deng_bumen(run_pipeline):
    text = "二、任务\n（一）建设园区。推进园区建设。（区科技局牵头，区发改、财政、人社等部门配合）"
    found = _clauses(run_pipeline, text)
    assert [(d.name, d.role) for d in found[0].departments] == [
        ("区科技局", "lead"), ("区发改", "support"), ("财政", "support"), ("人社", "support")]
    reg = default_registry()
    assert not reg.is_person("财政") and not reg.is_person("县经信") and reg.is_person("李四")


# --------------------------------------------------------------------------- enterprises

def test_a_group_subsidiary_is_one_name(run_pipeline):
    text = "一、任务\n1.支持南岭重工集团南岭起重机有限公司、北辰集团控股股份有限公司建设研发中心。"
    assert _firms(run_pipeline, text) == ["南岭重工集团南岭起重机有限公司", "北辰集团控股股份有限公司"]


def test_a_groups_numbered_institute_is_the_firm_not_a_platform(run_pipeline):
    text = "一、任务\n1.支持龙头企业联合中国星河科技集团有限公司第九研究院组建创新联合体。"
    assert _firms(run_pipeline, text) == ["中国星河科技集团有限公司第九研究院"]
    ex = extract_text(text)
    assert [p.name for p in ex.platforms] == []


def test_clause_words_before_a_firm_are_cut(run_pipeline):
    text = ("一、任务\n（一）壮大主体。一是培育企业。（责任单位：县科技局、县经信局）"
            "二是支持青禾新材料科技股份有限公司、白云电子股份有限公司等骨干企业建设研发中心。")
    assert _firms(run_pipeline, text) == ["青禾新材料科技股份有限公司", "白云电子股份有限公司"]
    text = "一、任务\n1.支持海鸥集团、和的集团股份有限公司等龙头企业建设中试基地。"
    assert "集团股份有限公司" not in _firms(run_pipeline, text)


# --------------------------------------------------------------------------- platforms

def test_two_institutions_joined_by_a_conjunction_are_two_names(run_pipeline):
    found = _platforms(run_pipeline, "一、任务\n1.加快建设江北光电先导院和江北市微纳概念验证中心。", "江北市")
    assert "江北市微纳概念验证中心" in found and not any("和" in name for name in found)
    found = _platforms(run_pipeline, "一、任务\n1.推动中试研发平台与长河科技创新中心协同联动。")
    assert "长河科技创新中心" in found and not any("与" in name for name in found)


def test_service_verb_before_a_lab_is_no_part_of_its_name(run_pipeline):
    assert _platforms(run_pipeline, "一、任务\n1.服务保障石湾实验室建设。") == ["石湾实验室"]
