package io.heliosdb.storage.tck;

import io.heliosdb.api.config.StorageConfig;
import io.heliosdb.spi.StorageEngine;
import io.heliosdb.spi.StorageEngineProvider;
import io.heliosdb.spi.WriteBatch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ServiceLoader;

/**
 * The child process of {@link StorageCrashTck}: writes synced batches forever and prints
 * {@code ack <key>} after each one returned, until it is killed (or its parent stops reading).
 */
public final class CrashWriter {

    private CrashWriter() {
    }

    public static void main(String[] args) {
        // args: engine name, data directory. The child runs on the plain class path, so providers
        // are found through their META-INF/services files.
        StorageEngineProvider provider = ServiceLoader.load(StorageEngineProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals(args[0])).findFirst()
                .orElseThrow(() -> new IllegalStateException("no storage engine named " + args[0]));
        StorageConfig config = StorageConfig.defaults().withPath(Path.of(args[1])).withEngine(args[0]);
        StorageEngine engine = provider.open(config);
        System.out.println("ready");
        System.out.flush();
        for (int i = 0; i < 1_000_000; i++) {
            String key = String.format("k%08d", i);
            byte[] k = key.getBytes(StandardCharsets.UTF_8);
            engine.write(new WriteBatch().put("crash", k, k).put("crash-mirror", k, k), true);
            System.out.println("ack " + key);
            if (System.out.checkError()) {
                break; // the parent is gone
            }
        }
        engine.close();
    }
}
