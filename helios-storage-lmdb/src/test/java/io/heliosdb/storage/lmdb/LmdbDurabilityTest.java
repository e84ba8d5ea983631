package io.heliosdb.storage.lmdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.config.StorageConfig;
import io.heliosdb.spi.WriteBatch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmdbjava.EnvFlags;

/** The environment's sync flags follow {@code wal_enabled}; see LmdbStorageEngine's durability comment. */
class LmdbDurabilityTest {

    @TempDir
    Path dir;

    private StorageConfig config(boolean walEnabled) {
        StorageConfig base = StorageConfig.defaults().withPath(dir).withEngine("lmdb");
        return new StorageConfig(base.path(), false, "lmdb", base.cacheSizeBytes(), base.compression(), walEnabled);
    }

    private static WriteBatch one(String key) {
        return new WriteBatch().put("ks", key.getBytes(StandardCharsets.UTF_8), new byte[] {1});
    }

    @Test
    void walEnabled_opensWithoutNoSync_andSyncsEverySyncBatchBeforeReturning() {
        try (LmdbStorageEngine engine = LmdbStorageEngine.open(config(true))) {
            assertThat(engine.envFlags()).contains(EnvFlags.MDB_NOMETASYNC, EnvFlags.MDB_NOTLS)
                    .doesNotContain(EnvFlags.MDB_NOSYNC, EnvFlags.MDB_MAPASYNC, EnvFlags.MDB_WRITEMAP);
            engine.write(one("a"), true);
            engine.write(one("b"), true);
            engine.write(one("c"), false);
            assertThat(engine.statistics()).containsEntry("lmdb.syncs", 2L).containsEntry("lmdb.batches.written", 3L);
        }
    }

    @Test
    void walDisabled_opensWithNoSync_andSyncsNothingUntilAsked() {
        try (LmdbStorageEngine engine = LmdbStorageEngine.open(config(false))) {
            assertThat(engine.envFlags()).contains(EnvFlags.MDB_NOSYNC, EnvFlags.MDB_NOTLS)
                    .doesNotContain(EnvFlags.MDB_NOMETASYNC);
            engine.write(one("a"), true);
            assertThat(engine.statistics()).containsEntry("lmdb.syncs", 0L);
            engine.sync();
            assertThat(engine.statistics()).containsEntry("lmdb.syncs", 1L);
        }
    }

    @Test
    void walDisabled_commitsSurviveCleanCloseAndReopen() {
        try (LmdbStorageEngine engine = LmdbStorageEngine.open(config(false))) {
            engine.write(one("a"), false);
        }
        try (LmdbStorageEngine engine = LmdbStorageEngine.open(config(true))) {
            assertThat(engine.get("ks", "a".getBytes(StandardCharsets.UTF_8))).containsExactly(1);
        }
    }
}
