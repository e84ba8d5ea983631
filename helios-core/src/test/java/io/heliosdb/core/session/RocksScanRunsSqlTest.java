package io.heliosdb.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Session;
import io.heliosdb.api.config.HeliosConfig;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Embedded (RocksDB) scans of an unchanged table read the engine's heap copies (scan runs): through SQL the
 * answers must stay those of the snapshot, with the transaction's own writes, after other sessions' commits,
 * for older snapshots, and after a reopen.
 */
class RocksScanRunsSqlTest {
    private static final String SUM = "SELECT count(*), sum(amount) FROM items";

    @TempDir
    Path dir;

    private static List<Object> row(Session s, String sql) {
        try (QueryResult r = s.execute(sql)) {
            assertThat(r.next()).isTrue();
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < r.columns().size(); i++) {
                out.add(r.row().get(i));
            }
            return out;
        }
    }

    private static long fromRuns(Session s) {
        return Long.parseLong(String.valueOf(
                row(s, "SELECT value FROM helios_stats WHERE name = 'storage_rocksdb_scans_from_runs'").get(0)));
    }

    private HeliosDB open() {
        HeliosConfig config = HeliosConfig.persistent(dir.resolve("db"));
        return HeliosDB.open(config.withStorage(config.storage().withEngine("rocksdb")));
    }

    @Test
    void repeatedScans_readRuns_andStillSeeTheirSnapshot() {
        List<Object> updated = List.of(40000L, BigDecimal.valueOf(180100));
        try (HeliosDB db = open(); Session a = db.session(); Session b = db.session()) {
            // One cursor per scan: split into parts, 40,000 rows make ranges below RocksScanRuns' 16,384-entry mark.
            a.execute("SET max_parallel_workers_per_gather = 0").close();
            b.execute("SET max_parallel_workers_per_gather = 0").close();
            a.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, amount BIGINT NOT NULL)").close();
            a.execute("INSERT INTO items SELECT g, g % 10 FROM generate_series(1, 40000) g").close();
            List<Object> first = row(a, SUM);
            assertThat(first).containsExactly(40000L, BigDecimal.valueOf(180000));
            row(a, SUM);
            long before = fromRuns(a);
            assertThat(row(a, SUM)).isEqualTo(first);
            assertThat(fromRuns(a)).as("the third scan reads a run").isGreaterThan(before);

            b.execute("BEGIN ISOLATION LEVEL REPEATABLE READ").close();
            assertThat(row(b, SUM)).isEqualTo(first);
            a.execute("UPDATE items SET amount = amount + 100 WHERE id = 5").close();
            for (int i = 0; i < 3; i++) {
                assertThat(row(a, SUM)).isEqualTo(updated);
                assertThat(row(b, SUM)).as("the older snapshot").isEqualTo(first);
            }
            b.execute("COMMIT").close();
            assertThat(row(b, SUM)).isEqualTo(updated);

            a.execute("BEGIN").close();
            a.execute("DELETE FROM items WHERE id <= 1000").close();
            a.execute("INSERT INTO items VALUES (50000, 7)").close();
            List<Object> own = List.of(39001L, BigDecimal.valueOf(180100 - 4600 + 7));
            for (int i = 0; i < 3; i++) {
                assertThat(row(a, SUM)).as("own writes").isEqualTo(own);
                assertThat(row(b, SUM)).isEqualTo(updated);
            }
            a.execute("ROLLBACK").close();
            assertThat(row(a, SUM)).isEqualTo(updated);
            assertThat(row(a, "SELECT count(*) FROM items WHERE id BETWEEN 100 AND 199")).containsExactly(100L);
        }
        // Reopened: the runs are gone with the engine, and the files hold what was committed.
        try (HeliosDB db = open(); Session a = db.session()) {
            a.execute("SET max_parallel_workers_per_gather = 0").close();
            for (int i = 0; i < 3; i++) {
                assertThat(row(a, SUM)).as("after a reopen").isEqualTo(updated);
            }
        }
    }
}
