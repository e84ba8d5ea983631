# UPDATE ... FROM, DELETE ... USING and GROUPING()
create table nk (a int, b text);
> CREATE TABLE
insert into nk values (1, 'x'), (1, 'x'), (2, 'y');
> INSERT 0 3
create table m (k int, v text);
> CREATE TABLE
insert into m values (1, 'one'), (1, 'uno'), (2, 'two'), (3, 'three');
> INSERT 0 4
update nk set b = m.v from m where m.k = nk.a and m.v <> 'uno';
> UPDATE 3
select a, b from nk order by a;
> a:int4 | b:text
> 1 | one
> 1 | one
> 2 | two
> SELECT 3
update nk set b = 'q' from m where m.k = nk.a returning *;
> a:int4 | b:text | k:int4 | v:text
> 1 | q | 1 | one
> 1 | q | 1 | one
> 2 | q | 2 | two
> UPDATE 3
update nk set b = 'r' from m where m.k = nk.a and m.v in (select v from m where k = 2) returning nk.a, m.v;
> a:int4 | v:text
> 2 | two
> UPDATE 1
update nk n set b = 'no' from m where m.k = n.a and nk.a = 1;
> ERROR 42P01: missing FROM-clause entry for table "nk"
update nk set b = 'no' from m where k = a and v = b and c = 1;
> ERROR 42703: column "c" does not exist
update nk set b = 'no' from m, m;
> ERROR 42712: table name "m" specified more than once
delete from nk using m where m.k = nk.a and m.v = 'two' returning nk.a, m.v;
> a:int4 | v:text
> 2 | two
> DELETE 1
delete from nk using m left join nk n2 on n2.a = m.k where m.k = nk.a and n2.a is not null;
> DELETE 2
select count(*) from nk;
> count:int8
> 0
> SELECT 1
select v, grouping(v) from m group by rollup (v) order by 2, 1;
> v:text | grouping:int4
> one | 0
> three | 0
> two | 0
> uno | 0
> NULL | 1
> SELECT 5
select k, grouping(k) from m where grouping(k) = 0 group by k;
> ERROR 42803: aggregate functions are not allowed in WHERE
select grouping(v) from m group by k;
> ERROR 42803: arguments to GROUPING must be grouping expressions of the associated query level
select k, sum(grouping(k)) from m group by k;
> ERROR 42803: aggregate function calls cannot be nested
