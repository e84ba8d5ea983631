package io.heliosdb.storage.rocks;

import io.heliosdb.spi.KvCursor;
import io.heliosdb.spi.ReadView;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.Snapshot;

/** A RocksDB snapshot: reads (and scans) at the sequence number current when it was taken. */
final class RocksReadView implements ReadView, RocksStorageEngine.NativeResource {

    private final RocksStorageEngine engine;
    private final RocksDB db;
    private final Snapshot snapshot;
    private final ReadOptions options;
    private final long snapshotSeq;
    private volatile boolean released;

    RocksReadView(RocksStorageEngine engine, RocksDB db, Snapshot snapshot) {
        this.engine = engine;
        this.db = db;
        this.snapshot = snapshot;
        this.options = new ReadOptions().setSnapshot(snapshot);
        this.snapshotSeq = snapshot.getSequenceNumber();
    }

    @Override
    public byte[] get(String keyspace, byte[] key) {
        return engine.read(() -> {
            checkOpen();
            ColumnFamilyHandle family = engine.family(keyspace);
            return family == null ? null : engine.get(family, options, key);
        });
    }

    @Override
    public KvCursor scan(String keyspace, byte[] from, byte[] to, boolean reverse) {
        return engine.read(() -> {
            checkOpen();
            return engine.newCursor(keyspace, from, to, reverse, snapshot, snapshotSeq);
        });
    }

    private void checkOpen() {
        if (released) {
            throw RocksStorageEngine.closedError("read view");
        }
    }

    @Override
    public void close() {
        engine.untrack(this);
        engine.ifOpen(this::release);
    }

    @Override
    public synchronized void release() {
        if (released) {
            return;
        }
        released = true;
        options.close();
        db.releaseSnapshot(snapshot);
    }
}
