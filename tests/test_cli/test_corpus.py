"""A corpus in bounded memory (issue 18, item 2): `plankg ingest` writes a Parquet facts dataset
beside the JSON files, part by part and appendable; `plankg load` streams datasets, facts files
and documents into a real store a batch at a time, with the same graph as the JSON route,
re-loading changing nothing and a replaced document replacing exactly its facts."""
from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from plankg.cli import main
from plankg.corpus import FactsWriter, load_corpus
from plankg.graph.facts import DATASET, parts, read_graphs, write_part
from plankg.graph.store import open_store
from plankg.workflow import IngestResult, demo_corpus, read_facts

from .conftest import document_graph

EVERYTHING = ("MATCH (n) RETURN label(n) AS label, n.id AS id, n AS node ORDER BY label, id",
              "MATCH (a)-[r]->(b) RETURN label(r) AS type, a.id AS src, b.id AS dst, r AS rel ORDER BY type, src, dst")


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


def _graph_of(url: str) -> tuple[list, list]:
    store = open_store(url, read_only=True)
    try:
        return store.run(EVERYTHING[0]), store.run(EVERYTHING[1])
    finally:
        store.close()


def _canonical(graph) -> tuple:
    return (graph.document_id, sorted(n.model_dump_json() for n in graph.nodes),
            sorted(r.model_dump_json() for r in graph.relationships))


def test_ingest_writes_a_dataset_holding_what_the_json_files_hold(tmp_path, demo_dir):
    facts = tmp_path / "facts"
    assert _run("ingest", str(demo_dir), "--out", str(facts), "--jobs", "1").exit_code == 0
    from_json = sorted(_canonical(read_facts(p)) for p in facts.glob("*.graph.json"))
    from_parquet = sorted(_canonical(graph) for graph, _ in read_graphs(facts / DATASET))
    assert len(from_json) == 5 and from_parquet == from_json


def test_loading_the_dataset_gives_the_graph_the_json_files_give(tmp_path, demo_dir):
    facts = tmp_path / "facts"
    assert _run("ingest", str(demo_dir), "--out", str(facts), "--jobs", "1").exit_code == 0
    json_only = tmp_path / "json"
    json_only.mkdir()
    for path in facts.glob("*.graph.json"):
        shutil.copy(path, json_only / path.name)
    a, b = f"ladybug://{tmp_path / 'a.lbdb'}", f"ladybug://{tmp_path / 'b.lbdb'}"
    first = _run("load", str(facts), "--store", a)
    assert first.exit_code == 0 and "5 documents loaded" in first.output
    assert _run("load", str(json_only), "--store", b).exit_code == 0
    assert _graph_of(a) == _graph_of(b)
    again = _run("load", str(facts), "--store", a)  # re-loading changes nothing
    assert again.exit_code == 0 and _graph_of(a) == _graph_of(b)
    assert all(line.split()[1:3] == ["0", "0"] for line in again.output.splitlines()[2:-1])


def test_a_load_in_small_batches_holds_one_batch_and_ends_where_one_batch_ends(tmp_path, demo_dir):
    facts = tmp_path / "facts"
    assert _run("ingest", str(demo_dir), "--out", str(facts), "--jobs", "1").exit_code == 0
    whole, small = f"ladybug://{tmp_path / 'whole.lbdb'}", f"ladybug://{tmp_path / 'small.lbdb'}"
    store = open_store(whole)
    try:
        in_one = load_corpus(store, [facts])
    finally:
        store.close()
    store = open_store(small)
    batches: list[int] = []
    real = store.load_documents

    def spy(items, **kw):  # the real store's load, recording how many rows each call was given
        items = list(items)
        batches.append(sum(len(g.nodes) + len(g.relationships) for g, _ in items))
        return real(items, **kw)

    store.load_documents = spy  # type: ignore[method-assign]
    try:
        summary = load_corpus(store, [facts], batch_rows=150)
    finally:
        store.close()
    assert summary.documents == 5 and len(batches) >= 3
    # a department several batches name is created once, as in one batch
    assert summary.created == in_one.created and summary.created["Department"] == in_one.created["Department"] > 0
    largest_document = max(len(g.nodes) + len(g.relationships) for g, _ in read_graphs(facts / DATASET))
    assert max(batches) < 150 + largest_document
    assert _graph_of(small) == _graph_of(whole)


def test_runs_append_parts_and_the_same_run_again_replaces_its_own(tmp_path):
    docs = demo_corpus()
    out = tmp_path / "facts"
    assert _run("ingest", *map(str, docs[:2]), "--out", str(out), "--jobs", "1").exit_code == 0
    first = parts(out / DATASET)
    assert _run("ingest", *map(str, docs[:2]), "--out", str(out), "--jobs", "1").exit_code == 0
    assert parts(out / DATASET) == first
    assert _run("ingest", *map(str, docs[2:]), "--out", str(out), "--jobs", "1").exit_code == 0
    assert len(parts(out / DATASET)) == 2
    store = f"ladybug://{tmp_path / 's.lbdb'}"
    result = _run("load", str(out), "--store", store)
    assert result.exit_code == 0 and "5 documents loaded" in result.output


def test_parts_are_cut_by_file_position(tmp_path):
    writer = FactsWriter(tmp_path, part_files=2)
    graphs = [document_graph(f"doc-{i}", f"规划{i}", ["任务"], "杭州市科学技术局") for i in range(5)]
    for i, graph in enumerate(graphs):
        if i == 1:  # an unreadable file still takes its place
            writer.add(IngestResult(path=Path("bad.txt"), error=None, ignored=None))
            continue
        writer.add(_result(graph))
    writer.close()
    dataset = tmp_path / DATASET
    documents = [[g.document_id for g, _ in read_graphs_of_part(dataset, p)] for p in parts(dataset)]
    assert documents == [["doc-0"], ["doc-2", "doc-3"], ["doc-4"]]


def read_graphs_of_part(dataset: Path, part: str):
    from plankg.graph.facts import graphs_of_tables, read_part

    return graphs_of_tables(read_part(dataset, part))


def _result(graph) -> IngestResult:
    from plankg.ingest.contract import DocumentInfo, Extraction, PlanInfo

    info = DocumentInfo(id=graph.document_id, path="x.txt", sha256=f"sha-{graph.document_id}")
    extraction = Extraction(document=info, plan=PlanInfo())
    return IngestResult(path=Path(f"{graph.document_id}.txt"), extraction=extraction, graph=graph)


def test_a_replaced_document_from_a_dataset_replaces_exactly_its_facts(tmp_path):
    a1 = document_graph("doc-a", "杭州市科技创新规划", ["建设城西科创大走廊", "培育高新技术企业"], "杭州市科学技术局")
    a2 = document_graph("doc-a", "杭州市科技创新规划", ["建设城西科创大走廊"], "杭州市经济和信息化局")
    b = document_graph("doc-b", "杭州市数字经济规划", ["建设数据中心"], "杭州市科学技术局")
    first, second, expected = tmp_path / "v1", tmp_path / "v2", tmp_path / "expected"
    write_part(first / DATASET, 0, [(a1, "sha-a1"), (b, "sha-b")])
    write_part(second / DATASET, 0, [(a2, "sha-a2")])
    write_part(expected / DATASET, 0, [(a2, "sha-a2"), (b, "sha-b")])
    url, fresh = f"ladybug://{tmp_path / 's.lbdb'}", f"ladybug://{tmp_path / 'fresh.lbdb'}"
    for folder, target in ((first, url), (second, url), (expected, fresh)):
        store = open_store(target)
        try:
            summary = load_corpus(store, [folder])
            assert not summary.errors and not summary.skipped
        finally:
            store.close()
    assert _graph_of(url) == _graph_of(fresh)
