package io.heliosdb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dump} and {@code restore} end to end: a round trip gives the same script and the same answers. */
class DumpRestoreTest {
    private static final String SOURCE = """
            create schema s2;
            create schema "Odd Schema";
            create sequence s2.counter start 5 increment 2;
            select nextval('s2.counter');
            create table public.a (id serial primary key, n numeric(10,2) default 1.5 not null, t text unique,
                b bytea, arr int[], j jsonb, ts timestamp, tz timestamptz, check (n > 0));
            create table s2.b (id bigint generated always as identity primary key, a_id int references public.a(id),
                note varchar(20));
            create table "Odd Schema"."Mixed Case" ("Key" int primary key, "select" text);
            create index b_note on s2.b(note);
            create type s2.pt as (x int, label text);
            create type pair as (p s2.pt, n numeric);
            create table s2.c (id int primary key, p s2.pt, q pair);
            insert into s2.c values (1, row(1, 'a b')::s2.pt, '("(2,x)",3.5)'), (2, null, null);
            create view v1 as select id, t from a;
            create view s2.v2 as select id from v1 where id > 1;
            comment on table a is 'table a';
            comment on column a.t is 'it''s t';
            insert into a(n, t, b, arr, j, ts, tz) values (2.5, E'tab\\there\\nnew line\\\\back', '\\x00ff0a', '{1,NULL,3}',
                '{"k": [1, "x\\ty"]}', '2020-01-01 10:00:00.123456', '2021-06-01 12:00:00+02');
            insert into a(n, t) values (3, null), (4, E'\\\\N is not null');
            insert into s2.b(a_id, note) values (1, 'one'), (2, null), (3, 'three');
            insert into "Odd Schema"."Mixed Case" values (1, 'x');
            """;
    private static final String QUERIES = "select * from a order by id; select * from s2.v2 order by id;"
            + " select * from s2.b order by id; select * from \"Odd Schema\".\"Mixed Case\";"
            + " select id, p, (q).p, (q).n from s2.c order by id;";

    @TempDir
    Path tmp;

    @Test
    void dumpRestoreDump_givesTheSameScriptAndTheSameAnswers() throws Exception {
        Path src = tmp.resolve("src");
        Path dst = tmp.resolve("dst");
        CliRun load = CliRun.run(SOURCE, "shell", "--data", src.toString(), "--on-error-stop");
        assertThat(load.err()).isEmpty();
        Path first = tmp.resolve("first.sql");
        CliRun dump = CliRun.run("", "dump", "--data", src.toString(), "-f", first.toString());
        assertThat(dump.err()).isEmpty();
        assertThat(dump.exitCode()).isZero();
        String script = Files.readString(first, StandardCharsets.UTF_8);
        assertThat(script).contains("CREATE SCHEMA s2;", "CREATE SCHEMA \"Odd Schema\";",
                "CREATE SEQUENCE s2.counter START WITH 5 INCREMENT BY 2", "id serial,", "COPY public.a (",
                "tab\\there\\nnew line\\\\back", "\\\\x00ff0a", "\\\\N is not null",
                "ALTER TABLE s2.b ADD CONSTRAINT b_a_id_fkey FOREIGN KEY (a_id) REFERENCES a(id);",
                "CREATE INDEX b_note ON s2.b", "COMMENT ON COLUMN public.a.t IS 'it''s t';",
                "CREATE TYPE s2.pt AS (\n    x integer,\n    label text\n);");
        assertThat(script.indexOf("CREATE TYPE public.pair")).isGreaterThan(script.indexOf("CREATE TYPE s2.pt"))
                .isLessThan(script.indexOf("CREATE TABLE s2.c"));
        assertThat(script.indexOf("CREATE VIEW public.v1")).isLessThan(script.indexOf("CREATE VIEW s2.v2"));
        assertThat(script.indexOf("\\.\n")).isLessThan(script.indexOf("FOREIGN KEY"));

        CliRun restore = CliRun.run("", "restore", "--data", dst.toString(), "-f", first.toString());
        assertThat(restore.err()).isEmpty();
        assertThat(restore.exitCode()).isZero();
        CliRun again = CliRun.run("", "dump", "--data", dst.toString());
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).isEqualTo(script);

        CliRun before = CliRun.run("", "shell", "--data", src.toString(), "-c", QUERIES);
        CliRun after = CliRun.run("", "shell", "--data", dst.toString(), "-c", QUERIES);
        assertThat(before.err()).isEmpty();
        assertThat(after.out()).isEqualTo(before.out()).contains("new line", "(1,\"a b\")", "(2,x)");
        // The serial column goes on after the restored rows.
        CliRun next = CliRun.run("", "shell", "--data", dst.toString(), "-c", "insert into a(n) values (9) returning id;");
        assertThat(next.out()).contains(" 4\n");
    }

    @Test
    void restore_failingHalfway_rollsBackEverythingAndNamesTheSqlState() throws Exception {
        Path dst = tmp.resolve("dst");
        String script = "create table t (id int primary key);\ncopy t (id) from stdin;\n1\n2\n\\.\n"
                + "insert into missing values (1);\n";
        CliRun restore = CliRun.run(script, "restore", "--data", dst.toString());
        assertThat(restore.exitCode()).isEqualTo(1);
        assertThat(restore.err()).contains("line 6", "42P01", "rolled back");
        CliRun dump = CliRun.run("", "dump", "--data", dst.toString());
        assertThat(dump.exitCode()).isZero();
        assertThat(dump.out()).doesNotContain("CREATE TABLE").doesNotContain("COPY");
    }

    @Test
    void restore_badCopyData_failsWithTheCopyError() {
        CliRun restore = CliRun.run("create table t (id int);\ncopy t from stdin;\nnot a number\n\\.\n",
                "restore", "--memory");
        assertThat(restore.exitCode()).isEqualTo(1);
        assertThat(restore.err()).contains("22P02");
    }

    @Test
    void dump_schemaOnlyDataOnlyAndTable_chooseTheParts() {
        Path src = tmp.resolve("src");
        assertThat(CliRun.run(SOURCE, "shell", "--data", src.toString(), "--on-error-stop").err()).isEmpty();
        String schemaOnly = CliRun.run("", "dump", "--data", src.toString(), "--schema-only").out();
        assertThat(schemaOnly).contains("CREATE TABLE public.a").doesNotContain("COPY ");
        String dataOnly = CliRun.run("", "dump", "--data", src.toString(), "--data-only").out();
        assertThat(dataOnly).contains("COPY public.a").doesNotContain("CREATE TABLE");
        String oneTable = CliRun.run("", "dump", "--data", src.toString(), "-t", "s2.b").out();
        assertThat(oneTable).contains("CREATE TABLE s2.b", "COPY s2.b").doesNotContain("public.a (")
                .doesNotContain("CREATE VIEW");
    }

    /** The external truth for the format: PostgreSQL 15's psql loads the dump in one transaction. */
    @Test
    void dump_loadsIntoPostgresql() throws Exception {
        assumeTrue(ScratchPostgres.available(), "PostgreSQL 15 is not installed");
        Path src = tmp.resolve("src");
        assertThat(CliRun.run(SOURCE, "shell", "--data", src.toString(), "--on-error-stop").err()).isEmpty();
        String script = CliRun.run("", "dump", "--data", src.toString()).out();
        try (ScratchPostgres pg = ScratchPostgres.start()) {
            assertThat(pg.psql(script, "--single-transaction", "-v", "ON_ERROR_STOP=1", "-o", "/dev/null")).isEmpty();
            String rows = pg.psql("select t from a order by id; select id from s2.v2 order by id;"
                    + " select nextval('a_id_seq'); select (q).p from s2.c order by id;", "-At");
            assertThat(rows).isEqualTo("tab\there\nnew line\\back\n\n\\N is not null\n2\n3\n4\n(2,x)\n\n");
        }
    }
}
