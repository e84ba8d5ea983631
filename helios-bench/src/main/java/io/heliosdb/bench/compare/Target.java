package io.heliosdb.bench.compare;

import java.nio.file.Path;

/** A system under test in one configuration, e.g. SQLite on a file with WAL and synchronous=FULL. */
public interface Target {

    /** Short id used on the command line and in the report, e.g. {@code sqlite-file}. */
    String id();

    /** One line for the report: what runs and how durable it is. */
    String description();

    /** Why this target cannot run the workload, or {@code null} when it can. */
    String notApplicable(Workload workload);

    /**
     * Names the on-disk format of this target's files when a data set built once can be copied for each
     * run ({@link DataSets}); targets with the same key share one copy. {@code null} (in-memory systems)
     * means every run loads its own data.
     */
    default String dataSetKey() {
        return null;
    }

    /**
     * Starts the system on the files in {@code directory}: empty for a fresh database, or a copy of a
     * data set this target's key built ({@link DataSets}).
     */
    Instance open(Path directory) throws Exception;

    /** A PostgreSQL-protocol address: loopback port, database and user (trust authentication). */
    record PgEndpoint(int port, String database, String user) {
    }

    /** A running system that hands out connections. */
    interface Instance extends AutoCloseable {
        DbClient connect() throws Exception;

        /**
         * The {@link System#nanoTime()} at which the system first accepted a connection, for a target whose start-up
         * figure is that (helios-launcher, as the goal names it) rather than its first answered query; empty
         * for the others, or before {@link #connect()}.
         */
        default java.util.OptionalLong firstAcceptedNanos() {
            return java.util.OptionalLong.empty();
        }

        /** Where a PostgreSQL-protocol client (pgbench) reaches this system, {@code null} for an embedded one. */
        default PgEndpoint pgEndpoint() {
            return null;
        }

        /** The cache layer's hit rate so far, NaN for a system without one. */
        default double cacheHitRate() throws Exception {
            return Double.NaN;
        }

        /**
         * The cache layer's hits and misses so far, {@code null} for a system without one: the hit rate of
         * one workload is the difference across it, as several workloads run on one instance ({@link RunPlan}).
         */
        default long[] cacheHitsAndMisses() throws Exception {
            return null;
        }

        /**
         * Hits and misses of the memory the zipfian reads are served from, {@code null} where unknown: the row cache
         * for Hybrid, RocksDB's block cache (data blocks) for Server and Embedded ({@link ZipfWarmup} waits for its
         * hit rate to level off).
         */
        default long[] memoryHitsAndMisses() throws Exception {
            return cacheHitsAndMisses();
        }

        @Override
        void close() throws Exception;
    }
}
