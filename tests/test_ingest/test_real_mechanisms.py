"""One test per mechanism that real documents called for, through the pipeline users run (`extract_text`).

The inputs are small texts written here in the shape of what real plans print (the development set in
tests/cases/real is the evidence; these are fixtures). Each test fails without its mechanism.
"""
from __future__ import annotations

from plankg.ingest.pipeline import extract_text

HEAD = "某市2024年重点工作任务分工方案\n"


def _resp(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    return [(t.text[:6], [(d.name, d.role.value) for d in t.departments])
            for t in extract_text(HEAD + text).tasks if t.departments]


def _names(got: list[tuple[str, list[tuple[str, str]]]]) -> list[str]:
    """The units of `_resp`'s tasks, in order, without their roles."""
    return [name for _, deps in got for name, _ in deps]


def _targets(text: str) -> list[tuple[str, float | None, str | None]]:
    return [(t.metric, t.value, t.unit) for t in extract_text(HEAD + text).targets]


def _platforms(text: str) -> list[str]:
    return [p.name for p in extract_text(HEAD + text).platforms]


def _firms(text: str) -> list[str]:
    return [e.name for e in extract_text(HEAD + text).enterprises]


# --------------------------------------------------------------------------- responsibility

def test_a_heading_naming_the_lead_leads_every_task_under_it():
    got = _resp("一、县示范区管委会牵头工作(2项)\n1.建设循环水养殖基地。\n2.打造食用菌生产基地。\n"
                "二、孟学农省长负责的工作\n1.抓好落实。")
    assert got == [("建设循环水养", [("县示范区管委会", "lead")]), ("打造食用菌生", [("县示范区管委会", "lead")])]


def test_units_taking_part_are_supporting_units():
    got = _resp("成员单位职责\n一、实施未成年人科学素质行动(由教育部、共青团中央牵头,科技部、中国科协参加)\n")
    assert got == [("实施未成年人", [("教育部", "lead"), ("共青团中央", "lead"), ("科技部", "support"),
                                    ("中国科协", "support")])]


def test_a_unit_cell_printed_by_level_and_stem_stays_a_cell_of_the_row():
    text = ("领域\n\n主要目标\n\n主要责任单位\n\n责任单位\n\n1.提高孕产妇医疗保健水平。\n\n"
            "——孕产妇死亡率控制在15/10万以内。\n\n省卫生厅\n\n省人口计生\n\n省公安厅\n\n"
            "2.提高儿童健康水平。\n\n省卫生厅\n\n省教育厅\n")
    got = [[d.name for d in t.departments] for t in extract_text(HEAD + text).tasks if t.departments]
    assert got == [["省卫生厅", "省人口计生", "省公安厅"], ["省卫生厅", "省教育厅"]]


def test_a_row_leaving_out_its_groups_merged_label_keeps_its_columns():
    text = ("政策类别 序号 扶持政策事项 政策内容 实施部门\n"
            "财政资金支持 1 建立帮扶机制 畅通热线电话。 责任单位:市财政局\n"
            "2 给予财政贴息支持 由市财政给予贴息。 责任单位:市发展改革委、市工业和信息化局\n")
    got = [(t.text[:6], [d.name for d in t.departments]) for t in extract_text(HEAD + text).tasks if t.departments]
    assert got == [("建立帮扶机制", ["市财政局"]), ("给予财政贴息", ["市发展改革委", "市工业和信息化局"])]


def test_bar_rows_without_a_header_open_with_their_number_and_a_bureaus_divisions_are_collective_units():
    text = ("具 体 要 求 | 责任科室 | ||\n"
            "3 | 科学确定解读范围,做到应解读尽解读。 | 办公室牵头,局各股室、局属各中心配合 | |\n"
            "4 | 合理创新解读方式。 | 办公室牵头,局各股室、局属各中心配合 | |\n")
    got = _resp(text)
    assert got == [(t, [("办公室", "lead"), ("局各股室", "support"), ("局属各中心", "support")])
                   for t in ("科学确定解读", "合理创新解读")]


def test_sentences_of_a_paragraph_opening_with_their_leads_are_tasks():
    got = _resp("同时,要求县级部门牵头实施好八大行动。即县水务局牵头,组织开展打击非法采砂专项行动。"
                "县农委、畜牧局牵头,做好打击非法养鱼。县交委牵头,县公安局配合,组织开展打击非法码头专项行动。\n")
    assert [deps for _, deps in got] == [[("县水务局", "lead")], [("县农委", "lead"), ("畜牧局", "lead")],
                                         [("县交委", "lead"), ("县公安局", "support")]]


def test_a_task_cell_printed_one_cell_a_paragraph_states_its_lead():
    text = ("序号\n\n工作内容\n\n完成情况\n\n1\n\n慎终如始抓好疫情防控,继续交出防疫高分报表。"
            "(牵头单位:市疫情防控办)\n\n已开展至少3次院感督导。\n")
    assert _resp(text) == [("慎终如始抓好", [("市疫情防控办", "lead")])]


def test_an_item_dividing_its_duties_among_units_is_a_task_each():
    got = _resp("四、保障措施\n(二)明确分工,责任到人。市发改委负责提出全市节能规划;市经贸委负责全市工业节能;"
                "市规划局、市建设局负责建筑节能。\n")
    assert [[name for name, _ in deps] for _, deps in got] == [["市发改委"], ["市经贸委"], ["市规划局", "市建设局"]]


def test_responsible_units_beside_supporting_units_lead():
    got = _resp("一、任务\n1.推进园区建设。(责任单位:市发改委;配合单位:市财政局)")
    assert got == [("推进园区建设", [("市发改委", "lead"), ("市财政局", "support")])]


def test_host_and_co_host_verbs_give_roles():
    got = _resp("一、任务\n(一)公共财政收入增长13%左右。(省财政厅主办,省国税局、地税局协办)")
    assert got[0][1] == [("省财政厅", "lead"), ("省国税局", "support"), ("地税局", "support")]


def test_a_deadline_inside_a_clause_is_no_unit():
    got = _resp("一、任务\n1。实现全年目标任务。(市政府各部门分别负责,年内持续推进)")
    assert got == [("实现全年目标", [("市政府各部门", "responsible")])]


def test_a_convention_after_a_full_stop_inside_the_bracket_is_a_convention():
    got = _resp("一、任务\n1、加快构建环湖快速通道。(省发改委、省交通运输厅负责。列第一位的为牵头部门,下同)\n"
                "2、加快国省道升级改造。(省交通运输厅、省财政厅负责)")
    assert got == [("加快构建环湖", [("省发改委", "lead"), ("省交通运输厅", "support")]),
                   ("加快国省道升", [("省交通运输厅", "lead"), ("省财政厅", "support")])]


def test_qualified_collective_units_are_kept_and_bare_ones_dropped():
    got = _resp("一、任务\n1.推进工作。(责任单位:市政府办公室、市级其他有关单位、有关部门)")
    assert got == [("推进工作。(", [("市政府办公室", "responsible"), ("市级其他有关单位", "responsible")])]


def test_unnumbered_paragraphs_hold_clauses_but_a_footer_label_is_no_task():
    got = _resp("加快推进园区基础设施建设。(责任单位:市发改委)\n主办单位:某市人民政府办公室")
    assert got == [("加快推进园区", [("市发改委", "responsible")])]


def test_the_next_item_glued_to_the_previous_one_is_its_own_task():
    got = _resp("一、目标\n(一)地区生产总值增长11%左右。(省发改委负责)(二)公共财政收入增长13%左右。(省财政厅负责)")
    assert [t for t, _ in got] == ["地区生产总值", "公共财政收入"]


def test_a_cell_shifted_into_a_unit_column_by_a_merged_cell_is_no_unit():
    got = _resp("序号 | 项目内容 | 牵头单位 | 落实情况 |\n1 | 为老年人免费接种疫苗。 | 县卫生健康局 | 已完成。 |\n"
                "2 | 开展结直肠癌筛查。 | 已完成。 完成筛查人数3495人 |")
    assert got == [("为老年人免费", [("县卫生健康局", "lead")])]


def test_a_wrapped_row_of_a_one_row_per_line_table_stays_in_the_table():
    got = _resp("序号 | 工作任务 | 责任单位 | 一季度目标 |\n1 | 新改扩建公办中小学校1所 | 教体局 | 开工 |\n"
                "新增学位810个 | |||\n2 | 完成结对帮扶学校2所 | 教体局 | 互派人员 |")
    assert [t for t, _ in got] == ["新改扩建公办", "完成结对帮扶"]


# --------------------------------------------------------------------------- targets

def test_counts_of_lines_are_targets_but_articles_of_a_policy_are_not():
    got = _targets("一、任务\n1.新增公交线路3条,优化调整公交线路20条,出台惠企政策20条。")
    assert got == [("新增公交线路", 3.0, "条"), ("优化调整公交线路", 20.0, "条")]


def test_per_units_counts_in_ten_thousands_and_ranges_printing_the_unit_twice():
    got = _targets("一、目标\n1.城区道路路网密度达到5.1公里/平方公里,泛物联网连接数达到3000万。\n2.经济增长7.5%—8%。")
    assert ("城区道路路网密度", 5.1, "公里/平方公里") in got
    assert ("泛物联网连接数", 3000.0, "万") in got
    assert ("经济增长", 7.5, "%") in got


def test_a_doubling_clause_names_the_metric_of_the_figure_after_it():
    got = _targets("一、目标\n1.高新技术企业数量增加一倍,达到2000家;国家级平台数量翻一番,达到14个。")
    assert got == [("高新技术企业数量", 2000.0, "家"), ("国家级平台数量", 14.0, "个")]


def test_a_heading_running_on_into_its_body_is_no_review_of_the_past():
    got = _targets("一、总体要求和目标\n(一)总体要求:坚持稳中求进,以优异成绩庆祝成立70周年。\n"
                   "主要预期目标:经济增长6%左右。")
    assert got == [("经济增长", 6.0, "%")]


def test_a_target_stated_as_the_goal_of_a_phrase():
    assert _targets("一、目标\n1.确保实现财政收入增长4%的目标。") == [("财政收入增长", 4.0, "%")]


# --------------------------------------------------------------------------- platforms and enterprises

def test_items_of_a_list_that_names_a_platform_are_platforms_when_named_like_places():
    got = _platforms("一、任务\n"
                     "1.推进数字产业金廊、中科文萃数字港、国家高新区南塔片区、大学科技园区以及多福湾新质区建设。")
    for name in ("数字产业金廊", "中科文萃数字港", "国家高新区南塔片区", "大学科技园区", "多福湾新质区"):
        assert name in got


def test_slogans_and_counted_classes_are_no_platforms():
    got = _platforms("一、任务\n1.构建“一带两园”格局,打造三高地两基地,整合正路六个园区。")
    assert got == []


def test_the_name_after_a_dash_names_the_platform_described():
    assert _platforms("一、任务\n1.打造新型基础设施智能运营管理平台——粤基座。") == ["粤基座"]


def test_short_trade_names_after_a_verb_of_support_and_in_project_lists():
    got = _firms("一、任务\n1.加快安徽节源、沈发废弃油脂等在建项目的建设进度,全力扶持康普药业上市。")
    assert got == ["安徽节源", "沈发废弃油脂", "康普药业"]


def test_department_stems_listed_before_firms_are_no_firms():
    assert _firms("一、任务\n1.努力实现经信、财政、商务、税务、市场监管等企业年报“多报合一”。") == []


def test_a_list_item_opens_with_a_noun_even_after_a_preposition_word():
    assert "从化经济开发区" in _platforms("一、任务\n1.推进临空冷链物流产业园、从化经济开发区建设。")


# --------------------------------------------------------------------------- plan fields

def test_an_issuer_that_prints_its_place_is_reported_as_printed_and_the_graph_keeps_one_node():
    from plankg.ingest.assemble import to_document_graph

    text = ("苏州市吴江区人民政府关于印发《区政府2024年重点工作目标任务分解落实方案》的通知\n现印发给你们。\n"
            "苏州市吴江区人民政府\n2024年1月25日\n一、任务\n1.推进工作。(责任单位:吴江区人民政府)")
    ex = extract_text(text)
    assert ex.plan.issuers == ["苏州市吴江区人民政府"]
    graph = to_document_graph(ex)
    names = sorted(n.name for n in graph.nodes if n.label.value == "Department")
    assert names == ["吴江区人民政府"]


def test_a_metadata_block_printed_key_value_key_value_is_no_table():
    got = _resp("发文单位\n市人民政府办公室\n发文字号\n十政办发〔2023〕12号\n"
                "一、任务\n(一)深化政务服务。(牵头单位:市行政审批局)")
    assert got == [("深化政务服务", [("市行政审批局", "lead")])]


def test_a_key_may_open_with_a_word_before_its_role_and_a_place_is_no_person():
    got = _resp("一、任务\n(一)构建法治环境保障体系(总牵头单位:县委依法治县委员会办公室)\n"
                "(二)组织实施规划。(牵头单位:科技厅、绵阳市;责任单位:县直各有关单位)")
    assert got == [("构建法治环境", [("县委依法治县委员会办公室", "lead")]),
                   ("组织实施规划", [("科技厅", "lead"), ("绵阳市", "lead"), ("县直各有关单位", "responsible")])]


def test_spaces_a_scraper_turned_into_question_marks_are_spaces_again(tmp_path):
    from plankg.ingest.pipeline import extract_file

    page = tmp_path / "page.txt"
    page.write_text(HEAD + "序号 | 重点工作任务 | 牵头单位 |?\n1? | 加快推进园区建设? | 市发改委? |\n"
                    "2? | 推进招商引资工作? | 市商务局? |\n", encoding="utf-8")
    got = [(t.text[:6], [d.name for d in t.departments]) for t in extract_file(page).tasks if t.departments]
    assert got == [("加快推进园区", ["市发改委"]), ("推进招商引资", ["市商务局"])]


def test_a_card_of_key_value_lines_is_a_task_with_its_units():
    got = _resp("重点工作: | 弘扬企业家精神,构建新型政商关系。 |\n牵头单位: | 市工业和信息化局 |\n"
                "年度阶段性工作目标: | 第一季度:召开恳谈会。 |")
    assert got == [("弘扬企业家精", [("市工业和信息化局", "lead")])]


# --------------------------------------------------------------------------- fifth round (v01-v42)

def test_a_heading_that_is_one_units_name_makes_it_responsible_for_the_items_under_it():
    got = _resp("(一)综合办公室(党群工作部、督查室)\n(1)年度主要任务:\n①宣传推介园区;②理顺体制机制。\n"
                "(二)招商合作局\n①制作招商手册。\n(三)保障措施\n①加强领导。")
    assert [(t, units) for t, units in got] == [
        ("宣传推介园区", [("综合办公室(党群工作部、督查室)", "responsible")]),
        ("理顺体制机制", [("综合办公室(党群工作部、督查室)", "responsible")]),
        ("制作招商手册", [("招商合作局", "responsible")]),
    ]


def test_circled_numbers_on_one_line_are_items_of_their_own():
    got = _resp("一、任务\n①建设园区;②引进企业;③培育人才。(责任单位:区发改局)")
    assert [t for t, _ in got][-1].startswith("培育人才")


def test_a_triangle_beside_a_unit_marks_it_and_is_no_part_of_its_name():
    got = _resp("序号\n主要工作\n责任单位\n1\n生产总值增长7.5%左右\n▲发改局,各部门\n")
    assert got and got[0][1][0] == ("发改局", "lead")


def test_first_listed_convention_with_zhe_leads_and_is_no_unit():
    got = _resp("一、重点工作\n1.制定政策体系。\n责任单位:财政局、发改局(列第一位者为牵头或汇总单位,下同)\n"
                "2.落实减税政策。\n责任单位:税务局、财政局\n二、保障\n加强领导。")
    assert got == [("制定政策体系", [("财政局", "lead"), ("发改局", "support")]),
                   ("落实减税政策", [("税务局", "lead"), ("财政局", "support")])]


def test_names_without_an_industry_word_in_a_project_list_are_firms_but_sectors_and_places_are_not():
    assert _firms("一、任务\n1.加快国轩20GWH、巡鹰、登特菲等项目建设进度。") == ["国轩", "巡鹰", "登特菲"]
    assert _firms("一、任务\n1.加快风电、光伏、储能等项目建设。推进城南片区、老城区、滨江新区等更新项目。"
                  "推进一中、二中、实验小学等学校项目。") == []
    assert _firms("一、任务\n1.推进总投资 80 亿元的中粮粮谷、源香食品等 20 个工业项目开工。") == \
        ["中粮粮谷", "源香食品"]
    assert _firms("一、任务\n1.苏农科技等3家企业开展备案辅导。") == ["苏农科技"]


def test_central_state_firms_by_their_short_names():
    assert set(_firms("一、任务\n1.华能20万千瓦风电成功并网,中储粮仓储项目进展顺利。")) == {"华能", "中储粮"}


def test_verbs_before_a_name_stay_out_of_it():
    assert _platforms("一、任务\n1.主动对接台州湾科创大走廊,理顺中国眼谷建设管理体制。") == \
        ["台州湾科创大走廊", "中国眼谷"]


def test_every_mention_in_a_task_is_a_fact_and_a_target_stated_twice_keeps_both_places():
    ex = extract_text("某市2024年工作要点\n一、目标\n新增高新技术企业2000家。\n二、任务\n"
                      "1.建设之江实验室。(责任单位:市科技局)\n2.支持之江实验室发展,新增高新技术企业2000家。(责任单位:市经信局)\n")
    assert [(p.name, p.task_ref) for p in ex.platforms] == [("之江实验室", "二.1"), ("之江实验室", "二.2")]
    assert [(t.section, t.task_ref) for t in ex.targets if t.value == 2000] == [("一", None), ("二", "二.2")]


def test_a_registered_name_starts_after_the_clauses_verbs_of_recognition():
    assert _firms("一、任务\n1.经审核,市政府批准认定江苏宏基铝业科技股份有限公司等203家企业技术中心。") == \
        ["江苏宏基铝业科技股份有限公司"]
    assert _firms("一、任务\n1.支持中国建设银行股份有限公司设立分行。") == ["中国建设银行股份有限公司"]


def test_a_field_joined_by_yu_before_a_place_and_head_is_one_laboratory_named_without_the_joint_prefix():
    assert _platforms("一、任务\n1.省市共建脊柱脊髓功能重建工程技术与材料广东省重点实验室。") == \
        ["脊柱脊髓功能重建工程技术与材料广东省重点实验室"]
    assert _platforms("一、任务\n1.建设省部共建超声医学工程国家重点实验室。") == ["省部共建超声医学工程国家重点实验室"]


# --------------------------------------------------------------------------- seventh round (v61-v82)

def test_towns_on_lines_of_their_own_continue_a_tables_unit_cell():
    got = _resp("序号\n事项名称\n项目内容\n牵头单位\n协同单位\n1\n新建中小学校\n实施新建中小学校5家。\n区教体局\n"
                "东孝街道\n孝顺镇\n傅村镇\n区发改局\n2\n建设阳光厨房\n安装平台。\n区教体局\n区财政局\n")
    assert got == [("新建中小学校", [("区教体局", "lead"), ("东孝街道", "support"), ("孝顺镇", "support"),
                                  ("傅村镇", "support"), ("区发改局", "support")]),
                   ("建设阳光厨房", [("区教体局", "lead"), ("区财政局", "support")])]


def test_a_duty_phrase_with_two_bases_and_a_tail_of_member_units_stay_out_of_names():
    got = _resp("一、任务\n(一)推进法治建设。\n责任单位:县司法局、各有关部门,乡镇人民政府按职责分工分别负责。\n"
                "(二)推进数字经济。(责任单位:区发改委、区商务局等数字经济工作领导小组成员单位)\n")
    assert [units for _, units in got] == [
        [("县司法局", "responsible"), ("各有关部门", "responsible"), ("乡镇人民政府", "responsible")],
        [("区发改委", "responsible"), ("区商务局", "responsible")]]


# --------------------------------------------------------------------------- eighth round (w01-w30)

def test_a_phrase_clause_in_any_bracket_pair_with_a_tail_in_the_middle():
    got = _resp("一、任务\n1.深入开展宣教活动。〔县委办、县应急局等相关县级部门和各镇分工负责〕\n2.乙。")
    assert got[0][1] == [("县委办", "responsible"), ("县应急局", "responsible"), ("各镇", "responsible")]


def test_a_table_glued_into_one_line_is_read_by_its_row_numbers_across_page_chunk_markers():
    text = ("1、某市垃圾分类重点任务责任分工表序号工作内容目标任务责任单位备注1加强分类宣传。"
            "2021年2月底前,知晓率达90%以上。市委宣传部(市文明办)、市城管委,各区(市)县政府(管委会)2完善回收体系。2021年2月底前,基本建成体系。市商务局,市\n"
            "2、住建局、市城管委\n")
    got = _resp(text)
    assert got == [("加强分类宣传", [("市委宣传部(市文明办)", "responsible"), ("市城管委", "responsible"),
                                 ("各区(市)县政府(管委会)", "responsible")]),
                   ("完善回收体系", [("市商务局", "responsible"), ("市住建局", "responsible"),
                                 ("市城管委", "responsible")])]


def test_bar_rows_that_leave_out_a_column_keep_their_units_in_the_unit_column():
    got = _resp("工作任务 | 具体要求 | 责任科室 |\n一、做好财政信息公开 | 1.推进预算公开。 | 财务科 |\n"
                "2.更新网站信息。 | 办公室牵头,各科室配合 | |\n"
                "序号 | 工作任务 | 细化分工 | 责任处室 | 完成时限 | 备注 |\n"
                "1 | 做好疫苗信息公开 | 疾控处 | 长期推进 |\n")
    assert [units for _, units in got] == [[("财务科", "responsible")],
                                           [("办公室", "lead"), ("各科室", "support")],
                                           [("疾控处", "responsible")]]


def test_a_key_glued_to_the_last_unit_before_it_leaves_that_unit_whole():
    got = _resp("一、任务\n(一)加强垃圾治理。\n"
                "牵头单位:农业农村局、城管局、卫健局配合单位:各镇人民政府、街道办事处\n(二)乙。")
    assert got[0][1] == [("农业农村局", "lead"), ("城管局", "lead"), ("卫健局", "lead"),
                         ("各镇人民政府", "support"), ("街道办事处", "support")]


def test_a_lead_phrase_in_a_bar_cell_names_no_bar():
    got = _resp("一、任务\n1.摸清规范性文件底数。 | 办公室牵头,各科室配合 |\n")
    assert got[0][1][0] == ("办公室", "lead")


# --------------------------------------------------------------------------- ninth round (w31-w55)

def test_a_role_key_after_a_comma_opens_a_label_group():
    got = _resp("二、部分项目进展情况\n1、技能培训提升,牵头单位:市退役军人局。其中,进度较慢的为叶集区。\n")
    assert got == [("技能培训提升", [("市退役军人局", "lead")])]


def test_a_heading_opening_with_ge_is_no_units_name():
    got = _resp("一、各县区民生工程实施进度综合排名\n1、金寨县;2、裕安区;\n")
    assert got == []


def test_bureau_sections_and_ministry_departments_are_units_in_table_cells():
    got = _resp("序号\n主要工作目标内容\n责任科室\n1\n高新技术企业\n工业股、农业股\n2\n科技型中小企业\n工业股\n")
    assert [units for _, units in got] == [[("工业股", "responsible"), ("农业股", "responsible")],
                                           [("工业股", "responsible")]]
    got = _resp("序号 |\n指标名称 |\n预期效果 |\n完成时限 |\n指标 属性 |\n牵头负责司局 |\n备注 |\n"
                "1 |\n创建国家级示范区 |\n确定首批名单 |\n6月 |\n预期性 |\n规划司 |\n|\n"
                "2 |\n钢铁去产能规模 |\n3000万吨左右 |\n12月 |\n约束性 |\n原材料工业司 |\n|\n")
    assert [units for _, units in got] == [[("规划司", "lead")], [("原材料工业司", "lead")]]


def test_a_role_key_with_wei_opens_a_label_group_but_a_convention_stays_one():
    got = _resp("一、经济指标\n1.人均地区生产总值:增长6%左右(依据目标设置),责任单位为区发改委;\n"
                "2.规模以上工业增加值:增长8%,责任单位为区经信局;\n")
    assert [units for _, units in got] == [[("区发改委", "responsible")], [("区经信局", "responsible")]]
    got = _resp("一、任务\n1.推进改革。\n责任单位:市发改委、市财政局(第一责任单位为牵头单位,下同)\n2.乙。\n")
    assert got == [("推进改革。\n", [("市发改委", "lead"), ("市财政局", "support")])]


def test_a_designation_zone_with_a_proper_name_the_gazetteer_does_not_know_is_a_platform(run_pipeline):
    text = "推动原沙头角保税区、创智核片区融入沙头角深港国际旅游消费合作区建设,争创科技体制改革试验区。"
    names = {p.name for p in run_pipeline(text).platforms}
    assert {"沙头角深港国际旅游消费合作区", "原沙头角保税区", "创智核片区"} <= names
    # A category of designation (no proper part) and a clause opening with a verb name nothing.
    assert not names & {"科技体制改革试验区", "争创科技体制改革试验区"}
    assert not any(p.name.startswith(("改造", "整治")) for p in run_pipeline("改造凤园西侧片区。").platforms)


def test_firm_shaped_names_listed_before_what_firms_do_are_firms(run_pipeline):
    text = ("力争森泰股份、强邦新材、天运股份上市。临海新材料、星铃新材料、鹰游新立成毛绒等项目已生产。"
            "力争新材料、生物医药产业上市融资。")
    names = [e.name for e in run_pipeline(text).enterprises]
    assert {"森泰股份", "强邦新材", "天运股份", "临海新材料", "星铃新材料", "鹰游新立成毛绒"} <= set(names)
    assert "新材料" not in names and "生物医药" not in names


# --------------------------------------------------------------------------- tenth round (x01-x43)

def test_a_collective_of_a_named_body_is_a_unit():
    got = _resp("一、任务\n1.做好今年政府工作。(国务院各部门分别负责,年内持续推进)\n"
                "2.推进改革。(省政府有关部门按职责分工负责)")
    assert got == [("做好今年政府", [("国务院各部门", "responsible")]),
                   ("推进改革。(", [("省政府有关部门", "responsible")])]


def test_a_sentence_of_units_and_a_duty_verb_closes_its_item():
    got = _resp("一、任务\n1.推进排污口整治。建立分级负责的管理机制。市生态环境局负责。\n"
                "2.提升处理效能。市发改局、市住建局分别负责。\n3.完善机制,压实各方责任,负责到底。")
    assert got == [("推进排污口整", [("市生态环境局", "responsible")]),
                   ("提升处理效能", [("市发改局", "responsible"), ("市住建局", "responsible")])]


def test_a_card_of_keys_each_above_its_value_is_one_task():
    got = _resp("具体任务\n全面落实防控措施,守好疫情防线。\n责任单位\n卫健局、文旅局\n配合单位\n各乡镇\n"
                "完成时限\n12月底前")
    assert [(task, sorted(name for name, _ in units)) for task, units in got] == [
        ("全面落实防控", ["卫健局", "各乡镇", "文旅局"])]
    assert dict(got[0][1])["各乡镇"] == "support"


def test_a_unit_cell_that_labels_its_units_gives_their_roles():
    got = _resp("序号 | 工作任务 | 进展情况 | 责任单位 |\n"
                "71 | 提高公共文化服务水平。 | 完成建设。 | "
                "牵头单位:市文广旅游局 责任单位:市各县(市、区)政府、金华开发区管委会 |")
    assert got == [("提高公共文化", [("市文广旅游局", "lead"), ("市各县(市、区)政府", "responsible"),
                                ("金华开发区管委会", "responsible")])]


def test_an_indicator_column_beside_a_task_column_groups_rows_printed_once():
    got = _resp("序号\n指标\n工作任务\n完成时限\n责任领导\n责任股室\n(单位)\n备注\n"
                "1\n公共文化服务\n免费开放服务人次较上年增长15%。\n12月底前\n夏俊贵\n文化宣传股\n文化馆\n"
                "2\n全年开展惠民演出不少于100场。\n文化宣传股\n"
                "3\n文化市场管理\n开展专项整治行动4次以上。\n执法大队\n")
    assert got == [("免费开放服务", [("文化宣传股", "responsible"), ("文化馆", "responsible")]),
                   ("全年开展惠民", [("文化宣传股", "responsible")]),
                   ("开展专项整治", [("执法大队", "responsible")])]


def test_a_scoring_department_is_no_responsible_unit():
    got = _resp("序号 | 考核指标 | 年度目标 | 责任部门 | 评分部门 |\n"
                "1 | 粮食播种面积 | 0.07万亩 | 县农业农村局 | 市农业农村局 |")
    assert got == [("粮食播种面积", [("县农业农村局", "responsible")])]


def test_units_printed_with_nothing_between_them_are_two_units():
    got = _resp("一、任务\n1.编制行政许可事项清单。(牵头单位:市行政审批局市司法局;责任单位:人社局各街道)")
    assert got == [("编制行政许可", [("市行政审批局", "lead"), ("市司法局", "lead"), ("人社局", "responsible"),
                                ("各街道", "responsible")])]
    # A body's own members and a word opening with 市 are no second unit.
    got = _resp("一、任务\n1.抓好安全生产。(责任单位:区安委会各成员单位、国务院各部门、区商务局市场科)")
    assert [name for name, _ in got[0][1]] == ["区安委会各成员单位", "国务院各部门", "区商务局市场科"]


# --------------------------------------------------------------------------- eleventh round (y01-y25)

def test_units_of_a_cell_separated_by_a_space_are_two_units():
    got = _resp("序号 | 具体工作任务和要求 | 责任领导 | 责任单位 | 落实情况 |\n"
                "1 | 推动义务教育均衡发展。 | 毛晓青 | 县教体局 各相关乡镇政府 | 已完成。 |\n"
                "2 | 健全群众自治机制。 | 张文娟 | 区划地名科 (基层政权建设和社区治理科) | 已完成。 |")
    assert got == [("推动义务教育", [("县教体局", "responsible"), ("各相关乡镇政府", "responsible")]),
                   ("健全群众自治", [("区划地名科 (基层政权建设和社区治理科)", "responsible")])]


def test_the_rows_of_a_bar_table_go_on_after_a_section_row_under_its_header():
    got = _resp("序号 | 重点工作事项 | 工作目标 | 分管领导 | 责任科室 |\n一、区委全会任务 | ||||\n"
                "1 | 健全基层群众自治机制 | 加强村(居)民委员会规范化建设。 | 张文娟 | 区划地名科 |\n"
                "二、区政府工作报告任务 | ||||\n2 | 提升养老服务水平 | 建设养老服务中心。 | 李四 | 养老服务科 |")
    assert got == [("健全基层群众", [("区划地名科", "responsible")]), ("提升养老服务", [("养老服务科", "responsible")])]


def test_a_label_line_under_an_unnumbered_task_paragraph_is_its_clause():
    got = _resp("巩固完善医疗保险制度,按规定提高筹资标准。\n承办部门:市人社局 咨询电话:2126811\n(此件公开发布)")
    assert got == [("巩固完善医疗", [("市人社局", "responsible")])]
    # Not a footer's label, nor a label under a paragraph that has its clause already.
    assert _resp("加快推进园区基础设施建设,完善配套。\n主办单位:某市人民政府办公室 网站标识码:3301000001") == []
    assert _resp("加快推进园区基础设施建设。(责任单位:市发改委)\n主办单位:某市人民政府办公室") == [
        ("加快推进园区", [("市发改委", "responsible")])]


def test_the_last_cell_of_a_bar_row_wrapped_onto_its_own_line_stays_in_its_column():
    got = _resp("序号 | 重点工作 | 会办单位 | 完成情况 | 牵头责任处室 |\n"
                "1 | 研发投入强度达到3.2%。 | / | 已完成分解。\n| 规划处 |\n"
                "2 | 推进人才工作。 | 省人社厅 | 已完成。 | 人才处 |")
    assert got == [("研发投入强度", [("规划处", "lead")]),
                   ("推进人才工作", [("省人社厅", "support"), ("人才处", "lead")])]


def test_a_firm_after_a_modifier_and_a_bare_company_after_an_industry_word():
    names = _firms("一、任务\n1.签约总投资80亿元的金风集团绿色新材料项目。目前兆隆纸业公司提能扩产项目实施中。"
                   "引进太原天然气公司作为备用气源。推动国有公司改革。")
    assert {"金风集团", "兆隆纸业公司", "太原天然气公司"} <= set(names)
    assert not any(n.endswith("国有公司") or n.startswith(("签约", "目前")) for n in names)


def test_a_labelled_clause_after_the_full_stop_of_a_bracket_names_more_units():
    got = _resp("一、任务\n1.加强生态环境准入管理。〔市生态环境局、发展改革委等按职责分工负责。"
                "责任单位:各县(市、区)人民政府、各开发园区管委。以下均需各县(市、区)人民政府落实,不再列出。〕\n2.推进节能。")
    assert [name for name, _ in got[0][1]] == ["市生态环境局", "发展改革委", "各县(市、区)人民政府", "各开发园区管委"]


def test_a_cell_table_goes_on_after_several_section_rows_with_no_rows_of_their_own():
    got = _resp("序号\n\n重点工作任务\n\n主要责任单位\n\n协同配合单位\n\n一、主要预期目标\n\n"
                "3\n\n固定资产投资增长7.5%左右。\n\n"
                "区发改委\n\n区工信局\n\n二、扩投资\n\n三、延链条\n\n四、惠民生\n\n68\n\n持续推进学前教育普及普惠。\n\n"
                "区教育局\n\n各乡镇人民政府\n\n69\n\n深化与海亮集团合作。\n\n区教育局\n\n区投资促进中心\n")
    assert [(task, units[0]) for task, units in got] == [("固定资产投资", ("区发改委", "lead")),
                                                        ("持续推进学前", ("区教育局", "lead")),
                                                        ("深化与海亮集", ("区教育局", "lead"))]


def test_a_shared_head_printed_once_after_a_list_names_each_item():
    got = _platforms("一、任务\n1.推进东城、西城工业集中区建设。\n2.推进滨江、萧山经济技术开发区建设。")
    assert {"东城工业集中区", "西城工业集中区", "滨江经济技术开发区", "萧山经济技术开发区"} <= set(got)
    # Items cut out of a longer clause or holding a verb are no names.
    assert _platforms("一、任务\n1.关于同意哈尔滨、大庆高新技术产业开发区建设。") == ["大庆高新技术产业开发区"]


# --------------------------------------------------------------------------- twelfth round (z01-z27)

def test_label_lines_of_one_task_share_their_roles():
    got = _resp("一、任务\n1.完成公益性公墓建设工作。\n责任单位:各县(区)人民政府\n市级督导单位:市民政局\n"
                "市级配合单位:市发展改革委、市财政局\n完成时限:2020年12月底前。\n2.推进改革。")
    assert got == [("完成公益性公", [("各县(区)人民政府", "lead"), ("市民政局", "support"),
                                ("市发展改革委", "support"), ("市财政局", "support")])]


def test_an_angle_bracket_aside_stays_with_its_unit():
    got = _resp("一、强化科技创新(新区科技和人才局〈区科技局〉牵头)\n(一)加强创新载体建设。")
    assert got == [("强化科技创新", [("新区科技和人才局〈区科技局〉", "lead")])]


def test_a_bracket_of_units_closing_an_unnumbered_paragraph_is_its_clause():
    got = _resp("?重点抓好创新平台项目和民生项目。(市发展改革委、商务局、城建集团,各县〔市、区〕政府)\n"
                "?实施提质增效工程,规划建设科创走廊(含配套设施)。")
    assert got == [("?重点抓好创", [("市发展改革委", "responsible"), ("商务局", "responsible"),
                               ("城建集团", "responsible"), ("各县〔市、区〕政府", "responsible")])]


def test_a_two_character_proper_name_before_a_designation_names_a_zone():
    got = _platforms("一、任务\n1.推动临港新片区完善规则,以兰白试验区建设助推安塞工业集中区发展。\n"
                     "2.建设金融集聚区和人才资源集聚区,确定首批示范区。")
    assert {"临港新片区", "兰白试验区", "安塞工业集中区"} <= set(got)
    assert not set(got) & {"金融集聚区", "人才资源集聚区", "首批示范区", "确定首批示范区"}


def test_an_industrial_park_is_a_designation_head():
    got = _platforms("一、任务\n1.加快罡阳汽车工业园、长乐山工业园区建设,推进全市工业园区提质。")
    assert {"罡阳汽车工业园", "长乐山工业园区"} <= set(got) and "全市工业园区" not in got and "工业园区" not in got


def test_a_company_named_by_its_place_or_level_and_after_you():
    names = _firms("一、任务\n1.济南铁路烟草公司、济南铁路广告公司已明确入驻,区城投公司负责融资。"
                   "零售企业有黎城县华丽港购物广场有限公司。区各委办局(公司)按职责落实。")
    assert {"济南铁路烟草公司", "济南铁路广告公司", "区城投公司", "黎城县华丽港购物广场有限公司"} <= set(names)
    assert not any(n.startswith(("有", "区各", "各")) for n in names)


def test_two_names_before_signed_or_built_projects_are_firms():
    assert _firms("一、任务\n1.推动腾讯、迈为等签约项目落地开工。")[-1:] == ["迈为"]
    assert _firms("一、任务\n1.推动风电、光伏等签约项目落地开工。") == []


def test_a_reports_lead_in_before_the_quoted_tasks_is_no_task_text():
    got = _resp("2月23日,省政府办公厅印发《分工方案》,明确分工责任。其中明确指出: 贯彻实施数字经济促进条例。"
                "分管领导:张三 部门分工:省工业和信息化厅牵头,省发展改革委配合。")
    assert got == [("贯彻实施数字", [("省工业和信息化厅", "lead"), ("省发展改革委", "support")])]


def test_units_before_the_task_they_own_in_quotation_marks():
    got = _resp("二、工作要求\n需要加快推进落实事项3件,如县发改局负责的“严格落实全县重点项目前期工作计划。”"
                "截至目前,已完成论证;县自然资源局、县水利局负责的“紧盯超长期国债项目进度。”目前正在推进。\n三、其他")
    assert got == [("严格落实全县", [("县发改局", "responsible")]),
                   ("紧盯超长期国", [("县自然资源局", "responsible"), ("县水利局", "responsible")])]


def test_a_quoted_task_followed_by_its_units_in_brackets():
    got = _resp("另,“新开工提标加固海塘18.4公里”(市水利局)、“老旧小区改造”(市住建局)等项目曾被通报,但均能如期完成。")
    assert got == [("新开工提标加", [("市水利局", "responsible")]), ("老旧小区改造", [("市住建局", "responsible")])]


def test_a_bracket_cut_by_the_page_end_keeps_a_list_another_key_closed():
    got = _resp("一、任务\n1.续建新集枢纽,完成年度建设任务。(责任单位:汉江国投、市水利局,完成时限:2023")
    assert got == [("续建新集枢纽", [("汉江国投", "responsible"), ("市水利局", "responsible")])]
    assert _resp("一、任务\n1.续建新集枢纽,完成年度建设任务。(责任单位:汉江国投、市水利局、各开发区管委") == []


def test_two_units_joined_by_he_each_lead_their_part():
    got = _resp("一、任务\n1.提高临空经济示范区能级。(经济投资局和航空口岸局分别牵头、区发改局配合)")
    assert got == [("提高临空经济", [("经济投资局", "lead"), ("航空口岸局", "lead"), ("区发改局", "support")])]
    # 和 inside a unit's name stays: "科学技术和工业信息化局" is one body
    assert [u for _, units in _resp("一、任务\n1.推进。(科学技术和工业信息化局牵头)") for u, _ in units] == [
        "科学技术和工业信息化局"]


def test_a_platform_named_after_its_investment_starts_after_the_money():
    got = _platforms("一、任务\n1.重点抓好投资20亿元沿黄现代农业产业园、投资15亿元仰韶文化产业园等项目。")
    assert got == ["沿黄现代农业产业园", "仰韶文化产业园"]


def test_rows_under_a_header_closing_a_run_on_line():
    got = _resp("常熟市人民政府办公室 2018年2月24日 常熟市2018年政府工作任务分解表 序号 名称 工作任务 牵头责任单位\n"
                "一、主要预期目标分解(11项)\n1 地区生产总值增长7%以上,服务业增加值占GDP比重47.1%. 发改委\n"
                "2 一般公共预算收入增长8%以上. 财政局\n3 全社会固定资产投资额550亿元. 发改委、经信委、科技局\n")
    assert got == [("地区生产总值", [("发改委", "lead")]), ("一般公共预算", [("财政局", "lead")]),
                   ("全社会固定资", [("发改委", "lead"), ("经信委", "lead"), ("科技局", "lead")])]
    # an ASCII full stop before a space ends a target's sentence as 。 does
    assert ("服务业增加值占GDP比重", 47.1, "%") in _targets("1.服务业增加值占GDP比重47.1%. 发改委\n")


def test_a_park_built_as_a_project_is_a_platform_and_a_centre_project_is_not():
    got = _platforms("一、任务\n(一)中药材种植产业园项目:该项目位于我镇东王内村。(二)杭州数据中心项目开工。")
    assert "中药材种植产业园" in got and not any(n.startswith("杭州数据中心") for n in got)


# --------------------------------------------------------------------------- thirteenth round (t01-t34)

def test_a_unit_in_the_lead_column_and_the_units_column_is_one_lead():
    got = _resp("序号\n事项\n责任单位\n牵头单位\n1\n地区生产总值增长6.5%以上。\n区农业农村局、区发改局\n区发改局\n")
    assert got == [("地区生产总值", [("区农业农村局", "responsible"), ("区发改局", "lead")])]


def test_units_named_as_the_lead_departments_of_a_numbered_notice_point():
    got = _resp("一、月调度会议由县长主持。\n二、县政府办、县发改局等牵头部门,要于每次调度会议前,"
                "将本领域工作任务进展情况梳理详实,并汇报分管县级领导。\n")
    assert got == [("县政府办、县", [("县政府办", "lead"), ("县发改局", "lead")])]


def test_a_long_numbered_sentence_is_a_task_not_a_heading():
    structure_tasks = [t.ref for t in extract_text(
        HEAD + "一、为抓好重点项目建设,继续推行双周例会制度,同时将重大牵引项目在双周例会上专题调度,"
        "双周例会由县长主持。\n二、主要任务\n").tasks]
    assert structure_tasks == ["一"]


def test_a_unit_that_guides_is_a_unit_of_the_task():
    got = _resp("一、任务\n1.优化固体废物管理体制机制。\n(生态环境部指导,试点城市政府负责落实。\n"
                "以下均需试点城市政府落实,不再列出)\n")
    assert got == [("优化固体废物", [("生态环境部", "responsible"), ("试点城市政府", "responsible")])]


def test_a_collective_of_two_levels_sharing_its_body_is_one_unit():
    got = _resp("一、任务\n1.打造10条茶旅游精品线路。(责任单位:省文化和旅游厅,有关州、市人民政府)\n")
    assert got == [("打造10条茶", [("省文化和旅游厅", "responsible"), ("有关州、市人民政府", "responsible")])]


def test_an_aspired_figure_after_a_target_is_a_second_tier_of_its_metric():
    got = _targets("一、主要指标:农林牧渔业增加值增长2.5%,力争3%;城镇登记失业率控制在3%以内。")
    assert got == [("农林牧渔业增加值增长", 2.5, "%"), ("农林牧渔业增加值增长", 3.0, "%"), ("城镇登记失业率", 3.0, "%")]


def test_a_bounded_count_before_de_is_a_target_and_a_money_threshold_is_not():
    got = _targets("一、目标。到2027年,打造3个以上的量产人形机器人产品。对投资1亿元以上的项目给予支持。")
    assert got == [("量产人形机器人产品", 3.0, "个")]


def test_a_shared_head_after_names_of_different_lengths_and_an_adverb():
    got = _platforms("一、任务\n(一)高水平建设鉴水、金柯桥、镜湖、曹娥江科技城,推进骏达环保、智慧园区等项目。\n")
    assert got[:4] == ["鉴水科技城", "金柯桥科技城", "镜湖科技城", "曹娥江科技城"]
    assert "骏达环保园区" not in got  # a firm's trade name does not share a park's head


def test_places_a_group_noun_classifies_keep_their_printed_names():
    got = _platforms("一、任务\n(一)推动黑龙江亚布力、吉林北大湖等国家级滑雪旅游度假地建设。\n")
    assert got == ["黑龙江亚布力", "吉林北大湖"]


def _plan(text: str):
    return extract_text(text).plan


def test_a_notice_handing_down_a_plan_is_titled_by_the_plan():
    plan = _plan("绍兴市人民政府关于下达2025年绍兴市国民经济和社会发展计划的通知\n各区、县(市)人民政府:\n"
                 "2025年绍兴市国民经济和社会发展计划已经市人大审议批准,现印发给你们。\n一、聚力创新赋能\n")
    assert (plan.title, plan.issuers) == ("2025年绍兴市国民经济和社会发展计划", ["绍兴市人民政府"])


def test_the_body_a_title_names_issued_the_notice_not_the_office_that_posted_it():
    plan = _plan("[ 发布机构 ] | 靖边县人民政府办公室 | [ 发文日期 ] | 2025-02-28 |\n"
                 "[ 名 称 ] | 靖边县人民政府 关于建立重点工作调度机制的通知 |\n各镇人民政府:\n一、纳入月调度机制。\n")
    assert plan.issuers == ["靖边县人民政府"]
    plan = _plan("名 称: 区人民政府办公室 关于印发2020年区政府重点工作责任分解的通知\n发布机构: 下陆区政府办公室\n"
                 "各新区:\n现印发给你们。\n")
    assert plan.issuers == ["下陆区政府办公室"]  # a title's issuer without its place names no one


def test_a_plan_handed_over_right_after_the_addressees_colon_titles_a_one_line_page():
    plan = _plan("各县(市、区)人民政府,市各有关单位: 《温州市大孵化器集群建设新三年行动计划》已经市政府同意,"
                 "现印发给你们,请认真组织实施。 温州市人民政府办公室 2025年5月13日 一、目标要求 锚定目标。")
    assert plan.title == "温州市大孵化器集群建设新三年行动计划"


def test_a_title_glued_to_its_preamble_and_a_policy_opinion_titled_after_a_label():
    assert _plan("推动东北地区冰雪经济高质量发展实施方案为深入贯彻落实有关部署,制定本方案。\n一、总体要求\n").title == \
        "推动东北地区冰雪经济高质量发展实施方案"
    assert _plan("潮盛高企网\n萧山区奖励政策:关于深入实施创新强区战略的若干政策意见\n"
                 "为认真贯彻会议精神,制定如下政策。\n一、实施计划\n").title == "关于深入实施创新强区战略的若干政策意见"


def test_two_names_a_place_brings_in_as_firms_are_firms():
    got = _firms("一、任务\n1.成功引进立洲、泓安等大型商贸与人力资源企业,推进新材料、生物医药等产业。\n")
    assert got == ["立洲", "泓安"]
    assert _firms("一、任务\n1.推进立洲、泓安等项目。\n") == []  # two opaque names of projects stay unread


def test_headings_glued_to_their_first_item_on_a_page_without_line_breaks():
    text = ("一、总体目标 到2025年,全区中医药服务体系更加健全。" + "坚持中西医并重,传承精华,守正创新。" * 20
            + "二、重点任务(一)建立健全中医药服务体系行动1.中医医院高质量发展,主动融入医联体建设。"
            "(责任单位:区卫生健康局、区财政局)2.完善基层中医药服务网络。(责任单位:区卫生健康局)三、组织实施 加强领导。")
    got = [t.text[:8] for t in extract_text(HEAD + text).tasks if t.departments]
    assert got == ["中医医院高质量发", "完善基层中医药服"]


# --------------------------------------------------------------------------- fourteenth round (q01-q24)

def test_units_before_the_first_comma_lead_when_the_document_says_so():
    got = _resp("一、任务\n1.严格责任。〔责任单位:各区(市)县政府、市应急局,市应急委、市政府安委会各成员单位"
                "(逗号前为牵头单位,下同)〕\n2.加强统筹。〔责任单位:市应急局,市发改委〕\n")
    assert got == [("严格责任。〔", [("各区(市)县政府", "lead"), ("市应急局", "lead"), ("市应急委", "support"),
                                   ("市政府安委会各成员单位", "support")]),
                   ("加强统筹。〔", [("市应急局", "lead"), ("市发改委", "support")])]


def test_a_convention_printed_as_a_phrase_of_the_unit_list_and_units_in_angle_brackets():
    got = _resp("一、任务\n(一)健全管理体制。落实各级政府责任。(市教育局,市委农办,各县<市、区>人民政府,"
                "排名第一位为牵头单位,下同)\n")
    assert got == [("健全管理体制", [("市教育局", "lead"), ("市委农办", "support"),
                                     ("各县<市、区>人民政府", "support")])]


def test_units_separated_by_spaces_in_a_cell_and_rows_numbered_from_a_longer_list():
    got = _resp("序号 |\n主要任务 |\n牵头单位 |\n落实情况 |\n145 |\n严格执行城市公共空间规划建设治理导则。 |\n"
                "市自规局、市城管局 |\n扎实开展道路建设工作,解决问题2.2万余个。 |\n249 |\n"
                "支持广播电视、气象等事业发展。 |\n"
                "市广播电视台 市气象局 市党史和地方志研究室 |\n上半年完成接待任务175批次。 |\n")
    assert got == [("严格执行城市", [("市自规局", "lead"), ("市城管局", "lead")]),
                   ("支持广播电视", [("市广播电视台", "lead"), ("市气象局", "lead"), ("市党史和地方志研究室", "lead")])]


def test_titles_of_notices_that_shorten_or_pair_their_plans():
    plan = _plan("国务院办公厅关于印发2016年《政府工作报告》量化指标任务分工的通知\n国务院有关部门:\n"
                 "现将《2016年量化指标任务分工》印发给你们,并就有关事项通知如下:\n一、高度重视。\n")
    assert plan.title == "2016年《政府工作报告》量化指标任务分工"
    plan = _plan("某市人民政府办公室关于印发某市促进学前教育发展行动方案和某市推动义务教育均衡发展行动方案的通知\n"
                 "各县(市、区)人民政府:\n现将《某市促进学前教育发展行动方案》和《某市推动义务教育均衡发展行动方案》"
                 "印发给你们。\n一、落实政府职责\n")
    assert plan.title == "某市促进学前教育发展行动方案"


def test_a_table_header_ends_the_lines_a_title_is_read_from_and_page_buttons_are_no_title():
    plan = _plan("各乡镇人民政府:\n现将目标任务下达你们。\n德阳市旌阳区人民政府\n2016年8月18日\n"
                 "旌阳区2016年度经济社会发展目标任务分解表\n项 目\n分值\n目标任务\n监考单位\n地区生产总值增长率\n3\n"
                 "186\n区发改委区统计局\n完成重点项目年度投资计划\n")
    assert plan.title == "旌阳区2016年度经济社会发展目标任务分解表"
    plan = _plan("丨     网站无障碍 丨 关怀版\n和平区 2022 年政务公开工作要点\n"
                 "发布日期:2022-06-30    发布者:和平区人民政府办公室\n2022 年我区政务公开工作的总体要求是:推进。\n")
    assert (plan.title, plan.issuers) == ("和平区 2022 年政务公开工作要点", ["和平区人民政府办公室"])


def test_a_score_column_between_the_indicator_and_its_target_and_glued_units():
    got = _resp("旌阳区2016年度经济社会发展目标任务分解表\n项 目\n分值\n目标任务\n监考单位\n宏观调控\n"
                "地区生产总值增长率\n3\n年终根据全省平均水平综合考核\n区发改局区统计局\n规模以上工业增加值增长率\n3\n年终根据全省平均水平综合考核\n"
                "区经信局区统计局\n")
    assert [units for _, units in got] == [[("区发改局", "responsible"), ("区统计局", "responsible")],
                                           [("区经信局", "responsible"), ("区统计局", "responsible")]]


# --------------------------------------------------------------------------- fifteenth round (p01-p25)

def test_a_coordinated_list_closed_by_a_count_alone_and_a_designation_with_its_own_words():
    got = _platforms("一、任务\n1.以徐闻、廉江、湛江农垦3个国家现代农业示范区建设为重点,辐射带动银东、银西两个园区。\n")
    assert {"徐闻国家现代农业示范区", "廉江国家现代农业示范区", "湛江农垦国家现代农业示范区", "银东园区",
            "银西园区"} <= set(got)
    assert _platforms("一、任务\n1.推进之江、西湖等省实验室建设。\n") == ["之江实验室", "西湖实验室"]


def test_titles_of_one_line_pages_glued_to_a_date_or_a_year_and_a_plan_handed_over_by_its_bureau():
    assert _plan("精选优质文档-倾情为你奉上某省易地扶贫搬迁2016年实施计划2016年2月25日根据会议精神,特制定本计划。"
                 "一、目标 完成搬迁。").title == "某省易地扶贫搬迁2016年实施计划"
    assert _plan("局机关各科室:根据要求,现将我局《2022年度社会保障领域专项攻坚方案》印发给你们,请认真落实。"
                 "一、目标 补短板。").title == "2022年度社会保障领域专项攻坚方案"


def test_figures_a_typeset_page_spaced_are_read_through():
    got = _targets("一、目标。到2024年,科技财政支出占公共财政支出比重突破 3 .1 %,国家科技型中小企业超过 1 000 家。\n"
                   "二、任务。开工老旧小区改造项目50个,约 605 万平方米。")
    assert got == [("科技财政支出占公共财政支出比重", 3.1, "%"), ("国家科技型中小企业", 1000.0, "家"),
                   ("开工老旧小区改造项目", 50.0, "个"), ("开工老旧小区改造项目", 6050000.0, "平方米")]


# --------------------------------------------------------------------------- sixteenth round (n01-n26)

def test_clauses_of_a_paragraph_that_open_with_who_leads_them():
    got = _resp("会议要求,由县发展和改革局牵头,县自然资源局配合,在9月底前完成供地工作;由县工业园区管委会牵头,"
                "县自然资源局配合,在12月底前完成土地处置任务。\n")
    assert got == [("由县发展和改", [("县发展和改革局", "lead"), ("县自然资源局", "support")]),
                   ("由县工业园区", [("县工业园区管委会", "lead"), ("县自然资源局", "support")])]


def test_a_reposting_sites_full_text_note_is_no_part_of_a_title():
    assert _plan("2020年紫金县人民政府工作报告(全文)\n各位代表:\n现在,我代表县人民政府向大会报告工作。\n").title == \
        "2020年紫金县人民政府工作报告"


def test_a_firms_name_starts_after_the_verb_its_particle_and_a_discourse_word():
    assert _firms("一、任务\n1.吸引了高巨创新、好盈科技等74家企业常态化到我区开展测试。\n") == ["高巨创新", "好盈科技"]
    assert _firms("一、任务\n1.其中凯盛石英材料(太湖)有限公司的生产线项目开工。\n") == ["凯盛石英材料(太湖)有限公司"]


def test_units_opening_numbered_items_as_the_subject_of_their_duty():
    got = _resp("三、职责分工\n1、派出所负责养犬管理的日常指导工作,并具体负责养犬登记。\n"
                "2、城管行政执法中队负责对街面流动犬只的查处。\n3、工作人员负责登记。\n")
    assert got == [("派出所负责养", [("派出所", "responsible")]),
                   ("城管行政执法", [("城管行政执法中队", "responsible")])]


# --------------------------------------------------------------------------- seventeenth round (m01-m18)

def test_a_lead_note_in_a_table_cell_and_a_duty_by_its_mandate():
    got = _resp("序号 |\n工作任务 |\n具体举措 |\n责任单位 |\n1 |\n加快提升竹林资源质效 |\n"
                "改造低产低效竹林1.8万亩以上。 |\n"
                "市自然资源和规划局;各镇(街道)人民政府(办事处)。(分号前面为牵头单位,下同) |\n")
    assert got == [("加快提升竹林", [("市自然资源和规划局", "lead"), ("各镇(街道)人民政府(办事处)", "support")])]
    got = _resp("一、任务\n1.开展安全检查。(镇安委办牵头,镇安委会各成员单位依职责负责)\n")
    assert got == [("开展安全检查", [("镇安委办", "lead"), ("镇安委会各成员单位", "support")])]


def test_one_document_titled_by_two_nouns_is_not_two_plans():
    plan = _plan("某市人民政府办公室关于印发某市建设任务责任清单和重点任务分解表的通知\n各镇人民政府:\n"
                 "现印发给你们。\n")
    assert plan.title == "某市建设任务责任清单和重点任务分解表"


# --------------------------------------------------------------------------- eighteenth round (k01-k21)

def test_a_data_providing_unit_labelled_under_its_indicator():
    got = _resp("(一)经济发展\n1.地区生产总值增长7%\n\n数据提供单位:旗统计局\n\n2.全员劳动生产率增长5.2%\n\n"
                "数据提供单位:旗统计局\n\n3.常住人口城镇化率达到81%\n\n数据提供单位:旗统计局\n")
    assert got[:2] == [("地区生产总值", [("旗统计局", "responsible")]), ("全员劳动生产", [("旗统计局", "responsible")])]


def test_a_space_separated_table_resumes_after_a_section_row_under_its_header():
    got = _resp("序号 重点工作任务 主要责任单位 协同配合单位\n一、主要预期目标\n"
                "1 地区生产总值增长6.5%左右。 区发改委 区政府各部门,各乡镇人民政府。\n"
                "2 一般公共预算收入增长5%左右。 区财政局\n区税务局\n区政府有关部门。\n"
                "二、重点任务\n3 建设现代化产业体系。 区工信局 区商务局\n")
    assert got == [("地区生产总值", [("区发改委", "lead"), ("区政府各部门", "support"), ("各乡镇人民政府", "support")]),
                   ("一般公共预算", [("区财政局", "lead"), ("区税务局", "support"), ("区政府有关部门", "support")]),
                   ("建设现代化产", [("区工信局", "lead"), ("区商务局", "support")])]


def test_a_table_whose_task_column_has_an_unknown_name_and_a_task_that_ends_like_a_unit():
    cells = ["序号", "民生实事", "责任单位", "完成时限",
             "1", "启动建设东湖湿地公园。", "县水务局", "县住建局", "12月底前",
             "2", "开工建设县老年大学。", "县民政局", "5月底前动工",
             "3", "新建2座人行天桥。", "县住建局", "9月投入使用"]
    got = _resp("\n".join(cells) + "\n")
    assert got == [("启动建设东湖", [("县水务局", "responsible"), ("县住建局", "responsible")]),
                   ("开工建设县老", [("县民政局", "responsible")]),
                   ("新建2座人行", [("县住建局", "responsible")])]


def test_a_quota_table_gives_one_target_per_row_in_the_unit_its_column_names():
    got = _targets("附件\n2024年造林任务分解表\n乡镇 | 造林任务(亩) | 备注 |\n全县合计 | 1200 | |\n"
                   "城关镇 | 700 | 其中县林业公司造林任务200亩 |\n河口乡 | 500 | |\n")
    assert got == [("造林任务(全县合计)", 1200.0, "亩"), ("造林任务(城关镇)", 700.0, "亩"),
                   ("县林业公司造林任务", 200.0, "亩"), ("造林任务(河口乡)", 500.0, "亩")]


def test_overlapping_heads_name_the_platform_by_the_one_ending_last():
    assert _platforms("一、任务\n支持鄂尔多斯空港物流园区建设氢能装备制造应用示范基地。\n") == [
        "鄂尔多斯空港物流园区", "氢能装备制造应用示范基地"]


def test_an_idea_of_the_nation_is_no_platform():
    got = _platforms("一、任务\n以铸牢中华民族共同体意识为主线,构建人类命运共同体,共建长三角科技创新共同体。\n")
    assert got == ["长三角科技创新共同体"]


def test_a_page_without_a_title_takes_the_plan_its_body_opens_with():
    plan = extract_text("各县、市、区人民政府,市政府各部门:\n"
                        "《咸宁市国民经济和社会发展第十三个五年规划纲要》(以下简称《纲要》)已经市人大审议通过。"
                        "现就分解落实有关事项通知如下。\n一、主要目标\n1.地区生产总值年均增长8.5%。").plan
    assert (plan.title, plan.region) == ("咸宁市国民经济和社会发展第十三个五年规划纲要", "咸宁市")


def test_computing_and_data_centres_are_platforms_and_an_enumeration_word_opens_no_name():
    got = _platforms("一、任务\n加快“无锡·延安”智算中心建设;四是推进云塑小镇建设,建成镇级河长制指挥中心。\n")
    assert got == ["“无锡·延安”智算中心", "云塑小镇", "镇级河长制指挥中心"]


def test_a_centre_named_as_a_citys_role_is_no_platform():
    assert _platforms("一、任务\n建设杭州国际消费中心城市,打造宁波区域性金融中心城市。\n") == []


def test_a_county_whose_name_opens_with_a_stop_word_stays_whole():
    got = _platforms("一、任务\n支持和林格尔县工业园区、托克托县工业园区建设。\n")
    assert got == ["和林格尔县工业园区", "托克托县工业园区"]


def test_a_sharing_sites_chunks_are_put_back_together_before_the_text_is_read():
    body = ("为推进工作,制定本方案。" + "说明" * 150 + "。一、加强要素支持(一)强化财税政策保障。"
            "落实减税降费政策,延续执行至2027年底。(市税务局、市财政局、市科技局负责)(二)加强产业基金支持。"
            "发挥产业基金引领作用。(市财政局、市发展改革委负责)")
    size = body.index("市科技局") + 2  # chunks of one length, the first ending inside a unit's name
    chunks = [body[k:k + size] for k in range(0, len(body), size)]
    numbered = "\n".join(f"{n}、{c}" for n, c in enumerate(chunks, 1))
    page = "《某市实施方案.docx》由会员分享,可在线阅读\n" + numbered + "\n"
    got = [(t.text[:6], [d.name for d in t.departments]) for t in extract_text(page).tasks if t.departments]
    assert got == [("强化财税政策", ["市税务局", "市财政局", "市科技局"]),
                   ("加强产业基金", ["市财政局", "市发展改革委"])]


def test_the_last_item_of_a_counted_list_of_zones_is_named_and_zones_share_no_suffix():
    got = _platforms("一、任务\n依托长春新区、吉林高新技术产业开发区、吉林经济技术开发区3个国家级开发区建设。\n")
    assert got == ["长春新区", "吉林高新技术产业开发区", "吉林经济技术开发区"]


def test_a_unit_that_hosts_a_proposal_leads_it():
    got = _resp("二、明确责任\n根据办理工作分工,议案由市工业和信息化局负责主办,并于9月19日前答复。"
                "主办单位要主动作为,加强与牵头单位的联系。\n")
    assert got == [("明确责任\n根", [("市工业和信息化局", "lead")])]


def test_an_indicator_table_with_lead_columns_gives_tasks_and_a_target_per_year_column():
    header = ["序号", "指标名称", "单位", "2022年", "2025年", "2027年", "牵头单位", "责任单位"]
    rows = [["1", "人均预期寿命", "岁", "78.2", "≥79.2", "≥80", "县卫健局", "县文旅广体局,各乡镇人民政府"],
            ["2", "居民健康素养水平", "%", "21.6", "≥31.5", "≥33", "县卫健局", "县疾控中心"]]
    cells = header + rows[0] + header + rows[1]  # the header printed again after a page break
    text = "\n".join(c + " |" for c in cells) + "\n"
    assert _resp(text) == [("人均预期寿命", [("县卫健局", "lead"), ("县文旅广体局", "responsible"),
                                       ("各乡镇人民政府", "responsible")]),
                           ("居民健康素养", [("县卫健局", "lead"), ("县疾控中心", "responsible")])]
    got = [(t.metric, t.value, t.unit, t.year) for t in extract_text(HEAD + text).targets]
    assert got == [("人均预期寿命", 79.2, "岁", 2025), ("人均预期寿命", 80.0, "岁", 2027),
                   ("居民健康素养水平", 31.5, "%", 2025), ("居民健康素养水平", 33.0, "%", 2027)]


def test_an_indicator_table_laid_out_with_runs_of_spaces_gives_its_targets():
    got = _targets("专栏1 主要指标\n              指 标                2025 年        属 性\n"
                   "    1.残疾人家庭人均收入年均增长(%)            >7.5           预期性\n"
                   "    2.城乡残疾人职业技能培训人数(万人)          >4             预期性\n二、主要任务\n")
    assert [(m[1], m[2]) for m in got] == [(7.5, "%"), (4.0, "万人")]


def test_firms_listed_before_the_partner_they_work_with_and_no_firm_from_a_quantitys_tail():
    assert _firms("一、任务\n推动振兴药业、安德药业与中国药科大学建立院企合作。\n") == ["振兴药业", "安德药业"]
    got = _firms("一、任务\n加快推进50万千瓦光伏治沙、联胜机械、裕杰铸造等项目建设。\n")
    assert got == ["联胜机械", "裕杰铸造"]


def test_an_indicator_row_is_named_by_its_name_cell_when_a_category_and_a_number_come_first():
    got = _targets("“十四五”林业发展主要目标指标表\n类别 | 序号 | 指标名称 | 2020年 | 2025年 | 属性 |\n"
                   "生态建设 | 1 | 森林覆盖率(%) | 45.31 | 46.3 | 约束性 |\n")
    assert got == [("森林覆盖率", 46.3, "%")]


def test_life_expectancy_in_years_is_a_target_and_an_age_that_says_whom_is_not():
    got = _targets("一、目标\n到2025年,人均预期寿命达到79.2岁,为60岁以上老年人免费接种疫苗2万人次。\n")
    assert got == [("人均预期寿命", 79.2, "岁"), ("为60岁以上老年人免费接种疫苗", 20000.0, "人次")]


def test_land_before_a_name_and_a_slogans_open_bracket_are_no_part_of_it():
    got = _platforms("一、任务\n建设1100亩泉商产业园;构建一核(利青同城核心区)三带(黄河金岸文化旅游带。\n"
                     "完成紫城工业园首期2.7平方公里基础设施建设。\n")
    assert got == ["泉商产业园", "黄河金岸文化旅游带", "紫城工业园"]


def test_a_report_title_loses_the_date_under_it_and_a_place_named_once_in_passing_is_no_region():
    plan = extract_text("彰武县人民政府工作报告(2023年12月20日)\n各位代表:\n一、过去一年工作回顾\n"
                        "学习深圳市经验,推进改革。\n").plan
    assert (plan.title, plan.region) == ("彰武县人民政府工作报告", "彰武县")
    body = "推进工业发展。" * 40 + "学习深圳市经验,推进改革。\n"
    plan = extract_text("关于推进工业发展的工作打算\n一、目标\n" + body).plan
    assert plan.region is None


def test_a_county_the_gazetteer_names_is_the_plans_region_and_its_bare_units_stay_the_countys():
    plan = extract_text("谯城区2025年政府工作报告重点工作任务分解表\n一、主要目标\n1.地区生产总值增长6.5%左右。\n").plan
    assert plan.region == "谯城区"
    got = _resp_in("浮梁县科技创新三年行动计划\n一、任务\n1.建设孵化器。(责任单位:县科技局、财政等部门)\n")
    assert got == [["浮梁县科学技术局", "浮梁县财政局"]]


def _resp_in(text: str) -> list[list[str]]:
    from plankg.ingest.departments import default_registry

    ex = extract_text(text)
    return [[default_registry().resolve(d.name, ex.plan.region).canonical for d in t.departments]
            for t in ex.tasks if t.departments]


def test_numbered_records_of_label_lines_with_values_over_several_lines_are_tasks():
    got = _resp("全县为群众办实事项目进展情况\n01 项目名称:提升县域生态环境\n项目内容:\n连通城区河道水系。\n"
                "新建湿地保护小区2个。\n责任单位:\n水务局、城管局\n进展与成效:\n已完成开标。\n"
                "02 项目名称:加大文化惠民力度\n项目内容:\n新建城市书房1个。\n责任单位\n文广旅局\n"
                "进展与成效:\n已确定地址。\n")
    assert got == [("提升县域生态", [("水务局", "responsible"), ("城管局", "responsible")]),
                   ("加大文化惠民", [("文广旅局", "responsible")])]


def test_a_list_a_verb_of_support_opens_names_firms_when_most_items_are_firm_shaped():
    # the last item's name ends where its industry word does; beside them, a name that ends like a river's is a
    # firm's too (its gold reads it so)
    got = _firms("一、任务\n支持重庆长江、隆源砂业、联信金莹、天一科技创新发展。\n")
    assert got == ["重庆长江", "隆源砂业", "联信金莹", "天一科技"]
    got = _firms("一、任务\n以三九药业、海王医药、威智百科为依托,建设医药研发平台。\n")
    assert got == ["三九药业", "海王医药", "威智百科"]
    got = _firms("一、任务\n最终确定我县友迪光电、丰诚新材料等2家企业纳入市级上市后备企业。\n")
    assert got == ["友迪光电", "丰诚新材料"]
    # fields of industry are no firms, however a verb opens their list
    assert _firms("一、任务\n推进电子科技、光电制造、生物医药融合发展。\n") == []


def test_a_group_column_printed_once_and_each_task_above_its_unit_cell():
    # "项目名称 / 项目内容": the group's label once, then every task right above its units, whatever its shape
    text = ("项目名称\n\n项目内容\n\n责任单位\n\n进展情况\n\n(一)\n\n经济社会发展主要预期目标\n\n"
            "地区生产总值增长6.5%以上\n\n区发改局、各街道\n\n正常进行中\n\n"
            "财政收入与经济增长基本同步\n\n区财政局、各街道\n\n正常进行中\n")
    tasks = [t for t in extract_text(HEAD + text).tasks if t.departments]
    assert [[d.name for d in t.departments] for t in tasks] == [["区发改局", "各街道"], ["区财政局", "各街道"]]
    assert "地区生产总值增长6.5%以上" in tasks[0].text and "正常进行中" in tasks[0].text
    assert tasks[1].text.startswith("财政收入与经济增长基本同步")


def test_quarter_columns_are_a_schedule_and_a_group_label_after_the_header_is_no_column():
    tasks = [t for t in extract_text(HEAD + "重点工作\n具体任务\n一季度\n二季度\n三季度\n四季度\n牵头单位\n配合单位\n"
                                     "主要工作目标\n1.全社会研发经费支出占比2.2%。\n研究归集任务。\n开展督查检查。\n落实政策。\n"
                                     "召开培训。\n市科技局\n各县(区),市统计局\n").tasks if t.departments]
    assert [[(d.name, d.role.value) for d in t.departments] for t in tasks] == [
        [("市科技局", "lead"), ("各县(区)", "support"), ("市统计局", "support")]]
    assert "1.全社会研发经费支出占比2.2%" in tasks[0].text


def test_pipe_rows_after_a_section_row_with_merged_cells_and_sub_rows_without_numbers():
    got = _resp("序号 | 项目内容 | 进展情况 | 责任单位 |\n"
                "1 | 新建成婴幼儿成长驿站7家。 | 新建13家。 | 卫生健康局 |\n"
                "新增照护托位500个。 | 新增托位600个。 | ||\n"
                "2 | 实施农村公路大中修100公里。 | 完成50公里。 | 交通运输局 |\n")
    assert got == [("新建成婴幼儿", [("卫生健康局", "responsible")]), ("新增照护托位", [("卫生健康局", "responsible")]),
                   ("实施农村公路", [("交通运输局", "responsible")])]
    got = _resp("建设任务 | 工作指标 | 责任清单 | 时限清单 |\n一、体系建设 |\n"
                "(一)组织指挥 | (1)明确防汛职责。 | 党政办 应消站 | 4月 |\n"
                "(2)建立村级应急工作组。 | 村(社区) 综治办 | 4月 |\n")
    assert [units for _, units in got] == [[("党政办", "responsible"), ("应消站", "responsible")],
                                           [("村(社区)", "responsible"), ("综治办", "responsible")]]


def test_officials_of_every_level_are_people_not_units():
    got = _resp("一、任务\n1.召开河长制年度会议。(责任单位:各级总河长、河长、各级河长制办公室)\n")
    assert got == [("召开河长制年", [("各级河长制办公室", "responsible")])]


def test_a_list_closed_by_a_qualified_group_or_a_noun_that_classifies_places_names_its_items_as_printed():
    assert _platforms("一、任务\n深入推进嘉定氢能港、新能港等重点特色园区建设。\n") == ["嘉定氢能港", "新能港"]
    got = _platforms("一、任务\n升级改造哈尔滨冰雪大世界、黑龙江雪乡、漠河北极村等景区。\n")
    assert got == ["哈尔滨冰雪大世界", "黑龙江雪乡", "漠河北极村"]
    assert _platforms("一、任务\n推进之江、西湖等重点实验室建设。\n") == ["之江实验室", "西湖实验室"]
    assert _platforms("一、任务\n推动研发、生产等重点园区联动。\n") == []  # kinds of work, no names


def test_numbered_pipe_rows_without_a_header_are_read_by_the_kinds_of_their_cells():
    got = _resp("1 | 完成27所学校教育基础设施改造。 | 县教育局 | 已安装空调970台。 | 按时序推进 |\n|\n"
                "2 | 新增婴幼儿照护托位180个。 | 县卫生健康局 | 推进中。 | 按时序推进 |\n")
    assert got == [("完成27所学", [("县教育局", "responsible")]), ("新增婴幼儿照", [("县卫生健康局", "responsible")])]


def test_a_role_label_glued_to_a_numbered_headings_words_names_its_units():
    got = _resp("一、进展情况\n(一)适龄女生HPV疫苗接种牵头责任部门:县卫生健康委员会\n已完成接种1800剂次。\n"
                "(二)新生儿先心病筛查牵头责任部门:县卫生健康委员会\n正在推进。\n")
    assert [units for _, units in got] == [[("县卫生健康委员会", "lead")], [("县卫生健康委员会", "lead")]]
    assert [text for text, _ in got] == ["适龄女生HP", "新生儿先心病"]


def test_a_section_that_says_who_does_what_gives_each_unit_its_sentences():
    got = _resp("三、职责分工\n依据《条例》的规定,各部门要严格履行职责。\n"
                "综合执法局作为园区管理工作牵头部门,负责安全生产监督管理。\n"
                "投资促进部负责园区企业的帮办和服务;区派出所及时处置社会治理问题。\n市财政局:负责资金保障。\n")
    assert [units for _, units in got] == [[("综合执法局", "lead")], [("投资促进部", "responsible")],
                                           [("区派出所", "responsible")], [("市财政局", "responsible")]]
    # the same sentences in a section of another kind name no unit
    assert _resp("三、工作措施\n投资促进部负责园区企业的帮办和服务。\n") == []


def test_a_heading_that_is_a_units_name_and_a_count_of_its_tasks_gives_them_that_unit():
    got = _resp("(二)市经济和信息化局(2项)\n1.规上工业增加值增速低于序时进度。\n2.龙头企业培育专项行动无实质性进展。\n")
    assert [units for _, units in got] == [[("市经济和信息化局", "responsible")]] * 2


def test_a_progress_table_printed_on_one_line_is_read_row_by_row():
    items = ((1, "全市生产总值增长6%。", "市发展改革委"), (2, "社会消费品零售总额增长8%。", "市商务局"),
             (3, "进出口总额增长5%以上。", "市商务局"))
    rows = "".join(f"{n} {task} 序时推进 {'已召开调度会,研究部署重点工作。' * 8} {unit} " for n, task, unit in items)
    got = _resp("上半年重点工作进展情况统计表 序号 承担的重点工作 完成状态 工作进展情况 牵头责任单位 "
                "一、努力完成全年主要预期目标 " + rows + "\n")
    assert got == [("全市生产总值", [("市发展改革委", "lead")]), ("社会消费品零", [("市商务局", "lead")]),
                   ("进出口总额增", [("市商务局", "lead")])]


def test_metrics_listed_before_均_each_reach_the_figure_and_the_verb_after_均_is_none_of_theirs():
    got = _targets("一、目标\n规模以上工业增加值增长8%,固定资产投资、工业投资、服务业投资均增长12%左右。\n")
    assert got == [("规模以上工业增加值增长", 8.0, "%"), ("固定资产投资", 12.0, "%"), ("工业投资", 12.0, "%"),
                   ("服务业投资", 12.0, "%")]


def test_a_bare_unit_noun_after_a_tail_of_等_names_no_one():
    got = _resp("一、任务\n1.高标准建设凤凰城东片。(责任单位:区公共项目建设管理中心、区国有资产管理中心等部门、单位)\n")
    assert got == [("高标准建设凤", [("区公共项目建设管理中心", "responsible"), ("区国有资产管理中心", "responsible")])]


def test_a_report_naming_who_leads_the_numbered_task_it_quotes():
    got = _resp("未达预期2项分别是:市发改委牵头的第1项“地区生产总值增长6.5%以上”,一季度增长6.4%;"
                "市工业和信息化局牵头的第3项“规模以上工业增加值增长9%以上”,1-5月份增长8.1%。\n")
    assert got == [("地区生产总值", [("市发改委", "lead")]), ("规模以上工业", [("市工业和信息化局", "lead")])]


def test_units_that_host_a_task_after_its_last_sentence_without_a_bracket():
    got = _resp("一、任务\n4.推动企业成长,力争高企突破600家。区科技局主办,各街道协办\n"
                "6.助推先进技术加快市场化进程。高新区管委会、区科技局主办\n")
    assert got == [("推动企业成长", [("区科技局", "lead"), ("各街道", "support")]),
                   ("助推先进技术", [("高新区管委会", "lead"), ("区科技局", "lead")])]


def test_a_unit_cell_split_at_commas_outside_brackets_and_a_tail_naming_a_level():
    got = _resp("序号\n目标任务\n牵头单位\n配合单位\n1\n一般公共预算收入增速与经济增长同步\n区财政局\n"
                "区税务局,各镇(街道、园区)\n2\n施行新一轮镇街财政运行体制\n区财政局\n区发改局、区科技局等区级有关部门,各镇(街道)\n")
    assert [units for _, units in got] == [
        [("区财政局", "lead"), ("区税务局", "support"), ("各镇(街道、园区)", "support")],
        [("区财政局", "lead"), ("区发改局", "support"), ("区科技局", "support"), ("各镇(街道)", "support")]]


def test_the_masters_of_industry_chains_are_firms():
    got = _firms("一、任务\n培育以牧原为链主的肉食品加工、以龙成为链主的特种钢、以宛西制药为链主的中医药制品。\n")
    assert got == ["牧原", "龙成", "宛西制药"]
    assert _firms("一、任务\n坚持以项目为龙头,以园区为链主企业集聚地。\n") == []


def test_a_goal_quoted_whole_is_a_target_and_rooms_classes_and_doses_are_units():
    got = _targets("一、任务\n市发改委牵头的第1项“地区生产总值增长6.5%以上”;实施“315”工程。\n"
                   "建设15间“梦想小屋”,推进300堂健康知识巡讲,完成年度任务1800剂次。\n")
    assert [(v, u) for _, v, u in got] == [(6.5, "%"), (15.0, "间"), (300.0, "堂"), (1800.0, "剂次")]


# --------------------------------------------------------------------------- round 25 (BG, BH, BI)

def test_a_role_key_after_another_field_of_its_line_opens_a_unit_list():
    got = _resp("一、项目\n1.西卜沙乡人饮巩固提升工程\n投资:500万元 实施单位:县农牧水利和科技局\n"
                "2.王家乡饲料加工基地扩建项目\n投资:167万元(少数民族发展资金)实施单位:王家乡人民政府\n监督电话:12317")
    assert got == [("西卜沙乡人饮", [("县农牧水利和科技局", "responsible")]),
                   ("王家乡饲料加", [("王家乡人民政府", "responsible")])]


def test_a_figure_that_is_a_fields_value_is_measured_by_the_fields_name():
    got = [(t.metric, t.value, t.unit, t.text) for t in
           extract_text(HEAD + "1.人饮巩固提升工程\n投资:500万元 实施单位:县水利局\n监督电话:12317\n").targets]
    assert got == [("投资", 500.0, "万元", "投资:500万元")]


def test_an_indicator_table_one_cell_per_line_gives_one_target_per_indicator():
    text = ("主要指标表\n指  标\n2020年\n2025年\n属性\n一、发展水平\n1.学前教育毛入园率(%)\n99%\n99%以上\n约束性\n"
            "2.劳动年龄人口平均受教育年限(年)\n11.4年\n12.3年以上\n约束性\n二、优质资源\n"
            "1.义务教育标准班额比例(%)\n其中:小学\n初中\n34.52%\n77.34%\n80%以上\n85%以上\n预期性\n"
            "2.幼儿教师专科及以上学历比例(%)\n其中:本科及以上学历比例(%)\n97.74%\n49.85%\n100%\n50%\n预期性\n")
    got = [(t.metric, t.value, t.unit, t.baseline, t.year) for t in extract_text(
        "某县“十四五”教育事业发展规划\n" + text).targets]
    assert got == [("学前教育毛入园率", 99.0, "%", 99.0, 2025), ("劳动年龄人口平均受教育年限", 12.3, "年", 11.4, 2025),
                   ("义务教育标准班额比例小学", 80.0, "%", 34.52, 2025),
                   ("义务教育标准班额比例初中", 85.0, "%", 77.34, 2025),
                   ("幼儿教师专科及以上学历比例", 100.0, "%", 97.74, 2025),
                   ("本科及以上学历比例", 50.0, "%", 49.85, 2025)]


def test_years_are_a_unit_only_where_a_duration_is_measured():
    got = _targets("一、目标\n到2025年,劳动年龄人口平均受教育年限达12.3年以上,建成学校3所,用5年时间完成改造。")
    assert got == [("劳动年龄人口平均受教育年限", 12.3, "年"), ("建成学校", 3.0, "所")]


def test_a_pipe_row_without_its_merged_category_cell_keeps_its_columns():
    text = ("表 1:主要指标\n类别 | 序号 | 指标名称 | 单位 | 2025年 |\n健康水平 | 1 | 人均期望寿命 | 岁 | 83 |\n"
            "2 | 婴儿死亡率 | ‰ | <5 | |\n3 | 孕产妇死亡率 | 1/10万 | <7 | |\n")
    got = [(t.metric, t.value, t.unit, t.comparator) for t in extract_text(HEAD + text).targets]
    assert got == [("人均期望寿命", 83.0, "岁", ">="), ("婴儿死亡率", 5.0, "‰", "<"),
                   ("孕产妇死亡率", 7.0, "1/10万", "<")]


def test_a_lead_sentence_with_a_name_in_brackets_and_supporters_by_their_stems_joined_by_he():
    got = _resp("一、打造总部基地。\n推进区块建设。此项工作由市发改委(楼宇办)、经合办牵头,"
                "市建委、国土、规划、财政和有关城区政府配合。\n"
                "二、确定目标。\n做好统计上报。此项工作由各区楼宇办负责牵头,做好数据统计上报,"
                "各区财政、国税地税局和街道配合。\n")
    assert got == [("打造总部基地", [("市发改委(楼宇办)", "lead"), ("经合办", "lead"), ("市建委", "support"),
                                 ("国土", "support"), ("规划", "support"), ("财政", "support"),
                                 ("有关城区政府", "support")]),
                   ("确定目标。\n", [("各区楼宇办", "lead"), ("各区财政", "support"), ("国税地税局", "support"),
                                ("街道", "support")])]


def test_blocks_of_a_city_are_platforms_and_blockchain_is_none():
    got = _platforms("一、任务\n以西湖区黄龙西溪区块、拱墅区北部软件园区块为核心区块。"
                     "建设区块链与数据安全全国重点实验室。")
    assert got == ["西湖区黄龙西溪区块", "拱墅区北部软件园区块", "区块链与数据安全全国重点实验室"]


def test_an_announcement_titled_about_its_subject_is_titled_so():
    ex = extract_text("关于某县2023年第二批衔接资金分配计划的公告\n社会各界:\n现将资金分配计划公告如下。")
    assert ex.plan.title == "关于某县2023年第二批衔接资金分配计划的公告"


def test_firms_named_by_the_phases_of_their_projects():
    got = _firms("一、项目\n推动利安隆二期、众卡二期尽快落地,推进匠星玩具二期、彩田制衣二期等一批产业项目建成投产,"
                 "实施污水处理厂三期、滨江新区二期。")
    assert got == ["利安隆", "众卡", "匠星玩具", "彩田制衣"]


def test_builders_at_the_head_of_projects_printed_after_their_investment():
    got = _firms("一、项目\n引进投资10亿元的晶澳新能源产业基地、投资2亿元的瑞禾农业番茄全产业链、"
                 "总投资100亿元的山东龙马汽车安全系统,建设投资15亿元仰韶文化产业园。")
    assert got == ["晶澳", "瑞禾农业", "山东龙马"]


def test_a_bare_company_named_by_a_word_of_its_own_is_a_firm_a_kind_of_company_is_none():
    got = _firms("一、任务\n支持鸿利板石公司延伸产业链条,采取乡镇政府主导、优而信公司牵头、其他快递公司参与的模式,"
                 "组建平台公司。")
    assert got == ["鸿利板石公司", "优而信公司"]


# --------------------------------------------------------------------------- round 26 (BJ, BK, BL)

def test_an_indicator_table_turned_on_its_side_gives_one_target_per_column():
    text = ("主 要 指 标 |\n粮食综合生产能力 | 农业科技进步贡献率 | 农业劳动生产率 |\n2022 年 目 标 值 |\n"
            ">6亿吨 | 61.5% | 5.5万元/人 |\n属 性 | 约束性 | 预期性 | 预期性 |\n")
    got = [(t.metric, t.value, t.unit, t.year) for t in extract_text(HEAD + text).targets]
    assert got == [("粮食综合生产能力", 600000000.0, "吨", 2022), ("农业科技进步贡献率", 61.5, "%", 2022),
                   ("农业劳动生产率", 5.5, "万元/人", 2022)]


def test_lines_a_pdf_page_width_broke_are_read_as_their_paragraph():
    text = ("一、工作推进情况\n(一)聚焦项目攻坚,园区综合实力明显增强。大力推广“项目直通车”\n"
            "“常青树攻坚”等工作模式,推动臻秦、鑫鸣灏、亿鸿展盛、杭起华盛等 19 个\n"
            "项目开工建设,安吉纳、锦鑫泰、优利克等 5 个项目建成并试生产,培育浩忠\n"
            "电力、志远印务、领旗食品 3 户规上企业。1-8 月,园区 90 户规上企业实现工\n"
            "业总产值 53.93 亿元、增长 17.99%,完成固定资产投资 22.83 亿元,其中基础\n"
            "设施投资 3.88 亿元、工业投资 18.59 亿元。\n")
    assert _firms(text)[:4] == ["臻秦", "鑫鸣灏", "亿鸿展盛", "杭起华盛"]


def test_talent_ports_and_comprehensive_pilot_zones_are_platforms_a_unit_in_full_width_brackets_is_none():
    got = _platforms("一、任务\n推进新昌-中关村人才科创港、淮安跨境电商综试区建设。\n"
                     "3.支持两江协同创新区引进高校院所。（两江新区管委会牵头，市科技局按职责分工负责）")
    assert got == ["新昌-中关村人才科创港", "淮安跨境电商综试区", "两江协同创新区"]


def test_a_consultation_on_a_named_draft_is_titled_by_the_draft():
    ex = extract_text("关于公开征求《某区科技企业行动方案(征求意见稿)》意见的公告\n现向社会公开征求意见。\n"
                      "某区科技企业行动方案\n(征求意见稿)\n一、目标\n")
    assert ex.plan.title == "某区科技企业行动方案(征求意见稿)"


def test_a_sharing_sites_buttons_and_counters_are_no_part_of_a_title():
    ex = extract_text("工业园区高质量发展大会会议发言材料\nVIP专免\n2023-12-31\n12.52KB\n2 页\n海报\n侵权投诉\n"
                      "市应急管理局2024年工作要点\n一、工作目标\n")
    assert ex.plan.title == "市应急管理局2024年工作要点"


def test_belts_corridors_and_historic_quarters_are_platforms():
    got = _platforms("一、任务\n推进明月山绿色发展示范带建设、渠江生态廊道建设,加快新昌智造科创带建设,"
                     "匠心打造庐南历史文化街区。")
    assert got == ["明月山绿色发展示范带", "渠江生态廊道", "新昌智造科创带", "庐南历史文化街区"]


def test_one_firm_listed_before_its_kind_is_a_firm_a_sector_is_none():
    got = _firms("一、任务\n关注中美华东等重点高新技术企业的发展情况,支持祁阳新金浩等企业上市,"
                 "先正达集团(中国)、华谷高科等龙头企业顺利落地,加快发展制造业等企业。")
    assert got == ["中美华东", "祁阳新金浩", "先正达集团", "先正达集团(中国)", "华谷高科"]


def test_a_list_closed_by_the_count_of_its_firms_names_firms():
    got = _firms("一、任务\n美的厨卫、美智空调2家企业分别揭榜入选;培育浩忠电力、志远印务、领旗食品 3 户规上企业;"
                 "推进电子、机械2个产业企业集聚。")
    assert got == ["美的厨卫", "美智空调", "浩忠电力", "志远印务", "领旗食品"]


def test_firms_that_grow_into_firms_or_win_honours():
    got = _firms("一、任务\n积极培育津元春、草堂春成长为规上工业企业。环锂新能源获评国家专精特新“小巨人”企业,"
                 "神剑新材料和鑫科铜业入围单项冠军,全区获评先进。")
    assert got == ["津元春", "草堂春", "环锂新能源", "神剑新材料", "鑫科铜业"]


def test_a_firm_named_by_its_project():
    got = _firms("一、任务\n先后引进吉香居项目,做好侨致农牧项目落地,举办中航光电项目动工仪式,引进外资项目,推进重点项目,"
                 "引进更多项目。")
    assert got == ["吉香居", "侨致农牧", "中航光电"]


def test_builders_at_the_head_of_a_list_of_projects():
    got = _firms("一、签约\n本次集中签约的项目包括护理佳纸业二期项目、龙泰年产500万套化妆刷生产项目、"
                 "城区道路改造项目。")
    assert got == ["护理佳纸业", "龙泰"]


def test_what_a_plan_is_to_invest_in_its_year_is_a_target_a_projects_size_is_none():
    got = _targets("一、目标\n2024年,实施国省干线公路项目15个,总投资约168亿元,计划完成投资30亿元。")
    assert ("完成投资", 30.0, "亿元") in got and not any(v == 168.0 for _, v, _ in got)


def test_a_notice_issuing_a_plan_without_guanyu_and_an_inspection_office_as_issuer():
    ex = extract_text("张家口市人民政府办公室印发张家口市关于加强城市精细化管理的意见的通知\n"
                      "各县、区人民政府:\n现印发给你们。")
    assert (ex.plan.title, ex.plan.issuers) == ("张家口市关于加强城市精细化管理的意见", ["张家口市人民政府办公室"])
    ex = extract_text("扶余市人民政府督查室关于对全市开展专项督查的通知\n市直相关部门:\n现将有关事宜通知如下。")
    assert ex.plan.issuers == ["扶余市人民政府督查室"]


def test_a_list_of_example_firms_closed_by_deng_with_one_firm_shaped():
    got = _firms("一、任务\n推进装备制造、新材料等新兴产业发展,培育壮大华翔、中信机电等龙头。"
                 "支持电子科技、光电制造等产业。")
    assert got == ["华翔", "中信机电"]


# --------------------------------------------------------------------------- round 28 (BP, BQ, BR)

def test_a_duty_line_names_its_units_before_its_colon():
    got = _resp("三、成员单位工作职责\n镇共青团、妇联:要充分发挥自身优势,组织志愿者巡查。\n"
                "镇各中小学校:全面安排部署学生溺水预防工作。\n镇派出所:负责将防溺水工作纳入日常警务。\n")
    assert got == [("镇共青团、妇", [("镇共青团", "responsible"), ("妇联", "responsible")]),
                   ("镇各中小学校", [("镇各中小学校", "responsible")]), ("镇派出所:负", [("镇派出所", "responsible")])]


def test_a_run_of_paragraphs_each_naming_its_unit_first_is_a_list_of_duties():
    text = ("现将各单位在村庄环境整治工作中的任务作如下明确:\n区住建局负责全区村庄环境整治总协调工作。\n"
            "区委农办要结合全区建设任务,指导新社区建设。\n区财政局负责村庄环境整治资金的筹措。\n")
    got = _resp(text)
    assert [d for _, d in got] == [[("区住建局", "responsible")], [("区委农办", "responsible")],
                                   [("区财政局", "responsible")]]


# --------------------------------------------------------------------------- round 29 (BS, BT, BU)

def test_a_registered_name_opens_after_the_verbs_of_its_clause_or_at_its_place():
    got = _firms("一、任务\n正在跟踪洽谈飞尚集团落户。并入股辽宁沃土生物科技有限公司发展加工项目。"
                 "开工动员大会暨辽宁金天马专用车制造有限公司项目开工。该乡续建项目有怀宁县明德新型建材有限公司扩建。"
                 "重点关注河南景联达供应链管理有限公司入规。以应流集团航空、核电高端装备制造为引领。")
    assert got == ["飞尚集团", "辽宁沃土生物科技有限公司", "辽宁金天马专用车制造有限公司", "怀宁县明德新型建材有限公司",
                   "河南景联达供应链管理有限公司", "应流集团"]


def test_items_of_a_project_list_keep_their_firm_without_a_phase_or_an_opening_conjunction():
    got = _firms("一、任务\n重点做好吉太科技、世良精密二期等外资项目落实。"
                 "推进道路改造,以及恒旺、恒圣、山矿机、鑫立诺等重大产业项目。推进武大高速二期、硚孝高速二期等项目。")
    assert got == ["吉太科技", "世良精密", "恒旺", "恒圣", "山矿机", "鑫立诺"]


def test_lists_of_industries_and_of_activities_name_no_firms():
    got = _firms("一、任务\n在谈项目包括健康医药、金属智造、绿色建材、新能源等多个产业。"
                 "招引种苗培育、农资农具、水果综合利用等项目。")
    assert got == []


def test_metrics_of_one_kind_sharing_a_growth_rate_are_two_targets_and_attracted_funds_a_target():
    got = _targets("一、目标\n力争全年工业投资、技改投资同比增长15%。2025年签约投资额2亿元,到位资金0.8亿元。"
                   "新认定企业技术中心、工业设计中心2家以上。配送文艺指导不少于1800课时。")
    assert got == [("工业投资", 15.0, "%"), ("技改投资", 15.0, "%"), ("签约投资额", 2.0, "亿元"),
                   ("到位资金", 0.8, "亿元"), ("新认定企业技术中心、工业设计中心", 2.0, "家"),
                   ("配送文艺指导", 1800.0, "课时")]


def test_a_branch_printed_after_a_registered_name_is_part_of_it():
    got = _firms("一、任务\n推进中广核风电有限公司华南分公司项目;"
                 "泰康之家大清谷养老服务有限公司第二分公司新增床位20张。")
    assert got == ["中广核风电有限公司华南分公司", "泰康之家大清谷养老服务有限公司第二分公司"]


def test_builders_head_the_items_of_a_list_closed_by_deng_xiangmu_when_their_yearly_output_follows():
    got = _firms("一、任务\n全力推动智控流体产业园建设项、盛泽年产10万吨机械零配件加工、"
                 "郑研通用年产10万套物联网零部件生产等重点项目。对总投资5000万元以上、补足关键环节短板的重大工业项目给予支持。陇海铁路取直、国道209黄河大桥等56个重大基础设施项目。")
    assert got == ["盛泽", "郑研通用"]


def test_a_label_line_ending_the_text_is_kept_when_its_last_unit_is_whole():
    body = ("一、主要目标\n1.建设重要经济中心。\n责任领导:丁应虎、张 杰\n"
            "责任单位:市发展改革委、市商务局;市教育局等,达州高新区")
    assert _resp(body) == [("建设重要经济", [("市发展改革委", "responsible"), ("市商务局", "responsible"),
                                             ("市教育局", "responsible"), ("达州高新区", "responsible")])]
    assert _resp(body[:-5] + "市协") == [] and _resp(body + "、各开发区管委") == []


def test_a_new_area_named_with_its_place_is_a_platform():
    got = _platforms("一、任务\n依托开州浦里新区创建市级高新技术产业开发区。"
                     "炮台街道抢抓金普新区发展机遇。推进新区建设。")
    assert got == ["开州浦里新区", "金普新区"]


def test_a_table_printed_one_cell_per_line_between_bar_lines_without_its_header():
    cells = ["1", "|", "一、经济社会发展的主要预期目标", "|", "粮食产量100亿斤以上。", "|", "市农技中心", "|",
             "卢伯瑛", "|", "2024年底前", "|", "5555097", "|", "2", "|", "农产品加工业产值增长15%以上。", "|", "产业科",
             "市畜牧中心", "|", "|", "2024年底前", "|", "5555309", "5125676", "|", "3", "|", "做好第三次全国土壤普查。",
             "|", "市农发中心", "|", "潘秀峰", "|", "2024年底前", "|", "5110393", "|"]
    got = _resp("\n".join(cells))
    assert got == [("粮食产量10", [("市农技中心", "responsible")]),
                   ("农产品加工业", [("产业科", "responsible"), ("市畜牧中心", "responsible")]),
                   ("做好第三次全", [("市农发中心", "responsible")])]


def test_a_sharing_sites_watermark_printed_inside_a_key_is_taken_out():
    mark = "秘书之家—全网资源每日更新www.mishuzj.com"
    got = _resp(mark + "区行动计划\n一、任务\n(一)强化组织领导。落实优先发展战略。【牵" + mark
                + "头单位:区农业农村局(区委农办);责任单位:区委农村工作领导小组成员单位】")
    assert got == [("强化组织领导", [("区农业农村局(区委农办)", "lead"),
                                    ("区委农村工作领导小组成员单位", "responsible")])]


def test_a_project_table_with_a_totals_row_names_its_owner_body_and_supervising_department():
    text = ("附件\n序号 | 项目名称 | 项目业主单位 | 项目主管部门 | 总投资(万元) | 建设内容 | 备注 |\n"
            "合计 | 1241 | ||||\n"
            "1 | 白鹿镇油菜产业发展项目 | 巫溪县白鹿镇人民政府 | 巫溪县农业农村委员会 | 70 | 采购设施。 | 无 |\n"
            "2 | 油菜专用肥推广项目 | 某某科技有限公司 | 巫溪县农业农村委员会 | 40 | 推广专用肥,带动")
    got = _resp(text)
    assert got == [("白鹿镇油菜产", [("巫溪县白鹿镇人民政府", "responsible"), ("巫溪县农业农村委员会", "responsible")]),
                   ("油菜专用肥推", [("巫溪县农业农村委员会", "responsible")])]


def test_firms_in_lists_closed_by_quoted_kinds_counts_of_industrial_projects_and_sized_projects():
    got = _firms("一、任务\n重点培育汉鼎智能、奥克兰光电、鑫创鑫自动化等成为省级“专精特新”企业。"
                 "总投资86亿元的辽宁三木、渼瑞石油等12个重大产业项目开工建设。支持禾丰水产等“原字号”企业升级改造,"
                 "推进农大禾丰35万吨数字化生产线项目竣工投产。组织招金贵金属、金雨洁等6家企业申报。"
                 "邀请先正达集团等企业。推进城区5万平方米改造项目。")
    assert got == ["汉鼎智能", "奥克兰光电", "鑫创鑫自动化", "辽宁三木", "渼瑞石油", "禾丰水产", "农大禾丰",
                   "招金贵金属", "金雨洁", "先正达集团"]


def test_a_policy_sites_buttons_are_no_title_and_its_author_field_names_the_issuing_body():
    ex = extract_text("【美丽乡村政策】临泉县农村人居环境整治提升行动实施方案\n\n内容\n \n发送至邮箱\n\n"
                      "【美丽乡村政策】临泉县农村人居环境整治提升行动实施方案\n\n为加快推进农村人居环境整治提升。\n")
    assert ex.plan.title == "临泉县农村人居环境整治提升行动实施方案"
    ex = extract_text("首页 >> 地方政策 >> 技术创新\n地方政策\n详细内容\n\n"
                      "大连沙河口区关于打造科技创新主城区的实施方案\n\n作者:大连沙河口区政府【转载】\n\n为贯彻落实党的二十大精神。\n")
    assert (ex.plan.title, ex.plan.issuers) == ("大连沙河口区关于打造科技创新主城区的实施方案", ["大连沙河口区政府"])
    assert extract_text("某区实施方案\n作者:张三\n为贯彻落实。").plan.issuers == []


def test_a_bodys_own_plan_for_a_year_names_its_issuer_when_nothing_else_does():
    ex = extract_text("县水务局2026年工作要点\n一、主要目标\n完成水利投资5亿元。")
    assert (ex.plan.title, ex.plan.issuers) == ("县水务局2026年工作要点", ["县水务局"])
    assert extract_text("杭州市2024年工作要点\n一、主要目标\n完成投资5亿元。").plan.issuers == []


def test_a_key_that_ends_in_a_shorter_key_keeps_its_role_and_sustainable_is_no_stop_word():
    got = _resp("一、任务\n1.实施技能培训工程。(牵头责任单位:省人社厅,协同配合责任单位:省民政厅、省农委)\n"
                "2.加强就业扶持。")
    assert got == [("实施技能培训", [("省人社厅", "lead"), ("省民政厅", "support"), ("省农委", "support")])]
    got = _platforms("一、任务\n加速推进枣庄市乡村可持续发展研究院实体化运作。依托郴州茶树良种繁殖示范场,推进良种繁育。"
                     "发挥南阳现代化中药研发公共服务平台作用。建设公共服务平台。持续推进园区建设。")
    assert got == ["枣庄市乡村可持续发展研究院", "郴州茶树良种繁殖示范场", "南阳现代化中药研发公共服务平台"]


def test_a_header_with_a_long_aside_marked_row_numbers_and_a_keyed_line_under_a_unit_cell():
    text = ("序号\n\n重点工作任务(杭州市2项牵头工作、19项配合工作)\n\n责任单位\n\n(一)王宏副市长牵头重点工作\n\n1*\n\n"
            "加强粮食和重要农产品保障。\n\n市农业农村局、市商务局\n\n省牵头单位:省农业农村厅\n\n2\n\n"
            "深入实施消费新政。\n\n市商务局、市发改委\n\n省牵头单位:省商务厅\n\n二、其他工作\n")
    got = _resp(text)
    assert got == [("加强粮食和重", [("市农业农村局", "responsible"), ("市商务局", "responsible"),
                                    ("省农业农村厅", "lead")]),
                   ("深入实施消费", [("市商务局", "responsible"), ("市发改委", "responsible"), ("省商务厅", "lead")])]


def test_one_value_for_each_of_a_respectively_list_and_average_is_no_each():
    got = _targets("一、目标\n到2025年,数字化研发设计工具普及率、关键工序数控化率分别超过93%。"
                   "工业投资、制造业投资和技术改造投资年均增速达到10%以上。年发电量达60亿度以上,勘探开发井超过100口。")
    assert [(m, v, u) for m, v, u in got] == [
        ("数字化研发设计工具普及率", 93.0, "%"), ("关键工序数控化率", 93.0, "%"),
        ("工业投资、制造业投资和技术改造投资年均增速", 10.0, "%"), ("年发电量", 6e9, "度"), ("勘探开发井", 100.0, "口")]


def test_a_departments_own_offices_in_a_bare_bracket_after_a_sentence_are_its_units():
    got = _resp("一、目标分解\n5.城镇居民人均可支配收入增长9%。 (工资处、就管中心)\n"
                "7.城镇登记失业率控制在4%。 (就业处、就管中心)\n二、任务\n推进建设。(城市展示中心)\n")
    assert got == [("城镇居民人均", [("工资处", "responsible"), ("就管中心", "responsible")]),
                   ("城镇登记失业", [("就业处", "responsible"), ("就管中心", "responsible")])]


def test_a_well_known_firm_at_the_head_of_a_project_item_is_named_without_its_product():
    got = _firms("一、任务\n推动了比亚迪刀片电池、弘元新材料等一批省级重大项目陆续投产。")
    assert got == ["比亚迪", "弘元新材料"]


def test_days_count_where_a_number_of_days_is_measured_and_ji_yixia_is_a_bound():
    got = _targets("一、目标\n全市优良天数达到315天,重污染天数不超过2天,开办企业1天办结。"
                   "PM2.5平均浓度下降至目标值60微克/立方米及以下。新建学校5所及配套设施。")
    assert got == [("全市优良天数", 315.0, "天"), ("重污染天数", 2.0, "天"),
                   ("PM2.5平均浓度下降至目标值", 60.0, "微克/立方米"), ("新建学校", 5.0, "所")]
    assert [t.comparator for t in extract_text(HEAD + "一、目标\n废水排放量不超过2万吨。").targets] == ["<="]


def test_a_list_closed_by_a_count_of_more_than_so_many_firms():
    got = _firms("一、任务\n先后引进亿纬动力、格林美、恩捷、新宙邦、科达利等10多家新能源汽车动力电池及配套企业。")
    assert got == ["亿纬动力", "格林美", "恩捷", "新宙邦", "科达利"]


def test_a_count_of_firms_closing_a_list_makes_each_item_a_firm_whatever_it_ends_with():
    got = _firms("一、任务\n重点抓好中冶银河、三和纺织、海亮奥博特3家研发投入过亿元企业。"
                 "紧盯大冶有色、华中铜业等重点企业生产经营。推进制造业、财政2家单位。")
    assert got == ["中冶银河", "三和纺织", "海亮奥博特", "大冶有色", "华中铜业"]


def test_an_items_number_glued_to_a_platforms_name_is_no_part_of_it():
    got = _platforms("一、任务\n打造集聚种植区。③泰山茶溪谷产业园。加快建设。3滨江科创园建设。"
                     "建设1号科创园和5G创新中心。")
    assert got == ["泰山茶溪谷产业园", "滨江科创园", "1号科创园", "5G创新中心"]


def test_a_project_list_of_builders_with_their_products_names_the_builders():
    got = _firms("一、任务\n加快双瑞叶片、龙马风电、中元高空作业车等一批项目的建设进度。"
                 "推进光伏发电、风电等项目。谋划焦化苯、水溶肥、永磁材料等16个重点项目。")
    assert got == ["双瑞叶片", "龙马风电", "中元高空作业车"]


def test_a_trade_name_ending_like_a_river_or_sea_in_a_list_of_projects_and_a_verb_of_solving():
    got = _firms("一、任务\n解决正大丰海、苏大维格、创一精锻等重点项目供电问题。推进滨江、东海、南湖等项目。")
    assert got == ["正大丰海", "苏大维格", "创一精锻"]


def test_a_notice_publishing_a_list_of_names_is_itself_the_document():
    plan = extract_text("市科技局关于公布2023年度第二批市级科技企业孵化器认定名单的通知\n各区科经局:\n"
                        "现将名单予以公布。\n").plan
    assert plan.title == "市科技局关于公布2023年度第二批市级科技企业孵化器认定名单的通知"
    plan = extract_text("关于公布2022年县政府重大行政决策目录的通知\n各乡镇:\n现予公布。\n").plan
    assert plan.title == "2022年县政府重大行政决策目录"


def test_a_plan_a_report_says_was_published_and_one_handed_over_before_one_cited():
    plan = extract_text("苏报讯 近日,《周市镇特色专业创新园区发展行动计划(2023-2025年)》发布。未来3年内,周市镇将布局"
                        "打造一批创新园区。\n").plan
    assert plan.title == "周市镇特色专业创新园区发展行动计划(2023-2025年)"
    plan = extract_text("各乡镇:\n根据市政府办公室印发《某市关于推进金桔产业发展的实施方案(2023-2025年)》"
                        "(某政办〔2022〕99号)的总体要求,现将《某县2023年金桔生产任务分解表》下达给你们。\n").plan
    assert plan.title == "某县2023年金桔生产任务分解表"
    plan = extract_text("各单位:\n为贯彻落实《关于加快建设质量强省的实施意见》和《某市质量强市实施意见》等精神,制定"
                        "《关于加快建设质量强区的实施方案》,现印发给你们,请认真贯彻落实。\n").plan
    assert plan.title == "关于加快建设质量强区的实施方案"


def test_an_adverb_and_a_verb_of_approach_open_a_list_of_firms_and_are_no_part_of_it():
    got = _firms("一、任务\n深度挖掘三星电控、西虎汽车等企业招商引资潜力。重点培育和世泰钛业、远程摩擦等一批示范企业。")
    assert got == ["三星电控", "西虎汽车", "和世泰钛业", "远程摩擦"]


def test_a_conjunction_with_one_character_before_it_is_part_of_a_listed_name():
    got = _firms("一、任务\n推动企业进规入统,六和人家、川西坝子等服务业企业进规上。引进华为和中兴等龙头企业。")
    assert got == ["六和人家", "川西坝子", "华为", "中兴"]


def test_a_bare_company_after_a_brand_a_place_and_an_industry_word():
    got = _firms("一、任务\n内蒙古龙源新能源发展有限公司、华润电力内蒙古新能源公司等6家企业代表参加开工仪式。")
    assert got == ["内蒙古龙源新能源发展有限公司", "华润电力内蒙古新能源公司"]


def test_every_body_a_report_says_issued_the_plan_is_an_issuer():
    plan = extract_text("日前,中共昆明市委办公室、昆明市人民政府办公室印发《昆明市开发区振兴三年行动(2023—2025年)》,"
                        "到2025年开发区工业总产值达8500亿元。\n").plan
    assert plan.issuers == ["中共昆明市委办公室", "昆明市人民政府办公室"]


def test_a_path_of_page_sections_and_a_column_name_glued_by_a_bar_are_no_part_of_the_title():
    plan = extract_text("健康频道 >> 卫健 >> 正文\n\n四川省遏制艾滋病传播实施方案(2020—2022年)\n\n"
                        "为贯彻落实国家要求,制定本方案。\n一、目标\n").plan
    assert plan.title == "四川省遏制艾滋病传播实施方案(2020—2022年)"
    plan = extract_text("政务服务丨济宁市人民政府关于持续深化“市县同权”改革的实施意见\n各县(市、区)人民政府:\n"
                        "现提出如下实施意见。\n").plan
    assert (plan.title, plan.issuers) == ("济宁市人民政府关于持续深化“市县同权”改革的实施意见", ["济宁市人民政府"])


def test_metadata_keys_glued_to_their_values():
    plan = extract_text("发文机关阜阳市人民政府\n发文日期2023年08月18日\n时效性现行有效\n发文字号阜政办〔2023〕11号\n"
                        "各县、市、区人民政府:\n现就根治拖欠农民工工资工作提出如下实施意见。\n").plan
    assert (plan.issuers, plan.date, plan.doc_number) == (["阜阳市人民政府"], "2023-08-18", "阜政办〔2023〕11号")


def test_a_glued_table_whose_units_run_together_after_the_officials_name():
    text = ("序号项目名称主要内容区政府分管领导牵头单位配合单位1增加教育资源供给新建学校12个。何海平教育局经开区"
            "高新园(邹区镇)各街道市国有公司2老城厢复兴发展完成故居修缮展陈。何海平文体旅局晋陵公司轨道公司推进大庙弄"
            "核心区改造。芮春祥住建局五星街道南大街街道3优化养老服务提供居家上门服务。张菁民政局各街道\n")
    got = _resp(text)
    assert got == [("增加教育资源", [("教育局", "lead"), ("经开区", "support"), ("高新园(邹区镇)", "support"),
                                    ("各街道", "support"), ("市国有公司", "support")]),
                   ("老城厢复兴发", [("文体旅局", "lead"), ("晋陵公司", "support"), ("轨道公司", "support")]),
                   ("推进大庙弄核", [("住建局", "lead"), ("五星街道", "support"), ("南大街街道", "support")]),
                   ("优化养老服务", [("民政局", "lead"), ("各街道", "support")])]


def test_a_scoring_table_glued_without_numbers_or_separators():
    text = ("2018年度全县禁毒工作考评细则大项内容小项内容具体项目具体内容责任单位协助单位毒品预防教育(14分)工程攻坚"
            "(2.5分)全县初中以上学校项目达标率达到100%以上。县教育局县禁毒办、禁毒大队制定出台青少年毒品预防教育"
            "五年发展纲要。县教育局县禁毒办、禁毒大队戒毒康复(10分)建立社区戒毒康复站。县卫健局县禁毒办、各乡镇\n")
    got = _resp(text)
    assert got == [("全县初中以上", [("县教育局", "lead"), ("县禁毒办", "support"), ("禁毒大队", "support")]),
                   ("制定出台青少", [("县教育局", "lead"), ("县禁毒办", "support"), ("禁毒大队", "support")]),
                   ("建立社区戒毒", [("县卫健局", "lead"), ("县禁毒办", "support"), ("各乡镇", "support")])]


def test_figures_after_respectively_go_to_the_listed_metrics_one_by_one():
    got = _targets("一、目标\n2.健康村(社区)、健康家庭、健康促进医院、健康促进学校、健康促进机关、健康促进企业的"
                   "比例分别不低于20%、20%、40%、50%、50%、20%。城镇、农村居民人均可支配收入分别增长7%、8%。"
                   "开工、投产项目分别达到19个、5个。\n")
    assert got == [("健康村(社区)比例", 20.0, "%"), ("健康家庭比例", 20.0, "%"), ("健康促进医院比例", 40.0, "%"),
                   ("健康促进学校比例", 50.0, "%"), ("健康促进机关比例", 50.0, "%"),
                   ("健康促进企业比例", 20.0, "%"),
                   ("城镇居民人均可支配收入增长", 7.0, "%"), ("农村居民人均可支配收入增长", 8.0, "%"),
                   ("开工项目", 19.0, "个"), ("投产项目", 5.0, "个")]


def test_a_document_number_in_square_brackets_or_after_a_bullet():
    plan = extract_text("[天政办发〔2023〕28号]天水市人民政府办公室关于印发天水市燃气管道更新改造实施方案的通知\n"
                        "各县区人民政府:\n现印发给你们。\n").plan
    assert (plan.doc_number, plan.title) == ("天政办发〔2023〕28号", "天水市燃气管道更新改造实施方案")
    plan = extract_text("  • 新郑市人民政府\n  • 新政〔2017〕32号\n新郑市创建国家慢病综合防控示范区实施方案\n"
                        "为做好工作,制定本方案。\n").plan
    assert plan.doc_number == "新政〔2017〕32号"


def test_an_article_giving_one_paragraph_to_each_department_by_its_stem():
    text = ("第四条 市建设部门负责牵头本市建筑垃圾资源化利用工作。\n发改部门负责指导本市建筑垃圾资源化利用项目立项。\n"
            "工信部门负责指导培育建筑垃圾资源化利用企业。\n财政部门负责制定出台奖补配套政策。\n"
            "自然资源部门负责指导建筑垃圾资源化利用设施供地等。\n")
    got = _resp(text)
    assert got == [("市建设部门负", [("市建设部门", "lead")]), ("发改部门负责", [("发改部门", "responsible")]),
                   ("工信部门负责", [("工信部门", "responsible")]), ("财政部门负责", [("财政部门", "responsible")]),
                   ("自然资源部门", [("自然资源部门", "responsible")])]


def test_a_clause_whose_bracket_a_line_break_cuts_inside_a_word_and_the_youth_leagues_central_committee():
    text = ("一、任务\n    (五)持续推进健康科普行动。开展全国大学生暑期“三下乡”健康\n\n    专项等活动。"
            "(科技部、国家卫生健康委、共青团中央、中国科协按\n\n    职责分工负责)\n"
            "    (七)举办第一届全国全民健身大会。(体育总\n\n    局牵头负责)\n")
    got = _resp(text)
    assert got == [("持续推进健康", [("科技部", "responsible"), ("国家卫生健康委", "responsible"),
                                    ("共青团中央", "responsible"), ("中国科协", "responsible")]),
                   ("举办第一届全", [("体育总局", "lead")])]


def test_an_issuer_printed_without_its_place_is_reported_as_printed_unless_the_page_prints_the_place_too():
    plan = extract_text("武汉市2023年综合交通工作要点\n市交通运输局关于印发2023年工作要点的通知\n各区交通局:\n"
                        "现将工作要点印发给你们。\n").plan
    assert plan.issuers == ["市交通运输局"]
    plan = extract_text("六安市农业农村局\n市农业农村局关于印发2024年全市农业农村工作要点的通知\n各县区农业农村局:\n"
                        "现印发给你们。\n").plan
    assert plan.issuers == ["六安市农业农村局"]


def test_a_title_a_pdf_printed_one_token_a_line():
    plan = extract_text("XX\n镇\n2023\n年政府工作报告\n各位代表:\n现在,我代表镇人民政府向大会报告工作。\n").plan
    assert plan.title == "XX镇2023年政府工作报告"


def test_one_sentence_dividing_duties_among_three_units_or_more():
    got = _resp("一、分工\n(三)明确分工。镇政府办公室负责制定全镇实施方案,镇经发办负责督办和考核,"
                "镇农业综合执法中队负责监督检查。\n(四)加强宣传,县财政局负责保障经费。\n")
    assert got == [("镇政府办公室", [("镇政府办公室", "responsible")]), ("镇经发办负责", [("镇经发办", "responsible")]),
                   ("镇农业综合执", [("镇农业综合执法中队", "responsible")])]


def test_you_x_fuze_makes_x_responsible_in_an_item_but_not_as_a_relative_clause():
    got = _resp("一、任务\n3.养殖场补栏。对已建成存在缺栏问题的养殖场,由各乡镇负责指派专组专人,督促落实。\n"
                "4.确定事项。由县民政局负责的第1件进展滞后。\n")
    assert got == [("养殖场补栏。", [("各乡镇", "responsible")])]


def test_the_lines_of_an_indicator_table_printed_without_its_header():
    got = _targets("楼宇总建筑面积(万平方米) 230 240 250\n\n  质量提升 企业入驻率(%) 82 86 90\n\n"
                   "  税源率(%) 60 65 70\n\n"
                   "  贡献增长 税收超亿元的重点楼宇数量(幢) 7 8 10\n\n三、主要任务\n(一)强化楼宇管理。\n")
    assert got == [("楼宇总建筑面积", 250.0, "万平方米"), ("企业入驻率", 90.0, "%"), ("税源率", 70.0, "%"),
                   ("税收超亿元的重点楼宇数量", 10.0, "幢")]
    assert _targets("一、目标\n企业入驻率(%) 82 86 90\n二、任务\n加强管理。\n") == []  # one line is no table


def test_a_run_of_stars_masks_a_name_and_a_subsidised_kind_of_training_is_no_grant():
    got = _resp("一、任务\n1.加强农用地土壤重金属污染源头防治。(****分局牵头,各有关部门配合)\n"
                "2.加强宣传。(*市科技局、市财政局)\n")
    assert got == [("加强农用地土", [("****分局", "lead"), ("各有关部门", "support")]),
                   ("加强宣传。(", [("市科技局", "lead"), ("市财政局", "support")])]
    got = _targets("一、目标\n2025年城镇新增就业4万人以上、开展补贴性技能培训2万人以上。给予每人最高500元补贴。\n")
    assert got == [("城镇新增就业", 40000.0, "人"), ("开展补贴性技能培训", 20000.0, "人")]


def test_a_bracket_naming_its_unit_then_the_plans_rule_and_a_note_and_an_industry_regulators_tail():
    got = _resp("一、任务\n1.促进就业。发挥作用。〔市人社局,此项及以下任务均需各县(市、区)落实,不再列出。"
                "各责任单位按职责分工落实〕\n"
                "2.公开信息。(责任单位:区发展改革委、区水务局、区房管局等公共企事业单位行业主管部门)\n")
    assert got == [("促进就业。发", [("市人社局", "responsible")]),
                   ("公开信息。(", [("区发展改革委", "responsible"), ("区水务局", "responsible"),
                                   ("区房管局", "responsible")])]


def test_firms_a_cluster_leans_on_and_leading_is_no_firm():
    got = _firms("一、任务\n形成了以前进牧业为龙头、甘肃云鑫等企业为主的乳制品产业集群,"
                 "以祁连牧歌、盛丰肉食品公司为龙头的牛羊肉加工产业集群。以项目为龙头带动投资。支持新设消费金融公司、金融租赁公司。\n")
    assert got == ["前进牧业", "甘肃云鑫", "祁连牧歌", "盛丰肉食品公司"]


def test_a_named_park_is_a_platform_and_a_kind_of_park_is_none():
    got = _platforms("一、任务\n做好黄海森林公园申报国家级旅游度假区工作。新建虹桥体育公园。"
                     "建设一批口袋公园、主题公园。\n")
    assert got == ["黄海森林公园", "虹桥体育公园"]


# --------------------------------------------------------------------------- session 15 (rounds 43-44)

def test_a_key_naming_two_kinds_of_unit_is_one_key():
    got = _resp("一、任务\n1.推进网上政务大厅建设。(牵头部门:市政府办公厅;责任部门、单位:各区县政府、市政府相关部门)\n"
                "2.拓展网上政务服务。(责任部门、单位:市政府办公厅、市审改办)")
    assert got == [("推进网上政务", [("市政府办公厅", "lead"), ("各区县政府", "responsible"),
                                     ("市政府相关部门", "responsible")]),
                   ("拓展网上政务", [("市政府办公厅", "responsible"), ("市审改办", "responsible")])]


def test_a_glued_table_with_group_headings_page_numbers_and_a_first_responsible_column():
    got = _resp("序号主要工作任务第一责任单位主要责任单位一、主要发展指标1地区生产总值年均增长12%左右。"
                "市发展改革委各县(市、区)政府、嘉兴港区2地方财政收入年均增长13%。市财政局各县(市、区)政府、市国税局"
                "—2—二、产业优化升级3积极推进技术创新,推广先进生产技术市科技局市发展改革委、市经贸委\n")
    assert got == [("地区生产总值", [("市发展改革委", "lead"), ("各县(市、区)政府", "responsible"),
                                     ("嘉兴港区", "responsible")]),
                   ("地方财政收入", [("市财政局", "lead"), ("各县(市、区)政府", "responsible"),
                                     ("市国税局", "responsible")]),
                   ("积极推进技术", [("市科技局", "lead"), ("市发展改革委", "responsible"),
                                     ("市经贸委", "responsible")])]


def test_firms_listed_before_a_partner_where_one_item_has_another_shape():
    # beside firms, the county's own factory is one too (its gold reads it so)
    assert _firms("推动县制药厂、振兴药业、安德药业与中国药科大学建立院企合作关系。") == [
        "县制药厂", "振兴药业", "安德药业"]


def test_a_registered_name_starts_after_a_verb_a_ranking_or_a_place_speaking_of_itself():
    assert _firms("要充分利用江钨集团在我县挂点扶贫的契机。我镇东莞气派科技有限公司入选试点企业。"
                  "香港宏辉集团、瑞丰集团及民营 500 强红星美凯龙等知名企业均有意来投资。") == [
        "江钨集团", "东莞气派科技有限公司", "香港宏辉集团", "瑞丰集团", "红星美凯龙"]


def test_listed_firms_after_a_preposition_a_count_of_firms_or_beside_a_well_known_firm():
    assert _firms("对宁德时代、莱赛尔、小松等“链主”项目靠上服务。加大对长崃、芯技通等8家亿元以上重大项目支持力度。"
                  "推动华能、欣旺达等光伏项目建设。跟进落地华羽先翔eVTOL、天晴空天科技等在谈项目。") == [
        "宁德时代", "莱赛尔", "小松", "长崃", "芯技通", "华能", "欣旺达", "华羽先翔", "天晴空天科技"]


def test_listed_firms_after_their_descriptions_and_quoted_honours():
    assert _firms("引导培育的中国高品质鸡蛋领导者圣迪乐、畜牧行业十大时代企业正大饲料等公司领跑;"
                  "四川省“瞪羚企业”一康制药、“专精特新小巨人”惠泉生物、"
                  "“首届检验医学科技创新一等奖”凯瑞华创等公司蓬勃发展。") == [
        "圣迪乐", "正大饲料", "一康制药", "惠泉生物", "凯瑞华创"]


def test_a_counted_list_of_firms_a_sector_leans_on():
    got = _firms("以东升股份、万隆石业、华辉石业3家企业为龙头,支持发展高端石材。")
    assert got == ["东升股份", "万隆石业", "华辉石业"]


def test_industries_and_collectives_are_no_firms():
    assert _firms("力争明年石材陶瓷、鞋服轻纺、机械装备等3个产业产值达500亿元以上。"
                  "责任单位:各县(市、区)政府、有关通信公司。专精特新“小巨人”等上榜企业继续保持全市前列。") == []


def test_news_of_a_plan_names_it_with_an_adverb_before_the_verb_that_publishes_it():
    one = extract_text("《某市产业龙头促进计划实施方案》日前出台,圈出了近90家龙头企业。\n"
                       "力争明年主营业收入超亿元企业达340家。").plan
    two = extract_text("福州新闻网6月13日讯(记者 谢某)省经信委近日印发实施《2017年产业龙头促进计划工作方案》,"
                       "提出今年力争形成39家以上百亿元企业。").plan
    assert (one.title, two.title) == ("某市产业龙头促进计划实施方案", "2017年产业龙头促进计划工作方案")


def test_a_quoted_name_before_a_platform_and_an_old_town_name_platforms():
    assert _platforms("持续完善一体化大数据平台、“山东通”平台。重点建设万灵古镇。") == ["“山东通”平台", "万灵古镇"]


def test_a_key_of_units_and_their_officials_names_the_units_and_a_tail_of_kinds_is_dropped():
    got = _resp("一、任务\n1.完成盘龙消防三中队建设。\n责任单位及责任人:盘龙区政府、市发改委主要领导。\n"
                "2.开展全民营养周活动。(国家卫生健康委牵头,中央宣传部、中国科协等部门单位参与)")
    assert got == [("完成盘龙消防", [("盘龙区政府", "responsible"), ("市发改委", "responsible")]),
                   ("开展全民营养", [("国家卫生健康委", "lead"), ("中央宣传部", "support"), ("中国科协", "support")])]


def test_a_role_key_glued_to_a_unit_that_opens_with_its_level():
    got = _resp("一、任务\n1、全力建设工业园区。抓好园区的启动建设。\n"
                "总协调人张某、李某,责任单位区发展计划局、区经贸局、有关镇(街道)。\n"
                "2、规范主动公开范围。配合区政府办公室做好目录编制工作。(责任单位:各科室)")
    assert got == [("全力建设工业", [("区发展计划局", "responsible"), ("区经贸局", "responsible"),
                                     ("有关镇(街道)", "responsible")]),
                   ("规范主动公开", [("各科室", "responsible")])]


def test_firms_before_their_regional_seats_and_after_a_clause_that_has_them():
    assert _firms("新引进总部3个,华曦达西北区域总部、寒武纪西部总部、日海智能西北总部等一批项目相继落户。"
                  "属于特色轻工等项目的有尉犁大生纺织品有限公司。") == [
        "华曦达", "寒武纪", "日海智能", "尉犁大生纺织品有限公司"]


def test_a_park_inside_a_zone_and_the_laboratory_a_base_belongs_to_are_platforms_of_their_own():
    assert _platforms("在宽甸经济开发区城南高新技术产业园内建设。推进某某开发区数字经济产业园建设。"
                      "积极推进牧原实验室郑州研发基地建设。重点开发金堂片区,推进前湾硅谷加速打造。") == [
        "宽甸经济开发区城南高新技术产业园", "城南高新技术产业园", "某某开发区数字经济产业园", "牧原实验室",
        "牧原实验室郑州研发基地", "金堂片区", "前湾硅谷"]


def test_a_range_with_its_unit_after_both_ends_and_respectively_over_metrics_joined_by_and():
    got = _targets("建成5个—7个中药材产地初加工集聚地。到2025年,高新技术企业和科技型企业分别达到90家和870家。")
    assert got == [("中药材产地初加工集聚地", 5.0, "个"), ("中药材产地初加工集聚地", 7.0, "个"),
                   ("高新技术企业", 90.0, "家"), ("科技型企业", 870.0, "家")]


def test_firms_after_verbs_of_pushing_and_opening_and_with_latin_letters_inside():
    assert _firms("力促闽参中药材、严孚医疗、人良健康等项目年内投产。"
                  "新开工联合飞机、远洋智能模块、浦创电子等10亿元以上项目8个。"
                  "加快实施磊达钢纤维、广谦PCB电路板、神龙药剂等一批技改项目。") == [
        "闽参中药材", "严孚医疗", "人良健康", "联合飞机", "远洋智能模块", "浦创电子", "磊达钢纤维", "广谦PCB电路板",
        "神龙药剂"]


def test_paragraphs_that_open_with_units_and_a_colon_list_who_does_what():
    got = _resp("市工商局:参与上市后备企业培训,及时出具相关证明文件。\n"
                "市地税局、国税局:及时出具企业纳税情况证明文件。\n市环保局:加快对拟上市公司募集资金投资项目环评的工作进度。\n"
                "市劳动和社会保障局:依法督促拟上市企业缴纳养老保险。\n")
    assert got == [("市工商局:参", [("市工商局", "responsible")]),
                   ("市地税局、国", [("市地税局", "responsible"), ("国税局", "responsible")]),
                   ("市环保局:加", [("市环保局", "responsible")]),
                   ("市劳动和社会", [("市劳动和社会保障局", "responsible")])]


def test_a_bare_bracket_of_units_that_closes_an_item_before_its_full_stop():
    got = _resp("一、主要工作目标\n1、地区生产总值增长11%(市发改委,各县市区政府,荆州开发区)。\n"
                "(二)招商合作局(行政审批局、政务服务中心)\n")
    assert got == [("地区生产总值", [("市发改委", "responsible"), ("各县市区政府", "responsible"),
                                     ("荆州开发区", "responsible")])]


def test_a_place_whose_name_opens_like_a_count_keeps_it():
    got = _platforms("阿拉尔工业园区和五家渠工业园区升级国家级经济技术开发区。")
    assert got == ["阿拉尔工业园区", "五家渠工业园区"]


def test_a_registered_name_starts_after_a_particle_or_是由_and_a_tier_of_a_ranking_is_no_firm():
    assert _firms("成功引进了厦门某晴集团。这正是由黑龙江航运集团有限公司建造。三年进入全国工业百强区第一集团。") == [
        "厦门某晴集团", "黑龙江航运集团有限公司"]


def test_a_key_line_closing_a_group_of_sub_items_gives_its_units_to_each():
    items = _resp("三、整治内容\n\n(一)实施城区环境整治工程\n\n1整治市区环境卫生\n\n"
                  "(1)完全清扫责任区内道路环境卫生。\n\n(2)清掏市区内公共旱厕。\n\n责任部门:各街道办事处、住房和城乡建设局\n\n(3)清理城区河道两侧卫生。\n\n"
                  "责任部门:市水利局\n")
    group = [("各街道办事处", "responsible"), ("住房和城乡建设局", "responsible")]
    assert items == [("完全清扫责任", group), ("清掏市区内公", group), ("清理城区河道", [("市水利局", "responsible")])]
    lines = _resp("三、整治内容\n1整治市区环境卫生\n⑴完全清扫责任区内道路环境卫生。\n⑵清掏市区内公共旱厕。\n"
                  "责任部门:各街道办事处、住房和城乡建设局\n")
    assert [units for _, units in lines] == [group, group]


def test_a_forwarded_plan_is_named_without_the_bodies_that_drafted_it():
    plan = extract_text("天津市人民政府办公厅关于转发市交通运输委市公安局拟定的"
                        "天津市停车设施建设及秩序管理实施方案的通知\n各区人民政府:\n现将…转发给你们,请照此执行。\n").plan
    assert plan.title == "天津市停车设施建设及秩序管理实施方案"


def test_a_well_known_firms_own_company_in_its_trade_is_a_firm_and_its_product_is_none():
    got = _firms("新引进总部3个,京东健康西北区域总部、寒武纪西部总部、日海智能西北总部等一批项目相继落户。"
                 "推进比亚迪刀片电池、宁德时代等项目。")
    assert got == ["京东健康", "寒武纪", "日海智能", "比亚迪", "宁德时代"]


def test_a_page_in_traditional_characters_is_read_and_reported_as_printed():
    got = _resp("一、任務\n1.推動完成條例修訂。(國家知識產權局負責)\n2.加強統籌。(市發展改革委牽頭,市財政局配合)\n")
    assert got == [("推動完成條例", [("國家知識產權局", "responsible")]),
                   ("加強統籌。(", [("市發展改革委", "lead"), ("市財政局", "support")])]


def test_a_convention_printed_with_the_variant_爲_names_the_lead():
    got = _resp("一、任務\n1.落實稅額標准。(責任單位:市稅務局、市財政局,排在首位的爲牽頭單位,下同)\n")
    assert got == [("落實稅額標准", [("市稅務局", "lead"), ("市財政局", "support")])]


# --------------------------------------------------------------------------- rounds 49 and 50

def test_responsible_keys_include_负责单位():
    got = _resp("一、任务\n1.实施能源消费双控。(负责单位:市发展改革委、市能源局)")
    assert got == [("实施能源消费", [("市发展改革委", "responsible"), ("市能源局", "responsible")])]


def test_a_unit_that_answers_for_a_task_beside_supporting_units_leads_it():
    got = _resp("一、任务\n1.加强定点屠宰管理。(县经贸局负责,县农业局、公安局配合)\n"
                "2.开展尿样检测。(县农业局负责)\n"
                "3.加强监督检查。(县农业局、县卫生局按职责分工负责,公安局配合)\n"
                "二、治理畜牧业产品污染\n(一)由省经贸委负责,省农业厅、省环保局配合,加快省级无公害畜禽基地建设,确定一批省级规模"
                "生猪、蛋禽养殖基地。")
    assert got == [("加强定点屠宰", [("县经贸局", "lead"), ("县农业局", "support"), ("公安局", "support")]),
                   ("开展尿样检测", [("县农业局", "responsible")]),
                   ("加强监督检查", [("县农业局", "responsible"), ("县卫生局", "responsible"), ("公安局", "support")]),
                   ("由省经贸委负", [("省经贸委", "lead"), ("省农业厅", "support"), ("省环保局", "support")])]


def test_a_unit_that_undertakes_a_task_beside_assisting_units_leads_it():
    got = _resp("一、治理畜牧业产品污染\n\n由省经贸委承办,省农业厅、卫生厅、公安厅、环保局、质监局协办。"
                "治理工作目标:实行定点屠宰区域的猪、牛、羊定点屠宰率均达85%以上;上市猪、牛、羊肉主要卫生指标抽检合格率均达95%以上;产销环节生猪“瘦肉精”"
                "尿样抽样检出率、禽类(鸡、鸭)抗生素和磺胺类药物残留抽检超标率控制在1%以内。主要措施:\n")
    assert got == [("治理畜牧业产", [("省经贸委", "lead"), ("省农业厅", "support"), ("卫生厅", "support"),
                                     ("公安厅", "support"), ("环保局", "support"), ("质监局", "support")])]


def test_the_units_placed_first_lead_by_the_stated_convention():
    got = _resp("一、任务\n1.开展土壤环境质量调查。"
                "(责任单位:市环保局、市国土资源局,市财政局。排在前位为牵头部门,下同。)")
    assert got == [("开展土壤环境", [("市环保局", "lead"), ("市国土资源局", "support"), ("市财政局", "support")])]


def test_a_list_tail_of_a_bare_等_after_its_last_separator_names_no_unit():
    got = _resp("二、任务\n(一)严格落实扬尘防治措施。"
                "(市住建局、市交通运输局、等按职责分工负责。以下均需各县市区政府落实,不再单独列出。)")
    assert got == [("严格落实扬尘", [("市住建局", "responsible"), ("市交通运输局", "responsible")])]


def test_a_field_key_glued_after_the_last_unit_ends_the_unit_list():
    got = _resp("一、老旧小区改造项目\n牵头单位:县城管执法局\n"
                "责任单位:莲塘镇任务目标:2024年计划改造完成莲水巷等住宅小区,改造内容包括外立面。")
    assert got == [("老旧小区改造", [("县城管执法局", "lead"), ("莲塘镇", "responsible")])]


def test_a_table_row_whose_cells_run_on_over_bar_opened_lines_is_one_row_and_名称_is_its_task():
    got = _resp("序号 | 名称 | 明细 | 负责科室 | 执行落实情况 |\n1 | 金竹锦园共享社建设\n| 该项目位于金竹锦园。\n"
                "| 党建办\n"
                "| 已完成并对外开放。 |\n2 | 霞坊安置房交付 | 位于霞坊地块。 | 城建办 | 已完成安置。 |\n")
    assert got == [("金竹锦园共享", [("党建办", "responsible")]), ("霞坊安置房交", [("城建办", "responsible")])]


# --------------------------------------------------------------------------- round 51

def test_a_name_wrapped_before_its_head_stays_one_unit_and_等各部门_is_a_tail():
    got = _resp("一、任务\n1.合理分解节能减排指标。\n牵头单位:省发展改革委\n"
                "责任单位:省统计局、各市(州) 人民政府、高新投公司等各部门")
    assert got == [("合理分解节能", [("省发展改革委", "lead"), ("省统计局", "responsible"),
                                    ("各市(州) 人民政府", "responsible"), ("高新投公司", "responsible")])]


def test_a_persons_key_after_a_space_is_whole_and_no_part_of_the_unit_before_it():
    got = _resp("一、任务\n1.轨道交通1号线一期工程投入试运营。 牵头领导:林静国 "
                "责任单位:市轨道交通工程建设指挥部 项目责任人:尹文德 实际完成情况:已于5月30日投入试运营。")
    assert got == [("轨道交通1号", [("市轨道交通工程建设指挥部", "responsible")])]


def test_the_bodies_of_a_place_by_their_own_names_support_after_a_unit_named_in_full():
    got = _resp("一、治理畜牧业产品污染\n\n由乡三农服务中心承办,乡畜牧站、卫生院、派出所、工商所配合。"
                "治理工作目标:实行定点屠宰区域的猪、牛、羊定点屠宰率均达85%以上;上市猪、牛、羊肉主要卫生指标"
                "抽检合格率均达95%以上;产销环节生猪“瘦肉精”尿样抽样检出率、禽类(鸡、鸭)抗生素和磺胺类药物"
                "残留抽检超标率控制在1%以内。主要措施:\n")
    assert got[0][1] == [("乡三农服务中心", "lead"), ("乡畜牧站", "support"), ("卫生院", "support"),
                         ("派出所", "support"), ("工商所", "support")]


def test_a_unit_list_running_into_a_tables_figures_names_no_unit_of_them():
    got = _resp("现将实事项目1—6月份进展情况通报如下:一、交通出行 1.轨道交通1号线一期工程投入试运营。 "
                "牵头领导:林静国 责任单位:市轨道交通工程建设指挥部 项目责任人:尹文德 实际完成情况:已投入试运营。 "
                "2.新辟公交线路10条,优化调整20条。 牵头领导:王仁洲 责任单位:市交通委 项目责任人:劳可军 "
                "配合单位:市公安局、市城管局,各区政府 鄞州 海曙、江东、江北 镇海 北仑 合计 新辟线路年度目标 "
                "2 5 1 2 10 实际完成 1 2 0 3 6 3.新投放公共自行车3000辆。")
    assert [d for _, units in got for d in units if any(ch.isdigit() for ch in d[0])] == []


def test_builders_named_before_their_products_in_a_list_of_projects_are_firms():
    got = _firms("一、任务\n力促力言机器人、奥士康PCB板、伟创力高端PCB、阿特斯3GW太阳能光伏电池等一批10亿元"
                 "以上项目实现突破。推进城区供水管网改造、总投资5亿元的饲料厂、年产5万吨饲料等项目。")
    assert {"奥士康", "伟创力", "阿特斯"} <= set(got) and not {"总投资", "年产"} & set(got)


def test_a_convention_note_the_page_cut_off_closes_the_unit_list_before_it():
    got = _resp("二、主要措施\n\n(一)双招双引联动招才。聚焦主导产业转型升级,分产业建立博士人才需求库、引智目标库。\n\n"
                "责任单位:市科技局、人社局、发改委,泉州开发区(列在首位的为牵头单位,其他单位按职责分工负责,下")
    assert got == [("双招双引联动", [("市科技局", "lead"), ("人社局", "support"), ("发改委", "support"),
                                    ("泉州开发区", "support")])]


# --------------------------------------------------------------------------- round 52

def test_a_rate_per_span_of_time_keeps_its_denominator_in_the_unit():
    got = _targets("一、任务\n1.提高城乡低保标准,城市低保标准不低于3480元/年,人均救助水平不低于185元/月,产值5亿元/年。")
    assert got == [("城市低保标准", 3480.0, "元/年"), ("人均救助水平", 185.0, "元/月"), ("产值", 5.0, "亿元/年")]


def test_a_goal_column_under_a_header_wrapped_over_two_lines_counts_what_each_row_names():
    got = _targets("序号 | 项目名称 | 责任单位 | 目标任务 | 1-8月实际完成情况 |\n任务完成率 | 备注 | |\n"
                   "1 | 新增城镇就业 | 区人社局 | 8950人 | 7123人 | 80% | ||\n"
                   "2 | 减少义务教育大班额 | 区教育局 | 51个 | 53个 | 104% | ||\n")
    assert got == [("新增城镇就业", 8950.0, "人"), ("减少义务教育大班额", 51.0, "个")]


def test_a_lead_clause_closing_an_enumerated_point_takes_the_point_as_its_task():
    got = _resp("县政府召开常务会议。\n会议明确,一是加强乡(镇)执法队伍建设,由县应急局牵头统筹建设;"
                "二是加强消防基础设施建设,"
                "由县住建局牵头,纳入城市消火栓建设计划;三是开展消防专项规划编制,由县自然资源局牵头规划编制,"
                "县消防救援大队配合数据提供及相关工作。")
    assert [(text, units[0]) for text, units in got] == [("加强乡(镇)", ("县应急局", "lead")),
                                                          ("加强消防基础", ("县住建局", "lead")),
                                                          ("开展消防专项", ("县自然资源局", "lead"))]


def test_a_groups_ordinal_in_a_unit_column_names_no_unit():
    got = _resp("序号 | 督查组 | 牵头单位 | 备注 |\n1 | 第一组 | 市安监局 | |\n2 | 第二组 | 市规划局 | |\n")
    assert [u for _, units in got for u, _ in units if u.startswith("第")] == []


# --------------------------------------------------------------------------- round 53

def test_a_table_of_bar_closed_cells_keeps_its_columns_and_a_place_or_sum_column_names_no_unit():
    got = _resp("附件:洋县2024年十大民生实事项目清单\n|\n"
                "洋县2024年十大民生实事项目清单 |\n||||||\n|\n序号 |\n"
                "项目名称 |\n建设地点 |\n建设时间 |\n建设内容 |\n"
                "年度投资金额 (万元) |\n责任单位 |\n|\n1 |\n"
                "洋县中小学幼儿园基础设施提升改造项目 |\n相关镇 (街道) |\n"
                "2024 |\n对马畅中小、茅坪学校等学校运动场地进行改造。 |\n"
                "300 |\n教体局 |\n|\n2 |\n城北小学门前道路建设项目 |\n"
                "纸坊街道 |\n2024 |\n建成唐塔北路延伸段道路。 |\n300 |\n"
                "住建局 |\n|\n")
    assert got == [("洋县中小学幼", [("教体局", "responsible")]), ("城北小学门前", [("住建局", "responsible")])]


def test_a_glued_table_continued_from_an_earlier_page_starts_at_its_first_rows_number():
    got = _resp("重点任务分工清单\n\n(上接第三版)\n\n序号工作任务责任单位21树立婚育新风。构建新型婚育文化。省委宣传部、"
                "省民政厅牵头;省总工会、团省委配合;各州(市)党委和政府落实22未纳入低保的计划生育特殊家庭,"
                "个人负担部分按规定给予救助。省医保局牵头;省民政厅、省卫生健康委配合;各州(市)党委和政府落实")
    assert [(text, units[0]) for text, units in got] == [("树立婚育新风", ("省委宣传部", "lead")),
                                                          ("未纳入低保的", ("省医保局", "lead"))]


def test_well_known_makers_are_firms_wherever_named_and_an_ambiguous_short_name_only_in_lists():
    got = _firms("一、任务\n打造以郑煤机为代表的千亿级工程装备制造集群、以宇通、上汽为代表的两千亿级汽车制造集群。"
                 "引进时代一汽动力电池项目,打造云创蔚来为核心的创新谷。")
    assert {"郑煤机", "宇通", "上汽"} <= set(got) and not {"一汽", "蔚来"} & set(got)


def test_a_title_issued_by_two_bodies_joined_by_a_comma_names_both():
    plan = extract_text("中国临朐\n中共临朐县委、临朐县人民政府关于加快建设人才强县的若干意见\n发布时间:2016-02-29\n\n"
                        "为深入实施人才强县战略,提出如下意见。\n一、主要目标\n到2020年,引进培育各类人才1000名左右。").plan
    assert (plan.title, list(plan.issuers)) == ("中共临朐县委、临朐县人民政府关于加快建设人才强县的若干意见",
                                                ["中共临朐县委", "临朐县人民政府"])


def test_a_title_keeps_the_quotation_it_opens_with_and_loses_its_number_bullet_and_stray_marks():
    assert _plan("“十三五”控制温室气体排放工作方案部门分工\n一、任务\n1.推进节能。").title == \
        "“十三五”控制温室气体排放工作方案部门分工"
    assert _plan("池州市人民政府关于创优“四最”营商环境的实施意见(池政〔2017〕101号)\n一、任务\n1.推进改革。").title == \
        "池州市人民政府关于创优“四最”营商环境的实施意见"
    assert _plan("• 临汾市水污染防治2018年行动计划\n一、任务\n1.推进治理。").title == "临汾市水污染防治2018年行动计划"


def test_the_official_printed_after_a_unit_in_its_cell_is_no_part_of_its_name():
    got = _resp("序号 | 工作任务 | 分管市领导 | 牵头单位 | 完成情况 |\n"
                "1 | 特困供养人员基本生活标准不低于当地最低生活保障标准的1.6倍。 | 陈宣群 | 市民政局 伍泽国 | "
                "已完成。 |\n"
                "2 | 将全市集中供养孤儿养育标准提高到每人每月2200元。 | 陈宣群 | 市民政局 伍泽国 | 已完成。 |\n")
    assert [units for _, units in got] == [[("市民政局", "lead")], [("市民政局", "lead")]]


# --------------------------------------------------------------------------- session 17

def test_a_glued_rows_member_units_named_by_their_meeting_are_a_unit():
    got = _resp("序号工作任务责任单位22实行特别扶助制度扶助标准动态调整机制。有条件的地方可探索建立公益金或基金。"
                "省财政厅、省卫生健康委牵头;省优化生育政策工作部门联席会议成员单位配合;各州(市)党委和政府落实"
                "23依申请给予医疗救助。省医保局牵头;省民政厅配合;各州(市)党委和政府落实\n")
    assert got == [("实行特别扶助", [("省财政厅", "lead"), ("省卫生健康委", "lead"),
                                     ("省优化生育政策工作部门联席会议成员单位", "support"),
                                     ("各州(市)党委和政府", "support")]),
                   ("依申请给予医", [("省医保局", "lead"), ("省民政厅", "support"), ("各州(市)党委和政府", "support")])]


def test_a_smart_city_is_a_programme_and_no_platform():
    assert _platforms("为加快推进我市新型智慧城市试点建设工作,制定本方案。推进于都县新型智慧城市进一步优化。") == []
    assert _platforms("建设光谷科技城和中新知识城。") == ["光谷科技城", "中新知识城"]


def test_a_platform_name_opens_after_a_reporting_verb_the_plans_own_place_and_an_ordinal():
    assert _platforms("会议强调之江实验室要加快建设。报告指出张江实验室已建成。") == [
        "之江实验室", "张江实验室"]
    assert _platforms("建设我省之江实验室、全市首个直播电商基地和第二批湖北省公共文化服务体系示范区。") == [
        "之江实验室", "直播电商基地", "湖北省公共文化服务体系示范区"]


def test_a_coordinated_lists_group_noun_that_opens_like_a_level_is_whole():
    assert "一江两岸块" not in _platforms("商贸核心区、一江两岸等重点区块建设加速推进。")


def test_firms_listed_beside_a_well_known_firm_are_firms_and_technologies_are_none():
    got = _firms("积极与大数据、云计算等头部企业洽谈对接,"
                 "推动与金山云、中国电信、中国移动、中科曙光、易事特等达成合作协议。")
    assert got == ["金山云", "中国电信", "中国移动", "中科曙光", "易事特"]


def test_units_listed_beside_a_firm_stay_units():
    got = _firms("由中国电信、市税务局、斯凯孚二期、天运股份上市等共同推进。")
    assert got == ["中国电信"]


def test_officials_answering_beside_the_units_leave_each_clause_its_task():
    got = _resp("(一)促进发展。巩固经济(分管副省长、协管副秘书长负责,省国资委牵头)。鼓励非公经济发展(分管副省长、"
                "协管副秘书长负责,省经信委、省发改委负责。责任单位两个以上的,列第一者为牵头单位,下同)。"
                "推进工商注册便利化(分管副省长、协管副秘书长负责,省工商局牵头)。\n")
    assert got == [("促进发展。巩", [("省国资委", "lead")]),
                   ("鼓励非公经济", [("省经信委", "lead"), ("省发改委", "support")]),
                   ("推进工商注册", [("省工商局", "lead")])]


def test_a_concentration_printed_in_letters_is_a_targets_unit():
    got = _targets("一、目标\n到2025年,PM2.5年均浓度控制在35μg/m3之内,PM10年均浓度控制在51µg/m³以内。")
    assert got == [("PM2.5年均浓度", 35.0, "μg/m3"), ("PM10年均浓度", 51.0, "µg/m³")]


def test_a_clause_of_only_a_level_or_a_change_after_a_target_measures_its_metric():
    got = _targets("一、目标\n2025年,PM2.5年均浓度在2015年70微克/立方米的基础上降低25%,达到53微克/立方米左右。"
                   "PM10年均浓度控制在105微克/立方米以内,较2023年下降10%。地区生产总值增长8%,达到500亿元。")
    assert [(m, v) for m, v, _ in got] == [
        ("PM2.5年均浓度在2015年70微克/立方米的基础上降低", 25.0), ("PM2.5年均浓度", 53.0),
        ("PM10年均浓度", 105.0), ("PM10年均浓度", 10.0), ("地区生产总值增长", 8.0), ("地区生产总值", 500.0)]


def test_a_head_printed_once_after_a_list_joined_by_和_is_each_items():
    assert _platforms("依托达茂、固阳和石拐工业园区,培育循环产业。") == ["达茂工业园区", "固阳工业园区", "石拐工业园区"]
    assert _platforms("推进兰西农副产品电商综合物流园、民和商贸物流园建设。") == [
        "兰西农副产品电商综合物流园", "民和商贸物流园"]


def test_units_listed_before_a_service_centre_share_no_head():
    got = _platforms("成员单位:乡安监站、派出所、消防站、国土所、农业服务中心等负责人。")
    assert not any(name.endswith("站服务中心") or name.endswith("所服务中心") for name in got)


def test_items_of_a_duty_section_that_open_with_a_unit_are_its_tasks():
    got = _resp("一、总体要求\n加快发展。\n二、职责分工\n(一)市发改委:负责项目审批,负责统计分析。\n"
                "(二)市财政局负责资金保障。\n(三)在统筹考虑各级人民政府事权的基础上,明确分工。\n")
    assert got == [("市发改委:负", [("市发改委", "responsible")]), ("市财政局负责", [("市财政局", "responsible")])]


def test_a_heading_naming_a_units_duties_gives_them_to_its_items():
    got = _resp("一、职责分工\n(一)县发改局主要职责:\n1.负责项目审批。\n2.负责统计分析。\n(二)县财政局的职责是:\n"
                "1.负责资金保障。\n二、落实政府职责\n1.加大投入。\n")
    assert got == [("负责项目审批", [("县发改局", "responsible")]), ("负责统计分析", [("县发改局", "responsible")]),
                   ("负责资金保障", [("县财政局", "responsible")])]


def test_a_second_header_row_splitting_each_year_into_its_figure_and_growth():
    text = ("某区2022年国民经济和社会发展计划指标\n"
            "指 标 名 称 | 单位 | 2021年完成 | 2022年计划 | 责任(牵头)部门 | ||||\n"
            "绝对值 | 增长% | 绝对值 | 增长% | |||||\n"
            "一、创新驱动 | ||||||||\n"
            "研发经费投入增长 | % | - | - | - | 10 | 区科技局 | ||||\n"
            "孵化载体总数 | 个 | 16 | - | 17 | - | |||||\n"
            "进出口贸易总额 | 亿元 | 8.71 | -2 | 10.2 | 15 | 区商务局 | |||\n")
    ex = extract_text(text)
    assert [(t.text[:8], [(d.name, d.role.value) for d in t.departments]) for t in ex.tasks if t.departments] == [
        ("研发经费投入增长", [("区科技局", "lead")]), ("进出口贸易总额 ", [("区商务局", "lead")])]
    assert [(t.metric, t.value, t.unit) for t in ex.targets] == [
        ("研发经费投入增长", 10.0, "%"), ("孵化载体总数", 17.0, "个"), ("进出口贸易总额", 10.2, "亿元"),
        ("进出口贸易总额增长", 15.0, "%")]


def test_units_printed_in_traditional_characters_of_more_bodies_are_read():
    got = _resp("一、任務\n1.征收保障金。(市殘聯、市僑聯、市委宣傳部、市信訪局負責)\n")
    assert got == [("征收保障金。", [("市殘聯", "responsible"), ("市僑聯", "responsible"),
                                     ("市委宣傳部", "responsible"), ("市信訪局", "responsible")])]


def test_an_article_announcing_its_units_duties_gives_it_the_items_under_it():
    got = _resp("第八条 园区办为工业园区日常办事机构,负责工业园区的管理工作。其职责是:\n"
                "(一)负责落实工业园区领导小组制定的政策。\n(二)负责工业园区开发建设重要事项调查研究。\n"
                "第九条 工业园区成立开发建设公司。\n第十条 工业园区管委会及内设机构职责:\n一、园区管委会主要职责\n"
                "1、编制和组织实施工业园区建设规划。\n")
    assert got == [("负责落实工业", [("园区办", "responsible")]), ("负责工业园区", [("园区办", "responsible")]),
                   ("编制和组织实", [("园区管委会", "responsible")])]


def test_a_list_of_units_and_their_duties_may_name_a_bank_and_a_tail_and_go_on_after_a_semicolon():
    got = _resp("市工商局:参与上市后备企业培训;引导企业注册为股份有限公司。\n"
                "市地税局、国税局:及时出具企业纳税情况证明文件。\n"
                "市外经贸局、人民银行营口市中心支行、市外汇管理局:做好企业境外上市的政策解释;及时沟通协调省商务厅。\n"
                "市质监局、市食品药品监管局、市安全生产监管局、市消防局等有关部门:及时出具证明文件。\n")
    assert got == [("市工商局:参", [("市工商局", "responsible")]),
                   ("市地税局、国", [("市地税局", "responsible"), ("国税局", "responsible")]),
                   ("市外经贸局、", [("市外经贸局", "responsible"), ("人民银行营口市中心支行", "responsible"),
                                     ("市外汇管理局", "responsible")]),
                   ("市质监局、市", [("市质监局", "responsible"), ("市食品药品监管局", "responsible"),
                                     ("市安全生产监管局", "responsible"), ("市消防局", "responsible")])]
    assert extract_text(HEAD + "市工商局:参与上市后备企业培训;引导企业注册为股份有限公司。\n"
                        "市地税局、国税局:出具证明。\n市环保局:出具批复。\n").tasks[0].text.endswith("股份有限公司。")


def test_a_topic_before_a_cells_own_role_key_is_no_part_of_its_unit():
    got = _resp("序号 | 所属重点产业链 | “链主”企业名称 | 镇街(园区) | 牵头服务部门 |\n"
                "1 | 智能移动终端 | 东莞华贝电子科技有限公司 | 松山湖 | 东莞市工业和信息化局 |\n"
                "2 | 新能源汽车(汽车电子领域) | 远峰科技股份有限公司 | 松山湖 | "
                "新能源汽车牵头单位:东莞市发展和改革局 |\n")
    assert [units for _, units in got] == [[("东莞市工业和信息化局", "lead")], [("东莞市发展和改革局", "lead")]]


def test_a_weak_heads_name_may_open_with_a_place_of_its_own_but_a_common_noun_stays_none():
    assert _platforms("加快青湖湾科创中心建设,推进铜塘湾保税物流中心运营。") == ["青湖湾科创中心", "铜塘湾保税物流中心"]
    assert _platforms("建设东洲幼儿园、月亮湾花园,完善朗峰中心配套。") == []


def test_a_page_without_a_plans_title_is_titled_by_its_headline_but_not_by_its_chrome():
    news = "长汀全力推动重大产业项目建设\n记者从县发改局获悉,今年全县将实施重大产业项目40个。\n"
    assert extract_text(news).plan.title == "长汀全力推动重大产业项目建设"
    for chrome in ("浙江日报 数字报纸\n", "扫一扫在手机打开当前页面\n", "稳增长、创品牌、强基础——\n"):
        assert extract_text(chrome + "记者从县发改局获悉,今年全县将实施重大产业项目40个。\n").plan.title is None


def test_a_headline_between_a_pages_furniture_and_its_stamp_titles_it_and_so_does_a_labelled_title_field():
    body = "5月12日,全县14个项目集中签约,总投资56亿元。\n"
    stamped = "全部\n栏目导航\n鹿邑:14个项目集中签约助推县域经济高质量发展\n来源:新周口客户端\n" + body
    assert extract_text(stamped).plan.title == "鹿邑:14个项目集中签约助推县域经济高质量发展"
    furnished = ("索引号 001/2024-1 组配分类 民生实事\n发布机构 区政府办公室 发文日期 2024-05-27\n"
                 "2024年十大民生实事项目出炉\n")
    assert extract_text(furnished + body).plan.title == "2024年十大民生实事项目出炉"
    # a key and its value is no headline, however it is stamped
    assert extract_text("全部\n栏目导航\n发文部门:泰州市农业农村局\n来源:泰州市农业农村局\n" + body).plan.title is None
    field = "索引号 | 1134/2024-1 | 组配分类 | 落实情况\n名称 | 市经信局紧盯任务抓紧抓实招商引资工作 | 文号 | 无\n"
    assert extract_text(field + body).plan.title == "市经信局紧盯任务抓紧抓实招商引资工作"
    # a table's column header labelled 名称 is no title
    assert extract_text("序号 | 项目名称 | 建设内容\n1 | 某路改造 | 全长2公里\n").plan.title is None


def test_a_government_work_report_is_issued_by_the_government_it_speaks_for():
    report = ("政府工作报告\n——2023年1月8日在建宁县第十八届人民代表大会第二次会议上\n建宁县人民政府县长 伍小兰\n"
              "各位代表:\n现在,我代表建宁县人民政府向大会报告工作,请予审议。\n")
    assert list(extract_text(report).plan.issuers) == ["建宁县人民政府"]


def test_a_signature_glued_to_the_text_after_it_names_the_issuer_and_date():
    text = ("现将《专项攻坚方案》印发给你们,请认真贯彻落实。莆田市人力资源和社会保障局2022年8月18日"
            "2022年度省对市绩效管理专项攻坚方案\n一、工作目标\n加快发展。\n")
    plan = extract_text(text).plan
    assert (list(plan.issuers), plan.date) == (["莆田市人力资源和社会保障局"], "2022-08-18")


def test_a_list_between_以_and_为代表_closed_by_等_names_its_last_firm_without_it():
    assert _firms("逐步形成了以豫辰药业、恒生制药、新天地药业等为代表的化学原料药集群。") == [
        "豫辰药业", "恒生制药", "新天地药业"]


def test_a_name_in_a_unit_columns_slot_after_the_leaders_is_the_rows_unit_even_when_the_grammar_does_not_know_it():
    text = ("2018年工作任务分解表\n重点工作任务\n牵头领导\n牵头单位\n"
            "未来科技城要围绕打造创新策源地,推进创新载体建设。\n祝振伟\n陈夏林\n未来科技城(海创园)\n"
            "余杭经济技术开发区要加强优势产业培育。\n沈 昱\n余杭经济技术开发区\n"
            "临平新城要打造时尚产业新地标。\n李敏华\n临平新城\n(此件公开发布)\n")
    tasks = extract_text(text).tasks
    assert [(t.text[:4], [(d.name, d.role.value) for d in t.departments]) for t in tasks] == [
        ("未来科技", [("未来科技城(海创园)", "lead")]),
        ("余杭经济", [("余杭经济技术开发区", "lead")]),
        ("临平新城", [("临平新城", "lead")])]


def test_a_progress_table_with_split_header_cells_and_no_number_column_keeps_each_rows_list_of_measures():
    text = ("某厅2021年度重点工作半年度完成情况\n重点工作\n任务\n工作举措\n完成情况\n责任\n单位\n"
            "存在\n问题\n下一步\n打算\n"
            "1\n大力推进科创大走廊建设。\n1.制定实施意见。\n2.协助编制规划。\n1.4月15日,意见已审议通过。\n"
            "成果处\n规划处\n"
            "2\n推动国家自创区加快建设。\n1.出台支持政策。\n2.开展评估。\n已完成评估。\n高新处\n(此件公开发布)\n")
    tasks = extract_text(text).tasks
    assert [(t.ref, t.text[:6], [d.name for d in t.departments]) for t in tasks] == [
        ("1", "大力推进科创", ["成果处", "规划处"]), ("2", "推动国家自创", ["高新处"])]


def test_parks_and_firms_named_in_project_lists_and_beside_their_support():
    text = ("某区2018年工作要点\n"
            "1.加快推进贝达梦工场、浙江中以(余杭)产业合作园、中电海康军民融合示范园等项目建设,以“鸠兹科创湾”建设为统领。\n"
            "2.重点支持中以常州创新园建设。创建三产融合示范园3个,评定五星级现代农业产业示范园2个。\n"
            "3.(3)继续与云霄县香山茶苑有限公司合作。强化乐彭电子带动作用,支持惠科光电申报国家级绿色工厂。\n二、保障\n")
    result = extract_text(text)
    platforms = {p.name for p in result.platforms}
    assert {"贝达梦工场", "浙江中以(余杭)产业合作园", "中电海康军民融合示范园", "鸠兹科创湾",
            "中以常州创新园"} <= platforms
    # a park's class is no park: a kind of park counted, or rated by stars
    assert not any("三产融合示范园" == p or "星级" in p for p in platforms)
    assert {e.name for e in result.enterprises} >= {"云霄县香山茶苑有限公司", "乐彭电子", "惠科光电"}


def test_bar_rows_without_their_header_keep_a_groups_label_apart_and_read_a_second_unit_column():
    text = ("某区2022年乡村振兴重点工作\n"
            "| (一) 推进示范村建设 | 1 | 完成示范村建设 | 完成1个示范村建设,开展考核验收。 | 区农业农村委、 区发改委等 "
            "| 浦江镇 |\n"
            "| 2 | 开展美丽乡村创建 | 启动市级美丽乡村示范村创建工作。 | 区农业农村委、 区水务局等 | 马桥镇、华漕镇 |\n"
            "(此件公开发布)\n")
    assert [(t.ref, t.text[:7], [d.name for d in t.departments]) for t in extract_text(text).tasks] == [
        ("1", "完成示范村建设", ["区农业农村委", "区发改委", "浦江镇"]),
        ("2", "开展美丽乡村创", ["区农业农村委", "区水务局", "马桥镇", "华漕镇"])]


def test_duties_divided_among_units_in_headings_and_in_a_paragraph_under_a_heading():
    text = ("关于做好城市精细化管理工作的通知\n各有关单位:\n"
            "一、市城乡规划局负责城市规划的编制。\n二、市城乡建设委员会负责城市市容和环境卫生。\n"
            "三、市工商局、市水利局协同市建委负责市政设施建设。\n四、受理单位\n"
            "市农业农村局、市财政局负责落实惠农政策;市发改委(粮食局)负责粮食收储管理。联系电话:0728-6291238\n"
            "五、工作要求\n各单位要高度重视。\n")
    tasks = {t.text[:6]: [(d.name, d.role.value) for d in t.departments] for t in extract_text(text).tasks}
    assert tasks["市城乡规划局"] == [("市城乡规划局", "responsible")]
    assert tasks["市城乡建设委"] == [("市城乡建设委员会", "responsible")]
    assert tasks["市工商局、市"] == [("市工商局", "support"), ("市水利局", "support"), ("市建委", "lead")]
    assert tasks["市农业农村局"] == [("市农业农村局", "responsible"), ("市财政局", "responsible")]
    assert tasks["市发改委(粮"] == [("市发改委(粮食局)", "responsible")]


def test_a_progress_table_without_unit_columns_reads_the_clause_in_its_task_cell():
    text = ("市政府工作报告重点工作进展情况汇总\n序号 | 目标任务 | 推进情况 |\n"
            "1 | 促进房地产市场平稳健康发展。(责任单位:市建设局) | 1-7月,核发预售许可证497万平方米。 |\n"
            "2 | 开展绿色建筑和绿色金融协同发展试点。(责任单位:市建设局、市金融办、市人行) | 已编制导则。 |\n"
            "(此件公开发布)\n")
    assert [[d.name for d in t.departments] for t in extract_text(text).tasks] == [
        ["市建设局"], ["市建设局", "市金融办", "市人行"]]


def test_a_lead_and_responsible_key_and_a_start_date_key_in_one_clause():
    text = ("某市旅游度假区建设实施方案\n(一)编制修建性详规。按照规划,编制详细规划。(牵头、责任单位:章贡区人民政府。"
            "启动时间:2010年10月30日前)\n(二)组织开发建设。(牵头、责任单位:赣县人民政府。完成时间:2010年12月30日前)\n"
            "二、保障措施\n")
    tasks = extract_text(text).tasks
    assert [[(d.name, d.role.value) for d in t.departments] for t in tasks] == [
        [("章贡区人民政府", "lead")], [("赣县人民政府", "lead")]]


def test_a_count_of_dwellings_by_either_measure_keeps_both_in_its_unit():
    text = "某省2012年保障性安居工程目标任务\n全年保障性安居工程建设任务36万套(户),竣工任务13万套(户)。\n"
    assert [(t.value, t.unit) for t in extract_text(text).targets] == [(360000, "套(户)"), (130000, "套(户)")]


def test_a_platforms_name_may_describe_it_with_a_verb_right_before_its_head_but_a_clauses_verb_is_no_part_of_it():
    text = ("某县2023年工作要点\n1.推进桃溪农村产业融合发展示范园、国家级眼镜产品质量提升示范区建设。\n"
            "2.切实提升园区承载能力,不断提升高新区能级。\n二、保障\n")
    names = {p.name for p in extract_text(text).platforms}
    assert {"桃溪农村产业融合发展示范园", "国家级眼镜产品质量提升示范区"} <= names
    assert not any(n.startswith(("切实", "不断", "提升")) for n in names)


def test_a_table_of_names_without_a_task_column_starts_each_task_at_its_rows_first_name():
    text = ("东莞市第一批重点产业链“链主”企业名单\n"
            "序号 | 所属重点产业链 | “链主”企业名称 | 镇街(园区) | 牵头服务部门 |\n"
            "1 | 智能移动终端 | 东莞华贝电子科技有限公司 | 松山湖 | 东莞市工业和信息化局 |\n"
            "2 | 储能 | 东莞新能源科技有限公司 | 松山湖 | 东莞市发展和改革局 |\n(此件公开发布)\n")
    tasks = extract_text(text).tasks
    assert [(t.text[:6], t.departments[0].name, t.departments[0].role.value) for t in tasks] == [
        ("智能移动终端", "东莞市工业和信息化局", "lead"), ("储能 | 东", "东莞市发展和改革局", "lead")]


def test_a_meetings_decisions_charge_the_units_they_open_with():
    text = ("区政府召开经济运行推进会\n会议听取了各部门汇报。会议要求:政府各职能部门要锚定目标,抓实抓细。"
            "区发改局要及时调整项目库;同时区工信局、区统计局要推进技改项目。会议指出,要加快工作落实,财政局要做好资金筹措,县发改局要充分发挥牵头作用。"
            "部门要各司其职。\n")
    tasks = [(t.text[:6], [(d.name, d.role.value) for d in t.departments]) for t in extract_text(text).tasks]
    assert tasks == [("政府各职能部", [("政府各职能部门", "responsible")]),
                     ("区发改局要及", [("区发改局", "responsible")]),
                     ("区工信局、区", [("区工信局", "responsible"), ("区统计局", "responsible")]),
                     ("财政局要做好", [("财政局", "responsible")]), ("县发改局要充", [("县发改局", "lead")])]
    # without the meeting's words, a sentence with a subject and 要 charges no one
    assert extract_text("某区2024年工作要点\n区发改局要及时调整项目库;区工信局要推进技改项目。\n").tasks == []


def test_a_traditional_pages_target_keeps_its_unit_as_printed():
    text = "龍華區2021年政務服務工作要點\n爭取年內實現100項以上可容缺受理政務事項,推出不少于8項“免申即享”服務事項。\n"
    assert [(t.value, t.unit) for t in extract_text(text).targets] == [(100, "項"), (8, "項")]


def test_compound_units_of_counts_and_a_firm_named_in_a_reports_title():
    text = ("某县2023年工作要点\n1.蔬菜播种面积36万亩次,更新室外乒乓球台60件套,引育高层次人才100人(个)以上,"
            "发展中蜂3万箱。\n"
            "2.听取讨论《关于阳泰集团白沟煤业并购崇安新沙河煤业的报告》。\n二、保障\n")
    result = extract_text(text)
    assert [t.unit for t in result.targets] == ["亩次", "件套", "人(个)", "箱"]
    assert "阳泰集团" in {e.name for e in result.enterprises}


def test_a_signer_over_the_seal_of_another_body_and_a_cover_dated_by_month_name_the_issuer():
    sealed = ("现将有关事项通知如下。\n一、加强领导。\n全民科学素质纲要实施工作办公室\n(中国科协办公厅代章)\n"
              "2018年3月19日\n")
    meta = extract_text(sealed).plan
    assert (list(meta.issuers), meta.date) == (["全民科学素质纲要实施工作办公室"], "2018-03-19")
    cover = ("雷州半岛现代农业发展规划实施方案\n湛江市农业局\n二O一六年十月\n按照省委省政府的要求,制定本方案。\n"
             "一、目标\n")
    assert list(extract_text(cover).plan.issuers) == ["湛江市农业局"]


def test_an_events_details_name_who_carries_it_out_in_a_label_item_and_a_sentence_names_them_after_you():
    text = ("某县樱花旅游节活动方案\n六、主体活动:\n(一)旅游节开幕式\n1、时 间:2010年3月27日\n"
            "2、承办单位:县委宣传部,县旅游发展局\n"
            "3、活动内容:领导讲话致辞\n(二)书画作品展\n1、承办单位:平坝县文联\n七、比赛项目\n"
            "1.职工部参赛单位为各镇(街道)。职工部比赛由区文体局负责。\n2.老年部比赛由区老年体协负责。\n八、工作要求\n")
    tasks = [(t.ref, t.text[:6], [d.name for d in t.departments]) for t in extract_text(text).tasks if t.departments]
    assert tasks == [("六.(一)", "旅游节开幕式", ["县委宣传部", "县旅游发展局"]),
                     ("六.(二)", "书画作品展\n", ["平坝县文联"]),
                     ("七.1", "职工部参赛单", ["区文体局"]), ("七.2", "老年部比赛由", ["区老年体协"])]


def test_a_table_whose_header_names_a_road_before_the_problem_reads_the_problem_as_the_task():
    text = ("全国卫生城市测评路段问题汇总表\n序号 |\n路段名称 |\n问题描述 |\n责任单位 |\n备注 |\n"
            "1 |\n湘北大道 |\n沿线街道车辆违停严重 |\n停车办 |\n|\n"
            "2 |\n湘北大道 |\n垃圾站前种菜,杂草丛生 |\n市环卫中心 |\n|\n"
            "(此件公开发布)\n")
    assert [(t.text[:6], [d.name for d in t.departments]) for t in extract_text(text).tasks] == [
        ("沿线街道车辆", ["停车办"]), ("垃圾站前种菜", ["市环卫中心"])]


def test_a_stop_word_inside_a_word_of_a_name_does_not_cut_the_name():
    # 对外, 向阳, 生态修复 and 经开区 are words of the names, not the function words 对, 向, 修复, 经 that open clauses
    names = _platforms("1.建设国家对外文化贸易基地、吉首市峒河街道向阳社区日间照料中心。\n"
                       "2.打造经开区半导体特色生态产业园和生态修复与产业发展示范区。\n")
    assert {"国家对外文化贸易基地", "吉首市峒河街道向阳社区日间照料中心", "经开区半导体特色生态产业园",
            "生态修复与产业发展示范区"} <= set(names)
    # ... while 经 still opens a clause before a unit that is not a zone's short name
    assert not any(n.startswith("经") for n in _platforms("1.经开发区管委会研究同意,建设某某科技产业园。\n"))


def test_a_convention_that_the_first_listed_unit_leads_stated_as_its_subject():
    got = _resp("一、主要预期目标\n1、全市GDP增长10%以上(由市发展改革委、经委、统计局负责。一项任务涉及多个部门的,"
                "原则上由排名首位的部门牵头负责。下同)。\n2、外贸出口增长15%以上(由市商务局、财政局负责)。\n")
    assert got == [("全市GDP增", [("市发展改革委", "lead"), ("经委", "support"), ("统计局", "support")]),
                   ("外贸出口增长", [("市商务局", "lead"), ("财政局", "support")])]


def test_a_pair_of_firms_joined_by_和_and_counted_as_two_projects():
    assert {"开曼铝业", "东方希望"} <= set(_firms("1.争取开曼铝业和东方希望两大氧化铝项目一期年内建成。\n"))
    # a count of projects may count places or phases: no firm there
    assert _firms("1.推进东区、西区两个项目和一期、二期两个项目建设。\n") == []


def test_platforms_two_names_opening_with_one_place_a_firm_before_its_platform_and_a_plans_layout_after_it():
    names = set(_platforms("1.着力创建以广州国际生物岛和广州科学城为核心区的生物医药产业基地。\n"
                           "2.加快珠江新城金融商贸区建设,细化镇北智能制造产业园产业布局。\n"
                           "3.认定楚雄中耕现代农业发展有限公司-光禄百果园星创天地。\n"
                           "4.建设精细化工产业园。\n"))
    assert {"广州国际生物岛", "广州科学城", "珠江新城金融商贸区", "镇北智能制造产业园", "光禄百果园星创天地",
            "精细化工产业园"} <= names
    assert not any("和" in n or "公司" in n or n.startswith("细化") for n in names)


def test_firms_signing_with_a_place_start_after_its_preposition_and_an_enterprise_trade_stays_in_the_name():
    got = _firms("1.区党委委员、区管委常务副主任代表屈原分别与湖南越大能源有限公司、东莞市安胜企业管理有限公司、"
                 "湖南昭弘生物科技有限公司签署项目投资协议。\n2.园区将引入上海均和集团参与运营。\n"
                 "3.成功引进了东莞荣聚美光电科技有限公司。\n")
    assert got == ["湖南越大能源有限公司", "东莞市安胜企业管理有限公司", "湖南昭弘生物科技有限公司", "上海均和集团",
                   "东莞荣聚美光电科技有限公司"]


def test_a_name_ending_on_a_character_a_mirror_page_glosses_in_pinyin_keeps_the_gloss():
    names = _platforms("1.建設官埠城鄉(xiāng)融合發(fā)展試驗區(qū)和梓山湖大健康示范區(qū)。\n")
    assert "官埠城鄉(xiāng)融合發(fā)展試驗區(qū)" in names and "梓山湖大健康示范區(qū)" in names


def test_a_platform_signed_for_starts_after_the_signing():
    names = _platforms("1.东华软件股份公司与菏泽经济开发区签约东华软件数字城市智造产业园项目。\n")
    assert "东华软件数字城市智造产业园" in names and not any("签约" in n for n in names)


def test_well_known_firms_of_the_gazetteer_and_short_names_that_are_also_words():
    got = _firms("1.引进益海嘉里粮油加工项目,推进东风本田四厂建设。\n2.创建中国美丽休闲乡村,提升表达能力。\n")
    assert set(got) == {"益海嘉里", "东风本田"}


def test_firms_winning_an_honour_together_and_firms_after_the_verbs_that_bring_them():
    assert set(_firms("1.睿兆芯、湘溪塑业、恒泰纸管获评2024年第一批省专精特新中小企业。\n")) == {
        "睿兆芯", "湘溪塑业", "恒泰纸管"}
    assert set(_firms("1.已有田野集团、欧维姆、迈悦科技等知名企业。\n"
                      "2.成功与江苏绿洁生鲜有限公司签订合作协议。\n")) == {
        "田野集团", "欧维姆", "迈悦科技", "江苏绿洁生鲜有限公司"}
    # ... while places winning one are no firms
    assert _firms("1.东区、西区入选省级示范。\n") == []


def test_platform_names_after_an_adverbs_clause_and_with_a_designations_own_words():
    names = set(_platforms("1.稳步推进经济高质量发展和凤凰城总部经济集聚区打造。\n"
                           "2.稳步推进四川全面创新改革试验区建设。\n"
                           "3.共有海创产业园等3个项目开工。\n"))
    assert {"凤凰城总部经济集聚区", "四川全面创新改革试验区", "海创产业园"} <= names
    assert not any(n.startswith(("发展", "共有")) for n in names)


def test_a_transmitted_units_notice_a_number_and_date_line_and_a_speech_line_after_the_title():
    meta = extract_text("湖州市人民政府办公室转发市发展改革委关于湖州市2024年国民经济和社会发展计划的通知\n"
                        "湖政办发〔2024〕12号 2024年4月3日\n各区县人民政府:\n现予转发,请认真组织实施。\n").plan
    assert (meta.title, meta.date) == ("湖州市2024年国民经济和社会发展计划", "2024-04-03")
    report = extract_text("七宝镇人民政府工作报告 ——2024年1月10日七宝镇第二十届人民代表大会第五次会议上\n"
                          "各位代表:\n").plan
    assert report.title == "七宝镇人民政府工作报告"


def test_a_table_whose_cells_open_with_a_bar_and_whose_rows_a_lone_bar_closes():
    # the header too: "分 组" / "| 督查组牵头单位" / … / "|"; a lone bar inside a row is its empty last cell
    got = _resp("附件:\n督查组分组表\n分 组\n| 督查组牵头单位\n| 督查对象\n| 备 注\n|\n"
                "第一组\n| 市安监局\n| 雁塔区\n|\n|\n第二组\n| 市规划局\n| 灞桥区\n|\n|\n")
    assert [units for _, units in got] == [[("市安监局", "lead")], [("市规划局", "lead")]]


def test_a_quota_table_of_places_reads_the_target_years_column_and_its_growth_not_the_year_before():
    text = ("2009年各县市区高新技术产业发展目标指导计划\n县市区\n(开发区)\n| 08年高新技术产业产值(万元)\n"
            "| 09年高新技术产业产值(万元)\n| 高新技术产业\n产值增幅\n|\n"
            "潍城\n| 474696\n| 579129.1\n| 22%\n|\n峡山生态\n发展区\n| 125000\n| 150000\n| 20%\n|\n")
    got = [(t.metric, t.value, t.unit, t.year) for t in extract_text(text).targets]
    assert got == [("09年高新技术产业产值(潍城)", 579129.1, "万元", 2009),
                   ("高新技术产业产值增幅(潍城)", 22.0, "%", 2009),
                   ("09年高新技术产业产值(峡山生态发展区)", 150000.0, "万元", 2009),
                   ("高新技术产业产值增幅(峡山生态发展区)", 20.0, "%", 2009)]


def test_firms_named_in_a_bracket_after_their_count_and_after_分别是():
    got = set(_firms("1.新认定省科技型中小企业4家(高盛泡沫、汇达塑业、双伟膜业、从一道路)。\n"
                     "2.“链主”企业分别是大运汽车股份有限公司、山西成功汽车制造有限公司。\n"))
    assert got == {"高盛泡沫", "汇达塑业", "双伟膜业", "从一道路", "大运汽车股份有限公司", "山西成功汽车制造有限公司"}
    # a count that does not match the bracket's list names nothing
    assert _firms("1.新增规上企业3家(高盛泡沫、汇达塑业)。\n") == []


def test_label_clauses_one_after_another_divided_by_semicolons_are_tasks_of_their_own():
    got = _resp("一、指标\n1、甲指标:增长6%,责任单位为区发改委;乙指标:增长8%,责任单位为区经信局;"
                "丙指标:新增10家,责任单位为区科技局。\n2、推进丁工作,牵头单位:区财政局;配合单位:区审计局。\n")
    assert [units for _, units in got] == [[("区发改委", "responsible")], [("区经信局", "responsible")],
                                           [("区科技局", "responsible")],
                                           [("区财政局", "lead"), ("区审计局", "support")]]


def test_a_pages_banner_lines_joined_before_the_title_are_no_part_of_it():
    text = ("中国政府网 某省人民政府网 某市 多云 28℃~19℃\n无障碍\n关怀版\n登录个人中心\n"
            "某市农业农村局2025年工作要点\n\n2025年是十四五规划收官之年。\n")
    assert extract_text(text).plan.title == "某市农业农村局2025年工作要点"


def test_two_long_numbered_items_that_end_their_sentences_are_items_not_a_sharing_sites_chunks():
    first = "规范政府举债行为,严格控制增量,积极消化存量。" * 4 + "牵头单位:省财政厅;责任单位:省发改委。"
    text = f"一、重点工作\n1、{first}\n2、开展专项整治,化解不良贷款。牵头单位:省金融办;责任单位:省公安厅。\n"
    assert [t.ref for t in extract_text(HEAD + text).tasks] == ["一.1", "一.2"]


def test_a_line_of_units_after_由_with_a_county_level_city_and_a_firm_beside_the_bodies():
    got = _resp("一、项目\n1.全面完成铁路复线电气化改造。\n"
                "由漯阜铁路公司、市发展改革委,川汇区、项城市、沈丘县人民政府,市经济开发区管委会负责落实\n2.推进其他工作。\n")
    assert [u for u, _ in got[0][1]] == ["漯阜铁路公司", "市发展改革委", "川汇区", "项城市", "沈丘县人民政府",
                                          "市经济开发区管委会"]


def test_firms_listed_as_projects_under_negotiation_and_a_trade_name_that_ends_in_a_sector_word():
    got = set(_firms("1.推进华傲数据、腾讯云、拓维信息等重点在谈项目签约落地。\n"))
    assert got == {"华傲数据", "腾讯云", "拓维信息"}
    # sectors listed before a deal's projects, or before projects of an industry, are no firms
    assert _firms("1.推进电子信息、数字经济、生物医药等重点签约项目。\n"
                  "2.引导庭院经济、林下经济、民宿经济等产业项目。\n") == []


def test_a_phrase_with_a_preposition_before_a_bodys_name_is_no_subject_of_a_duty():
    got = _resp("三、工作分工\n办公室负责统一受理向市局提出的申请;对向市局提出的申请统一组织答复;"
                "为市局工作提供法律支持。\n"
                "一是正确处理政府与市场的关系,在统筹考虑各级政府财力的基础上安排。\n")
    assert all(u in ("办公室",) for _, units in got for u, _ in units)


def test_a_registered_name_after_a_verb_of_contact_or_a_builder_and_after_a_place_where_something_happens():
    got = set(_firms("1.游某局长:重点联系江苏金螳螂装饰有限公司、苏州建设(集团)有限责任公司。\n"
                     "2.长沙总部基地云谷项目由湖南九维置业有限公司投资建设。\n"
                     "3.东丽区重大项目集中开工仪式在华明高新区天津平高智能电气有限公司新型储能项目现场举行。\n"))
    assert got == {"江苏金螳螂装饰有限公司", "苏州建设(集团)有限责任公司", "湖南九维置业有限公司",
                   "天津平高智能电气有限公司"}
    # a name that opens with its place keeps it
    assert _firms("1.支持安徽建工集团有限公司做大做强。\n") == ["安徽建工集团有限公司"]


def test_an_indicator_table_one_cell_per_line_with_a_category_column_and_a_years_baseline_column():
    text = ("“十二五”主要指标表\n\n类别\n\n  指标\n\n  2010年实绩\n\n  2015年目标\n\n  一、经济增长\n\n"
            "  农业增加值(亿元)\n\n  81.53\n\n  163\n\n  二、农产品供给\n\n  粮食总产(万吨)\n\n  119.6\n\n  100\n\n"
            "  森林覆盖率(%)\n\n  21.5%\n\n  24.5%\n")
    got = [(t.metric, t.value, t.unit, t.year) for t in extract_text(HEAD + text).targets]
    assert got == [("农业增加值", 163.0, "亿元", 2015), ("粮食总产", 100.0, "万吨", 2015),
                   ("森林覆盖率", 24.5, "%", 2015)]


def test_trade_names_between_以_and_为龙头_after_培植_joined_by_a_和_inside_a_name_and_not_a_kind_of_listed_firm():
    got = set(_firms("1.以金丝猴、雪荣面粉为龙头,加快食品产业集群培育。\n"
                     "2.培植三和纺织、德能金玉米、中色奥博特等骨干企业。\n"
                     "3.浙江龙盛、闰土股份、皇马科技进入2020年中国精细化工百强榜。\n"
                     "4.推进总投资10亿元的久亿矿山机械开工建设。\n"))
    assert got == {"金丝猴", "雪荣面粉", "三和纺织", "德能金玉米", "中色奥博特", "浙江龙盛", "闰土股份", "皇马科技",
                   "久亿矿山机械"}
    # a listed company, a kind of firm, names none; nor does a project list's modifier
    assert _firms("1.上虞区A股上市公司19家。\n2.要加强已申报的35个国债项目、90个专项债项目跟踪服务。\n") == []


def test_a_platform_named_with_平台_opened_by_a_place_and_not_a_levels_kind_or_a_joined_phrase():
    got = set(_platforms("1.完善重庆市CIM基础平台。\n2.建设兴安盟市域社会治理现代化智慧平台。\n"
                         "3.依托“豫快办”平台办理。\n"))
    assert got == {"重庆市CIM基础平台", "兴安盟市域社会治理现代化智慧平台", "“豫快办”平台"}
    assert _platforms("1.认定一批聊城市级科技创新平台。\n2.完善韶关市数字政府基础设施及平台。\n"
                      "3.搭建合作平台。\n") == []


def test_numbered_items_each_a_units_duty_after_a_colon_or_after_the_items_topic_form_a_list_of_who_does_what():
    got = _resp("14.市卫生局:负责医院周边环境秩序的协调工作。\n15.市药监局:负责查处违法收售药品等行为。\n"
                "16.市工商局:负责查处无照经营行为。\n"
                "六、检查重点\n(九)民爆器材管理。县公安局要重点检查民爆器材的储存。\n"
                "(十)建筑施工安全。县住建局要重点针对各施工现场开展检查。\n(十一)特种设备安全。县质监局要重点检查特种设备。\n")
    assert [(t, [u for u, _ in units]) for t, units in got] == [
        ("市卫生局:负", ["市卫生局"]), ("市药监局:负", ["市药监局"]), ("市工商局:负", ["市工商局"]),
        ("民爆器材管理", ["县公安局"]), ("建筑施工安全", ["县住建局"]), ("特种设备安全", ["县质监局"])]


def test_units_joined_by_和_split_before_a_collective_unit_but_not_a_bare_one():
    got = _resp("一、任务\n1.清理卫生死角。\n责任单位:城区各街道、行政执法局和共建单位\n"
                "2.规范涉企检查。(责任单位:各涉企部门和单位)\n")
    assert [[u for u, _ in units] for _, units in got] == [["城区各街道", "行政执法局", "共建单位"],
                                                           ["各涉企部门和单位"]]


def test_a_verb_before_a_generic_head_and_a_grade_before_a_kind_name_no_platform():
    text = ("1.促进国家高新技术产业开发区发展,支持企业入住园区,改善园区环境。\n"
            "2.创建省级冷链物流骨干基地和市级学科重点实验室。\n3.推动国家级东侨经济技术开发区扩区。\n")
    # (a national high-tech zone without its place is a kind of zone too)
    assert set(_platforms(text)) == {"国家级东侨经济技术开发区"}


def test_a_page_that_lost_its_punctuation_runs_a_task_on_into_its_key_and_the_key_into_its_units():
    got = _resp("三、整治重点\n1、与交界处经常积存混合垃圾责任单位环卫公司、执法七中队\n"
                "2、联邦快递门前积存垃圾责任单位环卫分公司配合单位办事处、城管中队\n"
                "3、各责任单位要加强领导确保整治到位\n")
    assert [units for _, units in got] == [
        [("环卫公司", "responsible"), ("执法七中队", "responsible")],
        [("环卫分公司", "lead"), ("办事处", "support"), ("城管中队", "support")]]


def test_older_departments_named_by_stem_and_部门_and_stems_sharing_the_head_printed_once():
    got = _resp("一、整治\n(三)道路交通安全专项整治,由公安、交通部门负责,有关部门配合。要加大查处力度。\n"
                "(六)建筑领域安全专项整治,由建设部门负责,有关部门配合。以预防建筑事故为重点。\n"
                "(七)特种设备安全专项整治,由质量技术监督部门负责,有关部门配合。加强监管。\n")
    assert [[(u, r) for u, r in units if r == "lead"] for _, units in got] == [
        [("公安", "lead"), ("交通部门", "lead")], [("建设部门", "lead")], [("质量技术监督部门", "lead")]]


def test_a_lead_named_after_the_verb_that_charges_it():
    got = _resp("一、会议听取了水务局关于实施意见的汇报。会议原则同意该实施意见,要求水务部门牵头,进一步修改完善。\n")
    assert got[0][1] == [("水务部门", "lead")]


def test_a_rectification_notice_whose_numbered_fields_are_a_card_of_task_and_units():
    text = ("某地区整改情况公示\n一、整改任务:\n在污染防治方面,放宽为非确定性要求。\n"
            "二、整改目标:\n2018年底前全面完成。\n三、整改责任单位:\n地区住房和城乡建设局、塔城市、额敏县\n四、整改完成情况:\n已完成。\n")
    got = [(t.text[:7], [d.name for d in t.departments]) for t in extract_text(text).tasks if t.departments]
    assert got == [("在污染防治方面", ["地区住房和城乡建设局", "塔城市", "额敏县"])]
    # numbered headings without a colon stay headings
    plan = "某区方案\n一、工作目标\n提升环境。\n二、责任分工\n(一)区城管局负责清扫。\n(二)区住建局负责维修。\n"
    assert [t.ref for t in extract_text(plan).tasks if t.departments] == ["二.(一)", "二.(二)"]


def test_a_registered_name_after_a_basis_a_firms_role_or_the_place_where_it_is():
    got = set(_firms("1.按照吉林森工集团统一部署推进整改。\n2.引进小鹏汽车一级供应商江苏博俊工业科技股份有限公司。\n"
                     "3.项目在公安县荆州伟胜科技股份有限公司举行开工仪式。\n"))
    assert {"吉林森工集团", "江苏博俊工业科技股份有限公司", "荆州伟胜科技股份有限公司"} <= got
    assert not any(name.startswith(("按照", "在", "小鹏汽车一级")) for name in got)


def test_forest_farms_and_state_farms_are_units():
    got = _resp("一、任务\n1.完成违法违规参地的查处工作。\n责任单位:各林场、头道松花江保护区管理处\n")
    assert [u for u, _ in got[0][1]] == ["各林场", "头道松花江保护区管理处"]


def test_a_unit_name_wrapped_over_two_cells_of_a_table_printed_one_cell_a_line():
    text = ("附件\n重点工作及责任清单落实情况汇总表\n\n序号\n\n重点工作\n\n牵头责任单位\n\n上半年落实情况\n\n"
            "1\n\n力争实施技改项目400个。\n\n市工信局\n\n已开展335个技改项目。\n\n"
            "2\n\n生活污水治理率达30%。\n\n市生态\n\n环境局\n\n已完成50个。\n\n"
            "3\n\n新增治理面积91平方公里。\n\n市水利局\n\n已完成。\n")
    tasks = [t for t in extract_text(text).tasks if t.departments]
    assert [[(d.canonical, d.role.value) for d in t.departments] for t in tasks] == [
        [("市工业和信息化局", "lead")], [("市生态环境局", "lead")], [("市水利局", "lead")]]
    assert not tasks[1].text.rstrip().endswith("市生态")


def test_a_bracket_the_page_left_open_is_closed_by_its_line_and_shortened_duty_phrases():
    got = _resp("一、任务\n1.持续深化产业协作。积极承接产业转移。(沅江高新区牵头,市科工局、市商务局等按职分工负责\n"
                "2.推进交通互联互通。持续完善路网。(市交通运输局牵头,市水利局、市发改局等职能分工负责)\n")
    assert got == [("持续深化产业", [("沅江高新区", "lead"), ("市科工局", "support"), ("市商务局", "support")]),
                   ("推进交通互联", [("市交通运输局", "lead"), ("市水利局", "support"), ("市发改局", "support")])]


def test_places_printed_before_the_head_their_list_prints_once_are_units():
    tasks = extract_text(HEAD + "一、任务\n1.创建区域科技创新中心。"
                         "(省科技厅、省教育厅,长沙、株洲、湘潭市人民政府等按职责分工负责)\n"
                         "2.加强对口合作。(张三、湘潭市人民政府负责)\n").tasks
    assert [(d.name, d.canonical) for d in tasks[0].departments][2:] == [
        ("长沙", "长沙市人民政府"), ("株洲", "株洲市人民政府"), ("湘潭市人民政府", "湘潭市人民政府")]
    assert [d.name for d in tasks[1].departments] == ["湘潭市人民政府"]  # a person's name shares no head
    whole = extract_text(HEAD + "一、任务\n1.道路畅通工程。加快建设都市圈道路。(自治区交通运输厅牵头,自治区发展改革委、"
                         "银川市、石嘴山市、吴忠市人民政府、宁东管委会配合)\n").tasks
    assert [(d.name, d.canonical) for d in whole[0].departments][2:5] == [
        ("银川市", "银川市人民政府"), ("石嘴山市", "石嘴山市人民政府"), ("吴忠市人民政府", "吴忠市人民政府")]


def test_a_page_in_traditional_characters_is_read_whole_and_reported_as_printed():
    text = ("通遼市肉牛產業發展實施方案\n通政發〔2021〕8號\n一、發展目標\n到2025年,全市肉牛存欄新增18萬頭,"
            "建設飼草料基地550萬畝,牛肉產量22萬噸。\n")
    ex = extract_text(text)
    got = {(t.value, t.unit) for t in ex.targets}
    assert {(18.0, "萬頭"), (550.0, "萬畝"), (22.0, "萬噸")} <= got  # the magnitude stays in the unit, as printed
    assert ex.plan.doc_number == "通政發〔2021〕8號"


def test_registered_cooperatives_and_family_farms_are_enterprises_and_their_kinds_are_not():
    got = _firms("1.拟认定宜章县隆康种养专业合作社、云霄县和丰果蔬农民专业合作社等为示范农民专业合作社。\n"
                 "2.家庭农场名单:\n11宜章县梅田镇百发家庭农场\n12宜章县占勇家庭农场\n"
                 "3.宜章县2023年度县级示范家庭农场名单公布。支持引导农民专业合作社发展。\n")
    assert got == ["宜章县隆康种养专业合作社", "云霄县和丰果蔬农民专业合作社", "宜章县梅田镇百发家庭农场",
                   "宜章县占勇家庭农场"]


def test_an_indicator_table_one_cell_a_line_closed_by_bars_with_merged_labels_and_empty_cells():
    cells = ["|", "类别 |", "指标 |", "单位 |", "2014年 |", "2015年 |", "年均增速(%)(%) |", "考核责任单位 | |",
             "|", "总体发展指标 |", "服务业增加值 |", "亿元 |", "3150 |", "3600 |", "13 |", "市发改委 | |",
             "|", "服务业增加值占生产总值比重 |", "% |", "55 |", "56 |", "|", "市发改委 | ||",
             "|", "支柱产业指标 |", "旅游总收入 |", "亿元 |", "582 |", "687 |", "18 |", "市旅游局 | |", "|"]
    got = _resp("\n".join(cells) + "\n")
    assert [units for _, units in got] == [[("市发改委", "responsible")], [("市发改委", "responsible")],
                                           [("市旅游局", "responsible")]]
    assert [text.strip() for text, _ in got] == ["服务业增加值", "服务业增加值", "旅游总收入"]


def test_a_news_page_without_a_title_is_titled_by_the_plan_it_reports_as_published():
    text = ("7月16日,咸宁市出台《咸宁市制造业产业链链长制三年行动方案(2021—2023年)》,明确到2023年全市规上工业增加值"
            "年均增长8%以上。\n方案提出,要聚焦重点产业链。\n")
    assert extract_text(text).plan.title == "咸宁市制造业产业链链长制三年行动方案(2021—2023年)"
    report = "近日,县政府印发《2024年政府工作报告》目标任务分工方案,要求各单位认真落实。\n"
    assert extract_text(report).plan.title != "2024年政府工作报告"


def test_a_section_heading_naming_its_lead_in_brackets_leads_the_articles_under_it():
    got = _resp("一、扩大有效投资政策(由市发改局牵头实施)\n1.发挥重点项目带动作用。推进项目建设。\n"
                "2.落实财政资金保障。安排资金14亿元。\n3.加强资金要素争取。开展专项债项目常态化储备,加大对已发行债")
    assert [(text, units) for text, units in got if text.startswith(("发挥", "落实", "加强"))] == [
        ("发挥重点项目", [("市发改局", "lead")]), ("落实财政资金", [("市发改局", "lead")])]  # the third is cut off


def test_a_progress_table_whose_header_repeats_its_goal_column_after_the_units_and_labels_groups_by_section():
    cells = ["序号 |", "类别 |", "项目名称 |", "目标任务 |", "牵头单位 |", "目标任务 |", "累计完成 |", "累计进度 |",
             "备注 |",
             "1 |", "一、就业促进(2项) |", "促进重点群体稳定就业 |", "城镇新增就业1100人 |", "县人社局 |", "1100 |",
             "1063 |", "96.64% |", "|",
             "2 |", "放心家政行动 |", "培训家政服务人员613人次 |", "县科商工信局 |", "613 |", "626 |", "102.12% |",
             "|",
             "3 |", "二、社会保障(1项) |", "农村敬老院运营服务能力提升 |", "督促4家敬老院规范运营 |", "县民政局 |",
             "4 |", "4 |", "100% |", "|"]
    got = _resp("\n".join(cells) + "\n")
    assert [units for _, units in got] == [[("县人社局", "lead")], [("县科商工信局", "lead")], [("县民政局", "lead")]]


def test_a_head_inside_a_bracket_after_a_platform_names_where_it_is_not_the_platform():
    got = _platforms("一、名单\n聚方众创空间(郑东新区)、融易众创空间(高新区)。加快恒口示范区(试验区)建设,"
                     "推进浙江中以(余杭)产业合作园建设。\n")
    assert got == ["聚方众创空间", "融易众创空间", "恒口示范区", "浙江中以(余杭)产业合作园"]


def test_funds_a_place_brings_in_named_with_where_they_come_from_are_goals_and_a_budget_line_is_not():
    got = _targets("一、目标\n力争全年实际到位市外资金45亿元以上,向上争取资金23.5亿元以上。安排专项资金2亿元。\n")
    assert got == [("实际到位市外资金", 45.0, "亿元"), ("向上争取资金", 23.5, "亿元")]


def test_a_bare_hundred_or_thousand_before_yi_that_ends_its_clause_is_a_figure():
    got = _targets("一、目标\n力争展会交易额突破千亿元。打造千亿级产业集群,服务千家万户。培育超百亿元数字企业40家。\n")
    assert ("展会交易额", 1000.0, "亿元") in got
    assert not any(value in (100.0, 1000.0) and unit in ("家", "亿元") and metric != "展会交易额"
                   for metric, value, unit in got)


def test_a_lists_count_of_works_the_plan_aims_to_see_started_or_finished_is_a_target():
    got = _targets("一、目标\n推动精达铜基电磁线等21个项目开工建设。拥有之江、西湖等2家省实验室。"
                   "商务部等17部门印发关于加强县域商业体系建设的意见。\n")
    assert got == [("项目开工建设", 21.0, "个")]


def test_a_lists_count_is_a_target_when_a_verb_of_building_or_doing_opens_the_list():
    got = _targets("一、目标\n建成凤林北路东延伸段等6条市政道路。完成广场南路等5条路雨污分流改造。"
                   "拥有之江、西湖等2家省实验室。已建成甲园、乙园等3个园区。新开工吉香居等5亿元以上项目1个。"
                   "聚力推动居民增收、就业创业等十个方面。推动之江、西湖等2家省实验室建设。建成宋闸、曾岗等2个专业村。\n")
    assert {(value, unit) for _, value, unit in got} == {(6.0, "条"), (5.0, "条"), (1.0, "个"), (2.0, "个")}


def test_a_notices_number_in_brackets_after_its_title_a_site_name_above_and_a_title_printed_twice():
    plan = extract_text("荆州市人民政府办公室关于分解落实《政府工作报告》的通知(荆政办发〔2020〕1号)\n\n"
                        "各县、市、区人民政府:\n\n现将任务分解印发给你们。\n").plan
    assert plan.doc_number == "荆政办发〔2020〕1号"
    cited = extract_text("数据要素市场化配置改革行动方案为贯彻落实中共中央国务院关于构建更加完善的要素市场化配置"
                         "体制机制的意见(中发〔2020〕9号),加快推进改革。\n").plan
    assert cited.doc_number is None
    assert extract_text("辽阳\n\n辽阳市小微企业、个体工商户扶持政策事项清单\n来源:辽阳市市场监管局\n"
                        "一、财政资金支持\n").plan.title == "辽阳市小微企业、个体工商户扶持政策事项清单"
    assert extract_text("笔杆子素材库 首页\n\nX街道2025年森林防灭火工作实施方案\n\n04-07 笔杆子素材库\n\n"
                        "x街道2025年森林防灭火工作实施方案\n\n为全面加强森林防灭火工作。\n"
                        ).plan.title == "x街道2025年森林防灭火工作实施方案"


def test_pitches_container_and_power_units_a_bare_magnitude_and_points_of_a_score_are_counted():
    got = _targets("一、目标\n建成20片足球场。集装箱吞吐量达1900万标箱。工业总产值达330亿以上。"
                   "光伏组件产能达100GW以上。服务质量满意度达89分,3分钟内响应。孕产妇死亡率控制在15/10万以内。\n")
    assert [(value, unit) for _, value, unit in got] == [(20.0, "片"), (19000000.0, "标箱"), (330.0, "亿"),
                                                         (100.0, "GW"), (89.0, "分")]


def test_a_typeset_space_before_a_suffix_and_a_forms_sign_before_a_value():
    got = extract_text(HEAD + "一、目标\n1.群众对社会安定的满足度达 90% 以上。\n2.村内道路硬化里程≥100公里。\n").targets
    assert [(t.metric, t.value, t.unit, t.comparator) for t in got] == [
        ("群众对社会安定的满足度", 90.0, "%", ">="), ("村内道路硬化里程", 100.0, "公里", ">=")]


def test_a_form_printed_one_cell_a_line_pairs_each_indicator_with_the_value_under_it():
    text = ("绩效目标申报表\n\n一级指标\n\n二级指标\n\n三级指标\n\n指标值\n\n产出指标\n\n数量指标\n\n"
            "脱贫村村内道路硬化里程\n\n≥100公里\n\n脱贫户供水设施数量\n\n≥20座\n\n质量指标\n\n"
            "项目(工程)验收合格率\n\n100%\n")
    got = [(t.metric, t.value, t.unit, t.comparator) for t in extract_text(text).targets]
    assert got == [("脱贫村村内道路硬化里程", 100.0, "公里", ">="), ("脱贫户供水设施数量", 20.0, "座", ">="),
                   ("项目(工程)验收合格率", 100.0, "%", "=")]


def test_a_five_year_plan_the_page_says_is_being_made_is_not_the_pages_period():
    text = ("1月12日上午,市人民代表大会开幕。政府工作报告指出,2025年全市经济社会发展主要预期目标建议为:"
            "地区生产总值增长5%左右。\n"
            "一、扩大内需\n科学编制“十五五”规划,争取更多项目纳入国家规划。力争实施市级重点项目350个。\n")
    ex = extract_text(text)
    assert ex.plan.period != (2026, 2030)
    assert ("地区生产总值增长", 5.0, 2025) in [(t.metric, t.value, t.year) for t in ex.targets]


# --------------------------------------------------------------------------- session 23

def test_a_street_named_without_its_level_leads_and_a_party_school_is_a_unit():
    got = _resp("会议要求,由县发改局牵头,县委党校、县政务局配合,在9月底前完成供地;"
                "由丹凤街道牵头,县自然资源局配合,在12月底前完成处置任务。\n")
    assert got == [("由县发改局牵", [("县发改局", "lead"), ("县委党校", "support"), ("县政务局", "support")]),
                   ("由丹凤街道牵", [("丹凤街道", "lead"), ("县自然资源局", "support")])]


def test_a_point_naming_its_topic_in_a_sentence_of_its_own_opens_the_task_its_lead_clause_closes():
    got = _resp("近日,镇里部署春耕工作。四是保供应。由镇供销社牵头,组织化肥调运。"
                "五是清市场。由镇农业服务中心牵头,对农资市场开展清查。\n")
    assert [(text, deps) for text, deps in got] == [("保供应。由镇", [("镇供销社", "lead")]),
                                                   ("清市场。由镇", [("镇农业服务中心", "lead")])]


def test_points_numbered_from_one_inside_a_paragraph_are_items_of_their_own():
    text = ("一、重点任务\n加强稀土资源开发,打造稀土之都。 1.提升原料生产能力。巩固原料基地地位。(责任单位:市工信局)"
            " 2.推动产业延链。做强稀土链条。(责任单位:市发改委)\n")
    assert _resp(text) == [("提升原料生产", [("市工信局", "responsible")]),
                           ("推动产业延链", [("市发改委", "responsible")])]


def test_a_lead_clause_opens_where_its_clause_opens_not_at_you():
    got = _resp("委员们提出的提案收悉,该提案由市科技局主办、市发改委、市财政局等部门协办,现将办理情况答复如下。\n")
    assert got == [("该提案由市科", [("市科技局", "lead"), ("市发改委", "support"), ("市财政局", "support")])]


def test_verbs_of_conferring_and_words_of_time_and_scope_open_no_platform_name():
    text = ("一、平台建设\n经专家评审,确认青海省绿色算力工程技术研究中心为省级中心。授予宁波智能装备产业园称号。"
            "其中宏东水产品交易物流园已建成。规划期间市高新区将建成即墨经济开发区生物医药产业园。\n")
    names = _platforms(text)
    assert "青海省绿色算力工程技术研究中心" in names and "宁波智能装备产业园" in names
    assert "宏东水产品交易物流园" in names and "即墨经济开发区生物医药产业园" in names
    assert not [n for n in names if n.startswith(("确认", "授予", "中宏", "期间", "墨经"))]


def test_a_host_unit_column_names_no_responsible_unit_and_a_graded_base_with_its_field_in_brackets_is_named():
    text = ("附件 2024年工程技术研究中心认定名单\n序号 |\n中心名称 |\n依托单位 |\n1 |\n"
            "青海省绿色算力工程技术研究中心 |\n青海大学、中国电信股份有限公司青海分公司 |\n2 |\n"
            "青海省医疗器械检测工程技术研究中心 |\n青海省药品检验检测院 |\n")
    assert _resp(text) == []
    assert "省级军民结合(船海装备)产业示范基地" in _platforms("一、成效\n建成省级军民结合(船海装备)产业示范基地。\n")
    assert _platforms("一、成效\n建成省级冷链物流骨干基地。\n") == []


def test_a_posting_stamp_with_its_time_glued_or_its_day_first_dates_the_page():
    def date(text: str) -> str | None:
        return extract_text(text).plan.date
    body = "\n记者从市科技局获悉,全市科技创新工作取得新进展。\n"
    assert date("大庆:科技创新激发产业活力\n2024年03月05日08:21 | 来源:黑龙江日报" + body) == "2024-03-05"
    assert date("省科技厅与牡丹江市共商科技促发展\n27.02.2015  11:06" + body) == "2015-02-27"
    assert date("涉县大气污染防治攻坚行动实施方案\n03.02.2015  16:13" + body) is None  # 3 Feb or 2 Mar


def test_a_sites_name_after_a_dash_a_list_letter_and_a_forums_name_are_no_part_of_a_title():
    def title(text: str) -> str | None:
        return extract_text(text).plan.title
    assert title("经济开发区谋篇布局开启新征程-东台报业网\n来源:未知 日期:2019-02-14 10:57:31\n"
                 "2月12日下午,会议召开。\n") == "经济开发区谋篇布局开启新征程"
    assert title("A. 蔡家坡经济技术开发区的发展目标\n蔡家坡经开区将抢抓机遇,狠抓产业发展。\n") \
        == "蔡家坡经济技术开发区的发展目标"
    assert title("修水论坛-修水网旗下论坛\n标题:\n一季度全县招商引资工作形势喜人\n作者:\nxiushui\n时间:\n"
                 "2014-5-7 10:36\n近日,项目落户县工业园。\n") == "一季度全县招商引资工作形势喜人"


def test_a_meeting_a_body_holds_is_no_body_and_its_report_has_a_headline():
    got = extract_text("西园街道召开文明创建工作推进会\n来源: 张云龙 2021-09-15 09:10:51\n"
                       "9月10日上午,西园街道召开文明创建工作推进会,街道党工委书记出席会议并讲话。\n").plan
    assert got.title == "西园街道召开文明创建工作推进会"


def test_units_made_responsible_before_the_task_they_do_each_own_it():
    got = _resp("在健全服务体系方面,分工方案明确,由县法院、县检察院等单位分别负责,建成诉源治理中心。"
                "由县卫健委、县医保局分别负责医共体建设。\n")
    assert got == [("由县法院、县", [("县法院", "responsible"), ("县检察院", "responsible")]),
                   ("由县卫健委、", [("县卫健委", "responsible"), ("县医保局", "responsible")])]


def test_several_units_as_the_subject_of_one_duty_in_a_section_of_duties():
    got = _resp("四、职责分工\n县公安局负责提供宣传素材。\n县法院、县人民检察院负责加大案件指导力度。\n"
                "县教体局负责学校的宣传防范工作。\n")
    assert [deps for _, deps in got] == [[("县公安局", "responsible")],
                                         [("县法院", "responsible"), ("县人民检察院", "responsible")],
                                         [("县教体局", "responsible")]]


def test_a_verb_of_representing_or_helping_opens_no_firm_name():
    got = _firms("一、招商\n签约仪式上,代表东莞市蜀江新能源科技有限公司签约。协助立川食品公司搞好扩产。\n")
    assert "东莞市蜀江新能源科技有限公司" in got and "立川食品公司" in got
    assert not [n for n in got if n.startswith(("代表", "协助"))]


def test_sets_of_machines_and_graves_are_counted_in_their_own_units():
    got = _targets("一、目标\n新建园区共享灌溉系统5台套。新增墓穴10000穴。\n")
    assert [(value, unit) for _, value, unit in got] == [(5.0, "台套"), (10000.0, "穴")]


def test_an_item_of_a_section_of_duties_titled_by_its_unit_alone_is_that_units_task():
    got = _resp("三、任务分工\n1、区住建局。排查生活污水直排污染源,发现问题立即报告。\n"
                "2、生态局东安分局。排查工业污水排放污染源,按时上报监测数据。\n")
    assert got == [("区住建局。排", [("区住建局", "responsible")]),
                   ("生态局东安分", [("生态局东安分局", "responsible")])]


def test_a_short_lead_in_opens_the_task_a_lead_clause_closes():
    got = _resp("近日,全县开展百日攻坚。针对畜禽粪便直排现象,由各乡镇政府牵头,开展专项检查。\n")
    assert got == [("针对畜禽粪便", [("各乡镇政府", "lead")])]


def test_a_list_of_duties_names_a_police_station_and_a_collective_of_villages_beside_a_bureau():
    got = _resp("会议过程中,镇领导部署了排查工作,城管人员负责餐饮燃气检查,市监分局负责店铺检查,"
                "派出所负责打击黑气站点,各村(社区)负责入户排查,重点是低收入群体。\n")
    assert [deps for _, deps in got] == [[("市监分局", "responsible")], [("派出所", "responsible")],
                                         [("各村(社区)", "responsible")]]


def test_a_period_of_a_plan_and_a_verb_of_digging_out_open_no_platform_name():
    names = _platforms("一、目标\n“十四五”时期国家全域旅游示范区建设取得突破。优化红色旅游景区名录,深入挖掘"
                       "黄骅港工业旅游景区、东光县谢家坝水工智慧博物馆等景区景点。\n")
    assert "国家全域旅游示范区" in names and "黄骅港工业旅游景区" in names
    assert not [n for n in names if n.startswith(("时期", "挖掘"))]


def test_a_work_report_is_issued_by_the_government_of_the_congress_it_is_given_to():
    def issuers(text: str) -> list[str]:
        return extract_text(text).plan.issuers
    body = "\n各位代表:\n现在,我代表县人民政府向大会作政府工作报告,请予审议。\n一、2019年工作回顾\n全县经济平稳增长。\n"
    congress = "政府工作报告\n——2020年3月26日在柳城县第十七届人民代表大会第五次会议上"
    assert issuers(congress + body) == ["柳城县人民政府"]
    assert issuers("2019年梨树县政府工作报告\n县长 郭志勇" + body) == ["梨树县人民政府"]
    termed = "政府工作报告\n现在,我代表疏附县第十七届人民政府向大会作工作报告。\n一、回顾\n全县经济平稳增长。\n"
    assert issuers(termed) == ["疏附县人民政府"]


def test_verbs_of_grasping_and_of_being_rated_and_a_preposition_of_topic_open_no_platform_name():
    names = _platforms("一、重点工作\n紧抓大运河国家文化公园建设。双方就新型碳材料科技产业园建设达成共识。"
                       "建设和平农场现代农业产业园。\n")
    assert "大运河国家文化公园" in names and "新型碳材料科技产业园" in names
    assert not [n for n in names if n.startswith(("紧抓", "就", "平农场"))]


def test_satellites_livestock_tobacco_and_eggs_are_counted_in_their_own_units():
    got = _targets("一、目标\n到2027年,形成年产200颗卫星的能力。改良家畜55万头只以上。收购烤烟20000担以上。"
                   "销售乌鸡蛋4000万枚。\n")
    assert [(value, unit) for _, value, unit in got] == [(200.0, "颗"), (550000.0, "头只"), (20000.0, "担"),
                                                         (40000000.0, "枚")]


def test_a_page_glossed_in_pinyin_is_read_without_its_glosses_and_reported_as_printed():
    printed = ("天津市鄉(xiāng)村產(chǎn)業(yè)發(fā)展規劃\n一、目標\n"
               "到2025年,休閑農業(yè)年接待人次將達到2000萬(wàn)人次。"
               "建設(shè)寶坻農業(yè)科技園區(qū)。(責任單位:市農業(yè)農村委)\n")
    ex = extract_text(printed)
    target = ex.targets[0]
    assert (target.value, target.unit) == (2000.0, "萬人次")
    assert printed[slice(*target.span)] == target.text and "萬(wàn)人次" in target.text
    assert [(p.name, printed[slice(*p.span)]) for p in ex.platforms] == [("寶坻農業(yè)科技園區(qū)",) * 2]
    task = ex.tasks[0]
    assert printed[slice(*task.span)] == task.text
    assert [(d.name, printed[slice(*d.span)]) for d in task.departments if d.span] == [("市農業(yè)農村委",) * 2]


def test_a_table_one_cell_a_line_with_a_column_of_sums_before_its_units():
    text = ("2019年专项扶贫资金分配表\n序号\n\n项目名称\n\n建设地点\n\n建设内容\n\n投资规模\n\n责任单位\n\n"
            "1\n\n农业特色产业发展项目\n\n全市24个镇\n\n发展农业特色产业\n\n660\n\n扶贫办\n\n"
            "2\n\n贫困村危桥改造\n\n左权、沩山\n\n危桥改造\n\n251\n\n交通局\n\n"
            "3\n\n雨露计划\n\n职业学校\n\n贫困生职业教育补助\n\n130\n\n扶贫办\n")
    assert [(task.strip(), deps) for task, deps in _resp(text)] == [
        ("农业特色产业", [("扶贫办", "responsible")]), ("贫困村危桥改", [("交通局", "responsible")]),
        ("雨露计划", [("扶贫办", "responsible")])]


def test_the_et_cetera_closing_a_unit_list_is_no_part_of_its_last_name_and_levels_share_their_head():
    got = _resp("三、措施\n1.鼓励创业。(牵头单位:市人社局;责任单位:各县、特区、区人民政府,各经济开发区管委会等)\n")
    assert got == [("鼓励创业。(", [("市人社局", "lead"), ("各县、特区、区人民政府", "responsible"),
                                     ("各经济开发区管委会", "responsible")])]


def test_a_labelled_unit_list_stops_at_the_sentence_it_runs_into_and_a_task_force_is_a_unit():
    got = _resp("一、项目\n(3)实施主体:卢村乡人民政府根据行动方案明确职责:农服中心、水利站、创建办,"
                "协同作业确保项目顺利实施。\n"
                "(4)严格执行防控政策。(责任单位:县农村人居环境整治工作专班)\n")
    names = _names(got)
    assert "协同作业确保项目顺利实施" not in names and not [n for n in names if ":" in n]
    assert "农服中心" in names and "县农村人居环境整治工作专班" in names


def test_a_table_of_allocations_or_a_schedule_is_titled_as_a_plan_is():
    got = extract_text("根据省财政厅文件精神,现将资金分配和项目实施计划予以公告(具体见附件)。\n"
                       "附件:大冶市2024年度乡村振兴补助资金项目计划安排表\n市委农办\n2024年8月9日\n"
                       "序号 | 项目名称 | 实施单位 |\n1 | 建设果蔬基地 | 大箕铺镇政府 |\n").plan.title
    assert got == "大冶市2024年度乡村振兴补助资金项目计划安排表"


def test_an_indicator_named_by_its_latin_abbreviation_and_square_metres_printed_as_a_symbol():
    got = _targets("一、主要目标\n2025年,GDP突破百亿元。建成休息点约850m²,生态停车场提升5000㎡。\n")
    assert [(metric, value, unit) for metric, value, unit in got][:1] == [("GDP", 100.0, "亿元")]
    assert [(value, unit) for _, value, unit in got][1:] == [(850.0, "m²"), (5000.0, "㎡")]


def test_a_rural_complex_is_a_platform():
    names = _platforms("一、重点工作\n提升“资水丹霞”田园综合体,建设玫瑰谷田园综合体。"
                       "田园综合体全年吸纳游客40万人次。\n")
    assert "“资水丹霞”田园综合体" in names or "资水丹霞田园综合体" in names
    assert "玫瑰谷田园综合体" in names and "田园综合体" not in names


# --------------------------------------------------------------------------- session 24


def test_a_header_cell_spanning_a_groups_label_and_the_rows_numbers_keeps_every_row_of_the_group():
    text = ("|\n工作任务 |\n具体工作要求 |\n责任单位 |\n完成时限 |\n|\n|\n"
            "一、深入推进政策公开 |\n1 |\n及时规范发布政策信息。 |\n各区直部门、经开区 |\n持续推进 |\n|\n"
            "2 |\n集中发布政务服务事项目录。 |\n区数据资源局、区发改委 |\n持续推进 |\n|\n|\n"
            "3 |\n公开促进消费政策。 |\n区商务局 |\n持续推进 |\n|\n|\n"
            "二、强化权力配置公开 |\n4 |\n动态更新权责清单。 |\n区直各部门 |\n持续推进 |\n|\n")
    assert _resp(text) == [("及时规范发布", [("各区直部门", "responsible"), ("经开区", "responsible")]),
                           ("集中发布政务", [("区数据资源局", "responsible"), ("区发改委", "responsible")]),
                           ("公开促进消费", [("区商务局", "responsible")]),
                           ("动态更新权责", [("区直各部门", "responsible")])]


def test_the_last_of_several_administrative_committees_joined_by_and_is_a_unit_of_its_own():
    got = _resp("二、机制\n1.推进清单落实。"
                "(责任单位:所在省辖市政府、济源示范区管委会和郑州航空港经济综合实验区管委会)\n")
    assert _names(got) == [
        "所在省辖市政府", "济源示范区管委会", "郑州航空港经济综合实验区管委会"]


def test_a_units_aside_defining_what_it_covers_carries_its_own_as_below_and_the_unit_stays():
    got = _resp("一、学习宣传\n1.深入学习宣传。〔责任单位:市委宣传部、市司法局等市有关部门,"
                "各县(市、区)法宣办(含高新区党群工作部,下同)〕\n")
    assert _names(got) == [
        "市委宣传部", "市司法局", "各县(市、区)法宣办(含高新区党群工作部,下同)"]


def test_what_a_unit_will_do_next_is_its_task_but_not_what_the_writer_will_do():
    got = _resp("据悉,该县已召开调研会。接下来县科经局将继续编制纺织服装产业链图谱。\n")
    assert got == [("接下来县科经", [("县科经局", "responsible")])]
    assert _resp("据悉,该县已召开调研会。下一步我局将统筹全县资源。\n") == []


def test_collective_units_closed_by_a_bracket_and_joined_by_and_are_two_units():
    got = _resp("一、任务\n1.做大县域主导产业链。(责任单位:各县(市、区)和市直有关单位)\n")
    assert _names(got) == ["各县(市、区)", "市直有关单位"]


def test_a_doubling_from_a_printed_base_names_its_metric_without_the_base_and_keeps_the_plans_year():
    got = extract_text("某市旅游发展实施意见\n一、目标\n到2020年,实现旅游综合收入"
                       "在2015年旅游综合收入248.49亿元的基础上翻一番,达到500亿元。\n").targets
    assert [(t.metric, t.value, t.unit, t.year) for t in got] == [("旅游综合收入", 500.0, "亿元", 2020)]


def test_a_count_of_things_classed_by_their_size_in_money_is_the_figure():
    got = _targets("一、目标\n到2025年,形成6个500亿元重点产业集群,重点培育40户10亿元以上企业。\n")
    assert [(value, unit) for _, value, unit in got] == [(6.0, "个"), (40.0, "户")]


def test_a_listed_platform_named_by_places_then_a_quoted_word_keeps_its_places():
    names = _platforms("一、重点\n完成4条示范带建设,包括水头-闹村“黄汤飘香”乡村振兴示范带、"
                       "万全“水乡田园”乡村振兴示范带,打造“慢湾”乡村振兴示范带;提升台州综保区等“国字号”平台。\n")
    assert "水头-闹村“黄汤飘香”乡村振兴示范带" in names and "万全“水乡田园”乡村振兴示范带" in names
    assert "“慢湾”乡村振兴示范带" in names and not [n for n in names if "打造" in n or "等" in n]


def test_two_offices_of_one_city_signing_glued_together_are_two_issuers_and_a_keyed_number_without_serial_is_kept():
    plan = extract_text("文号: 穗埔府办函〔2022〕号 发布日期: 2022-08-12\n"
                        "广州市黄埔区人民政府办公室广州开发区管委会办公室关于印发广州市黄埔区广州开发区2022年"
                        "政务公开工作要点分工方案的通知\n各街道办事处:\n现将方案印发给你们。\n").plan
    assert plan.issuers == ["广州市黄埔区人民政府办公室", "广州开发区管委会办公室"]
    assert plan.doc_number == "穗埔府办函〔2022〕号"


def test_units_coordinating_a_task_support_it():
    got = _resp("一、任务\n1.创建示范区。(各州、市人民政府负责;省旅游发展委、林业厅协调推动)\n")
    assert got == [("创建示范区。", [("各州、市人民政府", "lead"), ("省旅游发展委", "support"), ("林业厅", "support")])]


def test_keys_of_primary_and_supervising_responsibility_name_units():
    got = _resp("一、存在问题\n1.白茶市场摊位乱堆乱放。(主体责任:白茶村委会,监督责任:市工商局)\n")
    assert _names(got) == ["白茶村委会", "市工商局"]


def test_a_bulletin_naming_each_problems_unit_in_prose_after_its_key_and_copula():
    got = _resp("一、存在问题\n围挡上有小广告乱涂乱画,其责任单位是市住建局。\n"
                "背街小巷小广告乱涂画,其责任单位是海城区。窨井盖破损,责任单位为市市政管理局。\n")
    assert [deps for _, deps in got] == [[("市住建局", "responsible")], [("海城区", "responsible")],
                                        [("市市政管理局", "responsible")]]


def test_a_figure_each_listed_place_reaches_is_a_target_of_each():
    got = _targets("一、目标\n到2025年,大同、临汾、长治各5家,朔州、忻州各3家。\n")
    assert [(metric, value) for metric, value, _ in got] == [("大同", 5.0), ("临汾", 5.0), ("长治", 5.0),
                                                             ("朔州", 3.0), ("忻州", 3.0)]


def test_a_figure_printing_only_its_magnitude_counts_the_people_its_metric_names():
    got = _targets("一、目标\n到2025年,中心城区人口380万,接待游客人次超过280万,5G连接数达到3000万。\n")
    assert [(value, unit) for _, value, unit in got] == [(3800000.0, "人"), (2800000.0, "人次"), (3000.0, "万")]


def test_firms_listed_by_where_their_listing_stands_are_firms():
    got = _firms("一、进展\n另有科前生物、路德环境、传神语联、四方光电科创板在审。\n")
    assert got == ["科前生物", "路德环境", "传神语联", "四方光电"]


def test_a_date_alone_on_the_last_line_before_the_editors_credits_dates_the_bulletin():
    plan = extract_text("创文工作督查通报\n8月31日,县创文办对主次干道进行了暗访督查。现将情况通报如下:\n"
                        "1、沿河路拦杆破损。(责任单位:住建局)\n相关单位要迅速落实整改措施。\n2022年8月31日\n"
                        "(编辑:谭茜 二审:唐成 终审:阮班新)\n").plan
    assert plan.date == "2022-08-31"


def test_a_pages_metadata_fields_above_the_title_are_no_part_of_it():
    plan = extract_text("索引号\n011314160/2025-24496\n发文字号\n效力状态\n有效\n发布日期\n2025-05-20\n编辑\n审核\n"
                        "广水毛小波\n太平镇全面推行河长制实施方案\n为贯彻落实上级部署,制定本方案。\n").plan
    assert plan.title == "太平镇全面推行河长制实施方案"
    plan = extract_text("索 引 号 1164010345412039XU/2022-00175 文号\n所属分类 为民办实事 效力状态 有效\n"
                        "责任部门 西夏区文化旅游体育广电局 公开方式 主动公开\n\n"
                        "西夏区文化旅游体育广电局2022年7月为民办实事逐月进展情况\n发布日期:2022-08-08\n").plan
    assert plan.title == "西夏区文化旅游体育广电局2022年7月为民办实事逐月进展情况"


def test_issuers_listed_with_a_pause_mark_are_each_an_issuer_and_a_news_word_of_time_is_none():
    plan = extract_text("发布机构:合肥市经信局、合肥市财政局\n关于开展企业申报工作的通知\n各有关单位:\n"
                        "现将有关事项通知如下。\n").plan
    assert plan.issuers == ["合肥市经信局", "合肥市财政局"]


def test_a_paragraph_of_units_each_before_the_colon_of_its_duties_after_a_pages_continuation_mark():
    got = _resp("[接上页] 省卫生厅:组织开展现场医疗卫生救援工作。 省安监局:负责督促指导次生灾害排查。 "
                "省气象局:负责监测天气形势。\n")
    assert [deps for _, deps in got] == [[("省卫生厅", "responsible")], [("省安监局", "responsible")],
                                        [("省气象局", "responsible")]]


def test_departments_of_a_kind_before_a_comma_and_their_duty():
    got = _resp("交通部门,负责通村公路和道路建设。 教育部门,负责义务教育和成人教育。 水利部门,负责指导防洪。\n")
    assert _names(got) == ["交通部门", "教育部门", "水利部门"]


def test_a_bulletins_sentences_naming_their_units_after_a_key_and_copula_or_with_you_fuze():
    got = extract_text("创城曝光台\n华声小区的责任单位是市人社局,该小区的垃圾桶无分类标识。\n"
                       "磁湖路路段的责任单位为黄石市城发集团、市城管委和黄石港区。该路段多处路面破损。\n"
                       "京泰路上,车辆随意停放阻挡盲道,应由市交警支队负责整治。\n").tasks
    assert [[d.name for d in t.departments] for t in got] == [["市人社局"], ["黄石市城发集团", "市城管委", "黄石港区"],
                                                              ["市交警支队"]]


def test_a_unit_named_after_the_role_it_plays_is_the_unit():
    got = _resp("一、存在问题\n1.气象局家属院垃圾死角较多。整改要求:由包片单位县气象局负责清除。\n")
    assert _names(got) == ["县气象局"]


def test_duties_listed_after_a_sentences_colon_in_a_section_of_duties_and_a_definition_is_none():
    got = _resp("第二节 职责分工\n妇女儿童工作委员会是省政府负责妇女儿童工作的协调议事机构,负责协调政府有关部门。\n"
                "妇儿工委对各成员单位的职责进行了分工:省发展计划委员会负责协调经济社会发展与妇女儿童事业发展的关系;"
                "省教育厅负责保障所有儿童受教育权利。\n")
    assert _names(got) == ["省发展计划委员会", "省教育厅"]


def test_a_count_of_machines_by_unit_or_set_and_a_span_of_the_year_opening_a_platforms_sentence():
    got = _targets("一、目标\n到2027年,累计完成15台(套)左右老旧化工装置更新替代。\n")
    assert [(value, unit) for _, value, unit in got] == [(15.0, "台(套)")]
    assert "恒星新媒体及应用电子技术孵化器" in _platforms("一、成效\n上半年恒星新媒体及应用电子技术孵化器通过认定。\n")


def test_a_unit_doing_its_duty_with_an_adverb_beside_a_unit_in_charge_of_its_own():
    got = _resp("四、保障措施\n市财政局积极做好资金保障和监管工作,确保资金及时足额到位。市商务局负责具体活动组织实施。"
                "专项资金使用将接受社会监督。\n")
    assert _names(got) == ["市财政局", "市商务局"]
    assert _resp("四、保障措施\n市财政局积极做好资金保障。市商务局积极做好活动组织。\n") == []


def test_two_items_opening_with_government_bodies_before_a_colon_list_their_duties():
    got = _resp("为推动各成员单位各司其职,特制定本职责。\n"
                "一、市委办公室、市政府办公室:将精神文明建设和创建全国文明城市工作纳入市委、市政府管理目标;督查市委、"
                "市政府部署和市领导交办的精神文明建设工作。\n"
                "二、市委组织部:加强领导班子和干部队伍思想政治建设,坚决防止和纠正干部工作中的不正之风;把精神文明建设"
                "工作纳入各级领导干部综合考核评价内容。\n")
    assert [deps for _, deps in got] == [[("市委办公室", "responsible"), ("市政府办公室", "responsible")],
                                        [("市委组织部", "responsible")]]


def test_a_firm_opening_a_clause_before_what_it_invests_is_a_firm():
    assert "汉得利电子" in _firms("一、成效\n汉得利电子总投资3亿元的产业化项目已进入投产调试阶段。\n")


# --------------------------------------------------------------------------- session 25
def test_a_body_whose_official_name_holds_a_conjunction_is_one_unit_in_a_list_after_a_lead():
    got = _resp("二、信息管理组由市应急管理局牵头,市统计局、市林业和草原局、市气象局参加。主要职责:统计、收集。\n")
    assert _names(got) == ["市应急管理局", "市统计局", "市林业和草原局", "市气象局"]
    got = _resp("二、信息管理组由县应急管理局牵头,县财政局和有关乡镇政府参加。主要职责:统计、收集。\n")
    assert _names(got)[1:] == ["县财政局", "有关乡镇政府"]


def test_entries_of_who_does_what_run_together_on_one_line_and_a_towns_stations_among_its_offices():
    got = _resp("一、成员单位职责\n镇党政办:发布信息和宣传相关救灾新闻报道 安监所:收集、汇总、核实灾情;"
                "指导灾区转移安置。"
                "民政办:组织救灾捐赠; 派出所:参与灾区紧急救援; 城建办:指导灾区基础设施的抢险。\n")
    assert [deps for _, deps in got] == [[("镇党政办", "responsible")], [("安监所", "responsible")],
                                        [("民政办", "responsible")], [("派出所", "responsible")],
                                        [("城建办", "responsible")]]
    # stations alone, with no government body keyed beside them, are no list of who does what
    assert _resp("一、情况\n派出所:参与救援;财政所:安排预算。\n") == []


def test_a_copula_or_a_clause_word_before_a_firm_or_a_place_is_no_part_of_its_name():
    assert "精一橡胶科技有限公司" in _firms("一、项目\n签约项目两个,另一个是精一橡胶科技有限公司的扩产项目。\n")
    assert _firms("一、概况\n岛内还有江南造船、沪东中华、中远海运、振华港机等大型央企。\n")[0] == "江南造船"
    assert _platforms("一、成效\n辖区长兴科创园入驻企业30家。\n") == ["长兴科创园"]
    assert not any("根据" in f for f in _firms("第二条 小额贷款公司分类监管评级是根据公司法人治理情况评定。\n"))


def test_paragraphs_each_with_units_under_a_heading_that_is_a_sentence_are_tasks_from_their_own_words():
    got = _resp("一、在新常态下保持经济持续健康发展\n(一)推动经济稳定健康发展,必须充分发挥消费、投资均衡拉动作用。\n"
                "认真贯彻落实积极的财政政策。(省发展改革委、省财政厅等负责)\n"
                "发挥投资的关键作用,引导资金投向社会民生。(省发展改革委负责)\n")
    assert [text for text, _ in got] == ["认真贯彻落实", "发挥投资的关"]
    got = _resp("一、完善机制\n1.加大企业培育扶持力度\n实施高新技术企业培育计划。(牵头单位:市科委)\n"
                "集聚资源,培育一批领军企业。(牵头单位:市科委、市发改委)\n")
    assert [text for text, _ in got] == ["加大企业培育", "集聚资源,培"]


def test_a_goal_of_doubling_over_a_base_year_without_a_figure_is_a_target_and_a_programmes_name_is_not():
    got = _targets("一、目标\n到2025年,开发区运营管理体制机制全面优化、全省开发区营业收入较2021年翻一番、"
                   "超千亿元开发区数量较2021年倍增、工业总产值年均增长20%以上。\n")
    assert got == [("全省开发区营业收入", 2.0, "倍"), ("超千亿元开发区数量", 2.0, "倍"),
                   ("工业总产值年均增长", 20.0, "%")]
    assert _targets("一、举措\n深入实施制造业倍增计划,开展“双倍增”行动。\n") == []
    # a doubling whose figure follows is that figure's target only
    assert _targets("一、目标\n到2025年,上市公司数量翻一番,达到36家以上。\n") == [("上市公司数量", 36.0, "家")]


def test_counts_before_the_nouns_they_count_in_a_list_of_goals():
    got = _targets("一、目标\n到2025年,力争建成4个大科学装置、策划新建3个大科学装置,新引进10家左右的知名服务业企业,"
                   "建成30个以上大型商业综合体和一批夜消费项目,改造提升路灯5万盏以上。\n")
    assert [(metric, value, unit) for metric, value, unit in got] == [
        ("大科学装置", 4.0, "个"), ("大科学装置", 3.0, "个"), ("知名服务业企业", 10.0, "家"),
        ("大型商业综合体", 30.0, "个"), ("改造提升路灯", 50000.0, "盏")]
    assert _targets("一、目标\n构建五大产业体系。\n") == []


def test_a_notice_approving_a_plan_is_titled_by_the_plan_and_bodies_joined_by_he_both_sign():
    plan = _plan("上海市崇明区长兴镇人民政府关于批转《长兴镇2025年防汛防台预案》的通知\n沪崇长府〔2025〕20号\n"
                 "各村、居委会:\n现将《长兴镇2025年防汛防台预案》批转给你们,请认真贯彻执行。\n")
    assert (plan.title, plan.period) == ("长兴镇2025年防汛防台预案", (2025, 2025))
    plan = _plan("云南开发区振兴三年行动印发\n近日,云南省委办公厅和省政府办公厅印发《云南省开发区振兴三年行动"
                 "(2023—2025年)》。\n到2025年,全省开发区营业收入较2021年翻一番。\n")
    assert list(plan.issuers) == ["云南省委办公厅", "省政府办公厅"]


def test_verbs_and_words_of_time_before_a_platform_are_no_part_of_its_name():
    assert _platforms("一、成效\n开发区下设下西现代产城融合园、石龙工业园。\n")[0] == "下西现代产城融合园"
    assert "中国(成都)网络视听产业基地" in _platforms("一、任务\n建强中国(成都)网络视听产业基地。\n")
    assert "商河县贾庄高端精纺小镇" in _platforms("一、成效\n省政府命名商河县贾庄高端精纺小镇为特色小镇。\n")


def test_tails_after_the_last_unit_of_a_list_are_no_part_of_its_name():
    got = _resp("一、任务\n1.加强文明创建。(责任单位:市文明办等市直各部门)\n"
                "2.做好资金保障。(市财政局会同有关部门负责)\n"
                "3.开展执法检查。(责任单位:县综合行政执法局等责任单位)\n")
    assert [[name for name, _ in deps] for _, deps in got] == [["市文明办"], ["市财政局"], ["县综合行政执法局"]]
    got = _resp("一、任务\n1.打造旅游品牌。〔省文化和旅游厅、省外办按职责分工负责,"
                "各市(地) 政府(行署)按属地分别负责〕\n")
    assert _names(got) == ["省文化和旅游厅", "省外办", "各市(地) 政府(行署)"]
    got = _resp("一、任务\n1.推进交通项目建设。(责任单位:中心区交通项目管理中心)\n")
    assert _names(got) == ["中心区交通项目管理中心"]


def test_a_figure_the_plan_aims_at_is_a_target_though_its_year_falls_before_the_period():
    text = ("某县2024-2025年企业上市工作方案\n一、目标\n到2025年,新增上市企业5家。\n"
            "二、任务\n2023年,力争新增辅导期企业3家。2023年,新增规上企业10家。\n")
    got = _targets(text)
    assert ("新增辅导期企业", 3.0, "家") in got and not any(value == 10.0 for _, value, _ in got)


def test_short_firm_names_listed_before_a_count_of_their_projects():
    got = _firms("一、计划\n三季度,品航机械、久顺汽配、万德福机电三宗工业项目地块挂牌上市。\n")
    assert got == ["品航机械", "久顺汽配", "万德福机电"]


def test_units_that_carry_a_task_out_specifically_after_its_lead_in_a_table_cell():
    got = _resp("序号\n|\n工作任务\n|\n责任单位\n|\n时限\n|\n一、围绕重点领域抓好主动公开\n|\n1\n|\n"
                "聚焦经济发展,及时公开有关政策措施。\n|\n办公室牵头,各科室、局属各单位具体落实\n|\n全年\n|\n2\n|\n"
                "紧扣民生领域,深化土地征收信息公开。\n|\n办公室牵头,各科室具体负责\n|\n全年\n|\n")
    assert [deps for _, deps in got] == [[("办公室", "lead"), ("各科室", "support"), ("局属各单位", "support")],
                                        [("办公室", "lead"), ("各科室", "support")]]


# --------------------------------------------------------------------------- session 26
def test_a_document_number_whose_code_follows_a_blank_a_letterhead_or_the_title_glued_before_it():
    plan = _plan("新闻资讯\n淮政办发〔2024〕3号 各县区人民政府,市各委办局:《淮安市推进跨境电商发展行动方案》"
                 "已经市政府同意,现印发给你们。\n一、目标\n")
    assert plan.doc_number == "淮政办发〔2024〕3号"
    plan = _plan("滁州市人民政府关于滁州高新区实施管理体制的通知滁政秘〔2022〕148号各县、市、区人民政府:"
                 "为深入贯彻国务院《关于促进高新区发展的若干意见》(国发〔2020〕7号)精神,现就有关事项通知如下。\n")
    assert (plan.title, plan.doc_number) == ("滁州市人民政府关于滁州高新区实施管理体制的通知", "滁政秘〔2022〕148号")
    plan = _plan("常熟市人民政府办公室文件 常政办发〔2018〕32号 市政府办公室关于分解落实2018年政府工作任务的通知\n")
    assert plan.doc_number == "常政办发〔2018〕32号"
    # a number a sentence cites, in brackets after the text it numbers, is not the page's own
    plan = _plan("数据要素市场化配置改革行动方案(征求意见稿)为贯彻落实中共中央关于构建要素市场化配置体制机制的意见"
                 "(中发(2020)9号),加快推进改革,制定本方案。\n一、目标\n")
    assert plan.doc_number is None


def test_the_one_plan_a_notice_hands_over_is_the_title_whatever_its_name_ends_with():
    plan = _plan("各有关单位:\n《某区2025年优化营商环境55条》已经区政府同意,现印发给你们,请认真贯彻执行。\n"
                 "某区人民政府办公室\n2025年5月13日\n为深入贯彻有关精神,推出优化营商环境55条工作举措。\n")
    assert plan.title == "某区2025年优化营商环境55条"
    plan = _plan("各州、市人民政府:\n现将《云南省加快推进旅游产业转型升级重点任务》(以下简称重点任务)印发给你们,"
                 "请认真贯彻落实。\n")
    assert plan.title == "云南省加快推进旅游产业转型升级重点任务"
    # of two plans handed over together the first is the document's
    plan = _plan("各有关单位:\n经市政府同意制定《某市概念验证中心建设行动方案》《某市概念验证中心建设指引(试行)》,"
                 "现印发给你们,请认真组织实施。\n")
    assert plan.title == "某市概念验证中心建设行动方案"


def test_units_a_lead_works_with_after_joining_verbs_and_a_lists_counted_collective():
    got = _resp("一、任务\n1.做好规划衔接。年内将由省食药监局牵头,会同省卫计委、农业厅、海洋渔业厅等有关部门"
                "做好衔接。\n")
    assert [deps for _, deps in got] == [[("省食药监局", "lead"), ("省卫计委", "support"), ("农业厅", "support"),
                                         ("海洋渔业厅", "support")]]
    got = _resp("一、任务\n1.做好工作。(市商务局牵头,会同市财政局、市税务局负责)\n")
    assert _names(got) == ["市商务局", "市财政局", "市税务局"]
    got = _resp("一、任务\n1.深入开展专项整治。(省安委办会同各有关部门分工负责)\n"
                "2.引导消费。(市财政局、市总工会等部门和14个乡镇人民政府负责)\n")
    assert [[name for name, _ in deps] for _, deps in got] == [["省安委办"],
                                                               ["市财政局", "市总工会", "14个乡镇人民政府"]]


def test_a_condition_or_a_places_duty_among_the_units_names_no_unit():
    got = _resp("一、任务\n(一)强化标准助推。(责任单位:标准化处、省药监局相关处室;若工作涉及多个处室的,"
                "列第一的为牵头责任处室,下同)\n")
    assert [deps for _, deps in got] == [[("标准化处", "lead"), ("省药监局相关处室", "support")]]
    got = _resp("一、任务\n1.压实责任。(牵头责任单位:县应急局,协同责任单位:县住建局;各镇(园区)落实属地管理责任)\n")
    assert _names(got) == ["县应急局", "县住建局", "各镇(园区)"]


def test_a_verb_that_describes_a_platform_may_end_in_a_stop_word():
    got = _platforms("一、基地\n入选基地分别是:湖南省邵阳市国家外贸转型升级基地、湖南省邵东县国家外贸转型升级基地。\n")
    assert got == ["湖南省邵阳市国家外贸转型升级基地", "湖南省邵东县国家外贸转型升级基地"]
    assert _platforms("一、任务\n推动产业转型升级基地建设。\n") == []


def test_a_goal_stated_as_the_share_of_a_set_that_reaches_a_state():
    got = _targets("一、目标\n到2025年,全省70%以上的可治理沙地得到治理;到2035年,全省75%以上的可治理沙地得到治理。\n"
                   "到2023年,90%以上的研发机构设立在企业、90%以上的研发人员集中在企业。\n")
    assert got == [("可治理沙地得到治理比例", 70.0, "%"), ("可治理沙地得到治理比例", 75.0, "%"),
                   ("研发机构设立在企业比例", 90.0, "%"), ("研发人员集中在企业比例", 90.0, "%")]
    # a class of firms a grant names, and a share already reached, are no goals
    assert _targets("一、政策\n2025年,对营业收入增长20%以上的企业给予奖励。\n") == []
    assert _targets("一、现状\n2025年,全市已有60%的村建成了卫生室。\n") == []


def test_levels_sharing_one_head_after_a_conjunction_are_one_collective_unit():
    got = _resp("二、主要任务\n(一)保障粮食安全。开展评估工作。"
                "(省农业农村厅、省气象局和市、县人民政府按职责分工负责)\n")
    assert _names(got) == ["省农业农村厅", "省气象局", "市、县人民政府"]


def test_hubs_and_gateway_ports_named_by_their_place_are_platforms():
    got = _platforms("一、任务\n重点建设南宁区域性国际航空物流枢纽,打造西部陆海新通道北部湾国际门户港。\n")
    assert "南宁区域性国际航空物流枢纽" in got
    assert _platforms("一、任务\n加快国家物流枢纽建设。\n") == []


def test_banks_listed_before_financial_institutions_are_firms_and_a_reporters_words_are_no_part_of_a_name():
    got = _firms("一、任务\n通过与农发行、中国银行、湖北银行等金融机构进行对接洽谈,计划融资29亿元。\n")
    assert got == ["农发行", "中国银行", "湖北银行"]
    assert _firms("一、任务\n引导金融租赁公司、汽车金融公司等金融机构参与。\n") == []
    assert "通城城发集团" in _firms("一、概况\n3月25日,记者从通城城发集团了解到,改革已完成30%。\n")


def test_joint_signers_on_one_line_before_the_date_and_a_signature_after_the_attachments_list():
    plan = _plan("关于建立协作配合工作机制的意见\n各县(市、区)统计局:\n现将意见印发给你们,请认真贯彻落实。 "
                 "台州市统计局 台州市审计局 2023年2月16日\n一、基本原则\n")
    assert (plan.issuers, plan.date) == (["台州市统计局", "台州市审计局"], "2023-02-16")
    plan = _plan("关于公布2023年县级农业龙头企业名单的通知\n各镇人民政府:\n经审查,确认4家企业为新认定县级龙头企业。\n"
                 "附件:1.海盐县2023年监测合格名单(共25家) 2.海盐县2023年新认定名单(共4家) 海盐县农业农村局 "
                 "海盐县财政局 2023年8月23日\n")
    assert (plan.issuers, plan.date) == (["海盐县农业农村局", "海盐县财政局"], "2023-08-23")
    plan = _plan("2019年湖北省农业农村厅工作要点\n现将工作要点印发给你们,请切实抓好落实。"
                 "(湖北省农业农村厅 2019年4月15日)\n")
    assert plan.issuers == ["湖北省农业农村厅"]


def test_a_notice_title_printed_again_with_its_issuers_whole_name():
    plan = _plan("首页 人才政策\n市政府关于做好就业创业工作的意见\n扶持力度\n沪府发〔2017〕76号\n"
                 "上海市人民政府关于做好就业创业工作的意见\n各区人民政府:\n就业是民生之本。\n")
    assert (plan.title, plan.issuers) == ("上海市人民政府关于做好就业创业工作的意见", ["上海市人民政府"])


def test_a_base_years_phrase_before_a_change_is_no_part_of_its_metric_nor_its_year():
    text = ("某某方案(2021-2025年)\n一、目标\n到2025年,总量控制在4亿吨以内,"
            "在2020年的基础上单位建筑面积能耗下降5%、碳排放下降7%。\n")
    got = [(t.metric, t.value, t.year) for t in extract_text(text).targets]
    assert ("单位建筑面积能耗下降", 5.0, 2025) in got and ("碳排放下降", 7.0, 2025) in got


def test_a_paragraph_numbered_in_words_that_names_its_lead_is_a_task():
    got = _resp("推进节水型社会创建\n\n一是明确责任。成立领导小组。\n\n四是强化监督。县农水局牵头,县直各有关单位配合,"
                "切实做好节水载体创建及考核验收工作。\n")
    assert got == [("强化监督。县", [("县农水局", "lead"), ("县直各有关单位", "support")])]


def test_tails_with_full_width_brackets_a_basis_after_a_unit_and_a_conjunction_after_a_town():
    got = _resp("一、任务\n1.实施创新平台提质增效工程。(市科技局,城乡一体化示范区管委会等相关县〔市、区〕政府)\n"
                "2.开展排查。(县环保局牵头,各园区办按照散乱污企业界定标准和责任分工配合)\n"
                "3.开展整治。(各乡镇和各村(社区)负责)\n")
    assert _names(got) == ["市科技局", "城乡一体化示范区管委会", "县环保局", "各园区办", "各乡镇", "各村(社区)"]


def test_what_pages_print_around_a_title_is_no_part_of_it():
    plan = _plan("不能读取语音阅读器\n上海市财政局政务公开工作规定\n文章来源:上海市财政局\n一、组织保障\n")
    assert plan.title == "上海市财政局政务公开工作规定"
    plan = _plan("正文复制\n县商务局1-8月份外贸工作情况汇报\n今年以来,我县外贸工作稳中有进。\n")
    assert plan.title == "县商务局1-8月份外贸工作情况汇报"
    plan = _plan("【保基本民生】宣城市民生工作领导小组办公室关于2024年实施47项民生实事的通知\n各县市区人民政府:\n"
                 "现将有关事项通知如下。\n")
    assert plan.title == "宣城市民生工作领导小组办公室关于2024年实施47项民生实事的通知"
    plan = _plan("首页>政务公开 > 政策解读\n解读:《南充市高坪区全民健身实施计划》\n时间:2022-12-26 18:00\n"
                 "一、计划出台背景\n")
    assert plan.title == "南充市高坪区全民健身实施计划"
    plan = _plan("《关于促进中医药传承创新发展的意见》重点任务分工方案印发\n来源:新华社\n近日,国务院办公厅印发方案。\n")
    assert plan.title == "《关于促进中医药传承创新发展的意见》重点任务分工方案"
