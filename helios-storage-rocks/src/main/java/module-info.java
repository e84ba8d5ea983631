/** A persistent storage engine on RocksDB (provider {@code rocksdb}). */
module io.heliosdb.storage.rocks {
    requires io.heliosdb.api;
    requires rocksdbjni;

    provides io.heliosdb.spi.StorageEngineProvider with io.heliosdb.storage.rocks.RocksStorageProvider;
}
