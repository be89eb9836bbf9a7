// name: pick_years
// title_zh: 年份选项
// title_en: Years (pick-list)
// description: Years targets fall due in, ascending.
// category: pick-list
// revision: 1
MATCH (g:Target)
WHERE g.year IS NOT NULL
RETURN g.year AS value,
       count(*) AS targets
ORDER BY value
