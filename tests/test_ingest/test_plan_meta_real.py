"""Plan metadata in the layouts real pages print: furniture fields, the title grammar, garbled dates.

Each test states one mechanism on a small invented input.
"""
from __future__ import annotations

import pytest

from plankg.ingest.plan_meta import (
    date_readings,
    parse_about_title,
    pick_reading,
    read_meta_fields,
    read_plan_meta,
)

BODY = "\n一、目标\n正文。"


@pytest.mark.parametrize("furniture", [
    "索引号 | 001/2022-1 | 成文日期 | 2022-04-18 |\n文件编号 | 某政办发〔2022〕16号 |\n发布机构 | 某县人民政府办公室 |",
    ("[ 索引号 ] | 001/2022-1 | [ 文件编号 ] | 某政办发〔2022〕16号 |\n[ 发布机构 ] | 某县人民政府办公室 | "
     "[ 成文日期 ] | 2022-04-18 |"),
    "  • 发文字号: 某政办发〔2022〕16号\n  • 发文日期: 2022-04-18\n  • 发布机构: 某县人民政府办公室",
    "•【制定机关】某县人民政府办公室\n•【公布日期】2022.04.18\n•【字号】某政办发〔2022〕16号",
    "索 引 号 001/2022-1 发文日期 2022-04-18\n发布机构 某县人民政府办公室 文    号 某政办发〔2022〕16号",
    ("索 引 号 :001/2022-1文件编号 :某政办发〔2022〕16号\n发布机构 :某县人民政府办公室公文时效 :有效\n"
     "主题分类 :工业成文日期 :2022-04-18"),
])
def test_furniture_fields_in_any_layout(furniture):
    fields = read_meta_fields(furniture)
    assert (fields.issuer, fields.date) == ("某县人民政府办公室", "2022-04-18")
    assert fields.doc_number == "某政办发〔2022〕16号"


def test_page_dates_are_not_the_documents_date():
    fields = read_meta_fields("发布日期:2023-05-02\n生成日期: | 2023-06-01 08:00:00 |\n成文日期: 发布时间: 2023-05-02")
    assert fields.date is None and fields.page_dates == ("2023-05-02", "2023-06-01", "2023-05-02")


def test_fields_give_the_plan_metadata():
    text = ("发布机构: 某县人民政府办公室 发文字号: 某政办发〔2022〕16号\n发文日期: 2022-04-18\n"
            "标题: 某县2022年乡村振兴工作计划\n某县2022年乡村振兴工作计划" + BODY)
    m = read_plan_meta(text)
    assert (m.title, m.issuers, m.date, m.doc_number) == ("某县2022年乡村振兴工作计划", ("某县人民政府办公室",),
                                                          "2022-04-18", "某政办发〔2022〕16号")


def test_field_issuers_keep_their_printed_form():
    assert read_plan_meta("发布机构: 某某县政府\n某某县2021年三季度工作要点" + BODY).issuers == ("某某县政府",)
    assert read_plan_meta("发布单位 | 区政府 | 发文日期 | 2022-07-14 |" + BODY).issuers == ("区政府",)


def test_notice_title_issuing_a_named_plan():
    t = parse_about_title("某市人民政府办公室关于印发《某市数字经济三年行动计划(2024—2026年)》的通知")
    assert t.plan == "某市数字经济三年行动计划(2024—2026年)" and t.issuers == ("某市人民政府办公室",)
    # Without 《》 the plan is named when it ends like one; a quoted name is taken whatever its ending.
    about = parse_about_title("某区人民政府关于印发某区2023年重点工作任务分解的通知")
    assert about.plan == "某区2023年重点工作任务分解"
    assert parse_about_title("某区人民政府关于印发《2023年区政府要办的实事》的通知").plan == "2023年区政府要办的实事"


def test_notice_issuing_no_named_plan_is_titled_by_itself():
    text = ("某某省人民政府关于分解落实《政府工作报告》主要目标任务的通知\n某政发〔2025〕7号\n各市人民政府:\n"
            "现将《政府工作报告》确定的主要目标任务分解如下。" + BODY)
    m = read_plan_meta(text)
    assert m.title == "某某省人民政府关于分解落实《政府工作报告》主要目标任务的通知"
    assert m.issuers == ("某某省人民政府",) and m.doc_number == "某政发〔2025〕7号"


def test_document_titled_by_its_subject_keeps_its_issuer():
    text = "某某省人民政府办公厅\n关于支持某市建设科创高地的若干意见\n某政办〔2021〕5号\n各市人民政府:" + BODY
    m = read_plan_meta(text)
    assert m.title == "某某省人民政府办公厅关于支持某市建设科创高地的若干意见"
    assert m.issuers == ("某某省人民政府办公厅",)


def test_a_report_names_the_issuer_before_its_verb():
    t = parse_about_title("近日,某省人民政府发布关于年重点工作及责任分解的通知。")
    assert t.own == "关于年重点工作及责任分解的通知" and t.issuers == ("某省人民政府",)


def test_a_bare_place_before_about_is_title_not_issuer():
    t = parse_about_title("某某市某某区关于优化营商环境的若干措施")
    assert t.own == "某某市某某区关于优化营商环境的若干措施" and t.issuers == ()


def test_transmitted_plan_as_its_heading_prints_it():
    text = ("某省人民政府关于印发《2024年省〈政府工作报告〉重点工作分工方案》的通知\n各市人民政府:\n"
            "《2024年省〈政府工作报告〉重点工作分工方案》已经省政府同意,现印发给你们。\n某省人民政府\n2024年2月5日\n"
            "(此件公开发布)\n2024年省《政府工作报告》重点工作\n分工方案" + BODY)
    m = read_plan_meta(text)
    assert m.title == "2024年省《政府工作报告》重点工作分工方案" and m.date == "2024-02-05"


def test_first_of_several_transmitted_plans():
    text = ("某市人民政府办公厅关于印发某市重点工作分解的通知\n"
            "《重点工作责任分解》《民生实事责任分解》已经市政府同意,现印发给你们。\n某市人民政府办公厅\n2019年2月19日\n"
            "重点工作责任分解" + BODY)
    assert read_plan_meta(text).title == "重点工作责任分解"


def test_a_cited_report_is_not_the_transmitted_plan():
    text = ("各单位:\n为确保实现2024年《政府工作报告》提出的目标,现将分解方案印发给你们。\n"
            "某区人民政府\n2024年3月11日\n2024年《政府工作报告》主要目标任务责任分解表" + BODY)
    assert read_plan_meta(text).title == "2024年《政府工作报告》主要目标任务责任分解表"


def test_remark_and_chrome_lines_are_not_titles():
    text = "导航菜单\n(某省)某市2023年重点任务分解方案\n(此件公开发布)\n2023年区政府重点工作分解方案" + BODY
    assert read_plan_meta(text).title == "2023年区政府重点工作分解方案"
    assert read_plan_meta("新闻详情\n某县2023年工作计划\n(此件公开发布)" + BODY).title == "某县2023年工作计划"


def test_a_title_printed_twice_is_one_title():
    title = "某区“十四五”科技创新规划"
    assert read_plan_meta(f"{title}\n{title}" + BODY).title == title


def test_report_caption_is_the_title():
    text = "某镇2024年度重点工作计划二季度执行情况\n序号\n重点工作\n1\n水库工程\n张三"
    assert read_plan_meta(text).title == "某镇2024年度重点工作计划二季度执行情况"
    title = "2023年区政府民生实事推进情况(1-11月)"
    assert read_plan_meta(f"{title}\n序号 | 任务 |").title == title


def test_title_and_number_on_one_line():
    text = "某自治区 2023 年推动产业发展政策清单 某政发〔2023〕3 号 为全面贯彻落实,制定本清单。"
    m = read_plan_meta(text)
    assert (m.title, m.doc_number) == ("某自治区2023年推动产业发展政策清单", "某政发〔2023〕3号")


def test_bracketed_number_line():
    text = "某市人民政府办公室关于印发《某市工作方案》的通知\n(某府办函〔2020〕8号)\n各区人民政府:" + BODY
    assert read_plan_meta(text).doc_number == "某府办函〔2020〕8号"


def test_garbled_date_readings():
    assert date_readings("2022610日") == ("2022-06-10",)
    assert date_readings("2024115") == ("2024-01-15", "2024-11-05")
    assert date_readings("正文2024") == ()


def test_garbled_date_is_decided_by_the_pages_dates_or_left_none():
    assert pick_reading(("2022-01-21", "2022-12-01"), ("2022-01-21",)) == "2022-01-21"
    assert pick_reading(("2019-01-16", "2019-11-06"), ()) is None
    signed = "某市某区人民政府\n2024115\n(此件公开发布)\n某区2024年工作计划" + BODY
    assert read_plan_meta("发布时间:2024-01-18\n" + signed).date == "2024-01-15"
    assert read_plan_meta(signed).date is None
    assert read_plan_meta("某市某区人民政府\n2022610日\n某区2022年工作计划" + BODY).date == "2022-06-10"


def test_a_date_alone_under_the_notice_is_the_signature_date():
    text = ("某区人民政府办公室关于印发某区2023年重点任务分解的通知\n各单位:\n现印发给你们。\n"
            "      2022年12月27日\n" + BODY)
    m = read_plan_meta(text)
    assert m.date == "2022-12-27" and m.issuers == ()


def test_issuers_printed_before_about_keep_their_printed_form():
    joint = "中共某某省委 某某省人民政府关于做好2022年乡村振兴重点工作的实施意见\n2022-05-19 14:17" + BODY
    m = read_plan_meta(joint)
    assert m.issuers == ("中共某某省委", "某某省人民政府")
    assert m.title == "中共某某省委 某某省人民政府关于做好2022年乡村振兴重点工作的实施意见"


@pytest.mark.parametrize("text, date", [
    # No date of its own: the day the page published it.
    ("某区2023年工作要点\n发布日期:2023-03-13 分享:\n一、目标\n正文。", "2023-03-13"),
    # A date in brackets under the title, and the date opening a report's speech line.
    ("某市推进行动实施意见\n(2015年9月15日)\n为贯彻落实,提出如下意见。\n一、目标\n正文。", "2015-09-15"),
    ("2020年某县人民政府工作报告\n——2019年12月29日在某县人民代表大会上\n一、回顾\n正文。", "2019-12-29"),
    # A signer and its date inside a line of a document printed on one line.
    ("关于某某方案的通知 现印发给你们,请认真组织实施。 某某市人民政府 2024年11月16日 (此件主动公开) 一、目标 正文。",
     "2024-11-16"),
    # A date that lost its 年/月/日, alone on its line, read by the page's posting date.
    ("关于印发《某市2024年工作要点》的通知\n发布时间:2024-03-28 09:33\n现印发给你们。\n2024327\n一、目标\n正文。",
     "2024-03-27"),
])
def test_date_where_the_page_prints_it(text, date):
    assert read_plan_meta(text).date == date


def test_a_signature_inside_a_line_names_the_issuer():
    text = "关于某某方案的通知 现印发给你们,请认真组织实施。 福州市人民政府 2024年11月16日 (此件主动公开) 一、目标 正文"
    assert read_plan_meta(text).issuers == ("福州市人民政府",)


def test_one_character_county_is_a_place():
    text = "歙县人民政府办公室关于印发《某某工作方案》的通知\n各乡、镇人民政府:\n现印发给你们。\n2025年5月14日" + BODY
    assert read_plan_meta(text).issuers == ("歙县人民政府办公室",)


def test_joint_signature_printed_without_a_space():
    text = "中共宿州市委宿州市人民政府关于加快园区发展的实施意见\n各县、区:" + BODY
    assert read_plan_meta(text).issuers == ("中共宿州市委", "宿州市人民政府")


def test_title_split_over_two_lines_with_the_addressees_next():
    text = "西平县人民政府办公室\n关于印发西平县2020年度法治政府建设\n工作安排的通知\n各乡镇人民政府,各街道:" + BODY
    meta = read_plan_meta(text)
    assert meta.title == "西平县2020年度法治政府建设工作安排"
    assert meta.issuers == ("西平县人民政府办公室",)


def test_field_value_after_blank_lines_and_a_town_issuer():
    fields = read_meta_fields("  • 发布机构:\n\n    区政府办公室\n\n  • 发文日期:\n\n    2021-07-01")
    assert fields.issuer == "区政府办公室"
    text = "索引号: | 0001/2021-1 | 公开方式: | 主动公开 |\n发布单位: | 杜桥镇 |\n杜桥镇2021年工作计划 |\n|" + BODY
    meta = read_plan_meta(text)
    assert (meta.title, meta.issuers) == ("杜桥镇2021年工作计划", ("杜桥镇",))


def test_source_value_ends_at_the_next_page_field():
    fields = read_meta_fields("发布时间:2024-03-28 09:33信息来源: 芜湖市教育局阅读次数:编辑:某某 字体:【")
    assert fields.source == "芜湖市教育局"


@pytest.mark.parametrize("text, title", [
    ("钟楼区2023年生活垃圾分类工作任务清单.docx\n\n上传人:p** 文档编号:329362\n"
     "资源描述钟楼区2023年生活垃圾分类工作任务清单\n序号 任务 责任单位", "钟楼区2023年生活垃圾分类工作任务清单"),
    ("《2023年某县安全生产工作要点.docx》由会员分享,可在线阅读,更多相关请搜索。\n1、2023年某县安全生产工作要点2023年全县…",
     "2023年某县安全生产工作要点"),
    ("2023年区政府重点民生实事项目推进情况(1-11月)\n序号 |\n主要任务 |\n牵头单位 |\n1-10月推进情况 |\n1-11月推进情况 |",
     "2023年区政府重点民生实事项目推进情况(1-11月)"),
    ("2019年县政府工作报告三季度完成情况通报\n10.16  第 八 期 2019年县政府工作报告三季度完成情况\n正文。",
     "2019年县政府工作报告三季度完成情况通报"),
    ("名 称: 某省卫生健康委2021年政务公开工作重点任务台账\n文 号:\n2021 年政务公开工作重点任务台账 |\n"
     "序号 | 工作任务 | 责任处室 |",
     "某省卫生健康委2021年政务公开工作重点任务台账"),
])
def test_title_among_page_furniture(text, title):
    assert read_plan_meta(text).title == title


def test_signing_notes_keys_glued_to_values_and_two_plans_in_one_notice():
    text = ("某某工作领导小组办公室关于印发《甲市推进行动方案》和《甲市支持政策措施》的通知\n各县区:\n现印发给你们。\n"
            "某某工作领导小组办公室(代)\n2024年3月22日" + BODY)
    meta = read_plan_meta(text)
    assert meta.title == "甲市推进行动方案"
    assert meta.issuers == ("某某工作领导小组办公室",)
    text = "索引号000014349/2022-43602\n发文字号黎政发〔2022〕3号 发文时间2022-07-13\n黎城县推进工作实施方案" + BODY
    assert read_plan_meta(text).doc_number == "黎政发〔2022〕3号"


def test_a_title_printed_after_its_bodys_name():
    meta = read_plan_meta("包头市委《关于全面贯彻落实民族团结的具体措施》\n为深入贯彻落实,制定如下措施。" + BODY)
    assert (meta.title, meta.issuers[:1]) == ("关于全面贯彻落实民族团结的具体措施", ("包头市委",))


def test_a_caption_in_a_table_cell_and_a_work_outline_are_titles():
    caption = "2025年度区民政局重点工作任务分解"
    assert read_plan_meta(f"| {caption} |\n| 序号 |\n责任单位 |" + BODY).title == caption
    outline = "官庄镇人民政府2023年工作思路"
    assert read_plan_meta(f"{outline}\n2023年工作总体思路是:全面贯彻。" + BODY).title == outline


@pytest.mark.parametrize("text, title", [
    ("鄂政发〔2019〕1号《某省人民政府关于推进某某工作的实施意见》\n各市、州人民政府:\n现印发给你们。" + BODY,
     "某省人民政府关于推进某某工作的实施意见"),
    ("2025年省《政府工作报告》重点工作分工方案(一)\n为贯彻落实,制定本方案。" + BODY,
     "2025年省《政府工作报告》重点工作分工方案"),
    ("2021年政府工作思路和主要任务\n今年工作的总体思路是:坚持稳中求进。" + BODY, "2021年政府工作思路和主要任务"),
])
def test_titles_behind_a_doc_number_a_part_number_or_ending_in_main_tasks(text, title):
    assert read_plan_meta(text).title == title
