package io.heliosdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.config.HeliosConfig;
import io.heliosdb.core.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {

    @TempDir
    Path tmp;

    @Test
    void init_createsDirectoryAndConfigThatLoadsAsDefaultsWithThisDirectory() throws Exception {
        Path dir = tmp.resolve("a/b/mydb");
        CliRun run = CliRun.run("", "init", dir.toString());
        assertThat(run.exitCode()).isZero();
        Path file = dir.resolve("heliosdb.toml");
        assertThat(file).isRegularFile();
        assertThat(run.out()).contains(file.toString());

        HeliosConfig loaded = ConfigLoader.load(file);
        HeliosConfig expected = HeliosConfig.persistent(dir.toAbsolutePath().normalize());
        assertThat(loaded).isEqualTo(expected);
    }

    @Test
    void init_everyCommentedKeyUncommented_stillLoads() throws Exception {
        CliRun.run("", "init", tmp.toString());
        String text = Files.readString(tmp.resolve("heliosdb.toml"));
        // Uncomment "# key = value" lines (not prose comments): every key the file lists must be valid.
        String uncommented = text.replaceAll("(?m)^# ([a-z_]+ = .*)$", "$1");
        assertThat(uncommented).contains("\ncache_size = ").contains("\nkey_source = ").contains("\nlog_path = ");
        HeliosConfig config = ConfigLoader.parse(uncommented, "heliosdb.toml", tmp);
        HeliosConfig defaults = HeliosConfig.defaults();
        assertThat(config.storage().cacheSizeBytes()).isEqualTo(defaults.storage().cacheSizeBytes());
        assertThat(config.storage().compression()).isEqualTo(defaults.storage().compression());
        assertThat(config.server().port()).isEqualTo(defaults.server().port());
        assertThat(config.server().listenAddr()).isEqualTo(defaults.server().listenAddr());
        assertThat(config.performance()).isEqualTo(defaults.performance());
    }

    @Test
    void init_listsEveryKeyOfEverySection() throws Exception {
        CliRun.run("", "init", tmp.toString());
        String text = Files.readString(tmp.resolve("heliosdb.toml"));
        for (String key : new String[] {"path", "memory_only", "engine", "cache_size", "compression", "wal_enabled",
                "listen_addr", "port", "max_connections", "tls_enabled", "tls_cert_path", "tls_key_path",
                "worker_threads", "simd_enabled", "parallel_query", "query_timeout_secs", "enabled", "algorithm",
                "key_source", "log_path"}) {
            assertThat(text).containsPattern("(?m)^(# )?" + key + " = ");
        }
        for (String section : new String[] {"storage", "server", "performance", "encryption", "audit"}) {
            assertThat(text).contains("[" + section + "]");
        }
    }

    @Test
    void init_existingConfig_isNotOverwritten_exitCode1() throws Exception {
        Path file = tmp.resolve("heliosdb.toml");
        Files.writeString(file, "# mine\n");
        CliRun run = CliRun.run("", "init", tmp.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("already exists").contains(file.toString());
        assertThat(Files.readString(file)).isEqualTo("# mine\n");
    }
}
