// name: plan_targets
// dialect: ladybug
// reason: LadybugDB joins the end node of a variable-length walk by scanning its whole table
//   (every Target, 15k in the benchmark) unless a HINT puts the walk first, so the scan is
//   masked to the walk's targets (about 2x faster); Neo4j has no HINT clause. Same walk and
//   columns as the shared text.
MATCH chain = (p:Plan)-[walk:HAS_SECTION|HAS_TASK|SETS_TARGET*1..8]->(g:Target)
WHERE p.title CONTAINS $plan
HINT g JOIN (p JOIN walk)
WITH p, g, nodes(chain)[-2] AS place
RETURN p.title AS plan,
       g.year AS year,
       g.metric AS metric,
       g.comparator AS comparator,
       g.value AS value,
       g.unit AS unit,
       g.text AS text,
       place.ref AS set_in
ORDER BY plan, year, metric, value, text, coalesce(set_in, "")
