package io.heliosdb.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code [storage] cache_provider}: read from the file and the environment, checked, compact by default. */
class CacheProviderConfigTest {

    @Test
    void parse_noKey_isCompact() {
        assertThat(ConfigLoader.parse("", "x").storage().cacheProvider()).isEqualTo("compact");
    }

    @Test
    void parse_chronicle_isRead() {
        assertThat(ConfigLoader.parse("[storage]\ncache_provider = \"chronicle\"\n", "x").storage().cacheProvider())
                .isEqualTo("chronicle");
    }

    @Test
    void parse_compact_isRead() {
        assertThat(ConfigLoader.parse("[storage]\ncache_provider = \"compact\"\n", "x").storage().cacheProvider())
                .isEqualTo("compact");
    }

    @Test
    void parse_none_isRead() {
        assertThat(ConfigLoader.parse("[storage]\ncache_provider = \"none\"\n", "x").storage().cacheProvider())
                .isEqualTo("none");
    }

    @Test
    void parse_unknownProvider_namesLineKeyAndChoices() {
        assertThatThrownBy(() -> ConfigLoader.parse("[storage]\n\ncache_provider = \"redis\"\n", "h.toml"))
                .isInstanceOfSatisfying(HeliosException.class,
                        e -> assertThat(e.sqlState()).isEqualTo(SqlState.CONFIG_FILE_ERROR))
                .hasMessageStartingWith("h.toml:3: invalid value for \"storage.cache_provider\"")
                .hasMessageContaining("\"caffeine\", \"compact\", \"chronicle\" or \"none\"");
    }

    @Test
    void applyEnvironment_setsTheProvider() {
        var config = ConfigLoader.applyEnvironment(ConfigLoader.parse("", "x"),
                Map.of("HELIOS_STORAGE_CACHE_PROVIDER", "Chronicle"));
        assertThat(config.storage().cacheProvider()).isEqualTo("chronicle");
    }

    @Test
    void withers_keepTheProvider() {
        var storage = ConfigLoader.parse("[storage]\ncache_provider = \"chronicle\"\n", "x").storage();
        assertThat(storage.withCacheSizeBytes(1).withEngine("lmdb").withWalEnabled(false).cacheProvider())
                .isEqualTo("chronicle");
    }
}
