"""Rules found by the fourth held-out round (h29–h34), each on invented text with other names.

Every test here failed before its rule existed: goal years printed in Chinese numerals, an
indicator table whose first column groups indicators into categories, and project lines whose
investment figures were read as goals.
"""
from __future__ import annotations

from plankg.ingest.plan_meta import find_period


def _targets(run_pipeline, text, period=(2024, 2027)):
    return [(t.metric, t.value, t.unit, t.year, t.baseline)
            for t in run_pipeline(text, period=period, plan_year=period[1]).targets]


# --------------------------------------------------------------------------- years in Chinese numerals

def test_goal_years_in_chinese_numerals_frame_targets_and_period(run_pipeline):
    text = ("一、目标\n到二〇二六年，全县专利授权量达到900件。到二〇二八年，力争技术合同成交额突破20亿元。\n"
            "二〇二三年，全县专利授权量已达610件。\n")
    got = _targets(run_pipeline, text, period=(2024, 2028))
    assert [(v, u, y) for _, v, u, y, _ in got] == [(900.0, "件", 2026), (20.0, "亿元", 2028)]
    assert all(value != 610.0 for _, value, *_ in got)  # a year before the plan: an achievement
    assert find_period("关于推进某县科技创新的实施意见", text, "2024-05-06") == (2024, 2028)


# --------------------------------------------------------------------------- indicator table with a category column

def test_a_category_column_before_the_indicator_is_no_metric(run_pipeline):
    text = ("专栏1 主要指标\n"
            "| 类别 | 指标 | 单位 | 2022年 | 2027年 | 属性 |\n"
            "| 创新投入 | 企业研发经费支出 | 亿元 | 30 | 55 | 预期性 |\n"
            "|  | 基础研究投入占比 | % | 4 | 7 | 预期性 |\n")
    got = _targets(run_pipeline, text)
    assert ("企业研发经费支出", 55.0, "亿元", 2027, 30.0) in got
    assert ("基础研究投入占比", 7.0, "%", 2027, 4.0) in got
    assert not [m for m, *_ in got if m == "创新投入"]


# --------------------------------------------------------------------------- a project's investment

def test_a_projects_own_investment_is_no_target(run_pipeline):
    text = ("三、重点项目\n1.加快建设以下项目：\n（1）某某智能装备产业园项目，总投资12亿元，2024年完成投资3亿元；\n"
            "（2）某某检测中心项目，计划总投资4.5亿元。\n2.全年重大科技项目完成投资40亿元以上。\n")
    got = _targets(run_pipeline, text, period=(2024, 2024))
    assert [(m, v) for m, v, *_ in got] == [("重大科技项目完成投资", 40.0)]


# --------------------------------------------------------------------------- platform names

def _platform_names(text):
    from plankg.ingest.pipeline import extract_text
    return [p.name for p in extract_text(text).platforms]


def test_a_joint_construction_prefix_opens_the_name():
    text = ("某省科技发展规划\n一、任务\n"
            "1.支持省部共建草原生态保育国家重点实验室争创全国重点实验室。（责任单位：省科技厅）")
    assert _platform_names(text) == ["省部共建草原生态保育国家重点实验室"]


def test_utilisation_inside_a_name_is_no_verb():
    text = "某省规划\n一、平台\n稀土资源综合利用国家重点实验室\n"
    assert _platform_names(text) == ["稀土资源综合利用国家重点实验室"]
    # the verb still cuts: "利用甲江实验室平台" names 甲江实验室
    assert _platform_names("某市方案\n一、任务\n1.利用甲江实验室平台开展研究。（责任单位：市科技局）") == ["甲江实验室"]


def test_a_platform_named_inside_an_event_is_not_read_from_the_event():
    text = ("某区工作要点\n一、任务\n1.办好第三届梅溪湖科技城创新创业大赛。（责任单位：区科技局）\n"
            "2.建设梅溪湖科技城。（责任单位：区科技局）")
    assert _platform_names(text) == ["梅溪湖科技城"]


def test_field_observation_stations_are_platforms():
    station = "祁连山冰川冻土国家野外科学观测研究站"
    assert _platform_names(f"某省规划\n一、平台\n{station}\n") == [station]


def test_a_regions_strategic_role_is_no_platform():
    text = ("某市方案\n一、任务\n1.加快建设西部科技创新中心，打造粤港澳大湾区国际科技创新中心。（责任单位：市科技局）\n"
            "2.建设甲江科技创新中心。（责任单位：市科技局）")
    assert _platform_names(text) == ["甲江科技创新中心"]
