"""Rules found by the second held-out round (h17–h22), each on invented text with other names.

Every test here failed before its rule existed: the documents were a county, a municipality's
district, two autonomous regions and a province, with sub-points under numbered items, bracketed
role tails, staged goal years and platform names the gazetteers do not list.
"""
from __future__ import annotations

import pytest

from plankg.ingest.departments import default_registry
from plankg.ingest.gazetteer import platform_heads
from plankg.ingest.places import local_places
from plankg.ingest.plan_meta import find_period, read_plan_meta
from plankg.ingest.platforms import facility_list, field_stations
from plankg.ingest.responsibility import parse_department_list


def _clauses(run_pipeline, text):
    """The tasks a responsibility clause states (not the numbered items without one)."""
    return [t for t in run_pipeline(text).tasks if t.departments]


def _platforms(run_pipeline, text, region=None):
    return [p.name for p in run_pipeline(text, region=region).platforms]


# --------------------------------------------------------------------------- responsibility

def test_bracketed_role_tail_is_no_part_of_the_last_unit(run_pipeline):
    deps, _ = parse_department_list("镇科技办、镇财政所、镇税务分局（按职责分工负责）", 0, "responsible")
    assert [(d.name, d.role) for d in deps] == [("镇科技办", "responsible"), ("镇财政所", "responsible"),
                                               ("镇税务分局", "responsible")]
    found = _clauses(run_pipeline,
                     "二、任务\n1、建设园区。\n责任单位：县商务局、县委组织部（人才办）（按职责分工负责）")
    assert [d.name for d in found[0].departments] == ["县商务局", "县委组织部（人才办）"]


def test_label_line_after_sub_points_covers_the_whole_item(run_pipeline):
    text = ("二、任务\n(一)平台\n1.建设研究院。\n(1)支持甲研究院运行。\n(2)推进乙中心建设。\n"
            "牵头单位:省教育厅、省科技厅;责任单位:某市人民政府\n2.壮大企业。(责任单位:省财政厅)")
    found = _clauses(run_pipeline, text)
    assert [c.ref for c in found] == ["二.(一).1", "二.(一).2"]
    assert found[0].text.startswith("建设研究院") and "(1)支持甲研究院" in found[0].text
    assert [(d.name, d.role) for d in found[0].departments][:2] == [("省教育厅", "lead"), ("省科技厅", "lead")]


def test_circled_sub_points_with_their_own_clauses_stay_clauses_of_their_item(run_pipeline):
    text = ("二、行动\n1．增强功能。\n①建设甲园区。（责任单位：区商务委）\n"
            "②建设乙中心。（责任单位：区财政局、枫泾镇）\n2．集聚主体。（责任单位：区国资委）")
    found = _clauses(run_pipeline, text)
    assert [c.ref for c in found] == ["二.1", "二.1#2", "二.2"]
    assert found[0].text.startswith("增强功能") and found[1].text.startswith("②建设乙中心")
    assert [d.name for d in found[1].departments] == ["区财政局", "枫泾镇"]


def test_sub_items_under_a_chinese_numbered_heading_stay_separate(run_pipeline):
    found = _clauses(run_pipeline,
                     "二、任务\n(一)平台建设\n1.建设甲。(责任单位:市科技局)\n2.建设乙。(责任单位:市财政局)")
    assert [c.ref for c in found] == ["二.(一).1", "二.(一).2"]


def test_a_township_is_a_unit_not_a_person():
    reg = default_registry()
    assert not reg.is_person("枫泾镇") and not reg.is_person("城关乡")
    assert reg.is_person("张三") and reg.is_person("王副市长")


# --------------------------------------------------------------------------- region and period

def test_county_opening_a_title_is_the_region_even_if_the_text_names_a_known_city():
    text = ("舒城县人民政府办公室关于印发舒城县科技创新行动方案的通知\n各乡镇人民政府：\n现印发给你们。\n"
            "舒城县人民政府办公室\n2024年4月2日\n舒城县科技创新行动方案\n为融入合肥都市圈，制定本方案。\n一、目标\n正文。")
    assert read_plan_meta(text).region == "舒城县"
    reg = default_registry()
    assert reg.regions_in("峨边彝族自治县人民政府") == ["峨边彝族自治县"]
    assert reg.regions_in("山区县高质量发展行动") == [] and reg.regions_in("加快县域经济发展") == []


def test_unlisted_district_of_a_municipality_or_city():
    reg = default_registry()
    assert reg.regions_in("天津市西青区科技创新行动方案") == ["天津市", "西青区"]
    assert reg.regions_in("武汉市江夏区人民政府办公室") == ["武汉市", "江夏区"]
    assert reg.regions_in("重庆市高新区管委会") == ["重庆市"]  # a functional zone is no district
    assert reg.resolve("天津市西青区人民政府办公室").canonical == "西青区人民政府办公室"
    m = read_plan_meta("天津市西青区人民政府办公室\n关于印发《西青区科技行动方案》的通知\n现印发。\n"
                       "天津市西青区人民政府办公室\n2024年1月9日\n西青区科技行动方案\n一、目标\n正文。")
    # An issuer that prints its place is reported as printed (real documents' gold keeps the signature).
    assert (m.region, m.issuers) == ("西青区", ("天津市西青区人民政府办公室",))


def test_staged_goal_years_run_the_plan_to_the_last_stage():
    assert find_period("某区实施方案", "到2025年,建成园区;到2027年,研发投入强度达到3%。", "2024-03-15") == (2024, 2027)
    # a vision beyond five years is not the plan's end
    assert find_period("某区实施方案", "到2026年,建成园区。到2035年,全面建成高地。", "2024-03-15") == (2024, 2026)


# --------------------------------------------------------------------------- platforms and enterprises

def test_dash_between_places_is_part_of_a_name(run_pipeline):
    assert "中国—中亚技术转移中心" in _platforms(run_pipeline, "一、任务\n1.建设中国—中亚技术转移中心，服务企业。")
    assert _platforms(run_pipeline, "一、任务\n1.建成省级实验室2—3个。") == []


def test_per_unit_quantifier_opens_no_platform_name(run_pipeline):
    text = "一、任务\n1.支持甲江实验室运行，每家实验室集聚科研人员500名以上。"
    assert _platforms(run_pipeline, text) == ["甲江实验室"]


def test_addressee_line_names_no_platforms(run_pipeline):
    text = ("某市科学技术局\n关于印发工作要点的通知\n各区县科技局，东湖高新区、某某经开区科技主管部门：\n"
            "现印发。\n一、任务\n1.建设甲江实验室。")
    assert _platforms(run_pipeline, text, "武汉市") == ["甲江实验室"]


def test_level_or_place_with_category_words_counted_is_a_class(run_pipeline):
    assert _platforms(run_pipeline, "一、目标\n自治区重点实验室达到80家。", "宁夏回族自治区") == []
    assert _platforms(run_pipeline, "一、任务\n1.新布局建设武汉市重点实验室20个。", "武汉市") == []
    assert _platforms(run_pipeline, "一、任务\n1.建设武汉市技术转移中心。", "武汉市") == ["武汉市技术转移中心"]


def test_spelled_out_keji_chuangxin_heads(run_pipeline):
    assert any(h.noun == "科技创新走廊" for h in platform_heads())
    assert _platforms(run_pipeline, "一、任务\n1.建设沿江科技创新走廊，推动协同。", "武汉市") == ["沿江科技创新走廊"]


def test_places_the_document_names_as_units_make_names(run_pipeline):
    text = ("一、任务\n1.建设枫泾人工智能创新试验区。（责任单位：区经委，枫泾镇）\n"
            "2.推动石嘴山iBi育成中心升级。（责任单位：石嘴山市人民政府）\n3.建设滴水湖概念验证中心。（责任单位：滴水湖办）")
    assert local_places(text) == ("枫泾", "滴水湖", "石嘴山")
    assert _platforms(run_pipeline, text) == ["枫泾人工智能创新试验区", "石嘴山iBi育成中心", "滴水湖概念验证中心"]


def test_a_kind_of_platform_in_prose_is_no_place_name(run_pipeline):
    """Only lines that assign work name towns: "特色小镇" in a list of platform kinds makes 特色小 no place."""
    text = "一、任务\n1.统筹推进高新区、特色小镇、众创空间等平台的规划建设。（责任单位：区发改委）"
    assert local_places(text) == ()
    assert _platforms(run_pipeline, text) == []


def test_zone_heads_need_a_place_and_stop_before_the_next_word(run_pipeline):
    text = ("一、任务\n1.将东湖高新区相关集聚区块纳入金融港湾。\n2.建设两江协同创新区和武汉光谷人才集聚区。"
            "\n3.打造若干集聚区。")
    found = _platforms(run_pipeline, text, "武汉市")
    assert "两江协同创新区" in found and "武汉光谷人才集聚区" in found
    assert not [name for name in found if name.endswith("集聚区") and name != "武汉光谷人才集聚区"]


def test_facilities_listed_before_their_class():
    text = "布局建设高效低碳燃气轮机试验装置、深部岩体力学研究设施等重大科技基础设施。"
    assert [p.name for p in facility_list(text, 0, len(text))] == ["高效低碳燃气轮机试验装置", "深部岩体力学研究设施"]
    assert facility_list("完善交通设施、水利设施等基础设施。", 0, 16) == []


def test_field_station_of_a_university():
    text = "依托西北农林科技大学安康试验站，建设中心。"
    assert [p.name for p in field_stations(text, 0, len(text))] == ["西北农林科技大学安康试验站"]


def test_registered_name_with_bracketed_group(run_pipeline):
    names = [e.name for e in run_pipeline("推动天津泰达（集团）公司等国有企业开放场景。").enterprises]
    assert "天津泰达（集团）公司" in names


# --------------------------------------------------------------------------- targets

@pytest.mark.parametrize("text, expected", [
    ("统筹安排平台建设资金，年度投入不低于3亿元。", []),
    ("全社会研发投入达到100亿元。", [("全社会研发投入", 100.0, "亿元")]),
])
def test_own_spending_without_what_is_invested_is_a_budget_line(run_pipeline, text, expected):
    found = run_pipeline(text, period=(2024, 2026)).targets
    assert [(t.metric, t.value, t.unit) for t in found] == expected
