// name: targets_by_metric
// title_zh: 同一指标的跨规划目标
// title_en: Targets by metric across plans
// description: Targets grouped by metric across all plans, so the same indicator (e.g.
//   高新技术企业数) can be compared between a city and its districts and over years.
//   $metric is a fragment of the metric name; "" lists every metric.
// param: metric string = "" choices=pick_metrics -- 指标名称片段, "" 表示全部 (metric name fragment; "" for all)
// category: overview
// revision: 1
MATCH (g:Target)
WHERE $metric = '' OR g.metric CONTAINS $metric
// a target belongs to the plan its document publishes; the join beats walking the tree upwards
MATCH (p:Plan)
WHERE p.document_id = g.document_id
RETURN g.metric AS metric,
       g.year AS year,
       p.title AS plan,
       p.region AS region,
       g.comparator AS comparator,
       g.value AS value,
       g.unit AS unit
ORDER BY metric, year, value DESC, plan
