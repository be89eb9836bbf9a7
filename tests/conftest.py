"""Fixtures shared by every test package: paths to the demo corpus and gold, and a real store."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEMO_DIR = ROOT / "data" / "demo"
SHARED = Path(os.environ.get("PLANKG_SHARED", ROOT.parent / "shared"))
GOLD_DIR = SHARED / "gold"


@pytest.fixture(scope="session")
def demo_dir() -> Path:
    return DEMO_DIR


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    if not GOLD_DIR.is_dir():
        pytest.skip(f"gold annotations not found at {GOLD_DIR} (set PLANKG_SHARED to the shared/ folder)")
    return GOLD_DIR


@pytest.fixture
def ladybug_store(tmp_path):
    """A real LadybugDB store on disk in the test's tmp folder."""
    from plankg.graph.store import open_store

    store = open_store(f"ladybug://{tmp_path / 'store.lbdb'}")
    yield store
    store.close()


def _require_tool(available: bool, reason: str) -> None:
    """Skip a test whose outside tool is missing, except in CI (CI=true), where that is a failure:
    .ci/run installs every tool, so a skip there would hide a broken install step."""
    if available:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (CI installs it in .ci/run; check that step)")
    pytest.skip(reason)


@pytest.fixture
def require_tool():
    """`require_tool(available, reason)`: skip locally, fail in CI, when an outside tool is missing."""
    return _require_tool


@pytest.fixture(scope="session")
def require_tool_once():
    """The same check for session- or module-scoped fixtures."""
    return _require_tool
