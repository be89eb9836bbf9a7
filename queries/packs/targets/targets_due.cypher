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
// settle the targets first, and sort only the returned values by department: LadybugDB
// otherwise builds the optional side for every target and sorts whole nodes
WITH p.title AS plan, g, place
OPTIONAL MATCH (place)<-[:RESPONSIBLE_FOR]-(d:Department)
WITH g.metric AS metric, g.comparator AS comparator, g.value AS value, g.unit AS unit, plan, g.text AS text,
     d.name AS department
ORDER BY department
SKIP 0
RETURN metric,
       comparator,
       value,
       unit,
       plan,
       text,
       collect(department) AS departments
ORDER BY metric, plan, value, text
