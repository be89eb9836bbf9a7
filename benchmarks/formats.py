"""Extraction throughput per format: the same plan as .txt, .docx, .html, .pdf (and .doc when LibreOffice
is installed), read and extracted.

    python benchmarks/formats.py                  # the formats fixture, its paragraphs and task rows x8
    python benchmarks/formats.py --copies 20 --repeat 5

The documents are written by the test makers (tests/test_formats/conftest.py: python-docx, fpdf2 with
a TrueType CJK font, a site-like page, LibreOffice for .doc) from tests/cases/formats/plan.txt, its
sections' paragraphs and its task rows repeated `--copies` times, so every format holds the same text. For each
format it prints the time to read the file into normalised text (`read_source`) and to read and
extract it (`extract_source`), as characters per second of that text, and for PDF as pages per
second as well. Times are the best of `--repeat` runs (other processes only ever slow a run down).
Needs the test extra (fpdf2) and the font fonts-wqy-microhei.
"""
from __future__ import annotations

import argparse
import importlib.util
import shutil
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from plankg.ingest.pipeline import extract_source  # noqa: E402
from plankg.ingest.read import read_source  # noqa: E402


def _makers():
    spec = importlib.util.spec_from_file_location("format_makers", ROOT / "tests" / "test_formats" / "conftest.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def scaled_plan(text: str, copies: int) -> str:
    """The fixture with the paragraphs of each section and the task rows repeated `copies` times (the
    section headings once, so that Word's list numbers and the text's stay the same)."""
    out: list[str] = []
    section: list[str] = []
    rows: list[str] = []

    def close() -> None:
        out.extend(section * copies)
        section.clear()

    for line in text.splitlines():
        if line.endswith(" |") and line[:1].isdigit():
            rows.append(line)
            continue
        if rows:
            out.extend(f"{k * len(rows) + int(r.split(' | ')[0])} | {r.split(' | ', 1)[1]}"
                       for k in range(copies) for r in rows)
            rows.clear()
        if line[:2] in ("一、", "二、", "三、", "四、", "五、") or line.endswith(" |"):
            close()
            out.append(line)
        elif out and out[-1][:2] in ("一、", "二、", "三、", "五、") or section:
            section.append(line)
        else:
            out.append(line)
    close()
    return "\n".join(out) + "\n"


def best(run, repeat: int) -> float:
    seconds = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        run()
        seconds = min(seconds, time.perf_counter() - t0)
    return seconds


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=8, help="times the plan's body and task rows are repeated")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)
    warnings.simplefilter("ignore")
    makers = _makers()
    text = scaled_plan((makers.CASES / "plan.txt").read_text(encoding="utf-8"), args.copies)
    blocks = makers.fixture_blocks(text)
    with tempfile.TemporaryDirectory(prefix="plankg-formats-") as tmp:
        folder = Path(tmp)
        files = {"txt": folder / "plan.txt"}
        files["txt"].write_text(text, encoding="utf-8")
        files["docx"] = makers.write_docx(blocks, folder / "plan.docx")
        files["html"] = makers.write_html(blocks, folder / "plan.html")
        files["html (gbk)"] = makers.write_html(blocks, folder / "plan-gbk.html", charset="gb2312")
        files["pdf"] = makers.write_pdf(blocks, folder / "plan.pdf")
        soffice = shutil.which("soffice")
        if soffice:
            import subprocess

            subprocess.run([soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                            "--convert-to", "doc", "--outdir", str(folder / "doc"), str(files["docx"])],
                           check=True, capture_output=True, timeout=300)
            files["doc (LibreOffice)"] = folder / "doc" / "plan.doc"
        from plankg.ingest.formats.pdf import page_count

        pages = page_count(files["pdf"].read_bytes())
        reference = read_source(files["txt"]).text
        extract_source(read_source(files["txt"]))  # warm-up: gazetteers, patterns, spaCy
        print(f"the plan x{args.copies}: {len(reference):,} characters, {len(text.splitlines())} lines; "
              f"the PDF has {pages} pages; best of {args.repeat}")
        print(f"{'format':<19}{'bytes':>9}{'read s':>8}{'chars/s':>11}{'pages/s':>9}{'+extract s':>12}"
              f"{'chars/s':>10}{'pages/s':>9}  same text")
        for name, path in files.items():
            source = read_source(path)
            read_s = best(lambda p=path: read_source(p), args.repeat)
            both_s = best(lambda p=path: extract_source(read_source(p)), args.repeat)
            per_page = [f"{pages / s:9.1f}" if name == "pdf" else f"{'':>9}" for s in (read_s, both_s)]
            print(f"{name:<19}{path.stat().st_size:>9,}{read_s:>8.3f}{len(source.text) / read_s:>11,.0f}"
                  f"{per_page[0]}{both_s:>12.3f}{len(source.text) / both_s:>10,.0f}{per_page[1]}"
                  f"  {source.text == reference}")
        if not soffice:
            print("doc: LibreOffice (soffice) is not installed; not measured")
    return 0


if __name__ == "__main__":
    sys.exit(main())
