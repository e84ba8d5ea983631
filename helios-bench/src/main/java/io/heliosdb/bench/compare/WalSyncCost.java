package io.heliosdb.bench.compare;

import io.heliosdb.api.config.StorageConfig;
import io.heliosdb.spi.StorageEngine;
import io.heliosdb.spi.StorageEngineProvider;
import io.heliosdb.spi.WriteBatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.concurrent.Semaphore;

/**
 * What a commit group's storage write and sync cost, on the storage engine alone (no SQL, no locks, no
 * scheduling of sessions), in the shapes the kernel's group committer uses them:
 * <ul>
 *   <li>{@code synced}: {@code write(batch, true)}, the commit path without early lock release;</li>
 *   <li>{@code split}: {@code write(batch, false)} then {@code sync()} on the same thread, one after the other;</li>
 *   <li>{@code overlap}: early lock release's shape: a writer thread writes the next batch unsynced while a syncer
 *       thread's {@code sync()} is in flight (one write per sync), so a write lands during every sync;</li>
 *   <li>{@code synced-append}: {@code synced} after {@code 8 MB} of unsynced filler, so the WAL has grown past the
 *       part a RocksDB open pre-writes (RocksWalRoll): every synced write is an append.</li>
 * </ul>
 * {@code <mode>+append} runs a mode after the same filler. (RocksDB's manual_wal_flush, tried with this probe on
 * 2026-11-25, changed nothing: split 0.98x, overlap 1.02x.)
 * Each mode runs on a fresh database, rounds interleave the modes (A B C D A B C D ...), and the medians of wall
 * time per sync and CPU (all threads of the probe) per batch are printed. On a loaded machine the wall time is
 * the disk's and the scheduler's; compare modes of the same run only.
 *
 * <pre>java -XX:+AlwaysPreTouch -cp helios-bench/target/benchmarks.jar:helios-bench/target/lib/* \
 *   io.heliosdb.bench.compare.WalSyncCost [engine=rocksdb] [batches=1000] [rounds=5] [modes=synced,split,overlap,synced-append]</pre>
 * A batch is a tpcb-like commit: four row updates in three keyspaces and an insert (~600 bytes of WAL).
 */
public final class WalSyncCost {
    private static final int FILLER_BYTES = 8 * 1024 * 1024;

    private WalSyncCost() {
    }

    public static void main(String[] args) throws Exception {
        String engine = args.length > 0 ? args[0] : "rocksdb";
        int batches = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        List<String> modes = List.of((args.length > 3 ? args[3] : "synced,split,overlap,synced-append").split(","));
        Map<String, List<double[]>> results = new LinkedHashMap<>();
        modes.forEach(m -> results.put(m, new ArrayList<>()));
        run(engine, modes.get(0), Math.max(200, batches / 5)); // JIT warm-up, not counted
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < modes.size(); i++) {
                String mode = modes.get((i + r) % modes.size());
                double[] m = run(engine, mode, batches);
                results.get(mode).add(m);
                System.out.printf(Locale.ROOT, "round %d %-14s wall_us/sync=%9.1f cpu_us/batch=%8.1f syncs=%d%n",
                        r + 1, mode, m[0], m[1], (long) m[2]);
            }
        }
        double base = median(results.get(modes.get(0)), 0);
        for (String mode : modes) {
            double wall = median(results.get(mode), 0);
            System.out.printf(Locale.ROOT, "median %-14s wall_us/sync=%9.1f cpu_us/batch=%8.1f wall/%s=%.2f%n",
                    mode, wall, median(results.get(mode), 1), modes.get(0), wall / base);
        }
    }

    private static double median(List<double[]> runs, int field) {
        double[] v = runs.stream().mapToDouble(m -> m[field]).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** Returns {wall µs per sync, CPU µs per batch (every thread of the JVM), syncs}. */
    private static double[] run(String engineName, String modeName, int batches) throws Exception {
        Path dir = Files.createTempDirectory("wal-sync-cost");
        StorageEngineProvider provider = ServiceLoader.load(StorageEngineProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals(engineName)).findFirst().orElseThrow();
        boolean append = modeName.endsWith("+append") || modeName.equals("synced-append");
        String mode = modeName.replace("+append", "").replace("synced-append", "synced");
        StorageEngine opened = provider.open(StorageConfig.defaults().withPath(dir).withEngine(engineName));
        try (StorageEngine engine = opened) {
            SplittableRandom random = new SplittableRandom(42);
            if (append) {
                fill(engine);
            }
            long cpu0 = processCpu();
            long t0 = System.nanoTime();
            long syncs = switch (mode) {
                case "synced" -> {
                    for (int i = 0; i < batches; i++) {
                        engine.write(batch(random, i), true);
                    }
                    yield batches;
                }
                case "split" -> {
                    for (int i = 0; i < batches; i++) {
                        engine.write(batch(random, i), false);
                        engine.sync();
                    }
                    yield batches;
                }
                case "overlap" -> overlap(engine, random, batches);
                default -> throw new IllegalArgumentException("unknown mode " + mode);
            };
            long wall = System.nanoTime() - t0;
            long cpu = processCpu() - cpu0;
            return new double[] {wall / 1e3 / syncs, cpu / 1e3 / batches, syncs};
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** One writer, one syncer: each sync starts after a write and the next write is made while it runs. */
    private static long overlap(StorageEngine engine, SplittableRandom random, int batches) throws Exception {
        Semaphore written = new Semaphore(0);
        Semaphore syncStarted = new Semaphore(0);
        Exception[] failure = new Exception[1];
        Thread syncer = new Thread(() -> {
            try {
                for (int i = 0; i < batches; i++) {
                    written.acquire();
                    syncStarted.release(); // the writer starts its next batch while this sync runs
                    engine.sync();
                }
            } catch (Exception e) {
                failure[0] = e;
            }
        }, "wal-sync-cost-syncer");
        syncer.start();
        for (int i = 0; i < batches; i++) {
            engine.write(batch(random, i), false);
            written.release();
            syncStarted.acquire();
        }
        syncer.join();
        if (failure[0] != null) {
            throw failure[0];
        }
        return batches;
    }

    /** Unsynced log-only filler: moves the WAL past what the open pre-wrote, so later synced writes append. */
    private static void fill(StorageEngine engine) {
        byte[] value = new byte[64 * 1024];
        for (int written = 0; written < FILLER_BYTES; written += value.length) {
            engine.write(new WriteBatch().put("filler", new byte[] {1}, value), false);
        }
        engine.sync();
    }

    private static WriteBatch batch(SplittableRandom random, int i) {
        byte[] row = new byte[96];
        random.nextBytes(row);
        return new WriteBatch()
                .put("accounts", key(random.nextInt(500_000)), row)
                .put("tellers", key(random.nextInt(50)), Arrays.copyOf(row, 80))
                .put("branches", key(random.nextInt(5)), Arrays.copyOf(row, 72))
                .put("history", key(i), Arrays.copyOf(row, 64))
                .put("meta", new byte[] {1}, key(i));
    }

    private static byte[] key(long v) {
        return java.nio.ByteBuffer.allocate(8).putLong(v).array();
    }

    private static long processCpu() {
        return SessionInserts.processCpuNanos();
    }
}
