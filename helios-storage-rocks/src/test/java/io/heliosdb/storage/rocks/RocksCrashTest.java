package io.heliosdb.storage.rocks;

import io.heliosdb.spi.StorageEngineProvider;
import io.heliosdb.storage.tck.StorageCrashTck;

class RocksCrashTest extends StorageCrashTck {

    @Override
    protected StorageEngineProvider provider() {
        return new RocksStorageProvider();
    }
}
