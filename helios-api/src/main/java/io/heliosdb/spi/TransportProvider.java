package io.heliosdb.spi;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.config.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ServerSocketChannel;

/** Entry point of a network endpoint module, found with {@link java.util.ServiceLoader}. */
public interface TransportProvider {

    /** e.g. {@code postgres}. */
    String name();

    /** Binds and starts serving {@code db}; the returned endpoint is running. */
    Transport start(HeliosDB db, ServerConfig config);

    /**
     * Starts serving {@code db} on {@code listening}, a channel the kernel bound to the configured address before
     * the database opened (so a client that connects during the open waits in its backlog instead of being
     * refused); the endpoint owns the channel from here on, also when this throws. A provider that cannot take
     * over a bound channel keeps this default: it releases the address and binds its own.
     */
    default Transport start(HeliosDB db, ServerConfig config, ServerSocketChannel listening) {
        try {
            listening.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return start(db, config);
    }
}
