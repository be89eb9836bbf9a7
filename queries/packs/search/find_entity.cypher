// name: find_entity
// title_zh: 按名称片段查找实体
// title_en: Find any entity by a fragment of its name
// description: Every named node (department, platform, enterprise, project, plan, section,
//   document) whose name or title contains $q, or one of whose other names does (a department's
//   short forms such as 市科技局, a platform's or firm's forms under its resolution key such as
//   杭州城西科创大走廊); with its type and how many facts (relationships) touch it. Start
//   here when you do not know what kind of thing a name is; search task text with fact_source.
// param: q string example="科技局" -- 名称片段, 如 科技局 (name fragment, e.g. 科技局)
// category: search
// revision: 3
MATCH (n:Document|Plan|Section|Department|Platform|Enterprise|Project)
WHERE coalesce(n.name, n.title, '') CONTAINS $q
   OR any(alias IN coalesce(n.aliases, []) WHERE alias CONTAINS $q)
// count the facts of the matches only: a COUNT { } subquery here is evaluated by LadybugDB for
// every named node before the filter keeps a few
WITH n
OPTIONAL MATCH (n)-[fact]-()
RETURN labels(n)[0] AS type,
       coalesce(n.name, n.title) AS name,
       n.id AS id,
       count(fact) AS facts
ORDER BY type, facts DESC, name, id
