# Aggregates and grouping
create table s (id int primary key, g text, i int, b bigint, n numeric, f double precision, r real, sm smallint);
> CREATE TABLE
select count(*), count(i), sum(i), avg(i), min(i), max(g) from s;
> count:int8 | count:int8 | sum:int8 | avg:numeric | min:int4 | max:text
> 0 | 0 | NULL | NULL | NULL | NULL
> SELECT 1
insert into s values (1, 'a', 1, 10, 1.5, 1.5, 1.5, 1), (2, 'a', 2, 20, 2.25, 2.5, 2.5, 2), (3, 'b', 3, 9223372036854775807, 3, 3, 3, 3), (4, null, null, null, null, null, null, null);
> INSERT 0 4
select count(*), count(i), sum(i), sum(b), sum(n), sum(f), sum(r), sum(sm), avg(i), avg(n), avg(f) from s;
> count:int8 | count:int8 | sum:int8 | sum:numeric | sum:numeric | sum:float8 | sum:float4 | sum:int8 | avg:numeric | avg:numeric | avg:float8
> 4 | 3 | 6 | 9223372036854775837 | 6.75 | 7 | 7 | 6 | 2.0000000000000000 | 2.2500000000000000 | 2.3333333333333335
> SELECT 1
select g, count(*), sum(i) from s group by g order by g;
> g:text | count:int8 | sum:int8
> a | 2 | 3
> b | 1 | 3
> NULL | 1 | NULL
> SELECT 3
select g, count(*) as c from s group by g having count(*) > 1;
> g:text | c:int8
> a | 2
> SELECT 1
select g, max(i) from s where i > 1 group by 1 order by 2 desc;
> g:text | max:int4
> b | 3
> a | 2
> SELECT 2
select i % 2 as parity, count(*) from s where i is not null group by i % 2 order by parity;
> parity:int4 | count:int8
> 0 | 1
> 1 | 2
> SELECT 2
select count(distinct g), count(distinct i % 2) from s;
> count:int8 | count:int8
> 2 | 2
> SELECT 1
select g, i from s group by g;
> ERROR 42803: column "s.i" must appear in the GROUP BY clause or be used in an aggregate function
select i, count(*) from s;
> ERROR 42803: column "s.i" must appear in the GROUP BY clause or be used in an aggregate function
select id from s where count(*) > 1;
> ERROR 42803: aggregate functions are not allowed in WHERE
select sum(count(*)) from s;
> ERROR 42803: aggregate function calls cannot be nested
select sum(g) from s;
> ERROR 42883: function sum(text) does not exist
select count(*) + 1, max(i) * 2 from s;
> ?column?:int8 | ?column?:int4
> 5 | 6
> SELECT 1
select g from s group by g having g is not null order by g limit 1;
> g:text
> a
> SELECT 1
select sum(i) from s where false;
> sum:int8
> NULL
> SELECT 1
select g, count(*) from s where false group by g;
> g:text | count:int8
> SELECT 0
select sum(b) + 1 from s where b > 100;
> ?column?:numeric
> 9223372036854775808
> SELECT 1
select g from s group by g order by count(*) desc, g;
> g:text
> a
> b
> NULL
> SELECT 3
create table dn (id int primary key, n numeric);
> CREATE TABLE
insert into dn values (1, 1.0), (2, 1.00), (3, 2), (4, null);
> INSERT 0 4
select count(distinct n), count(n), sum(n), min(id), max(n) from dn;
> count:int8 | count:int8 | sum:numeric | min:int4 | max:numeric
> 2 | 3 | 4.00 | 1 | 2
> SELECT 1
select count(*) from dn group by n order by 1;
> count:int8
> 1
> 1
> 2
> SELECT 3
create table flags (g int, f boolean);
> CREATE TABLE
insert into flags values (1, true), (1, false), (2, true), (2, null), (3, null);
> INSERT 0 5
select g, bool_and(f), bool_or(f), every(f) from flags group by g order by g;
> g:int4 | bool_and:bool | bool_or:bool | every:bool
> 1 | f | t | f
> 2 | t | t | t
> 3 | NULL | NULL | NULL
> SELECT 3
select bool_and(g) from flags;
> ERROR 42883: function bool_and(integer) does not exist
select g from flags order by g desc fetch first 2 rows only;
> g:int4
> 3
> 2
> SELECT 2
select g from flags order by g offset 1 row fetch next row only;
> g:int4
> 1
> SELECT 1
truncate table flags;
> TRUNCATE TABLE
select count(*) from flags;
> count:int8
> 0
> SELECT 1
truncate missing;
> ERROR 42P01: relation "missing" does not exist
