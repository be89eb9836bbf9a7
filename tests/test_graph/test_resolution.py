"""Entity resolution across documents (issue #16, item 2) on every backend: the cases of
tests/cases/resolution/pairs.json, each mention in a document of its own, assembled as ingest
assembles them and loaded into a real store; a case's two documents must reach one node (merge)
or two (apart), in whatever order they load, and each merge's MENTIONS say how it was made."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from plankg.graph.load import load_graphs
from plankg.ingest.assemble import to_document_graph
from plankg.ingest.contract import (
    DepartmentRef,
    DocumentInfo,
    EnterpriseOut,
    Extraction,
    PlanInfo,
    PlatformOut,
    TaskOut,
)
from plankg.ingest.departments import default_registry
from plankg.ingest.resolve import RULE

CASES = json.loads((Path(__file__).resolve().parents[1] / "cases" / "resolution" / "pairs.json")
                   .read_text(encoding="utf-8"))
PAIRS = [(kind, i, case) for kind in ("merge", "apart") for i, case in enumerate(CASES[kind])]


def _mention(doc: str, label: str, printed: str, region: str):
    """One document of a plan of `region` whose only task names `printed` (a platform, an enterprise
    or a responsible department), as the extraction contract states it."""
    text = f"推进{printed}建设。"
    span = (2, 2 + len(printed))
    task = TaskOut(ref="1", text=text, span=(0, len(text)))
    platforms, enterprises = [], []
    if label == "Platform":
        platforms.append(PlatformOut(name=printed, span=span, task_ref="1", rule="test.v1"))
    elif label == "Enterprise":
        enterprises.append(EnterpriseOut(name=printed, span=span, task_ref="1", rule="test.v1"))
    else:
        info = default_registry().resolve(printed, region)
        task = task.model_copy(update={"departments": [DepartmentRef(
            name=printed, canonical=info.canonical, jurisdiction=info.jurisdiction, kind=info.kind, span=span)]})
    sha = hashlib.sha256(doc.encode()).hexdigest()
    return to_document_graph(Extraction(
        document=DocumentInfo(id=doc, path=f"{doc}.txt", sha256=sha, chars=len(text)),
        plan=PlanInfo(title=f"{doc} {region}规划", region=region),
        tasks=[task], platforms=platforms, enterprises=enterprises, rules="test.v1"))


def _graphs():
    out = []
    for kind, i, case in PAIRS:
        for side in ("a", "b"):
            out.append(_mention(f"{kind}-{i}-{side}", *case[side]))
    return out


# the node each document's task reaches, whatever its label, with the MENTIONS that reach it
REACHED = ("MATCH (t:Task)-[r]-(n:Platform|Enterprise|Department) "
           "RETURN t.document_id AS doc, labels(n)[0] AS label, n.id AS id, n.name AS name, "
           "n.jurisdiction AS jurisdiction, n.aliases AS aliases, r.resolution AS resolution, "
           "r.printed_name AS printed ORDER BY doc")


def _reached(store) -> dict[str, dict]:
    return {row["doc"]: row for row in store.run(REACHED)}


def test_variants_merge_and_near_misses_stay_apart(store):
    load_graphs(store, _graphs())
    reached = _reached(store)
    wrong = []
    for kind, i, case in PAIRS:
        a, b = reached[f"{kind}-{i}-a"], reached[f"{kind}-{i}-b"]
        if (a["id"] == b["id"]) != (kind == "merge"):
            wrong.append(f"{kind}: {case['a'][1]} / {case['b'][1]} ({case['why']}): {a['name']} {a['id']}, "
                         f"{b['name']} {b['id']}")
    assert not wrong, "\n".join(wrong)


def test_every_merge_records_the_rule_and_its_evidence(store):
    load_graphs(store, _graphs())
    reached = _reached(store)
    for i, case in enumerate(CASES["merge"]):
        if case["a"][0] == "Department":
            continue  # a department's printed names are on RESPONSIBLE_FOR, resolved by the registry
        for side in ("a", "b"):
            row = reached[f"merge-{i}-{side}"]
            assert row["printed"] == case[side][1]
            assert row["resolution"].startswith(RULE + ": "), row
    # the evidence names what was read: the place and its region, the level word, the plan's region
    zone = reached[f"merge-{2}-a"]
    assert zone["resolution"] == f"{RULE}: place 杭州→杭州市; level 国家"
    corridor = (reached["merge-0-a"], reached["merge-0-b"])
    assert [r["resolution"] for r in corridor] == [f"{RULE}: place 杭州→杭州市", f"{RULE}: plan region 杭州市"]
    assert corridor[0]["name"] == "城西科创大走廊" and corridor[0]["jurisdiction"] == "杭州市"
    assert "杭州城西科创大走廊" in corridor[0]["aliases"]


def test_merged_nodes_are_the_same_in_any_load_order(store):
    graphs = _graphs()
    load_graphs(store, graphs)
    forward = store.run("MATCH (n:Platform|Enterprise) RETURN n.id AS id, n.name AS name, n.kind AS kind, "
                        "n.jurisdiction AS j, n.aliases AS aliases ORDER BY id")
    for graph in graphs:
        store.delete_document(graph.document_id)
    assert store.run("MATCH (n:Platform|Enterprise) RETURN count(n) AS n") == [{"n": 0}]
    load_graphs(store, list(reversed(graphs)))
    backward = store.run("MATCH (n:Platform|Enterprise) RETURN n.id AS id, n.name AS name, n.kind AS kind, "
                         "n.jurisdiction AS j, n.aliases AS aliases ORDER BY id")
    assert backward == forward


@pytest.mark.parametrize("label", ["Platform", "Enterprise"])
def test_a_node_id_is_a_function_of_its_key(label):
    a = _mention("x-a", label, "杭州数据集团有限公司" if label == "Enterprise" else "杭州江南科学城", "杭州市")
    b = _mention("x-b", label, "杭州市数据集团有限公司" if label == "Enterprise" else "江南科学城", "杭州市")
    node_a = next(n for n in a.nodes if n.label.value == label)
    node_b = next(n for n in b.nodes if n.label.value == label)
    assert node_a == node_b  # same id, name, jurisdiction and aliases from either document
