package io.heliosdb.storage.rocks;

import io.heliosdb.api.config.StorageConfig;
import io.heliosdb.spi.StorageCapability;
import io.heliosdb.spi.StorageEngine;
import io.heliosdb.spi.StorageEngineProvider;
import java.util.EnumSet;
import java.util.Set;

/** The {@code rocksdb} storage provider: a RocksDB database in {@code [storage] path}. */
public final class RocksStorageProvider implements StorageEngineProvider {

    public static final String NAME = "rocksdb";

    /**
     * PARALLEL_SCANS: RocksDB iterators on one snapshot may run on several threads at once, and a cursor takes the
     * engine's lock once per gathered run of entries ({@link RocksCursor#nextEntries}), not once per row.
     */
    static final Set<StorageCapability> CAPABILITIES = Set.copyOf(EnumSet.of(StorageCapability.PERSISTENT,
            StorageCapability.READ_VIEWS, StorageCapability.SIZE_ESTIMATES, StorageCapability.STATISTICS,
            StorageCapability.PARALLEL_SCANS));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<StorageCapability> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public StorageEngine open(StorageConfig config) {
        // Before RocksStorageEngine initialises: its first use of RocksDB loads the JNI library.
        RocksNativeLibrary.prepare();
        return RocksStorageEngine.open(config);
    }
}
