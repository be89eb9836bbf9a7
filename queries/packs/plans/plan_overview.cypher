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
// every fact of a plan carries the document_id of the document that publishes it
OPTIONAL MATCH (d:Department)-[r:RESPONSIBLE_FOR]->(:Task)
WHERE r.document_id = p.document_id
WITH p, count(DISTINCT d.id) AS departments
OPTIONAL MATCH ()-[m:MENTIONS]->(f:Platform)
WHERE m.document_id = p.document_id
WITH p, departments, count(DISTINCT f.id) AS platforms
RETURN p.title AS plan,
       p.issuers AS issuers,
       p.region AS region,
       p.period_start AS period_start,
       p.period_end AS period_end,
       p.date AS date,
       p.doc_number AS doc_number,
       COUNT { MATCH (s:Section) WHERE s.document_id = p.document_id } AS sections,
       COUNT { MATCH (t:Task) WHERE t.document_id = p.document_id } AS tasks,
       departments,
       COUNT { MATCH (g:Target) WHERE g.document_id = p.document_id } AS targets,
       platforms,
       COUNT { MATCH (p)-[:REFERENCES]->(:Plan) } AS cites
ORDER BY plan
