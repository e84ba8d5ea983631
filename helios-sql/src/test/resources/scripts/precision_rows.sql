# Fractional-second precision (time(p), timestamp(p), interval(p)) and row constructors (values, row-wise
# comparisons, IN lists of rows, (t.*).col); every output checked against PostgreSQL 15 (the differential files
# time_precision and record_values hold more)
select '2024-03-05 10:11:12.345678'::timestamp(2), '10:11:12.5'::time(0), '-1.25 sec'::interval(1), time(1) '01:02:03.45';
> timestamp:timestamp | time:time | interval:interval | time:time
> 2024-03-05 10:11:12.35 | 10:11:13 | -00:00:01.3 | 01:02:03.5
> SELECT 1
# before 2000-01-01 PostgreSQL rounds a half toward the past (its stored value is negative)
select '1990-03-05 10:11:12.5'::timestamp(0), '2024-03-05 10:11:12.5'::timestamp(0);
> timestamp:timestamp | timestamp:timestamp
> 1990-03-05 10:11:12 | 2024-03-05 10:11:13
> SELECT 1
create table pr (id int primary key, ts timestamp(1), t time(3), i interval(0));
> CREATE TABLE
insert into pr values (1, '2024-03-05 10:11:12.36', '10:11:12.3456', '1 day 00:00:01.5'), (2, null, '10:00', '-0.5 sec');
> INSERT 0 2
select id, ts, t, i from pr order by id;
> id:int4 | ts:timestamp | t:time | i:interval
> 1 | 2024-03-05 10:11:12.4 | 10:11:12.346 | 1 day 00:00:02
> 2 | NULL | 10:00:00 | -00:00:01
> SELECT 2
select format_type(1114, 1), format_type(1266, 3), format_type(1186, 2147418112);
> format_type:text | format_type:text | format_type:text
> timestamp(1) without time zone | time(3) with time zone | interval(0)
> SELECT 1
select '10:00'::time(1, 2);
> ERROR 42601: syntax error at or near ","
select ROW(1, 'a b', null), (2, true), (1, 2) < (1, 3), (1, null) = (1, 2), (1, null) = (2, 2);
> row:record | row:record | ?column?:bool | ?column?:bool | ?column?:bool
> (1,"a b",) | (2,t) | t | NULL | f
> SELECT 1
select id from pr where (id, 0) in ((2, 0), (3, 0)) or (pr.*).id = 1 order by id;
> id:int4
> 1
> 2
> SELECT 2
select (1, 2) = (1, 2, 3);
> ERROR 42601: unequal number of entries in row expressions
