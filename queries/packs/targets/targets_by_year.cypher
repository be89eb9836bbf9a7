// name: targets_by_year
// title_zh: 各年份目标数量
// title_en: Targets per year
// description: How many targets fall due each year, in how many plans, and which metrics
//   (alphabetically). Targets without a year are counted under a null year, last.
// category: overview
// revision: 1
MATCH (g:Target)
MATCH (p:Plan)
WHERE p.document_id = g.document_id
WITH p, g
ORDER BY g.metric
SKIP 0
RETURN g.year AS year,
       count(DISTINCT g.id) AS targets,
       count(DISTINCT p.id) AS plans,
       collect(DISTINCT g.metric) AS metrics
ORDER BY year
