package io.heliosdb.core.txn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.api.config.StorageConfig;
import io.heliosdb.core.catalog.CatalogKeys;
import io.heliosdb.spi.StorageEngine;
import io.heliosdb.spi.StorageEngineProvider;
import io.heliosdb.spi.WriteBatch;
import io.heliosdb.sql.RowCursor;
import io.heliosdb.sql.schema.ColumnDef;
import io.heliosdb.sql.schema.TableDef;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An INSERT's primary key above every key its table has stored skips the storage read of its
 * uniqueness check ({@link RowKeyCeilings}); every key that is taken must still be 23505, however it
 * got into storage: an earlier commit, a commit the inserter waited for, a commit before a reopen, or a
 * commit whose write failed after reaching the engine.
 */
class RowKeyCeilingsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void ascendingInserts_readNoStoredVersion(String engineName) {
        try (CountingEngine engine = new CountingEngine(open(engineName))) {
            TransactionalStore store = new TransactionalStore(engine, true);
            TableDef t = createPeople(store);
            insert(store, t, 1L);
            engine.rowGets.set(0);
            for (long id = 2; id <= 50; id++) {
                insert(store, t, id);
            }
            assertThat(engine.rowGets).hasValue(0);
            // A key below the ceiling is read, and found taken.
            assertDuplicate(() -> insert(store, t, 20L), 20L);
            assertThat(engine.rowGets.get()).isPositive();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void insert_ofAKeyCommittedAfterTheCeilingLoaded_isADuplicate(String engineName) {
        try (StorageEngine engine = open(engineName)) {
            TransactionalStore store = new TransactionalStore(engine, true);
            TableDef t = createPeople(store);
            insert(store, t, 1L); // loads the empty table's ceiling, then raises it
            assertDuplicate(() -> insert(store, t, 1L), 1L);
            write(store, rows -> {
                rows.insert(t, row(5L));
                rows.insert(t, row(3L));
            });
            for (long taken : new long[] {5L, 3L, 1L}) {
                assertDuplicate(() -> insert(store, t, taken), taken);
            }
            insert(store, t, 4L);
            insert(store, t, 6L);
            assertThat(ids(store, t)).containsExactly(1L, 3L, 4L, 5L, 6L);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void insert_ofADeletedGreatestKey_succeeds(String engineName) {
        try (StorageEngine engine = open(engineName)) {
            TransactionalStore store = new TransactionalStore(engine, true);
            TableDef t = createPeople(store);
            insert(store, t, 1L);
            insert(store, t, 2L);
            write(store, rows -> {
                try (RowCursor c = rows.lookup(t, new Object[] {2L})) {
                    assertThat(c.next()).isTrue();
                    rows.delete(t, c.rowKey());
                }
            });
            insert(store, t, 2L);
            assertThat(ids(store, t)).containsExactly(1L, 2L);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void waitingInserter_findsTheKeyTheHolderCommitted(String engineName) throws Exception {
        try (StorageEngine engine = open(engineName)) {
            TransactionalStore store = new TransactionalStore(engine, true);
            TableDef t = createPeople(store);
            insert(store, t, 1L);
            Transaction holder = store.begin();
            try (StatementReads reads = store.openReads(holder)) {
                new TableRows(store, holder, reads).insert(t, row(7L));
            }
            CompletableFuture<Void> waiter = CompletableFuture.runAsync(() -> insert(store, t, 7L));
            while (!waiter.isDone() && store.locks().waiters() == 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000); // until it waits for the lock on key 7
            }
            store.commit(holder);
            assertThatThrownBy(() -> waiter.get(30, TimeUnit.SECONDS))
                    .satisfies(e -> assertThat(e.getCause()).isInstanceOfSatisfying(HeliosException.class,
                            h -> assertThat(h.sqlState()).isEqualTo(SqlState.UNIQUE_VIOLATION)));
            assertThat(ids(store, t)).containsExactly(1L, 7L);
        }
    }

    @Test
    void reopen_loadsTheGreatestStoredKey() {
        try (StorageEngine engine = open("rocksdb")) {
            TransactionalStore store = new TransactionalStore(engine, true);
            TableDef t = createPeople(store);
            insert(store, t, 1L);
            insert(store, t, 9L);
        }
        try (StorageEngine engine = open("rocksdb")) {
            TransactionalStore store = new TransactionalStore(engine, true);
            TableDef t = store.catalog().snapshot().table("people").orElseThrow();
            assertDuplicate(() -> insert(store, t, 9L), 9L);
            insert(store, t, 10L);
            assertThat(ids(store, t)).containsExactly(1L, 9L, 10L);
        }
    }

    @Test
    void failedCommitThatReachedTheEngine_stillMakesItsKeysDuplicates() {
        try (CountingEngine engine = new CountingEngine(open("memory"))) {
            TransactionalStore store = new TransactionalStore(engine, true);
            TableDef t = createPeople(store);
            insert(store, t, 1L);
            engine.failNextWriteAfterApplying = true; // as a failed sync: the batch is in the engine
            assertThatThrownBy(() -> insert(store, t, 2L)).isInstanceOfSatisfying(HeliosException.class,
                    e -> assertThat(e.sqlState()).isEqualTo(SqlState.IO_ERROR));
            assertDuplicate(() -> insert(store, t, 2L), 2L);
            insert(store, t, 3L);
        }
    }

    private StorageEngine open(String engine) {
        StorageEngineProvider provider = ServiceLoader.load(StorageEngineProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals(engine)).findFirst().orElseThrow();
        StorageConfig config = engine.equals("memory") ? StorageConfig.defaults().withMemoryOnly()
                : StorageConfig.defaults().withPath(dir.resolve("db"));
        return provider.open(config);
    }

    private static TableDef createPeople(TransactionalStore store) {
        write(store, rows -> rows.createTable(new TableDef(0, "people",
                List.of(new ColumnDef("id", SqlType.BIGINT, -1, true, null),
                        new ColumnDef("name", SqlType.TEXT, -1, false, null)), List.of(0))));
        return store.catalog().snapshot().table("people").orElseThrow();
    }

    private static Object[] row(long id) {
        return new Object[] {id, "n" + id};
    }

    private static void insert(TransactionalStore store, TableDef t, long id) {
        write(store, rows -> rows.insert(t, row(id)));
    }

    private static void write(TransactionalStore store, Consumer<TableRows> work) {
        Transaction t = store.begin();
        try (StatementReads reads = store.openReads(t)) {
            work.accept(new TableRows(store, t, reads));
        } catch (RuntimeException e) {
            store.rollback(t);
            throw e;
        }
        store.commit(t);
    }

    private static void assertDuplicate(Runnable insert, long id) {
        assertThatThrownBy(insert::run).isInstanceOfSatisfying(HeliosException.class, e -> {
            assertThat(e.sqlState()).isEqualTo(SqlState.UNIQUE_VIOLATION);
            assertThat(e.detail()).isEqualTo("Key (id)=(" + id + ") already exists.");
        });
    }

    private static List<Long> ids(TransactionalStore store, TableDef t) {
        Transaction tx = store.begin();
        try (StatementReads reads = store.openReads(tx); RowCursor c = new TableRows(store, tx, reads).scan(t)) {
            List<Long> out = new java.util.ArrayList<>();
            while (c.next()) {
                out.add((Long) c.row()[0]);
            }
            return out;
        } finally {
            store.rollback(tx);
        }
    }

    /** Counts gets of row keys; can fail a write after applying it (a sync that failed after the data reached the engine). */
    private static final class CountingEngine extends ForwardingStorageEngine {
        final AtomicInteger rowGets = new AtomicInteger();
        volatile boolean failNextWriteAfterApplying;

        CountingEngine(StorageEngine delegate) {
            super(delegate);
        }

        @Override
        public byte[] get(String keyspace, byte[] key) {
            if (keyspace.equals(CatalogKeys.ROWS)) {
                rowGets.incrementAndGet();
            }
            return delegate.get(keyspace, key);
        }

        @Override
        public void write(WriteBatch batch, boolean sync) {
            delegate.write(batch, sync);
            if (failNextWriteAfterApplying) {
                failNextWriteAfterApplying = false;
                throw new HeliosException(SqlState.IO_ERROR, "sync failed");
            }
        }

    }
}
