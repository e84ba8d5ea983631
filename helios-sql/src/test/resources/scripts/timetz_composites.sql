# time with time zone, field selection from composite values, and a correlated WITH query read twice
# (every output checked against PostgreSQL 15; the differential files timetz, composite_fields and
# with_correlated hold more)
select '12:00+01'::timetz < '11:00+00'::timetz, '12:00+01'::timetz = '11:00+00'::timetz, '10:30'::timetz, time '10:00' = timetz '10:00+00';
> ?column?:bool | ?column?:bool | timetz:timetz | ?column?:bool
> t | f | 10:30:00+00 | t
> SELECT 1
select timetz '23:30+02' + interval '1 hour', extract(timezone from timetz '10:00-05:30'), timetz '10:00+02' at time zone 'UTC', date '2024-07-01' + timetz '10:00+02';
> ?column?:timetz | extract:numeric | timezone:timetz | ?column?:timestamptz
> 00:30:00+02 | -19800 | 08:00:00+00 | 2024-07-01 08:00:00+00
> SELECT 1
create table tz (id int primary key, t timetz);
> CREATE TABLE
insert into tz values (1, '12:00+01'), (2, '11:00+00'), (3, '13:00+02'), (4, '10:59:59+00'), (5, null);
> INSERT 0 5
# one instant at three offsets: the eastern offset sorts first, and they are not equal
select id, t from tz order by t, id;
> id:int4 | t:timetz
> 4 | 10:59:59+00
> 3 | 13:00:00+02
> 1 | 12:00:00+01
> 2 | 11:00:00+00
> 5 | NULL
> SELECT 5
select t, count(*) from tz group by t order by t desc;
> t:timetz | count:int8
> NULL | 1
> 11:00:00+00 | 1
> 12:00:00+01 | 1
> 13:00:00+02 | 1
> 10:59:59+00 | 1
> SELECT 5
select '10:00 America/New_York'::timetz;
> ERROR 22007: invalid input syntax for type time with time zone: "10:00 America/New_York"
select extract(day from timetz '10:00+00');
> ERROR 0A000: unit "day" not supported for type time with time zone
select timetz '10:00+02' - timetz '09:00+02';
> ERROR 42883: operator does not exist: time with time zone - time with time zone
# (t).id where t is also a column: the column wins, as in PostgreSQL
select (t).id from tz t;
> ERROR 42809: column notation .id applied to type time with time zone, which is not a composite type
select (x).id, (x).* from tz x where (x).id < 3 order by 1;
> id:int4 | id:int4 | t:timetz
> 1 | 1 | 12:00:00+01
> 2 | 2 | 11:00:00+00
> SELECT 2
select (jsonb_each('{"a":1,"b":2}')).*;
> key:text | value:jsonb
> a | 1
> b | 2
> SELECT 2
select id, (jsonb_each('{"k":"v"}')).key from tz where id <= 2 order by id;
> id:int4 | key:text
> 1 | k
> 2 | k
> SELECT 2
select (jsonb_each('{"a":1}')).nope;
> ERROR 42703: could not identify column "nope" in record data type
select (ROW(1, 2)).f2, (ROW(1, 2)).*;
> f2:int4 | f1:int4 | f2:int4
> 2 | 1 | 2
> SELECT 1
select (id).x from tz;
> ERROR 42809: column notation .x applied to type integer, which is not a composite type
select (generate_series(1, 2)).x;
> ERROR 42809: column notation .x applied to type integer, which is not a composite type
# read twice, the WITH query runs once per outer row (volatile: never inlined), so both references agree
select id, (with w as not materialized (select random() + id as r) select count(*) from w a, w b where a.r = b.r) from tz where id < 3 order by id;
> id:int4 | count:int8
> 1 | 1
> 2 | 1
> SELECT 2
