package io.heliosdb.core.txn;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.SqlType;
import io.heliosdb.api.config.StorageConfig;
import io.heliosdb.core.catalog.CatalogKeys;
import io.heliosdb.spi.KvCursor;
import io.heliosdb.spi.StorageEngine;
import io.heliosdb.spi.StorageEngineProvider;
import io.heliosdb.sql.RowCursor;
import io.heliosdb.sql.schema.ColumnDef;
import io.heliosdb.sql.schema.TableDef;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionVacuumTest {
    private static final int ROWS = 10;
    private static final int ROUNDS = 40;

    @TempDir
    Path dir;

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

    private static long count(StorageEngine engine, String keyspace) {
        long n = 0;
        try (KvCursor c = engine.scan(keyspace, null, null, false)) {
            while (c.next()) {
                n++;
            }
        }
        return n;
    }

    private static Object valueOf(TransactionalStore store, Transaction t, TableDef table, long id) {
        try (StatementReads reads = store.openReads(t);
             RowCursor c = new TableRows(store, t, reads).lookup(table, new Object[] {id})) {
            return c.next() ? c.row()[1] : null;
        }
    }

    /** {@code written}: the background pass over the versions written since the last one, else a full VACUUM. */
    private static VersionVacuum.Result vacuum(TransactionalStore store, boolean written) {
        return written ? store.vacuumWritten() : store.vacuum();
    }

    @ParameterizedTest
    @CsvSource({"memory,false", "memory,true", "rocksdb,false", "rocksdb,true"})
    void updateHeavyWorkload_versionsShrinkBackAfterVacuum(String engineName, boolean written) {
        try (StorageEngine engine = open(engineName); TransactionalStore store = new TransactionalStore(engine, false)) {
            vacuum(store, written); // the store's first background pass scans all: the next ones visit what was written
            TableDef def = new TableDef(0, "hot", List.of(new ColumnDef("id", SqlType.BIGINT, -1, true, null),
                    new ColumnDef("n", SqlType.BIGINT, -1, false, null)), List.of(0));
            write(store, rows -> {
                TableDef t = rows.createTable(def);
                for (long id = 0; id < ROWS; id++) {
                    rows.insert(t, new Object[] {id, 0L});
                }
            });
            TableDef table = store.catalog().snapshot().table("hot").orElseThrow();
            Transaction old = store.begin(IsolationLevel.REPEATABLE_READ);
            assertThat(valueOf(store, old, table, 3)).isEqualTo(0L);
            for (long round = 1; round <= ROUNDS; round++) {
                long value = round;
                write(store, rows -> {
                    for (long id = 0; id < ROWS; id++) {
                        try (RowCursor c = rows.lookup(table, new Object[] {id})) {
                            c.next();
                            rows.update(table, c.rowKey(), new Object[] {id, value});
                        }
                    }
                });
            }
            assertThat(count(engine, VersionLayout.VERSIONS)).isEqualTo((long) ROWS * ROUNDS);

            // The open snapshot keeps exactly the version it reads; everything between goes.
            vacuum(store, written);
            assertThat(valueOf(store, old, table, 3)).isEqualTo(0L);
            assertThat(count(engine, VersionLayout.VERSIONS)).isEqualTo(ROWS);

            store.rollback(old);
            vacuum(store, written);
            assertThat(count(engine, VersionLayout.VERSIONS)).isZero();
            Transaction now = store.begin();
            assertThat(valueOf(store, now, table, 3)).isEqualTo((long) ROUNDS);
            store.rollback(now);

            // Deleted rows leave markers until no snapshot can see the rows; then nothing is left.
            write(store, rows -> {
                try (RowCursor c = rows.scan(table)) {
                    while (c.next()) {
                        rows.delete(table, c.rowKey());
                    }
                }
            });
            assertThat(count(engine, CatalogKeys.ROWS)).isEqualTo(ROWS);
            VersionVacuum.Result result = vacuum(store, written);
            assertThat(result.deletionsRemoved()).isEqualTo(ROWS);
            assertThat(count(engine, CatalogKeys.ROWS)).isZero();
            assertThat(count(engine, VersionLayout.VERSIONS)).isZero();
            assertThat(store.openSnapshots()).isZero();
        }
    }
}
