"""The Python model of the ontology: one pydantic class per node label, one for relationships,
and `DocumentGraph`, the unit ingest hands to a graph store (one document's facts).

Models validate at the boundary (`extra="forbid"`, frozen); their fields equal the properties
in `plankg.ontology.vocab`, which a test checks.

>>> d = Department(id="department-1", name="杭州市科学技术局", jurisdiction="杭州市")
>>> d.label.value, d.properties()["name"]
('Department', '杭州市科学技术局')
>>> Department(id="x", name="y", colour="red")
Traceback (most recent call last):
...
pydantic_core._pydantic_core.ValidationError: 1 validation error for Department
colour
  Extra inputs are not permitted ...
"""
from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from plankg.ontology.vocab import REL_ENDPOINTS, NodeLabel, RelType, Role


class Node(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    label: ClassVar[NodeLabel]
    id: str = Field(min_length=1)

    def properties(self) -> dict:
        """All properties, including None ones, keyed as the store keys them."""
        return self.model_dump()


class Spanned(BaseModel):
    span_start: int | None = None
    span_end: int | None = None


class Document(Node):
    label: ClassVar[NodeLabel] = NodeLabel.DOCUMENT
    document_id: str
    name: str
    path: str
    sha256: str
    chars: int
    rule: str | None = None  # the extraction rules version (RULES_VERSION) that read the file


class Plan(Node):
    label: ClassVar[NodeLabel] = NodeLabel.PLAN
    document_id: str | None = None  # None for a plan known only because another plan cites it
    title: str | None = None
    issuers: list[str] = Field(default_factory=list)
    date: str | None = None
    doc_number: str | None = None
    period_start: int | None = None
    period_end: int | None = None
    region: str | None = None
    status: str | None = None


class Section(Node, Spanned):
    label: ClassVar[NodeLabel] = NodeLabel.SECTION
    document_id: str
    ref: str
    title: str | None = None
    depth: int  # 1 for 一、, 2 for (一), ...


class Task(Node, Spanned):
    label: ClassVar[NodeLabel] = NodeLabel.TASK
    document_id: str
    ref: str
    text: str
    rule: str


class Department(Node):
    label: ClassVar[NodeLabel] = NodeLabel.DEPARTMENT
    name: str
    jurisdiction: str | None = None
    kind: str | None = None
    # short forms documents print (市科技局): searches match them as well as the name
    aliases: list[str] = Field(default_factory=list)


class Platform(Node):
    label: ClassVar[NodeLabel] = NodeLabel.PLATFORM
    name: str
    kind: str | None = None
    level: str | None = None
    # from the resolution key (plankg.ingest.resolve): where it is, and the forms a search may type
    jurisdiction: str | None = None
    aliases: list[str] = Field(default_factory=list)


class Enterprise(Node):
    label: ClassVar[NodeLabel] = NodeLabel.ENTERPRISE
    name: str
    jurisdiction: str | None = None
    aliases: list[str] = Field(default_factory=list)


class Project(Node, Spanned):
    label: ClassVar[NodeLabel] = NodeLabel.PROJECT
    document_id: str
    name: str
    field: str | None = None


# how a target's value bounds the metric: at least, at most, about, exactly, above, below
Comparator = Literal[">=", "<=", "~", "=", ">", "<"]


class Target(Node, Spanned):
    label: ClassVar[NodeLabel] = NodeLabel.TARGET
    document_id: str
    text: str
    metric: str
    value: float | None = None
    unit: str | None = None
    comparator: Comparator = "="
    year: int | None = None
    baseline: float | None = None
    baseline_year: int | None = None
    rule: str
    # the metric as plans compare it and the value in that metric's one unit (plankg.ingest.metrics)
    metric_key: str | None = None
    norm_value: float | None = None
    norm_unit: str | None = None


NODE_CLASSES: dict[NodeLabel, type[Node]] = {
    cls.label: cls for cls in (Document, Plan, Section, Task, Department, Platform, Enterprise, Project, Target)
}


class Relationship(BaseModel):
    """A directed, typed edge between two nodes given by id, with provenance."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    type: RelType
    source_label: NodeLabel
    source: str
    target_label: NodeLabel
    target: str
    document_id: str
    rule: str
    role: Role | None = None
    printed_name: str | None = None
    printed_title: str | None = None
    span_start: int | None = None
    span_end: int | None = None
    resolution: str | None = None  # MENTIONS: how the printed name was read into the entity's key

    @model_validator(mode="after")
    def _endpoints_in_ontology(self) -> Relationship:
        if (self.source_label, self.target_label) not in REL_ENDPOINTS[self.type]:
            allowed = ", ".join(f"{s.value}->{t.value}" for s, t in REL_ENDPOINTS[self.type])
            raise ValueError(f"{self.type.value} cannot join {self.source_label.value}->"
                             f"{self.target_label.value}; the ontology allows {allowed}")
        return self

    def properties(self) -> dict:
        """The relationship's own properties, as declared for its type in the vocabulary."""
        from plankg.ontology.vocab import REL_PROPERTIES

        data = self.model_dump(mode="json")
        return {k: data[k] for k in REL_PROPERTIES[self.type]}


class DocumentGraph(BaseModel):
    """Everything one document asserts: the unit a store loads, replaces or deletes atomically."""

    model_config = ConfigDict(extra="forbid")
    document_id: str
    nodes: list[Node]
    relationships: list[Relationship]

    def nodes_by_label(self) -> dict[NodeLabel, list[Node]]:
        out: dict[NodeLabel, list[Node]] = {}
        for node in self.nodes:
            out.setdefault(node.label, []).append(node)
        return out

    def to_json(self) -> dict:
        """A JSON-ready dict that `from_json` reads back (nodes carry their label)."""
        return {"document_id": self.document_id,
                "nodes": [{"label": n.label.value, **n.model_dump()} for n in self.nodes],
                "relationships": [r.model_dump(mode="json") for r in self.relationships]}

    @classmethod
    def from_json(cls, data: dict) -> DocumentGraph:
        """Validate a dict written by `to_json`.

        >>> g = DocumentGraph(document_id="d", nodes=[Enterprise(id="e", name="联想")], relationships=[])
        >>> DocumentGraph.from_json(g.to_json()) == g
        True
        """
        nodes = []
        for raw in data["nodes"]:
            raw = dict(raw)
            nodes.append(NODE_CLASSES[NodeLabel(raw.pop("label"))].model_validate(raw))
        return cls(document_id=data["document_id"], nodes=nodes,
                   relationships=[Relationship.model_validate(r) for r in data["relationships"]])
