"""The ontology as RDF: namespaces, resource IRIs, and the packaged Turtle files.

>>> str(VOCAB)
'https://w3id.org/plankg#'
>>> resource_iri("department-0123abcd")
'https://w3id.org/plankg/id/department-0123abcd'
>>> len(load_ontology()) > 100
True
"""
from __future__ import annotations

from importlib import resources
from urllib.parse import quote

VOCAB = "https://w3id.org/plankg#"
RESOURCE = "https://w3id.org/plankg/id/"
ONTOLOGY_FILE = "plankg.ttl"
SHAPES_FILE = "shapes.ttl"


def resource_iri(node_id: str) -> str:
    """The IRI of a node; ids are content hashes, quoted anyway so no id can break an IRI."""
    return RESOURCE + quote(node_id, safe="-_.")


def term_iri(name: str) -> str:
    """The IRI of a vocabulary term (a label, relationship type or property name)."""
    return VOCAB + name


def ontology_text(name: str = ONTOLOGY_FILE) -> str:
    """The text of a packaged Turtle file (plankg.ttl or shapes.ttl)."""
    return resources.files("plankg.ontology").joinpath(name).read_text(encoding="utf-8")


def load_ontology(name: str = ONTOLOGY_FILE):
    """Parse a packaged Turtle file into an rdflib Graph."""
    import rdflib

    return rdflib.Graph().parse(data=ontology_text(name), format="turtle")
