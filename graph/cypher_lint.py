"""Check Cypher with Neo4j's own parser and semantic analysis, offline, through the small Node
project in tools/cypher-lint (npm package `@neo4j-cypher/language-support`).

The ontology is handed over as the database schema, so a misspelt label, relationship type or
property, or a relationship between labels the ontology does not join, is reported as well.
Install the tool once with `npm ci --prefix tools/cypher-lint`.

>>> schema = lint_schema()
>>> schema["labels"][:3], "RESPONSIBLE_FOR" in schema["relationshipTypes"]
(['Document', 'Plan', 'Section'], True)
>>> {"from": "Department", "to": "Task", "relType": "RESPONSIBLE_FOR"} in schema["graphSchema"]
True
>>> is_neo4j_query(Path("packs/plans/plan_lineage.ladybug.cypher"), "MATCH (n) RETURN n")
False
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from plankg.errors import PlankgError
from plankg.ontology.vocab import NODE_PROPERTIES, REL_ENDPOINTS, REL_PROPERTIES, NodeLabel, RelType

TOOL_DIR = Path(__file__).resolve().parent.parent / "tools" / "cypher-lint"
INSTALL = "npm ci --prefix tools/cypher-lint"
_DIALECT = re.compile(r"^//\s*dialect:\s*(\S+)", re.MULTILINE)


class CypherLintError(PlankgError):
    """The Cypher linter cannot run, or it found errors."""


@dataclass(frozen=True)
class Diagnostic:
    name: str
    severity: str
    message: str
    line: int
    column: int
    text: str

    def __str__(self) -> str:
        return f"{self.name}:{self.line}:{self.column}: {self.severity}: {self.message}"


def lint_schema() -> dict[str, Any]:
    """The ontology as the linter's database schema."""
    declared = {p for m in (*NODE_PROPERTIES.values(), *REL_PROPERTIES.values()) for p in m}
    # the loaders' `row.source` / `row.target` are keys of parameter maps, which the checker
    # cannot tell from property keys
    props = sorted(declared | {"source", "target"})
    return {"labels": [label.value for label in NodeLabel],
            "relationshipTypes": [rel.value for rel in RelType],
            "propertyKeys": props,
            "graphSchema": [{"from": s.value, "to": t.value, "relType": rel.value}
                            for rel, pairs in REL_ENDPOINTS.items() for s, t in pairs]}


def is_neo4j_query(path: Path, text: str) -> bool:
    """Whether a query file is Neo4j Cypher: dialect overrides for other stores are not."""
    match = _DIALECT.search(text)
    if match:
        return match.group(1) == "neo4j"
    parts = path.name.split(".")
    return len(parts) == 2 or parts[-2] == "neo4j"


def pack_queries(packs: Path) -> list[dict[str, str]]:
    """Every Neo4j query file under `packs`, named by its path relative to `packs`."""
    out = []
    for path in sorted(packs.rglob("*.cypher")):
        text = path.read_text(encoding="utf-8")
        if is_neo4j_query(path, text):
            out.append({"name": str(path.relative_to(packs)), "query": text})
    return out


def tool_ready() -> str | None:
    """None when the linter can run, else why not (with the command that fixes it)."""
    if shutil.which("node") is None:
        return "node is not installed (the Cypher linter runs on Node.js 18 or later)"
    if not (TOOL_DIR / "node_modules" / "@neo4j-cypher" / "language-support").is_dir():
        return f"the Cypher linter's packages are not installed: run `{INSTALL}`"
    return None


def lint(queries: Iterable[Mapping[str, Any]], *, schema: Mapping[str, Any] | None = None,
         strict: bool = False) -> list[Diagnostic]:
    """Lint `queries` ({name, query}); returns every diagnostic (errors and warnings)."""
    reason = tool_ready()
    if reason:
        raise CypherLintError("cannot lint Cypher", where=str(TOOL_DIR), fix=reason)
    payload = {"schema": dict(schema if schema is not None else lint_schema()), "queries": list(queries)}
    done = subprocess.run(["node", str(TOOL_DIR / "lint.mjs"), *(["--strict"] if strict else [])],
                          input=json.dumps(payload, ensure_ascii=False), capture_output=True, text=True,
                          encoding="utf-8", timeout=300)
    if done.returncode not in (0, 1):
        raise CypherLintError(f"the Cypher linter failed: {done.stderr.strip()}", where=str(TOOL_DIR / "lint.mjs"),
                              fix=f"reinstall it with `{INSTALL}`")
    report = json.loads(done.stdout)
    return [Diagnostic(name=r["name"], **d) for r in report["results"] for d in r["diagnostics"]]


def main(argv: list[str] | None = None) -> int:
    """Lint every query pack file: `python -m plankg.graph.cypher_lint [PACKS_DIR]`."""
    argv = sys.argv[1:] if argv is None else argv
    packs = Path(argv[0]) if argv else Path(__file__).resolve().parent.parent / "queries" / "packs"
    diagnostics = lint(pack_queries(packs))
    for diagnostic in diagnostics:
        print(diagnostic)
    return 1 if any(d.severity == "error" for d in diagnostics) else 0


if __name__ == "__main__":
    raise SystemExit(main())
