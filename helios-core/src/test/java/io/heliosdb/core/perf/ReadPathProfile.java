package io.heliosdb.core.perf;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.PreparedQuery;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Session;
import io.heliosdb.api.config.HeliosConfig;
import io.heliosdb.api.config.StorageConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A hand-run profile of the kernel's read path (not a Surefire test): loads a table shaped like the
 * bench's {@code items}, then prints the median time of a full-scan aggregate, a GROUP BY and a
 * prepared point select, per row where it scans. Run it under a sampling profiler (JFR) to find hot
 * spots; arguments: {@code [rows] [memory|rocksdb|lmdb ...]}.
 */
public final class ReadPathProfile {
    private static final int RUNS = 7;

    private ReadPathProfile() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        String[] engines = args.length > 1 ? Arrays.copyOfRange(args, 1, args.length) : new String[] {"memory", "rocksdb"};
        for (String engine : engines) {
            Path dir = engine.equals("memory") ? null : Files.createTempDirectory("helios-profile");
            try (HeliosDB db = open(engine, dir); Session s = db.session()) {
                load(s, rows);
                String loop = System.getenv("PROFILE_LOOP_SECONDS");
                if (loop != null) {
                    loopScans(s, rows, Integer.parseInt(loop));
                    continue;
                }
                report(engine, "scan aggregate", rows, median(() -> drain(s.execute(
                        "SELECT count(*), sum(amount), avg(amount) FROM items"))));
                // A comment that changes every run, as the bench does: the plan cache never hits.
                AtomicLong run = new AtomicLong();
                report(engine, "scan, new text", rows, median(() -> drain(s.execute(
                        "SELECT /* run " + run.incrementAndGet() + " */ count(*), sum(amount), avg(amount) FROM items"))));
                report(engine, "group by", rows, median(() -> drain(s.execute(
                        "SELECT grp, count(*), sum(amount) FROM items GROUP BY grp"))));
                try (PreparedQuery point = s.prepare("SELECT id, grp, amount, note FROM items WHERE id = $1")) {
                    SplittableRandom random = new SplittableRandom(1);
                    int lookups = 20_000;
                    report(engine, "point select", lookups, median(() -> {
                        for (int i = 0; i < lookups; i++) {
                            drain(point.execute(random.nextInt(rows)));
                        }
                    }));
                }
            }
        }
    }

    /** Runs the scan aggregate for a while, printing each second's CPU time per row (for a profiler). */
    private static void loopScans(Session s, int rows, int seconds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            long cpu = threads.getCurrentThreadCpuTime();
            long second = System.nanoTime() + 1_000_000_000L;
            int scans = 0;
            while (System.nanoTime() < second) {
                drain(s.execute("SELECT count(*), sum(amount), avg(amount) FROM items"));
                scans++;
            }
            long used = threads.getCurrentThreadCpuTime() - cpu;
            System.out.printf("%d scans, %.3f us cpu/row%n", scans, used / 1e3 / scans / rows);
        }
    }

    private static HeliosDB open(String engine, Path dir) {
        if (dir == null) {
            return HeliosDB.inMemory();
        }
        return HeliosDB.open(HeliosConfig.persistent(dir)
                .withStorage(StorageConfig.defaults().withPath(dir).withEngine(engine)));
    }

    private static void load(Session s, int rows) {
        s.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, grp INTEGER NOT NULL, amount BIGINT NOT NULL,"
                + " note VARCHAR(40))").close();
        try (PreparedQuery insert = s.prepare("INSERT INTO items (id, grp, amount, note) VALUES ($1, $2, $3, $4)")) {
            for (int start = 0; start < rows; start += 1000) {
                s.execute("BEGIN").close();
                for (int id = start; id < Math.min(rows, start + 1000); id++) {
                    insert.execute(id, id % 100, (long) (id % 997) * 3, "note-" + id).close();
                }
                s.execute("COMMIT").close();
            }
        }
    }

    private static void drain(QueryResult result) {
        try (result) {
            while (result.next()) {
                result.row();
            }
        }
    }

    private static long median(Runnable work) {
        work.run();
        long[] nanos = new long[RUNS];
        long[] cpu = new long[RUNS];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < RUNS; i++) {
            long startCpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            work.run();
            nanos[i] = System.nanoTime() - start;
            cpu[i] = threads.getCurrentThreadCpuTime() - startCpu;
        }
        if (System.getenv("PROFILE_RUNS") != null) {
            System.out.println("cpu ms " + Arrays.toString(Arrays.stream(cpu).map(n -> n / 1_000_000).toArray()));
        }
        if (System.getenv("PROFILE_RUNS") != null) {
            System.out.println(Arrays.toString(Arrays.stream(nanos).map(n -> n / 1_000_000).toArray()));
        }
        Arrays.sort(nanos);
        return nanos[RUNS / 2];
    }

    private static void report(String engine, String what, int units, long nanos) {
        System.out.printf("%-8s %-15s median %9.2f ms  %8.3f us/unit%n", engine, what, nanos / 1e6,
                nanos / 1e3 / units);
    }
}
