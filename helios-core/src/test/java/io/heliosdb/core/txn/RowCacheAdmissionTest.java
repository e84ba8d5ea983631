package io.heliosdb.core.txn;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.SqlType;
import io.heliosdb.api.config.StorageConfig;
import io.heliosdb.core.catalog.CatalogKeys;
import io.heliosdb.spi.StorageEngine;
import io.heliosdb.spi.StorageEngineProvider;
import io.heliosdb.sql.RowCursor;
import io.heliosdb.sql.schema.ColumnDef;
import io.heliosdb.sql.schema.TableDef;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The row cache's admission: rows are kept on their second miss, and reads that skip the fill still see their snapshot. */
class RowCacheAdmissionTest {
    private MapCacheLayer cache;
    private StorageEngine engine;
    private TransactionalStore store;
    private TableDef people;

    @AfterEach
    void close() {
        store.close();
        engine.close();
    }

    private void open(long capacityBytes) {
        open(capacityBytes, 0);
    }

    /** {@code filled}: bytes of another keyspace put into the layer before the store opens (a full cache). */
    private void open(long capacityBytes, int filled) {
        cache = new MapCacheLayer(capacityBytes);
        if (filled > 0) {
            cache.put("filler", new byte[] {1}, new byte[filled]);
        }
        StorageEngineProvider provider = ServiceLoader.load(StorageEngineProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals("memory")).findFirst().orElseThrow();
        engine = provider.open(StorageConfig.defaults().withMemoryOnly());
        store = new TransactionalStore(engine, false, cache);
        write(t -> people = t.createTable(new TableDef(0, "people", List.of(
                new ColumnDef("id", SqlType.BIGINT, -1, true, null),
                new ColumnDef("name", SqlType.TEXT, -1, false, null)), List.of(0))));
        write(t -> {
            for (long i = 1; i <= 3; i++) {
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

    private long cachedRows() {
        return cache.entries.keySet().stream().filter(k -> k.startsWith(CatalogKeys.ROWS + "/")).count();
    }

    @Test
    void rowReadOnce_withRoomInTheCache_isCached() {
        open(1 << 20);
        assertThat(name(1)).isEqualTo("v0-1");
        assertThat(cachedRows()).as("first miss, cache not full: kept").isEqualTo(1);
        long hits = cache.stats().hits();
        assertThat(name(1)).isEqualTo("v0-1");
        assertThat(cache.stats().hits()).isGreaterThan(hits);
    }

    @Test
    void cacheFillingUp_turnsTheDoorkeeperOn_atTheNextLook() {
        open(1 << 20);
        assertThat(name(1)).isEqualTo("v0-1");
        assertThat(cachedRows()).isEqualTo(1);
        cache.put("filler", new byte[] {1}, new byte[1 << 20]);
        for (long absent = 100; absent < 100 + RowCache.FULLNESS_CHECK_INTERVAL; absent++) {
            assertThat(name(absent)).isNull();
        }
        assertThat(name(2)).isEqualTo("v0-2");
        assertThat(cachedRows()).as("first miss into a full cache: not kept").isEqualTo(1);
        assertThat(name(2)).isEqualTo("v0-2");
        assertThat(cachedRows()).as("second miss: kept").isEqualTo(2);
    }

    @Test
    void rowReadOnce_intoAFullCache_isNotCached_readAgain_isCachedAndServed() {
        open(1 << 20, 1 << 20);
        assertThat(name(1)).isEqualTo("v0-1");
        assertThat(cachedRows()).as("first miss: not kept").isZero();
        assertThat(name(1)).isEqualTo("v0-1");
        assertThat(cachedRows()).as("second miss: kept").isEqualTo(1);
        long hits = cache.stats().hits();
        assertThat(name(1)).isEqualTo("v0-1");
        assertThat(cache.stats().hits()).isGreaterThan(hits);
        update(1, "one");
        assertThat(name(1)).isEqualTo("one");
        assertThat(name(1)).isEqualTo("one");
    }

    @Test
    void missNotKept_versionNewerThanTheSnapshot_readsTheVersionTheSnapshotSees() {
        open(1); // room for no entry: a window of one first miss, so every miss is a first one and nothing is kept
        Transaction repeatable = store.begin(IsolationLevel.REPEATABLE_READ);
        assertThat(name(repeatable, 2)).isEqualTo("v0-2");
        update(2, "later");
        assertThat(name(repeatable, 2)).isEqualTo("v0-2");
        assertThat(name(2)).isEqualTo("later");
        write(t -> {
            try (RowCursor c = t.lookup(people, new Object[] {3L})) {
                assertThat(c.next()).isTrue();
                t.delete(people, c.rowKey());
            }
        });
        assertThat(name(repeatable, 3)).isEqualTo("v0-3");
        assertThat(name(3)).isNull();
        assertThat(cachedRows()).isZero();
        store.rollback(repeatable);
    }
}
