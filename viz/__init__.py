"""Views, tables and exports of the plan graph, all readable offline.

Entry points (what `plankg.cli` calls):

* `plankg.viz.views.write_views(store, out_dir, *, document_ids=None, matrix=True) -> list[Path]`
* `plankg.viz.views.write_query_view(rows, viz_hints, out_path, title, caption=None) -> Path`
* `plankg.viz.tables.write_matrix_html(source, out_path)`, `write_matrix_csv(source, out_path)`
  (`source` is a store, a networkx graph or a `ResponsibilityMatrix`)
* `plankg.viz.export.export(store, fmt, out_path, *, document_ids=None) -> Path`, `fmt` in `FORMATS`
* `plankg.viz.html.graph_to_view(graph, title, caption)` for notebooks: the returned `View`
  displays itself inline in Jupyter and has `.write(path)`.
"""
