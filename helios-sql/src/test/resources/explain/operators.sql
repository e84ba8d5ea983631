-- Sorting, aggregation, windows, limits and set operations.
create table t (id int primary key, g int, v int)

explain select * from t order by g desc, v
-- Sort
--   Sort Key: g DESC, v
--   ->  Seq Scan on t

explain select count(*) from t
-- Aggregate
--   ->  Seq Scan on t

explain select g, sum(v) from t where v > 0 group by g having count(*) > 1
-- HashAggregate
--   Group Key: t.g
--   Filter: (aggregate 1 > 1)
--   ->  Seq Scan on t
--         Filter: (t.v > 0)

explain select id, row_number() over (order by v) from t limit 5
-- Limit
--   ->  WindowAgg
--         ->  Seq Scan on t

explain select g from t union all select v from t
-- Append
--   ->  Seq Scan on t
--   ->  Seq Scan on t

explain analyze select * from t
