-- Access paths: sequential scan, whole-primary-key lookup, index scans (forward, backward, ranges).
create table t (id int primary key, a int, b text)

create index t_a on t (a)

explain select * from t
-- Seq Scan on t

explain select id from t where b = 'x'
-- Seq Scan on t
--   Filter: (t.b = 'x'::text)

explain select * from t where id = 5
-- Index Scan using t_pkey on t
--   Index Cond: (id = 5)
--   Filter: (t.id = 5)

explain select id from t where a = 3 and b = 'y'
-- Index Scan using t_a on t
--   Index Cond: (t.a = 3)
--   Filter: (t.b = 'y'::text)

explain select id from t where a > 3 and a <= 9
-- Index Scan using t_a on t
--   Index Cond: ((t.a > 3) AND (t.a <= 9))

explain select id from t order by a desc limit 2
-- Limit
--   ->  Index Scan Backward using t_a on t
