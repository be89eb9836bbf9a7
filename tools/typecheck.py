"""Run mypy over every plankg package, although the packages live in folders named otherwise.

pyproject maps packages to folders (``plankg.ingest`` -> ``ingest/``, ``plankg.graph`` -> ``graph/``
...) and the editable install finds them through an import hook, which mypy cannot follow: pointed
at the folders it names their modules ``ingest.read`` and fails every ``plankg.ingest`` import, so
it used to check the five modules of ``plankg/`` alone. This builds what setuptools' strict
editable mode builds, a tree of links laid out like the installed package
(``build/typecheck/plankg/ingest`` -> ``ingest/`` ...), runs mypy on it with the settings in
pyproject.toml, and prints the findings with their paths in the source tree.

    python tools/typecheck.py [mypy options]
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parent.parent
TREE = ROOT / "build" / "typecheck"


def package_folders() -> dict[str, Path]:
    """Each package with Python code, mapped to the folder it lives in (pyproject's package-dir)."""
    with open(ROOT / "pyproject.toml", "rb") as f:
        setuptools = tomllib.load(f)["tool"]["setuptools"]
    package_dir: dict[str, str] = setuptools["package-dir"]
    return {
        package: ROOT / package_dir.get(package, package.replace(".", "/"))
        for package in setuptools["packages"]
        if any((ROOT / package_dir.get(package, package.replace(".", "/"))).glob("*.py"))
    }


def build_link_tree(folders: dict[str, Path]) -> dict[Path, Path]:
    """Link every module file into TREE at its package's path; return link folder -> source folder."""
    shutil.rmtree(TREE, ignore_errors=True)
    links: dict[Path, Path] = {}
    for package, folder in folders.items():
        target = TREE.joinpath(*package.split("."))
        target.mkdir(parents=True, exist_ok=True)
        for module in folder.glob("*.py"):
            os.symlink(module, target / module.name)
        links[target] = folder
    return links


def main(argv: list[str]) -> int:
    links = build_link_tree(package_folders())
    done = subprocess.run(
        [sys.executable, "-m", "mypy", *argv, str(TREE.relative_to(ROOT) / "plankg")],
        cwd=ROOT, capture_output=True, text=True,
    )
    # Deepest link folders first, so plankg/graph/backends/ is not read as plankg/graph/ + backends/.
    prefixes = sorted(
        ((str(link.relative_to(ROOT)) + os.sep, str(src.relative_to(ROOT)) + os.sep) for link, src in links.items()),
        key=lambda pair: -len(pair[0]),
    )
    for stream, out in ((done.stdout, sys.stdout), (done.stderr, sys.stderr)):
        for line in stream.splitlines(keepends=True):
            for link, src in prefixes:
                if line.startswith(link):
                    line = src + line[len(link):]
                    break
            out.write(line)
    return done.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
