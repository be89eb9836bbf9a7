"""The extraction pipeline: source text -> structure -> spaCy components -> `Extraction`.

spaCy is the container: a blank Chinese pipeline with character segmentation (no model or
dictionary download) and plankg's own registered components, each with a versioned name. The
pipeline is fed numbered units and table rows, never the whole file; every fact records the
versioned rule that produced it, and the whole extraction records `RULES_VERSION`.

>>> from plankg.ingest.read import SourceText
>>> from pathlib import Path
>>> raw = "湖州市某某工作计划\\n一、重点任务\\n1.建设平台。(责任单位:市科技局、市财政局)".encode()
>>> ex = extract_source(SourceText(Path("t.txt"), raw.decode(), "utf-8", raw))
>>> [(t.ref, [(d.name, d.canonical) for d in t.departments]) for t in ex.tasks]
[('一.1', [('市科技局', '湖州市科学技术局'), ('市财政局', '湖州市财政局')])]
"""
from __future__ import annotations

import hashlib
import importlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable

from plankg.errors import ExtractionError
from plankg.ingest.assemble import document_id
from plankg.ingest.contract import DepartmentRef, DocumentInfo, Extraction, PlanInfo, SectionOut, TargetOut, TaskOut
from plankg.ingest.departments import DepartmentRegistry, default_registry
from plankg.ingest.plan_meta import read_plan_meta
from plankg.ingest.read import SourceText, read_source
from plankg.ingest.responsibility import (RULE_ITEM, DepartmentMention, ResponsibilityClause, apply_convention,
                                          first_listed_leads, has_unit_columns, may_hold_clause, plan_wide_actors, table_clause, unique_mentions,
                                          unit_clauses, units)
from plankg.ingest.structure import Block, DocContext, Structure, body_start, parse_structure

RULES_VERSION = "plankg.rules.v2"
COMPONENT_RESPONSIBILITY = "plankg_responsibility_v1"  # spaCy forbids "." in factory names


@dataclass(frozen=True)
class UnitContext:
    """What the responsibility component needs to know about the text it is given."""

    ref: str
    section: str | None
    base: int  # offset of the Doc's first character in the source text
    kind: str  # item | heading | table_row
    continued: bool = False
    block: Block | None = None
    # The Doc's text, kept here because `doc.text` rebuilds it token by token on every access.
    text: str = ""


def _shift_clause(c: ResponsibilityClause, base: int) -> ResponsibilityClause:
    return ResponsibilityClause(c.ref, c.section, c.text, c.start + base, c.end + base,
                                tuple(DepartmentMention(d.name, d.role, d.start + base, d.end + base)
                                      for d in c.departments), c.rule)


def _register_components() -> None:
    from spacy.language import Language
    from spacy.tokens import Doc

    for name in ("plankg_unit", "plankg_clauses", "plankg_plan_wide"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if COMPONENT_RESPONSIBILITY in Language.factories:
        return

    @Language.factory(COMPONENT_RESPONSIBILITY, assigns=["doc._.plankg_clauses", "doc._.plankg_plan_wide",
                                                         "doc.spans"], requires=[], retokenizes=False)
    def make_responsibility(nlp: Language, name: str) -> Callable:
        registry = default_registry()

        def responsibility(doc: Doc) -> Doc:
            unit: UnitContext | None = doc._.plankg_unit
            if unit is None:
                raise ExtractionError(f"{COMPONENT_RESPONSIBILITY} got a Doc without doc._.plankg_unit",
                                      where="plankg.ingest.pipeline",
                                      fix="feed units through extract_source, not raw text")
            if unit.kind == "table_row" and unit.block is not None:
                clause = table_clause(unit.block, registry)
                clauses, wide = ([clause] if clause else []), []
            else:
                local, wide_local = unit_clauses(unit.text, 0, len(unit.text), unit.ref, unit.section, unit.kind,
                                                 registry, unit.continued)
                clauses = [_shift_clause(c, unit.base) for c in local]
                wide = [DepartmentMention(d.name, d.role, d.start + unit.base, d.end + unit.base) for d in wide_local]
            spans = []
            for c in clauses:
                for d in c.departments:
                    span = doc.char_span(d.start - unit.base, d.end - unit.base, label=d.role)
                    if span is not None:
                        spans.append(span)
            doc.spans["plankg_departments"] = spans
            doc._.plankg_clauses = clauses
            doc._.plankg_plan_wide = wide
            return doc

        return responsibility


@lru_cache(maxsize=1)
def build_nlp():
    """The spaCy pipeline, built once: blank Chinese with character segmentation plus plankg components."""
    try:
        import spacy
    except ImportError:
        from plankg.errors import MissingDependencyError

        raise MissingDependencyError("spacy", "plankg extraction") from None
    _register_components()
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})
    nlp.add_pipe(COMPONENT_RESPONSIBILITY)
    return nlp


def _optional(module: str, name: str):
    """A colleague extractor if its module exists; a bug inside an existing module still raises."""
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name == module:
            return None
        raise
    return getattr(mod, name, None)


def _docs(nlp, contexts: list[UnitContext]):
    """One Doc per unit, made lazily so nlp.pipe streams them.

    The pipeline's segmenter is "char": one token per character. Building the Doc from the
    characters directly gives those tokens without spaCy re-aligning words to the text, and keeps
    white space as tokens, so character offsets and token indices coincide for `char_span`.
    """
    from spacy.tokens import Doc

    for ctx in contexts:
        doc = Doc(nlp.vocab, words=list(ctx.text), spaces=[False] * len(ctx.text))
        doc._.plankg_unit = ctx
        yield doc


def _responsibility(text: str, structure: Structure) -> tuple[list[ResponsibilityClause], list[DepartmentMention],
                                                               list[Block]]:
    nlp = build_nlp()
    contexts: list[UnitContext] = []
    bare: list[Block] = []
    for unit in units(structure):
        if not may_hold_clause(text, unit.start, unit.end):
            # No bracket, label or 牵头: no layout can hold a clause here, so no Doc is made for it.
            if unit.kind == "item":
                bare.append(unit.block)
            continue
        contexts.append(UnitContext(unit.ref, unit.section, unit.start, unit.kind, unit.end > unit.block.end,
                                    unit.block, text[unit.start:unit.end]))
    for b in structure.blocks:
        if b.kind == "table_row" and has_unit_columns(b):
            contexts.append(UnitContext(b.ref or "", b.section, b.start, "table_row", False, b, b.text))
    clauses: list[ResponsibilityClause] = []
    wide: list[DepartmentMention] = []
    for ctx, doc in zip(contexts, nlp.pipe(_docs(nlp, contexts))):
        clauses.extend(doc._.plankg_clauses)
        wide.extend(doc._.plankg_plan_wide)
        if ctx.kind == "item" and not doc._.plankg_clauses:
            bare.append(ctx.block)
    bare.sort(key=lambda b: b.start)
    for b in structure.blocks:
        if b.kind == "paragraph" and b.ref is None:
            wide.extend(plan_wide_actors(text, b.start, b.end))
    clauses.sort(key=lambda c: (c.start, c.end, c.ref))
    if first_listed_leads(text):
        clauses = apply_convention(clauses)
    return clauses, unique_mentions(wide), bare


def _department_ref(d: DepartmentMention, region: str | None, registry: DepartmentRegistry) -> DepartmentRef:
    info = registry.resolve(d.name, region)
    return DepartmentRef(name=d.name, canonical=info.canonical, role=d.role, jurisdiction=info.jurisdiction,
                         kind=info.kind, span=(d.start, d.end))


def _tasks(clauses: list[ResponsibilityClause], bare: list[Block], region: str | None,
           registry: DepartmentRegistry) -> list[TaskOut]:
    tasks = []
    for c in clauses:
        deps, seen = [], set()
        for d in c.departments:
            ref = _department_ref(d, region, registry)
            # The same unit printed twice in one clause is one responsibility.
            if (ref.canonical, ref.role) in seen:
                continue
            seen.add((ref.canonical, ref.role))
            deps.append(ref)
        tasks.append(TaskOut(ref=c.ref, text=c.text, span=(c.start, c.end), section=c.section, departments=deps,
                             rule=c.rule))
    for b in bare:
        start = body_start(b)
        tasks.append(TaskOut(ref=b.ref or "", text=b.text[start - b.start:], span=(start, b.end), section=b.section,
                             rule=RULE_ITEM))
    # Refs must stay unique: a table row may share a number with an item.
    seen_refs: dict[str, int] = {}
    out = []
    for t in sorted(tasks, key=lambda t: (t.span[0], t.span[1], t.ref)):
        n = seen_refs.get(t.ref, 0) + 1
        seen_refs[t.ref] = n
        out.append(t if n == 1 else t.model_copy(update={"ref": f"{t.ref}~{n}"}))
    return out


def _owner(span: tuple[int, int], tasks: list[TaskOut], structure: Structure) -> tuple[str | None, str | None]:
    """The task whose span contains `span` (the smallest), and the enclosing section."""
    best = None
    for t in tasks:
        if t.span[0] <= span[0] and span[1] <= t.span[1]:
            if best is None or (t.span[1] - t.span[0]) < (best.span[1] - best.span[0]):
                best = t
    section = None
    best_len = None
    for s in structure.sections:
        if s.start <= span[0] and span[1] <= s.end and (best_len is None or s.end - s.start < best_len):
            section, best_len = s.ref, s.end - s.start
    if best is not None:
        return best.ref, best.section or section
    return None, section


def _in_duplicate(span: tuple[int, int], structure: Structure) -> bool:
    return any(a <= span[0] < b for a, b in structure.duplicate_spans)


def _place_and_dedupe(items: list, tasks: list[TaskOut], structure: Structure, key: Callable, has_task: bool = True):
    out, seen = [], set()
    for it in sorted(items, key=lambda x: (x.span[0] if x.span else -1, x.span[1] if x.span else -1, key(x))):
        if it.span and _in_duplicate(tuple(it.span), structure):
            continue
        update = {}
        if it.span:
            task_ref, section = _owner(tuple(it.span), tasks, structure)
            if has_task:
                update["task_ref"] = task_ref
            update["section"] = section
        it = it.model_copy(update=update)
        k = (key(it), getattr(it, "task_ref", None))
        if k in seen:
            continue
        seen.add(k)
        out.append(it)
    return out


def _dedupe_targets(targets: list[TargetOut], tasks: list[TaskOut], structure: Structure) -> list[TargetOut]:
    return _place_and_dedupe(targets, tasks, structure,
                             key=lambda t: (t.metric, t.value, t.unit, t.comparator, t.year))


def extract_source(source: SourceText) -> Extraction:
    """Extract one decoded document into the contract. Deterministic: same input, same output."""
    text = source.text
    registry = default_registry()
    structure = parse_structure(text)
    meta = read_plan_meta(text, structure, registry)
    ctx = DocContext(region=meta.region, plan_year=meta.plan_year, period=meta.period, title=meta.title,
                     structure=structure)

    clauses, wide, bare = _responsibility(text, structure)
    tasks = _tasks(clauses, bare, meta.region, registry)
    implementers = [_department_ref(d, meta.region, registry) for d in wide]

    blocks = list(structure.blocks)
    find_targets = _optional("plankg.ingest.targets", "find_targets")
    find_platforms = _optional("plankg.ingest.entities", "find_platforms")
    find_enterprises = _optional("plankg.ingest.entities", "find_enterprises")
    find_projects = _optional("plankg.ingest.entities", "find_projects")
    find_references = _optional("plankg.ingest.entities", "find_references")
    targets = list(find_targets(text, blocks, ctx)) if find_targets else []
    platforms = list(find_platforms(text, blocks, ctx)) if find_platforms else []
    enterprises = list(find_enterprises(text, blocks, ctx)) if find_enterprises else []
    projects = list(find_projects(text, blocks, ctx)) if find_projects else []
    references = list(find_references(text, blocks, ctx)) if find_references else []

    targets = _dedupe_targets(targets, tasks, structure)
    # A zone or centre named in a list of responsible units is acting as a department there.
    unit_spans = [d.span for t in tasks for d in t.departments if d.span] + [d.span for d in implementers if d.span]
    platforms = [p for p in platforms if not any(a <= p.span[0] and p.span[1] <= b for a, b in unit_spans)]
    platforms = _place_and_dedupe(platforms, tasks, structure, key=lambda p: p.name)
    enterprises = _place_and_dedupe(enterprises, tasks, structure, key=lambda e: e.name)
    projects = _place_and_dedupe(projects, tasks, structure, key=lambda p: p.name, has_task=False)
    seen_refs, unique_refs = set(), []
    for r in references:
        if r.title not in seen_refs:
            seen_refs.add(r.title)
            unique_refs.append(r)

    sections = [SectionOut(ref=s.ref, title=s.title, level=s.level, span=(s.start, s.end), parent=s.parent)
                for s in structure.sections]
    plan = PlanInfo(title=meta.title, issuers=list(meta.issuers), date=meta.date, doc_number=meta.doc_number,
                    period=meta.period, region=meta.region, status=meta.status, implementers=implementers)
    document = DocumentInfo(id=document_id(source.path.name), path=str(source.path),
                            sha256=hashlib.sha256(source.raw_bytes).hexdigest(), chars=len(text),
                            encoding=source.encoding)
    return Extraction(document=document, plan=plan, sections=sections, tasks=tasks, targets=targets,
                      platforms=platforms, enterprises=enterprises, projects=projects, references=unique_refs,
                      rules=RULES_VERSION)


def extract_file(path: str | Path) -> Extraction:
    """Read and extract one document file."""
    return extract_source(read_source(path))


def extract_text(text: str, name: str = "text.txt") -> Extraction:
    """Extract from a string (tests, notebooks): the document id comes from `name`.

    >>> extract_text("某市2024年工作计划\\n1.推进。(责任单位:市科技局)").tasks[0].departments[0].name
    '市科技局'
    """
    raw = text.encode("utf-8")
    return extract_source(SourceText(Path(name), text, "utf-8", raw))
