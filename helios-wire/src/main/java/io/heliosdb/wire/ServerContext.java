package io.heliosdb.wire;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.wire.auth.AuthMethod;
import io.heliosdb.wire.auth.Credentials;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every connection of one server shares.
 *
 * @param workers        the pool that runs queries, off the Netty event loop
 * @param maxConnections sessions allowed at once
 * @param sessions       sessions open now
 * @param credentials    how clients authenticate
 * @param tls            the TLS set-up, or null when TLS is off (SSLRequest is then refused)
 * @param startupTimeout how long a connection may take to send its startup packet and authenticate
 * @param roleSessions   sessions open now per role (CONNECTION LIMIT)
 */
record ServerContext(HeliosDB db, Executor workers, BackendKeyRegistry keys, int maxConnections,
                     AtomicInteger sessions, Credentials credentials, ServerTls tls, Duration startupTimeout,
                     RoleConnections roleSessions) {

    /** PostgreSQL's default {@code authentication_timeout}. */
    static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(60);

    ServerContext(HeliosDB db, Executor workers, int maxConnections) {
        this(db, workers, maxConnections, Credentials.of(AuthMethod.TRUST, "postgres", null), null,
                DEFAULT_STARTUP_TIMEOUT);
    }

    ServerContext(HeliosDB db, Executor workers, int maxConnections, Credentials credentials, ServerTls tls,
                  Duration startupTimeout) {
        this(db, workers, new BackendKeyRegistry(), maxConnections, new AtomicInteger(), credentials, tls,
                startupTimeout, new RoleConnections());
    }
}
