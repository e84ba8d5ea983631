# CREATE INDEX / DROP INDEX: names, the shared table/index namespace, IF [NOT] EXISTS, errors
create table tab1 (pk integer primary key, col0 integer, col1 float, col2 text);
> CREATE TABLE
insert into tab1 values (1, 5, 1.5, 'a'), (2, 5, 2.5, 'b'), (3, 7, null, null);
> INSERT 0 3
create index idx_tab1_0 on tab1 (col0);
> CREATE INDEX
CREATE INDEX idx_tab1_1 on tab1 (col1 DESC, col2 ASC NULLS LAST);
> CREATE INDEX
create index on tab1 using btree (col2);
> CREATE INDEX
create index on tab1 (col2);
> CREATE INDEX
create index idx_tab1_0 on tab1 (col1);
> ERROR 42P07: relation "idx_tab1_0" already exists
create index if not exists idx_tab1_0 on tab1 (col1);
> CREATE INDEX
create index tab1 on tab1 (col1);
> ERROR 42P07: relation "tab1" already exists
create index bad on tab1 (nope);
> ERROR 42703: column "nope" does not exist
create index bad on missing (col0);
> ERROR 42P01: relation "missing" does not exist
create index bad on tab1 using hash2 (col0);
> ERROR 42704: access method "hash2" does not exist
create unique index uniq_col0 on tab1 (col0);
> ERROR 23505: could not create unique index "uniq_col0"
create unique index uniq_col2 on tab1 (col2);
> CREATE INDEX
drop index idx_tab1_0, tab1_col2_idx, tab1_col2_idx1;
> DROP INDEX
drop index idx_tab1_0;
> ERROR 42704: index "idx_tab1_0" does not exist
drop index if exists idx_tab1_0, uniq_col2;
> DROP INDEX
select col0 from tab1 where col1 is null;
> col0:int4
> 7
> SELECT 1
