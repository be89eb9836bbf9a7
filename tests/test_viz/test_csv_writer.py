"""The one CSV writer: what a spreadsheet reads back is the text, never a formula, and reading
the file back gives every value (text escaped) in its cell."""
from __future__ import annotations

import csv
import io

from hypothesis import given
from hypothesis import strategies as st

from plankg.viz.csv_writer import FORMULA_STARTS, csv_cell, csv_text, excel_safe, write_csv

# text that starts with formula characters often, including newlines, quotes and commas inside
texts = st.text(alphabet=st.sampled_from(list("=+-@\t\r\n\",;'aZ1 市科技局")) | st.characters(), max_size=30)
cells = st.one_of(st.none(), texts, st.integers(-10**6, 10**6), st.booleans())
tables = st.lists(texts, min_size=1, max_size=5).flatmap(
    lambda header: st.tuples(st.just(header), st.lists(st.lists(cells, min_size=len(header), max_size=len(header)),
                                                       max_size=6)))


@given(tables)
def test_round_trip_gives_the_escaped_values_back_and_no_formula(table):
    header, rows = table
    text = csv_text(header, rows)
    read = list(csv.reader(io.StringIO(text + "\n"), strict=True))
    assert read == [[csv_cell(v) for v in header], *([csv_cell(v) for v in row] for row in rows)]
    for row_in, row_out in zip([header, *rows], read, strict=True):
        for value, cell in zip(row_in, row_out, strict=True):
            if isinstance(value, str):
                assert cell == excel_safe(value) and not cell.startswith(FORMULA_STARTS)
                assert cell.removeprefix("'") == value or cell == value


@given(tables)
def test_no_empty_line_at_the_end(table):
    header, rows = table
    text = csv_text(header, rows)
    assert not text.endswith("\n")
    assert len(list(csv.reader(io.StringIO(text)))) == 1 + len(rows)


def test_file_with_byte_order_mark_for_excel(tmp_path):
    path = write_csv(tmp_path / "m.csv", ["部门", "=x"], [["@SUM(A1)", 3]], excel=True)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.endswith(b"\n") and not raw.endswith(b"\n\n")
    assert list(csv.reader(io.StringIO(raw.decode("utf-8-sig")))) == [["部门", "'=x"], ["'@SUM(A1)", "3"]]


def test_input_files_for_other_programs_can_keep_values_raw(tmp_path):
    path = write_csv(tmp_path / "nodes.csv", ["id:ID", "value:double"], [["-1", -1.5]], escape=False)
    assert path.read_text(encoding="utf-8") == "id:ID,value:double\n-1,-1.5\n"
