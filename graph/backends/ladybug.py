"""The embedded default store: LadybugDB (the maintained fork of Kùzu) in a folder on disk.

The only module that imports `ladybug`. Rows reach the database as Arrow tables bound to a
`LOAD FROM $rows` / `COPY ... FROM $rows` parameter. `UNWIND $list MERGE` plans a scan per row
(1.4k rows/s into a 100k-node table), and `MERGE` of a relationship scans its whole table, so
writes look existing nodes up by primary key first, then take the path that keeps its rate as
tables grow: COPY into an empty table, CREATE for new nodes and for relationships of new nodes,
MATCH ... SET for existing nodes, and for other relationships an update reached from an endpoint
plus a guarded CREATE.

Replacing or deleting a document never reads a relationship table whole either: its relationships
are reached from the nodes it owns, and only the shared nodes they reached are checked for being
left unused.

Documents load in one transaction per batch; if a batch fails it is rolled back and its
documents are loaded again one transaction each, so a failure leaves the store exactly as it
was before the failing document, and the error names that document. The first build of an
empty store is the one exception: it writes each table with one auto-committed COPY and one
checkpoint at the end (see `LadybugStore._bulk_copy`), and undoes itself by hand on failure.
"""
from __future__ import annotations

import gc
import queue
import re
import sys
import threading
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import cache
from itertools import chain
from pathlib import Path
from typing import Any

from plankg.errors import MissingDependencyError, QueryError, StaleStoreError, StoreError
from plankg.graph.cypher_tokens import file_clauses
from plankg.graph.rows import (
    RelGroup,
    Row,
    demoted_plan_properties,
    node_columns,
    node_rows,
    node_rows_from_mappings,
    relationship_rows,
    relationship_rows_from_mappings,
    unique_node_rows,
    unique_relationship_rows,
)
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
from plankg.ontology.vocab import (
    DOCUMENT_OWNED,
    NODE_PROPERTIES,
    REL_ENDPOINTS,
    REL_PROPERTIES,
    SHARED,
    NodeLabel,
    PropType,
    RelType,
)

CAPABILITIES = Capabilities(name="LadybugDB", dialect="ladybug", transactions=True, bulk_copy=True,
                            batch_documents=True, max_batch_rows=500_000)

# Arrow column names are prefixed: LOAD FROM binds columns as variables, and property names
# such as `date`, `value` or `level` would otherwise meet Cypher keywords and functions.
_COL = "v_"


_ROWS_PER_BATCH = 2048  # short C-level calls (see `_in_background`), on tuples still in the CPU cache


def _arrow_type(ptype: PropType):
    import pyarrow as pa

    return {PropType.STRING: pa.string(), PropType.INT: pa.int64(), PropType.FLOAT: pa.float64(),
            PropType.STRINGS: pa.list_(pa.string())}[ptype]


@cache
def _schema(types: tuple[tuple[str, PropType], ...]):
    """Arrow schema for columns typed from the vocabulary (so all-null columns keep their type),
    named with the `v_` prefix LOAD FROM binds them by; COPY goes by position."""
    import pyarrow as pa

    return pa.schema([(_COL + name, _arrow_type(ptype)) for name, ptype in types])


def _tuples_table(rows: Sequence[Row], types: Mapping[str, PropType]):
    """Rows (in `types` order) to an Arrow table (see `_schema`). Arrow transposes them itself,
    reading tuples as struct values, a batch at a time."""
    import pyarrow as pa

    schema = _schema(tuple(types.items()))
    struct = pa.struct(list(schema))
    batches = [pa.RecordBatch.from_struct_array(pa.array(rows[i:i + _ROWS_PER_BATCH], type=struct))
               for i in range(0, len(rows), _ROWS_PER_BATCH)]
    return pa.Table.from_batches(batches, schema=schema)


def _rel_types(rel: RelType) -> dict[str, PropType]:
    return {"source": PropType.STRING, "target": PropType.STRING, **REL_PROPERTIES[rel]}


def node_table(label: NodeLabel, rows: Sequence[Row]):
    """One label's rows (`plankg.graph.rows`) to the Arrow table every write path takes, one row
    per id (`unique_node_rows`). Whether ids repeat is asked of the Arrow column first: a hash
    count in C that releases the GIL, where a Python set of ids costs as much as converting the
    column."""
    import pyarrow.compute as pc

    table = _tuples_table(rows, NODE_PROPERTIES[label])
    if pc.count_distinct(table.column(0)).as_py() == table.num_rows:
        return table
    return _tuples_table(unique_node_rows(label, rows), NODE_PROPERTIES[label])


def relationship_table(rel: RelType, rows: Sequence[Row]):
    """One group's rows (`plankg.graph.rows`) to an Arrow table, one row per (source, target),
    the last assertion winning (`unique_relationship_rows`; see `node_table` for why the check
    is Arrow's first)."""
    import pyarrow.compute as pc

    table = _tuples_table(rows, _rel_types(rel))
    # distinct targets (a task's one section) rule out a repeated pair and take a tenth of the time
    if pc.count_distinct(table.column(1)).as_py() == table.num_rows:
        return table
    pairs = [_COL + "source", _COL + "target"]
    if table.select(pairs).group_by(pairs).aggregate([]).num_rows == table.num_rows:
        return table
    return _tuples_table(unique_relationship_rows(rows), _rel_types(rel))


def node_create_cypher(label: NodeLabel) -> str:
    """Create the rows' nodes, which the caller knows are new.

    >>> node_create_cypher(NodeLabel.ENTERPRISE)
    'LOAD FROM $rows CREATE (n:Enterprise {id: v_id, name: v_name})'
    """
    props = ", ".join(f"{p}: {_COL}{p}" for p in node_columns(label))
    return f"LOAD FROM $rows CREATE (n:{label.value} {{{props}}})"


def node_update_cypher(label: NodeLabel, nulls: Mapping[str, str], *, stub: bool = False) -> str | None:
    """Update existing nodes from the rows; None when there is nothing to set.

    `nulls` says, per property, whether the rows' column has "none", "some" or "all" nulls: an
    all-null column changes nothing and is left out, a column without nulls is set outright
    (reading the old value costs a random access per row), and only a mixed one needs
    `coalesce`. A citation stub never overwrites: it fills properties still null.

    >>> node_update_cypher(NodeLabel.DEPARTMENT, {"name": "none", "jurisdiction": "some", "kind": "all"})
    ... # doctest: +NORMALIZE_WHITESPACE
    'LOAD FROM $rows MATCH (n:Department {id: v_id}) SET n.name = v_name, n.jurisdiction = coalesce(v_jurisdiction,
    n.jurisdiction)'
    >>> node_update_cypher(NodeLabel.PLAN, {"title": "none", "date": "all"}, stub=True)
    'LOAD FROM $rows MATCH (n:Plan {id: v_id}) SET n.title = coalesce(n.title, v_title)'
    >>> node_update_cypher(NodeLabel.ENTERPRISE, {"name": "all"}) is None
    True
    """
    sets = []
    for prop in node_columns(label):
        kind = nulls.get(prop, "all")
        if prop == "id" or kind == "all":
            continue
        if stub:
            sets.append(f"n.{prop} = coalesce(n.{prop}, {_COL}{prop})")
        elif kind == "none":
            sets.append(f"n.{prop} = {_COL}{prop}")
        else:
            sets.append(f"n.{prop} = coalesce({_COL}{prop}, n.{prop})")
    if not sets:
        return None
    return f"LOAD FROM $rows MATCH (n:{label.value} {{id: {_COL}id}}) SET {', '.join(sets)}"


def _nulls(table) -> dict[str, str]:
    """Per column of an Arrow table (prefix dropped): "none", "some" or "all" nulls."""
    out = {}
    for name, column in zip(table.column_names, table.columns, strict=True):
        nulls = column.null_count
        out[name[len(_COL):]] = "none" if nulls == 0 else "all" if nulls == table.num_rows else "some"
    return out


def _anchored(source: NodeLabel, target: NodeLabel) -> bool:
    """Whether to reach existing relationships from the target: the side a document owns has few
    relationships, a shared department or platform has thousands to walk."""
    return target in DOCUMENT_OWNED or source in SHARED


def relationship_update_cypher(rel: RelType, source: NodeLabel, target: NodeLabel) -> str:
    """Set the properties of the rows' relationships that exist already; returns how many.

    Each row's relationship is reached from an endpoint found by primary key: `MERGE` and
    `MATCH (a)-[e]->(b)` both plan a scan of the whole relationship table instead.

    >>> relationship_update_cypher(RelType.ISSUED_BY, NodeLabel.PLAN, NodeLabel.DEPARTMENT)
    ... # doctest: +NORMALIZE_WHITESPACE
    'LOAD FROM $rows MATCH (a:Plan {id: v_source}) OPTIONAL MATCH (a)-[e:ISSUED_BY]->(b:Department {id: v_target})
    WITH e, v_document_id, v_rule, v_printed_name WHERE e IS NOT NULL SET e.document_id = v_document_id, e.rule =
    v_rule, e.printed_name = v_printed_name RETURN count(*) AS n'
    """
    props = list(REL_PROPERTIES[rel])
    if _anchored(source, target):
        walk = (f"MATCH (b:{target.value} {{id: {_COL}target}}) "
                f"OPTIONAL MATCH (b)<-[e:{rel.value}]-(a:{source.value} {{id: {_COL}source}})")
    else:
        walk = (f"MATCH (a:{source.value} {{id: {_COL}source}}) "
                f"OPTIONAL MATCH (a)-[e:{rel.value}]->(b:{target.value} {{id: {_COL}target}})")
    carried = ", ".join(["e", *(_COL + p for p in props)])
    sets = ", ".join(f"e.{p} = {_COL}{p}" for p in props)
    return f"LOAD FROM $rows {walk} WITH {carried} WHERE e IS NOT NULL SET {sets} RETURN count(*) AS n"


def relationship_create_cypher(rel: RelType, source: NodeLabel, target: NodeLabel, *, if_missing: bool = True) -> str:
    """Create the rows' relationships, only those still missing with `if_missing`; returns how many.

    Whether one exists is asked from an endpoint found by primary key, as in the update: a
    `NOT EXISTS { ... }` guard halves its rate on a table ten times larger. Two MATCH clauses
    where both endpoints are needed: the comma form plans a cross product.

    >>> relationship_create_cypher(RelType.BUILT_BY, NodeLabel.PROJECT, NodeLabel.ENTERPRISE, if_missing=False)
    ... # doctest: +NORMALIZE_WHITESPACE
    'LOAD FROM $rows MATCH (a:Project {id: v_source}) MATCH (b:Enterprise {id: v_target}) CREATE (a)-[e:BUILT_BY
    {document_id: v_document_id, rule: v_rule, printed_name: v_printed_name}]->(b) RETURN count(*) AS n'
    >>> guarded = relationship_create_cypher(RelType.BUILT_BY, NodeLabel.PROJECT, NodeLabel.ENTERPRISE)
    >>> guarded.split(" WITH ")[0]
    'LOAD FROM $rows MATCH (a:Project {id: v_source}) OPTIONAL MATCH (a)-[e:BUILT_BY]->(:Enterprise {id: v_target})'
    >>> guarded.split(" WHERE ")[1][:60]
    'e IS NULL MATCH (b:Enterprise {id: v_target}) CREATE (a)-[e2'
    """
    props = list(REL_PROPERTIES[rel])
    values = ", ".join(f"{p}: {_COL}{p}" for p in props)
    a = f"(a:{source.value} {{id: {_COL}source}})"
    b = f"(b:{target.value} {{id: {_COL}target}})"
    if not if_missing:
        return f"LOAD FROM $rows MATCH {a} MATCH {b} CREATE (a)-[e:{rel.value} {{{values}}}]->(b) RETURN count(*) AS n"
    if _anchored(source, target):
        walk = f"MATCH {b} OPTIONAL MATCH (b)<-[e:{rel.value}]-(:{source.value} {{id: {_COL}source}})"
        kept, other, then = "b", "source", f"MATCH {a}"
    else:
        walk = f"MATCH {a} OPTIONAL MATCH (a)-[e:{rel.value}]->(:{target.value} {{id: {_COL}target}})"
        kept, other, then = "a", "target", f"MATCH {b}"
    carried = ", ".join([kept, "e", _COL + other, *(_COL + p for p in props)])
    return (f"LOAD FROM $rows {walk} WITH {carried} WHERE e IS NULL {then} "
            f"CREATE (a)-[e2:{rel.value} {{{values}}}]->(b) RETURN count(*) AS n")


def existing_ids_cypher(label: NodeLabel) -> str:
    """The ids among `$rows.v_id` that a label's table holds already (a primary-key lookup each).

    >>> existing_ids_cypher(NodeLabel.TASK)
    'LOAD FROM $rows MATCH (n:Task {id: v_id}) RETURN n.id AS id'
    """
    return f"LOAD FROM $rows MATCH (n:{label.value} {{id: {_COL}id}}) RETURN n.id AS id"


# what `graph_tables` yields between the node tables and the relationship tables
END_OF_NODES = "end of nodes"


def graph_tables(graphs: Sequence[DocumentGraph]) -> Iterator[tuple[NodeLabel | RelGroup | str, Any]]:
    """Every table a write of `graphs` takes, in write order: one per node label (vocabulary
    order), then one per relationship group, each as (label or (type, source, target), table).
    Between the two, (END_OF_NODES, None): while the relationships are read, a writer can
    checkpoint the nodes."""
    # the relationships are read while the database copies the nodes
    for label, rows in node_rows(chain.from_iterable(graph.nodes for graph in graphs)).items():
        yield label, node_table(label, rows)
    yield END_OF_NODES, None
    for key, rows in relationship_rows(chain.from_iterable(graph.relationships for graph in graphs)).items():
        yield key, relationship_table(key[0], rows)


_SWITCH_INTERVAL = 0.0001  # seconds; CPython's default is 0.005


@contextmanager
def _in_background(items: Iterator[Any], *, pause_gc: bool = False) -> Iterator[Iterator[Any]]:
    """Iterate `items` on a helper thread, so the caller gets each item as soon as it is ready
    and the next ones are computed while it works (the database releases the GIL while it
    executes). The interpreter's thread switch interval is short meanwhile: LadybugDB takes
    the GIL back now and then to scan an Arrow parameter, and would wait out a 5 ms turn of the
    helper each time.

    With `pause_gc`, Python's garbage collector is off meanwhile too (see `LadybugStore`), and
    back as it was after, whatever happens."""
    ready: queue.SimpleQueue = queue.SimpleQueue()
    stop = threading.Event()
    end = object()

    def produce() -> None:
        try:
            for item in items:
                if stop.is_set():
                    return
                ready.put(item)
        except BaseException as exc:  # handed to the consumer, raised there
            ready.put(_Failed(exc))
        ready.put(end)

    def consume() -> Iterator[Any]:
        while (item := ready.get()) is not end:
            if isinstance(item, _Failed):
                raise item.error
            yield item

    interval = sys.getswitchinterval()
    sys.setswitchinterval(min(interval, _SWITCH_INTERVAL))
    # The helper allocates a tuple per row; each few hundred of them start a collector pass (600
    # passes for 400k rows), holding the GIL the database is waiting for. Row tuples and model
    # instances form no cycles, so the collector may pause meanwhile; but it is the whole
    # process's, so only a caller who owns the process asks for that.
    paused = pause_gc and gc.isenabled()
    if paused:
        gc.disable()
    worker = threading.Thread(target=produce, name="plankg-arrow", daemon=True)
    worker.start()
    try:
        yield consume()
    finally:
        stop.set()
        worker.join()
        sys.setswitchinterval(interval)
        if paused:
            gc.enable()


class _Failed:
    def __init__(self, error: BaseException):
        self.error = error


_OWN_LABELS = ":".join(label.value for label in NodeLabel if label in DOCUMENT_OWNED)

# plans `$doc`'s Document publishes that another document owns (two files with one title): the
# relationships `$doc` asserted on them are not reached from `$doc`'s own nodes
PUBLISHED_ELSEWHERE = ("MATCH (d:Document)-[:PUBLISHES]->(p:Plan) WHERE d.document_id = $doc "
                       "AND (p.document_id IS NULL OR p.document_id <> $doc) RETURN p.id AS id")

# once `$doc`'s relationships are gone, its plan still linked to is cited by another document:
# it stays, as a stub known by its title
DEMOTE_CITED_PLAN = (
    "MATCH (n:Plan) WHERE n.document_id = $doc AND EXISTS { MATCH (n)--() } SET "
    + ", ".join(f"n.{p} = {'[]' if v == [] else 'NULL'}" for p, v in demoted_plan_properties().items()))

# the last step of a first build (see `LadybugStore._bulk_copy`)
SET_DOCUMENT_SHA = f"LOAD FROM $rows MATCH (d:Document {{id: {_COL}id}}) SET d.sha256 = {_COL}sha256"

# DETACH: relationships other documents hung on them go too
DELETE_OWN_NODES = f"MATCH (n:{_OWN_LABELS}) WHERE n.document_id = $doc DETACH DELETE n RETURN count(*) AS n"


def document_unlink_cypher(*, incoming: bool, plans: bool = False) -> str:
    """Delete the relationships document `$doc` asserted on one side of its own nodes (with
    `plans`, of the plans `$plans`), returning the other ends.

    Every relationship a document asserts touches a node it owns (ingest builds them so: a
    department, platform or cited plan always hangs off the document's plan, sections, tasks
    or projects), so walking out of and into those nodes reaches all of them, where a scan by
    `r.document_id` would read every relationship table whole. (Undirected, the walk would be
    one statement, but LadybugDB cannot delete what an undirected pattern matched.)

    >>> document_unlink_cypher(incoming=False)  # doctest: +NORMALIZE_WHITESPACE
    'MATCH (n:Document:Plan:Section:Task:Project:Target)-[r]->(m) WHERE n.document_id = $doc AND r.document_id = $doc
    DELETE r RETURN DISTINCT label(m) AS label, m.id AS id'
    >>> document_unlink_cypher(incoming=True, plans=True)[:60]
    'MATCH (n:Plan)<-[r]-(m) WHERE n.id IN $plans AND r.document_'
    """
    anchor, where = ("(n:Plan)", "n.id IN $plans") if plans else (f"(n:{_OWN_LABELS})", "n.document_id = $doc")
    edge = "<-[r]-" if incoming else "-[r]->"
    return (f"MATCH {anchor}{edge}(m) WHERE {where} AND r.document_id = $doc DELETE r "
            "RETURN DISTINCT label(m) AS label, m.id AS id")


def orphan_delete_cypher(label: NodeLabel) -> str:
    """Delete those of the nodes `$ids` that nothing links to any more; a plan only if it is a
    citation stub. Each is found by primary key: `WHERE n.id IN $ids` scans the table.

    >>> orphan_delete_cypher(NodeLabel.PLAN)  # doctest: +NORMALIZE_WHITESPACE
    'UNWIND $ids AS i MATCH (n:Plan {id: i}) WHERE NOT EXISTS { MATCH (n)--() } AND n.document_id IS NULL DELETE n
    RETURN count(*) AS n'
    """
    stub = " AND n.document_id IS NULL" if label is NodeLabel.PLAN else ""
    return (f"UNWIND $ids AS i MATCH (n:{label.value} {{id: i}}) WHERE NOT EXISTS {{ MATCH (n)--() }}{stub} "
            "DELETE n RETURN count(*) AS n")


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


def remove_store(path: Path) -> None:
    """Delete an embedded store: its file or folder and the files beside it (`.wal`, …).

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> for name in ("g.lbdb", "g.lbdb.wal", "other.lbdb"):
    ...     _ = (folder / name).write_text("x")
    >>> remove_store(folder / "g.lbdb")
    >>> sorted(p.name for p in folder.iterdir())
    ['other.lbdb']
    """
    import shutil

    for item in [path, *path.parent.glob(path.name + ".*")]:
        if item.is_dir():
            shutil.rmtree(item)
        elif item.exists():
            item.unlink()


# Operators of a plan that only read the graph: every other one (writes, COPY TO, EXPORT and
# IMPORT DATABASE, INSTALL / LOAD / UNINSTALL EXTENSION, ATTACH, USE, transactions and
# CHECKPOINT, settings) is refused in a read. Named as LadybugDB's EXPLAIN prints them.
READ_OPERATORS = frozenset({
    "AGGREGATE", "AGGREGATE_FINALIZE", "AGGREGATE_SCAN", "COUNT_EXTEND_CHAIN", "CROSS_PRODUCT", "DUMMY_SINK",
    "EMPTY_RESULT", "FILTER", "FLATTEN", "HASH_JOIN_BUILD", "HASH_JOIN_PROBE", "INDEX_LOOKUP", "INTERSECT",
    "INTERSECT_BUILD", "LIMIT", "MULTIPLICITY_REDUCER", "ORDER_BY", "ORDER_BY_MERGE", "ORDER_BY_SCAN",
    "PATH_PROPERTY_PROBE", "PRIMARY_KEY_SCAN_NODE_TABLE", "PROJECTION", "QUERY_PRIMARY_KEY_LOOKUP",
    "RECURSIVE_EXTEND", "RESULT_COLLECTOR", "SCAN_NODE_TABLE", "SCAN_REL_TABLE", "SEMI_MASKER", "SKIP",
    "TABLE_FUNCTION_CALL", "TOP_K", "TOP_K_SCAN", "UNION_ALL_SCAN", "UNWIND",
})
# Table functions a read may call: the engine's own intermediate results and its catalog.
# Not READ_CSV_*, READ_PARQUET, READ_NPY (files) or READ_PANDAS (objects of this process).
READ_FUNCTIONS = frozenset({
    "READ_FTABLE", "CURRENT_SETTING", "DB_VERSION", "SHOW_ATTACHED_DATABASES", "SHOW_CONNECTION", "SHOW_FUNCTIONS",
    "SHOW_INDEXES", "SHOW_LOADED_EXTENSIONS", "SHOW_MACROS", "SHOW_PROJECTED_GRAPHS", "SHOW_SEQUENCES",
    "SHOW_TABLES", "SHOW_WARNINGS", "STATS_INFO", "STORAGE_INFO", "TABLE_INFO",
})
_PLAN_OPERATOR = re.compile(r"\b([A-Z][A-Z_]*)\[\d+\]")
_PLAN_FUNCTION = re.compile(r"\bFunction: (\S+)")


def plan_refusals(plan: str) -> list[str]:
    """What in a plan (LadybugDB's EXPLAIN text) is not a read of the graph: operators outside
    `READ_OPERATORS`, table functions outside `READ_FUNCTIONS`. Text the query put into the plan
    (an alias, a literal) can only add names to refuse, never hide the engine's own.

    >>> plan_refusals("│ RESULT_COLLECTOR[2] │ ... │ COPY_TO[1] │ ... │ TABLE_FUNCTION_CALL[0] │ "
    ...               "Function: READ_CSV_PARALLEL │")
    ['operator COPY_TO', 'table function READ_CSV_PARALLEL']
    >>> plan_refusals("│ PROJECTION[1] │ SCAN_NODE_TABLE[0] │ Function: READ_FTABLE │")
    []
    """
    out = [f"operator {op}" for op in dict.fromkeys(_PLAN_OPERATOR.findall(plan)) if op not in READ_OPERATORS]
    out += [f"table function {fn}" for fn in dict.fromkeys(_PLAN_FUNCTION.findall(plan)) if fn not in READ_FUNCTIONS]
    return out


_WRITE_REFUSED = "Cannot execute write operations in a read-only database"
_DAMAGE = ("not a valid Lbug database", "Cannot read checkpoint", "outside the database file", "checksum",
           "corrupt", "Corrupt")


def open_failure(message: str, url: str, path: Path) -> StoreError:
    """The error to raise when LadybugDB cannot open the store at `path`, told apart by the
    engine's message: another process writing it, a damaged file, or anything else.

    >>> open_failure("Unable to open database. The file is not a valid Lbug database file!",
    ...              "ladybug:///s", Path("/s")).what
    'the graph store /s is damaged (Unable to open database. The file is not a valid Lbug database file!)'
    >>> locked = open_failure("Could not set lock on file : /s (Lock is held by PID 7)", "ladybug:///s", Path("/s"))
    >>> "plankg load" in locked.fix
    True
    """
    message = message.removeprefix("Runtime exception: ").removeprefix("IO exception: ")
    if "Could not set lock" in message:
        holder = re.search(r"held by PID (\d+)", message)
        who = f"process {holder.group(1)}" if holder else "another process"
        return StoreError(f"the graph store {path} is open for writing by {who}", where=url,
                          fix="wait until that process (a `plankg load` or `plankg demo`) ends, or stop it")
    if any(sign in message for sign in _DAMAGE):
        # LadybugDB adds "please retry later" because a checkpoint in another process looks the
        # same for a moment; a store no process is writing stays this way: it is damaged
        message = message.split(" The database may be checkpointing")[0]
        return StoreError(f"the graph store {path} is damaged ({message})", where=url,
                          fix=f"restore it from a copy, or delete {path} (and {path}.wal) and build it again with "
                              "`plankg load DOCUMENTS` (or `plankg demo`); if a `plankg load` is writing it right now, "
                              "wait for it to end first")
    return StoreError(f"cannot open the graph store {path}: {message}", where=url,
                      fix="check that the path is a plankg store (a file) and that its folder is writable")


def missing_store(url: str, path: Path) -> StoreError:
    return StoreError(f"there is no graph store at {path}", where=url,
                      fix="build one with `plankg demo` (or `plankg load DOCUMENTS --store ladybug://PATH`), or name "
                          "an existing store with --store or PLANKG_STORE")


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
        try:
            import ladybug
        except ImportError:
            raise MissingDependencyError("ladybug", "the embedded graph store") from None
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
            self._db = self._open_database(ladybug)
            self._conn = ladybug.Connection(self._db)
        except (RuntimeError, OSError) as exc:
            self.close()
            raise open_failure(str(exc), url, self.path) from None

    def _open_database(self, ladybug: Any) -> Any:
        try:
            return ladybug.Database(str(self.path), read_only=self.read_only)
        except RuntimeError as exc:
            if not (self.read_only and "recovery is pending" in str(exc)):
                raise
        # A checkpoint was cut short (a killed writer): LadybugDB finishes it on a read-write
        # open, which restores the state of the last commit and changes no data.
        ladybug.Database(str(self.path)).close()
        return ladybug.Database(str(self.path), read_only=True)

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

    def _upsert_node_table(self, label: NodeLabel, table):
        """Upsert one row per id; returns the ids of the nodes it created.

        Existing ids are looked up first (a primary-key probe each) so that new nodes take
        CREATE and existing ones MATCH ... SET: both keep their rate as the table grows, where
        MERGE with coalesce fell to a quarter on a table ten times larger."""
        import pyarrow.compute as pc

        ids = table.column(_COL + "id")
        is_old = pc.is_in(ids, value_set=self._existing_ids(label, ids))
        new, old = table.filter(pc.invert(is_old)), table.filter(is_old)
        if new.num_rows:
            self._execute(node_create_cypher(label), {"rows": new})
        parts = [(old, False)]
        if label is NodeLabel.PLAN:
            stub = pc.is_null(old.column(_COL + "document_id"))
            parts = [(old.filter(pc.invert(stub)), False), (old.filter(stub), True)]
        for part, is_stub_part in parts:
            cypher = node_update_cypher(label, _nulls(part), stub=is_stub_part) if part.num_rows else None
            if cypher:
                self._execute(cypher, {"rows": part})
        return new.column(_COL + "id").combine_chunks()

    def _existing_ids(self, label: NodeLabel, ids):
        """Which of `ids` (a list or an Arrow array) the label's table holds, as an Arrow array
        (read as Arrow: one Python dict per id would cost more than the lookup)."""
        import pyarrow as pa

        table = pa.Table.from_arrays([pa.array(ids, type=pa.string())], names=[_COL + "id"])
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
            ids = sorted(set(table.column(_COL + key).to_pylist()))
            found = set(self._existing_ids(label, ids).to_pylist())
            missing += [f"{label.value} {i}" for i in ids if i not in found]
        raise StoreError(f"{rel.value} relationships point at nodes that do not exist: {', '.join(missing[:5])}"
                         + (f" and {len(missing) - 5} more" if len(missing) > 5 else ""), where=self.url,
                         fix="every relationship's endpoints must be nodes of the same document or already loaded")

    def _write(self, graphs: Sequence[DocumentGraph]) -> None:
        """Write the nodes, then the relationships, of `graphs` by the cheapest safe path: COPY
        into empty tables; otherwise CREATE for new nodes and for relationships that touch a node
        created here (it cannot have any yet), and update-or-create for the rest. A helper
        thread builds the next Arrow tables while the database writes (on a bulk load building
        them costs about as much as COPY)."""
        import pyarrow as pa
        import pyarrow.compute as pc

        created: dict[NodeLabel, Any] = {}
        empty: dict[RelType, bool] = {}  # asked once per type, before its first group is written
        none = pa.array([], pa.string())
        with _in_background(graph_tables(graphs), pause_gc=self.pause_gc) as tables:
            for key, table in tables:
                if key == END_OF_NODES:
                    continue
                if isinstance(key, NodeLabel):
                    if self._is_empty(key.value):
                        self._copy(key.value, table)
                        created[key] = table.column(_COL + "id").combine_chunks()
                    else:
                        created[key] = self._upsert_node_table(key, table)
                    continue
                rel, source, target = key
                if rel not in empty:
                    empty[rel] = self._is_empty(rel.value, rel=True)
                if empty[rel]:
                    # one row per (source, target) in a group, and groups never share a pair: COPY cannot duplicate
                    self._copy_relationships(rel, source, target, table)
                    continue
                is_new = pc.or_(pc.is_in(table.column(_COL + "source"), value_set=created.get(source, none)),
                                pc.is_in(table.column(_COL + "target"), value_set=created.get(target, none)))
                new, rest = table.filter(is_new), table.filter(pc.invert(is_new))
                if new.num_rows:
                    self._create_relationships(rel, source, target, new)
                if rest.num_rows:
                    self._upsert_relationships(rel, source, target, rest)

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

    def _load_in_one_transaction(self, graphs: Sequence[DocumentGraph], loaded: Mapping[str, Any]) -> None:
        self._execute("BEGIN TRANSACTION")
        try:
            for graph in graphs:
                if graph.document_id in loaded:
                    self._delete_document(graph.document_id)
            self._write(graphs)
            self._execute("COMMIT")
        except BaseException:
            self._rollback()
            raise

    def _store_is_empty(self) -> bool:
        return all(self._is_empty(label.value) for label in NodeLabel)

    def _bulk_copy(self, graphs: Sequence[DocumentGraph]) -> None:
        """Load `graphs` into an empty store: one COPY per table, each committed on its own, a
        checkpoint after the nodes and one at the end.

        The fast path of a first build. Inside a transaction, COPY writes every row to the
        write-ahead log and the commit then checkpoints them into the tables again, which cost
        as much as the COPY statements themselves; auto-committed COPY writes the tables
        directly, and with automatic checkpoints off, it checkpoints twice rather than after
        every table: once when the nodes are in (while the helper thread reads the
        relationships, so the database is not idle meanwhile) and once at the end.

        All or nothing is kept by hand: if any statement fails, every table is emptied again
        (the store held nothing before) and the error is raised. A document's sha256, which
        tells the next load that the document is in the store already, is written last: a
        process killed midway leaves documents without it, which the next load replaces whole."""
        import pyarrow as pa

        shas = None
        self._execute("CALL auto_checkpoint=false")
        try:
            with _in_background(graph_tables(graphs), pause_gc=self.pause_gc) as tables:
                for key, table in tables:
                    if key == END_OF_NODES:
                        # the nodes' share of the checkpoint (most of it: their primary-key
                        # indexes) runs while the helper thread reads the relationships
                        self._execute("CHECKPOINT")
                        continue
                    if isinstance(key, NodeLabel):
                        if key is NodeLabel.DOCUMENT:
                            sha = table.column_names.index(_COL + "sha256")
                            shas = table.select([_COL + "id", _COL + "sha256"])
                            table = table.set_column(sha, table.schema.field(sha),
                                                     pa.nulls(table.num_rows, pa.string()))
                        self._copy(key.value, table)
                        self._filled.add(key.value)
                    else:
                        rel, source, target = key
                        self._copy_relationships(rel, source, target, table)
                        self._filled.add(rel.value)
            if shas is not None:
                self._execute(SET_DOCUMENT_SHA, {"rows": shas})
            self._execute("CHECKPOINT")
        except BaseException:
            self._empty_all_tables()
            raise
        finally:
            self._execute("CALL auto_checkpoint=true")

    def _empty_all_tables(self) -> None:
        """Back to an empty store after a failed `_bulk_copy`."""
        try:
            self._execute("BEGIN TRANSACTION")
            for label in NodeLabel:
                self._execute(f"MATCH (n:{label.value}) DETACH DELETE n")
            self._execute("COMMIT")
        except BaseException as exc:
            self._rollback()
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
        self._execute("BEGIN TRANSACTION")
        try:
            removed = self._delete_document(document_id)
            self._execute("COMMIT")
        except BaseException:
            self._rollback()
            raise
        return removed

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
