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

/**
 * Equality-prefix lookups ({@code a = ?} on an index {@code (a, b)}, and the probes of {@code a IN (...)})
 * through the index cache: filled, hit when repeated, and invalidated by every commit writing an entry
 * under the prefix, including one that only changes the column after the prefix.
 */
class IndexPrefixCacheTest {
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
        s.execute("create table t (id int primary key, a int, b text, v text)");
        s.execute("create index t_ab on t (a, b desc)");
        for (int i = 1; i <= 6; i++) {
            s.execute("insert into t values ($1, $2, $3, $4)", i, i % 3, "b" + i, "v" + i);
        }
    }

    @AfterEach
    void close() {
        s.close();
        db.close();
    }

    private List<Object> ids(Session session, String where, Object... params) {
        try (QueryResult r = session.execute("select id from t where " + where + " order by id", params)) {
            return r.toList().stream().map(row -> row.get(0)).toList();
        }
    }

    private long lookupsCached() {
        return cache.entries.keySet().stream().filter(key -> key.startsWith(IndexEntryCache.KEYSPACE + "/")).count();
    }

    @Test
    void prefixLookup_isCachedAndThenHits() {
        assertThat(ids(s, "a = $1", 1)).containsExactly(1, 4);
        assertThat(lookupsCached()).isEqualTo(1);
        long hits = cache.stats().hits();
        assertThat(ids(s, "a = $1", 1)).containsExactly(1, 4);
        assertThat(ids(s, "a = $1", 1)).containsExactly(1, 4);
        assertThat(cache.stats().hits()).isGreaterThanOrEqualTo(hits + 2);
    }

    @Test
    void inList_probesArePrefixLookupsAndHit() {
        assertThat(ids(s, "a in (0, 2)")).containsExactly(2, 3, 5, 6);
        assertThat(lookupsCached()).isEqualTo(2);
        long hits = cache.stats().hits();
        assertThat(ids(s, "a in (2, 0)")).containsExactly(2, 3, 5, 6);
        assertThat(cache.stats().hits()).isGreaterThanOrEqualTo(hits + 2);
    }

    @Test
    void commitsUnderAPrefix_invalidateIt() {
        assertThat(ids(s, "a = $1", 1)).containsExactly(1, 4);
        assertThat(ids(s, "a = $1", 2)).containsExactly(2, 5);
        s.execute("insert into t values (7, 1, 'b7', 'v7')");
        assertThat(ids(s, "a = $1", 1)).containsExactly(1, 4, 7);
        s.execute("update t set a = 2 where id = 4");
        assertThat(ids(s, "a = $1", 1)).containsExactly(1, 7);
        assertThat(ids(s, "a = $1", 2)).containsExactly(2, 4, 5);
        s.execute("delete from t where id = 2");
        assertThat(ids(s, "a = $1", 2)).containsExactly(4, 5);
        // only the second key column changes: the entry moves within the cached prefix
        try (QueryResult r = s.execute("select b from t where a = 2 order by b")) {
            assertThat(r.toList().stream().map(row -> row.get(0)).toList()).containsExactly("b4", "b5");
        }
        s.execute("update t set b = 'a0' where id = 5");
        try (QueryResult r = s.execute("select b from t where a = 2 order by b")) {
            assertThat(r.toList().stream().map(row -> row.get(0)).toList()).containsExactly("a0", "b4");
        }
    }

    @Test
    void descendingOrder_readsTheCachedListBackwards() {
        assertThat(ids(s, "a = $1", 0)).containsExactly(3, 6);
        try (QueryResult r = s.execute("select id from t where a = 0 order by b")) {
            assertThat(r.toList().stream().map(row -> row.get(0)).toList()).containsExactly(3, 6);
        }
        try (QueryResult r = s.execute("select id from t where a = 0 order by b desc")) {
            assertThat(r.toList().stream().map(row -> row.get(0)).toList()).containsExactly(6, 3);
        }
    }

    @Test
    void snapshotOlderThanTheCachedPrefix_readsWhatItSees() {
        try (Session repeatable = db.session()) {
            repeatable.execute("set default_transaction_isolation = 'repeatable read'");
            repeatable.execute("begin");
            assertThat(ids(repeatable, "a = $1", 0)).containsExactly(3, 6);
            s.execute("insert into t values (9, 0, 'b9', 'v9')");
            assertThat(ids(s, "a = $1", 0)).containsExactly(3, 6, 9);
            assertThat(ids(repeatable, "a = $1", 0)).containsExactly(3, 6);
            repeatable.execute("commit");
        }
    }

    @Test
    void prefixMatchingMoreThanTheBound_isNotCached() {
        for (int i = 100; i < 100 + IndexEntryCache.MAX_ENTRIES + 1; i++) {
            s.execute("insert into t values ($1, 7, $2, 'x')", i, "b" + i);
        }
        assertThat(ids(s, "a = $1", 7)).hasSize(IndexEntryCache.MAX_ENTRIES + 1);
        assertThat(lookupsCached()).isZero();
        assertThat(ids(s, "a = $1", 1)).containsExactly(1, 4);
        assertThat(lookupsCached()).isEqualTo(1);
    }
}
