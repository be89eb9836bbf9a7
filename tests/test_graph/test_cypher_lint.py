"""Every Cypher string the Neo4j backend sends, and every query pack file, passes Neo4j's own
parser and semantic checks (tools/cypher-lint), with the ontology as the database schema. The
session's one linter (`cypher_linter`, tests/conftest.py) lints them."""
from __future__ import annotations

from pathlib import Path

import pytest

from plankg.graph import cypher_lint
from plankg.graph.store import open_store
from plankg.ontology import model as m
from plankg.ontology.vocab import DOCUMENT_OWNED, REL_ENDPOINTS, NodeLabel

PACKS = Path(__file__).resolve().parents[2] / "queries" / "packs"
PROBES = [{"name": "typo", "query": "MATCH (n:Plna) RETURN n.title AS t"},
          {"name": "broken", "query": "MATCH (n:Plan RETURN n"}]


def _every_label_and_pair() -> m.DocumentGraph:
    """A document with one node per label, a citation stub, and one relationship per endpoint pair."""
    doc = "doc-lint"
    required = {"Document": dict(name="n", path="p", sha256="s", chars=1), "Section": dict(ref="1", depth=1),
                "Task": dict(ref="1", text="t", rule="r"), "Department": dict(name="n"), "Platform": dict(name="n"),
                "Enterprise": dict(name="n"), "Project": dict(name="n"), "Target": dict(text="t", metric="m", rule="r"),
                "Plan": {}}
    nodes = [m.NODE_CLASSES[label](id=f"{label.value.lower()}-1", **required[label.value],
                                   **({"document_id": doc} if label in DOCUMENT_OWNED else {}))
             for label in NodeLabel]
    nodes.append(m.Plan(id="plan-cited", title="被引规划"))
    rels = [m.Relationship(type=rel, source_label=s, source=f"{s.value.lower()}-1", target_label=t,
                           target=("plan-cited" if (s, t) == (NodeLabel.PLAN, NodeLabel.PLAN)
                                   else f"{t.value.lower()}-1"),
                           document_id=doc, rule="r")
            for rel, pairs in REL_ENDPOINTS.items() for s, t in pairs]
    return m.DocumentGraph(document_id=doc, nodes=nodes, relationships=rels)


def _neo4j_backend_cypher(double) -> list[dict[str, str]]:
    double.loaded["doc-lint"] = "old"  # a replacement, so the delete statements are sent too
    store = open_store("neo4j://localhost:7687", password="pw")
    store.load_document(_every_label_and_pair(), sha256="new")
    store.delete_document("doc-lint")
    store.counts()
    sent = [q for q, _, _ in double.queries()] + [q for q, _ in double.tx_statements()]
    unique = list(dict.fromkeys(sent))
    return [{"name": f"neo4j backend #{i}", "query": q} for i, q in enumerate(unique)]


def test_the_neo4j_backend_sends_only_clean_cypher(neo4j_double, cypher_linter):
    queries = _neo4j_backend_cypher(neo4j_double)
    assert len(queries) > 40  # ddl, merges per label and pair, deletes, counts
    diagnostics = cypher_linter.lint(queries, strict=True)
    assert not diagnostics, "\n".join(f"{d}\n  {queries[int(d.name.split('#')[1])]['query']}" for d in diagnostics)


@pytest.mark.lints(build=lambda: PROBES)
def test_the_linter_catches_errors_and_unknown_labels(cypher_linter):
    diagnostics = cypher_linter.lint(PROBES)
    assert {(d.name, d.severity) for d in diagnostics} >= {("typo", "warning"), ("broken", "error")}


@pytest.mark.lints(build=lambda: cypher_lint.pack_queries(PACKS))
def test_query_packs_pass_the_neo4j_parser(cypher_linter):
    queries = cypher_lint.pack_queries(PACKS)
    if not queries:
        pytest.skip(f"no Neo4j query pack files under {PACKS}")
    errors = [d for d in cypher_linter.lint(queries) if d.severity == "error"]
    assert not errors, "\n".join(map(str, errors))
