"""`plankg demo` end to end on the real embedded store, and the CLI commands a user runs after it."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from plankg.cli import main

from .conftest import query_rows as _query


@pytest.fixture(scope="module")
def demo_build(tmp_path_factory):
    build = tmp_path_factory.mktemp("demo")
    store = f"ladybug://{build / 'store.lbdb'}"
    first = CliRunner().invoke(main, ["demo", "--store", store, "--build", str(build)])
    second = CliRunner().invoke(main, ["demo", "--store", store, "--build", str(build)])
    return build, store, first, second


def test_demo_succeeds_and_reports_the_graph(demo_build):
    build, _, first, _ = demo_build
    assert first.exit_code == 0, first.output
    assert "5 documents" in first.output
    for word in ("plans", "tasks", "departments", "platforms", "enterprises", "targets"):
        assert word in first.output
    assert (build / "views" / "index.html").is_file()
    assert len(list((build / "facts").glob("*.graph.json"))) == 5


def test_demo_twice_gives_the_same_counts(demo_build):
    _, _, first, second = demo_build
    assert second.exit_code == 0, second.output
    counts = [line for line in first.output.splitlines() if "documents" in line]
    assert counts == [line for line in second.output.splitlines() if "documents" in line]


def test_demo_runs_every_query_pack(demo_build):
    from plankg.queries.loader import load_packs

    build, *_ = demo_build
    assert {p.stem for p in (build / "queries").glob("*.json")} == set(load_packs())


def test_department_ranking_puts_the_science_bureau_on_top_for_the_2024_plan(demo_build):
    _, store, *_ = demo_build
    result = CliRunner().invoke(main, ["query", "departments_by_tasks", "--param", "plan=2024", "--format", "json",
                                       "--store", store])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    top = [json.dumps(r, ensure_ascii=False) for r in rows[:3]]
    assert any("杭州市科学技术局" in r or "市科技局" in r for r in top), top


def test_query_table_output_and_unknown_query(demo_build):
    _, store, *_ = demo_build
    ok = CliRunner().invoke(main, ["query", "--cypher", "MATCH (d:Document) RETURN count(d) AS n", "--store", store])
    assert ok.exit_code == 0 and "5" in ok.output.splitlines()[-1]
    bad = CliRunner().invoke(main, ["query", "no_such_query", "--store", store])
    assert bad.exit_code == 2 and "plankg queries" in bad.output
    write = CliRunner().invoke(main, ["query", "--cypher", "MATCH (d:Document) DETACH DELETE d", "--store", store])
    assert write.exit_code == 2 and "--write" in write.output


def test_load_reports_unchanged_on_reload(demo_build):
    build, store, *_ = demo_build
    result = CliRunner().invoke(main, ["load", str(build / "facts"), "--store", store])
    assert result.exit_code == 0, result.output
    task_line = next(line for line in result.output.splitlines() if line.startswith("Task"))
    created, updated, unchanged = map(int, task_line.split()[1:4])
    assert created == 0 and updated == 0 and unchanged > 0


def test_bad_document_is_reported_and_nothing_loaded_is_lost(demo_build, tmp_path):
    _, store, *_ = demo_build
    before = CliRunner().invoke(main, ["query", "--cypher", "MATCH (t:Task) RETURN count(t) AS n", "--format", "json",
                                       "--store", store])
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    result = CliRunner().invoke(main, ["load", str(tmp_path / "binary.txt"), "--store", store])
    assert result.exit_code == 1 and "binary.txt" in result.output and "Fix:" in result.output
    after = CliRunner().invoke(main, ["query", "--cypher", "MATCH (t:Task) RETURN count(t) AS n", "--format", "json",
                                      "--store", store])
    assert json.loads(before.output) == json.loads(after.output)


def test_science_bureau_and_talent_office_share_tasks(demo_build):
    _, store, *_ = demo_build
    pairs = {frozenset((r["department_a"], r["department_b"])) for r in _query(store, "co_responsible_pairs")}
    assert frozenset(("杭州市科学技术局", "中共杭州市委人才工作领导小组办公室")) in pairs


def test_the_seven_provincial_laboratories_appear_under_the_platform_queries(demo_build):
    _, store, *_ = demo_build
    labs = {"之江实验室", "西湖实验室", "良渚实验室", "湖畔实验室", "天目山实验室", "白马湖实验室", "湘湖实验室"}
    in_plan = {r["platform"] for r in _query(store, "plan_platforms", plan="2024")}
    assert labs <= in_plan
    by_kind = {r["platform"]: r for r in _query(store, "platforms_by_kind")}
    assert labs <= set(by_kind)
    assert {by_kind[name]["kind"] for name in labs} == {by_kind["之江实验室"]["kind"]}


def test_demo_rebuilds_its_own_store_when_the_ontology_changed_but_never_a_named_one(tmp_path, monkeypatch):
    import ladybug

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PLANKG_STORE", raising=False)
    stale = tmp_path / "build" / "plankg.lbdb"
    stale.parent.mkdir()
    old = ladybug.Database(str(stale))  # a store of an older ontology: Document without its later properties
    ladybug.Connection(old).execute("CREATE NODE TABLE Document(id STRING, name STRING, PRIMARY KEY(id))")
    old.close()

    named = CliRunner().invoke(main, ["demo", "--store", f"ladybug://{stale}", "--build", str(tmp_path / "out")])
    assert named.exit_code != 0
    assert "another version of the ontology" in named.output and f"delete {stale}" in named.output

    rebuilt = CliRunner().invoke(main, ["demo", "--build", str(tmp_path / "out")])
    assert rebuilt.exit_code == 0, rebuilt.output
    assert "rebuilding the demo store" in rebuilt.output and "5 documents" in rebuilt.output


def test_demo_export_conforms_to_the_shapes(demo_build, demo_dir, tmp_path):
    """The closed SHACL shapes accept the real demo graph (as Turtle and as JSON-LD), which also
    carries no path of this machine."""
    rdflib = pytest.importorskip("rdflib")
    pyshacl = pytest.importorskip("pyshacl", reason="SHACL validation needs pyshacl: pip install -e '.[test]'")
    from plankg.ontology.rdf import SHAPES_FILE, load_ontology

    _, store, *_ = demo_build
    shapes = load_ontology(SHAPES_FILE)
    for fmt, rdflib_format in (("ttl", "turtle"), ("jsonld", "json-ld")):
        out = tmp_path / f"demo.{fmt}"
        result = CliRunner().invoke(main, ["export", "--format", fmt, "--out", str(out), "--store", store])
        assert result.exit_code == 0, result.output
        assert str(demo_dir) not in out.read_text(encoding="utf-8")
        data = rdflib.Graph().parse(out, format=rdflib_format)
        conforms, _, report = pyshacl.validate(data, shacl_graph=shapes)
        assert conforms, report


def test_the_corridor_printed_two_ways_is_one_platform_in_three_plans(demo_build):
    """Issue #16: 城西科创大走廊 (two plans) and 杭州城西科创大走廊 (a third) are one node, and the merge
    log says how each printed name was read."""
    _, store, *_ = demo_build
    rows = _query(store, "platform_mentions", platform="城西科创大走廊")
    assert {r["platform"] for r in rows} == {"城西科创大走廊"}
    assert len({r["plan"] for r in rows}) == 3
    assert {r["printed_name"] for r in rows} == {"城西科创大走廊", "杭州城西科创大走廊"}
    log = _query(store, "merge_log", name="城西科创大走廊")
    assert {(r["printed_name"], r["resolution"]) for r in log} == {
        ("城西科创大走廊", "plankg.resolve.v1: plan region 杭州市"),
        ("杭州城西科创大走廊", "plankg.resolve.v1: place 杭州→杭州市")}


def test_targets_by_metric_puts_the_city_beside_its_district(demo_build):
    """Issue #16: 有效高新技术企业总数 (the city's 2024 plan) and 国家高新技术企业数量 (拱墅区's plan) are one
    metric, compared in one unit."""
    _, store, *_ = demo_build
    rows = _query(store, "targets_by_metric", metric="高新技术企业", min_plans="2")
    stock = [r for r in rows if r["metric_key"] == "高新技术企业"]
    assert {(r["region"], r["metric"], r["value"], r["unit"]) for r in stock} >= {
        ("杭州市", "有效高新技术企业总数", 17000.0, "家"), ("拱墅区", "国家高新技术企业数量", 1000.0, "家")}
    spending = _query(store, "targets_by_metric", metric="研发经费支出", min_plans="2")
    assert {r["region"] for r in spending if r["metric_key"] == "研发经费支出"} == {"杭州市", "拱墅区"}


def test_every_task_of_the_high_tech_zone_opinion_that_names_the_zone_links_to_it(demo_build):
    """Issue #16: the draft opinion on 杭州国家高新区 names the zone in eight task texts (checked by hand in
    data/demo/003_14e41b5ea05adff6.txt); each task mentions the one node, not only the first."""
    _, store, *_ = demo_build
    rows = [r for r in _query(store, "platform_mentions", platform="高新区")
            if r["printed_name"] == "杭州国家高新区" and "世界领先科技园区" in r["plan"]]
    assert len({r["platform"] for r in rows}) == 1
    assert {r["ref"] for r in rows if r["ref"]} == {"一.(一)", "一.(二)", "二.(一)", "四.(十)", "五.(十四)",
                                                   "五.(十五)", "六.(十六)", "六.(十七)"}


def test_a_target_stated_in_the_goals_and_again_in_a_task_shows_the_tasks_departments(demo_build):
    """Issue #16: 新增高新技术企业2000家 is stated in 一、主要目标 and again in task 二.(三).6
    (责任单位:市科技局、市经信局); the year's due targets show both departments."""
    _, store, *_ = demo_build
    rows = [r for r in _query(store, "targets_due", year="2024") if r["text"] == "新增高新技术企业2000家"]
    assert rows and {"杭州市科学技术局", "杭州市经济和信息化局"} <= set(rows[0]["departments"])
