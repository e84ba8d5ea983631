package io.heliosdb.spi;

/** What a storage engine can do beyond the required contract. */
public enum StorageCapability {
    /** Data survives close and reopen (and a process crash, once a sync write returned). */
    PERSISTENT,
    /** {@link StorageEngine#readView()} gives a consistent snapshot. */
    READ_VIEWS,
    /** {@link StorageEngine#estimateSize(String)} answers. */
    SIZE_ESTIMATES,
    /** {@link StorageEngine#statistics()} has engine counters. */
    STATISTICS,
    /**
     * Several threads may scan disjoint ranges of one {@link ReadView} at once, each at about the speed of
     * one scan alone: the kernel then splits a large aggregate's table scan over worker threads.
     */
    PARALLEL_SCANS
}
