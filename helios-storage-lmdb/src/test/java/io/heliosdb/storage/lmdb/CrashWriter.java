package io.heliosdb.storage.lmdb;

import io.heliosdb.api.config.StorageConfig;
import io.heliosdb.spi.StorageEngine;
import io.heliosdb.spi.WriteBatch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The child process of {@link LmdbCrashTest}: writes synced batches forever and prints
 * {@code ack <key>} after each one returned, until it is killed (or its parent stops reading).
 */
public final class CrashWriter {

    private CrashWriter() {
    }

    public static void main(String[] args) {
        StorageConfig config = StorageConfig.defaults().withPath(Path.of(args[0])).withEngine("lmdb");
        // a tiny map, so the child is killed among map growths as well as commits
        StorageEngine engine = LmdbStorageEngine.open(config, MapSizing.MIB);
        byte[] value = new byte[2048];
        System.out.println("ready");
        System.out.flush();
        for (int i = 0; i < 1_000_000; i++) {
            String key = String.format("k%08d", i);
            byte[] k = key.getBytes(StandardCharsets.UTF_8);
            engine.write(new WriteBatch().put("crash", k, value).put("crash-mirror", k, k), true);
            System.out.println("ack " + key);
            if (System.out.checkError()) {
                break; // the parent is gone
            }
        }
        engine.close();
    }
}
