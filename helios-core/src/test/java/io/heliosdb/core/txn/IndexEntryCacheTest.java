package io.heliosdb.core.txn;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.DeploymentMode;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Session;
import io.heliosdb.api.config.HeliosConfig;
import io.heliosdb.core.KernelDatabase;
import io.heliosdb.spi.StorageEngineProvider;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Index lookups of one full key value through the cache: filled, used, and invalidated by every commit that changes them. */
class IndexEntryCacheTest {
    private final MapCacheLayer cache = new MapCacheLayer();
    private KernelDatabase db;
    private Session s;

    @BeforeEach
    void open() {
        HeliosConfig config = HeliosConfig.memory();
        var engine = ServiceLoader.load(StorageEngineProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("memory")).findFirst().orElseThrow().open(config.storage());
        db = new KernelDatabase(config, DeploymentMode.MEMORY_ONLY, engine, cache, "map");
        s = db.session();
        s.execute("create table t (id int primary key, k int, v text)");
        s.execute("create index t_k on t (k)");
        for (int i = 1; i <= 5; i++) {
            s.execute("insert into t values ($1, $2, $3)", i, i % 3, "v" + i);
        }
    }

    @AfterEach
    void close() {
        s.close();
        db.close();
    }

    private List<Object> idsWithK(Session session, int k) {
        try (QueryResult r = session.execute("select id from t where k = $1 order by id", k)) {
            return r.toList().stream().map(row -> row.get(0)).toList();
        }
    }

    private long lookupsCached() {
        return cache.entries.keySet().stream().filter(key -> key.startsWith(IndexEntryCache.KEYSPACE + "/")).count();
    }

    @Test
    void equalityLookup_isCachedAndThenHits() {
        assertThat(idsWithK(s, 1)).containsExactly(1, 4);
        assertThat(lookupsCached()).isEqualTo(1);
        long hits = cache.stats().hits();
        assertThat(idsWithK(s, 1)).containsExactly(1, 4);
        assertThat(cache.stats().hits()).isGreaterThan(hits);
    }

    @Test
    void insertUpdateDelete_invalidateTheLookupsTheyChange() {
        assertThat(idsWithK(s, 1)).containsExactly(1, 4);
        assertThat(idsWithK(s, 2)).containsExactly(2, 5);
        s.execute("insert into t values (7, 1, 'v7')");
        assertThat(idsWithK(s, 1)).containsExactly(1, 4, 7);
        s.execute("update t set k = 2 where id = 4");
        assertThat(idsWithK(s, 1)).containsExactly(1, 7);
        assertThat(idsWithK(s, 2)).containsExactly(2, 4, 5);
        s.execute("delete from t where id = 2");
        assertThat(idsWithK(s, 2)).containsExactly(4, 5);
        s.execute("update t set v = 'x' where k = 2");
        assertThat(idsWithK(s, 2)).containsExactly(4, 5);
    }

    @Test
    void snapshotOlderThanTheCachedList_readsWhatItSees() {
        try (Session repeatable = db.session()) {
            repeatable.execute("set default_transaction_isolation = 'repeatable read'");
            repeatable.execute("begin");
            assertThat(idsWithK(repeatable, 0)).containsExactly(3);
            s.execute("insert into t values (6, 0, 'v6')");
            assertThat(idsWithK(s, 0)).containsExactly(3, 6); // refills the list with the newer entry
            assertThat(idsWithK(repeatable, 0)).containsExactly(3);
            repeatable.execute("commit");
        }
    }

    @Test
    void ownUncommittedWrites_areMergedOverTheCachedList() {
        assertThat(idsWithK(s, 1)).containsExactly(1, 4);
        s.execute("begin");
        s.execute("insert into t values (8, 1, 'v8')");
        s.execute("delete from t where id = 1");
        assertThat(idsWithK(s, 1)).containsExactly(4, 8);
        s.execute("rollback");
        assertThat(idsWithK(s, 1)).containsExactly(1, 4);
    }
}
