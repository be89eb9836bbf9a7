"""The `store` fixture every contract test runs on: real LadybugDB in tmp_path always, and Neo4j
when NEO4J_URI names a server (its plankg labels are emptied before each test).

`plan_document` builds small but complete document graphs: a plan with sections, tasks, a
department shared between documents, a platform, a target and optional citations of other plans.
"""
from __future__ import annotations

from unittest.mock import create_autospec

import pytest

try:  # the driver's own classes specify the test double; without it only LadybugDB is tested
    import neo4j
except ImportError:
    neo4j = None

from plankg.ontology import model as m
from plankg.ontology.ids import content_id
from plankg.ontology.vocab import RelType

BACKENDS = ["ladybug", pytest.param("neo4j", marks=pytest.mark.neo4j)]


def _open_neo4j(uri: str, empty_neo4j):
    from plankg.graph.store import open_store

    store = open_store(uri)
    empty_neo4j(store)
    return store


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    if request.param == "ladybug":
        from plankg.graph.store import open_store

        opened = open_store(f"ladybug://{tmp_path / 'store.lbdb'}")
    else:
        opened = _open_neo4j(request.getfixturevalue("neo4j_uri"), request.getfixturevalue("empty_neo4j"))
    yield opened
    opened.close()


def plan_document(doc: str, title: str, *, tasks: int = 3, cites: tuple[str, ...] = (),
                  department: str = "杭州市科学技术局", text_suffix: str = "", date: str | None = "2021-06-01"
                  ) -> m.DocumentGraph:
    """One document's graph; ids derive from content, as ingest derives them."""
    rule = "test.v1"
    document = m.Document(id=doc, document_id=doc, name=f"{doc}.txt", path=f"data/{doc}.txt", sha256=f"sha-{doc}",
                          chars=1000, rule=rule)
    plan = m.Plan(id=content_id("Plan", title), document_id=doc, title=title, issuers=["杭州市人民政府"], date=date,
                  period_start=2021, period_end=2025, region="杭州市")
    dept = m.Department(id=content_id("Department", "杭州市", department), name=department, jurisdiction="杭州市",
                        kind="government")
    issuer = m.Department(id=content_id("Department", "杭州市", "杭州市人民政府"), name="杭州市人民政府",
                          jurisdiction="杭州市")
    section = m.Section(id=content_id("Section", doc, "一"), document_id=doc, ref="一", title="主要任务", depth=1,
                        span_start=0, span_end=10)
    platform = m.Platform(id=content_id("Platform", "之江实验室"), name="之江实验室", kind="lab")
    target = m.Target(id=content_id("Target", doc, "研发投入"), document_id=doc, text="研发投入强度达到3.5%",
                      metric="研发投入强度", value=3.5, unit="%", comparator=">=", year=2025, rule=rule)
    nodes: list[m.Node] = [document, plan, dept, issuer, section, platform, target]
    R = m.Relationship

    def rel(t: RelType, a: m.Node, b: m.Node, **props) -> m.Relationship:
        return R(type=t, source_label=a.label, source=a.id, target_label=b.label, target=b.id, document_id=doc,
                 rule=rule, **props)

    rels = [rel(RelType.PUBLISHES, document, plan), rel(RelType.ISSUED_BY, plan, issuer, printed_name="市政府"),
            rel(RelType.HAS_SECTION, plan, section), rel(RelType.SETS_TARGET, plan, target)]
    for i in range(tasks):
        task = m.Task(id=content_id("Task", doc, f"一.{i}"), document_id=doc, ref=f"一.{i}",
                      text=f"任务{i}{text_suffix}", rule=rule, span_start=i, span_end=i + 1)
        nodes.append(task)
        rels += [rel(RelType.HAS_TASK, section, task),
                 rel(RelType.RESPONSIBLE_FOR, dept, task, role="lead", printed_name="市科技局"),
                 rel(RelType.MENTIONS, task, platform, printed_name="之江实验室")]
    for cited_title in cites:
        cited = m.Plan(id=content_id("Plan", cited_title), title=cited_title)
        nodes.append(cited)
        rels.append(rel(RelType.REFERENCES, plan, cited, printed_title=f"《{cited_title}》"))
    return m.DocumentGraph(document_id=doc, nodes=nodes, relationships=rels)


@pytest.fixture
def make_document():
    """`plan_document`, for tests to build document graphs."""
    return plan_document


class DriverDouble:
    """An autospecced `neo4j.Driver` whose sessions run work functions on an autospecced
    `ManagedTransaction`; `loaded` answers the adapter's Document look-up: id -> sha256, or
    id -> (sha256, extraction rules version)."""

    def __init__(self, loaded: dict[str, str | tuple[str, str]] | None = None, matched: int | None = None):
        self.loaded = loaded or {}
        self.matched = matched  # what a relationship MERGE reports as merged (default: every row)
        # what the server's EXPLAIN reports for a query: (query type, plan); default a plain read
        self.explain = lambda query: ("r", {"operatorType": "ProduceResults@neo4j", "children": [
            {"operatorType": "NodeByLabelScan@neo4j", "children": []}]})
        self.records: list = []  # what a statement in a read transaction returns
        self.driver = create_autospec(neo4j.Driver, instance=True)
        self.session = create_autospec(neo4j.Session, instance=True)
        self.tx = create_autospec(neo4j.ManagedTransaction, instance=True)
        self.driver.session.return_value = self.session
        self.session.__enter__.return_value = self.session
        self.session.execute_write.side_effect = lambda work, *a, **k: work(self.tx, *a, **k)
        self.session.execute_read.side_effect = lambda work, *a, **k: work(self.tx, *a, **k)
        self.tx.run.side_effect = self._tx_run
        self.driver.execute_query.side_effect = self._execute_query

    def _tx_run(self, query, parameters=None, **kw):
        result = create_autospec(neo4j.Result, instance=True)
        rows = (parameters or {}).get("rows", [])
        result.single.return_value = neo4j.Record({"n": len(rows) if self.matched is None else self.matched})
        result.__iter__.return_value = iter(self.records)
        if query.startswith("EXPLAIN "):
            query_type, plan = self.explain(query[len("EXPLAIN "):])
            server = neo4j.ServerInfo(neo4j.Address(("localhost", 7687)), (5, 0))
            result.consume.return_value = neo4j.ResultSummary(
                server.address, had_key=True, had_record=False,
                metadata={"server": server, "type": query_type, "plan": plan})
        return result

    def _execute_query(self, query, parameters=None, **kw):
        if query.startswith("MATCH (d:Document) WHERE d.id IN $ids"):
            versions = {i: v if isinstance(v, tuple) else (v, None) for i, v in self.loaded.items()}
            records = [neo4j.Record({"id": i, "sha": versions[i][0], "rule": versions[i][1]})
                       for i in parameters["ids"] if i in versions]
        elif "count(" in query:
            records = [neo4j.Record({"n": 0})]
        else:
            records = []
        return neo4j.EagerResult(records=records, summary=None, keys=[])

    def queries(self) -> list[tuple[str, dict, dict]]:
        return [(c.args[0], c.args[1], c.kwargs) for c in self.driver.execute_query.call_args_list]

    def tx_statements(self) -> list[tuple[str, dict]]:
        return [(c.args[0], c.args[1]) for c in self.tx.run.call_args_list]


@pytest.fixture
def neo4j_double(monkeypatch):
    """`open_store('neo4j://...')` gets a `DriverDouble`'s driver instead of a connection."""
    if neo4j is None:
        pytest.skip("the neo4j driver is not installed: pip install neo4j")
    made = DriverDouble()
    calls = []

    def fake_driver(uri, *, auth=None, **config):
        calls.append((uri, auth, config))
        return made.driver

    monkeypatch.setattr(neo4j.GraphDatabase, "driver", fake_driver)
    made.driver_calls = calls
    return made
