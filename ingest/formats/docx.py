"""Word documents (.docx) read with python-docx: the body's paragraphs with their list numbers, and
its tables, in document order.

A paragraph numbered by Word (a list or a numbered heading style) gets its number printed as Word
shows it ("一、", "（二）", "3."), computed from the document's numbering definitions, because the
extraction rules read a plan's structure from those numbers. Page headers, footers, footnotes,
comments and deleted text of tracked changes are no part of the text.

Table cells are read on the table's grid: a cell merged down several rows (``w:vMerge``) is
repeated in each row it covers, a cell merged across columns (``w:gridSpan``) fills its first
column and leaves the others empty, and a row that is one cell across the whole table is a line of
its own (`blocks.render`). Paragraphs inside a cell are joined by a space.
"""
from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from plankg.errors import InputError, MissingDependencyError
from plankg.ingest.formats.blocks import Block, Paragraph, Table, render
from plankg.ingest.read import SourceText

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_DIGITS = "〇一二三四五六七八九"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def chinese_number(n: int, digits: str = _DIGITS, units: str = "十百千") -> str:
    """A number in Chinese counting numerals, as Word's chineseCounting formats list numbers.

    >>> [chinese_number(n) for n in (1, 10, 12, 20, 35, 100, 105, 110)]
    ['一', '十', '十二', '二十', '三十五', '一百', '一百〇五', '一百一十']
    """
    if n <= 0 or n >= 10000:
        return str(n)
    parts: list[str] = []
    values = [(n // 1000) % 10, (n // 100) % 10, (n // 10) % 10, n % 10]
    names = [units[2], units[1], units[0], ""]
    started, zero = False, False
    for value, unit in zip(values, names, strict=True):
        if value == 0:
            zero = started
            continue
        if zero:
            parts.append(digits[0])
            zero = False
        parts.append(digits[value] + unit)
        started = True
    text = "".join(parts)
    return text[1:] if 10 <= n < 20 and digits == _DIGITS else text


def format_number(n: int, fmt: str) -> str:
    """List number `n` in Word's number format `fmt` (w:numFmt).

    >>> [format_number(3, f) for f in ("decimal", "chineseCounting", "lowerLetter", "upperRoman",
    ...                                "decimalEnclosedCircle", "ideographTraditional", "decimalFullWidth")]
    ['3', '三', 'c', 'III', '③', '丙', '３']
    """
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand",
               "japaneseCounting"):
        return chinese_number(n)
    if fmt == "chineseLegalSimplified":
        return chinese_number(n, _LEGAL, "拾佰仟")
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join(_DIGITS[int(d)] for d in str(n))
    if fmt == "ideographTraditional":
        return _STEMS[(n - 1) % 10]
    if fmt == "ideographZodiac":
        return _BRANCHES[(n - 1) % 12]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle"):
        return _CIRCLED[n - 1] if 1 <= n <= 20 else str(n)
    if fmt == "decimalEnclosedParen":
        return chr(0x2474 + n - 1) if 1 <= n <= 20 else f"({n})"
    if fmt == "decimalEnclosedFullstop":
        return chr(0x2488 + n - 1) if 1 <= n <= 20 else f"{n}."
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(ord(d) + 0xFEE0) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(n)
        return roman.lower() if fmt == "lowerRoman" else roman
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                           (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def _val(element: Any, tag: str) -> str | None:
    child = element.find(W + tag) if element is not None else None
    return child.get(W + "val") if child is not None else None


@dataclass(frozen=True)
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    legal: bool = False


@dataclass
class Numbering:
    """Word's list numbering: the numbers its numbered paragraphs show, counted in document order.

    Counters belong to the abstract list a list instance (w:num) refers to, so instances sharing one
    continue each other's numbers, as in Word; an instance's start override restarts a level the
    first time it is used, and a level counting up resets the levels below it.
    """

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # abstract id -> level -> format
    instances: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)  # num id -> (abstract, overrides)
    styles: dict[str, tuple[str | None, int | None, str | None]] = field(default_factory=dict)  # numId, ilvl, based
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    restarted: set[tuple[str, int]] = field(default_factory=set)

    @classmethod
    def of(cls, document: Any) -> Numbering:
        out = cls()
        part = document.part
        try:
            numbering = part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            numbering = None
        if numbering is not None:
            for abstract in numbering.findall(W + "abstractNum"):
                levels = {}
                for lvl in abstract.findall(W + "lvl"):
                    levels[int(lvl.get(W + "ilvl", "0"))] = _level(lvl)
                out.levels[abstract.get(W + "abstractNumId", "")] = levels
            for num in numbering.findall(W + "num"):
                overrides = {}
                for override in num.findall(W + "lvlOverride"):
                    start = _val(override, "startOverride")
                    if start is not None and start.lstrip("-").isdigit():
                        overrides[int(override.get(W + "ilvl", "0"))] = int(start)
                out.instances[num.get(W + "numId", "")] = (_val(num, "abstractNumId") or "", overrides)
        styles = document.styles.element
        if styles is not None:
            for style in styles.findall(W + "style"):
                ppr = style.find(W + "pPr")
                numpr = ppr.find(W + "numPr") if ppr is not None else None
                ilvl = _val(numpr, "ilvl")
                out.styles[style.get(W + "styleId", "")] = (_val(numpr, "numId"), int(ilvl) if ilvl else None,
                                                           _val(style, "basedOn"))
        return out

    def _style_numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self.styles:
            seen.add(style_id)
            num_id, ilvl, based = self.styles[style_id]
            if num_id is not None:
                return num_id, ilvl
            style_id = based
        return None, None

    def label(self, p: Any) -> str:
        """The number paragraph `p` (a w:p element) shows, counting it; "" for an unnumbered one."""
        ppr = p.find(W + "pPr")
        numpr = ppr.find(W + "numPr") if ppr is not None else None
        num_id, ilvl_text = _val(numpr, "numId"), _val(numpr, "ilvl")
        style_num, style_ilvl = self._style_numbering(_val(ppr, "pStyle"))
        if num_id is None:
            num_id = style_num
        ilvl = int(ilvl_text) if ilvl_text and ilvl_text.isdigit() else (style_ilvl or 0)
        if not num_id or num_id == "0" or num_id not in self.instances:
            return ""
        abstract, overrides = self.instances[num_id]
        levels = self.levels.get(abstract, {})
        level = levels.get(ilvl, _Level())
        counters = self.counters.setdefault(abstract, {})
        if ilvl in overrides and (num_id, ilvl) not in self.restarted:
            self.restarted.add((num_id, ilvl))
            counters[ilvl] = overrides[ilvl]
        else:
            counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else level.start
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        text = level.text
        for k in range(9):
            token = f"%{k + 1}"
            if token in text:
                shown = levels.get(k, _Level())
                value = counters.get(k, shown.start)
                text = text.replace(token, format_number(value, "decimal" if level.legal else shown.fmt))
        if level.fmt in ("bullet", "none"):
            return ""
        return text


def _level(lvl: Any) -> _Level:
    start = _val(lvl, "start")
    text = _val(lvl, "lvlText")
    return _Level(start=int(start) if start and start.lstrip("-").isdigit() else 1,
                  fmt=_val(lvl, "numFmt") or "decimal", text=text if text is not None else "",
                  legal=lvl.find(W + "isLgl") is not None)


def _run_text(element: Any) -> Iterator[str]:
    """The text of a paragraph's runs: tabs and breaks kept, deleted text, field codes and the
    fallback copy of alternate content left out."""
    for child in element:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        if tag == W + "t":
            yield child.text or ""
        elif tag == W + "tab":
            yield "\t"
        elif tag in (W + "br", W + "cr"):
            yield "\n"
        elif tag == W + "noBreakHyphen":
            yield "-"
        elif tag in (W + "del", W + "instrText", W + "delText", MC + "Fallback", W + "txbxContent", W + "pPr",
                     W + "rPr", W + "fldChar"):
            continue
        else:
            yield from _run_text(child)


def paragraph_text(p: Any, numbering: Numbering) -> str:
    """A paragraph's text, with its list number in front when Word numbers it."""
    text = "".join(_run_text(p))
    label = numbering.label(p)
    if label and text.strip():
        stripped = text.lstrip(" \t\u3000")
        # Word puts a tab (or a space) after the number; Chinese numbers end in their own punctuation.
        gap = " " if label[-1].isascii() and label[-1].isalnum() else ""
        return label + gap + stripped
    return text


def _children(parent: Any, tag: str) -> Iterator[Any]:
    """The `tag` children of `parent` (w:tr of a table, w:tc of a row), looking through the content
    controls and custom XML that may wrap them."""
    for child in parent:
        if child.tag == W + tag:
            yield child
        elif child.tag in (W + "sdt", W + "customXml"):
            content = child.find(W + "sdtContent") if child.tag == W + "sdt" else child
            if content is not None:
                yield from _children(content, tag)


def _int_val(element: Any, path: str, default: int) -> int:
    for part in path.split("/")[:-1]:
        element = element.find(W + part) if element is not None else None
    value = _val(element, path.split("/")[-1])
    return int(value) if value and value.isdigit() else default


def _cell_text(tc: Any, numbering: Numbering) -> str:
    texts = []
    for block in _body_blocks(tc, numbering):
        if isinstance(block, Paragraph):
            texts.append(block.text)
        else:
            texts.extend(" ".join(row) for row in block.rows)
    return " ".join(t for t in texts if t.strip())


def table_rows(tbl: Any, numbering: Numbering) -> list[list[str]]:
    """The rows of a table on its grid, merged cells expanded (see the module doc)."""
    grid = tbl.find(W + "tblGrid")
    width = len(grid.findall(W + "gridCol")) if grid is not None else 0
    rows: list[list[str]] = []
    above: list[str] = []
    for tr in _children(tbl, "tr"):
        trpr = tr.find(W + "trPr")
        row = [""] * _int_val(trpr, "gridBefore", 0)
        tcs = list(_children(tr, "tc"))
        for tc in tcs:
            tcpr = tc.find(W + "tcPr")
            span = max(1, _int_val(tcpr, "gridSpan", 1))
            vmerge = tcpr.find(W + "vMerge") if tcpr is not None else None
            col = len(row)
            if vmerge is not None and vmerge.get(W + "val", "continue") == "continue":
                text = above[col] if col < len(above) else ""
            else:
                text = _cell_text(tc, numbering)
            if len(tcs) == 1 and span > 1 and span >= width:
                row.extend([text] * span)  # one cell across the table: a line of its own
            else:
                row.extend([text] + [""] * (span - 1))
        rows.append(row)
        above = row
    return rows


def _body_blocks(container: Any, numbering: Numbering) -> Iterator[Block]:
    for child in container:
        tag = child.tag
        if tag == W + "p":
            yield Paragraph(paragraph_text(child, numbering))
        elif tag == W + "tbl":
            yield Table(table_rows(child, numbering))
        elif tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                yield from _body_blocks(content, numbering)
        elif tag == W + "customXml":
            yield from _body_blocks(child, numbering)


def read(path: Path, raw: bytes) -> SourceText:
    """Read a .docx file into normalised text and its table cells, or fail naming the file and the fix."""
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:
        raise MissingDependencyError("python-docx", "reading .docx files") from None
    from lxml import etree

    try:
        document = docx.Document(io.BytesIO(raw))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, EOFError, etree.XMLSyntaxError) as exc:
        raise InputError(f"{path.name} is damaged: a .docx file is a zip archive of Word's XML parts, and this one "
                         f"cannot be opened ({type(exc).__name__}: {str(exc)[:120]})", where=str(path),
                         fix="download it again, or open it in Word, WPS or LibreOffice and save it again as .docx"
                         ) from None
    numbering = Numbering.of(document)
    text, cells = render(list(_body_blocks(document.element.body, numbering)))
    return SourceText(path=path, text=text, encoding="utf-8", raw_bytes=raw, format="docx", cells=cells)
