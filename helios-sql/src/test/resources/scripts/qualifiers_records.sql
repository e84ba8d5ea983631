# Interval field qualifiers, time 24:00:00, record as a type and rows compared with subqueries; every output
# checked against PostgreSQL 15 (the differential files interval_fields, time_end_of_day and row_subqueries hold more)
select interval '1' day, interval '1 2:03:04' day to minute, '2:03'::interval minute to second, interval '1-2' year;
> interval:interval | interval:interval | interval:interval | interval:interval
> 1 day | 1 day 02:03:00 | 00:02:03 | 1 year
> SELECT 1
create table iq (id int primary key, dm interval day to minute, s3 interval second(3));
> CREATE TABLE
insert into iq values (1, '5', '1.23456'), (2, '1 2:03:04', '2 min 0.0005 sec');
> INSERT 0 2
select id, dm, s3, format_type(1186, 201916415) from iq order by id;
> id:int4 | dm:interval | s3:interval | format_type:text
> 1 | 00:05:00 | 00:00:01.235 | interval day to minute
> 2 | 1 day 02:03:00 | 00:02:00.001 | interval day to minute
> SELECT 2
select interval '1' day to month;
> ERROR 42601: syntax error at or near "month"
select time '24:00', '23:59:59.9'::time(0) > '23:59:59'::time, '24:00'::time - '12:30'::time, extract(hour from time '24:00');
> time:time | ?column?:bool | ?column?:interval | extract:numeric
> 24:00:00 | t | 11:30:00 | 24
> SELECT 1
select '24:00:01'::time;
> ERROR 22008: date/time field value out of range: "24:00:01"
select pg_typeof(row(1, 'a')), (1, 'x') = (select 1, 'x'), (1, 'x') in (select 2, 'y' union all select 1, 'x');
> pg_typeof:text | ?column?:bool | ?column?:bool
> record | t | t
> SELECT 1
select (1, 2) not in (select 1, null::int), (1, 2) = (select 1, 2 where false), (1, 2) < all (select 1, 3);
> ?column?:bool | ?column?:bool | ?column?:bool
> NULL | NULL | t
> SELECT 1
select (1, 2) = (select 1, 2 union all select 1, 2);
> ERROR 21000: more than one row returned by a subquery used as an expression
select (1, 2) in (select 1);
> ERROR 42601: subquery has too few columns
create view rv as select row(1, 2) as r;
> ERROR 42P16: column "r" has pseudo-type record
