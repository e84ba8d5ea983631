package io.heliosdb.core.session;

import io.heliosdb.core.txn.ForwardingStorageEngine;
import io.heliosdb.spi.KvCursor;
import io.heliosdb.spi.ReadView;
import io.heliosdb.spi.StorageEngine;
import io.heliosdb.spi.WriteBatch;
import java.util.concurrent.atomic.AtomicInteger;

/** Wraps a storage engine and counts what the kernel asks of it. */
final class CountingStorageEngine extends ForwardingStorageEngine {
    final AtomicInteger gets = new AtomicInteger();
    final AtomicInteger scans = new AtomicInteger();
    final AtomicInteger writes = new AtomicInteger();
    final AtomicInteger syncWrites = new AtomicInteger();
    final AtomicInteger viewsOpen = new AtomicInteger();
    final AtomicInteger viewsTaken = new AtomicInteger();

    CountingStorageEngine(StorageEngine delegate) {
        super(delegate);
    }

    void resetCounts() {
        gets.set(0);
        scans.set(0);
        writes.set(0);
        syncWrites.set(0);
        viewsTaken.set(0);
    }

    @Override
    public byte[] get(String keyspace, byte[] key) {
        gets.incrementAndGet();
        return delegate.get(keyspace, key);
    }

    @Override
    public KvCursor scan(String keyspace, byte[] from, byte[] to, boolean reverse) {
        scans.incrementAndGet();
        return delegate.scan(keyspace, from, to, reverse);
    }

    @Override
    public void write(WriteBatch batch, boolean sync) {
        writes.incrementAndGet();
        if (sync) {
            syncWrites.incrementAndGet();
        }
        delegate.write(batch, sync);
    }

    @Override
    public ReadView readView() {
        ReadView view = delegate.readView();
        viewsOpen.incrementAndGet();
        viewsTaken.incrementAndGet();
        return new ReadView() {
            private boolean closed;

            @Override
            public byte[] get(String keyspace, byte[] key) {
                gets.incrementAndGet();
                return view.get(keyspace, key);
            }

            @Override
            public KvCursor scan(String keyspace, byte[] from, byte[] to, boolean reverse) {
                scans.incrementAndGet();
                return view.scan(keyspace, from, to, reverse);
            }

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    viewsOpen.decrementAndGet();
                }
                view.close();
            }
        };
    }
}
