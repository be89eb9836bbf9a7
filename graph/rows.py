"""Rows a store writes: one format and one path to it, pure data in, pure data out.

A row is a tuple of property values in the vocabulary's column order (`node_columns`,
`relationship_columns`): read straight from the validated models, it costs a C-level call per
row where a dict per row costs more than LadybugDB's COPY of it. Every write takes the same path:

1. read: `node_rows` and `relationship_rows` from model instances (a document load),
   `node_rows_from_mappings` and `relationship_rows_from_mappings` from the dicts the upsert
   API takes; rows come grouped by label or by (type, source label, target label), as given;
2. merge: `unique_node_rows` and `unique_relationship_rows`, one row per id or pair, by the
   rules below;
3. hand over: LadybugDB turns rows into Arrow tables, Neo4j into `UNWIND $rows` maps.

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
>>> plans = node_rows([stub, real])[NodeLabel.PLAN]
>>> [is_stub(NodeLabel.PLAN, row) for row in plans]
[True, False]
>>> merged = dict(zip(node_columns(NodeLabel.PLAN), unique_node_rows(NodeLabel.PLAN, plans)[0], strict=True))
>>> merged["title"], merged["document_id"]
('杭州市科技发展规划', 'doc-a')
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache
from operator import itemgetter
from typing import Any

from plankg.ontology.model import Node, Relationship
from plankg.ontology.vocab import NODE_PROPERTIES, REL_PROPERTIES, NodeLabel, RelType

# property values in `node_columns` or `relationship_columns` order
Row = tuple[Any, ...]
# (relationship type, source label, target label): one write statement each
RelGroup = tuple[RelType, NodeLabel, NodeLabel]


def node_columns(label: NodeLabel) -> tuple[str, ...]:
    """A label's property names in vocabulary order, `id` first: the fields of its rows.

    >>> node_columns(NodeLabel.ENTERPRISE)
    ('id', 'name', 'jurisdiction', 'aliases')
    """
    return _NODE_COLUMNS[label]


def relationship_columns(rel: RelType) -> tuple[str, ...]:
    """`source`, `target`, then the type's properties in vocabulary order: the fields of its rows.

    >>> relationship_columns(RelType.ISSUED_BY)
    ('source', 'target', 'document_id', 'rule', 'printed_name')
    """
    return _REL_COLUMNS[rel]


@cache
def _row_getter(names: tuple[str, ...]) -> Callable[[Mapping[str, Any]], Row]:
    """One C-level call per row that reads `names` from a model instance's field dict into a
    tuple: on the bulk path this is most of the Python cost.

    >>> _row_getter(("id",))({"id": "e1", "name": "联想"}), _row_getter(("name", "id"))({"id": "e1", "name": "联想"})
    (('e1',), ('联想', 'e1'))
    """
    if len(names) == 1:
        one = itemgetter(names[0])
        return lambda fields: (one(fields),)
    return itemgetter(*names)


def node_rows(nodes: Iterable[Node]) -> dict[NodeLabel, list[Row]]:
    """Nodes as rows, by label in vocabulary order; ids may repeat (see `unique_node_rows`).

    Read from each instance's field dict (pydantic keeps validated values in `__dict__`, which
    is faster than attribute access), in one pass over nodes of any labels: grouping the models
    first and reading each group again costs half as much more. A plain loop on purpose: the
    interpreter may hand the GIL to the database between any two rows, which a helper thread
    building tables during a write relies on. A `Role` stays the str enum it is: Arrow and the
    drivers take it as its value.

    >>> from plankg.ontology.model import Enterprise, Plan
    >>> lenovo = Enterprise(id="e1", name="联想")
    >>> rows = node_rows([lenovo, Plan(id="p1", title="规划"), lenovo])
    >>> [label.value for label in rows], rows[NodeLabel.ENTERPRISE]
    (['Plan', 'Enterprise'], [('e1', '联想', None, []), ('e1', '联想', None, [])])
    """
    by_label: dict[NodeLabel, list[Row]] = {}
    by_class: dict[type, tuple[Callable, list]] = {}
    for node in nodes:
        try:
            get, rows = by_class[type(node)]
        except KeyError:
            label = node.label
            get, rows = by_class[type(node)] = (_row_getter(_NODE_COLUMNS[label]), by_label.setdefault(label, []))
        rows.append(get(vars(node)))
    return {label: by_label[label] for label in NodeLabel if label in by_label}


def relationship_rows(relationships: Iterable[Relationship]) -> dict[RelGroup, list[Row]]:
    """Relationships as rows, by (type, source label, target label) in order of first
    appearance, in one pass (see `node_rows`); pairs may repeat (see `unique_relationship_rows`).

    >>> r = Relationship(type="BUILT_BY", source_label="Project", source="p1", target_label="Enterprise",
    ...                  target="e1", document_id="d", rule="r.v1", printed_name="联想")
    >>> relationship_rows([r])  # doctest: +NORMALIZE_WHITESPACE
    {(<RelType.BUILT_BY: 'BUILT_BY'>, <NodeLabel.PROJECT: 'Project'>, <NodeLabel.ENTERPRISE: 'Enterprise'>): [('p1',
    'e1', 'd', 'r.v1', '联想')]}
    """
    by_group: dict[RelGroup, list[Row]] = {}
    by_key: dict[tuple, tuple[Callable, list]] = {}
    group_key = _row_getter(("type", "source_label", "target_label"))
    for fields in map(vars, relationships):
        key = group_key(fields)
        try:
            get, rows = by_key[key]
        except KeyError:
            group = (RelType(key[0]), NodeLabel(key[1]), NodeLabel(key[2]))
            get, rows = by_key[key] = (_row_getter(_REL_COLUMNS[group[0]]), by_group.setdefault(group, []))
        rows.append(get(fields))
    return by_group


def node_rows_from_mappings(label: NodeLabel, mappings: Iterable[Mapping[str, Any]]) -> list[Row]:
    """Property maps of one label as rows: a property a map leaves out is None, a key the
    vocabulary does not declare is ignored; ids may repeat (see `unique_node_rows`).

    >>> node_rows_from_mappings(NodeLabel.ENTERPRISE, [{"id": "e1"}, {"name": "联想", "id": "e2", "x": 1}])
    [('e1', None, None, None), ('e2', '联想', None, None)]
    """
    columns = _NODE_COLUMNS[label]
    return [tuple(mapping.get(c) for c in columns) for mapping in mappings]


def relationship_rows_from_mappings(rel: RelType, mappings: Iterable[Mapping[str, Any]]) -> dict[RelGroup, list[Row]]:
    """Maps of one relationship type, each with `source_label`, `source`, `target_label`,
    `target` and properties, as rows by (type, source label, target label) in order of first
    appearance (see `node_rows_from_mappings` for absent and unknown keys).

    >>> maps = [{"source_label": "Department", "target_label": "Task", "source": "d", "target": "t", "role": "lead"}]
    >>> relationship_rows_from_mappings(RelType.RESPONSIBLE_FOR, maps)  # doctest: +NORMALIZE_WHITESPACE
    {(<RelType.RESPONSIBLE_FOR: 'RESPONSIBLE_FOR'>, <NodeLabel.DEPARTMENT: 'Department'>, <NodeLabel.TASK: 'Task'>):
    [('d', 't', None, None, 'lead', None, None, None)]}
    """
    columns = _REL_COLUMNS[rel]
    by_group: dict[RelGroup, list[Row]] = {}
    for mapping in mappings:
        group = (rel, NodeLabel(mapping["source_label"]), NodeLabel(mapping["target_label"]))
        by_group.setdefault(group, []).append(tuple(mapping.get(c) for c in columns))
    return by_group


def is_stub(label: NodeLabel, row: Row) -> bool:
    """Whether a node row is a citation stub: a plan known only by another plan's reference to it.

    >>> is_stub(NodeLabel.PLAN, node_rows_from_mappings(NodeLabel.PLAN, [{"id": "p", "title": "《规划》"}])[0])
    True
    """
    return label is NodeLabel.PLAN and row[_PLAN_DOCUMENT_ID] is None


def _merge(old: Row, new: Row, *, stub: bool) -> Row:
    """The row a store holds after merging `new` into `old` (see the module rules).

    >>> old, new = ("p", "A", None), ("p", "B", "2021")
    >>> _merge(old, new, stub=False), _merge(old, new, stub=True)
    (('p', 'B', '2021'), ('p', 'A', '2021'))
    """
    if stub:
        return tuple(new_value if old_value is None else old_value
                     for old_value, new_value in zip(old, new, strict=True))
    return tuple(old_value if new_value is None else new_value for old_value, new_value in zip(old, new, strict=True))


def unique_node_rows(label: NodeLabel, rows: Sequence[Row]) -> list[Row]:
    """One row per id, merged as successive MERGE statements would merge them: ids seen once
    keep their row, in order, then each repeated id's rows merged (real rows in order, then
    citation stubs, which only fill what every real row left empty, whatever the order).

    >>> unique_node_rows(NodeLabel.ENTERPRISE, [("e1", "联想"), ("e2", "华为"), ("e1", None)])
    [('e2', '华为'), ('e1', '联想')]
    >>> unique_node_rows(NodeLabel.DEPARTMENT, [("d1", "科技局", None, None, []), ("d1", "科技局", "杭州市", None, [])])
    [('d1', '科技局', '杭州市', None, [])]
    """
    ids = list(map(itemgetter(0), rows))
    seen = Counter(ids)
    if len(seen) == len(ids):
        return list(rows)
    unique = [row for node_id, row in zip(ids, rows, strict=True) if seen[node_id] == 1]
    repeated: dict[str, list[Row]] = {}
    for node_id, row in zip(ids, rows, strict=True):
        if seen[node_id] > 1:
            repeated.setdefault(node_id, []).append(row)
    for group in repeated.values():
        # ingest repeats a shared node unchanged in every document that names it: nothing to merge
        if all(row == group[0] for row in group):
            unique.append(group[0])
            continue
        ordered = [r for r in group if not is_stub(label, r)] + [r for r in group if is_stub(label, r)]
        merged = ordered[0]
        for row in ordered[1:]:
            merged = _merge(merged, row, stub=is_stub(label, row))
        unique.append(merged)
    return unique


def unique_relationship_rows(rows: Sequence[Row]) -> list[Row]:
    """One row per (source, target): the last one, in order.

    >>> unique_relationship_rows([("a", "b", "lead"), ("a", "c", "lead"), ("a", "b", "support")])
    [('a', 'c', 'lead'), ('a', 'b', 'support')]
    """
    # distinct targets (a task's one section) rule out a repeated pair, and cost less to check
    if len(set(map(itemgetter(1), rows))) == len(rows) or len(set(map(itemgetter(0, 1), rows))) == len(rows):
        return list(rows)
    last = dict(zip(map(itemgetter(0, 1), rows), range(len(rows)), strict=True))
    return [rows[i] for i in sorted(last.values())]


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


_NODE_COLUMNS: dict[NodeLabel, tuple[str, ...]] = {label: tuple(NODE_PROPERTIES[label]) for label in NodeLabel}
_REL_COLUMNS: dict[RelType, tuple[str, ...]] = {rel: ("source", "target", *REL_PROPERTIES[rel]) for rel in RelType}
_PLAN_DOCUMENT_ID = _NODE_COLUMNS[NodeLabel.PLAN].index("document_id")
