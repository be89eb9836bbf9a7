"""Regenerate tests/cases/expected/queries/<name>.json from the constructed corpus.

    python tests/test_queries/regen_expected.py            # every query
    python tests/test_queries/regen_expected.py plan_lineage departments_by_tasks

Always read the diff by eye before committing: an expected file is a claim about what the
query means, and a regenerated wrong answer makes the test pass for the wrong reason.
"""
from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(names: list[str]) -> None:
    sys.path.insert(0, str(HERE))
    from conftest import EXPECTED_DIR, fixture_graph

    from plankg.graph.store import open_store
    from plankg.queries.loader import load_packs, run_query

    queries = load_packs()
    unknown = set(names) - set(queries)
    if unknown:
        raise SystemExit(f"unknown queries: {', '.join(sorted(unknown))}")
    EXPECTED_DIR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(f"ladybug://{Path(folder) / 'regen.lbdb'}")
        fixture_graph.load_fixture(store)
        for name in names or sorted(queries):
            cases = fixture_graph.QUERY_CASES.get(name, [{}])
            data = {"query": name,
                    "cases": [{"params": params, "rows": run_query(store, name, params)} for params in cases]}
            path = EXPECTED_DIR / f"{name}.json"
            path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            print(f"wrote {path}")
        store.close()


if __name__ == "__main__":
    main(sys.argv[1:])
