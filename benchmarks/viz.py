"""How long a view takes to generate, and how much each 1,000 nodes add to its file; and what
`plankg viz` writes for a whole store.

Run: python benchmarks/viz.py [--sizes 1000 5000 20000] [--out DIR]
     python benchmarks/viz.py --store ladybug:///tmp/corpus/store.lbdb [--out DIR]

With --store, every view of that store is written (`write_views`, the route of `plankg viz`)
and the run prints the build time beside the time to read the store into networkx (the
baseline every view starts from), then every file written: how many, their total size, the
largest, how many pass 5 MB, split into the shared library, graph views, tables and CSV, and,
where headless Chromium and selenium are installed, how long index.html takes to open and
all.html to draw. Goals for a store of 5,000 documents: <= 20 s, <= 200 MB in all, no file over
5 MB, the index open in under 2 s. (benchmarks/corpus.py builds such a store.)

The graphs are synthetic but shaped like ingested plans: plans with two levels of sections,
tasks of 30-200 Chinese characters with one to four responsible departments from a shared pool,
targets, platforms and enterprises. Timing covers graph -> view -> HTML written to disk (the
part `write_views` repeats per view); reading the store is timed separately by the graph
benchmarks. Goals: <= 0.5 s at 5k nodes, <= 0.15 MB per 1k nodes beyond the fixed assets.

The page carries its data deflated and in base64 (`plankg.viz.html.pack_payload`), so the goal
figure is the file's growth per 1k nodes beyond an empty view ("packed"). Quotes are kept whole,
and a task's sentence is most of the data: UTF-8 spends 3 bytes on a Chinese character and the
synthetic tasks average ~115 characters drawn independently from a ~100-character alphabet,
which compresses worse than real plans (no repeated phrases; the demo corpus packs to ~0.10).
The right-hand columns split the data's uncompressed JSON per 1k nodes, as the page would carry
it unpacked, into the source sentences themselves (each stored once), the other text (names,
numbering paths, fact values, document names) and the overhead (indices, brackets, positions).
"pack s" is the part of the time spent coding, deflating and base64-encoding the data.
"""
from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path
from typing import Any

import networkx as nx

from plankg.graph.nx import networkx_from_records
from plankg.viz.html import View, graph_to_view, json_for_script, pack_payload

_CHARS = ("加快推进城西科创大走廊建设构建立足杭州服务全省辐射全国的知识产权综合服务体系实施标准化行动引导企业建立全员"
          "全过程全方位的质量管理体系培育标准领跑企业支持龙头企业为主导制定一批行业标准国家标准国际标准聚焦数字经济生命健康"
          "智能制造新材料等重点产业人才分布全力推进高峰人才引育计划")
_DEPTS = ["市发改委", "市经信局", "市科技局", "市财政局", "市人力社保局", "市商务局", "市市场监管局", "市教育局",
          "市卫健委",
          "市规划和自然资源局", "市住建局", "市交通运输局", "市农业农村局", "市文广旅游局", "市数据资源局", "市金融办"]


def synthetic_graph(nodes: int, seed: int = 1) -> nx.MultiDiGraph:
    """About `nodes` nodes in the proportions an ingested corpus has."""
    rng = random.Random(seed)
    node_records, edge_records = [], []
    departments = [f"department-{i:016x}" for i in range(max(20, nodes // 60))]
    for i, dept in enumerate(departments):
        node_records.append({"label": "Department", "id": dept, "name": f"杭州市{_DEPTS[i % len(_DEPTS)]}{i}",
                             "jurisdiction": "杭州市", "kind": "government"})
    platforms = [f"platform-{i:016x}" for i in range(max(5, nodes // 100))]
    for i, pf in enumerate(platforms):
        node_records.append({"label": "Platform", "id": pf, "name": f"之江实验室第{i}平台", "kind": "实验室",
                             "level": "省级"})
    count, plan_no = len(node_records), 0
    while count < nodes:
        doc, plan = f"document-{plan_no:016x}", f"plan-{plan_no:016x}"
        node_records += [{"label": "Document", "id": doc, "document_id": doc, "name": f"{plan_no:03d}_规划.txt"},
                         {"label": "Plan", "id": plan, "document_id": doc, "title": f"杭州市第{plan_no}项专项规划",
                          "issuers": ["杭州市人民政府"], "period_start": 2021, "period_end": 2025}]
        edge_records.append({"type": "PUBLISHES", "source": doc, "target": plan, "document_id": doc})
        count += 2
        for s in range(8):
            sec = f"section-{plan_no:08x}{s:08x}"
            node_records.append({"label": "Section", "id": sec, "document_id": doc, "ref": "一二三四五六七八"[s],
                                 "title": "".join(rng.sample(_CHARS, 8)), "depth": 1})
            edge_records.append({"type": "HAS_SECTION", "source": plan, "target": sec, "document_id": doc})
            count += 1
            for t in range(rng.randint(8, 16)):
                task = f"task-{plan_no:06x}{s:04x}{t:06x}"
                text = "".join(rng.choice(_CHARS) for _ in range(rng.randint(30, 200))) + "。"
                node_records.append({"label": "Task", "id": task, "document_id": doc,
                                     "ref": f"{'一二三四五六七八'[s]}.{t + 1}", "text": text, "rule": "bench.v1",
                                     "span_start": t * 100})
                edge_records.append({"type": "HAS_TASK", "source": sec, "target": task, "document_id": doc})
                for k, dept in enumerate(rng.sample(departments, rng.randint(1, 4))):
                    edge_records.append({"type": "RESPONSIBLE_FOR", "source": dept, "target": task, "document_id": doc,
                                         "role": "lead" if k == 0 else "support", "printed_name": "市科技局"})
                count += 1
                if rng.random() < 0.12:
                    target = f"target-{plan_no:06x}{s:04x}{t:06x}"
                    node_records.append({"label": "Target", "id": target, "document_id": doc, "metric": "研发投入强度",
                                         "value": 3.5, "unit": "%", "comparator": ">=", "year": 2025,
                                         "text": "全社会研发投入强度达到3.5%以上"})
                    edge_records.append({"type": "SETS_TARGET", "source": task, "target": target, "document_id": doc})
                    count += 1
                if rng.random() < 0.08:
                    edge_records.append({"type": "MENTIONS", "source": task, "target": rng.choice(platforms),
                                         "document_id": doc, "printed_name": "之江实验室"})
                if count >= nodes:
                    break
            if count >= nodes:
                break
        plan_no += 1
    graph = networkx_from_records(node_records, edge_records)
    graph.graph["documents"] = {f"document-{i:016x}": f"{i:03d}_规划.txt" for i in range(plan_no)}
    return graph


def _text_bytes(value: object) -> int:
    """UTF-8 bytes of the strings inside `value`, as the page's JSON writes them (no quotes)."""
    if isinstance(value, str):
        return len(json_for_script(value).encode("utf-8")) - 2
    if isinstance(value, (list, tuple)):
        return sum(_text_bytes(v) for v in value)
    if isinstance(value, dict):
        return sum(_text_bytes(v) for v in value.values())
    return 0


def breakdown(view: View) -> tuple[int, int]:
    """(sentence bytes, other text bytes) in a view's data: node quotes, then every other string."""
    sentences = sum(_text_bytes(row[4]) for row in view.payload["nodes"] if len(row) > 4)
    return sentences, _text_bytes(view.payload) - sentences


def folder_figures(out: Path) -> dict[str, tuple[int, int]]:
    """(files, bytes) of every file under `out`, by kind, and "all"; "largest" is (bytes, name)."""
    kinds: dict[str, list[int]] = {}
    largest = (0, "")
    for path in sorted(out.rglob("*")):
        if not path.is_file():
            continue
        size = path.stat().st_size
        largest = max(largest, (size, str(path.relative_to(out))))
        if path.parent.name == "lib":
            kind = "shared library (lib/)"
        elif path.suffix == ".csv":
            kind = "CSV"
        elif path.name.startswith("responsibility"):
            kind = "tables"
        elif path.name == "index.html":
            kind = "index"
        else:
            kind = "graph views"
        kinds.setdefault(kind, []).append(size)
        kinds.setdefault("all", []).append(size)
        if size > 5_000_000:
            kinds.setdefault("over 5 MB", []).append(size)
    figures: dict[str, tuple[int, Any]] = {k: (len(v), sum(v)) for k, v in kinds.items()}
    figures["largest"] = largest
    return figures


def browser_seconds(out: Path) -> tuple[float, float] | None:
    """Seconds headless Chromium takes to open index.html (document complete) and to draw all.html
    (the page's first drawing), from file://; None without Chromium, chromedriver or selenium."""
    chromium, driver_path = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        return None
    if not (chromium.exists() and driver_path.exists()):
        return None
    options = webdriver.ChromeOptions()
    options.binary_location = str(chromium)
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--window-size=1400,900"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(driver_path)), options=options)
    try:
        driver.get("about:blank")
        start = time.perf_counter()
        driver.get((out / "index.html").resolve().as_uri())  # returns once the document is loaded
        index = time.perf_counter() - start
        start = time.perf_counter()
        driver.get((out / "all.html").resolve().as_uri())
        while not driver.execute_script("return !!(window.PLANKG && window.PLANKG.drawn)"):
            if time.perf_counter() - start > 120:
                break
            time.sleep(0.01)
        return index, time.perf_counter() - start
    finally:
        driver.quit()


def measure_store(url: str, out: Path) -> None:
    from plankg.graph.nx import store_to_networkx
    from plankg.graph.store import open_store
    from plankg.viz.views import write_views

    store = open_store(url, read_only=True)
    try:
        start = time.perf_counter()
        graph = store_to_networkx(store)
        read = time.perf_counter() - start
        start = time.perf_counter()
        write_views(store, out)
        build = time.perf_counter() - start
    finally:
        store.close()
    figures = folder_figures(out)
    files, total = figures["all"]
    over = figures.get("over 5 MB", (0, 0))[0]
    print(f"store: {graph.number_of_nodes():,} nodes, {graph.number_of_edges():,} relationships; "
          f"read into networkx in {read:.1f} s (the baseline)")
    print(f"views: {build:.1f} s ({build / read:.1f}x the read; goal <= 20 s at 5k documents), {files:,} files, "
          f"{total / 1e6:.1f} MB in all (goal <= 200 MB), largest {figures['largest'][0] / 1e6:.2f} MB "
          f"({figures['largest'][1]}), {over} over 5 MB (goal 0)")
    for kind in ("shared library (lib/)", "graph views", "tables", "CSV", "index"):
        count, size = figures.get(kind, (0, 0))
        print(f"  {kind:<22} {count:>6,} files {size / 1e6:>9.1f} MB")
    opened = browser_seconds(out)
    if opened is None:
        print("  (no headless Chromium with selenium: the browser timings are left out)")
    else:
        print(f"  headless Chromium: index.html opens in {opened[0]:.2f} s (goal < 2 s), "
              f"all.html draws in {opened[1]:.2f} s")
    print(f"views kept in {out}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 5_000, 20_000])
    parser.add_argument("--store", default=None, help="write every view of this store (a URL) and count the files")
    parser.add_argument("--out", type=Path, default=None, help="keep the generated views in this folder")
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs")
    parser.add_argument("--quote-chars", type=int, default=None,
                        help="cut tooltip quotes to N characters, to see what the sentences cost (default: whole)")
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="plankg-viz-bench-"))
    out.mkdir(parents=True, exist_ok=True)
    if args.store:
        measure_store(args.store, out)
        return

    empty = graph_to_view(nx.MultiDiGraph(), "空")
    fixed = empty.write(out / "empty.html").stat().st_size  # also reads and packs vis-network once
    empty_json = len(json_for_script(empty.payload).encode("utf-8"))
    print(f"fixed assets (empty view): {fixed / 1e6:.3f} MB")
    print(f"{'':>42} {'':>7} {'':>8} {'MB per 1k nodes beyond assets':-^50}")
    print(f"{'nodes':>7} {'edges':>7} {'layout':>8} {'seconds':>8} {'pack s':>7} {'MB':>7} {'packed':>8} "
          f"{'unpacked':>9} {'sentences':>10} {'other text':>10} {'overhead':>9}")
    for size in args.sizes:
        graph = synthetic_graph(size)
        best = pack = float("inf")
        for _ in range(args.repeat):
            start = time.perf_counter()
            view = graph_to_view(graph, f"基准 {size}", "合成数据", quote_chars=args.quote_chars)
            path = view.write(out / f"bench-{size}.html")
            best = min(best, time.perf_counter() - start)
            start = time.perf_counter()
            pack_payload(view.payload)
            pack = min(pack, time.perf_counter() - start)
        size_mb = path.stat().st_size / 1e6
        thousands = graph.number_of_nodes() / 1000
        packed = path.stat().st_size - fixed
        unpacked = len(json_for_script(view.payload).encode("utf-8")) - empty_json
        sentences, other = breakdown(view)
        layout = "python" if "xy" in view.payload else "browser"
        print(f"{graph.number_of_nodes():>7,} {graph.number_of_edges():>7,} {layout:>8} {best:>8.3f} {pack:>7.3f} "
              f"{size_mb:>7.2f} {packed / 1e6 / thousands:>8.3f} {unpacked / 1e6 / thousands:>9.3f} "
              f"{sentences / 1e6 / thousands:>10.3f} {other / 1e6 / thousands:>10.3f} "
              f"{(unpacked - sentences - other) / 1e6 / thousands:>9.3f}")
    print(f"views kept in {out}")


if __name__ == "__main__":
    main()
