"""Edition diff: what changed between two editions of one plan series (a 2024 and a 2025 work plan,
a draft and its final version): tasks added, dropped and reworded, owners changed, targets raised
or lowered.

It lives in `graph/` because it compares facts as the graph holds them (tasks, the departments
RESPONSIBLE_FOR them with their role, the targets they set), read from the networkx form of
`plankg.graph.nx`. That form is the same whether an edition comes from a document file
(`document_graphs_to_networkx` over what ingest assembled) or from a store (`store_to_networkx`
with the document's id), so one diff serves both; rendering (terminal table, CSV, HTML) is the
caller's (`plankg.viz.report`).

How tasks are matched (deterministic, no model):

1. Each task's *wording* is compared, not its raw text: NFKC-normalised; a trailing bracket that
   holds a responsibility clause (it names one of the task's departments as printed) is cut off,
   since owners are compared on their own; the text of each target the task sets is replaced by the
   target's metric, since figures are compared as targets; then whitespace and punctuation go.
2. Tasks with the same wording pair first, in reading order.
3. The rest pair greedily by `difflib.SequenceMatcher` ratio over the wordings, highest first, as
   long as the ratio is at least `threshold` (0.6 by default: a revision that keeps most of a
   sentence); ties go to the pair whose relative positions in their editions are closest, then to
   the earlier tasks. A task left without a partner is dropped (edition A) or added (edition B).

A matched pair is *reworded* when its wordings differ; its *owners changed* when departments were
added or removed or the lead departments differ. Targets pair by metric (the graph's normalised
`metric_key` where it has one, else the printed metric normalised as wordings are): equal targets
first, then the rest of one metric in reading order; a pair reports `raised`/`lowered` (same unit,
other value; values in the metric's normalised unit where the graph has one), `unit changed`, `year
moved` and `comparator changed`. Targets stated twice in one edition count once.

>>> a = Edition("d1", "2023年方案", "a.txt",
...             (EditionTask("1", "地区生产总值增长8%以上", "地区生产总值增长", (("区发改局", "lead"),)),
...              EditionTask("2", "完成节能减排考核目标任务", "完成节能减排考核目标任务", (("区发改局", "lead"),))),
...             (EditionTarget("地区生产总值增长", 8.0, "%", ">=", 2023, "地区生产总值增长8%以上", "1"),))
>>> b = Edition("d2", "2024年方案", "b.txt",
...             (EditionTask("1", "地区生产总值增长8.5%以上", "地区生产总值增长", (("区统计局", "lead"),)),),
...             (EditionTarget("地区生产总值增长", 8.5, "%", ">=", 2023, "地区生产总值增长8.5%以上", "1"),))
>>> d = diff_editions(a, b)
>>> [(c.changes, c.ref_a, c.ref_b) for c in d.tasks]
[(('departments added', 'departments removed', 'lead changed'), '1', '1'), (('dropped',), '2', None)]
>>> d.tasks[0].lead_before, d.tasks[0].lead_after
(('区发改局',), ('区统计局',))
>>> [(c.changes, c.before.value, c.after.value) for c in d.targets]
[(('raised',), 8.0, 8.5)]
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

import networkx as nx

from plankg.errors import PlankgError
from plankg.ontology.vocab import NodeLabel as L
from plankg.ontology.vocab import RelType as R
from plankg.ontology.vocab import Role

DEFAULT_THRESHOLD = 0.6
# an opening bracket, no other bracket, its closing one, then only sentence ends to the end of the text
_TRAILING_BRACKET = re.compile(r"[(\[【〔][^()\[\]【】〔〕]*[)\]】〕][\s。;,.]*$")


def wording(text: str, *, clause_names: Iterable[str] = (), targets: Iterable[tuple[str, str]] = ()) -> str:
    """A task's wording as the diff compares it: NFKC; the text of each target (text, metric) replaced
    by its metric; a trailing bracket naming one of `clause_names` (the printed names of the task's
    departments) cut off; whitespace and punctuation removed.

    >>> wording("地区生产总值增长8%以上。(责任领导:杜新国;牵头单位:区发改局)", clause_names=["区发改局"],
    ...         targets=[("地区生产总值增长8%以上", "地区生产总值增长")])
    '地区生产总值增长'
    >>> wording("建设创新平台（2025年前）。", clause_names=["区发改局"])  # no department named: kept
    '建设创新平台2025年前'
    """
    text = unicodedata.normalize("NFKC", text)
    for target_text, metric in targets:
        text = text.replace(unicodedata.normalize("NFKC", target_text), unicodedata.normalize("NFKC", metric))
    names = [unicodedata.normalize("NFKC", n) for n in clause_names if n]
    while names:
        clause = _TRAILING_BRACKET.search(text)
        if clause is None or not any(n in clause.group() for n in names):
            break
        text = text[:clause.start()]
    return "".join(ch for ch in text if not unicodedata.category(ch).startswith(("P", "Z", "C"))).lower()


@dataclass(frozen=True)
class EditionTask:
    ref: str
    text: str
    wording: str
    departments: tuple[tuple[str, str], ...] = ()  # (department name, role), sorted

    @property
    def department_names(self) -> tuple[str, ...]:
        return tuple(sorted({name for name, _ in self.departments}))

    @property
    def leads(self) -> tuple[str, ...]:
        return tuple(sorted({name for name, role in self.departments if role == Role.LEAD.value}))


@dataclass(frozen=True)
class EditionTarget:
    metric: str
    value: float | None
    unit: str | None
    comparator: str
    year: int | None
    text: str
    task_ref: str | None = None
    key: str | None = None  # the normalised metric the graph stores (`metric_key`), when it has one
    norm_value: float | None = None  # the value in that metric's one unit (`norm_value`, `norm_unit`)
    norm_unit: str | None = None

    @property
    def metric_key(self) -> str:
        return self.key or wording(self.metric)

    def comparable(self) -> tuple[float | None, str | None]:
        """(value, unit) to compare: the normalised pair when the graph has one, else as printed."""
        if self.norm_value is not None and self.norm_unit:
            return self.norm_value, self.norm_unit
        return self.value, self.unit

    @property
    def figure(self) -> str:
        """The target as a reader says it: `≥8.5% (2023)`."""
        from plankg.graph.nx import display_name

        return display_name(L.TARGET.value, {"metric": "", "value": self.value, "unit": self.unit,
                                             "comparator": self.comparator, "year": self.year})


@dataclass(frozen=True)
class Edition:
    """One edition's facts the diff compares: its tasks and targets in reading order."""

    document_id: str
    title: str
    name: str  # the source file's name
    tasks: tuple[EditionTask, ...]
    targets: tuple[EditionTarget, ...]


@dataclass(frozen=True)
class TaskChange:
    changes: tuple[str, ...]  # ("added",), ("dropped",), or some of reworded, departments added/removed, lead changed
    before: EditionTask | None
    after: EditionTask | None
    similarity: float | None = None  # of the wordings, for a matched pair
    departments_added: tuple[str, ...] = ()
    departments_removed: tuple[str, ...] = ()

    @property
    def ref_a(self) -> str | None:
        return self.before.ref if self.before else None

    @property
    def ref_b(self) -> str | None:
        return self.after.ref if self.after else None

    @property
    def lead_before(self) -> tuple[str, ...]:
        return self.before.leads if self.before else ()

    @property
    def lead_after(self) -> tuple[str, ...]:
        return self.after.leads if self.after else ()


@dataclass(frozen=True)
class TargetChange:
    changes: tuple[str, ...]  # ("added",), ("dropped",), or some of raised, lowered, unit changed, year moved, ...
    before: EditionTarget | None
    after: EditionTarget | None

    @property
    def metric(self) -> str:
        target = self.after or self.before
        assert target is not None
        return target.metric


@dataclass(frozen=True)
class EditionDiff:
    a: Edition
    b: Edition
    tasks: tuple[TaskChange, ...]
    targets: tuple[TargetChange, ...]
    unchanged_tasks: int
    unchanged_targets: int
    threshold: float = DEFAULT_THRESHOLD
    counts: dict[str, int] = field(default_factory=dict)  # change -> how many tasks and targets report it

    def rows(self) -> list[dict[str, Any]]:
        """One row per change, tasks first (in edition B's order, dropped ones where they stood in A),
        then targets: what a table, a CSV file or a page shows."""
        rows: list[dict[str, Any]] = []
        for c in self.tasks:
            detail = []
            if c.departments_added:
                detail.append("+" + "、".join(c.departments_added))
            if c.departments_removed:
                detail.append("−" + "、".join(c.departments_removed))
            if "lead changed" in c.changes:
                detail.append(f"牵头 {'、'.join(c.lead_before) or '（无）'} → {'、'.join(c.lead_after) or '（无）'}")
            rows.append({"item": "task", "change": ", ".join(c.changes), "ref_a": c.ref_a, "ref_b": c.ref_b,
                         "before": c.before.text if c.before else None, "after": c.after.text if c.after else None,
                         "detail": "; ".join(detail) or None,
                         "similarity": round(c.similarity, 3) if c.similarity is not None else None})
        for t in self.targets:
            rows.append({"item": "target", "change": ", ".join(t.changes),
                         "ref_a": t.before.task_ref if t.before else None,
                         "ref_b": t.after.task_ref if t.after else None,
                         "before": t.before.text if t.before else None, "after": t.after.text if t.after else None,
                         "detail": f"{t.metric}: {t.before.figure if t.before else '—'} → "
                                   f"{t.after.figure if t.after else '—'}",
                         "similarity": None})
        return rows


def align(a: Sequence[str], b: Sequence[str], threshold: float = DEFAULT_THRESHOLD) -> list[tuple[int, int, float]]:
    """Pair items of `a` with items of `b` (wordings): equal ones first in order, then greedily by
    similarity ratio (at least `threshold`), ties to the closest relative positions. Returns
    (index in a, index in b, ratio) sorted by the index in b.

    >>> align(["建设实验室", "培育企业", "完成节能减排考核目标任务"],
    ...       ["完成环境保护考核目标任务", "建设实验室", "培育高新技术企业"])
    [(2, 0, 0.667), (0, 1, 1.0), (1, 2, 0.667)]
    >>> align(["甲乙丙"], ["丁戊己"])
    []
    """
    pairs: list[tuple[int, int, float]] = []
    free_b: dict[str, list[int]] = {}
    for j, text in enumerate(b):
        free_b.setdefault(text, []).append(j)
    left_a = []
    for i, text in enumerate(a):
        if free_b.get(text):
            pairs.append((i, free_b[text].pop(0), 1.0))
        else:
            left_a.append(i)
    used_b = {j for _, j, _ in pairs}
    left_b = [j for j in range(len(b)) if j not in used_b]
    candidates = []
    for i in left_a:
        matcher = SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(a[i])
        for j in left_b:
            matcher.set_seq1(b[j])
            # the cheap upper bounds first: most pairs share too little to reach the threshold
            if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
                continue
            ratio = matcher.ratio()
            if ratio >= threshold:
                distance = abs(i / max(len(a), 1) - j / max(len(b), 1))
                candidates.append((-ratio, distance, i, j))
    taken_a: set[int] = set()
    taken_b: set[int] = set()
    for neg_ratio, _, i, j in sorted(candidates):
        if i not in taken_a and j not in taken_b:
            taken_a.add(i)
            taken_b.add(j)
            pairs.append((i, j, round(-neg_ratio, 3)))
    return sorted(pairs, key=lambda p: p[1])


def _task_change(before: EditionTask, after: EditionTask, ratio: float) -> TaskChange | None:
    changes = []
    if before.wording != after.wording:
        changes.append("reworded")
    added = tuple(n for n in after.department_names if n not in before.department_names)
    removed = tuple(n for n in before.department_names if n not in after.department_names)
    if added:
        changes.append("departments added")
    if removed:
        changes.append("departments removed")
    if before.leads != after.leads:
        changes.append("lead changed")
    if not changes:
        return None
    return TaskChange(tuple(changes), before, after, ratio, added, removed)


def _target_change(before: EditionTarget, after: EditionTarget) -> TargetChange | None:
    """What changed between two targets of one metric; values in the metric's normalised unit when
    both have one (2亿元 → 3亿元 and 2亿元 → 30000万元 are both raised), else as printed.

    >>> a = EditionTarget("研发投入", 2.0, "亿元", ">=", 2025, "研发投入2亿元", key="研发投入", norm_value=20000.0,
    ...                   norm_unit="万元")
    >>> b = EditionTarget("研发投入", 30000.0, "万元", ">=", 2026, "研发投入3万元", key="研发投入", norm_value=30000.0,
    ...                   norm_unit="万元")
    >>> _target_change(a, b).changes
    ('raised', 'year moved')
    """
    changes = []
    (value_a, unit_a), (value_b, unit_b) = before.comparable(), after.comparable()
    if (unit_a or "") != (unit_b or ""):
        changes.append("unit changed")
    elif value_a != value_b and value_a is not None and value_b is not None:
        changes.append("raised" if value_b > value_a else "lowered")
    elif value_a != value_b:
        changes.append("value changed")
    if before.year != after.year:
        changes.append("year moved")
    if before.comparator != after.comparator:
        changes.append("comparator changed")
    return TargetChange(tuple(changes), before, after) if changes else None


def _distinct(targets: Iterable[EditionTarget]) -> list[EditionTarget]:
    seen, out = set(), []
    for t in targets:
        key = (t.metric_key, *t.comparable(), t.comparator, t.year)
        if key not in seen:
            seen.add(key)
            out.append(t)
    return out


def diff_targets(a: Sequence[EditionTarget], b: Sequence[EditionTarget]) -> tuple[list[TargetChange], int]:
    """Target changes (in B's order, then dropped ones in A's) and how many targets stayed the same.

    >>> t = lambda v, y: EditionTarget("粮食产量", v, "吨", "=", y, f"粮食产量{v}吨")
    >>> changes, same = diff_targets([t(23.0, 2023), t(5.0, 2023)], [t(23.0, 2025), t(5.0, 2023)])
    >>> [(c.changes, c.before.year, c.after.year) for c in changes], same
    ([(('year moved',), 2023, 2025)], 1)
    """
    a, b = _distinct(a), _distinct(b)
    full = lambda t: (t.metric_key, *t.comparable(), t.comparator, t.year)  # noqa: E731
    left_a = list(a)
    unchanged: set[int] = set()
    for j, target in enumerate(b):
        twin = next((x for x in left_a if full(x) == full(target)), None)
        if twin is not None:
            left_a.remove(twin)
            unchanged.add(j)
    changes: list[TargetChange] = []
    for j, target in enumerate(b):
        if j in unchanged:
            continue
        partner = next((x for x in left_a if x.metric_key == target.metric_key), None)
        if partner is None:
            changes.append(TargetChange(("added",), None, target))
            continue
        left_a.remove(partner)
        change = _target_change(partner, target)
        if change is not None:
            changes.append(change)
    changes += [TargetChange(("dropped",), x, None) for x in left_a]
    return changes, len(unchanged)


def diff_editions(a: Edition, b: Edition, *, threshold: float = DEFAULT_THRESHOLD) -> EditionDiff:
    """Compare edition `a` (the earlier) with `b`: see the module docstring for how tasks and targets pair."""
    if not 0 < threshold <= 1:
        raise PlankgError(f"a similarity threshold must be above 0 and at most 1, not {threshold}",
                          fix="give a ratio such as 0.6")
    pairs = align([t.wording for t in a.tasks], [t.wording for t in b.tasks], threshold)
    matched_a = {i: (j, ratio) for i, j, ratio in pairs}
    matched_b = {j: (i, ratio) for i, j, ratio in pairs}
    changes: list[TaskChange] = []
    unchanged = 0
    # dropped tasks stand where they stood in A: before the B task that follows A's next matched task
    dropped_before: dict[int, list[TaskChange]] = {}
    for i, task in enumerate(a.tasks):
        if i in matched_a:
            continue
        following = next((matched_a[k][0] for k in range(i + 1, len(a.tasks)) if k in matched_a), len(b.tasks))
        dropped_before.setdefault(following, []).append(TaskChange(("dropped",), task, None))
    for j, task in enumerate(b.tasks):
        changes += dropped_before.pop(j, [])
        if j not in matched_b:
            changes.append(TaskChange(("added",), None, task))
            continue
        i, ratio = matched_b[j]
        change = _task_change(a.tasks[i], task, ratio)
        if change is None:
            unchanged += 1
        else:
            changes.append(change)
    for j in sorted(dropped_before):
        changes += dropped_before[j]
    target_changes, same_targets = diff_targets(a.targets, b.targets)
    counts: dict[str, int] = {}
    for kinds in [c.changes for c in changes] + [t.changes for t in target_changes]:
        for kind in kinds:
            counts[kind] = counts.get(kind, 0) + 1
    return EditionDiff(a, b, tuple(changes), tuple(target_changes), unchanged, same_targets, threshold, counts)


def _span_key(attrs: dict[str, Any]) -> tuple[int, str]:
    start = attrs.get("span_start")
    return (start if start is not None else 1 << 62, attrs.get("ref") or "")


def edition_from_graph(graph: nx.MultiDiGraph, document_id: str | None = None) -> Edition:
    """One document's edition from a graph in the form of `plankg.graph.nx` (read from a store or
    from document files). `document_id` may be left out when the graph holds one document.

    >>> from plankg.graph.nx import networkx_from_records
    >>> g = networkx_from_records(
    ...     [{"label": "Document", "id": "d", "name": "a.txt", "document_id": "d"},
    ...      {"label": "Plan", "id": "p", "title": "方案", "document_id": "d"},
    ...      {"label": "Task", "id": "t", "ref": "1", "text": "建设平台。(牵头单位:市科技局)", "document_id": "d",
    ...       "span_start": 5},
    ...      {"label": "Department", "id": "k", "name": "杭州市科学技术局"}],
    ...     [{"type": "PUBLISHES", "source": "d", "target": "p"},
    ...      {"type": "RESPONSIBLE_FOR", "source": "k", "target": "t", "role": "lead", "printed_name": "市科技局"}])
    >>> e = edition_from_graph(g)
    >>> e.title, e.tasks[0].wording, e.tasks[0].leads
    ('方案', '建设平台', ('杭州市科学技术局',))
    """
    documents = [n for n, attrs in graph.nodes(data=True) if attrs.get("label") == L.DOCUMENT.value]
    if document_id is None:
        if len(documents) != 1:
            raise PlankgError(f"the graph holds {len(documents)} documents, so which edition is meant is unclear",
                              fix="name the document (its id)")
        document_id = documents[0]
    if document_id not in documents:
        raise PlankgError(f"no document {document_id!r} in the graph", fix="give the id of a loaded document")
    doc = graph.nodes[document_id]
    title = next((graph.nodes[p].get("title") or "" for _, p, key in graph.out_edges(document_id, keys=True)
                  if key == R.PUBLISHES.value), "")
    own = {n: attrs for n, attrs in graph.nodes(data=True) if attrs.get("document_id") == document_id}
    targets_of: dict[str, list[tuple[str, str]]] = {}
    target_task: dict[str, str] = {}
    for s, t, key in graph.edges(keys=True):
        if key == R.SETS_TARGET.value and t in own and graph.nodes[s].get("label") == L.TASK.value:
            targets_of.setdefault(s, []).append((own[t].get("text") or "", own[t].get("metric") or ""))
            target_task[t] = graph.nodes[s].get("ref") or ""
    tasks = []
    for node, attrs in sorted(((n, a) for n, a in own.items() if a.get("label") == L.TASK.value),
                              key=lambda item: _span_key(item[1])):
        owners, printed = set(), []
        for s, _, key, rel in graph.in_edges(node, keys=True, data=True):
            if key == R.RESPONSIBLE_FOR.value:
                owners.add((graph.nodes[s].get("name") or s, rel.get("role") or Role.RESPONSIBLE.value))
                printed.append(rel.get("printed_name") or "")
        text = attrs.get("text") or ""
        tasks.append(EditionTask(attrs.get("ref") or "", text,
                                 wording(text, clause_names=printed, targets=targets_of.get(node, ())),
                                 tuple(sorted(owners))))
    targets = [EditionTarget(attrs.get("metric") or "", attrs.get("value"), attrs.get("unit"),
                             attrs.get("comparator") or "=", attrs.get("year"), attrs.get("text") or "",
                             target_task.get(node), attrs.get("metric_key"), attrs.get("norm_value"),
                             attrs.get("norm_unit"))
               for node, attrs in sorted(((n, a) for n, a in own.items() if a.get("label") == L.TARGET.value),
                                         key=lambda item: _span_key(item[1]))]
    return Edition(document_id, title, doc.get("name") or document_id, tuple(tasks), tuple(targets))
