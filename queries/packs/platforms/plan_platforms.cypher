// name: plan_platforms
// title_zh: 规划提及的平台
// title_en: Platforms linked to one plan
// description: The platforms a plan mentions anywhere (its own text, its sections, its tasks),
//   one row per plan and platform, with the numbering paths (refs) of the places that mention it
//   in document order (a mention in the plan's own preamble counts but has no ref). $plan is a
//   fragment of the plan title.
// param: plan string choices=pick_plans -- 规划标题片段 (fragment of a plan title)
// category: lookup
// revision: 1
// viz: source=plan target=platform weight=mentions
MATCH (p:Plan)
WHERE p.title CONTAINS $plan
// one path down to the platform; the mention is its last step and the mentioning place the node
// before it, read from the path rather than joined from scans of every place and mention
MATCH chain = (p)-[:HAS_SECTION|HAS_TASK|MENTIONS*1..8]->(f:Platform)
WITH p.title AS plan, f, relationships(chain)[-1] AS m, nodes(chain)[-2] AS place
ORDER BY m.span_start
SKIP 0
RETURN plan,
       f.name AS platform,
       f.kind AS kind,
       f.level AS level,
       count(m) AS mentions,
       collect(place.ref) AS refs
ORDER BY plan, platform
