// name: pick_metrics
// title_zh: 指标选项
// title_en: Metrics (pick-list)
// description: Target metrics, the most used first.
// category: pick-list
// revision: 1
MATCH (g:Target)
RETURN g.metric AS value,
       count(*) AS targets
ORDER BY targets DESC, value
