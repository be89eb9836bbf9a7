"""The formats plans are published in, each read into the same normalised text (`blocks.render`).

A file's format comes from its first bytes when they say it (a PDF, a zip holding a Word document
or an OFD, an OLE compound file of Word or WPS, an RTF, a web archive), and from its suffix
otherwise; a saved web page or a Word document whose suffix lies is read as what it is.

=============  ==========================================================================
txt            `plankg.ingest.read.decode_source` (every encoding a text file comes in)
docx           `docx` (python-docx): paragraphs with their list numbers, tables
html           `html` (lxml): the article without page furniture, tables, metadata tables
mht            `html`: the page inside a web archive (Word's "single file web page" .doc too)
pdf            `pdf` (pdfplumber): lines in reading order, ruled tables, no page furniture
doc, wps, rtf  `office`: converted to .docx by LibreOffice (`soffice`), then read as docx
ofd            refused with the fix (no maintained reader on PyPI yet)
=============  ==========================================================================

OFD readers on PyPI, as of December 2026: easyofd (built for e-invoices, pulls in PyMuPDF and
reportlab) and ofdkit (0.2, marked alpha, its API "may still change"); ofdparser was last released
in 2023. None is one to depend on yet, so an .ofd is refused with the fix: export it as PDF.

>>> detect_format("plan.doc", b"PK\\x03\\x04" + bytes(30)), detect_format("plan.pdf", b"%PDF-1.7\\n")
('docx', 'pdf')
>>> detect_format("page.doc", "<html><body><p>一、总体要求</p></body></html>".encode())
'html'
>>> detect_format("notes.txt", "一、总体要求".encode()), detect_format("plan.wps", bytes.fromhex("d0cf11e0a1b11ae1"))
('txt', 'wps')
"""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from plankg.errors import InputError
from plankg.ingest.read import TEXT_SUFFIXES, SourceText

# Suffixes of the files a folder is searched for, by the format each names.
SUFFIX_FORMATS = {**dict.fromkeys(TEXT_SUFFIXES, "txt"),
                  ".docx": "docx", ".docm": "docx", ".doc": "doc", ".wps": "wps", ".rtf": "rtf",
                  ".pdf": "pdf", ".html": "html", ".htm": "html", ".shtml": "html", ".xhtml": "html",
                  ".mht": "mht", ".mhtml": "mht", ".ofd": "ofd"}
READ_SUFFIXES = tuple(SUFFIX_FORMATS)
_OLE = bytes.fromhex("d0cf11e0a1b11ae1")
_MARKUP = re.compile(rb"<(?:!doctype\s+html|html|head|body|meta|div|p|table)\b", re.I)


def format_of(name: str) -> str:
    """The format a file name's suffix names ("other" for none plankg reads).

    >>> format_of("规划.PDF"), format_of("notes.xlsx")
    ('pdf', 'other')
    """
    return SUFFIX_FORMATS.get(Path(name).suffix.lower(), "other")


def not_a_document(path: Path) -> str | None:
    """Why a file found in a folder is not read (None for a document plankg reads).

    >>> not_a_document(Path("plan.docx")) is None, not_a_document(Path("~$plan.docx"))
    (True, 'a lock file Word or WPS keeps while the document is open')
    >>> not_a_document(Path("table.xlsx"))
    '.xlsx is not a format plankg reads'
    """
    name = path.name
    if name.startswith("~$"):
        return "a lock file Word or WPS keeps while the document is open"
    if format_of(name) == "other":
        return f"{path.suffix.lower() or 'a file without a suffix'} is not a format plankg reads"
    return None


def _zip_format(raw: bytes) -> str | None:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(raw)).namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    if "word/document.xml" in names:
        return "docx"
    if "OFD.xml" in names:
        return "ofd"
    return "zip"


def detect_format(name: str, raw: bytes) -> str:
    """The format of file `name` holding `raw`: from its magic bytes, else from its suffix; a web page
    saved under another suffix (a .doc that is HTML, as some sites publish) is "html"."""
    by_suffix = format_of(name)
    head = raw[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if raw.startswith(b"PK\x03\x04"):
        # A damaged archive goes to the docx reader, which names the damage (an .ofd is refused anyway).
        return _zip_format(raw) or ("ofd" if by_suffix == "ofd" else "docx")
    if raw.startswith(_OLE):
        return by_suffix if by_suffix in ("doc", "wps") else "doc"
    stripped = raw.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{\\rtf"):
        return "rtf"
    if stripped[:200].lower().startswith(b"mime-version:") or by_suffix == "mht":
        return "mht"
    if by_suffix in ("docx", "doc", "wps", "pdf", "rtf", "ofd") and _MARKUP.search(head):
        return "html"
    # A text file holding markup stays "txt": read_source refuses it, saying to name it .html.
    return by_suffix if by_suffix != "other" else "txt"


def read_format(kind: str, path: Path, raw: bytes) -> SourceText:
    """Read file `path` (bytes `raw`) as format `kind` (from `detect_format`) into normalised text."""
    if kind == "docx":
        from plankg.ingest.formats import docx

        source = docx.read(path, raw)
    elif kind in ("html", "mht"):
        from plankg.ingest.formats import html

        source = html.read(path, raw, archive=kind == "mht")
    elif kind == "pdf":
        from plankg.ingest.formats import pdf

        source = pdf.read(path, raw)
    elif kind in ("doc", "wps", "rtf"):
        from plankg.ingest.formats import office

        source = office.read(path, raw, kind)
    elif kind == "ofd":
        raise InputError(f"{path.name} is an OFD document, which plankg cannot read yet (no maintained OFD reader "
                         "on PyPI)", where=str(path),
                         fix="export it as PDF from an OFD reader (数科OFD阅读器, 福昕OFD版式办公套件) and pass "
                             "the PDF")
    elif kind == "zip":
        raise InputError(f"{path.name} is a zip archive but not a Word document", where=str(path),
                         fix="unpack it and pass the documents inside (a .xlsx or .pptx is no plan document plankg "
                             "reads)")
    else:
        raise InputError(f"{path.name}: no reader for format {kind!r}", where=str(path),
                         fix="pass a .txt, .docx, .doc, .wps, .pdf or .html file")
    return _checked(source, kind)


def _checked(source: SourceText, kind: str) -> SourceText:
    """A read document whose text holds a Chinese plan, or an error naming the file and the fix."""
    from plankg.ingest.read import is_chinese

    where = str(source.path)
    if not source.text.strip():
        raise InputError(f"{source.name} has no text in it (read as {kind})", where=where,
                         fix="check that the file opens and shows the plan; pass a copy that has its text")
    if not is_chinese(source.text):
        raise InputError(f"{source.name} has (almost) no Chinese text in it (read as {kind}), so it holds no plan "
                         "plankg can read", where=where, fix="pass a Chinese plan document")
    return source
