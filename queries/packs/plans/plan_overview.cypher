// name: plan_overview
// title_zh: 规划概览
// title_en: Plan overview
// description: One row per ingested plan: issuers, period, date, document number, and counts of
//   sections, tasks, departments named on tasks, targets, platforms mentioned and plans cited.
//   Plans known only because another plan cites them are left out (see plan_citations).
// param: plan string = "" choices=pick_plans -- 规划标题片段, "" 表示全部 (fragment of a plan title; "" for all plans)
// category: overview
// revision: 1
MATCH (p:Plan)
WHERE p.document_id IS NOT NULL AND ($plan = '' OR p.title CONTAINS $plan)
OPTIONAL MATCH (p)-[:HAS_SECTION*1..6]->(sec:Section)
WITH p, count(DISTINCT sec.id) AS sections
OPTIONAL MATCH (p)-[:HAS_SECTION*0..6]->(holder)-[:HAS_TASK]->(t:Task)
OPTIONAL MATCH (t)<-[:RESPONSIBLE_FOR]-(d:Department)
WITH p, sections, count(DISTINCT t.id) AS tasks, count(DISTINCT d.id) AS departments
OPTIONAL MATCH (p)-[:HAS_SECTION|HAS_TASK*0..7]->(goal_place)-[:SETS_TARGET]->(g:Target)
WITH p, sections, tasks, departments, count(DISTINCT g.id) AS targets
OPTIONAL MATCH (p)-[:HAS_SECTION|HAS_TASK*0..7]->(mention_place)-[:MENTIONS]->(f:Platform)
WITH p, sections, tasks, departments, targets, count(DISTINCT f.id) AS platforms
OPTIONAL MATCH (p)-[:REFERENCES]->(cited:Plan)
RETURN p.title AS plan,
       p.issuers AS issuers,
       p.region AS region,
       p.period_start AS period_start,
       p.period_end AS period_end,
       p.date AS date,
       p.doc_number AS doc_number,
       sections,
       tasks,
       departments,
       targets,
       platforms,
       count(DISTINCT cited.id) AS cites
ORDER BY plan
