# CREATE TABLE / DROP TABLE
create table t (id int primary key, name text);
> CREATE TABLE
create table t (x int);
> ERROR 42P07: relation "t" already exists
create table if not exists t (x int);
> CREATE TABLE
create table "MixedCase" (a smallint, b int2, c integer, d int4, e bigint, f int8, g text, h varchar(5), i character varying(10), j boolean, k bool, l double precision, m float8, n float, o real, p float4, q numeric(10,2), r decimal, s date, u timestamp);
> CREATE TABLE
select * from "MixedCase";
> a:int2 | b:int2 | c:int4 | d:int4 | e:int8 | f:int8 | g:text | h:varchar | i:varchar | j:bool | k:bool | l:float8 | m:float8 | n:float8 | o:float4 | p:float4 | q:numeric | r:numeric | s:date | u:timestamp
> SELECT 0
select * from mixedcase;
> ERROR 42P01: relation "mixedcase" does not exist
create table d (a int, a text);
> ERROR 42701: column "a" specified more than once
create table d (a int primary key, b int primary key);
> ERROR 42P16: multiple primary keys for table "d" are not allowed
create table d (a int, b int, primary key (a, c));
> ERROR 42703: column "c" named in key does not exist
create table d (a foo);
> ERROR 42704: type "foo" does not exist
create table d (a int default 'x');
> ERROR 22P02: invalid input syntax for type integer: "x"
create table d (a int default true);
> ERROR 42804: column "a" is of type integer but default expression is of type boolean
create table d (a int default b);
> ERROR 0A000: cannot use column reference in DEFAULT expression
create table two (a int, b text, c int not null default 7, primary key (a, b));
> CREATE TABLE
insert into two (a) values (1);
> ERROR 23502: null value in column "b" of relation "two" violates not-null constraint
insert into two (a, b) values (1, 'x');
> INSERT 0 1
select a, b, c from two;
> a:int4 | b:text | c:int4
> 1 | x | 7
> SELECT 1
drop table two, nosuch;
> ERROR 42P01: table "nosuch" does not exist
select count(*) from two;
> count:int8
> 1
> SELECT 1
drop table if exists two, nosuch;
> DROP TABLE
select * from two;
> ERROR 42P01: relation "two" does not exist
drop table two;
> ERROR 42P01: table "two" does not exist
drop table public.t;
> DROP TABLE
