// name: plan_lineage
// title_zh: 规划引用链
// title_en: Plan lineage paths
// description: The chains of citation from the plans matching $plan up to 5 steps back: each
//   row is one path, `path` lists the titles from the plan to the ancestor it reaches. A plan
//   reached by several paths appears once per path; the shortest come first.
// param: plan string choices=pick_plans -- 规划标题片段 (fragment of a plan title)
// category: lineage
// revision: 1
// viz: source=plan target=ancestor weight=hops
MATCH (p:Plan)
WHERE p.title CONTAINS $plan
MATCH chain = (p)-[:REFERENCES*1..5]->(cited:Plan)
WITH p, cited, length(chain) AS hops, [step IN nodes(chain) | step.title] AS path
RETURN p.title AS plan,
       cited.title AS ancestor,
       hops,
       path
ORDER BY plan, hops, ancestor, path
