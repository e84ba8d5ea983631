# Found by the randomized TLP generator (helios-sqllogictest): join associativity, BETWEEN SYMMETRIC,
# and constants in GROUP BY / ORDER BY, all as PostgreSQL 15 does them
create table t (a int, b text);
> CREATE TABLE
insert into t values (1, 'x'), (2, 'y');
> INSERT 0 2
select count(*) from t a0 cross join t a1 left join t a2 on a0.a = a2.a;
> count:int8
> 4
> SELECT 1
select a0.a, a1.a, a2.a from t a0 natural join t a1 cross join t a2 order by 1, 2, 3;
> a:int4 | a:int4 | a:int4
> 1 | 1 | 1
> 1 | 1 | 2
> 2 | 2 | 1
> 2 | 2 | 2
> SELECT 4
select a0.a, a2.b from t a0 join t a1 using (a) join t a2 on a2.a = a0.a + 1;
> a:int4 | b:text
> 1 | y
> SELECT 1
select 2 between symmetric 3 and 1, 2 not between symmetric 3 and 1, 2 between asymmetric 3 and 1, null between symmetric 1 and 2;
> ?column?:bool | ?column?:bool | ?column?:bool | ?column?:bool
> t | f | f | NULL
> SELECT 1
select a from t group by 'x', a;
> ERROR 42601: non-integer constant in GROUP BY
select a from t group by true, a;
> ERROR 42601: non-integer constant in GROUP BY
select a from t order by 1.5;
> ERROR 42601: non-integer constant in ORDER BY
select a from t union select a from t order by null;
> ERROR 42601: non-integer constant in ORDER BY
select a from t group by 3;
> ERROR 42P10: GROUP BY position 3 is not in select list
