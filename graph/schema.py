"""DDL generated from the ontology vocabulary, one dialect per backend.

>>> ladybug_ddl()[0]  # doctest: +NORMALIZE_WHITESPACE
'CREATE NODE TABLE IF NOT EXISTS Document(id STRING, document_id STRING, name STRING, path STRING, sha256 STRING,
chars INT64, rule STRING, PRIMARY KEY(id))'
>>> [s for s in ladybug_ddl() if "TABLE IF NOT EXISTS RESPONSIBLE_FOR" in s]  # doctest: +NORMALIZE_WHITESPACE
['CREATE REL TABLE IF NOT EXISTS RESPONSIBLE_FOR(FROM Department TO Task, document_id STRING, rule STRING, role
STRING, printed_name STRING, span_start INT64, span_end INT64)']
>>> neo4j_ddl()[0]
'CREATE CONSTRAINT plankg_document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE'
"""
from __future__ import annotations

from plankg.ontology.vocab import (
    DOCUMENT_OWNED,
    LOOKED_UP,
    NODE_PROPERTIES,
    REL_ENDPOINTS,
    REL_PROPERTIES,
    SEARCHED,
    SEARCHED_REL,
    NodeLabel,
    RelType,
)


def ladybug_ddl() -> list[str]:
    """CREATE NODE/REL TABLE statements for every label and relationship type."""
    out = []
    for label, props in NODE_PROPERTIES.items():
        cols = ", ".join(f"{name} {ptype.value}" for name, ptype in props.items())
        out.append(f"CREATE NODE TABLE IF NOT EXISTS {label.value}({cols}, PRIMARY KEY(id))")
    for rel, props in REL_PROPERTIES.items():
        pairs = ", ".join(f"FROM {s.value} TO {t.value}" for s, t in REL_ENDPOINTS[rel])
        cols = "".join(f", {name} {ptype.value}" for name, ptype in props.items())
        out.append(f"CREATE REL TABLE IF NOT EXISTS {rel.value}({pairs}{cols})")
    return out


def neo4j_ddl() -> list[str]:
    """Uniqueness constraints on every label's id, and indexes the loader and queries use.

    Besides ids, names and document ids: a TEXT index for every property the packs search by
    substring (SEARCHED, SEARCHED_REL), a RANGE index for every property they look up by value.

    A property gets one of the two, never both: with a RANGE and a TEXT index on Platform.name,
    Neo4j 5.26 at times ran a planned `CONTAINS` index scan on the RANGE index and failed the query
    ("A STRING_CONTAINS predicate is not allowed for a RANGE index"), after the statistics
    changed under a cached plan. The TEXT index also answers equality on strings. A RANGE name
    index made by an earlier plankg is dropped.

    >>> [s for s in neo4j_ddl() if "task_text" in s or "target_year" in s]  # doctest: +NORMALIZE_WHITESPACE
    ['CREATE TEXT INDEX plankg_task_text_search IF NOT EXISTS FOR (n:Task) ON (n.text)', 'CREATE INDEX
    plankg_target_year IF NOT EXISTS FOR (n:Target) ON (n.year)']
    >>> [s for s in neo4j_ddl() if "platform_name" in s]  # doctest: +NORMALIZE_WHITESPACE
    ['DROP INDEX plankg_platform_name IF EXISTS', 'CREATE TEXT INDEX plankg_platform_name_search IF NOT EXISTS
    FOR (n:Platform) ON (n.name)']
    """
    out = [f"CREATE CONSTRAINT plankg_{label.value.lower()}_id IF NOT EXISTS "
           f"FOR (n:{label.value}) REQUIRE n.id IS UNIQUE" for label in NodeLabel]
    out += [f"CREATE INDEX plankg_{label.value.lower()}_document IF NOT EXISTS FOR (n:{label.value}) ON (n.document_id)"
            for label in NodeLabel if label in DOCUMENT_OWNED]
    named = [label for label in NodeLabel if "name" in NODE_PROPERTIES[label]]
    out += [f"DROP INDEX plankg_{label.value.lower()}_name IF EXISTS" if "name" in SEARCHED.get(label, ()) else
            f"CREATE INDEX plankg_{label.value.lower()}_name IF NOT EXISTS FOR (n:{label.value}) ON (n.name)"
            for label in named]
    out += [f"CREATE INDEX plankg_{rel.value.lower()}_document IF NOT EXISTS "
            f"FOR ()-[r:{rel.value}]-() ON (r.document_id)" for rel in RelType]
    out += [f"CREATE TEXT INDEX plankg_{label.value.lower()}_{prop}_search IF NOT EXISTS "
            f"FOR (n:{label.value}) ON (n.{prop})" for label, props in SEARCHED.items() for prop in props]
    out += [f"CREATE TEXT INDEX plankg_{rel.value.lower()}_{prop}_search IF NOT EXISTS "
            f"FOR ()-[r:{rel.value}]-() ON (r.{prop})" for rel, props in SEARCHED_REL.items() for prop in props]
    out += [f"CREATE INDEX plankg_{label.value.lower()}_{prop} IF NOT EXISTS FOR (n:{label.value}) ON (n.{prop})"
            for label, props in LOOKED_UP.items() for prop in props]
    return out
