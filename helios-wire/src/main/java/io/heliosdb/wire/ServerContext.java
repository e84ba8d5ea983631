package io.heliosdb.wire;

import io.heliosdb.api.HeliosDB;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every connection of one server shares.
 *
 * @param workers        the pool that runs queries, off the Netty event loop
 * @param maxConnections sessions allowed at once
 * @param sessions       sessions open now
 */
record ServerContext(HeliosDB db, Executor workers, BackendKeyRegistry keys, int maxConnections,
                     AtomicInteger sessions) {

    ServerContext(HeliosDB db, Executor workers, int maxConnections) {
        this(db, workers, new BackendKeyRegistry(), maxConnections, new AtomicInteger());
    }
}
