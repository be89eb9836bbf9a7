"""The Turtle ontology, the Python vocabulary and the pydantic model describe one schema."""
from __future__ import annotations

import pytest
import rdflib
from pydantic import ValidationError
from rdflib.namespace import OWL, RDF, RDFS

from plankg.ontology import model
from plankg.ontology.rdf import VOCAB, load_ontology
from plankg.ontology.vocab import NODE_PROPERTIES, REL_ENDPOINTS, REL_PROPERTIES, NodeLabel, RelType

V = rdflib.Namespace(VOCAB)


@pytest.fixture(scope="module")
def onto() -> rdflib.Graph:
    return load_ontology()


def _local(iri) -> str:
    return str(iri).removeprefix(VOCAB)


def _members(g: rdflib.Graph, node) -> set[str]:
    """A class or an owl:unionOf list of classes, as local names."""
    if isinstance(node, rdflib.URIRef):
        return {_local(node)}
    union = g.value(node, OWL.unionOf)
    return {_local(x) for x in rdflib.collection.Collection(g, union)}


def test_classes_equal_node_labels(onto):
    classes = {_local(c) for c in onto.subjects(RDF.type, OWL.Class) if str(c).startswith(VOCAB)}
    assert classes - {"Role"} == {label.value for label in NodeLabel}


def test_object_properties_equal_relationship_types_with_their_endpoints(onto):
    props = {_local(p) for p in onto.subjects(RDF.type, OWL.ObjectProperty)}
    assert props == {rel.value for rel in RelType}
    for rel in RelType:
        domain = _members(onto, onto.value(V[rel.value], RDFS.domain))
        range_ = _members(onto, onto.value(V[rel.value], RDFS.range))
        assert domain == {s.value for s, _ in REL_ENDPOINTS[rel]}, rel
        assert range_ == {t.value for _, t in REL_ENDPOINTS[rel]}, rel


def test_datatype_properties_equal_vocabulary_properties(onto):
    declared = {_local(p) for p in onto.subjects(RDF.type, OWL.DatatypeProperty)}
    used = {p for props in [*NODE_PROPERTIES.values(), *REL_PROPERTIES.values()] for p in props}
    assert declared == used


def test_every_term_has_chinese_and_english_labels(onto):
    for term in set(onto.subjects(RDF.type, OWL.Class)) | set(onto.subjects(RDF.type, OWL.ObjectProperty)) | set(
            onto.subjects(RDF.type, OWL.DatatypeProperty)):
        if not str(term).startswith(VOCAB):
            continue
        langs = {lit.language for lit in onto.objects(term, RDFS.label)}
        assert {"zh", "en"} <= langs, term


def test_model_fields_equal_vocabulary_properties():
    for label, cls in model.NODE_CLASSES.items():
        assert set(cls.model_fields) == set(NODE_PROPERTIES[label]), label
    rel_fields = set(model.Relationship.model_fields) - {"type", "source_label", "source", "target_label", "target"}
    assert rel_fields == {p for props in REL_PROPERTIES.values() for p in props}


def test_shapes_parse_and_target_every_class():
    shapes = load_ontology("shapes.ttl")
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    targets = {_local(c) for c in shapes.objects(None, sh.targetClass)}
    # and rdf:Statement, which carries the properties of a relationship
    assert targets == {label.value for label in NodeLabel} | {str(RDF.Statement)}


def test_relationship_outside_the_ontology_is_refused():
    with pytest.raises(ValidationError, match="RESPONSIBLE_FOR cannot join Task->Department"):
        model.Relationship(type="RESPONSIBLE_FOR", source_label="Task", source="t", target_label="Department",
                           target="d", document_id="x", rule="r")


def test_models_refuse_unknown_fields():
    with pytest.raises(ValidationError):
        model.Task(id="t", document_id="d", ref="1", text="x", rule="r", colour="red")


def test_each_property_has_one_type_and_its_declared_uses(onto):
    """A property name means one thing: one value type wherever it is used, and the TTL says where."""
    from plankg.ontology.vocab import PropType

    xsd = {PropType.STRING: "string", PropType.INT: "integer", PropType.FLOAT: "double", PropType.STRINGS: "string"}
    uses: dict[str, set] = {}
    types: dict[str, set] = {}
    for owner, props in [*NODE_PROPERTIES.items(), *REL_PROPERTIES.items()]:
        for name, ptype in props.items():
            uses.setdefault(name, set()).add(owner.value)
            types.setdefault(name, set()).add(xsd[ptype])
    for name in uses:
        assert len(types[name]) == 1, f"{name} has types {types[name]}"
        declared = str(onto.value(V[name], V.usedOn))
        assert set(declared.split(", ")) == uses[name], name
        assert str(onto.value(V[name], RDFS.range)).endswith(types[name].pop()), name
