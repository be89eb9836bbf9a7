"""The embedded default store: LadybugDB (the maintained fork of Kùzu) in a folder on disk.

The only module that imports `ladybug`. Loads run one document per transaction, so a failure
leaves the store as it was before that document.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Mapping

from plankg.errors import MissingDependencyError, StoreError
from plankg.graph.schema import ladybug_ddl
from plankg.graph.store import Capabilities, LoadReport, parse_store_url
from plankg.ontology.model import DocumentGraph
from plankg.ontology.vocab import DOCUMENT_OWNED, NODE_PROPERTIES, REL_PROPERTIES, SHARED, NodeLabel, PropType, RelType

CAPABILITIES = Capabilities(name="LadybugDB", dialect="ladybug", transactions=True, bulk_copy=True)


def _plain(value: Any) -> Any:
    """Driver values to plain Python: nodes and relationships become property maps."""
    if isinstance(value, dict):
        if "_LABEL" in value or "_ID" in value:
            out = {k: _plain(v) for k, v in value.items() if not k.startswith("_")}
            if "_LABEL" in value:
                out["_label"] = value["_LABEL"]
            return out
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _typed(expr: str, ptype: PropType) -> str:
    """Parameter columns that are all null arrive typed STRING: cast every non-string column."""
    return expr if ptype is PropType.STRING else f"CAST({expr} AS {ptype.value})"


class LadybugStore:
    capabilities = CAPABILITIES

    def __init__(self, url: str, **options: Any):
        try:
            import ladybug
        except ImportError:
            raise MissingDependencyError("ladybug", "the embedded graph store") from None
        self.url = url
        _, path = parse_store_url(url)
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = ladybug.Database(str(self.path))
            self._conn = ladybug.Connection(self._db)
        except (RuntimeError, OSError) as exc:
            raise StoreError(f"cannot open the embedded store: {exc}", where=url,
                             fix="check that the folder is writable and no other plankg process has it open") from None

    # --- low level -------------------------------------------------------------------------
    def _execute(self, cypher: str, params: Mapping[str, Any] | None = None):
        try:
            return self._conn.execute(cypher, dict(params or {}))
        except RuntimeError as exc:
            raise StoreError(f"LadybugDB refused a query: {exc}", where=f"{self.url}: {cypher[:200]}",
                             fix="check the query's labels, properties and parameters") from None

    def run(self, cypher: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        result = self._execute(cypher, params)
        if isinstance(result, list):  # several statements: the last one's rows
            result = result[-1]
        columns = result.get_column_names()
        rows = []
        while result.has_next():
            rows.append({c: _plain(v) for c, v in zip(columns, result.get_next())})
        return rows

    def _rollback(self) -> None:
        # a statement that fails has already ended the transaction; ROLLBACK then has nothing to do
        try:
            self._conn.execute("ROLLBACK")
        except RuntimeError:
            pass

    def ensure_schema(self) -> None:
        for statement in ladybug_ddl():
            self._execute(statement)

    # --- writes ------------------------------------------------------------------------------
    def upsert_nodes(self, label: NodeLabel, rows: Iterable[Mapping[str, Any]]) -> int:
        rows = list(rows)
        if not rows:
            return 0
        props = [p for p in NODE_PROPERTIES[label] if p != "id"]
        types = NODE_PROPERTIES[label]
        sets = ", ".join(f"n.{p} = coalesce({_typed('r.' + p, types[p])}, n.{p})" for p in props)
        self._execute(f"UNWIND $rows AS r MERGE (n:{label.value} {{id: r.id}}) SET {sets}",
                      {"rows": [{p: row.get(p) for p in ["id", *props]} for row in rows]})
        return len(rows)

    def upsert_relationships(self, rows: Iterable[Mapping[str, Any]], rel_type: str) -> int:
        rel = RelType(rel_type)
        by_pair: dict[tuple[str, str], list[dict]] = {}
        for row in rows:
            by_pair.setdefault((row["source_label"], row["target_label"]), []).append(dict(row))
        props = list(REL_PROPERTIES[rel])
        sets = ", ".join(f"e.{p} = {_typed('r.' + p, REL_PROPERTIES[rel][p])}" for p in props)
        for (s_label, t_label), pair_rows in by_pair.items():
            s_label, t_label = NodeLabel(s_label).value, NodeLabel(t_label).value
            self._execute(f"UNWIND $rows AS r MATCH (a:{s_label} {{id: r.source}}) MATCH (b:{t_label} {{id: r.target}}) "
                          f"MERGE (a)-[e:{rel.value}]->(b) SET {sets}",
                          {"rows": [{"source": r["source"], "target": r["target"], **{p: r.get(p) for p in props}}
                                    for r in pair_rows]})
        return sum(len(v) for v in by_pair.values())

    def _loaded_sha(self, document_id: str) -> str | None:
        rows = self.run("MATCH (d:Document {id: $id}) RETURN d.sha256 AS sha", {"id": document_id})
        return rows[0]["sha"] if rows else None

    def load_document(self, graph: DocumentGraph, sha256: str | None = None) -> LoadReport:
        report = LoadReport(document_id=graph.document_id)
        before = self._loaded_sha(graph.document_id)
        if sha256 is not None and before == sha256:
            report.skipped = True
            for label, nodes in graph.nodes_by_label().items():
                report.unchanged[label.value] = len(nodes)
            return report
        self._execute("BEGIN TRANSACTION")
        try:
            if before is not None:
                self._delete_document(graph.document_id)
                report.replaced = True
            for label, nodes in graph.nodes_by_label().items():
                self.upsert_nodes(label, (n.properties() for n in nodes))
            by_type: dict[str, list[dict]] = {}
            for rel in graph.relationships:
                by_type.setdefault(rel.type.value, []).append(
                    {"source_label": rel.source_label.value, "target_label": rel.target_label.value,
                     "source": rel.source, "target": rel.target, **rel.properties()})
            for rel_type, rows in by_type.items():
                self.upsert_relationships(rows, rel_type)
            self._execute("COMMIT")
        except BaseException as exc:
            self._rollback()
            if isinstance(exc, StoreError):
                raise StoreError(f"loading document {graph.document_id} failed, nothing of it was kept: {exc.what}",
                                 where=exc.where, fix=exc.fix) from None
            raise
        key = "updated" if report.replaced else "created"
        for label, nodes in graph.nodes_by_label().items():
            getattr(report, key)[label.value] = len(nodes)
        return report

    def _delete_document(self, document_id: str) -> int:
        removed = 0
        params = {"doc": document_id}
        for rel in RelType:
            self._execute(f"MATCH ()-[r:{rel.value}]->() WHERE r.document_id = $doc DELETE r", params)
        for label in DOCUMENT_OWNED:
            if label is NodeLabel.PLAN:
                # a plan other documents still cite stays, as a stub known by its title
                keep = [p for p in NODE_PROPERTIES[label] if p not in ("id", "title")]
                self._execute(f"MATCH (n:Plan) WHERE n.document_id = $doc AND EXISTS {{ MATCH (n)--() }} "
                              f"SET {', '.join(f'n.{p} = NULL' for p in keep)}", params)
            rows = self.run(f"MATCH (n:{label.value}) WHERE n.document_id = $doc DETACH DELETE n RETURN count(*) AS n",
                            params)
            removed += rows[0]["n"] if rows else 0
        for label in [*SHARED, NodeLabel.PLAN]:
            extra = " AND n.document_id IS NULL" if label is NodeLabel.PLAN else ""
            rows = self.run(f"MATCH (n:{label.value}) WHERE NOT EXISTS {{ MATCH (n)--() }}{extra} "
                            f"DELETE n RETURN count(*) AS n")
            removed += rows[0]["n"] if rows else 0
        return removed

    def delete_document(self, document_id: str) -> int:
        self._execute("BEGIN TRANSACTION")
        try:
            removed = self._delete_document(document_id)
            self._execute("COMMIT")
        except BaseException:
            self._rollback()
            raise
        return removed

    # --- reads -------------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        out = {}
        for label in NodeLabel:
            out[label.value] = self.run(f"MATCH (n:{label.value}) RETURN count(n) AS n")[0]["n"]
        for rel in RelType:
            out[rel.value] = self.run(f"MATCH ()-[r:{rel.value}]->() RETURN count(r) AS n")[0]["n"]
        return out

    def close(self) -> None:
        conn, db = getattr(self, "_conn", None), getattr(self, "_db", None)
        if conn is not None:
            conn.close()
        if db is not None:
            db.close()
        self._conn = self._db = None

    def __enter__(self) -> "LadybugStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
