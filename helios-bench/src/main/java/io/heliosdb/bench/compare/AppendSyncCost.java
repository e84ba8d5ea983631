package io.heliosdb.bench.compare;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Why a WAL that grows costs more per commit than one that is overwritten: on ext4 (and most
 * journaling file systems) {@code fdatasync} after an append must also make the new file size
 * durable, which commits a journal transaction (a second device write and cache flush), while an
 * overwrite of blocks already written and synced changes no metadata. SQLite's WAL restarts from
 * its beginning after a checkpoint, so it mostly overwrites; RocksDB appends to a fresh WAL unless
 * {@code recycle_log_file_num} lets it reuse an old one.
 *
 * <p>Runs alternating rounds of {@code record}-byte write + {@code force(false)} on a growing file
 * and on a preallocated, synced file, and prints the median syncs per second of each. Rounds
 * alternate so that a change in machine load hits both modes alike.
 *
 * <p>Usage: {@code AppendSyncCost [directory] [syncs per round] [rounds] [record bytes]}.
 */
public final class AppendSyncCost {

    private AppendSyncCost() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory(Path.of(args.length > 0 ? args[0] : "."), "append-sync-cost");
        int syncs = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int record = args.length > 3 ? Integer.parseInt(args[3]) : 112;
        double[] append = new double[rounds];
        double[] overwrite = new double[rounds];
        try {
            for (int r = 0; r < rounds; r++) {
                append[r] = append(dir.resolve("append-" + r), syncs, record);
                overwrite[r] = overwrite(dir.resolve("overwrite-" + r), syncs, record);
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
        System.out.printf("record=%d bytes, %d syncs x %d rounds (median syncs/s)%n", record, syncs, rounds);
        System.out.printf("append    + force(false): %8.0f%n", median(append));
        System.out.printf("overwrite + force(false): %8.0f%n", median(overwrite));
        System.out.printf("overwrite / append:       %8.2f%n", median(overwrite) / median(append));
    }

    private static double append(Path file, int syncs, int record) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ch.force(true);
            return timed(ch, syncs, record, false);
        }
    }

    private static double overwrite(Path file, int syncs, int record) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer zeros = ByteBuffer.allocate(64 * 1024);
            long size = (long) syncs * record + zeros.capacity();
            for (long at = 0; at < size; at += zeros.capacity()) {
                zeros.clear();
                ch.write(zeros, at);
            }
            ch.force(true); // blocks allocated, written and the size durable before timing
            return timed(ch, syncs, record, true);
        }
    }

    private static double timed(FileChannel ch, int syncs, int record, boolean positional) throws IOException {
        byte[] bytes = new byte[record];
        Arrays.fill(bytes, (byte) 'w');
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        long started = System.nanoTime();
        for (int i = 0; i < syncs; i++) {
            buf.clear();
            if (positional) {
                ch.write(buf, (long) i * record);
            } else {
                ch.write(buf);
            }
            ch.force(false); // fdatasync
        }
        return syncs / ((System.nanoTime() - started) / 1e9);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
