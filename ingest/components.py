"""plankg's spaCy components: the extraction stages that read one passage of a plan at a time.

The container is a blank Chinese pipeline with character segmentation (no model or dictionary
download). Each Doc is one passage (`responsibility.Passage`): a numbered unit with its
continuation paragraphs, or a single paragraph, heading or table row. The Doc's character i is
character `base + i` of the source text, so token offsets are character offsets.

The chain, each component declaring what it reads (`requires`) and writes (`assigns`):

    plankg_passage_v1         doc.user_data[PASSAGE_KEY] -> doc._.plankg_block (the passage and its document)
    plankg_gazetteer_v1       -> doc._.plankg_gazetteer (the matches, indexed), doc.spans["plankg_platform_heads"],
                              doc.spans["plankg_enterprise_names"] (the same matches as spans)
    plankg_responsibility_v2  -> doc._.plankg_clauses, doc._.plankg_plan_wide, doc.spans["plankg_departments"]
    plankg_coordination_v1    gazetteer -> doc._.plankg_coordinated (之江、西湖等2家省实验室; 阿里巴巴、网易等企业)
    plankg_entities_v1        gazetteer, lists -> doc._.plankg_platforms, doc._.plankg_enterprises,
                              doc._.plankg_projects, doc.spans["plankg_platforms"], doc.spans["plankg_enterprises"]
    plankg_targets_v1         -> doc._.plankg_targets, doc._.plankg_table_targets, doc.spans["plankg_targets"]

spaCy forbids "." in component names, so components are versioned as `plankg_<stage>_v<n>`; the
facts they produce carry the dotted rule names of `responsibility`, `entities` and `targets`
(`plankg.targets.comparator.v4`, …), recorded on every fact as before.

Rules compute on the source text with document offsets (`doc._.plankg_block.source`), not on a
copy of the passage: a few look a character or two past the passage edge (a closing quotation
mark on the next line decides whether a number is a name) and must see what the whole-document
functions see.

`needs_doc` decides which passages get a Doc at all: only passages where some component can fire.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from plankg.errors import ExtractionError, MissingDependencyError
from plankg.ingest import lexicon
from plankg.ingest.departments import DepartmentRegistry, default_registry
from plankg.ingest.enterprises import (
    COMPANY,
    ENTERPRISE_GROUP,
    gazetteer_enterprises,
    listed_enterprises,
    listed_peers,
    registered_enterprises,
)
from plankg.ingest.firm_names import HONOUR_OR_GROWTH, industry_word, named_project, short_firm_names
from plankg.ingest.gazetteer import (
    SPANS_ENTERPRISE_NAMES,
    SPANS_PLATFORM_HEADS,
    GazetteerMatches,
    gazetteer_firm_names,
    head_pattern,
    match_gazetteer,
    phrase_matcher,
)
from plankg.ingest.names import prose_spans
from plankg.ingest.numerals import QUANTITY
from plankg.ingest.places import places_for
from plankg.ingest.platforms import (
    ACADEMY_INSTITUTE,
    APPOSITIVE_NAME,
    CLASSIFYING_GROUP,
    FACILITY_WORD,
    STATION_WORD,
    coordinated_platforms,
    span_platforms,
)
from plankg.ingest.projects import row_project
from plankg.ingest.responsibility import (
    RULE_LEAD_PHRASE,
    DepartmentMention,
    Passage,
    ResponsibilityClause,
    after_topic,
    bodies_before_duties,
    cell_clauses,
    duty_item_clauses,
    duty_list_clauses,
    duty_section_clauses,
    has_unit_columns,
    label_under_paragraph,
    may_hold_clause,
    may_hold_paragraph_clause,
    meeting_clauses,
    opens_with_duty_or_units,
    paragraphs_under_heading,
    plan_wide_actors,
    states_plan_wide_rule,
    subject_duty_clauses,
    table_clause,
    unit_clauses,
    you_sentence_clauses,
)
from plankg.ingest.structure import Block, DocContext, Structure, body_start
from plankg.ingest.targets import DURATION_METRIC, TargetFrame, block_targets, target_frame

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from plankg.ingest.places import Places

COMPONENT_PASSAGE = "plankg_passage_v1"
COMPONENT_GAZETTEER = "plankg_gazetteer_v1"
COMPONENT_RESPONSIBILITY = "plankg_responsibility_v2"
COMPONENT_COORDINATION = "plankg_coordination_v1"
COMPONENT_ENTITIES = "plankg_entities_v1"
COMPONENT_TARGETS = "plankg_targets_v1"
PIPELINE = (COMPONENT_PASSAGE, COMPONENT_GAZETTEER, COMPONENT_RESPONSIBILITY, COMPONENT_COORDINATION,
            COMPONENT_ENTITIES, COMPONENT_TARGETS)

PASSAGE_KEY = "plankg.passage"  # doc.user_data key the feeder hands the passage over in
SPANS_DEPARTMENTS = "plankg_departments"
SPANS_PLATFORMS = "plankg_platforms"
SPANS_ENTERPRISES = "plankg_enterprises"
SPANS_TARGETS = "plankg_targets"
EXTENSIONS = ("plankg_block", "plankg_gazetteer", "plankg_clauses", "plankg_plan_wide", "plankg_coordinated",
              "plankg_platforms", "plankg_enterprises", "plankg_projects", "plankg_targets", "plankg_table_targets")


@dataclass(frozen=True)
class DocumentFrame:
    """What every passage of one document shares: the source, its structure and document-level facts."""

    text: str
    structure: Structure
    ctx: DocContext
    registry: DepartmentRegistry
    targets: TargetFrame
    places: Places = field(compare=False, repr=False)

    @cached_property
    def _block_starts(self) -> list[int]:
        return [b.start for b in self.structure.blocks]

    @cached_property
    def _duty_sections(self) -> list[tuple[int, int]]:
        words = lexicon.DUTY_SECTION_WORDS
        titled = [(sec.start, sec.end) for sec in self.structure.sections
                  if sec.title and any(w in sec.title for w in words)]
        return titled + self._duty_runs

    @cached_property
    def _duty_runs(self) -> list[tuple[int, int]]:
        """Runs of three paragraphs or more, or of three numbered items of one level, that each open with a unit as
        the subject of its duty ("区住建局负责…", "区城管局负责…", "规划分局负责…") or with units before a colon
        ("市环保局:加快…", "14.市卫生局:负责…"), an item's maybe after its topic ("(九)民爆器材管理。县公安局要…"): a
        list of who does what without a heading that says so."""
        runs: list[tuple[int, int]] = []
        run: list[Block] = []
        def opens(b: Block) -> bool:
            words = b.start if b.kind == "paragraph" else after_topic(self.text, body_start(b), b.end, self.registry)
            return opens_with_duty_or_units(self.text, words, b.end, self.registry)

        for b in [*self.structure.blocks, None]:
            listed = b is not None and b.kind in ("paragraph", "item") and opens(b)
            if listed and b is not None and (not run or (b.kind, b.level) == (run[0].kind, run[0].level)):
                run.append(b)
                continue
            if len(run) >= 3 or (len(run) == 2 and all(self._colon_opened(b) for b in run)):
                # (two items, each opening with government bodies before a colon: "一、市委办公室、市政府办公室:…")
                runs.append((run[0].start, run[-1].end))
            run = [b] if listed and b is not None else []
        return runs

    def _colon_opened(self, b: Block) -> bool:
        """Whether a numbered item opens with government bodies before a colon and states their duties after it."""
        if b.kind != "item":
            return False
        # a duty's words after the colon, not a heading's
        return bool(bodies_before_duties(self.text, body_start(b), b.end, self.registry, _DUTY_MIN))

    def in_duty_section(self, block: Block) -> bool:
        """Whether `block` stands in a section whose title says who does what ("三、职责分工")."""
        return any(a <= block.start < b for a, b in self._duty_sections)

    def block_before(self, block: Block) -> Block | None:
        """The block printed right before `block` (None for the first)."""
        k = bisect.bisect_left(self._block_starts, block.start)
        return self.structure.blocks[k - 1] if k > 0 else None

    @classmethod
    def of(cls, text: str, structure: Structure, ctx: DocContext,
           registry: DepartmentRegistry | None = None) -> DocumentFrame:
        return cls(text, structure, ctx, registry or default_registry(), target_frame(structure.blocks, ctx),
                   places_for(ctx))


# The fewest characters after an item's units and colon that state their duties ("市委组织部:加强领导班子…").
_DUTY_MIN = 12


@dataclass(frozen=True)
class PassageContext:
    """`doc._.plankg_block`: the passage a Doc holds and the document it comes from."""

    passage: Passage
    frame: DocumentFrame
    # The Doc's text, kept here because `doc.text` rebuilds it token by token on every access.
    text: str
    prose_spans: tuple[tuple[int, int], ...]  # per block: the stretch after its numbering marker

    @property
    def base(self) -> int:
        """Offset of the Doc's first character in the source text."""
        return self.passage.start

    @property
    def source(self) -> str:
        return self.frame.text

    @classmethod
    def of(cls, passage: Passage, frame: DocumentFrame) -> PassageContext:
        return cls(passage, frame, frame.text[passage.start:passage.end],
                   tuple(prose_spans(frame.text, passage.blocks)))


# --------------------------------------------------------------------------- which passages get a Doc


@lru_cache(maxsize=1)
def _firing_patterns() -> tuple[re.Pattern[str], ...]:
    """Patterns of which at least one matches inside any text where a gazetteer, entity or target rule fires.

    Quantities (every prose target reads one; one in years only after a duration's word), platform head
    nouns and well-known firm names (what the gazetteer matches and the platform and list rules start
    from), registered firm names, enterprise lists and academy institutes: the patterns the rules
    themselves search with.
    """
    firms = re.compile("|".join(re.escape(n) for n in gazetteer_firm_names()))
    # The most frequent first: a passage that needs a Doc is usually told by the first search.
    # Facility lists and field stations by the words their rules read a span for at all: as necessary, far cheaper.
    return (QUANTITY, head_pattern(), COMPANY, ENTERPRISE_GROUP, firms, ACADEMY_INSTITUTE, FACILITY_WORD,
            STATION_WORD, industry_word(), APPOSITIVE_NAME, CLASSIFYING_GROUP, DURATION_METRIC, HONOUR_OR_GROWTH,
            named_project())


def needs_doc(ctx: PassageContext) -> bool:
    """Whether any component can find something in the passage; a passage without is never made a Doc.

    Table rows always get one (indicator tables, project tables, responsibility columns). Otherwise
    the responsibility layouts need a bracket, a unit label or 牵头 (`may_hold_clause`) or, in a
    free paragraph, the words of a plan-wide rule; every other component needs a match of one of
    `_firing_patterns()` inside the passage. Each check is a necessary condition of some rule firing,
    never a guess, so skipping changes no output; it spares about half the Docs of a typical plan
    (headings, short paragraphs of principles).
    """
    p = ctx.passage
    text = ctx.source
    first = p.blocks[0]
    if first.kind == "table_row":
        return True
    if p.unit is not None and may_hold_clause(text, p.unit.start, p.unit.end):
        return True
    if p.unit is None and first.kind == "paragraph" and may_hold_paragraph_clause(text, p.start, p.end):
        return True
    if first.kind == "paragraph" and first.ref is None and states_plan_wide_rule(text, first.start, first.end):
        return True
    if ctx.frame.in_duty_section(first) and (first.kind == "paragraph" or (
            p.unit is not None and p.unit.kind in ("heading", "item"))):
        return True  # a unit as the subject of its duties, in a section that lists them
    if first.start in ctx.frame.targets.bare_rows:
        return True  # a line of an indicator table printed without its header
    return any(pattern.search(text, p.start, p.end) for pattern in _firing_patterns())


# --------------------------------------------------------------------------- components


def _spans(doc: Doc, base: int, items, label: Callable) -> list:
    """Spans of `items` (facts with document offsets in `.span` or `.start`/`.end`) that lie in the Doc."""
    from spacy.tokens import Span

    out = []
    n = len(doc)
    for it in items:
        if hasattr(it, "span"):
            if it.span is None:
                continue
            start, end = it.span
        else:
            start, end = it.start, it.end
        s, e = start - base, end - base
        if 0 <= s < e <= n:
            out.append(Span(doc, s, e, label=label(it)))
    return out


def _passage(doc: Doc) -> Doc:
    ctx = doc.user_data.pop(PASSAGE_KEY, None)
    if not isinstance(ctx, PassageContext):
        raise ExtractionError(f"{COMPONENT_PASSAGE} got a Doc without a passage",
                              where="plankg.ingest.components",
                              fix="feed documents through plankg.ingest.pipeline.extract_source, "
                                  "which hands each Doc its passage, not raw text to nlp()")
    doc._.plankg_block = ctx
    return doc


def _make_gazetteer(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    matcher = phrase_matcher(nlp.vocab)

    def gazetteer(doc: Doc) -> Doc:
        ext = doc._
        ctx: PassageContext = ext.plankg_block
        found, heads, firms = match_gazetteer(doc, matcher, ctx.text, ctx.base)
        doc.spans[SPANS_PLATFORM_HEADS] = heads
        doc.spans[SPANS_ENTERPRISE_NAMES] = firms
        ext.plankg_gazetteer = found
        return doc

    return gazetteer


def _make_responsibility(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    def responsibility(doc: Doc) -> Doc:
        ext = doc._
        ctx: PassageContext = ext.plankg_block
        p, text, registry = ctx.passage, ctx.source, ctx.frame.registry
        clauses: list[ResponsibilityClause] = []
        wide: list[DepartmentMention] = []
        if p.unit is not None:
            u = p.unit
            if may_hold_clause(text, u.start, u.end):
                clauses, wide = unit_clauses(text, u.start, u.end, u.ref, u.section, u.kind, registry,
                                             u.end > u.block.end)
                if u.kind == "heading":
                    clauses = paragraphs_under_heading(text, clauses, u.block.end)
            if not clauses and u.kind == "heading" and ctx.frame.in_duty_section(u.block):
                clauses = duty_section_clauses(text, u.block.end, u.end, u.ref, u.section, registry)
            if not clauses:
                # "县金融中心负责…,县经信局负责…,县财政局负责…": one sentence dividing duties among units
                clauses = duty_list_clauses(text, u.start, u.end, u.ref, u.section, registry)
            under = u.kind == "heading" and u.end > u.block.end
            if not clauses and (u.kind == "item" or under):
                # the units' duties under a heading ("三、受理单位" over "市农业农村局、市财政局负责…;市发改委负责…"),
                # or after an item's topic ("(二)明确分工,责任到人。市发改委负责…;市经贸委负责…")
                body = u.block.end if u.kind == "heading" else body_start(u.block)
                clauses = subject_duty_clauses(text, body, u.end, u.ref, u.section, registry)
            if not clauses and u.kind in ("item", "heading") and ctx.frame.in_duty_section(u.block):
                # "三、职责分工 (一)市发改委:负责…": an item that opens with a unit states that unit's tasks
                clauses = duty_item_clauses(text, body_start(u.block), u.block.end, u.ref, u.section, registry)
            if u.kind == "item":
                # "第四条 市建设部门负责…" and then one paragraph a unit ("发改部门负责…"): each its own duty
                for k, b in enumerate(p.blocks[1:], 2):
                    if b.kind == "paragraph" and ctx.frame.in_duty_section(b) and not any(
                            b.start <= d.start < b.end for c in clauses for d in c.departments):
                        clauses += duty_section_clauses(text, b.start, b.end, f"{u.ref}#{k}", u.section, registry)
        else:
            b = p.blocks[0]
            if b.kind == "table_row" and has_unit_columns(b):
                clause = table_clause(b, registry)
                clauses = [clause] if clause else []
            elif b.kind == "table_row":
                clauses = cell_clauses(b, text, registry)
            elif b.kind == "paragraph":
                # An unnumbered paragraph may be a task with its clause ("加快推进…。(责任单位:…)"), or state a
                # plan-wide rule.
                if may_hold_paragraph_clause(text, b.start, b.end):
                    clauses, wide = unit_clauses(text, b.start, b.end, b.ref or "", b.section, "paragraph",
                                                 registry)
                    # A label alone covers no task text ("主办单位:某县人民政府办公室" in a page footer), unless it
                    # stands right under an unnumbered paragraph stating a task ("承办部门:市人社局").
                    above = ctx.frame.block_before(b)
                    kept: list[ResponsibilityClause] = []
                    for c in clauses:
                        # task text before the units, or after them in a clause that opens with who leads it
                        # ("由县发改局牵头,县自然资源局配合,在9月底前完成…")
                        covers = bool(c.departments) and (c.start < c.departments[0].start - 6 or (
                            c.rule == RULE_LEAD_PHRASE and c.end > c.departments[-1].end + 6))
                        whole = c if covers else label_under_paragraph(text, above, c)
                        if whole is not None:
                            kept.append(whole)
                    clauses = kept
                if not clauses and ctx.frame.in_duty_section(b):
                    clauses = duty_section_clauses(text, b.start, b.end, b.ref or "", b.section, registry)
                if not clauses:
                    clauses = duty_list_clauses(text, b.start, b.end, b.ref or "", b.section, registry) \
                        or subject_duty_clauses(text, b.start, b.end, b.ref or "", b.section, registry) \
                        or meeting_clauses(text, b.start, b.end, b.ref or "", b.section, registry) \
                        or you_sentence_clauses(text, b.start, b.end, b.ref or "", b.section, registry)
                if not clauses and b.ref is None:
                    wide = plan_wide_actors(text, b.start, b.end, registry)
        doc.spans[SPANS_DEPARTMENTS] = _spans(doc, ctx.base, [d for c in clauses for d in c.departments],
                                              lambda d: d.role)
        ext.plankg_clauses = clauses
        ext.plankg_plan_wide = wide
        return doc

    return responsibility


def _coordination(doc: Doc) -> Doc:
    ext = doc._
    ctx: PassageContext = ext.plankg_block
    text = ctx.source
    if "等" not in ctx.text and "为" not in ctx.text:
        # Every list ends in "等…" or "…为代表的…": without either there is none to expand.
        ext.plankg_coordinated = [([], []) for _ in ctx.prose_spans]
        return doc
    heads = ext.plankg_gazetteer.heads
    ext.plankg_coordinated = [(coordinated_platforms(text, start, end, heads),
                               listed_enterprises(text, start, end, heads)) for start, end in ctx.prose_spans]
    return doc


def _entities(doc: Doc) -> Doc:
    ext = doc._
    ctx: PassageContext = ext.plankg_block
    text = ctx.source
    gazetteer: GazetteerMatches = ext.plankg_gazetteer
    heads = gazetteer.heads
    platforms, enterprises = [], []
    for (start, end), (listed_platforms, listed_firms) in zip(ctx.prose_spans, ext.plankg_coordinated, strict=False):
        platforms.extend(span_platforms(text, start, end, ctx.frame.places, heads, listed_platforms))
        enterprises.extend(registered_enterprises(text, start, end))
        enterprises.extend(short_firm_names(text, start, end))
        enterprises.extend(listed_firms)
    if gazetteer.firms:
        found = {name for _, name in gazetteer.firms}
        names = [name for name in gazetteer_firm_names() if name in found]
        taken = [e.span for e in enterprises]
        positions = gazetteer.firm_positions()
        for start, end in ctx.prose_spans:
            enterprises.extend(gazetteer_enterprises(start, end, taken, names, positions))
    if enterprises:
        for start, end in ctx.prose_spans:
            enterprises.extend(listed_peers(text, start, end, enterprises, heads))
    projects = [p for p in (row_project(text, b) for b in ctx.passage.blocks) if p is not None]
    doc.spans[SPANS_PLATFORMS] = _spans(doc, ctx.base, platforms, lambda p: p.kind)
    doc.spans[SPANS_ENTERPRISES] = _spans(doc, ctx.base, enterprises, lambda e: "enterprise")
    ext.plankg_platforms = platforms
    ext.plankg_enterprises = enterprises
    ext.plankg_projects = projects
    return doc


def _targets(doc: Doc) -> Doc:
    ext = doc._
    ctx: PassageContext = ext.plankg_block
    prose, table = [], []
    for b in ctx.passage.blocks:
        p, t = block_targets(ctx.source, b, ctx.frame.targets)
        prose.extend(p)
        table.extend(t)
    doc.spans[SPANS_TARGETS] = _spans(doc, ctx.base, prose + table, lambda t: t.rule)
    ext.plankg_targets = prose
    ext.plankg_table_targets = table
    return doc


def register() -> None:
    """Register the Doc extensions and the components with spaCy (once per process).

    `Language.component` / `Language.factory` in their call form rather than as decorators, so
    importing plankg does not import spaCy; the factory form where a component holds state built
    from the pipeline (the gazetteer's PhraseMatcher on `nlp.vocab`).
    """
    from spacy.language import Language
    from spacy.tokens import Doc

    for ext in EXTENSIONS:
        if not Doc.has_extension(ext):
            Doc.set_extension(ext, default=None)
    if COMPONENT_PASSAGE in Language.factories:
        return
    block = "doc._.plankg_block"
    Language.component(COMPONENT_PASSAGE, assigns=[block], requires=[], retokenizes=False, func=_passage)
    Language.factory(COMPONENT_GAZETTEER, assigns=["doc._.plankg_gazetteer", "doc.spans"], requires=[block],
                     retokenizes=False, func=_make_gazetteer)
    Language.factory(COMPONENT_RESPONSIBILITY, assigns=["doc._.plankg_clauses", "doc._.plankg_plan_wide", "doc.spans"],
                     requires=[block], retokenizes=False, func=_make_responsibility)
    Language.component(COMPONENT_COORDINATION, assigns=["doc._.plankg_coordinated"],
                       requires=[block, "doc._.plankg_gazetteer"], retokenizes=False, func=_coordination)
    Language.component(COMPONENT_ENTITIES, assigns=["doc._.plankg_platforms", "doc._.plankg_enterprises",
                                                    "doc._.plankg_projects", "doc.spans"],
                       requires=[block, "doc._.plankg_gazetteer", "doc._.plankg_coordinated"], retokenizes=False,
                       func=_entities)
    Language.component(COMPONENT_TARGETS, assigns=["doc._.plankg_targets", "doc._.plankg_table_targets", "doc.spans"],
                       requires=[block], retokenizes=False, func=_targets)


@lru_cache(maxsize=1)
def build_nlp() -> Language:
    """The spaCy pipeline, built once: blank Chinese with character segmentation plus plankg's chain."""
    try:
        import spacy
    except ImportError:
        raise MissingDependencyError("spacy", "plankg extraction") from None
    register()
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})
    for name in PIPELINE:
        nlp.add_pipe(name)
    return nlp


class _CharOrths(dict):
    """Character -> the vocab's orth id, filled on first sight (its lexeme is made then)."""

    def __init__(self, vocab):
        super().__init__()
        self.vocab = vocab

    def __missing__(self, ch: str) -> int:
        orth = self[ch] = self.vocab[ch].orth
        return orth


@lru_cache(maxsize=4)
def _char_orths(vocab) -> _CharOrths:
    return _CharOrths(vocab)


def passage_docs(nlp: Language, contexts: list[PassageContext]):
    """One Doc per passage, made lazily so nlp.pipe streams them.

    The pipeline's segmenter is "char": one token per character. Building the Doc from the
    characters directly gives those tokens without spaCy re-aligning words to the text, and keeps
    white space as tokens, so character offsets and token indices coincide. The characters are
    passed as orth ids, which spaCy looks up without hashing each string again: Docs are made at
    nearly twice the speed, the same Docs.
    """
    from spacy.tokens import Doc

    orths = _char_orths(nlp.vocab)
    for ctx in contexts:
        n = len(ctx.text)
        yield Doc(nlp.vocab, words=list(map(orths.__getitem__, ctx.text)), spaces=[False] * n,
                  user_data={PASSAGE_KEY: ctx})
