// name: tasks_without_department
// title_zh: 无责任单位的任务
// title_en: Tasks with no responsible department
// description: Tasks no department is responsible for: either the document names none, or
//   extraction missed the clause. A check on the data as much as on the plan.
// param: plan string = "" choices=pick_plans -- 规划标题片段, "" 表示全部 (fragment of a plan title; "" for all plans)
// category: quality
// revision: 1
MATCH (p:Plan)
WHERE $plan = '' OR p.title CONTAINS $plan
// fix the plans first: LadybugDB then checks only their tasks instead of every task
WITH p
MATCH (t:Task)
WHERE t.document_id = p.document_id
  AND NOT EXISTS { MATCH (:Department)-[:RESPONSIBLE_FOR]->(t) }
RETURN p.title AS plan,
       t.ref AS task_ref,
       t.span_start AS position,
       t.text AS task
ORDER BY plan, position, task_ref
