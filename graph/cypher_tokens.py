"""Cypher text as tokens, for the one question asked of the text before the engine sees it:
does a statement name a clause that reaches files, extensions or other databases?

The engine is the authority on what a statement does (see `GraphStore.check_read_only`): a
read-only store refuses every write, and the plan the engine makes of a statement shows any
file, extension or database operator in it. But LadybugDB reads a file's first lines while it
binds `LOAD FROM 'file'` (to learn its columns), before any plan exists; so clauses that name
files are refused from the text first. A scan of words cannot do that (a keyword glued to a
number, `LIMIT 1SET`, or hidden behind a backslash in a backticked name escapes it): this
tokeniser reads the text as the engine's lexer does, so strings, backticked names (where a
backslash is a plain character and a doubled backtick an escaped one), comments, parameters
and property names are never taken for keywords, and a keyword glued to anything is still one.

>>> [t.text for t in tokens("MATCH (n) WITH n LIMIT 100000SET n.text = 'x'")][-8:]
['LIMIT', '100000', 'SET', 'n', '.', 'text', '=', 'x']
>>> file_clauses("MATCH (n:Task) RETURN n.id AS `q\\\\`COPY (MATCH (m) RETURN m) TO '/tmp/x.csv'")
['COPY']
>>> file_clauses("MATCH (n:Task) WHERE n.text CONTAINS 'LOAD FROM' RETURN n.load AS `copy`, {install: 1} AS m")
[]
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

# Clauses that read or write files, fetch or load extensions, or open other databases:
# LOAD FROM / LOAD CSV / LOAD EXTENSION, COPY ... FROM / TO, INSTALL, UNINSTALL, ATTACH,
# EXPORT DATABASE, IMPORT DATABASE.
FILE_KEYWORDS = frozenset({"LOAD", "COPY", "INSTALL", "UNINSTALL", "ATTACH", "EXPORT", "IMPORT"})


@dataclass(frozen=True)
class Token:
    """One lexical unit: `kind` is "word", "name" (backticked), "string", "number", "param"
    or "symbol"; `start` is its offset in the text."""

    kind: str
    text: str
    start: int


def _is_word_start(ch: str) -> bool:
    return ch == "_" or ch.isalpha()


def _is_word_part(ch: str) -> bool:
    return ch == "_" or ch.isalnum()


def tokens(cypher: str) -> Iterator[Token]:
    """The tokens of `cypher`, comments and whitespace left out. An unterminated string, name
    or comment runs to the end of the text (the engine refuses such a statement anyway).

    >>> [(t.kind, t.text) for t in tokens("RETURN `a``b` AS x, 'it\\\\'s' // CREATE")]
    [('word', 'RETURN'), ('name', 'a`b'), ('word', 'AS'), ('word', 'x'), ('symbol', ','), ('string', "it's")]
    >>> [t.text for t in tokens("RETURN 1E5x, $p, 2.5/*SET*/")]
    ['RETURN', '1E5', 'x', ',', 'p', ',', '2.5']
    """
    i, n = 0, len(cypher)
    while i < n:
        ch = cypher[i]
        if ch.isspace():
            i += 1
        elif cypher.startswith("//", i):
            j = min((k for k in (cypher.find("\n", i), cypher.find("\r", i)) if k >= 0), default=n)
            i = j
        elif cypher.startswith("/*", i):
            j = cypher.find("*/", i + 2)
            i = n if j < 0 else j + 2
        elif ch in "'\"":
            j, out = i + 1, []
            while j < n and cypher[j] != ch:
                if cypher[j] == "\\" and j + 1 < n:
                    out.append(cypher[j + 1])
                    j += 2
                else:
                    out.append(cypher[j])
                    j += 1
            yield Token("string", "".join(out), i)
            i = j + 1
        elif ch == "`":
            # a doubled backtick is one backtick of the name; a backslash is just a character
            j, out = i + 1, []
            while j < n:
                if cypher[j] == "`":
                    if cypher.startswith("``", j):
                        out.append("`")
                        j += 2
                        continue
                    break
                out.append(cypher[j])
                j += 1
            yield Token("name", "".join(out), i)
            i = j + 1
        elif ch.isdigit() or (ch == "." and i + 1 < n and cypher[i + 1].isdigit()):
            j = i
            while j < n and cypher[j].isdigit():
                j += 1
            if j < n and cypher[j] == "." and j + 1 < n and cypher[j + 1].isdigit():
                j += 1
                while j < n and cypher[j].isdigit():
                    j += 1
            if j < n and cypher[j] in "eE":
                k = j + 1 + (j + 1 < n and cypher[j + 1] in "+-")
                if k < n and cypher[k].isdigit():
                    j = k
                    while j < n and cypher[j].isdigit():
                        j += 1
            yield Token("number", cypher[i:j], i)
            i = j
        elif ch == "$":
            j = i + 1
            while j < n and _is_word_part(cypher[j]):
                j += 1
            yield Token("param", cypher[i + 1:j], i)
            i = j
        elif _is_word_start(ch):
            j = i + 1
            while j < n and _is_word_part(cypher[j]):
                j += 1
            yield Token("word", cypher[i:j], i)
            i = j
        else:
            yield Token("symbol", ch, i)
            i += 1


def keywords(cypher: str) -> list[str]:
    """The words of `cypher` in keyword position, upper-cased: not a property (`n.set`), a label
    or type (`:Set`), or a name before a colon (a map key `{set: 1}`, a variable `(set:Task)`),
    which no clause keyword is. Other variables and aliases are included: only the grammar
    tells them apart.

    >>> keywords("MATCH (n:Set) RETURN n.delete AS x, {create: 1} AS m")
    ['MATCH', 'RETURN', 'N', 'AS', 'X', 'AS', 'M']
    """
    listed = list(tokens(cypher))
    out: list[str] = []
    for index, token in enumerate(listed):
        if token.kind != "word":
            continue
        before = listed[index - 1] if index else None
        after = listed[index + 1] if index + 1 < len(listed) else None
        if before is not None and before.kind == "symbol" and before.text in ".:":
            continue
        if after is not None and after.kind == "symbol" and after.text == ":":
            continue
        out.append(token.text.upper())
    return out


def file_clauses(cypher: str) -> list[str]:
    """The keywords of `cypher` that open a clause reaching files, extensions or other
    databases (`FILE_KEYWORDS`), in order.

    >>> file_clauses("load from '/etc/passwd' RETURN *"), file_clauses("MATCH (n) RETURN n LIMIT 1UNINSTALL")
    (['LOAD'], ['UNINSTALL'])
    """
    return [word for word in keywords(cypher) if word in FILE_KEYWORDS]
