-- Aggregates: string_agg, FILTER, DISTINCT, GROUPING SETS.
CREATE TABLE sales (id int PRIMARY KEY, region text, product text, qty int);
INSERT INTO sales VALUES (1, 'n', 'x', 3), (2, 'n', 'y', 5), (3, 's', 'x', 2), (4, 's', 'x', 2), (5, 's', NULL, 1), (6, NULL, 'y', 4);
SELECT string_agg(product, ',' ORDER BY id) FROM sales;
SELECT region, string_agg(product, '-' ORDER BY product DESC) FROM sales GROUP BY region ORDER BY region;
SELECT string_agg(DISTINCT product, ',' ORDER BY product) FROM sales;
SELECT count(*) FILTER (WHERE qty > 2), sum(qty) FILTER (WHERE region = 's') FROM sales;
SELECT region, count(*) FILTER (WHERE product = 'x') FROM sales GROUP BY region ORDER BY region;
SELECT count(DISTINCT qty), sum(DISTINCT qty), avg(DISTINCT qty) FROM sales;
-- Rows of different grouping sets can tie on the grouping columns (a NULL key next to a rolled-up one).
-- PostgreSQL's order of such ties is not defined: it follows the plan (hash or sorted aggregation, which
-- ANALYZE or enable_hashagg change) and its unstable sort, so these queries break the tie with grouping().
SELECT region, product, sum(qty) FROM sales GROUP BY ROLLUP (region, product) ORDER BY region, product, grouping(region, product);
SELECT region, product, sum(qty) FROM sales GROUP BY CUBE (region, product) ORDER BY region, product, grouping(region, product);
SELECT region, product, sum(qty) FROM sales GROUP BY GROUPING SETS ((region), (product), ()) ORDER BY region, product, grouping(region, product);
SELECT region, grouping(region), sum(qty) FROM sales GROUP BY ROLLUP (region) ORDER BY region, grouping(region);
SELECT region, product, sum(qty) FROM sales GROUP BY ROLLUP (region, product) ORDER BY region, product, sum(qty) DESC;
SELECT region, product, grouping(product, region), sum(qty) FROM sales GROUP BY GROUPING SETS ((region, product), (product), (region), ()) ORDER BY 1 DESC, 2 DESC, 3 DESC;
SELECT region, product, grouping(region, product), count(*) FROM sales GROUP BY CUBE (region, product) ORDER BY 3, 1, 2;
SELECT string_agg(product, ',') FROM sales WHERE false;
SELECT array_length_is_missing FROM sales;
SELECT max(qty) FILTER (WHERE qty < 3), min(product) FILTER (WHERE region IS NULL) FROM sales;
SELECT sum(qty), count(*) FROM sales GROUP BY ();
SELECT region, sum(qty) FROM sales GROUP BY region HAVING count(*) FILTER (WHERE qty > 1) > 1 ORDER BY region;
