-- Data-modifying statements in WITH: each runs once, all on the statement's snapshot, seen through RETURNING.
CREATE TABLE wm_src (id int PRIMARY KEY, v text);
CREATE TABLE wm_dst (id int PRIMARY KEY, v text);
INSERT INTO wm_src VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd');
WITH moved AS (DELETE FROM wm_src WHERE id >= 3 RETURNING *) INSERT INTO wm_dst SELECT * FROM moved ORDER BY id RETURNING *;
SELECT * FROM wm_src ORDER BY id;
SELECT * FROM wm_dst ORDER BY id;
WITH u AS (UPDATE wm_src SET v = v || '!' RETURNING id, v) SELECT * FROM u ORDER BY id;
WITH u AS (UPDATE wm_src SET v = 'x' WHERE id = 1 RETURNING id) SELECT s.id, s.v FROM wm_src s ORDER BY s.id;
SELECT * FROM wm_src ORDER BY id;
WITH i AS (INSERT INTO wm_src VALUES (5, 'e'), (6, 'f') RETURNING id) SELECT count(*), (SELECT count(*) FROM wm_src) FROM i;
WITH d AS (DELETE FROM wm_dst WHERE id = 4 RETURNING id) SELECT 'unread';
SELECT * FROM wm_dst ORDER BY id;
WITH d AS (DELETE FROM wm_src WHERE id = 6 RETURNING *), i AS (INSERT INTO wm_dst SELECT id, v FROM d RETURNING id) SELECT * FROM i;
WITH d AS (DELETE FROM wm_src WHERE id = 5 RETURNING *) SELECT a.id, b.v FROM d a JOIN d b USING (id);
WITH d AS (DELETE FROM wm_src WHERE id = 99 RETURNING *) SELECT count(*) FROM d;
WITH d AS (UPDATE wm_src SET v = 'y' WHERE id = 1) SELECT 1;
SELECT * FROM wm_src ORDER BY id;
WITH i AS (INSERT INTO wm_dst VALUES (100, 'p') RETURNING *) UPDATE wm_src SET v = i.v FROM i WHERE wm_src.id = 2 RETURNING wm_src.*;
WITH x AS (SELECT 1 AS k), d AS (DELETE FROM wm_dst WHERE id IN (SELECT k * 100 FROM x) RETURNING id) SELECT * FROM d;
WITH d AS (DELETE FROM wm_src WHERE id = 2 RETURNING id) DELETE FROM wm_dst WHERE id IN (SELECT id + 1 FROM d) RETURNING id;
SELECT * FROM wm_src ORDER BY id;
SELECT * FROM wm_dst ORDER BY id;
-- A failing statement keeps none of its steps' changes.
WITH d AS (DELETE FROM wm_src RETURNING id, 'dup') INSERT INTO wm_dst SELECT id + 5, 'z' FROM d;
SELECT count(*) FROM wm_src;
-- Errors.
WITH d AS (DELETE FROM wm_src) SELECT * FROM d;
SELECT * FROM (WITH d AS (DELETE FROM wm_src RETURNING *) SELECT * FROM d) s;
INSERT INTO wm_dst WITH d AS (DELETE FROM wm_src RETURNING *) SELECT * FROM d;
SELECT (WITH d AS (DELETE FROM wm_src RETURNING 1) SELECT count(*) FROM d);
WITH a AS (WITH d AS (DELETE FROM wm_src RETURNING *) SELECT * FROM d) SELECT * FROM a;
WITH RECURSIVE d AS (DELETE FROM wm_src WHERE id = 1 RETURNING *) SELECT id FROM d;
SELECT * FROM wm_src ORDER BY id;
WITH RECURSIVE d AS (DELETE FROM wm_src WHERE id IN (SELECT id FROM d) RETURNING *) SELECT * FROM d;
