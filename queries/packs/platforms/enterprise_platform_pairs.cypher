// name: enterprise_platform_pairs
// title_zh: 同一任务中的企业与平台
// title_en: Enterprises and platforms mentioned together in a task
// description: Each (enterprise, platform) pair that one task mentions together, with the plan,
//   the task's numbering path and text: who is expected to build or run which platform.
// param: plan string = "" choices=pick_plans -- 规划标题片段, "" 表示全部 (fragment of a plan title; "" for all plans)
// category: lookup
// revision: 1
// viz: source=enterprise target=platform
MATCH (p:Plan)
WHERE $plan = '' OR p.title CONTAINS $plan
MATCH (e:Enterprise)<-[:MENTIONS]-(t:Task)-[m:MENTIONS]->(f:Platform)
WHERE m.document_id = p.document_id
RETURN e.name AS enterprise,
       f.name AS platform,
       p.title AS plan,
       t.ref AS task_ref,
       t.text AS task
ORDER BY enterprise, platform, plan, task_ref
