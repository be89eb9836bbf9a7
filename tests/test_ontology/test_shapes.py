"""The SHACL shapes describe the vocabulary: each class's closed shape allows exactly its
properties and the relationships that start at it, each relationship points at its target classes,
and each relationship's domain shape names the classes it may start from."""
from __future__ import annotations

import pytest
import rdflib
from rdflib.namespace import RDF, RDFS, SH

from plankg.ontology.rdf import SHAPES_FILE, VOCAB, load_ontology
from plankg.ontology.vocab import NODE_PROPERTIES, REL_ENDPOINTS, NodeLabel, RelType

V = rdflib.Namespace(VOCAB)


@pytest.fixture(scope="module")
def shapes() -> rdflib.Graph:
    return load_ontology(SHAPES_FILE)


def _classes(g: rdflib.Graph, node) -> set[str]:
    """`sh:class C` or `sh:or ([sh:class C1] [sh:class C2] …)`, as local names."""
    direct = g.value(node, SH["class"])
    if direct is not None:
        return {str(direct).removeprefix(VOCAB)}
    members = rdflib.collection.Collection(g, g.value(node, SH["or"]))
    return {str(g.value(m, SH["class"])).removeprefix(VOCAB) for m in members}


@pytest.mark.parametrize("label", list(NodeLabel))
def test_each_class_has_a_closed_shape_of_its_properties_and_relationships(shapes, label):
    shape = shapes.value(predicate=SH.targetClass, object=V[label.value])
    assert shape is not None, label
    assert shapes.value(shape, SH.closed) == rdflib.Literal(True)
    ignored = rdflib.collection.Collection(shapes, shapes.value(shape, SH.ignoredProperties))
    assert list(ignored) == [RDF.type]
    paths = {shapes.value(p, SH.path): p for p in shapes.objects(shape, SH.property)
             if isinstance(shapes.value(p, SH.path), rdflib.URIRef)}
    outgoing = {rel for rel in RelType if any(s == label for s, _ in REL_ENDPOINTS[rel])}
    assert set(paths) == {V[p] for p in NODE_PROPERTIES[label]} | {V[r.value] for r in outgoing} | {RDFS.label}
    for rel in outgoing:
        targets = {t.value for s, t in REL_ENDPOINTS[rel] if s == label}
        assert _classes(shapes, paths[V[rel.value]]) == targets, (label, rel)


@pytest.mark.parametrize("rel", list(RelType))
def test_each_relationship_starts_only_at_its_classes(shapes, rel):
    shape = shapes.value(predicate=SH.targetSubjectsOf, object=V[rel.value])
    assert shape is not None, rel
    assert _classes(shapes, shape) == {s.value for s, _ in REL_ENDPOINTS[rel]}
