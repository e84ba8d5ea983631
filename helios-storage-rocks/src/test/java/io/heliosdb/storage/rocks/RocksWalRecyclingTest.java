package io.heliosdb.storage.rocks;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.config.StorageConfig;
import io.heliosdb.spi.WriteBatch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WAL recycling (see {@link RocksTuning#RECYCLED_WALS}): after memtable flushes retire WAL files,
 * new WALs overwrite old ones in place, and recovery replays only what the current WAL holds, never
 * the stale records of the file it reuses.
 */
class RocksWalRecyclingTest {
    private static final String KS = "t";
    private static final int BIG_ROUND_BYTES = 256 * 1024;

    @TempDir
    Path dir;

    @Test
    void retiredWal_isReusedInPlace_andRecoveryIgnoresItsStaleRecords() throws Exception {
        StorageConfig config = StorageConfig.defaults().withPath(dir).withEngine(RocksStorageProvider.NAME);
        try (RocksStorageEngine rocks = RocksStorageEngine.open(config)) {
            for (int round = 0; round < 4; round++) {
                // Each round fills its WAL with puts of the round's keys, then deletes them, so a
                // replay of a recycled file's old records would bring deleted keys back.
                WriteBatch puts = new WriteBatch();
                for (int i = 0; i < 64; i++) {
                    puts.put(KS, key(round, i), new byte[BIG_ROUND_BYTES / 64]);
                }
                rocks.write(puts, true);
                WriteBatch deletes = new WriteBatch();
                for (int i = 1; i < 64; i++) {
                    deletes.delete(KS, key(round, i));
                }
                rocks.write(deletes, true);
                rocks.flushMemtables(); // retires the WAL: from the third on, WALs are recycled ones
            }
            rocks.write(new WriteBatch().put(KS, key(9, 0), bytes("last")), true);
            // Only a few hundred bytes went to the live WAL since the last flush: a file this large
            // is an old WAL being overwritten, not a new one appended to.
            assertThat(largestWal()).isGreaterThan(BIG_ROUND_BYTES / 2);
        }
        try (RocksStorageEngine reopened = RocksStorageEngine.open(config)) {
            for (int round = 0; round < 4; round++) {
                assertThat(reopened.get(KS, key(round, 0))).hasSize(BIG_ROUND_BYTES / 64);
                for (int i = 1; i < 64; i++) {
                    assertThat(reopened.get(KS, key(round, i))).as("deleted key %d/%d", round, i).isNull();
                }
            }
            assertThat(reopened.get(KS, key(9, 0))).isEqualTo(bytes("last"));
        }
    }

    private long largestWal() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".log"))
                    .mapToLong(p -> p.toFile().length()).max().orElse(0);
        }
    }

    private static byte[] key(int round, int i) {
        return bytes("k" + round + "-" + i);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
