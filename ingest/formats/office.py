"""Word 97-2003 (.doc), WPS (.wps) and RTF files: converted to .docx by LibreOffice, then read as
.docx (`plankg.ingest.formats.docx`).

LibreOffice runs headless, as ``soffice --headless --convert-to docx``, with a profile of its own in
a temporary folder (so that it runs beside an open LibreOffice, and several at once), on a copy of
the file under a plain name. Without LibreOffice the file is refused with the fix: install it, or
convert the file yourself. The document keeps the bytes of the original file (its id comes from
them), and records the format it was published in.
"""
from __future__ import annotations

import dataclasses
import shutil
import subprocess
import tempfile
from pathlib import Path

from plankg.errors import InputError
from plankg.ingest.read import SourceText

FORMAT_NAMES = {"doc": "Word 97-2003 (.doc)", "wps": "WPS (.wps)", "rtf": "RTF (.rtf)"}
TIMEOUT_SECONDS = 180
CONVERT_FIX = ("install LibreOffice (apt-get install libreoffice-writer-nogui; on Windows or macOS from "
               "libreoffice.org), or convert the file yourself: soffice --headless --convert-to docx FILE, or "
               "open it in WPS or Word and save it as .docx")


def soffice() -> str | None:
    """The LibreOffice program on PATH (soffice, or libreoffice), if any."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_docx(path: Path, raw: bytes, kind: str) -> bytes:
    """The bytes of `path` (holding `raw`, of format `kind`) converted to .docx by LibreOffice."""
    program = soffice()
    name = FORMAT_NAMES.get(kind, kind)
    if program is None:
        raise InputError(f"{path.name} is a {name} file, which plankg reads by converting it with LibreOffice, "
                         "and LibreOffice (soffice) is not installed", where=str(path), fix=CONVERT_FIX)
    with tempfile.TemporaryDirectory(prefix="plankg-soffice-") as tmp:
        folder = Path(tmp)
        source = folder / f"document.{kind}"
        source.write_bytes(raw)
        out = folder / "out"
        command = [program, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless", "--norestore",
                   "--convert-to", "docx", "--outdir", str(out), str(source)]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False)
        except subprocess.TimeoutExpired:
            raise InputError(f"LibreOffice did not convert {path.name} within {TIMEOUT_SECONDS} s", where=str(path),
                             fix="open it in WPS or Word and save it as .docx") from None
        except OSError as exc:
            raise InputError(f"LibreOffice ({program}) could not be run: {exc.strerror or exc}", where=str(path),
                             fix=CONVERT_FIX) from None
        converted = out / "document.docx"
        if not converted.is_file():
            said = (done.stderr or done.stdout or "").strip().splitlines()
            raise InputError(f"LibreOffice could not convert {path.name} ({name}) to .docx"
                             + (f": {said[-1][:160]}" if said else f" (exit status {done.returncode})"),
                             where=str(path),
                             fix="check that it opens (it may be damaged or password-protected); open it in WPS or "
                                 "Word and save it as .docx")
        return converted.read_bytes()


def read(path: Path, raw: bytes, kind: str) -> SourceText:
    """Read a .doc, .wps or .rtf file through LibreOffice's .docx conversion."""
    from plankg.ingest.formats import docx

    source = docx.read(path, convert_to_docx(path, raw, kind))
    return dataclasses.replace(source, raw_bytes=raw, format=kind)
