"""Extraction scores on a folder of real documents with hand-written gold (tests/cases/real by default).

    python benchmarks/real_scores.py [--cases tests/cases/real] [--only r01,r02] [--per-doc] [--save OUT]

Extracts every `docs/STEM.txt` with the pipeline (`plankg extract`'s route), writes the predictions
to a folder and runs the project's shared scorer (`tools/score_extraction.py`, see docs/contract.md)
over `gold/`. `--per-doc` scores each document alone as well, for finding what fails where.

The scorer measures the recall of platforms and enterprises only; a line before its scores counts the names
predicted that neither the gold lists nor their optional lists hold (nor hold part of, nor are part of). The lists
are what a careful reader must find, not every name, so the count bounds the wrong names from above.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

from plankg.ingest.pipeline import extract_file

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT / "tools" / "score_extraction.py"


def score(gold: Path, pred: Path) -> str:
    run = subprocess.run([sys.executable, str(SCORER), str(gold), str(pred)], capture_output=True, text=True,
                         check=True)
    return run.stdout.strip().splitlines()[-1]


def _norm(name: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", name))


def unlisted(gold: Path, pred: Path, kind: str) -> tuple[int, int]:
    """(names of `kind` predicted outside the gold's lists, names predicted) over the documents in `gold`."""
    outside = total = 0
    for g in sorted(gold.glob("*.json")):
        doc = json.loads(g.read_text(encoding="utf-8"))
        listed = {_norm(alt) for entry in [*doc.get(kind, []), *(doc.get("optional") or {}).get(kind, [])]
                  for alt in (entry if isinstance(entry, str) else entry["name"]).split("|")}
        for item in json.loads((pred / g.name).read_text(encoding="utf-8"))[kind]:
            name = _norm(item["name"])
            total += 1
            outside += not any(name in alt or alt in name for alt in listed)
    return outside, total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=Path, default=ROOT / "tests" / "cases" / "real")
    ap.add_argument("--only", default="", help="comma-separated stem prefixes (r01,r02) or a range r01-r15")
    ap.add_argument("--per-doc", action="store_true")
    ap.add_argument("--save", type=Path, help="keep the predictions in this folder")
    args = ap.parse_args()
    golds = sorted((args.cases / "gold").glob("*.json"))
    if args.only:
        wanted = []
        for part in args.only.split(","):
            if "-" in part:
                a, b = part.split("-")
                wanted.extend(g for g in golds if a <= g.stem[:len(a)] <= b)
            else:
                wanted.extend(g for g in golds if g.stem.startswith(part))
        golds = sorted(set(wanted))
    with tempfile.TemporaryDirectory(prefix="plankg_real_") as tmp:
        work = Path(tmp)
        gold_dir, pred_dir = work / "gold", args.save or work / "pred"
        gold_dir.mkdir()
        pred_dir.mkdir(parents=True, exist_ok=True)
        for g in golds:
            doc = args.cases / "docs" / f"{g.stem}.txt"
            (gold_dir / g.name).write_text(g.read_text(encoding="utf-8"), encoding="utf-8")
            (pred_dir / g.name).write_text(extract_file(doc).model_dump_json(), encoding="utf-8")
        if args.per_doc:
            for g in golds:
                one_g, one_p = work / f"g_{g.stem}", work / f"p_{g.stem}"
                one_g.mkdir()
                one_p.mkdir()
                (one_g / g.name).write_text(g.read_text(encoding="utf-8"), encoding="utf-8")
                (one_p / g.name).write_text((pred_dir / g.name).read_text(encoding="utf-8"), encoding="utf-8")
                print(f"{g.stem:40s} {score(one_g, one_p)}")
        counts = {kind: unlisted(gold_dir, pred_dir, kind) for kind in ("platforms", "enterprises")}
        print("named outside the gold lists: " + ", ".join(f"{kind} {n:,} of {total:,}"
                                                           for kind, (n, total) in counts.items()))
        print(f"{len(golds)} documents: {score(gold_dir, pred_dir)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
