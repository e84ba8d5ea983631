# Expressions: arithmetic, overflow, three-valued logic, casts, CASE, functions
select 7 / 2, -7 / 2, 7 % 3, -7 % 3, 7.0 / 2, 1 / 3.0;
> ?column?:int4 | ?column?:int4 | ?column?:int4 | ?column?:int4 | ?column?:numeric | ?column?:numeric
> 3 | -3 | 1 | -1 | 3.5000000000000000 | 0.33333333333333333333
> SELECT 1
select 10::numeric / 4, 2.5 * 2, 1.10 + 2.205;
> ?column?:numeric | ?column?:numeric | ?column?:numeric
> 2.5000000000000000 | 5.0 | 3.305
> SELECT 1
select 1 / 0;
> ERROR 22012: division by zero
select 1.5 / 0;
> ERROR 22012: division by zero
select 5 % 0;
> ERROR 22012: division by zero
select 2147483647 + 1;
> ERROR 22003: integer out of range
select 9223372036854775807 + 1;
> ERROR 22003: bigint out of range
select -2147483648, 2147483647 + 1::bigint;
> ?column?:int4 | ?column?:int8
> -2147483648 | 2147483648
> SELECT 1
select 1 + 1.5, 1 + 1.5::float8, 2::real * 2::real, 1::smallint + 1::smallint;
> ?column?:numeric | ?column?:float8 | ?column?:float4 | ?column?:int2
> 2.5 | 2.5 | 4 | 2
> SELECT 1
select 1.0::float8 / 0;
> ERROR 22012: division by zero
select null + 1, null::int is null, 1 + '2';
> ?column?:int4 | ?column?:bool | ?column?:int4
> NULL | t | 3
> SELECT 1
select true and null, false and null, true or null, false or null, not null::boolean;
> ?column?:bool | ?column?:bool | ?column?:bool | ?column?:bool | ?column?:bool
> NULL | f | t | NULL | NULL
> SELECT 1
select 1 = 1, 1 <> 1, 1 != 2, 2 < 1, 2 <= 2, 3 > 2, 3 >= 4, 'a' < 'b', 1 = 1.0;
> ?column?:bool | ?column?:bool | ?column?:bool | ?column?:bool | ?column?:bool | ?column?:bool | ?column?:bool | ?column?:bool | ?column?:bool
> t | f | t | f | t | t | f | t | t
> SELECT 1
select 'a' || 'b', 'n' || 1, 1 || 'n', 'x' || null;
> ?column?:text | ?column?:text | ?column?:text | ?column?:text
> ab | n1 | 1n | NULL
> SELECT 1
select 1 || 2;
> ERROR 42883: operator does not exist: integer || integer
select cast('42' as int), '7'::bigint, 3.7::int, -3.5::int, 2.5::float8::int, '1.50'::numeric(5,1), 'abc'::varchar(2), 12::text, true::text, 1::boolean;
> int4:int4 | int8:int8 | int4:int4 | ?column?:int4 | int4:int4 | numeric:numeric | varchar:varchar | text:text | text:text | bool:bool
> 42 | 7 | 4 | -4 | 2 | 1.5 | ab | 12 | true | t
> SELECT 1
select 'x'::int;
> ERROR 22P02: invalid input syntax for type integer: "x"
select 70000::smallint;
> ERROR 22003: smallint out of range
select date '2024-03-01' - 1, date '2024-03-01' - date '2024-01-01', '2024-01-31'::date + 1;
> ?column?:date | ?column?:int4 | ?column?:date
> 2024-02-29 | 60 | 2024-02-01
> SELECT 1
select timestamp '2024-01-02 03:04:05', '2024-01-02'::timestamp > '2024-01-01'::date;
> timestamp:timestamp | ?column?:bool
> 2024-01-02 03:04:05 | t
> SELECT 1
select case when 1 > 2 then 'x' when 2 > 1 then 'y' end, case 3 when 1 then 'one' when 3 then 'three' else 'many' end, case when false then 1 end;
> case:text | case:text | case:int4
> y | three | NULL
> SELECT 1
select case when true then 1 else 'x' end;
> ERROR 22P02: invalid input syntax for type integer: "x"
select case when true then 1 else false end;
> ERROR 42804: CASE types integer and boolean cannot be matched
select lower('AbC'), upper('abc'), length('héllo'), abs(-5), abs(-2.5), coalesce(null, 2, 3), nullif(1, 1), nullif(1, 2), round(2.567, 2), round(2.5);
> lower:text | upper:text | length:int4 | abs:int4 | abs:numeric | coalesce:int4 | nullif:int4 | nullif:int4 | round:numeric | round:numeric
> abc | ABC | 5 | 5 | 2.5 | 2 | NULL | 1 | 2.57 | 3
> SELECT 1
select nosuch(1);
> ERROR 42883: function nosuch(integer) does not exist
select lower(1);
> ERROR 42883: function lower(integer) does not exist
select 1 in (1, 2), 3 in (1, 2), 3 in (1, null), 'b' between 'a' and 'c', 'it''s' as q;
> ?column?:bool | ?column?:bool | ?column?:bool | ?column?:bool | q:text
> t | f | NULL | t | it's
> SELECT 1
select 'abc' like 'a%', 'abc' like 'A%', 'abc' ilike 'A%', 'a_c' like 'a\_c', 'abc' like 'a\_c', '50%' like '50\%';
> ?column?:bool | ?column?:bool | ?column?:bool | ?column?:bool | ?column?:bool | ?column?:bool
> t | f | t | t | f | t
> SELECT 1
select 1.5::float8, 1e20::float8, 0.1::float4 + 0, 1e3;
> float8:float8 | float8:float8 | ?column?:float8 | ?column?:numeric
> 1.5 | 1e+20 | 0.10000000149011612 | 1000
> SELECT 1
select - - 3, -(2), +4;
> ?column?:int4 | ?column?:int4 | ?column?:int4
> 3 | -2 | 4
> SELECT 1
select 'abc' ~ 'b', 'abc' ~ '^b', 'ABC' ~* 'b', 'abc' !~ 'z', 'abc' !~* 'B', null ~ 'a';
> ?column?:bool | ?column?:bool | ?column?:bool | ?column?:bool | ?column?:bool | ?column?:bool
> t | f | t | t | f | NULL
> SELECT 1
select 'abc' similar to 'a%', 'abc' similar to 'b%', 'abc' not similar to '_b_', 'a.c' similar to 'a.c', 'abc' similar to '(a|x)bc';
> ?column?:bool | ?column?:bool | ?column?:bool | ?column?:bool | ?column?:bool
> t | f | f | t | t
> SELECT 1
select regexp_replace('foobarbaz', 'b(..)', 'X\1Y'), regexp_replace('aAaA', 'a', '-', 'gi'), regexp_replace('a.b', '.', '$');
> regexp_replace:text | regexp_replace:text | regexp_replace:text
> fooXarYbaz | ---- | $.b
> SELECT 1
select 1 ~ '1';
> ERROR 42883: operator does not exist: integer ~ unknown
select 'a' ~ '(';
> ERROR 2201B: invalid regular expression: Unclosed group
