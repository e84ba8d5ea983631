# INSERT: coercion, defaults, RETURNING, constraints
create table t (id int primary key, big bigint, small smallint, name varchar(3), price numeric(5,2), flag boolean default false, born date, seen timestamp, score real, ratio double precision);
> CREATE TABLE
insert into t (id, big, small) values (1, 2147483647, 3.7);
> INSERT 0 1
select id, big, small, flag from t;
> id:int4 | big:int8 | small:int2 | flag:bool
> 1 | 2147483647 | 4 | f
> SELECT 1
insert into t (id) values (3.5);
> INSERT 0 1
select id from t where id > 1;
> id:int4
> 4
> SELECT 1
insert into t (id, big) values ('12', '9000000000');
> INSERT 0 1
insert into t (id) values ('abc');
> ERROR 22P02: invalid input syntax for type integer: "abc"
insert into t (id) values (2147483648);
> ERROR 22003: integer out of range
insert into t (id, small) values (20, 40000);
> ERROR 22003: smallint out of range
insert into t (id, name) values (21, 'abcd');
> ERROR 22001: value too long for type character varying(3)
insert into t (id, name) values (21, 'abc   ');
> INSERT 0 1
select name, length(name) from t where id = 21;
> name:varchar | length:int4
> abc | 3
> SELECT 1
insert into t (id, price) values (22, 3.14159);
> INSERT 0 1
select price from t where id = 22;
> price:numeric
> 3.14
> SELECT 1
insert into t (id, price) values (23, 1000);
> ERROR 22003: numeric field overflow
insert into t (id, name) values (24, 5);
> INSERT 0 1
insert into t (id, flag) values (25, 1);
> ERROR 42804: column "flag" is of type boolean but expression is of type integer
insert into t (id, small) values (26, 'x' || 'y');
> ERROR 42804: column "small" is of type smallint but expression is of type text
insert into t (id) values (null);
> ERROR 23502: null value in column "id" of relation "t" violates not-null constraint
insert into t (id) values (1);
> ERROR 23505: duplicate key value violates unique constraint "t_pkey"
insert into t (id, born, seen, score, ratio) values (30, '2024-02-29', '2024-01-02 03:04:05.5', 1.5, 0.1);
> INSERT 0 1
select born, seen, score, ratio from t where id = 30;
> born:date | seen:timestamp | score:float4 | ratio:float8
> 2024-02-29 | 2024-01-02 03:04:05.5 | 1.5 | 0.1
> SELECT 1
insert into t (id, born) values (31, '2024-13-01');
> ERROR 22008
insert into t values (40, 1, 1, 'a', 1, true, null, null, null, null, 99);
> ERROR 42601: INSERT has more expressions than target columns
insert into t (id, big) values (41);
> ERROR 42601: INSERT has more target columns than expressions
insert into t (id, nope) values (41, 1);
> ERROR 42703: column "nope" of relation "t" does not exist
insert into t (id, id) values (41, 1);
> ERROR 42701: column "id" specified more than once
insert into t (id, flag) values (50, default), (51, true) returning id, flag, id * 2 as double_id;
> id:int4 | flag:bool | double_id:int4
> 50 | f | 100
> 51 | t | 102
> INSERT 0 2
insert into t (id) values (52) returning *;
> id:int4 | big:int8 | small:int2 | name:varchar | price:numeric | flag:bool | born:date | seen:timestamp | score:float4 | ratio:float8
> 52 | NULL | NULL | NULL | NULL | f | NULL | NULL | NULL | NULL
> INSERT 0 1
create table copy (id int, flag boolean);
> CREATE TABLE
insert into copy select id, flag from t where id >= 50;
> INSERT 0 3
insert into copy (id) select id from copy;
> INSERT 0 3
select count(*), count(flag) from copy;
> count:int8 | count:int8
> 6 | 3
> SELECT 1
create table d (a int, b text default 'hello' || '!', c timestamp default '2020-01-01');
> CREATE TABLE
insert into d (a) values (1);
> INSERT 0 1
insert into d default values;
> INSERT 0 1
select * from d order by a;
> a:int4 | b:text | c:timestamp
> 1 | hello! | 2020-01-01 00:00:00
> NULL | hello! | 2020-01-01 00:00:00
> SELECT 2
insert into nosuch values (1);
> ERROR 42P01: relation "nosuch" does not exist
create table lit (a int, b date, c text);
> CREATE TABLE
insert into lit select '5', '2024-01-02', 'x';
> INSERT 0 1
insert into lit (a) select 'nope';
> ERROR 22P02: invalid input syntax for type integer: "nope"
select a + 1, b, c from lit;
> ?column?:int4 | b:date | c:text
> 6 | 2024-01-02 | x
> SELECT 1
