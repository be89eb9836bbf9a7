// name: targets_by_metric
// title_zh: 同一指标的跨规划目标
// title_en: Targets by metric across plans
// description: Targets lined up by metric across plans, so a city's goal stands beside its
//   districts' and one year's beside the next. `metric_key` is the metric as plans are compared
//   by it (国家高新技术企业数量, 有效高新技术企业总数 and 高企 are all 高新技术企业; a flow keeps its
//   新增), `value` and `unit` are stated in that metric's one unit (5000万元 is 0.5 亿元, 38万人
//   380000 人; % stays %), and the printed metric, value and unit are kept beside them
//   (ingest/metrics.py, data/gazetteers/metrics.json). $metric is a fragment of the key or of the
//   printed metric ("" lists every metric); $min_plans keeps metrics stated in at least that many
//   plans (2: only the ones two plans can be compared on). Rows by metric, year, region, plan.
// param: metric string = "" choices=pick_metrics -- 指标名称片段, "" 表示全部 (metric name fragment; "" for all)
// param: min_plans int = 1 -- 至少出现在几个规划中 (keep metrics stated in at least this many plans)
// category: overview
// revision: 2
MATCH (g:Target)
WHERE $metric = '' OR g.metric_key CONTAINS $metric OR g.metric CONTAINS $metric
WITH g.metric_key AS key, count(DISTINCT g.document_id) AS plans
WHERE plans >= $min_plans
MATCH (g:Target)
WHERE g.metric_key = key
// a target belongs to the plan its document publishes; the join beats walking the tree upwards
MATCH (p:Plan)
WHERE p.document_id = g.document_id
RETURN g.metric_key AS metric_key,
       g.year AS year,
       p.region AS region,
       p.title AS plan,
       g.comparator AS comparator,
       g.norm_value AS value,
       g.norm_unit AS unit,
       g.metric AS metric,
       g.value AS printed_value,
       g.unit AS printed_unit
ORDER BY metric_key, year, region, plan, value DESC, metric
