-- Scalar subqueries among INSERT ... VALUES items.
CREATE TABLE vs (a int, b text);
INSERT INTO vs VALUES ((SELECT 1), 'one');
INSERT INTO vs VALUES ((SELECT max(a) + 1 FROM vs), (SELECT b || '+' FROM vs WHERE a = 1)) RETURNING *;
INSERT INTO vs VALUES ((SELECT count(*) FROM vs), 'x'), ((SELECT count(*) FROM vs), 'y');
SELECT * FROM vs ORDER BY a, b;
INSERT INTO vs (b, a) VALUES ('z', (SELECT a FROM vs WHERE b = 'one') * 10), (DEFAULT, (SELECT NULL::int));
SELECT * FROM vs ORDER BY a NULLS FIRST, b;
INSERT INTO vs VALUES ((SELECT a FROM vs), 'many');
INSERT INTO vs VALUES ((SELECT a, b FROM vs LIMIT 1), 'wide');
INSERT INTO vs VALUES ((SELECT 'text'), 'bad');
INSERT INTO vs VALUES (EXISTS (SELECT 1 FROM vs)::int, (SELECT string_agg(b, ',' ORDER BY b) FROM vs WHERE a = 2)) RETURNING *;
SELECT count(*) FROM vs;
