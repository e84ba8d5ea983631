package io.heliosdb.storage.rocks;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.config.StorageConfig;
import io.heliosdb.spi.KvCursor;
import io.heliosdb.spi.ReadView;
import io.heliosdb.spi.StorageCapability;
import io.heliosdb.spi.StorageEngine;
import io.heliosdb.spi.WriteBatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.FlushOptions;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.Snapshot;
import org.rocksdb.WriteOptions;

/**
 * A {@link StorageEngine} on RocksDB: one column family per keyspace, batches applied with one
 * native write batch, read views on RocksDB snapshots. Every call holds the read side of
 * {@link #lifecycle}; {@link #close()} takes the write side, so no native call can race the
 * release of the handles it uses.
 */
public final class RocksStorageEngine implements StorageEngine {

    private static final String DEFAULT_FAMILY = new String(RocksDB.DEFAULT_COLUMN_FAMILY, StandardCharsets.UTF_8);

    // RocksDB's own LOCK file also stops a second open in this JVM, but only after it has rotated
    // the info log of the running instance; this set refuses before touching the directory.
    private static final Set<Path> OPEN_DIRECTORIES = ConcurrentHashMap.newKeySet();

    private final Path directory;
    private final RocksTuning tuning;
    private final RocksDB db;
    private final ConcurrentHashMap<String, ColumnFamilyHandle> families = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Integer> familyIds = new ConcurrentHashMap<>();
    private final Object familyCreation = new Object();
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    // Cursors and views the caller has not closed yet: released by close() before the database.
    private final Set<NativeResource> openResources = ConcurrentHashMap.newKeySet();
    private final RocksPointGet pointGet = new RocksPointGet();
    private final RocksScanRuns scanRuns = new RocksScanRuns(RocksScanRuns.heapBudget());
    private final RocksWalSwitch walSwitch = new RocksWalSwitch();
    private volatile boolean closed;

    /** Something holding native handles that must be released before the database is closed. */
    interface NativeResource {
        void release();
    }

    private RocksStorageEngine(Path directory, RocksTuning tuning, RocksDB db, List<String> names,
                               List<ColumnFamilyHandle> handles) {
        this.directory = directory;
        this.tuning = tuning;
        this.db = db;
        for (int i = 0; i < names.size(); i++) {
            families.put(names.get(i), handles.get(i));
        }
    }

    static RocksStorageEngine open(StorageConfig config) {
        RocksDB.loadLibrary();
        Path directory = config.path().toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory);
            directory = directory.toRealPath();
        } catch (IOException e) {
            throw new HeliosException(SqlState.IO_ERROR, "could not create data directory \"" + directory + "\": " + e, e);
        }
        if (!OPEN_DIRECTORIES.add(directory)) {
            throw inUse(directory, "already open in this process");
        }
        try {
            return open(directory, config);
        } catch (RuntimeException e) {
            OPEN_DIRECTORIES.remove(directory);
            throw e;
        }
    }

    private static RocksStorageEngine open(Path directory, StorageConfig config) {
        RocksTuning tuning = new RocksTuning(config);
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try {
            List<String> names = existingFamilies(directory);
            List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
            for (String name : names) {
                descriptors.add(new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8), tuning.columnFamilyOptions));
            }
            RocksDB db = RocksDB.open(tuning.dbOptions, directory.toString(), descriptors, handles);
            try {
                // The files a recovery (or a bulk load's memtables) left in level 0 go down before the first get.
                RocksOpenCompaction.compactSmallLevel0(db, handles);
                if (tuning.walEnabled) {
                    RocksWalRoll.prepareRecycledWal(db, handles.get(0), handles);
                }
                tuning.statistics.reset(); // the statistics count the database's use, not its preparation
            } catch (RocksDBException | RuntimeException e) {
                handles.forEach(ColumnFamilyHandle::close);
                handles.clear();
                db.close();
                throw e;
            }
            return new RocksStorageEngine(directory, tuning, db, names, handles);
        } catch (RocksDBException e) {
            handles.forEach(ColumnFamilyHandle::close);
            tuning.close();
            throw openError(directory, e);
        } catch (RuntimeException e) {
            handles.forEach(ColumnFamilyHandle::close);
            tuning.close();
            throw e;
        }
    }

    private static List<String> existingFamilies(Path directory) throws RocksDBException {
        List<String> names = new ArrayList<>();
        names.add(DEFAULT_FAMILY);
        if (Files.exists(directory.resolve("CURRENT"))) {
            try (Options options = new Options()) {
                for (byte[] name : RocksDB.listColumnFamilies(options, directory.toString())) {
                    String s = new String(name, StandardCharsets.UTF_8);
                    if (!s.equals(DEFAULT_FAMILY)) {
                        names.add(s);
                    }
                }
            }
        }
        return names;
    }

    private static HeliosException openError(Path directory, RocksDBException e) {
        String status = String.valueOf(e.getMessage());
        // Both the cross-process and the same-process lock failures name the LOCK file.
        if (status.contains(directory.resolve("LOCK").toString())) {
            return inUse(directory, status);
        }
        return new HeliosException(SqlState.IO_ERROR, "could not open RocksDB in \"" + directory + "\": " + status, e);
    }

    private static HeliosException inUse(Path directory, String detail) {
        return new HeliosException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                "data directory \"" + directory + "\" is in use by another process or another open database",
                detail, "Stop the other HeliosDB instance or choose another data directory.", 0, null);
    }

    @Override
    public String name() {
        return RocksStorageProvider.NAME;
    }

    @Override
    public Set<StorageCapability> capabilities() {
        return RocksStorageProvider.CAPABILITIES;
    }

    @Override
    public byte[] get(String keyspace, byte[] key) {
        return read(() -> {
            ColumnFamilyHandle family = families.get(keyspace);
            return family == null ? null : pointGet.get(db, family, tuning.latestReads, key);
        });
    }

    @Override
    public KvCursor scan(String keyspace, byte[] from, byte[] to, boolean reverse) {
        return read(() -> newCursor(keyspace, from, to, reverse, null, Long.MAX_VALUE));
    }

    @Override
    public ReadView readView() {
        return read(() -> track(new RocksReadView(this, db, db.getSnapshot())));
    }

    /**
     * A cursor over one keyspace, at {@code snapshot} (whose sequence number is {@code snapshotSeq}) when not null.
     * A forward scan of a range a {@link RocksScanRun} holds reads the run instead of the database.
     */
    KvCursor newCursor(String keyspace, byte[] from, byte[] to, boolean reverse, Snapshot snapshot, long snapshotSeq) {
        ColumnFamilyHandle family = families.get(keyspace);
        if (family == null || (from != null && to != null && Arrays.compareUnsigned(from, to) >= 0)) {
            return new EmptyCursor(this);
        }
        RocksPerfLevel.disableCounters(db);
        long writes = reverse ? -1 : scanRuns.stableWrites(keyspace, snapshotSeq);
        if (writes >= 0) {
            RocksScanRun run = scanRuns.find(keyspace, from, to, writes);
            if (run != null) {
                return new RocksRunCursor(this, run, from, to);
            }
        }
        boolean record = writes >= 0 && scanRuns.due(keyspace, from, to, writes);
        return track(new RocksCursor(this, db, family, from, to, reverse, snapshot, keyspace, scanRuns, writes, record));
    }

    /** The scan runs (for tests and statistics). */
    RocksScanRuns scanRuns() {
        return scanRuns;
    }

    ColumnFamilyHandle family(String keyspace) {
        return families.get(keyspace);
    }

    /** A point get of {@code key} in {@code family} as {@code options} read (called inside {@link #read}). */
    byte[] get(ColumnFamilyHandle family, ReadOptions options, byte[] key) throws RocksDBException {
        return pointGet.get(db, family, options, key);
    }

    @Override
    public void write(WriteBatch batch, boolean sync) {
        read(() -> {
            if (batch.isEmpty()) {
                return null;
            }
            // One native call for the whole batch instead of one per operation (see SerializedWriteBatch).
            List<String> written = new ArrayList<>(4);
            byte[] serialized = SerializedWriteBatch.encode(batch, keyspace -> {
                if (!written.contains(keyspace)) {
                    written.add(keyspace);
                }
                return familyIdForWrite(keyspace);
            });
            scanRuns.beginWrite(written); // scan runs of these keyspaces stop serving before the write shows
            try (org.rocksdb.WriteBatch nativeBatch = new org.rocksdb.WriteBatch(serialized)) {
                // Without a WAL there is nothing to sync: wal_enabled=false trades durability for speed.
                WriteOptions options = sync ? tuning.syncWrites : tuning.bufferedWrites;
                db.write(options, nativeBatch);
            } finally {
                scanRuns.endWrite(written, db.getLatestSequenceNumber());
            }
            if (tuning.walEnabled && walSwitch.written(serialized.length, sync)) {
                switchWal();
            }
            return null;
        });
    }

    /**
     * Starts the next WAL (in the recycled, pre-written file) with a memtable flush that is not waited for: see
     * {@link RocksWalSwitch}. A failure leaves the WAL growing; the commit that asked is written either way.
     */
    private void switchWal() {
        boolean done = false;
        try (FlushOptions options = new FlushOptions().setWaitForFlush(false).setAllowWriteStall(true)) {
            db.flush(options, new ArrayList<>(families.values()));
            done = true;
        } catch (RocksDBException e) {
            // counting starts over: the next attempt comes after another WAL's worth of writes
        } finally {
            walSwitch.switched(done);
        }
    }

    /** WAL switches asked for by {@link RocksWalSwitch} since open (tests). */
    long walSwitches() {
        return walSwitch.switches();
    }

    /** The keyspace's column family id (a native call the first time, then remembered; families are never dropped). */
    private int familyIdForWrite(String keyspace) {
        Integer known = familyIds.get(keyspace);
        if (known != null) {
            return known;
        }
        try {
            int id = familyForWrite(keyspace).getID();
            familyIds.put(keyspace, id);
            return id;
        } catch (RocksDBException e) {
            throw new HeliosException(SqlState.IO_ERROR, "RocksDB error in \"" + directory + "\": " + e.getMessage(), e);
        }
    }

    private ColumnFamilyHandle familyForWrite(String keyspace) throws RocksDBException {
        ColumnFamilyHandle family = families.get(keyspace);
        if (family != null) {
            return family;
        }
        synchronized (familyCreation) {
            family = families.get(keyspace);
            if (family == null) {
                family = db.createColumnFamily(new ColumnFamilyDescriptor(
                        keyspace.getBytes(StandardCharsets.UTF_8), tuning.columnFamilyOptions));
                families.put(keyspace, family);
            }
            return family;
        }
    }

    @Override
    public void sync() {
        read(() -> {
            if (tuning.walEnabled) {
                db.flushWal(true);
                walSwitch.synced();
            } else {
                flushMemtables();
            }
            return null;
        });
    }

    /** Writes every memtable to SST files and waits for it. */
    void flushMemtables() throws RocksDBException {
        try (FlushOptions options = new FlushOptions().setWaitForFlush(true)) {
            db.flush(options, new ArrayList<>(families.values()));
        }
    }

    @Override
    public long estimateSize(String keyspace) {
        return read(() -> {
            ColumnFamilyHandle family = families.get(keyspace);
            if (family == null) {
                return 0L;
            }
            return db.getLongProperty(family, "rocksdb.estimate-live-data-size")
                    + db.getLongProperty(family, "rocksdb.cur-size-all-mem-tables");
        });
    }

    @Override
    public Map<String, Long> statistics() {
        return read(() -> RocksStatistics.snapshot(db, families.values(), tuning.statistics, scanRuns));
    }

    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            for (NativeResource resource : openResources) {
                resource.release();
            }
            openResources.clear();
            try {
                if (tuning.walEnabled) {
                    db.flushWal(true);
                } else {
                    flushMemtables(); // nothing else would keep unlogged writes across a close
                }
            } catch (RocksDBException e) {
                // Closing anyway: what was synced is safe, and the handles must still go.
            }
            families.values().forEach(ColumnFamilyHandle::close);
            families.clear();
            scanRuns.clear();
            try {
                db.closeE();
            } catch (RocksDBException e) {
                throw new HeliosException(SqlState.IO_ERROR, "error closing RocksDB in \"" + directory + "\": " + e.getMessage(), e);
            } finally {
                tuning.close();
                OPEN_DIRECTORIES.remove(directory);
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    Path directory() {
        return directory;
    }

    RocksDB database() {
        return db;
    }

    <T extends NativeResource> T track(T resource) {
        openResources.add(resource);
        return resource;
    }

    void untrack(NativeResource resource) {
        openResources.remove(resource);
    }

    /** A native call made while the engine is guaranteed open. */
    interface NativeCall<T> {
        T call() throws RocksDBException;
    }

    <T> T read(NativeCall<T> call) {
        lifecycle.readLock().lock();
        try {
            checkOpen();
            return call.call();
        } catch (RocksDBException e) {
            throw new HeliosException(SqlState.IO_ERROR, "RocksDB error in \"" + directory + "\": " + e.getMessage(), e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** Runs {@code action} unless the engine is closed (then close() has released everything already). */
    void ifOpen(Runnable action) {
        lifecycle.readLock().lock();
        try {
            if (!closed) {
                action.run();
            }
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** Throws when the engine is closed (for readers that hold no native resource). */
    void checkUsable() {
        checkOpen();
    }

    private void checkOpen() {
        if (closed) {
            throw closedError("storage engine");
        }
    }

    static HeliosException closedError(String what) {
        return new HeliosException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "The RocksDB " + what + " is closed");
    }
}
