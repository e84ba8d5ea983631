package io.heliosdb.storage.lmdb;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exclusive ownership of a data directory. LMDB itself is built for many processes sharing one
 * environment, so it would happily let a second HeliosDB open the same files; the kernel's MVCC
 * assumes it is the only writer, so we refuse that with an OS file lock (released by the OS when
 * the holder dies, even by kill -9) plus a set for the same process, where file locks do not stack.
 */
final class DirectoryLock implements AutoCloseable {

    static final String FILE_NAME = "helios.lock";

    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path directory;
    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(Path directory, FileChannel channel, FileLock lock) {
        this.directory = directory;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the directory (which must exist and be a real path) or fails naming it. */
    static DirectoryLock acquire(Path directory) {
        if (!HELD.add(directory)) {
            throw inUse(directory, "already open in this process");
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(directory.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw inUse(directory, "another process holds " + directory.resolve(FILE_NAME));
            }
            return new DirectoryLock(directory, channel, lock);
        } catch (IOException | OverlappingFileLockException e) {
            closeQuietly(channel);
            HELD.remove(directory);
            throw new HeliosException(SqlState.IO_ERROR, "could not lock data directory \"" + directory + "\": " + e, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            HELD.remove(directory);
            throw e;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the lock attempt already failed; that error is the one worth reporting
            }
        }
    }

    static HeliosException inUse(Path directory, String detail) {
        return new HeliosException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                "data directory \"" + directory + "\" is in use by another process or another open database",
                detail, "Stop the other HeliosDB instance or choose another data directory.", 0, null);
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new HeliosException(SqlState.IO_ERROR, "could not unlock data directory \"" + directory + "\": " + e, e);
        } finally {
            HELD.remove(directory);
        }
    }
}
