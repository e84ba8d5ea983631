package io.heliosdb.core.txn;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.SqlType;
import io.heliosdb.api.config.StorageConfig;
import io.heliosdb.core.catalog.CatalogKeys;
import io.heliosdb.spi.KvCursor;
import io.heliosdb.spi.StorageEngine;
import io.heliosdb.spi.StorageEngineProvider;
import io.heliosdb.spi.WriteBatch;
import io.heliosdb.sql.RowCursor;
import io.heliosdb.sql.schema.ColumnDef;
import io.heliosdb.sql.schema.TableDef;
import java.nio.file.Path;
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
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A deleted row's history must leave storage in the same write as its deletion marker, and history
 * whose plain key is gone must be reclaimed. Were the marker removed first, a fresh insert of the key
 * in between would write no history of its own, and a snapshot older than that insert would read the
 * dead row's last version (the plain key is newer, so the reader looks into history); and a crash in
 * between would leave that history for good, as no pass ever removed history without a plain key.
 */
class VacuumHistoryTest {
    private static final TableDef DEF = new TableDef(0, "t", List.of(
            new ColumnDef("id", SqlType.BIGINT, -1, true, null),
            new ColumnDef("owner", SqlType.TEXT, -1, false, null)), List.of(0));

    @TempDir
    Path dir;

    /**
     * Pauses the vacuum thread before any write it makes after one that removed a row's deletion
     * marker, until the test lets it go: the moment between the marker's removal and its history's.
     */
    private static final class PauseAfterMarkerRemoval extends ForwardingStorageEngine {
        volatile Thread vacuum;
        private boolean markerRemoved;
        /** Counted down when vacuum pauses (and by the test when vacuum ends without pausing). */
        final CountDownLatch reached = new CountDownLatch(1);
        final CountDownLatch resume = new CountDownLatch(1);

        PauseAfterMarkerRemoval(StorageEngine delegate) {
            super(delegate);
        }

        @Override
        public void write(WriteBatch batch, boolean sync) {
            if (Thread.currentThread() == vacuum) {
                if (markerRemoved) {
                    vacuum = null;
                    reached.countDown();
                    try {
                        if (!resume.await(60, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("the test never resumed vacuum");
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }
                markerRemoved |= batch.ops().stream().anyMatch(op -> op.isDelete()
                        && op.keyspace().equals(CatalogKeys.ROWS));
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

    private static void deleteRow(TransactionalStore store, long id) {
        write(store, rows -> {
            TableDef t = rows.table("t").orElseThrow();
            try (RowCursor c = rows.lookup(t, new Object[] {id})) {
                assertThat(c.next()).isTrue();
                rows.delete(t, c.rowKey());
            }
        });
    }

    private static byte[] rowKey(TransactionalStore store, long id) {
        Transaction t = store.begin();
        try (StatementReads reads = store.openReads(t);
             RowCursor c = new TableRows(store, t, reads).lookup(store.catalog().snapshot().table("t").orElseThrow(),
                     new Object[] {id})) {
            assertThat(c.next()).isTrue();
            return c.rowKey();
        } finally {
            store.rollback(t);
        }
    }

    /** The owner of row {@code id} as {@code t} sees it, or null when it sees no such row. */
    private static Object ownerSeenBy(TransactionalStore store, Transaction t, long id) {
        try (StatementReads reads = store.openReads(t);
             RowCursor c = new TableRows(store, t, reads).lookup(store.catalog().snapshot().table("t").orElseThrow(),
                     new Object[] {id})) {
            return c.next() ? c.row()[1] : null;
        }
    }

    private static long count(StorageEngine engine, String keyspace) {
        long n = 0;
        try (KvCursor c = engine.scan(keyspace, null, null, false)) {
            while (c.next()) {
                n++;
            }
        }
        return n;
    }

    /** {@code written}: the background pass over the versions written since the last one, else a full VACUUM. */
    private static VersionVacuum.Result vacuum(TransactionalStore store, boolean written) {
        return written ? store.vacuumWritten() : store.vacuum();
    }

    @ParameterizedTest
    @CsvSource({"memory,false", "memory,true", "rocksdb,false", "rocksdb,true"})
    void rowInsertedAgainJustAfterItsMarkerWentAway_isNotSeenByAnOlderSnapshot(String engineName, boolean written)
            throws Exception {
        PauseAfterMarkerRemoval engine = new PauseAfterMarkerRemoval(open(engineName));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (engine; TransactionalStore store = new TransactionalStore(engine, false)) {
            write(store, rows -> rows.insert(rows.createTable(DEF), new Object[] {1L, "old"}));
            vacuum(store, written); // a first background pass scans all: the next one visits what was written
            deleteRow(store, 1); // a deletion marker over one history version
            Future<VersionVacuum.Result> vacuum = pool.submit(() -> {
                engine.vacuum = Thread.currentThread();
                try {
                    return vacuum(store, written);
                } finally {
                    engine.reached.countDown();
                }
            });
            // Vacuum has either finished or removed the marker and stopped before its next write.
            assertThat(engine.reached.await(60, TimeUnit.SECONDS)).isTrue();

            Transaction older = store.begin(IsolationLevel.REPEATABLE_READ);
            assertThat(ownerSeenBy(store, older, 1)).isNull();
            write(store, rows -> rows.insert(rows.table("t").orElseThrow(), new Object[] {1L, "new"}));
            assertThat(ownerSeenBy(store, older, 1)).isNull();

            engine.resume.countDown();
            VersionVacuum.Result result = vacuum.get(60, TimeUnit.SECONDS);
            assertThat(result.deletionsRemoved()).isEqualTo(1);
            assertThat(ownerSeenBy(store, older, 1)).isNull();
            store.rollback(older);
            Transaction now = store.begin();
            assertThat(ownerSeenBy(store, now, 1)).isEqualTo("new");
            store.rollback(now);
        } finally {
            engine.resume.countDown();
            pool.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    @ParameterizedTest
    @CsvSource({"memory,false", "memory,true", "rocksdb,false", "rocksdb,true"})
    void historyWhosePlainKeyIsGone_isReclaimed(String engineName, boolean written) {
        try (StorageEngine engine = open(engineName); TransactionalStore store = new TransactionalStore(engine, false)) {
            vacuum(store, written);
            write(store, rows -> {
                TableDef t = rows.createTable(DEF);
                rows.insert(t, new Object[] {1L, "a"});
                rows.insert(t, new Object[] {2L, "a"});
            });
            setOwner(store, 1, "b");
            setOwner(store, 1, "c");
            Transaction reader = store.begin(IsolationLevel.REPEATABLE_READ);
            assertThat(ownerSeenBy(store, reader, 2)).isEqualTo("a");
            setOwner(store, 2, "b");
            assertThat(count(engine, VersionLayout.VERSIONS)).isEqualTo(3);
            // What a crash between removing a marker and removing its history left behind before they were one write.
            engine.write(new WriteBatch().delete(CatalogKeys.ROWS, rowKey(store, 1)), false);

            VersionVacuum.Result result = vacuum(store, written);
            assertThat(result.versionsRemoved()).isEqualTo(2);
            assertThat(count(engine, VersionLayout.VERSIONS)).isEqualTo(1); // row 2's, which the reader still reads
            assertThat(ownerSeenBy(store, reader, 2)).isEqualTo("a");
            assertThat(ownerSeenBy(store, reader, 1)).isNull();
            store.rollback(reader);

            vacuum(store, written);
            assertThat(count(engine, VersionLayout.VERSIONS)).isZero();
            assertThat(count(engine, CatalogKeys.ROWS)).isEqualTo(1);
        }
    }
}
