// name: departments_by_tasks
// title_zh: 部门任务排名(牵头/配合)
// title_en: Departments ranked by tasks, lead vs support
// description: How many tasks each department is responsible for, split by role: lead (牵头),
//   support (配合) and responsible (责任单位 with no stated role). With $plan, only plans whose
//   title contains it, e.g. "2024" for the 2024 work plan. One row per department, most tasks
//   first; `plans` counts the plans those tasks come from.
// param: plan string = "" choices=pick_plans -- 规划标题片段, "" 表示全部 (fragment of a plan title; "" for all plans)
// category: ranking
// revision: 1
MATCH (p:Plan)
WHERE $plan = '' OR p.title CONTAINS $plan
// a responsibility belongs to the plan its document publishes; a department holds at most one
// RESPONSIBLE_FOR per task, so plain counts are counts of tasks (and much cheaper than DISTINCT)
MATCH (d:Department)-[r:RESPONSIBLE_FOR]->(t:Task)
WHERE r.document_id = p.document_id
RETURN d.name AS department,
       d.jurisdiction AS jurisdiction,
       count(*) AS tasks,
       count(CASE WHEN r.role = 'lead' THEN 1 END) AS lead,
       count(CASE WHEN r.role = 'support' THEN 1 END) AS support,
       count(CASE WHEN r.role = 'responsible' THEN 1 END) AS responsible,
       count(DISTINCT p.id) AS plans
ORDER BY tasks DESC, lead DESC, department
