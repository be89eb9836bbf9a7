"""Rows read straight from model instances keep the merge rules, whether they come from models or
from the property maps the upsert API takes, and however many there are."""
from __future__ import annotations

from plankg.graph import rows
from plankg.ontology import model as m
from plankg.ontology.vocab import NodeLabel, RelType


def test_node_rows_merge_repeated_ids_like_property_maps():
    n = 2048 * 2 + 10
    plans = [m.Plan(id=f"plan-{i}", document_id=f"doc-{i}", title=f"规划{i}") for i in range(n)]
    # repeats after a slice boundary: a stub (fills gaps only), a later real row (wins where not null)
    plans += [m.Plan(id="plan-1", title="《规划一》", region="杭州市"),
              m.Plan(id="plan-1", document_id="doc-1", title="规划1（修订）", date="2021-06-01"),
              m.Plan(id="cited", title="《被引规划》")]
    got = rows.unique_node_rows(NodeLabel.PLAN, rows.node_rows(plans)[NodeLabel.PLAN])
    expected = rows.unique_node_rows(NodeLabel.PLAN, rows.node_rows_from_mappings(NodeLabel.PLAN,
                                                                                [p.properties() for p in plans]))
    assert sorted(got) == sorted(expected) and len(got) == n + 1
    plan_1 = dict(zip(rows.node_columns(NodeLabel.PLAN), next(r for r in got if r[0] == "plan-1"), strict=True))
    assert (plan_1["title"], plan_1["date"], plan_1["region"]) == ("规划1（修订）", "2021-06-01", "杭州市")


def test_relationship_rows_keep_the_last_assertion_per_pair():
    def responsible(task: int, role: str) -> m.Relationship:
        return m.Relationship(type=RelType.RESPONSIBLE_FOR, source_label=NodeLabel.DEPARTMENT, source="d1",
                              target_label=NodeLabel.TASK, target=f"task-{task}", document_id="doc-a", rule="r.v1",
                              role=role)

    n = 2048 + 5
    rels = [responsible(i, "lead") for i in range(n)] + [responsible(3, "support")]
    [read] = rows.relationship_rows(rels).values()
    got = rows.unique_relationship_rows(read)
    assert len(got) == n
    columns = dict(zip(rows.relationship_columns(RelType.RESPONSIBLE_FOR), map(list, zip(*got, strict=True)),
                       strict=True))
    assert columns["role"].count("support") == 1 and columns["target"].count("task-3") == 1
    assert columns["role"][columns["target"].index("task-3")] == "support"


def test_one_pass_reading_equals_grouping_then_reading():
    """A load reads rows in one pass over every label; it must give what grouping and reading each group give."""
    dept = m.Department(id="d1", name="杭州市科学技术局", jurisdiction="杭州市", aliases=["市科技局"])
    graphs = []
    for doc in ("a", "b"):
        task = m.Task(id=f"t-{doc}", document_id=doc, ref="1", text="做事", rule="r")
        plan = m.Plan(id=f"p-{doc}", document_id=doc, title=f"规划{doc}")
        rels = [m.Relationship(type=RelType.HAS_TASK, source_label=NodeLabel.PLAN, source=plan.id,
                               target_label=NodeLabel.TASK, target=task.id, document_id=doc, rule="r"),
                m.Relationship(type=RelType.RESPONSIBLE_FOR, source_label=NodeLabel.DEPARTMENT, source=dept.id,
                               target_label=NodeLabel.TASK, target=task.id, document_id=doc, rule="r",
                               role="lead", printed_name="市科技局")]
        graphs.append(m.DocumentGraph(document_id=doc, nodes=[task, dept, plan], relationships=rels))
    by_label = rows.node_rows(n for g in graphs for n in g.nodes)
    assert list(by_label) == [NodeLabel.PLAN, NodeLabel.TASK, NodeLabel.DEPARTMENT]  # vocabulary order
    grouped_nodes: dict = {}
    for node in (n for g in graphs for n in g.nodes):
        grouped_nodes.setdefault(node.label, []).append(node)
    assert by_label == {label: rows.node_rows(nodes)[label] for label, nodes in grouped_nodes.items()}
    assert by_label[NodeLabel.DEPARTMENT][0][-1] == ["市科技局"]
    by_group = rows.relationship_rows(r for g in graphs for r in g.relationships)
    grouped: dict = {}
    for rel in (r for g in graphs for r in g.relationships):
        grouped.setdefault((rel.type, rel.source_label, rel.target_label), []).append(rel)
    assert by_group == {key: rows.relationship_rows(rels)[key] for key, rels in grouped.items()}
    assert list(by_group) == [(RelType.HAS_TASK, NodeLabel.PLAN, NodeLabel.TASK),
                              (RelType.RESPONSIBLE_FOR, NodeLabel.DEPARTMENT, NodeLabel.TASK)]
