"""The embedded default store: LadybugDB (the maintained fork of Kùzu) in a file on disk.

The only package that imports `ladybug` (lazily, in `opening`). Rows reach the database as Arrow
tables bound to a `LOAD FROM $rows` / `COPY ... FROM $rows` parameter. `UNWIND $list MERGE` plans
a scan per row (1.4k rows/s into a 100k-node table), and `MERGE` of a relationship scans its whole
table, so writes look existing nodes up by primary key first, then take the path that keeps its
rate as tables grow: COPY into an empty table, CREATE for new nodes and for relationships of new
nodes, MATCH ... SET for existing nodes, and for other relationships an update reached from an
endpoint plus a guarded CREATE.

Replacing or deleting a document never reads a relationship table whole either: its relationships
are reached from the nodes it owns, and only the shared nodes they reached are checked for being
left unused.

Documents load in one transaction per batch; if a batch fails it is rolled back and its
documents are loaded again one transaction each, so a failure leaves the store exactly as it
was before the failing document, and the error names that document. A facts dataset's parts
(`LadybugStore.load_part`) are the exception: into an empty store each table is one
auto-committed COPY (`_bulk_copy_tables`), and new documents added to a filled store are
COPY'd too, only the shared nodes they reach being merged (`_append_tables`; a transaction
would log every row and check it in again at COMMIT, three quarters of the time). Both checkpoint
before the documents' sha256 are written, and undo themselves by hand on failure; a process
killed midway leaves documents without a sha256, which the next load replaces whole.

One module per concern:

* `tables`: rows to Arrow tables, and the helper thread that builds them during a write;
* `cypher`: the statements sent, and the reading of plans that tells a read from anything else;
* `opening`: the driver, opening (read-only, finishing a cut-short checkpoint), what a failed
  open means, and deleting a store;
* `store`: `LadybugStore`, the GraphStore that puts them together.
"""
from plankg.graph.backends.ladybug.opening import remove_store
from plankg.graph.backends.ladybug.store import CAPABILITIES, LadybugStore
from plankg.graph.backends.ladybug.tables import END_OF_NODES, graph_tables, node_table, relationship_table

__all__ = ["CAPABILITIES", "END_OF_NODES", "LadybugStore", "graph_tables", "node_table", "relationship_table",
           "remove_store"]
