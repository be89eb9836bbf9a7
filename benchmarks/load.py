"""Load rates of the embedded store beside LadybugDB's own COPY FROM, and the Neo4j client side.

    python benchmarks/load.py                 # 100k nodes, 300k relationships
    python benchmarks/load.py --scale 0.1     # a quick run
    python benchmarks/load.py --big 10        # also upsert into tables 10x larger (1M nodes, 3M rels)
    python benchmarks/load.py --store bolt://127.0.0.1:7687   # into a live Neo4j (empties its plankg data!)

Prints, on one synthetic corpus of plan documents:
  * full build: `load_graphs` into an empty store, from DocumentGraph objects to committed rows,
    beside COPY FROM of the same rows already in Arrow tables (goal: >= 0.8x COPY);
  * incremental: 10k-row upserts (half new, half changed rows) through the store, beside COPY
    of 10k new rows into the same table (goals: >= 0.3x for nodes, >= 0.1x for relationships),
    and the same upserts into tables `--big` times larger (goal: not slower);
  * replacing one document (delete its old facts, load the new ones) at both sizes;
  * Neo4j client side: rows per second the driver's packstream encoder turns into bytes, for
    the loader's `UNWIND $rows` batches (no server involved);
  * with `--store neo4j://...` or `bolt://...` (auth from NEO4J_USERNAME, NEO4J_PASSWORD): only
    Neo4j, `load_graphs` into its emptied plankg labels beside that client-side ceiling measured on
    the same statements in the same run (goal: >= 0.5x), a re-load and a one-document replacement.

Rates are the best of `--repeat` runs: other processes on the machine only ever slow a run down.
"""
from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from plankg.graph.backends.ladybug import remove_store  # noqa: E402
from plankg.graph.load import load_graphs  # noqa: E402
from plankg.graph.rows import (  # noqa: E402
    node_columns,
    node_rows,
    relationship_rows,
    unique_node_rows,
    unique_relationship_rows,
)
from plankg.graph.store import open_store  # noqa: E402
from plankg.ontology import model as m  # noqa: E402
from plankg.ontology.vocab import NODE_PROPERTIES, REL_PROPERTIES, NodeLabel, PropType, RelType  # noqa: E402

L, R = NodeLabel, RelType
INCREMENT = 10_000
DEPARTMENTS, PLATFORMS = 200, 100


def synthetic_corpus(documents: int, seed: int = 7) -> list[m.DocumentGraph]:
    """`documents` plans of 100 own nodes and 300 relationships each; like ingest's graphs, each
    also carries the 12 departments and 6 platforms it refers to, shared with other documents
    (1000 documents: 100,300 distinct nodes and 300,000 relationships). Built with
    model_construct: the benchmark measures loading, not validation."""
    rng = random.Random(seed)
    departments = [m.Department.model_construct(id=f"department-{i}", name=f"部门{i}", jurisdiction="杭州市", kind=None)
                   for i in range(DEPARTMENTS)]
    platforms = [m.Platform.model_construct(id=f"platform-{i}", name=f"平台{i}", kind="lab", level=None)
                 for i in range(PLATFORMS)]
    graphs = []
    for d in range(documents):
        doc, rule = f"doc-{d}", "bench.v1"
        rels: list[m.Relationship] = []

        def rel(t, a, b, rels=rels, doc=doc, rule=rule, **props):
            rels.append(m.Relationship.model_construct(
                type=t, source_label=a.label, source=a.id, target_label=b.label, target=b.id, document_id=doc,
                rule=rule, role=props.get("role"), printed_name=props.get("printed_name"), printed_title=None,
                span_start=props.get("span_start"), span_end=None))

        document = m.Document.model_construct(id=doc, document_id=doc, name=f"{doc}.txt", path=f"data/{doc}.txt",
                                              sha256=f"{d:064x}", chars=50_000)
        plan = m.Plan.model_construct(id=f"plan-{d}", document_id=doc, title=f"杭州市第{d}号规划",
                                      issuers=["杭州市人民政府"],
                                      date="2021-06-01", doc_number=None, period_start=2021, period_end=2025,
                                      region="杭州市", status=None)
        own_departments, own_platforms = rng.sample(departments, 12), rng.sample(platforms, 6)
        nodes: list[m.Node] = [document, plan, *own_departments, *own_platforms]
        rel(R.PUBLISHES, document, plan)
        rel(R.ISSUED_BY, plan, own_departments[0], printed_name="市政府")
        sections = []
        for s in range(10):
            section = m.Section.model_construct(id=f"section-{d}-{s}", document_id=doc, ref=str(s), title=f"第{s}章",
                                                depth=1, span_start=s * 1000, span_end=s * 1000 + 999)
            sections.append(section)
            nodes.append(section)
            rel(R.HAS_SECTION, plan, section)
        for t in range(80):
            task = m.Task.model_construct(id=f"task-{d}-{t}", document_id=doc, ref=f"{t // 8}.{t % 8}",
                                          text=f"推进第{t}项重点任务，完善创新体系建设", rule=rule, span_start=t * 100,
                                          span_end=t * 100 + 99)
            nodes.append(task)
            rel(R.HAS_TASK, sections[t // 8], task)
            lead, support = rng.sample(own_departments, 2)
            rel(R.RESPONSIBLE_FOR, lead, task, role="lead", printed_name=lead.name, span_start=t * 100)
            rel(R.RESPONSIBLE_FOR, support, task, role="support", printed_name=support.name, span_start=t * 100)
            if t % 2 == 0:
                rel(R.MENTIONS, task, rng.choice(own_platforms), printed_name="平台")
        for g in range(8):
            target = m.Target.model_construct(id=f"target-{d}-{g}", document_id=doc, text=f"指标{g}达到{g}%",
                                              metric=f"指标{g}", value=float(g), unit="%", comparator=">=", year=2025,
                                              baseline=None, baseline_year=None, rule=rule, span_start=None,
                                              span_end=None)
            nodes.append(target)
            rel(R.SETS_TARGET, sections[g], target)
        if d == 0:  # every department and platform exists, as in the corpus description
            nodes += [n for n in departments + platforms if n not in own_departments and n not in own_platforms]
        graphs.append(m.DocumentGraph.model_construct(document_id=doc, nodes=nodes, relationships=rels))
    return graphs


def _arrow(rows: list[dict[str, Any]], columns: dict[str, PropType], rename: dict[str, str] | None = None):
    import pyarrow as pa

    types = {PropType.STRING: pa.string(), PropType.INT: pa.int64(), PropType.FLOAT: pa.float64(),
             PropType.STRINGS: pa.list_(pa.string())}
    rename = rename or {}
    return pa.Table.from_arrays([pa.array([r.get(c) for r in rows], type=types[t]) for c, t in columns.items()],
                                names=[rename.get(c, c) for c in columns])


def copy_statements(graphs: list[m.DocumentGraph]) -> tuple[list[tuple[str, Any]], list[tuple[str, Any]]]:
    """The COPY statements, with their Arrow tables, that load `graphs` into empty tables: built
    with the loader's own table builder (`graph_tables`), the fastest conversion plankg has."""
    from plankg.graph.backends.ladybug import END_OF_NODES, graph_tables

    nodes, rels = [], []
    for key, table in graph_tables(graphs):
        if key == END_OF_NODES:
            continue
        if isinstance(key, NodeLabel):
            nodes.append((f"COPY {key.value} FROM $rows", table))
        else:
            rel, s, t = key
            rels.append((f"COPY {rel.value} FROM $rows (from='{s.value}', to='{t.value}')", table))
    return nodes, rels


def _fresh(tmp: Path, name: str):
    path = tmp / name
    remove_store(path)
    # this process only loads: the collector may pause while the loader builds tables, as in `plankg load`
    return open_store(f"ladybug://{path}", pause_gc=True)


def _timed(fn: Callable[..., Any], *args: Any) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


def _run_all(store, statements, checkpoint: bool = False) -> None:
    for q, t in statements:
        store.run(q, {"rows": t})
    if checkpoint:
        store.run("CHECKPOINT")


def measure_full_build(tmp: Path, graphs, repeat: int) -> tuple[float, float, float, float, float, float]:
    """Best seconds to build COPY's Arrow tables from the DocumentGraphs, to COPY the nodes, to COPY
    the relationships, to COPY everything with one checkpoint at the end (automatic checkpoints
    off, the way the loader's first build runs), and for `load_graphs` into an empty store; then
    the median over the repetitions of load_graphs' rate over COPY's in the same repetition. The
    runs alternate, so a busy neighbour on the machine slows every side alike, and the paired
    median also follows a machine whose speed drifts during the run."""
    prep_s, node_s, rel_s, one_checkpoint_s, build_s = [], [], [], [], []
    for i in range(repeat):
        start = time.perf_counter()
        nodes, rels = copy_statements(graphs)
        prep_s.append(time.perf_counter() - start)
        store = _fresh(tmp, f"copy-{i}.lbdb")
        node_s.append(_timed(_run_all, store, nodes))
        rel_s.append(_timed(_run_all, store, rels))
        store.close()
        store = _fresh(tmp, f"copy-checkpoint-{i}.lbdb")
        store.run("CALL auto_checkpoint=false")
        one_checkpoint_s.append(_timed(_run_all, store, nodes + rels, True))
        store.close()
        store = _fresh(tmp, f"build-{i}.lbdb")
        build_s.append(_timed(load_graphs, store, graphs))
        store.close()
    paired = sorted((n + r) / b for n, r, b in zip(node_s, rel_s, build_s, strict=True))
    return min(prep_s), min(node_s), min(rel_s), min(one_checkpoint_s), min(build_s), paired[len(paired) // 2]


def _increment_rows(existing: int, seed: int) -> tuple[list[dict], list[dict], list[dict], list[dict]]:
    """10k Task rows (half changed existing tasks, half new), 10k RESPONSIBLE_FOR rows likewise,
    and 10k brand-new rows of each for the COPY baseline. Existing tasks are `task-{d}-{t}`."""
    rng = random.Random(seed)
    half = INCREMENT // 2
    docs = existing // 80

    def task(tid: str, doc: str) -> dict:
        return {"id": tid, "document_id": doc, "ref": "9.9", "text": "修订后的任务", "rule": "bench.v2",
                "span_start": 1, "span_end": 2}

    old_tasks = [task(f"task-{d}-{t}", f"doc-{d}") for d, t in
                 ((rng.randrange(docs), rng.randrange(80)) for _ in range(half))]
    old_tasks = list({r["id"]: r for r in old_tasks}.values())
    new_tasks = [task(f"task-new-{seed}-{i}", "doc-new") for i in range(INCREMENT - len(old_tasks))]
    copy_tasks = [task(f"task-copy-{seed}-{i}", "doc-new") for i in range(INCREMENT)]

    def resp(dept: int, tid: str) -> dict:
        return {"source_label": "Department", "target_label": "Task", "source": f"department-{dept}", "target": tid,
                "document_id": "doc-new", "rule": "bench.v2", "role": "lead", "printed_name": "部门",
                "span_start": 1, "span_end": 2}

    rels = [resp(rng.randrange(DEPARTMENTS), r["id"]) for r in old_tasks[:half]]
    rels += [resp(rng.randrange(DEPARTMENTS), r["id"]) for r in new_tasks[:INCREMENT - len(rels)]]
    copy_rels = [resp(rng.randrange(DEPARTMENTS), r["id"]) for r in copy_tasks]
    return old_tasks + new_tasks, rels, copy_tasks, copy_rels


def measure_increment(store, existing_tasks: int, seed: int) -> dict[str, float]:
    tasks, rels, copy_tasks, copy_rels = _increment_rows(existing_tasks, seed)
    out = {"upsert_nodes": len(tasks) / _timed(lambda: store.upsert_nodes(L.TASK, tasks)),
           "copy_nodes": len(copy_tasks) / _timed(lambda: store.run(
               "COPY Task FROM $rows", {"rows": _arrow(copy_tasks, dict(NODE_PROPERTIES[L.TASK]))}))}
    out["upsert_rels"] = len(rels) / _timed(lambda: store.upsert_relationships(rels, "RESPONSIBLE_FOR"))
    rel_cols = {"source": PropType.STRING, "target": PropType.STRING, **REL_PROPERTIES[R.RESPONSIBLE_FOR]}
    out["copy_rels"] = len(copy_rels) / _timed(lambda: store.run(
        "COPY RESPONSIBLE_FOR FROM $rows (from='Department', to='Task')",
        {"rows": _arrow(copy_rels, rel_cols, {"source": "from", "target": "to"})}))
    return out


def best_increment(store, existing_tasks: int, repeat: int, seed0: int) -> dict[str, float]:
    runs = [measure_increment(store, existing_tasks, seed0 + i) for i in range(repeat)]
    return {k: max(r[k] for r in runs) for k in runs[0]}


def fill_big(tmp: Path, graphs, factor: int):
    """A store whose tables are `factor` times the corpus: copies of its documents (ids and
    document ids renamed) sharing its departments and platforms, written by COPY."""
    import pyarrow as pa
    import pyarrow.compute as pc

    store = _fresh(tmp, "big.lbdb")
    nodes, rels = copy_statements(graphs)
    for k in range(factor):
        suffix = "" if k == 0 else f"~{k}"

        def renamed(table, columns, suffix=suffix):
            for col in columns:
                if col in table.column_names:
                    i = table.column_names.index(col)
                    table = table.set_column(i, col, pc.binary_join_element_wise(table[col], pa.scalar(suffix), ""))
            return table

        for q, t in nodes:
            if k and ("Department" in q or "Platform" in q):
                continue  # shared nodes stay shared: only document-owned tables grow
            store.run(q, {"rows": renamed(t, ["v_id", "v_document_id"])})
        for q, t in rels:
            shared_src = "from='Department'" in q
            shared_dst = "to='Department'" in q or "to='Platform'" in q
            cols = [c for c, shared in (("v_source", shared_src), ("v_target", shared_dst)) if not shared]
            cols.append("v_document_id")
            store.run(q, {"rows": renamed(t, cols)})
    return store


def measure_neo4j_client(graphs, repeat: int) -> tuple[float, float, str]:
    from plankg.graph.backends import neo4j as backend

    batch = backend.STATEMENT_ROWS
    # the parameters the loader sends: one row per id or pair of each document's rows, nodes as
    # maps, relationships as positions of their endpoints and values (`relationship_parameters`)
    node_maps: list[dict[str, Any]] = []
    rel_rows: list[tuple[Any, ...]] = []
    for graph in graphs:
        for label, rows in node_rows(graph.nodes).items():
            node_maps += backend.parameter_rows(node_columns(label), unique_node_rows(label, rows))
        for rows in relationship_rows(graph.relationships).values():
            rel_rows += unique_relationship_rows(rows)

    def rate(rows, parameters) -> float:
        seconds = min(_timed(lambda: [backend.encode_parameters(parameters(rows[i:i + batch]))
                                      for i in range(0, len(rows), batch)])
                      for _ in range(repeat))
        return len(rows) / seconds

    return (rate(node_maps, lambda rows: {"rows": rows}), rate(rel_rows, backend.relationship_parameters),
            backend.packstream_implementation())


class _RecordingTransaction:
    """Stands in for a write transaction: keeps the parameters of every statement run on it, and
    answers a relationship statement's count check with its row count."""

    def __init__(self) -> None:
        self.parameters: list[dict[str, Any]] = []

    def run(self, cypher: str, params: dict[str, Any]):
        self.parameters.append(params)
        sent = len(params["rows"])
        return SimpleNamespace(single=lambda: {"n": sent})


def load_statements(store, graphs) -> list[dict[str, Any]]:
    """The parameters the Neo4j loader sends for `graphs` into an empty graph, statement
    by statement: the loader's own write path (`_write_graphs`, documents in `load_graphs`'
    batches, cut into its transactions) run on a transaction that records instead of sending."""
    from plankg.graph.backends import neo4j as backend
    from plankg.graph.load import batches

    recorder = _RecordingTransaction()
    for batch in batches(graphs, max_rows=backend.CAPABILITIES.max_batch_rows):
        docs = [graphs[i] for i in batch]
        for group in batches(docs, max_rows=backend.STATEMENT_ROWS):
            store._write_graphs(recorder, [docs[k] for k in group], [], create=True)
    return [params for params in recorder.parameters if params["rows"]]


def measure_neo4j_server(url: str, graphs, repeat: int, n_rows: int) -> None:
    """Load `graphs` into a live Neo4j beside the driver's ceiling: the same statements' rows
    encoded by its packstream encoder, without sending them, in the same run."""
    from plankg.graph.backends import neo4j as backend

    store = open_store(url)
    statements = load_statements(store, graphs)
    encoded = sum(len(params["rows"]) for params in statements)
    labels = "|".join(label.value for label in L)

    def empty() -> None:  # in pieces: one transaction holds its changes in the server's memory
        for cypher in (f"MATCH (:{labels})-[r]->() WITH r LIMIT 20000 DELETE r RETURN count(*) AS n",
                       f"MATCH (n:{labels}) WITH n LIMIT 20000 DETACH DELETE n RETURN count(*) AS n"):
            while store.run(cypher)[0]["n"]:
                pass

    load_s, ceiling_s = [], []
    try:
        for _ in range(repeat):
            ceiling_s.append(_timed(lambda: [backend.encode_parameters(params) for params in statements]))
            empty()
            load_s.append(_timed(load_graphs, store, graphs))
        replace_s = min(_timed(lambda: store.load_document(graphs[-1])) for _ in range(repeat))
        server = store.run("CALL dbms.components() YIELD name, versions, edition "
                           "RETURN name + ' ' + versions[0] + ' ' + edition AS v")[0]["v"]
    finally:
        store.close()
    ceiling, load_rate = encoded / min(ceiling_s), n_rows / min(load_s)
    paired = sorted((n_rows / b) / (encoded / c) for b, c in zip(load_s, ceiling_s, strict=True))
    print(f"\nNeo4j {server} at {url}, driver {_driver_version()} ({backend.packstream_implementation()} "
          f"packstream encoder); best of {repeat}")
    print(f"  driver ceiling: the loader's {len(statements)} statements ({encoded:,} rows) encoded, not sent  "
          f"{ceiling:>10,.0f} rows/s")
    print(f"  load_graphs into an empty graph ({n_rows:,} distinct rows)              {load_rate:>10,.0f} rows/s  "
          f"ratio {load_rate / ceiling:.2f}x (goal >= 0.5x; median of paired runs {paired[len(paired) // 2]:.2f}x)")
    print(f"  replacing one document ({len(graphs[-1].nodes)} nodes, {len(graphs[-1].relationships)} rels): "
          f"{replace_s * 1000:.0f} ms")


def _driver_version() -> str:
    from importlib.metadata import version

    return version("neo4j")


def measure_ladybug(args, tmp: Path, graphs, documents: int, n_nodes: int, n_rels: int) -> None:
    prep_s, copy_node_s, copy_rel_s, one_checkpoint_s, build_s, paired = measure_full_build(tmp, graphs, args.repeat)
    rows = n_nodes + n_rels
    copy_rate = rows / (copy_node_s + copy_rel_s)
    one_checkpoint_rate = rows / one_checkpoint_s
    copy_prep_rate = rows / (prep_s + copy_node_s + copy_rel_s)
    build_rate = rows / build_s
    print(f"\nfull build      COPY FROM, Arrow tables ready     {copy_rate:>10,.0f} rows/s  "
          f"(nodes {n_nodes / copy_node_s:,.0f}/s, rels {n_rels / copy_rel_s:,.0f}/s)")
    print(f"                 same, one checkpoint at the end  {one_checkpoint_rate:>10,.0f} rows/s")
    print(f"                COPY FROM + building its tables   {copy_prep_rate:>10,.0f} rows/s  "
          f"(DocumentGraphs to Arrow: {prep_s:.2f} s)")
    print(f"                load_graphs (DocumentGraphs in)   {build_rate:>10,.0f} rows/s  "
          f"ratio {build_rate / copy_rate:.2f}x vs tables ready (goal >= 0.8x), "
          f"{build_rate / one_checkpoint_rate:.2f}x vs tables ready and one checkpoint, "
          f"{build_rate / copy_prep_rate:.2f}x vs COPY + building")
    print(f"                median of the {args.repeat} paired runs (load_graphs vs COPY, tables ready): {paired:.2f}x")

    store = _fresh(tmp, "incremental.lbdb")
    load_graphs(store, graphs)
    base = best_increment(store, documents * 80, args.repeat, seed0=1)
    replace_s = min(_timed(lambda: store.load_document(graphs[-1])) for _ in range(args.repeat))
    store.close()
    print(f"\nincremental 10k rows into {n_nodes:,} nodes / {n_rels:,} rels (half new, half changed)")
    print(f"  nodes  upsert {base['upsert_nodes']:>10,.0f}/s   COPY {base['copy_nodes']:>10,.0f}/s   "
          f"ratio {base['upsert_nodes'] / base['copy_nodes']:.2f}x (goal >= 0.3x)")
    print(f"  rels   upsert {base['upsert_rels']:>10,.0f}/s   COPY {base['copy_rels']:>10,.0f}/s   "
          f"ratio {base['upsert_rels'] / base['copy_rels']:.2f}x (goal >= 0.1x)")
    print(f"  replacing one document ({len(graphs[-1].nodes)} nodes, {len(graphs[-1].relationships)} rels): "
          f"{replace_s * 1000:.0f} ms")

    if args.big > 1:
        big = fill_big(tmp, graphs, args.big)
        counts = big.counts()
        big_nodes, big_rels = sum(counts[label.value] for label in L), sum(counts[r.value] for r in R)
        large = best_increment(big, documents * 80, args.repeat, seed0=100)
        big_replace_s = min(_timed(lambda: big.load_document(graphs[-1])) for _ in range(args.repeat))
        big.close()
        print(f"\nincremental 10k rows into {big_nodes:,} nodes / {big_rels:,} rels ({args.big}x)")
        for kind in ("nodes", "rels"):
            ratio = large[f"upsert_{kind}"] / base[f"upsert_{kind}"]
            print(f"  {kind:<5}  upsert {large[f'upsert_{kind}']:>10,.0f}/s   COPY {large[f'copy_{kind}']:>10,.0f}/s   "
                  f"vs {args.big}x smaller: {ratio:.2f}x (goal: not slower, ~1x)")
        print(f"  replacing one document: {big_replace_s * 1000:.0f} ms, {replace_s * 1000:.0f} ms into {args.big}x "
              f"smaller tables: {big_replace_s / replace_s:.2f}x (its old facts are reached from its own nodes)")



def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="corpus size: 1 = 100k nodes, 300k relationships")
    parser.add_argument("--big", type=int, default=10, help="upsert into tables this many times larger too (0: skip)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measure; the best is kept")
    parser.add_argument("--tmp", type=Path, default=None, help="folder for the benchmark stores (default: a temp dir)")
    parser.add_argument("--only", choices=("all", "neo4j"), default="all",
                        help="neo4j: only the Neo4j client-side rate (e.g. to compare with neo4j-rust-ext installed)")
    parser.add_argument("--store", default=None,
                        help="a Neo4j URL (neo4j:// or bolt://): measure loading into it; its plankg data is deleted")
    args = parser.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="plankg-bench-", dir=args.tmp))
    try:
        documents = max(1, round(1000 * args.scale))
        graphs = synthetic_corpus(documents)
        n_nodes = len({(n.label, n.id) for g in graphs for n in g.nodes})
        n_rels = sum(len(g.relationships) for g in graphs)
        print(f"corpus: {documents} documents, {n_nodes:,} distinct nodes "
              f"({sum(len(g.nodes) for g in graphs):,} node rows), {n_rels:,} relationships; rates count distinct rows")
        if args.store:
            measure_neo4j_server(args.store, graphs, args.repeat, n_nodes + n_rels)
            return 0
        if args.only == "all":
            measure_ladybug(args, tmp, graphs, documents, n_nodes, n_rels)
        node_rate, rel_rate, impl = measure_neo4j_client(graphs, args.repeat)
        print(f"\nNeo4j client side (packstream, {impl} encoder, batches of "
              f"{10_000:,}): nodes {node_rate:,.0f} rows/s, rels {rel_rate:,.0f} rows/s")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
