package io.heliosdb.storage.rocks;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.config.StorageConfig;
import io.heliosdb.spi.WriteBatch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compaction at open of keyspaces left with several level-0 files (RocksOpenCompaction). */
class RocksOpenCompactionTest {
    private static final String KS = "rows";
    private static final int KEYS = 8_000;

    @TempDir
    Path dir;

    private RocksStorageEngine open() {
        return (RocksStorageEngine) new RocksStorageProvider().open(StorageConfig.defaults().withPath(dir.resolve("db")));
    }

    private static byte[] key(int i) {
        return String.format("key-%08d", i).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] value(int i) {
        return ("value-" + i).getBytes(StandardCharsets.UTF_8);
    }

    private static long filesAtLevel(RocksStorageEngine engine, int level) throws Exception {
        return Long.parseLong(engine.database().getProperty(engine.family(KS), "rocksdb.num-files-at-level" + level).trim());
    }

    @Test
    void reopen_movesSeveralLevel0FilesToTheBottom_andKeepsEveryKey() throws Exception {
        try (RocksStorageEngine engine = open()) {
            // Two flushed files over the same key range (every fourth key each, offset by two): below the trigger.
            for (int file = 0; file < 2; file++) {
                WriteBatch batch = new WriteBatch();
                for (int i = 2 * file; i < KEYS; i += 4) {
                    batch.put(KS, key(i), value(i));
                }
                engine.write(batch, true);
                engine.flushMemtables();
            }
            WriteBatch deletes = new WriteBatch();
            deletes.delete(KS, key(0));
            engine.write(deletes, true); // in the WAL only: the reopen recovers it into a third level-0 file
            assertThat(filesAtLevel(engine, 0)).isEqualTo(2);
        }
        try (RocksStorageEngine engine = open()) {
            assertThat(filesAtLevel(engine, 0)).isZero();
            assertThat(filesAtLevel(engine, 6)).isPositive();
            for (int i = 0; i < KEYS; i++) {
                byte[] expected = i % 2 == 0 && i != 0 ? value(i) : null;
                assertThat(engine.get(KS, key(i))).as("key %d", i).isEqualTo(expected);
            }
        }
    }

    @Test
    void oneFile_orALargeKeyspace_isLeftToRocksDb() {
        assertThat(RocksOpenCompaction.due(1, 1024)).isFalse();
        assertThat(RocksOpenCompaction.due(2, RocksOpenCompaction.MAX_BYTES + 1)).isFalse();
        assertThat(RocksOpenCompaction.due(2, RocksOpenCompaction.MAX_BYTES)).isTrue();
    }
}
