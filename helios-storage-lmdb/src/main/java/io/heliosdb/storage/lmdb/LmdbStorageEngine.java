package io.heliosdb.storage.lmdb;

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
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.lmdbjava.BufferProxy;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.EnvFlags;
import org.lmdbjava.EnvInfo;
import org.lmdbjava.LmdbException;
import org.lmdbjava.Stat;
import org.lmdbjava.Txn;

/**
 * A {@link StorageEngine} on LMDB: one named database per keyspace (created by the first write to
 * it), each batch one write transaction, read views and scans on read transactions.
 *
 * <p>Locks. {@link #mapLock}: every call that touches the memory map holds its read side; growing
 * the map and closing take the write side, because both invalidate pointers into the map.
 * {@link #catalogLock}: a batch that creates keyspaces holds its write side from before its
 * commit until the new handles are published; read transactions begin under its read side, so a
 * reader either sees such a commit and its handles, or neither.
 *
 * <p>Durability, with {@code wal_enabled} (the default): no acknowledged commit may be lost or
 * damaged by any crash, process or OS/power. MDB_NOSYNC is therefore not used: LMDB's documentation
 * says that with it "a system crash can corrupt the database or lose the last transactions",
 * because without the data-page sync before the meta-page write LMDB may reuse pages that the last
 * meta page on disk still points to. Instead the environment runs with MDB_NOMETASYNC, which LMDB
 * documents as "this optimization maintains database integrity, but a system crash may undo the last
 * committed transaction. I.e. it preserves the ACI ... but not D". Every commit still syncs its data
 * pages (and with them the previous commit's meta page) before writing its own meta page, so at most
 * the newest commit's meta page is unsynced. A batch written with {@code sync} is acknowledged only
 * after an explicit {@code mdb_env_sync} that follows its commit, which flushes that meta page; so the
 * one commit a system crash may undo is one nobody was told is durable: a {@code sync = false} batch
 * (vacuum), or a sync batch whose call has not returned yet. Cost: a sync batch pays two syncs, as it
 * would with LMDB's fully synchronous default, while a non-sync batch pays one; the kernel's group
 * commit folds concurrent transactions into one batch, so the syncs are shared.
 *
 * <p>Without {@code wal_enabled} the user asked for asynchronous commits: the environment runs with
 * MDB_NOSYNC and nothing is synced until {@link #sync()} or close. A process crash loses nothing
 * committed (the OS still holds the pages), but an OS or power crash may lose any commit since the
 * last sync and, per LMDB's documentation, may leave the database corrupt.
 */
public final class LmdbStorageEngine implements StorageEngine {

    static final int MAX_KEYSPACES = 1024;
    static final int MAX_READERS = 1024;
    private static final int POOLED_READ_TXNS = 32;
    /** Scans and read views take pooled read transactions too, as point reads do: see snapshot(), ENGINES.md. */
    static final boolean POOLED_SNAPSHOTS = true;

    /** Something holding LMDB handles that must be released before the environment closes. */
    interface Resource {
        void release();
    }

    private final Path directory;
    private final DirectoryLock directoryLock;
    private final Env<byte[]> env;
    private final StoredKeys keys;
    private final boolean durable;
    private final Set<EnvFlags> envFlags;
    private final ConcurrentHashMap<String, Keyspace> keyspaces = new ConcurrentHashMap<>();
    private final ReentrantReadWriteLock mapLock = new ReentrantReadWriteLock();
    private final ReentrantReadWriteLock catalogLock = new ReentrantReadWriteLock();
    private final ReadTxnPool readTxns = new ReadTxnPool(POOLED_READ_TXNS);
    private final Set<Resource> openResources = ConcurrentHashMap.newKeySet();
    private final LmdbCounters counters = new LmdbCounters();
    private volatile long mapSize;
    private volatile long mapGeneration;
    private final boolean pooledSnapshots;
    private volatile boolean closed;

    private LmdbStorageEngine(Path directory, DirectoryLock directoryLock, Env<byte[]> env, boolean durable,
                              Set<EnvFlags> envFlags, List<Keyspace> existing, boolean pooledSnapshots) {
        this.directory = directory;
        this.directoryLock = directoryLock;
        this.env = env;
        this.durable = durable;
        this.envFlags = Set.copyOf(envFlags);
        this.keys = new StoredKeys(env.getMaxKeySize());
        this.mapSize = env.info().mapSize;
        this.pooledSnapshots = pooledSnapshots;
        existing.forEach(k -> keyspaces.put(k.name(), k));
    }

    static LmdbStorageEngine open(StorageConfig config) {
        return open(config, MapSizing.DEFAULT_INITIAL);
    }

    /** Opens with a given starting map size (tests use a small one to force growth). */
    static LmdbStorageEngine open(StorageConfig config, long initialMapSize) {
        return open(config, initialMapSize, PinnedByteArrayProxy.INSTANCE, POOLED_SNAPSHOTS);
    }

    /**
     * Opens with a given buffer proxy: always {@link PinnedByteArrayProxy} but in the stress test that
     * shows lmdbjava's own {@code ByteArrayProxy} crashing (see PinnedByteArrayProxy for why).
     */
    static LmdbStorageEngine open(StorageConfig config, long initialMapSize, BufferProxy<byte[]> proxy,
                                  boolean pooledSnapshots) {
        Path directory = config.path().toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory);
            directory = directory.toRealPath();
        } catch (IOException e) {
            throw new HeliosException(SqlState.IO_ERROR, "could not create data directory \"" + directory + "\": " + e, e);
        }
        DirectoryLock lock = DirectoryLock.acquire(directory);
        Env<byte[]> env = null;
        try {
            Path data = directory.resolve("data.mdb");
            long dataBytes = Files.exists(data) ? Files.size(data) : 0;
            Set<EnvFlags> flags = envFlags(config.walEnabled());
            env = Env.create(proxy)
                    .setMapSize(MapSizing.initial(initialMapSize, dataBytes))
                    .setMaxDbs(MAX_KEYSPACES)
                    .setMaxReaders(MAX_READERS)
                    .open(directory.toFile(), flags.toArray(EnvFlags[]::new));
            List<Keyspace> existing = new ArrayList<>();
            for (byte[] name : env.getDbiNames()) {
                existing.add(new Keyspace(new String(name, StandardCharsets.UTF_8), env.openDbi(name), 0));
            }
            return new LmdbStorageEngine(directory, lock, env, config.walEnabled(), flags, existing, pooledSnapshots);
        } catch (IOException | LmdbException e) {
            closeAfterFailedOpen(env, lock);
            throw new HeliosException(SqlState.IO_ERROR, "could not open LMDB in \"" + directory + "\": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeAfterFailedOpen(env, lock);
            throw e;
        }
    }

    /** The flags the environment opens with; see the class comment on durability. */
    static Set<EnvFlags> envFlags(boolean walEnabled) {
        // NOTLS: read transactions live in views and cursors that move between threads
        return walEnabled
                ? EnumSet.of(EnvFlags.MDB_NOTLS, EnvFlags.MDB_NOMETASYNC)
                : EnumSet.of(EnvFlags.MDB_NOTLS, EnvFlags.MDB_NOSYNC);
    }

    /** The flags this environment was opened with. */
    Set<EnvFlags> envFlags() {
        return envFlags;
    }

    private static void closeAfterFailedOpen(Env<byte[]> env, DirectoryLock lock) {
        try {
            if (env != null) {
                env.close();
            }
        } finally {
            lock.close();
        }
    }

    @Override
    public String name() {
        return LmdbStorageProvider.NAME;
    }

    @Override
    public Set<StorageCapability> capabilities() {
        return LmdbStorageProvider.CAPABILITIES;
    }

    // ---------------------------------------------------------------- reads

    @Override
    public byte[] get(String keyspace, byte[] key) {
        return read(() -> {
            if (!keyspaces.containsKey(keyspace)) {
                counters.gets.increment();
                return null;
            }
            Txn<byte[]> txn = readTxns.acquire(this::beginRead, this::underCatalog);
            try {
                return get(txn, txn.getId(), keyspace, key);
            } finally {
                readTxns.release(txn);
            }
        });
    }

    /** A point read in {@code txn} (whose snapshot id is {@code txnId}); the caller holds the map lock. */
    byte[] get(Txn<byte[]> txn, long txnId, String keyspace, byte[] key) {
        counters.gets.increment();
        Keyspace ks = keyspaces.get(keyspace);
        byte[] stored = keys.forLookup(key);
        if (ks == null || stored == null || !ks.visibleTo(txnId)) {
            return null;
        }
        byte[] value = ks.dbi().get(txn, stored);
        if (value != null) {
            counters.getHits.increment();
            counters.bytesRead.add(value.length);
        }
        return value;
    }

    @Override
    public KvCursor scan(String keyspace, byte[] from, byte[] to, boolean reverse) {
        return read(() -> keyspaces.containsKey(keyspace)
                ? newCursor(snapshot(), true, keyspace, from, to, reverse)
                : new EmptyCursor(this));
    }

    @Override
    public ReadView readView() {
        return read(() -> track(new LmdbReadView(this, snapshot())));
    }

    /**
     * The snapshot behind a scan or read view: with {@code pooledSnapshots} a renewed pooled read
     * transaction (beginning one takes LMDB's reader-table mutex and a malloc, which dominated short
     * range scans), reset into the pool again on release; otherwise a read transaction of its own.
     */
    private LmdbSnapshot snapshot() {
        return pooledSnapshots
                ? new LmdbSnapshot(readTxns.acquire(this::beginRead, this::underCatalog), readTxns::release)
                : new LmdbSnapshot(beginRead(), Txn::close); // close aborts: a read has nothing to commit
    }

    /** A cursor in {@code snapshot}; with {@code owns} the cursor ends the snapshot when it closes. */
    KvCursor newCursor(LmdbSnapshot snapshot, boolean owns, String keyspace, byte[] from, byte[] to, boolean reverse) {
        Keyspace ks = keyspaces.get(keyspace);
        if (ks == null || !ks.visibleTo(snapshot.id()) || (from != null && to != null && Arrays.compareUnsigned(from, to) >= 0)) {
            if (owns) {
                snapshot.release();
            }
            return new EmptyCursor(this);
        }
        return track(new LmdbCursor(this, snapshot, owns, ks, from, to, reverse));
    }

    private Txn<byte[]> beginRead() {
        catalogLock.readLock().lock();
        try {
            return env.txnRead();
        } finally {
            catalogLock.readLock().unlock();
        }
    }

    private void underCatalog(Runnable action) {
        catalogLock.readLock().lock();
        try {
            action.run();
        } finally {
            catalogLock.readLock().unlock();
        }
    }

    // ---------------------------------------------------------------- writes

    @Override
    public void write(WriteBatch batch, boolean sync) {
        if (batch.isEmpty()) {
            read(() -> null);
            return;
        }
        List<byte[]> stored = new ArrayList<>(batch.size());
        for (WriteBatch.Op op : batch.ops()) {
            stored.add(keys.forWrite(op.key())); // refuse an over-long key before anything is written
        }
        while (true) {
            long fullAt = read(() -> tryWrite(batch, stored, sync));
            if (fullAt < 0) {
                return;
            }
            counters.mapFullRetries.increment();
            grow(fullAt);
        }
    }

    /** Applies the batch in one write transaction; -1 when done, else the map size that was too small. */
    private long tryWrite(WriteBatch batch, List<byte[]> stored, boolean sync) {
        long sizeAtStart = mapSize;
        Map<String, Dbi<byte[]>> created = null;
        boolean catalogHeld = false;
        Txn<byte[]> txn = env.txnWrite();
        try {
            List<WriteBatch.Op> ops = batch.ops();
            for (int i = 0; i < ops.size(); i++) {
                WriteBatch.Op op = ops.get(i);
                Keyspace ks = keyspaces.get(op.keyspace());
                Dbi<byte[]> dbi;
                if (ks != null) {
                    dbi = ks.dbi();
                } else {
                    if (created == null) {
                        created = new HashMap<>();
                    }
                    dbi = created.computeIfAbsent(op.keyspace(), name -> env.openDbi(txn,
                            name.getBytes(StandardCharsets.UTF_8), null, false, DbiFlags.MDB_CREATE));
                }
                if (op.isDelete()) {
                    dbi.delete(txn, stored.get(i));
                } else {
                    dbi.put(txn, stored.get(i), op.value());
                }
            }
            if (created != null) {
                catalogLock.writeLock().lock();
                catalogHeld = true;
            }
            long txnId = txn.getId();
            txn.commit();
            if (created != null) {
                created.forEach((name, dbi) -> keyspaces.putIfAbsent(name, new Keyspace(name, dbi, txnId)));
            }
        } catch (Env.MapFullException e) {
            return sizeAtStart;
        } finally {
            txn.close(); // aborts unless committed
            if (catalogHeld) {
                catalogLock.writeLock().unlock();
            }
        }
        counters.batches.increment();
        counters.keysWritten.add(batch.size());
        counters.bytesWritten.add(batch.byteSize());
        if (sync && durable) {
            env.sync(true); // MDB_NOMETASYNC: flushes this commit's meta page before it is acknowledged
            counters.syncs.increment();
        }
        return -1;
    }

    /** Grows the map unless another thread already did since {@code tooSmall} was seen. */
    private void grow(long tooSmall) {
        mapLock.writeLock().lock();
        try {
            checkOpen();
            if (mapSize != tooSmall) {
                return;
            }
            long next = MapSizing.next(tooSmall);
            if (next > MapSizing.MAX_MAP) {
                throw new HeliosException(SqlState.PROGRAM_LIMIT_EXCEEDED,
                        "the LMDB map in \"" + directory + "\" cannot grow beyond " + MapSizing.MAX_MAP + " bytes");
            }
            env.setMapSize(next);
            mapSize = env.info().mapSize;
            mapGeneration++;
            counters.mapGrowths.increment();
        } catch (LmdbException e) {
            throw new HeliosException(SqlState.IO_ERROR, "could not grow the LMDB map in \"" + directory + "\": " + e.getMessage(), e);
        } finally {
            mapLock.writeLock().unlock();
        }
    }

    @Override
    public void sync() {
        read(() -> {
            env.sync(true);
            counters.syncs.increment();
            return null;
        });
    }

    // ---------------------------------------------------------------- sizes and statistics

    @Override
    public long estimateSize(String keyspace) {
        return read(() -> {
            Keyspace ks = keyspaces.get(keyspace);
            if (ks == null) {
                return 0L;
            }
            try (Txn<byte[]> txn = beginRead()) {
                return ks.visibleTo(txn.getId()) ? pages(ks.dbi().stat(txn)) : 0L;
            }
        });
    }

    private static long pages(Stat stat) {
        return (stat.branchPages + stat.leafPages + stat.overflowPages) * stat.pageSize;
    }

    @Override
    public Map<String, Long> statistics() {
        return read(() -> {
            Map<String, Long> out = new TreeMap<>();
            EnvInfo info = env.info();
            Stat envStat = env.stat();
            out.put("lmdb.map.size", info.mapSize);
            out.put("lmdb.map.used", (info.lastPageNumber + 1) * envStat.pageSize);
            out.put("lmdb.page.size", (long) envStat.pageSize);
            out.put("lmdb.last.txn.id", info.lastTransactionId);
            out.put("lmdb.readers.used", (long) info.numReaders);
            out.put("lmdb.readers.max", (long) info.maxReaders);
            out.put("lmdb.keyspaces", (long) keyspaces.size());
            long entries = 0;
            long bytes = 0;
            try (Txn<byte[]> txn = beginRead()) {
                for (Keyspace ks : keyspaces.values()) {
                    if (ks.visibleTo(txn.getId())) {
                        Stat stat = ks.dbi().stat(txn);
                        entries += stat.entries;
                        bytes += pages(stat);
                    }
                }
            }
            out.put("lmdb.entries", entries);
            out.put("lmdb.keyspace.bytes", bytes);
            counters.putInto(out);
            return out;
        });
    }

    // ---------------------------------------------------------------- close

    @Override
    public void close() {
        mapLock.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try {
                releaseEverything();
            } finally {
                directoryLock.close();
            }
        } finally {
            mapLock.writeLock().unlock();
        }
    }

    private void releaseEverything() {
        // cursors before the transactions they read in, transactions before the environment
        openResources.stream().filter(r -> r instanceof LmdbCursor).forEach(Resource::release);
        openResources.forEach(Resource::release);
        openResources.clear();
        readTxns.closeAll();
        try {
            env.sync(true); // flushes what MDB_NOSYNC / MDB_NOMETASYNC left unsynced
        } catch (LmdbException e) {
            // closing anyway: what was synced is safe, and the handles must still go
        }
        keyspaces.values().forEach(ks -> ks.dbi().close());
        keyspaces.clear();
        env.close();
    }

    // ---------------------------------------------------------------- plumbing for views and cursors

    StoredKeys keys() {
        return keys;
    }

    long mapGeneration() {
        return mapGeneration;
    }

    <T extends Resource> T track(T resource) {
        openResources.add(resource);
        return resource;
    }

    void untrack(Resource resource) {
        openResources.remove(resource);
    }

    /** Runs {@code call} with the map stable and the engine open, translating LMDB's errors. */
    <T> T read(Supplier<T> call) {
        mapLock.readLock().lock();
        try {
            checkOpen();
            return call.get();
        } catch (Env.ReadersFullException e) {
            throw new HeliosException(SqlState.PROGRAM_LIMIT_EXCEEDED, "too many open read views and scans: all "
                    + MAX_READERS + " LMDB reader slots of \"" + directory + "\" are taken", e);
        } catch (LmdbException e) {
            throw new HeliosException(SqlState.IO_ERROR, "LMDB error in \"" + directory + "\": " + e.getMessage(), e);
        } finally {
            mapLock.readLock().unlock();
        }
    }

    /** Runs {@code action} unless the engine is closed (then close() has released everything already). */
    void ifOpen(Runnable action) {
        mapLock.readLock().lock();
        try {
            if (!closed) {
                action.run();
            }
        } finally {
            mapLock.readLock().unlock();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw closedError("storage engine");
        }
    }

    static HeliosException closedError(String what) {
        return new HeliosException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "The LMDB " + what + " is closed");
    }
}
