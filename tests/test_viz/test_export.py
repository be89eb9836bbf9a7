"""Exports re-read by the tools they are for: networkx, rdflib, pySHACL, and neo4j-admin's header grammar;
GraphML and GEXF also as Gephi reads them (edge ids, `label`, the GEXF 1.3 schema's rules)."""
from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from plankg.errors import VizError
from plankg.graph.nx import store_to_networkx
from plankg.ontology.rdf import RESOURCE, SHAPES_FILE, VOCAB, load_ontology
from plankg.viz.export import FORMATS, export, export_graph, rdf_triples


@pytest.fixture(scope="module")
def expected(viz_store):
    graph = store_to_networkx(viz_store)
    return graph.number_of_nodes(), graph.number_of_edges()


@pytest.mark.parametrize("fmt, reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graphml_and_gexf_round_trip(viz_store, tmp_path, expected, fmt, reader, hostile):
    path = export(viz_store, fmt, tmp_path / f"g.{fmt}")
    graph = reader(path)
    assert (graph.number_of_nodes(), graph.number_of_edges()) == expected
    assert {a["node_type"] for _, a in graph.nodes(data=True)} >= {"Task", "Department", "Plan", "Target"}
    # Gephi shows `label`: the name a reader knows, not the node type
    assert hostile in {a["label"] for _, a in graph.nodes(data=True)}
    plan = next(a for _, a in graph.nodes(data=True) if a.get("title") == "杭州市数字经济发展规划")
    assert plan["issuers"] == "杭州市发展和改革委员会;杭州市人民政府"
    assert plan["label"] == "杭州市数字经济发展规划"
    assert {a["rel_type"] for *_, a in graph.edges(data=True)} >= {"RESPONSIBLE_FOR", "HAS_TASK", "MENTIONS"}


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def test_graphml_edges_have_ids_of_their_own(viz_store, tmp_path, expected):
    """Gephi keeps the first edge of an id and skips the rest: every edge needs its own."""
    root = ET.parse(export(viz_store, "graphml", tmp_path / "g.graphml")).getroot()
    edges = [e for e in root.iter() if _local(e.tag) == "edge"]
    assert len(edges) == expected[1]
    assert len({e.get("id") for e in edges}) == len(edges)
    keys = {k.get("attr.name"): k.get("id") for k in root.iter() if _local(k.tag) == "key" and k.get("for") == "node"}
    assert {"label", "node_type", "name"} <= keys.keys()


GEXF_13 = "http://gexf.net/1.3"
XSI = "http://www.w3.org/2001/XMLSchema-instance"


def test_gexf_follows_the_gexf_1_3_schema(viz_store, tmp_path):
    """The rules of the GEXF 1.3 schema (gexf.xsd and gexf.rng, which the demo's export passes
    with lxml) that networkx's writer breaks, checked on the file itself: no `name` on `graph`, no
    misspelt XML Schema instance namespace, no empty attribute, and every value of a declared
    attribute. The same graph gives the same bytes (no date of writing)."""
    path = export(viz_store, "gexf", tmp_path / "g.gexf")
    root = ET.parse(path).getroot()
    assert root.tag == f"{{{GEXF_13}}}gexf" and root.get("version") == "1.3"
    assert not [k for k in root.attrib if k.startswith(f"{{{XSI}}}") or "w3.org/2001" in k]
    graph = root.find(f"{{{GEXF_13}}}graph")
    assert graph is not None and "name" not in graph.attrib
    assert not [(e.tag, k) for e in root.iter() for k, v in e.attrib.items() if v == ""]
    declared: dict[str, set[str]] = {}
    for attributes in root.iter(f"{{{GEXF_13}}}attributes"):
        declared[attributes.get("class", "")] = {a.get("id", "") for a in attributes}
    for kind in ("node", "edge"):
        for element in root.iter(f"{{{GEXF_13}}}{kind}"):
            assert {v.get("for") for v in element.iter(f"{{{GEXF_13}}}attvalue")} <= declared[kind]
    edge_ids = [e.get("id") for e in root.iter(f"{{{GEXF_13}}}edge")]
    assert len(set(edge_ids)) == len(edge_ids)
    assert export(viz_store, "gexf", tmp_path / "again.gexf").read_bytes() == path.read_bytes()


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_export_carries_the_machine_s_path(viz_store, tmp_path, fmt):
    """Where a file sat when it was ingested is left out; its name and sha256 say which file it was."""
    graph = store_to_networkx(viz_store)
    document = next(n for n, a in graph.nodes(data=True) if a["label"] == "Document")
    graph.nodes[document]["path"] = "/home/alice/公文/2021/001_科技.txt"
    out = export_graph(graph, fmt, tmp_path / f"out.{fmt}")
    files = sorted(out.rglob("*")) if out.is_dir() else [out]
    text = "".join(f.read_text(encoding="utf-8") for f in files if f.is_file())
    assert "/home/alice" not in text and "公文/2021" not in text
    assert "001_科技.txt" in text and "0" * 64 in text


def test_jsonld_has_a_context_and_one_object_per_node(viz_store, tmp_path):
    data = json.loads(export(viz_store, "jsonld", tmp_path / "g.jsonld").read_text(encoding="utf-8"))
    assert data["@context"]["plankg"] == VOCAB and data["@context"]["id"] == RESOURCE
    ids = [obj["@id"] for obj in data["@graph"]]
    assert len(ids) == len(set(ids))
    graph = store_to_networkx(viz_store)
    nodes = [obj for obj in data["@graph"] if not obj["@id"].startswith("id:statement-")]
    assert len(nodes) == graph.number_of_nodes()
    task = next(obj for obj in nodes if obj["@type"] == "plankg:Task")
    assert {"plankg:text", "plankg:ref", "rdfs:label"} <= task.keys()
    lead = next(obj for obj in nodes if obj.get("plankg:name") == "杭州市科学技术局")
    assert all(ref["@id"].startswith("id:task-") for ref in lead["plankg:RESPONSIBLE_FOR"])


def test_json_is_node_link(viz_store, tmp_path, expected):
    path = export(viz_store, "json", tmp_path / "g.json")
    graph = nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), edges="edges")
    assert (graph.number_of_nodes(), graph.number_of_edges()) == expected


@pytest.mark.parametrize("fmt, rdflib_format", [("ttl", "turtle"), ("jsonld", "json-ld")])
def test_rdf_round_trips_through_rdflib(viz_store, tmp_path, fmt, rdflib_format):
    rdflib = pytest.importorskip("rdflib")
    path = export(viz_store, fmt, tmp_path / f"g.{fmt}")
    parsed = rdflib.Graph().parse(path, format=rdflib_format)
    produced = rdf_triples(store_to_networkx(viz_store))
    assert len(parsed) == len(produced)
    task = rdflib.URIRef(VOCAB + "Task")
    assert len(set(parsed.subjects(rdflib.RDF.type, task))) == 6
    assert all(str(s).startswith(RESOURCE) for s in parsed.subjects(rdflib.RDF.type, None))
    responsible = rdflib.URIRef(VOCAB + "RESPONSIBLE_FOR")
    assert len(list(parsed.triples((None, responsible, None)))) == 10


@pytest.mark.parametrize("fmt, rdflib_format", [("ttl", "turtle"), ("jsonld", "json-ld")])
def test_rdf_export_conforms_to_the_shapes(viz_store, tmp_path, fmt, rdflib_format):
    rdflib = pytest.importorskip("rdflib")
    pyshacl = pytest.importorskip("pyshacl", reason="SHACL validation needs pyshacl: pip install -e '.[test]'")
    shapes = load_ontology(SHAPES_FILE)
    data = rdflib.Graph().parse(export(viz_store, fmt, tmp_path / f"g.{fmt}"), format=rdflib_format)
    conforms, _, report = pyshacl.validate(data, shacl_graph=shapes)
    assert conforms, report


def _without_sentence(data, v, task, plan):
    data.remove((task, v.text, None))
    return task


def _responsibility_from_a_plan(data, v, task, plan):
    data.add((plan, v.RESPONSIBLE_FOR, task))
    return plan


def _unknown_property(data, v, task, plan):
    import rdflib

    data.add((task, v.colour, rdflib.Literal("红")))
    return task


def _task_outside_any_plan(data, v, task, plan):
    data.remove((None, v.HAS_TASK, task))
    return task


def _untyped_subject(data, v, task, plan):
    import rdflib

    someone = rdflib.URIRef(RESOURCE + "someone")
    data.add((someone, v.HAS_TASK, task))
    return someone


@pytest.mark.parametrize("breakage", [_without_sentence, _responsibility_from_a_plan, _unknown_property,
                                      _task_outside_any_plan, _untyped_subject])
def test_the_shapes_catch_a_broken_graph(viz_store, tmp_path, breakage):
    """Each breakage alone makes the export fail validation, naming the node it broke."""
    rdflib = pytest.importorskip("rdflib")
    pyshacl = pytest.importorskip("pyshacl", reason="SHACL validation needs pyshacl: pip install -e '.[test]'")
    shapes = load_ontology(SHAPES_FILE)
    data = rdflib.Graph().parse(export(viz_store, "ttl", tmp_path / "g.ttl"), format="turtle")
    v = rdflib.Namespace(VOCAB)
    task = sorted(data.subjects(rdflib.RDF.type, v.Task))[0]
    plan = sorted(data.subjects(rdflib.RDF.type, v.Plan))[0]
    broken = breakage(data, v, task, plan)
    conforms, _, report = pyshacl.validate(data, shacl_graph=shapes)
    assert not conforms
    assert f"Focus Node: id:{broken.removeprefix(RESOURCE)}" in report, report


# header grammar of neo4j-admin database import: name:type, with :ID, :LABEL, :START_ID, :END_ID, :TYPE
_HEADER = re.compile(r"^(?:[a-z_][a-z0-9_]*)?(?::(?:ID|LABEL|START_ID|END_ID|TYPE|"
                     r"int|long|float|double|boolean|byte|short|char|string|date|datetime|point)(?:\[\])?)?$")


def test_csv_for_neo4j_admin(viz_store, tmp_path, expected):
    folder = export(viz_store, "csv-neo4j", tmp_path / "csv")
    nodes = edges = 0
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        header = rows[0]
        assert all(_HEADER.match(column) for column in header), (path.name, header)
        if path.name.startswith("nodes_"):
            assert header[:2] == ["id:ID", ":LABEL"]
            nodes += len(rows) - 1
        else:
            assert header[:3] == [":START_ID", ":END_ID", ":TYPE"]
            edges += len(rows) - 1
    assert (nodes, edges) == expected
    plan_header = (folder / "nodes_Plan.csv").read_text(encoding="utf-8").splitlines()[0]
    assert "issuers:string[]" in plan_header and "period_start:int" in plan_header
    assert "year:int" in (folder / "nodes_Target.csv").read_text(encoding="utf-8").splitlines()[0]
    assert "neo4j-admin database import full" in (folder / "IMPORT.txt").read_text(encoding="utf-8")


def test_import_txt_reads_line_breaks_only_when_a_value_holds_one(viz_store, tmp_path):
    """neo4j-admin reads every file more slowly with --multiline-fields=true: only when needed."""
    graph = store_to_networkx(viz_store)
    plain = (export_graph(graph, "csv-neo4j", tmp_path / "plain") / "IMPORT.txt").read_text(encoding="utf-8")
    task = next(n for n, a in graph.nodes(data=True) if a["label"] == "Task")
    graph.nodes[task]["text"] = "地区生产总值增长6%。\n\n牵头单位:区发改局"
    spans = (export_graph(graph, "csv-neo4j", tmp_path / "spans") / "IMPORT.txt").read_text(encoding="utf-8")
    assert "--multiline-fields" not in plain and "--multiline-fields=true" in spans
    for text in (plain, spans):
        command = text[text.index("neo4j-admin"):text.index("\n\n", text.index("neo4j-admin"))]
        # the default database exists once a server has started: the import must replace it
        assert "--overwrite-destination=true" in command and command.endswith("neo4j")
        assert "MATCH (n:Department) WHERE n.aliases IS NULL SET n.aliases = [];" in text


def test_unknown_format_lists_the_valid_ones(viz_store, tmp_path):
    with pytest.raises(VizError, match="use one of " + ", ".join(FORMATS)):
        export(viz_store, "xlsx", tmp_path / "x")
