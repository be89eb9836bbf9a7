// name: targets_due
// title_zh: 某年到期的目标
// title_en: Targets due in one year
// description: Every target due in $year across plans, with the departments responsible for the
//   task that sets it (empty when none is named). The list a reviewer checks at year end.
// param: year int choices=pick_years -- 目标年份 (target year, e.g. 2025)
// category: lookup
// revision: 1
MATCH (g:Target)
WHERE g.year = $year
MATCH (place)-[:SETS_TARGET]->(g)
MATCH (p:Plan)
WHERE p.document_id = g.document_id
OPTIONAL MATCH (place)<-[:RESPONSIBLE_FOR]-(d:Department)
WITH p, place, g, d
ORDER BY d.name
SKIP 0
RETURN g.metric AS metric,
       g.comparator AS comparator,
       g.value AS value,
       g.unit AS unit,
       p.title AS plan,
       g.text AS text,
       collect(d.name) AS departments
ORDER BY metric, plan, value, text
