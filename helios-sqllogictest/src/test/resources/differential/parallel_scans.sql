-- Aggregates over tables long enough for the scan to split over parallel workers (and the setting that allows them).
-- A line is one psql command: SET and transaction blocks stay on one line to last for its statements.
SHOW max_parallel_workers_per_gather;
SET max_parallel_workers_per_gather = -1;
SET max_parallel_workers_per_gather = 1025;
SET max_parallel_workers_per_gather = 'many';
CREATE TABLE items (id int PRIMARY KEY, grp int, amount bigint NOT NULL, note text);
INSERT INTO items SELECT g, CASE WHEN g % 1000 = 0 THEN NULL ELSE g % 97 END, (g % 997) * 3 - 1000, 'note-' || g FROM generate_series(1, 200000) g;
SELECT count(*), count(grp), sum(amount), avg(amount), min(amount), max(amount), sum(grp), avg(grp) FROM items;
SELECT grp, count(*), sum(amount), min(id), max(id) FROM items GROUP BY grp ORDER BY grp NULLS FIRST LIMIT 5;
SELECT count(*), sum(amount) FROM items WHERE amount > 100 AND id < 150000;
SET max_parallel_workers_per_gather = 0; SHOW max_parallel_workers_per_gather; SELECT count(*), count(grp), sum(amount), avg(amount), min(amount), max(amount), sum(grp), avg(grp) FROM items; RESET max_parallel_workers_per_gather; SHOW max_parallel_workers_per_gather;
BEGIN; DELETE FROM items WHERE id % 1000 = 7 OR id > 199700; UPDATE items SET amount = amount + 5, grp = NULL WHERE id % 777 = 0; INSERT INTO items SELECT g, 5, 1000000, 'own' FROM generate_series(201000, 201500) g; INSERT INTO items SELECT -g, 6, -7, 'own' FROM generate_series(1, 300) g; SELECT count(*), count(grp), sum(amount), avg(amount), min(amount), max(amount), sum(grp) FROM items; SELECT grp, count(*), sum(amount) FROM items WHERE grp < 10 OR grp IS NULL GROUP BY grp ORDER BY grp NULLS FIRST; ROLLBACK;
SELECT count(*), sum(amount), avg(amount) FROM items;
CREATE TABLE huge (id bigint PRIMARY KEY, v bigint, i int);
INSERT INTO huge SELECT g, 9223372036854775807 - g, 2147483647 - g FROM generate_series(1, 120000) g;
SELECT count(*), sum(v), avg(v), sum(i), avg(i), min(v), max(i) FROM huge;
SELECT i % 3 AS k, sum(v), avg(i) FROM huge GROUP BY 1 ORDER BY 1;
