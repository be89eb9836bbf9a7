"""Rows built straight from model instances keep the merge rules of `merge_nodes`, also across
the slices they are read in."""
from __future__ import annotations

from plankg.graph import rows
from plankg.ontology import model as m
from plankg.ontology.vocab import NodeLabel, RelType


def test_node_rows_merge_repeated_ids_like_merge_nodes():
    n = rows._SLICE * 2 + 10
    plans = [m.Plan(id=f"plan-{i}", document_id=f"doc-{i}", title=f"规划{i}") for i in range(n)]
    # repeats after a slice boundary: a stub (fills gaps only), a later real row (wins where not null)
    plans += [m.Plan(id="plan-1", title="《规划一》", region="杭州市"),
              m.Plan(id="plan-1", document_id="doc-1", title="规划1（修订）", date="2021-06-01"),
              m.Plan(id="cited", title="《被引规划》")]
    got = rows.node_label_rows(NodeLabel.PLAN, plans)
    expected = [tuple(row[c] for c in rows.node_columns(NodeLabel.PLAN)) for row in rows.merge_nodes(NodeLabel.PLAN, plans)]
    assert sorted(got) == sorted(expected) and len(got) == n + 1
    plan_1 = dict(zip(rows.node_columns(NodeLabel.PLAN), next(r for r in got if r[0] == "plan-1")))
    assert (plan_1["title"], plan_1["date"], plan_1["region"]) == ("规划1（修订）", "2021-06-01", "杭州市")


def test_relationship_rows_keep_the_last_assertion_per_pair():
    def responsible(task: int, role: str) -> m.Relationship:
        return m.Relationship(type=RelType.RESPONSIBLE_FOR, source_label=NodeLabel.DEPARTMENT, source="d1",
                              target_label=NodeLabel.TASK, target=f"task-{task}", document_id="doc-a", rule="r.v1",
                              role=role)

    n = rows._SLICE + 5
    rels = [responsible(i, "lead") for i in range(n)] + [responsible(3, "support")]
    got = rows.relationship_group_rows(RelType.RESPONSIBLE_FOR, rels)
    assert len(got) == n
    columns = rows.relationship_group_columns(RelType.RESPONSIBLE_FOR, rels)
    assert columns["role"].count("support") == 1 and columns["target"].count("task-3") == 1
    assert columns["role"][columns["target"].index("task-3")] == "support"
