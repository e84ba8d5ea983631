package io.heliosdb.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PgbenchOutputTest {
    /** pgbench 15's report of a clean run. */
    static final String PG15 = """
            pgbench (15.18 (Debian 15.18-0+deb12u1))
            transaction type: <builtin: select only>
            scaling factor: 1
            query mode: prepared
            number of clients: 8
            number of threads: 2
            maximum number of tries: 1
            duration: 3 s
            number of transactions actually processed: 60718
            number of failed transactions: 0 (0.000%)
            latency average = 0.392 ms
            initial connection time = 9.114 ms
            tps = 20409.785143 (without initial connection time)
            """;

    @Test
    void parse_pg15_takesTpsWithoutConnectionTimeAndLatencyAverage() {
        PgbenchOutput out = PgbenchOutput.parse(PG15);
        assertThat(out.tps()).isEqualTo(20409.785143);
        assertThat(out.latencyAvgMs()).isEqualTo(0.392);
        assertThat(out.processed()).isEqualTo(60718);
        assertThat(out.failed()).isZero();
        assertThat(out.aborted()).isFalse();
        assertThat(out.problem(0)).isNull();
    }

    @Test
    void parse_pg13_takesTheExcludingConnectionsLine() {
        PgbenchOutput out = PgbenchOutput.parse("""
                number of transactions actually processed: 1000
                latency average = 1.250 ms
                tps = 790.100000 (including connections establishing)
                tps = 800.500000 (excluding connections establishing)
                """);
        assertThat(out.tps()).isEqualTo(800.5);
        assertThat(out.failed()).isZero();
        assertThat(out.problem(0)).isNull();
    }

    @Test
    void problem_failedTransactionsFailTheRowEvenWithAThroughput() {
        PgbenchOutput out = PgbenchOutput.parse(PG15.replace("number of failed transactions: 0 (0.000%)",
                "number of failed transactions: 3 (0.005%)"));
        assertThat(out.failed()).isEqualTo(3);
        assertThat(out.tps()).isPositive();
        assertThat(out.problem(0)).isEqualTo("pgbench reported 3 failed transaction(s)");
    }

    @Test
    void problem_abortedRunOrBadExitOrNoThroughput() {
        PgbenchOutput aborted = PgbenchOutput.parse("""
                pgbench: error: client 3 script 0 aborted in command 4 query 0: ERROR:  relation "x" does not exist
                number of transactions actually processed: 12
                pgbench: fatal: Run was aborted; the above results are incomplete.
                """);
        assertThat(aborted.aborted()).isTrue();
        assertThat(aborted.tps()).isNaN();
        assertThat(aborted.problem(2)).contains("aborted");
        assertThat(PgbenchOutput.parse(PG15).problem(1)).isEqualTo("pgbench exited with 1");
        PgbenchOutput nothing = PgbenchOutput.parse("pgbench: error: connection to server failed\n");
        assertThat(nothing.processed()).isEqualTo(-1);
        assertThat(nothing.latencyAvgMs()).isNaN();
        assertThat(nothing.problem(0)).isEqualTo("pgbench printed no throughput");
        // A short warm-up of a slow system may finish nothing; only a failure stops it.
        PgbenchOutput idle = PgbenchOutput.parse(PG15.replace("processed: 60718", "processed: 0")
                .replace("number of failed transactions: 0 (0.000%)", "number of failed transactions: 0 (NaN%)"));
        assertThat(idle.failure(0)).isNull();
        assertThat(idle.problem(0)).isEqualTo("pgbench printed no throughput");
    }
}
