package io.heliosdb.core.txn;

import io.heliosdb.spi.KvCursor;
import io.heliosdb.spi.ReadView;
import io.heliosdb.spi.StorageCapability;
import io.heliosdb.spi.StorageEngine;
import io.heliosdb.spi.WriteBatch;
import java.util.Map;
import java.util.Set;

/** A storage engine that passes every call to another; tests override the calls they watch or hold. */
public abstract class ForwardingStorageEngine implements StorageEngine {
    protected final StorageEngine delegate;

    protected ForwardingStorageEngine(StorageEngine delegate) {
        this.delegate = delegate;
    }

    @Override
    public void write(WriteBatch batch, boolean sync) {
        delegate.write(batch, sync);
    }

    @Override
    public byte[] get(String keyspace, byte[] key) {
        return delegate.get(keyspace, key);
    }

    @Override
    public KvCursor scan(String keyspace, byte[] from, byte[] to, boolean reverse) {
        return delegate.scan(keyspace, from, to, reverse);
    }

    @Override
    public ReadView readView() {
        return delegate.readView();
    }

    @Override
    public void sync() {
        delegate.sync();
    }

    @Override
    public long estimateSize(String keyspace) {
        return delegate.estimateSize(keyspace);
    }

    @Override
    public Map<String, Long> statistics() {
        return delegate.statistics();
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public Set<StorageCapability> capabilities() {
        return delegate.capabilities();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
