// name: merge_log
// title_zh: 名称归并记录
// title_en: Merge log: printed names read as one platform or enterprise
// description: Every platform and enterprise that plans print under more than one name, with
//   each printed name, how it was read into the node's key (`resolution`: the versioned rule
//   and its steps, e.g. "plankg.resolve.v1: place 杭州→杭州市; level 国家" or "plan region
//   杭州市"), how often and in how many documents. The node's `jurisdiction` is part of its key:
//   nothing merges across jurisdictions, nor a platform with an enterprise (ingest/resolve.py).
//   $name is a fragment of the node's name or of a printed name ("" for all).
// param: name string = "" -- 名称或原文称谓片段, "" 表示全部 (name or printed-name fragment; "" for all)
// category: quality
// revision: 1
// viz: source=printed_name target=entity weight=mentions
MATCH (place)-[m:MENTIONS]->(n:Platform|Enterprise)
WITH n, count(DISTINCT m.printed_name) AS variants
WHERE variants > 1
MATCH (place)-[m:MENTIONS]->(n)
WHERE $name = '' OR n.name CONTAINS $name OR m.printed_name CONTAINS $name
RETURN n.name AS entity,
       n.jurisdiction AS jurisdiction,
       n.id AS id,
       m.printed_name AS printed_name,
       m.resolution AS resolution,
       count(*) AS mentions,
       count(DISTINCT m.document_id) AS documents
ORDER BY entity, id, printed_name, resolution
