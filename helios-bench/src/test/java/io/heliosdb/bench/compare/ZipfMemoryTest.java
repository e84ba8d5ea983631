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
        assertThat(budget).isEqualTo(1_000_000 * ZipfMemory.DATA_BYTES_PER_ROW / 10);
        assertThat(ZipfMemory.hybridRowCacheBytes(budget) + ZipfMemory.hybridEngineCacheBytes(budget))
                .isEqualTo(budget);
        assertThat(ZipfMemory.hybridEngineCacheBytes(budget)).isEqualTo(Math.max(ZipfMemory.MIN_ENGINE_CACHE, budget / 8));
        assertThat(ZipfMemory.hybridEngineCacheBytes(100 * budget)).isEqualTo(100 * budget / 8);
        // A tiny table still leaves the row cache at least as much as the least block cache.
        long tiny = ZipfMemory.budgetBytes(1_000);
        assertThat(ZipfMemory.hybridEngineCacheBytes(tiny)).isEqualTo(ZipfMemory.MIN_ENGINE_CACHE);
        assertThat(ZipfMemory.hybridRowCacheBytes(tiny)).isGreaterThanOrEqualTo(ZipfMemory.MIN_ENGINE_CACHE);
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
            assertThat(perRow).isBetween(ZipfMemory.DATA_BYTES_PER_ROW * 0.75, ZipfMemory.DATA_BYTES_PER_ROW * 1.25);
        }
    }
}
