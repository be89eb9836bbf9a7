"""Load, validate, run and export the query packs (`packs/<pack>/<name>.cypher`).

A pack file is a header of `// key: value` lines followed by one Cypher statement; the format
is specified in `queries/README.md`. Validation is strict because the packs are data other
tools read (the CLI, the viz helper, Neo4j users): an unknown key, a parameter the text does not
use, or a label the ontology does not know fails loading with the file and line.

>>> parse_param_spec('plan string = "" choices=pick_plans -- 规划标题片段')  # doctest: +NORMALIZE_WHITESPACE
Param(name='plan', type='string', default='', required=False, choices_query='pick_plans', description='规划标题片段',
example=None)
>>> coerce_param(Param("year", "int", None, True, None, ""), "2025")
2025
"""
from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from plankg.errors import QueryError
from plankg.graph.dialect import translate
from plankg.graph.store import GraphReader
from plankg.ontology.vocab import NODE_PROPERTIES, REL_PROPERTIES, NodeLabel, RelType

DIALECTS = ("ladybug", "neo4j")
PARAM_TYPES = ("string", "int", "float", "bool")
CATEGORIES = ("overview", "ranking", "lookup", "matrix", "quality", "lineage", "search", "pick-list")
VIZ_KEYS = ("source", "target", "relationship", "weight", "directed")
VIZ_FLAGS = {"directed": ("yes", "no")}  # viz keys whose value is a word, not a returned column

# key -> (required, repeatable); the order is the order README.md documents them in
BASE_KEYS: dict[str, tuple[bool, bool]] = {
    "name": (True, False), "title_zh": (True, False), "title_en": (True, False),
    "description": (True, False), "param": (False, True), "category": (True, False),
    "revision": (True, False), "viz": (False, False),
}
OVERRIDE_KEYS: dict[str, tuple[bool, bool]] = {"name": (True, False), "dialect": (True, False),
                                               "reason": (True, False)}
# keys whose value may continue on following `//   ` lines
CONTINUABLE = frozenset({"description", "reason"})

_HEADER_LINE = re.compile(r"^//\s?(?P<key>[A-Za-z_][\w-]*):\s*(?P<value>.*)$")
_CONTINUATION = re.compile(r"^//\s{2,}(?P<value>\S.*)$")
_PARAM_SPEC = re.compile(
    r"^(?P<name>[a-z_][a-z0-9_]*)\s+(?P<type>\w+)"
    r"(?:\s*=\s*(?P<default>\"(?:[^\"\\]|\\.)*\"|\S+))?"
    r"(?:\s+choices=(?P<choices>[a-z_][a-z0-9_]*))?"
    r"(?:\s+example=(?P<example>\"(?:[^\"\\]|\\.)*\"|\S+))?"
    r"\s+--\s+(?P<description>\S.*)$")
_PARAM_USE = re.compile(r"\$([A-Za-z_]\w*)")
_LABELS = r"([A-Za-z_]\w*(?:\s*\|\s*:?[A-Za-z_]\w*)*)"
_NODE_LABELS = re.compile(r"\(\s*(?:[A-Za-z_]\w*)?\s*:\s*" + _LABELS)
_REL_TYPES = re.compile(r"\[\s*(?:[A-Za-z_]\w*)?\s*:\s*" + _LABELS)
_VARIABLE_PROPERTY = re.compile(r"(?<![\w.$])([A-Za-z_]\w*)\.([A-Za-z_]\w*)")
_NODE_VARIABLE = re.compile(r"\(\s*([A-Za-z_]\w*)\s*:\s*" + _LABELS)
_REL_VARIABLE = re.compile(r"\[\s*([A-Za-z_]\w*)\s*:\s*" + _LABELS)
_ALIAS = re.compile(r"\bAS\s+([A-Za-z_]\w*)\s*$", re.IGNORECASE)

KNOWN_PROPERTIES = frozenset(p for props in NODE_PROPERTIES.values() for p in props) | frozenset(
    p for props in REL_PROPERTIES.values() for p in props)

# Clauses that change data or reach outside the database. CALL is refused too: a procedure may write.
WRITE_KEYWORDS = frozenset({
    "CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "DROP", "LOAD", "COPY", "CALL", "ALTER",
    "INSTALL", "ATTACH", "IMPORT", "EXPORT", "FOREACH", "CHECKPOINT", "BEGIN", "COMMIT", "ROLLBACK",
    "GRANT", "DENY", "REVOKE", "TERMINATE", "START", "STOP", "ENABLE",
})
_WORD = re.compile(r"(?<![\w.$`])([A-Za-z_]+)\b")


@dataclass(frozen=True)
class Param:
    """One `$name` a query takes; `choices_query` names the pick-list query offering its values."""

    name: str
    type: str
    default: Any
    required: bool
    choices_query: str | None
    description: str
    example: Any = None  # a value that shows what the param takes, for free-text params with no pick-list


@dataclass(frozen=True)
class Override:
    """A dialect's own text of a query, with the reason the dialects cannot share one."""

    dialect: str
    reason: str
    text: str
    path: str


@dataclass(frozen=True)
class Query:
    name: str
    pack: str
    title_zh: str
    title_en: str
    description: str
    params: tuple[Param, ...]
    category: str
    revision: int
    viz: dict | None
    text: str
    path: str
    overrides: Mapping[str, Override] = field(default_factory=dict)

    def __hash__(self) -> int:  # viz and overrides are dicts; a query is identified by its file and text
        return hash((self.path, self.revision, self.text))

    def text_for(self, dialect: str) -> str:
        """The text to run on a store of `dialect`: its override if there is one, else the shared
        text in the dialect's terms (`plankg.graph.dialect`, the rewrites `plankg query --cypher` takes)."""
        if dialect not in DIALECTS:
            raise QueryError(f"unknown dialect {dialect!r}", where=self.path, fix="use one of " + ", ".join(DIALECTS))
        override = self.overrides.get(dialect)
        return override.text if override else translate(self.text, dialect)

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        raise QueryError(f"query {self.name} has no parameter ${name}", where=self.path,
                         fix="use one of " + (", ".join(f"${p.name}" for p in self.params) or "(none)"))

    def to_json(self) -> dict:
        return {"name": self.name, "pack": self.pack, "title_zh": self.title_zh, "title_en": self.title_en,
                "description": self.description, "category": self.category, "revision": self.revision,
                "params": [{"name": p.name, "type": p.type, "default": p.default, "required": p.required,
                            "choices_query": p.choices_query, "description": p.description} for p in self.params],
                "viz": self.viz, "text": self.text,
                "overrides": {d: {"reason": o.reason, "text": o.text} for d, o in sorted(self.overrides.items())}}


# --- pure parsing ---------------------------------------------------------------------------

def code_only(cypher: str) -> str:
    """The Cypher with string literals and comments blanked out, so scans see only code.

    Lengths are kept, so offsets still point into the original text, even where a quote is left
    open. A backslash escapes in strings only: a backticked name ends at the next backtick.

    >>> code_only("MATCH (n) WHERE n.name = 'a:b $x' // CREATE\\nRETURN n")
    "MATCH (n) WHERE n.name = '      '          \\nRETURN n"
    >>> code_only("RETURN 'open"), code_only("RETURN '"), code_only("RETURN `a\\\\`")
    ("RETURN '    ", "RETURN '", 'RETURN `a\\\\`')
    """
    out, i, n = [], 0, len(cypher)
    while i < n:
        ch = cypher[i]
        if ch in "'\"`":
            j = i + 1
            while j < n and cypher[j] != ch:
                j += 2 if cypher[j] == "\\" and ch != "`" else 1
            closed = j < n
            end = j + 1 if closed else n
            # backticked names are code (labels may be quoted); string contents are not
            out.append(cypher[i:end] if ch == "`" else ch + " " * (end - i - 1 - closed) + ch * closed)
            i = end
        elif cypher.startswith("//", i):
            j = cypher.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif cypher.startswith("/*", i):
            j = cypher.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", cypher[i:j]))
            i = j
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def used_params(cypher: str) -> set[str]:
    """Names of the `$params` a text uses (outside strings and comments).

    >>> sorted(used_params("MATCH (p:Plan) WHERE p.title CONTAINS $plan AND p.x = '$not' RETURN $y AS y"))
    ['plan', 'y']
    """
    return set(_PARAM_USE.findall(code_only(cypher)))


def used_labels(cypher: str) -> tuple[set[str], set[str]]:
    """Node labels and relationship types a text's patterns name.

    >>> labels, types = used_labels("MATCH (d:Department)-[r:RESPONSIBLE_FOR|MENTIONS]->(:Task), (s:Section|Plan) "
    ...                             "RETURN {a: d.name} AS m")
    >>> sorted(labels), sorted(types)
    (['Department', 'Plan', 'Section', 'Task'], ['MENTIONS', 'RESPONSIBLE_FOR'])
    """
    code = code_only(cypher)
    def split(groups: list[str]) -> set[str]:
        return {part.strip().lstrip(":").strip("`") for g in groups for part in g.split("|")}
    return split(_NODE_LABELS.findall(code)), split(_REL_TYPES.findall(code))


def _variable_labels(cypher: str) -> dict[str, set[str]]:
    code = code_only(cypher)
    out: dict[str, set[str]] = {}
    for pattern in (_NODE_VARIABLE, _REL_VARIABLE):
        for variable, labels in pattern.findall(code):
            out.setdefault(variable, set()).update(part.strip().lstrip(":") for part in labels.split("|"))
    return out


def variable_properties(cypher: str) -> dict[str, frozenset[str]]:
    """The properties each labelled pattern variable may have (union over its labels or types).

    >>> props = variable_properties("MATCH (s:Section)-[r:HAS_TASK]->(t:Task|Target) RETURN s.depth AS d")
    >>> "depth" in props["s"], "level" in props["s"], "metric" in props["t"], sorted(props["r"])
    (True, False, True, ['document_id', 'rule'])
    """
    out = {}
    for variable, labels in _variable_labels(cypher).items():
        allowed: set[str] = set()
        for label in labels:
            if label in NodeLabel._value2member_map_:
                allowed |= set(NODE_PROPERTIES[NodeLabel(label)])
            elif label in RelType._value2member_map_:
                allowed |= set(REL_PROPERTIES[RelType(label)])
        out[variable] = frozenset(allowed)
    return out


def is_read_only(cypher: str) -> bool:
    """True when an ad hoc query has no clause that writes or reaches outside the database.

    >>> is_read_only("MATCH (n:Task) WHERE n.text CONTAINS 'CREATE' RETURN n.text AS text")
    True
    >>> is_read_only("MATCH (n:Task) SET n.text = 'x'")
    False
    >>> is_read_only("match (n) detach delete n")
    False
    >>> is_read_only("CALL db.labels()")
    False
    >>> is_read_only("MATCH (n) RETURN n.set AS set_, {create: 1} AS m")
    True
    """
    code = code_only(cypher)
    for match in _WORD.finditer(code):
        word = match.group(1).upper()
        if word in WRITE_KEYWORDS and not code[match.end():].lstrip().startswith(":"):  # map keys are not clauses
            return False
    return True


def parse_param_spec(spec: str) -> Param:
    """Parse the value of a `param:` header line: `NAME TYPE [= JSON] [choices=QUERY] -- DESCRIPTION`.

    A default makes the parameter optional; without one it is required.

    >>> parse_param_spec("year int choices=pick_years -- 目标年份")  # doctest: +NORMALIZE_WHITESPACE
    Param(name='year', type='int', default=None, required=True, choices_query='pick_years', description='目标年份',
    example=None)
    >>> parse_param_spec("min_plans int = 2 -- at least this many plans").default
    2
    >>> parse_param_spec('q string example="科技局" -- name fragment').example
    '科技局'
    >>> parse_param_spec("x str -- bad type")
    Traceback (most recent call last):
    ...
    ValueError: parameter x has type 'str'; use one of string, int, float, bool
    >>> parse_param_spec("x int = 'a' -- bad default")
    Traceback (most recent call last):
    ...
    ValueError: parameter x has default 'a', which is not a JSON literal (strings take double quotes)
    """
    match = _PARAM_SPEC.match(spec.strip())
    if not match:
        raise ValueError(f"cannot read parameter spec {spec.strip()!r}; write NAME TYPE [= JSON_DEFAULT] "
                         "[choices=PICK_LIST_QUERY] -- DESCRIPTION")
    name, ptype = match["name"], match["type"]
    if ptype not in PARAM_TYPES:
        raise ValueError(f"parameter {name} has type {ptype!r}; use one of {', '.join(PARAM_TYPES)}")
    default, required = None, True
    if match["default"] is not None:
        try:
            default = json.loads(match["default"])
        except json.JSONDecodeError:
            raise ValueError(f"parameter {name} has default {match['default']}, which is not a JSON literal "
                             "(strings take double quotes)") from None
        if default is None:
            raise ValueError(f"parameter {name} has default null; LadybugDB cannot type a null parameter, "
                             'use "" or 0 to mean "all"')
        default = _check_type(name, ptype, default)
        required = False
    example = None
    if match["example"] is not None:
        try:
            example = _check_type(name, ptype, json.loads(match["example"]))
        except json.JSONDecodeError:
            raise ValueError(f"parameter {name} has example {match['example']}, which is not a JSON literal "
                             "(strings take double quotes)") from None
    return Param(name, ptype, default, required, match["choices"], match["description"].strip(), example)


def _check_type(name: str, ptype: str, value: Any) -> Any:
    ok = {"string": lambda v: isinstance(v, str), "bool": lambda v: isinstance(v, bool),
          "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
          "float": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool)}[ptype]
    if not ok(value):
        raise ValueError(f"parameter {name} is {ptype} but its default is {value!r}")
    return float(value) if ptype == "float" else value


def coerce_param(param: Param, value: Any) -> Any:
    """Convert a value, usually a string from the command line, to the parameter's type.

    >>> p = Param("flag", "bool", False, False, None, "")
    >>> [coerce_param(p, v) for v in ("yes", "0", True)]
    [True, False, True]
    >>> coerce_param(Param("n", "float", 0.0, False, None, ""), "1.5")
    1.5
    >>> coerce_param(Param("year", "int", None, True, None, ""), "二〇二五")
    Traceback (most recent call last):
    ...
    plankg.errors.QueryError: parameter $year needs an int, got '二〇二五'. Fix: pass digits, e.g. year=2025
    """
    if param.type == "string":
        return value if isinstance(value, str) else str(value)
    if isinstance(value, str):
        text = value.strip()
        try:
            if param.type == "int":
                return int(text)
            if param.type == "float":
                return float(text)
            if text.lower() in ("true", "yes", "1", "y", "on"):
                return True
            if text.lower() in ("false", "no", "0", "n", "off"):
                return False
        except ValueError:
            pass
        example = {"int": "pass digits, e.g. year=2025", "float": "pass a number, e.g. 1.5",
                   "bool": "pass true or false"}[param.type]
        raise QueryError(f"parameter ${param.name} needs {'an' if param.type == 'int' else 'a'} {param.type}, "
                         f"got {value!r}", fix=example)
    try:
        return _check_type(param.name, param.type, value)
    except ValueError as exc:
        raise QueryError(str(exc), fix=f"pass a {param.type}") from None


def parse_header(text: str, where: str, keys: Mapping[str, tuple[bool, bool]]) -> tuple[dict[str, Any], str]:
    """Split a pack file into its header (key -> value, or list of values for repeatable keys) and body.

    The header is the run of `//` lines at the top; the first other line starts the body.

    >>> header, body = parse_header("// name: x\\n// description: line one\\n//   line two\\nRETURN 1 AS one",
    ...                             "x.cypher", {"name": (True, False), "description": (True, False)})
    >>> header, body
    ({'name': 'x', 'description': 'line one\\nline two'}, 'RETURN 1 AS one')
    >>> parse_header("// nmae: x\\nRETURN 1 AS one", "x.cypher", {"name": (True, False)})
    Traceback (most recent call last):
    ...
    plankg.errors.QueryError: unknown header key 'nmae' [x.cypher:1]. Fix: use one of name
    """
    lines = text.splitlines()
    header: dict[str, Any] = {}
    last_key: str | None = None
    body_start = len(lines)
    for number, line in enumerate(lines, start=1):
        if not line.startswith("//"):
            body_start = number - 1
            break
        at = f"{where}:{number}"
        cont = _CONTINUATION.match(line)
        if cont and last_key is not None and last_key in CONTINUABLE:
            header[last_key] += "\n" + cont["value"].rstrip()
            continue
        match = _HEADER_LINE.match(line)
        if not match:
            raise QueryError(f"cannot read header line {line!r}", where=at,
                             fix="write `// key: value`; only description and reason continue on `//   ` lines")
        key, value = match["key"], match["value"].strip()
        if key not in keys:
            raise QueryError(f"unknown header key {key!r}", where=at, fix="use one of " + ", ".join(keys))
        if not value:
            raise QueryError(f"header key {key!r} has no value", where=at, fix="write a value after the colon")
        if keys[key][1]:
            header.setdefault(key, []).append((value, number))
        elif key in header:
            raise QueryError(f"header key {key!r} appears twice", where=at, fix="keep one")
        else:
            header[key] = value
        last_key = key
    missing = [k for k, (required, _) in keys.items() if required and k not in header]
    if missing:
        raise QueryError(f"header lacks required key(s) {', '.join(missing)}", where=where,
                         fix="add `// key: value` lines for them at the top of the file")
    body = "\n".join(lines[body_start:]).strip()
    return header, body


def return_aliases(cypher: str, where: str) -> list[str]:
    """The column names of the final RETURN: every item is `expr AS name` or a bare variable,
    and an ORDER BY must follow.

    >>> return_aliases("MATCH (n:Task) RETURN n.ref AS ref, count(*) AS tasks ORDER BY ref", "q")
    ['ref', 'tasks']
    >>> return_aliases("MATCH (n:Task) RETURN n.ref ORDER BY n.ref", "q")
    Traceback (most recent call last):
    ...
    plankg.errors.QueryError: RETURN item 'n.ref' has no alias [q]. Fix: write `n.ref AS some_name`
    """
    code = code_only(cypher)
    starts = [m.end() for m in re.finditer(r"\bRETURN\b", code, re.IGNORECASE)]
    if not starts:
        raise QueryError("the query has no RETURN", where=where, fix="return named columns")
    tail = code[starts[-1]:]
    order = re.search(r"\bORDER\s+BY\b", tail, re.IGNORECASE)
    if not order:
        raise QueryError("the final RETURN has no ORDER BY", where=where,
                         fix="order the rows, with tie-breakers, so results are deterministic")
    items_text = re.sub(r"^\s*DISTINCT\b", "", tail[:order.start()], flags=re.IGNORECASE)
    items: list[str] = []
    current: list[str] = []
    depth = 0
    for ch in items_text:
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        if ch == "," and depth == 0:
            items.append("".join(current))
            current = []
        else:
            current.append(ch)
    items.append("".join(current))
    aliases = []
    for item in (i.strip() for i in items):
        if re.fullmatch(r"[A-Za-z_]\w*", item):  # a variable bound by WITH is already named
            aliases.append(item)
            continue
        match = _ALIAS.search(item)
        if not match:
            raise QueryError(f"RETURN item {item!r} has no alias", where=where, fix=f"write `{item} AS some_name`")
        aliases.append(match.group(1))
    bound = set(re.findall(r"[(\[]\s*([A-Za-z_]\w*)\s*[:)\]{]", code))
    for item, alias in zip(items, aliases, strict=True):
        if alias in bound and item.strip() != alias:
            raise QueryError(f"column {alias!r} has the name of a pattern variable", where=where,
                             fix=f"rename the variable or the column: LadybugDB resolves ORDER BY {alias} "
                                 "to the variable")
    return aliases


def parse_viz(value: str, where: str, aliases: list[str]) -> dict[str, str]:
    """Parse `source=COL target=COL [relationship=COL] [weight=COL] [directed=no]` against the
    RETURN aliases; `directed=no` marks a symmetric relation (drawn without arrows).

    >>> parse_viz("source=a target=b weight=n", "q", ["a", "b", "n"])
    {'source': 'a', 'target': 'b', 'weight': 'n'}
    >>> parse_viz("source=a target=b directed=no", "q", ["a", "b"])
    {'source': 'a', 'target': 'b', 'directed': 'no'}
    """
    viz: dict[str, str] = {}
    for part in value.split():
        key, sep, column = part.partition("=")
        if not sep or key not in VIZ_KEYS or key in viz:
            raise QueryError(f"cannot read viz hint {part!r}", where=where,
                             fix="write viz: source=COL target=COL [relationship=COL] [weight=COL] [directed=no]")
        if key in VIZ_FLAGS:
            if column not in VIZ_FLAGS[key]:
                raise QueryError(f"viz hint {key}={column} is not one of {', '.join(VIZ_FLAGS[key])}", where=where,
                                 fix=f"write {key}={VIZ_FLAGS[key][-1]} or leave it out")
        elif column not in aliases:
            raise QueryError(f"viz hint {key}={column} names no returned column", where=where,
                             fix="use one of " + ", ".join(aliases))
        viz[key] = column
    if "source" not in viz or "target" not in viz:
        raise QueryError("viz hint needs source= and target=", where=where, fix="name both columns")
    return viz


def check_text(text: str, where: str, declared: set[str]) -> list[str]:
    """Check a query text against the ontology and its declared params; return its RETURN aliases."""
    if not text:
        raise QueryError("the file has a header but no query", where=where, fix="write the Cypher after the header")
    if ";" in code_only(text):
        raise QueryError("the query contains ';'", where=where, fix="one statement per file, without a trailing ';'")
    if not is_read_only(text):
        raise QueryError("a pack query writes or calls procedures", where=where,
                         fix="packs are read-only; remove CREATE/MERGE/SET/DELETE/CALL clauses")
    used = used_params(text)
    if used != declared:
        parts = []
        if used - declared:
            parts.append("used but not declared: " + ", ".join(f"${n}" for n in sorted(used - declared)))
        if declared - used:
            parts.append("declared but not used: " + ", ".join(f"${n}" for n in sorted(declared - used)))
        raise QueryError("params do not match the text (" + "; ".join(parts) + ")", where=where,
                         fix="add a `// param:` line for each $name the text uses, and remove unused ones")
    labels, types = used_labels(text)
    for label in sorted(labels):
        if label not in NodeLabel._value2member_map_:
            raise QueryError(f"unknown node label {label!r}", where=where,
                             fix="use one of " + ", ".join(x.value for x in NodeLabel))
    for rel in sorted(types):
        if rel not in RelType._value2member_map_:
            raise QueryError(f"unknown relationship type {rel!r}", where=where,
                             fix="use one of " + ", ".join(x.value for x in RelType))
    typed = variable_properties(text)
    for variable, prop in sorted(set(_VARIABLE_PROPERTY.findall(code_only(text)))):
        allowed = typed.get(variable, KNOWN_PROPERTIES)
        if prop not in allowed:
            owner = (f"{variable} ({'|'.join(sorted(_variable_labels(text)[variable]))})" if variable in typed
                     else variable)
            raise QueryError(f"unknown property {prop!r} of {owner}", where=where,
                             fix="use one of " + ", ".join(sorted(allowed)))
    return return_aliases(text, where)


# --- loading ----------------------------------------------------------------------------------

def _pack_files(packs_dir: str | Path | None) -> Iterator[tuple[str, str, str, str]]:
    """Yield (pack, file name, text, shown path) for every `.cypher` file, in a stable order."""
    root = Path(packs_dir) if packs_dir is not None else resources.files("plankg.queries") / "packs"
    for pack_dir in sorted((p for p in root.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))),
                           key=lambda p: p.name):
        for entry in sorted((f for f in pack_dir.iterdir() if f.name.endswith(".cypher")), key=lambda f: f.name):
            yield pack_dir.name, entry.name, entry.read_text(encoding="utf-8"), f"packs/{pack_dir.name}/{entry.name}"


def _load_base(pack: str, file_name: str, text: str, where: str) -> Query:
    header, body = parse_header(text, where, BASE_KEYS)
    stem = file_name[: -len(".cypher")]
    if header["name"] != stem:
        raise QueryError(f"header name {header['name']!r} differs from the file name", where=where,
                         fix=f"name the file {header['name']}.cypher or the query {stem}")
    if not re.fullmatch(r"[a-z][a-z0-9_]*", stem):
        raise QueryError(f"query name {stem!r} is not snake_case", where=where, fix="use [a-z0-9_]")
    params = []
    for value, number in header.get("param", []):
        try:
            params.append(parse_param_spec(value))
        except ValueError as exc:
            raise QueryError(str(exc), where=f"{where}:{number}",
                             fix="see queries/README.md, section 'Header format'") from None
    names = [p.name for p in params]
    if len(set(names)) != len(names):
        raise QueryError("a parameter is declared twice", where=where, fix="keep one `// param:` line per name")
    if header["category"] not in CATEGORIES:
        raise QueryError(f"unknown category {header['category']!r}", where=where,
                         fix="use one of " + ", ".join(CATEGORIES))
    if not re.fullmatch(r"[1-9]\d*", header["revision"]):
        raise QueryError(f"revision {header['revision']!r} is not a positive integer", where=where,
                         fix="start at 1 and add 1 whenever the result's meaning or columns change")
    aliases = check_text(body, where, set(names))
    if header["category"] == "pick-list":
        if aliases[0] != "value":
            raise QueryError("a pick-list query's first column must be `value`", where=where,
                             fix="return the choice as `... AS value`")
        if any(p.required for p in params):
            raise QueryError("a pick-list query cannot have required params", where=where,
                             fix="give every param a default")
    viz = parse_viz(header["viz"], where, aliases) if "viz" in header else None
    return Query(name=stem, pack=pack, title_zh=header["title_zh"], title_en=header["title_en"],
                 description=header["description"], params=tuple(params), category=header["category"],
                 revision=int(header["revision"]), viz=viz, text=body, path=where, overrides={})


def load_packs(packs_dir: str | Path | None = None) -> dict[str, Query]:
    """Load and validate every pack; returns queries keyed by name (names are unique across packs).

    `packs_dir` defaults to the packs shipped as package data (`plankg.queries/packs`).
    """
    if packs_dir is None and _CACHE:
        return dict(_CACHE)
    queries: dict[str, Query] = {}
    overrides: list[tuple[str, str, str, str]] = []
    for pack, file_name, text, where in _pack_files(packs_dir):
        parts = file_name.split(".")
        if len(parts) == 3:
            overrides.append((pack, file_name, text, where))
            continue
        if len(parts) != 2:
            raise QueryError(f"cannot read the file name {file_name!r}", where=where,
                             fix="name files <query>.cypher, or <query>.<dialect>.cypher for an override")
        query = _load_base(pack, file_name, text, where)
        if query.name in queries:
            raise QueryError(f"query name {query.name!r} is used twice", where=where,
                             fix=f"rename one; the other is {queries[query.name].path}")
        queries[query.name] = query
    for pack, file_name, text, where in overrides:
        stem, dialect, _ = file_name.split(".")
        if dialect not in DIALECTS:
            raise QueryError(f"unknown dialect {dialect!r} in the file name", where=where,
                             fix="use one of " + ", ".join(DIALECTS))
        base = queries.get(stem)
        if base is None or base.pack != pack:
            raise QueryError(f"override for {stem!r} has no base query {stem}.cypher in pack {pack}", where=where,
                             fix="write the shared text first; an override only replaces it for one dialect")
        header, body = parse_header(text, where, OVERRIDE_KEYS)
        if header["name"] != stem or header["dialect"] != dialect:
            raise QueryError("override header name/dialect differ from its file name", where=where,
                             fix=f"write `// name: {stem}` and `// dialect: {dialect}`")
        base_aliases = return_aliases(base.text, base.path)
        aliases = check_text(body, where, {p.name for p in base.params})
        if aliases != base_aliases:
            raise QueryError(f"override returns {aliases}, the base returns {base_aliases}", where=where,
                             fix="return the same columns in the same order in every dialect")
        queries[stem] = Query(**{**base.__dict__, "overrides": {**base.overrides, dialect: Override(
            dialect, header["reason"], body, where)}})
    for query in queries.values():
        for p in query.params:
            if p.choices_query is None:
                continue
            pick = queries.get(p.choices_query)
            if pick is None or pick.category != "pick-list":
                raise QueryError(f"param ${p.name} takes choices from {p.choices_query!r}, which is not a pick-list "
                                 "query", where=query.path,
                                 fix="use one of " + ", ".join(sorted(q.name for q in queries.values()
                                                                     if q.category == "pick-list")))
    if packs_dir is None:
        _CACHE.update(queries)
    return dict(queries)


_CACHE: dict[str, Query] = {}


# --- running ----------------------------------------------------------------------------------

def _resolve(query_or_name: Query | str) -> Query:
    if isinstance(query_or_name, Query):
        return query_or_name
    queries = load_packs()
    if query_or_name not in queries:
        raise QueryError(f"unknown query {query_or_name!r}",
                         fix="run `plankg query list` to see them; e.g. " + ", ".join(sorted(queries)[:8]))
    return queries[query_or_name]


def pick_list(store: GraphReader, param: Param, queries: Mapping[str, Query] | None = None) -> list:
    """The values a user can choose for `param`, from its pick-list query (empty if it has none)."""
    if param.choices_query is None:
        return []
    pick = (queries or load_packs())[param.choices_query]
    return [row["value"] for row in run_query(store, pick, {})]


def bind_params(query: Query, params: Mapping[str, Any], store: GraphReader | None = None) -> dict[str, Any]:
    """Check and coerce the given params, filling defaults; a missing required one raises with its choices."""
    unknown = set(params) - {p.name for p in query.params}
    if unknown:
        raise QueryError(f"query {query.name} has no parameter(s) {', '.join('$' + n for n in sorted(unknown))}",
                         where=query.path,
                         fix="use " + (", ".join(f"${p.name}" for p in query.params) or "no params"))
    bound = {}
    for p in query.params:
        value = params.get(p.name)
        if value is None:
            if p.required:
                fix = f"pass {p.name}=VALUE ({p.description})"
                if store is not None and p.choices_query:
                    try:
                        choices = pick_list(store, p)
                    except Exception:  # the hint is a courtesy; the missing param is the error
                        choices = []
                    if choices:
                        shown = ", ".join(str(c) for c in choices[:20])
                        more = f" … ({len(choices)} in all)" if len(choices) > 20 else ""
                        fix += f"; choices: {shown}{more}"
                raise QueryError(f"query {query.name} needs parameter ${p.name}", where=query.path, fix=fix)
            value = p.default
        bound[p.name] = coerce_param(p, value)
    return bound


def run_query(store: GraphReader, query_or_name: Query | str,
              params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
    """Run a pack query on `store` in its dialect, with params coerced from strings and defaults filled."""
    query = _resolve(query_or_name)
    bound = bind_params(query, dict(params or {}), store)
    return store.run(query.text_for(store.capabilities.dialect), bound)


# --- export -----------------------------------------------------------------------------------

_PLACEHOLDERS = {"string": "", "int": 0, "float": 0.0, "bool": False}


def param_literal(value: Any) -> str:
    """A parameter value as a Cypher literal: JSON's forms are Cypher's for strings (double quotes,
    backslash escapes), numbers and booleans.

    >>> param_literal('市"科技局'), param_literal(True), param_literal(2), param_literal(0.5)
    ('"市\\\\"科技局"', 'true', '2', '0.5')
    """
    return json.dumps(value, ensure_ascii=False)


def file_params(query: Query) -> dict[str, Any]:
    """The values an exported query's parameter file holds: each default, else the example, else a
    placeholder of the parameter's type for the user to replace ("" matches every name)."""
    return {p.name: p.default if not p.required else p.example if p.example is not None else _PLACEHOLDERS[p.type]
            for p in query.params}


def param_file_text(query: Query) -> str:
    """A query's parameters as one Cypher map, the form `cypher-shell -P` (or `--param`) takes:
    `cypher-shell -P "$(cat NAME.params)" -f NAME.cypher`.

    >>> param_file_text(Query("q", "p", "", "", "", (Param("plan", "string", "", False, None, ""),
    ...                        Param("min_tasks", "int", 1, False, None, "")), "overview", 1, None, "", ""))
    '{plan: "", min_tasks: 1}\\n'
    """
    return "{" + ", ".join(f"{name}: {param_literal(value)}" for name, value in file_params(query).items()) + "}\n"


_PARAM_KEY = re.compile(r"\s*([A-Za-z_]\w*)\s*:\s*")


def read_param_file(text: str) -> dict[str, Any]:
    """The values of a parameter file `param_file_text` wrote.

    >>> read_param_file('{plan: "市\\\\"科", year: 2025, share: 0.5, all: true}')
    {'plan': '市"科', 'year': 2025, 'share': 0.5, 'all': True}
    >>> read_param_file("{}")
    {}
    """
    body, decoder, out = text.strip(), json.JSONDecoder(), {}
    if not (body.startswith("{") and body.endswith("}")):
        raise QueryError("a parameter file holds one map, {name: value, ...}", where=body[:80],
                         fix="write it as plankg pack export does")
    i, end = 1, len(body) - 1
    while body[i:end].strip():
        key = _PARAM_KEY.match(body, i)
        if key is None:
            raise QueryError("a parameter file's entry is not `name: value`", where=body[i:i + 40],
                             fix="write it as plankg pack export does")
        value, i = decoder.raw_decode(body, key.end())
        out[key.group(1)] = value
        i = body.find(",", i, end) + 1 or end
    return out


def neo4j_file_text(query: Query) -> str:
    """A query as Neo4j Browser and `cypher-shell -f` run it as-is: comment lines (the first is the
    name Browser gives a saved script) documenting each parameter, then the Neo4j text and `;`. No
    `:param` lines: Browser runs them as commands, overwriting values the user set, and Neo4j's
    parser rejects them; the values live in `<name>.params` (`param_file_text`)."""
    lines = [f"// {query.title_zh} — {query.title_en}", f"// plankg query {query.name} (pack {query.pack}, "
             f"revision {query.revision})"]
    lines += [f"// {line}" for line in query.description.splitlines()]
    if query.params:
        lines.append(f"// Parameters (their values for cypher-shell are in {query.name}.params):")
    values = file_params(query)
    for p in query.params:
        if p.required:
            what = f"required; the .params file holds {param_literal(values[p.name])} to replace"
            what += f"; values: plankg query {p.choices_query}" if p.choices_query else ""
        else:
            what = f"default {param_literal(p.default)}"
        lines.append(f"//   ${p.name} ({p.type}, {what}): {p.description}")
    if query.params:
        first = query.params[0].name
        lines += [f'// cypher-shell -P "$(cat {query.name}.params)" -f {query.name}.cypher',
                  f"// Neo4j Browser: set each parameter first, e.g. :param {first} => {param_literal(values[first])}"]
    return "\n".join(lines) + "\n" + query.text_for("neo4j") + ";\n"


def export_packs(out_dir: str | Path, queries: Mapping[str, Query] | None = None) -> list[Path]:
    """Write `plankg-queries.json` (every query, both dialects, for programs) and
    `plankg-queries-neo4j.zip`: `plankg-queries/<pack>/<name>.cypher` for Neo4j Browser (which
    imports a zip of .cypher files as saved scripts, a folder per pack) and `cypher-shell -f`, and
    beside each query with parameters `<name>.params` for `cypher-shell -P`. Browser imports no
    JSON: its import takes .cypher/.cyp/.cql/.txt files and zips of .cypher files."""
    queries = dict(queries or load_packs())
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    ordered = sorted(queries.values(), key=lambda q: (q.pack, q.name))
    json_path = out / "plankg-queries.json"
    json_path.write_text(json.dumps({"format": "plankg-queries/1", "queries": [q.to_json() for q in ordered]},
                                    ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    zip_path = out / "plankg-queries-neo4j.zip"
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for q in ordered:
            archive.writestr(f"plankg-queries/{q.pack}/{q.name}.cypher", neo4j_file_text(q).encode("utf-8"))
            if q.params:
                archive.writestr(f"plankg-queries/{q.pack}/{q.name}.params", param_file_text(q).encode("utf-8"))
    return [json_path, zip_path]
