# A first walk through the main statements.
create table t (id int primary key, name text);
> CREATE TABLE
insert into t values (1, 'a'), (2, 'b');
> INSERT 0 2
select * from t order by id;
> id:int4 | name:text
> 1 | a
> 2 | b
> SELECT 2
select 1+1;
> ?column?:int4
> 2
> SELECT 1
