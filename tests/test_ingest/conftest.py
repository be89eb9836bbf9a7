"""The route every extraction test takes: the pipeline, with the plan context the test states."""
from __future__ import annotations

import pytest

from plankg.ingest.pipeline import Facts, extract_facts
from plankg.ingest.structure import DocContext, parse_structure


def _run_pipeline(text: str, *, region: str | None = None, period: tuple[int, int] | None = None,
                  plan_year: int | None = None, title: str | None = None) -> Facts:
    """What `extract_text` finds in `text`, with the plan's region, period, year and title as given
    (instead of read from a title line and a signature the excerpt does not have)."""
    structure = parse_structure(text)
    ctx = DocContext(region=region, plan_year=plan_year, period=period, title=title, structure=structure)
    return extract_facts(text, structure, ctx)


@pytest.fixture
def run_pipeline():
    return _run_pipeline
