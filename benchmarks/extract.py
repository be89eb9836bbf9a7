"""Extraction throughput of the whole ingest pipeline beside spaCy's bare Chinese char tokenizer.

    python benchmarks/extract.py              # the demo corpus, best of 10 runs
    python benchmarks/extract.py --repeat 10 --corpus data/demo

Prints, on the same decoded texts in the same run:
  * pipeline: `extract_text` (structure, then one spaCy Doc per passage through the component
    chain: gazetteer, responsibility clauses, coordinated lists, platforms/enterprises/projects,
    targets; then the document-level steps and model validation) in characters per second;
  * the pure extractor functions (targets, entities, projects, references) alone, for comparison;
  * baseline: `spacy.blank("zh")` with its default character segmenter, tokenising only;
  * the ratio pipeline / baseline (goal: >= 0.5x). History: about 0.3x while the responsibility
    stage rebuilt `doc.text` per access; 0.61-0.64x with only that stage in spaCy; 0.55-0.58x once
    every stage became a component (making a Doc per passage costs about a tenth of the run);
  * how many passages were given a Doc (`components.needs_doc` spares those where no rule can fire).

Rates are the best of `--repeat` runs: other processes on the machine only ever slow a run down.
The first pipeline call (loading gazetteers, compiling patterns) is a warm-up and not timed.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from plankg.ingest.components import DocumentFrame, PassageContext, needs_doc  # noqa: E402
from plankg.ingest.enterprises import find_enterprises  # noqa: E402
from plankg.ingest.pipeline import extract_text  # noqa: E402
from plankg.ingest.platforms import find_platforms  # noqa: E402
from plankg.ingest.projects import find_projects  # noqa: E402
from plankg.ingest.read import read_source  # noqa: E402
from plankg.ingest.references import find_references  # noqa: E402
from plankg.ingest.responsibility import passages  # noqa: E402
from plankg.ingest.structure import DocContext, parse_structure  # noqa: E402
from plankg.ingest.targets import find_targets  # noqa: E402


def best_rates(runs: dict[str, Callable[[], None]], chars: int, repeat: int) -> dict[str, float]:
    """Best chars/s of each run; the runs alternate so a busy spell on the machine hits them alike."""
    best = {name: float("inf") for name in runs}
    for _ in range(repeat):
        for name, run in runs.items():
            t0 = time.perf_counter()
            run()
            best[name] = min(best[name], time.perf_counter() - t0)
    return {name: chars / seconds for name, seconds in best.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(ROOT / "data" / "demo"))
    ap.add_argument("--repeat", type=int, default=10)
    args = ap.parse_args(argv)

    texts = [(p.name, read_source(p).text) for p in sorted(Path(args.corpus).glob("*.txt"))]
    if not texts:
        print(f"no .txt files in {args.corpus}", file=sys.stderr)
        return 2
    chars = sum(len(t) for _, t in texts)

    import spacy

    nlp = spacy.blank("zh")  # default segmenter: one token per character
    for name, text in texts:  # warm-up: gazetteers, compiled patterns, spaCy vocab
        extract_text(text, name)
        nlp(text)

    def pipeline() -> None:
        for name, text in texts:
            extract_text(text, name)

    def tokenizer() -> None:
        for _, text in texts:
            nlp(text)

    # The rule extractors alone, on structure parsed once: what targets/entities cost inside the pipeline.
    parsed = [(text, list(parse_structure(text).blocks), DocContext(region="杭州市", period=(2021, 2025)))
              for _, text in texts]

    def extractors() -> None:
        for text, blocks, ctx in parsed:
            for find in (find_targets, find_platforms, find_enterprises, find_projects, find_references):
                find(text, blocks, ctx)

    fed = total = 0
    for text, _blocks, ctx in parsed:
        structure = parse_structure(text)
        frame = DocumentFrame.of(text, structure, ctx)
        flags = [needs_doc(PassageContext.of(p, frame)) for p in passages(structure)]
        fed, total = fed + sum(flags), total + len(flags)

    rates = best_rates({"pipeline": pipeline, "tokenizer": tokenizer, "extractors": extractors}, chars, args.repeat)
    ours, base = rates["pipeline"], rates["tokenizer"]
    print(f"corpus: {len(texts)} documents, {chars:,} characters, best of {args.repeat} alternating runs")
    print(f"pipeline (extract_text):              {ours:12,.0f} chars/s")
    print(f"  of which targets+entities extractors: {rates['extractors']:10,.0f} chars/s alone")
    print(f"spaCy blank('zh') char tokenizer:     {base:12,.0f} chars/s")
    print(f"ratio pipeline / tokenizer:           {ours / base:12.2f}x  (goal >= 0.5x)")
    print(f"passages given a Doc:                 {fed:12,} of {total:,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
