# UPDATE ... SET (a, b) = (...) | ROW(...) | (SELECT ...)
create table t (id int primary key, a int, b text default 'dflt', c int);
> CREATE TABLE
insert into t values (1, 1, 'x', 10), (2, 2, 'y', 20);
> INSERT 0 2
update t set (a, b) = (a + 100, b || '!') where id = 1 returning id, a, b;
> id:int4 | a:int4 | b:text
> 1 | 101 | x!
> UPDATE 1
update t set (a) = row(5), c = c + 1 where id = 2 returning a, c;
> a:int4 | c:int4
> 5 | 21
> UPDATE 1
update t set (a, b) = row(7, default) where id = 2 returning a, b;
> a:int4 | b:text
> 7 | dflt
> UPDATE 1
update t set (a, b) = (default, default) where id = 1 returning a, b;
> a:int4 | b:text
> NULL | dflt
> UPDATE 1
update t set (a) = (5) where id = 1;
> ERROR 0A000: source for a multiple-column UPDATE item must be a sub-SELECT or ROW() expression
update t set (a, b) = (1) where id = 1;
> ERROR 0A000: source for a multiple-column UPDATE item must be a sub-SELECT or ROW() expression
update t set (a, b) = (1, 'q', 3) where id = 1;
> ERROR 42601: number of columns does not match number of values
update t set (a, b) = row(1) where id = 1;
> ERROR 42601: number of columns does not match number of values
update t set (a, b) = (select 1) where id = 1;
> ERROR 42601: number of columns does not match number of values
update t set (a, b) = (select 1, 'z', 3) where id = 1;
> ERROR 42601: number of columns does not match number of values
update t set (a, a) = (1, 2);
> ERROR 42601: multiple assignments to same column "a"
update t set (a, nosuch) = (1, 2);
> ERROR 42703: column "nosuch" of relation "t" does not exist
update t set (a, b) = (select 'abc', 1);
> ERROR 42804: column "a" is of type integer but expression is of type text
update t set (a, b) = (select 1, 'two' from t);
> ERROR 21000: more than one row returned by a subquery used as an expression
create table src (id int, x int, y text);
> CREATE TABLE
insert into src values (1, 11, 'one'), (2, 22, 'two');
> INSERT 0 2
update t set (b, a) = (select y, x from src where src.id = t.id), c = 0 returning id, a, b, c;
> id:int4 | a:int4 | b:text | c:int4
> 1 | 11 | one | 0
> 2 | 22 | two | 0
> UPDATE 2
update t set (a, b) = (select x, y from src where src.id = t.id + 10);
> UPDATE 2
select * from t order by id;
> id:int4 | a:int4 | b:text | c:int4
> 1 | NULL | NULL | 0
> 2 | NULL | NULL | 0
> SELECT 2
update t set (a, b) = (select * from src where src.id = 2 limit 1);
> ERROR 42601: number of columns does not match number of values
update t set (a, b) = (select x * 2, upper(y) from src where src.id = 2), (c) = row(id * 3);
> UPDATE 2
select * from t order by id;
> id:int4 | a:int4 | b:text | c:int4
> 1 | 44 | TWO | 3
> 2 | 44 | TWO | 6
> SELECT 2
