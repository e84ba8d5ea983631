/**
 * The HeliosDB kernel: catalog, transactions, key and row encoding, sessions, configuration
 * loading and mode assembly. Storage, cache and transport modules are found with ServiceLoader.
 */
module io.heliosdb.core {
    requires transitive io.heliosdb.api;
    requires io.heliosdb.sql;
    requires org.tomlj;

    exports io.heliosdb.core.config;

    uses io.heliosdb.spi.StorageEngineProvider;
    uses io.heliosdb.spi.TransportProvider;
    uses io.heliosdb.spi.CacheLayerProvider;

    provides io.heliosdb.spi.KernelProvider with io.heliosdb.core.HeliosKernel;
}
