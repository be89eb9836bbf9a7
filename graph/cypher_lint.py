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

import collections
import json
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

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


class CypherLinter:
    """One Node process of the linter (`lint.mjs --serve`) for any number of `lint` calls, which
    remembers what it found for each (query, parameters, schema): starting Node and warming up
    Neo4j's language support costs more than linting a query, so a test session shares one.

    >>> with CypherLinter() as linter:  # doctest: +SKIP
    ...     linter.lint([{"name": "typo", "query": "MATCH (n:Plna) RETURN n"}])
    [Diagnostic(name='typo', severity='warning', ...)]
    """

    def __init__(self) -> None:
        reason = tool_ready()
        if reason:
            raise CypherLintError("cannot lint Cypher", where=str(TOOL_DIR), fix=reason)
        self._process: subprocess.Popen[str] | None = subprocess.Popen(
            ["node", str(TOOL_DIR / "lint.mjs"), "--serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True, encoding="utf-8")
        self._found: dict[str, list[dict[str, Any]]] = {}
        self._pending: collections.deque[list[str]] = collections.deque()  # keys of requests sent, in order
        self._writer: threading.Thread | None = None

    def _request(self, queries: Iterable[Mapping[str, Any]], schema: Mapping[str, Any] | None,
                 *, background: bool = False) -> tuple[list[str], list[dict[str, Any]]]:
        """Send the queries not linted or asked for before; returns every query's key, and the queries."""
        schema = dict(schema if schema is not None else lint_schema())
        listed = [dict(q) for q in queries]
        keys = [json.dumps([q["query"], q.get("parameters"), schema], ensure_ascii=False, sort_keys=True)
                for q in listed]
        asked = {key for batch in self._pending for key in batch}
        new = {key: q for key, q in zip(keys, listed, strict=True) if key not in self._found and key not in asked}
        if new:
            request = {"schema": schema, "queries": [{**q, "name": str(i)} for i, q in enumerate(new.values())]}
            line = json.dumps(request, ensure_ascii=False) + "\n"
            self._pending.append(list(new))
            if self._writer is not None:
                self._writer.join()
            # a request longer than the pipe holds blocks until Node reads it: write it from a
            # thread when the caller is not waiting for the answer
            if background:
                self._writer = threading.Thread(target=self._write_quietly, args=(line,), daemon=True)
                self._writer.start()
            else:
                self._writer = None
                self._write(line)
        return keys, listed

    def prefetch(self, queries: Iterable[Mapping[str, Any]], *, schema: Mapping[str, Any] | None = None) -> None:
        """Have Node lint `queries` while the caller goes on; a later `lint` of them waits for it."""
        self._request(queries, schema, background=True)

    def lint(self, queries: Iterable[Mapping[str, Any]], *, schema: Mapping[str, Any] | None = None,
             strict: bool = False) -> list[Diagnostic]:
        """Lint `queries` ({name, query, parameters?}); returns every diagnostic (errors and
        warnings). Only queries not linted before reach Node. `strict` is for the caller: with it
        a warning fails as an error would, which the diagnostics returned already tell."""
        keys, listed = self._request(queries, schema)
        while any(key not in self._found for key in keys):
            self._receive()
        return [Diagnostic(name=q["name"], **d) for key, q in zip(keys, listed, strict=True) for d in self._found[key]]

    def _streams(self) -> tuple[IO[str], IO[str]]:
        process = self._process
        if process is None or process.stdin is None or process.stdout is None:
            raise CypherLintError("the Cypher linter is closed", where=str(TOOL_DIR / "lint.mjs"),
                                  fix="lint through an open CypherLinter")
        return process.stdin, process.stdout

    def _write(self, line: str) -> None:
        stdin, _ = self._streams()
        stdin.write(line)
        stdin.flush()

    def _write_quietly(self, line: str) -> None:
        try:
            self._write(line)
        except (OSError, CypherLintError):
            pass  # closed before the request went out: nobody waits for its answer

    def _receive(self) -> None:
        """Read the answer to the oldest request still pending."""
        _, stdout = self._streams()
        keys = self._pending.popleft()
        line = stdout.readline()
        process = self._process
        answer = json.loads(line) if line else {
            "error": process.stderr.read().strip() if process is not None and process.stderr else "no answer"}
        if "error" in answer:
            self.close()
            raise CypherLintError(f"the Cypher linter failed: {answer['error']}", where=str(TOOL_DIR / "lint.mjs"),
                                  fix=f"reinstall it with `{INSTALL}`")
        for key, result in zip(keys, answer["results"], strict=True):
            self._found[key] = result["diagnostics"]

    def close(self) -> None:
        process, self._process = self._process, None
        if process is not None:
            if self._pending:
                process.kill()  # answers nobody waits for
            elif process.stdin is not None:
                process.stdin.close()  # ends the serve loop
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            for stream in (process.stdout, process.stderr):
                if stream is not None:
                    stream.close()

    def __enter__(self) -> CypherLinter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def lint(queries: Iterable[Mapping[str, Any]], *, schema: Mapping[str, Any] | None = None,
         strict: bool = False) -> list[Diagnostic]:
    """Lint `queries` ({name, query}) in a Node process of their own; returns every diagnostic
    (errors and warnings). Many calls had better share a `CypherLinter`."""
    with CypherLinter() as linter:
        return linter.lint(queries, schema=schema, strict=strict)


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
