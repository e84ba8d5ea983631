-- information_schema.view_table_usage: the tables and views each view reads directly, across schemas and renames.
CREATE TABLE t (id int PRIMARY KEY, name text);
CREATE TABLE u (id int, note text);
CREATE SCHEMA s;
CREATE TABLE s.w (k int);
CREATE VIEW v1 AS SELECT t.id, u.note FROM t JOIN u USING (id);
CREATE VIEW v2 AS SELECT id FROM v1 WHERE id IN (SELECT id FROM t);
CREATE VIEW s.v3 AS SELECT k FROM s.w UNION ALL SELECT id FROM t;
CREATE VIEW v4 AS SELECT 1 AS one;
SELECT view_schema, view_name, table_schema, table_name FROM information_schema.view_table_usage WHERE view_schema IN ('public', 's') ORDER BY 1, 2, 3, 4;
ALTER TABLE u RENAME TO u2;
SELECT view_name, table_name FROM information_schema.view_table_usage WHERE view_schema = 'public' ORDER BY 1, 2;
DROP VIEW v2;
SELECT count(*) FROM information_schema.view_table_usage WHERE view_schema = 'public';
SELECT view_catalog = current_database(), table_catalog = current_database() FROM information_schema.view_table_usage WHERE view_name = 'v1' LIMIT 1;
