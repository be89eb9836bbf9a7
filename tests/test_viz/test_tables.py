"""The responsibility matrix: one row per task, one column per department, the role in the cell."""
from __future__ import annotations

import csv

from plankg.viz.tables import matrix_html, responsibility_matrix, table_data, write_matrix_csv, write_matrix_html


def test_matrix_has_every_responsibility(viz_store, hostile):
    matrix = responsibility_matrix(viz_store)
    assert len(matrix.tasks) == 6 and len(matrix.departments) == 4
    assert matrix.cells == 10
    keji = next(d for d in matrix.departments if d.name == "杭州市科学技术局")
    assert keji.tasks == 4 and matrix.departments[0] == keji  # busiest department first
    roles = [matrix.role(t.id, keji.id) for t in matrix.tasks]
    assert roles.count("牵头") == 2 and roles.count("配合") == 1 and roles.count("负责") == 1
    assert [t.ref for t in matrix.tasks[:3]] == ["二.(一).1", "二.(一).2", "二.(一).3"]  # document order


def test_csv_opens_in_excel(viz_store, tmp_path, hostile, quoted):
    path = write_matrix_csv(viz_store, tmp_path / "m.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads Chinese CSV correctly only with the BOM
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0][:4] == ["规划", "文件", "编号", "任务"]
    assert hostile in rows[0] and quoted in rows[0]
    assert len(rows) == 7 and all(len(r) == 8 for r in rows)


def test_html_matrix_is_offline_and_escaped(viz_store, tmp_path, hostile):
    path = write_matrix_html(viz_store, tmp_path / "m.html")
    page = path.read_text(encoding="utf-8")
    assert hostile not in page and "<script>alert" not in page  # names travel only inside the packed data
    assert "default-src 'none'" in page and "http" not in page.split("<table", 1)[0].replace(
        "http-equiv", "")
    data = table_data(page)  # and come back exactly
    assert hostile in [c[0] for c in data["columns"]]
    leads = data["roles"].index(["牵头", "lead"])
    assert sum(row[-1][1::2].count(leads) for row in data["rows"]) == 5


def test_csv_cells_cannot_become_excel_formulas(tmp_path):
    import networkx as nx

    g = nx.MultiDiGraph()
    g.add_node("t", label="Task", ref="1", text="=cmd|' /C calc'!A0", name="1")
    g.add_node("d", label="Department", name="@SUM(1)")
    g.add_edge("d", "t", key="RESPONSIBLE_FOR", type="RESPONSIBLE_FOR", role="lead")
    path = write_matrix_csv(responsibility_matrix(g), tmp_path / "x.csv")
    text = path.read_text(encoding="utf-8-sig")
    assert "'=cmd" in text and "'@SUM" in text
    assert "<table" in matrix_html(responsibility_matrix(g))
