package io.heliosdb.storage.lmdb;

import io.heliosdb.api.config.StorageConfig;
import io.heliosdb.spi.StorageCapability;
import io.heliosdb.spi.StorageEngine;
import io.heliosdb.spi.StorageEngineProvider;
import java.util.EnumSet;
import java.util.Set;

/** The {@code lmdb} storage provider: an LMDB environment in {@code [storage] path}. */
public final class LmdbStorageProvider implements StorageEngineProvider {

    public static final String NAME = "lmdb";

    static final Set<StorageCapability> CAPABILITIES = Set.copyOf(EnumSet.of(StorageCapability.PERSISTENT,
            StorageCapability.READ_VIEWS, StorageCapability.SIZE_ESTIMATES, StorageCapability.STATISTICS));

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
        return LmdbStorageEngine.open(config);
    }
}
