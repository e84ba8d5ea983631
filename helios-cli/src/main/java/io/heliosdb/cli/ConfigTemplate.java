package io.heliosdb.cli;

import io.heliosdb.api.config.AuditConfig;
import io.heliosdb.api.config.EncryptionConfig;
import io.heliosdb.api.config.HeliosConfig;
import io.heliosdb.api.config.PerformanceConfig;
import io.heliosdb.api.config.ServerConfig;
import io.heliosdb.api.config.StorageConfig;
import io.heliosdb.core.config.ByteSize;

/**
 * The {@code heliosdb.toml} that {@code init} writes: every key with its default, commented out,
 * except {@code [storage] path}, which points at the directory the file is in. The defaults are
 * taken from {@link HeliosConfig#defaults()} so the file cannot drift from the code.
 */
final class ConfigTemplate {

    private ConfigTemplate() {
    }

    static String text() {
        HeliosConfig d = HeliosConfig.defaults();
        StorageConfig s = d.storage();
        ServerConfig v = d.server();
        PerformanceConfig p = d.performance();
        EncryptionConfig e = d.encryption();
        AuditConfig a = d.audit();
        return """
                # HeliosDB Lite configuration.
                #
                # Every key has a default: uncomment a line to change it. Relative paths are resolved
                # against the directory of this file. Command-line flags override this file, and
                # HELIOS_<SECTION>_<KEY> environment variables (e.g. HELIOS_SERVER_PORT) override both.

                [storage]
                # The data directory: the directory this file is in.
                path = "."
                # Keep all data in RAM only; nothing is written to disk and it is gone on exit.
                # memory_only = %s
                # Storage engine: "rocksdb" (persistent), "lmdb" (persistent, read-optimised) or "memory".
                # engine = "%s"
                # Row cache budget, e.g. "512 MB" or "1 GB". Serving persistent data with a budget is
                # Hybrid mode (a row cache in front of storage); embedded, it sizes the engine's block
                # cache. 0, the default, means no row cache (Server mode when serving).
                # cache_size = "%s"
                # Compression of stored values: "zstd", "lz4" or "none".
                # compression = "%s"
                # Acknowledge a commit only once it is synced to the write-ahead log.
                # wal_enabled = %s

                [server]
                # Address to listen on; "0.0.0.0" accepts connections from other machines.
                # listen_addr = "%s"
                # port = %d
                # max_connections = %d
                # TLS for client connections (not set by default).
                # tls_enabled = %s
                # tls_cert_path = "server.crt"
                # tls_key_path = "server.key"
                # Client authentication: "trust", "password", "md5" or "scram-sha-256".
                # auth_method = "trust"
                # The bootstrap superuser; its password can also come from HELIOS_SERVER_PASSWORD.
                # user = "postgres"
                # password = "change-me"
                # Port of the Prometheus /metrics and /health endpoint (not served by default).
                # metrics_port = 9187

                [performance]
                # Threads that run queries for server connections; 0 means one per CPU core.
                # worker_threads = %d
                # simd_enabled = %s
                # parallel_query = %s
                # Cancel statements running longer than this many seconds; 0 means no limit.
                # query_timeout_secs = %d

                [encryption]
                # Encryption at rest (key source not set by default).
                # enabled = %s
                # algorithm = "%s"
                # key_source = { Environment = "HELIOS_ENCRYPTION_KEY" }

                [audit]
                # An audit log of statements and logins (log path not set by default).
                # enabled = %s
                # log_path = "audit.log"
                """.formatted(
                s.memoryOnly(), s.engine(), ByteSize.format(s.cacheSizeBytes()), s.compression().configName(),
                s.walEnabled(),
                v.listenAddr(), v.port(), v.maxConnections(), v.tlsEnabled(),
                p.workerThreads(), p.simdEnabled(), p.parallelQuery(), p.queryTimeoutSecs(),
                e.enabled(), e.algorithm(),
                a.enabled());
    }
}
