"""The responsibility matrix: which department leads (牵头), supports (配合) or is responsible
(负责) for which task, as an offline HTML table (sortable, filterable) and as CSV for Excel.

Rows are tasks and columns departments: a plan set has hundreds of tasks and dozens of
departments, and a screen (or Excel) scrolls far better down than across.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("p", label="Plan", name="某规划", document_id="d")
>>> g.add_node("t", label="Task", name="1 建设", ref="1", text="建设平台", document_id="d")
>>> g.add_node("k", label="Department", name="市科技局")
>>> _ = g.add_edge("p", "t", key="HAS_TASK", type="HAS_TASK")
>>> _ = g.add_edge("k", "t", key="RESPONSIBLE_FOR", type="RESPONSIBLE_FOR", role="lead")
>>> m = responsibility_matrix(g)
>>> [d.name for d in m.departments], [(t.plan, t.ref) for t in m.tasks], m.role("t", "k")
(['市科技局'], [('某规划', '1')], '牵头')
"""
from __future__ import annotations

import base64
import html
import json
import re
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeAlias

import networkx as nx

from plankg.errors import VizError
from plankg.graph.store import GraphReader
from plankg.ontology.vocab import NodeLabel as L
from plankg.ontology.vocab import RelType as R
from plankg.viz.csv_writer import write_csv

ROLE_ZH = {"lead": "牵头", "support": "配合", "responsible": "负责"}
_ROLE_RANK = {"lead": 0, "responsible": 1, "support": 2}


@dataclass(frozen=True)
class MatrixDepartment:
    id: str
    name: str
    tasks: int


@dataclass(frozen=True)
class MatrixTask:
    id: str
    plan: str
    document: str
    ref: str
    text: str
    plan_id: str = ""


@dataclass
class ResponsibilityMatrix:
    departments: list[MatrixDepartment]
    tasks: list[MatrixTask]
    roles: dict[tuple[str, str], str] = field(default_factory=dict)  # (task id, department id) -> role
    _by_task: dict[str, list[tuple[str, str]]] | None = field(default=None, repr=False, compare=False)
    _order: dict[str, int] | None = field(default=None, repr=False, compare=False)

    @property
    def cells(self) -> int:
        return len(self.roles)

    def departments_of(self, tasks: Sequence[MatrixTask]) -> list[MatrixDepartment]:
        """The departments with a role in `tasks`, in the matrix's order: from the tasks' few roles, not a pass
        over every department (a corpus split into a thousand parts has thousands of departments).

        >>> m = ResponsibilityMatrix([MatrixDepartment("d", "市科技局", 1), MatrixDepartment("e", "市财政局", 0)],
        ...                          [MatrixTask("t", "某规划", "a.txt", "1", "建设平台")], {("t", "e"): "lead"})
        >>> [d.name for d in m.departments_of(m.tasks)]
        ['市财政局']
        """
        if self._order is None:
            self._order = {d.id: i for i, d in enumerate(self.departments)}
        order = self._order
        used = {d for t in tasks for d, _ in self.roles_of(t.id) if d in order}
        return [self.departments[i] for i in sorted(order[d] for d in used)]

    def roles_of(self, task_id: str) -> list[tuple[str, str]]:
        """(department id, role) pairs of one task; the index is built once, on first use, since
        each part of a split matrix asks for its own tasks'."""
        if self._by_task is None:
            self._by_task = {}
            for (task, department), role in self.roles.items():
                self._by_task.setdefault(task, []).append((department, role))
        return self._by_task.get(task_id, [])

    def role(self, task_id: str, department_id: str) -> str:
        """The role in Chinese, or "" when the department has none for the task."""
        role = self.roles.get((task_id, department_id))
        return ROLE_ZH.get(role, role) if role else ""

    def role_cells(self, task_id: str, column: Mapping[str, int], width: int) -> list[str]:
        """`width` cells, the task's `role` in the cell `column` gives its department (a department
        id -> index map of the table's columns), the rest empty: from the task's few roles, not a
        lookup per column.

        >>> m = ResponsibilityMatrix([], [], {("t", "d"): "lead", ("t", "e"): "support"})
        >>> m.role_cells("t", {"e": 0, "x": 1}, 2)
        ['配合', '']
        """
        cells = [""] * width
        for department, role in self.roles_of(task_id):
            i = column.get(department)
            if i is not None and role:
                cells[i] = ROLE_ZH.get(role, role)
        return cells


def _ref_key(ref: str) -> list:
    """Numbering paths in reading order: "二.(十).2" after "二.(九).10" only by position, so
    compare by digits where there are digits and by text elsewhere."""
    return [(0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"(\d+)", ref or "") if p]


def responsibility_matrix(source: GraphReader | nx.MultiDiGraph, *,
                          document_ids: list[str] | None = None) -> ResponsibilityMatrix:
    """Build the matrix from a `networkx` graph (as `plankg.graph.nx` builds it) or from a store."""
    if isinstance(source, nx.MultiDiGraph):
        graph = source
    else:
        from plankg.graph.nx import store_to_networkx

        graph = store_to_networkx(source, document_ids=document_ids)
    documents = graph.graph.get("documents", {})
    roles: dict[tuple[str, str], str] = {}
    responsible, structure, plan_label = R.RESPONSIBLE_FOR.value, (R.HAS_TASK.value, R.HAS_SECTION.value), L.PLAN.value
    # the edges in graph.edges() order, read from the adjacency's own dicts (one key per pair)
    for s, targets in graph.adjacency():
        for t, keyed in targets.items():
            attrs = keyed.get(responsible)
            if attrs is None:
                continue
            role = attrs.get("role") or "responsible"
            old = roles.get((t, s))
            if old is None or _ROLE_RANK.get(role, 9) < _ROLE_RANK.get(old, 9):
                roles[(t, s)] = role
    task_ids = {t for t, _ in roles}
    dept_tasks: dict[str, int] = {}
    for _, d in roles:
        dept_tasks[d] = dept_tasks.get(d, 0) + 1

    def climb(task: str) -> tuple[str, str]:
        stack, seen = [task], set()
        while stack:
            node = stack.pop()
            for s, _, key in graph.in_edges(node, keys=True):
                if key in structure and s not in seen:
                    if graph.nodes[s].get("label") == plan_label:
                        return graph.nodes[s].get("name", ""), str(s)
                    seen.add(s)
                    stack.append(s)
        return "", ""

    # the climb depends on a task's parents alone: the tasks of one section climb once
    climbed: dict[tuple, tuple[str, str]] = {}

    def plan_of(task: str) -> tuple[str, str]:
        parents = tuple(s for s, _, key in graph.in_edges(task, keys=True) if key in structure)
        found = climbed.get(parents)
        if found is None:
            found = climbed[parents] = climb(task)
        return found

    tasks = []
    for t in task_ids:
        attrs = graph.nodes[t]
        plan, plan_id = plan_of(t)
        tasks.append(MatrixTask(id=str(t), plan=plan, document=documents.get(attrs.get("document_id"), ""),
                                ref=attrs.get("ref", ""), text=attrs.get("text", attrs.get("name", "")),
                                plan_id=plan_id))
    span = {t: graph.nodes[t].get("span_start") for t in task_ids}
    tasks.sort(key=lambda t: (t.plan, t.document, span[t.id] if span[t.id] is not None else 1 << 62, _ref_key(t.ref)))
    departments = sorted((MatrixDepartment(id=str(d), name=graph.nodes[d].get("name", str(d)), tasks=n)
                          for d, n in dept_tasks.items()), key=lambda d: (-d.tasks, d.name))
    return ResponsibilityMatrix(departments=departments, tasks=tasks, roles=roles)


MatrixSource: TypeAlias = "ResponsibilityMatrix | GraphReader | nx.MultiDiGraph"


def _as_matrix(source: MatrixSource) -> ResponsibilityMatrix:
    return source if isinstance(source, ResponsibilityMatrix) else responsibility_matrix(source)


def write_matrix_csv(source: MatrixSource, out_path: str | Path) -> Path:
    """The matrix as CSV in UTF-8 with a byte order mark, which Excel needs to read Chinese.

    `source` is a `ResponsibilityMatrix`, a networkx graph or a store.
    """
    matrix = _as_matrix(source)
    path = Path(out_path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        column, width = {d.id: i for i, d in enumerate(matrix.departments)}, len(matrix.departments)
        write_csv(path, ["规划", "文件", "编号", "任务", *(d.name for d in matrix.departments)],
                  ([t.plan, t.document, t.ref, t.text, *matrix.role_cells(t.id, column, width)]
                   for t in matrix.tasks), excel=True)
    except OSError as exc:
        raise VizError(f"cannot write the responsibility matrix: {exc.strerror}", where=str(path),
                       fix="choose a writable output path (and close the file if Excel has it open)") from None
    return path


TABLE_CAP = 2_000_000  # bytes of one table part's rows (its CSV is about as large; its page smaller)

_CSS = """
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif;
  margin: 16px; color: #222; font-size: 13px; }
h1 { font-size: 20px; margin: 0 0 4px; } .caption { color: #555; margin: 0 0 8px; }
.problem { padding: 8px 12px; border: 1px solid #d9534f; background: #fdf0ef; color: #8a1f11; }
.tools { margin: 8px 0; display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
.tools input, .tools select, .tools button { font: inherit; padding: 3px; }
.wrap { overflow: auto; max-height: calc(100vh - 150px); border: 1px solid #ddd; }
table { border-collapse: collapse; }
th, td { border: 1px solid #e3e3e3; padding: 3px 6px; vertical-align: top; }
thead th { position: sticky; top: 0; background: #f3f3f3; cursor: pointer; white-space: nowrap; z-index: 1; }
thead th.dept { writing-mode: vertical-rl; white-space: nowrap; text-align: left; }
thead th.sorted::after { content: " ▲"; } thead th.sorted.desc::after { content: " ▼"; }
td.text { min-width: 320px; max-width: 560px; }
/* whole clauses run to hundreds of characters: three lines until the row is hovered */
td.text div { display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; }
tr:hover td.text div { display: block; }
td.role { text-align: center; white-space: nowrap; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
td.lead { background: #c7e9c0; font-weight: bold; } td.support { background: #eef7ec; }
td.responsible { background: #deebf7; }
"""
_CSP_INLINE = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'"
_CSP_SHARED = "default-src 'none'; script-src 'self' file:; style-src 'unsafe-inline'"  # see plankg.viz.html
_TABLE_BLOCK = re.compile(r'<script type="application/octet-stream" id="plankg-table">([A-Za-z0-9+/=]*)</script>')


def pack_table(data: Mapping[str, Any]) -> str:
    """A table's data as its page carries it: JSON, deflated (zlib format, which the browser's
    `DecompressionStream("deflate")` reads), in base64; no `<` can survive into the page.

    >>> packed = pack_table({"rows": [["</script>"]]})
    >>> "<" in packed, table_data(f'<script type="application/octet-stream" id="plankg-table">{packed}</script>')
    (False, {'rows': [['</script>']]})
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return base64.b64encode(zlib.compress(text.encode("utf-8"), 6)).decode("ascii")


def table_data(page: str) -> dict[str, Any]:
    """The data of a table page (for tests and tools that read tables back)."""
    block = _TABLE_BLOCK.search(page)
    if block is None:
        raise VizError("no plankg table data in this page", where="table_data",
                       fix="pass the text of a table page written by plankg viz")
    return json.loads(zlib.decompress(base64.b64decode(block.group(1))).decode("utf-8"))


def table_page(title: str, caption: str, data: Mapping[str, Any], *, lib: str | None = None,
               links: Sequence[tuple[str, str]] = ()) -> str:
    """A complete offline page showing `data` (see viz/assets/table.js for its fields) as a table
    paged, filtered and sorted in the browser; `links` ([text, file name]) go under the caption.
    With `lib`, the table script is loaded from that folder (plankg.viz.html.write_lib)."""
    e = html.escape
    missing = ""
    if lib is None:
        from plankg.viz.html import _own_asset

        script, csp = f"<script>{_own_asset('assets', 'table.js')}</script>", _CSP_INLINE
    else:
        from plankg.viz.html import LIB_MISSING, LIB_TABLE_JS

        script, csp = f'<script src="{e(lib.rstrip("/"), quote=True)}/{LIB_TABLE_JS}"></script>', _CSP_SHARED
        missing = LIB_MISSING
    more = "".join(f' <a href="{e(href, quote=True)}">{e(text)}</a>' for text, href in links)
    return (f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{csp}"><title>{e(title)}</title>'
            f"<style>{_CSS}</style></head><body>"
            f'<h1>{e(title)}</h1><p class="caption">{e(caption)}{more}</p>{missing}'
            f'<p id="unsupported" class="problem" hidden>此表格需要较新的浏览器：Chrome 或 Edge 80、Firefox 113、'
            f"Safari 16.4 及以上版本。This table needs Chrome or Edge 80, Firefox 113, Safari 16.4 or later.</p>"
            f'<p id="load-error" class="problem" hidden></p>'
            f'<div class="tools"><label>筛选 '
            f'<input id="filter" type="search" placeholder="任务、编号、规划、部门" autocomplete="off"></label>'
            f'<label id="dept-box">部门 <select id="dept"><option value="">（全部部门）</option></select></label>'
            f'<span id="count"></span>'
            f'<button id="prev" type="button">上一页</button><span id="page-info"></span>'
            f'<button id="next" type="button">下一页</button>'
            f'<label>每页 <select id="page-size"><option>50</option><option selected>100</option>'
            f"<option>500</option></select> 行</label></div>"
            f'<div class="wrap"><table id="matrix"><thead><tr></tr></thead><tbody></tbody></table></div>'
            f'<script type="application/octet-stream" id="plankg-table">{pack_table(data)}</script>'
            f"{script}</body></html>\n")


def matrix_data(matrix: ResponsibilityMatrix, tasks: Sequence[MatrixTask] | None = None) -> dict[str, Any]:
    """The table data of the matrix's rows for `tasks` (default: all), with a column for each
    department that has a role in them, in the matrix's order (most tasks first).

    >>> m = ResponsibilityMatrix([MatrixDepartment("d", "市科技局", 1), MatrixDepartment("e", "市财政局", 0)],
    ...                          [MatrixTask("t", "某规划", "a.txt", "1", "建设平台")], {("t", "d"): "lead"})
    >>> data = matrix_data(m)
    >>> [c[0] for c in data["columns"]], data["rows"], data["roles"]
    (['规划', '文件', '编号', '任务', '市科技局'], [[0, 1, '1', '建设平台', [4, 0]]], [['牵头', 'lead']])
    """
    tasks = matrix.tasks if tasks is None else tasks
    departments = matrix.departments_of(tasks)
    column = {d.id: 4 + i for i, d in enumerate(departments)}
    values: dict[str, int] = {}
    role_codes: dict[str, int] = {}

    def value(text: str) -> int:
        return values.setdefault(text, len(values))

    rows = []
    for t in tasks:
        cells = sorted((column[d], role_codes.setdefault(role, len(role_codes))) for d, role in matrix.roles_of(t.id))
        rows.append([value(t.plan), value(t.document), t.ref, t.text, [x for pair in cells for x in pair]])
    return {"columns": [["规划", "text"], ["文件", "text"], ["编号", "text"], ["任务", "long"],
                        *([d.name, "role", f"{d.name}（{d.tasks}）"] for d in departments)],
            "values": list(values), "rows": rows,
            # a store may hold any role string: only the known ones become a CSS class
            "roles": [[ROLE_ZH.get(r, r), r if r in ROLE_ZH else "other"] for r in role_codes]}


def _matrix_caption(matrix: ResponsibilityMatrix, tasks: Sequence[MatrixTask]) -> str:
    docs = sorted({t.document for t in tasks if t.document})
    cells = sum(len(matrix.roles_of(t.id)) for t in tasks)
    departments = len({d for t in tasks for d, _ in matrix.roles_of(t.id)})
    shown = "、".join(docs[:8]) + (f" 等 {len(docs)} 份" if len(docs) > 8 else "")
    return (f"{len(tasks):,} 项有责任部门的任务 × {departments:,} 个部门，{cells:,} 个责任关系。"
            f"来源文件：{shown or '无'}。单击表头排序。")


def matrix_html(matrix: ResponsibilityMatrix, title: str = "责任矩阵（部门 × 任务）", *,
                tasks: Sequence[MatrixTask] | None = None, lib: str | None = None,
                links: Sequence[tuple[str, str]] = ()) -> str:
    """The matrix (or the rows of `tasks`) as a complete offline page, paged and filtered in the browser."""
    tasks = matrix.tasks if tasks is None else tasks
    return table_page(title, _matrix_caption(matrix, tasks), matrix_data(matrix, tasks), lib=lib, links=links)


def _row_bytes(task: MatrixTask, roles: int) -> int:
    """About what a task's row costs in a part's CSV and in its data before deflating."""
    return len(task.text.encode("utf-8")) + len(task.plan.encode("utf-8")) + len(task.document.encode("utf-8")) \
        + len(task.ref) + 12 * roles + 24


@dataclass(frozen=True)
class TablePart:
    """One file of a split table: its page, its CSV, the plan it shows and its rows."""

    html: Path
    csv: Path
    plan: str
    document: str
    rows: int
    departments: int


def split_by_plan(matrix: ResponsibilityMatrix, cap: int = TABLE_CAP) -> list[list[MatrixTask]]:
    """The matrix's tasks in parts of one plan each, in the matrix's order, a plan whose rows
    would pass `cap` bytes cut into consecutive pieces under it.

    >>> tasks = [MatrixTask(str(i), p, "", str(i), "建设" * 20) for i, p in enumerate("AAAB")]
    >>> m = ResponsibilityMatrix([], tasks)
    >>> [[t.id for t in part] for part in split_by_plan(m, cap=300)]
    [['0', '1'], ['2'], ['3']]
    """
    roles: dict[str, int] = {}
    for task_id, _ in matrix.roles:
        roles[task_id] = roles.get(task_id, 0) + 1
    parts: list[list[MatrixTask]] = []
    current: list[MatrixTask] = []
    size, plan = 0, None
    for task in matrix.tasks:
        cost = _row_bytes(task, roles.get(task.id, 0))
        key = (task.plan_id or task.plan, task.document)
        if current and (key != plan or size + cost > cap):
            parts.append(current)
            current, size = [], 0
        current.append(task)
        size += cost
        plan = key
    if current:
        parts.append(current)
    return parts


def write_matrix_parts(source: MatrixSource, out_dir: str | Path, *, cap: int = TABLE_CAP,
                       lib: str | None = None) -> tuple[Path, Path, list[TablePart]]:
    """Write the matrix into `out_dir` as `responsibility.html` and `responsibility.csv` when its
    rows fit in `cap` bytes; else one page and CSV per plan (`responsibility-<n>.html` and
    `.csv`, a plan too large for one cut into pieces), and `responsibility.html` an index of
    them (itself a paged table) with `responsibility.csv` listing the parts. Returns the page
    and CSV a reader opens first, and the parts (none when the matrix is one file).
    """
    matrix = _as_matrix(source)
    out = Path(out_dir)
    page, csv_path = out / "responsibility.html", out / "responsibility.csv"
    roles: dict[str, int] = {}
    for task_id, _ in matrix.roles:
        roles[task_id] = roles.get(task_id, 0) + 1
    try:
        out.mkdir(parents=True, exist_ok=True)
        if sum(_row_bytes(t, roles.get(t.id, 0)) for t in matrix.tasks) <= cap:
            page.write_text(matrix_html(matrix, lib=lib, links=[("CSV（Excel 可直接打开）", csv_path.name)]),
                            encoding="utf-8")
            write_matrix_csv(matrix, csv_path)
            return page, csv_path, []
        pieces = split_by_plan(matrix, cap)
        width = len(str(len(pieces)))
        of_plan: dict[tuple[str, str], int] = {}
        for tasks in pieces:
            key = (tasks[0].plan_id or tasks[0].plan, tasks[0].document)
            of_plan[key] = of_plan.get(key, 0) + 1
        seen: dict[tuple[str, str], int] = {}
        parts = []
        for n, tasks in enumerate(pieces, 1):
            part_page, part_csv = out / f"responsibility-{n:0{width}d}.html", out / f"responsibility-{n:0{width}d}.csv"
            key = (tasks[0].plan_id or tasks[0].plan, tasks[0].document)
            seen[key] = seen.get(key, 0) + 1
            plan = tasks[0].plan or "（未归属规划）"
            title = f"责任矩阵：{plan}" + (f"（{seen[key]}/{of_plan[key]}）" if of_plan[key] > 1 else "")
            part_page.write_text(matrix_html(matrix, title, tasks=tasks, lib=lib,
                                             links=[("返回责任矩阵索引", page.name), ("本部分 CSV", part_csv.name)]),
                                 encoding="utf-8")
            departments = matrix.departments_of(tasks)
            column = {d.id: i for i, d in enumerate(departments)}
            write_csv(part_csv, ["规划", "文件", "编号", "任务", *(d.name for d in departments)],
                      ([t.plan, t.document, t.ref, t.text, *matrix.role_cells(t.id, column, len(departments))]
                       for t in tasks), excel=True)
            parts.append(TablePart(part_page, part_csv, title.removeprefix("责任矩阵："), tasks[0].document,
                                   len(tasks), len(departments)))
        index = {"columns": [["规划", "link"], ["文件", "text"], ["任务", "num"], ["部门", "num"], ["CSV", "link"]],
                 "rows": [[[p.plan, p.html.name], p.document, p.rows, p.departments,
                           [p.csv.name, p.csv.name]] for p in parts]}
        caption = (f"{len(matrix.tasks):,} 项有责任部门的任务 × {len(matrix.departments):,} 个部门，"
                   f"{matrix.cells:,} 个责任关系，按规划分为 {len(parts):,} 个文件（每个不超过 "
                   f"{f'{cap / 1e6:.1f} MB' if cap >= 1e6 else f'{cap / 1e3:.0f} kB'}）。"
                   "单击规划打开其责任矩阵。")
        page.write_text(table_page("责任矩阵（部门 × 任务）：按规划", caption, index, lib=lib), encoding="utf-8")
        write_csv(csv_path, ["规划", "文件", "任务", "部门", "网页", "CSV"],
                  ([p.plan, p.document, p.rows, p.departments, p.html.name, p.csv.name] for p in parts), excel=True)
    except OSError as exc:
        raise VizError(f"cannot write the responsibility matrix: {exc.strerror}", where=str(out),
                       fix="choose a writable output folder") from None
    return page, csv_path, parts


def write_matrix_html(source: MatrixSource, out_path: str | Path) -> Path:
    """Write the matrix page as UTF-8; `source` is a `ResponsibilityMatrix`, a networkx graph or a store."""
    matrix = _as_matrix(source)
    path = Path(out_path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(matrix_html(matrix), encoding="utf-8")
    except OSError as exc:
        raise VizError(f"cannot write the responsibility matrix: {exc.strerror}", where=str(path),
                       fix="choose a writable output path") from None
    return path
