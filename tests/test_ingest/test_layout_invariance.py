"""Layout invariance: one set of facts printed in every layout plans use gives the same (task, unit, role) set.

A renderer prints the same tasks, each with a lead unit and supporting units, as inline clauses (ASCII and
full-width, several bracket pairs), label lines (indented, with a person's key first), role phrases, tables
flattened one cell per line (with and without 序号, with person and deadline columns, bars closing cells, lone
bars between cells, header labels broken by spaces or over two lines), one row per line (bars, tabs), and a
document without any line break. Extraction goes through the pipeline (`extract_text`), the route users take.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plankg.ingest.pipeline import extract_text

BODIES = ("科技局", "财政局", "发改委", "经信局", "商务局", "教育局", "人社局", "住建局", "交通运输局", "农业农村局",
          "市场监管局", "生态环境局", "文广旅局", "卫健委", "应急管理局", "自然资源和规划局", "统计局", "税务局")
VERBS = ("加快推进", "深入实施", "大力发展", "持续优化", "全面提升", "积极培育", "统筹推进", "着力打造")
OBJECTS = ("科技创新平台建设", "数字经济核心产业", "营商环境改革", "高新技术企业培育", "现代物流体系", "人才引育工作",
           "农村公路提档升级", "公共服务设施", "重点产业链招商", "城市更新行动", "生态环境治理", "知识产权保护")
TITLE = "某市2024年重点工作任务分工方案"


@dataclass(frozen=True)
class Task:
    text: str  # one sentence, ending in 。
    lead: str
    support: tuple[str, ...]


def _units(n: int) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(BODIES), min_size=n, max_size=n, unique=True).map(lambda b: ["市" + x for x in b])


@st.composite
def task_sets(draw) -> tuple[Task, ...]:
    count = draw(st.integers(min_value=2, max_value=4))
    objects = draw(st.lists(st.sampled_from(OBJECTS), min_size=count, max_size=count, unique=True))
    tasks = []
    for obj in objects:
        verb = draw(st.sampled_from(VERBS))
        units = draw(_units(draw(st.integers(min_value=2, max_value=3))))
        tasks.append(Task(f"{verb}{obj},确保取得实效。", units[0], tuple(units[1:])))
    return tuple(tasks)


def _support(t: Task, sep: str = "、") -> str:
    return sep.join(t.support)


# --------------------------------------------------------------------------- the layouts

def inline_ascii(ts):
    return "\n".join(f"{i}.{t.text}(牵头单位:{t.lead};配合单位:{_support(t)})" for i, t in enumerate(ts, 1))


def inline_fullwidth(ts):
    return "\n".join(f"{i}．{t.text}（牵头单位：{t.lead}；配合单位：{_support(t)}）" for i, t in enumerate(ts, 1))


def inline_square(ts):
    return "\n".join(f"({i}){t.text}〔牵头单位:{t.lead};配合单位:{_support(t)}〕" for i, t in enumerate(ts, 1))


def inline_person_first(ts):
    return "\n".join(f"{i}.{t.text}(责任领导:张三;牵头单位:{t.lead};配合单位:{_support(t)})"
                     for i, t in enumerate(ts, 1))


def role_phrase(ts):
    return "\n".join(f"{i}.{t.text}({t.lead}牵头,{_support(t)}按职责分工负责)" for i, t in enumerate(ts, 1))


def label_lines(ts):
    return "\n".join(f"{i}.{t.text}\n牵头单位:{t.lead}\n配合单位:{_support(t)}" for i, t in enumerate(ts, 1))


def indented_label_lines(ts):
    return "\n\n".join(f"{i}. {t.text}\n\n    牵头负责领导:李四。\n\n    牵头责任单位:{t.lead}。\n\n"
                       f"    协同责任单位:{_support(t)}。" for i, t in enumerate(ts, 1))


def department_split(ts):
    return "\n".join(f"{i}.{t.text}\n分管领导:王五 部门分工:{t.lead}牵头,{_support(t)}配合。"
                     for i, t in enumerate(ts, 1))


def starred(ts):
    return "\n".join(f"{i}.{t.text}(责任单位:★{t.lead}、{_support(t)})" for i, t in enumerate(ts, 1))


def cells_numbered(ts):
    rows = "\n".join(f"{i}\n{t.text}\n{t.lead}\n{_support(t)}" for i, t in enumerate(ts, 1))
    return f"序号\n主要任务\n牵头单位\n配合单位\n{rows}"


def cells_person_deadline(ts):
    rows = "\n".join(f"{t.text}\n{t.lead}\n{_support(t)}\n张 三\n2024年底前" for t in ts)
    return f"主要工作任务\n牵头单位\n配合单位\n责任领导\n完成时限\n{rows}"


def cells_missing_person(ts):
    # A row may leave a cell out: the person column is empty in every second row.
    rows = "\n".join(f"{i}\n{t.text}\n{t.lead}\n{_support(t)}" + ("\n王五" if i % 2 else "")
                     for i, t in enumerate(ts, 1))
    return f"序号\n主要工作举措\n牵头单位\n配合单位\n责任领导\n{rows}"


def cells_units_over_lines(ts):
    rows = "\n".join(f"{i}\n{t.text}\n{t.lead}\n" + "\n".join(t.support) for i, t in enumerate(ts, 1))
    return f"序号\n重点任务\n牵头单位\n配合单位\n{rows}"


def cells_closing_bars(ts):
    rows = "\n".join(f"{i} |\n{t.text} |\n{t.lead} |\n{_support(t)} |\n||" for i, t in enumerate(ts, 1))
    return f"序号 |\n重点任务 |\n牵头 单位 |\n配合单位 |\n备注 |\n{rows}"


def cells_separator_bars(ts):
    rows = "\n".join(f"{i}\n|\n{t.text}\n|\n{t.lead}\n|\n{_support(t)}\n|" for i, t in enumerate(ts, 1))
    return f"序号\n|\n主要任务\n|\n牵头单位\n|\n配合单位\n|\n{rows}"


def cells_broken_header(ts):
    rows = "\n".join(f"{i}\n{t.text}\n{t.lead}\n{_support(t)}\n已完成" for i, t in enumerate(ts, 1))
    return f"序号\n主要\n任务\n牵头\n单位\n配合单位\n1-11月推进情况\n{rows}"


def cells_section_row(ts):
    rows = "\n".join(f"{i}\n{t.text}\n{t.lead}\n{_support(t)}" for i, t in enumerate(ts, 1))
    return f"序号\n主要任务\n牵头单位\n配合单位\n一、重点工作\n{rows}"


def bar_rows(ts):
    rows = "\n".join(f"{i} | {t.text} | {t.lead} | {_support(t)} |" for i, t in enumerate(ts, 1))
    return f"序号 | 主要任务 | 牵头单位 | 配合单位 |\n{rows}"


def tab_rows(ts):
    rows = "\n".join(f"{i}\t{t.text}\t{t.lead}\t{_support(t)}" for i, t in enumerate(ts, 1))
    return f"序号\t主要任务\t牵头单位\t配合单位\n{rows}"


def one_line(ts):
    # A page printed without line breaks is long: its structure comes from the numbering markers alone.
    preamble = "为深入贯彻落实有关部署,推动全市经济社会高质量发展,结合我市实际,制定本方案。" * 12
    items = " ".join(f"{i}.{t.text}(牵头单位:{t.lead};配合单位:{_support(t)})" for i, t in enumerate(ts, 1))
    return f"{preamble} 一、重点任务 {items} 二、保障措施 (一)加强组织领导。"


LAYOUTS: dict[str, Callable] = {f.__name__: f for f in (
    inline_ascii, inline_fullwidth, inline_square, inline_person_first, role_phrase, label_lines,
    indented_label_lines, department_split, starred, cells_numbered, cells_person_deadline, cells_missing_person,
    cells_units_over_lines, cells_closing_bars, cells_separator_bars, cells_broken_header, cells_section_row,
    bar_rows, tab_rows, one_line)}


def _document(layout: str, tasks) -> str:
    body = LAYOUTS[layout](tasks)
    return body if layout == "one_line" else f"{TITLE}\n一、重点任务\n{body}\n二、保障措施\n加强组织领导。"


def _facts(text: str) -> set[tuple[str, str, str]]:
    """(the task's first words, unit, role) for every responsibility the pipeline extracts."""
    out = set()
    for t in extract_text(text).tasks:
        words = unicodedata.normalize("NFKC", t.text)
        for d in t.departments:
            out.add((words.lstrip("0123456789.()、 ")[:8], d.name, d.role.value))
    return out


def _expected(tasks) -> set[tuple[str, str, str]]:
    out = set()
    for t in tasks:
        out.add((t.text[:8], t.lead, "lead"))
        out.update((t.text[:8], s, "support") for s in t.support)
    return out


@settings(max_examples=12, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(task_sets())
def test_every_layout_gives_the_same_responsibilities(tasks):
    expected = _expected(tasks)
    failed = {name: _facts(_document(name, tasks)) ^ expected for name in LAYOUTS}
    assert {name: diff for name, diff in failed.items() if diff} == {}


def test_the_suite_covers_the_layouts_of_the_issue():
    # ASCII and full-width punctuation, with and without 序号, person and deadline columns, with and without
    # line breaks, every flattening of a table: at least ten layouts.
    assert len(LAYOUTS) >= 10
    sample = (Task("加快推进园区建设。", "市发改委", ("市财政局", "市科技局")),
              Task("深入实施人才工程。", "市人社局", ("市教育局",)))
    assert _facts(_document("cells_numbered", sample)) == _expected(sample)


def space_rows(ts):
    # One row per line, cells separated by runs of spaces, a person's name spaced out, header words broken.
    rows = "\n".join(f"{i} {t.text} 张  三 {t.lead}   {_support(t)}" for i, t in enumerate(ts, 1))
    return f"序号 主要任务 牵头  领导 牵头   责任单位 配合   责任单位\n{rows}"


LAYOUTS[space_rows.__name__] = space_rows


# Layouts met in the tenth to twelfth rounds of real documents (session 8).

def key_cards(ts):
    # Each key on a line of its own above its value ("具体任务" / … / "牵头单位" / … / "配合单位" / …).
    return "\n".join(f"具体任务\n{t.text}\n牵头单位\n{t.lead}\n配合单位\n{_support(t)}\n完成时限\n12月底前" for t in ts)


def bar_rows_space_units(ts):
    # A bar table whose unit cell separates its units with spaces only.
    rows = "\n".join(f"{i} | {t.text} | {t.lead} | {_support(t, ' ')} |" for i, t in enumerate(ts, 1))
    return f"序号 | 主要任务 | 牵头单位 | 配合单位 |\n{rows}"


def glued_units(ts):
    # Units printed with nothing between them ("市商务局市财政局").
    return "\n".join(f"{i}.{t.text}(牵头单位:{t.lead};配合单位:{_support(t, '')})" for i, t in enumerate(ts, 1))


for _layout in (key_cards, bar_rows_space_units, glued_units):
    LAYOUTS[_layout.__name__] = _layout
