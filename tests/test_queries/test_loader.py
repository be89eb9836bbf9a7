"""The loader refuses malformed pack files with the file and line, and exports packs for Neo4j."""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from plankg.errors import QueryError
from plankg.queries.loader import (
    BASE_KEYS,
    CATEGORIES,
    OVERRIDE_KEYS,
    export_packs,
    is_read_only,
    load_packs,
    neo4j_file_text,
)

README = Path(__file__).resolve().parents[2] / "queries" / "README.md"

GOOD = """\
// name: plan_titles
// title_zh: 规划标题
// title_en: Plan titles
// description: Titles of plans whose title contains $plan.
//   A second line of description.
// param: plan string = "" choices=pick_plans -- 规划标题片段
// category: overview
// revision: 1
// viz: source=plan target=plan
MATCH (p:Plan)
WHERE $plan = '' OR p.title CONTAINS $plan
RETURN p.title AS plan
ORDER BY plan
"""
PICK = """\
// name: pick_plans
// title_zh: 规划选项
// title_en: Plans
// description: Plan titles.
// category: pick-list
// revision: 1
MATCH (p:Plan)
RETURN p.title AS value
ORDER BY value
"""


def write_pack(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / "packs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "packs"


def test_a_good_pack_loads(tmp_path):
    queries = load_packs(write_pack(tmp_path, {"t/plan_titles.cypher": GOOD, "p/pick_plans.cypher": PICK}))
    query = queries["plan_titles"]
    assert query.pack == "t" and query.revision == 1 and query.viz == {"source": "plan", "target": "plan"}
    assert query.description == "Titles of plans whose title contains $plan.\nA second line of description."
    assert query.params[0].default == "" and not query.params[0].required
    assert query.text_for("neo4j") == query.text_for("ladybug") == query.text


@pytest.mark.parametrize("change, message", [
    (("// category: overview", "// catgory: overview"),
     r"unknown header key 'catgory' \[packs/t/plan_titles.cypher:7\]"),
    (("// revision: 1\n", ""), r"lacks required key\(s\) revision"),
    (("// title_en: Plan titles\n", "// title_en: Plan titles\n// title_en: again\n"), "appears twice"),
    (("// param: plan string", "// param: plan strng"), r"type 'strng'.*:6\]"),
    (("WHERE $plan = '' OR p.title CONTAINS $plan", "WHERE p.title CONTAINS $plan OR p.region = $region"),
     r"used but not declared: \$region"),
    (("// param: plan string = \"\" choices=pick_plans -- 规划标题片段\n",
      "// param: plan string = \"\" choices=pick_plans -- 规划标题片段\n// param: year int = 0 -- 年份\n"),
     r"declared but not used: \$year"),
    (("MATCH (p:Plan)", "MATCH (p:Plna)"), "unknown node label 'Plna'.*use one of Document"),
    (("MATCH (p:Plan)", "MATCH (p:Plan)-[:CITES]->(:Plan)"), "unknown relationship type 'CITES'"),
    (("RETURN p.title AS plan", "RETURN p.titel AS plan"), "unknown property 'titel'"),
    (("RETURN p.title AS plan", "RETURN p.name AS plan"), r"unknown property 'name' of p \(Plan\).*doc_number"),
    (("RETURN p.title AS plan", "RETURN p.title"), "has no alias"),
    (("ORDER BY plan\n", ""), "no ORDER BY"),
    (("// viz: source=plan target=plan", "// viz: source=plan target=task"), "names no returned column"),
    (("// viz: source=plan target=plan", "// viz: source=plan target=plan directed=maybe"), "is not one of yes, no"),
    (("// category: overview", "// category: misc"), "unknown category 'misc'"),
    (("choices=pick_plans", "choices=plan_titles"), "not a pick-list query"),
    (("// name: plan_titles", "// name: plan_title"), "differs from the file name"),
    (("RETURN p.title AS plan", "SET p.title = 'x' RETURN p.title AS plan"), "writes or calls procedures"),
    (("ORDER BY plan\n", "ORDER BY plan;\n"), "contains ';'"),
    (("RETURN p.title AS plan\nORDER BY plan", "RETURN p.title AS p\nORDER BY p"), "name of a pattern variable"),
])
def test_malformed_packs_are_refused(tmp_path, change, message):
    old, new = change
    assert old in GOOD
    root = write_pack(tmp_path, {"t/plan_titles.cypher": GOOD.replace(old, new), "p/pick_plans.cypher": PICK})
    with pytest.raises(QueryError, match=message):
        load_packs(root)


OVERRIDE = """\
// name: plan_titles
// dialect: ladybug
// reason: an example: the text is the same, the reason says why it could not be.
MATCH (p:Plan)
WHERE $plan = '' OR p.title CONTAINS $plan
RETURN p.title AS plan
ORDER BY plan DESC
"""


def test_an_override_replaces_one_dialect_only(tmp_path):
    queries = load_packs(write_pack(tmp_path, {"t/plan_titles.cypher": GOOD, "t/plan_titles.ladybug.cypher": OVERRIDE,
                                               "p/pick_plans.cypher": PICK}))
    query = queries["plan_titles"]
    assert query.text_for("ladybug").endswith("DESC") and not query.text_for("neo4j").endswith("DESC")
    assert query.overrides["ladybug"].reason.startswith("an example")
    with pytest.raises(QueryError, match="unknown dialect"):
        query.text_for("sparql")


@pytest.mark.parametrize("file_name, text, message", [
    ("t/plan_titles.ladybug.cypher", OVERRIDE.replace("// reason: an example", "// why: an example"),
     "unknown header key 'why'"),
    ("t/plan_titles.ladybug.cypher", OVERRIDE.replace("// reason: an example: the text is the same, the reason says "
                                                      "why it could not be.\n", ""), r"lacks required key\(s\) reason"),
    ("t/plan_titles.oracle.cypher", OVERRIDE, "unknown dialect 'oracle'"),
    ("t/plan_list.ladybug.cypher", OVERRIDE, "has no base query"),
    ("t/plan_titles.ladybug.cypher", OVERRIDE.replace("AS plan\n", "AS title\n").replace("BY plan", "BY title"),
     r"returns \['title'\], the base returns \['plan'\]"),
    ("t/plan_titles.ladybug.cypher", OVERRIDE.replace("CONTAINS $plan", "CONTAINS $region"),
     r"used but not declared: \$region"),
])
def test_malformed_overrides_are_refused(tmp_path, file_name, text, message):
    root = write_pack(tmp_path, {"t/plan_titles.cypher": GOOD, file_name: text, "p/pick_plans.cypher": PICK})
    with pytest.raises(QueryError, match=message):
        load_packs(root)


def test_names_are_unique_across_packs(tmp_path):
    root = write_pack(tmp_path, {"a/plan_titles.cypher": GOOD, "b/plan_titles.cypher": GOOD,
                                 "p/pick_plans.cypher": PICK})
    with pytest.raises(QueryError, match="used twice"):
        load_packs(root)


@pytest.mark.parametrize("cypher, read_only", [
    ("MATCH (n:Task) RETURN n.text AS text ORDER BY text", True),
    ("MATCH (n:Task) WHERE n.text CONTAINS 'DELETE' RETURN n.text AS t // SET nothing", True),
    ("MATCH (n) RETURN {create: 1, merge: 2} AS m", True),
    ("EXPLAIN MATCH (n) RETURN n.id AS id", True),
    ("CREATE (:Task {id: 'x'})", False),
    ("MATCH (n) SET n.text = 'x'", False),
    ("match (n) detach delete n", False),
    ("MATCH (n:Task) REMOVE n.text", False),
    ("MERGE (n:Plan {id: 'x'})", False),
    ("DROP TABLE Task", False),
    ("COPY Task FROM 'tasks.csv'", False),
    ("LOAD CSV FROM 'file:///x.csv' AS row RETURN row", False),
    ("CALL db.labels()", False),
    ("UNWIND [1] AS x FOREACH (y IN [x] | CREATE (:Task))", False),
    ("INSTALL json", False),
])
def test_read_only_detection(cypher, read_only):
    assert is_read_only(cypher) is read_only


def test_export_writes_json_and_a_neo4j_zip(tmp_path):
    queries = load_packs()
    json_path, zip_path = export_packs(tmp_path / "out")
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert data["format"] == "plankg-queries/1"
    assert {q["name"] for q in data["queries"]} == set(queries)
    lineage = next(q for q in data["queries"] if q["name"] == "plan_lineage")
    assert "ladybug" in lineage["overrides"] and "nodes(chain)" in lineage["text"]
    with zipfile.ZipFile(zip_path) as archive:
        names = set(archive.namelist())
        assert {f"plankg-queries/{q.pack}/{q.name}.cypher" for q in queries.values()} <= names
        favorites = json.loads(archive.read("plankg-queries/favorites.json").decode("utf-8"))
        shell = archive.read("plankg-queries/plans/plan_lineage.cypher").decode("utf-8")
    assert len(favorites["favorites"]) == len(queries)
    assert {f["folder"] for f in favorites["favorites"]} == {f["id"] for f in favorites["folders"]}
    assert favorites["favorites"][0]["content"].startswith("// ")
    assert "properties(nodes(chain)" not in shell and shell.rstrip().endswith(";")
    assert "// required: :param {plan: ...}" in shell


def test_shell_file_sets_defaults_with_param_commands():
    text = neo4j_file_text(load_packs()["co_responsible_pairs"])
    assert ":param {plan: ''}" in text and ":param {min_tasks: 1}" in text


def test_readme_documents_every_header_key_and_category():
    readme = README.read_text(encoding="utf-8")
    for key in [*BASE_KEYS, *OVERRIDE_KEYS, *CATEGORIES]:
        assert f"`{key}`" in readme, key
