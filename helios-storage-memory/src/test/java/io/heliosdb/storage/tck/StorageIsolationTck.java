package io.heliosdb.storage.tck;

import static io.heliosdb.storage.tck.Bytes.str;
import static io.heliosdb.storage.tck.Bytes.textKeys;
import static io.heliosdb.storage.tck.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.heliosdb.api.HeliosException;
import io.heliosdb.spi.KvCursor;
import io.heliosdb.spi.KvReader;
import io.heliosdb.spi.ReadView;
import io.heliosdb.spi.StorageCapability;
import io.heliosdb.spi.WriteBatch;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Read-view isolation, batch atomicity and concurrent use: the part of the TCK that needs threads. */
public abstract class StorageIsolationTck extends StorageScanTck {

    private static final long TIMEOUT_SECONDS = 120;

    // ---------------------------------------------------------------- read views

    @Test
    void readView_doesNotSeeLaterWrites_laterViewDoes() {
        assumeTrue(claims(StorageCapability.READ_VIEWS));
        write(b -> b.put(KS, utf8("k"), v("old")).put(KS, utf8("gone"), v("x")));
        try (ReadView before = engine.readView()) {
            write(b -> b.put(KS, utf8("k"), v("new")).put(KS, utf8("added"), v("y")).delete(KS, utf8("gone")));

            assertThat(str(before.get(KS, utf8("k")))).isEqualTo("old");
            assertThat(before.get(KS, utf8("added"))).isNull();
            assertThat(str(before.get(KS, utf8("gone")))).isEqualTo("x");
            assertThat(textKeys(before, KS, null, null, false)).containsExactly("gone", "k");
            assertThat(textKeys(before, KS, null, null, true)).containsExactly("k", "gone");

            try (ReadView after = engine.readView()) {
                assertThat(str(after.get(KS, utf8("k")))).isEqualTo("new");
                assertThat(after.get(KS, utf8("gone"))).isNull();
                assertThat(textKeys(after, KS, null, null, false)).containsExactly("added", "k");
            }
            assertThat(str(engine.get(KS, utf8("k")))).isEqualTo("new");
        }
    }

    @Test
    void readView_keepsItsVersionThroughManyOverwrites() {
        assumeTrue(claims(StorageCapability.READ_VIEWS));
        write(b -> b.put(KS, utf8("k"), v("v0")));
        try (ReadView view = engine.readView()) {
            for (int i = 1; i <= 200; i++) {
                int n = i;
                write(b -> b.put(KS, utf8("k"), v("v" + n)).put(KS, utf8("other" + n % 7), v("o" + n)));
                if (i % 50 == 0) {
                    write(b -> b.delete(KS, utf8("k")));
                }
            }
            assertThat(str(view.get(KS, utf8("k")))).isEqualTo("v0");
            assertThat(textKeys(view, KS, null, null, false)).containsExactly("k");
        }
        write(b -> b.put(KS, utf8("k"), v("last")));
        try (ReadView view = engine.readView()) {
            assertThat(str(view.get(KS, utf8("k")))).isEqualTo("last");
            assertThat(textKeys(view, KS, null, null, false)).hasSize(8);
        }
    }

    @Test
    void readView_ofKeyspaceCreatedLater_isEmpty() {
        assumeTrue(claims(StorageCapability.READ_VIEWS));
        try (ReadView view = engine.readView()) {
            write(b -> b.put("born-later", utf8("a"), v("1")));
            assertThat(view.get("born-later", utf8("a"))).isNull();
            assertThat(textKeys(view, "born-later", null, null, false)).isEmpty();
            assertThat(str(engine.get("born-later", utf8("a")))).isEqualTo("1");
        }
    }

    @Test
    void readView_scanIgnoresWritesMadeWhileIterating() {
        assumeTrue(claims(StorageCapability.READ_VIEWS));
        write(b -> b.put(KS, utf8("a"), v("1")).put(KS, utf8("c"), v("1")).put(KS, utf8("e"), v("1")));
        try (ReadView view = engine.readView(); KvCursor c = view.scan(KS, null, null, false)) {
            assertThat(c.next()).isTrue();
            write(b -> b.put(KS, utf8("b"), v("2")).put(KS, utf8("d"), v("2")).delete(KS, utf8("e")).put(KS, utf8("c"), v("2")));
            List<String> rest = new ArrayList<>();
            while (c.next()) {
                rest.add(str(c.key()) + "=" + str(c.value()));
            }
            assertThat(rest).containsExactly("c=1", "e=1");
        }
    }

    @Test
    void readView_afterClose_fails() {
        assumeTrue(claims(StorageCapability.READ_VIEWS));
        ReadView view = engine.readView();
        view.close();
        assertThatThrownBy(() -> view.get(KS, utf8("a"))).isInstanceOf(HeliosException.class);
        assertThatThrownBy(() -> view.scan(KS, null, null, false)).isInstanceOf(HeliosException.class);
        view.close(); // a second close is harmless
    }

    // ---------------------------------------------------------------- atomicity

    @Test
    void write_concurrentReadersSeeAllOrNothingOfEachBatch() throws Exception {
        int keys = 64;
        int batches = 1000;
        write(b -> fillGeneration(b, 0, keys));
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch writerDone = new CountDownLatch(1);
        List<Callable<Integer>> tasks = new ArrayList<>();
        tasks.add(() -> {
            start.await();
            try {
                for (int gen = 1; gen <= batches; gen++) {
                    WriteBatch b = new WriteBatch();
                    fillGeneration(b, gen, keys);
                    b.delete(KS, utf8("gen-" + (gen - 1)));
                    engine.write(b, false);
                }
            } finally {
                writerDone.countDown();
            }
            return batches;
        });
        tasks.add(() -> checkGenerationsUntil(start, writerDone, keys, false));
        tasks.add(() -> checkGenerationsUntil(start, writerDone, keys, true));
        if (claims(StorageCapability.READ_VIEWS)) {
            tasks.add(() -> {
                start.await();
                int checks = 0;
                do {
                    try (ReadView view = engine.readView()) {
                        assertOneGeneration(view, keys, false);
                        String first = str(view.get(KS, utf8("k0")));
                        for (int i = 1; i < keys; i++) {
                            assertThat(str(view.get(KS, utf8("k" + i)))).as("key k%d in one view", i).isEqualTo(first);
                        }
                    }
                    checks++;
                } while (writerDone.getCount() > 0);
                return checks;
            });
        }
        List<Integer> results = runAll(tasks, start);
        assertThat(results).allMatch(n -> n > 0);
        assertThat(str(engine.get(KS, utf8("k0")))).isEqualTo(String.valueOf(batches));
    }

    private int checkGenerationsUntil(CountDownLatch start, CountDownLatch writerDone, int keys, boolean reverse)
            throws InterruptedException {
        start.await();
        int checks = 0;
        do {
            assertOneGeneration(engine, keys, reverse);
            checks++;
        } while (writerDone.getCount() > 0);
        return checks;
    }

    private static void fillGeneration(WriteBatch b, int gen, int keys) {
        for (int i = 0; i < keys; i++) {
            b.put(KS, utf8("k" + i), utf8(String.valueOf(gen)));
        }
        b.put(KS, utf8("gen-" + gen), utf8(String.valueOf(gen)));
    }

    /** One scan sees every key of exactly one batch: the same generation everywhere, one marker key. */
    private static void assertOneGeneration(KvReader reader, int keys, boolean reverse) {
        Map<String, String> seen = new TreeMap<>();
        try (KvCursor c = reader.scan(KS, null, null, reverse)) {
            while (c.next()) {
                seen.put(str(c.key()), str(c.value()));
            }
        }
        Set<String> values = new HashSet<>(seen.values());
        assertThat(values).as("values in one scan: %s", seen).hasSize(1);
        String gen = values.iterator().next();
        assertThat(seen).as("one scan").hasSize(keys + 1).containsEntry("gen-" + gen, gen);
    }

    // ---------------------------------------------------------------- concurrency

    @Test
    void concurrentWritersAndReaders_keepOrderAndLoseNothing() throws Exception {
        int writers = 4;
        int batchesPerWriter = 150;
        int keysPerBatch = 4;
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch writersDone = new CountDownLatch(writers);
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            tasks.add(() -> {
                start.await();
                try {
                    for (int i = 0; i < batchesPerWriter; i++) {
                        WriteBatch b = new WriteBatch();
                        for (int j = 0; j < keysPerBatch; j++) {
                            b.put(KS, utf8(String.format("w%d-%04d-%d", writer, i, j)), utf8("v" + i));
                        }
                        b.put("counters", utf8("w" + writer), utf8(String.valueOf(i)));
                        engine.write(b, i % 50 == 0);
                    }
                } finally {
                    writersDone.countDown();
                }
                return batchesPerWriter;
            });
        }
        for (int r = 0; r < 2; r++) {
            boolean reverse = r == 1;
            tasks.add(() -> {
                start.await();
                int scans = 0;
                do {
                    assertOrderedCompleteBatches(scanAll(engine, reverse), reverse, keysPerBatch);
                    scans++;
                } while (writersDone.getCount() > 0);
                return scans;
            });
        }
        if (claims(StorageCapability.READ_VIEWS)) {
            tasks.add(() -> {
                start.await();
                int views = 0;
                do {
                    try (ReadView view = engine.readView()) {
                        List<String> first = scanAll(view, false);
                        assertOrderedCompleteBatches(first, false, keysPerBatch);
                        assertThat(scanAll(view, false)).as("a second scan of one view").isEqualTo(first);
                    }
                    views++;
                } while (writersDone.getCount() > 0);
                return views;
            });
        }
        runAll(tasks, start);
        assertThat(scanAll(engine, false)).hasSize(writers * batchesPerWriter * keysPerBatch);
        for (int w = 0; w < writers; w++) {
            assertThat(str(engine.get("counters", utf8("w" + w)))).isEqualTo(String.valueOf(batchesPerWriter - 1));
        }
    }

    @Test
    void cursor_toleratesConcurrentWrites() {
        write(b -> {
            for (int i = 0; i < 500; i += 2) {
                b.put(KS, utf8(String.format("%04d", i)), v("orig"));
            }
        });
        List<String> keys = new ArrayList<>();
        try (KvCursor c = engine.scan(KS, null, null, false)) {
            for (int i = 0; i < 50 && c.next(); i++) {
                keys.add(str(c.key()));
            }
            write(b -> {
                for (int i = 1; i < 500; i += 2) {
                    b.put(KS, utf8(String.format("%04d", i)), v("new"));
                }
                for (int i = 300; i < 400; i += 2) {
                    b.delete(KS, utf8(String.format("%04d", i)));
                }
            });
            while (c.next()) {
                keys.add(str(c.key()));
            }
        }
        assertThat(keys).isSorted().doesNotHaveDuplicates();
        for (int i = 0; i < 500; i += 2) {
            if (i < 300 || i >= 400) {
                assertThat(keys).contains(String.format("%04d", i));
            }
        }
    }

    private static List<String> scanAll(KvReader reader, boolean reverse) {
        return textKeys(reader, KS, null, null, reverse);
    }

    /** Keys strictly ordered, and every batch (same prefix before the last dash) whole. */
    private static void assertOrderedCompleteBatches(List<String> keys, boolean reverse, int keysPerBatch) {
        List<String> expected = new ArrayList<>(keys);
        expected.sort(reverse ? java.util.Comparator.reverseOrder() : java.util.Comparator.naturalOrder());
        assertThat(keys).isEqualTo(expected).doesNotHaveDuplicates();
        Map<String, AtomicInteger> perBatch = new TreeMap<>();
        for (String k : keys) {
            perBatch.computeIfAbsent(k.substring(0, k.lastIndexOf('-')), x -> new AtomicInteger()).incrementAndGet();
        }
        perBatch.forEach((batch, n) -> assertThat(n.get()).as("keys of batch %s", batch).isEqualTo(keysPerBatch));
    }

    /** Runs the tasks on their own threads, releases them together, and fails with the first failure. */
    private static List<Integer> runAll(List<Callable<Integer>> tasks, CountDownLatch start) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (Callable<Integer> t : tasks) {
                futures.add(pool.submit(t));
            }
            start.countDown();
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> f : futures) {
                results.add(f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        }
    }
}
