# Window functions, string_agg, FILTER and ORDER BY inside aggregates
create table w (id int primary key, g text, v int);
> CREATE TABLE
insert into w values (1, 'a', 10), (2, 'a', 20), (3, 'a', 20), (4, 'b', 5), (5, 'b', null);
> INSERT 0 5
select id, row_number() over (order by id desc), rank() over (partition by g order by v), dense_rank() over (order by v) from w order by id;
> id:int4 | row_number:int8 | rank:int8 | dense_rank:int8
> 1 | 5 | 1 | 2
> 2 | 4 | 2 | 3
> 3 | 3 | 2 | 3
> 4 | 2 | 1 | 1
> 5 | 1 | 2 | 4
> SELECT 5
select id, percent_rank() over (partition by g order by v), cume_dist() over (partition by g order by v), ntile(2) over (order by id) from w order by id;
> id:int4 | percent_rank:float8 | cume_dist:float8 | ntile:int4
> 1 | 0 | 0.3333333333333333 | 1
> 2 | 0.5 | 1 | 1
> 3 | 0.5 | 1 | 1
> 4 | 0 | 0.5 | 2
> 5 | 1 | 1 | 2
> SELECT 5
select id, lag(v) over w1, lead(v, 2, -1) over w1, first_value(v) over w1, nth_value(v, 2) over w1 from w window w1 as (partition by g order by id) order by id;
> id:int4 | lag:int4 | lead:int4 | first_value:int4 | nth_value:int4
> 1 | NULL | 20 | 10 | NULL
> 2 | 10 | -1 | 10 | 20
> 3 | 20 | -1 | 10 | 20
> 4 | NULL | -1 | 5 | NULL
> 5 | 5 | -1 | 5 | NULL
> SELECT 5
select id, sum(v) over (order by v), count(*) over (), sum(v) over (order by id rows between 1 preceding and 1 following) from w order by id;
> id:int4 | sum:int8 | count:int8 | sum:int8
> 1 | 15 | 5 | 30
> 2 | 55 | 5 | 50
> 3 | 55 | 5 | 45
> 4 | 5 | 5 | 25
> 5 | 55 | 5 | 5
> SELECT 5
select g, sum(v), rank() over (order by sum(v) desc) from w group by g order by g;
> g:text | sum:int8 | rank:int8
> a | 50 | 1
> b | 5 | 2
> SELECT 2
select id from w where row_number() over () > 1;
> ERROR 42P20: window functions are not allowed in WHERE
select row_number() from w;
> ERROR 42809: window function row_number requires an OVER clause
select lag(v) over w9 from w;
> ERROR 42704: window "w9" does not exist
select sum(v) over (order by id rows between unbounded following and current row) from w;
> ERROR 42P20: frame start cannot be UNBOUNDED FOLLOWING
select string_agg(g, ',' order by id desc), count(*) filter (where v > 5), sum(v) filter (where g = 'b') from w;
> string_agg:text | count:int8 | sum:int8
> b,b,a,a,a | 3 | 5
> SELECT 1
select g, string_agg(distinct v::text, '-' order by v::text) from w group by g order by g;
> g:text | string_agg:text
> a | 10-20
> b | 5
> SELECT 2
select string_agg(g, ',') from w where false;
> string_agg:text
> NULL
> SELECT 1
select string_agg(distinct g, ',' order by id) from w;
> ERROR 42P10: in an aggregate with DISTINCT, ORDER BY expressions must appear in argument list
select g, sum(v) from w group by rollup (g) order by g nulls last;
> g:text | sum:int8
> a | 50
> b | 5
> NULL | 55
> SELECT 3
select sum(v), count(*) from w group by ();
> sum:int8 | count:int8
> 55 | 5
> SELECT 1
