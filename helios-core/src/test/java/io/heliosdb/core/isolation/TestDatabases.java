package io.heliosdb.core.isolation;

import io.heliosdb.api.DeploymentMode;
import io.heliosdb.api.config.HeliosConfig;
import io.heliosdb.core.KernelDatabase;
import io.heliosdb.spi.StorageEngine;
import io.heliosdb.spi.StorageEngineProvider;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.function.UnaryOperator;

/** Opens a kernel database on the memory or rocksdb engine, optionally wrapping the engine. */
final class TestDatabases {
    private TestDatabases() {
    }

    static KernelDatabase open(String engine, Path dir, UnaryOperator<StorageEngine> wrap) {
        HeliosConfig config = engine.equals("memory") ? HeliosConfig.memory() : HeliosConfig.persistent(dir);
        StorageEngineProvider provider = ServiceLoader.load(StorageEngineProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals(engine)).findFirst().orElseThrow();
        StorageEngine storage = wrap.apply(provider.open(config.storage()));
        return new KernelDatabase(config, engine.equals("memory") ? DeploymentMode.MEMORY_ONLY : DeploymentMode.EMBEDDED,
                storage, null);
    }

    static KernelDatabase open(String engine, Path dir) {
        return open(engine, dir, e -> e);
    }
}
