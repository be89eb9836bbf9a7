"""Rows a store writes, built from model instances: pure data in, pure data out.

Every backend writes the same rows, so the rules for merging a node seen twice live here once:

* a node's non-null properties win over what the store holds (`coalesce(new, old)`),
  so a missing value never wipes a known one;
* a citation stub (a `Plan` with no `document_id`, known only because another plan cites it)
  is weaker: it only fills properties the store does not have yet (`coalesce(old, new)`),
  so citing a plan never overwrites that plan's own facts;
* a relationship is one per (type, source, target); the last assertion's properties win.

>>> from plankg.ontology.model import Plan
>>> real = Plan(id="plan-1", document_id="doc-a", title="杭州市科技发展规划", date="2021-06-01")
>>> stub = Plan(id="plan-1", title="《杭州市科技发展规划》")
>>> is_stub(NodeLabel.PLAN, node_row(stub)), is_stub(NodeLabel.PLAN, node_row(real))
(True, False)
>>> merged = merge_nodes(NodeLabel.PLAN, [real, stub])
>>> merged[0]["title"], merged[0]["document_id"]
('杭州市科技发展规划', 'doc-a')
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache
from operator import itemgetter
from typing import Any

from plankg.ontology.model import DocumentGraph, Node, Relationship
from plankg.ontology.vocab import NODE_PROPERTIES, REL_PROPERTIES, NodeLabel, RelType

# (relationship type, source label, target label): one write statement each
RelGroup = tuple[RelType, NodeLabel, NodeLabel]


def node_row(node: Node) -> dict[str, Any]:
    """All of a node's properties, keyed as the vocabulary keys them (a test keeps model == vocab).

    >>> from plankg.ontology.model import Enterprise
    >>> node_row(Enterprise(id="enterprise-1", name="联想"))
    {'id': 'enterprise-1', 'name': '联想'}
    """
    # pydantic keeps validated field values in __dict__: copying it is ~20x faster than model_dump
    return dict(vars(node))


def relationship_row(rel: Relationship) -> dict[str, Any]:
    """`source`, `target` and the properties the vocabulary declares for the relationship's type.

    >>> r = Relationship(type="RESPONSIBLE_FOR", source_label="Department", source="department-1",
    ...                  target_label="Task", target="task-1", document_id="doc-a", rule="resp.v1", role="lead")
    >>> relationship_row(r)["role"], sorted(relationship_row(r))[:3]
    ('lead', ['document_id', 'printed_name', 'role'])
    """
    row: dict[str, Any] = {"source": rel.source, "target": rel.target}
    for prop in REL_PROPERTIES[rel.type]:
        value = getattr(rel, prop)
        row[prop] = value.value if hasattr(value, "value") else value  # Role enum -> its string
    return row


def is_stub(label: NodeLabel, row: Mapping[str, Any]) -> bool:
    """A citation stub: a plan known only by another plan's reference to it."""
    return label is NodeLabel.PLAN and row.get("document_id") is None


def demoted_plan_properties() -> dict[str, Any]:
    """What a plan's own properties become when its document is deleted while other plans still
    cite it: a citation stub's values, so the plan looks as if only cited (its title stays).

    >>> demoted = demoted_plan_properties()
    >>> demoted["issuers"], demoted["document_id"], "title" in demoted
    ([], None, False)
    """
    from plankg.ontology.model import Plan

    stub = Plan(id="stub")
    return {p: getattr(stub, p) for p in NODE_PROPERTIES[NodeLabel.PLAN] if p not in ("id", "title")}


def merge_properties(old: Mapping[str, Any], new: Mapping[str, Any], *, stub: bool) -> dict[str, Any]:
    """The properties a store holds after merging `new` into `old` (see the module rules).

    >>> merge_properties({"id": "p", "title": "A", "date": None}, {"id": "p", "title": "B", "date": "2021"}, stub=False)
    {'id': 'p', 'title': 'B', 'date': '2021'}
    >>> merge_properties({"id": "p", "title": "A", "date": None}, {"id": "p", "title": "B", "date": "2021"}, stub=True)
    {'id': 'p', 'title': 'A', 'date': '2021'}
    """
    out = dict(old)
    for key, value in new.items():
        if stub:
            if out.get(key) is None:
                out[key] = value
        elif value is not None:
            out[key] = value
    return out


def merge_nodes(label: NodeLabel, nodes: Iterable[Node | Mapping[str, Any]]) -> list[dict[str, Any]]:
    """One row per id, merged as successive MERGE statements would merge them: real rows in order,
    then citation stubs.

    >>> from plankg.ontology.model import Department
    >>> rows = merge_nodes(NodeLabel.DEPARTMENT, [Department(id="d1", name="科技局"),
    ...                                          Department(id="d1", name="科技局", jurisdiction="杭州市")])
    >>> [(r["id"], r["jurisdiction"]) for r in rows]
    [('d1', '杭州市')]
    """
    rows = [node_row(node) if isinstance(node, Node) else dict(node) for node in nodes]
    # real rows first: a stub only fills what every real row left empty, whatever the order
    rows = [r for r in rows if not is_stub(label, r)] + [r for r in rows if is_stub(label, r)]
    merged: dict[str, dict[str, Any]] = {}
    for row in rows:
        old = merged.get(row["id"])
        merged[row["id"]] = row if old is None else merge_properties(old, row, stub=is_stub(label, row))
    return list(merged.values())


def node_rows_by_label(graphs: Iterable[DocumentGraph]) -> dict[NodeLabel, list[dict[str, Any]]]:
    """Every node of `graphs`, merged per label (vocabulary order, labels without nodes left out)."""
    return {label: merge_nodes(label, nodes) for label, nodes in group_nodes(graphs).items()}


def relationship_rows_by_group(graphs: Iterable[DocumentGraph]) -> dict[RelGroup, list[dict[str, Any]]]:
    """Every relationship of `graphs` as rows, grouped by (type, source label, target label),
    one row per (source, target) with the last assertion winning.

    >>> from plankg.ontology.model import DocumentGraph
    >>> r = dict(type="HAS_TASK", source_label="Section", source="s1", target_label="Task", target="t1",
    ...          document_id="doc-a", rule="r.v1")
    >>> g = DocumentGraph(document_id="doc-a", nodes=[], relationships=[Relationship(**r), Relationship(**r)])
    >>> {k[0].value: len(v) for k, v in relationship_rows_by_group([g]).items()}
    {'HAS_TASK': 1}
    """
    groups: dict[RelGroup, dict[tuple[str, str], dict[str, Any]]] = {}
    for graph in graphs:
        for rel in graph.relationships:
            rows = groups.setdefault((rel.type, rel.source_label, rel.target_label), {})
            rows[(rel.source, rel.target)] = relationship_row(rel)
    return {key: list(rows.values()) for key, rows in groups.items()}


def node_columns(label: NodeLabel) -> list[str]:
    """A label's property names in vocabulary order, `id` first.

    >>> node_columns(NodeLabel.ENTERPRISE)
    ['id', 'name']
    """
    return list(NODE_PROPERTIES[label])


def relationship_columns(rel: RelType) -> list[str]:
    """`source`, `target`, then the type's properties in vocabulary order.

    >>> relationship_columns(RelType.ISSUED_BY)
    ['source', 'target', 'document_id', 'rule', 'printed_name']
    """
    return ["source", "target", *REL_PROPERTIES[rel]]


@cache
def _row_getter(names: tuple[str, ...]) -> Callable[[Mapping[str, Any]], tuple[Any, ...]]:
    """One C-level call per row that reads `names` from a model instance's field dict (see
    `_read_rows`) into a tuple: on the bulk path this is most of the Python cost. One getter per
    row is about twice as fast as one pass per column (each pass walks every instance again, and
    they are scattered over the heap).

    >>> _row_getter(("id",))({"id": "e1", "name": "联想"}), _row_getter(("name", "id"))({"id": "e1", "name": "联想"})
    (('e1',), ('联想', 'e1'))
    """
    if len(names) == 1:
        one = itemgetter(names[0])
        return lambda fields: (one(fields),)
    return itemgetter(*names)


# rows per C-level call below: LadybugDB takes the GIL back now and then while it scans an Arrow
# table, and a thread building the next table lets it go only between calls
_SLICE = 2048


def _read_rows(getter: Callable[[Mapping[str, Any]], tuple[Any, ...]], items: Sequence[Any]) -> list[tuple[Any, ...]]:
    """`getter` over the field dicts of `items` (model instances), a slice at a time. Pydantic
    keeps validated field values in the instance `__dict__`; reading them there is ~10% faster
    than attribute access, which looks through the model class first."""
    rows: list[tuple[Any, ...]] = []
    for start in range(0, len(items), _SLICE):
        rows += map(getter, map(vars, items[start:start + _SLICE]))
    return rows


def _all_distinct(rows: Sequence[tuple[Any, ...]], key: Callable[[tuple[Any, ...]], Any]) -> bool:
    seen: set[Any] = set()
    for start in range(0, len(rows), _SLICE):
        seen.update(map(key, rows[start:start + _SLICE]))
    return len(seen) == len(rows)


def group_nodes(graphs: Iterable[DocumentGraph]) -> dict[NodeLabel, list[Node]]:
    """Every node of `graphs` by label, in vocabulary order."""
    by_label: dict[NodeLabel, list[Node]] = {}
    for graph in graphs:
        for node in graph.nodes:
            by_label.setdefault(node.label, []).append(node)
    return {label: by_label[label] for label in NodeLabel if label in by_label}


def read_node_rows_by_label(graphs: Iterable[DocumentGraph]) -> dict[NodeLabel, list[tuple[Any, ...]]]:
    """Every node of `graphs` as a `read_node_rows` tuple, by label (vocabulary order), in one
    pass: grouping the models first and reading each group again costs half as much more. Rows
    are as given: ids may repeat (see `merge_node_rows`).

    >>> from plankg.ontology.model import Enterprise
    >>> g = DocumentGraph(document_id="d", nodes=[Enterprise(id="e1", name="联想")], relationships=[])
    >>> read_node_rows_by_label([g, g])
    {<NodeLabel.ENTERPRISE: 'Enterprise'>: [('e1', '联想'), ('e1', '联想')]}
    """
    node_rows: dict[NodeLabel, list[tuple[Any, ...]]] = {}
    by_class: dict[type, tuple[Callable, list]] = {}
    # a plain loop: the interpreter may hand the GIL to the database between any two rows
    for graph in graphs:
        for node in graph.nodes:
            try:
                get, rows = by_class[type(node)]
            except KeyError:
                label = node.label
                get, rows = by_class[type(node)] = (_row_getter(_NODE_COLUMNS[label]),
                                                    node_rows.setdefault(label, []))
            rows.append(get(vars(node)))
    return {label: node_rows[label] for label in NodeLabel if label in node_rows}


def read_relationship_rows_by_group(graphs: Iterable[DocumentGraph]) -> dict[RelGroup, list[tuple[Any, ...]]]:
    """Every relationship of `graphs` as a `read_relationship_rows` tuple, by (type, source
    label, target label) in order of first appearance, in one pass (see
    `read_node_rows_by_label`). Pairs may repeat (see `last_relationship_rows`).

    >>> r = Relationship(type="BUILT_BY", source_label="Project", source="p1", target_label="Enterprise",
    ...                  target="e1", document_id="d", rule="r.v1", printed_name="联想")
    >>> graph = DocumentGraph(document_id="d", nodes=[], relationships=[r])
    >>> read_relationship_rows_by_group([graph])  # doctest: +NORMALIZE_WHITESPACE
    {(<RelType.BUILT_BY: 'BUILT_BY'>, <NodeLabel.PROJECT: 'Project'>, <NodeLabel.ENTERPRISE: 'Enterprise'>): [('p1',
    'e1', 'd', 'r.v1', '联想')]}
    """
    rel_rows: dict[RelGroup, list[tuple[Any, ...]]] = {}
    by_key: dict[tuple, tuple[Callable, list]] = {}
    rel_key = _row_getter(("type", "source_label", "target_label"))
    for graph in graphs:
        for fields in map(vars, graph.relationships):
            key = rel_key(fields)
            try:
                get, rows = by_key[key]
            except KeyError:
                group = (RelType(key[0]), NodeLabel(key[1]), NodeLabel(key[2]))
                get, rows = by_key[key] = (_row_getter(_REL_COLUMNS[group[0]]), rel_rows.setdefault(group, []))
            rows.append(get(fields))
    return rel_rows


def node_label_rows(label: NodeLabel, nodes: Sequence[Node]) -> list[tuple[Any, ...]]:
    """One label's nodes as value tuples in `node_columns` order, one per id, merged like
    `merge_nodes`; read straight from the validated models (one dict per row would cost more
    than COPY). Only ids that occur more than once go through the merge rules.

    A `Role` stays the str enum it is: Arrow and the drivers take it as its value.

    >>> from plankg.ontology.model import Enterprise
    >>> node_label_rows(NodeLabel.ENTERPRISE, [Enterprise(id="e1", name="联想"), Enterprise(id="e2", name="华为")])
    [('e1', '联想'), ('e2', '华为')]
    >>> node_label_rows(NodeLabel.ENTERPRISE, [Enterprise(id="e1", name="联想"), Enterprise(id="e2", name="华为"),
    ...                                        Enterprise(id="e1", name="联想集团")])
    [('e2', '华为'), ('e1', '联想集团')]
    """
    rows = read_node_rows(label, nodes)
    return rows if _all_distinct(rows, itemgetter(0)) else merge_node_rows(label, rows)


def read_node_rows(label: NodeLabel, nodes: Sequence[Node]) -> list[tuple[Any, ...]]:
    """`node_label_rows` before merging: one tuple per node as given, ids possibly repeated."""
    return _read_rows(_row_getter(_NODE_COLUMNS[label]), nodes)


def merge_node_rows(label: NodeLabel, rows: Sequence[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """One tuple per id of `read_node_rows` output: ids seen once keep their row, in order,
    then each repeated id's rows merged by the module rules.

    >>> merge_node_rows(NodeLabel.ENTERPRISE, [("e1", "联想"), ("e2", "华为"), ("e1", None)])
    [('e2', '华为'), ('e1', '联想')]
    """
    names = _NODE_COLUMNS[label]
    ids = list(map(itemgetter(0), rows))
    seen = Counter(ids)
    unique = [row for node_id, row in zip(ids, rows, strict=True) if seen[node_id] == 1]
    repeated: dict[str, list[tuple[Any, ...]]] = {}
    for node_id, row in zip(ids, rows, strict=True):
        if seen[node_id] > 1:
            repeated.setdefault(node_id, []).append(row)
    get = itemgetter(*names)
    for group in repeated.values():
        # ingest repeats a shared node unchanged in every document that names it: nothing to merge
        if all(row == group[0] for row in group):
            unique.append(group[0])
        else:
            merged = get(merge_nodes(label, [dict(zip(names, row, strict=True)) for row in group])[0])
            unique.append(merged if len(names) > 1 else (merged,))
    return unique


def relationship_group_rows(rel: RelType, rels: Sequence[Relationship]) -> list[tuple[Any, ...]]:
    """One group's relationships as value tuples in `relationship_columns` order, one per
    (source, target), the last assertion winning.

    >>> r = dict(type="BUILT_BY", source_label="Project", source="p1", target_label="Enterprise", target="e1",
    ...          document_id="doc-a", rule="r.v1")
    >>> relationship_group_rows(RelType.BUILT_BY, [Relationship(**r), Relationship(**r, printed_name="联想")])
    [('p1', 'e1', 'doc-a', 'r.v1', '联想')]
    """
    rows = read_relationship_rows(rel, rels)
    # distinct targets (a task's one section) rule out a repeated pair, and cost less to check
    if _all_distinct(rows, itemgetter(1)) or _all_distinct(rows, itemgetter(0, 1)):
        return rows
    return last_relationship_rows(rows)


def read_relationship_rows(rel: RelType, rels: Sequence[Relationship]) -> list[tuple[Any, ...]]:
    """`relationship_group_rows` before merging: one tuple per relationship, pairs possibly repeated."""
    return _read_rows(_row_getter(_REL_COLUMNS[rel]), rels)


def last_relationship_rows(rows: Sequence[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """One tuple per (source, target) of `read_relationship_rows` output: the last one, in order.

    >>> last_relationship_rows([("a", "b", "lead"), ("a", "c", "lead"), ("a", "b", "support")])
    [('a', 'c', 'lead'), ('a', 'b', 'support')]
    """
    last = dict(zip(map(itemgetter(0, 1), rows), range(len(rows)), strict=True))
    return [rows[i] for i in sorted(last.values())]


def node_label_columns(label: NodeLabel, nodes: Sequence[Node]) -> dict[str, list[Any]]:
    """`node_label_rows` as columns, keyed by property.

    >>> from plankg.ontology.model import Enterprise
    >>> node_label_columns(NodeLabel.ENTERPRISE, [Enterprise(id="e1", name="联想"),
    ...                                           Enterprise(id="e1", name="联想集团")])
    {'id': ['e1'], 'name': ['联想集团']}
    """
    return _transpose(_NODE_COLUMNS[label], node_label_rows(label, nodes))


def relationship_group_columns(rel: RelType, rels: Sequence[Relationship]) -> dict[str, list[Any]]:
    """`relationship_group_rows` as columns, keyed by `relationship_columns`.

    >>> r = dict(type="BUILT_BY", source_label="Project", source="p1", target_label="Enterprise", target="e1",
    ...          document_id="doc-a", rule="r.v1")
    >>> relationship_group_columns(RelType.BUILT_BY, [Relationship(**r), Relationship(**r, printed_name="联想")])
    {'source': ['p1'], 'target': ['e1'], 'document_id': ['doc-a'], 'rule': ['r.v1'], 'printed_name': ['联想']}
    """
    return _transpose(_REL_COLUMNS[rel], relationship_group_rows(rel, rels))


def _transpose(names: Sequence[str], rows: Sequence[tuple[Any, ...]]) -> dict[str, list[Any]]:
    if not rows:
        return {name: [] for name in names}
    return dict(zip(names, map(list, zip(*rows, strict=True)), strict=True))


_NODE_COLUMNS: dict[NodeLabel, tuple[str, ...]] = {label: tuple(node_columns(label)) for label in NodeLabel}
_REL_COLUMNS: dict[RelType, tuple[str, ...]] = {rel: tuple(relationship_columns(rel)) for rel in RelType}


def rows_by_endpoint_labels(
    rows: Iterable[Mapping[str, Any]],
) -> dict[tuple[NodeLabel, NodeLabel], dict[tuple[str, str], Mapping[str, Any]]]:
    """Relationship rows grouped by (source label, target label), one row per (source, target), last wins.

    >>> rows = [{"source_label": "Department", "target_label": "Task", "source": "d", "target": "t", "role": "lead"},
    ...         {"source_label": "Department", "target_label": "Task", "source": "d", "target": "t", "role": "support"}]
    >>> grouped = rows_by_endpoint_labels(rows)
    >>> [(s.value, t.value, [r["role"] for r in v.values()]) for (s, t), v in grouped.items()]
    [('Department', 'Task', ['support'])]
    """
    by_pair: dict[tuple[NodeLabel, NodeLabel], dict[tuple[str, str], Mapping[str, Any]]] = {}
    for row in rows:
        pair = (NodeLabel(row["source_label"]), NodeLabel(row["target_label"]))
        by_pair.setdefault(pair, {})[(row["source"], row["target"])] = row
    return by_pair
