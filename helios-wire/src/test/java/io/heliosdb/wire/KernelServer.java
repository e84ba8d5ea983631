package io.heliosdb.wire;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.Session;
import io.heliosdb.api.config.HeliosConfig;
import io.heliosdb.api.config.ServerConfig;
import io.heliosdb.spi.Transport;
import java.util.ServiceConfigurationError;
import java.util.function.UnaryOperator;

/**
 * The real kernel (helios-core on the test class path) serving in memory on an OS-chosen port.
 * Tests that need it are skipped, with the reason, while the kernel or SQL engine in ~/.m2 cannot
 * yet run a trivial query.
 */
final class KernelServer implements AutoCloseable {
    final HeliosDB db;
    final Transport transport;

    private KernelServer(HeliosDB db, Transport transport) {
        this.db = db;
        this.transport = transport;
    }

    static KernelServer startOrSkip() {
        return startOrSkip(UnaryOperator.identity());
    }

    /** As {@link #startOrSkip()}, with the server section adjusted (auth, TLS, limits). */
    static KernelServer startOrSkip(UnaryOperator<ServerConfig> server) {
        HeliosDB db;
        try {
            db = HeliosDB.serve(HeliosConfig.memory().withServer(server.apply(ServerConfig.defaults().withPort(0))));
        } catch (RuntimeException | ServiceConfigurationError | LinkageError e) {
            assumeTrue(false, "no working kernel: " + e);
            throw e;
        }
        try (Session s = db.session()) {
            s.execute("select 1").toList();
        } catch (RuntimeException | ServiceConfigurationError | LinkageError e) {
            db.close();
            assumeTrue(false, "the kernel cannot run select 1 yet: " + e);
        }
        Transport transport = db.transports().stream().filter(t -> t.name().equals("postgres")).findFirst()
                .orElseThrow(() -> new AssertionError("the kernel did not start the postgres transport"));
        return new KernelServer(db, transport);
    }

    String jdbcUrl() {
        return jdbcUrl("user=postgres");
    }

    /** A pgJDBC URL with these extra {@code key=value&...} properties. */
    String jdbcUrl(String properties) {
        return "jdbc:postgresql://127.0.0.1:" + transport.port() + "/postgres?connectTimeout=10&socketTimeout=60&"
                + properties;
    }

    @Override
    public void close() {
        db.close();
    }
}
