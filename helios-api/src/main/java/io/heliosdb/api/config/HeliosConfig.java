package io.heliosdb.api.config;

import java.nio.file.Path;
import java.util.Objects;

/** The whole configuration, as {@code heliosdb.toml} holds it. Every key has a default. */
public record HeliosConfig(StorageConfig storage, ServerConfig server, PerformanceConfig performance,
                           EncryptionConfig encryption, AuditConfig audit) {

    public HeliosConfig {
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(performance, "performance");
        Objects.requireNonNull(encryption, "encryption");
        Objects.requireNonNull(audit, "audit");
    }

    public static HeliosConfig defaults() {
        return new HeliosConfig(StorageConfig.defaults(), ServerConfig.defaults(), PerformanceConfig.defaults(),
                EncryptionConfig.defaults(), AuditConfig.defaults());
    }

    /** Defaults with all data in RAM. */
    public static HeliosConfig memory() {
        return defaults().withStorage(StorageConfig.defaults().withMemoryOnly());
    }

    /** Defaults with data persisted in this directory. */
    public static HeliosConfig persistent(Path directory) {
        return defaults().withStorage(StorageConfig.defaults().withPath(directory));
    }

    public HeliosConfig withStorage(StorageConfig s) {
        return new HeliosConfig(s, server, performance, encryption, audit);
    }

    public HeliosConfig withServer(ServerConfig s) {
        return new HeliosConfig(storage, s, performance, encryption, audit);
    }

    public HeliosConfig withPerformance(PerformanceConfig p) {
        return new HeliosConfig(storage, server, p, encryption, audit);
    }
}
