package io.heliosdb.bench.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * One pgbench configuration of workload 7: pgbench's built-in select-only ({@code -S}) or
 * tpcb-like (its default script) in a query mode, with a number of clients and client threads.
 *
 * @param selectOnly {@code -S}; otherwise the tpcb-like script
 * @param mode       {@code -M}: simple, extended or prepared
 * @param clients    {@code -c}
 * @param threads    {@code -j}
 */
record PgbenchScript(boolean selectOnly, String mode, int clients, int threads) {
    /** pgbench_accounts holds 100,000 rows per unit of scale. */
    static final int ACCOUNTS_PER_SCALE = 100_000;
    /**
     * pgbench -i's steps with the vacuum after the primary keys (its default is {@code dtgvp}): every system starts
     * from vacuumed tables, as PostgreSQL's are after a default -i. On PostgreSQL adding a key leaves no dead rows;
     * on HeliosDB it rewrites the table (a deletion marker and a history version per row), which the default order
     * left for each run's background vacuum: 30-40% of the server's CPU during the measured tpcb runs at scale 5.
     */
    static final String INIT_STEPS = "dtgpv";

    /** {@code pgbench -i} at {@code scale}, quiet, with {@link #INIT_STEPS}. */
    static java.util.List<String> initArgs(int scale) {
        return java.util.List.of("-i", "-I", INIT_STEPS, "-s", Integer.toString(scale), "-q");
    }

    /** The arguments of a timed run (after connection options), {@code -n}: tables were vacuumed at init. */
    List<String> runArgs(int seconds) {
        List<String> args = new ArrayList<>();
        if (selectOnly) {
            args.add("-S");
        }
        args.addAll(List.of("-M", mode, "-c", Integer.toString(clients), "-j", Integer.toString(threads),
                "-T", Integer.toString(seconds), "-n"));
        return args;
    }

    /**
     * Statements one transaction sends: select-only's one SELECT; tpcb-like's BEGIN, three UPDATEs, a
     * SELECT, an INSERT and END. The warm-up's JIT quiet counts statements, as the other workloads' counts
     * operations, so a slow tpcb-like run need not stay quiet for as many transactions as select-only.
     */
    int statementsPerTransaction() {
        return selectOnly ? 1 : 7;
    }

    /**
     * pgbench's scale for a harness scale: --quick (20k rows) initialises scale 1 (100k accounts), the
     * full run (1M rows) scale 5 (500k accounts). Each system initialises its tables once per run and
     * every run starts on a copy ({@link DataSets}); the initialisation is still the longest step of a
     * full run on HeliosDB, hence half the harness's table size.
     */
    static int scaleFactor(Scale scale) {
        return Math.max(1, scale.rows() / (2 * ACCOUNTS_PER_SCALE));
    }

    /** The reason every non-PostgreSQL-protocol target gives for a pgbench workload. */
    static final String NEEDS_WIRE = "pgbench needs the PostgreSQL protocol";
}
