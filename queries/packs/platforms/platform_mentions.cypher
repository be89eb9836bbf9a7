// name: platform_mentions
// title_zh: 平台被提及之处
// title_en: Plans and tasks that mention one platform
// description: Where a platform is mentioned: the plan, the numbering path (ref) of the task or
//   section, and its text (the task text, the section title, or the plan title for a mention in
//   the preamble, which has no ref). $platform is a fragment of the platform name. Rows follow
//   plan, then document order.
// param: platform string choices=pick_platforms -- 平台名称或片段 (platform name or fragment)
// category: lookup
// revision: 1
// viz: source=plan target=platform
MATCH (f:Platform)
WHERE f.name CONTAINS $platform
MATCH (place)-[m:MENTIONS]->(f)
MATCH (p:Plan)
WHERE p.document_id = m.document_id
RETURN f.name AS platform,
       p.title AS plan,
       place.ref AS ref,
       m.span_start AS position,
       coalesce(place.text, place.title) AS context,
       m.printed_name AS printed_name
ORDER BY platform, plan, position, ref
