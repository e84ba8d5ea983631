package io.heliosdb.core.txn;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.SqlType;
import io.heliosdb.api.config.StorageConfig;
import io.heliosdb.core.catalog.CatalogKeys;
import io.heliosdb.core.encoding.KeyEncoder;
import io.heliosdb.core.encoding.RowCodec;
import io.heliosdb.core.encoding.SelectiveRowDecoder;
import io.heliosdb.spi.StorageEngine;
import io.heliosdb.spi.StorageEngineProvider;
import io.heliosdb.spi.WriteBatch;
import io.heliosdb.sql.RowCursor;
import io.heliosdb.sql.schema.ColumnDef;
import io.heliosdb.sql.schema.TableDef;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The unregistered autocommit row read: a version under the plain key newer than the newest applied
 * commit (a commit group in the middle of being applied) must not be served; the read then takes a
 * registered snapshot and reads the version before it from history. Without and with a row cache.
 */
class LatestRowReadTest {
    private static final List<SqlType> TYPES = List.of(SqlType.BIGINT, SqlType.TEXT);
    private static final SelectiveRowDecoder ALL = new SelectiveRowDecoder(TYPES.toArray(new SqlType[0]),
            new boolean[] {true, true});

    private StorageEngine engine;
    private TransactionalStore store;
    private TableDef table;

    private void open(boolean cached) {
        StorageEngineProvider provider = ServiceLoader.load(StorageEngineProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals("memory")).findFirst().orElseThrow();
        engine = provider.open(StorageConfig.defaults().withMemoryOnly());
        store = new TransactionalStore(engine, false, cached ? new MapCacheLayer() : null);
        write(t -> table = t.createTable(new TableDef(0, "people", List.of(
                new ColumnDef("id", SqlType.BIGINT, -1, true, null),
                new ColumnDef("name", SqlType.TEXT, -1, false, null)), List.of(0))));
        write(t -> t.insert(table, new Object[] {1L, "committed"}));
    }

    @AfterEach
    void close() {
        store.close();
        engine.close();
    }

    private void write(Consumer<TableRows> work) {
        Transaction t = store.begin();
        try (StatementReads reads = store.openReads(t)) {
            work.accept(new TableRows(store, t, reads));
        }
        store.commit(t);
    }

    private byte[] rowKey(long id) {
        return CatalogKeys.rowKey(table.id(), KeyEncoder.encode(List.of(SqlType.BIGINT), new Object[] {id}));
    }

    private Object[] read(long id) {
        return store.latestRows().read(rowKey(id), ALL);
    }

    /** Puts a version committed after every visible commit under the plain key, as a group being applied does. */
    private void inFlight(long id, String name) {
        byte[] key = rowKey(id);
        byte[] stored = engine.get(CatalogKeys.ROWS, key);
        WriteBatch batch = new WriteBatch();
        if (stored != null) {
            batch.put(VersionLayout.VERSIONS, VersionLayout.versionKey(CatalogKeys.ROWS, key,
                    VersionLayout.commitTs(stored)), stored);
        }
        long unapplied = store.committer().visibleTs() + 1;
        batch.put(CatalogKeys.ROWS, key, VersionLayout.encode(unapplied,
                name == null ? null : RowCodec.encode(TYPES, new Object[] {id, name})));
        engine.write(batch, false);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void newestAppliedCommit_isRead(boolean cached) {
        open(cached);
        assertThat(read(1)).containsExactly(1L, "committed");
        assertThat(read(1)).containsExactly(1L, "committed");
        assertThat(read(2)).isNull();
        write(t -> {
            try (RowCursor c = t.lookup(table, new Object[] {1L})) {
                assertThat(c.next()).isTrue();
                t.delete(table, c.rowKey());
            }
        });
        assertThat(read(1)).isNull();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void versionNotYetApplied_isNotServed(boolean cached) {
        open(cached);
        inFlight(1, "in flight");
        assertThat(read(1)).containsExactly(1L, "committed");
        inFlight(2, "new row in flight");
        assertThat(read(2)).isNull();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void deletionNotYetApplied_stillReadsTheRow(boolean cached) {
        open(cached);
        inFlight(1, null);
        assertThat(read(1)).containsExactly(1L, "committed");
        assertThat(store.openSnapshots()).isZero();
    }
}
