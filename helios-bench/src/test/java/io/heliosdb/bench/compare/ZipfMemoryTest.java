package io.heliosdb.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Session;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipfMemoryTest {

    @Test
    void budget_isATenthOfTheData_andHybridSplitsItWithoutExceedingIt() {
        long budget = ZipfMemory.budgetBytes(1_000_000);
        // 1M rows: 16 bytes of numbers and 'note-' || id (5 + 5.89 digits on average) = 26.9 MB
        assertThat(ZipfMemory.logicalBytes(1_000_000)).isEqualTo(21_000_000L + 5_888_890L);
        assertThat(ZipfMemory.logicalBytes(10)).isEqualTo(10 * 22);
        assertThat(budget).isEqualTo(ZipfMemory.logicalBytes(1_000_000) / 10);
        assertThat(ZipfMemory.hybridRowCacheBytes(budget) + ZipfMemory.hybridEngineCacheBytes(budget))
                .isEqualTo(budget);
        assertThat(ZipfMemory.hybridEngineCacheBytes(budget)).isEqualTo(Math.max(ZipfMemory.MIN_ENGINE_CACHE, budget / 8));
        assertThat(ZipfMemory.hybridEngineCacheBytes(100 * budget)).isEqualTo(100 * budget / 8);
        // A tiny table still leaves the row cache at least as much as the least block cache.
        long tiny = ZipfMemory.budgetBytes(1_000);
        assertThat(ZipfMemory.hybridEngineCacheBytes(tiny)).isEqualTo(ZipfMemory.MIN_ENGINE_CACHE);
        assertThat(ZipfMemory.hybridRowCacheBytes(tiny)).isGreaterThanOrEqualTo(ZipfMemory.MIN_ENGINE_CACHE);
    }

    @Test
    void idealHitRate_isTheHottestRowsShareOfZipfDraws() {
        // exact shares of the workload's key distribution over 1M keys (ranks scattered by ZipfKeys, some sharing a key)
        assertThat(ZipfMemory.idealHitRate(1_000_000, 100_000)).isCloseTo(0.853, org.assertj.core.data.Offset.offset(0.001));
        assertThat(ZipfMemory.rowsForHitRate(1_000_000, 0.80)).isBetween(53_000L, 54_200L);
        assertThat(ZipfMemory.rowsForHitRate(1_000_000, 0.90)).isBetween(168_000L, 170_000L);
        assertThat(ZipfMemory.idealHitRate(1_000, 1_000)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        // the draws of the workload's own generator agree within a point for a tenth of 100k rows
        int rows = 100_000;
        int[] counts = new int[rows];
        ZipfKeys keys = new ZipfKeys(rows, 3);
        int draws = 1_000_000;
        for (int i = 0; i < draws; i++) {
            counts[keys.next()]++;
        }
        long top = java.util.Arrays.stream(counts).boxed().sorted(java.util.Comparator.reverseOrder()).limit(rows / 10)
                .mapToLong(Integer::longValue).sum();
        assertThat(top / (double) draws).isCloseTo(ZipfMemory.idealHitRate(rows, rows / 10),
                org.assertj.core.data.Offset.offset(0.01));
        assertThat(ZipfMemory.goalArithmetic(1_000_000, 90)).contains("2.69 MB", "90% needs the 169,");
    }

    /** The constant is what RocksDB really stores: the data set's live files over its items rows. */
    @Test
    void dataBytesPerRow_matchesTheRocksDbFilesOfTheDataSet(@TempDir Path dir) throws Exception {
        Scale scale = Scale.quick().withRows(100_000);
        HeliosEmbeddedTarget rocks = new HeliosEmbeddedTarget("helios-rocks", "rocksdb");
        try (Target.Instance built = rocks.open(dir); DbClient c = built.connect()) {
            Workload.loadDataSet(c, scale);
        }
        try (HeliosDB db = HeliosDB.open(HeliosEmbeddedTarget.config("rocksdb", dir)); Session s = db.session();
             QueryResult r = s.execute("SELECT value FROM helios_stats WHERE name = '"
                     + "storage_rocksdb_live_sst_files_size'")) {
            assertThat(r.next()).isTrue();
            double perRow = Long.parseLong(String.valueOf(r.row().get(0)).trim()) / (double) scale.rows();
            assertThat(perRow).isBetween(ZipfMemory.STORED_BYTES_PER_ROW * 0.75, ZipfMemory.STORED_BYTES_PER_ROW * 1.25);
        }
    }
}
