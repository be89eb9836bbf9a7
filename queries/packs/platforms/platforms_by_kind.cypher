// name: platforms_by_kind
// title_zh: 按类型和级别的平台
// title_en: Platforms by kind and level
// description: Every innovation platform (实验室, 技术创新中心, 企业研究院 …) with its kind and
//   level (国家级/省级/市级), how many documents mention it and how often. Rows are grouped by
//   kind, then level; unknown kinds and levels sort last.
// param: kind string = "" choices=pick_platform_kinds -- 平台类型, "" 表示全部 (platform kind; "" for all)
// param: level string = "" -- 平台级别, 如 省级, "" 表示全部 (platform level, e.g. 省级; "" for all)
// category: overview
// revision: 1
MATCH (f:Platform)
WHERE ($kind = '' OR f.kind = $kind) AND ($level = '' OR f.level = $level)
OPTIONAL MATCH ()-[m:MENTIONS]->(f)
RETURN f.kind AS kind,
       f.level AS level,
       f.name AS platform,
       count(DISTINCT m.document_id) AS documents,
       count(m) AS mentions
ORDER BY kind, level, mentions DESC, platform
