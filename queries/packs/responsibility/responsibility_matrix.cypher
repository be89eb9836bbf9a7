// name: responsibility_matrix
// title_zh: 部门-任务责任矩阵
// title_en: Responsibility matrix (department × task)
// description: The department × task matrix in long form: one row per (department, task) cell
//   with the role in the cell (lead / support / responsible). Pivot on task_id (or plan +
//   task_ref) for columns and department for rows; an absent row is an empty cell.
// param: plan string = "" choices=pick_plans -- 规划标题片段, "" 表示全部 (fragment of a plan title; "" for all plans)
// category: matrix
// revision: 1
// viz: source=department target=task_id relationship=role
MATCH (p:Plan)
WHERE $plan = '' OR p.title CONTAINS $plan
MATCH (d:Department)-[r:RESPONSIBLE_FOR]->(t:Task)
WHERE r.document_id = p.document_id
RETURN p.title AS plan,
       t.id AS task_id,
       t.ref AS task_ref,
       t.span_start AS position,
       d.name AS department,
       r.role AS role
ORDER BY plan, position, task_ref, department
