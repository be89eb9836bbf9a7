// name: pick_plans
// title_zh: 规划选项
// title_en: Plans (pick-list)
// description: Titles of the ingested plans, newest period first; any fragment of a title is a
//   valid $plan value.
// category: pick-list
// revision: 1
MATCH (p:Plan)
WHERE p.document_id IS NOT NULL
RETURN p.title AS value,
       p.period_start AS period_start,
       p.period_end AS period_end
ORDER BY period_start DESC, value
