package io.heliosdb.cli.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.DeploymentMode;
import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.config.HeliosConfig;
import io.heliosdb.api.config.ServerConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A HeliosDB server in this JVM on RocksDB, on an OS-chosen loopback port, in Server mode (no
 * cache layer) or Hybrid mode (the default row cache layer in front, small enough to evict).
 */
final class ServedDatabase implements AutoCloseable {
    /** Small, so the suites also evict from Hybrid's row cache. */
    private static final long HYBRID_CACHE_BYTES = 64 * 1024;

    private final HeliosDB db;
    private final String url;

    private ServedDatabase(HeliosDB db) {
        this.db = db;
        this.url = "jdbc:postgresql://127.0.0.1:" + db.transports().get(0).port()
                + "/postgres?user=postgres&sslmode=disable&connectTimeout=10&socketTimeout=60";
    }

    static ServedDatabase start(DeploymentMode mode, Path dir) {
        HeliosConfig config = HeliosConfig.persistent(dir);
        config = config.withStorage(config.storage().withCacheSizeBytes(mode == DeploymentMode.HYBRID
                ? HYBRID_CACHE_BYTES : 0)).withServer(ServerConfig.defaults().withPort(0));
        HeliosDB db = HeliosDB.serve(config);
        try {
            assertThat(db.mode()).isEqualTo(mode);
        } catch (AssertionError e) {
            db.close();
            throw e;
        }
        return new ServedDatabase(db);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    /** The kernel's row cache hits (Hybrid) or 0, read through the server. */
    long cacheHits() throws SQLException {
        try (Connection c = connect(); var s = c.createStatement();
             var r = s.executeQuery("select coalesce(sum(hits), 0) from helios_cache_stats")) {
            r.next();
            return r.getLong(1);
        }
    }

    @Override
    public void close() {
        db.close();
    }
}
