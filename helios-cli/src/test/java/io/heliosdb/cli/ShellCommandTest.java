package io.heliosdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The non-interactive shell end to end on the real kernel, as {@code echo "..." | heliosdb-lite shell} runs it. */
class ShellCommandTest {

    @TempDir
    Path tmp;

    @Test
    void shellMemory_selectOnePlusOne_printsPsqlTable() {
        CliRun run = CliRun.run("select 1+1;\n", "shell", "--memory");
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("""
                 ?column?\s
                ----------
                        2
                (1 row)

                """);
    }

    @Test
    void shellMemory_createInsertSelect_printsTagsAndRows() {
        CliRun run = CliRun.run("create table t(id int primary key, name text);\n"
                + "insert into t values (1,'a'), (2,'b');\nselect * from t order by id;\n", "shell", "--memory");
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("""
                CREATE TABLE
                INSERT 0 2
                 id | name\s
                ----+------
                  1 | a
                  2 | b
                (2 rows)

                """);
    }

    @Test
    void shellMemory_failedStatement_printsErrorAndContinuesWithExitCode0() {
        CliRun run = CliRun.run("select * from missing;\nselect 1 as one;\n", "shell", "--memory");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).startsWith("ERROR:  ").contains("missing");
        assertThat(run.out()).contains(" one \n-----\n   1\n(1 row)\n");
    }

    @Test
    void shellMemory_onErrorStop_exitsWith3AndRunsNothingAfter() {
        CliRun run = CliRun.run("select * from missing;\nselect 1 as one;\n", "shell", "--memory", "--on-error-stop",
                "--verbose-errors");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).startsWith("ERROR:  42P01: ");
        assertThat(run.out()).doesNotContain("one");
    }

    @Test
    void shellData_secondRunSeesDataOfTheFirst() {
        Path dir = tmp.resolve("db");
        CliRun first = CliRun.run("create table kv(k int primary key, v text);\ninsert into kv values (7, 'seven');\n",
                "shell", "--data", dir.toString());
        assertThat(first.err()).isEmpty();
        assertThat(first.out()).isEqualTo("CREATE TABLE\nINSERT 0 1\n");
        assertThat(Files.isDirectory(dir)).isTrue();

        CliRun second = CliRun.run("select v from kv where k = 7;\n", "shell", "--data", dir.toString());
        assertThat(second.err()).isEmpty();
        assertThat(second.out()).isEqualTo("""
                   v  \s
                -------
                 seven
                (1 row)

                """);
    }

    @Test
    void shellCommandOption_runsTheGivenStatements() {
        CliRun run = CliRun.run("", "shell", "--memory", "-c", "select 40 + 2 as answer");
        assertThat(run.out()).isEqualTo(" answer \n--------\n     42\n(1 row)\n\n");
    }

    @Test
    void shellBadConfigFile_exitsWith1NamingFileAndKey() throws Exception {
        Path file = tmp.resolve("bad.toml");
        Files.writeString(file, "[storage]\ncache_mbb = 5\n");
        CliRun run = CliRun.run("select 1;", "shell", "--memory", "--config", file.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("bad.toml").contains("cache_mbb").doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    /** The expected text is what psql 15 prints for the same schema and commands. */
    @Test
    void shellMemory_describeCommands_printWhatPsqlPrints() {
        CliRun run = CliRun.run("create table p (id int primary key, name text not null default 'x');\n"
                + "create table c (id serial primary key, pid int references p(id), qty int check (qty > 0),"
                + " ival interval day to second);\n"
                + "create unique index c_qty on c (qty);\ncreate view pv as select id, name from p;\n"
                + "\\di\n\\d c\n\\d pv\n\\dt nope\nbegin;\n\\dt p*\nselect 1 as still_open;\ncommit;\n",
                "shell", "--memory");
        assertThat(run.err()).isEqualTo("Did not find any relation named \"nope\".\n");
        assertThat(run.out()).isEqualTo("""
                CREATE TABLE
                CREATE TABLE
                CREATE INDEX
                CREATE VIEW
                             List of relations
                 Schema |  Name  | Type  |  Owner   | Table\s
                --------+--------+-------+----------+-------
                 public | c_pkey | index | postgres | c
                 public | c_qty  | index | postgres | c
                 public | p_pkey | index | postgres | p
                (3 rows)

                                                    Table "public.c"
                 Column |          Type          | Collation | Nullable |            Default           \s
                --------+------------------------+-----------+----------+-------------------------------
                 id     | integer                |           | not null | nextval('c_id_seq'::regclass)
                 pid    | integer                |           |          |\s
                 qty    | integer                |           |          |\s
                 ival   | interval day to second |           |          |\s
                Indexes:
                    "c_pkey" PRIMARY KEY, btree (id)
                    "c_qty" UNIQUE, btree (qty)
                Check constraints:
                    "c_qty_check" CHECK (qty > 0)
                Foreign-key constraints:
                    "c_pid_fkey" FOREIGN KEY (pid) REFERENCES p(id)

                                 View "public.pv"
                 Column |  Type   | Collation | Nullable | Default\s
                --------+---------+-----------+----------+---------
                 id     | integer |           |          |\s
                 name   | text    |           |          |\s

                BEGIN
                        List of relations
                 Schema | Name | Type  |  Owner  \s
                --------+------+-------+----------
                 public | p    | table | postgres
                (1 row)

                 still_open\s
                ------------
                          1
                (1 row)

                COMMIT
                """);
    }
}
