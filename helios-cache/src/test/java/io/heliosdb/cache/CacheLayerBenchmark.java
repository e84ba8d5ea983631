package io.heliosdb.cache;

import io.heliosdb.api.config.Compression;
import io.heliosdb.api.config.StorageConfig;
import io.heliosdb.spi.CacheLayer;
import io.heliosdb.spi.CacheLayerProvider;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A by-hand comparison of the cache layers (not a test: Surefire runs only *Test classes, and
 * timing asserts would be flaky). Workload: read-through of a skewed key set 10x larger than the
 * cache; a miss fills the cache with a 200-byte row. Run with the module's Surefire flags, e.g.
 * {@code java <argLine> -cp <test classpath> io.heliosdb.cache.CacheLayerBenchmark}.
 */
public final class CacheLayerBenchmark {

    private static final int KEYS = 500_000;
    private static final int VALUE_BYTES = 200;
    private static final int OPS = 3_000_000;

    private CacheLayerBenchmark() {
    }

    public static void main(String[] args) {
        long budget = (long) KEYS * (VALUE_BYTES + 100) / 10;
        ZipfKeys keys = new ZipfKeys(KEYS, 0.99);
        for (int round = 0; round < 2; round++) { // the first round warms the JIT
            for (CacheLayerProvider provider : List.of(new CaffeineCacheProvider(), new ChronicleCacheProvider())) {
                for (Compression compression : List.of(Compression.NONE, Compression.LZ4)) {
                    run(provider, compression, budget, keys, round == 1);
                }
            }
        }
    }

    private static void run(CacheLayerProvider provider, Compression compression, long budget, ZipfKeys keys, boolean print) {
        byte[] row = ("row-data-" + "abcdefghij".repeat(VALUE_BYTES / 10)).substring(0, VALUE_BYTES).getBytes(StandardCharsets.UTF_8);
        try (CacheLayer cache = provider.open(StorageConfig.defaults().withCacheSizeBytes(budget).withCompression(compression))) {
            SplittableRandom random = new SplittableRandom(1);
            long start = System.nanoTime();
            for (int i = 0; i < OPS; i++) {
                byte[] key = ("k" + keys.next(random)).getBytes(StandardCharsets.UTF_8);
                if (cache.get("rows", key) == null) {
                    cache.put("rows", key, row);
                }
            }
            long nanos = System.nanoTime() - start;
            CacheLayer.Stats s = cache.stats();
            if (print) {
                System.out.printf("%-10s %-5s %,10.0f ops/s  hit rate %.3f  evictions %,d  bytes %,d / %,d%n",
                        provider.name(), compression.configName(), OPS / (nanos / 1e9), s.hitRate(), s.evictions(),
                        s.bytesUsed(), budget);
            }
        }
    }

    /** Zipf-distributed ranks by inverse-CDF over a precomputed table. */
    private static final class ZipfKeys {
        private final double[] cdf;

        ZipfKeys(int n, double skew) {
            cdf = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += 1 / Math.pow(i + 1, skew);
                cdf[i] = sum;
            }
            for (int i = 0; i < n; i++) {
                cdf[i] /= sum;
            }
        }

        int next(SplittableRandom random) {
            int i = java.util.Arrays.binarySearch(cdf, random.nextDouble());
            return i >= 0 ? i : -i - 1;
        }
    }
}
