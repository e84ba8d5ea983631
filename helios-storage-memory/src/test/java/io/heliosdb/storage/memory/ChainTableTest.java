package io.heliosdb.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ChainTableTest {

    private static byte[] key(int n) {
        return ByteBuffer.allocate(12).putLong(7).putInt(n).array();
    }

    private static Version chain(byte[] key, long seq) {
        return Version.on(key, seq, new byte[] {(byte) seq}, null);
    }

    @Test
    void get_findsByContentNotIdentity() {
        ChainTable table = new ChainTable();
        Version v = chain(key(1), 1);
        table.put(key(1), v);
        assertThat(table.get(key(1))).isSameAs(v);
        assertThat(table.get(key(2))).isNull();
        assertThat(table.get(new byte[0])).isNull();
    }

    @Test
    void put_existingKey_replacesChainInPlace() {
        ChainTable table = new ChainTable();
        byte[] k = key(5);
        table.put(k, chain(k, 1));
        Version newer = Version.on(k, 2, new byte[] {2}, table.get(k));
        table.put(key(5), newer);
        assertThat(table.get(key(5))).isSameAs(newer);
        assertThat(table.size()).isEqualTo(1);
    }

    @Test
    void manyKeys_growAndStayFindable() {
        ChainTable table = new ChainTable();
        for (int i = 0; i < 10_000; i++) {
            table.put(key(i), chain(key(i), i));
        }
        assertThat(table.size()).isEqualTo(10_000);
        assertThat(table.capacity()).isGreaterThanOrEqualTo(20_000);
        for (int i = 0; i < 10_000; i++) {
            assertThat(table.get(key(i)).seq()).isEqualTo(i);
        }
        assertThat(table.get(key(10_000))).isNull();
    }

    @Test
    void removeAndInsertChurn_matchesAMapAndDoesNotGrowWithoutBound() {
        ChainTable table = new ChainTable();
        Map<Integer, Version> expected = new HashMap<>();
        SplittableRandom random = new SplittableRandom(3);
        for (int op = 0; op < 200_000; op++) {
            int k = random.nextInt(500);
            if (random.nextBoolean()) {
                Version v = chain(key(k), op);
                table.put(key(k), v);
                expected.put(k, v);
            } else {
                table.remove(key(k));
                expected.remove(k);
            }
        }
        for (int k = 0; k < 500; k++) {
            assertThat(table.get(key(k))).isSameAs(expected.get(k));
        }
        assertThat(table.size()).isEqualTo(expected.size());
        // Removed slots are reused or dropped by the next copy: 500 keys never need thousands of slots.
        assertThat(table.capacity()).isLessThanOrEqualTo(4096);
    }

    @Test
    void readersDuringGrowthAndRemovals_alwaysFindTheKeysThatStay() throws Exception {
        ChainTable table = new ChainTable();
        int stable = 1_000;
        for (int i = 0; i < stable; i++) {
            table.put(key(i), chain(key(i), i));
        }
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch readersStarted = new CountDownLatch(2);
        ExecutorService readers = Executors.newFixedThreadPool(2);
        try {
            Future<?>[] results = new Future<?>[2];
            for (int r = 0; r < 2; r++) {
                int seed = r;
                results[r] = readers.submit(() -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    readersStarted.countDown();
                    long reads = 0;
                    while (!stop.get() || reads < 10_000) {
                        int k = random.nextInt(stable);
                        Version v = table.get(key(k));
                        if (v == null || v.seq() != k) {
                            throw new AssertionError("key " + k + " read as " + v);
                        }
                        reads++;
                    }
                    return null;
                });
            }
            assertThat(readersStarted.await(10, TimeUnit.SECONDS)).isTrue();
            // The writer grows the table several times and removes keys in between.
            for (int i = stable; i < 200_000; i++) {
                table.put(key(i), chain(key(i), i));
                if (i % 3 == 0) {
                    table.remove(key(i - 1));
                }
            }
            stop.set(true);
            for (Future<?> f : results) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            stop.set(true);
            readers.shutdownNow();
            assertThat(readers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
