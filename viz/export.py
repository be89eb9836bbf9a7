"""Exports of the graph for other tools: GraphML and GEXF (Gephi, yEd, networkx), node-link
JSON, CSV for `neo4j-admin database import full`, and RDF (Turtle, JSON-LD) in the plankg
vocabulary.

GraphML and GEXF cannot hold lists or None: lists are joined with ";" (the array delimiter
neo4j-admin uses too) and None values are left out. In GEXF the reader-facing `label` is the
node's Chinese name, so the node type moves to `node_type` and the relationship type to
`rel_type` (GEXF reserves `label` and edge `type`). RDF is serialised with pyoxigraph because
rdflib's Turtle writer is slow on large graphs; relationship properties (document, rule, role,
printed name) sit on an `rdf:Statement` reifying each edge, since plain RDF has no edge
properties and RDF-star is not yet read by most tools.

>>> neo4j_header("year", PropType.INT), neo4j_header("issuers", PropType.STRINGS), neo4j_header("name", PropType.STRING)
('year:int', 'issuers:string[]', 'name')
"""
from __future__ import annotations

import hashlib
import json
import re
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


def flat_graph(graph: nx.MultiDiGraph, *, gexf: bool = False, xml: bool = True) -> nx.MultiDiGraph:
    """A copy fit for GraphML/GEXF: scalar attributes only, and GEXF's reserved names moved aside.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("p", label="Plan", name="某规划", issuers=["甲", "乙"])
    >>> _ = g.add_edge("p", "p", key="REFERENCES", type="REFERENCES")
    >>> flat_graph(g).nodes["p"]["issuers"]
    '甲;乙'
    >>> f = flat_graph(g, gexf=True)
    >>> f.nodes["p"]["label"], f.nodes["p"]["node_type"], list(f.edges(data="rel_type"))
    ('某规划', 'Plan', [('p', 'p', 'REFERENCES')])
    """
    out: nx.MultiDiGraph[Hashable] = nx.MultiDiGraph()
    documents = graph.graph.get("documents")
    if documents:
        out.graph["documents"] = json.dumps(documents, ensure_ascii=False)
    for node, attrs in graph.nodes(data=True):
        flat = {k: _flat(v, xml) for k, v in attrs.items() if v is not None}
        if gexf:
            flat["node_type"] = flat.pop("label", "")
            flat["label"] = flat.get("name", str(node))
        out.add_node(node, **flat)
    for s, t, key, attrs in graph.edges(keys=True, data=True):
        flat = {k: _flat(v, xml) for k, v in attrs.items() if v is not None}
        if gexf:
            flat["rel_type"] = flat.pop("type", key)
        out.add_edge(s, t, key=key, **flat)
    if gexf:
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


def _write_gexf(graph: nx.MultiDiGraph, path: Path) -> None:
    nx.write_gexf(flat_graph(graph, gexf=True), path, encoding="utf-8")


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


def _write_csv_neo4j(graph: nx.MultiDiGraph, out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    node_files, rel_files = [], []
    for label in NodeLabel:
        nodes = [(n, a) for n, a in graph.nodes(data=True) if a.get("label") == label.value]
        if not nodes:
            continue
        props = [p for p in NODE_PROPERTIES[label] if p != "id"]
        # input for neo4j-admin, which would keep a formula-guarding `'` as part of the value
        path = write_csv(out_dir / f"nodes_{label.value}.csv",
                         ["id:ID", ":LABEL", *(neo4j_header(p, NODE_PROPERTIES[label][p]) for p in props)],
                         ([node, label.value, *(_csv_value(attrs.get(p)) for p in props)]
                          for node, attrs in sorted(nodes, key=lambda na: str(na[0]))), escape=False)
        node_files.append(path.name)
    for rel in RelType:
        edges = [(s, t, a) for s, t, k, a in graph.edges(keys=True, data=True) if k == rel.value]
        if not edges:
            continue
        props = list(REL_PROPERTIES[rel])
        path = write_csv(out_dir / f"relationships_{rel.value}.csv",
                         [":START_ID", ":END_ID", ":TYPE", *(neo4j_header(p, REL_PROPERTIES[rel][p]) for p in props)],
                         ([s, t, rel.value, *(_csv_value(attrs.get(p)) for p in props)]
                          for s, t, attrs in sorted(edges, key=lambda e: (str(e[0]), str(e[1])))), escape=False)
        rel_files.append(path.name)
    command = ["neo4j-admin database import full", *(f"  --nodes={n}" for n in node_files),
               *(f"  --relationships={r}" for r in rel_files),
               f'  --array-delimiter="{ARRAY_DELIMITER}"', "  --multiline-fields=true", "  neo4j"]
    (out_dir / "IMPORT.txt").write_text(
        "Import these files into an empty Neo4j 5 database (stop it first), from this folder:\n\n"
        + " \\\n".join(command) + "\n\nplankg adds its constraints and indexes the first time it opens the "
        "database (open_store runs ensure_schema).\n", encoding="utf-8")


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
        digest = hashlib.sha256("\x1f".join((str(s), key, str(t))).encode("utf-8")).hexdigest()[:16]
        reified = ox.NamedNode(resource_iri(f"statement-{digest}"))
        out += [ox.Triple(reified, rdf_type, statement), ox.Triple(reified, rdf_s, subject),
                ox.Triple(reified, rdf_p, predicate), ox.Triple(reified, rdf_o, obj)]
        for prop, value, ptype in values:
            out.extend(ox.Triple(reified, term(prop), lit) for lit in literals(value, ptype))
    return list(dict.fromkeys(out))


_PREFIXES = {"plankg": VOCAB, "id": RESOURCE, "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
             "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "xsd": "http://www.w3.org/2001/XMLSchema#"}


def _write_rdf(fmt_name: str) -> Callable[[nx.MultiDiGraph, Path], None]:
    def write(graph: nx.MultiDiGraph, path: Path) -> None:
        import pyoxigraph as ox

        fmt = ox.RdfFormat.TURTLE if fmt_name == "ttl" else ox.RdfFormat.JSON_LD
        prefixes = _PREFIXES if fmt_name == "ttl" else None
        ox.serialize(rdf_triples(graph), str(path), fmt, prefixes=prefixes)
    return write


_WRITERS: dict[str, Callable[[nx.MultiDiGraph, Path], None]] = {
    "graphml": _write_graphml, "gexf": _write_gexf, "json": _write_json, "csv-neo4j": _write_csv_neo4j,
    "ttl": _write_rdf("ttl"), "jsonld": _write_rdf("jsonld"),
}


def export_graph(graph: nx.MultiDiGraph, fmt: str, out_path: str | Path) -> Path:
    """Write `graph` (as `plankg.graph.nx` builds it) in `fmt`; see `export`."""
    if fmt not in _WRITERS:
        raise VizError(f"unknown export format {fmt!r}", fix=f"use one of {', '.join(FORMATS)}")
    path = Path(out_path)
    try:
        if fmt != "csv-neo4j":
            path.parent.mkdir(parents=True, exist_ok=True)
        _WRITERS[fmt](graph, path)
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
