package io.heliosdb.sqllogictest;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.Session;
import org.junit.jupiter.api.Test;

class SltRunnerTest {

    private static FileOutcome run(String script) {
        try (HeliosDB db = HeliosDB.inMemory(); Session session = db.session()) {
            return new SltRunner("postgresql", 1).run("t.test", SltScriptParser.parse("t.test", script), session);
        }
    }

    @Test
    void run_countsPassedFailedAndSkipped() {
        FileOutcome o = run("""
                statement ok
                CREATE TABLE t(a INTEGER, b INTEGER)

                statement ok
                INSERT INTO t VALUES (5, 59), (14, 96), (47, 68)

                query II rowsort
                SELECT a, b FROM t
                ----
                14
                96
                47
                68
                5
                59

                query I nosort
                SELECT a FROM t ORDER BY a
                ----
                5
                14
                99

                skipif postgresql
                query I
                SELECT nonsense FROM t
                ----
                1

                onlyif mysql
                statement ok
                nonsense

                statement error
                SELECT * FROM missing_table

                statement ok
                SELECT * FROM missing_table
                """);
        assertThat(o.passed()).isEqualTo(4);
        assertThat(o.failed()).isEqualTo(2);
        assertThat(o.skipped()).isEqualTo(2);
        assertThat(o.failures()).extracting(FileOutcome.Failure::line).containsExactly(17, 37);
    }

    @Test
    void run_hashesAboveThresholdAndStopsAtHalt() {
        FileOutcome o = run("""
                hash-threshold 2

                query I valuesort
                SELECT 3 UNION ALL SELECT 1
                ----
                1
                3

                query II nosort
                SELECT 1, 2
                ----
                1
                2

                query III nosort
                SELECT 1, 2, 3
                ----
                3 values hashing to c0710d6b4f15dfa88f600b0e6b624077

                halt

                query I
                SELECT 'never'
                ----
                0
                """);
        assertThat(o.failures()).isEmpty();
        assertThat(o.passed()).isEqualTo(3);
        assertThat(o.notRun()).isEqualTo(1);
    }

    @Test
    void run_labelledQueriesMustAgree() {
        FileOutcome o = run("""
                query I nosort label-1
                SELECT 1
                ----
                1

                query I nosort label-1
                SELECT 2
                ----
                2

                skipif postgresql
                query I nosort label-9
                SELECT 0
                ----
                5

                query I nosort label-9
                SELECT 5
                ----
                5
                """);
        // label-9's skipped record still fixes the label's result, which the run record then matches.
        assertThat(o.passed()).isEqualTo(2);
        assertThat(o.skipped()).isEqualTo(1);
        assertThat(o.failures()).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(6);
            assertThat(f.reason()).contains("label-1");
        });
    }

    @Test
    void run_wrongColumnCountFails() {
        FileOutcome o = run("query II\nSELECT 1\n----\n1\n1\n");
        assertThat(o.failed()).isEqualTo(1);
        assertThat(o.failures().get(0).reason()).contains("expected 2 columns, got 1");
    }
}
