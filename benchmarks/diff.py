"""How long `plankg diff` takes to align the tasks of two editions, beside the plain all-pairs way.

Run: python benchmarks/diff.py [--sizes 100 400 1600]

Edition A is N task sentences taken from real plans (the demo corpus and tests/cases/real, extracted
through the pipeline once, repeated with a numbered suffix when N exceeds them); edition B revises it
as a later edition would: a tenth dropped, a tenth reworded (a few characters changed), a tenth added
from other sentences. The baseline, timed in the same run, computes `SequenceMatcher.ratio` for every
pair of tasks, as a diff without the equal-first pass and the cheap upper bounds would; the ratio
column is the aligner's time over the baseline's (lower is better).
"""
from __future__ import annotations

import argparse
import random
import time
from difflib import SequenceMatcher
from pathlib import Path

from plankg.graph.diff import DEFAULT_THRESHOLD, align, wording

ROOT = Path(__file__).resolve().parents[1]


def sentences() -> list[str]:
    from plankg.workflow import ingest_documents

    paths = [ROOT / "data" / "demo", ROOT / "tests" / "cases" / "real" / "docs"]
    out = []
    for result in ingest_documents(paths):
        if result.extraction is not None:
            out += [wording(t.text) for t in result.extraction.tasks if len(t.text) >= 12]
    return sorted(set(out))


def editions(pool: list[str], n: int, rng: random.Random) -> tuple[list[str], list[str]]:
    a = [pool[i % len(pool)] + (f"第{i // len(pool)}批" if i >= len(pool) else "") for i in range(n)]
    b = []
    for text in a:
        roll = rng.random()
        if roll < 0.1:
            continue  # dropped
        if roll < 0.2:
            cut = rng.randrange(len(text) - 4)
            text = text[:cut] + "进一步" + text[cut + 3:]  # reworded
        b.append(text)
        if rng.random() < 0.1:
            b.append(rng.choice(pool)[::-1])  # added: a sentence of no edition, read backwards
    return a, b


def all_pairs(a: list[str], b: list[str], threshold: float) -> int:
    """How many pairs reach the threshold, every ratio computed."""
    return sum(SequenceMatcher(None, x, y, autojunk=False).ratio() >= threshold for x in a for y in b)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 400, 1600])
    parser.add_argument("--baseline-limit", type=int, default=400,
                        help="Largest size the all-pairs baseline runs at (it grows with the square).")
    args = parser.parse_args()
    pool = sentences()
    print(f"{len(pool)} distinct task sentences from real plans")
    print(f"{'tasks':>6} {'align s':>9} {'all pairs s':>12} {'ratio':>7} {'pairs':>6}")
    for n in args.sizes:
        a, b = editions(pool, n, random.Random(n))
        start = time.perf_counter()
        pairs = align(a, b, DEFAULT_THRESHOLD)
        took = time.perf_counter() - start
        if n <= args.baseline_limit:
            start = time.perf_counter()
            all_pairs(a, b, DEFAULT_THRESHOLD)
            base = time.perf_counter() - start
            print(f"{n:>6} {took:>9.3f} {base:>12.3f} {took / base:>7.3f} {len(pairs):>6}")
        else:
            print(f"{n:>6} {took:>9.3f} {'-':>12} {'-':>7} {len(pairs):>6}")


if __name__ == "__main__":
    main()
