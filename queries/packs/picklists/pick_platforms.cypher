// name: pick_platforms
// title_zh: 平台选项
// title_en: Platforms (pick-list)
// description: Platform names, the most mentioned first.
// category: pick-list
// revision: 1
MATCH (f:Platform)
RETURN f.name AS value,
       f.kind AS kind,
       COUNT { MATCH (f)<-[:MENTIONS]-() } AS mentions
ORDER BY mentions DESC, value
