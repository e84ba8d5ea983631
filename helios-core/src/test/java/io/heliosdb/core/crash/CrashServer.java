package io.heliosdb.core.crash;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.config.HeliosConfig;
import io.heliosdb.api.config.ServerConfig;
import io.heliosdb.api.config.StorageConfig;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A server crash child (helios-cli's {@code ServerCrashTest}): serves the database on a free
 * loopback port, prints {@code PORT <n> <mode>}, and runs until it is killed. Arguments: data
 * directory, engine name, and the cache size in bytes (0: Server mode; more, with a cache layer on
 * the class path: Hybrid mode).
 */
public final class CrashServer {
    private CrashServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path data = Path.of(args[0]);
        long cacheBytes = args.length > 2 ? Long.parseLong(args[2]) : 8L << 20;
        HeliosConfig config = HeliosConfig.persistent(data)
                .withStorage(StorageConfig.defaults().withPath(data).withEngine(args[1]).withCacheSizeBytes(cacheBytes))
                .withServer(ServerConfig.defaults().withPort(0));
        HeliosDB db = HeliosDB.serve(config);
        System.out.println("PORT " + db.transports().get(0).port() + " " + db.mode().name());
        System.out.flush();
        new CountDownLatch(1).await(); // until SIGKILL
    }
}
