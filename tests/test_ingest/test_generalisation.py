"""Rules added for layouts and phrasings the seeds do not show, one small case each."""
from __future__ import annotations

import pytest

from plankg.ingest.pipeline import extract_text
from plankg.ingest.plan_meta import read_plan_meta


def _targets(run_pipeline, text: str, period=(2024, 2026)):
    return [(t.metric, t.value, t.unit, t.comparator, t.year, t.baseline_year)
            for t in run_pipeline(text, period=period).targets]


@pytest.mark.parametrize("text, period", [
    ("苏州市2024年科技创新工作要点\n一、目标\n正文。", (2024, 2024)),
    ("德清县2024年数字经济创新发展工作计划\n一、目标\n正文。", (2024, 2024)),
    ("关于加快建设某科创区的实施意见\n某市科学技术局\n2023年8月30日\n一、目标\n到2027年，建成。到2035年，建成高地。",
     (2023, 2027)),
])
def test_period(text, period):
    assert read_plan_meta(text).period == period


def test_title_after_joint_issuer_line():
    text = "中共宁波市委办公厅 宁波市人民政府办公厅\n关于加快建设甬江科创区的实施意见\n一、总体目标\n正文。"
    assert read_plan_meta(text).title == "关于加快建设甬江科创区的实施意见"


def test_title_keeps_stacked_brackets():
    text = "南浔区推进产业科技创新三年行动计划\n（2024—2026年）\n（征求意见稿）\n一、工作目标\n正文。"
    meta = read_plan_meta(text)
    assert meta.title == "南浔区推进产业科技创新三年行动计划（2024—2026年）（征求意见稿）"
    assert meta.status == "draft" and meta.period == (2024, 2026)


def test_task_division_title():
    text = "关于印发成都市促进科技成果转化若干措施任务分工的通知\n成都市人民政府办公厅\n2023年9月12日\n1 正文"
    assert read_plan_meta(text).title == "成都市促进科技成果转化若干措施任务分工"


def test_lead_phrase_with_duties():
    ex = extract_text("某市工作计划\n一、任务\n"
                      "（一）集聚人才。实施引才工程。由市委人才办牵头，市人力社保局、市教育局按职责分工负责。")
    assert [(d.name, d.role) for d in ex.tasks[0].departments] == [
        ("市委人才办", "lead"), ("市人力社保局", "support"), ("市教育局", "support")]


def test_unlabelled_bracket_with_etc_tail():
    ex = extract_text("2024年某区工作要点\n一、任务\n1.支持高校设立研发机构。（区科技局牵头，区教育局等配合）")
    assert [(d.name, d.role) for d in ex.tasks[0].departments] == [("区科技局", "lead"), ("区教育局", "support")]


def test_standalone_plan_wide_rule():
    ex = extract_text("苏州市2024年工作要点\n以下各项工作均需各县级市（区）落实，不再列出。\n"
                      "一、任务\n1.推进。（责任单位：市科技局）")
    assert [a.name for a in ex.plan.implementers] == ["各县级市（区）"]
    assert [d.name for d in ex.tasks[0].departments] == ["市科技局"]


def test_repeat_does_not_extend_last_unit():
    body = ("某县2024年工作计划\n一、任务\n1.做强地理信息产业。高水平建设地理信息小镇，推进产业链招商和应用场景开放，"
            "新引进地理信息企业80家。（牵头单位：县发改局；配合单位：县经信局）\n"
            "2.提升智能制造水平。实施制造业数字化改造，推动重点企业打造未来工厂和智能工厂，培育一批数字化车间，"
            "加快工业互联网平台建设和应用推广。（牵头单位：县经信局；配合单位：县科技局）\n二、保障措施\n"
            "各牵头单位要于每季度末将工作进展报送县经信局，县经信局汇总后报县政府。")
    ex = extract_text(body + "\n【打印本页】\n" + body + "\n主办单位：某县人民政府办公室")
    assert [t.ref for t in ex.tasks if t.departments] == ["一.1", "一.2"]
    assert len([t for t in ex.targets if t.value == 80]) == 1


def test_project_table_builders_are_not_responsibility():
    ex = extract_text("某市行动计划\n一、任务\n1.推进。（责任单位：市科技局）\n附件1\n重大项目表\n"
                      "序号 项目名称 承担单位 总投资（亿元）\n1 甲材料研发 宁波甲材料有限公司 3.2")
    assert [t.ref for t in ex.tasks if t.departments] == ["一.1"]
    assert [(p.name, p.builder) for p in ex.projects] == [("甲材料研发", "宁波甲材料有限公司")]


def test_platform_named_in_a_department_is_not_a_platform(run_pipeline):
    ex = extract_text("某市工作计划\n一、任务\n1.推进扩容。（牵头单位：莫干山高新区管委会；配合单位：区金融服务中心）")
    assert ex.platforms == []
    names = [p.name for p in run_pipeline("各县级市（区）科技局，苏州高新区科技局：", region="苏州市").platforms]
    assert names == []


def test_academy_institute_and_coordinated_names(run_pipeline):
    names = [p.name for p in run_pipeline(
        "支持中科院苏州纳米所、苏州大学等高校院所，推进联合国全球地理信息知识与创新中心建设。",
        region="苏州市").platforms]
    assert names == ["中科院苏州纳米所", "联合国全球地理信息知识与创新中心"]


@pytest.mark.parametrize("text", ["建设高水平创新城。", "打造万亿级科技大市场。",
                                  "（以下简称孵化器）负责全省孵化器的管理。"])
def test_platform_categories_are_not_names(run_pipeline, text):
    assert run_pipeline(text, region="杭州市").platforms == []


def test_enterprise_forms(run_pipeline):
    names = [e.name for e in run_pipeline(
        "（责任单位：县数据局、中国电信德清分公司）支持成都技术转移（集团）有限公司建设机构。").enterprises]
    assert names == ["中国电信德清分公司", "成都技术转移（集团）有限公司"]


def test_eligibility_criteria_are_not_targets():
    ex = extract_text("某省孵化器管理办法\n第一章 总则\n第四条 申请认定省级孵化器应当具备以下条件：\n"
                      "（一）孵化场地面积不低于3000平方米；\n（二）在孵企业不少于50家。")
    assert ex.targets == []


def test_budget_lines_are_not_targets(run_pipeline):
    assert _targets(run_pipeline, "其中，支持高校建设资金54.2亿元。") == []


def test_change_against_a_base_year(run_pipeline):
    assert _targets(run_pipeline, "到2027年，研发费用占营业收入比重较2022年提高0.5个百分点。", (2023, 2027)) == [
        ("研发费用占营业收入比重", 0.5, "个百分点", ">=", 2027, 2022)]


def test_from_year_is_not_the_target_year(run_pipeline):
    got = _targets(run_pipeline, "到2026年，研发投入强度由2023年的3.2%提高到3.8%，高新技术企业数量增至1800家。")
    assert ("高新技术企业数量", 1800.0, "家", ">=", 2026, None) in got


def test_recurring_targets_have_no_year(run_pipeline):
    assert _targets(run_pipeline, "每年组织实施重大科技攻关项目30项以上。")[0][4] is None


def test_duration_and_energy_units(run_pipeline):
    text = "到2026年，科技成果转化周期缩短到12个月以内，单位工业增加值能耗降低到0.4吨标准煤以下。"
    assert _targets(run_pipeline, text) == [
        ("科技成果转化周期", 12.0, "个月", "<=", 2026, None), ("单位工业增加值能耗", 0.4, "吨标准煤", "<=", 2026, None)]


def test_due_column_gives_the_year():
    ex = extract_text("某市任务分工\n序号 重点任务 责任单位 完成时限\n1 新建概念验证中心20个 市科技局 2023年12月")
    assert [(t.value, t.year) for t in ex.targets] == [(20.0, 2023)]
