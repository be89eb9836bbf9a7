"""The Neo4j adapter without a server: the `neo4j_double` fixture, built from the driver's own classes
with `create_autospec`, records the exact Cypher and parameters the adapter sends."""
from __future__ import annotations

import sys

import pytest

neo4j = pytest.importorskip("neo4j")

from plankg.errors import MissingDependencyError, QueryError, StoreError  # noqa: E402
from plankg.graph.schema import neo4j_ddl  # noqa: E402
from plankg.graph.store import open_store  # noqa: E402
from plankg.ontology import model as m  # noqa: E402
from plankg.ontology.vocab import NodeLabel, RelType  # noqa: E402


def _small_graph(doc: str = "doc-a") -> m.DocumentGraph:
    project = m.Project(id="project-1", document_id=doc, name="城西科创大走廊")
    builder = m.Enterprise(id="enterprise-1", name="联想")
    return m.DocumentGraph(document_id=doc, nodes=[project, builder], relationships=[
        m.Relationship(type=RelType.BUILT_BY, source_label=NodeLabel.PROJECT, source="project-1",
                       target_label=NodeLabel.ENTERPRISE, target="enterprise-1", document_id=doc, rule="r.v1",
                       printed_name="联想集团")])


def test_open_store_connects_with_env_auth_and_creates_constraints_first(neo4j_double, monkeypatch):
    monkeypatch.setenv("NEO4J_USERNAME", "planner")
    monkeypatch.setenv("NEO4J_PASSWORD", "secret")
    monkeypatch.setenv("NEO4J_DATABASE", "plans")
    store = open_store("neo4j+s://graph.example:7687")
    assert neo4j_double.driver_calls == [("neo4j+s://graph.example:7687", ("planner", "secret"), {})]
    neo4j_double.driver.verify_connectivity.assert_called_once_with()
    sent = neo4j_double.queries()
    assert [q for q, _, _ in sent] == neo4j_ddl()
    assert sent[0][0] == "CREATE CONSTRAINT plankg_document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE"
    assert all(kw == {"database_": "plans", "routing_": neo4j.RoutingControl.WRITE} for _, _, kw in sent)
    assert store.capabilities.dialect == "neo4j"
    store.close()
    neo4j_double.driver.close.assert_called_once_with()


def test_keyword_options_win_over_the_environment(neo4j_double, monkeypatch):
    monkeypatch.setenv("NEO4J_DATABASE", "plans")
    store = open_store("bolt://localhost:7687", username="u", password="p", database="other")
    assert neo4j_double.driver_calls[0][:2] == ("bolt://localhost:7687", ("u", "p"))
    assert neo4j_double.queries()[0][2]["database_"] == "other"
    assert store.database == "other"


def test_load_document_sends_exact_cypher_in_one_write_transaction(neo4j_double):
    store = open_store("neo4j://localhost:7687", password="pw")
    report = store.load_document(_small_graph())
    assert report.created == {"Project": 1, "Enterprise": 1} and not report.replaced
    neo4j_double.driver.session.assert_called_once_with(database="neo4j")
    assert neo4j_double.session.execute_write.call_count == 1
    # the document's own project cannot exist yet: created, as is its relationship; the shared
    # enterprise is merged, after the document's own nodes; every statement keeps its first plan
    # (replan=skip)
    assert neo4j_double.tx_statements() == [
        ("CYPHER replan=skip UNWIND $rows AS row\nCREATE (n:Project {id: row.id, document_id: row.document_id, "
         "name: row.name, field: row.field, span_start: row.span_start, span_end: row.span_end})",
         {"rows": [{"id": "project-1", "document_id": "doc-a", "name": "城西科创大走廊", "field": None,
                    "span_start": None, "span_end": None}]}),
        ("CYPHER replan=skip UNWIND $rows AS row\nMERGE (n:Enterprise {id: row.id})\n"
         "SET n.name = coalesce(row.name, n.name), "
         "n.jurisdiction = coalesce(row.jurisdiction, n.jurisdiction), n.aliases = coalesce(row.aliases, n.aliases)",
         {"rows": [{"id": "enterprise-1", "name": "联想", "jurisdiction": None, "aliases": []}]}),
        # each endpoint looked up once, in its list; a row holds their positions, then its values
        ("CYPHER replan=skip UNWIND range(0, size($sources) - 1) AS i\n"
         "OPTIONAL MATCH (a:Project {id: $sources[i]})\nWITH i, a ORDER BY i\nWITH collect([a]) AS sources\n"
         "UNWIND range(0, size($targets) - 1) AS j\nOPTIONAL MATCH (b:Enterprise {id: $targets[j]})\n"
         "WITH sources, j, b ORDER BY j\nWITH sources, collect([b]) AS targets\nUNWIND $rows AS row\n"
         "WITH sources[row[0]][0] AS a, targets[row[1]][0] AS b, row\nWHERE a IS NOT NULL AND b IS NOT NULL\n"
         "CREATE (a)-[e:BUILT_BY {document_id: row[2], rule: row[3], printed_name: row[4]}]->(b)"
         "\nRETURN count(e) AS n",
         {"sources": ["project-1"], "targets": ["enterprise-1"], "rows": [[0, 0, "doc-a", "r.v1", "联想集团"]]}),
    ]
    lookup = neo4j_double.queries()[-1]
    assert lookup == ("MATCH (d:Document) WHERE d.id IN $ids RETURN d.id AS id, d.sha256 AS sha, d.rule AS rule",
                      {"ids": ["doc-a"]},
                      {"database_": "neo4j", "routing_": neo4j.RoutingControl.READ})


def test_replacing_deletes_the_old_facts_first_in_the_same_transaction(neo4j_double):
    neo4j_double.loaded["doc-a"] = "old"
    store = open_store("neo4j://localhost:7687", password="pw")
    report = store.load_document(_small_graph(), sha256="new")
    assert report.replaced and report.updated == {"Project": 1, "Enterprise": 1}
    statements = neo4j_double.tx_statements()
    assert statements[0] == ("MATCH ()-[r:PUBLISHES]->() WHERE r.document_id = $doc DELETE r", {"doc": "doc-a"})
    delete_tasks = "MATCH (n:Task) WHERE n.document_id = $doc DETACH DELETE n RETURN count(n) AS n"
    assert (delete_tasks, {"doc": "doc-a"}) in statements
    assert ("MATCH (n:Department) WHERE NOT EXISTS { MATCH (n)--() } DELETE n RETURN count(n) AS n", {}) in statements
    demote = next(s for s, _ in statements if s.startswith("MATCH (n:Plan) WHERE n.document_id = $doc AND EXISTS"))
    # a demoted plan holds what a citation stub holds: its title, no issuers, nothing else
    assert demote == ("MATCH (n:Plan) WHERE n.document_id = $doc AND EXISTS { MATCH (n)--() } "
                      "SET n.document_id = null, "
                      "n.issuers = [], n.date = null, n.doc_number = null, n.period_start = null, n.period_end = null, "
                      "n.region = null, n.status = null")
    assert statements[-1][0].startswith("CYPHER replan=skip UNWIND range(0, size($sources) - 1) AS i\n"
                                        "OPTIONAL MATCH (a:Project")
    assert neo4j_double.session.execute_write.call_count == 1


def test_same_content_is_skipped_without_a_transaction(neo4j_double):
    neo4j_double.loaded["doc-a"] = "same"
    store = open_store("neo4j://localhost:7687", password="pw")
    report = store.load_document(_small_graph(), sha256="same")
    assert report.skipped and report.unchanged == {"Project": 1, "Enterprise": 1}
    neo4j_double.session.execute_write.assert_not_called()


def test_same_file_read_by_other_rules_is_loaded_again(neo4j_double):
    neo4j_double.loaded["doc-a"] = ("same", "plankg.rules.v0")
    store = open_store("neo4j://localhost:7687", password="pw")
    report = store.load_document(_small_graph(), sha256="same")  # its rules version is unknown: None
    assert report.replaced and not report.skipped
    assert neo4j_double.session.execute_write.call_count == 1


def test_missing_endpoint_fails_the_transaction_and_names_the_document(neo4j_double):
    neo4j_double.matched = 0
    store = open_store("neo4j://localhost:7687", password="pw")
    with pytest.raises(StoreError, match=r"loading document doc-a failed.*BUILT_BY relationships point at nodes"):
        store.load_document(_small_graph())


def test_rows_are_sent_in_batches_of_ten_thousand(neo4j_double):
    store = open_store("neo4j://localhost:7687", password="pw")
    rows = [{"id": f"enterprise-{i}", "name": f"企业{i}"} for i in range(25_000)]
    assert store.upsert_nodes(NodeLabel.ENTERPRISE, rows) == 25_000
    sizes = [len(params["rows"]) for _, params in neo4j_double.tx_statements()]
    assert sizes == [10_000, 10_000, 5_000]


def test_run_returns_plain_values(neo4j_double):
    graph = neo4j.graph.Graph()
    plan = neo4j.graph.Node(graph, "4:x:1", 1, ["Plan"], {"id": "plan-1", "title": "规划"})
    rel = graph.relationship_type("ISSUED_BY")(graph, "5:x:2", 2, {"document_id": "d", "rule": "r"})
    neo4j_double.driver.execute_query.side_effect = None
    neo4j_double.driver.execute_query.return_value = neo4j.EagerResult(
        records=[neo4j.Record({"p": plan, "r": rel, "date": neo4j.time.Date(2021, 6, 1), "n": 3})],
        summary=None, keys=[])
    store = open_store("neo4j://localhost:7687", password="pw")
    [row] = store.run("MATCH (p:Plan)-[r:ISSUED_BY]->() RETURN p, r, date('2021-06-01') AS date, 3 AS n")
    assert row["p"]["_label"] == "Plan" and row["p"]["title"] == "规划" and row["p"]["date"] is None
    assert row["r"] == {"_type": "ISSUED_BY", "document_id": "d", "rule": "r", "printed_name": None}
    assert row["date"] == "2021-06-01" and row["n"] == 3  # JSON values only: dates as ISO 8601 text


def test_unreachable_server_names_the_uri_and_how_to_check(neo4j_double):
    neo4j_double.driver.verify_connectivity.side_effect = neo4j.exceptions.ServiceUnavailable("Connection refused")
    with pytest.raises(StoreError) as info:
        open_store("bolt://db.example:7687", password="pw")
    assert "bolt://db.example:7687" in str(info.value) and "cypher-shell" in str(info.value)
    neo4j_double.driver.close.assert_called_once_with()


def test_refused_credentials_say_which_variables_to_set(neo4j_double):
    neo4j_double.driver.verify_connectivity.side_effect = neo4j.exceptions.AuthError("unauthorized")
    with pytest.raises(StoreError, match="NEO4J_PASSWORD"):
        open_store("neo4j://localhost:7687", password="wrong")


def test_server_errors_become_store_errors_naming_the_query(neo4j_double):
    neo4j_double.driver.execute_query.side_effect = None
    store = open_store("neo4j://localhost:7687", password="pw")
    neo4j_double.driver.execute_query.side_effect = neo4j.exceptions.CypherSyntaxError("Invalid input")
    with pytest.raises(StoreError, match=r"MATCH \(n RETURN n"):
        store.run("MATCH (n RETURN n")


def test_missing_driver_prints_the_pip_command(monkeypatch):
    monkeypatch.setitem(sys.modules, "neo4j", None)
    with pytest.raises(MissingDependencyError, match="pip install neo4j"):
        open_store("neo4j://localhost:7687")


def test_unknown_scheme_lists_the_known_ones():
    with pytest.raises(StoreError, match="ladybug:///PATH, neo4j://HOST:PORT"):
        open_store("postgres://localhost")


def test_citation_stubs_go_in_a_statement_that_only_fills_gaps(neo4j_double):
    store = open_store("neo4j://localhost:7687", password="pw")
    real = m.Plan(id="plan-1", document_id="doc-a", title="杭州市科技发展规划")
    stub = m.Plan(id="plan-2", title="浙江省科技发展规划")
    store.upsert_nodes(NodeLabel.PLAN, [real.properties(), stub.properties()])
    (first, first_params), (second, second_params) = neo4j_double.tx_statements()
    assert "n.title = coalesce(row.title, n.title)" in first and [r["id"] for r in first_params["rows"]] == ["plan-1"]
    assert "n.title = coalesce(n.title, row.title)" in second and [r["id"] for r in second_params["rows"]] == ["plan-2"]


def test_load_documents_can_collect_failures_and_go_on(neo4j_double):
    store = open_store("neo4j://localhost:7687", password="pw")
    neo4j_double.matched = 0  # every relationship MERGE finds no endpoints
    errors: list[StoreError] = []
    empty = m.DocumentGraph(document_id="doc-b", nodes=[m.Enterprise(id="enterprise-2", name="阿里巴巴")],
                            relationships=[])
    reports = store.load_documents([(_small_graph(), None), (empty, None)], errors=errors)
    assert [r.document_id for r in reports] == ["doc-b"]
    assert len(errors) == 1 and "doc-a" in str(errors[0])


# --- read-only stores: READ transactions, and EXPLAIN's query type decides what is a read -----------

def test_read_only_store_sends_no_schema_and_reads_in_read_transactions(neo4j_double):
    neo4j_double.records = [neo4j.Record({"n": 3})]
    store = open_store("neo4j://localhost:7687", password="pw", read_only=True)
    assert neo4j_double.queries() == []  # no constraints or indexes created by a reader
    assert store.run("MATCH (t:Task) RETURN count(t) AS n") == [{"n": 3}]
    neo4j_double.driver.session.assert_called_with(database="neo4j", default_access_mode=neo4j.READ_ACCESS)
    assert neo4j_double.session.execute_read.call_count == 1 and neo4j_double.session.execute_write.call_count == 0
    assert neo4j_double.tx_statements() == [("MATCH (t:Task) RETURN count(t) AS n", {})]
    with pytest.raises(StoreError, match="read-only"):
        store.load_document(_small_graph())
    assert neo4j_double.session.execute_write.call_count == 0


# what a Neo4j 5 server's EXPLAIN reports for the bypasses of the old keyword scan (issue 13)
WRITES = {
    "MATCH (n:Task) WITH n LIMIT 100000SET n.text = 'x'": "w",
    "MATCH (n:Task) WITH n AS `q`CREATE (:Task {id: 'injected'})": "rw",
    "MATCH (n:Task) WITH n, 1 AS `a\\`, 2 AS `b'` DETACH DELETE n": "w",
    "CREATE CONSTRAINT c IF NOT EXISTS FOR (n:Task) REQUIRE n.id IS UNIQUE": "s",
}


@pytest.mark.parametrize("cypher", list(WRITES))
def test_a_write_is_refused_by_the_query_type_the_server_reports(neo4j_double, cypher):
    neo4j_double.explain = lambda query: (WRITES[query], {"operatorType": "ProduceResults@neo4j", "children": []})
    store = open_store("neo4j://localhost:7687", password="pw", read_only=True)
    with pytest.raises(QueryError, match="not a read") as refused:
        store.check_read_only(cypher)
    assert "--write" in str(refused.value)
    assert neo4j_double.tx_statements() == [("EXPLAIN " + cypher, {})]  # explained, never run
    neo4j_double.driver.session.assert_called_with(database="neo4j", default_access_mode=neo4j.READ_ACCESS)


@pytest.mark.parametrize("cypher", ["LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
                                    "MATCH (n:Task) RETURN n.id AS `a\\`, 2 AS `b'`; "
                                    "LOAD CSV FROM 'file:///x' AS r RETURN r",
                                    "MATCH (n) WITH n LIMIT 1LOAD CSV FROM 'https://evil.example/x.csv' AS r RETURN r"])
def test_file_clauses_are_refused_before_the_server_sees_them(neo4j_double, cypher):
    store = open_store("neo4j://localhost:7687", password="pw", read_only=True)
    with pytest.raises(QueryError, match="LOAD"):
        store.check_read_only(cypher)
    assert neo4j_double.tx_statements() == []


@pytest.mark.parametrize("operator", ["LoadCSV@neo4j", "ProcedureCall@neo4j"])
def test_a_read_that_loads_files_or_calls_procedures_is_refused(neo4j_double, operator):
    # apoc.load.json is a read to the server (type "r") that fetches any URL or file
    neo4j_double.explain = lambda query: ("r", {"operatorType": "ProduceResults@neo4j", "children": [
        {"operatorType": operator, "children": []}]})
    store = open_store("neo4j://localhost:7687", password="pw", read_only=True)
    with pytest.raises(QueryError, match=operator.split("@")[0]):
        store.check_read_only("CALL apoc.load.json('file:///etc/passwd') YIELD value RETURN value")


def test_a_plain_read_passes_with_its_parameters(neo4j_double):
    store = open_store("neo4j://localhost:7687", password="pw", read_only=True)
    store.check_read_only("MATCH (t:Task) WHERE t.text CONTAINS $q RETURN t.text AS `set`", {"q": "CREATE"})
    assert neo4j_double.tx_statements() == [("EXPLAIN MATCH (t:Task) WHERE t.text CONTAINS $q RETURN t.text AS `set`",
                                             {"q": "CREATE"})]


def test_cli_query_without_write_never_opens_a_write_transaction(neo4j_double):
    from click.testing import CliRunner

    from plankg.cli import main

    neo4j_double.explain = lambda query: ("w", {"operatorType": "ProduceResults@neo4j", "children": []})
    result = CliRunner().invoke(main, ["query", "--cypher", "MATCH (n:Task) WITH n LIMIT 100000SET n.text = 'x'",
                                       "--store", "neo4j://localhost:7687"])
    assert result.exit_code == 2 and "--write" in result.output, result.output
    assert neo4j_double.session.execute_write.call_count == 0 and neo4j_double.queries() == []
    explained = [q for q, _ in neo4j_double.tx_statements()]
    assert explained == ["EXPLAIN MATCH (n:Task) WITH n LIMIT 100000SET n.text = 'x'"]
