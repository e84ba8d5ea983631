package io.heliosdb.core.config;

import io.heliosdb.api.config.AuditConfig;
import io.heliosdb.api.config.Compression;
import io.heliosdb.api.config.EncryptionConfig;
import io.heliosdb.api.config.HeliosConfig;
import io.heliosdb.api.config.PerformanceConfig;
import io.heliosdb.api.config.ServerConfig;
import io.heliosdb.api.config.StorageConfig;
import java.nio.file.Path;

/** The configuration being assembled key by key; {@link #build()} makes the records. */
final class ConfigDraft {
    Path storagePath;
    boolean memoryOnly;
    /** Null until set explicitly: then it follows {@code memory_only}. */
    String engine;
    long cacheSizeBytes;
    Compression compression;
    boolean walEnabled;
    String cacheProvider;
    long engineCacheBytes;
    boolean directReads;

    String listenAddr;
    int port;
    int maxConnections;
    boolean tlsEnabled;
    Path tlsCertPath;
    Path tlsKeyPath;
    String authMethod;
    String user;
    String password;
    int metricsPort;
    int maxMessageSize;

    int workerThreads;
    boolean simdEnabled;
    boolean parallelQuery;
    int queryTimeoutSecs;

    boolean encryptionEnabled;
    String algorithm;
    EncryptionConfig.KeySource keySource;

    boolean auditEnabled;
    Path auditLogPath;

    ConfigDraft(HeliosConfig base) {
        StorageConfig s = base.storage();
        storagePath = s.path();
        memoryOnly = s.memoryOnly();
        engine = s.engine();
        cacheSizeBytes = s.cacheSizeBytes();
        compression = s.compression();
        walEnabled = s.walEnabled();
        cacheProvider = s.cacheProvider();
        engineCacheBytes = s.engineCacheBytes();
        directReads = s.directReads();
        ServerConfig v = base.server();
        listenAddr = v.listenAddr();
        port = v.port();
        maxConnections = v.maxConnections();
        tlsEnabled = v.tlsEnabled();
        tlsCertPath = v.tlsCertPath();
        tlsKeyPath = v.tlsKeyPath();
        authMethod = v.authMethod();
        user = v.user();
        password = v.password();
        metricsPort = v.metricsPort();
        maxMessageSize = v.maxMessageSize();
        PerformanceConfig p = base.performance();
        workerThreads = p.workerThreads();
        simdEnabled = p.simdEnabled();
        parallelQuery = p.parallelQuery();
        queryTimeoutSecs = p.queryTimeoutSecs();
        EncryptionConfig e = base.encryption();
        encryptionEnabled = e.enabled();
        algorithm = e.algorithm();
        keySource = e.keySource();
        AuditConfig a = base.audit();
        auditEnabled = a.enabled();
        auditLogPath = a.logPath();
    }

    /** A draft of the defaults whose engine follows {@code memory_only} unless set. */
    static ConfigDraft ofDefaults() {
        ConfigDraft d = new ConfigDraft(HeliosConfig.defaults());
        d.engine = null;
        return d;
    }

    HeliosConfig build() {
        String effectiveEngine = engine != null ? engine : memoryOnly ? "memory" : "rocksdb";
        return new HeliosConfig(
                new StorageConfig(storagePath, memoryOnly, effectiveEngine, cacheSizeBytes, compression, walEnabled,
                        cacheProvider, engineCacheBytes, directReads),
                new ServerConfig(listenAddr, port, maxConnections, tlsEnabled, tlsCertPath, tlsKeyPath, authMethod, user,
                        password, metricsPort, maxMessageSize),
                new PerformanceConfig(workerThreads, simdEnabled, parallelQuery, queryTimeoutSecs),
                new EncryptionConfig(encryptionEnabled, algorithm, keySource),
                new AuditConfig(auditEnabled, auditLogPath));
    }
}
