package io.heliosdb.wire;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.config.ServerConfig;
import io.heliosdb.spi.Transport;
import io.heliosdb.spi.TransportProvider;
import java.io.IOException;
import java.nio.channels.ServerSocketChannel;

/** The {@code postgres} transport: serves PostgreSQL clients (psql, JDBC, libpq) over the v3 protocol. */
public final class PostgresTransportProvider implements TransportProvider {

    @Override
    public String name() {
        return PostgresTransport.NAME;
    }

    @Override
    public Transport start(HeliosDB db, ServerConfig config) {
        return PostgresTransport.start(db, config);
    }

    /** Serves on the channel the kernel bound early; connections already waiting in its backlog are answered. */
    @Override
    public Transport start(HeliosDB db, ServerConfig config, ServerSocketChannel listening) {
        try {
            return PostgresTransport.start(db, config, ServerContext.DEFAULT_STARTUP_TIMEOUT, listening);
        } catch (RuntimeException | Error e) {
            try {
                listening.close(); // ours from the call on: the address is released, waiting clients see a reset
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }
}
