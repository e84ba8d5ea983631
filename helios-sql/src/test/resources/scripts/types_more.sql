# jsonb order and equality, json kept as written, time zones, ISO 8601 intervals, multi-dimensional arrays,
# ROWS FROM and set-returning functions after grouping (results checked against PostgreSQL 15)
create table jd (id int primary key, b jsonb, j json);
> CREATE TABLE
insert into jd values (1, '{"b": 1, "a": 2}', '{"b":1,  "a":2}'), (2, '[1, 2]', '[1,2]'), (3, '"x"', '"x"'), (4, '[]', '[ ]'), (5, '10', '10');
> INSERT 0 5
select id, b, j from jd order by b;
> id:int4 | b:jsonb | j:json
> 4 | [] | [ ]
> 3 | "x" | "x"
> 5 | 10 | 10
> 2 | [1, 2] | [1,2]
> 1 | {"a": 2, "b": 1} | {"b":1,  "a":2}
> SELECT 5
select '{"a":1}'::jsonb = '{"a":1.0}'::jsonb, '{"b":1}'::jsonb < '{"aa":1}'::jsonb, '[9]'::jsonb < '[1,2]'::jsonb, '[]'::jsonb < 'null'::jsonb;
> ?column?:bool | ?column?:bool | ?column?:bool | ?column?:bool
> t | f | t | t
> SELECT 1
select distinct b from (values ('1'::jsonb), ('1.0'::jsonb), ('[1]'::jsonb)) v(b) order by b;
> b:jsonb
> 1
> [1]
> SELECT 2
select b, count(*) from (values ('{"a": 1}'::jsonb), ('{"a": 1.00}'::jsonb), (null)) v(b) group by b order by b;
> b:jsonb | count:int8
> {"a": 1} | 2
> NULL | 1
> SELECT 2
select distinct j from (values ('1'::json)) v(j);
> ERROR 42883: could not identify an equality operator for type json
select '{"a":1}'::json = '{"a":1}'::json;
> ERROR 42883: operator does not exist: json = json
select j from jd order by j;
> ERROR 42883: could not identify an ordering operator for type json
select max(b) from jd;
> ERROR 42883: function max(jsonb) does not exist
select json_build_object('a', 1, 'a', 'x'), json_build_array(1, '{"k":  1}'::json), json_agg(id order by id) from jd;
> json_build_object:json | json_build_array:json | json_agg:json
> {"a" : 1, "a" : "x"} | [1, {"k":  1}] | [1, 2, 3, 4, 5]
> SELECT 1
select json_object_agg(id, j order by id) from jd where id < 3;
> json_object_agg:json
> { "1" : {"b":1,  "a":2}, "2" : [1,2] }
> SELECT 1
select '{"a": {"b": [1,  2]}}'::json -> 'a', '{"a": [ "s" ]}'::json #>> '{a,0}';
> ?column?:json | ?column?:text
> {"b": [1,  2]} | s
> SELECT 1
# time zones
select timestamp '2024-03-10 12:00' at time zone 'America/New_York', timestamptz '2024-03-10 12:00+00' at time zone 'Asia/Tokyo';
> timezone:timestamptz | timezone:timestamp
> 2024-03-10 16:00:00+00 | 2024-03-10 21:00:00
> SELECT 1
select timestamptz '2024-01-01 00:00+00' at time zone '+03', timestamptz '2024-01-01 00:00+00' at time zone interval '-08:00';
> timezone:timestamp | timezone:timestamp
> 2023-12-31 21:00:00 | 2023-12-31 16:00:00
> SELECT 1
select timestamp '2024-01-01' at time zone 'Nowhere/Zone';
> ERROR 22023: time zone "Nowhere/Zone" not recognized
set time zone 'America/Los_Angeles';
> SET
select timestamptz '2024-06-01 12:00:00+00', timestamp '2024-06-01 12:00' at time zone 'UTC', timestamptz '2024-06-01 12:00:00+00' at time zone 'UTC';
> timestamptz:timestamptz | timezone:timestamptz | timezone:timestamp
> 2024-06-01 05:00:00-07 | 2024-06-01 05:00:00-07 | 2024-06-01 12:00:00
> SELECT 1
set timezone = 'Asia/Kolkata';
> SET
select '2024-06-01 12:00:00+00'::timestamptz::text;
> text:text
> 2024-06-01 17:30:00+05:30
> SELECT 1
set time zone 'UTC+5';
> SET
select timestamptz '2024-06-01 12:00:00+00';
> timestamptz:timestamptz
> 2024-06-01 07:00:00-05
> SELECT 1
set time zone 'UTC';
> SET
select pg_typeof(localtime), pg_typeof(localtimestamp(2)), pg_typeof(current_timestamp(0)), localtimestamp(0) = date_trunc('second', localtimestamp(0));
> pg_typeof:text | pg_typeof:text | pg_typeof:text | ?column?:bool
> time without time zone | timestamp without time zone | timestamp with time zone | t
> SELECT 1
select time '10:00' at time zone 'UTC';
> timezone:timetz
> 10:00:00+00
> SELECT 1
# ISO 8601 intervals and justify_*
select interval 'P1Y2M3DT4H5M6S', interval 'PT1.5S', interval 'P2W', interval 'P0001-02-03T04:05:06';
> interval:interval | interval:interval | interval:interval | interval:interval
> 1 year 2 mons 3 days 04:05:06 | 00:00:01.5 | 14 days | 1 year 2 mons 3 days 04:05:06
> SELECT 1
select interval 'P1H';
> ERROR 22007: invalid input syntax for type interval: "P1H"
select justify_days(interval '65 days'), justify_hours(interval '-1 day 30 hours'), justify_interval(interval '-35 days 3 hours');
> justify_days:interval | justify_hours:interval | justify_interval:interval
> 2 mons 5 days | 06:00:00 | -1 mons -4 days -21:00:00
> SELECT 1
# multi-dimensional arrays
select array[[1,2],[3,4]], '{{a,"b c"},{NULL,d}}'::text[], (array[[1,2],[3,4]])[2][1], (array[[1,2],[3,4]])[1];
> array:_int4 | text:_text | array:int4 | array:int4
> {{1,2},{3,4}} | {{a,"b c"},{NULL,d}} | 3 | NULL
> SELECT 1
select array_dims(array[[1,2,3],[4,5,6]]), array_ndims(array[[1,2],[3,4]]), array_length(array[[1,2,3],[4,5,6]], 2), cardinality(array[[1,2,3],[4,5,6]]);
> array_dims:text | array_ndims:int4 | array_length:int4 | cardinality:int4
> [1:2][1:3] | 2 | 3 | 6
> SELECT 1
select array[[1,2],[3]];
> ERROR 2202E: multidimensional arrays must have array expressions with matching dimensions
select '{{1,2},{3}}'::int[];
> ERROR 22P02: malformed array literal: "{{1,2},{3}}"
create table md (id int primary key, m int[]);
> CREATE TABLE
insert into md values (1, '{{1,2},{3,4}}');
> INSERT 0 1
select m, m[2][2], unnest(m) from md;
> m:_int4 | m:int4 | unnest:int4
> {{1,2},{3,4}} | 4 | 1
> {{1,2},{3,4}} | 4 | 2
> {{1,2},{3,4}} | 4 | 3
> {{1,2},{3,4}} | 4 | 4
> SELECT 4
# ROWS FROM, set-returning functions after grouping, records in a select list
select * from rows from (generate_series(1, 3), unnest(array['a','b'])) with ordinality as t(n, s);
> n:int4 | s:text | ordinality:int8
> 1 | a | 1
> 2 | b | 2
> 3 | NULL | 3
> SELECT 3
create table sg (g text, v int);
> CREATE TABLE
insert into sg values ('a', 1), ('a', 2), ('b', 5);
> INSERT 0 3
select g, generate_series(1, count(*)::int) as n from sg group by g order by g, n;
> g:text | n:int4
> a | 1
> a | 2
> b | 1
> SELECT 3
select generate_series(1, 2), count(*) from sg;
> generate_series:int4 | count:int8
> 1 | 3
> 2 | 3
> SELECT 2
select jsonb_each('{"a": 1, "b": {"c": "x y"}}'::jsonb);
> jsonb_each:record
> (a,1)
> (b,"{""c"": ""x y""}")
> SELECT 2
