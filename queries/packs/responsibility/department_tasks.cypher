// name: department_tasks
// title_zh: 部门任务清单
// title_en: Tasks of one department
// description: Every task a department is responsible for, with its role, the name as printed
//   in the document, the plan, the section holding the task and the targets the task sets.
//   $department matches the canonical name (杭州市科学技术局), a known short form
//   (市科技局, its aliases) or a fragment of either; several departments may match, so each row names its
//   department. Rows follow plan, then document order.
// param: department string choices=pick_departments -- 部门全称、简称或片段 (department name, abbreviation or fragment)
// category: lookup
// revision: 2
MATCH (d:Department)
WHERE d.name CONTAINS $department OR any(alias IN d.aliases WHERE alias CONTAINS $department)
// settle the departments first: LadybugDB otherwise re-plans the printed-name check per task
WITH d
MATCH (d)-[r:RESPONSIBLE_FOR]->(t:Task)<-[:HAS_TASK]-(holder)
// the plan is the one the task's document publishes: a join LadybugDB plans better than a path up
MATCH (p:Plan)
WHERE p.document_id = t.document_id
OPTIONAL MATCH (t)-[:SETS_TARGET]->(g:Target)
WITH d, r, p, holder, t, g
ORDER BY g.span_start, g.text
SKIP 0
RETURN d.name AS department,
       r.printed_name AS printed_name,
       r.role AS role,
       p.title AS plan,
       holder.ref AS section_ref,
       CASE WHEN holder.ref IS NULL THEN NULL ELSE holder.title END AS section,
       t.ref AS task_ref,
       t.span_start AS position,
       t.text AS task,
       collect(g.text) AS targets
ORDER BY plan, position, task_ref, department
