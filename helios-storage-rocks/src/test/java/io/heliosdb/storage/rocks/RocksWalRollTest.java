package io.heliosdb.storage.rocks;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.config.StorageConfig;
import io.heliosdb.spi.WriteBatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RocksWalRoll}: from the first commit after open, synced writes overwrite a recycled WAL
 * (no WAL file is created or grows), and a crash image taken while the database is open recovers
 * every synced write, although the live WAL's tail holds the stale records of its previous use.
 */
class RocksWalRollTest {
    private static final String KS = "t";

    @TempDir
    Path dir;

    @Test
    void firstCommitsAfterOpen_overwriteARecycledWal() throws Exception {
        try (RocksStorageEngine rocks = RocksStorageEngine.open(config(dir))) {
            Map<String, Long> before = walSizes(dir);
            assertThat(before.values()).anySatisfy(size -> assertThat(size).isGreaterThanOrEqualTo(RocksWalRoll.FILL_BYTES));
            for (int i = 0; i < 200; i++) {
                rocks.write(new WriteBatch().put(KS, key(i), new byte[100]), true);
            }
            // 200 commits of ~150 bytes: appended, they would have made a new file or grown one.
            assertThat(walSizes(dir)).isEqualTo(before);
        }
    }

    /**
     * A durable commit of ~150 bytes into the recycled WAL makes the device write a page or two, as an append
     * would, not a large page-cache folio: on a kernel that caches large writes in folios of up to 1 MB (Linux
     * 6.x ext4), a fill written in 1 MB pieces made every later commit write 1 MB. Counted with the process's
     * {@code write_bytes} (Linux only): the bytes of the pages it dirtied, which its syncs send to the device.
     */
    @Test
    void commitsIntoRecycledWal_writeAboutAPageEach() throws Exception {
        Path procIo = Path.of("/proc/self/io");
        Assumptions.assumeTrue(Files.isReadable(procIo), "needs Linux's per-process I/O counters");
        try (RocksStorageEngine rocks = RocksStorageEngine.open(config(dir))) {
            int commits = 300;
            long before = writeBytes(procIo);
            for (int i = 0; i < commits; i++) {
                rocks.write(new WriteBatch().put(KS, key(i), new byte[100]), true);
            }
            long perCommit = (writeBytes(procIo) - before) / commits;
            assertThat(perCommit).as("bytes written toward the device per durable commit").isLessThan(64 * 1024);
        }
    }

    @Test
    void crashImage_afterCommitsIntoRecycledWal_recoversEverySyncedWrite(@TempDir Path crash) throws Exception {
        Path image = crash.resolve("image");
        try (RocksStorageEngine rocks = RocksStorageEngine.open(config(dir))) {
            writeRound(rocks, 0);
            copyOpenDatabase(dir, image); // what a kill -9 leaves: the files as the kernel holds them
        }
        try (RocksStorageEngine recovered = RocksStorageEngine.open(config(image))) {
            assertRound(recovered, 0);
            writeRound(recovered, 1); // a second open rolls again, now with data in the families
            copyOpenDatabase(image, crash.resolve("image2"));
        }
        try (RocksStorageEngine recovered = RocksStorageEngine.open(config(crash.resolve("image2")))) {
            assertRound(recovered, 0);
            assertRound(recovered, 1);
            assertThat(recovered.get("default", new byte[] {0, 'w', 'a', 'l', '-', 'r', 'o', 'l', 'l'})).isNull();
        }
    }

    @Test
    void walDisabled_opensWithoutRolling() throws Exception {
        StorageConfig config = config(dir).withWalEnabled(false);
        try (RocksStorageEngine rocks = RocksStorageEngine.open(config)) {
            rocks.write(new WriteBatch().put(KS, key(1), bytes("v")), true);
            assertThat(walSizes(dir).values()).allSatisfy(size -> assertThat(size).isLessThan(RocksWalRoll.FILL_BYTES));
        }
        try (RocksStorageEngine reopened = RocksStorageEngine.open(config)) {
            assertThat(reopened.get(KS, key(1))).isEqualTo(bytes("v"));
        }
    }

    /** Puts 300 keys, then deletes every third, each write synced on its own. */
    private static void writeRound(RocksStorageEngine rocks, int round) {
        for (int i = 0; i < 300; i++) {
            rocks.write(new WriteBatch().put(KS, key(round * 1000 + i), bytes("v" + round + "-" + i)), true);
        }
        for (int i = 0; i < 300; i += 3) {
            rocks.write(new WriteBatch().delete(KS, key(round * 1000 + i)), true);
        }
    }

    private static void assertRound(RocksStorageEngine rocks, int round) {
        for (int i = 0; i < 300; i++) {
            byte[] expected = i % 3 == 0 ? null : bytes("v" + round + "-" + i);
            assertThat(rocks.get(KS, key(round * 1000 + i))).as("key %d/%d", round, i).isEqualTo(expected);
        }
    }

    private static StorageConfig config(Path path) {
        return StorageConfig.defaults().withPath(path).withEngine(RocksStorageProvider.NAME);
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

    private static long writeBytes(Path procIo) throws IOException {
        for (String line : Files.readAllLines(procIo)) {
            if (line.startsWith("write_bytes:")) {
                return Long.parseLong(line.substring("write_bytes:".length()).trim());
            }
        }
        throw new IllegalStateException("no write_bytes in " + procIo);
    }

    private static Map<String, Long> walSizes(Path path) throws IOException {
        Map<String, Long> sizes = new TreeMap<>();
        try (Stream<Path> files = Files.list(path)) {
            files.filter(p -> p.getFileName().toString().endsWith(".log"))
                    .forEach(p -> sizes.put(p.getFileName().toString(), p.toFile().length()));
        }
        return sizes;
    }

    private static byte[] key(int i) {
        return bytes("k" + i);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
