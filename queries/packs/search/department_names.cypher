// name: department_names
// title_zh: 部门简称对照
// title_en: How departments are printed
// description: Each department's canonical name next to every name it is printed as on
//   responsibilities (市科技局, 杭州市科学技术局 …), with how often and in how many documents.
//   Use it to check the gazetteer: one printed name under two departments is suspicious.
// param: department string = "" choices=pick_departments -- 部门名称或简称片段, "" 表示全部 (name or abbreviation fragment; "" for all)
// category: search
// revision: 1
// viz: source=printed_name target=department weight=uses
MATCH (d:Department)-[r:RESPONSIBLE_FOR]->(:Task)
WHERE $department = '' OR d.name CONTAINS $department OR r.printed_name CONTAINS $department
RETURN d.name AS department,
       r.printed_name AS printed_name,
       count(*) AS uses,
       count(DISTINCT r.document_id) AS documents
ORDER BY department, uses DESC, printed_name
