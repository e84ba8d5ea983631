package io.heliosdb.spi;

/**
 * A byte-budgeted cache placed by the kernel in front of storage reads. The kernel invalidates
 * what commits change, so the cache never serves what a snapshot must not see.
 */
public interface CacheLayer extends AutoCloseable {

    /** Counters of a cache. */
    record Stats(long hits, long misses, long evictions, long bytesUsed) {
        public double hitRate() {
            long total = hits + misses;
            return total == 0 ? 0.0 : (double) hits / total;
        }
    }

    /** The cached value, or {@code null} on a miss. */
    byte[] get(String keyspace, byte[] key);

    void put(String keyspace, byte[] key, byte[] value);

    void invalidate(String keyspace, byte[] key);

    void invalidateAll();

    Stats stats();

    /** The byte budget this cache keeps to, or 0 when it does not say (the kernel then sizes nothing by it). */
    default long capacityBytes() {
        return 0;
    }

    @Override
    void close();
}
