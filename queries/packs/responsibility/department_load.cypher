// name: department_load
// title_zh: 部门跨规划任务负荷
// title_en: A department's load across plans and years
// description: For the departments matching $department (canonical name, a known short form
//   such as 市科技局, or a fragment), one row per plan: the plan's period and how many tasks the department holds
//   there, by role. Shows how a department's load moves across plans and years.
// param: department string choices=pick_departments -- 部门全称、简称或片段 (department name, abbreviation or fragment)
// category: overview
// revision: 2
MATCH (d:Department)
WHERE d.name CONTAINS $department OR any(alias IN d.aliases WHERE alias CONTAINS $department)
// settle the departments first: LadybugDB otherwise re-plans the name check per task
WITH d
MATCH (d)-[r:RESPONSIBLE_FOR]->(t:Task)
// the plan is the one the responsibility's document publishes (no path up the section tree)
MATCH (p:Plan)
WHERE p.document_id = r.document_id
RETURN d.name AS department,
       p.title AS plan,
       p.period_start AS period_start,
       p.period_end AS period_end,
       count(*) AS tasks,
       count(CASE WHEN r.role = 'lead' THEN 1 END) AS lead,
       count(CASE WHEN r.role = 'support' THEN 1 END) AS support,
       count(CASE WHEN r.role = 'responsible' THEN 1 END) AS responsible
ORDER BY department, period_start, period_end, plan
