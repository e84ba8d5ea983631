package io.heliosdb.bench.compare;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The disk's own rate of durable writes, measured as pg_test_fsync's "fdatasync" line does: an 8 kB
 * write at the same offset followed by fdatasync ({@code FileChannel.force(false)}), repeated for a
 * fixed time. No single-committer durable commit rate can exceed it; group commit lets several
 * committers share one sync, which is how durable-16 can go past it.
 */
final class DiskSyncRate {
    private static final int BLOCK = 8192;

    private DiskSyncRate() {
    }

    /** Syncs per second on the file system of {@code dir}, measured for about {@code millis} ms. */
    static double measure(Path dir, long millis) throws IOException {
        Path file = Files.createTempFile(dir, "sync-rate", ".tmp");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer block = ByteBuffer.allocateDirect(BLOCK);
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            long start = System.nanoTime();
            long syncs = 0;
            do {
                block.clear();
                ch.write(block, 0);
                ch.force(false);
                syncs++;
            } while (System.nanoTime() - end < 0);
            return syncs / ((System.nanoTime() - start) / 1e9);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The report's line, or why there is none. */
    static String describe(Path dir) {
        try {
            return String.format(Locale.ROOT, "disk: %.0f syncs/s (8 kB write + fdatasync, as pg_test_fsync's "
                    + "fdatasync line; measured in %s)", measure(dir, 2000), dir);
        } catch (IOException e) {
            return "disk sync rate not measured: " + e.getMessage();
        }
    }
}
