// name: plan_implementers
// title_zh: 规划整体落实单位
// title_en: Departments implementing a whole plan
// description: Departments a plan charges with carrying out all of it (e.g. 各区、县(市)要抓好落实),
//   as opposed to the responsible departments named on single tasks; with the name as printed
//   and how many tasks the plan has, i.e. the load this duty implies.
// param: plan string = "" choices=pick_plans -- 规划标题片段, "" 表示全部 (fragment of a plan title; "" for all plans)
// category: lookup
// revision: 1
// viz: source=department target=plan
MATCH (d:Department)-[r:IMPLEMENTS]->(p:Plan)
WHERE $plan = '' OR p.title CONTAINS $plan
RETURN p.title AS plan,
       d.name AS department,
       d.kind AS kind,
       r.printed_name AS printed_name,
       COUNT { MATCH (t:Task) WHERE t.document_id = p.document_id } AS plan_tasks
ORDER BY plan, department
