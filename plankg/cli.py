"""The `plankg` command: a thin layer over the library. Every command's --help carries an example."""
from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from plankg import __version__
from plankg.errors import PlankgError, QueryError

BUILD = Path("build")
STORE_HELP = ("Graph store URL: ladybug:///PATH (embedded, the default: ./build/plankg.lbdb), "
              "neo4j://HOST:PORT, neo4j+s://HOST:PORT or bolt://HOST:PORT (auth from NEO4J_USERNAME, "
              "NEO4J_PASSWORD, NEO4J_DATABASE). Also read from PLANKG_STORE.")


def _store_url(url: str | None) -> str:
    from plankg.graph.store import default_store_url

    return url or os.environ.get("PLANKG_STORE") or default_store_url()


def _open(url: str | None, username: str | None = None, database: str | None = None, *,
          read_only: bool = False, create: bool = True, pause_gc: bool = False):
    """Open the store; Neo4j flags override the NEO4J_* variables, the password comes only from
    NEO4J_PASSWORD (a flag would leave it in shell history). Commands that only read open it
    `read_only` (the engine then refuses any write) and never create it. `pause_gc` lets the
    embedded store pause Python's garbage collector while it builds tables: a command owns its
    process, which a library does not (see `LadybugStore`)."""
    from plankg.graph.store import open_store, parse_store_url

    url = _store_url(url)
    options: dict[str, object] = {k: v for k, v in (("username", username), ("database", database)) if v}
    embedded = parse_store_url(url)[0] == "ladybug"
    if options and embedded:
        raise click.UsageError("--username and --database are for Neo4j stores (neo4j://, bolt://)")
    if pause_gc and embedded:
        options["pause_gc"] = True
    return open_store(url, read_only=read_only, create=create, **options)


def store_options(command):
    """--store, --username, --database: the options of every command that opens a store."""
    command = click.option("--database", default=None,
                           help="Neo4j database (default: NEO4J_DATABASE, else neo4j).")(command)
    command = click.option("--username", default=None, help="Neo4j user (default: NEO4J_USERNAME).")(command)
    return click.option("--store", "store_url", default=None, help=STORE_HELP)(command)


def quiet_option(command):
    """--quiet: no progress line (scripts); a pipe or file gets none anyway."""
    def remember(ctx: click.Context, _param: click.Parameter, value: bool) -> bool:
        ctx.meta["plankg.quiet"] = value
        return value

    return click.option("--quiet", "-q", is_flag=True, expose_value=False, callback=remember,
                        help="No progress line (it is shown only on a terminal anyway).")(command)


def jobs_option(command):
    """--jobs: extraction processes (default: every core; 1 extracts in this process)."""
    return click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
                        help="Processes that extract documents (default: every core; 1: in this process). "
                             "The output is the same whatever the number.")(command)


def _progress(label: str, total_hint: int | None = None, unit: str = "docs"):
    """A progress callback drawing one line with documents (or rows) per second and the time left
    on stderr, when stderr is a terminal, the job is long, and the command was not given --quiet."""
    from plankg.progress import ProgressLine

    ctx = click.get_current_context(silent=True)
    quiet = bool(ctx and ctx.meta.get("plankg.quiet"))
    # the clock starts now, with the work, not at the first document done
    line = None if quiet or not _interactive() else ProgressLine(label, sys.stderr, unit=unit)

    def update(done: int, total: int, item: str) -> None:
        if line is not None and total >= 3:
            line(done, total, item)

    return update


@contextmanager
def _watch(label: str, path: Path) -> Iterator[None]:
    """While a writer of unknown total (views, exports) runs: a line on stderr with the files and
    MB it has written under `path` and files per second, on a terminal and without --quiet."""
    from plankg.progress import OutputWatch

    ctx = click.get_current_context(silent=True)
    if (ctx and ctx.meta.get("plankg.quiet")) or not _interactive():
        yield
        return
    with OutputWatch(label, path, sys.stderr).watching():
        yield


def _interactive() -> bool:
    return sys.stderr.isatty()


def _params(pairs: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise click.BadParameter(f"{pair!r} is not KEY=VALUE", param_hint="--param")
        out[key.strip()] = value
    return out


class _Group(click.Group):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except PlankgError as exc:
            click.secho(f"error: {exc}", fg="red", err=True)
            sys.exit(2)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="plankg")
def main() -> None:
    """plankg: a knowledge graph of plans and actors from Chinese government policy documents.

    \b
    Example:
      plankg demo                      # ingest the demo corpus, load, query, write views
      plankg query departments_by_tasks --param plan=2024
    """


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the extraction contract as one JSON object.")
@click.option("--indent", type=int, default=None, help="Indent the JSON (default: one line).")
@click.option("--max-bytes", type=int, default=None, help="Refuse files larger than this (default 20 MB).")
def extract(file: Path, as_json: bool, indent: int | None, max_bytes: int | None) -> None:
    """Extract one document: plan metadata, sections, tasks with departments, targets, platforms.

    \b
    Example:
      plankg extract data/demo/001_319bd9830f448044.txt --json > 001.json
    """
    from plankg.ingest.pipeline import extract_source
    from plankg.ingest.read import DEFAULT_MAX_BYTES, read_source
    from plankg.workflow import extraction_warnings

    source = read_source(file, max_bytes=max_bytes or DEFAULT_MAX_BYTES)
    ex = extract_source(source)
    for warning in extraction_warnings(ex, source.text):
        click.secho(f"warning: {warning}", fg="yellow", err=True)
    if as_json:
        click.echo(json.dumps(ex.model_dump(mode="json"), ensure_ascii=False, indent=indent))
        return
    p = ex.plan
    click.echo(f"{file.name}: {p.title or '(untitled)'}")
    click.echo(f"  issuers {', '.join(p.issuers) or '-'}; date {p.date or '-'}; 文号 {p.doc_number or '-'}; "
               f"period {p.period or '-'}; region {p.region or '-'}")
    click.echo(f"  sections {len(ex.sections)}, tasks {len(ex.tasks)}, targets {len(ex.targets)}, "
               f"platforms {len(ex.platforms)}, enterprises {len(ex.enterprises)}, references {len(ex.references)}")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=BUILD / "facts", show_default=True,
              help="Folder for the facts files (one <document id>.graph.json per document).")
@click.option("--max-bytes", type=int, default=None, help="Refuse files larger than this (default 20 MB).")
@jobs_option
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where documents are extracted: processes on this machine, or the workers of a Dask cluster "
                   "(pip install \"plankg[scale]\"); the facts are the same.")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="With --engine dask: the scheduler's address (tcp://HOST:8786); without it, a local "
                   "cluster of --jobs workers. Workers read the documents at the same paths (a shared folder).")
@quiet_option
def ingest(paths: tuple[Path, ...], out: Path, max_bytes: int | None, jobs: int | None, engine: str,
           scheduler: str | None) -> None:
    """Ingest documents (files or folders) into facts files that `plankg load` reads.

    Reads .txt, .docx, .doc and .wps (through LibreOffice), .pdf, .html/.htm and .mht files. Each
    file that is not read is reported with the reason (an unreadable document makes the exit status
    1; a file of another kind in a folder does not), and a summary counts the files by format.
    On a terminal a progress line counts documents per second; --quiet leaves it and the line per
    document out. Besides one JSON file per document it writes the Parquet dataset
    OUT/facts.parquet/ (appended part by part), which `plankg load OUT` streams into the store.
    Documents are extracted on every core (--jobs), or on a Dask cluster (--engine dask).

    \b
    Example:
      plankg ingest data/demo/ --out build/facts
      plankg ingest plans/ --quiet
      plankg ingest plans/ --jobs 2
      plankg ingest /shared/plans/ --engine dask --scheduler tcp://10.0.0.5:8786
    """
    from plankg.corpus import FactsWriter
    from plankg.workflow import IngestResult, format_summary, ingest_documents, write_facts

    failed = 0
    _out_folder(out)
    results = []
    dataset = FactsWriter(out)
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler is for --engine dask")
    for result in ingest_documents(paths, max_bytes=max_bytes, progress=_progress("ingest"), jobs=jobs,
                                   engine=engine, scheduler=scheduler):
        # the summary needs only each file's format and outcome: the extraction is not kept
        results.append(IngestResult(path=result.path, format=result.format, error=result.error,
                                    ignored=result.ignored))
        dataset.add(result)
        if result.ignored:
            click.secho(f"skipped: {result.path}: {result.ignored}", fg="yellow", err=True)
            continue
        if result.error:
            failed += 1
            click.secho(f"skipped: {result.error}", fg="yellow", err=True)
            continue
        if result.same_as is not None:
            click.echo(f"{result.path}: the same document as {result.same_as} (the same bytes), one facts file")
            continue
        for warning in result.warnings:
            click.secho(f"warning: {warning}", fg="yellow", err=True)
        ex = result.extraction
        assert result.graph is not None and ex is not None  # neither an error nor a repeat
        try:
            write_facts(result.graph, out)
        except OSError as exc:
            raise _unwritable(out, exc) from None
        if not click.get_current_context().meta.get("plankg.quiet"):
            click.echo(f"{result.path.name}: {len(ex.tasks)} tasks, {len(ex.targets)} targets, "
                       f"{len(ex.platforms)} platforms, {len(ex.enterprises)} enterprises")
    try:
        dataset.close()
    except OSError as exc:
        raise _unwritable(out, exc) from None
    click.echo(format_summary(results))
    click.echo(f"facts in {out}")
    if failed:
        sys.exit(1)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--max-bytes", type=int, default=None, help="Refuse files larger than this (default 20 MB).")
@store_options
@jobs_option
@quiet_option
def load(paths: tuple[Path, ...], max_bytes: int | None, store_url: str | None, username: str | None,
         database: str | None, jobs: int | None) -> None:
    """Load facts files (from `plankg ingest`) or documents into a graph store, idempotently.

    A document is its file's bytes: the same file under two names is loaded once, two files of
    one name are two documents. Re-loading the same documents changes nothing; an edited file is
    a new document, and a file that cannot be read is skipped and reported while the rest load.
    On a terminal a progress line counts documents per second (--quiet: none).

    \b
    Example:
      plankg load build/facts --store ladybug:///tmp/plans.lbdb
      plankg load data/demo/ --store bolt://localhost:7687
    """
    from plankg.corpus import load_corpus, progress_unit

    paths = paths or (BUILD / "facts",)
    # a bad --store fails now, before any document is read
    store = _open(store_url, username, database, pause_gc=True)
    try:
        # streamed: extraction, reading and the store's writes go a batch at a time
        summary = load_corpus(store, paths, max_bytes=max_bytes, jobs=jobs, extract_progress=_progress("ingest"),
                              progress=_progress("load", unit=progress_unit(paths)))
    finally:
        store.close()
    for error in summary.skipped:
        click.secho(f"skipped: {error}", fg="yellow", err=True)
    for error in summary.errors:
        click.secho(f"not loaded: {error}", fg="red", err=True)
    for path, first in summary.same_as:
        click.echo(f"note: {path} is the same document as {first} (the same bytes), loaded once", err=True)
    for warning in summary.warnings:
        click.secho(f"warning: {warning}", fg="yellow", err=True)
    rows = [{"label": label, "created": summary.created.get(label, 0), "updated": summary.updated.get(label, 0),
             "unchanged": summary.unchanged.get(label, 0)}
            for label in sorted(set(summary.created) | set(summary.updated) | set(summary.unchanged))]
    from plankg.render import format_rows

    click.echo(format_rows(rows))
    click.echo(f"{summary.documents} documents loaded into {_store_url(store_url)}")
    if summary.skipped or summary.errors:
        sys.exit(1)


@main.command()
@click.argument("document")
@store_options
def remove(document: str, store_url: str | None, username: str | None, database: str | None) -> None:
    """Remove one document's facts from the store: its plan, sections, tasks, targets and projects,
    and the departments, platforms and enterprises no other document mentions.

    DOCUMENT is a document id, or the path (or file name) of the source file it was loaded from.

    \b
    Example:
      plankg remove data/demo/001_319bd9830f448044.txt
      plankg remove document-3f2a9c --store ladybug:///tmp/plans.lbdb
    """
    from plankg.graph.store import find_document

    store = _open(store_url, username, database, create=False)
    try:
        found = find_document(store, document)
        removed = store.delete_document(found["id"])
    finally:
        store.close()
    click.echo(f"removed document {found['id']} ({found['path'] or found['name']}): {removed} nodes")


def _out_folder(folder: Path) -> Path:
    """Create an output folder now, so an unwritable --out fails before any work."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _unwritable(folder, exc) from None
    return folder


def _unwritable(path: Path, exc: OSError) -> PlankgError:
    return PlankgError(f"cannot write {path}: {exc.strerror or exc}", where=str(path),
                       fix="give --out a folder you can write to")


@main.command("queries")
@click.option("--pack", default=None, help="Only the queries of this pack.")
def list_queries(pack: str | None) -> None:
    """List query packs: each query's name, title, description and parameters, and how to draw it.

    \b
    Example:
      plankg queries --pack responsibility
    """
    from plankg.queries.loader import load_packs

    packs = load_packs()
    current = None
    for query in sorted(packs.values(), key=lambda q: (q.pack, q.name)):
        if pack and query.pack != pack:
            continue
        if query.pack != current:
            current = query.pack
            click.secho(f"\n[{current}]", bold=True)
        click.echo(f"  {query.name}  {query.title_zh} / {query.title_en}")
        for line in query.description.splitlines():
            click.echo(f"      {line.strip()}")
        if query.viz:  # drawn with the other views when no parameter is required, else on demand
            needed = "".join(f" -p {p.name}=..." for p in query.params if p.required)
            click.echo(f"      drawn: plankg viz --query {query.name}{needed}"
                       + ("" if needed else " (and in plankg viz's index.html)"))
        for p in query.params:
            default = "required" if p.required else f"default {p.default!r}"
            choices = f"; choices: plankg query {p.choices_query}" if p.choices_query else ""
            choices += f"; e.g. {p.example}" if p.example is not None else ""
            click.echo(f"      --param {p.name}=<{p.type}>  ({default}{choices}) {p.description}")


@main.command()
@click.argument("name", required=False)
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE", help="A query parameter (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the rows to this file (UTF-8) instead of printing them.")
@click.option("--bom", is_flag=True, help="With --format csv: start with a UTF-8 byte order mark, which Excel "
                                          "needs to read Chinese.")
@click.option("--cypher", default=None, help="Run this ad hoc Cypher instead of a named query (read-only).")
@click.option("--write", is_flag=True, help="Open the store for writing: allow --cypher to change the graph, "
                                            "and to reach files (COPY, LOAD FROM), extensions and settings.")
@store_options
def query(name: str | None, params: tuple[str, ...], fmt: str, out: Path | None, bom: bool, cypher: str | None,
          write: bool, store_url: str | None, username: str | None, database: str | None) -> None:
    """Run a named query (see `plankg queries`) or ad hoc Cypher, and print the rows.

    \b
    Example:
      plankg query departments_by_tasks --param plan=2024
      plankg query department_tasks -p department=市科技局 --format csv > tasks.csv
      plankg query department_tasks -p department=市科技局 --format csv --bom --out tasks.csv
      plankg query --cypher "MATCH (d:Department) RETURN d.name AS name ORDER BY name"
    """
    from plankg.graph.dialect import translate
    from plankg.queries.loader import load_packs, run_query
    from plankg.render import format_rows

    if bool(name) == bool(cypher):
        raise click.UsageError("give a query NAME or --cypher, not both and not neither (list: plankg queries)")
    if bom and fmt != "csv":
        raise click.UsageError("--bom is for --format csv (a byte order mark for Excel)")
    values = _params(params)
    # without --write the store is opened read-only: the engine itself refuses any write
    store = _open(store_url, username, database, read_only=not write, create=False)
    try:
        if cypher:
            # Neo4j's forms (type(r), elementId(n), shortestPath) work on LadybugDB too
            cypher = translate(cypher, store.capabilities.dialect)
            if not write:
                store.check_read_only(cypher, values)  # and nothing that reaches files or settings
            rows = store.run(cypher, values)
        else:
            packs = load_packs()
            if name not in packs:
                raise QueryError(f"no query named {name!r}", fix="list them with `plankg queries`")
            rows = run_query(store, packs[name], values)
    finally:
        store.close()
    text = format_rows(rows, fmt, max_cell=None if fmt != "table" else 60) + "\n"
    if out is None:
        if bom:
            click.echo(text.encode("utf-8-sig"), nl=False)  # bytes: the mark is not re-encoded
        else:
            click.echo(text, nl=False)
        return
    try:
        out.write_text(text, encoding="utf-8-sig" if bom else "utf-8", newline="")
    except OSError as exc:
        raise PlankgError(f"cannot write {out}: {exc.strerror or exc}", where=str(out),
                          fix="give --out a file in a folder you can write to") from None
    click.echo(f"{len(rows)} rows written to {out}", err=True)


@main.group()
def pack() -> None:
    """Query pack tools.

    \b
    Example:
      plankg pack export --out build/packs
    """


@pack.command("export")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=BUILD / "packs", show_default=True)
def pack_export(out: Path) -> None:
    """Export every query pack as one JSON file and a zip for Neo4j Browser / cypher-shell.

    \b
    Example:
      plankg pack export --out build/packs
    """
    from plankg.queries.loader import export_packs

    try:
        paths = export_packs(_out_folder(out))
    except OSError as exc:
        raise _unwritable(out, exc) from None
    for path in paths:
        click.echo(str(path))


@main.command()
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=BUILD / "views", show_default=True)
@click.option("--query", "query_name", default=None, help="Draw the result of this query (its header has viz hints).")
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE", help="A query parameter (repeatable).")
@store_options
@quiet_option
def viz(out: Path, query_name: str | None, params: tuple[str, ...], store_url: str | None, username: str | None,
        database: str | None) -> None:
    """Write offline HTML views: the whole graph, one per department and plan, and an index.

    \b
    Example:
      plankg viz --out build/views
      plankg viz --query co_responsible_pairs -p min_tasks=2
    """
    from plankg.graph.store import check_output_path

    store = _open(store_url, username, database, read_only=True)
    try:
        check_output_path(store, out)
        if query_name:
            from plankg.queries.loader import load_packs, run_query
            from plankg.viz.views import write_query_view

            packs = load_packs()
            if query_name not in packs:
                raise QueryError(f"no query named {query_name!r}", fix="list them with `plankg queries`")
            q = packs[query_name]
            if not q.viz:
                raise QueryError(f"query {query_name!r} has no viz hints, so it cannot be drawn",
                                 fix="pick one whose header has a `viz:` line (plankg queries)")
            rows = run_query(store, q, _params(params))
            path = write_query_view(rows, q.viz, out / f"query-{q.name}.html", title=f"{q.title_zh} / {q.title_en}")
            click.echo(str(path))
            return
        from plankg.viz.views import write_views

        with _watch("viz", out):
            paths = write_views(store, out)
    finally:
        store.close()
    click.echo(f"{len(paths)} views written; open {out / 'index.html'}")


@main.command()
@click.option("--format", "fmt", type=click.Choice(["graphml", "gexf", "json", "csv-neo4j", "ttl", "jsonld"]),
              required=True)
@click.option("--out", type=click.Path(path_type=Path), required=True, help="Output file (a folder for csv-neo4j).")
@store_options
@quiet_option
def export(fmt: str, out: Path, store_url: str | None, username: str | None,
        database: str | None) -> None:
    """Export the graph for Gephi (GraphML, GEXF), neo4j-admin import (CSV), RDF tools (Turtle, JSON-LD).

    \b
    Example:
      plankg export --format graphml --out build/plankg.graphml
    """
    from plankg.graph.store import check_output_path
    from plankg.viz.export import export as export_graph

    store = _open(store_url, username, database, read_only=True)
    try:
        check_output_path(store, out)
        with _watch("export", out):
            path = export_graph(store, fmt, out)
    finally:
        store.close()
    click.echo(str(path))


@main.command()
@click.argument("plan_a")
@click.argument("plan_b")
@click.option("--csv", "csv_out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write every change as CSV (UTF-8 for Excel) to this file.")
@click.option("--html", "html_out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write an offline HTML page of the changes to this file.")
@click.option("--threshold", type=click.FloatRange(0, 1, min_open=True), default=None,
              help="Least similarity (difflib ratio of the wordings) for two tasks to be one task reworded "
                   "(default 0.6).")
@store_options
def diff(plan_a: str, plan_b: str, csv_out: Path | None, html_out: Path | None, threshold: float | None,
         store_url: str | None, username: str | None, database: str | None) -> None:
    """Compare two editions of one plan series: tasks added, dropped, reworded; owners changed;
    targets raised or lowered.

    PLAN_A (the earlier) and PLAN_B are document files, extracted as `plankg extract` does, or
    documents already in the store (--store), named by document id, the path they were loaded from,
    or their file name. Tasks are matched by the similarity of their wording without the
    responsibility clause and the target figures (graph/diff.py says how).

    \b
    Example:
      plankg diff plan-2024.docx plan-2025.docx --html build/diff.html --csv build/diff.csv
      plankg diff document-3f2a9c document-81b0d4 --store ladybug:///tmp/plans.lbdb
    """
    from plankg.render import format_rows
    from plankg.workflow import diff_plans, write_diff

    result = diff_plans(plan_a, plan_b, lambda: _open(store_url, username, database, read_only=True, create=False),
                        threshold=threshold)
    for side, edition in (("A", result.a), ("B", result.b)):
        click.echo(f"{side}: {edition.title or '(untitled)'} ({edition.name}): {len(edition.tasks)} tasks, "
                   f"{len(edition.targets)} targets")
    click.echo(format_rows(result.rows(), max_cell=40))
    counts = ", ".join(f"{n} {kind}" for kind, n in result.counts.items()) or "no changes"
    click.echo(f"{counts}; {result.unchanged_tasks} tasks and {result.unchanged_targets} targets unchanged")
    for path in write_diff(result, csv=csv_out, html=html_out):
        click.echo(f"written: {path}")


@main.command()
@click.option("--csv", "csv_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Write centrality.csv, communities.csv and bridges.csv (UTF-8 for Excel) into this folder.")
@click.option("--html", "html_out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write an offline HTML page of the three tables to this file.")
@click.option("--with-collectives", "collectives", is_flag=True,
              help="Count collective actors (各区、县(市), 市级有关部门) as departments of the network too.")
@click.option("--top", type=click.IntRange(min=1), default=20, show_default=True,
              help="Departments shown on the terminal (the files hold all).")
@store_options
def analyze(csv_dir: Path | None, html_out: Path | None, collectives: bool, top: int, store_url: str | None,
            username: str | None, database: str | None) -> None:
    """Department centrality in the co-responsibility network (departments linked when they share a
    task), communities of departments that work together, and platforms that bridge plans.

    \b
    Example:
      plankg analyze --html build/analysis.html --csv build/analysis
      plankg analyze --store ladybug:///tmp/plans.lbdb --top 10
    """
    from plankg.render import format_rows
    from plankg.viz.report import analysis_report
    from plankg.workflow import analyze_store, write_analysis

    store = _open(store_url, username, database, read_only=True, create=False)
    try:
        for path in (csv_dir, html_out):
            if path is not None:
                from plankg.graph.store import check_output_path

                check_output_path(store, path, option="--csv" if path == csv_dir else "--html")
        result = analyze_store(store, collectives=collectives)
    finally:
        store.close()
    title, caption, tables = analysis_report(result)
    click.echo(caption)
    for table in tables:
        rows = table.rows[:top] if table is tables[0] else table.rows
        click.secho(f"\n{table.title}", bold=True)
        click.echo(format_rows([dict(row) for row in rows], max_cell=80))
    for path in write_analysis(result, csv_dir=csv_dir, html=html_out):
        click.echo(f"written: {path}")


@main.command()
@store_options
@click.option("--build", "build_dir", type=click.Path(file_okay=False, path_type=Path), default=BUILD,
              show_default=True, help="Folder for facts, query results and views.")
def demo(store_url: str | None, username: str | None, database: str | None, build_dir: Path) -> None:
    """Ingest the demo corpus, load it, run every query pack and write the HTML views.

    Running it again gives the same graph: ids come from content, loads merge.

    \b
    Example:
      plankg demo && xdg-open build/views/index.html
    """
    from plankg.errors import StaleStoreError
    from plankg.workflow import run_demo

    url = _store_url(store_url)
    try:
        _open(store_url, username, database).close()  # fail early, before ingesting, if the store cannot be opened
    except StaleStoreError as exc:
        if store_url or os.environ.get("PLANKG_STORE"):
            raise  # a store the user named (even at the default path) is theirs to delete
        from plankg.graph.store import remove_store

        # the default store is derived from data/demo: built again from scratch
        remove_store(url)
        click.echo(f"note: {exc.what}; rebuilding the demo store", err=True)
    options = {k: v for k, v in (("username", username), ("database", database)) if v}
    summary = run_demo(url, build_dir, progress=_progress("demo"), store_options=options)
    for line in summary.lines():
        click.echo(line)
    if summary.failures:
        sys.exit(1)


if __name__ == "__main__":
    main()
