package io.heliosdb.storage.memory;

import io.heliosdb.api.config.StorageConfig;
import io.heliosdb.spi.StorageCapability;
import io.heliosdb.spi.StorageEngine;
import io.heliosdb.spi.StorageEngineProvider;
import java.util.EnumSet;
import java.util.Set;

/** The {@code memory} storage provider: every open gives a new, empty store that lives until closed. */
public final class MemoryStorageProvider implements StorageEngineProvider {

    public static final String NAME = "memory";

    static final Set<StorageCapability> CAPABILITIES = Set.copyOf(
            EnumSet.of(StorageCapability.READ_VIEWS, StorageCapability.SIZE_ESTIMATES, StorageCapability.STATISTICS,
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
        return new MemoryStorageEngine();
    }
}
