// name: plan_targets
// title_zh: 规划目标(按年份)
// title_en: Targets of one plan by year
// description: The quantified targets a plan sets (研发投入强度达到3.9% …), by year then metric:
//   comparator, value and unit, the quoted text, and where it is set (`set_in`: the ref of the
//   task or section, null when set in the plan's preamble). $plan is a fragment of the title.
// param: plan string choices=pick_plans -- 规划标题片段 (fragment of a plan title)
// category: lookup
// revision: 2
MATCH (p:Plan)
WHERE p.title CONTAINS $plan
// one path from the plan through its sections and tasks to the target, and the place that sets
// it taken from the path: LadybugDB then reads the place from the path it walked instead of
// joining a scan of every Plan, Section and Task (about 2x faster; [-2] is the second-last node in both dialects)
MATCH chain = (p)-[:HAS_SECTION|HAS_TASK|SETS_TARGET*1..8]->(g:Target)
WITH p, g, nodes(chain)[-2] AS place
RETURN p.title AS plan,
       g.year AS year,
       g.metric AS metric,
       g.comparator AS comparator,
       g.value AS value,
       g.unit AS unit,
       g.text AS text,
       place.ref AS set_in
ORDER BY plan, year, metric, value, text, coalesce(set_in, "")
