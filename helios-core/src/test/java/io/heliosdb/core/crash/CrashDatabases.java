package io.heliosdb.core.crash;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.config.HeliosConfig;
import io.heliosdb.api.config.StorageConfig;
import java.nio.file.Path;

/** The persistent database every crash test and child opens: {@code engine} at {@code data}, a small 8 MB cache. */
final class CrashDatabases {
    private CrashDatabases() {
    }

    static HeliosDB open(Path data, String engine) {
        return HeliosDB.open(HeliosConfig.persistent(data)
                .withStorage(StorageConfig.defaults().withPath(data).withEngine(engine).withCacheSizeBytes(8L << 20)));
    }
}
