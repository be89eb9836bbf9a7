"""The jobs the CLI runs, as library calls: ingest documents to facts files, load facts into a
store, and the demo (ingest the demo corpus, load it, run every query pack, write the views).

`plankg` is the only package that sees both `ingest` and `graph`: they meet here through
`DocumentGraph` instances and the facts files (`build/facts/<document id>.graph.json`).
"""
from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plankg.errors import InputError, PlankgError, StoreError
from plankg.ingest.contract import Extraction
from plankg.ontology.model import Document, DocumentGraph

if TYPE_CHECKING:
    from plankg.graph.analytics import Analysis
    from plankg.graph.diff import Edition, EditionDiff

Progress = Callable[[int, int, str], None]
FACTS_SUFFIX = ".graph.json"
# by default a worker process starts for every this many files (it takes about as long to start
# one, importing spaCy and building the pipeline, as to extract a few documents)
FILES_PER_STARTED_WORKER = 8


@dataclass
class IngestResult:
    path: Path
    extraction: Extraction | None = None
    graph: DocumentGraph | None = None
    error: PlankgError | None = None
    same_as: Path | None = None  # an earlier file of this run with the same bytes: the same document, read once
    warnings: list[str] = field(default_factory=list)
    format: str = "other"  # the format it was read as (txt, docx, pdf, html…), else the one its suffix names
    ignored: str | None = None  # why a file found in a folder is no document plankg reads (not read, no error)


def demo_corpus() -> list[Path]:
    """The packaged demo corpus: the five seed documents."""
    folder = resources.files("plankg.data").joinpath("demo")
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith(".txt"))


def ingest_documents(paths: Iterable[str | Path], *, max_bytes: int | None = None,
                     progress: Progress | None = None, jobs: int | None = 1, engine: str = "local",
                     scheduler: str | None = None) -> Iterator[IngestResult]:
    """Extract and assemble each document; a bad document yields its error and the rest go on.
    A file with the same bytes as an earlier one is the same document: it yields `same_as`.
    `jobs` processes extract (None: every core; 1: this process), each building the spaCy
    pipeline once; results come in the order of the files, the same whatever `jobs` is. With
    `engine="dask"` the workers of the Dask cluster at `scheduler` extract (see `ordered_map`),
    reading the files by their paths: a folder every worker sees at the same path."""
    from plankg.ingest.read import find_documents
    from plankg.pool import check_jobs, ordered_map

    files, ignored = find_documents(list(paths))
    workers = min(check_jobs(jobs), len(files))
    if jobs is None and engine == "local":  # every core, where there is enough work to pay for starting them
        workers = min(workers, -(-len(files) // FILES_PER_STARTED_WORKER))
    seen: dict[str, Path] = {}
    if engine == "local":
        mapped = ordered_map(ingest_file, ((path, max_bytes) for path in files), jobs=max(workers, 1))
    else:  # workers elsewhere read the same paths from the same working directory (a shared mount)
        cwd = os.getcwd()
        mapped = ordered_map(ingest_file_in, ((cwd, path, max_bytes) for path in files), jobs=max(workers, 1),
                             engine=engine, scheduler=scheduler)
    for i, result in enumerate(mapped):
        if result.graph is not None:
            doc_id = result.graph.document_id
            if doc_id in seen:  # a worker extracted it again; the first one stands
                result = IngestResult(path=result.path, format=result.format, same_as=seen[doc_id])
            else:
                seen[doc_id] = result.path
        if progress:
            progress(i + 1, len(files), result.path.name)
        yield result
    for path, reason in ignored:
        yield IngestResult(path=path, format=format_of_name(path.name), ignored=reason)


def format_of_name(name: str) -> str:
    from plankg.ingest.formats import format_of

    return format_of(name)


def ingest_file_in(task: tuple[str, Path, int | None]) -> IngestResult:
    """`ingest_file` run from the folder `task[0]`: a remote worker reads the path as the client
    named it, so the document's recorded path (and its facts) are the same on every engine."""
    cwd, path, max_bytes = task
    if os.getcwd() != cwd:
        os.chdir(cwd)  # a Dask worker runs one task at a time (one thread: extraction holds the GIL)
    return ingest_file((path, max_bytes))


def ingest_file(task: tuple[Path, int | None]) -> IngestResult:
    """Read, extract and assemble one file (`(path, max_bytes)`): the unit a worker runs. An
    unreadable file is its result's error; an unexpected failure is raised with a note naming the file."""
    from plankg.ingest.assemble import to_document_graph
    from plankg.ingest.pipeline import extract_source
    from plankg.ingest.read import DEFAULT_MAX_BYTES, read_source

    path, max_bytes = task
    result = IngestResult(path=path, format=format_of_name(path.name))
    try:
        source = read_source(path, max_bytes=max_bytes or DEFAULT_MAX_BYTES)
        result.format = source.format
        result.extraction = extract_source(source)
        result.graph = to_document_graph(result.extraction)
        result.warnings = extraction_warnings(result.extraction, source.text)
    except PlankgError as exc:
        result.error = exc
    except Exception as exc:
        if hasattr(exc, "add_note"):  # Python 3.11 on: the traceback names the file
            exc.add_note(f"while ingesting {path}")
        raise
    return result


def format_summary(results: Iterable[IngestResult]) -> str:
    """How many files of each format were read and how many skipped (unreadable, or no document).

    >>> format_summary([IngestResult(Path("a.pdf"), format="pdf"), IngestResult(Path("b.pdf"), format="pdf",
    ...                 error=InputError("x")), IngestResult(Path("c.xlsx"), ignored="not a document")])
    'by format: pdf 1 read, 1 skipped; other 1 skipped'
    """
    read: dict[str, int] = {}
    skipped: dict[str, int] = {}
    for r in results:
        tally = skipped if r.error is not None or r.ignored is not None else read
        tally[r.format] = tally.get(r.format, 0) + 1
    parts = []
    for fmt in sorted(set(read) | set(skipped), key=lambda f: (f == "other", f)):
        counts = [f"{n} {what}" for n, what in ((read.get(fmt, 0), "read"), (skipped.get(fmt, 0), "skipped")) if n]
        parts.append(f"{fmt} {', '.join(counts)}")
    return "by format: " + ("; ".join(parts) if parts else "no files")


def extraction_warnings(extraction: Extraction, text: str) -> list[str]:
    """What a user must hear about a document that was read but gave no plan: no task and no target.
    Such a file is most likely something else (a notice, a page of another kind), or traditional
    Chinese, which the extraction rules (written for simplified Chinese) do not read.

    >>> from plankg.ingest.contract import DocumentInfo, PlanInfo
    >>> ex = Extraction(document=DocumentInfo(id="d", path="docs/通知.txt", sha256="0"), plan=PlanInfo())
    >>> extraction_warnings(ex, "關於印發規劃的通知")[0].split(":")[0]
    '通知.txt'
    """
    from plankg.ingest.read import is_traditional

    if extraction.tasks or extraction.targets:
        return []
    name = Path(extraction.document.path).name
    if is_traditional(text):
        return [(f"{name}: no tasks or targets found; it is traditional Chinese, which the extraction rules read "
                 "only through a table of common characters (data/gazetteers/traditional.txt). "
                 f"Fix: convert it first (opencc -c t2s.json -i {name} -o simplified-{name})")]
    return [(f"{name}: no tasks or targets found, so it adds a document and its title and sections only. "
             "Fix: check that it is the text of a plan (a plan whose tasks were missed is worth an issue "
             "with the file attached)")]


def write_facts(graph: DocumentGraph, out_dir: Path) -> Path:
    """Write one document's graph as JSON, named by its content-derived document id."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{graph.document_id}{FACTS_SUFFIX}"
    path.write_text(json.dumps(graph.to_json(), ensure_ascii=False, sort_keys=True, indent=1) + "\n",
                    encoding="utf-8")
    return path


def read_facts(path: Path) -> DocumentGraph:
    """Read a facts file written by `write_facts`, naming the file if it is damaged."""
    try:
        return DocumentGraph.from_json(json.loads(path.read_text(encoding="utf-8")))
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(f"{path.name} is not a plankg facts file ({type(exc).__name__}: {str(exc)[:200]})",
                         where=str(path), fix="re-create it with `plankg ingest DOCUMENT`") from None
    except OSError as exc:
        raise InputError(f"cannot read {path.name}: {exc.strerror}", where=str(path),
                         fix="check the file's permissions") from None


def facts_files(paths: Iterable[str | Path]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(p.glob(f"*{FACTS_SUFFIX}")))
        elif p.is_file():
            out.append(p)
        else:
            raise InputError(f"{p} does not exist", where=str(p), fix="check the path, or run `plankg ingest` first")
    return out


@dataclass
class LoadInput:
    """The documents a load was given, read: their graphs (one per document), and what was not loaded."""

    graphs: list[tuple[DocumentGraph, str | None]] = field(default_factory=list)
    skipped: list[PlankgError] = field(default_factory=list)  # unreadable documents, damaged facts files
    same_as: list[tuple[Path, Path]] = field(default_factory=list)  # (file, earlier file with the same document)
    warnings: list[str] = field(default_factory=list)


def read_inputs(paths: Iterable[str | Path], *, max_bytes: int | None = None,
                progress: Progress | None = None, jobs: int | None = 1) -> LoadInput:
    """Facts files (`*.graph.json`, or folders of them) and documents, read into graphs. Failure
    policy: skip and report; a damaged facts file or a bad document is listed in `skipped` and the
    others are read. Two inputs holding one document (the same file's bytes) give one graph."""
    out = LoadInput()
    first: dict[str, Path] = {}
    inputs = [Path(p) for p in paths]
    facts = [p for p in inputs if p.is_dir() and any(p.glob(f"*{FACTS_SUFFIX}")) or p.name.endswith(FACTS_SUFFIX)]

    def add(graph: DocumentGraph, sha: str | None, path: Path) -> None:
        if graph.document_id in first:
            out.same_as.append((path, first[graph.document_id]))
            return
        first[graph.document_id] = path
        out.graphs.append((graph, sha))

    for path in facts_files(facts):
        try:
            graph = read_facts(path)
        except PlankgError as exc:
            out.skipped.append(exc)
            continue
        add(graph, document_sha(graph), path)
    results = ingest_documents([p for p in inputs if p not in facts], max_bytes=max_bytes, progress=progress,
                               jobs=jobs)
    for graph, sha, path in extracted_graphs(results, out):
        add(graph, sha, path)
    return out


def extracted_graphs(results: Iterable[IngestResult], out: Any) -> Iterator[tuple[DocumentGraph, str, Path]]:
    """The graphs of documents extracted by `ingest_documents`, in order; what was not read, failed or
    repeated an earlier file is noted on `out` (its `warnings`, `skipped` and `same_as` lists) instead.
    The one place a load route sorts extraction results, whatever it loads them from."""
    for result in results:
        if result.ignored:
            out.warnings.append(f"{result.path}: not read: {result.ignored}")
        elif result.error:
            out.skipped.append(result.error)
        elif result.same_as is not None:
            out.same_as.append((result.path, result.same_as))
        else:
            assert result.graph is not None and result.extraction is not None  # neither an error nor a repeat
            out.warnings.extend(result.warnings)
            yield result.graph, result.extraction.document.sha256, result.path


@dataclass
class LoadSummary:
    """What a load did. `created`, `updated` and `unchanged` count each node once, however many
    documents hold it; `documents` counts the distinct documents loaded (or found loaded already)."""

    documents: int = 0
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)
    errors: list[PlankgError] = field(default_factory=list)  # documents the store refused
    skipped: list[PlankgError] = field(default_factory=list)  # inputs that could not be read
    same_as: list[tuple[Path, Path]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


# Documents loaded before from the same path with other bytes: earlier versions of an edited file.
_EARLIER_VERSIONS = ("MATCH (d:Document) WHERE d.path IN $paths AND NOT d.id IN $ids "
                     "RETURN d.id AS id, d.path AS path ORDER BY path, id")


def load_graphs(store, graphs: Iterable[tuple[DocumentGraph, str | None]], *,
                progress: Progress | None = None) -> LoadSummary:
    """Load (graph, sha256) pairs in batches; a failing document is reported, the others still load."""
    from plankg.graph.load import distinct_totals, stored_node_ids
    from plankg.graph.load import load_graphs as load_batched

    items = list(graphs)
    stored = stored_node_ids(store, [graph for graph, _ in items])
    errors: list[StoreError] = []
    reports = load_batched(store, items, progress=progress, errors=errors)
    totals = distinct_totals([graph for graph, _ in items], reports, stored)
    loaded = {report.document_id for report in reports}
    paths = {node.path: graph.document_id for graph, _ in items if graph.document_id in loaded
             for node in graph.nodes if isinstance(node, Document) and node.path}
    warnings = [f"{row['path']} was loaded before with other content, as {row['id']}; both versions are in the "
                f"store now. Fix: if the file was edited, remove the old version (plankg remove {row['id']})"
                for row in store.run(_EARLIER_VERSIONS, {"paths": sorted(paths), "ids": sorted(loaded)})
                ] if paths else []
    return LoadSummary(documents=len(reports), created=totals["created"], updated=totals["updated"],
                       unchanged=totals["unchanged"], errors=[*errors], warnings=warnings)


def load_inputs(store, inputs: LoadInput, *, progress: Progress | None = None) -> LoadSummary:
    """`load_graphs` over what `read_inputs` read; the summary also lists what was not read."""
    summary = load_graphs(store, inputs.graphs, progress=progress)
    summary.skipped, summary.same_as = list(inputs.skipped), list(inputs.same_as)
    summary.warnings = inputs.warnings + summary.warnings
    return summary


def document_sha(graph: DocumentGraph) -> str | None:
    for node in graph.nodes:
        if node.label.value == "Document":
            return getattr(node, "sha256", None)
    return None


SUMMARY_LABELS = ("Document", "Plan", "Task", "Department", "Platform", "Enterprise", "Target")


def graph_summary(store) -> dict[str, int]:
    """Counts users ask about first: documents, plans, tasks, departments, platforms, enterprises, targets."""
    counts = store.counts()
    out = {label: counts.get(label, 0) for label in SUMMARY_LABELS}
    out["Plan"] = counts.get("PUBLISHES", out["Plan"])  # plans known only as citations are not counted
    return out


@dataclass
class DemoSummary:
    store_url: str
    counts: dict[str, int]
    queries_run: int = 0
    views_dir: Path | None = None
    views: int = 0
    failures: list[str] = field(default_factory=list)
    reports: list[str] = field(default_factory=list)  # one line per report written (analysis, edition diff)

    def lines(self) -> list[str]:
        c = self.counts
        out = [f"graph in {self.store_url}",
               "  " + ", ".join(f"{c[k]} {name}" for k, name in (
                   ("Document", "documents"), ("Plan", "plans"), ("Task", "tasks"), ("Department", "departments"),
                   ("Platform", "platforms"), ("Enterprise", "enterprises"), ("Target", "targets"))),
               f"  {self.queries_run} queries run, results in "
               f"{self.views_dir.parent / 'queries' if self.views_dir else '-'}",
               f"  {self.views} views written; open {self.views_dir / 'index.html' if self.views_dir else '-'}"]
        out += [f"  {r}" for r in self.reports]
        out += [f"  failed: {f}" for f in self.failures]
        return out


def run_pack_queries(store, out_dir: Path) -> tuple[int, list[str]]:
    """Run every pack query with its defaults (a required parameter takes its pick-list's first
    value) and write each result as JSON; returns (queries run, failures)."""
    from plankg.queries.loader import load_packs, pick_list, run_query

    out_dir.mkdir(parents=True, exist_ok=True)
    run, failures = 0, []
    for name, query in sorted(load_packs().items()):
        params = {}
        try:
            for p in query.params:
                if p.required:
                    choices = pick_list(store, p) if p.choices_query else []
                    if choices:
                        params[p.name] = choices[0]
                    elif p.example is not None:
                        params[p.name] = p.example
                    else:
                        raise PlankgError(f"required parameter {p.name} has neither a pick-list nor an example",
                                          where=query.path, fix="add choices=QUERY or example=VALUE to its header")
            rows = run_query(store, query, params)
        except PlankgError as exc:
            failures.append(f"query {name}: {exc}")
            continue
        (out_dir / f"{name}.json").write_text(
            json.dumps({"query": name, "params": params, "rows": rows}, ensure_ascii=False, indent=1, default=str),
            encoding="utf-8")
        run += 1
    return run, failures


def run_demo(store_url: str, build_dir: Path, *, progress: Progress | None = None,
             store_options: dict | None = None) -> DemoSummary:
    """Ingest the demo corpus into `store_url`, run every query pack, and write the views."""
    from plankg.graph.store import open_store
    from plankg.viz.views import write_views

    failures: list[str] = []
    graphs = []
    for result in ingest_documents(demo_corpus(), progress=progress):
        if result.error:
            failures.append(str(result.error))
            continue
        if result.ignored:
            continue
        assert result.graph is not None and result.extraction is not None  # neither an error nor a repeat
        write_facts(result.graph, build_dir / "facts")
        graphs.append((result.graph, result.extraction.document.sha256))
    store = open_store(store_url, **(store_options or {}))
    try:
        loaded = load_graphs(store, graphs, progress=progress)
        failures += [str(e) for e in loaded.errors]
        queries_run, query_failures = run_pack_queries(store, build_dir / "queries")
        failures += query_failures
        views = write_views(store, build_dir / "views")
        counts = graph_summary(store)
        analysis = analyze_store(store)
    finally:
        store.close()
    page = build_dir / "analysis" / "analysis.html"
    write_analysis(analysis, csv_dir=build_dir / "analysis", html=page)
    reports = [f"analysis: {len(analysis.centrality)} departments, {analysis.links} co-responsibility links, "
               f"{len(analysis.communities)} communities, {len(analysis.bridges)} platforms bridging plans; "
               f"open {page}"]
    # no two editions of one series in the corpus: the pair constructed from a real plan stands in
    editions = diff_plans(*demo_editions())
    page = build_dir / "diff" / "editions.html"
    write_diff(editions, csv=build_dir / "diff" / "editions.csv", html=page)
    reports.append(f"edition diff ({editions.a.name} → {editions.b.name}): {len(editions.tasks)} task and "
                   f"{len(editions.targets)} target changes; open {page}")
    return DemoSummary(store_url=store_url, counts=counts, queries_run=queries_run, views_dir=build_dir / "views",
                       views=len(views), failures=failures, reports=reports)


def read_edition(ref: str | Path, open_store: Callable[[], Any] | None = None, *,
                 max_bytes: int | None = None) -> Edition:
    """One edition for `plankg diff`: a document file, extracted through the one pipeline route (as
    `plankg extract` and `plankg ingest` do); else a document already in a store, named by its id,
    the path it was loaded from or its file name (`open_store()` opens the store read-only, only
    when needed)."""
    from plankg.graph.diff import edition_from_graph
    from plankg.graph.nx import document_graphs_to_networkx, store_to_networkx
    from plankg.graph.store import find_document

    path = Path(ref)
    if path.is_file():
        result = next(iter(ingest_documents([path], max_bytes=max_bytes)))
        if result.error is not None:
            raise result.error
        if result.graph is None:
            raise InputError(f"{path.name} is not a document plankg reads: {result.ignored}", where=str(path),
                             fix="give a plan document (.txt, .docx, .pdf, .html …) or a loaded document's id")
        return edition_from_graph(document_graphs_to_networkx([result.graph]), result.graph.document_id)
    if open_store is None:
        raise InputError(f"{ref} is not a file", where=str(ref),
                         fix="give a document file, or a document id or file name in a store with --store")
    store = open_store()
    try:
        found = find_document(store, str(ref))
        graph = store_to_networkx(store, document_ids=[found["id"]])
    finally:
        store.close()
    return edition_from_graph(graph, found["id"])


def diff_plans(plan_a: str | Path, plan_b: str | Path, open_store: Callable[[], Any] | None = None, *,
               threshold: float | None = None, max_bytes: int | None = None) -> EditionDiff:
    """`plankg diff`: what changed from edition `plan_a` to `plan_b` (files or stored documents, see
    `read_edition`), as `plankg.graph.diff.diff_editions` reports it."""
    from plankg.graph.diff import DEFAULT_THRESHOLD, diff_editions

    editions = [read_edition(ref, open_store, max_bytes=max_bytes) for ref in (plan_a, plan_b)]
    return diff_editions(*editions, threshold=DEFAULT_THRESHOLD if threshold is None else threshold)


def write_diff(diff: EditionDiff, *, csv: Path | None = None, html: Path | None = None) -> list[Path]:
    """The diff as CSV (one row per change) and as an offline HTML page."""
    from plankg.viz.report import diff_report, write_report_csv, write_report_html

    title, caption, tables = diff_report(diff)
    written = []
    if csv is not None:
        written.append(write_report_csv(csv, tables[0]))
    if html is not None:
        written.append(write_report_html(html, title, caption, tables[1:]))
    return written


def analyze_store(store, *, collectives: bool = False) -> Analysis:
    """`plankg analyze`: centrality, communities and bridging platforms of the whole stored graph."""
    from plankg.graph.analytics import analyze
    from plankg.graph.nx import store_to_networkx

    return analyze(store_to_networkx(store), collectives=collectives)


def write_analysis(analysis: Analysis, *, csv_dir: Path | None = None, html: Path | None = None) -> list[Path]:
    """The analysis as CSV files (centrality.csv, communities.csv, bridges.csv) and an offline HTML page."""
    from plankg.viz.report import analysis_report, write_report_csv, write_report_html

    title, caption, tables = analysis_report(analysis)
    written = []
    if csv_dir is not None:
        written += [write_report_csv(csv_dir / f"{name}.csv", table)
                    for name, table in zip(("centrality", "communities", "bridges"), tables, strict=True)]
    if html is not None:
        written.append(write_report_html(html, title, caption, tables))
    return written


def demo_editions() -> tuple[Path, Path]:
    """The demo corpus has no two editions of one series: the edition pair constructed from a real
    plan (tests/cases/editions/, shipped as plankg.data's editions/) stands in for them."""
    folder = resources.files("plankg.data").joinpath("editions")
    a, b = sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith(".txt"))
    return a, b
