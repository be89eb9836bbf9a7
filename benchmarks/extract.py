"""Extraction throughput of the whole ingest pipeline beside spaCy's bare Chinese char tokenizer.

    python benchmarks/extract.py              # the demo corpus, best of 10 runs
    python benchmarks/extract.py --repeat 10 --corpus data/demo

Prints, on the same decoded texts in the same run:
  * pipeline: `extract_text` (structure, then one spaCy Doc per passage through the component
    chain: gazetteer, responsibility clauses, coordinated lists, platforms/enterprises/projects,
    targets; then the document-level steps and model validation) in characters per second;
  * its stages, each timed alone on the same passages: structure and plan metadata, choosing the
    passages that get a Doc, making the Docs, then each spaCy component by name (called on the
    Docs one after another, as `nlp.pipe` calls them); what is left of the pipeline's time is the
    document-level steps and model validation;
  * baseline: `spacy.blank("zh")` with its default character segmenter, tokenising only;
  * baseline 2: a spaCy Doc built from the characters (`Doc(nlp.vocab, words=list(text))`), which is
    how the pipeline makes its Docs: spaCy's tokenizer, which the pipeline bypasses, flatters it;
  * the ingest route (`ingest_file`: read the file, extract, assemble the graph, warnings), which is
    what `plankg ingest` runs per document, beside the pipeline alone;
  * the ratio pipeline / baseline (goal: >= 0.5x) and pipeline / Doc from characters. History:
    about 0.3x while the responsibility stage rebuilt `doc.text` per access; 0.61-0.64x with only
    that stage in spaCy; 0.55-0.58x once every stage became a component (making a Doc per passage
    costs about a tenth of the run);
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

from plankg.ingest.components import (  # noqa: E402
    DocumentFrame,
    PassageContext,
    build_nlp,
    needs_doc,
    passage_docs,
)
from plankg.ingest.pipeline import extract_text  # noqa: E402
from plankg.ingest.plan_meta import read_plan_meta  # noqa: E402
from plankg.ingest.read import read_source  # noqa: E402
from plankg.ingest.responsibility import passages  # noqa: E402
from plankg.ingest.structure import DocContext, parse_structure  # noqa: E402


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

    from spacy.tokens import Doc

    def char_docs() -> None:  # what the pipeline itself makes a Doc from: its characters, no tokenizer
        for _, text in texts:
            Doc(nlp.vocab, words=list(text))

    from plankg.workflow import ingest_file

    files = sorted(Path(args.corpus).glob("*.txt"))

    def ingest_route() -> None:  # what plankg ingest runs per file: read, extract, assemble, warnings
        for path in files:
            ingest_file((path, None))

    # The stages, each alone, on what the stage before it made (structure and metadata read once more here).
    chain = build_nlp()
    frames = []
    for _, text in texts:
        structure = parse_structure(text)
        meta = read_plan_meta(text, structure)
        ctx = DocContext(region=meta.region, plan_year=meta.plan_year, period=meta.period, title=meta.title,
                         structure=structure)
        frames.append(DocumentFrame.of(text, structure, ctx))
    contexts = [PassageContext.of(p, frame) for frame in frames for p in passages(frame.structure)]
    fed_contexts = [ctx for ctx in contexts if needs_doc(ctx)]
    stage_seconds: dict[str, float] = {}

    def structure_and_meta() -> None:
        for _, text in texts:
            read_plan_meta(text, parse_structure(text))

    def choose_passages() -> None:
        for frame in frames:
            for p in passages(frame.structure):
                needs_doc(PassageContext.of(p, frame))

    def docs_and_components() -> None:
        # The passage component takes each Doc's passage out of it, so the Docs are made afresh every run.
        t0 = time.perf_counter()
        docs = list(passage_docs(chain, fed_contexts))
        seconds = {"Docs (passage_docs)": time.perf_counter() - t0}
        for name, component in chain.pipeline:
            t0 = time.perf_counter()
            docs = [component(doc) for doc in docs]
            seconds[name] = time.perf_counter() - t0
        for name, sec in seconds.items():
            stage_seconds[name] = min(stage_seconds.get(name, float("inf")), sec)

    rates = best_rates({"pipeline": pipeline, "tokenizer": tokenizer, "char_docs": char_docs, "ingest": ingest_route,
                        "structure": structure_and_meta,
                        "passages": choose_passages, "components": docs_and_components}, chars, args.repeat)
    ours, base = rates["pipeline"], rates["tokenizer"]
    run = chars / ours
    stages = {"structure and plan metadata": chars / rates["structure"],
              "passages and needs_doc": chars / rates["passages"], **stage_seconds}
    print(f"corpus: {len(texts)} documents, {chars:,} characters, best of {args.repeat} alternating runs")
    print(f"pipeline (extract_text):              {ours:12,.0f} chars/s")
    for name, seconds in stages.items():
        print(f"  {name + ':':<36}{chars / seconds:12,.0f} chars/s alone  ({seconds / run:5.1%} of the run)")
    rest = run - sum(stages.values())
    print(f"  {'document-level steps, validation:':<36}{'':12}                ({rest / run:5.1%} of the run)")
    print(f"spaCy blank('zh') char tokenizer:     {base:12,.0f} chars/s")
    print(f"spaCy Doc from characters:            {rates['char_docs']:12,.0f} chars/s  (Doc(vocab, words=list(text)))")
    print(f"ingest route (ingest_file per file):  {rates['ingest']:12,.0f} chars/s  "
          f"(read, extract, assemble, warnings: {ours / rates['ingest'] - 1:+.0%} time over the pipeline)")
    print(f"ratio pipeline / tokenizer:           {ours / base:12.2f}x  (goal >= 0.5x)")
    print(f"ratio pipeline / Doc from characters: {ours / rates['char_docs']:12.2f}x  (the tokenizer the pipeline "
          "bypasses; the honest baseline)")
    print(f"ratio ingest route / tokenizer:       {rates['ingest'] / base:12.2f}x; "
          f"/ Doc from characters: {rates['ingest'] / rates['char_docs']:.2f}x")
    print(f"passages given a Doc:                 {len(fed_contexts):12,} of {len(contexts):,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
