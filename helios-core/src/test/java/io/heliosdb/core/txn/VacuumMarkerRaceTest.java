package io.heliosdb.core.txn;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.SqlType;
import io.heliosdb.api.config.StorageConfig;
import io.heliosdb.core.catalog.CatalogKeys;
import io.heliosdb.spi.StorageEngine;
import io.heliosdb.spi.StorageEngineProvider;
import io.heliosdb.spi.WriteBatch;
import io.heliosdb.sql.RowCursor;
import io.heliosdb.sql.schema.ColumnDef;
import io.heliosdb.sql.schema.IndexDef;
import io.heliosdb.sql.schema.TableDef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Vacuum removing an index entry's deletion marker while a commit re-inserts the same entry. Index
 * entries are written without a lock on their key (only under the lock of their row), so vacuum's
 * try-lock of the entry key does not keep that commit out: without excluding group writes, the commit
 * lands between vacuum's re-read (a marker) and its delete, and the live entry is deleted for good.
 */
class VacuumMarkerRaceTest {
    private static final TableDef DEF = new TableDef(0, "t", List.of(
            new ColumnDef("id", SqlType.BIGINT, -1, true, null),
            new ColumnDef("owner", SqlType.TEXT, -1, false, null)), List.of(0));
    private static final IndexDef OWNER = new IndexDef("t_owner", "t", List.of(1), List.of(false), true);

    @TempDir
    Path dir;

    /** Pauses the vacuum thread's removal of an index entry's deletion marker, before it reaches storage. */
    private static final class PausingMarkerRemoval extends ForwardingStorageEngine {
        volatile Thread vacuum;
        final CountDownLatch paused = new CountDownLatch(1);
        final CountDownLatch resume = new CountDownLatch(1);

        PausingMarkerRemoval(StorageEngine delegate) {
            super(delegate);
        }

        @Override
        public void write(WriteBatch batch, boolean sync) {
            if (Thread.currentThread() == vacuum && batch.ops().stream()
                    .anyMatch(op -> op.isDelete() && op.keyspace().equals(CatalogKeys.INDEXES))) {
                vacuum = null;
                paused.countDown();
                try {
                    if (!resume.await(60, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the test never resumed vacuum");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            delegate.write(batch, sync);
        }
    }

    private StorageEngine open(String engine) {
        StorageEngineProvider provider = ServiceLoader.load(StorageEngineProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals(engine)).findFirst().orElseThrow();
        return provider.open(engine.equals("memory") ? StorageConfig.defaults().withMemoryOnly()
                : StorageConfig.defaults().withPath(dir.resolve("db")));
    }

    private static void write(TransactionalStore store, Consumer<TableRows> work) {
        Transaction t = store.begin();
        try (StatementReads reads = store.openReads(t)) {
            work.accept(new TableRows(store, t, reads));
        }
        store.commit(t);
    }

    private static void setOwner(TransactionalStore store, long id, String owner) {
        write(store, rows -> {
            TableDef t = rows.table("t").orElseThrow();
            try (RowCursor c = rows.lookup(t, new Object[] {id})) {
                assertThat(c.next()).isTrue();
                rows.update(t, c.rowKey(), new Object[] {id, owner});
            }
        });
    }

    private static List<Long> idsOwnedBy(TransactionalStore store, String owner) {
        Transaction t = store.begin();
        try (StatementReads reads = store.openReads(t);
             RowCursor c = new TableRows(store, t, reads).indexScan(OWNER, new Object[] {owner}, true,
                     new Object[] {owner}, true, false)) {
            List<Long> ids = new ArrayList<>();
            while (c.next()) {
                ids.add((Long) c.row()[0]);
            }
            return ids;
        } finally {
            store.rollback(t);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void entryReinsertedWhileVacuumRemovesItsMarker_staysIndexed(String engineName) throws Exception {
        PausingMarkerRemoval engine = new PausingMarkerRemoval(open(engineName));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (engine; TransactionalStore store = new TransactionalStore(engine, false)) {
            write(store, rows -> {
                TableDef t = rows.createTable(DEF);
                rows.createIndex(OWNER);
                rows.insert(t, new Object[] {1L, "a"});
            });
            setOwner(store, 1, "b"); // entry (a, row 1) now holds a deletion marker
            Future<VersionVacuum.Result> vacuum = pool.submit(() -> {
                engine.vacuum = Thread.currentThread();
                return store.vacuum();
            });
            assertThat(engine.paused.await(60, TimeUnit.SECONDS)).isTrue();
            // vacuum has re-read the marker and is about to delete it; row 1 takes owner "a" back
            Future<?> commit = pool.submit(() -> setOwner(store, 1, "a"));
            while (!commit.isDone() && !store.committer().writeWaiting()) {
                Thread.onSpinWait(); // until the commit has written, or waits for vacuum to finish its removal
            }
            engine.resume.countDown();
            vacuum.get(60, TimeUnit.SECONDS);
            commit.get(60, TimeUnit.SECONDS);

            assertThat(idsOwnedBy(store, "a")).containsExactly(1L);
            assertThat(idsOwnedBy(store, "b")).isEmpty();
            store.vacuum();
            assertThat(idsOwnedBy(store, "a")).containsExactly(1L);
        } finally {
            engine.resume.countDown();
            pool.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
    }
}
