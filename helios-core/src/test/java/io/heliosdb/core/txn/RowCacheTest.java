package io.heliosdb.core.txn;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.SqlType;
import io.heliosdb.api.config.StorageConfig;
import io.heliosdb.spi.StorageEngine;
import io.heliosdb.spi.StorageEngineProvider;
import io.heliosdb.sql.RowCursor;
import io.heliosdb.sql.schema.ColumnDef;
import io.heliosdb.sql.schema.TableDef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RowCacheTest {
    private final MapCacheLayer cache = new MapCacheLayer();
    private final PausingStorageEngine engine = new PausingStorageEngine(memoryEngine());
    private final TransactionalStore store = new TransactionalStore(engine, false, cache);
    private final ExecutorService pool = Executors.newSingleThreadExecutor();
    private TableDef people;

    @AfterEach
    void close() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        store.close();
        engine.close();
    }

    private static StorageEngine memoryEngine() {
        StorageEngineProvider provider = ServiceLoader.load(StorageEngineProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals("memory")).findFirst().orElseThrow();
        return provider.open(StorageConfig.defaults().withMemoryOnly());
    }

    private void createPeople(int rows) {
        write(t -> people = t.createTable(new TableDef(0, "people", List.of(
                new ColumnDef("id", SqlType.BIGINT, -1, true, null),
                new ColumnDef("name", SqlType.TEXT, -1, false, null)), List.of(0))));
        write(t -> {
            for (long i = 1; i <= rows; i++) {
                t.insert(people, new Object[] {i, "v0-" + i});
            }
        });
    }

    private void write(Consumer<TableRows> work) {
        Transaction t = store.begin();
        try (StatementReads reads = store.openReads(t)) {
            work.accept(new TableRows(store, t, reads));
        }
        store.commit(t);
    }

    private void update(long id, String name) {
        write(t -> {
            try (RowCursor c = t.lookup(people, new Object[] {id})) {
                assertThat(c.next()).isTrue();
                t.update(people, c.rowKey(), new Object[] {id, name});
            }
        });
    }

    private String name(Transaction t, long id) {
        try (StatementReads reads = store.openReads(t); RowCursor c = new TableRows(store, t, reads)
                .lookup(people, new Object[] {id})) {
            return c.next() ? (String) c.row()[1] : null;
        }
    }

    private String name(long id) {
        Transaction t = store.begin();
        try {
            return name(t, id);
        } finally {
            store.rollback(t);
        }
    }

    @Test
    void readThrough_racingCommit_neverCachesTheOlderVersion() throws Exception {
        createPeople(1);
        cache.invalidateAll();
        Future<String> reader = pool.submit(() -> {
            engine.pauseNextRowGet(Thread.currentThread());
            return name(1);
        });
        // The reader has read "v0-1" from storage and not yet filled the cache; a commit lands now.
        assertThat(engine.readDone.await(10, TimeUnit.SECONDS)).isTrue();
        update(1, "new");
        engine.resume.countDown();
        assertThat(reader.get(10, TimeUnit.SECONDS)).isEqualTo("v0-1");

        assertThat(name(1)).isEqualTo("new");
        assertThat(name(1)).isEqualTo("new");
    }

    @Test
    void commit_invalidatesBeforeItIsVisible() {
        createPeople(3);
        assertThat(name(2)).isEqualTo("v0-2");
        assertThat(name(2)).isEqualTo("v0-2");
        long hits = cache.stats().hits();
        assertThat(hits).isPositive();
        update(2, "two");
        assertThat(name(2)).isEqualTo("two");
        write(t -> {
            try (RowCursor c = t.lookup(people, new Object[] {2L})) {
                c.next();
                t.delete(people, c.rowKey());
            }
        });
        assertThat(name(2)).isNull();
        assertThat(name(2)).isNull();
    }

    @Test
    void cachedVersionNewerThanTheSnapshot_readsTheVersionTheSnapshotSees() {
        createPeople(1);
        Transaction repeatable = store.begin(IsolationLevel.REPEATABLE_READ);
        assertThat(name(repeatable, 1)).isEqualTo("v0-1");
        update(1, "later");
        assertThat(name(1)).isEqualTo("later"); // now cached: the newest version
        assertThat(name(repeatable, 1)).isEqualTo("v0-1");
        store.rollback(repeatable);
    }

    @Test
    void skewedReads_mostlyHitTheCache() {
        createPeople(200);
        Random random = new Random(7);
        List<Long> wrong = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            // 90% of reads on 10 hot rows.
            long id = random.nextInt(10) < 9 ? 1 + random.nextInt(10) : 1 + random.nextInt(200);
            if (!("v0-" + id).equals(name(id))) {
                wrong.add(id);
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(cache.stats().hitRate()).isGreaterThan(0.8);
    }

    @Test
    void concurrentUpdatesAndReads_readersNeverGoBackInTime() throws Exception {
        createPeople(4);
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                long id = 1 + w;
                done.add(writers.submit(() -> {
                    for (int n = 1; n <= 300; n++) {
                        update(id, "v" + n + "-" + id);
                    }
                }));
            }
            // A reader that sees version n of a row must never see an older one afterwards.
            CompletableFuture<int[]> reads = CompletableFuture.supplyAsync(() -> {
                int[] last = new int[3];
                while (!done.stream().allMatch(Future::isDone)) {
                    for (int id = 1; id <= 2; id++) {
                        String v = name(id);
                        int n = Integer.parseInt(v.substring(1, v.indexOf('-')));
                        if (n < last[id]) {
                            return new int[] {id, last[id], n};
                        }
                        last[id] = n;
                    }
                }
                return new int[0];
            }, pool);
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            assertThat(reads.get(60, TimeUnit.SECONDS)).as("row, seen, then older").isEmpty();
            assertThat(Arrays.asList(name(1), name(2))).containsExactly("v300-1", "v300-2");
        } finally {
            writers.shutdownNow();
            writers.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
