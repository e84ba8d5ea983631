# SELECT: projection, WHERE, ORDER BY, LIMIT, DISTINCT, joins
create table emp (id int primary key, name text, dept text, salary int, boss int);
> CREATE TABLE
insert into emp values (1, 'ann', 'eng', 100, null), (2, 'bob', 'eng', 80, 1), (3, 'cid', 'ops', 70, 1), (4, 'dan', null, 60, 3);
> INSERT 0 4
select name from emp where salary > 65 and dept = 'eng' order by name desc;
> name:text
> bob
> ann
> SELECT 2
select e.name, salary * 2 as double, salary / 3, salary % 7 from emp e where e.id = 2;
> name:text | double:int4 | ?column?:int4 | ?column?:int4
> bob | 160 | 26 | 3
> SELECT 1
select emp.* from emp where id in (1, 3) order by 1;
> id:int4 | name:text | dept:text | salary:int4 | boss:int4
> 1 | ann | eng | 100 | NULL
> 3 | cid | ops | 70 | 1
> SELECT 2
select name from emp where dept is null;
> name:text
> dan
> SELECT 1
select name from emp where dept is not null and salary between 70 and 80 order by salary;
> name:text
> cid
> bob
> SELECT 2
select name from emp where salary not between 70 and 80 order by id;
> name:text
> ann
> dan
> SELECT 2
select name from emp where id not in (1, 2) order by id;
> name:text
> cid
> dan
> SELECT 2
select name from emp where id not in (1, null) order by id;
> name:text
> SELECT 0
select name from emp where name like '_a%' or name like 'C%' order by id;
> name:text
> dan
> SELECT 1
select name from emp where name ilike 'C%';
> name:text
> cid
> SELECT 1
select name from emp where name not like '%n' order by id;
> name:text
> bob
> cid
> SELECT 2
select dept from emp order by dept nulls first, id;
> dept:text
> NULL
> eng
> eng
> ops
> SELECT 4
select dept from emp order by dept desc;
> dept:text
> NULL
> ops
> eng
> eng
> SELECT 4
select dept from emp order by dept desc nulls last limit 2;
> dept:text
> ops
> eng
> SELECT 2
select distinct dept from emp order by dept;
> dept:text
> eng
> ops
> NULL
> SELECT 3
select name from emp order by salary limit 2 offset 1;
> name:text
> cid
> bob
> SELECT 2
select name from emp order by id offset 3;
> name:text
> dan
> SELECT 1
select name as n from emp order by n limit 1;
> n:text
> ann
> SELECT 1
select name from emp order by salary + 1 desc limit 1;
> name:text
> ann
> SELECT 1
select e.name, b.name from emp e, emp b where e.boss = b.id order by e.id;
> name:text | name:text
> bob | ann
> cid | ann
> dan | cid
> SELECT 3
select e.name, b.name as boss from emp e join emp b on e.boss = b.id where b.name = 'ann' order by 1;
> name:text | boss:text
> bob | ann
> cid | ann
> SELECT 2
select e.name, b.name as boss from emp e left join emp b on e.boss = b.id order by e.id;
> name:text | boss:text
> ann | NULL
> bob | ann
> cid | ann
> dan | cid
> SELECT 4
select count(*) from emp a cross join emp b;
> count:int8
> 16
> SELECT 1
select name from emp e, emp b;
> ERROR 42702: column reference "name" is ambiguous
select nope from emp;
> ERROR 42703: column "nope" does not exist
select emp.nope from emp;
> ERROR 42703: column emp.nope does not exist
select x.id from emp;
> ERROR 42P01: missing FROM-clause entry for table "x"
select * from emp, emp;
> ERROR 42712: table name "emp" specified more than once
select name from emp where salary;
> ERROR 42804: argument of WHERE must be type boolean, not type integer
select name from emp where name = 1;
> ERROR 42883: operator does not exist: text = integer
select * ;
> ERROR 42601: SELECT * with no tables specified is not valid
select name from emp order by 9;
> ERROR 42P10
select 'abc' as s, null as n, true, 1.5, 3000000000, 12345678901234567890;
> s:text | n:text | bool:bool | ?column?:numeric | ?column?:int8 | ?column?:numeric
> abc | NULL | t | 1.5 | 3000000000 | 12345678901234567890
> SELECT 1
select name from emp where id = 2 and name = 'bob';
> name:text
> bob
> SELECT 1
select name from emp where id = 99;
> name:text
> SELECT 0
select 1 where null;
> ?column?:int4
> SELECT 0
select count(*) from emp where name like null;
> count:int8
> 0
> SELECT 1
update emp set id = 10 where id = 1;
> UPDATE 1
select id, name from emp where id = 10 or id = 1;
> id:int4 | name:text
> 10 | ann
> SELECT 1
select name from emp where id = 2147483648;
> name:text
> SELECT 0
select distinct on (dept) dept, name from emp order by dept, salary desc;
> dept:text | name:text
> eng | ann
> ops | cid
> NULL | dan
> SELECT 3
select distinct on (dept) name from emp order by dept nulls first, name desc;
> name:text
> dan
> bob
> cid
> SELECT 3
select distinct on (boss) boss from emp;
> boss:int4
> 1
> 3
> NULL
> SELECT 3
select distinct on (dept) name from emp order by name;
> ERROR 42P10: SELECT DISTINCT ON expressions must match initial ORDER BY expressions
