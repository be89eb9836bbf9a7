"""Neo4j's Cypher on LadybugDB: the forms people who know Neo4j write, rewritten to LadybugDB's, or
refused with the rewrite named.

One module holds what differs, so `plankg query --cypher` takes the same text on both stores.
It works on tokens (`plankg.graph.cypher_tokens`), so strings, backticked names, comments and
properties named like a function (`r.type`) are left alone.

| Neo4j | LadybugDB |
|---|---|
| `type(r)` | `label(r)` |
| `elementId(n)` | `string(id(n))` (a string id, as elementId is; not Neo4j's value) |
| `shortestPath((a)-[:T*..k]->(b))` | `(a)-[:T* SHORTEST 1..k]->(b)` |
| `allShortestPaths((a)-[:T*..k]->(b))` | `(a)-[:T* ALL SHORTEST 1..k]->(b)` |
| `labels(n)[0]` | `label(n)` (LadybugDB's `labels(n)` is a string: `[0]` of it gives `''`) |
| `any(x IN l WHERE x = $p)` (all, none, single, `[x IN l \\| …]`) | `WITH *, $p AS param_p` before the WHERE |

LadybugDB's parser stops at a parameter inside a list predicate or comprehension, so the
predicate reads `param_p`, bound just before the MATCH's WHERE; the WHERE filters the same rows.

The query packs take the same rewrites (`Query.text_for`), so a pack query needs a
`.ladybug.cypher` override only where no rewrite serves.

>>> to_ladybug("MATCH (a)-[r]->(b) WHERE r.type = 'x' RETURN type(r) AS t, elementId(a) AS e")
"MATCH (a)-[r]->(b) WHERE r.type = 'x' RETURN label(r) AS t, string(id(a)) AS e"
>>> to_ladybug("MATCH p = shortestPath((a:Plan {id: $a})-[:REFERENCES*..5]-(b:Plan)) RETURN length(p) AS n")
'MATCH p = (a:Plan {id: $a})-[:REFERENCES* SHORTEST 1..5]-(b:Plan) RETURN length(p) AS n'
>>> to_ladybug("RETURN 'type(r)' AS s")
"RETURN 'type(r)' AS s"
>>> print(to_ladybug("MATCH (d:Department) WHERE any(a IN d.aliases WHERE a CONTAINS $q) RETURN labels(d)[0] AS t"))
MATCH (d:Department) WITH *, $q AS param_q
WHERE any(a IN d.aliases WHERE a CONTAINS param_q) RETURN label(d) AS t
"""
from __future__ import annotations

from functools import lru_cache

from plankg.errors import QueryError
from plankg.graph.cypher_tokens import Token, tokens

# Neo4j function -> LadybugDB text around its argument
FUNCTIONS = {"type": ("label(", ")"), "elementid": ("string(id(", "))")}
SHORTEST = {"shortestpath": "SHORTEST", "allshortestpaths": "ALL SHORTEST"}
# LadybugDB's walks need an upper bound; Neo4j's `*` alone has none
DEFAULT_UPPER = 30


def _closing(toks: list[Token], i: int) -> int:
    """The index of the token closing the bracket at `toks[i]`."""
    pairs = {"(": ")", "[": "]", "{": "}"}
    stack = []
    for j in range(i, len(toks)):
        text = toks[j].text
        if toks[j].kind == "symbol" and text in pairs:
            stack.append(pairs[text])
        elif toks[j].kind == "symbol" and stack and text == stack[-1]:
            stack.pop()
            if not stack:
                return j
    raise QueryError("a bracket is not closed", where=toks[i].text, fix="close every (, [ and {")


def _walk_range(cypher: str, toks: list[Token], start: int, end: int, function: str) -> tuple[int, int, str]:
    """The text span of `*range` in the one relationship of a shortestPath pattern, and its
    LadybugDB form."""
    stars = [j for j in range(start, end) if toks[j].kind == "symbol" and toks[j].text == "*"]
    brackets = [j for j in range(start, end) if toks[j].kind == "symbol" and toks[j].text == "["]
    if len(stars) != 1 or len(brackets) != 1:
        raise QueryError(f"{function}(...) is rewritten for LadybugDB only around one variable-length relationship",
                         where=cypher[toks[start].start:toks[end].start + 1],
                         fix="write the walk as (a)-[:TYPE* SHORTEST 1..5]->(b) (LadybugDB's own syntax)")
    star = stars[0]
    close = _closing(toks, brackets[0])
    bounds = "".join(t.text for t in toks[star + 1:close])
    lower, sep, upper = bounds.partition("..")
    if not sep:  # `*3` is an exact length, `*` any length
        lower, upper = (lower, lower) if lower else ("1", str(DEFAULT_UPPER))
    range_end = toks[close].start
    return toks[star].start, range_end, f"* {SHORTEST[function]} {lower or '1'}..{upper or DEFAULT_UPPER}"


LIST_PREDICATES = frozenset({"any", "all", "none", "single"})
# clause keywords: where the clause holding a WHERE starts
_CLAUSES = frozenset({"MATCH", "OPTIONAL", "WITH", "RETURN", "UNWIND", "CALL", "UNION", "WHERE", "ORDER", "SKIP",
                      "LIMIT", "CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "FOREACH"})


def _list_scopes(toks: list[Token]) -> list[tuple[int, int]]:
    """Token ranges of list predicates (`any(x IN … WHERE …)`) and list comprehensions
    (`[x IN … | …]`), where LadybugDB's parser cannot read a parameter."""
    out = []
    for i, tok in enumerate(toks[:-3]):
        opens_predicate = (tok.kind == "word" and tok.text.lower() in LIST_PREDICATES and toks[i + 1].text == "("
                           and not (i and toks[i - 1].text == "."))
        opens_comprehension = tok.kind == "symbol" and tok.text == "["
        start = i + 1 if opens_predicate else i
        if (opens_predicate or opens_comprehension) and toks[start + 1].kind == "word" \
                and toks[start + 2].kind == "word" and toks[start + 2].text.upper() == "IN":
            out.append((start, _closing(toks, start)))
    return out


def _hoisted_parameters(cypher: str, toks: list[Token]) -> list[tuple[int, int, str]]:
    """Edits that read each parameter used inside a list predicate from a variable instead,
    bound by `WITH *, $p AS param_p` put before the WHERE holding the predicate. A MATCH's WHERE
    filters the same rows after a WITH *; an OPTIONAL MATCH's would not, and a WHERE inside a
    subquery is not reached, so those are refused with the rewrite to make by hand."""
    inside = sorted({j for start, end in _list_scopes(toks) for j in range(start, end) if toks[j].kind == "param"})
    if not inside:
        return []
    depth, depths, clauses = 0, [], []  # bracket depth of each token; depth-0 clause keywords
    for j, tok in enumerate(toks):
        if tok.kind == "symbol" and tok.text in ")]}":
            depth -= 1
        depths.append(depth)
        if tok.kind == "symbol" and tok.text in "([{":
            depth += 1
        if depth == 0 and tok.kind == "word" and tok.text.upper() in _CLAUSES and not (j and toks[j - 1].text == "."):
            clauses.append(j)
    words = {t.text.lower() for t in toks if t.kind == "word"}
    bound: dict[int, dict[str, str]] = {}  # WHERE token -> {param: variable}
    edits = []
    for j in inside:
        param = toks[j].text
        before = [c for c in clauses if c < j]
        where = before[-1] if before else None
        opener = before[-2] if len(before) > 1 else None
        optional = opener is not None and opener > 0 and toks[opener - 1].text.upper() == "OPTIONAL"
        if (where is None or toks[where].text.upper() != "WHERE" or opener is None
                or toks[opener].text.upper() != "MATCH" or optional):
            raise QueryError(f"LadybugDB cannot read the parameter ${param} inside a list predicate, and the "
                             "rewrite binds it only in a MATCH's WHERE", where=cypher[toks[j].start:toks[j].start + 60],
                             fix=f"bind it first (WITH *, ${param} AS param_{param}) and use param_{param} there")
        names = bound.setdefault(where, {})
        if param not in names:
            variable = f"param_{param}"
            while variable.lower() in words or variable in {v for n in bound.values() for v in n.values()}:
                variable += "_"
            names[param] = variable
        edits.append((toks[j].start, toks[j].start + 1 + len(param), names[param]))
    for where, names in bound.items():
        binding = "WITH *, " + ", ".join(f"${p} AS {v}" for p, v in names.items()) + "\n"
        edits.append((toks[where].start, toks[where].start, binding))
    return edits


def to_ladybug(cypher: str) -> str:
    """`cypher` with the Neo4j-only forms above rewritten to LadybugDB's; a form that cannot be
    rewritten raises QueryError naming the rewrite."""
    toks = list(tokens(cypher))
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement) in the text
    for i, tok in enumerate(toks):
        name = tok.text.lower()
        if tok.kind != "word" or i + 1 >= len(toks) or toks[i + 1].text != "(":
            continue
        if i and toks[i - 1].text == ".":  # a property or a namespaced function, not ours
            continue
        if name == "labels":
            close = _closing(toks, i + 1)
            index = [t.text for t in toks[close + 1:close + 4]]
            if index == ["[", "0", "]"]:  # a node's one label: LadybugDB's table name
                edits.append((tok.start, toks[i + 1].start + 1, "label("))
                edits.append((toks[close + 1].start, toks[close + 3].start + 1, ""))
        elif name in FUNCTIONS:
            close = _closing(toks, i + 1)
            before, after = FUNCTIONS[name]
            edits.append((tok.start, toks[i + 1].start + 1, before))
            edits.append((toks[close].start, toks[close].start + 1, after))
        elif name in SHORTEST:
            close = _closing(toks, i + 1)
            edits.append((tok.start, toks[i + 1].start + 1, ""))
            edits.append(_walk_range(cypher, toks, i + 1, close, name))
            edits.append((toks[close].start, toks[close].start + 1, ""))
    edits += _hoisted_parameters(cypher, toks)
    out, last = [], 0
    for start, end, text in sorted(edits):
        out += [cypher[last:start], text]
        last = end
    return "".join(out) + cypher[last:]


@lru_cache(maxsize=1024)  # the packs' texts are translated on every run
def translate(cypher: str, dialect: str) -> str:
    """`cypher`, written for Neo4j, in `dialect` ("neo4j" or "ladybug").

    >>> translate("RETURN type(r) AS t", "neo4j")
    'RETURN type(r) AS t'
    """
    return to_ladybug(cypher) if dialect == "ladybug" else cypher
