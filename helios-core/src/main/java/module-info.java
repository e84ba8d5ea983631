/**
 * The HeliosDB kernel: catalog, transactions, key and row encoding, sessions, configuration
 * loading, mode assembly, metrics and system views. Storage, cache and transport modules are found
 * with ServiceLoader.
 */
module io.heliosdb.core {
    requires transitive io.heliosdb.api;
    requires io.heliosdb.sql;
    requires org.tomlj;
    requires HdrHistogram;
    // Heap and buffer-pool (off-heap) memory for the metrics.
    requires java.management;
    // The /metrics and /health endpoint.
    requires jdk.httpserver;

    exports io.heliosdb.core.config;

    uses io.heliosdb.spi.StorageEngineProvider;
    uses io.heliosdb.spi.TransportProvider;
    uses io.heliosdb.spi.CacheLayerProvider;

    provides io.heliosdb.spi.KernelProvider with io.heliosdb.core.HeliosKernel;
}
