"""The Cypher this backend sends, built only from ontology enums (values travel as parameters),
and the reading of LadybugDB's plans that tells a read of the graph from anything else."""
from __future__ import annotations

import re
from collections.abc import Mapping

from plankg.graph.backends.ladybug.tables import COL
from plankg.graph.rows import demoted_plan_properties, node_columns
from plankg.ontology.vocab import DOCUMENT_OWNED, REL_PROPERTIES, SHARED, NodeLabel, RelType


def node_create_cypher(label: NodeLabel) -> str:
    """Create the rows' nodes, which the caller knows are new.

    >>> node_create_cypher(NodeLabel.ENTERPRISE)
    'LOAD FROM $rows CREATE (n:Enterprise {id: v_id, name: v_name, jurisdiction: v_jurisdiction, aliases: v_aliases})'
    """
    props = ", ".join(f"{p}: {COL}{p}" for p in node_columns(label))
    return f"LOAD FROM $rows CREATE (n:{label.value} {{{props}}})"


def node_update_cypher(label: NodeLabel, nulls: Mapping[str, str], *, stub: bool = False) -> str | None:
    """Update existing nodes from the rows; None when there is nothing to set.

    `nulls` says, per property, whether the rows' column has "none", "some" or "all" nulls: an
    all-null column changes nothing and is left out, a column without nulls is set outright
    (reading the old value costs a random access per row), and only a mixed one needs
    `coalesce`. A citation stub never overwrites: it fills properties still null.

    >>> node_update_cypher(NodeLabel.DEPARTMENT, {"name": "none", "jurisdiction": "some", "kind": "all"})
    ... # doctest: +NORMALIZE_WHITESPACE
    'LOAD FROM $rows MATCH (n:Department {id: v_id}) SET n.name = v_name, n.jurisdiction = coalesce(v_jurisdiction,
    n.jurisdiction)'
    >>> node_update_cypher(NodeLabel.PLAN, {"title": "none", "date": "all"}, stub=True)
    'LOAD FROM $rows MATCH (n:Plan {id: v_id}) SET n.title = coalesce(n.title, v_title)'
    >>> node_update_cypher(NodeLabel.ENTERPRISE, {"name": "all"}) is None
    True
    """
    sets = []
    for prop in node_columns(label):
        kind = nulls.get(prop, "all")
        if prop == "id" or kind == "all":
            continue
        if stub:
            sets.append(f"n.{prop} = coalesce(n.{prop}, {COL}{prop})")
        elif kind == "none":
            sets.append(f"n.{prop} = {COL}{prop}")
        else:
            sets.append(f"n.{prop} = coalesce({COL}{prop}, n.{prop})")
    if not sets:
        return None
    return f"LOAD FROM $rows MATCH (n:{label.value} {{id: {COL}id}}) SET {', '.join(sets)}"



def _anchored(source: NodeLabel, target: NodeLabel) -> bool:
    """Whether to reach existing relationships from the target: the side a document owns has few
    relationships, a shared department or platform has thousands to walk."""
    return target in DOCUMENT_OWNED or source in SHARED


def relationship_update_cypher(rel: RelType, source: NodeLabel, target: NodeLabel) -> str:
    """Set the properties of the rows' relationships that exist already; returns how many.

    Each row's relationship is reached from an endpoint found by primary key: `MERGE` and
    `MATCH (a)-[e]->(b)` both plan a scan of the whole relationship table instead.

    >>> relationship_update_cypher(RelType.ISSUED_BY, NodeLabel.PLAN, NodeLabel.DEPARTMENT)
    ... # doctest: +NORMALIZE_WHITESPACE
    'LOAD FROM $rows MATCH (a:Plan {id: v_source}) OPTIONAL MATCH (a)-[e:ISSUED_BY]->(b:Department {id: v_target})
    WITH e, v_document_id, v_rule, v_printed_name WHERE e IS NOT NULL SET e.document_id = v_document_id, e.rule =
    v_rule, e.printed_name = v_printed_name RETURN count(*) AS n'
    """
    props = list(REL_PROPERTIES[rel])
    if _anchored(source, target):
        walk = (f"MATCH (b:{target.value} {{id: {COL}target}}) "
                f"OPTIONAL MATCH (b)<-[e:{rel.value}]-(a:{source.value} {{id: {COL}source}})")
    else:
        walk = (f"MATCH (a:{source.value} {{id: {COL}source}}) "
                f"OPTIONAL MATCH (a)-[e:{rel.value}]->(b:{target.value} {{id: {COL}target}})")
    carried = ", ".join(["e", *(COL + p for p in props)])
    sets = ", ".join(f"e.{p} = {COL}{p}" for p in props)
    return f"LOAD FROM $rows {walk} WITH {carried} WHERE e IS NOT NULL SET {sets} RETURN count(*) AS n"


def relationship_create_cypher(rel: RelType, source: NodeLabel, target: NodeLabel, *, if_missing: bool = True) -> str:
    """Create the rows' relationships, only those still missing with `if_missing`; returns how many.

    Whether one exists is asked from an endpoint found by primary key, as in the update: a
    `NOT EXISTS { ... }` guard halves its rate on a table ten times larger. Two MATCH clauses
    where both endpoints are needed: the comma form plans a cross product.

    >>> relationship_create_cypher(RelType.BUILT_BY, NodeLabel.PROJECT, NodeLabel.ENTERPRISE, if_missing=False)
    ... # doctest: +NORMALIZE_WHITESPACE
    'LOAD FROM $rows MATCH (a:Project {id: v_source}) MATCH (b:Enterprise {id: v_target}) CREATE (a)-[e:BUILT_BY
    {document_id: v_document_id, rule: v_rule, printed_name: v_printed_name}]->(b) RETURN count(*) AS n'
    >>> guarded = relationship_create_cypher(RelType.BUILT_BY, NodeLabel.PROJECT, NodeLabel.ENTERPRISE)
    >>> guarded.split(" WITH ")[0]
    'LOAD FROM $rows MATCH (a:Project {id: v_source}) OPTIONAL MATCH (a)-[e:BUILT_BY]->(:Enterprise {id: v_target})'
    >>> guarded.split(" WHERE ")[1][:60]
    'e IS NULL MATCH (b:Enterprise {id: v_target}) CREATE (a)-[e2'
    """
    props = list(REL_PROPERTIES[rel])
    values = ", ".join(f"{p}: {COL}{p}" for p in props)
    a = f"(a:{source.value} {{id: {COL}source}})"
    b = f"(b:{target.value} {{id: {COL}target}})"
    if not if_missing:
        return f"LOAD FROM $rows MATCH {a} MATCH {b} CREATE (a)-[e:{rel.value} {{{values}}}]->(b) RETURN count(*) AS n"
    if _anchored(source, target):
        walk = f"MATCH {b} OPTIONAL MATCH (b)<-[e:{rel.value}]-(:{source.value} {{id: {COL}source}})"
        kept, other, then = "b", "source", f"MATCH {a}"
    else:
        walk = f"MATCH {a} OPTIONAL MATCH (a)-[e:{rel.value}]->(:{target.value} {{id: {COL}target}})"
        kept, other, then = "a", "target", f"MATCH {b}"
    carried = ", ".join([kept, "e", COL + other, *(COL + p for p in props)])
    return (f"LOAD FROM $rows {walk} WITH {carried} WHERE e IS NULL {then} "
            f"CREATE (a)-[e2:{rel.value} {{{values}}}]->(b) RETURN count(*) AS n")


def existing_ids_cypher(label: NodeLabel) -> str:
    """The ids among `$rows.v_id` that a label's table holds already (a primary-key lookup each).

    >>> existing_ids_cypher(NodeLabel.TASK)
    'LOAD FROM $rows MATCH (n:Task {id: v_id}) RETURN n.id AS id'
    """
    return f"LOAD FROM $rows MATCH (n:{label.value} {{id: {COL}id}}) RETURN n.id AS id"


_OWN_LABELS = ":".join(label.value for label in NodeLabel if label in DOCUMENT_OWNED)

# plans `$doc`'s Document publishes that another document owns (two files with one title): the
# relationships `$doc` asserted on them are not reached from `$doc`'s own nodes
PUBLISHED_ELSEWHERE = ("MATCH (d:Document)-[:PUBLISHES]->(p:Plan) WHERE d.document_id = $doc "
                       "AND (p.document_id IS NULL OR p.document_id <> $doc) RETURN p.id AS id")

# once `$doc`'s relationships are gone, its plan still linked to is cited by another document:
# it stays, as a stub known by its title
DEMOTE_CITED_PLAN = (
    "MATCH (n:Plan) WHERE n.document_id = $doc AND EXISTS { MATCH (n)--() } SET "
    + ", ".join(f"n.{p} = {'[]' if v == [] else 'NULL'}" for p, v in demoted_plan_properties().items()))

# the last step of a first build (see `LadybugStore._bulk_copy`)
SET_DOCUMENT_SHA = f"LOAD FROM $rows MATCH (d:Document {{id: {COL}id}}) SET d.sha256 = {COL}sha256"

# DETACH: relationships other documents hung on them go too
DELETE_OWN_NODES = f"MATCH (n:{_OWN_LABELS}) WHERE n.document_id = $doc DETACH DELETE n RETURN count(*) AS n"


def document_unlink_cypher(*, incoming: bool, plans: bool = False) -> str:
    """Delete the relationships document `$doc` asserted on one side of its own nodes (with
    `plans`, of the plans `$plans`), returning the other ends.

    Every relationship a document asserts touches a node it owns (ingest builds them so: a
    department, platform or cited plan always hangs off the document's plan, sections, tasks
    or projects), so walking out of and into those nodes reaches all of them, where a scan by
    `r.document_id` would read every relationship table whole. (Undirected, the walk would be
    one statement, but LadybugDB cannot delete what an undirected pattern matched.)

    >>> document_unlink_cypher(incoming=False)  # doctest: +NORMALIZE_WHITESPACE
    'MATCH (n:Document:Plan:Section:Task:Project:Target)-[r]->(m) WHERE n.document_id = $doc AND r.document_id = $doc
    DELETE r RETURN DISTINCT label(m) AS label, m.id AS id'
    >>> document_unlink_cypher(incoming=True, plans=True)[:60]
    'MATCH (n:Plan)<-[r]-(m) WHERE n.id IN $plans AND r.document_'
    """
    anchor, where = ("(n:Plan)", "n.id IN $plans") if plans else (f"(n:{_OWN_LABELS})", "n.document_id = $doc")
    edge = "<-[r]-" if incoming else "-[r]->"
    return (f"MATCH {anchor}{edge}(m) WHERE {where} AND r.document_id = $doc DELETE r "
            "RETURN DISTINCT label(m) AS label, m.id AS id")


def orphan_delete_cypher(label: NodeLabel) -> str:
    """Delete those of the nodes `$ids` that nothing links to any more; a plan only if it is a
    citation stub. Each is found by primary key: `WHERE n.id IN $ids` scans the table.

    >>> orphan_delete_cypher(NodeLabel.PLAN)  # doctest: +NORMALIZE_WHITESPACE
    'UNWIND $ids AS i MATCH (n:Plan {id: i}) WHERE NOT EXISTS { MATCH (n)--() } AND n.document_id IS NULL DELETE n
    RETURN count(*) AS n'
    """
    stub = " AND n.document_id IS NULL" if label is NodeLabel.PLAN else ""
    return (f"UNWIND $ids AS i MATCH (n:{label.value} {{id: i}}) WHERE NOT EXISTS {{ MATCH (n)--() }}{stub} "
            "DELETE n RETURN count(*) AS n")



# Operators of a plan that only read the graph: every other one (writes, COPY TO, EXPORT and
# IMPORT DATABASE, INSTALL / LOAD / UNINSTALL EXTENSION, ATTACH, USE, transactions and
# CHECKPOINT, settings) is refused in a read. Named as LadybugDB's EXPLAIN prints them.
READ_OPERATORS = frozenset({
    "AGGREGATE", "AGGREGATE_FINALIZE", "AGGREGATE_SCAN", "COUNT_EXTEND_CHAIN", "CROSS_PRODUCT", "DUMMY_SINK",
    "EMPTY_RESULT", "FILTER", "FLATTEN", "HASH_JOIN_BUILD", "HASH_JOIN_PROBE", "INDEX_LOOKUP", "INTERSECT",
    "INTERSECT_BUILD", "LIMIT", "MULTIPLICITY_REDUCER", "ORDER_BY", "ORDER_BY_MERGE", "ORDER_BY_SCAN",
    "PATH_PROPERTY_PROBE", "PRIMARY_KEY_SCAN_NODE_TABLE", "PROJECTION", "QUERY_PRIMARY_KEY_LOOKUP",
    "RECURSIVE_EXTEND", "RESULT_COLLECTOR", "SCAN_NODE_TABLE", "SCAN_REL_TABLE", "SEMI_MASKER", "SKIP",
    "TABLE_FUNCTION_CALL", "TOP_K", "TOP_K_SCAN", "UNION_ALL_SCAN", "UNWIND",
})
# Table functions a read may call: the engine's own intermediate results and its catalog.
# Not READ_CSV_*, READ_PARQUET, READ_NPY (files) or READ_PANDAS (objects of this process).
READ_FUNCTIONS = frozenset({
    "READ_FTABLE", "CURRENT_SETTING", "DB_VERSION", "SHOW_ATTACHED_DATABASES", "SHOW_CONNECTION", "SHOW_FUNCTIONS",
    "SHOW_INDEXES", "SHOW_LOADED_EXTENSIONS", "SHOW_MACROS", "SHOW_PROJECTED_GRAPHS", "SHOW_SEQUENCES",
    "SHOW_TABLES", "SHOW_WARNINGS", "STATS_INFO", "STORAGE_INFO", "TABLE_INFO",
})
_PLAN_OPERATOR = re.compile(r"\b([A-Z][A-Z_]*)\[\d+\]")
_PLAN_FUNCTION = re.compile(r"\bFunction: (\S+)")


def plan_refusals(plan: str) -> list[str]:
    """What in a plan (LadybugDB's EXPLAIN text) is not a read of the graph: operators outside
    `READ_OPERATORS`, table functions outside `READ_FUNCTIONS`. Text the query put into the plan
    (an alias, a literal) can only add names to refuse, never hide the engine's own.

    >>> plan_refusals("│ RESULT_COLLECTOR[2] │ ... │ COPY_TO[1] │ ... │ TABLE_FUNCTION_CALL[0] │ "
    ...               "Function: READ_CSV_PARALLEL │")
    ['operator COPY_TO', 'table function READ_CSV_PARALLEL']
    >>> plan_refusals("│ PROJECTION[1] │ SCAN_NODE_TABLE[0] │ Function: READ_FTABLE │")
    []
    """
    out = [f"operator {op}" for op in dict.fromkeys(_PLAN_OPERATOR.findall(plan)) if op not in READ_OPERATORS]
    out += [f"table function {fn}" for fn in dict.fromkeys(_PLAN_FUNCTION.findall(plan)) if fn not in READ_FUNCTIONS]
    return out


