package io.heliosdb.bench.jmh;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Session;
import io.heliosdb.api.config.HeliosConfig;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Iterator;
import java.util.SplittableRandom;

/**
 * CPU time and heap allocation per statement of pgbench's tpcb-like transaction as its simple-protocol texts
 * (BEGIN; UPDATE accounts; SELECT; UPDATE tellers; UPDATE branches; INSERT history; END;), each run with
 * {@code Session.executeScript} as helios-wire runs a Query message, in process on the calling thread, in memory
 * (no sync): a session that runs texts as their lifted shapes (the default) against one that parses and plans
 * every text ({@code -Dhelios.sql.liftLiterals=false} when it opened), interleaved rep by rep in the same JVM.
 * Each statement is timed on its own (a thread CPU clock read before and after: about 1 µs of each number is
 * the clock itself, the same in both sessions).
 *
 * <pre>java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -cp helios-bench/target/benchmarks.jar \
 *     io.heliosdb.bench.jmh.SimpleTpcbCost [accounts] [transactions per rep] [reps]</pre>
 * Prints per rep and session the CPU µs per transaction, then one {@code median STATEMENT lifted_us=...
 * unlifted_us=... ratio=... lifted_B=... unlifted_B=...} line per statement (medians of the reps: CPU µs, bytes
 * allocated) and {@code median transaction ...} (their sums). bench/tpcb-simple-ab compares two builds with it.
 */
public final class SimpleTpcbCost {
    private static final String LIFT_LITERALS = "helios.sql.liftLiterals";
    private static final String[] STATEMENTS = {"BEGIN", "UPDATE_accounts", "SELECT_abalance", "UPDATE_tellers",
        "UPDATE_branches", "INSERT_history", "END"};

    private SimpleTpcbCost() {
    }

    public static void main(String[] args) {
        int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int transactions = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session lifted = db.session()) {
            load(lifted, accounts);
            try (Session unlifted = unliftedSession(db)) {
                Session[] sessions = {lifted, unlifted};
                String[] names = {"lifted", "unlifted"};
                SplittableRandom random = new SplittableRandom(42);
                long[][] cpu = new long[2][STATEMENTS.length];
                long[][] bytes = new long[2][STATEMENTS.length];
                for (Session s : sessions) {
                    run(s, random, accounts, transactions, threads, cpu[0], bytes[0]);   // warm-up
                }
                double[][][] cpuPerStatement = new double[2][STATEMENTS.length][reps];
                double[][][] bytesPerStatement = new double[2][STATEMENTS.length][reps];
                for (int r = 0; r < reps; r++) {
                    for (int k = 0; k < 2; k++) {
                        Arrays.fill(cpu[k], 0);
                        Arrays.fill(bytes[k], 0);
                        run(sessions[k], random, accounts, transactions, threads, cpu[k], bytes[k]);
                        double total = 0;
                        for (int st = 0; st < STATEMENTS.length; st++) {
                            cpuPerStatement[k][st][r] = cpu[k][st] / 1000.0 / transactions;
                            bytesPerStatement[k][st][r] = (double) bytes[k][st] / transactions;
                            total += cpuPerStatement[k][st][r];
                        }
                        System.out.printf("rep %d %s cpu_us_per_tx=%.1f%n", r, names[k], total);
                    }
                }
                double[] totals = new double[2];
                for (int st = 0; st < STATEMENTS.length; st++) {
                    double l = median(cpuPerStatement[0][st]);
                    double u = median(cpuPerStatement[1][st]);
                    totals[0] += l;
                    totals[1] += u;
                    System.out.printf("median %s lifted_us=%.2f unlifted_us=%.2f ratio=%.3f lifted_B=%.0f"
                            + " unlifted_B=%.0f%n", STATEMENTS[st], l, u, l / u, median(bytesPerStatement[0][st]),
                            median(bytesPerStatement[1][st]));
                }
                System.out.printf("median transaction lifted_us=%.2f unlifted_us=%.2f ratio=%.3f%n", totals[0],
                        totals[1], totals[0] / totals[1]);
            }
        }
    }

    /** A session opened while the switch is off: it parses and plans every text. */
    private static Session unliftedSession(HeliosDB db) {
        System.setProperty(LIFT_LITERALS, "false");
        try {
            return db.session();
        } finally {
            System.clearProperty(LIFT_LITERALS);
        }
    }

    /** pgbench's tables at scale 1 (accounts scaled by {@code accounts}). */
    private static void load(Session session, int accounts) {
        session.execute("CREATE TABLE pgbench_branches (bid int PRIMARY KEY, bbalance int, filler char(88))").close();
        session.execute("CREATE TABLE pgbench_tellers (tid int PRIMARY KEY, bid int, tbalance int, filler char(84))")
                .close();
        session.execute("CREATE TABLE pgbench_accounts (aid int PRIMARY KEY, bid int, abalance int,"
                + " filler char(84))").close();
        session.execute("CREATE TABLE pgbench_history (tid int, bid int, aid int, delta int, mtime timestamp,"
                + " filler char(22))").close();
        session.execute("INSERT INTO pgbench_branches (bid, bbalance) VALUES (1, 0)").close();
        session.execute("INSERT INTO pgbench_tellers (tid, bid, tbalance) SELECT g, 1, 0 FROM generate_series(1, 10) g")
                .close();
        session.execute("INSERT INTO pgbench_accounts (aid, bid, abalance, filler) SELECT g, 1, 0, '' FROM"
                + " generate_series(1, " + accounts + ") g").close();
    }

    private static void run(Session session, SplittableRandom random, int accounts, int transactions,
                            com.sun.management.ThreadMXBean threads, long[] cpu, long[] bytes) {
        long thread = Thread.currentThread().getId();
        String[] texts = new String[STATEMENTS.length];
        for (int i = 0; i < transactions; i++) {
            int aid = 1 + random.nextInt(accounts);
            int tid = 1 + random.nextInt(10);
            int delta = random.nextInt(-5000, 5001);
            // pgbench -M simple sends these texts, its variables substituted.
            texts[0] = "BEGIN;";
            texts[1] = "UPDATE pgbench_accounts SET abalance = abalance + " + delta + " WHERE aid = " + aid + ";";
            texts[2] = "SELECT abalance FROM pgbench_accounts WHERE aid = " + aid + ";";
            texts[3] = "UPDATE pgbench_tellers SET tbalance = tbalance + " + delta + " WHERE tid = " + tid + ";";
            texts[4] = "UPDATE pgbench_branches SET bbalance = bbalance + " + delta + " WHERE bid = 1;";
            texts[5] = "INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES (" + tid + ", 1, " + aid
                    + ", " + delta + ", CURRENT_TIMESTAMP);";
            texts[6] = "END;";
            for (int st = 0; st < texts.length; st++) {
                long cpu0 = threads.getCurrentThreadCpuTime();
                long bytes0 = threads.getThreadAllocatedBytes(thread);
                Iterator<QueryResult> results = session.executeScript(texts[st]);
                while (results.hasNext()) {
                    try (QueryResult result = results.next()) {
                        while (result.next()) {
                            if (result.row().get(0) == null) {
                                throw new IllegalStateException("abalance is null");
                            }
                        }
                    }
                }
                cpu[st] += threads.getCurrentThreadCpuTime() - cpu0;
                bytes[st] += threads.getThreadAllocatedBytes(thread) - bytes0;
            }
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
