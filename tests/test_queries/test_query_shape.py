"""The shapes that keep pack queries fast, checked on their texts (both dialects).

Speed itself is measured by `benchmarks/queries.py` only; these tests pin the structural rules
that benchmark taught (queries/README.md, "Keeping them fast"), so a rewrite that breaks one
fails here instead of showing up as a slower figure weeks later. No timings are asserted.
"""
from __future__ import annotations

import re

import pytest

from plankg.queries.loader import code_only, load_packs

QUERIES = load_packs()
SEEDED = sorted(name for name, q in QUERIES.items() if any(p.required for p in q.params))
TEXTS = [pytest.param(name, dialect, id=f"{name}-{dialect}") for name in sorted(QUERIES)
         for dialect in ("ladybug", "neo4j")]
SEEDED_TEXTS = [pytest.param(name, dialect, id=f"{name}-{dialect}") for name in SEEDED
                for dialect in ("ladybug", "neo4j")]

_VAR_LENGTH = re.compile(r"\[[^\]]*\*([^\]]*)\]")
_CLAUSE = re.compile(r"\b(OPTIONAL\s+MATCH|MATCH|WITH|WHERE|RETURN|UNWIND)\b", re.IGNORECASE)
MAX_HOPS = 8  # the deepest walk a plan has: plan, 6 levels of sections, task, fact


def _clauses(text: str) -> list[tuple[str, str]]:
    """(keyword, body) for the top-level clauses of a text; subqueries stay inside their clause.

    >>> [k for k, _ in _clauses("MATCH (a:Plan) WHERE EXISTS { MATCH (a)--() } WITH a RETURN a.id AS id")]
    ['MATCH', 'WHERE', 'WITH', 'RETURN']
    """
    code = code_only(text)
    depth, top = 0, []
    for ch in code:
        depth += ch == "{"
        depth -= ch == "}"
        top.append(depth == 0)
    starts = [m for m in _CLAUSE.finditer(code) if top[m.start()]]
    out = []
    for m, following in zip(starts, starts[1:] + [None], strict=True):
        keyword = re.sub(r"\s+", " ", m.group(1).upper())
        out.append((keyword, code[m.end():following.start() if following else len(code)]))
    return out


def test_shape_rules_see_the_clauses():
    clauses = _clauses("MATCH (p:Plan) WHERE p.title CONTAINS $plan\nOPTIONAL MATCH (p)-[r]-()\n"
                       "WITH p, count(r) AS n RETURN n ORDER BY n")
    assert [k for k, _ in clauses] == ["MATCH", "WHERE", "OPTIONAL MATCH", "WITH", "RETURN"]


@pytest.mark.parametrize("name,dialect", TEXTS)
def test_variable_length_patterns_are_bounded(name, dialect):
    """An unbounded `*` walks the whole graph; every walk the packs need is at most 8 hops."""
    for bounds in _VAR_LENGTH.findall(code_only(QUERIES[name].text_for(dialect))):
        match = re.fullmatch(r"\s*(\d+)?\s*\.\.\s*(\d+)\s*", bounds)
        assert match, f"{name}: variable-length pattern *{bounds} needs an upper bound, e.g. *1..5"
        assert int(match.group(2)) <= MAX_HOPS, f"{name}: *{bounds} goes deeper than the {MAX_HOPS} hops a plan has"


@pytest.mark.parametrize("name,dialect", SEEDED_TEXTS)
def test_seeded_queries_anchor_on_a_required_param_first(name, dialect):
    """The first MATCH is filtered by a required param, so the rest starts from a few nodes."""
    query = QUERIES[name]
    required = {p.name for p in query.params if p.required}
    # the `WITH *, $p AS param_p` LadybugDB's dialect puts before a WHERE is part of that WHERE
    clauses = [c for c in _clauses(query.text_for(dialect)) if not (c[0] == "WITH" and c[1].lstrip().startswith("*,"))]
    assert clauses[0][0] == "MATCH", f"{name} starts with {clauses[0][0]}, not the anchoring MATCH"
    anchor = clauses[0][1] + (clauses[1][1] if len(clauses) > 1 and clauses[1][0] == "WHERE" else "")
    used = set(re.findall(r"\$(\w+)", anchor))
    assert used & required, f"{name}: the first MATCH does not use a required param ({', '.join(sorted(required))})"


@pytest.mark.parametrize("name,dialect", SEEDED_TEXTS)
def test_seeded_queries_settle_the_anchor_before_optional_parts(name, dialect):
    """OPTIONAL MATCH and COUNT { } in the anchor's own query part are planned by LadybugDB over
    every node of their pattern before the anchor's filter applies (find_entity counted the facts
    of 4600 nodes to return one). A WITH after the anchor fixes the few rows first."""
    clauses = _clauses(QUERIES[name].text_for(dialect))
    for keyword, body in clauses:
        if keyword == "WITH":
            break
        assert keyword != "OPTIONAL MATCH", f"{name}: OPTIONAL MATCH before a WITH settles the anchor"
        assert not re.search(r"\bCOUNT\s*\{", body, re.IGNORECASE), \
            f"{name}: COUNT {{ }} in {keyword} before a WITH settles the anchor"


_BOUND = re.compile(r"\(\s*(\w+)\s*:\s*(\w+)|\[\s*(\w+)\s*:\s*(\w+)")
_FILTER = re.compile(r"\b(\w+)\.(\w+)\s*(CONTAINS|=)\s*\$\w+")


def _filters(text: str) -> set[tuple[str, str, str]]:
    """(label or type, property, operator) of every `var.prop CONTAINS $x` / `var.prop = $x` whose
    variable the text binds to one label or relationship type.

    >>> sorted(_filters("MATCH (p:Plan)<-[r:ISSUED_BY]-(n) "
    ...                 "WHERE p.title CONTAINS $a OR r.printed_name = $b OR n.x = $c"))
    [('ISSUED_BY', 'printed_name', '='), ('Plan', 'title', 'CONTAINS')]
    """
    code = code_only(text)
    bound = {}
    for m in _BOUND.finditer(code):
        var, label = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        bound[var] = label
    return {(bound[var], prop, op) for var, prop, op in _FILTER.findall(code) if var in bound}


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_every_parameter_filter_has_a_neo4j_index(name):
    """A pack that filters a property on a parameter gets an index on Neo4j: a TEXT index for
    CONTAINS (SEARCHED, SEARCHED_REL in the vocabulary), a RANGE index (or the name/id ones) for =."""
    from plankg.graph.schema import neo4j_ddl
    ddl = neo4j_ddl()
    for label, prop, op in _filters(QUERIES[name].text_for("neo4j")):
        pattern = f"(n:{label}) ON (n.{prop})" if label[0].isupper() and not label.isupper() \
            else f"()-[r:{label}]-() ON (r.{prop})"
        kinds = [s.split(" INDEX ")[0] for s in ddl if s.endswith(pattern) and " INDEX " in s]
        wanted = "CREATE TEXT" if op == "CONTAINS" else "CREATE"
        assert wanted in kinds, (f"{name}: filters {label}.{prop} with {op} $param but neo4j_ddl() has no "
                                 f"{'TEXT ' if op == 'CONTAINS' else ''}index on it; add it to "
                                 f"{'SEARCHED' if op == 'CONTAINS' else 'LOOKED_UP'} in ontology/vocab.py")
