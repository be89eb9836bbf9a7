"""The live-Neo4j fixtures empty the server in chunks: one `MATCH (n) DETACH DELETE n` over a
server holding the benchmark's graph (95k nodes) exceeds its transaction memory limit."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.neo4j


def test_empty_neo4j_deletes_at_most_a_chunk_per_transaction(neo4j_uri, empty_neo4j):
    from plankg.graph.store import open_store

    store = open_store(neo4j_uri)
    try:
        empty_neo4j(store)
        store.run("UNWIND range(1, 12000) AS i CREATE (t:Task {id: 'wipe-' + toString(i)}) "
                  "CREATE (t)-[:MENTIONS]->(:Platform {id: 'wipe-platform-' + toString(i)})")
        run, deleted_per_statement = store.run, []

        def counting(cypher, params=None):
            rows = run(cypher, params)
            deleted_per_statement.append(rows[0]["n"])
            return rows

        store.run = counting
        assert empty_neo4j(store) == 24_000
        store.run = run
        assert deleted_per_statement == [10_000, 10_000, 4_000, 0]
        assert sum(store.counts().values()) == 0
    finally:
        store.close()
