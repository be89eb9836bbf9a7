"""The facts of a corpus as a Parquet dataset: the rows every store writes (`plankg.graph.rows`),
one table per node label and per relationship group, in parts of a few hundred documents.

Layout of a dataset folder (`facts.parquet/` beside the per-document JSON files):

    documents/<part>.parquet            one row per document: document_id, sha256, path, rule, rows
    <Label>/<part>.parquet              `_document`, then the label's columns (`node_columns`)
    <TYPE>.<Source>.<Target>/<part>.parquet   `_document`, then `relationship_columns`

A part is named `part-<index>-<hash of its document ids>`: the same documents give the same part
(written again, it replaces itself), and parts sort in the order they were ingested. A run
appends its parts; `documents/` is written last, so a part without it (a run cut short) is
not read. Readers take one part at a time, so memory is bounded by a part, not the corpus.

>>> from plankg.ontology.model import DocumentGraph, Enterprise, Document
>>> doc = Document(id="d1", document_id="d1", name="a.txt", path="a.txt", sha256="f0", chars=3, rule="r.v1")
>>> g = DocumentGraph(document_id="d1", nodes=[doc, Enterprise(id="e", name="联想")], relationships=[])
>>> tables = part_tables([(g, "f0")])
>>> sorted(tables), tables["Enterprise"].column_names[:3]
(['Document', 'Enterprise', 'documents'], ['_document', 'id', 'name'])
>>> graphs_of_tables(tables) == [(g, "f0")]
True
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from plankg.errors import InputError
from plankg.graph.rows import node_columns, node_rows, relationship_columns, relationship_rows
from plankg.ontology.model import NODE_CLASSES, DocumentGraph, Node, Relationship
from plankg.ontology.vocab import NODE_PROPERTIES, REL_PROPERTIES, NodeLabel, PropType, RelType, Role

DATASET = "facts.parquet"
DOCUMENTS = "documents"
OWNER = "_document"  # the document a row belongs to
PART_DOCUMENTS = 256  # files per part: a part is what a reader holds at once


def _arrow_type(ptype: PropType):
    import pyarrow as pa

    return {PropType.STRING: pa.string(), PropType.INT: pa.int64(), PropType.FLOAT: pa.float64(),
            PropType.STRINGS: pa.list_(pa.string())}[ptype]


def _documents_schema():
    import pyarrow as pa

    return pa.schema([("document_id", pa.string()), ("sha256", pa.string()), ("path", pa.string()),
                      ("rule", pa.string()), ("rows", pa.int64())])


def table_name(key: NodeLabel | tuple[RelType, NodeLabel, NodeLabel]) -> str:
    """The folder of a node label's or a relationship group's table.

    >>> table_name(NodeLabel.TASK), table_name((RelType.HAS_TASK, NodeLabel.SECTION, NodeLabel.TASK))
    ('Task', 'HAS_TASK.Section.Task')
    """
    if isinstance(key, NodeLabel):
        return key.value
    return ".".join(part.value for part in key)


def table_key(name: str) -> NodeLabel | tuple[RelType, NodeLabel, NodeLabel]:
    """The inverse of `table_name`.

    >>> table_key("HAS_TASK.Section.Task")[0] is RelType.HAS_TASK
    True
    """
    if "." not in name:
        return NodeLabel(name)
    rel, source, target = name.split(".")
    return RelType(rel), NodeLabel(source), NodeLabel(target)


def _columns_table(names: Sequence[str], types: Sequence[PropType], owners: list[str], rows: list[tuple]):
    import pyarrow as pa

    arrays = [pa.array(owners, pa.string())]
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in names]
    arrays += [pa.array(list(col), _arrow_type(ptype)) for col, ptype in zip(columns, types, strict=True)]
    return pa.Table.from_arrays(arrays, names=[OWNER, *names])


def part_tables(items: Sequence[tuple[DocumentGraph, str | None]]) -> dict[str, Any]:
    """One part's tables: `documents` and one Arrow table per node label and relationship group,
    rows in document order."""
    import pyarrow as pa

    by_table: dict[str, tuple[list[str], list[tuple]]] = {}
    docs: dict[str, list] = {name: [] for name in _documents_schema().names}
    for graph, sha in items:
        doc_id = graph.document_id
        document = next((n for n in graph.nodes if n.label is NodeLabel.DOCUMENT), None)
        named = [(table_name(label), rows) for label, rows in node_rows(graph.nodes).items()]
        named += [(table_name(group), rows) for group, rows in relationship_rows(graph.relationships).items()]
        for name, rows in named:
            owners, kept = by_table.setdefault(name, ([], []))
            owners.extend([doc_id] * len(rows))
            kept.extend(rows)
        for name, value in (("document_id", doc_id), ("sha256", sha), ("path", getattr(document, "path", None)),
                            ("rule", getattr(document, "rule", None)),
                            ("rows", len(graph.nodes) + len(graph.relationships))):
            docs[name].append(value)
    tables: dict[str, Any] = {DOCUMENTS: pa.Table.from_pydict(docs, schema=_documents_schema())}
    for name in sorted(by_table):
        owners, rows = by_table[name]
        key = table_key(name)
        if isinstance(key, NodeLabel):
            types = list(NODE_PROPERTIES[key].values())
            tables[name] = _columns_table(node_columns(key), types, owners, rows)
        else:
            types = [PropType.STRING, PropType.STRING, *REL_PROPERTIES[key[0]].values()]
            tables[name] = _columns_table(relationship_columns(key[0]), types, owners, rows)
    return tables


def part_name(index: int, document_ids: Sequence[str]) -> str:
    """`part-<index>-<hash>`: from the part's place in its run and its documents.

    >>> part_name(3, ["document-a", "document-b"])
    'part-000003-8f8868a50627ba50'
    """
    digest = hashlib.sha256("\n".join(document_ids).encode("utf-8")).hexdigest()[:16]
    return f"part-{index:06d}-{digest}"


def write_part(dataset: Path, index: int, items: Sequence[tuple[DocumentGraph, str | None]]) -> str | None:
    """Write one part of `items` (graph, sha256) into `dataset`; returns its name (None if empty).
    Each file is written beside its place and renamed into it; `documents/` last."""
    import pyarrow.parquet as pq

    if not items:
        return None
    name = part_name(index, [graph.document_id for graph, _ in items])
    tables = part_tables(items)
    for table in [*(t for t in tables if t != DOCUMENTS), DOCUMENTS]:
        folder = dataset / table
        folder.mkdir(parents=True, exist_ok=True)
        final = folder / f"{name}.parquet"
        scratch = folder / f".{name}.parquet.tmp"
        pq.write_table(tables[table], scratch, compression="zstd")
        os.replace(scratch, final)
    return name


def is_dataset(path: Path) -> bool:
    return (path / DOCUMENTS).is_dir()


def find_dataset(path: Path) -> Path | None:
    """The dataset `path` is, or holds as `facts.parquet/`, if any."""
    for candidate in (path, path / DATASET):
        if candidate.is_dir() and is_dataset(candidate):
            return candidate
    return None


def parts(dataset: Path) -> list[str]:
    """The complete parts of a dataset, in order."""
    return sorted(p.name[:-len(".parquet")] for p in (dataset / DOCUMENTS).glob("part-*.parquet"))


def read_documents(dataset: Path, part: str):
    """The `documents` table of one part."""
    return read_table(dataset / DOCUMENTS / f"{part}.parquet", _documents_schema())


def part_files(dataset: Path, names: Sequence[str]) -> dict[str, list[Path]]:
    """The files of the named parts' tables (`documents` aside), by table name, in part order;
    a table no part holds is left out."""
    folders = sorted(p for p in dataset.iterdir() if p.is_dir() and p.name != DOCUMENTS)
    return {folder.name: files for folder in folders
            if (files := [f for name in names if (f := folder / f"{name}.parquet").exists()])}


def table_schema(name: str):
    """The Arrow schema of a dataset's table `name`: `documents`, a node label's or a relationship group's.

    >>> table_schema("Enterprise").names
    ['_document', 'id', 'name', 'jurisdiction', 'aliases']
    """
    import pyarrow as pa

    if name == DOCUMENTS:
        return _documents_schema()
    key = table_key(name)
    if isinstance(key, NodeLabel):
        names, types = node_columns(key), list(NODE_PROPERTIES[key].values())
    else:
        names = relationship_columns(key[0])
        types = [PropType.STRING, PropType.STRING, *REL_PROPERTIES[key[0]].values()]
    return pa.schema([(OWNER, pa.string()), *((n, _arrow_type(t)) for n, t in zip(names, types, strict=True))])


def read_table(path: Path, schema=None):
    """One table file of a dataset; a file Parquet cannot read, or not of `schema`, is an InputError."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        # one small file (a part's), read whole and decoded on this thread: `pq.read_table` starts the
        # dataset machinery and threads per file, and took about twice the CPU time beside a COPY
        # that wants every core
        table = pq.ParquetFile(pa.BufferReader(path.read_bytes())).read(use_threads=False)
    except (OSError, ValueError) as exc:  # pyarrow's ArrowInvalid is a ValueError
        raise InputError(f"{path.name} in {path.parent.name} of {path.parent.parent.name} is not a readable "
                         f"Parquet file: {exc}",
                         where=str(path), fix="ingest its documents again (plankg ingest)") from None
    if schema is not None and not table.schema.equals(schema):
        raise InputError(f"{path.name} in {path.parent.name} has the columns {_columns_of(table.schema)}, a facts "
                         f"dataset's has {_columns_of(schema)}", where=str(path),
                         fix="ingest its documents again with this version of plankg")
    return table


def _columns_of(schema) -> str:
    return ", ".join(f"{field.name} {field.type}" for field in schema)


def read_dataset_table(path: Path):
    """One node or relationship table file of a dataset (`<table>/<part>.parquet`), checked against its
    table's schema (`table_schema`): anything else is an InputError naming the file."""
    try:
        schema = table_schema(path.parent.name)
    except ValueError:
        raise InputError(f"{path.parent.name} in {path.parent.parent} is no table of a facts dataset",
                         where=str(path.parent), fix="remove the folder, or ingest the documents into a new "
                                                     "folder (plankg ingest --out)") from None
    return read_table(path, schema)


def read_part(dataset: Path, part: str) -> dict[str, Any]:
    """Every table of one part, by name, `documents` included."""
    tables = {DOCUMENTS: read_documents(dataset, part)}
    tables.update((name, read_dataset_table(files[0])) for name, files in part_files(dataset, [part]).items())
    return tables


def dataset_rows(dataset: Path) -> tuple[int, int]:
    """(documents, rows) of a dataset, read from its `documents` tables alone."""
    documents = rows = 0
    for part in parts(dataset):
        table = read_documents(dataset, part)
        documents += table.num_rows
        rows += sum(v for v in table.column("rows").to_pylist() if v)
    return documents, rows


def _constructed(cls, fields: dict[str, Any]):
    """An instance of a pydantic model from a complete field dict, unvalidated: the rows were
    validated when they were extracted, and Parquet kept their types. What `model_construct`
    does without looking up each field's default (which cost most of a load's reading)."""
    obj = cls.__new__(cls)
    object.__setattr__(obj, "__dict__", fields)
    object.__setattr__(obj, "__pydantic_fields_set__", set(fields))
    object.__setattr__(obj, "__pydantic_extra__", None)
    object.__setattr__(obj, "__pydantic_private__", None)
    return obj


_REL_FIELDS = tuple(Relationship.model_fields)


def _relationship(key: tuple[RelType, NodeLabel, NodeLabel], fields: dict[str, Any]) -> Relationship:
    if fields.get("role") is not None:
        fields["role"] = Role(fields["role"])
    full = dict.fromkeys(_REL_FIELDS)
    full.update(fields, type=key[0], source_label=key[1], target_label=key[2])
    return _constructed(Relationship, full)


def graphs_of_tables(tables: Mapping[str, Any]) -> list[tuple[DocumentGraph, str | None]]:
    """A part's tables back to (DocumentGraph, sha256) pairs, in the part's document order, each
    graph's nodes by label in vocabulary order (the order `node_rows` gives them in)."""
    docs = tables[DOCUMENTS]
    ids = docs.column("document_id").to_pylist()
    nodes: dict[str, list[Node]] = {doc: [] for doc in ids}
    rels: dict[str, list[Relationship]] = {doc: [] for doc in ids}
    keyed = {table_key(name): table for name, table in tables.items() if name != DOCUMENTS}
    for label in NodeLabel:
        if label in keyed:
            cls = NODE_CLASSES[label]
            order = tuple(cls.model_fields)  # the model's own field order, as a validated instance has it
            for row in keyed[label].to_pylist():
                owner = row.pop(OWNER)
                nodes[owner].append(_constructed(cls, {name: row[name] for name in order}))
    for key, table in keyed.items():
        if isinstance(key, tuple):
            for row in table.to_pylist():
                rels[row.pop(OWNER)].append(_relationship(key, row))
    # relationships in their groups' first-seen order within each document, as `relationship_rows` read them
    return [(DocumentGraph.model_construct(document_id=doc, nodes=nodes[doc], relationships=rels[doc]), sha)
            for doc, sha in zip(ids, docs.column("sha256").to_pylist(), strict=True)]


def read_graphs(dataset: Path) -> Iterator[tuple[DocumentGraph, str | None]]:
    """Every document of a dataset as (graph, sha256), one part in memory at a time."""
    for part in parts(dataset):
        yield from graphs_of_tables(read_part(dataset, part))
