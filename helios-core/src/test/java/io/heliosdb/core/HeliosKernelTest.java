package io.heliosdb.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.DeploymentMode;
import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.config.HeliosConfig;
import io.heliosdb.api.config.StorageConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeliosKernelTest {
    private final List<String> log = new ArrayList<>();

    @Test
    void open_inMemory_logsMemoryOnlyMode() {
        try (KernelDatabase db = new HeliosKernel().open(HeliosConfig.memory(), false, log::add)) {
            assertThat(db.mode()).isEqualTo(DeploymentMode.MEMORY_ONLY);
            assertThat(db.transports()).isEmpty();
        }
        assertThat(log).containsExactly("Starting HeliosDB Lite in Memory-only Mode", "Storage: in memory");
    }

    @Test
    void open_persistent_logsEmbeddedModeAndAbsolutePath(@TempDir Path dir) {
        Path data = dir.resolve("data");
        try (KernelDatabase db = new HeliosKernel().open(HeliosConfig.persistent(data), false, log::add)) {
            assertThat(db.mode()).isEqualTo(DeploymentMode.EMBEDDED);
        }
        assertThat(log).containsExactly("Starting HeliosDB Lite in Embedded Mode",
                "Persistent storage: " + data.toAbsolutePath().normalize());
    }

    @Test
    void open_withoutWal_saysCommitsAreAsynchronous(@TempDir Path dir) {
        HeliosConfig config = HeliosConfig.persistent(dir).withStorage(
                HeliosConfig.persistent(dir).storage().withWalEnabled(false));
        new HeliosKernel().open(config, false, log::add).close();
        assertThat(log).anyMatch(line -> line.startsWith("Asynchronous commit"));
    }

    @Test
    void open_unknownEngine_listsTheEnginesFound() {
        HeliosConfig config = HeliosConfig.defaults().withStorage(HeliosConfig.defaults().storage()
                .withEngine("leveldb"));
        assertThatThrownBy(() -> new HeliosKernel().open(config, false, log::add))
                .isInstanceOf(HeliosException.class)
                .hasMessage("unknown storage engine \"leveldb\"; engines found on the module path: lmdb, memory, rocksdb");
    }

    @Test
    void open_serveWithoutTransport_isAClearError() {
        assertThatThrownBy(() -> new HeliosKernel().open(HeliosConfig.memory(), true, log::add))
                .isInstanceOfSatisfying(HeliosException.class,
                        e -> assertThat(e.sqlState()).isEqualTo(SqlState.FEATURE_NOT_SUPPORTED))
                .hasMessageContaining("helios-wire");
    }

    @Test
    void placesCacheLayer_onlyForAServedPersistentDatabaseWithASize_andNotWithProviderNone() {
        StorageConfig sized = HeliosConfig.defaults().storage().withCacheSizeBytes(1 << 20);
        assertThat(HeliosKernel.placesCacheLayer(sized, true, false)).isTrue();
        assertThat(HeliosKernel.placesCacheLayer(sized.withCacheProvider("chronicle"), true, false)).isTrue();
        assertThat(HeliosKernel.placesCacheLayer(sized.withCacheProvider("none"), true, false)).as("none").isFalse();
        assertThat(HeliosKernel.placesCacheLayer(sized, false, false)).as("embedded").isFalse();
        assertThat(HeliosKernel.placesCacheLayer(sized, true, true)).as("memory").isFalse();
        assertThat(HeliosKernel.placesCacheLayer(sized.withCacheSizeBytes(0), true, false)).as("no size").isFalse();
    }

    @Test
    void engineStorage_hybridGivesTheEngineItsOwnCacheSize_otherModesCacheSize() {
        StorageConfig storage = StorageConfig.defaults().withCacheSizeBytes(40L << 20);
        assertThat(HeliosKernel.engineStorage(storage, true).cacheSizeBytes()).isZero();
        assertThat(HeliosKernel.engineStorage(storage.withEngineCacheBytes(2L << 20), true).cacheSizeBytes())
                .isEqualTo(2L << 20);
        assertThat(HeliosKernel.engineStorage(storage.withEngineCacheBytes(2L << 20), false).cacheSizeBytes())
                .isEqualTo(40L << 20);
    }

    @Test
    void chooseCache_takesTheConfiguredProvider_elseNamesTheInstalledOnes() {
        var providers = java.util.ServiceLoader.load(io.heliosdb.spi.CacheLayerProvider.class).stream()
                .map(java.util.ServiceLoader.Provider::get).toList();
        assertThat(providers).extracting(io.heliosdb.spi.CacheLayerProvider::name).contains("caffeine", "chronicle");
        assertThat(HeliosKernel.chooseCache(providers, "caffeine").name()).isEqualTo("caffeine");
        assertThat(HeliosKernel.chooseCache(providers, "chronicle").name()).isEqualTo("chronicle");
        var withoutChronicle = providers.stream().filter(p -> !p.name().equals("chronicle")).toList();
        assertThatThrownBy(() -> HeliosKernel.chooseCache(withoutChronicle, "chronicle"))
                .isInstanceOfSatisfying(HeliosException.class,
                        e -> assertThat(e.sqlState()).isEqualTo(SqlState.CONFIG_FILE_ERROR))
                .hasMessageContaining("\"chronicle\"").hasMessageContaining("caffeine");
        assertThatThrownBy(() -> HeliosKernel.chooseCache(List.of(), "caffeine")).hasMessageContaining("helios-cache");
    }

    @Test
    void openCache_providerThatCannotStart_isOneErrorWithTheRemedy() {
        io.heliosdb.spi.CacheLayerProvider broken = new io.heliosdb.spi.CacheLayerProvider() {
            @Override
            public String name() {
                return "chronicle";
            }

            @Override
            public io.heliosdb.spi.CacheLayer open(io.heliosdb.api.config.StorageConfig config) {
                throw new NoClassDefFoundError("org/slf4j/LoggerFactory");
            }
        };
        assertThatThrownBy(() -> HeliosKernel.openCache(broken, HeliosConfig.defaults().storage()))
                .isInstanceOfSatisfying(HeliosException.class,
                        e -> assertThat(e.sqlState()).isEqualTo(SqlState.CONFIG_FILE_ERROR))
                .hasMessageContaining("could not start").hasMessageContaining("--add-opens")
                .hasMessageContaining("cache_provider = \"compact\"");
    }

    @Test
    void open_embeddedPersistent_opensNoCacheLayer(@TempDir Path dir) {
        try (KernelDatabase db = new HeliosKernel().open(HeliosConfig.persistent(dir), false, log::add)) {
            assertThat(db.cache()).isNull();
        }
        assertThat(log).noneMatch(line -> line.startsWith("Cache size"));
    }

    @Test
    void kernelProvider_isFoundByTheApi() {
        try (HeliosDB db = HeliosDB.inMemory()) {
            assertThat(db).isInstanceOf(KernelDatabase.class);
        }
    }

    @Test
    void close_closesSessionsAndRefusesNewOnes() {
        KernelDatabase db = new HeliosKernel().open(HeliosConfig.memory(), false, log::add);
        db.session();
        db.session();
        assertThat(db.openSessions()).isEqualTo(2);
        db.close();
        assertThat(db.openSessions()).isZero();
        assertThatThrownBy(db::session).isInstanceOf(HeliosException.class);
        db.close();
    }

    @Test
    void modeSelection_coversTheFourCompositions() {
        assertThat(ModeSelection.select(false, false, false)).isEqualTo(DeploymentMode.EMBEDDED);
        assertThat(ModeSelection.select(false, true, false)).isEqualTo(DeploymentMode.MEMORY_ONLY);
        assertThat(ModeSelection.select(true, true, false)).isEqualTo(DeploymentMode.SERVER);
        assertThat(ModeSelection.select(true, true, true)).isEqualTo(DeploymentMode.SERVER);
        assertThat(ModeSelection.select(true, false, false)).isEqualTo(DeploymentMode.SERVER);
        assertThat(ModeSelection.select(true, false, true)).isEqualTo(DeploymentMode.HYBRID);
    }

    @Test
    void moduleDescriptor_exportsConfigAndDeclaresServices() {
        Module module = HeliosKernel.class.getModule();
        assertThat(module.getName()).isEqualTo("io.heliosdb.core");
        var descriptor = module.getDescriptor();
        assertThat(descriptor.exports()).extracting(e -> e.source()).containsExactly("io.heliosdb.core.config");
        assertThat(descriptor.uses()).containsExactlyInAnyOrder("io.heliosdb.spi.StorageEngineProvider",
                "io.heliosdb.spi.TransportProvider", "io.heliosdb.spi.CacheLayerProvider");
        assertThat(descriptor.requires()).extracting(r -> r.name())
                .contains("HdrHistogram", "java.management", "jdk.httpserver");
        assertThat(descriptor.provides()).singleElement().satisfies(p -> {
            assertThat(p.service()).isEqualTo("io.heliosdb.spi.KernelProvider");
            assertThat(p.providers()).containsExactly(HeliosKernel.class.getName());
        });
    }
}
