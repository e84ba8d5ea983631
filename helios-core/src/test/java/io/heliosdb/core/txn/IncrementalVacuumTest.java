package io.heliosdb.core.txn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.SqlType;
import io.heliosdb.api.config.StorageConfig;
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
import java.util.function.Consumer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The background vacuum pass visits the history versions written since the last pass (and what that one kept)
 * instead of scanning the whole versions keyspace; it scans everything when that record may be incomplete.
 */
class IncrementalVacuumTest {
    private static final TableDef DEF = new TableDef(0, "t", List.of(
            new ColumnDef("id", SqlType.BIGINT, -1, true, null),
            new ColumnDef("n", SqlType.BIGINT, -1, false, null)), List.of(0));
    private static final int ROWS = 20;

    @TempDir
    Path dir;

    /** Counts scans of the whole versions keyspace; fails the next write when told to. */
    private static final class WatchedEngine extends ForwardingStorageEngine {
        int fullVersionScans;
        volatile boolean failNextWrite;

        WatchedEngine(StorageEngine delegate) {
            super(delegate);
        }

        @Override
        public KvCursor scan(String keyspace, byte[] from, byte[] to, boolean reverse) {
            if (keyspace.equals(VersionLayout.VERSIONS) && from == null && to == null) {
                fullVersionScans++;
            }
            return delegate.scan(keyspace, from, to, reverse);
        }

        @Override
        public void write(WriteBatch batch, boolean sync) {
            if (failNextWrite) {
                failNextWrite = false;
                throw new IllegalStateException("injected write failure");
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

    private static void updateAll(TransactionalStore store, long value) {
        write(store, rows -> {
            TableDef t = rows.table("t").orElseThrow();
            for (long id = 0; id < ROWS; id++) {
                try (RowCursor c = rows.lookup(t, new Object[] {id})) {
                    assertThat(c.next()).isTrue();
                    rows.update(t, c.rowKey(), new Object[] {id, value});
                }
            }
        });
    }

    private static void load(TransactionalStore store) {
        write(store, rows -> {
            TableDef t = rows.createTable(DEF);
            for (long id = 0; id < ROWS; id++) {
                rows.insert(t, new Object[] {id, 0L});
            }
        });
    }

    private static long versions(WatchedEngine engine) {
        long n = 0;
        try (KvCursor c = engine.delegate.scan(VersionLayout.VERSIONS, null, null, false)) {
            while (c.next()) {
                n++;
            }
        }
        return n;
    }

    private static long valueSeenBy(TransactionalStore store, Transaction t, long id) {
        try (StatementReads reads = store.openReads(t);
             RowCursor c = new TableRows(store, t, reads).lookup(store.catalog().snapshot().table("t").orElseThrow(),
                     new Object[] {id})) {
            assertThat(c.next()).isTrue();
            return (Long) c.row()[1];
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void backgroundPass_visitsWhatWasWritten_withoutScanningAllHistory(String engineName) {
        try (WatchedEngine engine = new WatchedEngine(open(engineName));
             TransactionalStore store = new TransactionalStore(engine, false)) {
            store.vacuumWritten(); // the first pass scans all: versions may predate the store
            assertThat(engine.fullVersionScans).isEqualTo(1);
            load(store);
            for (long round = 1; round <= 5; round++) {
                updateAll(store, round);
            }
            Transaction old = store.begin(IsolationLevel.REPEATABLE_READ);
            assertThat(valueSeenBy(store, old, 7)).isEqualTo(5L);
            updateAll(store, 6);
            assertThat(versions(engine)).isEqualTo(6L * ROWS);

            VersionVacuum.Result result = store.vacuumWritten();
            assertThat(engine.fullVersionScans).isEqualTo(1);
            assertThat(result.versionsRemoved()).isEqualTo(5L * ROWS);
            assertThat(versions(engine)).isEqualTo(ROWS); // what the open snapshot reads
            assertThat(valueSeenBy(store, old, 7)).isEqualTo(5L);

            // What the pass kept, it visits again once the snapshot is gone.
            store.rollback(old);
            store.vacuumWritten();
            assertThat(versions(engine)).isZero();
            assertThat(engine.fullVersionScans).isEqualTo(1);

            store.vacuum(); // VACUUM always scans all
            assertThat(engine.fullVersionScans).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void versionsStoredBeforeTheStoreOpened_goInItsFirstBackgroundPass(String engineName) {
        try (WatchedEngine engine = new WatchedEngine(open(engineName))) {
            try (TransactionalStore store = new TransactionalStore(engine, false)) {
                load(store);
                updateAll(store, 1);
                updateAll(store, 2);
            }
            assertThat(versions(engine)).isEqualTo(2L * ROWS);
            try (TransactionalStore store = new TransactionalStore(engine, false)) {
                store.vacuumWritten();
                assertThat(engine.fullVersionScans).isEqualTo(1);
                assertThat(versions(engine)).isZero();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void aFailedCommit_makesTheNextPassScanAll(String engineName) {
        try (WatchedEngine engine = new WatchedEngine(open(engineName));
             TransactionalStore store = new TransactionalStore(engine, false)) {
            load(store);
            store.vacuumWritten();
            assertThat(engine.fullVersionScans).isEqualTo(1);
            updateAll(store, 1);
            engine.failNextWrite = true;
            assertThatThrownBy(() -> updateAll(store, 2)).isInstanceOf(RuntimeException.class);
            store.vacuumWritten();
            assertThat(engine.fullVersionScans).isEqualTo(2);
            assertThat(versions(engine)).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory"})
    void everyFewPasses_oneScansAll(String engineName) {
        try (WatchedEngine engine = new WatchedEngine(open(engineName));
             TransactionalStore store = new TransactionalStore(engine, false)) {
            store.vacuumWritten();
            for (int pass = 1; pass < TransactionalStore.SCAN_EVERY; pass++) {
                store.vacuumWritten();
            }
            assertThat(engine.fullVersionScans).isEqualTo(1);
            store.vacuumWritten();
            assertThat(engine.fullVersionScans).isEqualTo(2);
        }
    }
}
