package io.heliosdb.core.txn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.api.config.StorageConfig;
import io.heliosdb.spi.StorageEngine;
import io.heliosdb.spi.StorageEngineProvider;
import io.heliosdb.sql.RowCursor;
import io.heliosdb.sql.schema.ColumnDef;
import io.heliosdb.sql.schema.TableDef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransactionalStoreTest {
    @TempDir
    Path dir;

    private StorageEngine open(String engine) {
        StorageEngineProvider provider = ServiceLoader.load(StorageEngineProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals(engine)).findFirst().orElseThrow();
        StorageConfig config = engine.equals("memory") ? StorageConfig.defaults().withMemoryOnly()
                : StorageConfig.defaults().withPath(dir.resolve("db"));
        return provider.open(config);
    }

    private static TableDef people() {
        return new TableDef(0, "people", List.of(new ColumnDef("id", SqlType.BIGINT, -1, true, null),
                new ColumnDef("name", SqlType.TEXT, -1, false, null)), List.of(0));
    }

    private static TableDef log() {
        return new TableDef(0, "log", List.of(new ColumnDef("msg", SqlType.TEXT, -1, false, null)), List.of());
    }

    private static List<List<Object>> rows(RowCursor cursor) {
        List<List<Object>> out = new ArrayList<>();
        try (cursor) {
            while (cursor.next()) {
                out.add(java.util.Arrays.asList(cursor.row()));
            }
        }
        return out;
    }

    private static void write(TransactionalStore store, java.util.function.Consumer<TableRows> work) {
        Transaction t = store.begin();
        try (StatementReads reads = store.openReads(t)) {
            work.accept(new TableRows(store, t, reads));
        } catch (RuntimeException e) {
            store.rollback(t);
            throw e;
        }
        store.commit(t);
    }

    private static <T> T read(TransactionalStore store, java.util.function.Function<TableRows, T> work) {
        Transaction t = store.begin();
        try (StatementReads reads = store.openReads(t)) {
            return work.apply(new TableRows(store, t, reads));
        } finally {
            store.rollback(t);
        }
    }

    private static List<List<Object>> readRows(TransactionalStore store,
                                               java.util.function.Function<TableRows, RowCursor> work) {
        return read(store, tables -> rows(work.apply(tables)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void rowsAndCatalog_areStoredInPrimaryKeyOrder(String engineName) {
        try (StorageEngine engine = open(engineName)) {
            TransactionalStore store = new TransactionalStore(engine, true);
            write(store, tables -> {
                TableDef t = tables.createTable(people());
                assertThat(t.id()).isEqualTo(1);
                tables.insert(t, new Object[] {10L, "ten"});
                tables.insert(t, new Object[] {-5L, "minus five"});
                tables.insert(t, new Object[] {3L, null});
            });
            TableDef t = store.catalog().snapshot().table("people").orElseThrow();
            assertThat(readRows(store, tables -> tables.scan(t)))
                    .extracting(r -> r.get(0)).containsExactly(-5L, 3L, 10L);
            assertThat(readRows(store, tables -> tables.lookup(t, new Object[] {3L})))
                    .containsExactly(java.util.Arrays.asList(3L, null));
            assertThat(readRows(store, tables -> tables.lookup(t, new Object[] {4L}))).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void tableWithoutPrimaryKey_keepsInsertionOrderByRowId(String engineName) {
        try (StorageEngine engine = open(engineName)) {
            TransactionalStore store = new TransactionalStore(engine, false);
            write(store, tables -> {
                TableDef t = tables.createTable(log());
                for (String m : new String[] {"c", "a", "b", "a"}) {
                    tables.insert(t, new Object[] {m});
                }
            });
            write(store, tables -> tables.insert(tables.table("log").orElseThrow(), new Object[] {"z"}));
            TableDef t = store.catalog().snapshot().table("log").orElseThrow();
            assertThat(readRows(store, tables -> tables.scan(t))).extracting(r -> r.get(0))
                    .containsExactly("c", "a", "b", "a", "z");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void updateChangingTheKey_movesTheRowOrFailsOnDuplicate(String engineName) {
        try (StorageEngine engine = open(engineName)) {
            TransactionalStore store = new TransactionalStore(engine, true);
            write(store, tables -> {
                TableDef t = tables.createTable(people());
                tables.insert(t, new Object[] {1L, "a"});
                tables.insert(t, new Object[] {2L, "b"});
            });
            TableDef t = store.catalog().snapshot().table("people").orElseThrow();
            write(store, tables -> {
                try (RowCursor c = tables.lookup(t, new Object[] {1L})) {
                    c.next();
                    tables.update(t, c.rowKey(), new Object[] {5L, "a moved"});
                }
            });
            assertThat(readRows(store, tables -> tables.scan(t))).extracting(r -> r.get(0))
                    .containsExactly(2L, 5L);
            assertThatThrownBy(() -> write(store, tables -> {
                try (RowCursor c = tables.lookup(t, new Object[] {2L})) {
                    c.next();
                    tables.update(t, c.rowKey(), new Object[] {5L, "clash"});
                }
            })).isInstanceOfSatisfying(HeliosException.class, e -> {
                assertThat(e.sqlState()).isEqualTo(SqlState.UNIQUE_VIOLATION);
                assertThat(e.detail()).isEqualTo("Key (id)=(5) already exists.");
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void dropTable_removesRowsAndCatalogEntry(String engineName) {
        try (StorageEngine engine = open(engineName)) {
            TransactionalStore store = new TransactionalStore(engine, true);
            write(store, tables -> {
                TableDef t = tables.createTable(people());
                tables.insert(t, new Object[] {1L, "a"});
            });
            TableDef t = store.catalog().snapshot().table("people").orElseThrow();
            long version = store.catalog().snapshot().version();
            write(store, tables -> tables.dropTable(t));
            assertThat(store.catalog().snapshot().table("people")).isEmpty();
            assertThat(store.catalog().snapshot().version()).isGreaterThan(version);
            assertThat(readRows(store, tables -> tables.scan(t))).isEmpty();
            write(store, tables -> assertThat(tables.createTable(people()).id()).isEqualTo(2));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"rocksdb"})
    void reopen_loadsCatalogAndRows(String engineName) {
        try (StorageEngine engine = open(engineName)) {
            TransactionalStore store = new TransactionalStore(engine, true);
            write(store, tables -> {
                TableDef t = tables.createTable(people());
                tables.insert(t, new Object[] {42L, "kept"});
                tables.createTable(log());
            });
        }
        try (StorageEngine engine = open(engineName)) {
            TransactionalStore store = new TransactionalStore(engine, true);
            assertThat(store.catalog().snapshot().tables()).containsOnlyKeys("people", "log");
            TableDef t = store.catalog().snapshot().table("people").orElseThrow();
            assertThat(t).isEqualTo(people().withId(1));
            assertThat(readRows(store, tables -> tables.scan(t))).containsExactly(List.of(42L, "kept"));
            write(store, tables -> assertThat(tables.createTable(
                    new TableDef(0, "third", log().columns(), List.of())).id()).isEqualTo(3));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory"})
    void rollback_leavesNothingBehind(String engineName) {
        try (StorageEngine engine = open(engineName)) {
            TransactionalStore store = new TransactionalStore(engine, true);
            Transaction t = store.begin();
            try (StatementReads reads = store.openReads(t)) {
                TableRows tables = new TableRows(store, t, reads);
                tables.insert(tables.createTable(people()), new Object[] {1L, "x"});
                assertThat(tables.table("people")).isPresent();
            }
            store.rollback(t);
            assertThat(store.locks().lockedKeys()).isZero();
            assertThat(store.catalog().snapshot().tables()).isEmpty();
            java.util.Optional<TableDef> seen = read(store, tables -> tables.table("people"));
            assertThat(seen).isEmpty();
        }
    }
}
