/**
 * Benchmarks: JMH micro-benchmarks of the hot paths and the side-by-side harness that runs one
 * workload definition against HeliosDB, H2, SQLite, PostgreSQL and DuckDB. Both run on the class
 * path (java -jar target/benchmarks.jar, or the bench/compare script); this descriptor keeps the
 * module's dependencies explicit at compile time.
 */
module io.heliosdb.bench {
    requires io.heliosdb.api;
    requires io.heliosdb.core;
    requires io.heliosdb.sql;
    requires java.sql;
    requires java.management;
    requires jdk.management; // SyncProbe: process CPU time
    requires jdk.jfr; // JfrTopFrames reads recordings
    requires jmh.core;
    requires HdrHistogram;
    requires commons.math3;

    uses io.heliosdb.spi.StorageEngineProvider;
    uses io.heliosdb.spi.CacheLayerProvider;
}
