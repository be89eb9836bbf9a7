"""Load many documents into a store, batched where the backend allows, idempotently.

Each document is one unit (replaced whole, all or nothing); a store whose capabilities say
`batch_documents` takes several per transaction, up to `max_batch_rows` rows, and retries a
failed batch one document at a time, so the outcome is the same as loading them one by one.

>>> from plankg.ontology.model import DocumentGraph, Enterprise
>>> g = DocumentGraph(document_id="d", nodes=[Enterprise(id="e", name="联想")], relationships=[])
>>> batches([g, g, g], max_rows=2)
[[0, 1], [2]]
"""
from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from plankg.errors import StoreError
from plankg.graph.store import GraphStore, LoadReport
from plankg.ontology.model import DocumentGraph
from plankg.ontology.vocab import DOCUMENT_OWNED, NodeLabel

Progress = Callable[[int, int, str], None]


def _size(graph: DocumentGraph) -> int:
    return len(graph.nodes) + len(graph.relationships)


def batches(graphs: Sequence[DocumentGraph], *, max_rows: int) -> list[list[int]]:
    """Indexes of `graphs` cut into consecutive batches of at most `max_rows` nodes+relationships
    (a larger document is a batch of its own)."""
    return row_batches([_size(graph) for graph in graphs], max_rows=max_rows)


def row_batches(sizes: Sequence[int], *, max_rows: int) -> list[list[int]]:
    """Indexes of items of `sizes` rows cut into consecutive batches of at most `max_rows` rows
    (a larger item is a batch of its own; `max_rows` 0: every item alone).

    >>> row_batches([6, 3, 2, 9, 1], max_rows=10), row_batches([1, 1], max_rows=0)
    ([[0, 1], [2], [3, 4]], [[0], [1]])
    """
    out: list[list[int]] = []
    rows = 0
    for i, size in enumerate(sizes):
        if not out or max_rows <= 0 or rows + size > max_rows:
            out.append([])
            rows = 0
        out[-1].append(i)
        rows += size
    return out


def load_graphs(store: GraphStore, graphs: Iterable[DocumentGraph | tuple[DocumentGraph, str | None]], *,
                progress: Progress | None = None, sha256: Callable[[DocumentGraph], str | None] | None = None,
                errors: list[StoreError] | None = None) -> list[LoadReport]:
    """Load every graph into `store`, in order; returns the loaded documents' reports, in order.

    `graphs` holds DocumentGraphs or (DocumentGraph, sha256) pairs; a document whose sha256 equals
    the loaded version's is skipped (`sha256(graph)` gives it for bare graphs; without either, every
    document is written again, which leaves the store's counts unchanged).
    `progress(n_done, n_total, document_id)` is called after each document, once committed.
    A failure raises `StoreError` naming the document, with the documents before it kept; given an
    `errors` list, failures are appended there instead and the other documents still load.
    """
    items: list[tuple[DocumentGraph, str | None]] = []
    for entry in graphs:
        graph, sha = entry if isinstance(entry, tuple) else (entry, None)
        items.append((graph, sha if sha is not None or sha256 is None else sha256(graph)))
    caps = store.capabilities
    reports: list[LoadReport] = []
    max_rows = caps.max_batch_rows if caps.batch_documents else 0
    for batch in batches([graph for graph, _ in items], max_rows=max_rows):
        reports += store.load_documents([items[i] for i in batch], errors=errors)
        if progress is not None:
            for i in batch:
                progress(i + 1, len(items), items[i][0].document_id)
    return reports


class DatasetBatch(Mapping[str, Any]):
    """The tables of consecutive parts of a facts dataset by name (as `plankg.graph.facts.read_part`
    gives one part's), each table read and its parts joined when first asked for: a writer that
    takes them one at a time, on a helper thread (`dataset_tables` under `in_background`), reads
    the next while the database writes the last. Documents `left_out` of a part (by part name:
    given already by an earlier part or input) are left out of its tables as they are read, and
    listed in `repeated`; `rows` counts the nodes and relationships of the documents kept."""

    def __init__(self, dataset: Path, names: Sequence[str], documents: Sequence[Any],
                 left_out: Mapping[str, Sequence[str]] | None = None):
        import pyarrow as pa

        from plankg.graph.facts import DOCUMENTS, part_files

        self._left_out = {name: pa.array(ids, pa.string()) for name, ids in (left_out or {}).items() if ids}
        self.repeated = [doc for name in names for doc in (left_out or {}).get(name, ())]
        docs = pa.concat_tables(documents)
        self.document_ids: list[str] = docs.column("document_id").to_pylist()
        self.rows = sum(v or 0 for v in docs.column("rows").to_pylist())
        self._tables: dict[str, Any] = {DOCUMENTS: docs}
        self._files = part_files(dataset, names)

    def _read(self, path: Path):
        import pyarrow.compute as pc

        from plankg.graph.facts import OWNER, read_dataset_table

        table = read_dataset_table(path)
        left_out = self._left_out.get(path.stem)
        if left_out is not None:
            table = table.filter(pc.invert(pc.is_in(table.column(OWNER), value_set=left_out)))
        return table

    def __getitem__(self, name: str) -> Any:
        if name not in self._tables:
            import pyarrow as pa

            self._tables[name] = pa.concat_tables([self._read(path) for path in self._files[name]])
        return self._tables[name]

    def __iter__(self) -> Iterator[str]:
        return iter([*self._tables.keys() - self._files.keys(), *self._files])

    def __len__(self) -> int:
        return len(set(self._tables) | set(self._files))


# A dataset's batches hold Arrow columns, not model instances: larger than a load of models. Each batch after
# the first is appended to a filled embedded store and checkpointed, which costs about as much as its COPY;
# on 10k synthetic documents (1.7M rows) 250k-row batches loaded in 24 s with a 3.8 GB peak, 1M-row batches in
# 10.6 s with 1.9 GB (fewer checkpoints also leave less in the buffer pool).
DATASET_BATCH_ROWS = 1_000_000


def dataset_batches(dataset: Path, *, batch_rows: int = DATASET_BATCH_ROWS,
                    seen: Collection[str] = ()) -> Iterator[DatasetBatch]:
    """A facts dataset as batches of whole parts of up to `batch_rows` rows (a larger part is a
    batch of its own), in order. A document in `seen`, or in an earlier part, is left out of its
    part (the batch's `repeated` lists it): one document given twice loads once, the first time.
    Only the parts' `documents` tables are read here; the batch reads the others when asked."""
    import pyarrow as pa
    import pyarrow.compute as pc

    from plankg.graph.facts import parts, read_documents

    known = set(seen)
    names = parts(dataset)
    documents, left_out = [], {}
    for name in names:
        table = read_documents(dataset, name)
        ids = table.column("document_id").to_pylist()
        repeated = [doc for doc in ids if doc in known]
        known.update(ids)
        if repeated:
            left_out[name] = repeated
            table = table.filter(pc.invert(pc.is_in(table.column("document_id"),
                                                    value_set=pa.array(repeated, pa.string()))))
        documents.append(table)
    sizes = [sum(v or 0 for v in table.column("rows").to_pylist()) for table in documents]
    for batch in row_batches(sizes, max_rows=batch_rows):
        yield DatasetBatch(dataset, [names[i] for i in batch], [documents[i] for i in batch],
                           {names[i]: left_out[names[i]] for i in batch if names[i] in left_out})


def load_tables(store: GraphStore, tables: Mapping[str, Any], *,
                errors: list[StoreError] | None = None) -> list[LoadReport]:
    """Load one batch of a facts dataset's tables (a `DatasetBatch`, or `read_part`'s tables); returns
    its documents' reports, in order. A store with COPY (`Capabilities.bulk_copy`) writes the batch
    straight from its columns (`load_part`: no model instance per row, each table read while the one
    before is written; an empty store takes it by COPY alone); any other loads the batch's documents
    (`load_graphs`). Skipping documents loaded already, replacing earlier versions and the failure
    policy are `load_graphs`' own."""
    from plankg.graph.facts import graphs_of_tables

    load_part = getattr(store, "load_part", None) if store.capabilities.bulk_copy else None
    if load_part is not None:
        return load_part(tables, errors=errors)
    return load_graphs(store, graphs_of_tables(tables), errors=errors)


def load_dataset(store: GraphStore, dataset: Path, *, batch_rows: int = DATASET_BATCH_ROWS,
                 progress: Progress | None = None, errors: list[StoreError] | None = None) -> list[LoadReport]:
    """Load a Parquet facts dataset (`plankg.graph.facts`) into `store`, a batch of whole parts at a
    time (`dataset_batches`, `load_tables`); returns the documents' reports, in order.
    `progress(documents done, total, last document id)` is called after each batch."""
    batches = list(dataset_batches(dataset, batch_rows=batch_rows))
    total = sum(len(batch.document_ids) for batch in batches)
    reports: list[LoadReport] = []
    done = 0
    for batch in batches:
        reports.extend(load_tables(store, batch, errors=errors))
        done += len(batch.document_ids)
        if progress is not None and batch.document_ids:
            progress(done, total, batch.document_ids[-1])
    return reports


def summarize(reports: Iterable[LoadReport]) -> dict[str, dict[str, int]]:
    """Totals per outcome and label across reports.

    >>> summarize([LoadReport("a", created={"Task": 2}), LoadReport("b", created={"Task": 1}, unchanged={"Plan": 1})])
    {'created': {'Task': 3}, 'updated': {}, 'unchanged': {'Plan': 1}}
    """
    totals: dict[str, dict[str, int]] = {"created": {}, "updated": {}, "unchanged": {}}
    for report in reports:
        for kind, per_label in totals.items():
            for label, n in getattr(report, kind).items():
                per_label[label] = per_label.get(label, 0) + n
    return totals


def stored_node_ids(store: GraphStore, graphs: Iterable[DocumentGraph], *, chunk: int = 10_000) -> set[tuple[str, str]]:
    """(label, id) of the nodes of `graphs` that `store` holds already: asked before a load, they
    tell the nodes the load creates from those it merges into (a department many documents share)."""
    wanted: dict[NodeLabel, set[str]] = {}
    for graph in graphs:
        for node in graph.nodes:
            wanted.setdefault(node.label, set()).add(node.id)
    return _stored_ids(store, wanted, chunk=chunk)


def stored_table_ids(store: GraphStore, tables: Mapping[str, Any], *, chunk: int = 10_000) -> set[tuple[str, str]]:
    """`stored_node_ids` of a batch of a facts dataset's tables (`DatasetBatch`), from their `id` columns."""
    import pyarrow.compute as pc

    wanted = {label: set(pc.unique(tables[label.value].column("id")).to_pylist())
              for label in NodeLabel if label.value in tables}
    return _stored_ids(store, wanted, chunk=chunk)


def _stored_ids(store: GraphStore, wanted: Mapping[NodeLabel, set[str]], *, chunk: int) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for label, ids in wanted.items():
        ordered = sorted(ids)
        for start in range(0, len(ordered), chunk):
            rows = store.run(f"MATCH (n:{label.value}) WHERE n.id IN $ids RETURN n.id AS id",
                             {"ids": ordered[start:start + chunk]})
            found.update((label.value, row["id"]) for row in rows)
    return found


def distinct_totals(graphs: Iterable[DocumentGraph], reports: Iterable[LoadReport],
                    stored: set[tuple[str, str]]) -> dict[str, dict[str, int]]:
    """Totals per outcome and label counting every node once, however many documents hold it: created
    (not in the store before: `stored`, from `stored_node_ids`), updated (written again) or unchanged
    (only in documents skipped as loaded already). Documents without a report (failed) count nothing.

    >>> from plankg.ontology.model import Enterprise
    >>> shared = Enterprise(id="e1", name="联想")
    >>> a = DocumentGraph(document_id="a", nodes=[shared], relationships=[])
    >>> b = DocumentGraph(document_id="b", nodes=[shared, Enterprise(id="e2", name="华为")], relationships=[])
    >>> reports = [LoadReport.for_graph(a, "created"), LoadReport.for_graph(b, "created")]
    >>> summarize(reports)["created"], distinct_totals([a, b], reports, set())["created"]
    ({'Enterprise': 3}, {'Enterprise': 2})
    >>> distinct_totals([a, b], reports, {("Enterprise", "e1")})
    {'created': {'Enterprise': 1}, 'updated': {'Enterprise': 1}, 'unchanged': {}}
    """
    tally = NodeTally()
    tally.add(list(graphs), reports, stored)
    return tally.totals()


@dataclass
class NodeTally:
    """Created / updated / unchanged per label, each node once, fed a batch at a time: a document's own
    nodes are counted as they come (their ids are the document's, so no id is kept), shared ones by id
    (a node written by any document counts as written)."""

    own: dict[str, dict[str, int]] = field(default_factory=lambda: {"created": {}, "updated": {}, "unchanged": {}})
    shared: dict[tuple[str, str], str] = field(default_factory=dict)

    def add(self, graphs: list[DocumentGraph], reports, stored: set[tuple[str, str]]) -> None:
        by_id = {report.document_id: report for report in reports}
        for graph in graphs:
            report = by_id.get(graph.document_id)
            if report is None:
                continue
            for node in graph.nodes:
                key = (node.label.value, node.id)
                kind = "unchanged" if report.skipped else "updated" if key in stored else "created"
                stub = node.label is NodeLabel.PLAN and getattr(node, "document_id", None) is None  # a cited plan
                if node.label in DOCUMENT_OWNED and not stub:
                    counts = self.own[kind]
                    counts[key[0]] = counts.get(key[0], 0) + 1
                elif self.shared.get(key, "unchanged") == "unchanged":  # written by any document: written
                    self.shared[key] = kind

    def add_tables(self, tables: Mapping[str, Any], reports: Iterable[LoadReport],
                   stored: set[tuple[str, str]]) -> None:
        """`add` for a batch of a facts dataset's tables (`DatasetBatch`), counted from the `_document`
        and `id` columns of its node tables (and a plan's `document_id`: a cited plan is shared)
        instead of from a model instance per node."""
        import pyarrow as pa
        import pyarrow.compute as pc

        from plankg.graph.facts import DOCUMENTS, OWNER

        reports = list(reports)
        reported = pa.array([report.document_id for report in reports], pa.string())
        written = pa.array([report.document_id for report in reports if not report.skipped], pa.string())
        # a first load writes every document and finds nothing stored: no column need be looked up
        every_document = len(reports) == tables[DOCUMENTS].num_rows
        known: dict[str, list[str]] = {}
        for label_name, node_id in stored:
            known.setdefault(label_name, []).append(node_id)
        for label in NodeLabel:
            if label.value not in tables:
                continue
            table = tables[label.value]
            if not every_document:
                table = table.filter(pc.is_in(table.column(OWNER), value_set=reported))
            if not table.num_rows:
                continue
            is_written = (pa.repeat(len(written) > 0, table.num_rows) if len(written) in (0, len(reports))
                          else pc.is_in(table.column(OWNER), value_set=written))
            is_stored = (pc.is_in(table.column("id"), value_set=pa.array(known[label.value], pa.string()))
                         if label.value in known else pa.repeat(False, table.num_rows))
            if label in DOCUMENT_OWNED:
                own = table.num_rows
                shared = None
                if label is NodeLabel.PLAN:  # a plan without a document is a cited one: shared
                    shared = pc.is_null(table.column("document_id"))
                    own -= _trues(shared)
                    is_own_written = pc.and_(pc.invert(shared), is_written)
                    is_stored = pc.and_(pc.invert(shared), is_stored)
                else:
                    is_own_written = is_written
                n_written = _trues(is_own_written)
                n_updated = _trues(pc.and_(is_own_written, is_stored))
                for kind, n in (("created", n_written - n_updated), ("updated", n_updated),
                                ("unchanged", own - n_written)):
                    if n:
                        counts = self.own[kind]
                        counts[label.value] = counts.get(label.value, 0) + n
                if shared is None or not _trues(shared):
                    continue
                table, is_written = table.filter(shared), is_written.filter(shared)
            by_id = pa.table({"id": table.column("id"), "written": is_written}).group_by(
                "id", use_threads=False).aggregate([("written", "any")])
            for node_id, any_written in zip(by_id.column("id").to_pylist(), by_id.column("written_any").to_pylist(),
                                            strict=True):
                key = (label.value, node_id)
                kind = "unchanged" if not any_written else "updated" if key in stored else "created"
                if self.shared.get(key, "unchanged") == "unchanged":  # written by any document: written
                    self.shared[key] = kind

    def totals(self) -> dict[str, dict[str, int]]:
        totals = {kind: dict(counts) for kind, counts in self.own.items()}
        for (label, _), kind in self.shared.items():
            totals[kind][label] = totals[kind].get(label, 0) + 1
        return {kind: dict(sorted(counts.items())) for kind, counts in totals.items()}


def _trues(mask) -> int:
    import pyarrow.compute as pc

    return int(pc.sum(mask).as_py() or 0)


def format_summary(totals: dict[str, dict[str, int]]) -> str:
    """One line per outcome, labels in a stable order.

    >>> format_summary({"created": {"Task": 3, "Plan": 1}, "updated": {}, "unchanged": {}})
    'created: Plan 1, Task 3\\nupdated: -\\nunchanged: -'
    """
    return "\n".join(f"{kind}: " + (", ".join(f"{label} {n}" for label, n in sorted(per_label.items())) or "-")
                     for kind, per_label in totals.items())
