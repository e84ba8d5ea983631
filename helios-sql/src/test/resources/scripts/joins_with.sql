# Outer joins (LEFT, RIGHT, FULL), join nesting, left()/right(), and WITH queries
create table l (id int, v text);
> CREATE TABLE
insert into l values (1, 'a'), (2, 'b'), (3, null);
> INSERT 0 3
create table r (id int, w text);
> CREATE TABLE
insert into r values (2, 'x'), (3, 'y'), (4, 'z');
> INSERT 0 3
select l.id, r.id from l left join r on l.id = r.id order by 1;
> id:int4 | id:int4
> 1 | NULL
> 2 | 2
> 3 | 3
> SELECT 3
select l.id, r.w from l right outer join r on l.id = r.id order by r.w;
> id:int4 | w:text
> 2 | x
> 3 | y
> NULL | z
> SELECT 3
select l.id, r.id from l full join r on l.id = r.id and r.w <> 'y' order by l.id nulls first, r.id;
> id:int4 | id:int4
> NULL | 3
> NULL | 4
> 1 | NULL
> 2 | 2
> 3 | NULL
> SELECT 5
select count(*) from l full outer join r on false;
> count:int8
> 6
> SELECT 1
select l.id from l inner join r on l.id = r.id where r.w = 'y';
> id:int4
> 3
> SELECT 1
select a.id, c.w from (l a join r b on a.id = b.id) join r c on c.id = b.id + 1;
> id:int4 | w:text
> 2 | y
> 3 | z
> SELECT 2
select left('hello', 2), right('hello', 3);
> left:text | right:text
> he | llo
> SELECT 1
with big as (select id from r where id > 2) select * from big order by id;
> id:int4
> 3
> 4
> SELECT 2
with a (n) as (select id from l), b as (select n * 10 as m from a where n > 1)
select m from b order by m desc;
> m:int4
> 30
> 20
> SELECT 2
# A WITH query shadows a table of the same name; a query may use it twice under aliases.
with l as (select 42 as id) select x.id, y.id from l x, l y;
> id:int4 | id:int4
> 42 | 42
> SELECT 1
with q as (select 1), q as (select 2) select * from q;
> ERROR 42712: WITH query name "q" specified more than once
with recursive t(n) as (select 1) select * from t;
> n:int4
> 1
> SELECT 1
with recursive t(n) as (select 1 union all select n + 1 from t where n < 3) select * from t;
> n:int4
> 1
> 2
> 3
> SELECT 3
with recursive t(n) as (select n from t union select 1) select * from t;
> ERROR 42P19: recursive reference to query "t" must not appear within its non-recursive term
with recursive t(n) as (select 1 union select n + 1 from t where n < 3 order by 1) select * from t;
> ERROR 0A000: ORDER BY in a recursive query is not implemented
with recursive t(n) as (select 1 union select n + 1 from t where n < 3 limit 2) select * from t;
> ERROR 0A000: LIMIT in a recursive query is not implemented
select id from l where id in (with s as (select id from r) select id from s) order by id;
> id:int4
> 2
> 3
> SELECT 2
select * from l join r using (id) order by id;
> id:int4 | v:text | w:text
> 2 | b | x
> 3 | NULL | y
> SELECT 2
select id, l.id, r.id from l full join r using (id) order by 1;
> id:int4 | id:int4 | id:int4
> 1 | 1 | NULL
> 2 | 2 | 2
> 3 | 3 | 3
> 4 | NULL | 4
> SELECT 4
select id, v from l right join r using (id) where v is null order by 1;
> id:int4 | v:text
> 3 | NULL
> 4 | NULL
> SELECT 2
select * from l natural join r;
> id:int4 | v:text | w:text
> 2 | b | x
> 3 | NULL | y
> SELECT 2
select count(*) from l natural join (select 1 as z) s;
> count:int8
> 3
> SELECT 1
select * from l join r using (nope);
> ERROR 42703: column "nope" specified in USING clause does not exist in left table
select id from l, r;
> ERROR 42702: column reference "id" is ambiguous
