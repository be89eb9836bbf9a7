"""The closed vocabulary of the graph: every node label, relationship type and property.

This module is the single source the rest of plankg reads labels, types and property
types from; `plankg.ttl` declares the same terms in OWL with zh/en labels, and a test keeps
the two equal. Nothing outside the ontology may invent a label or relationship type.

>>> NodeLabel("Task").value
'Task'
>>> NodeLabel("Tsak")
Traceback (most recent call last):
...
ValueError: 'Tsak' is not a valid NodeLabel
>>> [(s.value, t.value) for s, t in REL_ENDPOINTS[RelType.RESPONSIBLE_FOR]]
[('Department', 'Task')]
"""
from __future__ import annotations

from enum import Enum
from types import MappingProxyType


class NodeLabel(str, Enum):
    DOCUMENT = "Document"
    PLAN = "Plan"
    SECTION = "Section"
    TASK = "Task"
    DEPARTMENT = "Department"
    PLATFORM = "Platform"
    ENTERPRISE = "Enterprise"
    PROJECT = "Project"
    TARGET = "Target"


class RelType(str, Enum):
    PUBLISHES = "PUBLISHES"
    HAS_SECTION = "HAS_SECTION"
    HAS_TASK = "HAS_TASK"
    RESPONSIBLE_FOR = "RESPONSIBLE_FOR"
    MENTIONS = "MENTIONS"
    SETS_TARGET = "SETS_TARGET"
    ISSUED_BY = "ISSUED_BY"
    REFERENCES = "REFERENCES"
    BUILT_BY = "BUILT_BY"
    IMPLEMENTS = "IMPLEMENTS"


class PropType(str, Enum):
    """Property value types, named as LadybugDB names them (Neo4j needs no declaration)."""

    STRING = "STRING"
    INT = "INT64"
    FLOAT = "DOUBLE"
    STRINGS = "STRING[]"


class Role(str, Enum):
    """A department's role for a task: lead (牵头), support (配合), or responsible (unspecified)."""

    LEAD = "lead"
    SUPPORT = "support"
    RESPONSIBLE = "responsible"


L, R, P = NodeLabel, RelType, PropType

# Nodes that belong to exactly one document carry `document_id`; deleting a document deletes them.
DOCUMENT_OWNED: frozenset[NodeLabel] = frozenset({L.DOCUMENT, L.PLAN, L.SECTION, L.TASK, L.PROJECT, L.TARGET})
# Nodes shared across documents (their id comes from jurisdiction/name only).
SHARED: frozenset[NodeLabel] = frozenset(set(L) - DOCUMENT_OWNED)

_SPAN = {"span_start": P.INT, "span_end": P.INT}

NODE_PROPERTIES: MappingProxyType[NodeLabel, MappingProxyType[str, PropType]] = MappingProxyType({
    label: MappingProxyType({"id": P.STRING, **props}) for label, props in {
        # `rule`: the extraction rules version that read the file; with `sha256`, what a reload compares
        L.DOCUMENT: {"document_id": P.STRING, "name": P.STRING, "path": P.STRING, "sha256": P.STRING,
                     "chars": P.INT, "rule": P.STRING},
        L.PLAN: {"document_id": P.STRING, "title": P.STRING, "issuers": P.STRINGS, "date": P.STRING,
                 "doc_number": P.STRING, "period_start": P.INT, "period_end": P.INT, "region": P.STRING,
                 "status": P.STRING},
        L.SECTION: {"document_id": P.STRING, "ref": P.STRING, "title": P.STRING, "depth": P.INT, **_SPAN},
        L.TASK: {"document_id": P.STRING, "ref": P.STRING, "text": P.STRING, "rule": P.STRING, **_SPAN},
        L.DEPARTMENT: {"name": P.STRING, "jurisdiction": P.STRING, "kind": P.STRING, "aliases": P.STRINGS},
        # `jurisdiction` and `aliases` come from the resolution key (ingest/resolve.py), the same in every document
        L.PLATFORM: {"name": P.STRING, "kind": P.STRING, "level": P.STRING, "jurisdiction": P.STRING,
                     "aliases": P.STRINGS},
        L.ENTERPRISE: {"name": P.STRING, "jurisdiction": P.STRING, "aliases": P.STRINGS},
        L.PROJECT: {"document_id": P.STRING, "name": P.STRING, "field": P.STRING, **_SPAN},
        L.TARGET: {"document_id": P.STRING, "text": P.STRING, "metric": P.STRING, "value": P.FLOAT,
                   "unit": P.STRING, "comparator": P.STRING, "year": P.INT, "baseline": P.FLOAT,
                   "baseline_year": P.INT, "rule": P.STRING, **_SPAN,
                   # the metric as plans compare it (ingest/metrics.py) and the value in that metric's one unit
                   "metric_key": P.STRING, "norm_value": P.FLOAT, "norm_unit": P.STRING},
    }.items()
})

# Every relationship records the document that asserted it and the rule that produced it.
REL_PROPERTIES: MappingProxyType[RelType, MappingProxyType[str, PropType]] = MappingProxyType({
    rel: MappingProxyType({"document_id": P.STRING, "rule": P.STRING, **props}) for rel, props in {
        R.PUBLISHES: {},
        R.HAS_SECTION: {},
        R.HAS_TASK: {},
        R.RESPONSIBLE_FOR: {"role": P.STRING, "printed_name": P.STRING, **_SPAN},
        # `resolution`: how the printed name was read into the entity's key, the merge log's evidence
        R.MENTIONS: {"printed_name": P.STRING, **_SPAN, "resolution": P.STRING},
        R.SETS_TARGET: {},
        R.ISSUED_BY: {"printed_name": P.STRING},
        R.REFERENCES: {"printed_title": P.STRING},
        R.BUILT_BY: {"printed_name": P.STRING},
        # a plan-wide rule ("以下均需各区、县(市)落实"): these actors carry out every task of the plan
        R.IMPLEMENTS: {"printed_name": P.STRING, **_SPAN},
    }.items()
})

REL_ENDPOINTS: MappingProxyType[RelType, tuple[tuple[NodeLabel, NodeLabel], ...]] = MappingProxyType({
    R.PUBLISHES: ((L.DOCUMENT, L.PLAN),),
    R.HAS_SECTION: ((L.PLAN, L.SECTION), (L.SECTION, L.SECTION)),
    R.HAS_TASK: ((L.SECTION, L.TASK), (L.PLAN, L.TASK)),
    R.RESPONSIBLE_FOR: ((L.DEPARTMENT, L.TASK),),
    R.MENTIONS: tuple((s, t) for s in (L.PLAN, L.SECTION, L.TASK) for t in (L.PLATFORM, L.ENTERPRISE, L.PROJECT)),
    R.SETS_TARGET: ((L.PLAN, L.TARGET), (L.SECTION, L.TARGET), (L.TASK, L.TARGET)),
    R.ISSUED_BY: ((L.PLAN, L.DEPARTMENT),),
    R.REFERENCES: ((L.PLAN, L.PLAN),),
    R.BUILT_BY: ((L.PROJECT, L.ENTERPRISE),),
    R.IMPLEMENTS: ((L.DEPARTMENT, L.PLAN),),
})

# What the query packs filter on, for stores that keep secondary indexes (Neo4j; LadybugDB has
# only its primary-key index). SEARCHED: string properties a pack matches with `CONTAINS $param`
# (a TEXT index answers substring search); LOOKED_UP: properties a pack compares with `= $param`
# (a RANGE index). tests/test_queries checks every pack filter against these two maps.
SEARCHED: MappingProxyType[NodeLabel, tuple[str, ...]] = MappingProxyType({
    L.PLAN: ("title",), L.TASK: ("text",), L.DEPARTMENT: ("name",), L.PLATFORM: ("name",),
    L.TARGET: ("metric", "metric_key"),
})
SEARCHED_REL: MappingProxyType[RelType, tuple[str, ...]] = MappingProxyType({
    R.RESPONSIBLE_FOR: ("printed_name",), R.ISSUED_BY: ("printed_name",), R.MENTIONS: ("printed_name",),
})
LOOKED_UP: MappingProxyType[NodeLabel, tuple[str, ...]] = MappingProxyType({
    L.TASK: ("ref",), L.SECTION: ("ref",), L.TARGET: ("year",), L.PLATFORM: ("kind", "level"),
})

# Chinese and English display names: the same strings plankg.ttl carries as rdfs:label.
LABELS_ZH: MappingProxyType[str, str] = MappingProxyType({
    "Document": "文件", "Plan": "规划", "Section": "章节", "Task": "任务", "Department": "部门",
    "Platform": "平台", "Enterprise": "企业", "Project": "项目", "Target": "目标",
    "PUBLISHES": "发布", "HAS_SECTION": "包含章节", "HAS_TASK": "包含任务", "RESPONSIBLE_FOR": "负责",
    "MENTIONS": "提及", "SETS_TARGET": "设定目标", "ISSUED_BY": "印发单位", "REFERENCES": "引用",
    "BUILT_BY": "建设单位", "IMPLEMENTS": "落实",
})


def node_label(name: str) -> NodeLabel:
    """Resolve a label name, raising OntologyError that lists the valid ones.

    >>> node_label("Department")
    <NodeLabel.DEPARTMENT: 'Department'>
    """
    try:
        return NodeLabel(name)
    except ValueError:
        from plankg.errors import OntologyError

        raise OntologyError(f"unknown node label {name!r}",
                            fix="use one of " + ", ".join(label.value for label in NodeLabel)) from None


def rel_type(name: str) -> RelType:
    """Resolve a relationship type name, raising OntologyError that lists the valid ones.

    >>> rel_type("MENTIONS").value
    'MENTIONS'
    """
    try:
        return RelType(name)
    except ValueError:
        from plankg.errors import OntologyError

        raise OntologyError(f"unknown relationship type {name!r}",
                            fix="use one of " + ", ".join(rel.value for rel in RelType)) from None
