# Table column aliases (FROM t AS x(a, b)), to_char's week patterns and interval fields given twice; every
# output checked against PostgreSQL 15 (differential files view_rename_bindings, to_char_weeks and
# interval_duplicate_fields hold more)
create table ca (id int primary key, name text, note text);
> CREATE TABLE
insert into ca values (1, 'a', 'x'), (2, 'b', 'y');
> INSERT 0 2
select x.k, x.n, note from ca as x(k, n) where x.k > 1;
> k:int4 | n:text | note:text
> 2 | b | y
> SELECT 1
select id from ca x(k);
> ERROR 42703
select * from ca as x(a, b, c, d);
> ERROR 42P10
select to_char(date '2024-12-31', 'IYYY-IW WW W DDD'), to_char(date '2021-01-01', 'IYYY IW CC J');
> to_char:text | to_char:text
> 2025-01 53 5 366 | 2020 53 21 2459216
> SELECT 1
select '1 2'::interval;
> ERROR 22007
select '1 day 2 days'::interval;
> ERROR 22007
select '1 year 1-2'::interval, '1 week 2 days'::interval, '1 2'::interval hour;
> interval:interval | interval:interval | interval:interval
> 2 years 2 mons | 9 days | 1 day 02:00:00
> SELECT 1
