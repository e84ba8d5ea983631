# set_config() and current_setting(); SET of a fixed setting; what may be subscripted and how subscripts convert
select set_config('app.user_id', '42', false) as v;
> v:text
> 42
> SELECT 1
select current_setting('app.user_id') as v, current_setting('APP.USER_ID') as w;
> v:text | w:text
> 42 | 42
> SELECT 1
select current_setting('app.missing');
> ERROR 42704: unrecognized configuration parameter "app.missing"
select current_setting('app.missing', true) is null as gone;
> gone:bool
> t
> SELECT 1
select current_setting(null) is null as n;
> n:bool
> t
> SELECT 1
select set_config(null, 'x', false);
> ERROR 22004: SET requires parameter name
select set_config('server_version', '1', false);
> ERROR 55P02: parameter "server_version" cannot be changed
set is_superuser = off;
> ERROR 55P02: parameter "is_superuser" cannot be changed
create table sub (n int, t text, a int[], j jsonb);
> CREATE TABLE
insert into sub values (5, 'x', '{10,20,30,40}', '{"k": [1, 2, 3], "m": {"z": 3}}');
> INSERT 0 1
select n[1] from sub;
> ERROR 42804: cannot subscript type integer because it does not support subscripting
select t[1:2] from sub;
> ERROR 42804: cannot subscript type text because it does not support subscripting
select a[t] from sub;
> ERROR 42804: array subscript must have type integer
select a[1.5] as r, a[1.4] as d, a[2::bigint] as b, a[1.5:2.5] as s from sub;
> r:int4 | d:int4 | b:int4 | s:_int4
> 20 | 10 | 20 | {20,30}
> SELECT 1
select ARRAY[1, 2, 3][2];
> ERROR 42601: syntax error at or near "["
select (ARRAY[1, 2, 3])[2] as e;
> e:int4
> 2
> SELECT 1
select j['k'][0] as a, j['m']['z'] as b, j['k']['1'] as c, j['nope'] as d from sub;
> a:jsonb | b:jsonb | c:jsonb | d:jsonb
> 1 | 3 | 2 | NULL
> SELECT 1
select j['k'][1:2] from sub;
> ERROR 42804: jsonb subscript does not support slices
