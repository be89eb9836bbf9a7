"""The demo's reports: `plankg demo` writes the analysis and the edition diff, and `plankg analyze` on the
demo corpus agrees with the Cypher query packs that ask the same questions."""
from __future__ import annotations

import csv

import pytest
from click.testing import CliRunner

from plankg.cli import main

from .conftest import query_rows as _query


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    build = tmp_path_factory.mktemp("demo-reports")
    store = f"ladybug://{build / 'store.lbdb'}"
    result = CliRunner().invoke(main, ["demo", "--store", store, "--build", str(build)])
    assert result.exit_code == 0, result.output
    return build, store, result.output


def test_demo_writes_the_analysis_and_the_edition_diff(demo):
    build, _, output = demo
    assert "analysis:" in output and "edition diff (xianan_2023_a.txt → xianan_2023_b.txt)" in output
    for name in ("analysis/analysis.html", "analysis/centrality.csv", "analysis/communities.csv",
                 "analysis/bridges.csv", "diff/editions.html", "diff/editions.csv"):
        assert (build / name).is_file(), name
    with (build / "diff" / "editions.csv").open(encoding="utf-8-sig") as f:
        changes = [r["change"] for r in csv.DictReader(f)]
    assert "dropped" in changes and "added" in changes and "raised" in changes


def test_analysis_of_the_demo_corpus_agrees_with_the_query_packs(demo):
    from plankg.graph.analytics import co_responsibility_network, platform_bridges
    from plankg.graph.nx import store_to_networkx
    from plankg.graph.store import open_store

    _, url, _ = demo
    store = open_store(url, read_only=True, create=False)
    try:
        graph = store_to_networkx(store)
        # the platforms pack's path, grouped by node: two platforms of one name stay two (entity resolution
        # decides what is one thing), where platforms_in_several_plans groups by name
        mentioned = store.run("MATCH (p:Plan)-[:HAS_SECTION|HAS_TASK*0..7]->(place)-[:MENTIONS]->(f:Platform) "
                              "WITH DISTINCT f, p ORDER BY p.title SKIP 0 "
                              "WITH f, collect(p.title) AS plans WHERE size(plans) >= 2 "
                              "RETURN f.name AS platform, plans ORDER BY platform")
    finally:
        store.close()
    network = co_responsibility_network(graph, collectives=True)
    pairs = {(min(network.nodes[a]["name"], network.nodes[b]["name"]),
              max(network.nodes[a]["name"], network.nodes[b]["name"])): w for a, b, w in network.edges(data="weight")}
    assert pairs == {(r["department_a"], r["department_b"]): r["shared_tasks"]
                     for r in _query(url, "co_responsible_pairs")}
    bridges = platform_bridges(graph)
    assert sorted((b.platform, b.plans) for b in bridges) == sorted((r["platform"], tuple(r["plans"]))
                                                                   for r in mentioned)
    assert {b.platform for b in bridges} >= {"城西科创大走廊", "白马湖实验室"}


def test_analyze_on_the_demo_store_has_the_expected_shape_and_is_deterministic(demo, tmp_path):
    _, url, _ = demo
    first = CliRunner().invoke(main, ["analyze", "--store", url, "--csv", str(tmp_path / "one")])
    second = CliRunner().invoke(main, ["analyze", "--store", url, "--csv", str(tmp_path / "two")])
    assert first.exit_code == 0, first.output
    assert first.output.replace("/one/", "/") == second.output.replace("/two/", "/")
    for name in ("centrality.csv", "communities.csv", "bridges.csv"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
    with (tmp_path / "one" / "centrality.csv").open(encoding="utf-8-sig") as f:
        centrality = list(csv.DictReader(f))
    with (tmp_path / "one" / "communities.csv").open(encoding="utf-8-sig") as f:
        communities = list(csv.DictReader(f))
    # the science bureau holds most tasks of the corpus, with the most partners
    assert centrality[0]["department"] == "杭州市科学技术局"
    assert all(int(r["tasks"]) >= 1 and int(r["shared_tasks"]) >= int(r["partners"]) for r in centrality)
    assert sum(int(r["shared_tasks"]) for r in centrality) % 2 == 0  # every shared task counted at both ends
    # communities partition the departments that have partners, each into exactly one
    members = [d for c in communities for d in c["departments"].split("、")]
    assert len(members) == len(set(members)) == sum(1 for r in centrality if int(r["partners"]) > 0)
    assert all(r["community"] for r in centrality if int(r["partners"]) > 0)
