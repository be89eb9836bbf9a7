// name: fact_source
// title_zh: 事实的原文出处
// title_en: Source quote of a fact
// description: The source of the tasks whose text contains $q (or whose numbering path equals
//   it): the quoted text, the document file and path, the plan, the numbering path, character
//   offsets, the rule that extracted it, and the departments named on it with the names as
//   printed and their roles (three parallel lists, in printed order).
// param: q string example="实验室" -- 任务原文片段或编号路径, 如 之江实验室 或 二.(一).1 (text fragment or numbering path)
// category: search
// revision: 1
MATCH (t:Task)
WHERE t.text CONTAINS $q OR t.ref = $q
MATCH (holder)-[:HAS_TASK]->(t)
// settle the matching tasks before each join: LadybugDB otherwise joins every task's holder
// and builds the responsibilities of every task before filtering
WITH holder, t
MATCH (doc:Document)-[:PUBLISHES]->(p:Plan)
WHERE doc.id = t.document_id
WITH doc, p, holder, t
OPTIONAL MATCH (t)<-[r:RESPONSIBLE_FOR]-(d:Department)
WITH doc, p, holder, t, r, d
ORDER BY r.span_start, d.name
SKIP 0
RETURN p.title AS plan,
       doc.name AS document,
       doc.path AS path,
       t.ref AS task_ref,
       CASE WHEN holder.ref IS NULL THEN NULL ELSE holder.title END AS section,
       t.span_start AS span_start,
       t.span_end AS span_end,
       t.text AS quote,
       t.rule AS rule,
       collect(d.name) AS departments,
       collect(r.printed_name) AS printed_names,
       collect(r.role) AS roles
ORDER BY plan, span_start, task_ref
