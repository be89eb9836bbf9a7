"""Latency of every pack query on a synthetic LadybugDB graph of about 100k nodes.

    python benchmarks/queries.py                      # build (or reuse) build/bench-queries.lbdb
    python benchmarks/queries.py --docs 50 --runs 10  # smaller and quicker
    python benchmarks/queries.py --rebuild
    python benchmarks/queries.py --only plan_targets fact_source
    python benchmarks/queries.py --packs /tmp/old/queries/packs   # the same figures for other packs
    python benchmarks/queries.py --store "$NEO4J_URI" --profile  # Neo4j beside LadybugDB (NEO4J_USERNAME, ...)

Prints, per query, p50 and p90 over `--runs` timed runs (after one warm-up), the rows it returns
and whether it is seeded; with `--store`, for that store beside LadybugDB, timed in the same
rounds (`--profile`: and Neo4j's PROFILE of each seeded query over the goal there). Seeded
queries (those with a required parameter, which anchor on one plan, department, platform, year
or text) should answer in 5 ms or less; the others scan the graph and are reported for scale.
Times are wall clock through `store.run`, so they include turning rows into Python dicts (about
2.6 ms per 1,000 rows of two columns).

Two baselines run in the same rounds so the figures can be read against the machine's speed at
the time: a primary-key lookup (the cost of any query at all) and a scan of every task's text
(the cost of one pass over the largest table). Each query runs `--runs` times in three passes
over all queries and baselines, so a burst of load from other processes lands on several alike.
"""
from __future__ import annotations

import argparse
import gc
import hashlib
import inspect
import math
import random
import statistics
import sys
import time
from pathlib import Path

from plankg.graph.backends.ladybug import remove_store
from plankg.graph.load import load_graphs
from plankg.graph.store import open_store
from plankg.ontology import model as m
from plankg.ontology.ids import content_id
from plankg.ontology.vocab import NODE_PROPERTIES
from plankg.queries.loader import bind_params, load_packs

RULES = "bench.v1"
KINDS = ["实验室", "技术创新中心", "企业研究院", "工程研究中心", "新型研发机构", "孵化器", "众创空间"]
LEVELS = ["国家级", "省级", "市级", "区级"]
METRICS = [f"指标{i:02d}" for i in range(20)]
REGIONS = [f"示范市{i}区" for i in range(20)]
SEED_GOAL_MS = 5.0
ROUNDS = 3  # passes over all queries; a burst of load from other processes then hits several alike


def plan_title(i: int) -> str:
    return f"{REGIONS[i % len(REGIONS)]}科技发展规划第{i}号"


def synthetic_documents(docs: int, sections: int, tasks_per_section: int, seed: int = 7):
    """Yield DocumentGraphs: each a plan with sections, tasks, departments, platforms and targets."""
    rng = random.Random(seed)
    departments = [m.Department(id=content_id("Department", "示范市", f"示范市第{j}局"), name=f"示范市第{j}局",
                                jurisdiction="示范市", kind="government", aliases=[f"市第{j}局"]) for j in range(300)]
    platforms = [m.Platform(id=content_id("Platform", f"创新平台{k}"), name=f"创新平台{k}", kind=KINDS[k % len(KINDS)],
                            level=LEVELS[k % len(LEVELS)]) for k in range(500)]
    enterprises = [m.Enterprise(id=content_id("Enterprise", f"示范企业{k}"), name=f"示范企业{k}") for k in range(300)]
    for i in range(docs):
        doc_id = content_id("Document", f"bench_{i}.txt")
        nodes: dict[str, m.Node] = {}
        rels: list[m.Relationship] = []

        def add(node, nodes=nodes):
            nodes.setdefault(node.id, node)
            return node

        def rel(type_, src, dst, rels=rels, doc_id=doc_id, **props):
            rels.append(m.Relationship(type=type_, source_label=src.label, source=src.id, target_label=dst.label,
                                       target=dst.id, document_id=doc_id, rule=RULES, **props))

        doc = add(m.Document(id=doc_id, document_id=doc_id, name=f"bench_{i}.txt", path=f"bench/bench_{i}.txt",
                             sha256=f"{i:064d}", chars=100_000))
        start = 2016 + i % 10
        issuer = departments[i % 20]
        plan = add(m.Plan(id=content_id("Plan", plan_title(i)), document_id=doc_id, title=plan_title(i),
                          issuers=[issuer.name], date=f"{start}-03-01", period_start=start, period_end=start + 4,
                          region=REGIONS[i % len(REGIONS)]))
        rel("PUBLISHES", doc, plan)
        add(issuer)
        rel("ISSUED_BY", plan, issuer, printed_name=issuer.name)
        implementer = departments[20 + i % 10]
        add(implementer)
        rel("IMPLEMENTS", implementer, plan, printed_name=implementer.name)
        for j in rng.sample(range(i), min(i, 2)):
            cited = add(m.Plan(id=content_id("Plan", plan_title(j)), title=plan_title(j)))
            rel("REFERENCES", plan, cited, printed_title=f"《{plan_title(j)}》")
        pos = 0
        sec_top = None
        for s in range(sections):
            parent = plan if s % 3 == 0 else sec_top
            sec = add(m.Section(id=content_id("Section", doc_id, str(s)), document_id=doc_id, ref=f"{s + 1}",
                                title=f"第{s + 1}部分", depth=1 if s % 3 == 0 else 2, span_start=pos,
                                span_end=pos + 50))
            if s % 3 == 0:
                sec_top = sec
            rel("HAS_SECTION", parent, sec)
            for t in range(tasks_per_section):
                pos += 100
                ref = f"{s + 1}.{t + 1}"
                task = add(m.Task(id=content_id("Task", doc_id, ref), document_id=doc_id, ref=ref,
                                  text=f"推进第{s + 1}部分第{t + 1}项任务建设", rule=RULES, span_start=pos,
                                  span_end=pos + 60))
                rel("HAS_TASK", sec, task)
                for k, dept in enumerate(rng.sample(departments, rng.randint(1, 4))):
                    add(dept)
                    rel("RESPONSIBLE_FOR", dept, task, role="lead" if k == 0 else "support",
                        printed_name=dept.name.replace("示范市", "市"), span_start=pos + 50 + k, span_end=pos + 54 + k)
                if rng.random() < 0.6:
                    rel("MENTIONS", task, add(rng.choice(platforms)), printed_name="平台", span_start=pos + 5,
                        span_end=pos + 9)
                if rng.random() < 0.3:
                    rel("MENTIONS", task, add(rng.choice(enterprises)), printed_name="企业", span_start=pos + 12,
                        span_end=pos + 16)
                if rng.random() < 0.2:
                    metric = rng.choice(METRICS)
                    year = start + rng.randint(0, 4)
                    target = add(m.Target(id=content_id("Target", doc_id, ref, metric), document_id=doc_id,
                                          text=f"{metric}达到{t}", metric=metric, value=float(t), unit="个",
                                          comparator=">=", year=year, rule=RULES, span_start=pos + 20,
                                          span_end=pos + 30))
                    rel("SETS_TARGET", task, target)
        yield m.DocumentGraph(document_id=doc_id, nodes=list(nodes.values()), relationships=rels)


SAMPLE_PARAMS = {
    "department_tasks": {"department": "示范市第7局"}, "department_load": {"department": "市第7局"},
    "plan_platforms": {"plan": plan_title(42)}, "platform_mentions": {"platform": "创新平台217"},
    "plan_targets": {"plan": plan_title(42)}, "targets_due": {"year": "2020"}, "plan_lineage": {"plan": plan_title(42)},
    "section_subtree": {"plan": plan_title(42), "section": "4"}, "find_entity": {"q": "创新平台217"},
    "fact_source": {"q": "第3部分第7项"},
}


BASELINES = {
    # one row by primary key: what every query pays to be parsed, planned and returned
    "baseline: key lookup": ("MATCH (n:Department {id: $id}) RETURN n.name AS name", "id"),
    # one pass over the largest table's longest column: the floor of an unanchored text search
    # 1,000 rows of two columns handed to Python: the floor of a query with a long answer
    "baseline: 1k rows returned": ("MATCH (t:Task) RETURN t.ref AS ref, t.text AS text LIMIT $n", "n"),
    "baseline: task text scan": ("MATCH (t:Task) WHERE t.text CONTAINS $q RETURN count(*) AS tasks", "q"),
}


def percentile(times: list[float], fraction: float) -> float:
    """The value below which `fraction` of the times fall (nearest rank).

    >>> percentile([5.0, 1.0, 3.0, 2.0, 4.0], 0.5), percentile([5.0, 1.0, 3.0, 2.0, 4.0], 0.9)
    (3.0, 5.0)
    """
    ordered = sorted(times)
    return ordered[min(len(ordered), max(1, math.ceil(fraction * len(ordered)))) - 1]


def profile_table(store, text: str, params: dict) -> str:
    """The operators of Neo4j's PROFILE of `text`, depth first: rows, database hits and page cache
    hits and misses of each (Community's slotted runtime reports no time per operator)."""
    summary = store._driver.execute_query("PROFILE " + text, params, database_=store.database).summary
    lines = [f"  {'operator':44} {'rows':>9} {'db hits':>10} {'cache hits':>11} {'misses':>7}  details"]

    def walk(op: dict, depth: int) -> None:
        name = "  " * depth + str(op.get("operatorType", "")).split("@")[0]
        args = op.get("args") or {}
        lines.append(f"  {name:44} {op.get('rows', 0):>9} {op.get('dbHits', 0):>10} "
                     f"{op.get('pageCacheHits', 0):>11} {op.get('pageCacheMisses', 0):>7}  "
                     f"{str(args.get('Details', ''))[:90]}")
        for child in op.get("children") or []:
            walk(child, depth + 1)

    walk(summary.profile, 0)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default="build/bench-queries.lbdb", help="the LadybugDB store to build or reuse")
    parser.add_argument("--store", help="time another store beside LadybugDB, e.g. a Neo4j URL; the synthetic "
                        "documents are loaded into it unless loaded already (the same sha256)")
    parser.add_argument("--profile", action="store_true",
                        help="on Neo4j, PROFILE each seeded query over the goal and print its operators")
    parser.add_argument("--docs", type=int, default=250)
    parser.add_argument("--sections", type=int, default=12)
    parser.add_argument("--tasks", type=int, default=25, help="tasks per section")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--only", nargs="+", metavar="QUERY", help="time only these queries (and the baselines)")
    parser.add_argument("--packs", type=Path, help="time the packs in this folder (e.g. an older checkout's "
                        "queries/packs) instead of the installed ones")
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args(argv)

    queries = load_packs(args.packs)
    unknown = set(args.only or ()) - set(queries)
    if unknown:
        parser.error(f"unknown queries: {', '.join(sorted(unknown))}; choose from {', '.join(sorted(queries))}")
    db = Path(args.db)
    # a store built by another schema or generator is rebuilt, never queried
    stamp = Path(str(db) + ".stamp")
    fingerprint = hashlib.sha256(repr((sorted((k.value, sorted(v.items())) for k, v in NODE_PROPERTIES.items()),
                                        inspect.getsource(synthetic_documents), args.docs, args.sections,
                                        args.tasks)).encode()).hexdigest()
    if db.exists() and (not stamp.exists() or stamp.read_text() != fingerprint):
        print("the benchmark store was built from another schema or generator: rebuilding it")
        args.rebuild = True
    if args.rebuild:
        remove_store(db)  # with its stamp
    fresh = not db.exists()
    db.parent.mkdir(parents=True, exist_ok=True)
    stores = {"LadybugDB": open_store(f"ladybug://{db.resolve()}")}
    if fresh:
        began = time.perf_counter()
        for graph in synthetic_documents(args.docs, args.sections, args.tasks):
            stores["LadybugDB"].load_document(graph)
        print(f"loaded {args.docs} documents into {db} in {time.perf_counter() - began:.1f} s")
        stamp.write_text(fingerprint)
    if args.store:
        other = open_store(args.store)
        stores[other.capabilities.name] = other
        began = time.perf_counter()
        # documents loaded already (same sha256) are skipped: a second run reuses the graph
        reports = load_graphs(other, synthetic_documents(args.docs, args.sections, args.tasks),
                              sha256=lambda graph: next(n.sha256 for n in graph.nodes if n.label.value == "Document"))
        if not all(report.skipped for report in reports):
            print(f"loaded {args.docs} documents into {args.store} in {time.perf_counter() - began:.1f} s")
    for name, store in stores.items():
        counts = store.counts()
        nodes = sum(v for k, v in counts.items() if k[0].isupper() and not k.isupper())
        rels = sum(v for k, v in counts.items() if k.isupper())
        print(f"{name}: {nodes} nodes, {rels} relationships ({store.url})")
    if len({tuple(sorted(store.counts().items())) for store in stores.values()}) > 1:
        print("the stores hold different graphs: empty the plankg labels of the server and run again")
        return 1

    # name -> {store name -> (text, params)}, seeded
    cases: dict[str, dict[str, tuple[str, dict]]] = {}
    seeded: dict[str, bool | None] = {}
    for store_name, store in stores.items():
        department_id = store.run("MATCH (n:Department) RETURN n.id AS id ORDER BY id LIMIT 1")[0]["id"]
        baseline_values = {"id": department_id, "q": "第3部分第7项", "n": 1000}
        for name, (text, key) in BASELINES.items():
            cases.setdefault(name, {})[store_name] = (text, {key: baseline_values[key]})
            seeded[name] = None
        for name, query in sorted(queries.items()):
            if args.only and name not in args.only:
                continue
            cases.setdefault(name, {})[store_name] = (query.text_for(store.capabilities.dialect),
                                                      bind_params(query, SAMPLE_PARAMS.get(name, {})))
            seeded[name] = any(p.required for p in query.params)

    rows = {(name, s): len(stores[s].run(text, params))  # warm-up
            for name, by_store in cases.items() for s, (text, params) in by_store.items()}
    times: dict[tuple[str, str], list[float]] = {key: [] for key in rows}
    per_round = -(-args.runs // ROUNDS)
    for _ in range(ROUNDS):
        for name, by_store in cases.items():
            for store_name, (text, params) in by_store.items():
                store = stores[store_name]
                # the rows of a scan query (187k for responsibility_matrix) leave Python's collector
                # work that would otherwise land in the next query's runs
                gc.collect()
                gc.disable()
                try:
                    for _ in range(per_round):
                        began = time.perf_counter()
                        store.run(text, params)
                        times[name, store_name].append((time.perf_counter() - began) * 1000)
                finally:
                    gc.enable()

    names = list(stores)
    print("\n" + f"{'query':32} {'seeded':>6} {'rows':>7}" + "".join(f" {n + ' p50':>15} {'p90':>8}" for n in names))
    slow: dict[str, list[str]] = {n: [] for n in names}
    for name in cases:
        line = f"{name:32} {'yes' if seeded[name] else '' if seeded[name] is False else '-':>6} "
        line += f"{rows[name, names[0]]:>7}"
        for store_name in names:
            p50, p90 = statistics.median(times[name, store_name]), percentile(times[name, store_name], 0.9)
            mark = "*" if seeded[name] and p50 > SEED_GOAL_MS else " "
            if mark == "*":
                slow[store_name].append(name)
            line += f" {p50:>14.2f}{mark} {p90:>8.2f}"
        if any(rows[name, s] != rows[name, names[0]] for s in names):
            line += "  rows differ: " + ", ".join(f"{s} {rows[name, s]}" for s in names)
        print(line)
        if seeded[name] is None and name == list(BASELINES)[-1]:
            print()
    total = sum(1 for v in seeded.values() if v)
    for store_name in names:
        over = slow[store_name]
        print(f"{store_name}: seeded queries within {SEED_GOAL_MS:g} ms (p50): {total - len(over)} of {total}"
              + (f"; over (*): {', '.join(over)}" if over else ""))
    if args.profile:
        for store_name, store in stores.items():
            for name in slow[store_name] if store.capabilities.dialect == "neo4j" else []:
                print(f"\nPROFILE {name} on {store_name}:")
                print(profile_table(store, *cases[name][store_name]))
    for store in stores.values():
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
