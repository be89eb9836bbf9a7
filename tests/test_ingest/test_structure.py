"""Structure parsing: numbering, headings vs items, TOC, appendices, repeats, tables."""
from __future__ import annotations

from plankg.ingest.structure import Block, DocContext, parse_structure


def _kinds(text):
    return [(b.kind, b.ref) for b in parse_structure(text).blocks]


def test_numbering_hierarchy_and_ascii_refs():
    s = parse_structure("一、任务\n（一）平台\n1．建设甲。推进。\n（1）子项。内容。\n①细项。内容。\n2、建设乙。推进。")
    assert [b.ref for b in s.blocks] == ["一", "一.(一)", "一.(一).1", "一.(一).1.(1)", "一.(一).1.(1).①", "一.(一).2"]


def test_heading_without_body_is_a_section_item_with_body_is_not():
    s = parse_structure("一、总体要求\n(一)指导思想。以创新为引领。\n(二)基本原则\n坚持创新。")
    assert [(b.kind, b.ref) for b in s.blocks] == [("heading", "一"), ("item", "一.(一)"), ("heading", "一.(二)"),
                                                    ("paragraph", "一.(二)")]
    assert [sec.ref for sec in s.sections] == ["一", "一.(二)"]


def test_fragment_starting_mid_list_nests_by_rank():
    s = parse_structure("2.乙项。内容。\n(六)保障\n1.甲项。内容。\n五、措施")
    assert [b.ref for b in s.blocks] == ["2", "(六)", "(六).1", "五"]


def test_table_of_contents_is_skipped():
    s = parse_structure("目    录\n一、发展基础……………01\n(一)平台…………02\n一、发展基础\n正文。")
    assert [b.kind for b in s.blocks] == ["heading", "paragraph"]
    assert [sec.ref for sec in s.sections] == ["一"]


def test_appendix_is_its_own_top_level_section():
    s = parse_structure("一、任务\n1.甲。乙。\n附件2\n项目清单\n序号 项目名称 建设单位\n1 甲项目 甲公司")
    assert s.sections[-1].ref == "附件2" and s.sections[-1].title == "项目清单"
    row = s.blocks[-1]
    assert row.kind == "table_row" and row.section == "附件2" and row.cells == ("1", "甲项目", "甲公司")
    assert row.header == ("序号", "项目名称", "建设单位")


def test_appendix_before_the_body_wraps_the_plan_not_a_section():
    s = parse_structure("关于印发《某方案》的通知\n附件\n某方案\n一、目标\n正文。")
    assert [sec.ref for sec in s.sections] == ["一"]


def test_repeated_document_is_parsed_once():
    body = "一、目标\n" + "到2025年建成示范区,形成一批标志性成果。" * 12 + "\n二、任务\n1.甲。内容很多。\n"
    s = parse_structure("通知\n" + body + "页脚\n" + body)
    assert [b.ref for b in s.blocks if b.kind != "paragraph"] == ["一", "二", "二.1"]
    assert len(s.duplicate_spans) == 1


def test_one_cell_per_line_table_rows():
    text = "序号\n指标名称\n单位\n目标值\n1\n研发投入\n亿元\n40\n2\n高新技术企业\n家\n1000\n三、保障"
    rows = [b for b in parse_structure(text).blocks if b.kind == "table_row"]
    assert [r.cells for r in rows] == [("1", "研发投入", "亿元", "40"), ("2", "高新技术企业", "家", "1000")]
    assert rows[0].header == ("序号", "指标名称", "单位", "目标值")


def test_spans_point_into_the_text():
    text = "  一、目标\n\n\u3000\u30001.建设。推进。\n"
    s = parse_structure(text)
    for b in s.blocks:
        assert text[b.start:b.end] == b.text


def test_block_and_context_are_frozen():
    b = Block("item", "1", None, 0, 1, "x")
    ctx = DocContext(region="湖州市", plan_year=2025, period=(2021, 2025), title="t")
    for obj, attr in ((b, "ref"), (ctx, "region")):
        try:
            setattr(obj, attr, "y")
        except AttributeError:
            continue
        raise AssertionError(f"{type(obj).__name__} is mutable")


def test_chapters_and_articles():
    s = parse_structure("第一章 总则\n第一条 为了规范管理,制定本办法。\n第二章 附则\n第二条 本办法自发布之日起施行。")
    assert [(b.kind, b.ref) for b in s.blocks] == [("heading", "第一章"), ("item", "第一章.第一条"),
                                                    ("heading", "第二章"), ("item", "第二章.第二条")]


def test_table_of_contents_without_leaders_is_skipped():
    s = parse_structure("目录\n一、发展基础\n二、主要任务\n一、发展基础\n正文。\n二、主要任务\n1.建设。内容。")
    assert [(b.kind, b.ref) for b in s.blocks] == [("heading", "一"), ("paragraph", "一"), ("heading", "二"),
                                                    ("item", "二.1")]


def test_a_sentence_ending_in_an_ellipsis_is_not_a_toc_line():
    s = parse_structure("一、任务\n加快建设平台、载体……\n二、保障")
    assert [b.kind for b in s.blocks] == ["heading", "paragraph", "heading"]


def test_one_sentence_item_is_an_item():
    s = parse_structure("一、任务\n1.建设丁。\n2.建设戊。")
    assert [b.kind for b in s.blocks] == ["heading", "item", "item"]
