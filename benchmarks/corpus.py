"""The ingest-to-store route at corpus scale, on a synthetic corpus, every step in a child process.

    python benchmarks/corpus.py --docs 1000            # generate, then measure every step
    python benchmarks/corpus.py --docs 5000 --repeat 1 --keep build/bench-corpus
    python benchmarks/corpus.py --facts build/bench-corpus/facts-2 --repeat 5   # the load steps only

The corpus: the demo plans (data/demo/) moved to other cities and their districts
(data/gazetteers/regions.json), years shifted, titles and numbers varied, seeded
(benchmarks/corpus_variation.json holds the variations). Printed in one run:

  * ingest (`plankg ingest --quiet`, writing the JSON files and the Parquet dataset) with 1
    process and with every core: documents/s, characters/s, and the speed-up;
  * load (`plankg load FACTS`, from the dataset into an empty embedded store, the command run
    in-process) in rows/s, beside COPY FROM of the same rows already in Arrow tables with the
    loader's checkpoint policy (automatic checkpoints off, one CHECKPOINT after the nodes and one
    at the end), like for like: both timed from opening a new store to closing it, with the
    modules either needs imported before the clock starts. The ratio of each pair of runs and
    their median; beside it the ratio to COPY's statements alone, and in the same runs the
    library call `plankg.graph.load.load_dataset` alone (what the command runs, without the
    summary);
  * views (`write_views`, the viz route) on the loaded store: seconds, files, total and largest size;
  * the peak memory of each step: the sum of the resident memory of the step's process and its
    workers, sampled every 50 ms by psutil (and the child's own high-water mark).

Each step runs in a fresh child process, so one step's memory never counts in another's.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

VARIATION = json.loads((ROOT / "benchmarks" / "corpus_variation.json").read_text(encoding="utf-8"))
REGIONS = json.loads((ROOT / "data" / "gazetteers" / "regions.json").read_text(encoding="utf-8"))
YEAR = re.compile(r"(?<!\d)(20[12]\d)(?!\d)")
# counts and amounts before a unit: varied; years, dates, item numbers and 文号 are left alone
AMOUNT = re.compile(r"(?<![\d.〔])(\d{2,5})(?=\s*(?:家|个|项|亿元|万元|人|所|台|件|%|平方米|亩|名))")


def synthetic_document(text: str, i: int, rng: random.Random) -> str:
    """One demo plan moved to another city and its districts, years shifted, title and numbers varied."""
    home = VARIATION["home_city"]
    cities = sorted(c for c in REGIONS["cities"] if c != home)
    city = rng.choice(cities)
    districts = sorted(d for d, parent in REGIONS["districts"].items() if parent == city) or [f"{city[:-1]}新区"]
    text = text.replace(home, city).replace(home[:-1], city[:-1])
    for district in VARIATION["home_districts"]:
        text = text.replace(district, rng.choice(districts))
    shift = rng.choice(VARIATION["year_shifts"])
    text = YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)
    factor = rng.choice(VARIATION["number_factors"])
    text = AMOUNT.sub(lambda m: str(max(1, round(int(m.group(1)) * factor))), text)
    for a, b in VARIATION["plan_kinds"]:
        if rng.random() < 0.5:
            text = text.replace(a, b)
    lines = text.split("\n")
    for n, line in enumerate(lines):  # the title: the first line naming a plan
        if line.strip() and len(line) < 80 and ("计划" in line or "方案" in line or "规划" in line or "意见" in line
                                                 or "要点" in line):
            lines[n] = line.rstrip() + rng.choice(VARIATION["title_suffixes"])
            break
    return "\n".join(lines) + f"\n\n({city}文件 第{i}号)\n"


def generate(folder: Path, docs: int, seed: int) -> int:
    """Write `docs` synthetic documents into `folder`; returns their characters."""
    from plankg.workflow import demo_corpus

    sources = [p.read_text(encoding="utf-8") for p in demo_corpus()]
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    chars = 0
    for i in range(docs):
        text = synthetic_document(sources[i % len(sources)], i, rng)
        (folder / f"plan-{i:06d}.txt").write_text(text, encoding="utf-8")
        chars += len(text)
    return chars


# --- a step, in a child process -------------------------------------------------------------------
class PeakMemory:
    """The largest sum of resident memory of this process and its descendants, sampled."""

    def __init__(self, interval: float = 0.05) -> None:
        import psutil

        self.process, self.interval, self.peak = psutil.Process(), interval, 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> int:
        import psutil

        total = 0
        for p in [self.process, *self.process.children(recursive=True)]:
            try:
                total += p.memory_info().rss
            except psutil.Error:
                continue
        return total

    def _run(self) -> None:
        while not self.stop.wait(self.interval):
            self.peak = max(self.peak, self._sample())

    def __enter__(self) -> PeakMemory:
        self.peak = self._sample()
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join()


def _cli(*args: str) -> None:
    from plankg.cli import main

    main.main(list(args), standalone_mode=False)


def _copy_baseline(facts: Path, store_path: Path) -> dict[str, float]:
    """Seconds for COPY FROM of the dataset's rows (built into Arrow tables beforehand, not timed) into
    an empty store with the loader's checkpoint policy: the statements alone (`copy_seconds`), and
    from opening the new store to closing it (`store_seconds`), what `plankg load` is timed over."""
    from benchmarks.load import copy_statements
    from plankg.graph.facts import DATASET, read_graphs
    from plankg.graph.store import open_store

    graphs = [graph for graph, _ in read_graphs(facts / DATASET)]
    nodes, rels = copy_statements(graphs)
    del graphs
    opened, cpu = time.perf_counter(), time.process_time()
    store = open_store(f"ladybug://{store_path}")
    try:
        store.run("CALL auto_checkpoint=false")
        t0 = time.perf_counter()
        for cypher, table in nodes:
            store.run(cypher, {"rows": table})
        store.run("CHECKPOINT")
        for cypher, table in rels:
            store.run(cypher, {"rows": table})
        store.run("CHECKPOINT")
        statements = time.perf_counter() - t0
        store.run("CALL auto_checkpoint=true")
    finally:
        store.close()
    return {"copy_seconds": statements, "store_seconds": time.perf_counter() - opened,
            "store_cpu_seconds": time.process_time() - cpu}


def _load_dataset(facts: Path, store_path: Path) -> int:
    """The dataset loaded from its Arrow columns (`plankg.graph.load.load_dataset`), in a process
    that only loads (the collector paused while tables are built, as in `plankg load`); returns
    the nodes written."""
    from plankg.graph.facts import DATASET
    from plankg.graph.load import load_dataset
    from plankg.graph.store import open_store

    store = open_store(f"ladybug://{store_path}", pause_gc=True)
    try:
        reports = load_dataset(store, facts / DATASET)
    finally:
        store.close()
    return sum(n for report in reports for n in report.created.values())


def _views(store_path: Path, out: Path) -> dict[str, Any]:
    from plankg.graph.store import open_store
    from plankg.viz.views import write_views

    store = open_store(f"ladybug://{store_path}", read_only=True)
    try:
        t0 = time.perf_counter()
        write_views(store, out)
        seconds = time.perf_counter() - t0
    finally:
        store.close()
    sizes = [p.stat().st_size for p in out.rglob("*") if p.is_file()]
    return {"seconds": seconds, "files": len(sizes), "bytes": sum(sizes), "largest": max(sizes, default=0)}


def run_step(step: str, args: dict[str, str]) -> dict[str, Any]:
    import resource

    # what any command loads before it starts work (not timed): the CLI, the store's driver, Arrow
    # (the COPY baseline has all of them loaded before its clock starts, too)
    import pyarrow.compute  # noqa: F401
    import pyarrow.parquet  # noqa: F401

    import plankg.cli  # noqa: F401
    import plankg.corpus  # noqa: F401
    import plankg.graph.backends.ladybug  # noqa: F401
    from plankg.graph.backends.ladybug.opening import import_driver

    import_driver()
    with PeakMemory() as memory:
        t0, cpu = time.perf_counter(), time.process_time()
        extra: dict[str, Any] = {}
        if step == "ingest":
            _cli("ingest", args["corpus"], "--out", args["facts"], "--jobs", args["jobs"], "--quiet")
        elif step == "load":
            _cli("load", args["facts"], "--store", f"ladybug://{args['store']}", "--quiet")
        elif step == "copy":
            extra = _copy_baseline(Path(args["facts"]), Path(args["store"]))
        elif step == "dataset":
            extra["rows"] = _load_dataset(Path(args["facts"]), Path(args["store"]))
        elif step == "viz":
            extra = _views(Path(args["store"]), Path(args["out"]))
        else:
            raise SystemExit(f"unknown step {step}")
        seconds, cpu = time.perf_counter() - t0, time.process_time() - cpu
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return {"seconds": seconds, "cpu_seconds": cpu, "peak_bytes": memory.peak, "own_high_water": own, **extra}


def child(step: str, **args: str) -> dict[str, Any]:
    """Run one step in a fresh Python process and read its JSON line."""
    done = subprocess.run([sys.executable, __file__, "--step", step, "--args", json.dumps(args)],
                          capture_output=True, text=True, cwd=ROOT, check=False)
    if done.returncode != 0:
        raise SystemExit(f"step {step} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _mb(n: float) -> str:
    return f"{n / 1e6:,.0f} MB"


def _median(values: list[float]) -> float:
    import statistics

    return statistics.median(values)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=18)
    ap.add_argument("--repeat", type=int, default=3, help="paired load/COPY runs (the median ratio is printed)")
    ap.add_argument("--keep", type=Path, default=None, help="work in this folder and keep it (default: a temp folder)")
    ap.add_argument("--facts", type=Path, default=None,
                    help="measure the load steps only, of this folder of an earlier run's ingest (facts-N in --keep)")
    ap.add_argument("--step", help=argparse.SUPPRESS)
    ap.add_argument("--args", help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.step:
        print(json.dumps(run_step(a.step, json.loads(a.args))))
        return 0

    from plankg.graph.facts import DATASET, dataset_rows
    from plankg.pool import default_jobs

    if a.keep and a.facts and a.keep.resolve() in a.facts.resolve().parents:
        ap.error("--keep is emptied first, and --facts is inside it: give --keep another folder")
    work = a.keep or Path(tempfile.mkdtemp(prefix="plankg-corpus-"))
    if work.exists() and a.keep:
        shutil.rmtree(work)
    work.mkdir(parents=True, exist_ok=True)  # mkdtemp made it already when --keep is not given
    cores = default_jobs()
    ingest: dict[int, dict[str, Any]] = {}
    if a.facts is None:
        corpus = work / "corpus"
        chars = generate(corpus, a.docs, a.seed)
        print(f"corpus: {a.docs:,} synthetic documents, {chars:,} characters (seed {a.seed}); {cores} cores; "
              f"Python {sys.version.split()[0]}")
        for jobs in sorted({1, cores}):
            facts = work / f"facts-{jobs}"
            ingest[jobs] = child("ingest", corpus=str(corpus), facts=str(facts), jobs=str(jobs))
            r = ingest[jobs]
            print(f"ingest --jobs {jobs}: {r['seconds']:8.1f} s  {a.docs / r['seconds']:8.1f} docs/s  "
                  f"{chars / r['seconds']:12,.0f} chars/s  peak {_mb(r['peak_bytes'])}")
        if cores > 1:
            print(f"ingest speed-up 1 -> {cores} cores: {ingest[1]['seconds'] / ingest[cores]['seconds']:.2f}x "
                  f"(goal >= 1.8x on 2 cores)")
        same = _tree(work / "facts-1") == _tree(work / f"facts-{cores}")
        # (only meaningful when the extraction code did not change between the two steps)
        print(f"facts of --jobs 1 and --jobs {cores} byte-identical: {same}")
        facts = work / f"facts-{cores}"
    else:
        facts = a.facts.resolve()
        print(f"facts of an earlier run: {facts}; {cores} cores; Python {sys.version.split()[0]}")

    documents, rows = dataset_rows(facts / DATASET)
    dataset_bytes = sum(p.stat().st_size for p in (facts / DATASET).rglob("*.parquet"))
    print(f"facts: {documents:,} documents, {rows:,} rows; Parquet dataset {_mb(dataset_bytes)}, "
          f"JSON files {_mb(sum(p.stat().st_size for p in facts.glob('*.graph.json')))}")
    # Like for like: `plankg load` (the command, in-process) is timed from opening a new store to
    # closing it, and so is COPY (`store_seconds`); imports are done before either clock starts.
    # COPY's statements alone (`copy_seconds`) give the stricter ratio.
    ratios: dict[str, list[float]] = {"load": [], "load_statements": [], "dataset": [], "cpu": []}
    loads = []
    for i in range(a.repeat):
        # the three steps in turn, each run starting with the next one: no step always goes first
        steps = [("load", "load"), ("copy", "copy"), ("dataset", "columns")]
        done = {step: child(step, facts=str(facts), store=str(work / f"{name}-{i}.lbdb"))
                for step, name in steps[i % 3:] + steps[:i % 3]}
        load, copy, columns = done["load"], done["copy"], done["dataset"]
        loads.append(load)
        ratios["load"].append(copy["store_seconds"] / load["seconds"])
        ratios["load_statements"].append(copy["copy_seconds"] / load["seconds"])
        ratios["dataset"].append(copy["store_seconds"] / columns["seconds"])
        ratios["cpu"].append(copy["store_cpu_seconds"] / load["cpu_seconds"])
        print(f"load run {i + 1}: plankg load {rows / load['seconds']:10,.0f} rows/s ({load['seconds']:.2f} s, peak "
              f"{_mb(load['peak_bytes'])}); COPY {rows / copy['store_seconds']:10,.0f} rows/s "
              f"({copy['store_seconds']:.2f} s from opening the store to closing it, the statements "
              f"{copy['copy_seconds']:.2f} s; its step's peak {_mb(copy['peak_bytes'])}); "
              f"ratio {ratios['load'][-1]:.2f}x "
              f"({ratios['load_statements'][-1]:.2f}x of the statements alone); load_dataset alone "
              f"{columns['seconds']:.2f} s, ratio {ratios['dataset'][-1]:.2f}x; CPU time (all threads) "
              f"COPY {copy['store_cpu_seconds']:.2f} s, plankg load {load['cpu_seconds']:.2f} s "
              f"(load_dataset {columns['cpu_seconds']:.2f} s), ratio {ratios['cpu'][-1]:.2f}x")
        if i < a.repeat - 1:
            shutil.rmtree(work / f"copy-{i}.lbdb", ignore_errors=True)
        shutil.rmtree(work / f"columns-{i}.lbdb", ignore_errors=True)
    print(f"plankg load / COPY, same checkpoint policy, both from opening a new store to closing it: median "
          f"{_median(ratios['load']):.2f}x of {a.repeat} paired runs (goal >= 0.8x); of COPY's statements alone "
          f"{_median(ratios['load_statements']):.2f}x; load_dataset alone {_median(ratios['dataset']):.2f}x; "
          f"CPU time {_median(ratios['cpu']):.2f}x")
    best_load = min(load["seconds"] for load in loads)
    if ingest:
        total = ingest[cores]["seconds"] + best_load
        print(f"ingest ({cores} cores) + load: {total:.1f} s for {a.docs:,} documents "
              f"(at this rate 10,000 documents: {total * 10_000 / a.docs / 60:.1f} min; goal <= 4 min)")
        peak = max(ingest[cores]["peak_bytes"], max(load["peak_bytes"] for load in loads))
        print(f"peak memory of ingest and load: {_mb(peak)} (goal <= 1,500 MB at any size)")
        views = child("viz", store=str(work / "load-0.lbdb"), out=str(work / "views"))
        print(f"views: {views['seconds']:.1f} s, {views['files']:,} files, {_mb(views['bytes'])} in all, largest "
              f"{views['largest'] / 1e6:.1f} MB, peak {_mb(views['peak_bytes'])}")
    if not a.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def _tree(folder: Path) -> dict[str, bytes]:
    import hashlib

    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).digest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
