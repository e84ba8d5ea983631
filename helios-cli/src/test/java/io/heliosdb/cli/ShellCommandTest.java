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
}
