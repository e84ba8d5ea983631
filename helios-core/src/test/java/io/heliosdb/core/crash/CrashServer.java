package io.heliosdb.core.crash;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.config.HeliosConfig;
import io.heliosdb.api.config.ServerConfig;
import io.heliosdb.api.config.StorageConfig;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The server child of {@link KernelCrashTest}: serves the database on a free loopback port, prints
 * {@code PORT <n>}, and runs until it is killed. Arguments: data directory, engine name.
 */
public final class CrashServer {
    private CrashServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path data = Path.of(args[0]);
        HeliosConfig config = HeliosConfig.persistent(data)
                .withStorage(StorageConfig.defaults().withPath(data).withEngine(args[1]).withCacheSizeBytes(8L << 20))
                .withServer(ServerConfig.defaults().withPort(0));
        HeliosDB db = HeliosDB.serve(config);
        System.out.println("PORT " + db.transports().get(0).port());
        System.out.flush();
        new CountDownLatch(1).await(); // until SIGKILL
    }
}
