"""Self-contained HTML views of a plan graph: one file, no network request when opened.

We own the template (viz/templates/view.html) instead of using pyvis': pyvis loads Bootstrap
from a CDN even in `in_line` mode (WestHealth/pyvis issues #228, #229) and writes files in the
locale's encoding. vis-network's JS and CSS come from the pyvis package (a dependency) and are
inlined; a Content-Security-Policy of `default-src 'none'` makes the browser refuse any request
the page might still try. Graph data travels as one compact JSON document (styles per node type,
not per node; every string once, see `graph_to_view`) that the page script turns into vis
DataSets, tooltips and a search index.

Both the data and vis-network's JS travel deflated and base64-encoded in inert
`<script type="application/octet-stream">` elements (see `pack_payload`); the page's first
script (viz/assets/boot.js) inflates them with the browser's own `DecompressionStream`
(Chrome/Edge 80, Firefox 113, Safari 16.4) and hands the data to viz/assets/view.js. Data then
takes ~0.12 MB per 1,000 nodes instead of ~0.33 (synthetic benchmark; the demo corpus ~0.10
instead of ~0.22), and vis-network 0.16 MB of each file instead of 0.47. Older browsers see a
message naming the versions that open the page. Running the inflated vis-network needs
`script-src 'unsafe-eval'`: the page runs inline script already, and nothing widens what it may
fetch (still `default-src 'none'`, no `connect-src`).

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("d", label="Department", name="<script>alert(1)</script>")
>>> g.add_node("t", label="Task", name="1 建设平台", ref="1", text="建设平台", document_id="doc")
>>> g.add_edge("d", "t", key="RESPONSIBLE_FOR", type="RESPONSIBLE_FOR", role="lead", document_id="doc")
'RESPONSIBLE_FOR'
>>> view = graph_to_view(g, "测试 <b>视图</b>", "说明")
>>> view.node_count, view.edge_count
(2, 1)
>>> page = view.html()
>>> "<script>alert(1)" in page, "测试 &lt;b&gt;视图&lt;/b&gt;" in page
(False, True)
>>> page_data(page) == view.payload  # the data travels packed (see `pack_payload`)
True
"""
from __future__ import annotations

import base64
import collections
import html
import json
import math
import operator
import re
import zlib
from collections.abc import Callable, Collection, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeAlias, cast

import networkx as nx

from plankg.errors import VizError
from plankg.graph.nx import TASK_NAME_CHARS, display_name
from plankg.ontology.vocab import LABELS_ZH, NodeLabel, RelType

PHYSICS_LIMIT = 2_000  # above this, in-browser physics stutters: lay out in Python and switch it off
MAX_NODES = 20_000  # above this, vis-network's canvas becomes unusable even without physics
OPEN_LIMIT = 5_000  # above this, a view opens on a search or one node's neighbourhood, not the whole graph
VIS_DIR = "templates/lib/vis-9.1.2"

ROLE_ZH = {"lead": "牵头", "support": "配合", "responsible": "负责"}
# Query result columns that become node types or edge facts in query views.
_COLUMN_ZH = {"printed_name": "原文称谓", "metric": "指标", "year": "年份", "kind": "类别", "plan": "规划",
              "role": "角色", "position": "位置", "task_ref": "任务编号", "section_ref": "章节编号", "hops": "层级",
              "mentions": "提及次数", "shared_tasks": "共同任务数", "uses": "使用次数", "context": "原文",
              "task": "任务", "documents": "文件数",
              "period_start": "起始年", "period_end": "截止年", "date": "日期", "region": "地区", "ref": "编号",
              "refs": "编号", "cited_ingested": "被引规划已导入", "plan_tasks": "规划任务数", "path": "路径",
              "section": "章节", "targets": "目标", "department": "部门", "platform": "平台", "enterprise": "企业",
              "related": "关联"}
# Codes the ontology stores in English (department kinds, platform kinds and levels), as readers say them.
KIND_ZH = {"government": "政府部门", "collective": "集体", "party": "党组织", "other": "其他",
           "base": "基地", "exchange or service centre": "交易与服务中心", "high-tech zone": "高新区与产业园区",
           "incubator": "孵化器", "laboratory": "实验室", "large facility": "大科学装置",
           "research institute": "研究院",
           "technology-innovation centre": "技术创新中心", "tourism zone": "旅游度假区与景区",
           "university platform": "高校平台"}
LEVEL_ZH = {"national": "国家级", "provincial": "省级", "municipal": "市级", "district": "区县级"}
_CODE_ZH = {"kind": KIND_ZH, "level": LEVEL_ZH}


@dataclass(frozen=True)
class NodeStyle:
    colour: str
    shape: str  # shapes that draw the label below the node: labels inside shapes crowd large graphs
    size: int


@dataclass(frozen=True)
class RelStyle:
    colour: str
    dashed: bool = False


NODE_STYLES: Mapping[str, NodeStyle] = {
    "Document": NodeStyle("#8c8c8c", "dot", 9),
    "Plan": NodeStyle("#d62728", "star", 26),
    "Section": NodeStyle("#ff9f1c", "triangle", 13),
    "Task": NodeStyle("#1f77b4", "dot", 10),
    "Department": NodeStyle("#2ca02c", "diamond", 20),
    "Platform": NodeStyle("#9467bd", "square", 15),
    "Enterprise": NodeStyle("#8c564b", "triangleDown", 15),
    "Project": NodeStyle("#e377c2", "hexagon", 13),
    "Target": NodeStyle("#17becf", "hexagon", 12),
}
# Types outside the ontology (columns of a query result) cycle through these.
_EXTRA_COLOURS = ["#e6550d", "#3182bd", "#31a354", "#756bb1", "#636363", "#bd9e39", "#ad494a"]

REL_STYLES: Mapping[str, RelStyle] = {
    "PUBLISHES": RelStyle("#bbbbbb"),
    "HAS_SECTION": RelStyle("#c7a26b"),
    "HAS_TASK": RelStyle("#9ab8d8"),
    "RESPONSIBLE_FOR": RelStyle("#2ca02c"),
    "MENTIONS": RelStyle("#9467bd", dashed=True),
    "SETS_TARGET": RelStyle("#17becf"),
    "ISSUED_BY": RelStyle("#d62728"),
    "REFERENCES": RelStyle("#d62728", dashed=True),
    "BUILT_BY": RelStyle("#8c564b"),
    "IMPLEMENTS": RelStyle("#e6550d", dashed=True),
}

# Shared entities first, then structure, then the many leaves: what a capped view drops first.
_KEEP_ORDER = ["Plan", "Department", "Platform", "Enterprise", "Project", "Document", "Section", "Task", "Target"]

_FACT_FIELDS = [("jurisdiction", "管辖"), ("kind", "类别"), ("level", "级别"), ("region", "地区"), ("date", "日期"),
                ("doc_number", "文号"), ("issuers", "印发单位"), ("status", "状态"), ("field", "领域"),
                ("metric", "指标"), ("value", "数值"), ("unit", "单位"), ("year", "年份"), ("baseline", "基期值"),
                ("baseline_year", "基期年份"), ("aliases", "简称"), ("metric_key", "规范指标")]


# Edge attributes the page shows in their own place; any other (query columns, `via`) is listed.
_EDGE_KNOWN = frozenset({"type", "key", "document_id", "rule", "role", "printed_name", "printed_title", "span_start",
                         "span_end", "weight"})
_EDGE_FACTS = {"via": "经由", "weight": "权重"}


def _width(weight: Any) -> float:
    """Edge width for a weight column: grows with the log, so one heavy pair cannot swamp the view.

    >>> _width(None), _width(1), _width(8)
    (0, 1.8, 3.5)
    """
    if not isinstance(weight, (int, float)) or weight <= 0:
        return 0
    return round(min(8.0, 1 + math.log2(1 + weight) * 0.8), 1)


def type_zh(name: str) -> str:
    """The Chinese name of a node or relationship type, or of a role; unknown names pass through.

    >>> type_zh("Department"), type_zh("RESPONSIBLE_FOR"), type_zh("lead"), type_zh("部门")
    ('部门', '负责', '牵头', '部门')
    """
    return LABELS_ZH.get(name) or ROLE_ZH.get(name) or _COLUMN_ZH.get(name) or name


def json_for_script(value: Any) -> str:
    """Compact JSON that is safe inside a `<script>` element: raw UTF-8, every `<` escaped, so no
    `</script>` or `<!--` in the data can end or alter the element.

    >>> json_for_script({"name": "</script><!--杭州"})
    '{"name":"\\\\u003c/script>\\\\u003c!--杭州"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


@lru_cache(maxsize=1)
def _vis_sources() -> tuple[str, str]:
    """vis-network's JS and CSS as shipped inside pyvis (the CSS pruned)."""
    try:
        lib = resources.files("pyvis").joinpath(VIS_DIR)
        js = lib.joinpath("vis-network.min.js").read_text(encoding="utf-8")
        css = lib.joinpath("vis-network.css").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError) as exc:
        raise VizError(f"cannot read vis-network from the pyvis package: {exc}", where=f"pyvis/{VIS_DIR}",
                       fix='reinstall it: pip install --force-reinstall "pyvis>=0.3.2"') from None
    # a source map comment would make an open developer console fetch a file that does not exist
    return re.sub(r"//# sourceMappingURL=\S*\s*$", "", js), _prune_css(css)


def vis_assets() -> tuple[str, str]:
    """vis-network's JS and CSS as shipped inside pyvis, ready to inline."""
    js, css = _vis_sources()
    return js.replace("</script", "<\\/script"), css.replace("</style", "<\\/style")


@lru_cache(maxsize=1)
def _vis_packed() -> str:
    """vis-network's JS deflated and in base64, as every view carries it (the same in each)."""
    return base64.b64encode(zlib.compress(_vis_sources()[0].encode("utf-8"), 9)).decode("ascii")


# Editing toolbars, the configurator and the colour picker are never enabled in a view; their
# rules carry ~180 KB of base64 icons that every emailed file would otherwise repeat.
_UNUSED_CSS = re.compile(r"vis-(manipulation|edit-mode|close|configuration|color-picker)")


def _prune_css(css: str) -> str:
    """vis-network's CSS without the rules of widgets views never show.

    >>> _prune_css("div.vis-tooltip{color:#000}div.vis-network button.vis-close{x:1}.vis-overlay{top:0}")
    'div.vis-tooltip{color:#000}.vis-overlay{top:0}'
    """
    def keep(rule: re.Match) -> str:
        return "" if _UNUSED_CSS.search(rule.group(0).split("{", 1)[0]) else rule.group(0)

    return re.sub(r"[^{}]+\{[^{}]*\}", keep, css)


@cache
def _own_asset(package_dir: str, name: str) -> str:
    return resources.files("plankg.viz").joinpath(package_dir).joinpath(name).read_text(encoding="utf-8")


_FACT_ZH = dict(_FACT_FIELDS)
# A target's name is built from these (display_name), so its tooltip need not list them again.
_TARGET_NAME_FIELDS = frozenset({"metric", "value", "unit", "year"})


def _fact_text(value: Any) -> str:
    """A value as a reader wants it in a tooltip.

    >>> _fact_text(["五.(十二)", "六.1"]), _fact_text(False), _fact_text(3.0)
    ('五.(十二)、六.1', '否', '3')
    """
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (list, tuple)):
        return "、".join(_fact_text(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _code_text(key: str, value: Any) -> str:
    """A fact's value as text, English codes (kinds, levels) in Chinese.

    >>> _code_text("kind", "high-tech zone"), _code_text("level", "national"), _code_text("kind", "实验室")
    ('高新区与产业园区', '国家级', '实验室')
    """
    codes = _CODE_ZH.get(key)
    return _fact_text(codes.get(value, value) if codes and isinstance(value, str) else value)


def _facts(attrs: Mapping[str, Any], *, skip: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """A node's facts as (Chinese field name, text) pairs, in a fixed order.

    >>> _facts({"kind": "government", "jurisdiction": "杭州市", "period_start": 2021})
    [('管辖', '杭州市'), ('类别', '政府部门'), ('规划期', '2021–?年')]
    """
    pairs = []
    for key, zh in _FACT_FIELDS:
        if key not in attrs or key in skip:  # most nodes hold one or two of the fields, tasks none
            continue
        value = attrs[key]
        if value in (None, "", []):
            continue
        pairs.append((zh, _code_text(key, value)))
    if attrs.get("period_start") or attrs.get("period_end"):
        pairs.append(("规划期", f"{attrs.get('period_start') or '?'}–{attrs.get('period_end') or '?'}年"))
    return pairs


class _Interned(dict[Any, int]):
    """A lookup table that stores each distinct value once and hands out its index: a dict from
    value to index, the values in the order they came. Looking a value up (`table[value]`, a
    dict's own lookup however many millions of times a corpus' views ask) adds it when new.

    >>> table = _Interned()
    >>> table["市科技局"], table["杭州市"], table["市科技局"], list(table)
    (0, 1, 0, ['市科技局', '杭州市'])
    """

    def __missing__(self, value: Any) -> int:
        index = self[value] = len(self)
        return index


def _trim(row: list[Any], defaults: Sequence[Any]) -> list[Any]:
    """`row` without trailing fields that hold their default (the page script fills them back).

    >>> _trim([3, 0, 5, -1, "", []], [None, None, -1, -1, "", []])
    [3, 0, 5]
    """
    while len(row) > 2 and row[-1] == defaults[len(row) - 1]:
        row.pop()
    return row


@dataclass
class View:
    """One rendered view: a title, a caption, notes on what was left out, and the graph data.

    `html()` gives the page, `write(path)` saves it as UTF-8; in Jupyter the object displays
    itself inline (an iframe whose srcdoc is the page, so its script runs isolated).
    """

    title: str
    caption: str
    payload: dict[str, Any]
    notes: list[str] = field(default_factory=list)

    @property
    def node_count(self) -> int:
        return len(self.payload["nodes"])

    @property
    def edge_count(self) -> int:
        return sum(1 if isinstance(row[1], int) else len(row[1]) for row in self.payload["edges"])

    def html(self, lib: str | None = None) -> str:
        """The page: self-contained, or loading the shared assets from the folder `lib` (see `render_html`)."""
        return render_html(self, lib)

    def write(self, path: str | Path, lib: str | None = None) -> Path:
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(self.html(lib), encoding="utf-8")
        except OSError as exc:
            raise VizError(f"cannot write the view {self.title!r}: {exc.strerror}", where=str(path),
                           fix="choose a writable output folder") from None
        return path

    def _repr_html_(self) -> str:
        return (f'<iframe srcdoc="{html.escape(self.html(), quote=True)}" style="width:100%;height:680px;'
                f'border:1px solid #ddd" sandbox="allow-scripts"></iframe>')

    def show_inline(self):
        """The view as an `IPython.display.HTML` object, for notebooks that want it explicitly."""
        try:
            from IPython.display import HTML
        except ImportError:
            from plankg.errors import MissingDependencyError

            raise MissingDependencyError("ipython", "showing a view inside Jupyter") from None
        import warnings

        with warnings.catch_warnings():  # IPython suggests IFrame, which needs a URL; srcdoc needs none
            warnings.simplefilter("ignore", UserWarning)
            return HTML(self._repr_html_())


def canonical_order(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The same graph with its nodes in id order and its edges in (source, target, key) order.

    A subgraph (`graph.subgraph(a_set)`) iterates in the set's order, which changes with Python's
    string hashing from one process to the next; in this order the same graph gives the same view
    file byte for byte, and the same precomputed layout. (Views read this order through
    `OrderedGraph`, which copies nothing.)

    >>> g = nx.MultiDiGraph()
    >>> _ = g.add_edge("b", "a", key="R"); _ = g.add_edge("a", "b", key="R")
    >>> list(canonical_order(g)), list(canonical_order(g).edges(keys=True))
    (['a', 'b'], [('a', 'b', 'R'), ('b', 'a', 'R')])
    """
    ordered = OrderedGraph.of(graph)
    copy: nx.MultiDiGraph[Hashable] = nx.MultiDiGraph()
    copy.graph.update(graph.graph)
    for node in ordered.nodes:
        copy.add_node(node, **graph.nodes[node])
    for u, v, key, data in ordered.edges:
        copy.add_edge(u, v, key=key, **data)
    return copy


Edge: TypeAlias = "tuple[Hashable, Hashable, Any, dict[str, Any]]"


_TEXT_EDGE_ORDER = operator.itemgetter(0, 1, 2)  # `_edge_order` of an edge whose ends and key are strings


def _by_str(items: Collection[Hashable], text_ids: bool) -> list[Any]:
    """`items` in the order of their `str`: with `text_ids` (all strings) their own order, without
    a call per item.

    >>> _by_str({"b", "a"}, True), _by_str({10, 9}, False)
    (['a', 'b'], [10, 9])
    """
    return sorted(cast("Collection[str]", items)) if text_ids else sorted(items, key=str)


def _edge_order(edge: Edge) -> tuple[str, str, str]:
    return str(edge[0]), str(edge[1]), str(edge[2])


@dataclass(frozen=True)
class Adjacency:
    """Every edge of a graph listed under its source (`out`) and its target (`into`), in the
    graph's edge order. Read once, it answers what a networkx subgraph view answers by filtering
    every edge of the whole graph on each pass: over a corpus' thousands of views those passes
    were most of the time `write_views` took.

    >>> g = nx.MultiDiGraph([("d", "t"), ("d", "u")])
    >>> adjacency = Adjacency.of(g)
    >>> [t for t, _, _ in adjacency.out["d"]], [s for s, _, _ in adjacency.into["t"]]
    (['t', 'u'], ['d'])
    """

    out: dict[Hashable, list[tuple[Hashable, Any, dict[str, Any]]]]
    into: dict[Hashable, list[tuple[Hashable, Any, dict[str, Any]]]]
    nodes: dict[Hashable, dict[str, Any]]  # each node's attributes (networkx' own dicts)
    # each node's targets, each with its edges by key (networkx' own dicts): a part looks up the few
    # of a department's thousands of targets that it holds
    succ: dict[Hashable, dict[Hashable, dict[Any, dict[str, Any]]]]
    # every node and edge key a string (a graph read from a store): then their own order is the
    # canonical one, and sorting needs no `str` call per item
    text_ids: bool = False
    # (target, document) of each edge whose document is neither of its ends': a part names the
    # documents of its nodes and of these edges alone (`OrderedGraph.document_ids`)
    other_documents: dict[Hashable, list[tuple[Hashable, str]]] = field(default_factory=dict)
    # what a node's or an edge's row holds before a view numbers its strings: the same in every
    # view of the graph, so worked out once (`_node_entry`, `_edge_entry`)
    node_entries: dict[Hashable, tuple] = field(default_factory=dict)
    edge_entries: dict[tuple[Hashable, Hashable, Any], tuple] = field(default_factory=dict)

    @classmethod
    def of(cls, graph: nx.MultiDiGraph) -> Adjacency:
        out: dict[Hashable, list[tuple[Hashable, Any, dict[str, Any]]]] = {node: [] for node in graph}
        into: dict[Hashable, list[tuple[Hashable, Any, dict[str, Any]]]] = {node: [] for node in graph}
        # the adjacency's own dicts, in the order graph.edges() lists them, without a view per edge
        succ = dict(graph.adjacency())
        nodes = dict(graph.nodes(data=True))
        other_documents: dict[Hashable, list[tuple[Hashable, str]]] = {}
        for s, targets in succ.items():
            listed = out[s]
            own = nodes[s].get("document_id")
            for t, keyed in targets.items():
                arriving = into[t]
                for key, attrs in keyed.items():
                    listed.append((t, key, attrs))
                    arriving.append((s, key, attrs))
                    document = attrs.get("document_id")
                    if document and document != own and document != nodes[t].get("document_id"):
                        other_documents.setdefault(s, []).append((t, document))
        text_ids = all(type(node) is str for node in succ) and all(
            type(key) is str for targets in succ.values() for keyed in targets.values() for key in keyed)
        return cls(out, into, nodes, succ, text_ids, other_documents)


_HEAVY = 32  # a node with more targets than this has the edges to a part's nodes found from their end


@dataclass(frozen=True)
class OrderedGraph:
    """A graph (or the part of one that a node set spans) in canonical order (`canonical_order`),
    read without copying it: nodes in id order, edges in (source, target, key) order, and each
    node's neighbours as the ordered copy would list them. What `graph_to_view` reads.

    >>> g = nx.MultiDiGraph([("b", "a"), ("a", "b"), ("a", "c")])
    >>> part = OrderedGraph.part(g, {"a", "b"}, Adjacency.of(g))
    >>> part.nodes, [e[:2] for e in part.edges], part.successors("a"), part.predecessors("a")
    (['a', 'b'], [('a', 'b'), ('b', 'a')], ['b'], ['b'])
    >>> OrderedGraph.of(g).successors("a")
    ['b', 'c']
    """

    nodes: list[Hashable]
    edges: list[Edge]
    node_attrs: Mapping[Hashable, Mapping[str, Any]]
    info: Mapping[str, Any]  # the graph's own attributes (`documents`)
    _near: Callable[[Hashable, bool], list[Hashable]]
    adjacency: Adjacency | None = None  # of the graph it is a part of, with the row entries it caches

    @classmethod
    def of(cls, graph: nx.MultiDiGraph) -> OrderedGraph:
        """All of `graph` (which may be a subgraph view of another)."""
        edges: list[Edge] = sorted(graph.edges(keys=True, data=True), key=_edge_order)

        def near(node: Hashable, incoming: bool) -> list[Hashable]:
            return sorted(graph.predecessors(node) if incoming else graph.successors(node), key=str)

        return cls(sorted(graph.nodes, key=str), edges, graph.nodes, graph.graph, near)

    @classmethod
    def part(cls, graph: nx.MultiDiGraph, keep: Collection[Hashable], adjacency: Adjacency) -> OrderedGraph:
        """The nodes `keep` of `graph` and the edges between them (`graph.subgraph(keep)`, ordered),
        read from `adjacency` (`Adjacency.of(graph)`)."""
        members = keep if isinstance(keep, (set, frozenset)) else set(keep)
        edges: list[Edge] = []
        append = edges.append
        succ, into = adjacency.succ, adjacency.into
        # each edge found once, from the end with fewer edges to look through: a department's
        # thousands of tasks are reached from the part's tasks, which have a few sources each
        heavy = set()
        for s in members:
            targets = succ[s]
            if len(targets) > _HEAVY:
                heavy.add(s)
                continue
            for t, keyed in targets.items():
                if t in members:
                    for key, attrs in keyed.items():
                        append((s, t, key, attrs))
        if heavy:
            for t in members:
                sources = into[t]
                if len(sources) <= len(heavy):
                    for s, key, attrs in sources:
                        if s in heavy:
                            append((s, t, key, attrs))
                else:
                    for s in heavy:
                        between = succ[s].get(t)
                        if between is not None:
                            for key, attrs in between.items():
                                append((s, t, key, attrs))
        # (source, target, key) tells every edge apart: any order in, one order out
        edges.sort(key=_TEXT_EDGE_ORDER if adjacency.text_ids else _edge_order)
        text_ids = adjacency.text_ids

        def near(node: Hashable, incoming: bool) -> list[Hashable]:
            listed = adjacency.into[node] if incoming else adjacency.out[node]
            return _by_str({other for other, _, _ in listed if other in members}, text_ids)

        return cls(_by_str(members, text_ids), edges, adjacency.nodes, graph.graph, near, adjacency)

    def predecessors(self, node: Hashable) -> list[Hashable]:
        return self._near(node, True)

    def successors(self, node: Hashable) -> list[Hashable]:
        return self._near(node, False)

    def number_of_nodes(self) -> int:
        return len(self.nodes)

    def number_of_edges(self) -> int:
        return len(self.edges)

    def document_ids(self) -> set[str]:
        """The documents its nodes and edges name."""
        attrs = self.node_attrs
        ids: set[Any] = {attrs[n].get("document_id") for n in self.nodes}
        if self.adjacency is None:
            ids.update([e[3].get("document_id") for e in self.edges])
        else:  # an edge of the part whose document is one of its ends' is named already
            members, others = set(self.nodes), self.adjacency.other_documents
            ids.update([document for s in self.nodes if s in others for t, document in others[s] if t in members])
        ids.discard(None)
        ids.discard("")
        return ids

    def layout_graph(self, kept: Sequence[Hashable]) -> nx.MultiDiGraph:
        """The nodes `kept` (all, or what a cap left) and the edges between them, in canonical
        order, as `plankg.viz.layout.hub_layout` reads a graph."""
        within = set(kept)
        out: nx.MultiDiGraph[Hashable] = nx.MultiDiGraph()
        out.add_nodes_from(n for n in self.nodes if n in within)
        out.add_edges_from((s, t, key) for s, t, key, _ in self.edges if s in within and t in within)
        return out


def _choose_nodes(graph: OrderedGraph, max_nodes: int) -> tuple[list[Hashable], list[str]]:
    """The nodes a view draws, and notes on what a cap left out (the most connected stay)."""
    nodes = list(graph.nodes)
    if len(nodes) <= max_nodes:
        return nodes, []
    rank = {label: i for i, label in enumerate(_KEEP_ORDER)}
    degree = dict.fromkeys(nodes, 0)
    for s, t, _, _ in graph.edges:
        degree[s] += 1
        degree[t] += 1
    attrs = graph.node_attrs
    ordered = sorted(nodes, key=lambda n: (rank.get(attrs[n].get("label", ""), len(rank)), -degree[n], str(n)))
    kept, dropped = ordered[:max_nodes], ordered[max_nodes:]
    left_out: dict[str, int] = {}
    for node in dropped:
        label = attrs[node].get("label", "")
        left_out[label] = left_out.get(label, 0) + 1
    detail = "，".join(f"{type_zh(k)} {v:,} 个" for k, v in sorted(left_out.items(), key=lambda kv: -kv[1]))
    return kept, [f"图中共有 {len(nodes):,} 个节点，为保证浏览器流畅只显示 {max_nodes:,} 个（连接最多者优先）；"
                  f"未显示：{detail}。完整数据请用导出文件（GraphML/CSV）查看。"]


_TASK, _SECTION, _TARGET, _DOCUMENT = (NodeLabel.TASK.value, NodeLabel.SECTION.value, NodeLabel.TARGET.value,
                                      NodeLabel.DOCUMENT.value)
_NO_SKIP: frozenset[str] = frozenset()
_INHERITED = -2  # an edge's document is the one its endpoints have (the default in the page's rows)


def _node_entry(node: Hashable, attrs: Mapping[str, Any], documents: Mapping[str, str],
                cut: int) -> tuple[str, Any, Any, str, str, tuple[tuple[str, str], ...], tuple[str, ...], int]:
    """What a node's row holds before a view numbers its strings: (type, name or 0 when the page
    rebuilds it, document id, ref, quote, facts, aliases, 1 if the quote was cut to `cut`). Tuples
    of strings all through, which the collector stops tracking: a corpus' views cache one per node.

    >>> _node_entry("t", {"label": "Task", "name": "1 建设", "ref": "1", "text": "建设"}, {}, 0)
    ('Task', 0, None, '1', '建设', (), (), 0)
    """
    label = str(attrs.get("label", ""))
    name: Any = str(attrs.get("name", node))
    is_target = label == _TARGET and name == display_name(label, attrs)
    quote = str(attrs.get("text") or (attrs.get("title") if label == _SECTION else "") or "")
    ref = str(attrs.get("ref") or "")
    doc_id = attrs.get("document_id")
    was_cut = 0
    if cut and len(quote) > cut:
        quote = quote[:cut] + "…"
        was_cut = 1
    if label in (_TASK, _SECTION) and name == _rebuilt_name(label, ref, quote):
        name = 0
    elif label == _DOCUMENT and doc_id and name == documents.get(doc_id, doc_id):
        name = 0  # the docs table holds it
    pairs = tuple(_facts(attrs, skip=_TARGET_NAME_FIELDS if is_target else _NO_SKIP))
    return label, name, doc_id, ref, quote, pairs, tuple(str(a) for a in attrs.get("aliases") or ()), was_cut


def _edge_entry(key: Any, attrs: Mapping[str, Any], source: Mapping[str, Any],
                target: Mapping[str, Any]) -> tuple[str, str, int | str, Any, tuple[tuple[str, str], ...], float]:
    """What an edge's row holds before a view numbers its strings: (type, role, printed name, or
    -1 for none, -2 / -3 for printed as the target / source is named; document id, or -2 when it
    is the document of the target, else of the source; facts, width).

    >>> _edge_entry("R", {"type": "R", "role": "lead", "printed_name": "科技局", "document_id": "d"},
    ...             {"name": "市科技局"}, {"name": "1 建设", "document_id": "d"})
    ('R', 'lead', '科技局', -2, (), 0)
    """
    rel = str(attrs.get("type", key))
    doc = attrs.get("document_id")
    printed = attrs.get("printed_name") or attrs.get("printed_title") or ""
    extra = tuple((_EDGE_FACTS.get(k) or _COLUMN_ZH.get(k) or _FACT_ZH.get(k, k), _code_text(k, v))
                  for k, v in attrs.items() if k not in _EDGE_KNOWN and v not in (None, "", []))
    inherited = target.get("document_id") or source.get("document_id")
    printed_code: int | str
    if not printed:
        printed_code = -1
    elif printed == target.get("name"):  # printed as the entity is named: say so, not it
        printed_code = -2
    elif printed == source.get("name"):
        printed_code = -3
    else:
        printed_code = str(printed)
    return (rel, str(attrs.get("role") or ""), printed_code, _INHERITED if doc == inherited else doc, extra,
            _width(attrs.get("weight")))


def graph_to_view(graph: nx.MultiDiGraph | OrderedGraph, title: str, caption: str = "", *,
                  physics_limit: int = PHYSICS_LIMIT, max_nodes: int = MAX_NODES, quote_chars: int | None = None,
                  documents: Mapping[str, str] | None = None, focus: Hashable | None = None,
                  undirected: Collection[str] = (), open_limit: int = OPEN_LIMIT) -> View:
    """Turn a graph (as `plankg.graph.nx` builds it) into a `View`.

    Up to `physics_limit` nodes the browser lays the graph out with physics; above it the layout
    is computed here (`plankg.viz.layout.hub_layout`) and physics starts off. Above `max_nodes`
    the least connected leaves are left out and a note says how many of each type. Tooltip quotes
    (a task's or target's sentence, a section's title) are kept whole unless `quote_chars` asks
    to cut them, which a note then says. `focus` names the view's subject (a department, a plan),
    drawn larger and always labelled. Relationship types in `undirected` are symmetric (two
    departments sharing tasks) and drawn without arrows. Above `open_limit` nodes the page opens
    on a search box and a few well-connected nodes to start from, drawing one node's
    neighbourhood at a time (`start` is "search"), never the whole graph at once.

    The payload stores every string once; what the page can rebuild it does not carry:

    * `strings`: numbering paths, fact values, printed names, each once; `keys`: fact names;
      `docs`: document names. Rows refer to all three by index (-1: none).
    * node rows `[type, name, doc, ref, quote, facts]`: `name` 0 means the page rebuilds it (a
      task's or section's from `ref` and the quote, as `_rebuilt_name`; a document's from
      `docs`); `quote` is text, or `[k]` / `[k, start, end]` for node k's quote or a slice of
      it (`_share_quotes`); `facts` is a flat list `[key, string, key, string…]`.
    * edge rows `[source, targets, rel, role, printed, doc, facts, width]`: one row per source
      and edge kind, `targets` a node index or a list of them; `printed` -2 / -3 means printed
      as the target / source is named; `doc` -2 (the default) means the document of the
      target, else of the source.
    * `types` rows `[type, Chinese name, colour, shape, size]`; `rels` rows `[type, Chinese name,
      colour, dashed]`, with a fifth field 1 for a relationship drawn without arrows.
    * a task's responsible departments, a department's task count and the documents a shared
      entity appears in come from the edges in the page. Trailing default fields are dropped.
      `aliases` rows `[node, [string…]]` the other names a search finds a node by (a department's
      市科技局, a platform's 杭州城西科创大走廊),
      `focus` is the subject's node index, `xy` the precomputed positions of large views,
      `start` "search" for a view that opens on a search.

    Tooltips are assembled by the page script (viz/assets/view.js) from these fields. `graph` may
    be an `OrderedGraph` already (a part of a larger graph, as `write_views` reads each view).
    """
    if not isinstance(graph, OrderedGraph):
        graph = OrderedGraph.of(graph)
    # a node's entry, cached across the views of one graph, holds for the graph's own documents and
    # whole quotes; an edge's holds whatever the view (see `_node_entry`, `_edge_entry`)
    entries = graph.adjacency.node_entries if graph.adjacency is not None and not documents and not quote_chars \
        else None
    edge_entries = graph.adjacency.edge_entries if graph.adjacency is not None else None
    documents = {**graph.info.get("documents", {}), **(documents or {})}
    kept, notes = _choose_nodes(graph, max_nodes)
    node_attrs = graph.node_attrs
    index = {node: i for i, node in enumerate(kept)}
    physics = len(kept) <= physics_limit
    cut = quote_chars or 0

    # legends list types in the ontology's order in every view, then any others (query columns)
    order = {name: i for i, name in enumerate([*(label.value for label in NodeLabel), *(rel.value for rel in RelType)])}
    present = {str(node_attrs[n].get("label", "")) for n in kept}
    type_keys = {label: i for i, label in enumerate(sorted(present, key=lambda x: (order.get(x, len(order)), x)))}
    rels_present = {str(a.get("type", k)) for s, t, k, a in graph.edges if s in index and t in index}
    rel_keys = {rel: i for i, rel in enumerate(sorted(rels_present, key=lambda x: (order.get(x, len(order)), x)))}
    doc_of, strings, keys, roles = _Interned(), _Interned(), _Interned(), _Interned({"": 0})  # role 0: none

    def fact_row(pairs: Sequence[tuple[str, str]]) -> list[int]:
        return [i for zh, text in pairs for i in (keys[zh], strings[text])]

    rows: list[list[Any]] = []
    aliases: list[list[Any]] = []  # [node, [string…]]: other names a search finds the node by (市科技局)
    quotes: list[str] = []
    truncated = 0
    for node in kept:
        entry = entries.get(node) if entries is not None else None
        if entry is None:
            entry = _node_entry(node, node_attrs[node], documents, cut)
            if entries is not None:
                entries[node] = entry
        label, name, doc_id, ref, quote, pairs, also, was_cut = entry
        truncated += was_cut
        quotes.append(quote)
        rows.append([type_keys[label], name, doc_of[doc_id] if doc_id else -1, strings[ref] if ref else -1, quote,
                     fact_row(pairs) if pairs else []])
        if also:
            aliases.append([len(rows) - 1, [strings[a] for a in also]])
    if truncated:
        notes.append(f"为控制文件大小，悬停提示中的原文截至前 {cut} 字（{truncated:,} 处）。")
    _share_quotes(rows, quotes, graph, kept, index)
    nodes = [_trim(row, _NODE_DEFAULTS) for row in rows]

    # edges sharing a source and everything but the target travel as one row
    groups: dict[tuple, list[int]] = {}
    for s, t, key, attrs in graph.edges:
        if s not in index or t not in index:
            continue
        edge_entry = edge_entries.get((s, t, key)) if edge_entries is not None else None
        if edge_entry is None:
            edge_entry = _edge_entry(key, attrs, node_attrs[s], node_attrs[t])
            if edge_entries is not None:
                edge_entries[(s, t, key)] = edge_entry
        rel, role, printed_code, doc, extra, width = edge_entry
        if isinstance(printed_code, str):
            printed_code = strings[printed_code]
        group = (index[s], rel_keys[rel], roles[role], printed_code,
                 doc if doc == _INHERITED else doc_of[doc] if doc else -1, tuple(fact_row(extra)) if extra else (),
                 width)
        groups.setdefault(group, []).append(index[t])
    edges = []
    for (source, *rest), targets in groups.items():
        row = [source, targets[0] if len(targets) == 1 else targets, *rest]
        row[6] = list(row[6])
        edges.append(_trim(row, _EDGE_DEFAULTS))

    extra_colours = iter(_EXTRA_COLOURS * 10)
    types = []
    for label in type_keys:
        style = NODE_STYLES.get(label) or NodeStyle(next(extra_colours, "#999999"), "dot", 12)
        types.append([label, type_zh(label), style.colour, style.shape, style.size])
    rels = []
    for rel in rel_keys:
        rel_style = REL_STYLES.get(rel) or RelStyle(next(extra_colours, "#999999"))
        rels.append([rel, type_zh(rel), rel_style.colour, int(rel_style.dashed), *([1] if rel in undirected else [])])

    payload: dict[str, Any] = {"types": types, "rels": rels, "docs": [documents.get(d, d) for d in doc_of],
                               "roles": list(roles), "keys": list(keys), "strings": list(strings),
                               "taskNameChars": TASK_NAME_CHARS, "nodes": nodes, "edges": edges, "physics": physics}
    if aliases:
        payload["aliases"] = aliases
    if focus is not None and focus in index:
        payload["focus"] = index[focus]
    if len(kept) > open_limit:
        payload["start"] = "search"
        notes.append(f"图中有 {len(kept):,} 个节点，打开时不绘制全图：请搜索名称，或单击左侧列出的节点，"
                     "从它和它的邻居开始，再单击节点逐步展开。")
    if not physics:
        from plankg.viz.layout import hub_layout

        positions = hub_layout(graph.layout_graph(kept))
        payload["xy"] = [c for node in kept for c in positions[node]]
        if "start" not in payload:
            notes.append(f"节点超过 {physics_limit:,} 个：布局已预先计算，物理模拟默认关闭（可在左侧开启，但会很慢）。"
                         "可从一个节点开始：勾选左侧“从一个节点展开”后搜索，或打开 文件名.html#node=名称。")
    return View(title=title, caption=caption, payload=payload, notes=notes)


_QUOTE_REF_CHARS = 5  # shorter quotes cost fewer bytes than a reference [node, start, end]


def _share_quotes(rows: list[list[Any]], quotes: Sequence[str], graph: OrderedGraph, kept: Sequence[Hashable],
                  index: Mapping[Hashable, int]) -> None:
    """Replace a quote that another node already carries by a reference to it: `[k]` for the same
    text as node k, `[k, start, end]` for a slice of it (a target's clause inside the sentence of
    the task that sets it; offsets in UTF-16 code units, as JavaScript's `slice` counts). A slice
    refers only to a longer quote, so references never form a cycle.

    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("t", "x", key="SETS_TARGET"); g.add_edge("t2", "x", key="SETS_TARGET")
    'SETS_TARGET'
    'SETS_TARGET'
    >>> quote = "研发投入强度达到3%以上"
    >>> quotes = [f"加快建设𠀀，{quote}。", quote, f"加快建设𠀀，{quote}。"]
    >>> rows = [[0, 0, 0, -1, q, []] for q in quotes]
    >>> _share_quotes(rows, quotes, OrderedGraph.of(g), ["t", "x", "t2"], {"t": 0, "x": 1, "t2": 2})
    >>> [row[4] for row in rows]
    ['加快建设𠀀，研发投入强度达到3%以上。', [0, 7, 19], [0]]
    """
    first: dict[str, int] = {}
    for i, quote in enumerate(quotes):
        if len(quote) < _QUOTE_REF_CHARS:
            continue
        if quote in first:
            rows[i][4] = [first[quote]]
        else:
            first[quote] = i
    for quote, i in first.items():
        node = kept[i]
        for near in (*graph.predecessors(node), *graph.successors(node)):
            j = index.get(near)
            if j is None or len(quotes[j]) <= len(quote):
                continue
            at = quotes[j].find(quote)
            if at >= 0:
                start = _utf16_len(quotes[j][:at])
                rows[i][4] = [j, start, start + _utf16_len(quote)]
                break


def _utf16_len(text: str) -> int:
    """Length in UTF-16 code units (a character beyond the BMP, such as 𠀀, counts two).

    >>> _utf16_len("杭州"), _utf16_len("𠀀")
    (2, 2)
    """
    return len(text.encode("utf-16-le")) // 2


def _rebuilt_name(label: str, ref: str, quote: str) -> str:
    """The name the page script builds for a node row whose name is 0 (keep the two in step).

    >>> _rebuilt_name("Task", "二.1", "全面落实国家知识产权运营城市建设方案，加快推进保护中心建设")
    '二.1 全面落实国家知识产权运营城市建设…'
    >>> _rebuilt_name("Section", "三", "打造创新平台")
    '三 打造创新平台'
    """
    if label == _TASK and len(quote) > TASK_NAME_CHARS:
        quote = quote[:TASK_NAME_CHARS] + "…"
    return f"{ref} {quote}" if ref else quote  # no strip(): Python's and JavaScript's differ


_NODE_DEFAULTS: tuple[Any, ...] = (None, None, -1, -1, "", [])
_EDGE_DEFAULTS: tuple[Any, ...] = (None, None, None, 0, -1, -2, [], 0)


# The data block, inflated, is `JSON NUL alphabet NUL sentences`. Sentences (node quotes held as
# text) leave the JSON and are coded as ranks in `alphabet`, the view's characters most frequent
# first: deflate codes bytes, and one byte per character (instead of UTF-8's three for Chinese)
# lets it find a character's frequency, which takes a third off the synthetic benchmark's data.
# Rank r < 191 is the byte r + 1; a larger one two bytes, 192 + (r - 191) // 256 and the rest;
# NUL ends a node's sentence. One sentence per node, in order, empty when it stays in the JSON.
_ONE_BYTE_RANKS = 191
_MAX_RANKS = _ONE_BYTE_RANKS + 64 * 256
_RANK_SAMPLE = 250_000  # characters counted to rank the alphabet
DATA_LEVEL = 6  # zlib level: 1 packs ~3% larger, 9 ~1% smaller; either way coding costs about as much


def _rank_code(rank: int) -> str:
    """The bytes (as Latin-1 characters) that stand for a character's rank in the alphabet.

    >>> [_rank_code(r).encode("latin-1") for r in (0, 190, 191, 16574)]
    [b'\\x01', b'\\xbf', b'\\xc0\\x00', b'\\xff\\xff']
    """
    if rank < _ONE_BYTE_RANKS:
        return chr(rank + 1)
    rank -= _ONE_BYTE_RANKS
    return chr(192 + (rank >> 8)) + chr(rank & 255)


def pack_payload(payload: Mapping[str, Any], level: int = DATA_LEVEL) -> str:
    """A view's payload as its page carries it: sentences coded apart, all deflated (zlib format,
    which the browser's `DecompressionStream("deflate")` reads), in base64. `unpack_payload`
    gives the payload back exactly.

    >>> payload = {"nodes": [[0, "甲", -1, -1, "建设平台，建设𠀀"], [0, 0, 3, -1, [0, 0, 2]], [0, 0, 3, 4, "", [1, 2]]]}
    >>> packed = pack_payload(payload)
    >>> set(packed) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=")
    True
    >>> unpack_payload(packed) == payload
    True
    """
    rows = payload.get("nodes", [])
    quotes = [row[4] if len(row) > 4 and isinstance(row[4], str) else "" for row in rows]
    text = "".join(quotes)
    # ranks by the counts in an even sample: counting every character of 20k sentences is slow,
    # and only the order of the frequent ones (which get one byte) matters
    counts = collections.Counter(text[::1 + len(text) // _RANK_SAMPLE])
    present = set(text)
    present.discard("\0")  # NUL ends a sentence: one holding it stays in the JSON
    alphabet = sorted(present, key=lambda c: (-counts[c], c))[:_MAX_RANKS]
    codable = set(alphabet)
    whole = len(alphabet) == len(present)
    nodes, moved = [], []
    for row, quote in zip(rows, quotes, strict=True):
        if quote and (whole and "\0" not in quote or set(quote) <= codable):
            row = _trim([*row[:4], "", *row[5:]], _NODE_DEFAULTS)
        else:
            quote = ""
        nodes.append(row)
        moved.append(quote)
    table = {ord(c): _rank_code(r) for r, c in enumerate(alphabet)}
    coded = "".join(f"{q}\0" for q in moved).translate(table).encode("latin-1")
    head = json.dumps({**payload, "nodes": nodes}, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    raw = b"\0".join([head.encode("utf-8"), "".join(alphabet).encode("utf-8"), coded])
    return base64.b64encode(zlib.compress(raw, level)).decode("ascii")


def unpack(packed: str) -> tuple[str, list[str]]:
    """A packed payload's JSON text and the sentences coded apart from it (one per node, in order)."""
    head, alphabet_bytes, coded = zlib.decompress(base64.b64decode(packed)).split(b"\0", 2)
    alphabet = alphabet_bytes.decode("utf-8")
    sentences: list[str] = []
    chars: list[str] = []
    at = 0
    while at < len(coded):
        byte = coded[at]
        if byte == 0:
            sentences.append("".join(chars))
            chars = []
        elif byte < 192:
            chars.append(alphabet[byte - 1])
        else:
            at += 1
            chars.append(alphabet[_ONE_BYTE_RANKS + ((byte - 192) << 8 | coded[at])])
        at += 1
    return head.decode("utf-8"), sentences


def unpack_payload(packed: str) -> dict[str, Any]:
    """The payload `pack_payload` packed, as the page script rebuilds it."""
    head, sentences = unpack(packed)
    payload = json.loads(head)
    for row, sentence in zip(payload.get("nodes", []), sentences, strict=True):
        if sentence:
            row.extend(_NODE_DEFAULTS[len(row):4])
            row[4:5] = [sentence]
    return payload


_DATA_BLOCK = re.compile(r'<script type="application/octet-stream" id="plankg-data">([A-Za-z0-9+/=]*)</script>')


def _data_block(page: str) -> str:
    block = _DATA_BLOCK.search(page)
    if block is None:
        raise VizError("no plankg data block in this page", where="page_data",
                       fix="pass the text of a graph view written by plankg viz")
    return block.group(1)


def page_data(page: str) -> dict[str, Any]:
    """The payload of a written view page (for tests and tools that read views back)."""
    return unpack_payload(_data_block(page))


def page_data_text(page: str) -> str:
    """A page's data inflated, as text: its JSON, then the sentences coded apart from it, NUL
    between them. What a check that each string travels once reads."""
    head, sentences = unpack(_data_block(page))
    return "\0".join([head, *sentences])


_MARKER = re.compile(r"@@([A-Z_]+)@@")

# A folder of views (`write_views`) shares one copy of these files in `lib/` beside the pages,
# referenced relatively, so file:// and any static server open them; a view written on its own
# carries everything inline (`render_html` without `lib`).
LIB_DIR = "lib"
LIB_VIS_JS, LIB_VIEW_JS, LIB_VIEW_CSS, LIB_TABLE_JS = ("vis-network.min.js", "plankg-view.js", "plankg-view.css",
                                                       "plankg-table.js")
_CSP_INLINE = ("default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; "
               "img-src data:; font-src data:")
# `'self'` is how Chromium and a server match the folder; `file:` is how browsers that give each
# local file an origin of its own do. Neither reaches the network; no inline script runs.
_CSP_SHARED = ("default-src 'none'; script-src 'self' file:; style-src 'self' file: 'unsafe-inline'; "
               "img-src data:; font-src data:")
# shown until a script from lib/ runs and hides it: a page copied without its lib/ folder says why it is blank
LIB_MISSING = ('<p id="lib-missing" class="problem">找不到 lib 文件夹中的图形库：'
               '请把 lib 文件夹与本文件放在同一文件夹中。'
               '<span lang="en">The lib folder is missing: keep it beside this file.</span></p>')


def lib_files() -> dict[str, str]:
    """The shared assets of a folder of views, by file name under `lib/`: vis-network as pyvis
    ships it, vis-network's (pruned) CSS with ours, our page script, and the table script."""
    js, css = _vis_sources()
    return {LIB_VIS_JS: js, LIB_VIEW_CSS: css + "\n" + _own_asset("assets", "view.css"),
            LIB_VIEW_JS: _own_asset("assets", "view.js") + "\n" + _own_asset("assets", "boot.js"),
            LIB_TABLE_JS: _own_asset("assets", "table.js")}


def write_lib(out_dir: str | Path) -> list[Path]:
    """Write the shared assets into `out_dir/lib/` (replacing older copies) and return their paths."""
    lib = Path(out_dir) / LIB_DIR
    written = []
    try:
        lib.mkdir(parents=True, exist_ok=True)
        for name, text in lib_files().items():
            path = lib / name
            path.write_text(text, encoding="utf-8")
            written.append(path)
    except OSError as exc:
        raise VizError(f"cannot write the views' shared library: {exc.strerror}", where=str(lib),
                       fix="choose a writable output folder") from None
    return written


def render_html(view: View, lib: str | None = None) -> str:
    """The complete page for `view`: template, vis-network, page script and data (the last two
    packed). With `lib` (the relative URL of a folder `write_lib` filled, e.g. "lib"), the page
    loads vis-network, its CSS and the page script from there instead of carrying them."""
    notes = "".join(f'<p class="note">{html.escape(note)}</p>' for note in view.notes)
    values = {"TITLE": html.escape(view.title), "CAPTION": html.escape(view.caption), "NOTES": notes,
              "VERSION": _version(), "DATA": pack_payload(view.payload)}
    if lib is None:
        values.update(
            CSP=_CSP_INLINE,
            STYLES=f"<style>{vis_assets()[1]}</style>\n<style>{_own_asset('assets', 'view.css')}</style>",
            SCRIPTS=(f'<script type="application/octet-stream" id="plankg-vis">{_vis_packed()}</script>\n'
                     f"<script>{_own_asset('assets', 'view.js')}</script>\n"
                     f"<script>{_own_asset('assets', 'boot.js')}</script>"))
    else:
        base = html.escape(lib.rstrip("/"), quote=True)
        values["NOTES"] += LIB_MISSING
        values.update(
            CSP=_CSP_SHARED, STYLES=f'<link rel="stylesheet" href="{base}/{LIB_VIEW_CSS}">',
            SCRIPTS=f'<script src="{base}/{LIB_VIS_JS}"></script>\n<script src="{base}/{LIB_VIEW_JS}"></script>')
    # one pass: text substituted in is never scanned again, so a title cannot smuggle in a marker
    return _MARKER.sub(lambda m: values[m.group(1)], _own_asset("templates", "view.html"))


@lru_cache(maxsize=1)
def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("plankg")
    except PackageNotFoundError:
        return "dev"
