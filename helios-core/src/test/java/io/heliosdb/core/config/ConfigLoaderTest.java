package io.heliosdb.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.config.Compression;
import io.heliosdb.api.config.EncryptionConfig;
import io.heliosdb.api.config.HeliosConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @Test
    void parse_emptyText_givesDefaults() {
        assertThat(ConfigLoader.parse("", "heliosdb.toml")).isEqualTo(HeliosConfig.defaults());
    }

    @Test
    void parse_everyKey_isRead() {
        HeliosConfig c = ConfigLoader.parse("""
                [storage]
                path = "/var/lib/heliosdb"
                memory_only = false
                engine = "rocksdb"
                cache_size = "512 MB"
                compression = "zstd"
                wal_enabled = false

                [server]
                listen_addr = "0.0.0.0"
                port = 5433
                max_connections = 50
                tls_enabled = true
                tls_cert_path = "/etc/cert.pem"
                tls_key_path = "/etc/key.pem"

                [performance]
                worker_threads = 4
                simd_enabled = false
                parallel_query = true
                query_timeout_secs = 30

                [encryption]
                enabled = true
                algorithm = "Aes256Gcm"
                key_source = { Environment = "HELIOS_KEY" }

                [audit]
                enabled = true
                log_path = "/var/log/helios-audit.log"
                """, "heliosdb.toml");
        assertThat(c.storage().path()).isEqualTo(Path.of("/var/lib/heliosdb"));
        assertThat(c.storage().engine()).isEqualTo("rocksdb");
        assertThat(c.storage().cacheSizeBytes()).isEqualTo(512L * 1024 * 1024);
        assertThat(c.storage().compression()).isEqualTo(Compression.ZSTD);
        assertThat(c.storage().walEnabled()).isFalse();
        assertThat(c.server().listenAddr()).isEqualTo("0.0.0.0");
        assertThat(c.server().port()).isEqualTo(5433);
        assertThat(c.server().maxConnections()).isEqualTo(50);
        assertThat(c.server().tlsEnabled()).isTrue();
        assertThat(c.server().tlsKeyPath()).isEqualTo(Path.of("/etc/key.pem"));
        assertThat(c.performance().workerThreads()).isEqualTo(4);
        assertThat(c.performance().simdEnabled()).isFalse();
        assertThat(c.performance().parallelQuery()).isTrue();
        assertThat(c.performance().queryTimeoutSecs()).isEqualTo(30);
        assertThat(c.encryption()).isEqualTo(
                new EncryptionConfig(true, "Aes256Gcm", new EncryptionConfig.KeySource("Environment", "HELIOS_KEY")));
        assertThat(c.audit().enabled()).isTrue();
        assertThat(c.audit().logPath()).isEqualTo(Path.of("/var/log/helios-audit.log"));
    }

    @Test
    void parse_authAndMetricsKeys_areReadAndChecked() {
        var server = ConfigLoader.parse("""
                [server]
                auth_method = "scram-sha-256"
                user = "admin"
                password = "s3cret"
                metrics_port = 9187
                """, "h.toml").server();
        assertThat(server.authMethod()).isEqualTo("scram-sha-256");
        assertThat(server.user()).isEqualTo("admin");
        assertThat(server.password()).isEqualTo("s3cret");
        assertThat(server.metricsPort()).isEqualTo(9187);
        assertThat(server.toString()).doesNotContain("s3cret");
        assertThat(HeliosConfig.defaults().server().authMethod()).isEqualTo("trust");
        assertThat(HeliosConfig.defaults().server().metricsPort()).isEqualTo(-1);
        assertThatThrownBy(() -> ConfigLoader.parse("[server]\nauth_method = \"kerberos\"\n", "h.toml"))
                .hasMessageStartingWith("h.toml:2: invalid value for \"server.auth_method\"");
        assertThat(ConfigLoader.applyEnvironment(HeliosConfig.defaults(), java.util.Map.of("HELIOS_SERVER_PASSWORD", "pw"))
                .server().password()).isEqualTo("pw");
    }

    @Test
    void parse_memoryOnly_defaultsEngineToMemory() {
        HeliosConfig c = ConfigLoader.parse("[storage]\nmemory_only = true\n", "x.toml");
        assertThat(c.storage().memoryOnly()).isTrue();
        assertThat(c.storage().engine()).isEqualTo("memory");
    }

    @Test
    void parse_cacheSizeAsInteger_isBytes() {
        assertThat(ConfigLoader.parse("[storage]\ncache_size = 1048576\n", "x").storage().cacheSizeBytes())
                .isEqualTo(1048576);
        assertThat(ConfigLoader.parse("[storage]\ncache_size = \"1GB\"\n", "x").storage().cacheSizeBytes())
                .isEqualTo(1L << 30);
    }

    @Test
    void parse_unknownKey_namesFileLineAndKey() {
        assertThatThrownBy(() -> ConfigLoader.parse("[storage]\npath = \"d\"\ncache_mbb = 5\n", "heliosdb.toml"))
                .isInstanceOfSatisfying(HeliosException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo(SqlState.CONFIG_FILE_ERROR);
                    assertThat(e.getMessage()).startsWith("heliosdb.toml:3: unknown key \"storage.cache_mbb\"");
                });
    }

    @Test
    void parse_unknownSection_isRejected() {
        assertThatThrownBy(() -> ConfigLoader.parse("\n[sotrage]\npath = \"d\"\n", "heliosdb.toml"))
                .hasMessageStartingWith("heliosdb.toml:2: unknown section [sotrage]");
    }

    @Test
    void parse_wrongType_namesKeyAndExpectation() {
        assertThatThrownBy(() -> ConfigLoader.parse("[server]\nport = \"abc\"\n", "h.toml"))
                .hasMessageStartingWith("h.toml:2: invalid value for \"server.port\": expected an integer");
        assertThatThrownBy(() -> ConfigLoader.parse("[server]\nport = 70000\n", "h.toml"))
                .hasMessageContaining("server.port").hasMessageContaining("65535");
        assertThatThrownBy(() -> ConfigLoader.parse("[storage]\ncompression = \"gzip\"\n", "h.toml"))
                .hasMessageContaining("storage.compression").hasMessageContaining("\"zstd\", \"lz4\" or \"none\"");
        assertThatThrownBy(() -> ConfigLoader.parse("[storage]\nwal_enabled = 1\n", "h.toml"))
                .hasMessageContaining("storage.wal_enabled").hasMessageContaining("true or false");
        assertThatThrownBy(() -> ConfigLoader.parse("[storage]\ncache_size = \"lots\"\n", "h.toml"))
                .hasMessageContaining("storage.cache_size");
        assertThatThrownBy(() -> ConfigLoader.parse("[encryption]\nkey_source = { Vault = \"x\" }\n", "h.toml"))
                .hasMessageContaining("encryption.key_source");
    }

    @Test
    void parse_syntaxError_hasLineAndColumn() {
        assertThatThrownBy(() -> ConfigLoader.parse("[storage]\npath = \n", "heliosdb.toml"))
                .isInstanceOfSatisfying(HeliosException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo(SqlState.CONFIG_FILE_ERROR);
                    assertThat(e.getMessage()).matches("heliosdb\\.toml:2:\\d+: syntax error: .*");
                });
    }

    @Test
    void load_resolvesRelativePathsAgainstTheFilesDirectory(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("conf").resolve("heliosdb.toml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "[storage]\npath = \"data\"\n[encryption]\nkey_source = { File = \"key.bin\" }\n");
        HeliosConfig c = ConfigLoader.load(file);
        assertThat(c.storage().path()).isEqualTo(file.getParent().toAbsolutePath().resolve("data"));
        assertThat(c.encryption().keySource().value())
                .isEqualTo(file.getParent().toAbsolutePath().resolve("key.bin").toString());
    }

    @Test
    void load_missingFile_isConfigError(@TempDir Path dir) {
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("none.toml")))
                .isInstanceOfSatisfying(HeliosException.class,
                        e -> assertThat(e.sqlState()).isEqualTo(SqlState.CONFIG_FILE_ERROR))
                .hasMessageContaining("none.toml");
    }

    @Test
    void applyEnvironment_overridesKnownVariablesOnly() {
        HeliosConfig c = ConfigLoader.applyEnvironment(HeliosConfig.defaults(), Map.of(
                "HELIOS_STORAGE_PATH", "/tmp/x",
                "HELIOS_SERVER_PORT", "6543",
                "HELIOS_STORAGE_CACHE_SIZE", "256MB",
                "HELIOS_STORAGE_WAL_ENABLED", "false",
                "HELIOS_ENCRYPTION_KEY_SOURCE", "Environment=MY_KEY",
                "HELIOS_HOME", "/ignored"));
        assertThat(c.storage().path()).isEqualTo(Path.of("/tmp/x"));
        assertThat(c.server().port()).isEqualTo(6543);
        assertThat(c.storage().cacheSizeBytes()).isEqualTo(256L << 20);
        assertThat(c.storage().walEnabled()).isFalse();
        assertThat(c.encryption().keySource()).isEqualTo(new EncryptionConfig.KeySource("Environment", "MY_KEY"));
        assertThat(c.server().listenAddr()).isEqualTo(HeliosConfig.defaults().server().listenAddr());
    }

    @Test
    void applyEnvironment_memoryOnlySwitchesEngine() {
        HeliosConfig c = ConfigLoader.applyEnvironment(HeliosConfig.defaults(),
                Map.of("HELIOS_STORAGE_MEMORY_ONLY", "true"));
        assertThat(c.storage().engine()).isEqualTo("memory");
    }

    @Test
    void applyEnvironment_badValue_namesTheVariable() {
        assertThatThrownBy(() -> ConfigLoader.applyEnvironment(HeliosConfig.defaults(),
                Map.of("HELIOS_SERVER_PORT", "many")))
                .isInstanceOfSatisfying(HeliosException.class,
                        e -> assertThat(e.sqlState()).isEqualTo(SqlState.CONFIG_FILE_ERROR))
                .hasMessageContaining("HELIOS_SERVER_PORT");
    }
}
