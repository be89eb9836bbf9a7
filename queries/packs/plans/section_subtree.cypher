// name: section_subtree
// title_zh: 章节子树
// title_en: A section's subtree
// description: A section and every section below it, in document order, with depth and the
//   number of tasks directly under each. $section is the section's numbering path as printed in
//   refs, e.g. 二 or 二.(一); $plan picks the plan by a title fragment.
// param: plan string choices=pick_plans -- 规划标题片段 (fragment of a plan title)
// param: section string example="二" -- 章节编号路径, 如 二.(一) (section numbering path, e.g. 二.(一))
// category: lookup
// revision: 1
MATCH (p:Plan)
WHERE p.title CONTAINS $plan
MATCH (p)-[:HAS_SECTION*1..6]->(root:Section)
WHERE root.ref = $section
// fix the one root first: LadybugDB otherwise walks down from every section with this ref in
// every plan, and counts the tasks of every section before keeping the subtree's
WITH p, root
MATCH (root)-[:HAS_SECTION*0..6]->(s:Section)
WITH p, s
RETURN p.title AS plan,
       s.ref AS section_ref,
       s.title AS section,
       s.depth AS depth,
       s.span_start AS position,
       COUNT { MATCH (s)-[:HAS_TASK]->(:Task) } AS tasks
ORDER BY plan, position, section_ref
