// name: platforms_in_several_plans
// title_zh: 多个规划共同提及的平台
// title_en: Platforms that appear in more than one plan
// description: Platforms mentioned by at least $min_plans different plans, with the plans
//   (alphabetically). These are the platforms that tie plans, and levels of government, together.
// param: min_plans int = 2 -- 至少出现在几个规划中 (keep platforms in at least this many plans)
// category: ranking
// revision: 1
MATCH (p:Plan)-[:HAS_SECTION|HAS_TASK*0..7]->(place)-[:MENTIONS]->(f:Platform)
WITH DISTINCT f, p
ORDER BY p.title
SKIP 0
WITH f.name AS platform, f.kind AS kind, f.level AS level, collect(p.title) AS plans
WHERE size(plans) >= $min_plans
RETURN platform, kind, level, size(plans) AS plan_count, plans
ORDER BY plan_count DESC, platform
