-- Composite types in the catalogs: pg_type (typtype 'c', typrelid), pg_class relkind 'c', pg_attribute,
-- format_type, information_schema.columns (USER-DEFINED, udt_name), and the queries psql's \dT and \d run.
CREATE TYPE cpt AS (x int, y varchar(10), z numeric(6,2));
CREATE TABLE cct (id int, p cpt);
SELECT t.typname, t.typtype, t.typcategory, t.typlen, c.relname, c.relkind, c.relnatts FROM pg_type t JOIN pg_class c ON c.oid = t.typrelid WHERE t.typname = 'cpt';
SELECT c.reltype = t.oid FROM pg_class c JOIN pg_type t ON t.typname = 'cpt' WHERE c.relname = 'cpt';
SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnum FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid WHERE c.relname = 'cpt' AND a.attnum > 0 ORDER BY a.attnum;
SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.atttypmod FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid WHERE c.relname = 'cct' AND a.attnum > 0 ORDER BY a.attnum;
SELECT a.atttypid = t.oid FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_type t ON t.typname = 'cpt' WHERE c.relname = 'cct' AND a.attname = 'p';
SELECT column_name, data_type, udt_schema, udt_name FROM information_schema.columns WHERE table_name = 'cct' ORDER BY ordinal_position;
SELECT n.nspname as "Schema", pg_catalog.format_type(t.oid, NULL) AS "Name", pg_catalog.obj_description(t.oid, 'pg_type') as "Description" FROM pg_catalog.pg_type t LEFT JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace WHERE (t.typrelid = 0 OR (SELECT c.relkind = 'c' FROM pg_catalog.pg_class c WHERE c.oid = t.typrelid)) AND NOT EXISTS(SELECT 1 FROM pg_catalog.pg_type el WHERE el.oid = t.typelem AND el.typarray = t.oid) AND n.nspname <> 'pg_catalog' AND n.nspname <> 'information_schema' AND pg_catalog.pg_type_is_visible(t.oid) ORDER BY 1, 2;
SELECT a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid WHERE c.relname = 'cct' AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum;
CREATE SCHEMA other;
CREATE TYPE other.opt AS (a int);
SELECT format_type(t.oid, NULL), n.nspname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typname = 'opt';
