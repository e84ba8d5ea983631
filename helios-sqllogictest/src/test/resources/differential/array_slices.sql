-- Array slices a[l:u], a[:u], a[l:] on one- and two-dimensional arrays.
SELECT ('{1,2,3,4,5}'::int[])[2:3], ('{1,2,3,4,5}'::int[])[:2], ('{1,2,3,4,5}'::int[])[4:];
SELECT ('{1,2,3}'::int[])[0:9], ('{1,2,3}'::int[])[3:2], ('{1,2,3}'::int[])[5:7], ('{1,2,3}'::int[])[:];
SELECT ('{a,b,c}'::text[])[2:NULL], ('{a,b,c}'::text[])[NULL:2], (NULL::text[])[1:2];
SELECT ('{{1,2,3},{4,5,6},{7,8,9}}'::int[])[1:2][2:3];
SELECT ('{{1,2,3},{4,5,6},{7,8,9}}'::int[])[2:3];
SELECT ('{{1,2,3},{4,5,6},{7,8,9}}'::int[])[2][2:3], ('{{1,2,3},{4,5,6},{7,8,9}}'::int[])[2:3][2];
SELECT ('{{1,2,3},{4,5,6}}'::int[])[:][2:], ('{{1,2},{3,4}}'::int[])[1:1][1:1][1:1];
SELECT ('{1,2,3}'::int[])[1:2][1:1];
CREATE TABLE sl (id int, tags text[]);
INSERT INTO sl VALUES (1, '{x,y,z}'), (2, '{p}'), (3, NULL);
SELECT id, tags[2:], tags[:1], array_length(tags[1:2], 1) FROM sl ORDER BY id;
SELECT tags[1:2] FROM sl WHERE id = 1;
SELECT (ARRAY[10, 20, 30])[2:3], (ARRAY[10, 20, 30])['2':3];
