package io.heliosdb.core.config;

import io.heliosdb.api.config.Compression;
import io.heliosdb.api.config.EncryptionConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

/** Every key of heliosdb.toml: its section, name, value kind and where it goes in the draft. */
enum ConfigKey {
    STORAGE_PATH("storage", "path", ValueKind.PATH, (d, v) -> d.storagePath = (Path) v),
    STORAGE_MEMORY_ONLY("storage", "memory_only", ValueKind.BOOLEAN, (d, v) -> d.memoryOnly = (Boolean) v),
    STORAGE_ENGINE("storage", "engine", ValueKind.ENGINE, (d, v) -> d.engine = (String) v),
    STORAGE_CACHE_SIZE("storage", "cache_size", ValueKind.SIZE, (d, v) -> d.cacheSizeBytes = (Long) v),
    STORAGE_COMPRESSION("storage", "compression", ValueKind.COMPRESSION, (d, v) -> d.compression = (Compression) v),
    STORAGE_WAL_ENABLED("storage", "wal_enabled", ValueKind.BOOLEAN, (d, v) -> d.walEnabled = (Boolean) v),
    STORAGE_CACHE_PROVIDER("storage", "cache_provider", ValueKind.CACHE_PROVIDER,
            (d, v) -> d.cacheProvider = (String) v),
    STORAGE_ENGINE_CACHE_SIZE("storage", "engine_cache_size", ValueKind.SIZE,
            (d, v) -> d.engineCacheBytes = (Long) v),
    STORAGE_DIRECT_READS("storage", "direct_reads", ValueKind.BOOLEAN, (d, v) -> d.directReads = (Boolean) v),

    SERVER_LISTEN_ADDR("server", "listen_addr", ValueKind.ADDRESS, (d, v) -> d.listenAddr = (String) v),
    SERVER_PORT("server", "port", ValueKind.PORT, (d, v) -> d.port = (Integer) v),
    SERVER_MAX_CONNECTIONS("server", "max_connections", ValueKind.POSITIVE_INT,
            (d, v) -> d.maxConnections = (Integer) v),
    SERVER_TLS_ENABLED("server", "tls_enabled", ValueKind.BOOLEAN, (d, v) -> d.tlsEnabled = (Boolean) v),
    SERVER_TLS_CERT_PATH("server", "tls_cert_path", ValueKind.PATH, (d, v) -> d.tlsCertPath = (Path) v),
    SERVER_TLS_KEY_PATH("server", "tls_key_path", ValueKind.PATH, (d, v) -> d.tlsKeyPath = (Path) v),
    SERVER_AUTH_METHOD("server", "auth_method", ValueKind.AUTH_METHOD, (d, v) -> d.authMethod = (String) v),
    SERVER_USER("server", "user", ValueKind.NAME, (d, v) -> d.user = (String) v),
    SERVER_PASSWORD("server", "password", ValueKind.SECRET, (d, v) -> d.password = (String) v),
    SERVER_METRICS_PORT("server", "metrics_port", ValueKind.PORT, (d, v) -> d.metricsPort = (Integer) v),
    SERVER_MAX_MESSAGE_SIZE("server", "max_message_size", ValueKind.MESSAGE_SIZE,
            (d, v) -> d.maxMessageSize = (Integer) v),

    PERFORMANCE_WORKER_THREADS("performance", "worker_threads", ValueKind.NON_NEGATIVE_INT,
            (d, v) -> d.workerThreads = (Integer) v),
    PERFORMANCE_SIMD_ENABLED("performance", "simd_enabled", ValueKind.BOOLEAN, (d, v) -> d.simdEnabled = (Boolean) v),
    PERFORMANCE_PARALLEL_QUERY("performance", "parallel_query", ValueKind.BOOLEAN,
            (d, v) -> d.parallelQuery = (Boolean) v),
    PERFORMANCE_QUERY_TIMEOUT_SECS("performance", "query_timeout_secs", ValueKind.NON_NEGATIVE_INT,
            (d, v) -> d.queryTimeoutSecs = (Integer) v),

    ENCRYPTION_ENABLED("encryption", "enabled", ValueKind.BOOLEAN, (d, v) -> d.encryptionEnabled = (Boolean) v),
    ENCRYPTION_ALGORITHM("encryption", "algorithm", ValueKind.ALGORITHM, (d, v) -> d.algorithm = (String) v),
    ENCRYPTION_KEY_SOURCE("encryption", "key_source", ValueKind.KEY_SOURCE,
            (d, v) -> d.keySource = (EncryptionConfig.KeySource) v),

    AUDIT_ENABLED("audit", "enabled", ValueKind.BOOLEAN, (d, v) -> d.auditEnabled = (Boolean) v),
    AUDIT_LOG_PATH("audit", "log_path", ValueKind.PATH, (d, v) -> d.auditLogPath = (Path) v);

    private final String section;
    private final String key;
    private final ValueKind kind;
    private final BiConsumer<ConfigDraft, Object> setter;

    ConfigKey(String section, String key, ValueKind kind, BiConsumer<ConfigDraft, Object> setter) {
        this.section = section;
        this.key = key;
        this.kind = kind;
        this.setter = setter;
    }

    String section() {
        return section;
    }

    String key() {
        return key;
    }

    ValueKind kind() {
        return kind;
    }

    /** {@code storage.path}. */
    String dotted() {
        return section + "." + key;
    }

    /** {@code HELIOS_STORAGE_PATH}. */
    String environmentVariable() {
        return "HELIOS_" + section.toUpperCase(Locale.ROOT) + "_" + key.toUpperCase(Locale.ROOT);
    }

    void apply(ConfigDraft draft, Object convertedValue) {
        setter.accept(draft, convertedValue);
    }

    static ConfigKey find(String section, String key) {
        for (ConfigKey k : values()) {
            if (k.section.equals(section) && k.key.equals(key)) {
                return k;
            }
        }
        return null;
    }

    static List<String> sections() {
        List<String> names = new ArrayList<>();
        for (ConfigKey k : values()) {
            if (!names.contains(k.section)) {
                names.add(k.section);
            }
        }
        return names;
    }

    static List<String> keysOf(String section) {
        List<String> names = new ArrayList<>();
        for (ConfigKey k : values()) {
            if (k.section.equals(section)) {
                names.add(k.key);
            }
        }
        return names;
    }
}
