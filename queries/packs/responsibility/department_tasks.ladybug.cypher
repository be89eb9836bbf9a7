// name: department_tasks
// dialect: ladybug
// reason: LadybugDB plans the OPTIONAL MATCH to the targets as a hash join built over every
//   Target (15k in the benchmark) unless a HINT starts it from the department's tasks (about
//   25% faster there); Neo4j has no HINT clause. A parameter inside a list predicate
//   (any(alias IN d.aliases WHERE alias CONTAINS $department)) stops LadybugDB's parser, so the
//   aliases are searched joined into one string with list_to_string. Same rows and columns as
//   the shared text.
MATCH (d:Department)
WHERE d.name CONTAINS $department OR list_to_string('|', d.aliases) CONTAINS $department
WITH d
MATCH (d)-[r:RESPONSIBLE_FOR]->(t:Task)<-[:HAS_TASK]-(holder)
MATCH (p:Plan)
WHERE p.document_id = t.document_id
OPTIONAL MATCH (t)-[s:SETS_TARGET]->(g:Target)
HINT (t JOIN s) JOIN g
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
