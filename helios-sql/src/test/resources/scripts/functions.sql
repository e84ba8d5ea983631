# Built-in string and math functions
select substring('hello world', 7), substring('abc', 5), substr('hello', 2, 3), substring('abc', 0, 2);
> substring:text | substring:text | substr:text | substring:text
> world |  | ell | a
> SELECT 1
select substring('abc', 1, -1);
> ERROR 22011: negative substring length not allowed
select strpos('high', 'ig'), strpos('high', 'x'), replace('abcabc', 'b', 'XY'), reverse('abc');
> strpos:int4 | strpos:int4 | replace:text | reverse:text
> 2 | 0 | aXYcaXYc | cba
> SELECT 1
select trim('  x  ') || '|', ltrim('xxaxx', 'x'), rtrim('xxaxx', 'x'), btrim('xyaxy', 'yx');
> ?column?:text | ltrim:text | rtrim:text | btrim:text
> x| | axx | xxa | a
> SELECT 1
select split_part('a,b,c', ',', 2), split_part('a,b,c', ',', 9), split_part('a,b,c', ',', -1);
> split_part:text | split_part:text | split_part:text
> b |  | c
> SELECT 1
select lpad('7', 3, '0'), rpad('ab', 5, 'xy'), lpad('hello', 2), left('hello', 2), right('hello', -2), repeat('ab', 3);
> lpad:text | rpad:text | lpad:text | left:text | right:text | repeat:text
> 007 | abxyx | he | he | llo | ababab
> SELECT 1
select initcap('hello wORLD-x'), md5('abc'), ascii('A'), chr(66);
> initcap:text | md5:text | ascii:int4 | chr:text
> Hello World-X | 900150983cd24fb0d6963f7d28e17f72 | 65 | B
> SELECT 1
select concat('a', null, 1, true), concat_ws('-', 'x', null, 'y'), concat_ws(null, 'x');
> concat:text | concat_ws:text | concat_ws:text
> a1t | x-y | NULL
> SELECT 1
select upper(substring(null, 1)), length(lpad('', 4, '*'));
> upper:text | length:int4
> NULL | 4
> SELECT 1
select mod(17, 5), mod(-17, 5), mod(17::bigint, 5), mod(5.5, 2);
> mod:int4 | mod:int4 | mod:int8 | mod:numeric
> 2 | -2 | 2 | 1.5
> SELECT 1
select mod(1, 0);
> ERROR 22012: division by zero
select ceil(4.2), floor(-4.2), ceil(3), trunc(-7.9), sign(-3.5), sign(2);
> ceil:numeric | floor:numeric | ceil:float8 | trunc:numeric | sign:numeric | sign:float8
> 5 | -5 | 3 | -7 | -1 | 1
> SELECT 1
select sqrt(16), power(2, 10), exp(0), ln(1);
> sqrt:float8 | power:float8 | exp:float8 | ln:float8
> 4 | 1024 | 1 | 0
> SELECT 1
select sqrt(-1);
> ERROR 2201F: cannot take square root of a negative number
select greatest(3, 7, null, 5), least(3, 7, null, 5), greatest(null, null::int), least('b', 'a');
> greatest:int4 | least:int4 | greatest:int4 | least:text
> 7 | 3 | NULL | a
> SELECT 1
select greatest(1, 2.5);
> greatest:numeric
> 2.5
> SELECT 1
select random() >= 0 and random() < 1 as ok, pi() > 3.14;
> ok:bool | ?column?:bool
> t | t
> SELECT 1
select nosuchfunction(1);
> ERROR 42883: function nosuchfunction(integer) does not exist
select substring(1, 2);
> ERROR 42883: function substring(integer, integer) does not exist
