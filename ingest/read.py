"""Read a source document into text, or fail with an error that names the file and the fix.

Accepted: UTF-8 (with or without BOM), UTF-16 (with a BOM, or without one when the bytes say
which byte order), and GB18030/GBK or Big5 text; which legacy encoding it is comes from
charset-normalizer's guess, and a decoding is kept only if it reads as Chinese made of common
characters (mojibake is made of rare ones). Traditional text stays traditional. Refused with the
fix: empty, binary, undecodable or truncated files, HTML pages, text with (almost) no Chinese in
it, and files larger than `max_bytes`. Line endings are normalised to "\\n" so spans are stable.

`read_source` reads every other format plans are published in (.docx, .pdf, .html, .doc/.wps through
LibreOffice; which one from the file's first bytes, else its suffix) with `plankg.ingest.formats`,
into the same normalised text: tables one row per line with each cell closed by a bar, the layout of
a table flattened to text, and the place of each table cell kept in `SourceText.cells`.

>>> decode(b"\\xef\\xbb\\xbf\\xe4\\xb8\\x80\\xe3\\x80\\x81\\r\\n", "a.txt")
'一、\\n'
>>> decode("一、总体要求".encode("gb18030"), "b.txt")
'一、总体要求'
>>> decode("一、總體要求".encode("big5"), "c.txt")
'一、總體要求'
>>> decode(b"", "empty.txt")
Traceback (most recent call last):
...
plankg.errors.InputError: empty.txt is empty [empty.txt]. Fix: pass a plan document with text in it
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from plankg.errors import InputError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
TEXT_SUFFIXES = (".txt", ".text", ".md")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")
# Legacy encodings a Chinese plan comes in, by the names charset-normalizer and Python give them:
# each decodes with the first name of its family (GB18030 is a superset of GBK and GB2312, cp950
# of Big5 as Windows writes it).
_FAMILIES = {"gb18030": "gb18030", "gbk": "gb18030", "gb2312": "gb18030",
             "big5": "big5", "cp950": "cp950", "big5hkscs": "big5hkscs",
             "utf_16_le": "utf-16-le", "utf_16_be": "utf-16-be"}
# At least this share of a decoding's non-ASCII characters must be common ones (see `common_share`).
COMMON_SHARE = 0.9
_MARKUP = re.compile(r"<(?:!doctype\s+html|html|head|body|meta|title|div|span|p|table|tr|td|script|style|br|a)\b"
                     r"[^<>]*>", re.I)


@dataclass(frozen=True)
class CellSpan:
    """Where one cell of one of the document's real tables is in its normalised text: the table (0 for
    the first table of the document), the row and column of the cell in it (0-based, the header row
    included; a merged cell is printed, and so listed, in each row it covers), and the cell's span
    (empty for an empty cell)."""

    table: int
    row: int
    col: int
    start: int
    end: int


@dataclass(frozen=True)
class SourceText:
    """A decoded document: its path, the text spans refer to, and how it was decoded.

    `format` is the format it was read as (txt, docx, pdf, html, doc, wps, mht); `cells` the place of
    every cell of its real tables in `text` (none for a text file, whose tables were flattened before
    plankg saw them). Every reader renders a table one row per line (``1 | 建设平台 | 市科技局 |``), the
    layout of a table flattened to text, so `text` is what extraction reads whatever the format.
    """

    path: Path
    text: str
    encoding: str
    raw_bytes: bytes
    format: str = "txt"
    cells: tuple[CellSpan, ...] = ()

    @property
    def name(self) -> str:
        return self.path.name

    def cell_at(self, start: int, end: int) -> CellSpan | None:
        """The table cell holding the span start:end, if it lies inside one.

        >>> src = SourceText(Path("t.docx"), "1 | 市科技局 |\\n", "utf-8", b"", "docx",
        ...                  (CellSpan(0, 1, 0, 0, 1), CellSpan(0, 1, 1, 4, 8)))
        >>> src.cell_at(4, 8), src.cell_at(0, 8)
        (CellSpan(table=0, row=1, col=1, start=4, end=8), None)
        """
        for cell in self.cells:
            if cell.start <= start and end <= cell.end and cell.start < cell.end:
                return cell
        return None


def _looks_chinese(text: str) -> bool:
    sample = text[:20000]
    letters = sum(1 for ch in sample if not ch.isspace())
    return letters > 0 and len(_CJK.findall(sample)) / letters >= 0.2


def is_chinese(text: str) -> bool:
    """Whether `text` is Chinese: at least a fifth of its first 20,000 non-space characters are hanzi.

    >>> is_chinese("一、总体要求 (2024)"), is_chinese("Annual plan 2024")
    (True, False)
    """
    return _looks_chinese(text)


def _hanzi(encoding: str, leads: range, trails: list[int]) -> frozenset[str]:
    out = set()
    for lead in leads:
        for trail in trails:
            try:
                out.add(bytes((lead, trail)).decode(encoding))
            except UnicodeDecodeError:
                pass
    return frozenset(ch for ch in out if _HAN.match(ch))


@lru_cache(maxsize=1)
def common_han() -> frozenset[str]:
    """The common Chinese characters: GB2312's 6,763 simplified hanzi (rows B0-F7) and Big5's 5,401
    frequently used traditional ones (A440-C67E), read out of Python's own codecs.

    >>> {"规", "劃", "一"} <= common_han(), "鍅" in common_han()
    (True, False)
    """
    return _common_simplified() | _common_traditional()


@lru_cache(maxsize=1)
def _common_simplified() -> frozenset[str]:
    return _hanzi("gb2312", range(0xB0, 0xF8), list(range(0xA1, 0xFF)))


@lru_cache(maxsize=1)
def _common_traditional() -> frozenset[str]:
    return _hanzi("big5", range(0xA4, 0xC7), list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)))


def is_traditional(text: str) -> bool:
    """Whether `text` is written in traditional characters: at least 5% of its hanzi (in its first
    100,000 characters) are common traditional ones that simplified Chinese does not use.

    >>> is_traditional("一、總體要求：推動科技成果轉化"), is_traditional("一、总体要求：推动科技成果转化")
    (True, False)
    """
    han = _HAN.findall(text[:100_000])
    only = _common_traditional() - _common_simplified()
    return bool(han) and sum(ch in only for ch in han) / len(han) >= 0.05


# Punctuation and symbols Chinese documents print: general punctuation (“”…—), letterlike and number
# forms (℃ Ⅳ), arrows, operators (≥), enclosed numbers (①), box drawing and shapes (table rules, ■ ★),
# CJK punctuation (、。《》), enclosed CJK (㈠), vertical and fullwidth forms (，（）：).
_COMMON_SYMBOLS = re.compile(r"[·×÷°±§\u2000-\u22ff\u2460-\u26ff\u3000-\u303f\u3200-\u32ff\ufe30-\ufe4f"
                             r"\uff01-\uffef]")


def common_share(text: str) -> float:
    """The share of the non-ASCII characters of `text` (its first 100,000) that are common in Chinese
    documents: common hanzi (`common_han`) and Chinese punctuation and symbols; 1.0 without any.

    Chinese plans, simplified or traditional, score close to 1. Text decoded with the wrong legacy
    encoding (Big5 read as GB18030, Shift-JIS or EUC-KR read as either) is largely rare hanzi, kana,
    Greek, Cyrillic and private-use characters.

    >>> common_share("一、总体要求（2024年）"), common_share("一、總體要求")
    (1.0, 1.0)
    >>> common_share("一、總體要求：推動科技成果轉化".encode("big5").decode("gb18030")) < COMMON_SHARE
    True
    """
    sample = [ch for ch in text[:100_000] if ch > "\x7f" and not ch.isspace()]
    common = common_han()
    return sum(ch in common or bool(_COMMON_SYMBOLS.match(ch)) for ch in sample) / len(sample) if sample else 1.0


def _readable(text: str) -> bool:
    """A decoding to keep: Chinese, made of common characters, with no NULs."""
    return "\x00" not in text and _looks_chinese(text) and common_share(text) >= COMMON_SHARE


def _candidates(raw: bytes) -> list[str]:
    """Codecs to try on bytes that are not UTF-8, in order of preference: GB18030 first (plans come
    from the mainland, and a short text can read as common characters in both GB18030 and Big5),
    then charset-normalizer's guesses, then Big5 as Python and Windows write it; UTF-16 instead
    when NUL bytes say the text is 16-bit."""
    from charset_normalizer import from_bytes

    guessed = [m.encoding for m in from_bytes(raw[:1_000_000])]
    wide = b"\x00" in raw[:8192]
    fallback = ["utf_16_le", "utf_16_be"] if wide else ["gb18030", "big5", "cp950", "big5hkscs"]
    out: list[str] = []
    for name in fallback[:1] + guessed + fallback[1:]:
        codec = _FAMILIES.get(name)
        if codec and codec not in out:
            out.append(codec)
    return out


_MARKUP_REFUSAL = "is an HTML or XML page, not plain text"


def _refuse_markup(text: str, name: str) -> None:
    head = text.lstrip()[:20000]
    if head[:9].lower() == "<!doctype" or head[:5].lower() in ("<html", "<?xml") or len(_MARKUP.findall(head)) >= 5:
        raise InputError(f"{name} {_MARKUP_REFUSAL}", where=name,
                         fix="name it .html (plankg reads web pages saved as .html or .htm), or save the page "
                             "as plain text (a browser's 'Save as… Text')")


def _refuse_other_formats(text: str, name: str, encoding: str) -> None:
    _refuse_markup(text, name)
    if not _looks_chinese(text):
        raise InputError(f"{name} has (almost) no Chinese text in it (read as {encoding}), so it holds no plan "
                         "plankg can read", where=name,
                         fix="pass the text of a Chinese plan document; plain-text copies of other formats "
                             "(pdftotext -layout FILE for a PDF)")


def decode_source(raw: bytes, name: str) -> tuple[str, str]:
    """Decode the bytes of file `name` into (text, encoding), raising InputError with a fix when it
    cannot be read as the text of a Chinese document.

    >>> decode_source("一、总体要求".encode("utf-16-le"), "no-bom.txt")
    ('一、总体要求', 'utf-16-le')
    """
    if not raw.strip():
        raise InputError(f"{name} is empty", where=name, fix="pass a plan document with text in it")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{name} starts like UTF-16 but is cut or damaged at byte {exc.start}",
                             where=name, fix="re-export the file, preferably as UTF-8") from None
        _refuse_other_formats(text, name, "UTF-16")
        return normalise(text), "utf-16"
    utf8_error: UnicodeDecodeError | None = None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    else:
        if "\x00" not in text:  # UTF-16 text of ASCII characters is valid UTF-8 with NULs in it
            _refuse_other_formats(text, name, "UTF-8")
            return normalise(text), "utf-8"
    wide = b"\x00" in raw[:8192]
    if (not wide and utf8_error is not None and utf8_error.reason == "unexpected end of data"
            and utf8_error.start >= len(raw) - 3):
        raise InputError(f"{name} is truncated: its last character is cut off at byte {utf8_error.start}",
                         where=name, fix="download or copy the whole file again")
    decoded: list[tuple[float, int, str, str]] = []
    for rank, codec in enumerate(_candidates(raw)):
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        decoded.append((common_share(text) if "\x00" not in text else 0.0, -rank, codec, text))
    # The decoding with the most common characters wins; on a tie, the more preferred codec.
    decoded.sort(reverse=True)
    for share, _, codec, text in decoded:
        if share >= COMMON_SHARE:
            _refuse_markup(text, name)
        if _readable(text):
            _refuse_other_formats(text, name, codec)
            return normalise(text), codec
    if wide:
        raise InputError(f"{name} is binary, not text (it contains NUL bytes and reads as no UTF-16 Chinese text)",
                         where=name, fix="convert it to plain text first (for PDF: pdftotext -layout FILE)")
    if decoded:
        share, _, codec, text = decoded[0]
        if share < COMMON_SHARE and _looks_chinese(text):
            raise InputError(f"{name} is not UTF-8, and read as {codec} it is mojibake: only {share:.0%} of its "
                             "characters are common in Chinese text", where=name,
                             fix="save it as UTF-8 text (iconv -f ENCODING -t UTF-8 FILE, ENCODING being "
                                 "the one it was written in)")
    at = f" (bad byte at offset {utf8_error.start})" if utf8_error is not None else ""
    raise InputError(f"{name} is neither UTF-8, UTF-16 nor GB18030/Big5 Chinese text{at}",
                     where=name, fix="save it as UTF-8 text (iconv -f ENCODING -t UTF-8 FILE)")


def decode(raw: bytes, name: str) -> str:
    """Decode the bytes of file `name`, raising InputError with a fix when it cannot be read."""
    return decode_source(raw, name)[0]


def normalise(text: str) -> str:
    """Decoded text as the pipeline reads it: "\\n" line ends, lost spaces back, a paginated PDF's
    pages reflowed, a sharing site's chunks rejoined (spans refer to the result).

    >>> normalise("一、目标\\r\\n二、任务")
    '一、目标\\n二、任务'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise InputError("text contains NUL characters", fix="convert the file to plain text first")
    return rejoin_brackets(rejoin_chunks(reflow_wrapped(reflow_pages(lost_spaces(strip_watermarks(text))))))


_SITE = re.compile(r"(?:https?://)?www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")


def strip_watermarks(text: str) -> str:
    """A sharing site's watermark taken out wherever it is printed: its address, with the slogan before it that
    every copy shares, when it stands in the text twice or more ("秘书之家—全网资源每日更新www.mishuzj.com",
    even inside a key: "【牵秘书之家…www.mishuzj.com头单位:…"). An address printed once is the page's own.

    >>> mark = "秘书之家—全网资源每日更新www.mishuzj.com"
    >>> strip_watermarks(mark + "区行动计划。推进建设。【牵" + mark + "头单位:区农业农村局】")
    '区行动计划。推进建设。【牵头单位:区农业农村局】'
    >>> strip_watermarks("来源:www.gov.cn 推进建设。见中国政府网(www.gov.cn)。")
    '来源:www.gov.cn 推进建设。见中国政府网(www.gov.cn)。'
    """
    if "www." not in text:
        return text
    found: dict[str, list[int]] = {}
    for m in _SITE.finditer(text):
        found.setdefault(m.group(0), []).append(m.start())
    for site, starts in found.items():
        if len(starts) < 2:
            continue
        k = 0  # the slogan before the address: the characters every copy shares, up to 30
        while k < 30 and all(p - k - 1 >= 0 for p in starts) and len({text[p - k - 1] for p in starts}) == 1 \
                and text[starts[0] - k - 1] not in "\n。;；":
            k += 1
        mark = text[starts[0] - k:starts[0]] + site
        glued = any(_CJK.match(text[p - k - 1:p - k]) and _CJK.match(text[p + len(site):p + len(site) + 1])
                    for p in starts)
        if glued:  # printed inside the text's own words at least once: a watermark, not an address the text cites
            text = text.replace(mark, "")
    return text


_CHUNK = re.compile(r"^(\d{1,3})、")


_OPEN_TAIL = re.compile(r"[(（][^()（）\n]*[\u4e00-\u9fff]$")
_CLOSE_HEAD = re.compile(r"^[ \t\u3000]*[\u4e00-\u9fff][^()（）\n]{0,40}[)）]")


def rejoin_brackets(text: str) -> str:
    r"""Text whose bracket a line break cut inside a word, put back on one line: a line that ends inside a
    bracket it opened, in the middle of a word, and the next non-blank line (an indented one, after two
    blank lines at most) that closes it within forty characters ("(教育部、国家卫生健康委按\n\n    职责分工负责)").

    >>> rejoin_brackets("加强宣传。(科技部、中国科协按\n\n      职责分工负责)\n二、任务")
    '加强宣传。(科技部、中国科协按职责分工负责)\n二、任务'
    >>> rejoin_brackets("(一)加强宣传\n(二)推进建设")
    '(一)加强宣传\n(二)推进建设'
    """
    if "(" not in text and "（" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    k = 0
    while k < len(lines):
        line = lines[k]
        nxt = k + 1
        while nxt < len(lines) and nxt - k <= 3 and not lines[nxt].strip():
            nxt += 1
        if nxt < len(lines) and nxt - k <= 3 and _OPEN_TAIL.search(line) and _CLOSE_HEAD.match(lines[nxt]):
            lines[nxt] = line + lines[nxt].lstrip(" \t\u3000")
            k = nxt
            continue
        out.append(line)
        k += 1
    return "\n".join(out)


def rejoin_chunks(text: str) -> str:
    r"""A document-sharing site's page, its text cut into chunks of one length, each on a line of its
    own opened by the chunk's number ("1、…", "2、…"), put back together: the chunks cut sentences,
    names and unit lists anywhere ("…(责任单位:市通" / "2、信发展办…"). Only a run of lines numbered
    1, 2, 3… whose lines but the last are equally long (100 characters or more) is taken for chunks;
    numbered items are not that regular. Of two lines, the first must stop where no sentence ends: two items,
    the first long and ending its sentence, are no chunks. Spans refer to the result.

    >>> page = "1、" + "甲" * 120 + "(责任单位:市通\n2、信发展办)" + "乙" * 123 + "\n3、丙。\n"
    >>> rejoin_chunks(page) == "甲" * 120 + "(责任单位:市通信发展办)" + "乙" * 123 + "丙。\n"
    True
    >>> rejoin_chunks("1、加快建设。\n2、推进改革。\n")
    '1、加快建设。\n2、推进改革。\n'
    """
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if not line.startswith("1、"):
            continue
        run = [i]
        while run[-1] + 1 < len(lines) and (m := _CHUNK.match(lines[run[-1] + 1])) and int(m.group(1)) == len(run) + 1:
            run.append(run[-1] + 1)
        sizes = {len(lines[k]) for k in run[:-1]}
        # two lines only: the first must be cut where no sentence ends (an item ends its sentence)
        cut = len(run) >= 3 or not lines[run[0]].rstrip().endswith(_CLAUSE_END)
        if len(run) >= 2 and cut and len(sizes) == 1 and sizes.pop() >= 100:
            joined = "".join(lines[k][len(_CHUNK.match(lines[k]).group(0)):] for k in run)  # type: ignore[union-attr]
            return "\n".join(lines[:i] + [joined] + lines[run[-1] + 1:])
    return text


# "区直各单位:?" / "1? | 未来科技城? |": a page whose non-breaking spaces were re-encoded as "?" by a scraper.
_LOST_SPACE = re.compile(r"(?<=[\u3400-\u9fff，。、；：:,;）)\d|])\?(?=[ \t|\n]|$)", re.M)


def lost_spaces(text: str) -> str:
    """Spaces a re-encoded page turned into "?", back to spaces (same length, so spans keep their offsets).

    Only where it happens again and again: a Chinese plan asks its questions with "？", so three or more
    ASCII "?" after Chinese text and before white space or a bar are lost spaces, not questions.

    >>> lost_spaces("各单位:?\\n一、目标?\\n1? | 建设平台? |")
    '各单位: \\n一、目标 \\n1  | 建设平台  |'
    >>> lost_spaces("是否完成?")
    '是否完成?'
    """
    found = _LOST_SPACE.findall(text)
    return _LOST_SPACE.sub(" ", text) if len(found) >= 3 else text


_PAGE_NUMBER = re.compile(r"^[ \t\u3000]*(?:[—–\-－]{1,2}[ \t\u3000]*\d{1,3}[ \t\u3000]*[—–\-－]{1,2}"
                          r"|第[ \t\u3000]*\d{1,3}[ \t\u3000]*页(?:[ \t\u3000]*共[ \t\u3000]*\d{1,3}[ \t\u3000]*页)?)"
                          r"[ \t\u3000]*$")
# A line opening a new unit: a numbering marker, a label line, an appendix or a signature-like short line.
_UNIT_START = re.compile(r"^(?:[一二三四五六七八九十百]+[、．.]|[（(][一二三四五六七八九十百\d]+[）)]"
                         r"|\d{1,3}[、．.](?!\d)"
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


_WIDE = re.compile("[\u2e80-\u9fff\uff01-\uff60\u3000]")


def _display_width(line: str) -> int:
    return 2 * len(line) - len(_WIDE.sub("", line))  # wide characters count twice


# A line that ends a sentence or closes a bracket ends its clause: the next line is not its continuation.
_CLAUSE_END = (*_SENTENCE_END, "）", ")", "”", "」")
# A space between two characters: a row of cells laid out with spaces ("吴蓓蓓 县卫健委"), not wrapped prose.
_CELL_GAP = re.compile(r"[\u4e00-\u9fff][ \t\u3000]+[\u4e00-\u9fff]")


def reflow_wrapped(text: str) -> str:
    r"""Text whose lines a PDF's page width broke (no page numbers printed), put back into its paragraphs.

    A document is taken for wrapped when many of its lines fill one width (within a sixth of the widest
    lines', measured in display columns: a Chinese character is two) without ending a sentence: then a
    line filled to that width is joined to the next, unless the next opens a new numbered unit or either is
    a table row (bars, tabs, or cells set apart by spaces). Lines of a document written line by line vary in
    width, and end their sentences.

    >>> wrapped = ("(一)聚焦项目攻坚,园区综合实力明显增强。大力推广项目直通车等工作\n"
    ...            "模式,推动臻秦、鑫鸣灏、亿鸿展盛、杭起华盛等19个项目开工建设,安吉\n"
    ...            "纳、锦鑫泰、优利克等5个项目建成并试生产,培育浩忠电力、志远印务、领\n"
    ...            "旗食品3户规上企业,园区90户规上企业实现工业总产值53.93亿元、增长\n"
    ...            "17.99%。\n(二)聚焦基础建设,加快五里梁棚户区改造、X州产城新区安置房等30\n"
    ...            "万平方米安置房建设。\n")
    >>> for line in reflow_wrapped(wrapped).splitlines(): print(line[:30], len(line))
    (一)聚焦项目攻坚,园区综合实力明显增强。大力推广项目直通车 144
    (二)聚焦基础建设,加快五里梁棚户区改造、X州产城新区安置房 43
    >>> reflow_wrapped("一、目标\n到2025年,建成平台。\n二、任务\n推进建设\n")
    '一、目标\n到2025年,建成平台。\n二、任务\n推进建设\n'
    """
    lines = text.split("\n")
    if sum(1 for ln in lines if len(ln) >= 20) < 4:
        return text  # too few long lines to be wrapped (40 columns are 20 characters at least)
    # only a line of 20 characters or more can reach 40 columns: the others' widths are never compared
    widths = [_display_width(ln.strip(" \t\u3000")) if len(ln) >= 20 else len(ln) for ln in lines]
    long = sorted(w for w in widths if w >= 40)
    if len(long) < 4:
        return text
    top = long[(len(long) * 9) // 10]
    full = [i for i, ln in enumerate(lines) if top * 5 / 6 <= widths[i] <= top + 4
            and not ln.rstrip().endswith(_CLAUSE_END) and not _TABLE_ROW.search(ln) and not _CELL_GAP.search(ln)]
    if len(full) < 4 or len(full) * 3 < len(long):
        return text
    joined = set(full)
    out: list[str] = []
    for i, ln in enumerate(lines):
        stripped = ln.strip(" \t\u3000")
        if out and i - 1 in joined and stripped and not _UNIT_START.match(stripped) and not _TABLE_ROW.search(ln) \
                and not _CELL_GAP.search(stripped):
            out[-1] = out[-1].rstrip(" \t\u3000") + stripped
        else:
            out.append(ln)
    return "\n".join(out)


def read_source(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceText:
    """Read and decode one document file."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path} is not a file", where=str(path),
                         fix="pass the path of a plan document (.txt, .docx, .doc, .wps, .pdf, .html) or a folder "
                             "holding some")
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(f"{path.name} is {size:,} bytes, over the {max_bytes:,}-byte limit", where=str(path),
                         fix="split the file, or raise the limit with --max-bytes")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path.name}: {exc.strerror}", where=str(path),
                         fix="check the file's permissions") from None
    from plankg.ingest.formats import detect_format, read_format

    kind = detect_format(path.name, raw)
    if kind != "txt":
        return read_format(kind, path, raw)
    try:
        text, encoding = decode_source(raw, path.name)
    except InputError as exc:
        if exc.what.endswith(_MARKUP_REFUSAL):
            # A text file holding a web page's markup (a page saved as .txt, an excerpt copied with its
            # tags): read as the web page it is.
            return read_format("html", path, raw)
        raise InputError(exc.what, where=str(path), fix=exc.fix) from None
    return SourceText(path=path, text=text, encoding=encoding, raw_bytes=raw)


def expand_paths(paths: list[str | Path]) -> list[Path]:
    """Files given directly, plus the documents inside given folders (text files and the formats
    `plankg.ingest.formats` reads), sorted and unique.

    >>> expand_paths([])
    []
    """
    return find_documents(paths)[0]


def find_documents(paths: list[str | Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """The documents to read among `paths` (files given directly, and the documents inside given
    folders, sorted and unique), and the other files in those folders with the reason each is left
    out (`plankg.ingest.formats.not_a_document`). Hidden files and folders (".git", ".DS_Store") are
    passed over without a word.

    >>> find_documents([])
    ([], [])
    """
    from plankg.ingest.formats import not_a_document

    out: list[Path] = []
    ignored: list[tuple[Path, str]] = []
    for p in map(Path, paths):
        if p.is_dir():
            visible = (f for f in p.rglob("*") if not any(part.startswith(".") for part in f.relative_to(p).parts))
            for f in sorted(f for f in visible if f.is_file()):
                reason = not_a_document(f)
                if reason is None:
                    out.append(f)
                else:
                    ignored.append((f, reason))
        elif p.exists():
            out.append(p)
        else:
            raise InputError(f"{p} does not exist", where=str(p), fix="check the path")
    first: dict[Path, Path] = {}  # each file once, in the order first given
    for p in out:
        first.setdefault(p.resolve(), p)
    return list(first.values()), ignored
