"""`plankg load` and `plankg ingest` on a real embedded store (issue 13): a document is its file's
bytes, the summary counts what the store holds, an input that cannot be read is skipped and named
while the rest load, and a file of another kind is refused or warned about by name."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from plankg.cli import main
from plankg.workflow import demo_corpus

PLAN = "杭州市2024年科技工作计划\n一、重点任务\n1.建设概念验证中心。(责任单位:市科技局、市财政局)\n"
OTHER_PLAN = "杭州市科技创新实施方案\n一、主要任务\n1.培育科技型企业。(牵头单位:市经信局)\n"


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


def _rows(store: str, cypher: str) -> list[dict]:
    result = _run("query", "--cypher", cypher, "--format", "json", "--store", store)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _count(store: str, label: str) -> int:
    return _rows(store, f"MATCH (n:{label}) RETURN count(n) AS n")[0]["n"]


def _summary(output: str) -> dict[str, tuple[int, int, int]]:
    """The load's table: label -> (created, updated, unchanged)."""
    out = {}
    for line in output.splitlines():
        parts = line.split()
        if len(parts) == 4 and all(p.isdigit() for p in parts[1:]):
            out[parts[0]] = tuple(map(int, parts[1:]))
    return out


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_one_file_at_two_paths_is_one_document(tmp_path):
    _write(tmp_path / "a" / "plan.txt", PLAN)
    _write(tmp_path / "b" / "copy-of-plan.txt", PLAN)
    store = f"ladybug://{tmp_path / 'store.lbdb'}"
    result = _run("load", str(tmp_path / "a"), str(tmp_path / "b"), "--store", store)
    assert result.exit_code == 0, result.output
    assert _count(store, "Document") == 1 and _count(store, "Task") == 1
    assert "1 documents loaded" in result.output
    assert "copy-of-plan.txt is the same document as" in result.output
    assert _summary(result.output)["Document"] == (1, 0, 0)


def test_two_files_of_one_name_are_two_documents_and_the_counts_are_true(tmp_path):
    """The bug: a/通知.txt and b/通知.txt had one id, so the second replaced the first while the
    summary said "2 documents loaded"."""
    _write(tmp_path / "a" / "通知.txt", PLAN)
    _write(tmp_path / "b" / "通知.txt", OTHER_PLAN)
    store = f"ladybug://{tmp_path / 'store.lbdb'}"
    result = _run("load", str(tmp_path / "a"), str(tmp_path / "b"), "--store", store)
    assert result.exit_code == 0, result.output
    assert "2 documents loaded" in result.output
    docs = _rows(store, "MATCH (d:Document) RETURN d.path AS path, d.id AS id ORDER BY path")
    assert [Path(d["path"]).parent.name for d in docs] == ["a", "b"]
    assert {d["id"] for d in docs} != {docs[0]["id"]}
    assert _count(store, "Task") == 2
    summary = _summary(result.output)
    assert summary["Document"] == (2, 0, 0) and summary["Task"] == (2, 0, 0)
    # 市科技局 and 市财政局 in one plan, 市经信局 in the other: three departments created, not one per document
    assert summary["Department"][0] == _count(store, "Department") == 3


def test_created_counts_are_the_nodes_the_store_gained(tmp_path):
    """Shared nodes (platforms, departments named by several documents) count once: the demo
    corpus reported 94 platforms created while the store held 86."""
    store = f"ladybug://{tmp_path / 'store.lbdb'}"
    result = _run("load", *map(str, demo_corpus()), "--store", store)
    assert result.exit_code == 0, result.output
    summary = _summary(result.output)
    for label in ("Platform", "Department", "Enterprise", "Task", "Document"):
        assert summary[label] == (_count(store, label), 0, 0), label
    again = _summary(_run("load", *map(str, demo_corpus()), "--store", store).output)
    assert again["Platform"] == (0, 0, _count(store, "Platform"))


def test_a_damaged_facts_file_is_skipped_by_name_and_the_rest_load(tmp_path):
    facts = tmp_path / "facts"
    assert _run("ingest", *map(str, demo_corpus()), "--out", str(facts)).exit_code == 0
    damaged = sorted(facts.glob("*.graph.json"))[0]
    damaged.write_text(damaged.read_text(encoding="utf-8")[:100], encoding="utf-8")
    (facts / "not-json.graph.json").write_bytes(b"\x00\x01\xff")
    store = f"ladybug://{tmp_path / 'store.lbdb'}"
    result = _run("load", str(facts), "--store", store)
    assert result.exit_code == 1
    assert f"skipped: {damaged.name} is not a plankg facts file" in result.output
    assert "not-json.graph.json" in result.output and "Fix:" in result.output
    assert "4 documents loaded" in result.output and _count(store, "Document") == 4


def test_ingest_writes_one_facts_file_for_one_document_under_two_names(tmp_path):
    _write(tmp_path / "in" / "a.txt", PLAN)
    _write(tmp_path / "in" / "sub" / "b.txt", PLAN)
    result = _run("ingest", str(tmp_path / "in"), "--out", str(tmp_path / "facts"))
    assert result.exit_code == 0, result.output
    assert "b.txt: the same document as" in result.output
    assert len(list((tmp_path / "facts").glob("*.graph.json"))) == 1


@pytest.mark.parametrize("command", ["extract", "load"])
def test_max_bytes_is_an_option_of_extract_and_load_as_the_limit_message_says(tmp_path, command):
    path = _write(tmp_path / "plan.txt", PLAN)
    store = ["--store", f"ladybug://{tmp_path / 'store.lbdb'}"] if command == "load" else []
    small = _run(command, str(path), "--max-bytes", "10", *store)
    assert small.exit_code in (1, 2) and "over the 10-byte limit" in small.output and "--max-bytes" in small.output
    assert _run(command, str(path), "--max-bytes", "100000", *store).exit_code == 0


@pytest.mark.parametrize("name,content,message", [
    ("blank.txt", "  \n\n", "empty"),
    ("notes.txt", "Shopping list\n1. milk\n2. bread\n", "no Chinese"),
])
def test_a_file_of_another_kind_is_refused_by_name_and_the_rest_load(tmp_path, name, content, message):
    _write(tmp_path / "in" / name, content)
    _write(tmp_path / "in" / "plan.txt", PLAN)
    store = f"ladybug://{tmp_path / 'store.lbdb'}"
    result = _run("load", str(tmp_path / "in"), "--store", store)
    assert result.exit_code == 1
    skipped = next(line for line in result.output.splitlines() if line.startswith("skipped:"))
    assert name in skipped and message in skipped and "Fix:" in skipped
    assert _count(store, "Document") == 1


def test_chinese_text_with_no_plan_in_it_is_loaded_with_a_warning_naming_it(tmp_path):
    path = _write(tmp_path / "in" / "新闻.txt", "今天天气很好，我们去公园散步，看见很多人在跳舞。\n晚上回家吃饭。\n")
    store = f"ladybug://{tmp_path / 'store.lbdb'}"
    result = _run("load", str(path), "--store", store)
    assert result.exit_code == 0, result.output
    assert "warning: 新闻.txt: no tasks or targets found" in result.output
    extract = _run("extract", str(path))
    assert extract.exit_code == 0 and "warning: 新闻.txt" in extract.output


def test_traditional_text_is_read_and_the_warning_says_how_to_convert_it(tmp_path):
    path = tmp_path / "繁體.txt"
    path.write_bytes("杭州市科技工作計劃\n為加快建設創新型城市，推動經濟高質量發展，特製定本計劃。\n".encode("big5"))
    result = _run("extract", str(path), "--json")
    assert result.exit_code == 0, result.output
    assert "opencc" in result.output
    assert json.loads(result.output.splitlines()[-1])["document"]["encoding"] == "big5"


def test_an_edited_file_loaded_again_is_a_new_document_and_the_load_says_so(tmp_path):
    path = _write(tmp_path / "plan.txt", PLAN)
    store = f"ladybug://{tmp_path / 'store.lbdb'}"
    assert _run("load", str(path), "--store", store).exit_code == 0
    old = _rows(store, "MATCH (d:Document) RETURN d.id AS id")[0]["id"]
    _write(path, PLAN + "2.培育高新技术企业。(责任单位:市科技局)\n")
    result = _run("load", str(path), "--store", store)
    assert result.exit_code == 0, result.output
    assert f"was loaded before with other content, as {old}" in result.output
    assert _count(store, "Document") == 2


def test_facts_and_documents_of_one_document_load_once(tmp_path):
    doc = _write(tmp_path / "plan.txt", PLAN)
    assert _run("ingest", str(doc), "--out", str(tmp_path / "facts")).exit_code == 0
    shutil.copy(doc, tmp_path / "again.txt")
    store = f"ladybug://{tmp_path / 'store.lbdb'}"
    result = _run("load", str(tmp_path / "facts"), str(doc), str(tmp_path / "again.txt"), "--store", store)
    assert result.exit_code == 0, result.output
    assert "1 documents loaded" in result.output and _count(store, "Document") == 1


def test_load_lets_the_embedded_store_pause_the_collector(tmp_path, monkeypatch):
    """`plankg load` owns its process, so it asks the store to pause the garbage collector while
    tables are built (a library's store never does, see tests/test_graph/test_ladybug_paths.py)."""
    import gc

    from plankg.graph.backends import ladybug as backend

    opened = []
    init = backend.LadybugStore.__init__

    def spy(self, url, **options):
        opened.append(options.get("pause_gc", False))
        init(self, url, **options)

    monkeypatch.setattr(backend.LadybugStore, "__init__", spy)
    result = _run("load", str(_write(tmp_path / "plan.txt", PLAN)), "--store", f"ladybug://{tmp_path / 's.lbdb'}")
    assert result.exit_code == 0, result.output
    assert opened == [True] and gc.isenabled()
