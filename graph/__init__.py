"""Graph stores: one `GraphStore` contract, an embedded LadybugDB default and a Neo4j backend."""
