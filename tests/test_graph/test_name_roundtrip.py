"""Property (issue 13): any name loaded into a store comes back unchanged, looked up by id and
found by the name search pack (`find_entity`) with the name itself as the fragment: no encoding,
escaping or normalising on the way in or out changes it."""
from __future__ import annotations

import hashlib

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from plankg.graph.load import load_graphs
from plankg.ontology import model as m
from plankg.ontology.ids import content_id
from plankg.ontology.vocab import RelType

# Names as documents print them, and the characters that break quoting, escaping and CSV.
_NAME = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40),
    st.lists(st.sampled_from(["杭州市", "科技局", "（滨江）", "'", '"', "`", "\\", "$q", "%", "_", "=", "\n", "\t",
                              " ", "\u3000", "￣", "é", "😀", "{}", "[]", "//", "/*"]), min_size=1).map("".join),
).filter(lambda name: name.strip())


def _graph(names: list[str]) -> m.DocumentGraph:
    doc_id = f"document-{hashlib.sha256(repr(names).encode()).hexdigest()[:16]}"
    doc = m.Document(id=doc_id, document_id=doc_id, name=names[0], path=names[0], sha256="0" * 64, chars=1)
    plan = m.Plan(id=content_id("Plan", "untitled", doc_id), document_id=doc_id, title=names[0])
    nodes: dict[str, m.Node] = {doc.id: doc, plan.id: plan}
    rels = [m.Relationship(type=RelType.PUBLISHES, source_label=doc.label, source=doc.id, target_label=plan.label,
                           target=plan.id, document_id=doc_id, rule="test.v1")]
    for name in names:
        for node in (m.Enterprise(id=f"enterprise-{hashlib.sha256(name.encode()).hexdigest()[:16]}", name=name),
                     m.Platform(id=f"platform-{hashlib.sha256(name.encode()).hexdigest()[:16]}", name=name)):
            if node.id not in nodes:
                nodes[node.id] = node
                rels.append(m.Relationship(type=RelType.MENTIONS, source_label=plan.label, source=plan.id,
                                           target_label=node.label, target=node.id, document_id=doc_id,
                                           rule="test.v1", printed_name=name))
    return m.DocumentGraph(document_id=doc_id, nodes=list(nodes.values()), relationships=rels)


def test_names_come_back_unchanged_from_load_and_query(store):
    from plankg.queries.loader import run_query

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.lists(_NAME, min_size=1, max_size=4, unique=True))
    @example(["￣", "a￣"])
    @example(["=cmd|'/C calc'!A0", "杭州市'科技局\\", 'x"; DROP'])
    def check(names: list[str]) -> None:
        graph = _graph(names)
        load_graphs(store, [graph])
        for node in graph.nodes:
            label = node.label.value
            key = "title" if label == "Plan" else "name"
            rows = store.run(f"MATCH (n:{label}) WHERE n.id = $id RETURN n.{key} AS name", {"id": node.id})
            assert rows == [{"name": getattr(node, key)}], (label, node.id)
        for name in names:
            found = {(row["type"], row["id"]): row["name"] for row in run_query(store, "find_entity", {"q": name})}
            for node in graph.nodes:
                if node.label.value in ("Enterprise", "Platform") and node.name == name:
                    assert found.get((node.label.value, node.id)) == name

    check()
