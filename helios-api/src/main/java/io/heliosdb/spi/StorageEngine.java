package io.heliosdb.spi;

import io.heliosdb.api.HeliosException;
import java.util.Map;
import java.util.Set;

/**
 * An ordered byte-key/byte-value store with named keyspaces. It knows nothing of SQL, rows or
 * transactions: the kernel builds those on top. Implementations are thread-safe.
 */
public interface StorageEngine extends KvReader, AutoCloseable {

    String name();

    Set<StorageCapability> capabilities();

    /**
     * Applies the batch atomically: after a crash either all of it or none of it is there.
     *
     * @param sync return only once the batch is durable (for a persistent engine)
     */
    void write(WriteBatch batch, boolean sync);

    /**
     * As {@link #get}, for a caller that only reads the value: it may be an array the engine itself holds
     * and shares with every other reader (never changed afterwards), so the caller must not write into it.
     * A point read that decodes the value at once then costs no copy. The default is {@link #get}.
     */
    default byte[] getShared(String keyspace, byte[] key) {
        return get(keyspace, key);
    }

    /** A consistent snapshot for reads; requires {@link StorageCapability#READ_VIEWS}. */
    default ReadView readView() {
        throw HeliosException.notSupported("This storage engine does not support read views");
    }

    /** Makes every write so far durable. */
    default void sync() {
    }

    /** Approximate bytes in a keyspace; requires {@link StorageCapability#SIZE_ESTIMATES}. */
    default long estimateSize(String keyspace) {
        throw HeliosException.notSupported("This storage engine does not support size estimates");
    }

    /** Engine counters by name; requires {@link StorageCapability#STATISTICS}. */
    default Map<String, Long> statistics() {
        throw HeliosException.notSupported("This storage engine does not support statistics");
    }

    /** Releases every resource, native ones included. Reads and writes after close fail. */
    @Override
    void close();
}
