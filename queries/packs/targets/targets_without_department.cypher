// name: targets_without_department
// title_zh: 无责任单位的目标
// title_en: Targets without a responsible department
// description: Targets whose setting place (plan, section or task) has no responsible
//   department: no one is named as accountable for them. Targets in a plan's preamble or
//   section headings usually land here.
// param: plan string = "" choices=pick_plans -- 规划标题片段, "" 表示全部 (fragment of a plan title; "" for all plans)
// category: quality
// revision: 1
MATCH (p:Plan)
WHERE $plan = '' OR p.title CONTAINS $plan
MATCH (p)-[:HAS_SECTION|HAS_TASK*0..7]->(place)-[:SETS_TARGET]->(g:Target)
WHERE NOT EXISTS { MATCH (place)<-[:RESPONSIBLE_FOR]-(:Department) }
RETURN p.title AS plan,
       g.year AS year,
       g.metric AS metric,
       g.text AS text,
       place.ref AS set_in
ORDER BY plan, year, metric, text
