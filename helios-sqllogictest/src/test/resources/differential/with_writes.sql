-- WITH before INSERT and DELETE; a WITH query read more than once runs once ([NOT] MATERIALIZED).
CREATE TABLE ww (a int PRIMARY KEY, b text);
INSERT INTO ww VALUES (1, 'a'), (2, 'b'), (3, 'c');
WITH x AS (SELECT a FROM ww WHERE a > 1) INSERT INTO ww SELECT a + 10, 'n' FROM x RETURNING *;
WITH x AS (SELECT a FROM ww WHERE a > 10) DELETE FROM ww WHERE a IN (SELECT a FROM x) RETURNING a;
WITH x (k) AS (SELECT 7) INSERT INTO ww SELECT k, 'q' FROM x RETURNING a;
WITH gone AS (SELECT 2 AS a) DELETE FROM ww USING gone WHERE ww.a = gone.a RETURNING ww.b;
WITH x AS (SELECT 1) INSERT INTO ww VALUES (8, 'v');
WITH x AS (SELECT 1), x AS (SELECT 2) DELETE FROM ww;
SELECT * FROM ww ORDER BY a;
WITH x AS (SELECT random() r) SELECT a.r = b.r FROM x a, x b;
WITH x AS (SELECT random() r) SELECT (SELECT r FROM x) = (SELECT r FROM x);
WITH x AS (SELECT random() r FROM generate_series(1, 3)), y AS (SELECT r FROM x) SELECT count(*) FROM x JOIN y USING (r);
WITH x AS MATERIALIZED (SELECT a FROM ww) SELECT count(*) FROM x;
WITH x AS NOT MATERIALIZED (SELECT a FROM ww) SELECT count(*) FROM x a, x b;
WITH x AS (SELECT a, b FROM ww WHERE a < 5) SELECT x1.a, x2.b FROM x x1 JOIN x x2 ON x1.a = x2.a ORDER BY 1;
WITH x AS (SELECT a FROM ww) UPDATE ww SET b = 'u' FROM x WHERE ww.a = x.a AND x.a IN (SELECT max(a) FROM x) RETURNING ww.a, ww.b;
