"""Exports of the graph for other tools: GraphML and GEXF (Gephi, yEd, networkx), node-link
JSON, CSV for `neo4j-admin database import full`, and RDF (Turtle, JSON-LD) in the plankg
vocabulary.

GraphML and GEXF cannot hold lists or None: lists are joined with ";" (the array delimiter
neo4j-admin uses too) and None values (and empty texts and lists) are left out. Gephi reads a
node's `label` as the text it shows and skips an edge whose id it has seen: in both formats
`label` is the node's Chinese name, the node type is `node_type` and the relationship type
`rel_type`, and every edge has an id of its own, made from its endpoints and type. GEXF is
written as GEXF 1.3 (networkx writes an empty graph `name` and a misspelt XML Schema namespace;
both are mended), and the demo's export passes the schema's XSD and RELAX NG forms.

No export carries the path a file was ingested from on this machine: a document keeps its file
name and its sha256. RDF is serialised with pyoxigraph because rdflib's Turtle writer is slow on
large graphs; relationship properties (document, rule, role, printed name) sit on an
`rdf:Statement` reifying each edge, since plain RDF has no edge properties and RDF-star is not
yet read by most tools. JSON-LD carries an `@context` with the vocabulary's prefixes and one
object per node (and per reified statement).

>>> neo4j_header("year", PropType.INT), neo4j_header("issuers", PropType.STRINGS), neo4j_header("name", PropType.STRING)
('year:int', 'issuers:string[]', 'name')
"""
from __future__ import annotations

import hashlib
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Hashable, Sequence
from pathlib import Path
from typing import Any

import networkx as nx

from plankg.errors import VizError
from plankg.graph.nx import store_to_networkx
from plankg.graph.store import GraphReader
from plankg.ontology.rdf import RESOURCE, VOCAB, resource_iri, term_iri
from plankg.ontology.vocab import NODE_PROPERTIES, REL_PROPERTIES, NodeLabel, PropType, RelType
from plankg.viz.csv_writer import write_csv

FORMATS = ("graphml", "gexf", "json", "csv-neo4j", "ttl", "jsonld")
ARRAY_DELIMITER = ";"

_NEO4J_TYPES = {PropType.STRING: "", PropType.INT: "int", PropType.FLOAT: "double", PropType.STRINGS: "string[]"}
# XML 1.0 forbids these; a stray one in a source document would make the whole file unreadable
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def neo4j_header(name: str, ptype: PropType) -> str:
    """The CSV header of a property as neo4j-admin reads it (`name:type`, strings untyped)."""
    suffix = _NEO4J_TYPES[ptype]
    return f"{name}:{suffix}" if suffix else name


def _flat(value: Any, xml: bool) -> Any:
    if isinstance(value, (list, tuple)):
        value = ARRAY_DELIMITER.join(str(v) for v in value)
    if xml and isinstance(value, str):
        value = _XML_ILLEGAL.sub("", value)
    return value


def edge_id(source: str, rel_type: str, target: str) -> str:
    """An edge's id from its content: its type and a digest of (source, type, target), which the
    store keeps unique. The RDF export names the `rdf:Statement` of the edge by the same digest.

    >>> edge_id("department-1", "RESPONSIBLE_FOR", "task-1")
    'RESPONSIBLE_FOR-6e70d6d86911d68a'
    """
    return f"{rel_type}-{_edge_digest(source, rel_type, target)}"


def _edge_digest(source: str, rel_type: str, target: str) -> str:
    return hashlib.sha256("\x1f".join((source, rel_type, target)).encode("utf-8")).hexdigest()[:16]


def file_name(path: str) -> str:
    """The name of a file without the folders it was read from, whichever the separator.

    >>> file_name("/home/someone/plans/001_科技.txt"), file_name(r"C:\\Users\\x\\通知.txt"), file_name("通知.txt")
    ('001_科技.txt', '通知.txt', '通知.txt')
    """
    return re.split(r"[\\/]", path)[-1]


def without_local_paths(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy in which a document's `path` is its file name: where a file sat on the machine that
    ingested it is nobody else's business, and the name and sha256 still tell which file it is."""
    out = graph.copy()
    for _, attrs in out.nodes(data=True):
        if attrs.get("label") == NodeLabel.DOCUMENT.value and isinstance(attrs.get("path"), str):
            attrs["path"] = file_name(attrs["path"])
    return out


def flat_graph(graph: nx.MultiDiGraph, *, xml: bool = True) -> nx.MultiDiGraph:
    """A copy fit for GraphML/GEXF: scalar attributes only, `label` the display name, the node
    type in `node_type`, the relationship type in `rel_type`, and an id of its own per edge.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("p", label="Plan", name="某规划", issuers=["甲", "乙"])
    >>> _ = g.add_edge("p", "p", key="REFERENCES", type="REFERENCES")
    >>> f = flat_graph(g)
    >>> f.nodes["p"]["issuers"], f.nodes["p"]["label"], f.nodes["p"]["node_type"]
    ('甲;乙', '某规划', 'Plan')
    >>> list(f.edges(keys=True, data="rel_type"))
    [('p', 'p', 'REFERENCES-931accd3507c0e76', 'REFERENCES')]
    """
    out: nx.MultiDiGraph[Hashable] = nx.MultiDiGraph()
    documents = graph.graph.get("documents")
    if documents:
        out.graph["documents"] = json.dumps(documents, ensure_ascii=False)
    for node, attrs in graph.nodes(data=True):
        flat = {k: _flat(v, xml) for k, v in attrs.items() if v not in (None, "", [])}
        flat["node_type"] = flat.pop("label", "")
        flat["label"] = flat.get("name", str(node))
        out.add_node(node, **flat)
    for s, t, key, attrs in graph.edges(keys=True, data=True):
        flat = {k: _flat(v, xml) for k, v in attrs.items() if v not in (None, "", [])}
        flat["rel_type"] = flat.pop("type", key)
        out.add_edge(s, t, key=edge_id(str(s), str(key), str(t)), **flat)
    _one_type_per_attribute(out.nodes.values())
    _one_type_per_attribute(d for *_, d in out.edges(data=True))
    return out


def _one_type_per_attribute(records) -> None:
    """GEXF declares one type per attribute name: where one name holds values of several types
    on different labels (or query columns), make them all text."""
    records = list(records)
    types: dict[str, set] = {}
    for attrs in records:
        for k, v in attrs.items():
            types.setdefault(k, set()).add(type(v))
    mixed = {k for k, ts in types.items() if len(ts) > 1}
    for attrs in records:
        for k in mixed & attrs.keys():
            attrs[k] = str(attrs[k])


def _write_graphml(graph: nx.MultiDiGraph, path: Path) -> None:
    # default key ids (d0, d1…): a property name used with two value types on different labels
    # would get one key under named key ids, and the reader would cast the other type and fail
    nx.write_graphml(flat_graph(graph), path, encoding="utf-8")


_GEXF = "http://gexf.net/1.3"


def _write_gexf(graph: nx.MultiDiGraph, path: Path) -> None:
    buffer = io.BytesIO()
    nx.write_gexf(flat_graph(graph), buffer, encoding="utf-8", version="1.3")
    path.write_bytes(gexf_13(buffer.getvalue()))


def gexf_13(data: bytes) -> bytes:
    """networkx's GEXF 1.3 made valid against the GEXF 1.3 schema, and the same for the same graph.

    The 1.3 schema has no `name` on `graph` (networkx writes `name=""`), networkx misspells the
    XML Schema instance namespace of its `schemaLocation` hint, and its `lastmodifieddate` would
    make each day's file differ.
    """
    ET.register_namespace("", _GEXF)
    ET.register_namespace("viz", _GEXF + "/viz")
    root = ET.fromstring(data)
    # the hint is optional, and the schema's RELAX NG form refuses it
    for key in [k for k in root.attrib if k.endswith("}schemaLocation")]:
        del root.attrib[key]
    for element in root.iter():
        if element.tag == f"{{{_GEXF}}}graph":
            element.attrib.pop("name", None)
        if element.tag == f"{{{_GEXF}}}meta":
            element.attrib.pop("lastmodifieddate", None)
            for creator in element.iter(f"{{{_GEXF}}}creator"):
                creator.text = "plankg"
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _write_json(graph: nx.MultiDiGraph, path: Path) -> None:
    try:
        data = nx.node_link_data(graph, edges="edges")
    except TypeError:  # networkx < 3.4 names the same argument `link`
        data = nx.node_link_data(graph, link="edges")  # type: ignore[call-arg]  # the stubs know only 3.4+
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


# --- neo4j-admin CSV ----------------------------------------------------------------------------
def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        # neo4j-admin splits arrays on the delimiter; a full-width semicolon keeps one item whole
        return ARRAY_DELIMITER.join(str(v).replace(ARRAY_DELIMITER, "；") for v in value)
    return value


def _multiline(cells: list[Any]) -> bool:
    return any(isinstance(c, str) and ("\n" in c or "\r" in c) for c in cells)


def import_command(node_files: Sequence[str], rel_files: Sequence[str], *, multiline: bool) -> str:
    """The neo4j-admin command that imports an export's files, one option a line.

    The importer reads fields spanning lines only when told to, and reads every file more slowly
    then, so `--multiline-fields=true` is there only when some exported value holds a line break
    (task texts copied from table cells do). `--overwrite-destination=true`: a server creates its
    default database on first start, so the usual destination already exists.

    >>> print(import_command(["nodes_Task.csv"], ["relationships_HAS_TASK.csv"], multiline=False))
    neo4j-admin database import full \\
      --nodes=nodes_Task.csv \\
      --relationships=relationships_HAS_TASK.csv \\
      --array-delimiter=";" \\
      --overwrite-destination=true \\
      neo4j
    """
    words = ["neo4j-admin database import full", *(f"  --nodes={n}" for n in node_files),
             *(f"  --relationships={r}" for r in rel_files), f'  --array-delimiter="{ARRAY_DELIMITER}"',
             *(["  --multiline-fields=true"] if multiline else []), "  --overwrite-destination=true", "  neo4j"]
    return " \\\n".join(words)


def empty_list_cypher() -> list[str]:
    """The statements that give back the empty lists an import leaves out: neo4j-admin reads an
    empty array field, quoted or not, as no value, while plankg stores an empty list (a node's
    `aliases`, a plan's `issuers`) as `[]`. Run after the import, they make it hold what a
    `plankg load` holds.

    >>> empty_list_cypher()[0]
    'MATCH (n:Plan) WHERE n.issuers IS NULL SET n.issuers = [];'
    """
    return [f"MATCH (n:{label.value}) WHERE n.{prop} IS NULL SET n.{prop} = [];"
            for label in NodeLabel for prop, ptype in NODE_PROPERTIES[label].items() if ptype is PropType.STRINGS]


def _write_csv_neo4j(graph: nx.MultiDiGraph, out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    node_files, rel_files = [], []
    multiline = False
    for label in NodeLabel:
        nodes = [(n, a) for n, a in graph.nodes(data=True) if a.get("label") == label.value]
        if not nodes:
            continue
        props = [p for p in NODE_PROPERTIES[label] if p != "id"]
        rows = [[node, label.value, *(_csv_value(attrs.get(p)) for p in props)]
                for node, attrs in sorted(nodes, key=lambda na: str(na[0]))]
        multiline = multiline or any(_multiline(row) for row in rows)
        # input for neo4j-admin, which would keep a formula-guarding `'` as part of the value
        path = write_csv(out_dir / f"nodes_{label.value}.csv",
                         ["id:ID", ":LABEL", *(neo4j_header(p, NODE_PROPERTIES[label][p]) for p in props)],
                         rows, escape=False)
        node_files.append(path.name)
    for rel in RelType:
        edges = [(s, t, a) for s, t, k, a in graph.edges(keys=True, data=True) if k == rel.value]
        if not edges:
            continue
        props = list(REL_PROPERTIES[rel])
        rows = [[s, t, rel.value, *(_csv_value(attrs.get(p)) for p in props)]
                for s, t, attrs in sorted(edges, key=lambda e: (str(e[0]), str(e[1])))]
        multiline = multiline or any(_multiline(row) for row in rows)
        path = write_csv(out_dir / f"relationships_{rel.value}.csv",
                         [":START_ID", ":END_ID", ":TYPE", *(neo4j_header(p, REL_PROPERTIES[rel][p]) for p in props)],
                         rows, escape=False)
        rel_files.append(path.name)
    (out_dir / "IMPORT.txt").write_text(
        "Import these files with Neo4j 5's importer, from this folder, while the server is stopped;\n"
        "the import replaces what the database held:\n\n"
        + import_command(node_files, rel_files, multiline=multiline)
        + "\n\nThen start the server and run these statements (paste them into Neo4j Browser or\n"
        "cypher-shell): the importer reads an empty list as no value, and they give back the empty\n"
        "lists a plankg load stores:\n\n"
        + "\n".join(empty_list_cypher())
        + "\n\nplankg adds its constraints and indexes the first time it opens the database for writing\n"
        "(open_store runs ensure_schema).\n",
        encoding="utf-8")


# --- RDF ------------------------------------------------------------------------------------------
def rdf_triples(graph: nx.MultiDiGraph) -> list:
    """The graph as pyoxigraph triples in the plankg vocabulary, without duplicates.

    Each node is `<id/ID> a plankg:Label` with its properties (a list gives one triple per item)
    and an `rdfs:label` in Chinese; each relationship is `<s> plankg:TYPE <t>` plus a reifying
    `rdf:Statement` carrying its properties.
    """
    import pyoxigraph as ox

    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    rdfs_label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    statement = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement")
    rdf_s, rdf_p, rdf_o = (ox.NamedNode(f"http://www.w3.org/1999/02/22-rdf-syntax-ns#{x}")
                           for x in ("subject", "predicate", "object"))
    xsd_integer = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
    xsd_double = ox.NamedNode("http://www.w3.org/2001/XMLSchema#double")
    terms: dict[str, Any] = {}

    def term(name: str):
        if name not in terms:
            terms[name] = ox.NamedNode(term_iri(name))
        return terms[name]

    def literals(value: Any, ptype: PropType | None) -> list:
        if value is None:
            return []
        if isinstance(value, (list, tuple)):
            return [ox.Literal(_XML_ILLEGAL.sub("", str(v))) for v in value]
        if ptype is PropType.INT or (ptype is None and isinstance(value, int) and not isinstance(value, bool)):
            return [ox.Literal(str(int(value)), datatype=xsd_integer)]
        if ptype is PropType.FLOAT or (ptype is None and isinstance(value, float)):
            return [ox.Literal(repr(float(value)), datatype=xsd_double)]
        # control characters are legal in RDF but not in the XML-based tools people open exports with
        return [ox.Literal(_XML_ILLEGAL.sub("", str(value)))]

    out: list = []
    for node, attrs in graph.nodes(data=True):
        subject = ox.NamedNode(resource_iri(str(node)))
        label = attrs.get("label", "")
        out.append(ox.Triple(subject, rdf_type, term(label)))
        out.append(ox.Triple(subject, rdfs_label, ox.Literal(attrs.get("name", str(node)), language="zh")))
        declared = NODE_PROPERTIES[NodeLabel(label)] if label in NodeLabel._value2member_map_ else {}
        for prop, ptype in declared.items():
            value = str(node) if prop == "id" else attrs.get(prop)
            out.extend(ox.Triple(subject, term(prop), lit) for lit in literals(value, ptype))
    for s, t, key, attrs in graph.edges(keys=True, data=True):
        subject, obj, predicate = ox.NamedNode(resource_iri(str(s))), ox.NamedNode(resource_iri(str(t))), term(key)
        out.append(ox.Triple(subject, predicate, obj))
        declared = REL_PROPERTIES[RelType(key)] if key in RelType._value2member_map_ else {}
        values = [(p, attrs.get(p), ptype) for p, ptype in declared.items() if attrs.get(p) is not None]
        if not values:
            continue
        reified = ox.NamedNode(resource_iri(f"statement-{_edge_digest(str(s), key, str(t))}"))
        out += [ox.Triple(reified, rdf_type, statement), ox.Triple(reified, rdf_s, subject),
                ox.Triple(reified, rdf_p, predicate), ox.Triple(reified, rdf_o, obj)]
        for prop, value, ptype in values:
            out.extend(ox.Triple(reified, term(prop), lit) for lit in literals(value, ptype))
    return list(dict.fromkeys(out))


_PREFIXES = {"plankg": VOCAB, "id": RESOURCE, "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
             "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "xsd": "http://www.w3.org/2001/XMLSchema#"}
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _compact(iri: str) -> str:
    """An IRI as a compact IRI under the export's prefixes, or whole when none fits.

    >>> _compact(VOCAB + "Task"), _compact(RESOURCE + "task-1"), _compact("http://example.org/x")
    ('plankg:Task', 'id:task-1', 'http://example.org/x')
    """
    for prefix, base in _PREFIXES.items():
        if iri.startswith(base) and iri != base:
            return f"{prefix}:{iri[len(base):]}"
    return iri


def jsonld_document(triples: Sequence[Any]) -> dict[str, Any]:
    """The triples as a JSON-LD document framed one object per subject: an `@context` of the
    vocabulary's prefixes, and in `@graph` each node (or reified statement) once, with its types
    in `@type`, its properties as compact IRIs and its relationships as `{"@id": …}`."""
    import pyoxigraph as ox

    objects: dict[str, dict[str, Any]] = {}
    for triple in triples:
        subject = _compact(triple.subject.value)
        frame = objects.setdefault(subject, {"@id": subject})
        obj = triple.object
        if triple.predicate.value == _RDF_TYPE:
            frame.setdefault("@type", []).append(_compact(obj.value))
            continue
        if isinstance(obj, ox.NamedNode):
            value: Any = {"@id": _compact(obj.value)}
        elif obj.language:
            value = {"@value": obj.value, "@language": obj.language}
        elif obj.datatype.value != _XSD_STRING:
            value = {"@value": obj.value, "@type": _compact(obj.datatype.value)}
        else:
            value = obj.value
        frame.setdefault(_compact(triple.predicate.value), []).append(value)
    graph = []
    for subject in sorted(objects):
        frame = objects[subject]
        graph.append({k: (v[0] if isinstance(v, list) and len(v) == 1 else v) for k, v in sorted(frame.items())})
    return {"@context": dict(_PREFIXES), "@graph": graph}


def _write_turtle(graph: nx.MultiDiGraph, path: Path) -> None:
    import pyoxigraph as ox

    ox.serialize(rdf_triples(graph), str(path), ox.RdfFormat.TURTLE, prefixes=_PREFIXES)


def _write_jsonld(graph: nx.MultiDiGraph, path: Path) -> None:
    path.write_text(json.dumps(jsonld_document(rdf_triples(graph)), ensure_ascii=False, indent=1) + "\n",
                    encoding="utf-8")


_WRITERS: dict[str, Callable[[nx.MultiDiGraph, Path], None]] = {
    "graphml": _write_graphml, "gexf": _write_gexf, "json": _write_json, "csv-neo4j": _write_csv_neo4j,
    "ttl": _write_turtle, "jsonld": _write_jsonld,
}


def export_graph(graph: nx.MultiDiGraph, fmt: str, out_path: str | Path) -> Path:
    """Write `graph` (as `plankg.graph.nx` builds it) in `fmt`; see `export`."""
    if fmt not in _WRITERS:
        raise VizError(f"unknown export format {fmt!r}", fix=f"use one of {', '.join(FORMATS)}")
    path = Path(out_path)
    try:
        if fmt != "csv-neo4j":
            path.parent.mkdir(parents=True, exist_ok=True)
        _WRITERS[fmt](without_local_paths(graph), path)
    except OSError as exc:
        raise VizError(f"cannot write the {fmt} export: {exc.strerror or exc}", where=str(path),
                       fix="choose a writable output path") from None
    return path


def export(store: GraphReader, fmt: str, out_path: str | Path, *, document_ids: Sequence[str] | None = None) -> Path:
    """Export the whole store (or the facts of `document_ids`) to `out_path` and return it.

    `fmt` is one of `FORMATS`: "graphml", "gexf", "json" (networkx node-link), "csv-neo4j"
    (`out_path` is a folder: one `nodes_<Label>.csv` per label, one
    `relationships_<TYPE>.csv` per type, and IMPORT.txt with the neo4j-admin command), "ttl" or
    "jsonld" (RDF in the plankg vocabulary, https://w3id.org/plankg#).
    """
    if fmt not in _WRITERS:
        raise VizError(f"unknown export format {fmt!r}", fix=f"use one of {', '.join(FORMATS)}")
    return export_graph(store_to_networkx(store, document_ids=document_ids), fmt, out_path)
