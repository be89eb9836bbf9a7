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

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
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


class _Batch(Mapping[str, Any]):
    """The tables of consecutive parts of a facts dataset by name (as `plankg.graph.facts.read_part`
    gives one part's), each table read and its parts joined when first asked for: a writer that
    takes them one at a time, on a helper thread (`dataset_tables` under `in_background`), reads
    the next while the database writes the last."""

    def __init__(self, dataset: Path, names: Sequence[str], documents: Sequence[Any]):
        import pyarrow as pa

        from plankg.graph.facts import DOCUMENTS, part_files

        self._tables: dict[str, Any] = {DOCUMENTS: pa.concat_tables(documents)}
        self._files = part_files(dataset, names)

    def __getitem__(self, name: str) -> Any:
        if name not in self._tables:
            import pyarrow as pa

            from plankg.graph.facts import read_table

            self._tables[name] = pa.concat_tables([read_table(path) for path in self._files[name]])
        return self._tables[name]

    def __iter__(self) -> Iterator[str]:
        return iter([*self._tables.keys() - self._files.keys(), *self._files])

    def __len__(self) -> int:
        return len(set(self._tables) | set(self._files))


def load_dataset(store: GraphStore, dataset: Path, *, batch_rows: int = 250_000, progress: Progress | None = None,
                 errors: list[StoreError] | None = None) -> list[LoadReport]:
    """Load a Parquet facts dataset (`plankg.graph.facts`) into `store` in batches of whole parts
    of up to `batch_rows` rows (a larger part is a batch of its own); returns the documents'
    reports, in order. A store with COPY (`Capabilities.bulk_copy`) writes each batch straight
    from its columns (`load_part`: no model instance per row, each table read while the one
    before is written; an empty store takes the first batch by COPY alone); any other loads the
    batch's documents (`load_graphs`). Skipping documents loaded already, replacing earlier
    versions and the failure policy are `load_graphs`' own. `progress(documents done, total,
    last document id)` is called after each batch."""
    from plankg.graph.facts import DOCUMENTS, graphs_of_tables, parts, read_documents

    documents = {name: read_documents(dataset, name) for name in parts(dataset)}
    total = sum(table.num_rows for table in documents.values())
    load_part = getattr(store, "load_part", None) if store.capabilities.bulk_copy else None
    reports: list[LoadReport] = []
    done = 0

    def write(names: list[str]) -> None:
        nonlocal done
        tables = _Batch(dataset, names, [documents[name] for name in names])
        if load_part is not None:
            reports.extend(load_part(tables, errors=errors))
        else:
            reports.extend(load_graphs(store, graphs_of_tables(tables), errors=errors))
        ids = tables[DOCUMENTS].column("document_id").to_pylist()
        done += len(ids)
        if progress is not None and ids:
            progress(done, total, ids[-1])

    names = list(documents)
    sizes = [sum(v or 0 for v in documents[name].column("rows").to_pylist()) for name in names]
    for batch in row_batches(sizes, max_rows=batch_rows):
        write([names[i] for i in batch])
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

    def totals(self) -> dict[str, dict[str, int]]:
        totals = {kind: dict(counts) for kind, counts in self.own.items()}
        for (label, _), kind in self.shared.items():
            totals[kind][label] = totals[kind].get(label, 0) + 1
        return {kind: dict(sorted(counts.items())) for kind, counts in totals.items()}


def format_summary(totals: dict[str, dict[str, int]]) -> str:
    """One line per outcome, labels in a stable order.

    >>> format_summary({"created": {"Task": 3, "Plan": 1}, "updated": {}, "unchanged": {}})
    'created: Plan 1, Task 3\\nupdated: -\\nunchanged: -'
    """
    return "\n".join(f"{kind}: " + (", ".join(f"{label} {n}" for label, n in sorted(per_label.items())) or "-")
                     for kind, per_label in totals.items())
