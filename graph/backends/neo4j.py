"""The Neo4j store, through the official `neo4j` driver: the only module that imports it, lazily.

Single statements go through `Driver.execute_query` and a load through write transactions, with
the database always named. A load deletes its documents' old facts and writes the new ones in
one transaction, so a failure rolls all of it back: several documents, up to about 10k rows,
share a transaction and its `UNWIND` batches (each commit costs a log flush, which one document
of a few hundred rows would otherwise pay alone), and each transaction's statements run while the
one before commits (`Neo4jStore._write_pipelined`); a transaction that fails is loaded again one
document per managed transaction (`Session.execute_write`, retried by the driver on transient
errors), to keep the others and name the failing one. What cannot exist yet (a document's own
nodes, their relationships) is created, the rest merged by id. Labels and types come only from
the ontology enums; values travel only as parameters, in `UNWIND $rows` batches.

Installing the `rust` extra (`pip install "plankg[rust]"`, the `neo4j-rust-ext` package) swaps
the driver's packstream encoder for a compiled one; nothing else changes.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from plankg.errors import MissingDependencyError, QueryError, StoreError
from plankg.graph.cypher_tokens import file_clauses
from plankg.graph.load import batches
from plankg.graph.rows import (
    Row,
    demoted_plan_properties,
    is_stub,
    node_columns,
    node_rows,
    node_rows_from_mappings,
    relationship_rows,
    relationship_rows_from_mappings,
    unique_node_rows,
    unique_relationship_rows,
)
from plankg.graph.schema import neo4j_ddl
from plankg.graph.store import (
    LOADED_VERSIONS,
    Capabilities,
    LoadReport,
    is_loaded,
    loaded_versions,
    plain_node,
    plain_relationship,
    plain_value,
)
from plankg.ontology.model import DocumentGraph
from plankg.ontology.vocab import DOCUMENT_OWNED, REL_ENDPOINTS, REL_PROPERTIES, SHARED, NodeLabel, RelType

# Rows per UNWIND statement and per write transaction; a load hands the store PIPELINE times as
# many per call (`max_batch_rows`), written as that many transactions, each run while the one
# before commits (`Neo4jStore._write_pipelined`).
STATEMENT_ROWS = 10_000
PIPELINE = 4
CAPABILITIES = Capabilities(name="Neo4j", dialect="neo4j", transactions=True, bulk_copy=False,
                            batch_documents=True, max_batch_rows=PIPELINE * STATEMENT_ROWS)

_CHECK = ("check the server is running and reachable, e.g. `cypher-shell -a {uri} \"RETURN 1\"` or "
          "http://HOST:7474 in a browser, and that the scheme and port are right (bolt:// and neo4j:// use 7687)")


def _driver_module():
    try:
        import neo4j
    except ImportError:
        raise MissingDependencyError("neo4j", "the Neo4j store") from None
    return neo4j


def packstream_implementation() -> str:
    """'rust' when neo4j-rust-ext replaces the driver's encoder, else 'python'."""
    _driver_module()
    from neo4j._codec.packstream import v1  # the driver's private codec: only here, to report and measure it

    return "rust" if getattr(v1, "_rust_pack", None) else "python"


def parameter_rows(columns: Sequence[str], rows: Iterable[Row]) -> list[dict[str, Any]]:
    """Rows (`plankg.graph.rows`) as the maps an `UNWIND $rows AS row` statement reads.

    >>> parameter_rows(("id", "name"), [("e1", "联想")])
    [{'id': 'e1', 'name': '联想'}]
    """
    return [dict(zip(columns, row, strict=True)) for row in rows]


def relationship_parameters(rows: Sequence[Row]) -> dict[str, list[Any]]:
    """One relationship statement's parameters (`relationship_create_cypher`): each endpoint id
    once, in `sources` and `targets`, and per row the positions of its endpoints in those lists,
    then its properties in `relationship_columns` order. The server looks each node up once per
    statement, not once per row (a department or a section is the endpoint of many), and reads
    values by position instead of by key.

    >>> relationship_parameters([("d1", "t1", "lead"), ("d1", "t2", None)])
    {'sources': ['d1'], 'targets': ['t1', 't2'], 'rows': [[0, 0, 'lead'], [0, 1, None]]}
    """
    sources: dict[str, int] = {}
    targets: dict[str, int] = {}
    out = [[sources.setdefault(row[0], len(sources)), targets.setdefault(row[1], len(targets)), *row[2:]]
           for row in rows]
    return {"sources": list(sources), "targets": list(targets), "rows": out}


def encode_parameters(parameters: Mapping[str, Any]) -> int:
    """Encode a statement's parameters with the driver's packstream encoder, as they would be
    on the wire; returns the byte count (the benchmark's client-side measure)."""
    _driver_module()
    from neo4j._codec.packstream import v1

    buffer = v1.PackableBuffer()
    v1.Packer(buffer).pack(dict(parameters))
    return len(buffer.data)


# --- Cypher, built only from ontology enums -------------------------------------------------
def node_merge_cypher(label: NodeLabel, *, stub: bool = False) -> str:
    """MERGE one label's rows by id; null values never overwrite known ones, and a citation stub
    only fills properties still unset.

    >>> print(node_merge_cypher(NodeLabel.ENTERPRISE).replace("), n.", "),\\n    n."))
    UNWIND $rows AS row
    MERGE (n:Enterprise {id: row.id})
    SET n.name = coalesce(row.name, n.name),
        n.jurisdiction = coalesce(row.jurisdiction, n.jurisdiction),
        n.aliases = coalesce(row.aliases, n.aliases)
    >>> node_merge_cypher(NodeLabel.PLAN, stub=True).splitlines()[2][:44]
    'SET n.document_id = coalesce(n.document_id, '
    """
    props = [p for p in node_columns(label) if p != "id"]
    sets = ", ".join(f"n.{p} = coalesce(n.{p}, row.{p})" if stub else f"n.{p} = coalesce(row.{p}, n.{p})"
                     for p in props)
    return f"UNWIND $rows AS row\nMERGE (n:{label.value} {{id: row.id}})" + (f"\nSET {sets}" if sets else "")


def node_create_cypher(label: NodeLabel) -> str:
    """CREATE one label's rows, known to be new (see `Neo4jStore._write_graphs`); a null value
    sets no property, as `coalesce(row.p, n.p)` on a new node sets none.

    >>> print(node_create_cypher(NodeLabel.ENTERPRISE))
    UNWIND $rows AS row
    CREATE (n:Enterprise {id: row.id, name: row.name, jurisdiction: row.jurisdiction, aliases: row.aliases})
    """
    props = ", ".join(f"{p}: row.{p}" for p in node_columns(label))
    return f"UNWIND $rows AS row\nCREATE (n:{label.value} {{{props}}})"


def _endpoints_cypher(source: NodeLabel, target: NodeLabel) -> str:
    """The opening of a relationship statement (`relationship_parameters`): each endpoint looked
    up once by id, in the order of `$sources` and `$targets` (a missing one as null, so the
    positions hold), then per row its endpoints `a` and `b`, rows with a missing one left out
    (the statement's count shows them)."""
    return ("UNWIND range(0, size($sources) - 1) AS i\n"
            f"OPTIONAL MATCH (a:{source.value} {{id: $sources[i]}})\n"
            "WITH i, a ORDER BY i\n"
            "WITH collect([a]) AS sources\n"
            "UNWIND range(0, size($targets) - 1) AS j\n"
            f"OPTIONAL MATCH (b:{target.value} {{id: $targets[j]}})\n"
            "WITH sources, j, b ORDER BY j\n"
            "WITH sources, collect([b]) AS targets\n"
            "UNWIND $rows AS row\n"
            "WITH sources[row[0]][0] AS a, targets[row[1]][0] AS b, row\n"
            "WHERE a IS NOT NULL AND b IS NOT NULL\n")


def _row_values(rel: RelType) -> list[tuple[str, str]]:
    """(property, the row element holding it): after the two endpoint positions, in
    `relationship_columns` order."""
    return [(p, f"row[{i}]") for i, p in enumerate(REL_PROPERTIES[rel], start=2)]


def relationship_create_cypher(rel: RelType, source: NodeLabel, target: NodeLabel) -> str:
    """CREATE one group's rows (`relationship_parameters`), each touching a node created in the
    same transaction (which has no relationship yet, so there is nothing to merge with), and
    count them.

    >>> print(relationship_create_cypher(RelType.BUILT_BY, NodeLabel.PROJECT, NodeLabel.ENTERPRISE))
    UNWIND range(0, size($sources) - 1) AS i
    OPTIONAL MATCH (a:Project {id: $sources[i]})
    WITH i, a ORDER BY i
    WITH collect([a]) AS sources
    UNWIND range(0, size($targets) - 1) AS j
    OPTIONAL MATCH (b:Enterprise {id: $targets[j]})
    WITH sources, j, b ORDER BY j
    WITH sources, collect([b]) AS targets
    UNWIND $rows AS row
    WITH sources[row[0]][0] AS a, targets[row[1]][0] AS b, row
    WHERE a IS NOT NULL AND b IS NOT NULL
    CREATE (a)-[e:BUILT_BY {document_id: row[2], rule: row[3], printed_name: row[4]}]->(b)
    RETURN count(e) AS n
    """
    props = ", ".join(f"{p}: {value}" for p, value in _row_values(rel))
    return _endpoints_cypher(source, target) + f"CREATE (a)-[e:{rel.value} {{{props}}}]->(b)\nRETURN count(e) AS n"


def relationship_merge_cypher(rel: RelType, source: NodeLabel, target: NodeLabel) -> str:
    """MERGE one relationship per (source, target) of one group's rows (`relationship_parameters`)
    and count them, so missing endpoints show.

    >>> cypher = relationship_merge_cypher(RelType.BUILT_BY, NodeLabel.PROJECT, NodeLabel.ENTERPRISE)
    >>> print("\\n".join(cypher.splitlines()[-3:]))
    MERGE (a)-[e:BUILT_BY]->(b)
    SET e.document_id = row[2], e.rule = row[3], e.printed_name = row[4]
    RETURN count(e) AS n
    """
    sets = ", ".join(f"e.{p} = {value}" for p, value in _row_values(rel))
    return (_endpoints_cypher(source, target)
            + f"MERGE (a)-[e:{rel.value}]->(b)\nSET {sets}\nRETURN count(e) AS n")


def delete_document_cypher() -> list[str]:
    """The statements that remove one document's facts (parameter `$doc`), in order: its
    relationships; its plan demoted to a stub where other documents still cite it; its nodes;
    then shared nodes and stubs nothing uses any more.

    >>> delete_document_cypher()[0]
    'MATCH ()-[r:PUBLISHES]->() WHERE r.document_id = $doc DELETE r'
    """
    out = [f"MATCH ()-[r:{rel.value}]->() WHERE r.document_id = $doc DELETE r" for rel in RelType]
    demote = ", ".join(f"n.{p} = {'[]' if v == [] else 'null'}" for p, v in demoted_plan_properties().items())
    out.append(f"MATCH (n:Plan) WHERE n.document_id = $doc AND EXISTS {{ MATCH (n)--() }} SET {demote}")
    out += [f"MATCH (n:{label.value}) WHERE n.document_id = $doc DETACH DELETE n RETURN count(n) AS n"
            for label in NodeLabel if label in DOCUMENT_OWNED]
    out += [f"MATCH (n:{label.value}) WHERE NOT EXISTS {{ MATCH (n)--() }}"
            + (" AND n.document_id IS NULL" if label is NodeLabel.PLAN else "") + " DELETE n RETURN count(n) AS n"
            for label in NodeLabel if label in SHARED or label is NodeLabel.PLAN]
    return out


def count_cypher() -> list[str]:
    """One count per label and relationship type, read from Neo4j's count store.

    >>> count_cypher()[0]
    'MATCH (n:Document) RETURN count(n) AS n'
    """
    return ([f"MATCH (n:{label.value}) RETURN count(n) AS n" for label in NodeLabel]
            + [f"MATCH ()-[r:{rel.value}]->() RETURN count(r) AS n" for rel in RelType])


# Plan operators a read may not use even when the server calls the query a read ("r"): LOAD
# CSV reads files and URLs, a procedure may read or write files and URLs (apoc.load.*,
# apoc.export.*) or change settings.
REFUSED_READ_OPERATORS = frozenset({"LoadCSV", "ProcedureCall", "ProcedureCallReadOnly", "ProcedureCallWrite",
                                    "ProcedureCallSchemaWrite", "ProcedureCallDbms"})


def plan_operators(plan: Mapping[str, Any] | None) -> list[str]:
    """The operator types of an EXPLAIN plan (`ResultSummary.plan`), depth first, without the
    `@database` suffix Neo4j 5 adds.

    >>> plan_operators({"operatorType": "ProduceResults@neo4j", "children": [
    ...     {"operatorType": "LoadCSV@neo4j", "children": []}]})
    ['ProduceResults', 'LoadCSV']
    """
    if not plan:
        return []
    out = [str(plan.get("operatorType", "")).split("@")[0]]
    for child in plan.get("children") or []:
        out += plan_operators(child)
    return out


# Loader statements keep the plan they were first given: an UNWIND of rows into nodes found by
# their unique id plans the same whatever the counts, while a load that grows a label tenfold
# would otherwise make Neo4j plan (and compile) each statement again every few seconds.
_LOAD_PREFIX = "CYPHER replan=skip "

_ID_TAKEN = "Neo.ClientError.Schema.ConstraintValidationFailed"


class _IdTaken(StoreError):
    """A write broke a uniqueness constraint: a node the loader created exists already."""


def _message(exc: Exception) -> str:
    return getattr(exc, "message", None) or str(exc)


def _split(rows: Sequence[Row], test: Callable[[Row], bool]) -> tuple[list[Row], list[Row]]:
    """`rows` that pass `test`, and the rest, each in order, testing each row once.

    >>> _split([(1,), (2,), (3,)], lambda row: row[0] % 2 == 1)
    ([(1,), (3,)], [(2,)])
    """
    passed: list[Row] = []
    rest: list[Row] = []
    for row in rows:
        (passed if test(row) else rest).append(row)
    return passed, rest


def _chunks(rows: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


class Neo4jStore:
    capabilities = CAPABILITIES

    def __init__(self, url: str, *, username: str | None = None, password: str | None = None,
                 database: str | None = None, driver: Any = None, read_only: bool = False, create: bool = True,
                 **config: Any):
        # `create` does not apply: the server's database exists or the connection fails
        neo4j = _driver_module()
        self.url = url
        self.database = database or os.environ.get("NEO4J_DATABASE") or "neo4j"
        self.username = username or os.environ.get("NEO4J_USERNAME") or "neo4j"
        password = password if password is not None else os.environ.get("NEO4J_PASSWORD")
        self._exceptions = neo4j.exceptions
        self._write_routing = neo4j.RoutingControl.WRITE
        self._read_routing = neo4j.RoutingControl.READ
        self._read_access = neo4j.READ_ACCESS
        self.read_only = read_only
        try:
            self._driver = driver or neo4j.GraphDatabase.driver(
                url, auth=(self.username, password) if password is not None else None, **config)
            self._driver.verify_connectivity()
        except neo4j.exceptions.AuthError as exc:
            self._close_quietly()
            raise StoreError(f"Neo4j refused the credentials of user {self.username!r}: {_message(exc)}", where=url,
                             fix="set NEO4J_USERNAME and NEO4J_PASSWORD (or pass username= and password=)") from None
        except (neo4j.exceptions.ServiceUnavailable, neo4j.exceptions.SessionExpired, OSError) as exc:
            self._close_quietly()
            raise StoreError(f"cannot reach a Neo4j server at {url}: {exc}", where=url,
                             fix=_CHECK.format(uri=url)) from None
        except (neo4j.exceptions.ConfigurationError, ValueError) as exc:
            self._close_quietly()
            raise StoreError(f"the Neo4j URI or options are not valid: {exc}", where=url,
                             fix="use neo4j://HOST:PORT, neo4j+s://HOST:PORT, bolt://HOST:PORT or "
                                 "bolt+s://HOST:PORT") from None

    def _close_quietly(self) -> None:
        driver = getattr(self, "_driver", None)
        if driver is not None:
            try:
                driver.close()
            except Exception:
                pass
        self._driver = None

    # --- statements -----------------------------------------------------------------------------
    def _query(self, cypher: str, params: Mapping[str, Any] | None = None, *, write: bool = True) -> list[Any]:
        """The records of one statement. A read-only store runs every statement in a READ
        transaction, where the server itself refuses writes."""
        if self._driver is None:
            raise StoreError("the store is closed", where=self.url, fix="open it again with open_store(url)")
        try:
            if self.read_only:
                return self._read(lambda tx: list(tx.run(cypher, dict(params or {}))))
            return self._driver.execute_query(cypher, dict(params or {}), database_=self.database,
                                              routing_=self._write_routing if write else self._read_routing).records
        except self._exceptions.Neo4jError as exc:
            raise StoreError(f"Neo4j refused a query: {_message(exc)}", where=f"{self.url}: {cypher[:200]}",
                             fix="check the query's labels, properties and parameters") from None
        except self._exceptions.ServiceUnavailable as exc:
            raise StoreError(f"lost the Neo4j server at {self.url}: {exc}", where=self.url,
                             fix=_CHECK.format(uri=self.url)) from None

    def _read(self, work) -> Any:
        with self._driver.session(database=self.database, default_access_mode=self._read_access) as session:
            return session.execute_read(work)

    def run(self, cypher: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        records = self._query(cypher, params)
        return [{key: self._plain(value, cypher) for key, value in record.items()} for record in records]

    def check_read_only(self, cypher: str, params: Mapping[str, Any] | None = None) -> None:
        """Refuse `cypher` unless Neo4j calls it a read: EXPLAIN (in a READ transaction) must
        report query type "r" and a plan without LOAD CSV or procedure calls. Clauses naming
        files are refused from the text first (`file_clauses`), before the server sees them."""
        where = f"{self.url}: {cypher[:200]}"
        named = file_clauses(cypher)
        if named:
            raise QueryError(f"the query uses {', '.join(dict.fromkeys(named))}, which reaches files, extensions or "
                             "other databases", where=where,
                             fix="a read may only read the graph (add --write if you mean it); if the word is a "
                                 "name, quote it in backticks")
        if self._driver is None:
            raise StoreError("the store is closed", where=self.url, fix="open it again with open_store(url)")
        try:
            summary = self._read(lambda tx: tx.run("EXPLAIN " + cypher, dict(params or {})).consume())
        except self._exceptions.Neo4jError as exc:
            raise QueryError(f"Neo4j cannot run the query: {_message(exc)}", where=where,
                             fix="check the query's syntax, labels, properties and parameters") from None
        except self._exceptions.ServiceUnavailable as exc:
            raise StoreError(f"lost the Neo4j server at {self.url}: {exc}", where=self.url,
                             fix=_CHECK.format(uri=self.url)) from None
        if summary.query_type != "r":
            raise QueryError(f"Neo4j reports the query as type {summary.query_type!r}, not a read ('r')", where=where,
                             fix="add --write if you mean to change the graph or its schema")
        refused = [op for op in dict.fromkeys(plan_operators(summary.plan)) if op in REFUSED_READ_OPERATORS]
        if refused:
            raise QueryError(f"Neo4j plans the query with {', '.join(refused)}, which may reach files, URLs or "
                             "settings", where=where, fix="a read may only read the graph; add --write if you mean it")

    def holds(self, path: Any) -> bool:
        return False  # a server keeps its files on its own machine

    def _plain(self, value: Any, cypher: str) -> Any:
        """Driver values to plain Python: nodes and relationships become property maps."""
        from neo4j import graph, spatial

        if isinstance(value, graph.Node):
            return plain_node(sorted(value.labels), dict(value))
        if isinstance(value, graph.Relationship):
            return plain_relationship(value.type, dict(value))
        if isinstance(value, graph.Path):
            return {"nodes": [self._plain(n, cypher) for n in value.nodes],
                    "relationships": [self._plain(r, cypher) for r in value.relationships]}
        if isinstance(value, dict):
            return {k: self._plain(v, cypher) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [self._plain(v, cypher) for v in value]
        if isinstance(value, spatial.Point):
            raise StoreError("a query returned a spatial point, which plankg results do not carry",
                             where=f"{self.url}: {cypher[:200]}", fix="return its x and y (or longitude, latitude)")
        if hasattr(value, "iso_format"):  # neo4j.time values, durations too
            return value.iso_format()
        return plain_value(value)

    def ensure_schema(self) -> None:
        if self.read_only:
            return  # a reader cannot create constraints; a store without them still answers reads
        # constraints come first in neo4j_ddl(): each one also backs the id lookups MERGE relies on
        for statement in neo4j_ddl():
            self._query(statement)

    # --- writes ---------------------------------------------------------------------------------
    def upsert_nodes(self, label: NodeLabel, rows: Iterable[Mapping[str, Any]]) -> int:
        label = NodeLabel(label)
        label_rows = node_rows_from_mappings(label, rows)
        return self._write(lambda tx: self._upsert_nodes(tx, label, label_rows)[0])

    def upsert_relationships(self, rows: Iterable[Mapping[str, Any]], rel_type: str) -> int:
        groups = relationship_rows_from_mappings(RelType(rel_type), rows)
        return self._write(lambda tx: sum(self._merge_relationships(tx, *group, group_rows)
                                          for group, group_rows in groups.items()))

    def _write(self, work) -> Any:
        if self._driver is None:
            raise StoreError("the store is closed", where=self.url, fix="open it again with open_store(url)")
        self._require_writable()
        try:
            with self._driver.session(database=self.database) as session:
                return session.execute_write(work)
        except self._exceptions.Neo4jError as exc:
            error = _IdTaken if getattr(exc, "code", None) == _ID_TAKEN else StoreError
            raise error(f"Neo4j refused a write: {_message(exc)}", where=self.url,
                        fix="check the rows' labels, properties and values") from None
        except self._exceptions.ServiceUnavailable as exc:
            raise StoreError(f"lost the Neo4j server at {self.url}: {exc}", where=self.url,
                             fix=_CHECK.format(uri=self.url)) from None

    def _require_writable(self) -> None:
        if self.read_only:
            raise StoreError("the store is open read-only", where=self.url,
                             fix="open it for writing (open_store(url), or a command that writes)")

    # Statements of a transaction are sent without waiting for their results: the driver returns
    # from `tx.run` once the server has the statement, so the server runs one batch while this
    # process encodes the next; the commit reads what is left. A server error still fails the
    # transaction, at the next statement or the commit.
    def _upsert_nodes(self, tx, label: NodeLabel, rows: Sequence[Row], new: Callable[[Row], bool] | None = None
                      ) -> tuple[int, list[Row]]:
        """MERGE one label's rows, one per id, or CREATE those `new` says cannot exist yet;
        returns how many rows, and the created ones."""
        rows = unique_node_rows(label, rows)
        columns = node_columns(label)
        created, rest = _split(rows, new) if new is not None else ([], rows)
        parts = [(node_create_cypher(label), created)] if created else []
        if rest:
            parts += [(node_merge_cypher(label, stub=stub), [row for row in rest if is_stub(label, row) is stub])
                      for stub in (False, True)]
        for cypher, part in parts:
            for chunk in _chunks(part, STATEMENT_ROWS):
                tx.run(_LOAD_PREFIX + cypher, {"rows": parameter_rows(columns, chunk)})
        return len(rows), created

    def _merge_relationships(self, tx, rel: RelType, source: NodeLabel, target: NodeLabel, rows: Sequence[Row],
                             pending: list[Any] | None = None, created: Mapping[NodeLabel, set[str]] | None = None
                             ) -> int:
        """MERGE one group's rows, one per (source, target), or CREATE those with an endpoint in
        `created` (ids of nodes this transaction created: none of their relationships exists);
        returns how many. Each batch's count of written relationships is checked (missing
        endpoints write none) at once, or, given a `pending` list, by `_check_merged(pending)`
        later in the transaction."""
        if (source, target) not in REL_ENDPOINTS[rel]:
            allowed = ", ".join(f"{s.value}->{t.value}" for s, t in REL_ENDPOINTS[rel])
            raise StoreError(f"{rel.value} cannot join {source.value}->{target.value}", where=self.url,
                             fix=f"the ontology allows {allowed}")
        rows = unique_relationship_rows(rows)
        new_sources, new_targets = (created or {}).get(source, set()), (created or {}).get(target, set())
        fresh, rest = _split(rows, lambda row: row[0] in new_sources or row[1] in new_targets)
        parts = [(relationship_create_cypher(rel, source, target), fresh)] if fresh else []
        if rest:
            parts.append((relationship_merge_cypher(rel, source, target), rest))
        checks = [] if pending is None else pending
        for cypher, part in parts:
            for chunk in _chunks(part, STATEMENT_ROWS):
                checks.append((tx.run(_LOAD_PREFIX + cypher, relationship_parameters(chunk)), len(chunk),
                               rel, source, target))
        if pending is None:
            self._check_merged(checks)
        return len(rows)

    def _check_merged(self, pending: Sequence[Any]) -> None:
        for result, sent, rel, source, target in pending:
            record = result.single()
            merged = record["n"] if record is not None else 0
            if merged != sent:
                raise StoreError(f"{sent - merged} {rel.value} relationships point at nodes that do not exist "
                                 f"({source.value}->{target.value})", where=self.url,
                                 fix="every relationship's endpoints must be nodes of the same document or "
                                     "already loaded")

    def _loaded_versions(self, document_ids: Sequence[str]) -> dict[str, tuple[str | None, str | None]]:
        return loaded_versions(self._query(LOADED_VERSIONS, {"ids": list(document_ids)}, write=False))

    def load_document(self, graph: DocumentGraph, sha256: str | None = None) -> LoadReport:
        """Replace the document's facts with `graph` in one write transaction: all of it or none."""
        return self.load_documents([(graph, sha256)])[0]

    def _load_in_one_transaction(self, graphs: Sequence[DocumentGraph], replace: Sequence[str]) -> None:
        try:
            self._write(lambda tx: self._write_graphs(tx, graphs, replace, create=True))
        except _IdTaken:
            # a node these documents own existed after all (written by upsert_nodes, or an id two
            # documents share): the same facts again, every node merged by id
            self._write(lambda tx: self._write_graphs(tx, graphs, replace, create=False))

    def _write_graphs(self, tx, graphs: Sequence[DocumentGraph], replace: Sequence[str], *, create: bool) -> None:
        """Delete the `replace` documents' facts, then write `graphs`' nodes and relationships.

        With `create`, what cannot exist yet is created instead of merged, which spares the
        server a lookup and a lock per row: the documents' own nodes (ids come from the document,
        and a document not loaded has none, a replaced one none left after the delete) except
        plans, which other documents' citations may have made as stubs; and every relationship
        touching one of those. Were such a node there after all, the uniqueness constraint fails
        the transaction (`_IdTaken`) and the caller writes it again with `create=False`."""
        for document_id in replace:
            self._delete(tx, document_id)
        documents = {graph.document_id for graph in graphs}
        created: dict[NodeLabel, set[str]] = {}
        # rows of several documents merge as their successive loads would (graph.rows); the
        # documents' own nodes and the relationships between them first, shared nodes (which
        # another transaction may hold locked) and the relationships touching them last
        by_label = node_rows(node for graph in graphs for node in graph.nodes)
        for label, rows in sorted(by_label.items(), key=lambda item: item[0] in SHARED):
            new = None
            if create and label in DOCUMENT_OWNED and label is not NodeLabel.PLAN:
                column = node_columns(label).index("document_id")
                new = lambda row, column=column: row[column] in documents  # noqa: E731
            _, written = self._upsert_nodes(tx, label, rows, new)
            if written:
                created[label] = {row[0] for row in written}
        relationships = (rel for graph in graphs for rel in graph.relationships)
        pending: list[Any] = []
        groups = relationship_rows(relationships)
        for (rel, source, target), rows in sorted(groups.items(), key=lambda item: item[0][1] in SHARED
                                                  or item[0][2] in SHARED):
            self._merge_relationships(tx, rel, source, target, rows, pending, created)
        self._check_merged(pending)

    def load_documents(self, items: Sequence[tuple[DocumentGraph, str | None]], *,
                       errors: list[StoreError] | None = None) -> list[LoadReport]:
        """Load several documents in write transactions of up to STATEMENT_ROWS rows; a
        transaction that fails is written again one document per transaction, so every document
        is still all or nothing and the error names the one that failed (the other transactions'
        documents are kept, including those after it). With an `errors` list, a failed document's
        error is appended there and the rest still load."""
        self._require_writable()
        items = list(items)
        loaded = self._loaded_versions([graph.document_id for graph, _ in items])
        reports: dict[int, LoadReport] = {}
        todo: list[int] = []
        for i, (graph, sha) in enumerate(items):
            if is_loaded(graph, sha, loaded):
                reports[i] = LoadReport.for_graph(graph, "unchanged", skipped=True)
            else:
                todo.append(i)

        def report(graph: DocumentGraph) -> LoadReport:
            replaced = graph.document_id in loaded
            return LoadReport.for_graph(graph, "updated" if replaced else "created", replaced=replaced)

        ids = [items[i][0].document_id for i in todo]
        if len(todo) > 1 and len(set(ids)) == len(ids):
            graphs = [items[i][0] for i in todo]
            groups = batches(graphs, max_rows=STATEMENT_ROWS)
            transactions = [([graphs[k] for k in group], [ids[k] for k in group if ids[k] in loaded])
                            for group in groups]
            if len(transactions) > 1:
                written = self._write_pipelined(transactions)
            else:
                try:
                    self._load_in_one_transaction(*transactions[0])
                    written = [True]
                except StoreError:
                    written = [False]
            for group, ok in zip(groups, written, strict=True):
                if ok:
                    reports.update((todo[k], report(graphs[k])) for k in group)
            # a failed transaction's documents again one at a time, below, to find and name the failing one
            todo = [todo[k] for group, ok in zip(groups, written, strict=True) if not ok for k in group]
        for i in todo:
            graph = items[i][0]
            if len(todo) > 1:  # an earlier document of this list may have loaded it
                loaded.update(self._loaded_versions([graph.document_id]))
            try:
                self._load_in_one_transaction([graph], [graph.document_id] if graph.document_id in loaded else [])
            except StoreError as exc:
                failure = StoreError(f"loading document {graph.document_id} failed, nothing of it was kept: "
                                     f"{exc.what}", where=exc.where, fix=exc.fix)
                if errors is None:
                    raise failure from None
                errors.append(failure)
                continue
            reports[i] = report(graph)
        return [reports[i] for i in sorted(reports)]

    def _write_pipelined(self, batches: Sequence[tuple[Sequence[DocumentGraph], Sequence[str]]]) -> list[bool]:
        """Write each (graphs, documents to replace) batch in a transaction of its own, its
        statements run while the previous transaction commits: a commit is half of the server's
        work on a load (records, index entries, the log), and one transaction at a time left the
        client idle during every commit. Never two transactions running statements at once: the
        committing one waits on no lock, so the next may wait on its locks (a shared department)
        but never deadlock with it; it writes its documents' own nodes first (`_write_graphs`),
        which no other transaction holds. Returns, per batch, whether it committed; a failed
        batch is rolled back whole."""
        if self._driver is None:
            raise StoreError("the store is closed", where=self.url, fix="open it again with open_store(url)")
        failures = (StoreError, self._exceptions.Neo4jError, self._exceptions.DriverError)
        committed = [False] * len(batches)

        def finish(k: int, session, commit) -> None:
            try:
                commit.result()
                committed[k] = True
            except failures:
                pass  # written again by the caller, one document at a time
            finally:
                session.close()

        with ThreadPoolExecutor(1, thread_name_prefix="plankg-neo4j-commit") as committer:
            pending: tuple[int, Any, Any] | None = None
            for k, (graphs, replace) in enumerate(batches):
                session = self._driver.session(database=self.database)
                try:
                    tx = session.begin_transaction()
                    self._write_graphs(tx, graphs, replace, create=True)
                except failures:
                    session.close()  # rolls the transaction back
                    continue
                if pending is not None:
                    finish(*pending)
                pending = (k, session, committer.submit(tx.commit))
            if pending is not None:
                finish(*pending)
        return committed

    @staticmethod
    def _delete(tx, document_id: str) -> int:
        removed = 0
        for statement in delete_document_cypher():
            result = tx.run(statement, {"doc": document_id} if "$doc" in statement else {})
            if statement.endswith("AS n"):
                record = result.single()
                removed += record["n"] if record is not None else 0
            else:
                result.consume()
        return removed

    def delete_document(self, document_id: str) -> int:
        return self._write(lambda tx: self._delete(tx, document_id))

    # --- reads ----------------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        names = [label.value for label in NodeLabel] + [rel.value for rel in RelType]
        return {name: self._query(cypher, write=False)[0]["n"]
                for name, cypher in zip(names, count_cypher(), strict=True)}

    def close(self) -> None:
        if getattr(self, "_driver", None) is not None:
            self._driver.close()
        self._driver = None

    def __enter__(self) -> Neo4jStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
