package io.heliosdb.storage.tck;

import io.heliosdb.spi.KvCursor;
import io.heliosdb.spi.StorageCapability;
import io.heliosdb.spi.StorageEngine;
import io.heliosdb.spi.WriteBatch;
import java.util.Set;

/** An engine that implements only the required contract, so the SPI's default methods answer. */
final class BareStorageEngine implements StorageEngine {

    private final StorageEngine delegate;

    BareStorageEngine(StorageEngine delegate) {
        this.delegate = delegate;
    }

    @Override
    public String name() {
        return "bare";
    }

    @Override
    public Set<StorageCapability> capabilities() {
        return Set.of();
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
    public void close() {
        // the delegate belongs to the test
    }
}
