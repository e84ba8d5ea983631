# Correlated subqueries in the select list, HAVING and ORDER BY of a grouped query run once per group
create table gt (g int, x int);
> CREATE TABLE
insert into gt values (1, 10), (1, 20), (2, 5), (3, null);
> INSERT 0 4
create table gu (g int, y int);
> CREATE TABLE
insert into gu values (1, 1), (1, 30), (2, 4), (2, 8), (4, 100);
> INSERT 0 5
select g, (select count(*) from gu where gu.g = gt.g) as n from gt group by g order by g;
> g:int4 | n:int8
> 1 | 2
> 2 | 2
> 3 | 0
> SELECT 3
select g, sum(x) from gt group by g having sum(x) > (select avg(y) from gu where gu.g = gt.g) order by g;
> g:int4 | sum:int8
> 1 | 30
> SELECT 1
select g from gt group by g having exists (select 1 from gu where gu.g = gt.g and gu.y > 5) order by g;
> g:int4
> 1
> 2
> SELECT 2
select g, (select max(y) from gu where gu.g = gt.g) + sum(x) as s from gt group by g order by (select min(y) from gu where gu.g = gt.g) nulls first, g;
> g:int4 | s:int8
> 3 | NULL
> 1 | 60
> 2 | 13
> SELECT 3
# Two levels in: the inner subquery still reads the group's key.
select gt.g, (select count(*) from gu where gu.g = gt.g and exists (select 1 from gu z where z.y > gt.g)) as n from gt group by gt.g order by 1;
> g:int4 | n:int8
> 1 | 2
> 2 | 2
> 3 | 0
> SELECT 3
select g, count(*) from gt group by rollup(g) having (select count(*) from gu where gu.g = gt.g) >= 0 order by g;
> g:int4 | count:int8
> 1 | 2
> 2 | 1
> 3 | 1
> NULL | 4
> SELECT 4
select g, (select count(*) from gu where gu.g in (select g from gu where y = gt.g * 4)) as n from gt group by g order by g;
> g:int4 | n:int8
> 1 | 2
> 2 | 2
> 3 | 0
> SELECT 3
select g, (select count(*) from gu where gu.g = gt.x) from gt group by g;
> ERROR 42803: subquery uses ungrouped column "gt.x" from outer query
select g % 2 as p, (select count(*) from gu where gu.g = gt.g) from gt group by g % 2;
> ERROR 42803: subquery uses ungrouped column "gt.g" from outer query
select count(*), (select count(*) from gu where gu.g = gt.g) from gt;
> ERROR 42803: subquery uses ungrouped column "gt.g" from outer query
