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
    file_params,
    is_read_only,
    load_packs,
    param_literal,
    read_param_file,
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


def exported_files(out: Path) -> dict[str, str]:
    """The files of the exported zip, by name."""
    json_path, zip_path = export_packs(out)
    with zipfile.ZipFile(zip_path) as archive:
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist()}


def test_export_writes_json_and_a_neo4j_zip(tmp_path):
    queries = load_packs()
    json_path, zip_path = export_packs(tmp_path / "out")
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert data["format"] == "plankg-queries/1"
    assert {q["name"] for q in data["queries"]} == set(queries)
    lineage = next(q for q in data["queries"] if q["name"] == "plan_lineage")
    assert "ladybug" in lineage["overrides"] and "nodes(chain)" in lineage["text"]
    files = exported_files(tmp_path / "again")
    # Neo4j Browser imports every .cypher file of a zip as a saved script, in a folder per path;
    # it imports no JSON, so the zip holds none
    assert {n for n in files if n.endswith(".cypher")} == {f"plankg-queries/{q.pack}/{q.name}.cypher"
                                                           for q in queries.values()}
    assert {n for n in files if n.endswith(".params")} == {f"plankg-queries/{q.pack}/{q.name}.params"
                                                           for q in queries.values() if q.params}
    assert set(files) == {n for n in files if n.endswith((".cypher", ".params"))}
    shell = files["plankg-queries/plans/plan_lineage.cypher"]
    assert "properties(nodes(chain)" not in shell and shell.rstrip().endswith(";")


def test_exported_queries_have_no_param_commands_and_document_every_parameter(tmp_path):
    """A `:param` line is a Browser command, not Cypher: Browser would run it and overwrite the
    user's value, cypher-shell -f would run it as a command, and Neo4j's parser rejects it."""
    files = exported_files(tmp_path)
    for query in load_packs().values():
        text = files[f"plankg-queries/{query.pack}/{query.name}.cypher"]
        assert not [line for line in text.splitlines() if line.lstrip().startswith(":")], query.name
        assert text.startswith(f"// {query.title_zh} — {query.title_en}\n")  # Browser's name for it
        header = text[:text.index(query.text_for("neo4j"))]
        assert all(line.startswith("//") for line in header.splitlines()), query.name
        for p in query.params:
            line = next(line for line in header.splitlines() if line.startswith(f"//   ${p.name} ("))
            assert p.type in line and p.description in line
            assert ("required" in line) if p.required else (f"default {param_literal(p.default)}" in line)


def test_parameter_files_hold_a_value_of_each_parameter_s_type(tmp_path):
    files = exported_files(tmp_path)
    co = files["plankg-queries/responsibility/co_responsible_pairs.params"]
    assert co == '{plan: "", min_tasks: 1}\n'
    assert read_param_file(files["plankg-queries/search/find_entity.params"]) == {"q": "科技局"}  # its example
    types = {"string": str, "int": int, "float": float, "bool": bool}
    for query in (q for q in load_packs().values() if q.params):
        values = read_param_file(files[f"plankg-queries/{query.pack}/{query.name}.params"])
        assert values == file_params(query)
        assert list(values) == [p.name for p in query.params]
        assert all(type(values[p.name]) is types[p.type] for p in query.params), query.name
        assert all(values[p.name] == p.default for p in query.params if not p.required)


def _exported_for_lint() -> list[dict]:
    """Each exported file as the linter takes it, with its parameter file's values."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        files = exported_files(Path(folder))
    out = []
    for name, text in sorted(files.items()):
        if name.endswith(".cypher"):
            params = files.get(name.removesuffix(".cypher") + ".params")
            out.append({"name": name, "query": text, "parameters": read_param_file(params) if params else {}})
            if params:  # what cypher-shell -P evaluates
                out.append({"name": name + " (-P)", "query": f"RETURN {params.strip()} AS params"})
    return out


@pytest.mark.lints(build=_exported_for_lint)
def test_every_exported_file_passes_the_neo4j_linter_without_findings(cypher_linter):
    diagnostics = cypher_linter.lint(_exported_for_lint(), strict=True)
    assert not diagnostics, "\n".join(map(str, diagnostics))


def test_readme_documents_every_header_key_and_category():
    readme = README.read_text(encoding="utf-8")
    for key in [*BASE_KEYS, *OVERRIDE_KEYS, *CATEGORIES]:
        assert f"`{key}`" in readme, key
