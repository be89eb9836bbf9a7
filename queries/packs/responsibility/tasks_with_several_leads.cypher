// name: tasks_with_several_leads
// title_zh: 多个牵头单位的任务
// title_en: Tasks with several lead departments
// description: Tasks where more than one department is marked lead (牵头). Shared leadership is
//   sometimes intended (联合牵头) and sometimes a sign of diluted accountability; `leads`
//   lists them alphabetically.
// param: plan string = "" choices=pick_plans -- 规划标题片段, "" 表示全部 (fragment of a plan title; "" for all plans)
// category: quality
// revision: 1
MATCH (p:Plan)
WHERE $plan = '' OR p.title CONTAINS $plan
MATCH (d:Department)-[r:RESPONSIBLE_FOR]->(t:Task)
WHERE r.document_id = p.document_id AND r.role = 'lead'
WITH p, t, d
ORDER BY d.name
SKIP 0
WITH p.title AS plan, t.ref AS task_ref, t.span_start AS position, t.text AS task, collect(d.name) AS leads
WHERE size(leads) > 1
RETURN plan, task_ref, position, task, leads, size(leads) AS lead_count
ORDER BY plan, position, task_ref
