package io.heliosdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.config.HeliosConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigResolverTest {

    @TempDir
    Path tmp;

    @Test
    void noFileNoFlags_givesDocumentedDefaults() {
        HeliosConfig c = new ConfigResolver(null, null, false, null, null).resolve(Map.of());
        assertThat(c.storage().path()).isEqualTo(Path.of("heliosdb-data"));
        assertThat(c.storage().memoryOnly()).isFalse();
        assertThat(c.server().port()).isEqualTo(5432);
        assertThat(c.server().listenAddr()).isEqualTo("127.0.0.1");
    }

    @Test
    void flagsOverrideFile_andEnvironmentOverridesBoth() throws Exception {
        Path file = tmp.resolve("custom.toml");
        Files.writeString(file, "[server]\nport = 6000\nlisten_addr = \"0.0.0.0\"\nmax_connections = 7\n");
        HeliosConfig c = new ConfigResolver(file, null, true, 6001, null).resolve(Map.of());
        assertThat(c.server().port()).isEqualTo(6001);
        assertThat(c.server().listenAddr()).isEqualTo("0.0.0.0");
        assertThat(c.server().maxConnections()).isEqualTo(7);
        assertThat(c.storage().memoryOnly()).isTrue();

        HeliosConfig env = new ConfigResolver(file, null, true, 6001, null).resolve(Map.of("HELIOS_SERVER_PORT", "6002"));
        assertThat(env.server().port()).isEqualTo(6002);
    }

    @Test
    void dataDirWithConfigFile_readsItWithoutConfigFlag() throws Exception {
        Files.writeString(tmp.resolve("heliosdb.toml"), "[storage]\npath = \".\"\n[server]\nport = 6543\n");
        HeliosConfig c = new ConfigResolver(null, tmp, false, null, null).resolve(Map.of());
        assertThat(c.server().port()).isEqualTo(6543);
        assertThat(c.storage().path()).isEqualTo(tmp);
        assertThat(c.storage().engine()).isEqualTo("rocksdb");
    }

    @Test
    void dataFlag_overridesMemoryOnlyFile() throws Exception {
        Path file = tmp.resolve("mem.toml");
        Files.writeString(file, "[storage]\nmemory_only = true\n");
        Path data = tmp.resolve("data");
        HeliosConfig c = new ConfigResolver(file, data, false, null, null).resolve(Map.of());
        assertThat(c.storage().memoryOnly()).isFalse();
        assertThat(c.storage().path()).isEqualTo(data);
        assertThat(c.storage().engine()).isEqualTo("rocksdb");
    }
}
