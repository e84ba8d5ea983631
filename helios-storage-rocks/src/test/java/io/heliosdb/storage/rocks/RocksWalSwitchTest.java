package io.heliosdb.storage.rocks;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.config.StorageConfig;
import io.heliosdb.spi.WriteBatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RocksWalSwitch}: small synced writes past the pre-written part of the live WAL move to the other
 * pre-written WAL instead of growing the file; large synced writes do not switch; whatever was written
 * before and after a switch recovers from a crash image.
 */
class RocksWalSwitchTest {
    private static final String KS = "t";
    /** Small enough to count as a commit whose cost is its sync, large enough to pass a fill in a few hundred writes. */
    private static final int SMALL = 12 * 1024;

    @TempDir
    Path dir;

    @Test
    void smallSyncedWrites_pastTheFill_switchToTheOtherWal_withoutGrowingAny() throws Exception {
        try (RocksStorageEngine rocks = RocksStorageEngine.open(config(dir))) {
            long largestAtOpen = largestWal(dir);
            assertThat(largestAtOpen).isGreaterThanOrEqualTo(RocksWalRoll.FILL_BYTES);
            int writes = (int) (2.5 * RocksWalRoll.FILL_BYTES / SMALL);
            for (int i = 0; i < writes; i++) {
                rocks.write(new WriteBatch().put(KS, key(i), new byte[SMALL]), true);
            }
            assertThat(rocks.walSwitches()).isGreaterThanOrEqualTo(2);
            // 2.5 fills of WAL went into files at most one write longer than the fill: overwritten, not grown.
            assertThat(largestWal(dir)).isLessThanOrEqualTo(largestAtOpen + SMALL + 1024);
        }
        try (RocksStorageEngine reopened = RocksStorageEngine.open(config(dir))) {
            assertThat(reopened.get(KS, key(0))).hasSize(SMALL);
            assertThat(reopened.get(KS, key((int) (2.5 * RocksWalRoll.FILL_BYTES / SMALL) - 1))).hasSize(SMALL);
        }
    }

    @Test
    void largeSyncedWrites_doNotSwitch() throws Exception {
        try (RocksStorageEngine rocks = RocksStorageEngine.open(config(dir))) {
            int large = 64 * 1024;
            for (int i = 0; i < RocksWalRoll.FILL_BYTES / large + 8; i++) {
                rocks.write(new WriteBatch().put(KS, key(i), new byte[large]), true);
            }
            assertThat(rocks.walSwitches()).isZero();
        }
    }

    @Test
    void crashImage_afterASwitch_recoversEverySyncedWrite(@TempDir Path crash) throws Exception {
        int writes = (int) (1.5 * RocksWalRoll.FILL_BYTES / SMALL);
        try (RocksStorageEngine rocks = RocksStorageEngine.open(config(dir))) {
            for (int i = 0; i < writes; i++) {
                rocks.write(new WriteBatch().put(KS, key(i), value(i)), true);
                if (i % 7 == 0 && i > 0) {
                    rocks.write(new WriteBatch().delete(KS, key(i - 1)), true);
                }
            }
            assertThat(rocks.walSwitches()).isEqualTo(1);
            awaitNoFlush(rocks); // a copy is a crash image only when no file changes during it
            copyOpenDatabase(dir, crash);
        }
        try (RocksStorageEngine recovered = RocksStorageEngine.open(config(crash))) {
            for (int i = 0; i < writes; i++) {
                boolean deleted = (i + 1) % 7 == 0 && i + 1 < writes;
                assertThat(recovered.get(KS, key(i))).as("key %d", i).isEqualTo(deleted ? null : value(i));
            }
        }
    }

    private static void awaitNoFlush(RocksStorageEngine rocks) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (rocks.database().getLongProperty("rocksdb.num-running-flushes") == 0
                    && rocks.database().getLongProperty("rocksdb.mem-table-flush-pending") == 0) {
                return;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000); // polls RocksDB's own state: no event to wait on
        }
        throw new AssertionError("the switch's flush did not end");
    }

    private static long largestWal(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".log"))
                    .mapToLong(p -> p.toFile().length()).max().orElse(0);
        }
    }

    private static void copyOpenDatabase(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path p : files.toList()) {
                if (!p.getFileName().toString().equals("LOCK")) {
                    Files.copy(p, to.resolve(p.getFileName()));
                }
            }
        }
    }

    private static StorageConfig config(Path path) {
        return StorageConfig.defaults().withPath(path).withEngine(RocksStorageProvider.NAME);
    }

    private static byte[] key(int i) {
        return ("k" + i).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] value(int i) {
        byte[] v = new byte[SMALL];
        v[0] = (byte) i;
        v[1] = (byte) (i >> 8);
        return v;
    }
}
