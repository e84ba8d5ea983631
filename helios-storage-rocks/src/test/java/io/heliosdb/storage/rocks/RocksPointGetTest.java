package io.heliosdb.storage.rocks;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.config.StorageConfig;
import io.heliosdb.spi.ReadView;
import io.heliosdb.spi.WriteBatch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Point gets go through per-thread reused buffers: each answer must be exactly the stored value, never a buffer's leftovers. */
class RocksPointGetTest {
    private static final int[] LENGTHS = {0, 1, 511, 512, 513, 4_000, RocksPointGet.MAX_BUFFERED,
        RocksPointGet.MAX_BUFFERED + 1, 100_000, 7, 0, 600};

    @TempDir
    Path dir;

    private static byte[] bytes(int fill, int length) {
        byte[] v = new byte[length];
        Arrays.fill(v, (byte) fill);
        return v;
    }

    private RocksStorageEngine open() {
        return (RocksStorageEngine) new RocksStorageProvider().open(StorageConfig.defaults().withPath(dir.resolve("db")));
    }

    @Test
    void get_valuesOfGrowingAndShrinkingSizes_areEachKeysOwnBytes() {
        try (RocksStorageEngine engine = open()) {
            WriteBatch batch = new WriteBatch();
            for (int i = 0; i < LENGTHS.length; i++) {
                batch.put("ks", new byte[] {(byte) i}, bytes(i + 1, LENGTHS[i]));
            }
            engine.write(batch, true);
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < LENGTHS.length; i++) {
                    byte[] got = engine.get("ks", new byte[] {(byte) i});
                    assertThat(got).hasSize(LENGTHS[i]).isEqualTo(bytes(i + 1, LENGTHS[i]));
                    if (got.length > 0) {
                        got[0] = 0; // the caller owns the array: the next get must not see this
                    }
                }
            }
            assertThat(engine.get("ks", new byte[] {(byte) 99})).isNull();
            assertThat(engine.get("no-such-keyspace", new byte[] {1})).isNull();
        }
    }

    @Test
    void get_keysLongerThanTheBuffers_findTheirValues() {
        int[] keyLengths = {1, 127, 128, 129, 1_000, RocksPointGet.MAX_BUFFERED + 10};
        try (RocksStorageEngine engine = open()) {
            WriteBatch batch = new WriteBatch();
            for (int length : keyLengths) {
                batch.put("ks", bytes(length % 251, length), bytes(length % 13, 40));
            }
            engine.write(batch, true);
            for (int length : keyLengths) {
                assertThat(engine.get("ks", bytes(length % 251, length))).isEqualTo(bytes(length % 13, 40));
            }
            // A key that is a prefix of a stored one: the old longer key must not linger in the buffer.
            assertThat(engine.get("ks", bytes(1000 % 251, 999))).isNull();
        }
    }

    @Test
    void get_afterOverwriteAndDelete_seesTheNewestValue_whileAReadViewKeepsItsSnapshot() {
        try (RocksStorageEngine engine = open()) {
            byte[] key = {1, 2, 3};
            engine.write(new WriteBatch().put("ks", key, bytes(1, 2_000)), true);
            assertThat(engine.get("ks", key)).isEqualTo(bytes(1, 2_000));
            try (ReadView view = engine.readView()) {
                engine.write(new WriteBatch().put("ks", key, bytes(2, 3)), true);
                assertThat(engine.get("ks", key)).isEqualTo(bytes(2, 3));
                assertThat(view.get("ks", key)).isEqualTo(bytes(1, 2_000));
                engine.write(new WriteBatch().delete("ks", key), true);
                assertThat(engine.get("ks", key)).isNull();
                assertThat(view.get("ks", key)).isEqualTo(bytes(1, 2_000));
            }
        }
    }

    @Test
    void get_fromManyThreads_eachReadsTheRightValues() throws Exception {
        try (RocksStorageEngine engine = open()) {
            WriteBatch batch = new WriteBatch();
            for (int i = 0; i < 200; i++) {
                batch.put("ks", new byte[] {(byte) i}, bytes(i, (i * 37) % 3_000));
            }
            engine.write(batch, true);
            CountDownLatch start = new CountDownLatch(1);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                Thread thread = new Thread(() -> {
                    try {
                        start.await();
                        for (int n = 0; n < 5_000; n++) {
                            int i = (n * 7 + offset) % 200;
                            byte[] got = engine.get("ks", new byte[] {(byte) i});
                            if (!Arrays.equals(got, bytes(i, (i * 37) % 3_000))) {
                                throw new AssertionError("key " + i + " read " + got.length + " bytes");
                            }
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                });
                thread.start();
                threads.add(thread);
            }
            start.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
            assertThat(failure.get()).isNull();
        }
    }
}
