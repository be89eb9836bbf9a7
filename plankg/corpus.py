"""A corpus from documents to a store in bounded memory: `plankg ingest` writes the Parquet facts
dataset part by part (`FactsWriter`, beside the per-document JSON files), and `plankg load`
streams documents, facts files or datasets into a store in batches (`load_corpus`), never
holding the corpus: one batch of graphs (or of a dataset's tables, which the embedded store
writes straight from their columns), the ids of the documents seen, and a tally of the shared
nodes (departments, platforms, enterprises, cited plans) for the summary.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from plankg.errors import PlankgError
from plankg.graph.facts import DATASET, DOCUMENTS, PART_DOCUMENTS, dataset_rows, find_dataset, read_graphs, write_part
from plankg.graph.load import DATASET_BATCH_ROWS, NodeTally
from plankg.ontology.model import Document, DocumentGraph
from plankg.workflow import (
    _EARLIER_VERSIONS,
    FACTS_SUFFIX,
    IngestResult,
    LoadSummary,
    Progress,
    document_sha,
    extracted_graphs,
    facts_files,
    ingest_documents,
    read_facts,
)

# whether a store holds any node at all (shared nodes may be there without any document: upserted)
ANY_NODE = "MATCH (n) RETURN 1 AS one LIMIT 1"
LOAD_BATCH_ROWS = 250_000  # nodes and relationships per batch a load holds (and the embedded store writes at once)


class FactsWriter:
    """Collects ingested documents into parts of the Parquet dataset `out/facts.parquet/`: part
    `i` holds the documents read from files `i*PART_DOCUMENTS ...` of the run (so its bounds
    depend only on the files given, never on how many processes or machines extracted them)."""

    def __init__(self, out: Path, *, part_files: int = PART_DOCUMENTS) -> None:
        self.dataset = Path(out) / DATASET
        self.part_files = part_files
        self.position = 0  # files seen
        self.items: list[tuple[DocumentGraph, str | None]] = []
        self.parts: list[str] = []

    def add(self, result: IngestResult) -> None:
        """Take every result of a run, in order (ignored files need not be given)."""
        if result.ignored:
            return
        if result.graph is not None and result.extraction is not None and result.error is None \
                and result.same_as is None:
            self.items.append((result.graph, result.extraction.document.sha256))
        self.position += 1
        if self.position % self.part_files == 0:
            self._flush()

    def _flush(self) -> None:
        index = (self.position - 1) // self.part_files
        name = write_part(self.dataset, index, self.items)
        if name:
            self.parts.append(name)
        self.items = []

    def close(self) -> None:
        if self.position % self.part_files:
            self._flush()


@dataclass
class _Source:
    """What a load reads, in order: datasets, then facts files, then documents to extract."""

    datasets: list[Path]
    facts: list[Path]
    documents: list[Path]


def _current_dataset(folder: Path) -> Path | None:
    """The dataset in `folder`, if it holds every facts file there as written: a facts file added or
    written after the dataset (edited by hand, or by another run) means the files are read instead.

    >>> _current_dataset(Path("/nonexistent"))
    """
    from plankg.graph.facts import DOCUMENTS, parts, read_documents

    dataset = find_dataset(folder) if folder.is_dir() else None
    if dataset is None:
        return None
    files = list(folder.glob(f"*{FACTS_SUFFIX}"))
    if not files:
        return dataset
    names = parts(dataset)
    if not names:
        return None
    written = max((dataset / DOCUMENTS / f"{name}.parquet").stat().st_mtime for name in names)
    ids = {doc for name in names for doc in read_documents(dataset, name).column("document_id").to_pylist()}
    if any(f.name[:-len(FACTS_SUFFIX)] not in ids or f.stat().st_mtime > written for f in files):
        return None
    return dataset


def _sources(paths: Iterable[str | Path]) -> _Source:
    datasets: list[Path] = []
    facts: list[Path] = []
    documents: list[Path] = []
    for path in map(Path, paths):
        dataset = _current_dataset(path)
        if dataset is not None:
            datasets.append(dataset)  # its JSON files are the same documents, kept for reading
        elif path.is_dir() and any(path.glob(f"*{FACTS_SUFFIX}")) or path.name.endswith(FACTS_SUFFIX):
            facts.append(path)
        else:
            documents.append(path)
    return _Source(datasets, facts_files(facts), documents)


def progress_unit(paths: Iterable[str | Path]) -> str:
    """What `load_corpus` counts in its progress: "rows" when every input is a dataset, else "docs"."""
    source = _sources(paths)
    return "rows" if source.datasets and not source.facts and not source.documents else "docs"


def load_corpus(store, paths: Iterable[str | Path], *, max_bytes: int | None = None, jobs: int | None = None,
                batch_rows: int | None = None, progress: Progress | None = None,
                extract_progress: Progress | None = None) -> LoadSummary:
    """Load Parquet facts datasets (a folder holding `facts.parquet/`), facts files and documents
    (extracted by `jobs` processes) into `store`, a batch of at most `batch_rows` rows at a time
    (by default `DATASET_BATCH_ROWS` of a dataset's columns, `LOAD_BATCH_ROWS` of other inputs).
    Failure policy as `read_inputs` and `load_graphs`: an unreadable input or a document the store
    refuses is reported in the summary, the rest load. Two inputs holding one document load once.

    A store with COPY (`Capabilities.bulk_copy`: the embedded one) takes a dataset straight from
    its Arrow columns, a batch of whole parts at a time (`plankg.graph.load.load_tables`), and the
    summary is counted from the same columns; any other store, and facts files and documents, go
    through model instances (`DocumentGraph`). Either way the summary is the same.

    `progress(done, total, document id)` counts rows when every input is a dataset (their row
    counts are known before reading), else documents."""
    from plankg.graph.load import dataset_batches, load_tables, stored_node_ids, stored_table_ids
    from plankg.graph.load import load_graphs as load_batched
    from plankg.ingest.read import find_documents

    source = _sources(paths)
    summary = LoadSummary()
    files, ignored = find_documents(list[str | Path](source.documents)) if source.documents else ([], [])
    summary.warnings.extend(f"{path}: not read: {reason}" for path, reason in ignored)
    first: dict[str, Path] = {}
    loaded: list[str] = []
    tally = NodeTally()
    by_rows = bool(source.datasets) and not source.facts and not source.documents
    by_columns = bool(store.capabilities.bulk_copy)
    total = 0
    if by_rows:
        total = sum(dataset_rows(d)[1] for d in source.datasets)
    else:
        total = sum(dataset_rows(d)[0] for d in source.datasets) + len(source.facts) + len(files)
    done = 0

    def graphs() -> Iterator[tuple[DocumentGraph, str | None, Path]]:
        for dataset in [] if by_columns else source.datasets:
            for graph, sha in read_graphs(dataset):
                yield graph, sha, dataset
        for path in source.facts:
            try:
                graph = read_facts(path)
            except PlankgError as exc:
                summary.skipped.append(exc)
                continue
            yield graph, document_sha(graph), path
        if files:
            yield from extracted_graphs(ingest_documents(files, max_bytes=max_bytes, jobs=jobs,
                                                         progress=extract_progress), summary)

    # a store that starts empty holds only what this load wrote: nothing is there before it (the tally
    # keeps a node written by an earlier batch as created), so no batch need ask the store
    started_empty = not store.run(ANY_NODE)

    def loaded_documents(reports, paths_by_document: dict[str, str | None]) -> None:
        """Count the batch's documents, and warn of earlier versions of their files in the store."""
        summary.documents += len(reports)
        ids = {report.document_id for report in reports}
        loaded.extend(sorted(ids))
        paths_ = sorted({path for doc, path in paths_by_document.items() if doc in ids and path})
        if paths_:
            summary.warnings.extend(
                f"{row['path']} was loaded before with other content, as {row['id']}; both versions are in the "
                f"store now. Fix: if the file was edited, remove the old version (plankg remove {row['id']})"
                for row in store.run(_EARLIER_VERSIONS, {"paths": paths_, "ids": loaded}))

    def load(batch: list[tuple[DocumentGraph, str | None]]) -> None:
        nonlocal done
        graphs_ = [graph for graph, _ in batch]
        stored = set() if started_empty else stored_node_ids(store, graphs_)
        rows_before = done

        def step(n: int, _total: int, document: str) -> None:
            nonlocal done
            if progress is None:
                return
            if by_rows:
                graph = graphs_[n - 1]
                done = rows_before + sum(len(g.nodes) + len(g.relationships) for g in graphs_[:n])
                progress(done, total, graph.document_id)
            else:
                done = rows_before + n
                progress(done, total, document)

        errors: list = []
        reports = load_batched(store, batch, progress=step, errors=errors)
        summary.errors.extend(errors)
        tally.add(graphs_, reports, stored)
        loaded_documents(reports, {graph.document_id: node.path for graph in graphs_ for node in graph.nodes
                                   if isinstance(node, Document)})

    for dataset in source.datasets if by_columns else []:
        for tables in dataset_batches(dataset, batch_rows=batch_rows or DATASET_BATCH_ROWS, seen=first.keys()):
            first.update(dict.fromkeys(tables.document_ids, dataset))
            summary.same_as.extend((dataset, first[doc]) for doc in tables.repeated)
            if not tables.document_ids:
                continue
            stored = set() if started_empty else stored_table_ids(store, tables)
            errors: list = []
            reports = load_tables(store, tables, errors=errors)
            summary.errors.extend(errors)
            tally.add_tables(tables, reports, stored)
            docs = tables[DOCUMENTS]
            loaded_documents(reports, dict(zip(tables.document_ids, docs.column("path").to_pylist(), strict=True)))
            done += tables.rows if by_rows else len(tables.document_ids)
            if progress is not None:
                progress(done, total, tables.document_ids[-1])

    batch: list[tuple[DocumentGraph, str | None]] = []
    rows = 0
    for graph, sha, path in graphs():
        if graph.document_id in first:
            summary.same_as.append((path, first[graph.document_id]))
            continue
        first[graph.document_id] = path
        batch.append((graph, sha))
        rows += len(graph.nodes) + len(graph.relationships)
        if rows >= (batch_rows or LOAD_BATCH_ROWS):
            load(batch)
            batch, rows = [], 0
    if batch:
        load(batch)
    totals = tally.totals()
    summary.created, summary.updated, summary.unchanged = totals["created"], totals["updated"], totals["unchanged"]
    return summary
