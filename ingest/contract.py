"""The extraction contract: what `plankg extract FILE --json` prints for one document.

It follows ../shared/gold/README.md and adds provenance (`rule`) and a few fields the graph
needs (sections' parents, projects). Spans are character offsets into the decoded text.
"""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from plankg.ontology.vocab import Role

Span = tuple[int, int]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TableCellOut(_Strict):
    """One cell of a real table of the source document (read from DOCX, HTML or PDF): the table (0 for
    the document's first), the cell's row and column in it (0-based, the header row included), and its
    span in the text. A cell merged over several rows is printed, and listed, in each row it covers."""

    table: int
    row: int
    col: int
    span: Span


class DocumentInfo(_Strict):
    id: str
    path: str
    sha256: str
    chars: int = 0
    encoding: str = "utf-8"
    format: str = "txt"  # the format the document was read as: txt, docx, doc, wps, rtf, pdf, html, mht
    # The cells of the document's real tables (none for a text file): a fact's span inside a cell's span
    # came from that cell (`cell_at`).
    cells: list[TableCellOut] = Field(default_factory=list)

    def cell_at(self, span: Span) -> TableCellOut | None:
        """The table cell a fact's span lies in, if any.

        >>> doc = DocumentInfo(id="d", path="p.docx", sha256="0", format="docx",
        ...                    cells=[TableCellOut(table=0, row=1, col=2, span=(30, 34))])
        >>> doc.cell_at((30, 34)).col, doc.cell_at((10, 34))
        (2, None)
        """
        for cell in self.cells:
            if cell.span[0] <= span[0] and span[1] <= cell.span[1] and cell.span[0] < cell.span[1]:
                return cell
        return None


class PlanInfo(_Strict):
    title: str | None = None
    issuers: list[str] = Field(default_factory=list)
    date: str | None = None  # YYYY-MM-DD
    doc_number: str | None = None
    period: tuple[int, int] | None = None
    region: str | None = None
    status: str | None = None  # "draft" for 征求意见稿, else None
    # Collective actors a plan-wide rule makes responsible for every task ("以下均需各区、县(市)落实,
    # 不再列出"); kept here rather than repeated on each task, which lists only what is printed there.
    implementers: list[DepartmentRef] = Field(default_factory=list)


class SectionOut(_Strict):
    ref: str  # numbering path, e.g. "二.(三)"
    title: str | None = None
    level: int
    span: Span
    parent: str | None = None  # ref of the enclosing section


class DepartmentRef(_Strict):
    name: str  # as printed
    canonical: str  # full official name, resolved within the document's jurisdiction
    role: Role = Role.RESPONSIBLE
    jurisdiction: str | None = None
    kind: str | None = None  # government | collective | party | other
    span: Span | None = None


class TaskOut(_Strict):
    ref: str  # numbering path of the item holding the clause; clauses after the first get "#2", "#3"
    text: str
    span: Span
    section: str | None = None  # ref of the section holding it
    departments: list[DepartmentRef] = Field(default_factory=list)
    rule: str = ""


class TargetOut(_Strict):
    text: str
    metric: str
    value: float | None = None
    unit: str | None = None
    comparator: str = "="
    year: int | None = None
    baseline: float | None = None
    baseline_year: int | None = None
    span: Span
    task_ref: str | None = None
    section: str | None = None
    rule: str = ""


class PlatformOut(_Strict):
    name: str
    kind: str | None = None
    level: str | None = None
    span: Span
    task_ref: str | None = None
    section: str | None = None
    rule: str = ""


class EnterpriseOut(_Strict):
    name: str
    span: Span
    task_ref: str | None = None
    section: str | None = None
    rule: str = ""


class ProjectOut(_Strict):
    name: str
    field: str | None = None
    builder: str | None = None  # enterprise name
    span: Span
    section: str | None = None
    rule: str = ""


class ReferenceOut(_Strict):
    title: str
    span: Span | None = None


class Extraction(_Strict):
    document: DocumentInfo
    plan: PlanInfo
    sections: list[SectionOut] = Field(default_factory=list)
    tasks: list[TaskOut] = Field(default_factory=list)
    targets: list[TargetOut] = Field(default_factory=list)
    platforms: list[PlatformOut] = Field(default_factory=list)
    enterprises: list[EnterpriseOut] = Field(default_factory=list)
    projects: list[ProjectOut] = Field(default_factory=list)
    references: list[ReferenceOut] = Field(default_factory=list)
    rules: str = ""  # versioned name of the rule set, e.g. "plankg.rules.v1"


PlanInfo.model_rebuild()
