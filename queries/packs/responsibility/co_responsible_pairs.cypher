// name: co_responsible_pairs
// title_zh: 部门协同对
// title_en: Co-responsible department pairs
// description: Pairs of departments named on the same tasks, with how many tasks they share;
//   each pair appears once (department_a sorts before department_b). Read it as a cooperation
//   network: the heaviest pairs first.
// param: plan string = "" choices=pick_plans -- 规划标题片段, "" 表示全部 (fragment of a plan title; "" for all plans)
// param: min_tasks int = 1 -- 至少共同负责的任务数 (keep pairs sharing at least this many tasks)
// category: ranking
// revision: 1
// viz: source=department_a target=department_b weight=shared_tasks directed=no
MATCH (p:Plan)
WHERE $plan = '' OR p.title CONTAINS $plan
MATCH (a:Department)-[ra:RESPONSIBLE_FOR]->(t:Task)<-[:RESPONSIBLE_FOR]-(b:Department)
WHERE ra.document_id = p.document_id AND a.name < b.name
WITH a.name AS department_a, b.name AS department_b, count(*) AS shared_tasks
WHERE shared_tasks >= $min_tasks
RETURN department_a, department_b, shared_tasks
ORDER BY shared_tasks DESC, department_a, department_b
