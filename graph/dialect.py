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

>>> to_ladybug("MATCH (a)-[r]->(b) WHERE r.type = 'x' RETURN type(r) AS t, elementId(a) AS e")
"MATCH (a)-[r]->(b) WHERE r.type = 'x' RETURN label(r) AS t, string(id(a)) AS e"
>>> to_ladybug("MATCH p = shortestPath((a:Plan {id: $a})-[:REFERENCES*..5]-(b:Plan)) RETURN length(p) AS n")
'MATCH p = (a:Plan {id: $a})-[:REFERENCES* SHORTEST 1..5]-(b:Plan) RETURN length(p) AS n'
>>> to_ladybug("RETURN 'type(r)' AS s")
"RETURN 'type(r)' AS s"
"""
from __future__ import annotations

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
        if name in FUNCTIONS:
            close = _closing(toks, i + 1)
            before, after = FUNCTIONS[name]
            edits.append((tok.start, toks[i + 1].start + 1, before))
            edits.append((toks[close].start, toks[close].start + 1, after))
        elif name in SHORTEST:
            close = _closing(toks, i + 1)
            edits.append((tok.start, toks[i + 1].start + 1, ""))
            edits.append(_walk_range(cypher, toks, i + 1, close, name))
            edits.append((toks[close].start, toks[close].start + 1, ""))
    out, last = [], 0
    for start, end, text in sorted(edits):
        out += [cypher[last:start], text]
        last = end
    return "".join(out) + cypher[last:]


def translate(cypher: str, dialect: str) -> str:
    """`cypher`, written for Neo4j, in `dialect` ("neo4j" or "ladybug").

    >>> translate("RETURN type(r) AS t", "neo4j")
    'RETURN type(r) AS t'
    """
    return to_ladybug(cypher) if dialect == "ladybug" else cypher
