"""A corpus in bounded memory (issue 18, item 2): `plankg ingest` writes a Parquet facts dataset
beside the JSON files, part by part and appendable; `plankg load` streams datasets, facts files
and documents into a real store a batch at a time, with the same graph as the JSON route,
re-loading changing nothing and a replaced document replacing exactly its facts."""
from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from plankg.cli import main
from plankg.corpus import FactsWriter, load_corpus
from plankg.graph.facts import DATASET, parts, read_graphs, write_part
from plankg.graph.store import open_store
from plankg.ontology.model import Document, DocumentGraph
from plankg.workflow import IngestResult, demo_corpus, read_facts, write_facts

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


@pytest.mark.parametrize("route", ["columns", "models"])
def test_a_load_in_small_batches_holds_one_batch_and_ends_where_one_batch_ends(tmp_path, route):
    """The embedded store takes a dataset from its columns a batch of whole parts at a time; a store
    without COPY (its capabilities say so, as Neo4j's do) takes it as models a batch of documents at a
    time. Each run of `plankg ingest` appends a part: one run per document, one document per part."""
    facts = tmp_path / "facts"
    for document in demo_corpus():
        assert _run("ingest", str(document), "--out", str(facts), "--jobs", "1").exit_code == 0
    assert len(parts(facts / DATASET)) == 5
    whole, small = f"ladybug://{tmp_path / 'whole.lbdb'}", f"ladybug://{tmp_path / 'small.lbdb'}"
    store = open_store(whole)
    try:
        in_one = load_corpus(store, [facts])
    finally:
        store.close()
    store = open_store(small)
    batches: list[int] = []
    if route == "columns":
        real_part = store.load_part

        def spy(tables, **kw):  # the real store's load, recording how many rows each batch held
            batches.append(sum(tables[name].num_rows for name in tables if name != "documents"))
            return real_part(tables, **kw)

        store.load_part = spy  # type: ignore[method-assign]
    else:
        store.capabilities = replace(store.capabilities, bulk_copy=False)  # type: ignore[misc]
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


def _table(output: str) -> list[str]:
    """The summary table `plankg load` prints (label, created, updated, unchanged), its header first."""
    return [line for line in output.splitlines() if line.split()[:1] == ["label"]
            or len(line.split()) == 4 and all(part.isdigit() for part in line.split()[1:])]


def test_a_dataset_loads_with_the_summary_and_the_graph_its_json_files_give(tmp_path, demo_dir, monkeypatch):
    """`plankg load` of a dataset into the embedded store writes it from its columns and counts the
    summary from them (each node once, per label and outcome): the same summary and the same graph
    as loading the JSON facts files of the same run, on a new store, on a store holding some of the
    documents already (shared nodes merged into), and loaded again."""
    from plankg.graph.backends.ladybug import LadybugStore

    facts = tmp_path / "facts"
    assert _run("ingest", str(demo_dir), "--out", str(facts), "--jobs", "1").exit_code == 0
    json_only, some = tmp_path / "json", tmp_path / "some"
    json_only.mkdir()
    some.mkdir()
    for i, path in enumerate(sorted(facts.glob("*.graph.json"))):
        shutil.copy(path, json_only / path.name)
        if i in (1, 3):
            shutil.copy(path, some / path.name)

    def load_dataset(store: str):
        with monkeypatch.context() as patched:  # the columns' route, never a model per row
            patched.setattr(LadybugStore, "load_documents", lambda *a, **kw: pytest.fail("loaded as models"))
            result = _run("load", str(facts), "--store", store)
        assert result.exit_code == 0, result.output
        return result

    columns, models = f"ladybug://{tmp_path / 'columns.lbdb'}", f"ladybug://{tmp_path / 'models.lbdb'}"
    first = load_dataset(columns)
    expected = _run("load", str(json_only), "--store", models)
    assert expected.exit_code == 0 and "5 documents loaded" in first.output
    assert _table(first.output) == _table(expected.output) and len(_table(first.output)) > 5
    assert _graph_of(columns) == _graph_of(models)
    again, expected_again = load_dataset(columns), _run("load", str(json_only), "--store", models)
    assert _table(again.output) == _table(expected_again.output)
    assert all(row.split()[1:3] == ["0", "0"] for row in _table(again.output)[1:])

    columns, models = f"ladybug://{tmp_path / 'columns-2.lbdb'}", f"ladybug://{tmp_path / 'models-2.lbdb'}"
    for store in (columns, models):
        assert _run("load", str(some), "--store", store).exit_code == 0
    after = load_dataset(columns)
    expected_after = _run("load", str(json_only), "--store", models)
    assert _table(after.output) == _table(expected_after.output)
    counts = {row.split()[0]: row.split()[1:] for row in _table(after.output)[1:]}
    assert counts["Document"] == ["3", "0", "2"]  # two documents were there: skipped, their nodes unchanged
    assert counts["Department"][0] != "0" and counts["Department"][1:] != ["0", "0"]  # new ones, and merged into
    assert _graph_of(columns) == _graph_of(models)


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


def _with_sha(graph, sha: str):
    """`graph` as a file with other bytes: its Document node's sha256 is `sha`."""
    nodes = [n.model_copy(update={"sha256": sha}) if isinstance(n, Document) else n for n in graph.nodes]
    return DocumentGraph(document_id=graph.document_id, nodes=nodes, relationships=graph.relationships), sha


def test_a_replaced_document_from_a_dataset_replaces_exactly_its_facts(tmp_path):
    """And the summary of each load is the one loading the same documents' JSON facts files gives."""
    a1 = _with_sha(document_graph("doc-a", "杭州市科技创新规划", ["建设城西科创大走廊", "培育高新技术企业"],
                                  "杭州市科学技术局"), "sha-a1")
    a2 = _with_sha(document_graph("doc-a", "杭州市科技创新规划", ["建设城西科创大走廊"], "杭州市经济和信息化局"),
                   "sha-a2")
    b = _with_sha(document_graph("doc-b", "杭州市数字经济规划", ["建设数据中心"], "杭州市科学技术局"), "sha-b")
    url, fresh = f"ladybug://{tmp_path / 's.lbdb'}", f"ladybug://{tmp_path / 'fresh.lbdb'}"
    as_json, fresh_json = f"ladybug://{tmp_path / 'json.lbdb'}", f"ladybug://{tmp_path / 'fresh-json.lbdb'}"
    for run, (items, targets) in enumerate((([a1, b], (url, as_json)), ([a2], (url, as_json)),
                                            ([a2, b], (fresh, fresh_json)))):
        folder = tmp_path / f"run-{run}"
        write_part(folder / DATASET, 0, items)
        for graph, _ in items:
            write_facts(graph, folder / "json")
        summaries = []
        for source, target in ((folder, targets[0]), (folder / "json", targets[1])):
            store = open_store(target)
            try:
                summary = load_corpus(store, [source])
            finally:
                store.close()
            assert not summary.errors and not summary.skipped
            summaries.append((summary.documents, summary.created, summary.updated, summary.unchanged))
        assert summaries[0] == summaries[1]
    assert _graph_of(url) == _graph_of(fresh) == _graph_of(as_json)


@pytest.mark.parametrize("damage", ["truncated", "a column missing"])
def test_a_damaged_table_of_a_dataset_is_an_error_naming_its_file_and_the_fix(tmp_path, demo_dir, damage):
    import pyarrow.parquet as pq

    facts = tmp_path / "facts"
    assert _run("ingest", str(demo_dir), "--out", str(facts), "--jobs", "1").exit_code == 0
    table = next((facts / DATASET / "Task").glob("*.parquet"))
    if damage == "truncated":
        table.write_bytes(table.read_bytes()[:200])
    else:
        pq.write_table(pq.read_table(table).drop_columns(["text"]), table)
    store = f"ladybug://{tmp_path / 's.lbdb'}"
    result = _run("load", str(facts), "--store", store)
    assert result.exit_code == 2, result.output
    assert f"error: {table.name} in" in result.output and "Fix: ingest its documents again" in result.output
    assert _graph_of(store) == ([], [])  # the first load of an empty store is undone whole


def test_one_document_in_two_parts_of_a_dataset_loads_once_as_its_first(tmp_path):
    """A file ingested again under another name, in another run, gives a part holding the same
    document (its path aside): loading the dataset takes the first and says so, leaving the second
    out of its part's tables, and the parts after it load whole."""
    first, other, third = demo_corpus()[:3]
    copy = tmp_path / "copy" / first.name
    copy.parent.mkdir()
    shutil.copy(first, copy)
    dataset = tmp_path / "facts" / DATASET
    for index, documents in enumerate(([first, other], [copy], [third])):
        run = tmp_path / f"run-{index}"
        assert _run("ingest", *map(str, documents), "--out", str(run), "--jobs", "1").exit_code == 0
        write_part(dataset, index, list(read_graphs(run / DATASET)))  # the runs' parts, in this order
    url, expected = f"ladybug://{tmp_path / 'store.lbdb'}", f"ladybug://{tmp_path / 'expected.lbdb'}"
    result = _run("load", str(dataset.parent), "--store", url)
    assert result.exit_code == 0, result.output
    assert "3 documents loaded" in result.output and "is the same document as" in result.output
    assert _run("load", str(first), str(other), str(third), "--store", expected).exit_code == 0
    assert _graph_of(url) == _graph_of(expected)
