"""The README's promises: two commands first, CI runs the same test command, every CLI command
is documented with an example, and the data files ship in the wheel."""
from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from plankg.cli import main

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _first_block() -> list[str]:
    block = re.search(r"```bash\n(.*?)```", README, re.S)
    assert block, "README must open with a bash block"
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_readme_opens_with_exactly_two_commands_setup_and_test():
    assert README.index("```bash") < README.index("## "), "the commands come before any section"
    setup, test = _first_block()
    assert "pip install -e ." in setup and setup.rstrip().endswith("plankg demo")
    assert "pytest" in test


def test_ci_runs_the_readme_test_command_verbatim():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert _first_block()[1] in ci.splitlines()


def _commands(group=main, prefix=()):
    for name, cmd in sorted(group.commands.items()):
        if hasattr(cmd, "commands"):
            yield from _commands(cmd, prefix + (name,))
        else:
            yield prefix + (name,)


@pytest.mark.parametrize("path", list(_commands()), ids=lambda p: " ".join(p))
def test_every_command_has_help_with_an_example_and_is_in_the_readme(path):
    result = CliRunner().invoke(main, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example:" in result.output and f"plankg {' '.join(path)}" in result.output
    assert f"plankg {' '.join(path)}" in README


def test_wheel_ships_ontology_queries_gazetteers_and_demo_corpus(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True)
    wheel = next(tmp_path.glob("plankg-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "plankg/ontology/plankg.ttl" in names and "plankg/ontology/shapes.ttl" in names
    assert any(re.fullmatch(r"plankg/queries/packs/[^/]+/[^/]+\.cypher", n) for n in names)
    assert sum(n.startswith("plankg/data/demo/") and n.endswith(".txt") for n in names) == 5
    # the edition pair the demo diffs (data/editions links to tests/cases/editions)
    assert sorted(n for n in names if n.startswith("plankg/data/editions/")) == [
        "plankg/data/editions/xianan_2023_a.txt", "plankg/data/editions/xianan_2023_b.txt"]
    assert any(n.startswith("plankg/data/gazetteers/") for n in names)
    assert "plankg/cli.py" in names and "plankg/graph/backends/ladybug/store.py" in names
    assert not any(n.startswith(("tests/", "benchmarks/")) for n in names)


def test_readme_says_what_the_test_command_needs_and_links_only_into_the_repository():
    """A fresh clone has no ../shared: every document the README names is in the repository, and
    the tools the test command calls beyond Python (npm, so Node.js) are named beside it."""
    _, test = _first_block()
    needs = README[README.index("The second runs the tests"):README.index("## ")]
    if "npm " in test:
        assert "Node.js" in needs and "npm" in needs
    assert "../shared" not in README and "PLANKG_SHARED" not in README
    for named in re.findall(r"`([\w./-]+\.(?:md|py|json))`", README):
        if "/" in named and not named.startswith(("build/", "tests/cases/real/gold")):
            assert (ROOT / named).exists(), named
