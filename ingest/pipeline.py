"""The extraction pipeline: source text -> structure -> spaCy components -> `Extraction`.

spaCy is the container of every extraction stage (see `components` for the chain and what each
component reads and writes). The steps, in order:

1. before the pipe, on the whole document: `read_plan_meta` and `parse_structure` (numbered
   sections, items, paragraphs, table rows; repeated copies of the plan left out), then the
   blocks are grouped into passages (`responsibility.passages`);
2. `nlp.pipe` over one Doc per passage, never the whole file: gazetteer matching ->
   responsibility clauses -> coordinated lists -> platforms, enterprises, projects -> targets.
   Passages where no component can fire get no Doc (`components.needs_doc`);
3. after the pipe, the steps that need the whole document:
   - responsibility: clauses in text order, the "列第一位的为牵头单位" convention (stated once,
     anywhere), plan-wide actors deduplicated, departments resolved, task refs made unique;
   - targets: a table row's missing unit from a sentence anywhere, a sentence and a table row
     stating one indicator merged (`targets.finish_targets`);
   - platforms, enterprises, projects: deduplicated across the document; project builders;
     platforms printed as responsible units dropped;
   - references: 《…》 titles from the whole text (a title may wrap onto the next line);
   - every fact placed in its task and section by span (`task_ref`), facts inside a skipped
     repeated copy dropped, duplicates of one fact in one task merged.

Every fact records the versioned rule that produced it, and the whole extraction records
`RULES_VERSION`.

>>> from plankg.ingest.read import SourceText
>>> from pathlib import Path
>>> raw = "湖州市某某工作计划\\n一、重点任务\\n1.建设平台。(责任单位:市科技局、市财政局)".encode()
>>> ex = extract_source(SourceText(Path("t.txt"), raw.decode(), "utf-8", raw))
>>> [(t.ref, [(d.name, d.canonical) for d in t.departments]) for t in ex.tasks]
[('一.1', [('市科技局', '湖州市科学技术局'), ('市财政局', '湖州市财政局')])]
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from plankg.ingest import lexicon
from plankg.ingest.assemble import document_id
from plankg.ingest.components import DocumentFrame, PassageContext, build_nlp, needs_doc, passage_docs
from plankg.ingest.contract import (
    DepartmentRef,
    DocumentInfo,
    EnterpriseOut,
    Extraction,
    PlanInfo,
    PlatformOut,
    ProjectOut,
    ReferenceOut,
    SectionOut,
    TableCellOut,
    TargetOut,
    TaskOut,
)
from plankg.ingest.departments import DepartmentRegistry, default_registry
from plankg.ingest.enterprises import dedupe_enterprises, project_builders
from plankg.ingest.gazetteer import traditional_forms
from plankg.ingest.plan_meta import read_plan_meta
from plankg.ingest.platforms import dedupe_platforms
from plankg.ingest.projects import dedupe_projects
from plankg.ingest.read import SourceText, normalise, read_source
from plankg.ingest.references import cited_references
from plankg.ingest.responsibility import (
    RULE_ITEM,
    RULE_LABEL,
    RULE_LEAD_PHRASE,
    RULE_TABLE,
    DepartmentMention,
    ResponsibilityClause,
    announces_duties,
    apply_convention,
    apply_heading_leads,
    duty_owners,
    heading_leads,
    is_label_only,
    lead_convention,
    passages,
    unique_mentions,
)
from plankg.ingest.structure import Block, DocContext, Structure, body_start, parse_structure
from plankg.ingest.targets import TargetMention, finish_targets
from plankg.ontology.vocab import Role


def rules_fingerprint(root: Path | None = None) -> str:
    """Eight hex digits of a hash over the extraction's code and word lists (this package's modules and the
    gazetteers): a rule changed anywhere changes it, so a store that holds a document read by other rules loads it
    again (`graph.store.is_loaded`) even where no one remembered to raise the version's number.

    >>> len(rules_fingerprint()), rules_fingerprint() == rules_fingerprint()
    (8, True)
    """
    here = Path(__file__).resolve().parent if root is None else root
    digest = hashlib.sha256()
    files = sorted(here.rglob("*.py")) + sorted((here.parent / "data" / "gazetteers").glob("*"))
    for path in files:
        if path.is_file():
            digest.update(path.relative_to(here.parent).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:8]


RULES_VERSION = f"plankg.rules.v15+{rules_fingerprint()}"


@dataclass
class _Collected:
    """What the components found in all passages of one document, in passage (text) order."""

    clauses: list[ResponsibilityClause] = field(default_factory=list)
    unit_wide: list[DepartmentMention] = field(default_factory=list)  # plan-wide actors stated in clauses
    paragraph_wide: list[DepartmentMention] = field(default_factory=list)  # ... in free paragraphs
    bare: list[Block] = field(default_factory=list)  # numbered items without a clause
    bare_headings: list[Block] = field(default_factory=list)  # numbered headings without a clause
    platforms: list[PlatformOut] = field(default_factory=list)
    enterprises: list[EnterpriseOut] = field(default_factory=list)
    projects: list[ProjectOut] = field(default_factory=list)
    prose_targets: list[TargetMention] = field(default_factory=list)
    table_targets: list[TargetMention] = field(default_factory=list)


def _run_components(frame: DocumentFrame) -> _Collected:
    """The component chain over one Doc per passage (where a component can fire); its findings in text order."""
    nlp = build_nlp()
    contexts = [PassageContext.of(p, frame) for p in passages(frame.structure)]
    fed = [needs_doc(ctx) for ctx in contexts]
    docs = nlp.pipe(passage_docs(nlp, [ctx for ctx, has_doc in zip(contexts, fed, strict=True) if has_doc]))
    out = _Collected()
    for ctx, has_doc in zip(contexts, fed, strict=True):
        unit = ctx.passage.unit
        if not has_doc:
            if unit is not None and unit.kind in ("item", "heading"):
                (out.bare if unit.kind == "item" else out.bare_headings).append(unit.block)
            continue
        ext = next(docs)._
        clauses = ext.plankg_clauses
        out.clauses.extend(clauses)
        (out.unit_wide if unit is not None else out.paragraph_wide).extend(ext.plankg_plan_wide)
        if unit is not None and unit.kind in ("item", "heading") and not clauses:
            (out.bare if unit.kind == "item" else out.bare_headings).append(unit.block)
        out.platforms.extend(ext.plankg_platforms)
        out.enterprises.extend(ext.plankg_enterprises)
        out.projects.extend(ext.plankg_projects)
        out.prose_targets.extend(ext.plankg_targets)
        out.table_targets.extend(ext.plankg_table_targets)
    return out


def _department_ref(d: DepartmentMention, region: str | None, registry: DepartmentRegistry) -> DepartmentRef:
    info = registry.resolve(d.full or d.name, region)
    return DepartmentRef(name=d.name, canonical=info.canonical, role=Role(d.role), jurisdiction=info.jurisdiction,
                         kind=info.kind, span=(d.start, d.end))


# Roles from the most specific: a unit printed as lead and as responsible leads.
_ROLE_RANK = {Role.LEAD: 0, Role.SUPPORT: 1, Role.RESPONSIBLE: 2}


def _tasks(clauses: list[ResponsibilityClause], bare: list[Block], region: str | None,
           registry: DepartmentRegistry) -> list[TaskOut]:
    tasks = []
    for c in clauses:
        deps: list[DepartmentRef] = []
        at: dict[str, int] = {}
        for d in c.departments:
            ref = _department_ref(d, region, registry)
            # The same unit printed twice in one task (a 责任单位 column and a 牵头单位 column) is one
            # responsibility, where it was first printed, with the more specific role.
            i = at.get(ref.canonical)
            if i is None:
                at[ref.canonical] = len(deps)
                deps.append(ref)
            elif _ROLE_RANK[ref.role] < _ROLE_RANK[deps[i].role]:
                deps[i] = deps[i].model_copy(update={"role": ref.role})
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
    return _grouped_siblings(out)


def _label_items_to_headings(tasks: list[TaskOut], structure: Structure, text: str) -> list[TaskOut]:
    """A numbered item that is only a role key and its units ("3、承办单位:县委宣传部,县旅游发展局" under "(一)首届樱花
    旅游节开幕式", beside "1、时间:…" and "2、地点:…") names who carries out its heading's task: the task is the
    heading's, from its title to the units (one task however many such items the heading has)."""
    titles = {s.ref: s for s in structure.sections}
    owned = {t.ref for t in tasks if not is_label_only(t.text)}
    out: list[TaskOut] = []
    moved: dict[str, int] = {}
    for t in tasks:
        parent = _parent(t.ref)
        section = titles.get(parent)
        if not (t.departments and is_label_only(t.text) and section is not None and section.title
                and parent not in owned):
            out.append(t)
            continue
        if parent in moved:
            k = moved[parent]
            merged = out[k]
            have = {d.canonical for d in merged.departments}
            out[k] = merged.model_copy(update={
                "text": text[merged.span[0]:t.span[1]], "span": (merged.span[0], t.span[1]),
                "departments": merged.departments + [d for d in t.departments if d.canonical not in have]})
            continue
        at = text.find(section.title, section.start, t.span[0])
        if at < 0:
            out.append(t)
            continue
        moved[parent] = len(out)
        out.append(t.model_copy(update={"ref": parent, "text": text[at:t.span[1]], "span": (at, t.span[1])}))
    return out


def _parent(ref: str) -> str:
    return ref.rsplit(".", 1)[0] if "." in ref else ""


def _grouped_siblings(tasks: list[TaskOut]) -> list[TaskOut]:
    """Items printed with no units of their own before a sibling whose key line of units closes the group ("(1)…
    (2)…责任部门:X"): the key line names the units of every item of the group since the last one that had its own."""
    out = list(tasks)
    pending: list[int] = []
    for k, t in enumerate(tasks):
        if t.rule == RULE_ITEM and not t.departments and "." in t.ref:
            if pending and _parent(tasks[pending[-1]].ref) != _parent(t.ref):
                pending = []
            pending.append(k)
            continue
        first = t.departments[0].span if t.departments else None
        if (t.rule == RULE_LABEL and first is not None and pending and _parent(t.ref) == _parent(tasks[pending[-1]].ref)
                and "\n" in t.text[:first[0] - t.span[0]]):
            for i in pending:
                out[i] = tasks[i].model_copy(update={"departments": list(t.departments), "rule": t.rule})
        pending = []
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
        # one fact per thing and owner: each task naming it, else each section (true per-task counts)
        task_ref = getattr(it, "task_ref", None)
        k = (key(it), task_ref, None if task_ref else getattr(it, "section", None))
        if k in seen:
            continue
        seen.add(k)
        out.append(it)
    return out


def _dedupe_targets(targets: list[TargetOut], tasks: list[TaskOut], structure: Structure) -> list[TargetOut]:
    return _place_and_dedupe(targets, tasks, structure,
                             key=lambda t: (t.metric, t.value, t.unit, t.comparator, t.year))


_CLOSED = ("。", "；", ";", ")", "）", "]", "】", "〕", "!", "！", "?", "？", "|")


_KEY_AFTER = re.compile(rf"\s*[,，;；\s]\s*(?:{lexicon.alternation(lexicon.OTHER_KEYS)})\s*[:：]")
_NOTE_AFTER = re.compile(rf"\s*[(（]\s*(?:{lexicon.LEAD_CONVENTION.pattern})")


def _complete_clauses(clauses: list[ResponsibilityClause], text: str) -> list[ResponsibilityClause]:
    """The clauses whose unit list is printed whole: a page's opening part may stop inside the last list
    ("…各县(市)区政府、各开发区管委"), and a list cut off is no responsibility to report.

    >>> from plankg.ingest.responsibility import RULE_LABEL
    >>> cut = ResponsibilityClause("1", None, "甲。牵头单位:市科技局、各开发区管委", 0, 19,
    ...                            (DepartmentMention("各开发区管委", "support", 13, 19),), RULE_LABEL)
    >>> row = ResponsibilityClause("1", None, "甲 市科技局", 0, 6, (DepartmentMention("市科技局", "lead", 2, 6),),
    ...                            RULE_TABLE)
    >>> len(_complete_clauses([cut], cut.text)), len(_complete_clauses([row], row.text))
    (0, 1)
    >>> whole = ResponsibilityClause("1", None, "甲。\\n责任单位:市科技局", 0, 11,
    ...                              (DepartmentMention("市科技局", "responsible", 7, 11),), RULE_LABEL)
    >>> len(_complete_clauses([whole], whole.text))
    1
    """
    end = len(text.rstrip())
    if not clauses or text[:end].endswith(_CLOSED):
        return clauses
    registry = default_registry()
    # A bracket list reaching the end of the text is cut. A table row, a lead phrase or a label line ("责任单位:
    # A、B" on its own line, no bracket left open) may end with the text, so reaching the end says nothing of its
    # list: it is cut when its last name is no unit.
    return [c for c in clauses if c.end < end - 1
            or (c.rule in (RULE_TABLE, RULE_LEAD_PHRASE) and c.departments
                and registry.looks_like_unit(c.departments[-1].name))
            or (c.rule == RULE_LABEL and c.departments and not _bracket_open(text, c.departments[0].start)
                and _whole_unit(_last_item(text, end), registry))
            # "(责任单位:A、B,完成时限:2023": another key after the last unit closes the list; so does a note
            # stating the lead convention ("…B(列在首位的为牵头单位,其他单位按职责分工负责,下")
            or (c.departments and _KEY_AFTER.match(text, c.departments[-1].end) is not None)
            or (c.departments and _NOTE_AFTER.match(text, c.departments[-1].end) is not None)]


def _last_item(text: str, end: int) -> str:
    """The last item of a list that ends the text: what follows its last separator.

    >>> _last_item("责任单位:市发改委、市协", 12), _last_item("责任单位:州科技局", 9)
    ('市协', '州科技局')
    """
    start = max(text.rfind(sep, 0, end) for sep in "、,，;；:：\n") + 1
    return text[start:end].strip()


def _whole_unit(name: str, registry: DepartmentRegistry) -> bool:
    """Whether a name ending the text is a whole unit's, not one cut short ("市协", "各开发区管委", "区").

    >>> reg = default_registry()
    >>> [_whole_unit(n, reg) for n in ("州科技局", "市协", "各开发区管委", "区", "市发展和改革局", "达州经开区")]
    [True, False, False, False, True, True]
    >>> _whole_unit("责任单位", reg)
    False
    """
    return len(name) >= 3 and registry.looks_like_unit(name) and not name.endswith(lexicon.CUT_UNIT_TAILS) \
        and name not in lexicon.UNIT_KEYS  # "责任单位" with nothing after it


def _bracket_open(text: str, pos: int) -> bool:
    """Whether a bracket opened on the line of `pos`, before it, is still open at `pos`.

    >>> _bracket_open("甲(责任单位:市科技局", 7), _bracket_open("甲\\n责任单位:市科技局", 7)
    (True, False)
    """
    depth = 0
    for ch in text[text.rfind("\n", 0, pos) + 1:pos]:
        if ch in "(（[〔【":
            depth += 1
        elif ch in ")）]〕】" and depth:
            depth -= 1
    return depth > 0


@dataclass(frozen=True)
class Facts:
    """What a plan states, placed in its tasks and sections: everything of an `Extraction` but the
    document and plan records."""

    tasks: list[TaskOut]
    implementers: list[DepartmentRef]  # plan-wide actors
    targets: list[TargetOut]
    platforms: list[PlatformOut]
    enterprises: list[EnterpriseOut]
    projects: list[ProjectOut]
    references: list[ReferenceOut]


def extract_facts(text: str, structure: Structure, ctx: DocContext,
                  registry: DepartmentRegistry | None = None) -> Facts:
    """The component chain over the passages of a parsed document, then the steps that need the whole
    document. `ctx` is what the plan's metadata says (region, year, period, title); `extract_source`
    reads it from the text, a test may state it.
    """
    registry = registry or default_registry()
    found = _run_components(DocumentFrame.of(text, structure, ctx, registry))

    clauses = sorted(found.clauses, key=lambda c: (c.start, c.end, c.ref))
    convention = lead_convention(text)
    if convention:
        clauses = apply_convention(clauses, text, convention)
    # Actors of a rule stated in a clause are listed before those of a rule in a paragraph of its own.
    wide = unique_mentions(found.unit_wide + found.paragraph_wide)
    # headings numbered under an item that announces its unit's duties ("其职责是:") are that unit's tasks
    leads = heading_leads(structure, registry)
    owners = [o for o in duty_owners(structure, registry) if not any(a <= o[0] < b for a, b, _ in leads)]
    owned = [h for h in found.bare_headings if any(a <= h.start < b for a, b, _ in owners) and not announces_duties(h)]
    bare = sorted(found.bare + owned, key=lambda b: b.start)
    clauses, bare = apply_heading_leads(clauses, bare, leads + owners)
    clauses = _complete_clauses(clauses, text)  # (after the headings' leads: a cut item is no task whoever leads it)
    tasks = _label_items_to_headings(_tasks(clauses, bare, ctx.region, registry), structure, text)
    implementers = [_department_ref(d, ctx.region, registry) for d in wide]

    targets = _dedupe_targets(finish_targets(text, found.prose_targets, found.table_targets), tasks, structure)
    platforms = dedupe_platforms(found.platforms)
    enterprises = dedupe_enterprises(found.enterprises + project_builders(text, found.projects))
    projects = dedupe_projects(found.projects)
    references = cited_references(text, ctx.title)

    # A zone or centre named in a list of responsible units is acting as a department there.
    unit_spans = [d.span for t in tasks for d in t.departments if d.span] + [d.span for d in implementers if d.span]
    platforms = [p for p in platforms if not any(a <= p.span[0] and p.span[1] <= b for a, b in unit_spans)]
    # A firm's own numbered institute ("…集团有限公司第六研究院") is the firm's unit: an enterprise, not a platform.
    firm_spans = [e.span for e in enterprises if e.span and e.name.endswith(("研究院", "研究所", "设计院"))]
    platforms = [p for p in platforms if not any(a < p.span[1] and p.span[0] < b and p.span[1] == b
                                                 for a, b in firm_spans)]
    platforms = _place_and_dedupe(platforms, tasks, structure, key=lambda p: p.name)
    enterprises = _place_and_dedupe(enterprises, tasks, structure, key=lambda e: e.name)
    projects = _place_and_dedupe(projects, tasks, structure, key=lambda p: p.name, has_task=False)
    seen_refs, unique_refs = set(), []
    for r in references:
        if r.title not in seen_refs:
            seen_refs.add(r.title)
            unique_refs.append(r)
    return Facts(tasks, implementers, targets, platforms, enterprises, projects, unique_refs)


def extract_source(source: SourceText) -> Extraction:
    """Extract one decoded document into the contract. Deterministic: same input, same output.

    The rules read the page in a parsing form: its traditional characters in simplified form
    (`gazetteer.traditional_forms`, one character for one) and, on a mirror page that glosses its characters in
    pinyin ("區(qū)"), without the glosses (`_parsing_form`); every name and text reported is the page's own, taken
    at its span (`_as_printed`), and every span is an offset into the page as decoded.
    """
    printed = source.text
    page = _parsing_form(printed)
    text = page.text
    registry = default_registry()
    structure = parse_structure(text)
    meta = read_plan_meta(text, structure, registry)
    ctx = DocContext(region=meta.region, plan_year=meta.plan_year, period=meta.period, title=meta.title,
                     structure=structure)
    facts = extract_facts(text, structure, ctx, registry)

    sections = [SectionOut(ref=s.ref, title=s.title, level=s.level, span=page.span((s.start, s.end), names=False),
                           parent=s.parent) for s in structure.sections]
    if text != printed:
        facts = _as_printed(facts, page)
        meta = replace(meta, title=page.own(meta.title), doc_number=page.own(meta.doc_number),
                       issuers=tuple(page.own(i) or i for i in meta.issuers))
    plan = PlanInfo(title=meta.title, issuers=list(meta.issuers), date=meta.date, doc_number=meta.doc_number,
                    period=meta.period, region=meta.region, status=meta.status, implementers=facts.implementers)
    sha256 = hashlib.sha256(source.raw_bytes).hexdigest()
    cells = [TableCellOut(table=c.table, row=c.row, col=c.col, span=(c.start, c.end)) for c in source.cells]
    document = DocumentInfo(id=document_id(sha256), path=str(source.path), sha256=sha256, chars=len(printed),
                            encoding=source.encoding, format=source.format, cells=cells)
    return Extraction(document=document, plan=plan, sections=sections, tasks=facts.tasks, targets=facts.targets,
                      platforms=facts.platforms, enterprises=facts.enterprises, projects=facts.projects,
                      references=facts.references, rules=RULES_VERSION)


# A pinyin reading a mirror page prints right after a character ("區(qū)", "發(fā)"), in lower-case letters with
# their tones: the rules do not read it.
_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,6}\)")


@dataclass(frozen=True)
class _ParsingForm:
    """The text the rules read, the page as decoded, and where each character of the one stands in the other
    (`index`, one entry more than the text holds; None where they are one for one)."""

    text: str
    printed: str
    index: tuple[int, ...] | None = None

    def span(self, span: tuple[int, int], *, names: bool = True) -> tuple[int, int]:
        """A span of the parsing form as a span of the page: a gloss inside it kept, and, for a name, the gloss of
        its last character too ("試驗區(qū)")."""
        if self.index is None:
            return span
        s, e = span
        if e <= s:
            return self.index[s], self.index[s]
        start, end = self.index[s], self.index[e - 1] + 1
        trail = _GLOSS.match(self.printed, end) if names else None
        return start, trail.end() if trail else end

    def own(self, value: str | None, span: tuple[int, int] | None = None) -> str | None:
        """`value` as the page prints it: at its span where the parsing form holds it there, else where the
        parsing form holds it first (`_printed_form`)."""
        if not value:
            return value
        if span is not None and self.text[span[0]:span[1]] == value:
            s, e = self.span(span)
            return self.printed[s:e]
        if self.index is None:
            return _printed_form(value, self.text, self.printed)
        at = self.text.find(value)
        if at < 0:
            return value
        s, e = self.span((at, at + len(value)))
        return self.printed[s:e]

    def chars(self, at: int, n: int) -> str:
        """The page's own characters for text[at:at + n], without the glosses between them (a unit: "萬人次")."""
        if self.index is None:
            return self.printed[at:at + n]
        return "".join(self.printed[self.index[k]] for k in range(at, at + n))


def _parsing_form(printed: str) -> _ParsingForm:
    """The text the rules read: traditional characters in simplified form, and a glossed page's pinyin left out.

    >>> page = _parsing_form("建設(shè)試驗區(qū),發(fā)展產業園區(qū)")
    >>> page.text, page.span((2, 5)), page.printed[slice(*page.span((2, 5)))]
    ('建设试验区,发展产业园区', (7, 14), '試驗區(qū)')
    """
    text = printed.translate(traditional_forms())
    glosses = list(_GLOSS.finditer(text))
    if not glosses:
        return _ParsingForm(text, printed)
    kept: list[str] = []
    index: list[int] = []
    at = 0
    for g in glosses:
        kept.append(text[at:g.start()])
        index.extend(range(at, g.start()))
        at = g.end()
    kept.append(text[at:])
    index.extend(range(at, len(text) + 1))
    return _ParsingForm("".join(kept), printed, tuple(index))


def _printed_form(value: str | None, text: str, printed: str) -> str | None:
    """`value` as the page prints it, where the parsed text holds it (one character for one), spaces and line
    breaks inside it left out as the value leaves them out ("洋縣2024年十大民生\\n實事項目").

    >>> _printed_form("洋县十大民生实事项目", "洋县十大民生\\n实事项目", "洋縣十大民生\\n實事項目")
    '洋縣十大民生實事項目'
    """
    if not value:
        return value
    at = text.find(value)
    if at >= 0:
        return printed[at:at + len(value)]
    m = re.search(r"\s*".join(re.escape(ch) for ch in value if not ch.isspace()), text)
    if m is None:
        return value
    return "".join(ch for ch in printed[m.start():m.end()] if not ch.isspace() or ch in value)


# Magnitudes a value was scaled by, whose traditional forms (萬, 億) a page may print.
_FOLDED_MAGNITUDES = (("万", 1e4), ("亿", 1e8))


def _as_printed(facts: Facts, page: _ParsingForm) -> Facts:
    """The facts with every name and text the page's own, taken at its span where the parsing form holds it there,
    and every span an offset into the page."""
    text = page.text

    def own(value: str, span: tuple[int, int] | None) -> str:
        return page.own(value, span) or value

    def at(span: tuple[int, int] | None) -> tuple[int, int] | None:
        return page.span(span) if span is not None else None

    tasks = [t.model_copy(update={"text": own(t.text, t.span), "span": page.span(t.span, names=False),
                                  "departments": [d.model_copy(update={"name": own(d.name, d.span),
                                                                       "span": at(d.span)})
                                                  for d in t.departments]})
             for t in facts.tasks]

    def own_unit(t: TargetOut) -> dict:
        # "推出10項高頻事項": the unit as the page prints it, found inside the target's span
        if not t.unit or t.span is None:
            return {}
        for magnitude, factor in _FOLDED_MAGNITUDES:
            k = text.find(magnitude + t.unit, t.span[0], t.span[1])
            if k >= 0 and page.chars(k, 1) != magnitude and t.value is not None:
                # "新增18萬頭": a magnitude printed in traditional form stays in the unit, as printed (18, 萬頭)
                return {"value": t.value / factor, "unit": page.chars(k, 1 + len(t.unit))}
        k = text.find(t.unit, t.span[0], t.span[1])
        return {"unit": page.chars(k, len(t.unit))} if k >= 0 else {}

    return replace(facts, tasks=tasks,
                   implementers=[d.model_copy(update={"name": own(d.name, d.span), "span": at(d.span)})
                                 for d in facts.implementers],
                   targets=[t.model_copy(update={"text": own(t.text, t.span), **own_unit(t),
                                                 "span": page.span(t.span, names=False)}) for t in facts.targets],
                   platforms=[p.model_copy(update={"name": own(p.name, p.span), "span": page.span(p.span)})
                              for p in facts.platforms],
                   enterprises=[e.model_copy(update={"name": own(e.name, e.span), "span": page.span(e.span)})
                                for e in facts.enterprises],
                   projects=[p.model_copy(update={"name": own(p.name, p.span), "span": page.span(p.span)})
                             for p in facts.projects],
                   references=[r.model_copy(update={"title": own(r.title, r.span), "span": at(r.span)})
                               for r in facts.references])


def extract_file(path: str | Path) -> Extraction:
    """Read and extract one document file."""
    return extract_source(read_source(path))


def extract_text(text: str, name: str = "text.txt") -> Extraction:
    """Extract from a string (tests, notebooks) as if read from a UTF-8 file called `name`: the
    document id comes from the text's UTF-8 bytes.

    >>> extract_text("某市2024年工作计划\\n1.推进。(责任单位:市科技局)").tasks[0].departments[0].name
    '市科技局'
    """
    raw = text.encode("utf-8")
    # normalised as a decoded file is: line ends, pages, a sharing site's chunks
    return extract_source(SourceText(Path(name), normalise(text), "utf-8", raw))
