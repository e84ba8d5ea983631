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
    void parse_engineCacheSize_isReadFromFileAndEnvironment_zeroByDefault() {
        assertThat(ConfigLoader.parse("", "x").storage().engineCacheBytes()).isZero();
        assertThat(ConfigLoader.parse("[storage]\nengine_cache_size = \"2 MB\"\n", "x").storage().engineCacheBytes())
                .isEqualTo(2L * 1024 * 1024);
        assertThat(ConfigLoader.applyEnvironment(ConfigLoader.parse("", "x"),
                Map.of("HELIOS_STORAGE_ENGINE_CACHE_SIZE", "1048576")).storage().engineCacheBytes())
                .isEqualTo(1024 * 1024);
    }

    @Test
    void parse_directReads_isReadAndOffByDefault() {
        assertThat(ConfigLoader.parse("", "x").storage().directReads()).isFalse();
        assertThat(ConfigLoader.parse("[storage]\ndirect_reads = true\n", "x").storage().directReads()).isTrue();
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
