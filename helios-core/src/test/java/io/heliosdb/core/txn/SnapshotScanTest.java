package io.heliosdb.core.txn;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.SqlType;
import io.heliosdb.api.config.StorageConfig;
import io.heliosdb.spi.StorageEngine;
import io.heliosdb.spi.StorageEngineProvider;
import io.heliosdb.sql.RowCursor;
import io.heliosdb.sql.schema.ColumnDef;
import io.heliosdb.sql.schema.TableDef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Scans decode rows in place and copy row keys lazily: what they return must not change for it. */
class SnapshotScanTest {
    @TempDir
    Path dir;

    private StorageEngine open(String engine) {
        StorageEngineProvider provider = ServiceLoader.load(StorageEngineProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals(engine)).findFirst().orElseThrow();
        return provider.open(engine.equals("memory") ? StorageConfig.defaults().withMemoryOnly()
                : StorageConfig.defaults().withPath(dir.resolve("db")));
    }

    private static TableDef items() {
        return new TableDef(0, "items", List.of(new ColumnDef("id", SqlType.BIGINT, -1, true, null),
                new ColumnDef("note", SqlType.TEXT, -1, false, null)), List.of(0));
    }

    private static void write(TransactionalStore store, Consumer<TableRows> work) {
        Transaction t = store.begin();
        try (StatementReads reads = store.openReads(t)) {
            work.accept(new TableRows(store, t, reads));
        }
        store.commit(t);
    }

    /** Each row with its row key, as a lookup by the row's own id finds it. */
    private static List<List<Object>> scanWithKeys(TableRows tables, TableDef table) {
        List<List<Object>> out = new ArrayList<>();
        try (RowCursor rows = tables.scan(table)) {
            while (rows.next()) {
                byte[] key = rows.rowKey();
                try (RowCursor same = tables.lookup(table, new Object[] {rows.row()[0]})) {
                    assertThat(same.next()).isTrue();
                    assertThat(key).isEqualTo(same.rowKey());
                }
                out.add(Arrays.asList(rows.row()));
            }
            assertThat(rows.rowKey()).isNull();
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb", "lmdb"})
    void scanAtAnOlderSnapshot_seesReplacedAndDeletedRowsAsTheyWere(String engineName) {
        try (StorageEngine engine = open(engineName)) {
            TransactionalStore store = new TransactionalStore(engine, true);
            write(store, tables -> {
                TableDef t = tables.createTable(items());
                for (long id = 1; id <= 4; id++) {
                    tables.insert(t, new Object[] {id, "v1-" + id});
                }
            });
            TableDef t = store.catalog().snapshot().table("items").orElseThrow();
            Transaction old = store.begin();
            try (StatementReads oldReads = store.openReads(old)) {
                write(store, tables -> {
                    try (RowCursor rows = tables.scan(t)) {
                        while (rows.next()) {
                            long id = (Long) rows.row()[0];
                            if (id == 2) {
                                tables.update(t, rows.rowKey(), new Object[] {2L, "v2-2"});
                            } else if (id == 3) {
                                tables.delete(t, rows.rowKey());
                            }
                        }
                    }
                    tables.insert(t, new Object[] {5L, "v2-5"});
                });
                assertThat(scanWithKeys(new TableRows(store, old, oldReads), t)).containsExactly(
                        List.of(1L, "v1-1"), List.of(2L, "v1-2"), List.of(3L, "v1-3"), List.of(4L, "v1-4"));
            } finally {
                store.rollback(old);
            }
            Transaction now = store.begin();
            try (StatementReads reads = store.openReads(now)) {
                assertThat(scanWithKeys(new TableRows(store, now, reads), t)).containsExactly(
                        List.of(1L, "v1-1"), List.of(2L, "v2-2"), List.of(4L, "v1-4"), List.of(5L, "v2-5"));
            } finally {
                store.rollback(now);
            }
        }
    }
}
