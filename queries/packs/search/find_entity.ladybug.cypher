// name: find_entity
// dialect: ladybug
// reason: LadybugDB's labels(n) returns one string, not a list, so `labels(n)[0]` fails;
//   label(n) gives the table name, which Neo4j does not have. A parameter inside a list
//   predicate (any(alias IN n.aliases WHERE alias CONTAINS $q)) stops LadybugDB's parser, so the
//   aliases are searched joined into one string with list_to_string.
MATCH (n:Document|Plan|Section|Department|Platform|Enterprise|Project)
WHERE coalesce(n.name, n.title, '') CONTAINS $q
   OR list_to_string('|', n.aliases) CONTAINS $q
// count the facts of the matches only: a COUNT { } subquery here is evaluated by LadybugDB for
// every named node before the filter keeps a few
WITH n
OPTIONAL MATCH (n)-[fact]-()
RETURN label(n) AS type,
       coalesce(n.name, n.title) AS name,
       n.id AS id,
       count(fact) AS facts
ORDER BY type, facts DESC, name, id
