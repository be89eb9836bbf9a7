"""Read a source document into text, or fail with an error that names the file and the fix.

Accepted: UTF-8 (with or without BOM), UTF-16 with a BOM, and GB18030/GBK text that decodes
cleanly and reads as Chinese. Refused: empty, binary, undecodable or truncated files, and
files larger than `max_bytes`. Line endings are normalised to "\\n" so spans are stable.

>>> decode(b"\\xef\\xbb\\xbf\\xe4\\xb8\\x80\\xe3\\x80\\x81\\r\\n", "a.txt")
'一、\\n'
>>> decode("一、总体要求".encode("gb18030"), "b.txt")
'一、总体要求'
>>> decode(b"", "empty.txt")
Traceback (most recent call last):
...
plankg.errors.InputError: empty.txt is empty [empty.txt]. Fix: pass a plan document with text in it
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from plankg.errors import InputError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
TEXT_SUFFIXES = (".txt", ".text", ".md")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True)
class SourceText:
    """A decoded document: its path, the text spans refer to, and how it was decoded."""

    path: Path
    text: str
    encoding: str
    raw_bytes: bytes

    @property
    def name(self) -> str:
        return self.path.name


def _looks_chinese(text: str) -> bool:
    sample = text[:20000]
    letters = sum(1 for ch in sample if not ch.isspace())
    return letters > 0 and len(_CJK.findall(sample)) / letters >= 0.2


def decode(raw: bytes, name: str) -> str:
    """Decode the bytes of file `name`, raising InputError with a fix when it cannot be read."""
    if not raw.strip():
        raise InputError(f"{name} is empty", where=name, fix="pass a plan document with text in it")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{name} starts like UTF-16 but is cut or damaged at byte {exc.start}",
                             where=name, fix="re-export the file, preferably as UTF-8") from None
        return _normalise(text)
    try:
        return _normalise(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if b"\x00" in raw[:8192]:
        raise InputError(f"{name} is binary, not text (it contains NUL bytes)", where=name,
                         fix="convert it to plain text first (for PDF: pdftotext -layout FILE)")
    if utf8_error.reason == "unexpected end of data" and utf8_error.start >= len(raw) - 3:
        raise InputError(f"{name} is truncated: its last character is cut off at byte {utf8_error.start}",
                         where=name, fix="download or copy the whole file again")
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and _looks_chinese(text):
        return _normalise(text)
    raise InputError(f"{name} is neither UTF-8, UTF-16 nor GB18030 text (bad byte at offset {utf8_error.start})",
                     where=name, fix="save it as UTF-8 text (iconv -f ENCODING -t UTF-8 FILE)")


def _normalise(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise InputError("text contains NUL characters", fix="convert the file to plain text first")
    return reflow_pages(text)


_PAGE_NUMBER = re.compile(r"^[ \t\u3000]*(?:[—–\-－]{1,2}[ \t\u3000]*\d{1,3}[ \t\u3000]*[—–\-－]{1,2}"
                          r"|第[ \t\u3000]*\d{1,3}[ \t\u3000]*页(?:[ \t\u3000]*共[ \t\u3000]*\d{1,3}[ \t\u3000]*页)?)"
                          r"[ \t\u3000]*$")
# A line opening a new unit: a numbering marker, a label line, an appendix or a signature-like short line.
_UNIT_START = re.compile(r"^(?:[一二三四五六七八九十百]+[、．.]|[（(][一二三四五六七八九十百\d]+[）)]|\d{1,3}[、．.](?!\d)"
                         r"|[①-⑳]|第[一二三四五六七八九十百\d]+[章节条]|附\s*件|[一二三四五六七八九十]是)")
_SPACED = re.compile(r"^(?:\S[ \u3000]){3,}\S$")
_SENTENCE_END = ("。", "！", "？", "：", ":", "；", ";")
_TABLE_ROW = re.compile(r"[|\t]")  # rows of a table keep their lines, however wide


def _next_line(lines: list[str], i: int) -> int:
    j = i + 1
    while j < len(lines) and not lines[j].strip():
        j += 1
    return j


def reflow_pages(text: str) -> str:
    r"""Text converted from a paginated PDF, put back into its lines and paragraphs.

    Only a document with page numbers printed on lines of their own ("— 3 —", "- 3 -", "第3页") is
    touched: page-number lines go, a running header repeated after page breaks goes, letter-spaced
    headings ("一 、 总 体 目 标") lose their spaces, and a line filled to the page width is joined to
    the next unless the next opens a new numbered unit — sentences, names and responsibility
    clauses were broken there by the page width, not by the author. Spans refer to the result.

    >>> reflow_pages("甲\n— 1 —\n一、目标\n")
    '甲\n— 1 —\n一、目标\n'
    >>> page = "为加快建设概念验证中心，推动科技成果转化，制定\n本方案。\n"
    >>> reflow_pages("方案\n— 1 —\n" + page + "— 2 —\n页眉\n二 、 重 点 任 务\n" + page + "— 3 —\n页眉\n")
    '方案\n为加快建设概念验证中心，推动科技成果转化，制定本方案。\n二、重点任务\n为加快建设概念验证中心，推动科技成果转化，制定本方案。\n'
    """
    lines = text.split("\n")
    pages = [i for i, ln in enumerate(lines) if _PAGE_NUMBER.match(ln)]
    if len(pages) < 2:
        return text
    drop = set(pages)
    # A running header: the same line right after two or more page breaks.
    after: dict[str, list[int]] = {}
    for i in pages:
        j = _next_line(lines, i)
        if j < len(lines) and j not in drop:
            after.setdefault(lines[j].strip(), []).append(j)
    for header, at in after.items():
        if len(at) >= 2 and len(header) <= 60:
            # The plan printed from a new page under the notice: its title opens the page after the first
            # break, and the running header repeats it on the pages after. The title stays.
            drop.update(at[1:] if at[0] == _next_line(lines, pages[0]) else at)
    kept = [ln.strip(" \t\u3000") for i, ln in enumerate(lines) if i not in drop]
    kept = [ln.replace(" ", "").replace("\u3000", "") if _SPACED.match(ln) else ln for ln in kept]
    lengths = sorted(len(ln) for ln in kept if len(ln) >= 10)
    if not lengths:
        return "\n".join(kept)
    width = lengths[(len(lengths) * 3) // 4]
    out: list[str] = []
    for ln in kept:
        prev = out[-1] if out else ""
        if (prev and ln and len(prev) >= 0.9 * width and not prev.endswith(_SENTENCE_END)
                and not _UNIT_START.match(ln) and not _TABLE_ROW.search(prev + ln)):
            out[-1] = prev + ln
        else:
            out.append(ln)
    return "\n".join(out)


def read_source(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceText:
    """Read and decode one document file."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path} is not a file", where=str(path),
                         fix="pass the path of a .txt plan document or a folder holding some")
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(f"{path.name} is {size:,} bytes, over the {max_bytes:,}-byte limit", where=str(path),
                         fix="split the file, or raise the limit with --max-bytes")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path.name}: {exc.strerror}", where=str(path),
                         fix="check the file's permissions") from None
    try:
        text = decode(raw, path.name)
    except InputError as exc:
        raise InputError(exc.what, where=str(path), fix=exc.fix) from None
    encoding = "utf-16" if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else "utf-8"
    try:
        raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        encoding = "gb18030" if encoding == "utf-8" else encoding
    return SourceText(path=path, text=text, encoding=encoding, raw_bytes=raw)


def expand_paths(paths: list[str | Path]) -> list[Path]:
    """Files given directly, plus the text files inside given folders, sorted and unique.

    >>> expand_paths([])
    []
    """
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES))
        elif p.exists():
            out.append(p)
        else:
            raise InputError(f"{p} does not exist", where=str(p), fix="check the path")
    seen: set[Path] = set()
    return [p for p in out if not (p.resolve() in seen or seen.add(p.resolve()))]
