"""Web pages (.html, .htm, and .mht web archives) read with lxml: the article without the page's
furniture, its tables as rows, in page order.

Furniture is what a government site prints around every article: the head, scripts and styles,
navigation (``<nav>``, menus, breadcrumbs, "当前位置"), the site's header and footer (copyright,
网站标识码, ICP), sidebars, share and print buttons, related links. It is found by tag, by the
words of its class and id (`FURNITURE_WORDS`), and by being mostly links. An element holding the
article's heading or the bulk of its text is never furniture, whatever its class says.

What is left is read in page order: block elements open lines, ``<br>`` breaks a line, white space
collapses as a browser collapses it (and a source line break between two Chinese characters is no
space at all). A table of facts (two columns and two rows or more, no table inside it) becomes a
`Table`, its merged cells expanded (``rowspan`` repeats a cell down the rows it covers; ``colspan``
leaves the columns after the first empty); a table used to lay out the page is read as the blocks in
its cells, and one that is mostly links (a menu) is furniture.
The metadata table sites print above a document (索引号, 发布机构, 成文日期, 文号) is a table of
facts like any other: its rows are lines ``索引号 | 001 | 发布机构 | 某市人民政府 |`` that the plan
metadata reader (`plankg.ingest.plan_meta`) reads.

The page is decoded by its byte-order mark, else by the charset it declares (``<meta charset>``,
``http-equiv``, an XML declaration; GB2312 and GBK are read as their superset GB18030), else as
UTF-8, else as GB18030.
"""
from __future__ import annotations

import codecs
import email
import email.policy
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from plankg.errors import InputError, MissingDependencyError
from plankg.ingest import lexicon
from plankg.ingest.formats.blocks import Block, Paragraph, Table, render
from plankg.ingest.read import SourceText

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030", "cp936": "gb18030",
              "big5": "cp950", "iso-8859-1": "cp1252", "latin1": "cp1252", "us-ascii": "utf-8", "ascii": "utf-8"}
_DROP_TAGS = frozenset({"head", "script", "style", "noscript", "template", "nav", "aside", "iframe", "frame",
                        "frameset", "button", "select", "input", "textarea", "option", "svg", "canvas", "object",
                        "embed", "map", "link", "meta", "title", "audio", "video", "img", "label"})
BLOCK_TAGS = frozenset({"address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog",
                        "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
                        "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "menu", "nav", "ol", "p", "pre",
                        "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "ul",
                        "caption", "html"})
# Words of the class or id of page furniture, matched against the words of a class or id split at
# "-", "_" and case changes ("nav-top", "footerBox", "bdshare_t").
FURNITURE_WORDS = frozenset({
    "nav", "navbar", "navigation", "menu", "menus", "submenu", "breadcrumb", "breadcrumbs", "crumb", "crumbs",
    "position", "location", "locat", "dqwz", "header", "topbar", "footer", "foot", "bottom", "copyright",
    "sidebar", "side", "aside", "share", "bdshare", "print", "toolbar", "tools", "search", "login", "banner",
    "advert", "ads", "related", "relate", "friendlink", "links", "pager", "pagination", "comment", "comments",
    "qrcode", "ewm", "fontsize", "zihao", "skip", "wza", "accessibility", "slide", "slider", "marquee",
})
_HEAD_TAGS = ("h1", "h2")
_WS = re.compile(r"[ \t\r\n\f]+")
_CJK = r"\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_CJK_BREAK = re.compile(rf"(?<=[{_CJK}])[ \t\r\f]*\n[ \t\r\n\f]*(?=[{_CJK}])")
_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
_TEXT_CHARS = re.compile(r"[\w\u3400-\u9fff]")
_HAN = re.compile(r"[\u3400-\u9fff]")


def charset_of(raw: bytes) -> str | None:
    """The charset a page declares (a byte-order mark, a meta tag or an XML declaration), as a Python codec.

    >>> charset_of(b'<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')
    'gb18030'
    >>> charset_of(b'<meta charset="UTF-8">'), charset_of(b"<p>no charset</p>")
    ('utf-8', None)
    """
    if raw.startswith(codecs.BOM_UTF8):
        return "utf-8"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    head = raw[:8192]
    m = _XML_DECL.match(head) or _CHARSET.search(head)
    if not m:
        return None
    name = m.group(1).decode("ascii").lower()
    name = _SUPERSETS.get(name, name)
    try:
        return codecs.lookup(name).name.replace("_", "-") if name not in _SUPERSETS.values() else name
    except LookupError:
        return None


def decode_page(raw: bytes) -> tuple[str, str]:
    """A page's text and the codec that decoded it (see the module doc).

    >>> decode_page('<meta charset="gbk"><p>一、总体要求</p>'.encode("gbk"))
    ('<meta charset="gbk"><p>一、总体要求</p>', 'gb18030')
    """
    declared = charset_of(raw)
    for codec in [c for c in (declared, "utf-8", "gb18030") if c]:
        try:
            text = raw.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        return text.lstrip("\ufeff"), codec
    return raw.decode(declared or "gb18030", errors="replace"), declared or "gb18030"


def archive_page(raw: bytes) -> bytes:
    """The HTML page inside a web archive (.mht, or Word's "single file web page" saved as .doc), with a
    meta tag naming the charset the archive declares for it.

    >>> mht = (b'MIME-Version: 1.0\\nContent-Type: multipart/related; boundary="b"\\n\\n--b\\n'
    ...        b'Content-Type: text/html; charset="utf-8"\\nContent-Transfer-Encoding: base64\\n\\n'
    ...        b'PHA+5LiALOaAu+S9k+imgeaxgjwvcD4=\\n--b--\\n')
    >>> archive_page(mht).decode()
    '<meta charset="utf-8"><p>一,总体要求</p>'
    """
    message = email.message_from_bytes(raw, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                charset = part.get_content_charset()
                return (f'<meta charset="{charset}">'.encode("ascii") if charset else b"") + payload
    return b""


def _words(value: str) -> list[str]:
    return [w.lower() for w in _WORDS.findall(value)]


def _text_len(text: str) -> int:
    return len(_TEXT_CHARS.findall(text))


def _han_count(element: Any) -> int:
    return len(_HAN.findall(element.text_content()))


def _article(body: Any) -> Any:
    """The element holding the article: going down from the body while one child holds most of the text."""
    node = body
    total = _han_count(body)
    while True:
        children = [c for c in node if isinstance(c.tag, str) and c.tag not in _DROP_TAGS and not _is_furniture(c)]
        best = max(children, key=_han_count, default=None)
        if best is None or total == 0 or _han_count(best) < 0.6 * total or best.tag in ("table", "tr", "td"):
            return node
        node = best


# The keys of the metadata table a site prints above a document: an element naming two of them holds
# the document's own fields, not furniture, whatever its class says.
_META_KEYS = tuple(k for k in (*lexicon.META_ISSUER_KEYS, *lexicon.META_DATE_KEYS, *lexicon.META_NUMBER_KEYS, "索引号")
                   if len(k) >= 3)


def _holds_metadata(text: str) -> bool:
    return sum(1 for k in _META_KEYS if k in text) >= 2


def _is_furniture(element: Any) -> bool:
    tag = element.tag
    if tag in ("td", "th", "tr"):
        table = next(element.iterancestors("table"), None)
        if table is None or _is_fact_table(table):
            return False  # a cell of a table of facts stays, or the columns would shift
    text = element.text_content()
    if _holds_metadata(text):
        return False
    if tag in ("header", "footer"):
        return not any(a.tag in ("article", "main") for a in element.iterancestors())
    words = _words(" ".join(filter(None, (element.get("class"), element.get("id")))))
    if any(w in FURNITURE_WORDS for w in words):
        return True
    if tag in ("div", "ul", "ol", "section", "dl", "span", "font", "table", "td", "th", "tr"):
        links = list(element.iter("a"))
        total = _text_len(text)
        linked = sum(_text_len(a.text_content()) for a in links)
        # Mostly links: a menu, a breadcrumb ("当前位置: 首页 > 政务公开"), a list of related pages.
        if len(links) >= 2 and total >= 2 and linked >= 0.6 * total:
            return True
    return False


def strip_furniture(body: Any) -> None:
    """Remove the page's furniture from `body` in place (see the module doc)."""
    article = _article(body)
    keep: set[Any] = {article, *article.iterancestors()}
    for heading in body.iter(*_HEAD_TAGS):
        keep.add(heading)
        keep.update(heading.iterancestors())
    _prune(body, keep)


def _prune(element: Any, keep: set[Any], facts: bool = False) -> None:
    """Drop the furniture under `element`; inside a table of facts (`facts`) only scripts and the like,
    as its cells are the table's, whatever their links."""
    for child in list(element):
        if not isinstance(child.tag, str):
            child.drop_tree()  # comments and processing instructions (their tail text stays)
        elif child not in keep and (child.tag in _DROP_TAGS or (not facts and _is_furniture(child))):
            child.drop_tree()
        else:
            _prune(child, keep, facts or (child.tag == "table" and _is_fact_table(child)))


def _collapse(text: str) -> str:
    return _WS.sub(" ", _CJK_BREAK.sub("", text))


def _span(cell: Any, name: str) -> int:
    value = (cell.get(name) or "1").strip()
    return max(1, min(int(value), 500)) if value.isdigit() else 1


def _table_rows(table: Any) -> list[Any]:
    return table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr")


def table_grid(table: Any) -> list[list[str]]:
    """A table's rows on its grid, merged cells expanded (see the module doc).

    >>> import lxml.html
    >>> t = lxml.html.fromstring("<table><tr><td>1</td><td rowspan=2>市科技局</td><td>甲</td></tr>"
    ...                          "<tr><td>2</td><td>乙</td></tr><tr><td colspan=3>二、保障</td></tr></table>")
    >>> table_grid(t)
    [['1', '市科技局', '甲'], ['2', '市科技局', '乙'], ['二、保障', '二、保障', '二、保障']]
    """
    rows = _table_rows(table)
    width = max((sum(_span(c, "colspan") for c in tr.xpath("./td|./th")) for tr in rows), default=0)
    pending: dict[int, tuple[str, int]] = {}  # column -> (text, rows still to cover)
    grid: list[list[str]] = []
    for tr in rows:
        row: list[str] = []
        cells = tr.xpath("./td|./th")
        for cell in cells:
            _fill_pending(row, pending)
            text = cell_text(cell)
            colspan, rowspan = _span(cell, "colspan"), _span(cell, "rowspan")
            if len(cells) == 1 and colspan > 1 and colspan >= width:
                row.extend([text] * colspan)  # one cell across the table: a line of its own
                continue
            for k in range(colspan):
                value = text if k == 0 else ""
                if rowspan > 1:
                    pending[len(row)] = (value, rowspan - 1)
                row.append(value)
        _fill_pending(row, pending)
        grid.append(row)
    return grid


def _fill_pending(row: list[str], pending: dict[int, tuple[str, int]]) -> None:
    """Put the cells merged down from rows above into `row`, at its end, while they reach it."""
    while len(row) in pending:
        text, left = pending[len(row)]
        if left <= 1:
            del pending[len(row)]
        else:
            pending[len(row)] = (text, left - 1)
        row.append(text)


def cell_text(cell: Any) -> str:
    """A cell's text on one line (block boundaries and breaks as spaces)."""
    parts: list[str] = []
    for block in _blocks(cell):
        if isinstance(block, Paragraph):
            parts.append(block.text)
        else:
            parts.extend(" ".join(row) for row in block.rows)
    return " ".join(p.strip() for p in parts if p.strip())


def _is_fact_table(table: Any) -> bool:
    """A table of facts: two columns or more, two rows or more (or one row of metadata fields), no table
    inside it. Other tables lay the page out."""
    if table.xpath(".//table"):
        return False
    rows = _table_rows(table)
    if len(rows) < 2 and not (rows and _holds_metadata(table.text_content())):
        return False
    return max((len(tr.xpath("./td|./th")) for tr in rows), default=0) >= 2


@dataclass
class _Lines:
    """Inline text gathered into lines until a block boundary."""

    blocks: list[Block] = field(default_factory=list)
    buffer: list[str] = field(default_factory=list)

    def add(self, text: str | None) -> None:
        if text:
            self.buffer.append(text)

    def flush(self) -> None:
        if self.buffer:
            line = "\n".join(_collapse(part) for part in "".join(self.buffer).split("\x00"))
            if line.strip():
                self.blocks.append(Paragraph(line))
            self.buffer = []


def _walk(element: Any, out: _Lines, pre: bool) -> None:
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "br":
            out.add("\x00")
        elif tag == "table" and _is_fact_table(child):
            out.flush()
            out.blocks.append(Table(table_grid(child)))
        elif tag in BLOCK_TAGS:
            out.flush()
            out.add(child.text if not pre else (child.text or "").replace("\n", "\x00"))
            _walk(child, out, pre or tag == "pre")
            out.flush()
        elif tag:
            out.add(child.text if not pre else (child.text or "").replace("\n", "\x00"))
            _walk(child, out, pre)
        out.add(child.tail if not pre else (child.tail or "").replace("\n", "\x00"))


def _blocks(element: Any) -> list[Block]:
    out = _Lines()
    out.add(element.text)
    _walk(element, out, element.tag == "pre")
    out.flush()
    return out.blocks


def page_blocks(text: str) -> Iterator[Block]:
    """The blocks of a page's article (see the module doc)."""
    import lxml.html
    from lxml import etree

    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    try:
        root = lxml.html.document_fromstring(text) if text.strip() else None
    except (etree.ParserError, ValueError):
        root = None
    if root is None:
        return
    body = root.find("body")
    if body is None:
        body = root
    strip_furniture(body)
    yield from _blocks(body)


def read(path: Path, raw: bytes, *, archive: bool = False) -> SourceText:
    """Read a web page (or a web archive when `archive`) into normalised text and its table cells."""
    try:
        import lxml.html  # noqa: F401 (checked here so that a missing lxml names its install command)
    except ImportError:
        raise MissingDependencyError("lxml", "reading web pages (.html)") from None
    page = archive_page(raw) if archive else raw
    if archive and not page:
        raise InputError(f"{path.name} is a web archive without an HTML page in it", where=str(path),
                         fix="open it in a browser and save the page as .html")
    decoded, encoding = decode_page(page)
    text, cells = render(list(page_blocks(decoded)))
    if not text.strip():
        raise InputError(f"{path.name} is a web page with no article text in it (only page furniture, or a page "
                         "whose text a script loads)", where=str(path),
                         fix="open the page in a browser, wait until it shows the plan, and save it again "
                             "('Save as… Web page, complete'), or print it to PDF")
    return SourceText(path=path, text=text, encoding=encoding, raw_bytes=raw, format="mht" if archive else "html",
                      cells=cells)

