-- Composite types in other DDL: DEFAULT and CHECK on a composite column, ALTER TABLE ADD COLUMN and
-- ALTER COLUMN TYPE ... USING to a composite type, views over composite columns, DROP ... CASCADE.
CREATE TYPE dpt AS (x int, y text);
CREATE TABLE dd (id int, p dpt DEFAULT '(0,zero)', CHECK ((p).x >= 0));
INSERT INTO dd (id) VALUES (1);
INSERT INTO dd VALUES (2, '(-1,neg)');
INSERT INTO dd VALUES (3, ROW(3, 'three'));
ALTER TABLE dd ADD COLUMN q dpt DEFAULT ROW(9, 'nine');
SELECT * FROM dd ORDER BY id;
CREATE TABLE de (id int, s text);
INSERT INTO de VALUES (1, '(3,three)'), (2, NULL);
ALTER TABLE de ALTER COLUMN s TYPE dpt USING s::dpt;
SELECT id, s, (s).y FROM de ORDER BY id;
ALTER TABLE de ALTER COLUMN s TYPE nosuchtype;
CREATE VIEW dv AS SELECT id, p, (p).y AS y FROM dd;
SELECT * FROM dv ORDER BY id;
SELECT column_name, data_type, udt_name FROM information_schema.columns WHERE table_name = 'dv' ORDER BY ordinal_position;
DROP TYPE dpt;
DROP TYPE dpt CASCADE;
SELECT * FROM dd ORDER BY id;
SELECT * FROM de ORDER BY id;
SELECT count(*) FROM pg_type WHERE typname = 'dpt';
