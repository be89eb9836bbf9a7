// name: find_entity
// title_zh: 按名称片段查找实体
// title_en: Find any entity by a fragment of its name
// description: Every node whose name (or title, text, or for departments a printed
//   abbreviation on a responsibility) contains $q, with its type and how many facts
//   (relationships) touch it. Start here when you do not know what kind of thing a name is.
// param: q string -- 名称片段, 如 科技局 (name fragment, e.g. 科技局)
// category: search
// revision: 1
MATCH (n:Document|Plan|Section|Task|Department|Platform|Enterprise|Project|Target)
WHERE coalesce(n.name, n.title, n.text, '') CONTAINS $q
   OR EXISTS { MATCH (n)-[printed:RESPONSIBLE_FOR]->(:Task) WHERE printed.printed_name CONTAINS $q }
RETURN labels(n)[0] AS type,
       coalesce(n.name, n.title, n.text) AS name,
       n.id AS id,
       COUNT { MATCH (n)--() } AS facts
ORDER BY type, facts DESC, name, id
