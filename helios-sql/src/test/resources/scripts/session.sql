# Transaction control, SET and SHOW, comments, several statements per text
begin;
> BEGIN
start transaction;
> BEGIN
commit;
> COMMIT
end;
> COMMIT
rollback;
> ROLLBACK
abort;
> ROLLBACK
set search_path = 'public';
> SET
show search_path;
> search_path:text
> public
> SHOW
set application_name to myapp;
> SET
SHOW Application_Name;
> application_name:text
> myapp
> SHOW
set extra_float_digits = 3;
> SET
show extra_float_digits;
> extra_float_digits:text
> 3
> SHOW
show server_version;
> server_version:text
> 16.0
> SHOW
show nosuch;
> ERROR 42704: unrecognized configuration parameter "nosuch"
-- a comment line
select 1 as a; -- trailing comment ;
> a:int4
> 1
> SELECT 1
/* block */ select 2 /* inner */ as b; select 3 as c;
> b:int4
> 2
> SELECT 1
> c:int4
> 3
> SELECT 1
