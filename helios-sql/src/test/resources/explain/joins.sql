-- Joins: hash joins for equi-joins no index serves, index nested loops, plain nested loops.
create table a (id int primary key, k int, x int)

create table b (id int primary key, k bigint, x int)

explain select a.id from a join b on a.k = b.k
-- Hash Join
--   Hash Cond: ((a.k)::bigint = b.k)
--   ->  Seq Scan on a
--   ->  Hash
--         ->  Seq Scan on b

explain select a.id from a left join b on b.k = a.k and a.x < b.x where b.id is null
-- Hash Left Join
--   Hash Cond: (b.k = (a.k)::bigint)
--   Join Filter: (a.x < b.x)
--   Filter: (b.id IS NULL)
--   ->  Seq Scan on a
--   ->  Hash
--         ->  Seq Scan on b

explain select a.id from a join b on b.id = a.x
-- Nested Loop
--   ->  Seq Scan on a
--   ->  Index Scan using b_pkey on b
--         Index Cond: (id = a.x)

explain select a.id from a join b on a.x < b.x
-- Nested Loop
--   Join Filter: (a.x < b.x)
--   ->  Seq Scan on a
--   ->  Seq Scan on b
