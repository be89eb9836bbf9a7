"""Exports re-read by the tools they are for: networkx, rdflib, and neo4j-admin's header grammar."""
from __future__ import annotations

import csv
import json
import re

import networkx as nx
import pytest

from plankg.errors import VizError
from plankg.graph.nx import store_to_networkx
from plankg.ontology.rdf import RESOURCE, SHAPES_FILE, VOCAB, load_ontology
from plankg.viz.export import FORMATS, export, rdf_triples


@pytest.fixture(scope="module")
def expected(viz_store):
    graph = store_to_networkx(viz_store)
    return graph.number_of_nodes(), graph.number_of_edges()


@pytest.mark.parametrize("fmt, reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graphml_and_gexf_round_trip(viz_store, tmp_path, expected, fmt, reader, hostile):
    path = export(viz_store, fmt, tmp_path / f"g.{fmt}")
    graph = reader(path)
    assert (graph.number_of_nodes(), graph.number_of_edges()) == expected
    type_key = "label" if fmt == "graphml" else "node_type"
    assert {a[type_key] for _, a in graph.nodes(data=True)} >= {"Task", "Department", "Plan", "Target"}
    assert hostile in {a["name"] for _, a in graph.nodes(data=True)}
    plan = next(a for _, a in graph.nodes(data=True) if a.get("title") == "杭州市数字经济发展规划")
    assert plan["issuers"] == "杭州市发展和改革委员会;杭州市人民政府"
    rel_key = "type" if fmt == "graphml" else "rel_type"
    assert {a[rel_key] for *_, a in graph.edges(data=True)} >= {"RESPONSIBLE_FOR", "HAS_TASK", "MENTIONS"}


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
    # the shapes do reach the data: a task without its sentence is caught
    task = next(data.subjects(rdflib.RDF.type, rdflib.URIRef(VOCAB + "Task")))
    data.remove((task, rdflib.URIRef(VOCAB + "text"), None))
    assert not pyshacl.validate(data, shacl_graph=shapes)[0]


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


def test_unknown_format_lists_the_valid_ones(viz_store, tmp_path):
    with pytest.raises(VizError, match="use one of " + ", ".join(FORMATS)):
        export(viz_store, "xlsx", tmp_path / "x")
