// name: plan_lineage
// dialect: ladybug
// reason: LadybugDB has no list comprehension over nodes(path) and cannot ORDER BY a list; it
//   takes a path's titles with properties(nodes(chain), 'title') and orders by their joined text.
MATCH (p:Plan)
WHERE p.title CONTAINS $plan
MATCH chain = (p)-[:REFERENCES*1..5]->(cited:Plan)
WITH p, cited, length(chain) AS hops, properties(nodes(chain), 'title') AS path
RETURN p.title AS plan,
       cited.title AS ancestor,
       hops,
       path
ORDER BY plan, hops, ancestor, list_to_string(' > ', path)
