package io.heliosdb.storage.lmdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.config.StorageConfig;
import io.heliosdb.spi.KvCursor;
import io.heliosdb.spi.ReadView;
import io.heliosdb.spi.WriteBatch;
import io.heliosdb.storage.tck.Bytes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The memory map starts tiny and must grow under writes while views, cursors and readers are live. */
class LmdbMapGrowthTest {

    private static final long TINY_MAP = MapSizing.MIB;
    private static final byte[] VALUE = new byte[4000];

    @TempDir
    Path dir;

    private LmdbStorageEngine open() {
        return LmdbStorageEngine.open(StorageConfig.defaults().withPath(dir).withEngine("lmdb"), TINY_MAP);
    }

    private static byte[] key(int i) {
        return Bytes.utf8(String.format("k%06d", i));
    }

    @Test
    void writesBeyondTheMap_growIt_whileOpenCursorAndViewKeepTheirPlaceAndSnapshot() {
        try (LmdbStorageEngine engine = open()) {
            WriteBatch first = new WriteBatch();
            for (int i = 0; i < 100; i += 2) {
                first.put("g", key(i), Bytes.utf8("v" + i));
            }
            engine.write(first, false);
            ReadView view = engine.readView();
            KvCursor cursor = engine.scan("g", null, null, false);
            KvCursor reverse = view.scan("g", null, null, true);
            List<String> forwardKeys = new ArrayList<>();
            List<String> reverseKeys = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                assertThat(cursor.next()).isTrue();
                forwardKeys.add(Bytes.str(cursor.key()));
                assertThat(reverse.next()).isTrue();
                reverseKeys.add(Bytes.str(reverse.key()));
            }

            for (int batch = 0; batch < 30; batch++) { // ~12 MB into a 1 MB map
                WriteBatch b = new WriteBatch();
                for (int i = 0; i < 100; i++) {
                    b.put("bulk", key(batch * 100 + i), VALUE);
                }
                b.put("g", key(1 + 2 * batch), Bytes.utf8("odd")); // lands between keys the cursors still owe
                engine.write(b, false);
            }
            assertThat(engine.statistics().get("lmdb.map.growths")).isGreaterThanOrEqualTo(3L);
            assertThat(engine.statistics().get("lmdb.map.size")).isGreaterThan(12L * MapSizing.MIB);

            while (cursor.next()) {
                forwardKeys.add(Bytes.str(cursor.key()));
            }
            while (reverse.next()) {
                reverseKeys.add(Bytes.str(reverse.key()));
            }
            List<String> evens = new ArrayList<>();
            for (int i = 0; i < 100; i += 2) {
                evens.add(String.format("k%06d", i));
            }
            assertThat(forwardKeys).as("the scan's snapshot predates the odd keys").isEqualTo(evens);
            List<String> evensDescending = new ArrayList<>(evens);
            java.util.Collections.reverse(evensDescending);
            assertThat(reverseKeys).isEqualTo(evensDescending);
            assertThat(view.get("bulk", key(0))).isNull();
            assertThat(view.get("g", key(1))).isNull();
            cursor.close();
            reverse.close();
            view.close();

            assertThat(engine.get("bulk", key(2999))).isEqualTo(VALUE);
            assertThat(Bytes.textKeys(engine, "bulk", null, null, false)).hasSize(3000);
            assertThat(Bytes.str(engine.get("g", key(59)))).isEqualTo("odd");
        }
    }

    @Test
    void oneBatchLargerThanTheMap_isAppliedWhole_andSurvivesReopen() {
        try (LmdbStorageEngine engine = open()) {
            WriteBatch big = new WriteBatch();
            for (int i = 0; i < 2000; i++) { // ~8 MB in one transaction
                big.put("big", key(i), VALUE);
            }
            engine.write(big, true);
            assertThat(engine.statistics().get("lmdb.map.full.retries")).isPositive();
        }
        try (LmdbStorageEngine reopened = open()) {
            assertThat(reopened.statistics().get("lmdb.map.size")).as("reopen sizes the map past the data").isGreaterThan(8L * MapSizing.MIB);
            assertThat(Bytes.textKeys(reopened, "big", null, null, true)).hasSize(2000).first().isEqualTo("k001999");
            reopened.write(new WriteBatch().put("big", key(5000), VALUE), true);
            assertThat(reopened.get("big", key(5000))).isEqualTo(VALUE);
        }
    }

    @Test
    void concurrentReadersAndWriters_acrossGrowths_seeWholeBatches() throws Exception {
        try (LmdbStorageEngine engine = open()) {
            int writers = 3;
            int batches = 40;
            CountDownLatch start = new CountDownLatch(1);
            CountDownLatch writersDone = new CountDownLatch(writers);
            ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    int writer = w;
                    futures.add(pool.submit(() -> {
                        start.await();
                        try {
                            for (int n = 0; n < batches; n++) {
                                WriteBatch b = new WriteBatch();
                                for (int i = 0; i < 20; i++) {
                                    b.put("c", Bytes.utf8(String.format("w%d-%03d-%02d", writer, n, i)), VALUE);
                                }
                                engine.write(b, n % 10 == 0);
                            }
                        } finally {
                            writersDone.countDown();
                        }
                        return null;
                    }));
                }
                for (int r = 0; r < 2; r++) {
                    boolean useView = r == 1;
                    futures.add(pool.submit(() -> {
                        start.await();
                        do {
                            List<String> keys;
                            if (useView) {
                                try (ReadView view = engine.readView()) {
                                    keys = Bytes.textKeys(view, "c", null, null, false);
                                }
                            } else {
                                keys = Bytes.textKeys(engine, "c", null, null, true);
                            }
                            assertThat(keys.size() % 20).as("whole batches only").isZero();
                        } while (writersDone.getCount() > 0);
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> f : futures) {
                    f.get(120, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
                assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(Bytes.textKeys(engine, "c", null, null, false)).hasSize(writers * batches * 20);
            assertThat(engine.statistics().get("lmdb.map.growths")).isPositive();
        }
    }
}
