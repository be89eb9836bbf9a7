"""The graph as a `networkx.MultiDiGraph`: the common input of views, tables and exports.

Nodes are keyed by their content id and carry `label` (the node type, e.g. "Task"), `name`
(what a reader calls the entity, in Chinese) and their non-null properties. Edges are keyed by
relationship type and carry `type` plus their non-null properties. The store is read with
plain per-label and per-type Cypher built from the ontology vocabulary, so the same queries run
on LadybugDB and Neo4j without dialect functions such as `label(n)` or `labels(n)`.

>>> g = networkx_from_records(
...     [{"label": "Department", "id": "department-1", "name": "杭州市科学技术局"},
...      {"label": "Task", "id": "task-1", "ref": "二.(一).1", "text": "加快建设创新平台", "document_id": "d1"}],
...     [{"type": "RESPONSIBLE_FOR", "source": "department-1", "target": "task-1", "role": "lead"}])
>>> g.nodes["task-1"]["name"], g.nodes["task-1"]["label"]
('二.(一).1 加快建设创新平台', 'Task')
>>> list(g.edges(keys=True, data="role"))
[('department-1', 'task-1', 'RESPONSIBLE_FOR', 'lead')]
"""
from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import networkx as nx

from plankg.graph.store import GraphReader
from plankg.ontology.model import DocumentGraph
from plankg.ontology.vocab import DOCUMENT_OWNED, NODE_PROPERTIES, REL_ENDPOINTS, REL_PROPERTIES, NodeLabel, RelType

_COMPARATORS = {">=": "≥", "<=": "≤", "~": "约", "=": "", ">": ">", "<": "<"}
# Long task sentences make unreadable node names; the full sentence stays in `text`.
TASK_NAME_CHARS = 16
# the labels `display_name` tells apart, read once (an enum member's `.value` is a property call)
_PLAN, _TASK, _SECTION, _TARGET = (NodeLabel.PLAN.value, NodeLabel.TASK.value, NodeLabel.SECTION.value,
                                   NodeLabel.TARGET.value)


def _number(value: Any) -> str:
    """A figure as printed in a plan: no trailing ".0".

    >>> _number(3.0), _number(2.5), _number(None)
    ('3', '2.5', '')
    """
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def display_name(label: str, props: Mapping[str, Any]) -> str:
    """What a reader calls a node: a department's name, a plan's title, a task's ref and first words.

    >>> display_name("Plan", {"title": "杭州市科技创新“十四五”规划"})
    '杭州市科技创新“十四五”规划'
    >>> display_name("Target", {"metric": "研发投入强度", "value": 3.5, "unit": "%", "comparator": ">=", "year": 2025})
    '研发投入强度 ≥3.5% (2025)'
    >>> display_name("Section", {"ref": "三.(二)", "title": "打造创新平台"})
    '三.(二) 打造创新平台'
    >>> display_name("Task", {"ref": "1", "text": "全面落实国家知识产权运营城市建设方案，加快推进保护中心建设"})
    '1 全面落实国家知识产权运营城市建设…'
    """
    if label == _PLAN:
        return props.get("title") or "（未命名规划）"
    if label == _TASK:
        text = props.get("text") or ""
        short = text if len(text) <= TASK_NAME_CHARS else text[:TASK_NAME_CHARS] + "…"
        return f"{props.get('ref') or ''} {short}".strip()
    if label == _SECTION:
        return f"{props.get('ref') or ''} {props.get('title') or ''}".strip()
    if label == _TARGET:
        comparator = _COMPARATORS.get(props.get("comparator") or "=", "")
        figure = f"{comparator}{_number(props.get('value'))}{props.get('unit') or ''}"
        year = f" ({props['year']})" if props.get("year") else ""
        return f"{props.get('metric') or ''} {figure}".strip() + year
    return str(props.get("name") or props.get("id") or "")


def networkx_from_records(nodes: Iterable[Mapping[str, Any]], edges: Iterable[Mapping[str, Any]],
                          documents: Mapping[str, str] | None = None) -> nx.MultiDiGraph:
    """Build the graph from node records (`label`, `id`, properties) and edge records
    (`type`, `source`, `target`, properties). None values are dropped, since GraphML and GEXF
    cannot hold them; an edge whose endpoint is missing is dropped too."""
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    graph.graph["documents"] = dict(documents or {})
    # networkx' own dicts, filled as `add_node` and `add_edge` fill them, without their checks and
    # copies per call: those were a third of reading a corpus of 5,000 documents
    node_attrs, succ, pred = graph._node, graph._succ, graph._pred  # type: ignore[attr-defined]  # not in the stubs
    for record in nodes:
        attrs = {k: v for k, v in record.items() if v is not None and k != "id"}
        attrs["name"] = display_name(record["label"], record)
        node = record["id"]
        if node in node_attrs:
            node_attrs[node].update(attrs)
        else:
            node_attrs[node], succ[node], pred[node] = attrs, {}, {}
    for record in edges:
        source, target = record["source"], record["target"]
        if source not in node_attrs or target not in node_attrs:
            continue
        attrs = {k: v for k, v in record.items() if v is not None and k != "source" and k != "target"}
        keyed = succ[source].get(target)
        if keyed is None:
            keyed = succ[source][target] = pred[target][source] = {}
        key = record["type"]
        if key in keyed:
            keyed[key].update(attrs)
        else:
            keyed[key] = attrs
    return graph


def read_queries(*, by_document: bool = False) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The Cypher `store_to_networkx` runs: (label, query) per node label and (type, query) per
    relationship type and endpoint pair. Plain Cypher that LadybugDB and Neo4j both accept; with
    `by_document`, queries take `$docs`.

    >>> nodes, edges = read_queries()
    >>> nodes[3][1][:66]
    'MATCH (n:Task) RETURN n.id AS `id`, n.document_id AS `document_id`'
    >>> nodes[0][1].endswith("ORDER BY n.id")
    True
    >>> [q for t, q in edges if t == "RESPONSIBLE_FOR"][0][:66]
    'MATCH (a:Department)-[r:RESPONSIBLE_FOR]->(b:Task) RETURN a.id AS '
    """
    node_queries = []
    for label in NodeLabel:
        where = ""
        if by_document and label in DOCUMENT_OWNED:
            # plans known only through a citation carry no document; kept if an edge reaches them
            where = " WHERE n.document_id IN $docs" + (" OR n.document_id IS NULL" if label is NodeLabel.PLAN else "")
        columns = ", ".join(f"n.{p} AS `{p}`" for p in NODE_PROPERTIES[label])
        node_queries.append((label.value, f"MATCH (n:{label.value}){where} RETURN {columns} ORDER BY n.id"))
    edge_queries = []
    for rel in RelType:
        where = " WHERE r.document_id IN $docs" if by_document else ""
        columns = "".join(f", r.{p} AS `{p}`" for p in REL_PROPERTIES[rel])
        for s_label, t_label in REL_ENDPOINTS[rel]:
            edge_queries.append((rel.value, f"MATCH (a:{s_label.value})-[r:{rel.value}]->(b:{t_label.value}){where} "
                                            f"RETURN a.id AS `source`, b.id AS `target`{columns} ORDER BY a.id, b.id"))
    return node_queries, edge_queries


def store_to_networkx(store: GraphReader, *, document_ids: Sequence[str] | None = None) -> nx.MultiDiGraph:
    """Read every node and relationship of `store` (a `plankg.graph.store.GraphStore`).

    With `document_ids`, keep the facts those documents assert: their own nodes and
    relationships, and the shared nodes (departments, platforms, enterprises, cited plans) those
    relationships reach. `graph.graph["documents"]` maps document ids to file names, for captions
    and tooltips.
    """
    docs = list(document_ids) if document_ids is not None else None
    params = {"docs": docs} if docs is not None else {}
    node_queries, edge_queries = read_queries(by_document=docs is not None)
    results = _results(store, [*node_queries, *edge_queries], params)
    document_label = NodeLabel.DOCUMENT.value
    if docs is None:
        # the whole store, built as the rows come while a helper thread runs the next queries
        documents: dict[str, str] = {}

        def node_records() -> Iterator[dict[str, Any]]:
            for _ in node_queries:
                label, rows = next(results)
                for row in rows:
                    record = {"label": label, **row}
                    if label == document_label:
                        documents[record["id"]] = record.get("name") or record["id"]
                    yield record

        graph = networkx_from_records(node_records(), ({"type": rel, **row} for rel, rows in results for row in rows))
        graph.graph["documents"] = documents
        return graph
    nodes = [{"label": label, **row} for label, rows in itertools.islice(results, len(node_queries)) for row in rows]
    edges = [{"type": rel, **row} for rel, rows in results for row in rows]
    reached = {e["source"] for e in edges} | {e["target"] for e in edges}
    nodes = [n for n in nodes
             if (NodeLabel(n["label"]) in DOCUMENT_OWNED and n.get("document_id") is not None) or n["id"] in reached]
    return networkx_from_records(nodes, edges, {n["id"]: n.get("name") or n["id"] for n in nodes
                                                if n["label"] == document_label})


def _results(store: GraphReader, queries: Sequence[tuple[str, str]],
             params: Mapping[str, Any]) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """(name, rows) of each query, in order: a helper thread runs the queries one after the other
    (the store's own work, outside Python's lock) while the caller builds from the rows before."""
    from concurrent.futures import ThreadPoolExecutor

    pool = ThreadPoolExecutor(1, thread_name_prefix="plankg-read")
    try:
        pending = [(name, pool.submit(store.run, cypher, params)) for name, cypher in queries]
        for name, rows in pending:
            yield name, rows.result()
    finally:
        pool.shutdown(cancel_futures=True)


def document_graphs_to_networkx(graphs: Iterable[DocumentGraph]) -> nx.MultiDiGraph:
    """The graph of documents read from files (`DocumentGraph`s, as ingest assembles them), in the
    form `store_to_networkx` reads from a store: a diff or an analysis reads both alike. A node two
    documents share (a department) is one node.

    >>> from plankg.ontology.model import Department, DocumentGraph, Relationship, Task
    >>> task = Task(id="task-1", document_id="d", ref="1", text="建设平台", rule="r")
    >>> dept = Department(id="department-1", name="杭州市科学技术局")
    >>> rel = Relationship(type="RESPONSIBLE_FOR", source_label="Department", source="department-1",
    ...                    target_label="Task", target="task-1", document_id="d", rule="r", role="lead")
    >>> g = document_graphs_to_networkx([DocumentGraph(document_id="d", nodes=[task, dept], relationships=[rel])])
    >>> list(g.edges(keys=True, data="role")), g.nodes["task-1"]["name"]
    ([('department-1', 'task-1', 'RESPONSIBLE_FOR', 'lead')], '1 建设平台')
    """
    nodes: dict[str, dict[str, Any]] = {}
    edges: list[dict[str, Any]] = []
    documents: dict[str, str] = {}
    for graph in graphs:
        for node in graph.nodes:
            nodes.setdefault(node.id, {"label": node.label.value, **node.properties()})
            if node.label is NodeLabel.DOCUMENT:
                documents[node.id] = getattr(node, "name", node.id)
        edges.extend({"type": r.type.value, "source": r.source, "target": r.target, **r.properties()}
                     for r in graph.relationships)
    return networkx_from_records(nodes.values(), edges, documents)


# Result columns that name an entity without naming its type.
_COLUMN_TYPES = {"issuer": "Department", "citing": "Plan", "cited": "Plan", "ancestor": "Plan", "holder": "Section",
                 "dept": "Department"}


def _name_column(column: str, columns: Iterable[str]) -> str | None:
    """For an id column (`task_id`), the column a reader would rather see (`task`, `task_ref`…).

    >>> _name_column("task_id", ["plan", "task_id", "task_ref"]), _name_column("department", ["department"])
    ('task_ref', None)
    """
    if not column.endswith("_id"):
        return None
    base = column[:-3]
    return next((c for c in (base, f"{base}_name", f"{base}_title", f"{base}_text", f"{base}_ref") if c in columns),
                None)


def column_node_type(column: str) -> str:
    """The node type a result column most likely holds: `department_a` and `task_id` name theirs.

    >>> column_node_type("department_a"), column_node_type("task_id"), column_node_type("plans"), column_node_type("x")
    ('Department', 'Task', 'Plan', 'x')
    """
    base = column.lower()
    for suffix in ("_id", "_name", "_title", "_ref", "_a", "_b", "_1", "_2"):
        if base.endswith(suffix) and base != suffix.lstrip("_"):
            base = base[: -len(suffix)]
    if base in _COLUMN_TYPES:
        return _COLUMN_TYPES[base]
    for label in NodeLabel:
        if label.value.lower() in (base, base.rstrip("s")):
            return label.value
    return column


def rows_to_networkx(rows: Iterable[Mapping[str, Any]], *, source: str, target: str, rel: str | None = None,
                     weight: str | None = None, source_label: str | None = None,
                     target_label: str | None = None) -> nx.MultiDiGraph:
    """Turn query result rows into a graph, following a query's viz hints.

    `source` and `target` name the columns whose values become nodes; `rel` names the column
    whose value labels the edge (or, when no such column exists, is the edge label itself);
    `weight` names a numeric column stored as the edge's `weight`. A node's type is
    `source_label`/`target_label` when given, else what `column_node_type` reads from the column
    name; nodes of one type with the same value are one node. An id column (`task_id`) is shown
    by its sibling name column (`task`, `task_ref`…) when the rows have one. Other columns become
    edge attributes. Rows with an empty endpoint are skipped.

    >>> rows = [{"department": "杭州市科学技术局", "role": "lead", "task": "二.1 建设平台"},
    ...         {"department": "杭州市财政局", "role": "support", "task": "二.1 建设平台"}]
    >>> g = rows_to_networkx(rows, source="department", rel="role", target="task")
    >>> sorted((d["label"], d["name"]) for _, d in g.nodes(data=True))
    [('Department', '杭州市科学技术局'), ('Department', '杭州市财政局'), ('Task', '二.1 建设平台')]
    >>> sorted(k for _, _, k in g.edges(keys=True))
    ['lead', 'support']
    >>> pairs = rows_to_networkx([{"department_a": "甲", "department_b": "乙", "shared_tasks": 3}],
    ...                          source="department_a", target="department_b", weight="shared_tasks")
    >>> list(pairs.edges(data="weight"))
    [('Department:甲', 'Department:乙', 3)]
    """
    s_type, t_type = source_label or column_node_type(source), target_label or column_node_type(target)
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    graph.graph["documents"] = {}
    names: tuple[str, str] | None = None
    for row in rows:
        if names is None:
            names = (_name_column(source, row) or source, _name_column(target, row) or target)
        s_name, t_name = names
        s_value, t_value = row.get(source), row.get(target)
        if s_value in (None, "") or t_value in (None, ""):
            continue
        s_key, t_key = f"{s_type}:{s_value}", f"{t_type}:{t_value}"
        graph.add_node(s_key, label=s_type, name=str(row.get(s_name) or s_value))
        graph.add_node(t_key, label=t_type, name=str(row.get(t_name) or t_value))
        if rel is not None and rel in row:
            edge_type = str(row[rel]) if row[rel] is not None else rel
        else:
            edge_type = rel or "related"
        extra = {k: v for k, v in row.items() if k not in (source, target, rel, s_name, t_name) and v is not None}
        if weight is not None and row.get(weight) is not None:
            extra["weight"] = row[weight]
        graph.add_edge(s_key, t_key, key=edge_type, type=edge_type, **extra)
    return graph
