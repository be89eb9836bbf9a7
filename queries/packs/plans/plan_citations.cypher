// name: plan_citations
// title_zh: 规划引用关系
// title_en: Plans citing other plans
// description: Each citation of one plan by another (《…》 in the text), with the title as
//   printed and whether the cited plan is itself ingested (false: known only by its title).
//   $plan keeps citations where either side's title contains it.
// param: plan string = "" choices=pick_plans -- 规划标题片段, "" 表示全部 (fragment of a plan title; "" for all plans)
// category: lineage
// revision: 1
// viz: source=citing target=cited
MATCH (a:Plan)-[r:REFERENCES]->(b:Plan)
WHERE $plan = '' OR a.title CONTAINS $plan OR b.title CONTAINS $plan
RETURN a.title AS citing,
       b.title AS cited,
       r.printed_title AS printed_title,
       b.document_id IS NOT NULL AS cited_ingested
ORDER BY citing, cited
