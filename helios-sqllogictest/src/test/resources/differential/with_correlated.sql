-- A WITH query read twice runs once (PostgreSQL materialises it), also when it reads the enclosing query's
-- columns: then once per outer row. NOT MATERIALIZED inlines each reference; nextval counts the runs.
CREATE TABLE wo (x int PRIMARY KEY);
INSERT INTO wo VALUES (1), (2), (3);
CREATE SEQUENCE wseq;
SELECT x, (WITH w AS (SELECT nextval('wseq') + x * 100 AS v) SELECT a.v = b.v FROM w a, w b) AS same FROM wo ORDER BY x;
SELECT nextval('wseq');
CREATE SEQUENCE wseq2;
SELECT x, (WITH w AS NOT MATERIALIZED (SELECT nextval('wseq2') + x * 100 AS v) SELECT a.v = b.v FROM w a, w b) AS same FROM wo ORDER BY x;
SELECT nextval('wseq2');
CREATE SEQUENCE wseq3;
SELECT x, (WITH w AS MATERIALIZED (SELECT nextval('wseq3') AS v, x AS k) SELECT count(*) FROM w a JOIN w b ON a.v = b.v AND a.k = b.k) FROM wo ORDER BY x;
SELECT nextval('wseq3');
SELECT x, (WITH w AS (SELECT random() + x AS r) SELECT count(DISTINCT a.r) FROM w a, w b WHERE a.r = b.r) FROM wo ORDER BY x;
SELECT x, (WITH w AS (SELECT g + x AS v FROM generate_series(1, 3) g) SELECT sum(a.v) * 10 + count(*) FROM w a, w b WHERE a.v <= b.v) FROM wo ORDER BY x;
CREATE SEQUENCE wseq4;
SELECT x, (WITH w AS (SELECT nextval('wseq4') AS v, x AS k) SELECT (SELECT v FROM w) = (SELECT v FROM w)) FROM wo ORDER BY x;
SELECT nextval('wseq4');
CREATE SEQUENCE wseq5;
WITH w AS (SELECT nextval('wseq5') AS v) SELECT a.v = b.v FROM w a, w b;
SELECT nextval('wseq5');
