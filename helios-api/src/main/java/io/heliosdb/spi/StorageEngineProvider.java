package io.heliosdb.spi;

import io.heliosdb.api.config.StorageConfig;
import java.util.Set;

/** Entry point of a storage module, found with {@link java.util.ServiceLoader}. */
public interface StorageEngineProvider {

    /** The name chosen with {@code [storage] engine}, e.g. {@code memory}, {@code rocksdb}. */
    String name();

    Set<StorageCapability> capabilities();

    /** Opens (creating if needed) the store described by {@code config}. */
    StorageEngine open(StorageConfig config);
}
