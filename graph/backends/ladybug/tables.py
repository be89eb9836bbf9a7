"""Arrow tables of rows (`plankg.graph.rows`), typed from the vocabulary, as every write path
binds them to `LOAD FROM $rows` / `COPY ... FROM $rows`; and the helper thread that builds the
next tables while the database writes."""
from __future__ import annotations

import gc
import queue
import sys
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import cache
from itertools import chain
from typing import Any

from plankg.graph.rows import (
    RelGroup,
    Row,
    node_rows,
    relationship_rows,
    unique_node_rows,
    unique_relationship_rows,
)
from plankg.ontology.model import DocumentGraph
from plankg.ontology.vocab import NODE_PROPERTIES, REL_PROPERTIES, NodeLabel, PropType, RelType

# Arrow column names are prefixed: LOAD FROM binds columns as variables, and property names
# such as `date`, `value` or `level` would otherwise meet Cypher keywords and functions.
COL = "v_"


_ROWS_PER_BATCH = 2048  # short C-level calls (see `in_background`), on tuples still in the CPU cache


def _arrow_type(ptype: PropType):
    import pyarrow as pa

    return {PropType.STRING: pa.string(), PropType.INT: pa.int64(), PropType.FLOAT: pa.float64(),
            PropType.STRINGS: pa.list_(pa.string())}[ptype]


@cache
def _schema(types: tuple[tuple[str, PropType], ...]):
    """Arrow schema for columns typed from the vocabulary (so all-null columns keep their type),
    named with the `v_` prefix LOAD FROM binds them by; COPY goes by position."""
    import pyarrow as pa

    return pa.schema([(COL + name, _arrow_type(ptype)) for name, ptype in types])


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
    table = _tuples_table(rows, _rel_types(rel))
    if _pairs_unique(table):
        return table
    return _tuples_table(unique_relationship_rows(rows), _rel_types(rel))


def _pairs_unique(table) -> bool:
    """Whether no (source, target) pair repeats in a relationship table, asked of the Arrow columns."""
    import pyarrow.compute as pc

    # distinct targets (a task's one section) rule out a repeated pair and take a tenth of the time
    if pc.count_distinct(table.column(1)).as_py() == table.num_rows:
        return True
    pairs = [COL + "source", COL + "target"]
    # Arrow's thread pool costs more than it saves on tables of a batch (3.5x the CPU time on 20k rows)
    return bool(table.select(pairs).group_by(pairs, use_threads=False).aggregate([]).num_rows == table.num_rows)



def null_kinds(table) -> dict[str, str]:
    """Per column of an Arrow table (prefix dropped): "none", "some" or "all" nulls."""
    out = {}
    for name, column in zip(table.column_names, table.columns, strict=True):
        nulls = column.null_count
        out[name[len(COL):]] = "none" if nulls == 0 else "all" if nulls == table.num_rows else "some"
    return out



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


def _columns(table, types: Mapping[str, PropType]):
    """A facts dataset table's columns (`plankg.graph.facts`: `_document`, then the row's fields in
    the same order and types) as the table `_tuples_table` builds from those rows, in chunks that
    each hold rows (see `without_empty_chunks`)."""
    import pyarrow as pa

    schema = _schema(tuple(types.items()))
    columns = [column.cast(field.type) for column, field in zip(table.columns[1:], schema, strict=True)]
    return without_empty_chunks(pa.Table.from_arrays(columns, schema=schema))


def without_empty_chunks(table):
    """`table` without its empty chunks: LadybugDB (0.22) stops reading an Arrow parameter at its
    first empty chunk, so `COPY ... FROM $rows` of chunks [], [a, b] copies nothing and says nothing.
    A dataset table joined from parts (one left empty by the documents left out of it) or taken
    from pieces has some.

    >>> import pyarrow as pa
    >>> parts = pa.concat_tables([pa.table({"v_id": pa.array([], pa.string())}), pa.table({"v_id": ["a", "b"]})])
    >>> [len(c) for c in parts.column(0).chunks], [len(c) for c in without_empty_chunks(parts).column(0).chunks]
    ([0, 2], [2])
    """
    import pyarrow as pa

    if all(len(chunk) for column in table.columns for chunk in column.chunks):
        return table
    return pa.Table.from_batches([batch for batch in table.to_batches() if batch.num_rows], schema=table.schema)


def _rows(table) -> list[Row]:
    return list(zip(*(column.to_pylist() for column in table.columns), strict=True))


def dataset_node_table(label: NodeLabel, table):
    """A dataset part's table of `label` as `node_table` builds it from the same rows: one row per
    id, read without a Python object per row unless ids repeat (a department many documents share),
    which are merged by the rows' rules (`unique_node_rows`).

    >>> import pyarrow as pa
    >>> part = pa.table({"_document": ["a", "b"], "id": ["e", "e"], "name": ["联想", None],
    ...                  "jurisdiction": [None, "北京市"], "aliases": pa.array([[], []], pa.list_(pa.string()))})
    >>> dataset_node_table(NodeLabel.ENTERPRISE, part).to_pylist()
    [{'v_id': 'e', 'v_name': '联想', 'v_jurisdiction': '北京市', 'v_aliases': []}]
    """
    import pyarrow.compute as pc

    table = _columns(table, NODE_PROPERTIES[label])
    if pc.count_distinct(table.column(0)).as_py() == table.num_rows:
        return table
    return _unique_rows(label, table)


_LIST_SEPARATOR = "\x1f"  # joins a list's strings into one group key; a list holding it is compared in Python


def _unique_rows(label: NodeLabel, table):
    """`unique_node_rows` of a dataset table's rows, as a table. Ingest repeats a shared node
    unchanged in every document that names it: ids whose rows are all the same keep their first
    row, found in Arrow; only the ids whose rows differ are merged row by row in Python (the
    rows' rules). The order is `unique_node_rows`': ids seen once in order, then each repeated id
    in the order of its first appearance.

    >>> import pyarrow as pa
    >>> rows = pa.table({"_document": list("abcdef"), "id": ["d1", "d2", "d1", "d3", "d4", "d4"],
    ...                  "name": ["科技局", "财政局", "科技局", "经信局", "商务局", None], "jurisdiction": [None] * 6,
    ...                  "kind": [None] * 6, "aliases": [["科技局"], [], ["科技局"], None, [], []]})
    >>> _unique_rows(NodeLabel.DEPARTMENT, _columns(rows, NODE_PROPERTIES[NodeLabel.DEPARTMENT]))["v_name"].to_pylist()
    ['财政局', '经信局', '科技局', '商务局']
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    index = pa.array(range(table.num_rows), pa.int64())
    per_id = pa.table({"id": table.column(0), "i": index}).group_by("id", use_threads=False).aggregate(
        [("i", "min"), ("i", "count")])
    ids, first = per_id.column("id").combine_chunks(), per_id.column("i_min").combine_chunks()
    # each row beside its id's first row: the rows that differ from it name the ids to merge
    reference = table.take(first.take(pc.index_in(table.column(0), value_set=ids)))
    same = None
    for name in table.column_names[1:]:
        pairs = [table.column(name), reference.column(name)]
        if pa.types.is_list(pairs[0].type):
            values = pc.list_flatten(pairs[0])
            if values.null_count or len(values) and pc.any(pc.match_substring(values, _LIST_SEPARATOR)).as_py():
                return _tuples_table(unique_node_rows(label, _rows(table)), NODE_PROPERTIES[label])
            # [] and [""], a null list and [] told apart by their lengths
            pairs = [pc.binary_join(column, _LIST_SEPARATOR) for column in pairs] + [
                pc.list_value_length(column) for column in pairs]
        for a, b in zip(pairs[::2], pairs[1::2], strict=True):
            equal = pc.fill_null(pc.equal(a, b), pc.and_(pc.is_null(a), pc.is_null(b)))
            same = equal if same is None else pc.and_(same, equal)
    differing = pc.unique(table.column(0).filter(pc.invert(same))) if same is not None else pa.array([], pa.string())
    once = pc.equal(per_id.column("i_count").combine_chunks(), 1)
    merged = pc.is_in(ids, value_set=differing)

    def firsts(mask):
        indexes = first.filter(mask)
        return indexes.take(pc.array_sort_indices(indexes))

    repeated = table.take(firsts(pc.and_(pc.invert(once), pc.invert(merged))))
    if len(differing):
        rows = _rows(table.filter(pc.is_in(table.column(0), value_set=differing)))
        # the merged rows come in the order of their ids' first rows, as the kept repeated rows do
        repeated = pa.concat_tables([repeated, _tuples_table(unique_node_rows(label, rows), NODE_PROPERTIES[label])])
        order = pa.concat_arrays([firsts(pc.and_(pc.invert(once), pc.invert(merged))), firsts(merged)])
        repeated = repeated.take(pc.array_sort_indices(order))
    return without_empty_chunks(pa.concat_tables([table.take(firsts(once)), repeated]))


def dataset_relationship_table(rel: RelType, table):
    """A dataset part's table of one relationship group as `relationship_table` builds it: one row
    per (source, target), the last assertion winning."""
    table = _columns(table, _rel_types(rel))
    if _pairs_unique(table):
        return table
    return _tuples_table(unique_relationship_rows(_rows(table)), _rel_types(rel))


def dataset_tables(tables: Mapping[str, Any]) -> Iterator[tuple[NodeLabel | RelGroup | str, Any]]:
    """`graph_tables` of a facts dataset part (`plankg.graph.facts.read_part`, its documents as
    they are to be written): the same tables in the same order, built from the part's Arrow
    columns instead of from model instances."""
    from plankg.graph.facts import DOCUMENTS, table_key

    # each table is taken when its turn comes: a batch that reads its tables on demand reads them here
    named = {table_key(name): name for name in tables if name != DOCUMENTS}
    for label in NodeLabel:
        if label in named and (table := tables[named[label]]).num_rows:
            yield label, dataset_node_table(label, table)
    yield END_OF_NODES, None
    for key, name in named.items():
        if isinstance(key, tuple) and (table := tables[name]).num_rows:
            yield key, dataset_relationship_table(key[0], table)


_SWITCH_INTERVAL = 0.0001  # seconds; CPython's default is 0.005


@contextmanager
def in_background(items: Iterator[Any], *, pause_gc: bool = False) -> Iterator[Iterator[Any]]:
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


