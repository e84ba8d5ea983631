package io.heliosdb.core.monitor;

import io.heliosdb.api.DeploymentMode;
import io.heliosdb.spi.StorageEngine;

/** What the kernel exposes to its statistics: implemented by the open database. */
public interface StatsSource {

    DeploymentMode mode();

    StorageEngine engine();

    /** The cache layer in front of row reads, or null (Embedded, Server, Memory-only). */
    CacheInfo cache();

    QueryMetrics queries();

    /** Client connections open on every transport. */
    int openConnections();

    int maxConnections();

    int openSessions();

    long commits();

    /** Lock waits, commit groups and statement restarts so far. */
    default ContentionStats contention() {
        return ContentionStats.NONE;
    }

    long startedAtMillis();

    /** Decoded column copies (Memory-only scans): copies made, scans served from one, bytes held; null: none. */
    default long[] columnCopies() {
        return null;
    }
}
