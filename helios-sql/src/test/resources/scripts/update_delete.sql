# UPDATE and DELETE
create table acc (id int primary key, owner text not null, balance numeric(10,2) default 0);
> CREATE TABLE
insert into acc (id, owner) values (1, 'a'), (2, 'b'), (3, 'c');
> INSERT 0 3
update acc set balance = balance + 10.005 where id = 2;
> UPDATE 1
update acc set balance = balance + 1;
> UPDATE 3
select id, balance from acc order by id;
> id:int4 | balance:numeric
> 1 | 1.00
> 2 | 11.01
> 3 | 1.00
> SELECT 3
update acc set id = id + 1;
> ERROR 23505: duplicate key value violates unique constraint "acc_pkey"
update acc set id = id + 10 where id < 3 returning id, owner;
> id:int4 | owner:text
> 11 | a
> 12 | b
> UPDATE 2
update acc a set owner = upper(a.owner) where a.id > 10;
> UPDATE 2
update acc set owner = null where id = 3;
> ERROR 23502: null value in column "owner" of relation "acc" violates not-null constraint
update acc set nope = 1;
> ERROR 42703: column "nope" of relation "acc" does not exist
update acc set balance = 'x';
> ERROR 22P02: invalid input syntax for type numeric: "x"
update acc set balance = default where id = 11;
> UPDATE 1
update acc set balance = 1, balance = 2;
> ERROR 42601: multiple assignments to same column "balance"
update acc set balance = 5 where id = 99;
> UPDATE 0
select * from acc order by id;
> id:int4 | owner:text | balance:numeric
> 3 | c | 1.00
> 11 | A | 0.00
> 12 | B | 11.01
> SELECT 3
delete from acc where id = 11 returning *;
> id:int4 | owner:text | balance:numeric
> 11 | A | 0.00
> DELETE 1
delete from acc where owner = 'zzz';
> DELETE 0
delete from acc;
> DELETE 2
select count(*) from acc;
> count:int8
> 0
> SELECT 1
create table nopk (a int, b text);
> CREATE TABLE
insert into nopk values (1, 'x'), (1, 'x'), (2, 'y');
> INSERT 0 3
update nopk set b = 'z' where a = 1;
> UPDATE 2
delete from nopk where b = 'y';
> DELETE 1
select a, b from nopk;
> a:int4 | b:text
> 1 | z
> 1 | z
> SELECT 2
