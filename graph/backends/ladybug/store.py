"""`LadybugStore`: the GraphStore on an embedded LadybugDB file (see the package's docstring
for its write paths)."""
from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from plankg.errors import QueryError, StaleStoreError, StoreError
from plankg.graph.backends.ladybug.cypher import (
    DELETE_OWN_NODES,
    DEMOTE_CITED_PLAN,
    PUBLISHED_ELSEWHERE,
    SET_DOCUMENT_SHA,
    document_unlink_cypher,
    existing_ids_cypher,
    node_create_cypher,
    node_update_cypher,
    orphan_delete_cypher,
    plan_refusals,
    relationship_create_cypher,
    relationship_update_cypher,
)
from plankg.graph.backends.ladybug.opening import import_driver, missing_store, open_database, open_failure
from plankg.graph.backends.ladybug.tables import (
    COL,
    END_OF_NODES,
    dataset_tables,
    graph_tables,
    in_background,
    node_table,
    null_kinds,
    relationship_table,
)
from plankg.graph.cypher_tokens import file_clauses
from plankg.graph.rows import node_rows_from_mappings, relationship_rows_from_mappings
from plankg.graph.schema import ladybug_ddl
from plankg.graph.store import (
    LOADED_VERSIONS,
    Capabilities,
    LoadReport,
    is_loaded,
    loaded_versions,
    parse_store_url,
    plain_node,
    plain_relationship,
    plain_value,
)
from plankg.ontology.model import DocumentGraph
from plankg.ontology.vocab import NODE_PROPERTIES, REL_ENDPOINTS, REL_PROPERTIES, SHARED, NodeLabel, RelType

CAPABILITIES = Capabilities(name="LadybugDB", dialect="ladybug", transactions=True, bulk_copy=True,
                            batch_documents=True, max_batch_rows=500_000)

# result column types whose Python values are no plain JSON values: nodes, relationships and
# paths (as dicts), and scalars that come back as Decimal, date, timedelta, UUID or bytes
_DRIVER_VALUE_KINDS = ("NODE", "REL", "STRUCT", "MAP", "UNION", "ANY", "INT128", "DECIMAL", "DATE", "TIME",
                       "INTERVAL", "UUID", "BLOB", "SERIAL")
_ARROW_ROWS = 64  # from this many rows of plain columns on, results come through Arrow


def _needs_plain(kind: str) -> bool:
    """Whether a result column of this LadybugDB type can hold a node, relationship or path, or
    a scalar that is no JSON value (a `sum()` is an INT128, a Decimal in Python).

    >>> [_needs_plain(k) for k in ("STRING", "INT64[]", "NODE", "STRUCT(k INT64)", "RECURSIVE_REL", "INT128")]
    [False, False, True, True, True, True]
    """
    return any(word in kind for word in _DRIVER_VALUE_KINDS)


def _plain(value: Any) -> Any:
    """LadybugDB values to plain Python: nodes and relationships become property maps, other
    values JSON values (`plain_value`)."""
    if isinstance(value, dict):
        if "_NODES" in value and "_RELS" in value:
            return {"nodes": [_plain(n) for n in value["_NODES"]], "relationships": [_plain(r) for r in value["_RELS"]]}
        if "_SRC" in value and "_LABEL" in value:
            return plain_relationship(value["_LABEL"], {k: v for k, v in value.items() if not k.startswith("_")})
        if "_LABEL" in value and "_ID" in value:
            return plain_node([value["_LABEL"]], {k: v for k, v in value.items() if not k.startswith("_")})
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return plain_value(value)


_WRITE_REFUSED = "Cannot execute write operations in a read-only database"


class LadybugStore:
    """The embedded store in the file `url` names (`ladybug:///PATH`).

    `pause_gc=True` turns Python's garbage collector off while a load builds Arrow tables on a
    helper thread (a first build of 100k nodes and 300k relationships takes about a fifth less
    time), and back on after. The collector is the whole process's: leave it off (the default)
    in a library or a server, where other threads may rely on it; a process that only loads,
    such as `plankg load` or `benchmarks/load.py`, can turn it on.
    """

    capabilities = CAPABILITIES

    def __init__(self, url: str, *, read_only: bool = False, create: bool = True, pause_gc: bool = False,
                 **options: Any):
        ladybug = import_driver()
        self.url = url
        self.read_only = read_only
        self.pause_gc = pause_gc
        self._filled: set[str] = set()  # tables known to hold rows (see `_is_empty`)
        self._conn = self._db = None
        _, path = parse_store_url(url)
        self.path = Path(path)
        if (read_only or not create) and not self.path.exists():
            raise missing_store(url, self.path)
        try:
            if not read_only:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = open_database(ladybug, self.path, read_only=read_only)
            self._conn = ladybug.Connection(self._db)
        except (RuntimeError, OSError) as exc:
            self.close()
            raise open_failure(str(exc), url, self.path) from None

    def holds(self, path: str | Path) -> bool:
        """Whether `path` is the store's file, one beside it that the engine keeps (`.wal`,
        `.shadow`, ...), or inside the store (an older store was a folder)."""
        target, own = Path(path).resolve(), self.path.resolve()
        return (target == own or own in target.parents
                or (target.parent == own.parent and target.name.startswith(own.name + ".")))

    # --- low level -------------------------------------------------------------------------
    def _execute(self, cypher: str, params: Mapping[str, Any] | None = None):
        if self._conn is None:
            raise StoreError("the store is closed", where=self.url, fix="open it again with open_store(url)")
        try:
            return self._conn.execute(cypher, dict(params or {}))
        except RuntimeError as exc:
            if self.read_only and _WRITE_REFUSED in str(exc):
                raise StoreError("the store is open read-only, and the statement writes",
                                 where=f"{self.url}: {cypher[:200]}",
                                 fix="open the store for writing (open_store(url), or a command that writes)") from None
            raise StoreError(f"LadybugDB refused a query: {exc}", where=f"{self.url}: {cypher[:200]}",
                             fix="check the query's labels, properties and parameters") from None

    def run(self, cypher: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        result = self._execute(cypher, params)
        if isinstance(result, list):  # several statements: the last one's rows
            result = result[-1]
        columns = result.get_column_names()
        # only columns that can hold nodes, relationships or paths need converting; the rest are
        # plain already, and skipping them keeps a 1k-row result cheap
        convert = [i for i, kind in enumerate(result.get_column_data_types()) if _needs_plain(kind)]
        if not convert and result.get_num_tuples() >= max(_ARROW_ROWS, 1):
            # plain columns of a long result: one Arrow table converts them about twice as fast as
            # a Python call per row (chunk -1: one chunk of exactly the result's rows)
            return result.get_as_arrow(-1).to_pylist()
        rows = result.get_all()
        if convert:
            for row in rows:
                for i in convert:
                    row[i] = _plain(row[i])
        return [dict(zip(columns, row, strict=True)) for row in rows]

    def _rollback(self) -> None:
        # a statement that fails has already ended the transaction; ROLLBACK then has nothing to do
        if self._conn is None:
            return
        try:
            self._conn.execute("ROLLBACK")
        except RuntimeError:
            pass

    def ensure_schema(self) -> None:
        """Create the ontology's tables where missing; read-only, only check them."""
        if not self.read_only:
            for statement in ladybug_ddl():
                self._execute(statement)
        self._check_schema()

    def _check_schema(self) -> None:
        """`IF NOT EXISTS` keeps a table made by an older ontology as it was: say so plainly
        instead of letting the first load fail on an unknown property."""
        tables: list[tuple[str, list[str], set[tuple[str, str]] | None]]
        tables = [(label.value, list(NODE_PROPERTIES[label]), None) for label in NodeLabel]
        tables += [(rel.value, list(REL_PROPERTIES[rel]), {(s.value, t.value) for s, t in REL_ENDPOINTS[rel]})
                   for rel in RelType]
        fix = f"delete {self.path} (or use a new ladybug:///PATH) and load the documents again"
        for name, expected, pairs in tables:
            try:
                found = [r["name"] for r in self.run(f"CALL table_info('{name}') RETURN *")]
            except StoreError:
                raise StaleStoreError(f"the store has no table {name}: it is not a plankg graph, or was built by "
                                      "another version of the ontology", where=self.url, fix=fix) from None
            problem = None
            if found != expected:
                problem = f"table {name} has properties {found}, the ontology declares {expected}"
            elif pairs is not None:
                have = {(r["source table name"], r["destination table name"])
                        for r in self.run(f"CALL show_connection('{name}') RETURN *")}
                if have != pairs:
                    problem = f"relationship table {name} joins {sorted(have)}, the ontology {sorted(pairs)}"
            if problem:
                raise StaleStoreError(f"the store was built with another version of the ontology: {problem}",
                                      where=self.url, fix=fix)

    def check_read_only(self, cypher: str, params: Mapping[str, Any] | None = None) -> None:
        """Refuse `cypher` unless LadybugDB plans it as one statement that only reads the graph.

        Clauses naming files are refused from the text first (`file_clauses`): binding
        `LOAD FROM 'file'` already reads the file. Then the engine prepares `EXPLAIN cypher`
        (preparing refuses several statements, and on a read-only store any write) and the
        operators and table functions of its plan must all be reads (`plan_refusals`)."""
        where = f"{self.url}: {cypher[:200]}"
        named = file_clauses(cypher)
        if named:
            raise QueryError(f"the query uses {', '.join(dict.fromkeys(named))}, which reaches files, extensions or "
                             "other databases", where=where,
                             fix="a read may only read the graph (add --write if you mean it); if the word is a "
                                 "name, quote it in backticks")
        if self._conn is None:
            raise StoreError("the store is closed", where=self.url, fix="open it again with open_store(url)")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # prepare() is deprecated for execute(), not removed
            prepared = self._conn.prepare("EXPLAIN " + cypher)
        if not prepared.is_success():
            message = prepared.get_error_message()
            if _WRITE_REFUSED in message:
                raise QueryError("the query writes to the graph, and reads run on a read-only store", where=where,
                                 fix="add --write if you mean to change the graph")
            if "multiple statements" in message:
                raise QueryError("the query has several statements", where=where,
                                 fix="run one statement at a time (no `;` between statements)")
            raise QueryError(f"LadybugDB cannot run the query: {message}", where=where,
                             fix="check the query's syntax, labels, properties and parameters")
        try:
            result = self._conn.execute(prepared, dict(params or {}))
        except RuntimeError as exc:
            raise QueryError(f"LadybugDB cannot run the query: {exc}", where=where,
                             fix="check the query's syntax, labels, properties and parameters") from None
        if isinstance(result, list):  # one statement was prepared, so one result; a list is refused outright
            raise QueryError("the query has several statements", where=where,
                             fix="run one statement at a time (no `;` between statements)")
        plan = "\n".join(str(row[0]) for row in result.get_all() if isinstance(row, list))
        refused = plan_refusals(plan)
        if refused:
            raise QueryError(f"LadybugDB plans the query with {', '.join(refused)}, which is not a read of the graph",
                             where=where, fix="a read may only read the graph; add --write if you mean to write, "
                                              "or to reach files, extensions or settings")

    def _is_empty(self, table: str, *, rel: bool = False) -> bool:
        """Whether a table holds no rows, asked until it holds some: taken for filled while it is
        empty again (after deletes, or a rolled-back first load), it only misses the COPY path,
        and in a transaction that has deleted rows the question costs milliseconds per table."""
        if table in self._filled:
            return False
        pattern = f"()-[x:{table}]->()" if rel else f"(x:{table})"
        if self.run(f"MATCH {pattern} RETURN 1 AS one LIMIT 1"):
            self._filled.add(table)
            return False
        return True

    # --- writes ------------------------------------------------------------------------------
    def upsert_nodes(self, label: NodeLabel, rows: Iterable[Mapping[str, Any]]) -> int:
        """Create the rows' new nodes and update the existing ones; rows sharing an id are merged
        first (real rows, then citation stubs, which only fill gaps)."""
        label = NodeLabel(label)
        table = node_table(label, node_rows_from_mappings(label, rows))
        if table.num_rows:
            self._upsert_node_table(label, table)
        return table.num_rows

    def _upsert_node_table(self, label: NodeLabel, table, *, copy_new: bool = False):
        """Upsert one row per id; returns the ids of the nodes it created.

        Existing ids are looked up first (a primary-key probe each) so that new nodes take
        CREATE (or COPY, with `copy_new`) and existing ones MATCH ... SET: both keep their rate
        as the table grows, where MERGE with coalesce fell to a quarter on a table ten times larger."""
        import pyarrow.compute as pc

        ids = table.column(COL + "id")
        is_old = pc.is_in(ids, value_set=self._existing_ids(label, ids))
        new, old = table.filter(pc.invert(is_old)), table.filter(is_old)
        if new.num_rows and copy_new:
            self._copy(label.value, new)
        elif new.num_rows:
            self._execute(node_create_cypher(label), {"rows": new})
        parts = [(old, False)]
        if label is NodeLabel.PLAN:
            stub = pc.is_null(old.column(COL + "document_id"))
            parts = [(old.filter(pc.invert(stub)), False), (old.filter(stub), True)]
        for part, is_stub_part in parts:
            cypher = node_update_cypher(label, null_kinds(part), stub=is_stub_part) if part.num_rows else None
            if cypher:
                self._execute(cypher, {"rows": part})
        return new.column(COL + "id").combine_chunks()

    def _existing_ids(self, label: NodeLabel, ids):
        """Which of `ids` (a list or an Arrow array) the label's table holds, as an Arrow array
        (read as Arrow: one Python dict per id would cost more than the lookup)."""
        import pyarrow as pa

        table = pa.Table.from_arrays([pa.array(ids, type=pa.string())], names=[COL + "id"])
        found = self._execute(existing_ids_cypher(label), {"rows": table}).get_as_arrow()
        return found.column("id").combine_chunks() if found.num_rows else pa.array([], pa.string())

    def _copy(self, table_name: str, table, options: str = "") -> None:
        self._execute(f"COPY {table_name} FROM $rows{options}", {"rows": table})

    def upsert_relationships(self, rows: Iterable[Mapping[str, Any]], rel_type: str) -> int:
        """One relationship per (source, target), properties set from the row; every endpoint must exist."""
        rel = RelType(rel_type)
        written = 0
        for (_, source, target), group in relationship_rows_from_mappings(rel, rows).items():
            table = relationship_table(rel, group)
            self._upsert_relationships(rel, source, target, table)
            written += table.num_rows
        return written

    def _upsert_relationships(self, rel: RelType, source: NodeLabel, target: NodeLabel, table) -> None:
        self._check_pair(rel, source, target)
        updated = self.run(relationship_update_cypher(rel, source, target), {"rows": table})[0]["n"]
        created = self.run(relationship_create_cypher(rel, source, target), {"rows": table})[0]["n"]
        if updated + created != table.num_rows:
            self._raise_missing_endpoints(rel, source, target, table)

    def _create_relationships(self, rel: RelType, source: NodeLabel, target: NodeLabel, table) -> None:
        """Rows known to be new: an endpoint was created in this transaction, so has no relationship yet."""
        self._check_pair(rel, source, target)
        cypher = relationship_create_cypher(rel, source, target, if_missing=False)
        if self.run(cypher, {"rows": table})[0]["n"] != table.num_rows:
            self._raise_missing_endpoints(rel, source, target, table)

    def _copy_relationships(self, rel: RelType, source: NodeLabel, target: NodeLabel, table) -> None:
        self._check_pair(rel, source, target)
        try:
            self._copy(rel.value, table, f" (from='{source.value}', to='{target.value}')")
        except StoreError as exc:
            if "Unable to find primary key" not in exc.what:
                raise
            self._raise_missing_endpoints(rel, source, target, table)

    def _check_pair(self, rel: RelType, source: NodeLabel, target: NodeLabel) -> None:
        if (source, target) not in REL_ENDPOINTS[rel]:
            allowed = ", ".join(f"{s.value}->{t.value}" for s, t in REL_ENDPOINTS[rel])
            raise StoreError(f"{rel.value} cannot join {source.value}->{target.value}", where=self.url,
                             fix=f"the ontology allows {allowed}")

    def _raise_missing_endpoints(self, rel: RelType, source: NodeLabel, target: NodeLabel, table) -> None:
        missing = []
        for label, key in ((source, "source"), (target, "target")):
            ids = sorted(set(table.column(COL + key).to_pylist()))
            found = set(self._existing_ids(label, ids).to_pylist())
            missing += [f"{label.value} {i}" for i in ids if i not in found]
        raise StoreError(f"{rel.value} relationships point at nodes that do not exist: {', '.join(missing[:5])}"
                         + (f" and {len(missing) - 5} more" if len(missing) > 5 else ""), where=self.url,
                         fix="every relationship's endpoints must be nodes of the same document or already loaded")

    def _write(self, graphs: Sequence[DocumentGraph]) -> None:
        self._write_tables(graph_tables(graphs))

    def _write_tables(self, built: Iterable[tuple[Any, Any]], *, copy_new: bool = False) -> None:
        """Write the nodes, then the relationships, of `graph_tables` (or `dataset_tables`) by the
        cheapest safe path: COPY into empty tables; otherwise CREATE (COPY, with `copy_new`: not
        inside a transaction, see `_append_tables`) for new nodes and for relationships that
        touch a node created here (it cannot have any yet), and update-or-create for the rest. A helper
        thread builds the next Arrow tables while the database writes (on a bulk load building
        them costs about as much as COPY)."""
        import pyarrow as pa
        import pyarrow.compute as pc

        created: dict[NodeLabel, Any] = {}
        empty: dict[RelType, bool] = {}  # asked once per type, before its first group is written
        none = pa.array([], pa.string())
        with in_background(iter(built), pause_gc=self.pause_gc) as tables:
            for key, table in tables:
                if key == END_OF_NODES:
                    continue
                if isinstance(key, NodeLabel):
                    if self._is_empty(key.value):
                        self._copy(key.value, table)
                        created[key] = table.column(COL + "id").combine_chunks()
                    else:
                        created[key] = self._upsert_node_table(key, table, copy_new=copy_new)
                    continue
                rel, source, target = key
                if rel not in empty:
                    empty[rel] = self._is_empty(rel.value, rel=True)
                if empty[rel]:
                    # one row per (source, target) in a group, and groups never share a pair: COPY cannot duplicate
                    self._copy_relationships(rel, source, target, table)
                    continue
                is_new = pc.or_(pc.is_in(table.column(COL + "source"), value_set=created.get(source, none)),
                                pc.is_in(table.column(COL + "target"), value_set=created.get(target, none)))
                new, rest = table.filter(is_new), table.filter(pc.invert(is_new))
                if new.num_rows and copy_new:
                    self._copy_relationships(rel, source, target, new)
                elif new.num_rows:
                    self._create_relationships(rel, source, target, new)
                if rest.num_rows:
                    self._upsert_relationships(rel, source, target, rest)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One explicit transaction: committed when the block ends, rolled back if it raises."""
        self._execute("BEGIN TRANSACTION")
        try:
            yield
            self._execute("COMMIT")
        except BaseException:
            self._rollback()
            raise

    def _loaded_versions(self, document_ids: Sequence[str]) -> dict[str, tuple[str | None, str | None]]:
        return loaded_versions(self.run(LOADED_VERSIONS, {"ids": list(document_ids)}))

    def load_document(self, graph: DocumentGraph, sha256: str | None = None) -> LoadReport:
        """Replace the document's facts with `graph`, atomically: all of it or none."""
        return self.load_documents([(graph, sha256)])[0]

    def load_documents(self, items: Sequence[tuple[DocumentGraph, str | None]], *,
                       errors: list[StoreError] | None = None) -> list[LoadReport]:
        """Load several documents in one transaction; on failure, again one transaction each,
        so every document is still all-or-nothing and the error names the one that failed.
        With an `errors` list, a failed document's error is appended there and the rest still load."""
        items = list(items)
        loaded = self._loaded_versions([g.document_id for g, _ in items])
        reports: dict[int, LoadReport] = {}
        todo: list[int] = []
        for i, (graph, sha) in enumerate(items):
            if is_loaded(graph, sha, loaded):
                reports[i] = LoadReport.for_graph(graph, "unchanged", skipped=True)
            else:
                todo.append(i)
        ids = [items[i][0].document_id for i in todo]
        if len(todo) > 1 and len(set(ids)) == len(ids):
            graphs = [items[i][0] for i in todo]
            try:
                if self._store_is_empty():
                    self._bulk_copy(graphs)
                else:
                    self._load_in_one_transaction(graphs, loaded)
            except (StoreError, RuntimeError, ValueError, TypeError):
                pass  # retried below one document at a time, to find and name the failing one
            else:
                for i in todo:
                    reports[i] = self._report(items[i][0], loaded)
                return [reports[i] for i in sorted(reports)]
        for i in todo:
            graph = items[i][0]
            if len(todo) > 1:  # an earlier document of this list may have loaded it
                loaded.update(self._loaded_versions([graph.document_id]))
            try:
                self._load_in_one_transaction([graph], loaded)
            except (StoreError, RuntimeError, ValueError, TypeError) as exc:  # pyarrow's errors derive from these
                failure = self._document_failed(graph, exc)
                if errors is None:
                    raise failure from (None if isinstance(exc, StoreError) else exc)
                errors.append(failure)
                continue
            reports[i] = self._report(graph, loaded)
        return [reports[i] for i in sorted(reports)]

    def _document_failed(self, graph: DocumentGraph, exc: Exception) -> StoreError:
        prefix = f"loading document {graph.document_id} failed, nothing of it was kept"
        if isinstance(exc, StoreError):
            return StoreError(f"{prefix}: {exc.what}", where=exc.where, fix=exc.fix)
        return StoreError(f"{prefix}: {exc}", where=self.url,
                          fix="check the document's property values against the ontology")

    @staticmethod
    def _report(graph: DocumentGraph, loaded: Mapping[str, Any]) -> LoadReport:
        replaced = graph.document_id in loaded
        return LoadReport.for_graph(graph, "updated" if replaced else "created", replaced=replaced)

    def load_part(self, tables: Mapping[str, Any], *, errors: list[StoreError] | None = None) -> list[LoadReport]:
        """Load one part of a facts dataset (`plankg.graph.facts.read_part`: Arrow tables by name,
        `documents` among them) as `load_documents` loads its documents, without building a model
        instance per row: the part's columns become the tables COPY and the other writes take
        (`dataset_tables`). Documents loaded already with the same sha256 and rules are skipped,
        an earlier version of a document is replaced; into an empty store the part is copied
        (`_bulk_copy`), else written in one transaction. If that fails, the part's documents are
        loaded again as models, one transaction each, so a failure names its document (and, given
        `errors`, the others still load)."""
        import pyarrow as pa
        import pyarrow.compute as pc

        from plankg.graph.facts import DOCUMENTS, OWNER, graphs_of_tables

        docs = tables[DOCUMENTS]
        ids = docs.column("document_id").to_pylist()
        empty = self._store_is_empty()  # then nothing is loaded, and the part is copied
        loaded = {} if empty else self._loaded_versions(ids)
        versions = zip(ids, docs.column("sha256").to_pylist(), docs.column("rule").to_pylist(), strict=True)
        skipped = {doc for doc, sha, rule in versions if sha is not None and loaded.get(doc) == (sha, rule)}
        todo = [doc for doc in dict.fromkeys(ids) if doc not in skipped]
        if len(todo) < len(ids) - len(skipped):  # one document twice in a part: the models' path says which
            return self.load_documents(graphs_of_tables(tables), errors=errors)
        part = tables
        if len(todo) < len(ids):  # the documents loaded already leave the tables
            wanted = pa.array(todo, pa.string())
            part = {name: table if name == DOCUMENTS else table.filter(pc.is_in(table.column(OWNER), value_set=wanted))
                    for name, table in tables.items()}
        if todo:
            try:
                if empty:
                    self._bulk_copy_tables(dataset_tables(part))
                elif not any(doc in loaded for doc in todo):
                    self._append_tables(dataset_tables(part), todo)
                else:
                    with self._transaction():
                        for doc in todo:
                            if doc in loaded:
                                self._delete_document(doc)
                        self._write_tables(dataset_tables(part))
            except (StoreError, RuntimeError, ValueError, TypeError):
                # retried as models, one document at a time, to find and name the failing one
                return self.load_documents(graphs_of_tables(tables), errors=errors)
        counts = self._part_counts(tables)
        reports = []
        for doc in ids:
            report = LoadReport(document_id=doc, replaced=doc in loaded and doc not in skipped, skipped=doc in skipped)
            kind = "unchanged" if doc in skipped else "updated" if doc in loaded else "created"
            getattr(report, kind).update(counts.get(doc, {}))
            reports.append(report)
        return reports

    @staticmethod
    def _part_counts(tables: Mapping[str, Any]) -> dict[str, dict[str, int]]:
        """Nodes per document and label in a dataset part's tables, as `LoadReport.for_graph` counts a graph's."""
        from plankg.graph.facts import DOCUMENTS, OWNER, table_key

        counts: dict[str, dict[str, int]] = {}
        for label in NodeLabel:  # vocabulary order, as a graph's nodes come
            table = tables.get(label.value) if label.value != DOCUMENTS else None
            if table is None or not table.num_rows or not isinstance(table_key(label.value), NodeLabel):
                continue
            grouped = table.group_by(OWNER, use_threads=False).aggregate([([], "count_all")])
            for doc, n in zip(grouped.column(OWNER).to_pylist(), grouped.column("count_all").to_pylist(),
                              strict=True):
                counts.setdefault(doc, {})[label.value] = n
        return counts

    def _load_in_one_transaction(self, graphs: Sequence[DocumentGraph], loaded: Mapping[str, Any]) -> None:
        with self._transaction():
            for graph in graphs:
                if graph.document_id in loaded:
                    self._delete_document(graph.document_id)
            self._write(graphs)

    def _store_is_empty(self) -> bool:
        return all(self._is_empty(label.value) for label in NodeLabel)

    def _bulk_copy(self, graphs: Sequence[DocumentGraph]) -> None:
        self._bulk_copy_tables(graph_tables(graphs))

    def _bulk_copy_tables(self, built: Iterable[tuple[Any, Any]]) -> None:
        """Load `graph_tables` (or `dataset_tables`) into an empty store: one COPY per table, each
        committed on its own, a checkpoint after the nodes and one at the end.

        The fast path of a first build. Inside a transaction, COPY writes every row to the
        write-ahead log and the commit then checkpoints them into the tables again, which cost
        as much as the COPY statements themselves; auto-committed COPY writes the tables
        directly, and with automatic checkpoints off, it checkpoints twice rather than after
        every table: once when the nodes are in (while the helper thread reads the
        relationships, so the database is not idle meanwhile) and once at the end.

        All or nothing is kept by hand: if any statement fails, every table is emptied again
        (the store held nothing before) and the error is raised. A document's sha256, which
        tells the next load that the document is in the store already, is written last, after
        the final CHECKPOINT (`_set_shas`): a process killed midway leaves documents without it,
        which the next load replaces whole."""
        shas: list[Any] = []
        self._execute("CALL auto_checkpoint=false")
        try:
            with in_background(_sha_last(built, shas), pause_gc=self.pause_gc) as tables:
                for key, table in tables:
                    if key == END_OF_NODES:
                        # the nodes' share of the checkpoint (most of it: their primary-key
                        # indexes) runs while the helper thread reads the relationships
                        self._execute("CHECKPOINT")
                        continue
                    if isinstance(key, NodeLabel):
                        self._copy(key.value, table)
                        self._filled.add(key.value)
                    else:
                        rel, source, target = key
                        self._copy_relationships(rel, source, target, table)
                        self._filled.add(rel.value)
            self._execute("CHECKPOINT")
            self._set_shas(shas)
        except BaseException:
            self._empty_all_tables()
            raise
        finally:
            self._execute("CALL auto_checkpoint=true")

    def _append_tables(self, built: Iterable[tuple[Any, Any]], documents: Sequence[str]) -> None:
        """Add new `documents` (none of them in the store) to a store that holds others, by the
        bulk load's protocol: statements committed one by one, COPY for the rows that are new
        (every node and relationship the documents own; shared nodes they reach for the
        first time), update-or-create for the shared nodes the store holds already, automatic
        checkpoints off and one CHECKPOINT at the end, each document's sha256 written last.

        One transaction for a batch would write every row to the write-ahead log and check it
        into the tables again at COMMIT, which took three quarters of a batch's time. All or
        nothing is kept by hand: if a statement fails, the documents are deleted again (shared
        nodes they alone reached go with them); a process killed midway leaves them without a
        sha256, and the next load replaces them whole."""
        shas: list[Any] = []
        self._execute("CALL auto_checkpoint=false")
        try:
            self._write_tables(_sha_last(built, shas), copy_new=True)
            self._execute("CHECKPOINT")
            self._set_shas(shas)
        except BaseException:
            self._remove_documents(documents)
            raise
        finally:
            self._execute("CALL auto_checkpoint=true")

    def _set_shas(self, shas: Sequence[Any]) -> None:
        """Write the documents' sha256 (`_sha_last`) after a CHECKPOINT has put every COPY into the
        tables: the update goes to the write-ahead log, and LadybugDB (0.22) crashes when it
        replays, after a killed process, an update of rows a COPY wrote since the last checkpoint."""
        for table in shas:
            self._execute(SET_DOCUMENT_SHA, {"rows": table})

    def _remove_documents(self, documents: Sequence[str]) -> None:
        """Undo a failed `_append_tables`: delete what was written of `documents`."""
        try:
            with self._transaction():
                for doc in documents:
                    self._delete_document(doc)
        except BaseException as exc:
            raise StoreError(f"a failed load could not be undone: {exc}", where=self.url,
                             fix="load the same facts again: documents written without their sha256 are replaced "
                                 "whole") from None

    def _empty_all_tables(self) -> None:
        """Back to an empty store after a failed `_bulk_copy`."""
        try:
            with self._transaction():
                for label in NodeLabel:
                    self._execute(f"MATCH (n:{label.value}) DETACH DELETE n")
        except BaseException as exc:
            raise StoreError(f"a failed first load could not be undone: {exc}", where=self.url,
                             fix=f"delete {self.path} and load the documents again") from None
        finally:
            self._filled.clear()

    def _delete_document(self, document_id: str) -> int:
        """Remove one document's facts without reading a relationship table whole: its
        relationships are reached from its own nodes (found by their `document_id` column), and
        only the shared nodes and cited plans they reached are checked for being left unused."""
        params: dict[str, Any] = {"doc": document_id}
        statements = [(document_unlink_cypher(incoming=False), params), (document_unlink_cypher(incoming=True), params)]
        plans = [row["id"] for row in self.run(PUBLISHED_ELSEWHERE, params)]
        if plans:
            statements += [(document_unlink_cypher(incoming=incoming, plans=True), {**params, "plans": plans})
                           for incoming in (False, True)]
        reached: dict[NodeLabel, set[str]] = {}
        for cypher, values in statements:
            for row in self.run(cypher, values):
                label = NodeLabel(row["label"])
                if label in SHARED or label is NodeLabel.PLAN:
                    reached.setdefault(label, set()).add(row["id"])
        self._execute(DEMOTE_CITED_PLAN, params)
        removed = self.run(DELETE_OWN_NODES, params)[0]["n"]
        for label, ids in reached.items():
            removed += self.run(orphan_delete_cypher(label), {"ids": sorted(ids)})[0]["n"]
        return removed

    def delete_document(self, document_id: str) -> int:
        with self._transaction():
            return self._delete_document(document_id)

    # --- reads -------------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        out = {}
        for label in NodeLabel:
            out[label.value] = self.run(f"MATCH (n:{label.value}) RETURN count(n) AS n")[0]["n"]
        for rel in RelType:
            out[rel.value] = self.run(f"MATCH ()-[r:{rel.value}]->() RETURN count(r) AS n")[0]["n"]
        return out

    def close(self) -> None:
        conn, db = getattr(self, "_conn", None), getattr(self, "_db", None)
        self._conn = self._db = None
        if conn is not None:
            conn.close()
        if db is not None:
            db.close()

    def __enter__(self) -> LadybugStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _sha_last(built: Iterable[tuple[Any, Any]], shas: list[Any]) -> Iterator[tuple[Any, Any]]:
    """`built` with the Document tables' sha256 column set to null, the (id, sha256) columns kept
    in `shas`, to be written when everything else is: a document without its sha256 is one the
    next load replaces whole."""
    import pyarrow as pa

    for key, table in built:
        if key is NodeLabel.DOCUMENT:
            sha = table.column_names.index(COL + "sha256")
            shas.append(table.select([COL + "id", COL + "sha256"]))
            table = table.set_column(sha, table.schema.field(sha), pa.nulls(table.num_rows, pa.string()))
        yield key, table
