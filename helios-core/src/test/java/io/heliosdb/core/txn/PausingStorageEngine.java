package io.heliosdb.core.txn;

import io.heliosdb.core.catalog.CatalogKeys;
import io.heliosdb.spi.StorageEngine;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Wraps an engine so that one chosen thread's next row get (on the engine itself, not a read view)
 * stops after reading, until the test lets it go: the window in which a commit can race a cache fill.
 */
final class PausingStorageEngine extends ForwardingStorageEngine {
    private volatile Thread paused;
    final CountDownLatch readDone = new CountDownLatch(1);
    final CountDownLatch resume = new CountDownLatch(1);

    PausingStorageEngine(StorageEngine delegate) {
        super(delegate);
    }

    void pauseNextRowGet(Thread thread) {
        paused = thread;
    }

    @Override
    public byte[] get(String keyspace, byte[] key) {
        byte[] value = delegate.get(keyspace, key);
        if (keyspace.equals(CatalogKeys.ROWS) && Thread.currentThread() == paused) {
            paused = null;
            readDone.countDown();
            try {
                if (!resume.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never resumed the paused read");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return value;
    }
}
