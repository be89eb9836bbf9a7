// name: pick_platform_kinds
// title_zh: 平台类型选项
// title_en: Platform kinds (pick-list)
// description: The kinds platforms are classified into, with how many platforms each has.
// category: pick-list
// revision: 1
MATCH (f:Platform)
WHERE f.kind IS NOT NULL
RETURN f.kind AS value,
       count(*) AS platforms
ORDER BY platforms DESC, value
