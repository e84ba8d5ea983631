# Set-returning functions: the names and types of their columns, lockstep select lists, errors
select * from unnest(array[5, 6]);
> unnest:int4
> 5
> 6
> SELECT 2
select * from unnest(array['p', 'q']) with ordinality as t;
> t:text | ordinality:int8
> p | 1
> q | 2
> SELECT 2
select * from unnest(array[1, 2, 3], array['a']) as t;
> unnest:int4 | unnest:text
> 1 | a
> 2 | NULL
> 3 | NULL
> SELECT 3
select * from jsonb_array_elements('[1, {"b": 1, "a": 2}]') as e;
> value:jsonb
> 1
> {"a": 2, "b": 1}
> SELECT 2
select * from jsonb_each_text('{"b": null, "a": "s"}');
> key:text | value:text
> a | s
> b | NULL
> SELECT 2
select k from jsonb_object_keys('{"bb": 1, "a": 2}') as k;
> k:text
> a
> bb
> SELECT 2
select * from generate_series(timestamp '2024-01-01', timestamp '2024-01-01 00:02', interval '1 minute') as g;
> g:timestamp
> 2024-01-01 00:00:00
> 2024-01-01 00:01:00
> 2024-01-01 00:02:00
> SELECT 3
select * from generate_series(date '2024-01-01', date '2024-01-02', interval '1 day') as g;
> g:timestamptz
> 2024-01-01 00:00:00+00
> 2024-01-02 00:00:00+00
> SELECT 2
select regexp_split_to_table('a,b,c', ',') as piece, unnest(array[1, 2]) * 10, generate_series(1, 1);
> piece:text | ?column?:int4 | generate_series:int4
> a | 10 | 1
> b | 20 | NULL
> c | NULL | NULL
> SELECT 3
select jsonb_each('{"a": 1}');
> jsonb_each:record
> (a,1)
> SELECT 1
select * from unnest('{1,2}');
> ERROR 42725: function unnest(unknown) is not unique
select * from jsonb_object_keys('[1]');
> ERROR 22023: cannot call jsonb_object_keys on an array
select * from regexp_split_to_table('a', ',', 'g');
> ERROR 22023: regexp_split_to_table() does not support the "global" option
select * from generate_series(timestamp '2024-01-01', timestamp '2024-01-02', 1);
> ERROR 42883: function generate_series(timestamp without time zone, timestamp without time zone, integer) does not exist
