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

import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeAlias

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


@dataclass
class ResponsibilityMatrix:
    departments: list[MatrixDepartment]
    tasks: list[MatrixTask]
    roles: dict[tuple[str, str], str] = field(default_factory=dict)  # (task id, department id) -> role

    @property
    def cells(self) -> int:
        return len(self.roles)

    def role(self, task_id: str, department_id: str) -> str:
        """The role in Chinese, or "" when the department has none for the task."""
        role = self.roles.get((task_id, department_id))
        return ROLE_ZH.get(role, role) if role else ""


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
    for s, t, key, attrs in graph.edges(keys=True, data=True):
        if key != R.RESPONSIBLE_FOR.value:
            continue
        role = attrs.get("role") or "responsible"
        old = roles.get((t, s))
        if old is None or _ROLE_RANK.get(role, 9) < _ROLE_RANK.get(old, 9):
            roles[(t, s)] = role
    task_ids = {t for t, _ in roles}
    dept_tasks: dict[str, int] = {}
    for _, d in roles:
        dept_tasks[d] = dept_tasks.get(d, 0) + 1

    def plan_name(task: str) -> str:
        stack, seen = [task], set()
        while stack:
            node = stack.pop()
            for s, _, key in graph.in_edges(node, keys=True):
                if key in (R.HAS_TASK.value, R.HAS_SECTION.value) and s not in seen:
                    if graph.nodes[s].get("label") == L.PLAN.value:
                        return graph.nodes[s].get("name", "")
                    seen.add(s)
                    stack.append(s)
        return ""

    tasks = []
    for t in task_ids:
        attrs = graph.nodes[t]
        tasks.append(MatrixTask(id=str(t), plan=plan_name(t), document=documents.get(attrs.get("document_id"), ""),
                                ref=attrs.get("ref", ""), text=attrs.get("text", attrs.get("name", ""))))
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
        write_csv(path, ["规划", "文件", "编号", "任务", *(d.name for d in matrix.departments)],
                  ([t.plan, t.document, t.ref, t.text, *(matrix.role(t.id, d.id) for d in matrix.departments)]
                   for t in matrix.tasks), excel=True)
    except OSError as exc:
        raise VizError(f"cannot write the responsibility matrix: {exc.strerror}", where=str(path),
                       fix="choose a writable output path (and close the file if Excel has it open)") from None
    return path


_CSS = """
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif;
  margin: 16px; color: #222; font-size: 13px; }
h1 { font-size: 20px; margin: 0 0 4px; } .caption { color: #555; margin: 0 0 8px; }
.tools { margin: 8px 0; display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
.tools input, .tools select { font: inherit; padding: 3px; }
.wrap { overflow: auto; max-height: calc(100vh - 130px); border: 1px solid #ddd; }
table { border-collapse: collapse; }
th, td { border: 1px solid #e3e3e3; padding: 3px 6px; vertical-align: top; }
thead th { position: sticky; top: 0; background: #f3f3f3; cursor: pointer; white-space: nowrap; z-index: 1; }
thead th.dept { writing-mode: vertical-rl; white-space: nowrap; text-align: left; }
thead th.sorted::after { content: " ▲"; } thead th.sorted.desc::after { content: " ▼"; }
td.plan { min-width: 10em; }
td.text { min-width: 320px; max-width: 560px; }
/* whole clauses run to hundreds of characters: three lines until the row is hovered */
td.text div { display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; }
tr:hover td.text div { display: block; }
td.role { text-align: center; white-space: nowrap; }
td.lead { background: #c7e9c0; font-weight: bold; } td.support { background: #eef7ec; }
td.responsible { background: #deebf7; }
tr.hidden { display: none; }
"""

_JS = """
(function () {
  "use strict";
  var table = document.getElementById("matrix"), body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var RANK = {"牵头": 0, "负责": 1, "配合": 2, "": 3};
  var filter = document.getElementById("filter"), dept = document.getElementById("dept");
  var count = document.getElementById("count");
  function apply() {
    var q = filter.value.trim().toLowerCase(), col = dept.value === "" ? -1 : Number(dept.value), shown = 0;
    rows.forEach(function (r) {
      var ok = (!q || r.textContent.toLowerCase().indexOf(q) >= 0) && (col < 0 || r.cells[col].textContent !== "");
      r.classList.toggle("hidden", !ok); if (ok) shown++;
    });
    count.textContent = "显示 " + shown + " / " + rows.length + " 项任务";
  }
  filter.addEventListener("input", apply); dept.addEventListener("change", apply);
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
    th.addEventListener("click", function () {
      var desc = th.classList.contains("sorted") && !th.classList.contains("desc");
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.classList.remove("sorted", "desc"); });
      th.classList.add("sorted"); if (desc) th.classList.add("desc");
      var role = th.classList.contains("dept");
      rows.sort(function (a, b) {
        var x = a.cells[col].textContent, y = b.cells[col].textContent, c;
        if (role) c = RANK[x] - RANK[y];
        else c = x.localeCompare(y, "zh-Hans-CN", {numeric: true});
        if (c === 0) c = Number(a.dataset.order) - Number(b.dataset.order);
        return desc ? -c : c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  apply();
})();
"""


def matrix_html(matrix: ResponsibilityMatrix, title: str = "责任矩阵（部门 × 任务）") -> str:
    """The matrix as a complete offline HTML page; every name is escaped."""
    e = html.escape
    head = "".join(f'<th class="dept" title="{e(d.name, quote=True)}">{e(d.name)}（{d.tasks}）</th>'
                   for d in matrix.departments)
    # a department's column index: after 规划, 文件, 编号, 任务
    options = "".join(f'<option value="{i + 4}">{e(d.name)}（{d.tasks}）</option>'
                      for i, d in enumerate(matrix.departments))
    body = []
    for order, t in enumerate(matrix.tasks):
        cells = []
        for d in matrix.departments:
            role = matrix.roles.get((t.id, d.id), "")
            css = role if role in ROLE_ZH else "other"  # a store may hold any string: keep it out of markup
            cells.append(f'<td class="role {css}">{e(ROLE_ZH.get(role, role))}</td>' if role
                         else '<td class="role"></td>')
        body.append(f'<tr data-order="{order}"><td class="plan">{e(t.plan)}</td><td>{e(t.document)}</td>'
                    f'<td>{e(t.ref)}</td><td class="text"><div>{e(t.text)}</div></td>{"".join(cells)}</tr>')
    docs = sorted({t.document for t in matrix.tasks if t.document})
    caption = (f"{len(matrix.tasks):,} 项有责任部门的任务 × {len(matrix.departments):,} 个部门，"
               f"{matrix.cells:,} 个责任关系。"
               f"来源文件：{'、'.join(docs) or '无'}。单击表头排序。")
    return (f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
            f"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline'; "
            f"style-src 'unsafe-inline'\"><title>{e(title)}</title><style>{_CSS}</style></head><body>"
            f'<h1>{e(title)}</h1><p class="caption">{e(caption)}</p>'
            f'<div class="tools"><label>筛选 '
            f'<input id="filter" type="search" placeholder="任务、编号或规划中的任意文字"></label>'
            f'<label>部门 <select id="dept"><option value="">（全部部门）</option>{options}</select></label>'
            f'<span id="count"></span></div>'
            f'<div class="wrap"><table id="matrix"><thead>'
            f'<tr><th>规划</th><th>文件</th><th>编号</th><th>任务</th>{head}</tr>'
            f'</thead><tbody>{"".join(body)}</tbody></table></div><script>{_JS}</script></body></html>\n')


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
