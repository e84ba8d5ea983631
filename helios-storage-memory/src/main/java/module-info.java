/** An ordered in-RAM storage engine (provider {@code memory}). */
module io.heliosdb.storage.memory {
    requires io.heliosdb.api;

    provides io.heliosdb.spi.StorageEngineProvider with io.heliosdb.storage.memory.MemoryStorageProvider;
}
