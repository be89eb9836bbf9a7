"""Plan metadata from invented front matters."""
from __future__ import annotations

from plankg.ingest.plan_meta import find_period, read_plan_meta


def test_notice_with_split_title_signature_and_number():
    text = ("湖政办发〔2024〕12号\n关于印发《湖州市推进新型工业化\n实施方案(2024—2027年)》的通知\n各区县人民政府:\n"
            "现印发给你们。\n湖州市人民政府办公室\n2024年5月6日\n湖州市推进新型工业化实施方案(2024—2027年)\n一、目标\n正文。")
    m = read_plan_meta(text)
    assert m.title == "湖州市推进新型工业化实施方案(2024—2027年)"
    assert m.issuers == ("湖州市人民政府办公室",)
    assert (m.date, m.doc_number, m.period, m.region, m.status) == ("2024-05-06", "湖政办发〔2024〕12号",
                                                                     (2024, 2027), "湖州市", None)


def test_issuer_abbreviation_is_resolved_where_the_page_prints_the_full_name_and_view_dates_ignored():
    text = ("发布机构 区经信局\n发布日期:2023-08-01 点击:\n关于印发《湖州市吴兴区数字经济“十四五”规划》的通知\n"
            "吴兴区经信局\n2021年10月8日\n湖州市吴兴区数字经济“十四五”规划\n吴兴区经济和信息化局\n一、基础\n正文。")
    m = read_plan_meta(text)
    assert m.issuers == ("吴兴区经济和信息化局",)
    assert m.date == "2021-10-08" and m.period == (2021, 2025) and m.region == "吴兴区"
    # a page that prints only the short name reports it as printed
    m = read_plan_meta(text.replace("吴兴区经济和信息化局\n", ""))
    assert m.issuers == ("吴兴区经信局",)
    assert m.date == "2021-10-08" and m.period == (2021, 2025) and m.region == "吴兴区"


def test_title_lines_and_draft_status():
    text = ("来源:某网站 日期:2023-07-01\n关于支持某某园区高质量发展的\n实施意见\n(征求意见稿)\n"
            "为支持园区发展,到2028年建成一流园区。\n一、目标")
    m = read_plan_meta(text)
    assert m.title == "关于支持某某园区高质量发展的实施意见(征求意见稿)"
    assert m.status == "draft"


def test_fragment_takes_its_appendix_title():
    text = ("3.加快建设。内容。\n四、保障\n(一)组织。内容。\n"
            "附件\n湖州市“十四五”重大项目清单\n序号 项目名称 建设单位\n1 甲 乙公司")
    m = read_plan_meta(text)
    assert m.title == "湖州市“十四五”重大项目清单" and m.period == (2021, 2025) and m.region == "湖州市"


def test_periods():
    assert find_period("某市“十五五”规划", "", None) == (2026, 2030)
    assert find_period("某市2025年工作要点", "", None) == (2025, 2025)
    assert find_period("某实施意见", "到2030年,形成格局。", "2024-01-02") == (2024, 2030)


def test_signature_at_the_end_in_chinese_numerals():
    text = "湖州市关于加快科技创新的若干意见\n一、目标\n正文。\n二、措施\n正文。\n湖州市人民政府\n二〇二四年三月五日"
    m = read_plan_meta(text)
    assert m.issuers == ("湖州市人民政府",) and m.date == "2024-03-05"


def test_two_signers_on_one_line():
    text = "关于印发《湖州市某某方案》的通知\n中共湖州市委办公室 湖州市人民政府办公室\n2024年1月2日\n一、目标\n正文。"
    assert read_plan_meta(text).issuers == ("中共湖州市委办公室", "湖州市人民政府办公室")


def test_cited_document_numbers_are_not_the_plans():
    text = "关于印发《湖州市某某方案》的通知\n根据《某省方案》(浙政发〔2021〕5号)精神,现印发。\n一、目标\n正文。"
    assert read_plan_meta(text).doc_number is None


def test_long_form_five_year_plan_title():
    assert find_period("湖州市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要", "", None) == (2021, 2025)
