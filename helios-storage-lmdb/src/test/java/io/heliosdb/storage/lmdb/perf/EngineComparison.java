package io.heliosdb.storage.lmdb.perf;

import io.heliosdb.api.config.StorageConfig;
import io.heliosdb.spi.KvCursor;
import io.heliosdb.spi.StorageEngine;
import io.heliosdb.spi.StorageEngineProvider;
import io.heliosdb.spi.WriteBatch;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * A hand-run comparison of the storage engines (not a Surefire test; results in ../../../ENGINES.md):
 * for each engine found through {@link StorageEngineProvider}, loads {@code keys} 16-byte keys with
 * 100-byte values in synced batches of 1,000, then times random point gets, 100-key range scans and
 * single-key synced writes. Engines alternate within each round, so drift in a shared machine's load
 * hits all of them alike; the medians over the rounds are reported. Single-threaded, one keyspace.
 *
 * <p>Arguments: {@code [keys] [rounds] [seconds per measurement]}, default 200000 3 2.
 */
public final class EngineComparison {

    private static final String KS = "bench";
    private static final List<String> ENGINES = List.of("memory", "rocksdb", "lmdb");
    private static final List<String> WORKLOADS = List.of("point get", "range scan (100 keys)", "sync write (1 key)");

    private EngineComparison() {
    }

    public static void main(String[] args) throws IOException {
        int keys = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 2.0;
        Map<String, StorageEngineProvider> providers = new LinkedHashMap<>();
        ServiceLoader.load(StorageEngineProvider.class).forEach(p -> providers.put(p.name(), p));
        Path root = Files.createTempDirectory("helios-engines");
        Map<String, StorageEngine> engines = new LinkedHashMap<>();
        Map<String, Map<String, List<Double>>> results = new LinkedHashMap<>();
        try {
            for (String name : ENGINES) {
                StorageConfig config = new StorageConfig(root.resolve(name), name.equals("memory"), name, 8L << 20,
                        StorageConfig.defaults().compression(), true);
                StorageEngine engine = providers.get(name).open(config);
                engines.put(name, engine);
                long start = System.nanoTime();
                load(engine, keys);
                System.out.printf(Locale.ROOT, "%-8s loaded %,d keys in %.2f s%n", name, keys, (System.nanoTime() - start) / 1e9);
                results.put(name, new LinkedHashMap<>());
                WORKLOADS.forEach(w -> results.get(name).put(w, new ArrayList<>()));
            }
            for (int round = 1; round <= rounds; round++) {
                for (String workload : WORKLOADS) {
                    for (String name : ENGINES) {
                        double opsPerSecond = measure(engines.get(name), workload, keys, seconds, round);
                        results.get(name).get(workload).add(opsPerSecond);
                        System.out.printf(Locale.ROOT, "round %d %-22s %-8s %,12.0f ops/s%n", round, workload, name, opsPerSecond);
                    }
                }
            }
        } finally {
            engines.values().forEach(StorageEngine::close);
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        printTable(results);
    }

    static byte[] key(long i) {
        return ByteBuffer.allocate(16).putLong(0x4845_4C49_4F53_0000L).putLong(i).array();
    }

    private static void load(StorageEngine engine, int keys) {
        SplittableRandom random = new SplittableRandom(42);
        for (int from = 0; from < keys; from += 1_000) {
            WriteBatch batch = new WriteBatch();
            for (int i = from; i < Math.min(keys, from + 1_000); i++) {
                batch.put(KS, key(i), value(random));
            }
            engine.write(batch, true);
        }
    }

    private static byte[] value(SplittableRandom random) {
        byte[] value = new byte[100];
        random.nextBytes(value);
        return value;
    }

    private static double measure(StorageEngine engine, String workload, int keys, double seconds, int round) {
        SplittableRandom random = new SplittableRandom(round * 31L + workload.length());
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long ops = 0;
        long sink = 0;
        long start = System.nanoTime();
        // synced writes are slow: check the clock after each; reads are fast: after every 64
        int perClockCheck = workload.startsWith("sync") ? 1 : 64;
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < perClockCheck; i++, ops++) {
                switch (workload) {
                    case "point get" -> sink += engine.get(KS, key(random.nextInt(keys))).length;
                    case "range scan (100 keys)" -> sink += scan(engine, random.nextInt(keys - 100));
                    default -> engine.write(new WriteBatch().put(KS, key(random.nextInt(keys)), value(random)), true);
                }
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (sink == 42) {
            System.out.print(""); // keeps the reads from being optimised away
        }
        return ops / elapsed;
    }

    private static int scan(StorageEngine engine, int first) {
        int seen = 0;
        try (KvCursor cursor = engine.scan(KS, key(first), key(first + 100), false)) {
            while (cursor.next()) {
                seen += cursor.value().length > 0 ? 1 : 0;
            }
        }
        if (seen != 100) {
            throw new IllegalStateException("scan saw " + seen + " keys, expected 100");
        }
        return seen;
    }

    private static void printTable(Map<String, Map<String, List<Double>>> results) {
        System.out.println();
        System.out.println("| workload | memory ops/s | rocksdb ops/s | lmdb ops/s | lmdb / rocksdb |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (String workload : WORKLOADS) {
            double memory = median(results.get("memory").get(workload));
            double rocks = median(results.get("rocksdb").get(workload));
            double lmdb = median(results.get("lmdb").get(workload));
            System.out.printf(Locale.ROOT, "| %s | %,.0f | %,.0f | %,.0f | %.2f |%n", workload, memory, rocks, lmdb, lmdb / rocks);
        }
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
