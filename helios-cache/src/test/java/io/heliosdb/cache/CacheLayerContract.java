package io.heliosdb.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.config.Compression;
import io.heliosdb.api.config.StorageConfig;
import io.heliosdb.spi.CacheLayer;
import io.heliosdb.spi.CacheLayerProvider;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What every cache layer does, run by one subclass per provider. */
abstract class CacheLayerContract {

    protected final List<CacheLayer> opened = new ArrayList<>();

    protected abstract CacheLayerProvider provider();

    /** The largest single entry, in budget bytes, for a value of {@code valueBytes} under a short key. */
    protected abstract long maxEntryWeight(int valueBytes);

    protected CacheLayer open(long budget, Compression compression) {
        CacheLayer cache = provider().open(StorageConfig.defaults().withCacheSizeBytes(budget).withCompression(compression));
        opened.add(cache);
        return cache;
    }

    @AfterEach
    void closeCaches() {
        opened.forEach(CacheLayer::close);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void getPut_countHitsAndMisses_andKeysAreKeyspaceScoped() {
        CacheLayer cache = open(1 << 20, Compression.NONE);
        assertThat(cache.get("t", utf8("a"))).isNull();
        cache.put("t", utf8("a"), utf8("one"));
        assertThat(cache.get("t", utf8("a"))).asString(StandardCharsets.UTF_8).isEqualTo("one");
        assertThat(cache.get("u", utf8("a"))).as("another keyspace").isNull();
        assertThat(cache.get("t", utf8("ab"))).isNull();
        cache.put("t", utf8("a"), utf8("two"));
        assertThat(cache.get("t", utf8("a"))).asString(StandardCharsets.UTF_8).isEqualTo("two");

        CacheLayer.Stats stats = cache.stats();
        assertThat(stats.hits()).isEqualTo(2);
        assertThat(stats.misses()).isEqualTo(3);
        assertThat(stats.evictions()).isZero();
        assertThat(stats.bytesUsed()).isPositive();
        assertThat(stats.hitRate()).isEqualTo(0.4);
    }

    @Test
    void arrays_passedInOrReturned_areNotShared() {
        CacheLayer cache = open(1 << 20, Compression.NONE);
        byte[] key = utf8("k");
        byte[] value = utf8("value");
        cache.put("t", key, value);
        key[0] = 'z';
        value[0] = 'X';
        byte[] got = cache.get("t", utf8("k"));
        assertThat(got).asString(StandardCharsets.UTF_8).isEqualTo("value");
        got[0] = 'Y';
        assertThat(cache.get("t", utf8("k"))).asString(StandardCharsets.UTF_8).isEqualTo("value");
    }

    @Test
    void invalidate_andInvalidateAll_removeEntriesAndTheirBytes() {
        CacheLayer cache = open(1 << 20, Compression.NONE);
        for (int i = 0; i < 100; i++) {
            cache.put("t", utf8("k" + i), new byte[100]);
        }
        cache.invalidate("t", utf8("k7"));
        cache.invalidate("t", utf8("never-there"));
        assertThat(cache.get("t", utf8("k7"))).isNull();
        assertThat(cache.get("t", utf8("k8"))).hasSize(100);
        long before = cache.stats().bytesUsed();

        cache.invalidateAll();
        assertThat(cache.get("t", utf8("k8"))).isNull();
        assertThat(cache.stats().bytesUsed()).isZero().isLessThan(before);
        assertThat(cache.stats().evictions()).as("invalidation is not eviction").isZero();
    }

    @Test
    void byteBudget_isRespected_withinOneEntry_andEvictionsAreCounted() {
        long budget = 256 * 1024;
        CacheLayer cache = open(budget, Compression.NONE);
        Random random = new Random(42);
        for (int i = 0; i < 5_000; i++) {
            byte[] value = new byte[100 + random.nextInt(900)];
            cache.put("t", utf8(String.format("key-%05d", i)), value);
            assertThat(cache.stats().bytesUsed()).as("after put %d", i).isLessThanOrEqualTo(budget + maxEntryWeight(1000));
        }
        CacheLayer.Stats stats = cache.stats();
        assertThat(stats.evictions()).isPositive();
        assertThat(stats.bytesUsed()).isGreaterThan(budget / 2);
    }

    @Test
    void valueLargerThanTheBudget_isNotCached_andEvictsNothing() {
        CacheLayer cache = open(64 * 1024, Compression.NONE);
        cache.put("t", utf8("small"), new byte[10]);
        cache.put("t", utf8("huge"), new byte[100 * 1024]);
        assertThat(cache.get("t", utf8("huge"))).isNull();
        assertThat(cache.get("t", utf8("small"))).hasSize(10);
    }

    @Test
    void hotKeys_surviveAScanOfColdOnes() {
        long budget = 512 * 1024;
        CacheLayer cache = open(budget, Compression.NONE);
        int hot = 100;
        for (int round = 0; round < 20; round++) {
            for (int i = 0; i < hot; i++) {
                if (cache.get("t", utf8("hot" + i)) == null) {
                    cache.put("t", utf8("hot" + i), new byte[500]);
                }
            }
            for (int i = 0; i < 200; i++) { // each round streams 100 KB of never-reread values
                cache.put("t", utf8("cold" + round + "-" + i), new byte[500]);
            }
        }
        int hotHits = 0;
        for (int i = 0; i < hot; i++) {
            if (cache.get("t", utf8("hot" + i)) != null) {
                hotHits++;
            }
        }
        assertThat(hotHits).as("hot keys still cached after 2 MB of cold puts into 512 KB").isGreaterThan(hot * 8 / 10);
    }

    @ParameterizedTest
    @EnumSource(value = Compression.class, names = {"ZSTD", "LZ4"})
    void compression_roundTrips_andShrinksCompressibleValues(Compression compression) {
        CacheLayer plain = open(4 << 20, Compression.NONE);
        CacheLayer packed = open(4 << 20, compression);
        Random random = new Random(7);
        byte[] noise = new byte[3000];
        random.nextBytes(noise);
        byte[] text = "SELECT name, balance FROM accounts WHERE id = 42; ".repeat(60).getBytes(StandardCharsets.UTF_8);
        List<byte[]> values = List.of(text, noise, new byte[0], utf8("tiny"), new byte[5000]);
        for (int i = 0; i < values.size(); i++) {
            plain.put("t", utf8("k" + i), values.get(i));
            packed.put("t", utf8("k" + i), values.get(i));
        }
        for (int i = 0; i < values.size(); i++) {
            assertThat(packed.get("t", utf8("k" + i))).as("value %d", i).isEqualTo(values.get(i));
        }
        assertThat(packed.stats().bytesUsed()).isLessThan(plain.stats().bytesUsed() / 2);
    }

    @Test
    void close_thenCallsFail_andSecondCloseIsHarmless() {
        CacheLayer cache = open(1 << 20, Compression.LZ4);
        cache.put("t", utf8("a"), utf8("1"));
        cache.close();
        assertThatThrownBy(() -> cache.get("t", utf8("a"))).isInstanceOfSatisfying(HeliosException.class,
                e -> assertThat(e.sqlState()).isEqualTo(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE));
        assertThatThrownBy(() -> cache.put("t", utf8("a"), utf8("1"))).isInstanceOf(HeliosException.class);
        cache.close();
    }

    @Test
    void concurrentGetPutInvalidate_neverReturnsAForeignValue_andStaysWithinBudget() throws Exception {
        long budget = 512 * 1024;
        CacheLayer cache = open(budget, Compression.LZ4);
        int threads = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int seed = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    Random random = new Random(seed);
                    int hits = 0;
                    for (int i = 0; i < 20_000; i++) {
                        int k = random.nextInt(2_000);
                        byte[] key = utf8("key" + k);
                        switch (random.nextInt(10)) {
                            case 0 -> cache.invalidate("t", key);
                            case 1, 2, 3 -> cache.put("t", key, valueFor(k, random.nextInt(600)));
                            default -> {
                                byte[] got = cache.get("t", key);
                                if (got != null) {
                                    hits++;
                                    assertThat(new String(got, 0, Math.min(got.length, 12), StandardCharsets.UTF_8))
                                            .startsWith(String.format("v%05d", k));
                                }
                            }
                        }
                    }
                    return hits;
                }));
            }
            start.countDown();
            int hits = 0;
            for (Future<Integer> f : futures) {
                hits += f.get(120, TimeUnit.SECONDS);
            }
            assertThat(hits).isPositive();
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(cache.stats().bytesUsed()).isLessThanOrEqualTo(budget + threads * maxEntryWeight(700));
        cache.invalidateAll();
        assertThat(cache.stats().bytesUsed()).isZero();
    }

    private static byte[] valueFor(int k, int padding) {
        return (String.format("v%05d", k) + "x".repeat(padding)).getBytes(StandardCharsets.UTF_8);
    }
}
