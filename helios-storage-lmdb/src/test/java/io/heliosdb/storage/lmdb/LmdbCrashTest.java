package io.heliosdb.storage.lmdb;

import io.heliosdb.spi.StorageEngineProvider;
import io.heliosdb.storage.tck.StorageCrashTck;

class LmdbCrashTest extends StorageCrashTck {

    @Override
    protected StorageEngineProvider provider() {
        return new LmdbStorageProvider();
    }
}
