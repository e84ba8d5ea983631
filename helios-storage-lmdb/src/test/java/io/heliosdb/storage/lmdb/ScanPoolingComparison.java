package io.heliosdb.storage.lmdb;

import io.heliosdb.api.config.StorageConfig;
import io.heliosdb.spi.KvCursor;
import io.heliosdb.spi.WriteBatch;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * A hand-run A/B (not a Surefire test): range scans on LMDB with a read transaction of their own per
 * scan versus a pooled, renewed one. Both engines hold the same keys (16-byte keys, 100-byte values)
 * and alternate within each round (which goes first alternates too), so a shared machine's load drift
 * hits both alike; medians over the rounds are printed. Arguments: {@code [keys] [rounds] [seconds per measurement]}, default 200000 5 2.
 */
public final class ScanPoolingComparison {

    private static final String KS = "bench";

    private ScanPoolingComparison() {
    }

    public static void main(String[] args) throws Exception {
        int keys = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 2.0;
        Path root = Files.createTempDirectory("helios-scan-pooling");
        Map<String, LmdbStorageEngine> engines = new LinkedHashMap<>();
        try {
            for (boolean pooled : new boolean[] {false, true}) {
                String name = pooled ? "pooled" : "own txn";
                StorageConfig config = StorageConfig.defaults().withPath(root.resolve(pooled ? "pooled" : "own"))
                        .withEngine("lmdb");
                LmdbStorageEngine engine = LmdbStorageEngine.open(config, MapSizing.DEFAULT_INITIAL,
                        PinnedByteArrayProxy.INSTANCE, pooled);
                engines.put(name, engine);
                load(engine, keys);
            }
            Map<String, List<Double>> results = new LinkedHashMap<>();
            for (int length : new int[] {10, 100}) {
                for (int round = 0; round < rounds; round++) {
                    List<String> order = new ArrayList<>(engines.keySet());
                    if (round % 2 == 1) {
                        java.util.Collections.reverse(order); // neither goes first (JIT warm-up) every round
                    }
                    for (String name : order) {
                        double ops = measure(engines.get(name), keys, length, seconds, round);
                        results.computeIfAbsent(length + "-key scan, " + name, k -> new ArrayList<>()).add(ops);
                    }
                }
            }
            results.forEach((what, ops) -> System.out.printf(Locale.ROOT, "%-26s median %,10.0f scans/s  (rounds: %s)%n",
                    what, median(ops), ops.stream().map(o -> String.format(Locale.ROOT, "%.0f", o)).toList()));
        } finally {
            engines.values().forEach(LmdbStorageEngine::close);
            try (Stream<Path> walk = Files.walk(root)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void load(LmdbStorageEngine engine, int keys) {
        byte[] value = new byte[100];
        for (int start = 0; start < keys; start += 1000) {
            WriteBatch batch = new WriteBatch();
            for (int i = start; i < Math.min(keys, start + 1000); i++) {
                batch.put(KS, key(i), value);
            }
            engine.write(batch, false);
        }
        engine.sync();
    }

    private static double measure(LmdbStorageEngine engine, int keys, int length, double seconds, int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long scans = 0;
        long start = System.nanoTime();
        while (System.nanoTime() < deadline) {
            int first = random.nextInt(keys - length);
            int seen = 0;
            try (KvCursor cursor = engine.scan(KS, key(first), key(first + length), false)) {
                while (cursor.next()) {
                    seen++;
                }
            }
            if (seen != length) {
                throw new IllegalStateException("scan saw " + seen + " keys, expected " + length);
            }
            scans++;
        }
        return scans / ((System.nanoTime() - start) / 1e9);
    }

    private static byte[] key(int i) {
        return ByteBuffer.allocate(16).putLong(0x4b45590000000000L).putLong(i).array();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
