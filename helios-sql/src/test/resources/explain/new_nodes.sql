-- Plan nodes of WITH RECURSIVE, set-returning functions in FROM, reordered joins and UPDATE ... FROM /
-- DELETE ... USING; then EXPLAIN ANALYZE's per-node counts (its time lines are not compared).
create table emp (id int primary key, boss int, name text)

insert into emp values (1, null, 'ceo'), (2, 1, 'cto'), (3, 1, 'cfo'), (4, 2, 'dev')

create table dept (id int primary key, head int, name text)

insert into dept values (10, 2, 'eng'), (20, 3, 'fin')

create table adj (emp_id int, delta int)

insert into adj values (2, 5), (2, 6), (4, 7)

explain with recursive sub(id) as (select id from emp where id = 2 union all select e.id from emp e join sub s on e.boss = s.id) select * from sub
-- Recursive Union
--   ->  Index Scan using emp_pkey on emp
--         Index Cond: (id = 2)
--         Filter: (emp.id = 2)
--   ->  Hash Join
--         Hash Cond: (e.boss = s.id)
--         ->  Seq Scan on emp
--         ->  Hash
--               ->  WorkTable Scan on sub

explain select * from generate_series(1, 3) g
-- Function Scan on generate_series

explain select e.name, d.name from emp e, dept d, adj a where a.emp_id = e.id and d.head = e.id and d.id = 10
-- Hash Join
--   Hash Cond: (a.emp_id = e.id)
--   ->  Nested Loop
--         ->  Index Scan using dept_pkey on dept
--               Index Cond: (id = 10)
--               Filter: (d.id = 10)
--         ->  Index Scan using emp_pkey on emp
--               Index Cond: (id = d.head)
--   ->  Hash
--         ->  Seq Scan on adj

explain update emp set name = 'x' from adj where adj.emp_id = emp.id
-- Update on emp
--   ->  Hash Join
--         Hash Cond: (adj.emp_id = emp.id)
--         ->  Seq Scan on emp
--         ->  Hash
--               ->  Seq Scan on adj

explain update emp set boss = dept.id from dept where dept.head = emp.id and dept.id = 10
-- Update on emp
--   ->  Nested Loop
--         ->  Index Scan using dept_pkey on dept
--               Index Cond: (id = 10)
--               Filter: (dept.id = 10)
--         ->  Index Scan using emp_pkey on emp
--               Index Cond: (id = dept.head)

explain delete from emp using adj where adj.emp_id = emp.id and adj.delta > 6
-- Delete on emp
--   ->  Nested Loop
--         ->  Seq Scan on adj
--               Filter: (adj.delta > 6)
--         ->  Index Scan using emp_pkey on emp
--               Index Cond: (id = adj.emp_id)

explain analyze select e.name from emp e join adj a on a.emp_id = e.id where e.id > 1
-- Hash Join (actual rows=3 loops=1)
--   Hash Cond: (a.emp_id = e.id)
--   ->  Seq Scan on emp (actual rows=3 loops=1)
--         Filter: (e.id > 1)
--   ->  Hash (actual rows=3 loops=1)
--         ->  Seq Scan on adj (actual rows=3 loops=1)

explain analyze select * from emp where id = 99
-- Index Scan using emp_pkey on emp (actual rows=0 loops=1)
--   Index Cond: (id = 99)
--   Filter: (emp.id = 99)

explain analyze with recursive t(n) as (select 1 union all select n + 1 from t where n < 4) select * from t
-- Recursive Union (actual rows=4 loops=1)
--   ->  Result (actual rows=1 loops=1)
--   ->  WorkTable Scan on t (actual rows=1 loops=4)
--         Filter: (t.n < 4)

explain analyze select g, (select count(*) from emp) from generate_series(1, 2) g
-- Function Scan on generate_series (actual rows=2 loops=1)

explain analyze update emp set name = upper(emp.name) from adj where adj.emp_id = emp.id returning emp.id
-- Update on emp (actual rows=2 loops=1)
--   ->  Hash Join (actual rows=3 loops=1)
--         Hash Cond: (adj.emp_id = emp.id)
--         ->  Seq Scan on emp (actual rows=4 loops=1)
--         ->  Hash (actual rows=3 loops=1)
--               ->  Seq Scan on adj (actual rows=3 loops=1)

-- Each target row is updated once although emp 2 joins two adj rows.
select id || ':' || name from emp order by id
-- 1:ceo
-- 2:CTO
-- 3:cfo
-- 4:DEV

-- A data-modifying WITH step counts its rows too; its own line counts the rows it returned (0 without RETURNING).
explain analyze with d as (delete from adj where delta > 5 returning emp_id), n as (insert into dept values (30, 4, 'ops')) select count(*) from d
-- Aggregate (actual rows=1 loops=1)
--   CTE d
--     ->  Delete on adj (actual rows=2 loops=1)
--           ->  Seq Scan on adj (actual rows=2 loops=1)
--                 Filter: (adj.delta > 5)
--   CTE n
--     ->  Insert on dept (actual rows=0 loops=1)
--           ->  Values Scan on "*VALUES*" (actual rows=1 loops=1)
--   ->  CTE Scan on d (actual rows=2 loops=1)
