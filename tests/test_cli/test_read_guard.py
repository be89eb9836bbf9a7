"""`plankg query --cypher` without --write only reads, whatever the text: every bypass of the old
keyword scan (issue 13) on a real LadybugDB store, and a fuzz of generated statements with write
and file clauses glued, commented, quoted and spelled with look-alike letters.

What holds is the engine's: the store is opened read-only, so LadybugDB refuses any write, and
the plan LadybugDB makes of the statement must be a read (no COPY TO, EXPORT DATABASE, INSTALL,
CHECKPOINT, settings). The Neo4j side (READ transactions, EXPLAIN's query type) is in
tests/test_graph/test_neo4j_adapter.py."""
from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plankg.cli import main

from .conftest import build_store, fingerprint

SECRET = "SECRET-CANARY-7f3a,do not print"


def query(url: str, cypher: str, *extra: str):
    return CliRunner().invoke(main, ["query", "--cypher", cypher, "--store", url, *extra])


def task_texts(url: str) -> list[str]:
    result = query(url, "MATCH (t:Task) RETURN t.text AS text ORDER BY text", "--format", "json")
    assert result.exit_code == 0, result.output
    import json

    return [row["text"] for row in json.loads(result.output)]


# The bypasses the issue found, each as it was sent (%1%: a file outside the store, %2%: a secret file).
BYPASSES = {
    "keyword glued to a number": "MATCH (n:Task) WITH n LIMIT 100000SET n.text = 'x'",
    "keyword glued to a backticked name": "MATCH (n:Task) WITH n AS `q`CREATE (:Task {id: 'injected', text: 'x'})",
    "backslash in a backticked name": "MATCH (n:Task) WITH n, 1 AS `a\\`, 2 AS `b'` DETACH DELETE n",
    "UNINSTALL": "UNINSTALL json",
    "COPY TO a file outside the store": "COPY (MATCH (t:Task) RETURN t.text) TO '%1%'",
    "COPY TO behind a backslash, second statement":
        "MATCH (n:Task) RETURN n.id AS `a\\`, 2 AS `b'`; COPY (MATCH (t:Task) RETURN t.text) TO '%1%'",
    "LOAD FROM /etc/passwd": "LOAD FROM '/etc/passwd' (file_format='csv', delim=':', header=false) RETURN *",
    "LOAD FROM a file behind a backslash, second statement":
        "MATCH (n:Task) RETURN n.id AS `a\\`, 2 AS `b'`; LOAD FROM '%2%' (file_format='csv', header=false) "
        "RETURN *",
}


@pytest.mark.parametrize("cypher", list(BYPASSES.values()), ids=list(BYPASSES))
def test_every_bypass_of_the_old_guard_is_refused_and_changes_nothing(plan_store, tmp_path, cypher):
    secret = tmp_path / "secret.csv"
    secret.write_text(SECRET + "\n", encoding="utf-8")
    out = tmp_path / "outside" / "leak.csv"
    out.parent.mkdir()
    store_dir = tmp_path / "store"
    before, texts = fingerprint(store_dir), task_texts(plan_store)
    result = query(plan_store, cypher.replace("%1%", str(out)).replace("%2%", str(secret)))
    assert result.exit_code == 2, result.output
    assert "--write" in result.output or "several statements" in result.output, result.output
    assert fingerprint(store_dir) == before and task_texts(plan_store) == texts
    assert not out.exists()
    assert "SECRET-CANARY" not in result.output and "root:" not in result.output


@pytest.mark.parametrize("cypher", ["CHECKPOINT", "CALL threads=1", "BEGIN TRANSACTION",
                                    "EXPORT DATABASE '%1%'", "INSTALL json", "LOAD EXTENSION json",
                                    "ATTACH '%1%' AS other (dbtype lbug)", "CALL clear_warnings()"])
def test_statements_beyond_the_graph_are_refused(plan_store, tmp_path, cypher):
    store_dir = tmp_path / "store"
    before = fingerprint(store_dir)
    result = query(plan_store, cypher.replace("%1%", str(tmp_path / "elsewhere")))
    assert result.exit_code == 2 and "--write" in result.output, result.output
    assert fingerprint(store_dir) == before and not (tmp_path / "elsewhere").exists()
    # the store still opens read-only afterwards (a CHECKPOINT on a read-only database used to
    # leave it waiting for recovery)
    assert task_texts(plan_store)


def test_reads_still_run_and_write_needs_the_flag(plan_store):
    read = query(plan_store, "MATCH (d:Department) RETURN d.name AS name ORDER BY name", "--format", "json")
    assert read.exit_code == 0 and "杭州市科学技术局" in read.output
    catalog = query(plan_store, "CALL show_tables() RETURN name ORDER BY name")
    assert catalog.exit_code == 0 and "Task" in catalog.output
    write = query(plan_store, "MATCH (n:Task) WITH n LIMIT 100000SET n.text = 'x'", "--write")
    assert write.exit_code == 0, write.output
    assert set(task_texts(plan_store)) == {"x"}


def test_two_read_only_queries_at_once_do_not_block_each_other(plan_store):
    from plankg.graph.store import open_store

    holder = open_store(plan_store, read_only=True)  # a reader in this process keeps the store open
    try:
        other = subprocess.run([sys.executable, "-m", "plankg.cli", "query", "--cypher",
                                "MATCH (t:Task) RETURN count(t) AS n", "--store", plan_store],
                               capture_output=True, text=True, timeout=120, check=False)
        assert other.returncode == 0, other.stderr
        assert other.stdout.split()[-1] == "4"
        assert query(plan_store, "MATCH (t:Task) RETURN count(t) AS n").exit_code == 0
        assert holder.run("MATCH (t:Task) RETURN count(t) AS n") == [{"n": 4}]
    finally:
        holder.close()


# --- fuzz -----------------------------------------------------------------------------------------

READS = ["MATCH (n:Task) RETURN n.id AS id", "MATCH (n:Task) WITH n LIMIT 100", "MATCH (n:Task) WITH n AS `q`",
         "MATCH (n:Task) WITH n, 1 AS `a\\`, 2 AS `b'`", "MATCH (n:Task) WHERE n.text CONTAINS 'x' WITH n",
         "RETURN 1 AS one", "UNWIND [1, 2] AS i WITH i", ""]
# %1% is a path outside the store, %2% a file of secrets, %3% a folder to export to: digits, so
# that no look-alike letter changes them
ACTIONS = ["SET n.text = 'fuzzed'", "CREATE (:Task {id: 'fuzz', text: 'fuzzed'})", "DETACH DELETE n",
           "DELETE n", "MERGE (:Department {id: 'fuzz', name: 'fuzzed'})", "REMOVE n.text",
           "COPY (MATCH (t:Task) RETURN t.text) TO '%1%'", "LOAD FROM '%2%' (file_format='csv', header=false) RETURN *",
           "LOAD CSV FROM 'file://%2%' AS row RETURN row", "INSTALL json", "UNINSTALL json",
           "LOAD EXTENSION json", "EXPORT DATABASE '%3%'", "IMPORT DATABASE '%3%'",
           "ATTACH '%1%' AS x (dbtype lbug)", "CHECKPOINT", "CALL threads=1", "DROP TABLE Task",
           "ALTER TABLE Task ADD fuzz STRING", "CREATE NODE TABLE Fuzz(id STRING, PRIMARY KEY(id))",
           "FOREACH (x IN [1] | SET n.text = 'fuzzed')", "BEGIN TRANSACTION"]
GLUES = ["", " ", "\n", "1", "100000", "`q`", "`a\\`", "/* c */", "// c\n", ";", "; ", "'", "\"", ")", "\t"]
# letters that look like Latin ones: fullwidth, Cyrillic, Greek, and a zero-width joiner inside words
LOOK_ALIKES = {"A": ["Ａ", "А", "Α"], "E": ["Ｅ", "Е", "Ε"], "O": ["Ｏ", "О", "Ο"], "C": ["Ｃ", "С"],
               "T": ["Ｔ", "Т", "Τ"], "S": ["Ｓ", "Ѕ"], "P": ["Ｐ", "Р", "Ρ"], "L": ["Ｌ"], "D": ["Ｄ"],
               "I": ["Ｉ", "І", "Ι"]}


@st.composite
def hostile_cypher(draw) -> str:
    action = draw(st.sampled_from(ACTIONS))
    style = draw(st.sampled_from(["plain", "lower", "look-alike", "split by a comment", "quoted", "commented"]))
    if style == "lower":
        action = action.lower()
    elif style == "look-alike":
        action = "".join(draw(st.sampled_from([ch, *LOOK_ALIKES.get(ch, [])])) for ch in action)
    elif style == "split by a comment":
        cut = draw(st.integers(1, max(1, len(action) - 1)))
        action = action[:cut] + draw(st.sampled_from(["/**/", "\u200d", " ", ""])) + action[cut:]
    elif style == "quoted":
        action = draw(st.sampled_from(["'", "`", "\""])) + action + draw(st.sampled_from(["'", "`", "\"", ""]))
    elif style == "commented":
        action = draw(st.sampled_from(["// ", "/* ", "*/ "])) + action
    return draw(st.sampled_from(READS)) + draw(st.sampled_from(GLUES)) + action + draw(st.sampled_from(["", " ", ";"]))


@pytest.fixture(scope="module")
def fuzz_store(tmp_path_factory):
    root = tmp_path_factory.mktemp("fuzz")
    (root / "store").mkdir()
    (root / "secret.csv").write_text(SECRET + "\n", encoding="utf-8")
    return root, build_store(root / "store" / "plans.lbdb")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cypher=hostile_cypher())
def test_fuzz_no_generated_statement_writes_or_touches_files(fuzz_store, cypher):
    root, url = fuzz_store
    before = fingerprint(root)
    filled = (cypher.replace("%1%", str(root / "out.csv")).replace("%2%", str(root / "secret.csv"))
              .replace("%3%", str(root / "exported")))
    result = query(url, filled)
    assert result.exit_code in (0, 2), (filled, result.output, result.exception)
    assert result.exception is None or isinstance(result.exception, SystemExit), (filled, result.exception)
    assert fingerprint(root) == before, filled  # the store's bytes, and no file created beside it
    assert "SECRET-CANARY" not in result.output, filled


def test_fuzz_store_is_intact_after_the_fuzz(fuzz_store):
    _, url = fuzz_store
    assert len(task_texts(url)) == 4 and "fuzzed" not in task_texts(url)


def test_the_guard_is_not_the_text_scan(tmp_path):
    """A name that merely looks like a clause keyword is fine when the engine says it is a read."""
    (tmp_path / "store").mkdir()
    url = build_store(tmp_path / "store" / "plans.lbdb")
    ok = query(url, "MATCH (n:Task) RETURN n.text AS `set`, n.ref AS `copy`, 'DELETE; LOAD FROM' AS d LIMIT 1")
    assert ok.exit_code == 0, ok.output
    assert "DELETE; LOAD FROM" in ok.output


@pytest.fixture(scope="module")
def neo4j_fuzz_store(neo4j_uri, empty_neo4j):
    """The same two documents on a live Neo4j (NEO4J_URI), its plankg labels emptied first."""
    uri = neo4j_uri
    from plankg.graph.store import open_store

    from .conftest import document_graph

    store = open_store(uri)
    try:
        empty_neo4j(store)
        graph = document_graph("doc-a", "杭州市科技创新规划", ["建设城西科创大走廊", "培育企业"], "杭州市科学技术局")
        store.load_documents([(graph, "sha-a")])
    finally:
        store.close()
    return uri


def _neo4j_content(uri: str) -> list:
    from plankg.graph.store import open_store

    with open_store(uri, read_only=True) as store:
        return store.run("MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN n, count(r) AS out ORDER BY n.id")


@pytest.mark.neo4j
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cypher=hostile_cypher())
def test_fuzz_on_neo4j_no_generated_statement_writes(neo4j_fuzz_store, cypher):
    before = _neo4j_content(neo4j_fuzz_store)
    result = query(neo4j_fuzz_store, cypher.replace("%1%", "/tmp/plankg-fuzz-out.csv").replace("%2%", "/etc/passwd")
                   .replace("%3%", "/tmp/plankg-fuzz-export"))
    assert result.exit_code in (0, 2), (cypher, result.output, result.exception)
    assert result.exception is None or isinstance(result.exception, SystemExit), (cypher, result.exception)
    assert _neo4j_content(neo4j_fuzz_store) == before, cypher
    assert "root:" not in result.output, cypher
