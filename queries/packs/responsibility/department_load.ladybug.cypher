// name: department_load
// dialect: ladybug
// reason: a parameter inside a list predicate (any(alias IN d.aliases WHERE alias CONTAINS
//   $department)) stops LadybugDB's parser, so the aliases are searched joined into one string
//   with list_to_string; Neo4j has no list_to_string. Same rows and columns as the shared text.
MATCH (d:Department)
WHERE d.name CONTAINS $department OR list_to_string('|', d.aliases) CONTAINS $department
// settle the departments first: LadybugDB otherwise re-plans the name check per task
WITH d
MATCH (d)-[r:RESPONSIBLE_FOR]->(t:Task)
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
