"""Documents made by real tools from a text fixture: python-docx for .docx, fpdf2 for .pdf, an HTML page
as a government site prints one, LibreOffice for .doc.

A text fixture is a plan as plain text, its tables one row per line with each cell closed by a bar
(``1 | 建设平台 | 市科技局 |``). `fixture_blocks` splits it into paragraphs and tables; each maker
writes them in its format the way publishers do: the lead column's equal cells merged down the rows
(w:vMerge, rowspan), paragraphs indented and wrapped by the page width, running headers and page
numbers, navigation and footers around a page's article.
"""
from __future__ import annotations

import html
import re
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

CASES = Path(__file__).parent.parent / "cases" / "formats"
# A CJK font with TrueType outlines: pdfminer reads fpdf2's embedding of those (not of CFF fonts such
# as Noto CJK). .ci/run installs fonts-wqy-microhei.
CJK_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
RUNNING_HEADER = "湖州市2024年科技创新工作要点"
LEAD_HEADERS = ("牵头单位", "责任单位")


@dataclass(frozen=True)
class FixtureTable:
    rows: tuple[tuple[str, ...], ...]


Block = str | FixtureTable


def fixture_blocks(text: str) -> list[Block]:
    """Paragraphs (lines) and tables (runs of lines ending with " |") of a text fixture."""
    out: list[Block] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        if line.endswith(" |"):
            cells = tuple(c.strip() for c in line[: -len(" |")].split(" | "))
            if out and isinstance(out[-1], FixtureTable) and len(out[-1].rows[0]) == len(cells):
                out[-1] = FixtureTable(out[-1].rows + (cells,))
            else:
                out.append(FixtureTable((cells,)))
        else:
            out.append(line)
    return out


def merged_runs(rows: Sequence[Sequence[str]], column: int) -> dict[int, int]:
    """Rows (after the header) where a run of equal non-empty cells of `column` starts -> its length."""
    runs: dict[int, int] = {}
    r = 1
    while r < len(rows):
        n = 1
        while r + n < len(rows) and rows[r + n][column] and rows[r + n][column] == rows[r][column]:
            n += 1
        if n > 1 and rows[r][column]:
            runs[r] = n
        r += n
    return runs


def lead_column(table: FixtureTable) -> int | None:
    header = table.rows[0]
    return next((i for i, h in enumerate(header) if h in LEAD_HEADERS), None)


# --------------------------------------------------------------------------- DOCX (python-docx)

_CN_NUMBERING = re.compile(r"^([一二三四五六七八九十]+)、")
_ABSTRACT = (
    '<w:abstractNum xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:abstractNumId="90">'
    '<w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/>'
    '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum>')
_NUM = ('<w:num xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:numId="90">'
        '<w:abstractNumId w:val="90"/></w:num>')


def write_docx(blocks: list[Block], path: Path) -> Path:
    """A .docx of the blocks: section headings ("一、…") numbered by Word's list numbering (chineseCounting),
    tables with the lead column's equal cells merged down (w:vMerge)."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(_ABSTRACT))
    numbering.append(parse_xml(_NUM))
    for block in blocks:
        if isinstance(block, str):
            m = _CN_NUMBERING.match(block)
            p = document.add_paragraph(block[m.end():] if m else block)
            p.paragraph_format.first_line_indent = Pt(21)
            if m:
                ppr = p._p.get_or_add_pPr()
                ppr.append(parse_xml(f'<w:numPr xmlns:w="{qn("w:numPr").split("}")[0][1:]}">'
                                     '<w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>'))
            continue
        rows = block.rows
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        table.style = "Table Grid"
        lead = lead_column(block)
        runs = merged_runs(rows, lead) if lead is not None else {}
        covered = {r + k for r, n in runs.items() for k in range(1, n)}
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                if c == lead and r in covered:
                    continue
                table.cell(r, c).text = text
        for r, n in runs.items():
            assert lead is not None
            table.cell(r, lead).merge(table.cell(r + n - 1, lead))
    document.save(str(path))
    return path


# --------------------------------------------------------------------------- HTML (a government site's page)

PAGE_HEAD = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{title}_湖州市科学技术局</title>
<style>.main {{ width: 1000px }}</style><script>var _hmt = _hmt || []; document.write("统计代码");</script>
</head><body>
<div class="header"><div class="logo">湖州市科学技术局</div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/kjdt">科技动态</a></li>
<li><a href="/bsfw">办事服务</a></li><li><a href="/hdjl">互动交流</a></li></ul></div>
<div class="crumbs">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt;
<a href="/tzgg">通知公告</a></div>
<div class="main">
"""
PAGE_TAIL = """<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a>
【<a href="#">打印本页</a>】 【<a href="#">关闭窗口</a>】</div>
<div class="related"><h3>相关文件</h3><ul><li><a href="/a1">湖州市2023年科技创新工作总结</a></li>
<li><a href="/a2">关于开展2024年度科技项目申报的通知</a></li></ul></div>
</div>
<div class="footer"><p>主办单位：湖州市科学技术局　　地址：湖州市仁皇山路666号</p>
<p>网站标识码：3305000011　浙ICP备05006734号　浙公网安备 33050202000123号</p>
<p>版权所有 &copy; 2024 湖州市科学技术局</p></div>
<script src="/js/count.js"></script>
</body></html>
"""


def _html_table(table: FixtureTable, css: str) -> str:
    rows = table.rows
    lead = lead_column(table)
    runs = merged_runs(rows, lead) if lead is not None else {}
    covered = {r + k for r, n in runs.items() for k in range(1, n)}
    out = [f'<table class="{css}" border="1" cellspacing="0">']
    for r, row in enumerate(rows):
        tag = "th" if r == 0 and css == "tasks" else "td"
        cells = []
        for c, text in enumerate(row):
            if c == lead and r in covered:
                continue
            span = f' rowspan="{runs[r]}"' if c == lead and r in runs else ""
            cells.append(f"<{tag}{span}><p>{html.escape(text)}</p></{tag}>" if text else f"<{tag}{span}>&nbsp;</{tag}>")
        out.append("<tr>\n  " + "\n  ".join(cells) + "\n</tr>")
    out.append("</table>")
    return "\n".join(out)


def write_html(blocks: list[Block], path: Path, charset: str = "utf-8") -> Path:
    """A saved page of a government site: furniture (navigation, breadcrumb, share bar, related links,
    footer, scripts) around the article; the metadata table above the title, the title as <h1>,
    paragraphs indented with full-width spaces and wrapped in the source, the task table with the
    lead column merged down (rowspan)."""
    parts: list[str] = []
    title_done = False
    for block in blocks:
        if isinstance(block, FixtureTable):
            meta = block.rows[0][0] == "索引号"
            table = _html_table(block, "xxgk" if meta else "tasks")
            parts.append(f'<div class="xxgk-info">{table}</div>' if meta else table)
        elif not title_done and block.endswith("的通知"):
            parts.append(f'<div class="title"><h1>{html.escape(block)}</h1></div>\n<div class="content" id="zoom">')
            title_done = True
        else:
            # the source wraps long paragraphs, as editors' HTML does
            text = html.escape(block)
            wrapped = "\n".join(text[i:i + 40] for i in range(0, len(text), 40))
            parts.append(f"<p style=\"text-indent:2em\">&#12288;&#12288;{wrapped}</p>")
    parts.append("</div>")
    title = next(b for b in blocks if isinstance(b, str))
    page = PAGE_HEAD.format(charset=charset, title=html.escape(title)) + "\n".join(parts) + "\n" + PAGE_TAIL
    path.write_bytes(page.encode("gbk" if charset in ("gb2312", "gbk") else charset))
    return path


# --------------------------------------------------------------------------- PDF (fpdf2)

def write_pdf(blocks: list[Block], path: Path, *, font: Path = CJK_FONT,
              page_format: tuple[float, float] = (148, 210)) -> Path:
    """A PDF as a 公文 prints: paragraphs with a two-character first-line indent wrapped at the page width,
    a running header from the second page on, page numbers ("— 2 —") in the footer, ruled tables whose
    lead column's equal cells are merged down (rowspan) and whose header row repeats on every page."""
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    size = 10.5

    class Document(FPDF):
        def header(self) -> None:
            if self.page_no() > 1:
                self.set_font("cjk", size=9)
                self.set_y(8)
                self.cell(0, 5, RUNNING_HEADER, align="C")
                self.ln(8)

        def footer(self) -> None:
            self.set_y(-12)
            self.set_font("cjk", size=9)
            self.cell(0, 5, f"— {self.page_no()} —", align="C")

    pdf = Document(format=page_format)
    pdf.set_margins(18, 18, 18)
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_font("cjk", "", str(font))
    pdf.add_page()
    pdf.set_font("cjk", size=size)
    width = pdf.w - pdf.l_margin - pdf.r_margin
    indent = 2 * pdf.get_string_width("一")
    line_height = size * 0.3528 * 1.6
    title_done = False
    for block in blocks:
        if isinstance(block, FixtureTable):
            lead = lead_column(block)
            runs = merged_runs(block.rows, lead) if lead is not None else {}
            covered = {r + k for r, n in runs.items() for k in range(1, n)}
            meta = block.rows[0][0] == "索引号"
            columns = len(block.rows[0])
            widths = (1, 3, 1, 3) if meta else (1, 5, 2, 3, 2)[:columns]
            with pdf.table(col_widths=widths, first_row_as_headings=not meta, line_height=line_height,
                           text_align="LEFT", headings_style=FontFace(emphasis=None), repeat_headings=1) as table:
                for r, cells in enumerate(block.rows):
                    row = table.row()
                    for c, text in enumerate(cells):
                        if c == lead and r in covered:
                            continue
                        row.cell(text, rowspan=runs.get(r, 1) if c == lead else 1)
            pdf.ln(2)
            continue
        if not title_done and block.endswith("的通知"):
            title_done = True
            pdf.multi_cell(width, line_height * 1.2, block, align="C")
            continue
        # A paragraph: first line indented by two characters, wrapped by hand at the text width.
        line, first = "", True
        for ch in block:
            room = width - (indent if first else 0)
            if pdf.get_string_width(line + ch) > room:
                pdf.set_x(pdf.l_margin + (indent if first else 0))
                pdf.cell(room, line_height, line, new_x="LMARGIN", new_y="NEXT")
                line, first = "", False
            line += ch
        pdf.set_x(pdf.l_margin + (indent if first else 0))
        pdf.cell(width - (indent if first else 0), line_height, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


# --------------------------------------------------------------------------- fixtures

@pytest.fixture(scope="session")
def plan_text() -> str:
    return (CASES / "plan.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def plan_blocks(plan_text: str) -> list[Block]:
    return fixture_blocks(plan_text)


@pytest.fixture
def require_font(require_tool):
    def check() -> Path:
        require_tool(CJK_FONT.is_file(), f"needs the CJK font {CJK_FONT} (apt-get install fonts-wqy-microhei)")
        return CJK_FONT
    return check


@pytest.fixture
def require_soffice(require_tool):
    def check() -> str:
        program = shutil.which("soffice")
        require_tool(program is not None, "needs LibreOffice (apt-get install libreoffice-writer-nogui)")
        assert program is not None
        return program
    return check
