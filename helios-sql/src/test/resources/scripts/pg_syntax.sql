# PostgreSQL spellings: IS [NOT] TRUE/FALSE/UNKNOWN, ^, SQL-standard substring/position/trim, E'' strings
select null::boolean is true, null::boolean is not false, false is false, true is unknown, null::boolean is unknown;
> ?column?:bool | ?column?:bool | ?column?:bool | ?column?:bool | ?column?:bool
> f | t | t | f | t
> SELECT 1
select 2 ^ 10, -2 ^ 2, 2 ^ 3 ^ 2;
> ?column?:float8 | ?column?:float8 | ?column?:float8
> 1024 | 4 | 64
> SELECT 1
select substring('hello' from 2 for 2), substring('hello' from 3), position('l' in 'hello'), position('z' in 'hello');
> substring:text | substring:text | position:int4 | position:int4
> el | llo | 3 | 0
> SELECT 1
select trim(both 'x' from 'xxaxx'), trim(leading 'x' from 'xxaxx'), trim(trailing 'x' from 'xxaxx'), trim(from '  a  ') || '|';
> btrim:text | ltrim:text | rtrim:text | ?column?:text
> a | axx | xxa | a|
> SELECT 1
select E'it''s', E'a\\b', E'\x41\102', length(E'tab\there');
> ?column?:text | ?column?:text | ?column?:text | length:int4
> it's | a\b | AB | 8
> SELECT 1
select format('%s-%s %L %I %%', 'a', null, 'o''k', 'Col'), format('%s', 1.50), octet_length('héllo');
> format:text | format:text | octet_length:int4
> a- 'o''k' "Col" % | 1.50 | 6
> SELECT 1
select format('%s %s', 'a');
> ERROR 22023: too few arguments for format()
select pg_typeof(1), pg_typeof(1.5), pg_typeof(1::bigint + 1), pg_typeof('x'::varchar);
> pg_typeof:text | pg_typeof:text | pg_typeof:text | pg_typeof:text
> integer | numeric | bigint | character varying
> SELECT 1
select upper('straße'), lower('ÀÉÎ');
> upper:text | lower:text
> STRAßE | àéî
> SELECT 1
select 1.5::boolean;
> ERROR 42846: cannot cast type numeric to boolean
select '2023-02-29'::date;
> ERROR 22008: date/time field value out of range: "2023-02-29"
select '2024-3-5'::date, '20240305'::date, '2024-3-5 7:08'::timestamp;
> date:date | date:date | timestamp:timestamp
> 2024-03-05 | 2024-03-05 | 2024-03-05 07:08:00
> SELECT 1
select '1e400'::float8;
> ERROR 22003: "1e400" is out of range for type double precision
select sqrt(-1);
> ERROR 2201F: cannot take square root of a negative number
select ln(0);
> ERROR 2201E: cannot take logarithm of zero
