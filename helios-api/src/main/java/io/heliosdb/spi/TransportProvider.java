package io.heliosdb.spi;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.config.ServerConfig;

/** Entry point of a network endpoint module, found with {@link java.util.ServiceLoader}. */
public interface TransportProvider {

    /** e.g. {@code postgres}. */
    String name();

    /** Binds and starts serving {@code db}; the returned endpoint is running. */
    Transport start(HeliosDB db, ServerConfig config);
}
