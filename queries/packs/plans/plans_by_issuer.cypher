// name: plans_by_issuer
// title_zh: 按印发单位和期限的规划
// title_en: Plans by issuer and period
// description: Plans grouped by issuing department (印发单位), with period, date and document
//   number. $issuer filters on the issuer's name or the name as printed; $year keeps plans in
//   force that year (period_start ≤ year ≤ period_end); 0 means any year.
// param: issuer string = "" choices=pick_departments -- 印发单位名称片段, "" 表示全部 (issuer name fragment; "" for all)
// param: year int = 0 choices=pick_years -- 规划期内的年份, 0 表示不限 (a year inside the plan period; 0 for any)
// category: overview
// revision: 1
// viz: source=issuer target=plan
MATCH (p:Plan)-[r:ISSUED_BY]->(d:Department)
WHERE ($issuer = '' OR d.name CONTAINS $issuer OR r.printed_name CONTAINS $issuer)
  AND ($year = 0 OR (p.period_start <= $year AND p.period_end >= $year))
RETURN d.name AS issuer,
       p.title AS plan,
       p.period_start AS period_start,
       p.period_end AS period_end,
       p.date AS date,
       p.doc_number AS doc_number,
       p.region AS region
ORDER BY issuer, period_start, plan
