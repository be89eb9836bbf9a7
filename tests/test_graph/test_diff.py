"""`plankg diff` on two editions constructed from a real plan (tests/cases/editions/README.md says
what was edited): each edit is reported, and nothing else. The expected changes are written here by
hand from the edits, not taken from a run of the code."""
from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from plankg.cli import main
from plankg.graph.diff import Edition, EditionTarget, EditionTask, diff_editions
from plankg.workflow import diff_plans, read_edition, write_diff

EDITIONS = Path(__file__).resolve().parents[1] / "cases" / "editions"
A, B = EDITIONS / "xianan_2023_a.txt", EDITIONS / "xianan_2023_b.txt"

# (changes, ref in A, ref in B, departments added, departments removed, leads in A, leads in B)
EXPECTED_TASKS = [
    (("departments added",), "一.2", "一.2", ("区住房和城乡建设局",), (), ("区发展和改革局",), ("区发展和改革局",)),
    (("departments added", "departments removed", "lead changed"), "一.4", "一.4",
     ("区发展和改革局",), ("区商务局",), ("区商务局",), ("区发展和改革局",)),
    (("reworded",), "一.9", "一.9", (), (), ("区农业农村局",), ("区农业农村局",)),
    (("dropped",), "一.10", None, (), (), ("区发展和改革局",), ()),
    (("added",), None, "一.11", (), (), (), ("区应急管理局",)),
    (("reworded",), "二.(一).12", "二.(一).12", (), (), ("区交通运输局",), ("区交通运输局",)),
]
# (changes, metric, value in A, value in B, year in A, year in B)
EXPECTED_TARGETS = [
    (("raised",), "地区生产总值增长", 8.0, 8.5, 2023, 2023),
    (("year moved",), "粮食产量稳定在", 230000.0, 230000.0, 2023, 2025),
]


def _tasks(diff):
    return [(c.changes, c.ref_a, c.ref_b, c.departments_added, c.departments_removed, c.lead_before, c.lead_after)
            for c in diff.tasks]


def _targets(diff):
    return [(t.changes, t.metric, t.before.value if t.before else None, t.after.value if t.after else None,
             t.before.year if t.before else None, t.after.year if t.after else None) for t in diff.targets]


@pytest.fixture(scope="module")
def file_diff():
    return diff_plans(A, B)


def test_every_edit_of_the_revision_is_reported_and_nothing_else(file_diff):
    assert _tasks(file_diff) == EXPECTED_TASKS
    assert _targets(file_diff) == EXPECTED_TARGETS
    assert (file_diff.unchanged_tasks, file_diff.unchanged_targets) == (7, 6)


def test_dropped_and_added_tasks_are_the_edited_ones_and_the_renumbered_task_is_matched(file_diff):
    dropped = next(c for c in file_diff.tasks if c.changes == ("dropped",))
    added = next(c for c in file_diff.tasks if c.changes == ("added",))
    assert dropped.before is not None and dropped.before.text.startswith("完成省、市下达的节能减排考核目标任务")
    assert added.after is not None and added.after.text.startswith("全面完成安全生产目标责任考核任务")
    # A's 一.11 (环境保护) is B's 一.10: same wording, so no change is reported for it, although A's 一.10
    # (节能减排, dropped) reads 0.76 alike: equal wordings pair before similar ones
    assert not any(c.ref_b == "一.10" for c in file_diff.tasks)


def test_reworded_tasks_carry_their_similarity_above_the_threshold(file_diff):
    reworded = {c.ref_b: c.similarity for c in file_diff.tasks if "reworded" in c.changes}
    assert set(reworded) == {"一.9", "二.(一).12"}
    assert all(0.6 <= s < 1 for s in reworded.values())


def test_a_stricter_threshold_turns_a_small_rewording_into_a_drop_and_an_add():
    strict = diff_plans(A, B, threshold=0.95)
    reworded = [c.ref_b for c in strict.tasks if "reworded" in c.changes]
    assert reworded == []  # 一.9 (0.7) and 二.(一).12 (0.91) no longer pair
    assert sorted(c.ref_a for c in strict.tasks if c.changes == ("dropped",)) == ["一.10", "一.9", "二.(一).12"]


def test_the_diff_the_other_way_swaps_added_with_dropped_and_raised_with_lowered(file_diff):
    back = diff_plans(B, A)
    swap = {"added": "dropped", "dropped": "added", "departments added": "departments removed",
            "departments removed": "departments added"}
    assert sorted(k for c in back.tasks for k in c.changes) == sorted(
        swap.get(k, k) for c in file_diff.tasks for k in c.changes)
    assert [t.changes for t in back.targets] == [("lowered",), ("year moved",)]


def test_an_edition_against_itself_has_no_changes():
    edition = read_edition(A)
    same = diff_editions(edition, edition)
    assert (same.tasks, same.targets, same.unchanged_tasks, same.unchanged_targets) == ((), (), 12, 8)


def test_editions_loaded_in_a_store_diff_as_the_files_do(tmp_path, file_diff):
    store = f"ladybug://{tmp_path / 'plans.lbdb'}"
    loaded = CliRunner().invoke(main, ["load", str(A), str(B), "--store", store])
    assert loaded.exit_code == 0, loaded.output
    # by file name, as loaded: not files in the working folder, so looked up in the store
    by_name = CliRunner().invoke(main, ["diff", A.name, B.name, "--store", store, "--csv", str(tmp_path / "s.csv")])
    assert by_name.exit_code == 0, by_name.output
    by_file = CliRunner().invoke(main, ["diff", str(A), str(B), "--csv", str(tmp_path / "f.csv")])
    assert by_file.exit_code == 0, by_file.output
    assert (tmp_path / "s.csv").read_bytes() == (tmp_path / "f.csv").read_bytes()
    missing = CliRunner().invoke(main, ["diff", "no-such-plan.txt", B.name, "--store", store])
    assert missing.exit_code == 2 and "no document 'no-such-plan.txt'" in missing.output


def test_cli_prints_the_table_and_writes_csv_and_an_offline_page(tmp_path):
    out_csv, out_html = tmp_path / "diff.csv", tmp_path / "diff.html"
    result = CliRunner().invoke(main, ["diff", str(A), str(B), "--csv", str(out_csv), "--html", str(out_html)])
    assert result.exit_code == 0, result.output
    assert "dropped" in result.output and "lead changed" in result.output
    assert "7 tasks and 6 targets unchanged" in result.output
    rows = list(csv.DictReader(out_csv.read_text(encoding="utf-8-sig").splitlines()))
    assert [(r["item"], r["change"]) for r in rows] == [("task", ", ".join(c[0])) for c in EXPECTED_TASKS] + [
        ("target", ", ".join(t[0])) for t in EXPECTED_TARGETS]
    page = out_html.read_text(encoding="utf-8")
    assert "全面完成安全生产目标责任考核任务" in page and "default-src 'none'" in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)


def test_a_missing_file_without_a_store_is_named(tmp_path):
    result = CliRunner().invoke(main, ["diff", str(tmp_path / "gone.txt"), str(B),
                                       "--store", f"ladybug://{tmp_path / 'none.lbdb'}"])
    assert result.exit_code == 2 and "none.lbdb" in result.output


def test_names_are_escaped_in_the_page_and_formulas_defused_in_csv(tmp_path):
    evil = EditionTask("1", '=HYPERLINK("http://evil.example")', "x", (("<script>alert(1)</script>", "lead"),))
    before = EditionTask("1", "建设平台", "x", (("甲局", "lead"),))
    a = Edition("a", "<b>甲</b>", "a.txt", (before,), (EditionTarget("指标", 1.0, "%", "=", 2024, "<i>1%</i>"),))
    b = Edition("b", "乙", "b.txt", (evil,), ())
    written = write_diff(diff_editions(a, b), csv=tmp_path / "d.csv", html=tmp_path / "d.html")
    page = written[1].read_text(encoding="utf-8")
    assert "<script>alert" not in page and "<b>甲" not in page and "<i>1%" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # the lead change names it
    assert "&lt;b&gt;甲&lt;/b&gt;" in page
    text = written[0].read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text and ",=HYPERLINK" not in text
