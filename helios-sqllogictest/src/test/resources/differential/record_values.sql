-- Row constructors as values and in comparisons: ROW(...) and (a, b) in a select list, row-wise comparisons
-- (the first unequal pair decides; NULLs as PostgreSQL gives them), IN lists of rows, IS [NOT] NULL, (t.*).col.
SELECT ROW(1, 'a'), ROW(1, NULL, 'x y', ''), (2, 'b'), ROW(true, 1.50, '{1,2}'::int[]);
SELECT ROW(1, ROW(2, 'c')), ROW('a"b', 'c\d', 'e,f', '(g)');
SELECT (1, 2) = (1, 2), (1, 2) = (1, 3), (1, 2) <> (1, 3), (1, NULL) = (1, 2), (1, NULL) = (2, 2), (1, NULL) <> (2, 2);
SELECT (1, 2) < (1, 3), (1, 2) < (2, 0), (2, 0) < (1, 9), (1, 2) <= (1, 2), (1, 2) > (1, 2), (1, 2) >= (1, 2);
SELECT (1, NULL) < (2, 0), (1, NULL) < (1, 0), (NULL, 1) < (2, 2), (1, 2, 3) < (1, 2, 4), (1, 2, 3) > (1, 2, NULL);
SELECT ROW(1, 'b') < ROW(1, 'c'), ROW('x', 2) >= ROW('x', 2), (1, 2.5) = (1, 2.50), (1, 2::bigint) = (1::smallint, 2);
SELECT (1, 2) = (1, 2, 3);
SELECT (1, 'a') = (1, 2);
CREATE TABLE rv (a int, b int, c text);
INSERT INTO rv VALUES (1, 1, 'x'), (1, 2, 'y'), (2, 1, 'z'), (2, 2, NULL), (NULL, 3, 'n');
SELECT a, b FROM rv WHERE (a, b) > (1, 1) ORDER BY a, b;
SELECT a, b FROM rv WHERE (a, b) <= (2, 1) ORDER BY a, b;
SELECT a, b FROM rv WHERE (a, b) = (2, 2);
SELECT a, b FROM rv WHERE (a, b) IN ((1, 2), (2, 1), (5, 5)) ORDER BY a, b;
SELECT a, b FROM rv WHERE (a, b) NOT IN ((1, 2), (2, 1)) ORDER BY a, b;
SELECT a, b, c FROM rv WHERE (a, c) IS NULL OR (a, c) IS NOT NULL ORDER BY a, b;
SELECT ROW(NULL, NULL) IS NULL, ROW(1, NULL) IS NULL, ROW(1, NULL) IS NOT NULL, ROW(1, 2) IS NOT NULL;
SELECT ROW(a, c) FROM rv ORDER BY a, b;
SELECT (a, b) AS pair, count(*) FROM rv GROUP BY a, b ORDER BY a, b;
SELECT (rv.*).c, (rv.*).a FROM rv WHERE b = 2 ORDER BY a;
SELECT (r.*).b FROM rv r WHERE (r.*).a = 2 ORDER BY 1;
SELECT (rv.*).nosuch FROM rv;
SELECT a FROM rv WHERE (a, b) < (2, 2) AND (b, a) > (1, 1) ORDER BY a;
SELECT count(*) FROM rv GROUP BY (a, b) ORDER BY 1;
UPDATE rv SET (a, b) = (b, a) WHERE (a, b) = (1, 2) RETURNING a, b;
