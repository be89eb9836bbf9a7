"""`plankg analyze` on a small graph whose answers are plain by hand, loaded into a real LadybugDB store.

Two plans. In plan 1 each pair of 甲局, 乙局, 丙局 shares two tasks, in plan 2 each pair of 丁局, 戊局,
己局 does, and 丙局 and 丁局 share one task: two groups and one bridge between them.
各区县 (a collective) is named on every task of plan 1. Platform 示范区 is mentioned in both plans,
实验室 only in plan 1, 孵化器 twice but only in plan 2.
"""
from __future__ import annotations

import csv
import re

import pytest
from click.testing import CliRunner

from plankg.cli import main
from plankg.ontology import model as m
from plankg.ontology.ids import content_id
from plankg.ontology.vocab import RelType
from plankg.workflow import analyze_store

GROUP_1, GROUP_2 = ("甲局", "乙局", "丙局"), ("丁局", "戊局", "己局")


def _plan(doc: str, title: str, tasks: list[tuple[tuple[str, ...], tuple[str, ...]]],
          collective: str | None = None) -> m.DocumentGraph:
    """One document: tasks as (departments, platforms mentioned); the first department leads."""
    rule = "test.v1"
    document = m.Document(id=doc, document_id=doc, name=f"{doc}.txt", path=f"plans/{doc}.txt", sha256=f"sha-{doc}",
                          chars=100, rule=rule)
    plan = m.Plan(id=content_id("Plan", title), document_id=doc, title=title)
    nodes: dict[str, m.Node] = {document.id: document, plan.id: plan}

    def rel(t: RelType, a: m.Node, b: m.Node, **props) -> m.Relationship:
        return m.Relationship(type=t, source_label=a.label, source=a.id, target_label=b.label, target=b.id,
                              document_id=doc, rule=rule, **props)

    rels = [rel(RelType.PUBLISHES, document, plan)]
    for i, (departments, platforms) in enumerate(tasks):
        task = m.Task(id=content_id("Task", doc, str(i)), document_id=doc, ref=str(i + 1), text=f"任务{i}",
                      rule=rule, span_start=10 * i, span_end=10 * i + 5)
        nodes[task.id] = task
        rels.append(rel(RelType.HAS_TASK, plan, task))
        owners = [*departments, *([collective] if collective else [])]
        for k, name in enumerate(owners):
            kind = "collective" if name == collective else "government"
            dept = m.Department(id=content_id("Department", "某市", name), name=name, jurisdiction="某市", kind=kind)
            nodes[dept.id] = dept
            rels.append(rel(RelType.RESPONSIBLE_FOR, dept, task, role="lead" if k == 0 else "support",
                            printed_name=name))
        for k, name in enumerate(platforms):
            platform = m.Platform(id=content_id("Platform", name), name=name, kind="high-tech zone")
            nodes[platform.id] = platform
            rels.append(rel(RelType.MENTIONS, task, platform, printed_name=name, span_start=10 * i + k,
                            span_end=10 * i + k + 1))
    return m.DocumentGraph(document_id=doc, nodes=list(nodes.values()), relationships=rels)


PLAN_1 = _plan("doc-1", "某市科技规划", [
    (("甲局", "乙局"), ("示范区",)), (("乙局", "丙局"), ("实验室",)), (("甲局", "丙局"), ()),
    (("甲局", "乙局", "丙局"), ()), (("丙局", "丁局"), ()),
], collective="各区县")
PLAN_2 = _plan("doc-2", "某市产业规划", [
    (("丁局", "戊局"), ("示范区",)), (("戊局", "己局"), ("孵化器",)), (("丁局", "己局"), ("孵化器",)),
    (("丁局", "戊局", "己局"), ()),
])


@pytest.fixture
def analysed(ladybug_store):
    ladybug_store.load_documents([(PLAN_1, "sha-doc-1"), (PLAN_2, "sha-doc-2")])
    return analyze_store(ladybug_store)


def test_the_bridge_departments_rank_first_and_carry_the_betweenness(analysed):
    ranking = [(c.department, c.tasks, c.partners, c.shared_tasks) for c in analysed.centrality]
    # each group: every pair shares 2 tasks (so 4 shared per member); 丙局 and 丁局 share one more
    assert ranking == [("丁局", 4, 3, 5), ("丙局", 4, 3, 5),
                       ("乙局", 3, 2, 4), ("己局", 3, 2, 4), ("戊局", 3, 2, 4), ("甲局", 3, 2, 4)]
    betweenness = {c.department: c.betweenness for c in analysed.centrality}
    assert betweenness["丙局"] == betweenness["丁局"] > 0
    assert all(betweenness[d] == 0 for d in ("甲局", "乙局", "戊局", "己局"))
    assert (analysed.departments, analysed.links) == (6, 7)


def test_the_two_groups_are_the_communities(analysed):
    assert {frozenset(c.departments) for c in analysed.communities} == {frozenset(GROUP_1), frozenset(GROUP_2)}
    assert [c.shared_tasks for c in analysed.communities] == [6, 6]
    assert analysed.modularity is not None and analysed.modularity > 0.3
    community = {c.department: c.community for c in analysed.centrality}
    assert community["甲局"] == community["丙局"] != community["丁局"] == community["己局"]


def test_only_a_platform_of_both_plans_bridges_them(analysed):
    assert [(b.platform, b.plans, b.mentions) for b in analysed.bridges] == [
        ("示范区", ("某市产业规划", "某市科技规划"), 2)]


def test_collectives_join_the_network_only_when_asked(ladybug_store):
    ladybug_store.load_documents([(PLAN_1, "sha-doc-1"), (PLAN_2, "sha-doc-2")])
    assert "各区县" not in {c.department for c in analyze_store(ladybug_store).centrality}
    with_collectives = analyze_store(ladybug_store, collectives=True)
    assert with_collectives.centrality[0].department == "各区县"  # it shares all five tasks of plan 1


def test_the_same_graph_gives_the_same_analysis(ladybug_store, analysed):
    assert analyze_store(ladybug_store) == analysed


def test_cli_prints_the_tables_and_writes_csv_and_an_offline_page(tmp_path, ladybug_store):
    ladybug_store.load_documents([(PLAN_1, "sha-doc-1"), (PLAN_2, "sha-doc-2")])
    url = ladybug_store.url
    ladybug_store.close()
    result = CliRunner().invoke(main, ["analyze", "--store", url, "--csv", str(tmp_path / "out"),
                                       "--html", str(tmp_path / "out" / "analysis.html"), "--top", "2"])
    assert result.exit_code == 0, result.output
    assert "6 个部门，7 对共同负责关系" in result.output and "示范区" in result.output
    assert "甲局" not in result.output.split("协作群")[0]  # --top 2: only 丁局 and 丙局 in the first table
    with (tmp_path / "out" / "centrality.csv").open(encoding="utf-8-sig") as f:
        assert [r["department"] for r in csv.DictReader(f)][:2] == ["丁局", "丙局"]
    assert (tmp_path / "out" / "communities.csv").is_file() and (tmp_path / "out" / "bridges.csv").is_file()
    page = (tmp_path / "out" / "analysis.html").read_text(encoding="utf-8")
    assert "某市产业规划" in page and "default-src 'none'" in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
