"""Views and the index: written as UTF-8, self-contained, escaped, linked."""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

import networkx as nx
import pytest

from plankg.errors import VizError
from plankg.graph.nx import store_to_networkx
from plankg.viz.html import graph_to_view, page_data, page_data_text
from plankg.viz.views import department_graph, write_query_view, write_views
from tests.test_viz.conftest import outputs_under_hash_seeds

# anything that makes a browser fetch: src/href/action/poster attributes, CSS url() and @import, link tags
RESOURCE_LOAD = re.compile(r"""(?:\b(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//)"""
                           r"""|(?:url\(\s*["']?\s*(?:https?:)?//)|@import|<link\b|<iframe\b|<img\b""", re.I)

SHARED_LIB = re.compile(r'<link rel="stylesheet" href="lib/[a-z.-]+">|<script src="lib/[a-z.-]+"></script>')


def edge_count(data: dict) -> int:
    """Edges in a payload: rows group the edges of one source by target."""
    return sum(1 if isinstance(row[1], int) else len(row[1]) for row in data["edges"])


@pytest.fixture(scope="module")
def views(viz_store, tmp_path_factory) -> list[Path]:
    return write_views(viz_store, tmp_path_factory.mktemp("views"))


def test_views_are_written_with_safe_ascii_names(views):
    names = [p.name for p in views]
    assert names[-1] == "index.html" and "all.html" in names and "platforms.html" in names
    assert sum(n.startswith("department-") for n in names) == 4
    assert sum(n.startswith("plan-") for n in names) == 2  # the cited-only plan gets no view of its own
    assert all(re.fullmatch(r"[a-z0-9-]+\.(html|csv)", n) for n in names if not n.startswith("query-"))
    assert all(re.fullmatch(r"query-[a-z0-9_]+\.html", n) for n in names if n.startswith("query-"))  # pack names


def test_views_draw_the_queries_that_need_no_parameter(views, viz_store):
    from plankg.queries.loader import load_packs, run_query
    from plankg.viz.views import index_queries

    drawable = index_queries(load_packs().values())
    assert "co_responsible_pairs" in [q.name for q in drawable] and all(q.viz for q in drawable)
    assert not any(p.required for q in drawable for p in q.params)  # plan_lineage needs -p plan=...
    with_rows = {f"query-{q.name}.html" for q in drawable if run_query(viz_store, q, {})}
    assert with_rows and {p.name for p in views if p.name.startswith("query-")} == with_rows
    index = views[-1].read_text(encoding="utf-8")
    assert "<h2>查询（" in index and 'href="query-co_responsible_pairs.html">部门协同对 / ' in index


def test_views_are_utf8_and_load_nothing_from_the_network(views):
    for path in views:
        if path.suffix != ".html":
            continue
        page = path.read_bytes().decode("utf-8")  # strict: fails on any other encoding
        assert '<meta charset="utf-8">' in page
        assert "default-src 'none'" in page, f"{path.name} has no CSP forbidding requests"
        # the one kind of reference a page of the folder makes: a file of the shared library beside it
        for ref in re.findall(r'(?:src|href)="(lib/[^"]*)"', page):
            assert (path.parent / ref).is_file(), f"{path.name} refers to {ref}, which was not written"
        rest = SHARED_LIB.sub("", page)
        assert not RESOURCE_LOAD.search(rest), f"{path.name}: {RESOURCE_LOAD.search(rest).group(0)!r}"
        assert "sourceMappingURL" not in page
    lib = views[0].parent / "lib"
    assert "sourceMappingURL" not in (lib / "vis-network.min.js").read_text(encoding="utf-8")


def test_hostile_names_stay_text(views, hostile, quoted):
    escaped = html.escape(hostile)
    for path in (p for p in views if p.suffix == ".html"):
        page = path.read_text(encoding="utf-8")
        assert hostile not in page, path.name
        assert quoted not in page, path.name
    index = (views[-1]).read_text(encoding="utf-8")
    assert escaped in index and html.escape(quoted) in index
    everything = (views[-1].parent / "all.html").read_text(encoding="utf-8")
    names = {row[1] for row in page_data(everything)["nodes"]}
    assert hostile in names and quoted in names  # the data round-trips exactly


def test_index_links_every_view_with_counts(views):
    index = views[-1].read_text(encoding="utf-8")
    links = set(re.findall(r'href="([^"]+)"', index))
    assert links == {p.name for p in views[:-1]}
    assert "全部图谱" in index and re.search(r'<td class="n">\d+</td><td class="n">\d+</td>', index)


def test_views_show_what_their_caption_says(views):
    folder = views[-1].parent
    everything = page_data((folder / "all.html").read_text(encoding="utf-8"))
    assert len(everything["nodes"]) == 25 and edge_count(everything) == 35
    assert {t[0] for t in everything["types"]} == {"Document", "Plan", "Section", "Task", "Department", "Platform",
                                                   "Enterprise", "Project", "Target"}
    platforms = page_data((folder / "platforms.html").read_text(encoding="utf-8"))
    assert {t[0] for t in platforms["types"]} == {"Platform", "Enterprise", "Project", "Plan"}
    page = (folder / "all.html").read_text(encoding="utf-8")
    assert "来源文件：001_科技.txt、002_数字.txt" in page


def test_page_data_stores_every_sentence_once(views, viz_store):
    graph = store_to_networkx(viz_store)
    texts = {a["text"] for _, a in graph.nodes(data=True) if a.get("text")}
    page = (views[-1].parent / "all.html").read_text(encoding="utf-8")
    block = page_data_text(page)
    assert all(block.count(text) == 1 for text in texts)
    # names the page rebuilds (from ref and sentence or title) are not sent; a file name only in `docs`
    names = {a["name"] for _, a in graph.nodes(data=True) if a["label"] in ("Task", "Section")}
    assert not any(f'"{name}"' in block for name in names)
    assert all(block.count(f'"{name}"') == 1 for name in graph.graph["documents"].values())


def test_department_view_holds_tasks_plans_partners_and_targets(viz_store, hostile):
    graph = store_to_networkx(viz_store)
    keji = next(n for n, a in graph.nodes(data=True) if a.get("name") == "杭州市科学技术局")
    sub = department_graph(graph, keji)
    labels = {a["label"] for _, a in sub.nodes(data=True)}
    assert {"Department", "Task", "Plan", "Section"} <= labels
    names = {a["name"] for _, a in sub.nodes(data=True)}
    assert hostile in names and "杭州市发展和改革委员会" in names  # co-responsible in each plan


def test_large_graphs_get_a_python_layout_and_a_cap_with_a_note():
    graph = nx.MultiDiGraph()
    for i in range(60):
        graph.add_node(f"t{i}", label="Task", name=f"任务{i}")
        graph.add_edge(f"d{i % 3}", f"t{i}", key="RESPONSIBLE_FOR", type="RESPONSIBLE_FOR", role="lead")
    for d in range(3):
        graph.nodes[f"d{d}"].update(label="Department", name=f"部门{d}")
    view = graph_to_view(graph, "大图", physics_limit=10, max_nodes=40)
    assert view.node_count == 40 and view.payload["physics"] is False
    assert len(view.payload["xy"]) == 80
    assert any("未显示：任务 23 个" in note for note in view.notes)
    assert sum(1 for row in view.payload["nodes"] if row[0] == 0) == 3 or "部门" in json.dumps(view.payload["types"],
                                                                                              ensure_ascii=False)


def test_query_view_follows_viz_hints(tmp_path, hostile):
    rows = [{"department": hostile, "role": "lead", "task_id": "task-1", "plan": "某规划"},
            {"department": "杭州市财政局", "role": "support", "task_id": "task-1", "plan": "某规划"}]
    path = write_query_view(rows, "source=department target=task_id relationship=role", tmp_path / "q.html", "部门任务")
    page = path.read_text(encoding="utf-8")
    data = page_data(page)
    assert [t[0] for t in data["types"]] == ["Task", "Department"]  # the ontology's order
    assert sorted(r[1] for r in data["rels"]) == ["牵头", "配合"]
    assert hostile not in page
    with pytest.raises(VizError, match="names no column"):
        write_query_view(rows, {"source": "dept", "target": "task_id"}, tmp_path / "x.html", "x")


def test_query_view_from_a_query_pack(viz_store, tmp_path):
    loader = pytest.importorskip("plankg.queries.loader")
    query = loader.load_packs().get("co_responsible_pairs")
    if query is None or not query.viz:
        pytest.skip("the co_responsible_pairs pack with viz hints is not there")
    rows = loader.run_query(viz_store, query, {})
    path = write_query_view(rows, query.viz, tmp_path / "pairs.html", query.title_zh)
    data = page_data(path.read_text(encoding="utf-8"))
    assert data["edges"] and {t[0] for t in data["types"]} == {"Department"}


def test_views_display_inline_in_jupyter(viz_store):
    view = graph_to_view(store_to_networkx(viz_store), "全部")
    frame = view._repr_html_()
    assert frame.startswith("<iframe srcdoc=\"") and "<script" not in frame
    pytest.importorskip("IPython")
    assert view.show_inline().data == frame


def test_an_empty_store_still_gets_an_index_and_a_view_saying_so(ladybug_store, tmp_path):
    paths = write_views(ladybug_store, tmp_path / "empty")
    assert [p.name for p in paths] == ["all.html", "platforms.html", "responsibility.html", "responsibility.csv",
                                       "index.html"]
    assert "图为空" in paths[0].read_text(encoding="utf-8")


def test_every_ontology_type_has_a_style():
    from plankg.ontology.vocab import NodeLabel, RelType
    from plankg.viz.html import NODE_STYLES, REL_STYLES

    assert set(NODE_STYLES) == {label.value for label in NodeLabel}
    assert set(REL_STYLES) == {rel.value for rel in RelType}


def test_a_title_cannot_inject_template_markers():
    view = graph_to_view(nx.MultiDiGraph(), "@@DATA@@ </title><script>", "@@VIS_JS@@")
    page = view.html()
    assert "<title>@@DATA@@ &lt;/title&gt;&lt;script&gt;</title>" in page
    assert page.count("@@VIS_JS@@") == 1 and page.count("@@DATA@@") == 2  # title and h1, caption once


def test_the_same_graph_gives_the_same_files(tmp_path):
    """Views can be diffed and cached: two runs in processes with different string hashing (which
    orders sets, so subgraphs) write the same bytes, layout included."""
    import hashlib
    import os
    import subprocess
    import sys

    from plankg.graph.store import open_store
    from tests.test_viz.conftest import sample_graphs

    url = f"ladybug://{tmp_path / 'store.lbdb'}"
    store = open_store(url)
    for graph in sample_graphs():
        store.load_document(graph)
    store.close()
    digests = []
    for seed in ("1", "2"):
        out = tmp_path / f"views-{seed}"
        run = subprocess.run([sys.executable, "-m", "plankg.cli", "viz", "--store", url, "--out", str(out)],
                             capture_output=True, text=True, timeout=300, check=False,
                             env={**os.environ, "PYTHONHASHSEED": seed})
        assert run.returncode == 0, run.stderr
        digests.append({str(p.relative_to(out)): hashlib.sha256(p.read_bytes()).hexdigest()
                        for p in sorted(out.rglob("*")) if p.is_file()})
    assert len(digests[0]) > 3 and digests[0] == digests[1]


def test_a_precomputed_layout_is_the_same_in_every_process():
    """Large views carry positions from hub_layout; like the rest of a view they must not change
    with the process's string hashing (which orders sets of node ids)."""
    program = ("import random, networkx as nx\n"
               "from plankg.viz.layout import hub_layout\n"
               "rng = random.Random(1); g = nx.MultiDiGraph()\n"
               "for i in range(600):\n"
               "    for d in rng.sample(range(30), 3): g.add_edge(f'department-{d}', f'task-{i}', key='R')\n"
               "print(sorted(hub_layout(g, hubs=20).items()))\n")
    layouts = outputs_under_hash_seeds(program)
    assert len(layouts) == 1
