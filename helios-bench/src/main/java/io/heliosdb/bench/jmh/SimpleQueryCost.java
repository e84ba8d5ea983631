package io.heliosdb.bench.jmh;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.PreparedQuery;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Row;
import io.heliosdb.api.Session;
import io.heliosdb.api.config.HeliosConfig;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Iterator;
import java.util.SplittableRandom;

/**
 * CPU time and heap allocation per simple-protocol point SELECT (a statement text with its key inlined, run
 * with {@code Session.executeScript} as helios-wire runs a Query message), in process, on the calling thread:
 * a session that runs texts as their lifted shapes (the default) against one that parses and plans every
 * text ({@code -Dhelios.sql.liftLiterals=false} when it opened), interleaved rep by rep in the same JVM.
 *
 * <pre>java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -cp helios-bench/target/benchmarks.jar \
 *     io.heliosdb.bench.jmh.SimpleQueryCost [rows] [ops per rep] [reps]</pre>
 * Prints one line per rep and session, then {@code median lifted ...}, {@code median unlifted ...} and their ratio.
 */
public final class SimpleQueryCost {
    private static final String LIFT_LITERALS = "helios.sql.liftLiterals";

    private SimpleQueryCost() {
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int ops = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session lifted = db.session()) {
            load(lifted, rows);
            try (Session unlifted = unliftedSession(db)) {
                Session[] sessions = {lifted, unlifted};
                String[] names = {"lifted", "unlifted"};
                SplittableRandom random = new SplittableRandom(42);
                for (Session s : sessions) {
                    run(s, random, rows, ops);   // warm-up
                }
                double[][] cpu = new double[2][reps];
                double[][] bytes = new double[2][reps];
                for (int r = 0; r < reps; r++) {
                    for (int k = 0; k < 2; k++) {
                        long cpu0 = threads.getCurrentThreadCpuTime();
                        long bytes0 = threads.getThreadAllocatedBytes(thread);
                        run(sessions[k], random, rows, ops);
                        cpu[k][r] = (threads.getCurrentThreadCpuTime() - cpu0) / 1000.0 / ops;
                        bytes[k][r] = (double) (threads.getThreadAllocatedBytes(thread) - bytes0) / ops;
                        System.out.printf("rep %d %s cpu_us_per_op=%.3f bytes_per_op=%.0f%n", r, names[k], cpu[k][r],
                                bytes[k][r]);
                    }
                }
                for (int k = 0; k < 2; k++) {
                    System.out.printf("median %s cpu_us_per_op=%.3f bytes_per_op=%.0f%n", names[k], median(cpu[k]),
                            median(bytes[k]));
                }
                System.out.printf("ratio lifted/unlifted cpu=%.3f bytes=%.3f%n", median(cpu[0]) / median(cpu[1]),
                        median(bytes[0]) / median(bytes[1]));
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

    private static void load(Session session, int rows) {
        session.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, grp INTEGER NOT NULL, amount BIGINT NOT NULL,"
                + " note VARCHAR(40))").close();
        try (PreparedQuery insert = session.prepare("INSERT INTO items (id, grp, amount, note) VALUES ($1, $2, $3, $4)")) {
            session.execute("BEGIN").close();
            for (int id = 0; id < rows; id++) {
                insert.execute(id, id % 100, (long) (id % 997) * 3, "note-" + id).close();
            }
            session.execute("COMMIT").close();
        }
    }

    private static long run(Session session, SplittableRandom random, int rows, int ops) {
        long sink = 0;
        for (int i = 0; i < ops; i++) {
            Iterator<QueryResult> results = session.executeScript(
                    "SELECT id, grp, amount, note FROM items WHERE id = " + random.nextInt(rows) + ";");
            while (results.hasNext()) {
                try (QueryResult result = results.next()) {
                    int found = 0;
                    while (result.next()) {
                        Row row = result.row();
                        for (int c = 0; c < row.size(); c++) {
                            sink += row.get(c) == null ? 0 : 1;
                        }
                        found++;
                    }
                    if (found != 1) {
                        throw new IllegalStateException("expected one row, got " + found);
                    }
                }
            }
        }
        return sink;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
