"""Reports: titled tables of rows (an edition diff, an analysis) as one offline HTML page and as CSV.

The page is one file with no script and no request: its Content-Security-Policy is
`default-src 'none'` with inline styles only, and every cell, title and caption is escaped. CSV
goes through `plankg.viz.csv_writer` (UTF-8 with the byte order mark Excel needs, formula-safe).

>>> page = report_html("变化 <b>", "说明", [ReportTable("任务", [{"change": "added", "text": "<script>x</script>"}])])
>>> "<script>x" in page, "&lt;script&gt;x&lt;/script&gt;" in page, "default-src 'none'" in page
(False, True, True)
"""
from __future__ import annotations

import html
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plankg.errors import VizError
from plankg.viz.csv_writer import write_csv

if TYPE_CHECKING:
    from plankg.graph.analytics import Analysis
    from plankg.graph.diff import EditionDiff


@dataclass(frozen=True)
class ReportTable:
    title: str
    rows: Sequence[Mapping[str, Any]]
    caption: str = ""
    columns: Sequence[str] = field(default_factory=tuple)  # column order; by default as the rows have them
    headers: Mapping[str, str] = field(default_factory=dict)  # column -> what the page calls it

    def column_names(self) -> list[str]:
        """The columns given, else every column of the rows in their first order."""
        columns = list(self.columns)
        if columns:
            return columns
        for row in self.rows:
            columns.extend(k for k in row if k not in columns)
        return columns


_CSS = """
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif;
  margin: 16px; color: #222; font-size: 13px; }
h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 20px 0 4px; }
.caption { color: #555; margin: 0 0 8px; }
table { border-collapse: collapse; }
th, td { border: 1px solid #e3e3e3; padding: 3px 6px; vertical-align: top; text-align: left; }
th { background: #f3f3f3; white-space: nowrap; }
td { max-width: 520px; }
td.num { text-align: right; white-space: nowrap; }
tr.added td.change { background: #c7e9c0; } tr.dropped td.change { background: #fcbba1; }
"""


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3f}".rstrip("0").rstrip(".") if not value.is_integer() else str(int(value))
    if isinstance(value, (list, tuple)):
        return "、".join(_cell(v) for v in value)
    if isinstance(value, (str, int)):
        return str(value)
    return json.dumps(value, ensure_ascii=False, default=str)


def report_html(title: str, caption: str, tables: Sequence[ReportTable]) -> str:
    """The tables as a complete offline HTML page; every name is escaped."""
    e = html.escape
    parts = []
    for table in tables:
        columns = table.column_names()
        head = "".join(f"<th>{e(table.headers.get(c, c))}</th>" for c in columns)
        body = []
        for row in table.rows:
            change = str(row.get("change") or "")
            css = change if change in ("added", "dropped") else ""
            cells = "".join(
                f'<td class="{"num" if isinstance(row.get(c), (int, float)) else e(c, quote=True)}">'
                f"{e(_cell(row.get(c)))}</td>" for c in columns)
            body.append(f'<tr class="{css}">{cells}</tr>')
        rows = "".join(body) if body else f'<tr><td colspan="{max(len(columns), 1)}">（无）</td></tr>'
        parts.append(f"<h2>{e(table.title)}（{len(table.rows)}）</h2>"
                     + (f'<p class="caption">{e(table.caption)}</p>' if table.caption else "")
                     + f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
    return (f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
            f"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
            f"<title>{e(title)}</title><style>{_CSS}</style></head><body>"
            f'<h1>{e(title)}</h1><p class="caption">{e(caption)}</p>{"".join(parts)}</body></html>\n')


def write_report_html(path: str | Path, title: str, caption: str, tables: Sequence[ReportTable]) -> Path:
    """Write the page as UTF-8."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(report_html(title, caption, tables), encoding="utf-8")
    except OSError as exc:
        raise VizError(f"cannot write the report page: {exc.strerror or exc}", where=str(path),
                       fix="choose a writable output path") from None
    return path


def write_report_csv(path: str | Path, table: ReportTable) -> Path:
    """Write one table as CSV for Excel (UTF-8 with a byte order mark, formula-safe cells)."""
    path = Path(path)
    columns = table.column_names()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return write_csv(path, columns, ([row.get(c) for c in columns] for row in table.rows), excel=True)
    except OSError as exc:
        raise VizError(f"cannot write {path.name}: {exc.strerror or exc}", where=str(path),
                       fix="choose a writable output path (and close the file if Excel has it open)") from None


_CHANGE_ZH = {"added": "新增", "dropped": "删除", "reworded": "改写", "departments added": "增加单位",
              "departments removed": "减少单位", "lead changed": "牵头单位变化", "raised": "提高", "lowered": "降低",
              "value changed": "数值变化", "unit changed": "单位变化", "year moved": "年份变化",
              "comparator changed": "比较方式变化"}
_DIFF_HEADERS = {"item": "对象", "change": "变化", "ref_a": "A 编号", "ref_b": "B 编号", "before": "A 原文",
                 "after": "B 原文", "detail": "详情", "similarity": "相似度"}


def diff_report(diff: EditionDiff) -> tuple[str, str, list[ReportTable]]:
    """An edition diff as (title, caption, tables): the first table holds every change (for CSV),
    the others split it into task and target changes (for the page)."""
    rows = diff.rows()
    title = f"版本对比：{diff.a.title or diff.a.name} → {diff.b.title or diff.b.name}"
    counts = "，".join(f"{_CHANGE_ZH.get(k, k)} {n}" for k, n in diff.counts.items()) or "无变化"
    caption = (f"A：{diff.a.name}（{len(diff.a.tasks)} 项任务，{len(diff.a.targets)} 个目标）；"
               f"B：{diff.b.name}（{len(diff.b.tasks)} 项任务，{len(diff.b.targets)} 个目标）。{counts}；"
               f"未变任务 {diff.unchanged_tasks} 项，未变目标 {diff.unchanged_targets} 个。"
               f"任务按去掉责任单位括注和目标数值后的文字相似度（difflib，阈值 {diff.threshold}）对应。")
    every = ReportTable("全部变化", rows, headers=_DIFF_HEADERS)
    tasks = ReportTable("任务变化", [r for r in rows if r["item"] == "task"], headers=_DIFF_HEADERS,
                        columns=("change", "ref_a", "ref_b", "before", "after", "detail", "similarity"))
    targets = ReportTable("目标变化", [r for r in rows if r["item"] == "target"], headers=_DIFF_HEADERS,
                          columns=("change", "ref_a", "ref_b", "detail", "before", "after"))
    return title, caption, [every, tasks, targets]


def analysis_report(analysis: Analysis) -> tuple[str, str, list[ReportTable]]:
    """An analysis as (title, caption, tables): centrality, communities, bridging platforms."""
    from plankg.viz.html import KIND_ZH
    centrality = ReportTable(
        "部门中心度（共同负责网络）",
        [{"department": c.department, "tasks": c.tasks, "partners": c.partners, "shared_tasks": c.shared_tasks,
          "betweenness": c.betweenness, "community": c.community} for c in analysis.centrality],
        caption="两个部门共同负责同一任务即相连，权重为共同任务数；按共同任务数（加权度）排序；"
                "中介中心度以 1/权重 为距离。",
        headers={"department": "部门", "tasks": "任务数", "partners": "合作部门数", "shared_tasks": "共同任务数",
                 "betweenness": "中介中心度", "community": "协作群"})
    communities = ReportTable(
        "协作群（Louvain，固定随机种子）",
        [{"community": c.number, "size": len(c.departments), "shared_tasks": c.shared_tasks,
          "departments": "、".join(c.departments)} for c in analysis.communities],
        caption=f"模块度 {analysis.modularity if analysis.modularity is not None else '—'}；"
                "没有合作部门的部门不在其中。",
        headers={"community": "协作群", "size": "部门数", "shared_tasks": "群内共同任务数", "departments": "部门"})
    bridges = ReportTable(
        "跨规划平台",
        [{"platform": b.platform, "jurisdiction": b.jurisdiction, "kind": KIND_ZH.get(b.kind or "", b.kind),
          "plans": len(b.plans), "mentions": b.mentions, "plan_titles": "；".join(b.plans)} for b in analysis.bridges],
        caption="至少两个规划的任务、章节或正文提及的平台。",
        headers={"platform": "平台", "jurisdiction": "所在地", "kind": "类别", "plans": "规划数",
                 "mentions": "提及次数", "plan_titles": "规划"})
    caption = (f"{analysis.departments} 个部门，{analysis.links} 对共同负责关系，"
               f"{len(analysis.communities)} 个协作群，{len(analysis.bridges)} 个跨规划平台。")
    return "规划图谱分析", caption, [centrality, communities, bridges]
