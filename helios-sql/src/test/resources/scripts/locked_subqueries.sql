# SELECT ... FOR UPDATE/SHARE as a subquery in FROM or a WITH query: the rows it returns are locked
create table jobs (id int primary key, state text, n int);
> CREATE TABLE
insert into jobs values (1, 'new', 1), (2, 'new', 2), (3, 'done', 3);
> INSERT 0 3
select s.id from (select id from jobs where state = 'new' order by id for update) s order by 1;
> id:int4
> 1
> 2
> SELECT 2
with c as (select id from jobs where state = 'new' order by id limit 1 for update skip locked) update jobs set state = 'taken' from c where jobs.id = c.id returning jobs.id, jobs.state;
> id:int4 | state:text
> 1 | taken
> UPDATE 1
select * from jobs order by id;
> id:int4 | state:text | n:int4
> 1 | taken | 1
> 2 | new | 2
> 3 | done | 3
> SELECT 3
with c as (select id from jobs where state = 'new' for share nowait) select count(*) from c;
> count:int8
> 1
> SELECT 1
select * from (select j.id from jobs j for update of j) s order by 1;
> id:int4
> 1
> 2
> 3
> SELECT 3
select * from (select * from jobs order by id for no key update limit 1) s;
> id:int4 | state:text | n:int4
> 1 | taken | 1
> SELECT 1
select * from (select id from jobs for key share) s join jobs j using (id) order by 1;
> id:int4 | state:text | n:int4
> 1 | taken | 1
> 2 | new | 2
> 3 | done | 3
> SELECT 3
select * from (select count(*) from jobs for update) s;
> ERROR 0A000: FOR UPDATE is not allowed with aggregate functions
with c as (select state, count(*) from jobs group by state for update) select * from c;
> ERROR 0A000: FOR UPDATE is not allowed with GROUP BY clause
select * from (select distinct state from jobs for update) s;
> ERROR 0A000: FOR UPDATE is not allowed with DISTINCT clause
select * from (select id from jobs union select n from jobs for update) s;
> ERROR 0A000: FOR UPDATE is not allowed with UNION/INTERSECT/EXCEPT
with c as (select id from jobs for update of nosuch) select * from c;
> ERROR 42P01: relation "nosuch" in FOR UPDATE clause not found in FROM clause
