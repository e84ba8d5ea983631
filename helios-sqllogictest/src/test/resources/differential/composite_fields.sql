-- Field selection from composite values: a FROM item's row type ((t).col, (t).*), the rows of a set-returning
-- function in a select list ((f(x)).col, (f(x)).*), anonymous records, and the errors for non-composite values.
CREATE TABLE ct (id int PRIMARY KEY, name text, j jsonb);
INSERT INTO ct VALUES (1, 'a', '{"x": 1, "y": [2]}'), (2, 'b', '{}'), (3, 'c', NULL), (4, 'd', '{"z": "w"}');
SELECT (ct).name, (ct).id FROM ct ORDER BY id;
SELECT (t).* FROM ct t ORDER BY 1;
SELECT (t).id + 1 AS next, (t).name FROM ct t WHERE (t).name <> 'b' ORDER BY (t).id;
SELECT id, (SELECT (ct).name || '!') FROM ct ORDER BY id;
SELECT (ct).nope FROM ct;
SELECT (name).x FROM ct;
SELECT (nosuch).x FROM ct;
SELECT (name).* FROM ct;
SELECT id, (jsonb_each(j)).key, (jsonb_each(j)).value FROM ct ORDER BY 1, 2;
SELECT id, (jsonb_each(j)).* FROM ct ORDER BY 1, 2;
SELECT (jsonb_each_text('{"a":"x","b":"y"}')).*;
SELECT (json_each('{"a":1}')).key, pg_typeof((json_each('{"a":1}')).value);
SELECT x, (jsonb_each('{"a":1,"b":2}')).key FROM generate_series(1, 2) x ORDER BY 1, 2;
SELECT (jsonb_each('{"a":1}')).key AS k, upper((jsonb_each_text('{"a":"v"}')).value) AS v;
SELECT (jsonb_each('{"a":1}')).nope;
SELECT (generate_series(1, 3)).x;
SELECT (unnest(ARRAY[1, 2])).*;
SELECT (jsonb_array_elements('[1]')).value;
SELECT (ROW(1, 2)).f1;
SELECT (ROW(1, 2.5)).*, (ROW(3, 4)).f2;
SELECT (ROW(1, 2)).f3;
SELECT (1).x;
SELECT ('abc'::text).x;
