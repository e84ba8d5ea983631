# Subqueries: scalar, correlated, EXISTS, IN (SELECT ...), nested, and NULL handling
create table t1 (a int, b int, c int);
> CREATE TABLE
insert into t1 values (1, 10, 100), (2, 20, null), (3, null, 300), (4, 40, 400);
> INSERT 0 4
create table t2 (x int primary key, y int);
> CREATE TABLE
insert into t2 values (1, 10), (2, null), (5, 50);
> INSERT 0 3
select (select max(b) from t1);
> max:int4
> 40
> SELECT 1
select a, (select count(*) from t1 as s where s.b < t1.b) as lower from t1 order by a;
> a:int4 | lower:int8
> 1 | 0
> 2 | 1
> 3 | 0
> 4 | 2
> SELECT 4
select a from t1 where exists (select 1 from t2 where t2.x = t1.a) order by a;
> a:int4
> 1
> 2
> SELECT 2
select a from t1 where not exists (select 1 from t2 where t2.x = t1.a) order by 1;
> a:int4
> 3
> 4
> SELECT 2
select a from t1 where b in (select y from t2) order by a;
> a:int4
> 1
> SELECT 1
# NOT IN over a set holding NULL is never true; over an empty set it is always true.
select a from t1 where b not in (select y from t2);
> a:int4
> SELECT 0
select a from t1 where b not in (select y from t2 where y is not null) order by a;
> a:int4
> 2
> 4
> SELECT 2
select a from t1 where b not in (select y from t2 where false) order by a;
> a:int4
> 1
> 2
> 3
> 4
> SELECT 4
select a, b in (select y from t2) as found from t1 order by a;
> a:int4 | found:bool
> 1 | t
> 2 | NULL
> 3 | NULL
> 4 | NULL
> SELECT 4
select a from t1 where c > (select avg(c) from t1) order by a;
> a:int4
> 3
> 4
> SELECT 2
# A correlated reference two levels out.
select a from t1 where exists (select 1 from t2 where t2.x = t1.a and exists (select 1 from t1 as z where z.a = t2.x and t1.b = 10));
> a:int4
> 1
> SELECT 1
select (select y from t2 where x = 99) is null as missing;
> missing:bool
> t
> SELECT 1
select (select y from t2);
> ERROR 21000: more than one row returned by a subquery used as an expression
select (select x, y from t2 where x = 1);
> ERROR 42601: subquery must return only one column
select a from t1 where a in (select x from t2) and a in (select a from t1 where c is null);
> a:int4
> 2
> SELECT 1
select count(*) from t1 where (select count(*) from t2 where t2.y < t1.b) > 0;
> count:int8
> 2
> SELECT 1
select a from t1 order by (select count(*) from t1 as s where s.a > t1.a);
> a:int4
> 4
> 3
> 2
> 1
> SELECT 4
select sum(a) from (t1 cross join t2);
> sum:int8
> 30
> SELECT 1
# A strict operator with a NULL input is folded to NULL before any row is read, as in PostgreSQL.
select count(*) from t1 where a / 0 = null;
> count:int8
> 0
> SELECT 1
select count(all b), count(distinct b) from t1;
> count:int8 | count:int8
> 3 | 3
> SELECT 1
select a from t1 where b > all (select y from t2 where y < 30) order by a;
> a:int4
> 2
> 4
> SELECT 2
select a from t1 where b = any (select y from t2) or c < some (select 150) order by a;
> a:int4
> 1
> SELECT 1
select 5 > all (select y from t2), 5 < all (select y from t2), 5 > all (select 1 where false), null::int = any (select 1);
> ?column?:bool | ?column?:bool | ?column?:bool | ?column?:bool
> f | NULL | t | NULL
> SELECT 1
select a, b is distinct from 20 as d, b is not distinct from null as n from t1 order by a;
> a:int4 | d:bool | n:bool
> 1 | t | f
> 2 | f | f
> 3 | t | t
> 4 | t | f
> SELECT 4
