"""Turn one document's `Extraction` into the `DocumentGraph` a store loads.

Ids are derived from content (plankg.ontology.ids): a document from its file's bytes, a plan from
its title (so a plan cited by another document and later ingested is one node), sections and
tasks from their document and numbering path, departments from jurisdiction and canonical name,
platforms and enterprises from their resolution key (jurisdiction and core name, `plankg.ingest.resolve`:
杭州城西科创大走廊 and 城西科创大走廊 in a Hangzhou plan are one node), each MENTIONS saying how its printed
name was read (`resolution`). Targets carry a metric key and their value in that metric's one unit
(`plankg.ingest.metrics`). Every relationship records its document and rule.
"""
from __future__ import annotations

from typing import cast

from plankg.ingest.contract import Extraction
from plankg.ingest.departments import default_registry
from plankg.ingest.metrics import in_metric_unit, metric_key
from plankg.ingest.resolve import resolve_name
from plankg.ontology import model as m
from plankg.ontology.ids import content_id, normalize
from plankg.ontology.vocab import NodeLabel as L
from plankg.ontology.vocab import RelType as R
from plankg.ontology.vocab import Role


def document_id(sha256: str) -> str:
    """The id of a document: `document-` and the first 16 hex digits of its file's sha256.

    From the bytes, not the name: government folders reuse names (通知.txt, 附件1.txt), so one
    name may be many documents, and one document may be copied under many names and folders.
    The same bytes anywhere are one document; two different files are never one (a clash needs
    two files agreeing on 64 bits of a sha256). The bytes rather than the decoded text because
    the bytes stay what they are: the text depends on the decoder and on the reflow of paginated
    text, which may change with plankg's versions, and an id that moved with them would leave a
    second copy of a document in the store after an upgrade instead of replacing the first.
    So `sha256sum FILE` tells which document a file is; a file saved again in another encoding
    is another document (its plan, identified by its title, is still the same node). An edited
    file is a new document as well: the old version stays in the store until it is removed.

    >>> import hashlib
    >>> document_id(hashlib.sha256("一、总体要求".encode()).hexdigest())
    'document-75c2cf96f6bafcec'
    """
    if len(sha256) != 64 or any(ch not in "0123456789abcdef" for ch in sha256):
        raise ValueError(f"not a sha256 hex digest: {sha256!r}")
    return f"document-{sha256[:16]}"


def plan_id(title: str | None, doc_id: str) -> str:
    """A plan's id: from its title when it has one, else from its document.

    >>> plan_id("《杭州市某规划》", "d1") == plan_id("杭州市某规划", "d2")
    True
    """
    if title:
        return content_id("Plan", normalize(title).strip("《》“”\""))
    return content_id("Plan", "untitled", doc_id)


def department_id(jurisdiction: str | None, canonical: str) -> str:
    return content_id("Department", jurisdiction or "", canonical)


def department(canonical: str, jurisdiction: str | None, kind: str | None) -> m.Department:
    """A department node; its aliases come from the registry, so every document gives the same node.

    >>> department("杭州市科学技术局", "杭州市", "government").aliases
    ['市科技局', '市科学技术局', '杭州市科技局']
    """
    return m.Department(id=department_id(jurisdiction, canonical), name=canonical, jurisdiction=jurisdiction,
                        kind=kind, aliases=list(default_registry().short_names(canonical, jurisdiction)))


def platform(printed: str, region: str | None, kind: str | None = None, level: str | None = None
             ) -> tuple[m.Platform, str]:
    """A platform node under its resolution key (plankg.ingest.resolve), and how the printed name was read.

    >>> a, how = platform("杭州城西科创大走廊", "杭州市"); b, _ = platform("城西科创大走廊", "杭州市")
    >>> a == b, a.name, how
    (True, '城西科创大走廊', 'plankg.resolve.v1: place 杭州→杭州市')
    """
    found = resolve_name(printed, "Platform", region)
    return m.Platform(id=found.id, name=found.name, kind=found.kind or kind, level=level,
                      jurisdiction=found.jurisdiction, aliases=list(found.aliases)), found.explain()


def enterprise(printed: str, region: str | None) -> tuple[m.Enterprise, str]:
    """An enterprise node under its resolution key, and how the printed name was read."""
    found = resolve_name(printed, "Enterprise", region)
    return m.Enterprise(id=found.id, name=found.name, jurisdiction=found.jurisdiction,
                        aliases=list(found.aliases)), found.explain()


class _Builder:
    def __init__(self, doc_id: str, rules: str):
        self.doc_id, self.rules = doc_id, rules
        self.nodes: dict[str, m.Node] = {}
        self.rels: dict[tuple[str, str, str], m.Relationship] = {}

    def node(self, node: m.Node) -> str:
        self.nodes.setdefault(node.id, node)
        return node.id

    def rel(self, type_: R, src: m.Node | tuple[L, str], dst: m.Node | tuple[L, str], **props) -> None:
        s_label, s_id = (src.label, src.id) if isinstance(src, m.Node) else src
        d_label, d_id = (dst.label, dst.id) if isinstance(dst, m.Node) else dst
        key = (type_.value, s_id, d_id)
        if key not in self.rels:
            props.setdefault("rule", self.rules)
            self.rels[key] = m.Relationship(type=type_, source_label=s_label, source=s_id, target_label=d_label,
                                            target=d_id, document_id=self.doc_id, **props)


def _span(span) -> dict:
    return {"span_start": span[0], "span_end": span[1]} if span else {}


def to_document_graph(ex: Extraction) -> m.DocumentGraph:
    """Build the graph of one extraction. Pure: the same extraction gives the same graph.

    >>> from plankg.ingest.contract import DocumentInfo, PlanInfo, TaskOut, DepartmentRef
    >>> ex = Extraction(document=DocumentInfo(id="d", path="p.txt", sha256="0"), plan=PlanInfo(title="某计划"),
    ...     tasks=[TaskOut(ref="1", text="做事", span=(0, 2),
    ...            departments=[DepartmentRef(name="市科技局", canonical="杭州市科学技术局", jurisdiction="杭州市")])])
    >>> g = to_document_graph(ex)
    >>> sorted(n.label.value for n in g.nodes)
    ['Department', 'Document', 'Plan', 'Task']
    >>> sorted(r.type.value for r in g.relationships)
    ['HAS_TASK', 'PUBLISHES', 'RESPONSIBLE_FOR']
    """
    doc_id = ex.document.id
    b = _Builder(doc_id, ex.rules)
    doc = m.Document(id=doc_id, document_id=doc_id, name=ex.document.path.rsplit("/", 1)[-1],
                     path=ex.document.path, sha256=ex.document.sha256, chars=ex.document.chars,
                     rule=ex.rules)
    b.node(doc)
    p = ex.plan
    plan = m.Plan(id=plan_id(p.title, doc_id), document_id=doc_id, title=p.title, issuers=list(p.issuers),
                  date=p.date, doc_number=p.doc_number, period_start=p.period[0] if p.period else None,
                  period_end=p.period[1] if p.period else None, region=p.region, status=p.status)
    b.node(plan)
    b.rel(R.PUBLISHES, doc, plan)
    for issuer in p.issuers:
        # Issuers are reported as printed; the node is the body's canonical name, the one its tasks resolve to.
        info = default_registry().resolve(issuer, p.region)
        dept = department(info.canonical, info.jurisdiction or p.region, "government")
        b.node(dept)
        b.rel(R.ISSUED_BY, plan, dept, printed_name=issuer)

    for d in p.implementers:
        dept = department(d.canonical, d.jurisdiction, d.kind)
        b.node(dept)
        b.rel(R.IMPLEMENTS, dept, plan, printed_name=d.name, **_span(d.span))

    sections: dict[str, m.Section] = {}
    for s in ex.sections:
        sec = m.Section(id=content_id("Section", doc_id, s.ref), document_id=doc_id, ref=s.ref, title=s.title,
                        depth=s.level, **_span(s.span))
        sections[s.ref] = sec
        b.node(sec)
    for s in ex.sections:
        parent = sections.get(s.parent) if s.parent else None
        b.rel(R.HAS_SECTION, parent or plan, sections[s.ref])

    tasks: dict[str, m.Task] = {}
    for t in ex.tasks:
        task = m.Task(id=content_id("Task", doc_id, t.ref), document_id=doc_id, ref=t.ref, text=t.text,
                      rule=t.rule or ex.rules, **_span(t.span))
        tasks[t.ref] = task
        b.node(task)
        b.rel(R.HAS_TASK, sections.get(t.section or "") or plan, task)
        for d in t.departments:
            dept = department(d.canonical, d.jurisdiction, d.kind)
            b.node(dept)
            b.rel(R.RESPONSIBLE_FOR, dept, task, role=Role(d.role), printed_name=d.name, **_span(d.span or t.span))

    def owner(task_ref: str | None, section: str | None) -> m.Node:
        return tasks.get(task_ref or "") or sections.get(section or "") or plan

    node: m.Node
    for pf in ex.platforms:
        node, how = platform(pf.name, p.region, pf.kind, pf.level)
        b.node(node)
        b.rel(R.MENTIONS, owner(pf.task_ref, pf.section), node, printed_name=pf.name,
              rule=pf.rule or ex.rules, resolution=how, **_span(pf.span))
    for en in ex.enterprises:
        node, how = enterprise(en.name, p.region)
        b.node(node)
        b.rel(R.MENTIONS, owner(en.task_ref, en.section), node, printed_name=en.name,
              rule=en.rule or ex.rules, resolution=how, **_span(en.span))
    for pr in ex.projects:
        node = m.Project(id=content_id("Project", doc_id, pr.name), document_id=doc_id, name=pr.name,
                         field=pr.field, **_span(pr.span))
        b.node(node)
        b.rel(R.MENTIONS, owner(None, pr.section), node, printed_name=pr.name, rule=pr.rule or ex.rules,
              **_span(pr.span))
        if pr.builder:
            builder, _ = enterprise(pr.builder, p.region)
            b.node(builder)
            b.rel(R.BUILT_BY, node, builder, printed_name=pr.builder)
    for tg in ex.targets:
        key = metric_key(tg.metric)
        norm_value, norm_unit = in_metric_unit(key, tg.value, tg.unit)
        node = m.Target(id=content_id("Target", doc_id, tg.metric, tg.value, tg.unit, tg.year, tg.comparator),
                        document_id=doc_id, text=tg.text, metric=tg.metric, value=tg.value, unit=tg.unit,
                        comparator=cast(m.Comparator, tg.comparator), year=tg.year, baseline=tg.baseline,
                        baseline_year=tg.baseline_year, metric_key=key, norm_value=norm_value, norm_unit=norm_unit,
                        rule=tg.rule or ex.rules, **_span(tg.span))
        b.node(node)
        b.rel(R.SETS_TARGET, owner(tg.task_ref, tg.section), node)
    for ref in ex.references:
        cited = m.Plan(id=plan_id(ref.title, doc_id), title=ref.title)
        if cited.id != plan.id:
            b.node(cited)
            b.rel(R.REFERENCES, plan, cited, printed_title=ref.title)
    return m.DocumentGraph(document_id=doc_id, nodes=list(b.nodes.values()), relationships=list(b.rels.values()))
