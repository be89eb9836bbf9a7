"""The set of views `plankg viz` writes: the whole graph, one per department, one per plan,
platforms and enterprises, and an index linking them all with their sizes.

File names come from content ids (`department-0d5ad5cd41904349.html`), never from names, so a
department called `../<x>` cannot escape the folder or break a link.

>>> safe_stem("department-0d5ad5cd41904349")
'department-0d5ad5cd41904349'
>>> safe_stem("../../etc/passwd")
'x-3754d6cb3a38e118'
"""
from __future__ import annotations

import gc
import hashlib
import html
import os
import re
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import networkx as nx

from plankg.errors import VizError
from plankg.graph.nx import rows_to_networkx, store_to_networkx
from plankg.graph.store import GraphReader
from plankg.ontology.vocab import NodeLabel as L
from plankg.ontology.vocab import RelType as R
from plankg.viz.html import (
    LIB_DIR,
    MAX_NODES,
    OPEN_LIMIT,
    Adjacency,
    OrderedGraph,
    View,
    graph_to_view,
    type_zh,
    write_lib,
)

_SAFE_ID = re.compile(r"[a-z]+-[0-9a-f]{16}")
FILE_CAP = 2_000_000  # bytes: no page of a folder of views is larger (the shared library aside)
_STRUCTURE = (R.HAS_SECTION.value, R.HAS_TASK.value)


def safe_stem(node_id: str) -> str:
    """A file name stem for a node: its content id when it has the usual shape, else a hash of it."""
    if _SAFE_ID.fullmatch(node_id):
        return node_id
    return "x-" + hashlib.sha256(node_id.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class WrittenView:
    """A view written to disk, as the index lists it."""

    path: Path
    kind: str  # 全图 | 部门 | 规划 | 平台与企业 | 查询
    title: str
    nodes: int
    edges: int


# --- the neighbourhoods each view shows ----------------------------------------------------------
def _by_type(adjacency: Adjacency, nodes: Iterable[Hashable], rel: str, *, incoming: bool = False) -> set:
    """Neighbours of `nodes` across `rel` edges (outgoing, or incoming)."""
    edges = adjacency.into if incoming else adjacency.out
    return {other for node in nodes for other, key, _ in edges[node] if key == rel}


def _ancestors(adjacency: Adjacency, nodes: Iterable[Hashable]) -> set:
    """Sections and plans above `nodes`, following HAS_TASK and HAS_SECTION upwards."""
    seen: set = set()
    stack = list(nodes)
    while stack:
        node = stack.pop()
        for s, key, _ in adjacency.into[node]:
            if key in _STRUCTURE and s not in seen:
                seen.add(s)
                stack.append(s)
    return seen


def _descendants(adjacency: Adjacency, root: Hashable) -> set:
    seen: set = set()
    stack = [root]
    while stack:
        node = stack.pop()
        for t, key, _ in adjacency.out[node]:
            if key in _STRUCTURE and t not in seen:
                seen.add(t)
                stack.append(t)
    return seen


def _plan_of(graph: nx.MultiDiGraph, adjacency: Adjacency, node: Hashable) -> Hashable | None:
    if graph.nodes[node].get("label") == L.PLAN.value:
        return node
    for up in _ancestors(adjacency, [node]):
        if graph.nodes[up].get("label") == L.PLAN.value:
            return up
    return None


def department_nodes(graph: nx.MultiDiGraph, department: Hashable, adjacency: Adjacency | None = None) -> set:
    """The nodes of `department_graph` (`adjacency`: `Adjacency.of(graph)`, read once for many views)."""
    adjacency = adjacency or Adjacency.of(graph)
    tasks = _by_type(adjacency, [department], R.RESPONSIBLE_FOR.value)
    keep = {department} | tasks | _ancestors(adjacency, tasks)
    keep |= _by_type(adjacency, tasks, R.RESPONSIBLE_FOR.value, incoming=True)
    keep |= _by_type(adjacency, tasks, R.SETS_TARGET.value)
    keep |= _by_type(adjacency, [department], R.ISSUED_BY.value, incoming=True)
    keep |= _by_type(adjacency, [department], R.IMPLEMENTS.value)  # plans a plan-wide rule gives it
    return keep


def department_graph(graph: nx.MultiDiGraph, department: Hashable) -> nx.MultiDiGraph:
    """A department, its tasks, their sections and plans, co-responsible departments, targets,
    the plans it issued, and the plans it carries out by a plan-wide rule.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("p", label="Plan"); g.add_node("t", label="Task"); g.add_node("d", label="Department")
    >>> g.add_node("d2", label="Department"); g.add_node("x", label="Target"); g.add_node("far", label="Task")
    >>> for s, t, k in [("p", "t", "HAS_TASK"), ("d", "t", "RESPONSIBLE_FOR"), ("d2", "t", "RESPONSIBLE_FOR"),
    ...                 ("t", "x", "SETS_TARGET"), ("d2", "far", "RESPONSIBLE_FOR"), ("d3", "p", "IMPLEMENTS")]:
    ...     _ = g.add_edge(s, t, key=k, type=k)
    >>> sorted(department_graph(g, "d"))
    ['d', 'd2', 'p', 't', 'x']
    >>> sorted(department_graph(g, "d3"))
    ['d3', 'p']
    """
    return graph.subgraph(department_nodes(graph, department))  # a view: graph_to_view reads it in order


def plan_nodes(graph: nx.MultiDiGraph, plan: Hashable, adjacency: Adjacency | None = None) -> set:
    """The nodes of `plan_graph` (`adjacency`: `Adjacency.of(graph)`, read once for many views)."""
    adjacency = adjacency or Adjacency.of(graph)
    body = {plan} | _descendants(adjacency, plan)
    keep = set(body)
    keep |= _by_type(adjacency, body, R.RESPONSIBLE_FOR.value, incoming=True)
    keep |= _by_type(adjacency, [plan], R.ISSUED_BY.value)
    keep |= _by_type(adjacency, [plan], R.IMPLEMENTS.value, incoming=True)
    mentioned = _by_type(adjacency, body, R.MENTIONS.value)
    keep |= mentioned | _by_type(adjacency, mentioned, R.BUILT_BY.value)
    keep |= _by_type(adjacency, body, R.SETS_TARGET.value)
    keep |= _by_type(adjacency, [plan], R.REFERENCES.value)
    keep |= _by_type(adjacency, [plan], R.REFERENCES.value, incoming=True)
    keep |= _by_type(adjacency, [plan], R.PUBLISHES.value, incoming=True)
    return keep


def plan_graph(graph: nx.MultiDiGraph, plan: Hashable) -> nx.MultiDiGraph:
    """A plan, its sections and tasks, the departments responsible or issuing, the platforms,
    enterprises and projects it mentions, its targets, the plans it cites and its document.

    >>> g = nx.MultiDiGraph()
    >>> for s, t, k in [("p", "s", "HAS_SECTION"), ("s", "t", "HAS_TASK"), ("d", "t", "RESPONSIBLE_FOR"),
    ...                 ("d", "far", "RESPONSIBLE_FOR"), ("t", "x", "MENTIONS"), ("x", "e", "BUILT_BY")]:
    ...     _ = g.add_edge(s, t, key=k, type=k)
    >>> sorted(plan_graph(g, "p"))
    ['d', 'e', 'p', 's', 't', 'x']
    """
    return graph.subgraph(plan_nodes(graph, plan))  # a view: graph_to_view reads it in order


def platforms_graph(graph: nx.MultiDiGraph, adjacency: Adjacency | None = None) -> nx.MultiDiGraph:
    """Platforms, enterprises and projects, each joined to the plans that mention them.

    A mention made inside a task or section is drawn from the task's plan, with `via` naming the
    (first) task or section, so the view stays small enough to read; `context` holds every
    mentioning sentence of that plan, one a line, with its task's ref.
    """
    adjacency = adjacency or Adjacency.of(graph)
    wanted = {L.PLATFORM.value, L.ENTERPRISE.value, L.PROJECT.value}
    out: nx.MultiDiGraph[Hashable] = nx.MultiDiGraph()
    out.graph.update(graph.graph)
    for node, attrs in graph.nodes(data=True):
        if attrs.get("label") in wanted:
            out.add_node(node, **attrs)
    plans: dict[Hashable, Hashable | None] = {}  # a task's plan, found once however often it mentions
    lines: dict[tuple[Hashable, Hashable, Any], set[str]] = {}
    # every edge, in the order graph.edges() lists them, from the adjacency's own dicts
    edges = ((s, t, key, attrs) for s, targets in adjacency.succ.items() for t, keyed in targets.items()
             if t in out for key, attrs in keyed.items())
    built_by, mentions = R.BUILT_BY.value, R.MENTIONS.value
    for s, t, key, attrs in edges:
        if key == built_by and s in out:
            out.add_edge(s, t, key=key, **attrs)
        elif key == mentions:
            if s not in plans:
                plans[s] = _plan_of(graph, adjacency, s)
            plan = plans[s]
            if plan is None:
                continue
            if plan not in out:
                out.add_node(plan, **graph.nodes[plan])
            # every sentence that mentions it, with its task's ref: the tooltip's sources
            source = graph.nodes[s]
            line = " ".join(str(x) for x in (source.get("ref"), source.get("text") or source.get("title")) if x)
            drawn = out.get_edge_data(plan, t, key)
            if drawn is None:
                extra = {} if plan == s else {"via": source.get("name", str(s))}
                out.add_edge(plan, t, key=key, **attrs, **extra, context=line)
                lines[(plan, t, key)] = set(line.split("\n"))
            elif line and line not in (seen := lines[(plan, t, key)]):
                drawn["context"] += "\n" + line
                seen.update(line.split("\n"))  # the lines of `context`, as splitting it would give them
    return out


# --- captions and writing -----------------------------------------------------------------------
def _documents_of(graph: nx.MultiDiGraph | OrderedGraph) -> list[str]:
    if isinstance(graph, OrderedGraph):
        names, ids = graph.info.get("documents", {}), graph.document_ids()
    else:
        names = graph.graph.get("documents", {})
        ids = {a["document_id"] for _, a in graph.nodes(data=True) if a.get("document_id")}
        ids |= {a["document_id"] for *_, a in graph.edges(data=True) if a.get("document_id")}
    return sorted(names.get(d, d) for d in ids)


def _caption(what: str, graph: nx.MultiDiGraph | OrderedGraph, docs: list[str] | None = None) -> str:
    """`docs`: `_documents_of(graph)`, when the caller has it already."""
    docs = _documents_of(graph) if docs is None else docs
    shown = "、".join(docs[:8]) + (f" 等 {len(docs)} 份" if len(docs) > 8 else "")
    return (f"{what}（{graph.number_of_nodes():,} 个节点，{graph.number_of_edges():,} 条关系）。"
            f"来源文件：{shown or '无'}。")


def _view_path(out: Path, prefix: str, node_id: Hashable) -> Path:
    stem = safe_stem(str(node_id))
    return out / f"{stem if stem.startswith(prefix + '-') else prefix + '-' + stem}.html"


def _write(build: Callable[..., View], path: Path, kind: str, cap: int) -> WrittenView:
    """Write the view `build(max_nodes=N)` makes, loading the shared library from lib/; a page over
    `cap` bytes is made again with fewer nodes (its note says which were left out)."""
    max_nodes = MAX_NODES
    view = build(max_nodes=max_nodes)
    page = view.html(LIB_DIR).encode("utf-8")
    while len(page) > cap and view.node_count > 1:
        max_nodes = max(1, min(view.node_count - 1, int(view.node_count * cap / len(page) * 0.9)))
        view = build(max_nodes=max_nodes)
        page = view.html(LIB_DIR).encode("utf-8")
    try:
        path.write_bytes(page)
    except OSError as exc:
        raise VizError(f"cannot write the view {view.title!r}: {exc.strerror}", where=str(path),
                       fix="choose a writable output folder") from None
    return WrittenView(path=path, kind=kind, title=view.title, nodes=view.node_count, edges=view.edge_count)


@dataclass(frozen=True)
class _Folder:
    """What every plan and department view of one `write_views` call reads: the graph, its
    adjacency, and where and how the pages are written."""

    graph: nx.MultiDiGraph
    adjacency: Adjacency
    out: Path
    cap: int
    open_limit: int


def _plan_view(folder: _Folder, plan: Hashable) -> WrittenView:
    graph, adjacency = folder.graph, folder.adjacency
    sub = OrderedGraph.part(graph, plan_nodes(graph, plan, adjacency), adjacency)
    name = graph.nodes[plan]["name"]
    caption = _caption(f"《{name.strip('《》')}》的章节、任务、责任部门、平台、企业和目标", sub)
    return _write(partial(graph_to_view, sub, name, caption, focus=plan, open_limit=folder.open_limit),
                  _view_path(folder.out, "plan", plan), "规划", folder.cap)


def _department_view(folder: _Folder, dept: Hashable) -> WrittenView:
    graph, adjacency = folder.graph, folder.adjacency
    sub = OrderedGraph.part(graph, department_nodes(graph, dept, adjacency), adjacency)
    name = graph.nodes[dept]["name"]
    tasks = sum(1 for _, k, _ in adjacency.out[dept] if k == R.RESPONSIBLE_FOR.value)
    caption = _caption(f"{name}负责的 {tasks} 项任务、所属规划、共同负责部门和相关目标", sub)
    return _write(partial(graph_to_view, sub, name, caption, focus=dept, open_limit=folder.open_limit),
                  _view_path(folder.out, "department", dept), "部门", folder.cap)


_VIEW_KINDS = {"plan": _plan_view, "department": _department_view}
_FORKED: list[_Folder] = []  # the folder a forked worker writes into, set before the fork (see `_ViewPool`)
POOL_VIEWS = 200  # from this many plan and department views on, `write_views` writes them in a process pool


def _forked_views(jobs: list[tuple[str, Hashable]]) -> list[WrittenView]:
    return [_VIEW_KINDS[kind](_FORKED[0], node) for kind, node in jobs]


@contextmanager
def _graph_spared() -> Iterator[Callable[[], None]]:
    """The collector kept off the graph while views are written: paused while the graph is read
    (each full pass it makes would walk the growing graph again), then, once the block calls the
    function it is given, every object alive left out of its passes (`gc.freeze`) and the
    collector back on for what the views make, until the block ends. Those passes over the graph
    were a fifth of the CPU time of a corpus' views. Nothing the read makes is a cycle: refcounts
    free it, paused or not."""
    enabled = gc.isenabled()
    gc.disable()

    def freeze() -> None:
        gc.freeze()
        if enabled:
            gc.enable()

    try:
        yield freeze
    finally:
        gc.unfreeze()
        if enabled:
            gc.enable()


class _ViewPool:
    """The plan and department views written by forked worker processes (which inherit the
    graph instead of receiving it), in order, while the caller writes the other views; or in
    this process, when one worker is asked for or `fork` is not available. Made inside
    `_graph_spared`, once the graph is frozen."""

    def __init__(self, folder: _Folder, jobs: list[tuple[str, Hashable]], workers: int):
        import multiprocessing

        self._folder, self._jobs, self._pool, self._pending = folder, jobs, None, None
        if workers < 2 or len(jobs) < 2 or "fork" not in multiprocessing.get_all_start_methods():
            return
        _FORKED[:] = [folder]
        # the graph is frozen (`_graph_spared`): the workers' collectors leave its inherited pages
        # unwritten, so shared
        self._pool = multiprocessing.get_context("fork").Pool(workers)
        size = max(1, min(32, len(jobs) // (workers * 8)))  # small enough to balance, large enough to batch
        self._pending = self._pool.map_async(_forked_views, [jobs[i:i + size] for i in range(0, len(jobs), size)])

    def results(self) -> list[WrittenView]:
        if self._pool is None or self._pending is None:
            return [_VIEW_KINDS[kind](self._folder, node) for kind, node in self._jobs]
        try:
            return [view for chunk in self._pending.get() for view in chunk]
        finally:
            self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None
            _FORKED.clear()


def write_views(store: GraphReader, out_dir: str | Path, *, document_ids: Sequence[str] | None = None,
                matrix: bool = True, queries: bool = True, cap: int = FILE_CAP,
                open_limit: int = OPEN_LIMIT, jobs: int | None = None) -> list[Path]:
    """Write every view of `store` into `out_dir` and return their paths, `index.html` last.

    Views: `all.html` (the whole graph), `department-<id>.html` per department,
    `plan-<id>.html` per ingested plan, `platforms.html`, and with `matrix` the responsibility
    matrix as `responsibility.html` and `responsibility.csv` (split per plan when larger than
    `cap`, see `plankg.viz.tables.write_matrix_parts`), and with `queries` one
    `query-<name>.html` per query pack that can be drawn as it is (`index_queries`) and returns
    rows. `document_ids` restricts every view to those documents' facts (and leaves the query
    views out, since pack queries read the whole store).

    The pages share one copy of vis-network and of the page scripts in `lib/` (`write_lib`),
    which must stay beside them; no page passes `cap` bytes (a graph view drops its least
    connected nodes until it fits, and says so); a view of more than `open_limit` nodes opens
    on a search instead of drawing every node. The returned paths leave `lib/` out.

    The plan and department views are written by `jobs` worker processes (default: one per
    core, once there are `POOL_VIEWS` of them) while this one writes the rest; the files are
    the same whatever the number.
    """
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise VizError(f"cannot create the views folder: {exc.strerror}", where=str(out),
                       fix="choose a writable output folder") from None
    write_lib(out)
    with _graph_spared() as freeze:
        graph = store_to_networkx(store, document_ids=document_ids)
        adjacency = Adjacency.of(graph)  # every view reads its part of the graph from this
        whole = OrderedGraph.part(graph, set(adjacency.nodes), adjacency)
        freeze()
        written: list[WrittenView] = []
        documents = _documents_of(whole)  # the caption of all.html, however often it is made, and the index's

        def everything(*, max_nodes: int) -> View:
            caption = _caption("文件、规划、章节、任务、部门、平台、企业、项目和目标的全部关系", whole, documents)
            view = graph_to_view(whole, "全部图谱", caption, max_nodes=max_nodes, open_limit=open_limit)
            if graph.number_of_nodes() == 0:
                view.notes.append("图为空：请先用 plankg ingest 导入文件。")
            return view

        by_label: dict[str, list[Hashable]] = {}
        for node, attrs in graph.nodes(data=True):
            by_label.setdefault(attrs.get("label", ""), []).append(node)
        view_jobs: list[tuple[str, Hashable]] = [
            ("plan", plan)
            for plan in sorted(by_label.get(L.PLAN.value, []), key=lambda n: graph.nodes[n].get("name", ""))
            if graph.nodes[plan].get("document_id")]  # a plan known only because another cites it has no contents
        view_jobs += [("department", dept) for dept in sorted(by_label.get(L.DEPARTMENT.value, []),
                                                              key=lambda n: graph.nodes[n].get("name", ""))]
        if jobs is None:
            jobs = (os.cpu_count() or 1) if len(view_jobs) >= POOL_VIEWS else 1
        pool = _ViewPool(_Folder(graph, adjacency, out, cap, open_limit), view_jobs, jobs)
        try:
            written.append(_write(everything, out / "all.html", "全图", cap))
            platforms = OrderedGraph.of(platforms_graph(graph, adjacency))
            platforms_caption = _caption("平台、企业和项目，以及提及它们的规划", platforms)
            written.append(_write(partial(graph_to_view, platforms, "平台与企业", platforms_caption,
                                          open_limit=open_limit), out / "platforms.html", "平台与企业", cap))
            later = _other_views(store, graph, out, cap=cap, open_limit=open_limit, matrix=matrix,
                                 queries=queries and not document_ids)
            written += pool.results()
        finally:
            pool.close()
        written += later[0]
        index = write_index(written, out / "index.html", graph, documents=documents)
    return [w.path for w in written] + later[1] + [index]


def _other_views(store: GraphReader, graph: nx.MultiDiGraph, out: Path, *, cap: int, open_limit: int, matrix: bool,
                 queries: bool) -> tuple[list[WrittenView], list[Path]]:
    """The responsibility matrix (its page and CSV, and the parts it is split into) and the query
    views, as `write_views` lists them."""
    written: list[WrittenView] = []
    parts: list[Path] = []
    if matrix:
        from plankg.viz.tables import responsibility_matrix, write_matrix_parts

        table = responsibility_matrix(graph)
        html_path, csv_path, split = write_matrix_parts(table, out, cap=cap, lib=LIB_DIR)
        by_plan = f"，按规划分为 {len(split):,} 个文件" if split else ""
        written.append(WrittenView(html_path, "表格", f"责任矩阵（部门 × 任务）{by_plan}", len(table.tasks),
                                   table.cells))
        written.append(WrittenView(csv_path, "表格", "责任矩阵 CSV（Excel 可直接打开）" if not split else
                                   "责任矩阵各部分的清单 CSV", len(table.tasks), table.cells))
        parts = [p for part in split for p in (part.html, part.csv)]

    if queries:
        from plankg.queries.loader import load_packs, run_query

        for query in index_queries(load_packs().values()):
            rows = run_query(store, query, {})
            if not rows:
                continue  # a link to an empty drawing helps no one
            written.append(_write(partial(query_view, rows, query.viz or {}, query_view_title(query),
                                          open_limit=open_limit), out / f"query-{query.name}.html", "查询", cap))
    return written, parts


_INDEX_CSS = """
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif;
  margin: 24px; color: #222; }
h1 { font-size: 22px; } h2 { font-size: 17px; margin-top: 24px; }
table { border-collapse: collapse; } th, td { border: 1px solid #ddd; padding: 4px 10px; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; } th { background: #f3f3f3; }
.caption { color: #555; }
"""


def write_index(views: Sequence[WrittenView], path: Path, graph: nx.MultiDiGraph | None = None, *,
                documents: list[str] | None = None) -> Path:
    """An offline page linking every view, grouped by kind, with node and edge counts, and a summary
    of `graph` (`documents`: the names of its documents, sorted, when the caller has them)."""
    groups: dict[str, list[WrittenView]] = {}
    for view in views:
        groups.setdefault(view.kind, []).append(view)
    parts = []
    for kind, items in groups.items():
        counts = "表格行 / 单元格" if kind == "表格" else "节点 / 关系"
        rows = "".join(f'<tr><td><a href="{html.escape(v.path.name, quote=True)}">{html.escape(v.title)}</a></td>'
                       f'<td class="n">{v.nodes:,}</td><td class="n">{v.edges:,}</td></tr>' for v in items)
        parts.append(f"<h2>{html.escape(kind)}（{len(items)}）</h2><table><thead><tr><th>视图</th>"
                     f"<th colspan=\"2\">{counts}</th></tr></thead><tbody>{rows}</tbody></table>")
    summary = ""
    if graph is not None:
        labels: dict[str, int] = {}
        for _, attrs in graph.nodes(data=True):
            labels[attrs.get("label", "")] = labels.get(attrs.get("label", ""), 0) + 1
        detail = "，".join(f"{type_zh(k)} {v:,}" for k, v in sorted(labels.items(), key=lambda kv: -kv[1]))
        docs = _documents_of(graph) if documents is None else documents
        summary = (f'<p class="caption">共 {graph.number_of_nodes():,} 个节点（{html.escape(detail)}），'
                   f"{graph.number_of_edges():,} 条关系，来自 {len(docs)} 份文件："
                   f"{html.escape('、'.join(docs))}。</p>")
    page = (f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
            f"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
            f"<title>规划知识图谱：视图索引</title><style>{_INDEX_CSS}</style></head><body>"
            f"<h1>规划知识图谱：视图索引</h1>{summary}{''.join(parts)}</body></html>\n")
    try:
        path.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise VizError(f"cannot write the index: {exc.strerror}", where=str(path),
                       fix="choose a writable output folder") from None
    return path


# --- query results --------------------------------------------------------------------------------
def index_queries(queries: Iterable[Any]) -> list[Any]:
    """The pack queries `write_views` draws and the index links: those with viz hints and no
    required parameter, by pack and name. Others with viz hints are drawn on demand
    (`plankg viz --query NAME -p KEY=VALUE`)."""
    return sorted((q for q in queries if q.viz and not any(p.required for p in q.params)),
                  key=lambda q: (q.pack, q.name))


def query_view_title(query: Any) -> str:
    return f"{query.title_zh} / {query.title_en}"


def parse_viz_hints(hints: str | Mapping[str, str]) -> dict[str, str]:
    """Read viz hints, as a mapping or as a query header writes them.

    >>> parse_viz_hints("source=department target=task_id relationship=role")
    {'source': 'department', 'target': 'task_id', 'relationship': 'role'}
    >>> parse_viz_hints("source=department, rel=role, target=task")
    {'source': 'department', 'target': 'task', 'relationship': 'role'}
    >>> parse_viz_hints("source=department_a target=department_b directed=no")["directed"]
    'no'
    >>> parse_viz_hints({"source": "a"})  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    plankg.errors.VizError: viz hints lack 'target' [{'source': 'a'}]. Fix: give at least source=COLUMN and
    target=COLUMN, e.g. source=department target=task relationship=role
    """
    if isinstance(hints, str):
        parsed = {}
        for part in re.split(r"[\s,;，；]+", hints.strip()):
            if not part:
                continue
            key, sep, value = part.partition("=")
            if not sep or not value:
                raise VizError(f"viz hint {part!r} is not KEY=COLUMN", where=hints,
                               fix="write hints like: source=department target=task relationship=role")
            parsed[key] = value
    else:
        parsed = {str(k): str(v) for k, v in hints.items() if v is not None}
    if "rel" in parsed:  # the short spelling of the query packs' `relationship`
        parsed.setdefault("relationship", parsed.pop("rel"))
    allowed = {"source", "target", "relationship", "weight", "source_label", "target_label", "directed"}
    unknown = set(parsed) - allowed
    missing = [k for k in ("source", "target") if k not in parsed]
    if missing or unknown:
        problem = f"lack {missing[0]!r}" if missing else f"have unknown keys {sorted(unknown)}"
        raise VizError(f"viz hints {problem}", where=str(hints),
                       fix="give at least source=COLUMN and target=COLUMN, "
                           "e.g. source=department target=task relationship=role"
                       + ("" if missing else f"; allowed keys: {', '.join(sorted(allowed))}"))
    if parsed.get("directed", "yes") not in ("yes", "no"):
        raise VizError(f"viz hint directed={parsed['directed']!r} is neither yes nor no", where=str(hints),
                       fix="write directed=no for a symmetric relation (drawn without arrows), or leave it out")
    return parsed


def write_query_view(rows: Sequence[Mapping[str, Any]], viz_hints: str | Mapping[str, str], out_path: str | Path,
                     title: str, caption: str | None = None) -> Path:
    """Draw a query's result rows as a graph, following its viz hints (see `query_view`), and write the view."""
    return query_view(rows, viz_hints, title, caption).write(Path(out_path))


def query_view(rows: Sequence[Mapping[str, Any]], viz_hints: str | Mapping[str, str], title: str,
               caption: str | None = None, *, max_nodes: int = MAX_NODES, open_limit: int = OPEN_LIMIT) -> View:
    """Draw a query's result rows as a graph, following its viz hints.

    `viz_hints` is the query header's `viz` (a dict, or its text `source=COL target=COL
    [relationship=COL] [weight=COL]`): `source` and `target` columns become nodes,
    `relationship` labels the edge, `weight` sets its width; `source_label`/`target_label`
    optionally give the node types; `directed=no` says the relation is symmetric (each pair
    once, drawn without arrows). Other columns show in the edge tooltips.
    """
    hints = parse_viz_hints(viz_hints)
    rows = list(rows)
    if rows:
        columns = list(rows[0])
        for key in ("source", "target", "weight"):
            if key in hints and hints[key] not in columns:
                raise VizError(f"viz hint {key}={hints[key]!r} names no column of the query result",
                               where=title, fix=f"use one of the result columns: {', '.join(columns)}")
    graph = rows_to_networkx(rows, source=hints["source"], target=hints["target"], rel=hints.get("relationship"),
                             weight=hints.get("weight"),
                             source_label=hints.get("source_label"), target_label=hints.get("target_label"))
    caption = caption or (f"查询结果 {len(rows):,} 行，绘为 {graph.number_of_nodes():,} 个节点、"
                          f"{graph.number_of_edges():,} 条关系。")
    symmetric = {str(k) for *_, k in graph.edges(keys=True)} if hints.get("directed") == "no" else set()
    view = graph_to_view(graph, title, caption, undirected=symmetric, max_nodes=max_nodes, open_limit=open_limit)
    if not rows:
        view.notes.append("查询没有返回结果。")
    return view
