# UNION / INTERSECT / EXCEPT [ALL], VALUES as a query, subqueries in FROM
create table a (x int, y text);
> CREATE TABLE
insert into a values (1, 'one'), (2, 'two'), (2, 'two'), (null, 'none');
> INSERT 0 4
create table b (x bigint);
> CREATE TABLE
insert into b values (2), (3), (null), (2);
> INSERT 0 4
select x from a union select x from b order by x;
> x:int8
> 1
> 2
> 3
> NULL
> SELECT 4
select x from a union all select x from b order by 1 desc;
> x:int8
> NULL
> NULL
> 3
> 2
> 2
> 2
> 2
> 1
> SELECT 8
select x from a intersect select x from b order by x;
> x:int8
> 2
> NULL
> SELECT 2
select x from a intersect all select x from b order by x;
> x:int8
> 2
> 2
> NULL
> SELECT 3
select x from a except select x from b;
> x:int8
> 1
> SELECT 1
select x from b except all select x from a order by x;
> x:int8
> 3
> SELECT 1
# INTERSECT binds tighter than UNION.
select 1 union select 2 intersect select 3 order by 1;
> ?column?:int4
> 1
> SELECT 1
(select 5 as n) union all (select 4) order by n limit 1;
> n:int4
> 4
> SELECT 1
select 'a' union select 'b' order by 1;
> ?column?:text
> a
> b
> SELECT 2
select 1 union select 'x';
> ERROR 22P02: invalid input syntax for type integer: "x"
select 1, 2 union select 3;
> ERROR 42601: each UNION query must have the same number of columns
select x from a union select x from b order by x + 1;
> ERROR 0A000: invalid UNION ORDER BY clause
values (1, 'a'), (2, null) order by column1 desc;
> column1:int4 | column2:text
> 2 | NULL
> 1 | a
> SELECT 2
values (1), (2, 3);
> ERROR 42601: VALUES lists must all be the same length
select t.n * 10 from (select x as n from a where x is not null) as t order by 1;
> ?column?:int4
> 10
> 20
> 20
> SELECT 3
select v.p, v.q from (values (1, 'z'), (2, 'w')) v (p, q) where v.p > 1;
> p:int4 | q:text
> 2 | w
> SELECT 1
select count(*) from (select x from a union select x from b) u;
> count:int8
> 4
> SELECT 1
select * from (select 1, 2) s (a, b, c);
> ERROR 42P10: table "s" has 2 columns available but 3 columns specified
insert into b select x from a where x = 1 union all values (7);
> INSERT 0 2
select x from b where x in (select x from a union select 7) order by x;
> x:int8
> 1
> 2
> 2
> 7
> SELECT 4
