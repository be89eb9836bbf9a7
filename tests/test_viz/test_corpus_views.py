"""Views of a corpus (issue #18, item 4): one shared copy of the graph library for a folder of
views, tables split per plan under a size cap, and large views that open on a search. The corpus
is 60 synthetic documents loaded into a real LadybugDB store (`corpus_views` in conftest.py); the
browser half of these checks is in test_browser.py."""
from __future__ import annotations

import csv
import re
from collections import Counter

from plankg.viz.html import LIB_DIR, LIB_TABLE_JS, LIB_VIEW_CSS, LIB_VIEW_JS, LIB_VIS_JS, graph_to_view, page_data
from plankg.viz.tables import responsibility_matrix, table_data
from tests.test_viz.conftest import CORPUS_CAP, CORPUS_DOCUMENTS, CORPUS_OPEN_LIMIT, outputs_under_hash_seeds

# words only vis-network's own source holds: where they are, the library is
VIS_SIGNATURE = "A dynamic, browser-based visualization library"


def _files(out):
    return sorted(p for p in out.rglob("*") if p.is_file())


def test_a_folder_of_views_holds_one_copy_of_the_library_and_every_page_loads_it(corpus_views):
    _, out, paths = corpus_views
    lib = out / LIB_DIR
    assert sorted(p.name for p in lib.iterdir()) == sorted([LIB_VIS_JS, LIB_VIEW_JS, LIB_VIEW_CSS, LIB_TABLE_JS])
    vis = (lib / LIB_VIS_JS).read_text(encoding="utf-8")
    assert len(vis) > 100_000 and VIS_SIGNATURE in vis
    pages = [p for p in _files(out) if p.suffix == ".html"]
    assert len(pages) > CORPUS_DOCUMENTS * 2  # plan views and table parts
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert 'id="plankg-vis"' not in text and VIS_SIGNATURE not in text, page.name  # no copy of its own
        if 'id="plankg-data"' in text:  # a graph view
            assert f'<script src="lib/{LIB_VIS_JS}"></script>' in text, page.name
            assert f'<script src="lib/{LIB_VIEW_JS}"></script>' in text, page.name
            assert f'<link rel="stylesheet" href="lib/{LIB_VIEW_CSS}">' in text, page.name
            assert len(page_data(text)["nodes"]) > 0 or page.name == "platforms.html"  # the corpus has none
        elif 'id="plankg-table"' in text:
            assert f'<script src="lib/{LIB_TABLE_JS}"></script>' in text, page.name
        else:
            assert page.name == "index.html"
    # the returned paths are the pages and tables a reader opens, never the library
    assert all(LIB_DIR not in p.relative_to(out).parts for p in paths)


def test_a_view_written_on_its_own_stays_one_self_contained_file(corpus_views, tmp_path):
    store, _, _ = corpus_views
    from plankg.graph.nx import store_to_networkx

    view = graph_to_view(store_to_networkx(store), "全部", "单独导出")
    path = view.write(tmp_path / "alone.html")
    text = path.read_text(encoding="utf-8")
    assert 'id="plankg-vis"' in text and "<script src=" not in text and "<link" not in text
    assert list(tmp_path.iterdir()) == [path]


def test_no_file_of_a_corpus_folder_passes_the_cap(corpus_views):
    _, out, paths = corpus_views
    for path in _files(out):
        if path.parent.name == LIB_DIR:
            continue  # the one copy of the library, the same for every corpus
        assert path.stat().st_size <= CORPUS_CAP, (path.name, path.stat().st_size)
    # the whole graph had to leave nodes out to fit, and says so
    everything = (out / "all.html").read_text(encoding="utf-8")
    assert "为保证浏览器流畅只显示" in everything


def test_the_table_parts_hold_every_row_exactly_once(corpus_views):
    store, out, _ = corpus_views
    matrix = responsibility_matrix(store)
    assert len(matrix.tasks) == CORPUS_DOCUMENTS * 24
    parts = sorted(out.glob("responsibility-*.html"))
    assert len(parts) >= CORPUS_DOCUMENTS  # one per plan at least
    rows, csv_rows = Counter(), Counter()
    for part in parts:
        data = table_data(part.read_text(encoding="utf-8"))
        values, columns = data["values"], [c[0] for c in data["columns"]]
        plans = set()
        for row in data["rows"]:
            roles = {columns[row[-1][i]]: data["roles"][row[-1][i + 1]][0] for i in range(0, len(row[-1]), 2)}
            rows[(values[row[0]], values[row[1]], row[2], row[3], tuple(sorted(roles.items())))] += 1
            plans.add(values[row[0]])
        assert len(plans) == 1, part.name  # a part shows one plan
        with part.with_suffix(".csv").open(encoding="utf-8-sig", newline="") as f:
            header, *lines = list(csv.reader(f))
        for line in lines:
            roles = {header[i]: cell for i, cell in enumerate(line) if i >= 4 and cell}
            csv_rows[(line[0], line[1], line[2], line[3], tuple(sorted(roles.items())))] += 1
    expected = Counter()
    for task in matrix.tasks:
        roles = {d.name: matrix.role(task.id, d.id) for d in matrix.departments if matrix.role(task.id, d.id)}
        expected[(task.plan, task.document, task.ref, task.text, tuple(sorted(roles.items())))] += 1
    assert rows == expected and csv_rows == expected
    assert set(rows.values()) == {1}
    # the index (responsibility.html) links every part, and its CSV lists them
    index = table_data((out / "responsibility.html").read_text(encoding="utf-8"))
    assert sorted(row[0][1] for row in index["rows"]) == [p.name for p in parts]
    assert sum(row[2] for row in index["rows"]) == len(matrix.tasks)


def test_a_plan_too_large_for_one_part_is_cut_into_pieces_under_the_cap(corpus_views, tmp_path):
    from plankg.viz.tables import write_matrix_parts

    store, _, _ = corpus_views
    matrix = responsibility_matrix(store)
    page, _, parts = write_matrix_parts(matrix, tmp_path, cap=4_000)
    assert len(parts) > CORPUS_DOCUMENTS  # each plan's 24 rows need several parts
    assert any(re.search(r"（2/\d+）$", p.plan) for p in parts)
    assert sum(p.rows for p in parts) == len(matrix.tasks)
    for part in parts:
        assert part.csv.stat().st_size <= 4_000 + 1_000  # a row is never cut: one may pass the cap by itself
    assert page.name == "responsibility.html"


def test_a_small_matrix_stays_one_table(viz_store, tmp_path):
    from plankg.viz.tables import write_matrix_parts

    page, csv_path, parts = write_matrix_parts(viz_store, tmp_path)
    assert parts == [] and page.name == "responsibility.html" and csv_path.name == "responsibility.csv"
    assert len(table_data(page.read_text(encoding="utf-8"))["rows"]) == 6


def test_large_views_open_on_a_search_and_small_ones_draw_as_before(corpus_views, viz_store):
    from plankg.graph.nx import store_to_networkx

    _, out, _ = corpus_views
    everything = page_data((out / "all.html").read_text(encoding="utf-8"))
    assert everything["start"] == "search" and len(everything["nodes"]) > 300
    small = page_data(next(out.glob("plan-*.html")).read_text(encoding="utf-8"))
    assert "start" not in small and len(small["nodes"]) <= 300
    # at the default threshold the demo-sized graph draws whole
    assert "start" not in graph_to_view(store_to_networkx(viz_store), "全部").payload


def test_views_written_by_a_process_pool_are_the_files_one_process_writes(corpus_views, tmp_path):
    """Plan and department views are written by forked workers on a corpus (issue #18: views of
    5,000 documents in 20 s on two cores): the same files, byte for byte, listed in the same order."""
    from plankg.viz.views import write_views

    store, _, _ = corpus_views
    written = {}
    for jobs in (1, 2):
        out = tmp_path / f"jobs-{jobs}"
        paths = write_views(store, out, cap=CORPUS_CAP, open_limit=CORPUS_OPEN_LIMIT, jobs=jobs)
        files = {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
        written[jobs] = ([str(p.relative_to(out)) for p in paths], files)
    assert len(written[1][1]) > CORPUS_DOCUMENTS * 2
    assert sum(name.startswith(("plan-", "department-")) for name in written[1][0]) > CORPUS_DOCUMENTS
    assert written[2] == written[1]


def test_a_capped_large_view_is_laid_out_the_same_in_every_process():
    """A view that keeps fewer than half its graph's nodes (the corpus' all.html) is laid out from
    its nodes and edges in canonical order: a subgraph of them iterated in the order of a set,
    which changes with the process's string hashing, moved its positions from run to run."""
    program = ("import hashlib, random, networkx as nx\n"
               "from plankg.viz.html import graph_to_view\n"
               "rng = random.Random(3); g = nx.MultiDiGraph()\n"
               "for i in range(3000):\n"
               "    g.add_node(f'task-{i}', label='Task', name=f'任务{i}')\n"
               "    for d in rng.sample(range(60), 2):\n"
               "        g.add_node(f'department-{d}', label='Department', name=f'部门{d}')\n"
               "        g.add_edge(f'department-{d}', f'task-{i}', key='RESPONSIBLE_FOR', type='RESPONSIBLE_FOR')\n"
               "    g.add_edge(f'task-{i}', f'department-{rng.randrange(60)}', key='R')  # hubs with edges both ways\n"
               "view = graph_to_view(g, 't', max_nodes=1200, physics_limit=100)\n"
               "print(len(view.payload['xy']), hashlib.sha256(repr(view.payload['xy']).encode()).hexdigest())\n")
    layouts = outputs_under_hash_seeds(program)
    assert len(layouts) == 1 and layouts.pop().startswith("2400 ")
