package io.heliosdb.wire;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.config.ServerConfig;
import io.heliosdb.spi.Transport;
import io.heliosdb.spi.TransportProvider;

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
}
