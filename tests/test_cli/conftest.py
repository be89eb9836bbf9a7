"""A small real LadybugDB store for CLI tests, and a fingerprint that tells whether a store changed.

The store holds two documents; a task text and a department name start with formula characters
(`=`, `-`), so CSV output is tested against them.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from plankg.ontology import model as m
from plankg.ontology.ids import content_id
from plankg.ontology.vocab import RelType

FORMULA_TASK = '=HYPERLINK("http://evil.example","点击")'
FORMULA_DEPARTMENT = "-杭州市数据资源管理局"


def document_graph(doc: str, title: str, task_texts: list[str], department: str,
                   path: str | None = None) -> m.DocumentGraph:
    rule = "test.v1"
    path = path or f"plans/{doc}.txt"
    document = m.Document(id=doc, document_id=doc, name=Path(path).name, path=path, sha256=f"sha-{doc}",
                          chars=1000, rule=rule)
    plan = m.Plan(id=content_id("Plan", title), document_id=doc, title=title, issuers=["杭州市人民政府"],
                  date="2021-06-01", region="杭州市")
    dept = m.Department(id=content_id("Department", "杭州市", department), name=department, jurisdiction="杭州市")
    section = m.Section(id=content_id("Section", doc, "一"), document_id=doc, ref="一", title="主要任务", depth=1,
                        span_start=0, span_end=10)
    nodes: list[m.Node] = [document, plan, dept, section]

    def rel(t: RelType, a: m.Node, b: m.Node, **props) -> m.Relationship:
        return m.Relationship(type=t, source_label=a.label, source=a.id, target_label=b.label, target=b.id,
                              document_id=doc, rule=rule, **props)

    rels = [rel(RelType.PUBLISHES, document, plan), rel(RelType.HAS_SECTION, plan, section)]
    for i, text in enumerate(task_texts):
        task = m.Task(id=content_id("Task", doc, f"一.{i}"), document_id=doc, ref=f"一.{i}", text=text, rule=rule,
                      span_start=100 * i, span_end=100 * i + 50)
        nodes.append(task)
        rels += [rel(RelType.HAS_TASK, section, task),
                 rel(RelType.RESPONSIBLE_FOR, dept, task, role="lead", printed_name=department)]
    return m.DocumentGraph(document_id=doc, nodes=nodes, relationships=rels)


def build_store(path: Path) -> str:
    """A store at `path` with two documents; returns its URL."""
    from plankg.graph.store import open_store

    url = f"ladybug://{path}"
    store = open_store(url)
    try:
        store.load_documents([
            (document_graph("doc-a", "杭州市科技创新规划", ["建设城西科创大走廊", FORMULA_TASK, "培育高新技术企业"],
                            "杭州市科学技术局"), "sha-a"),
            (document_graph("doc-b", "杭州市数字经济规划", ["建设数据中心"], FORMULA_DEPARTMENT), "sha-b"),
        ])
    finally:
        store.close()
    return url


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file under `folder` (the store and the files beside it) by its bytes' sha256."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def plan_store(tmp_path) -> str:
    """A fresh store for one test: its URL (the store file is tmp_path/store/plans.lbdb)."""
    (tmp_path / "store").mkdir()
    return build_store(tmp_path / "store" / "plans.lbdb")


def query_rows(store: str, query: str, /, **params) -> list[dict]:
    """`plankg query QUERY --format json` on `store` with `params` as --param key=value: the rows."""
    import json

    from click.testing import CliRunner

    from plankg.cli import main

    args = ["query", query, "--format", "json", "--store", store]
    for key, value in params.items():
        args += ["--param", f"{key}={value}"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)
