// name: pick_departments
// title_zh: 部门选项
// title_en: Departments (pick-list)
// description: Canonical department names for parameters that take a department, the most
//   used first (uses = responsibilities, plans issued and plans implemented).
// category: pick-list
// revision: 1
MATCH (d:Department)
OPTIONAL MATCH (d)-[r:RESPONSIBLE_FOR|ISSUED_BY|IMPLEMENTS]-()
RETURN d.name AS value,
       count(r) AS uses
ORDER BY uses DESC, value
