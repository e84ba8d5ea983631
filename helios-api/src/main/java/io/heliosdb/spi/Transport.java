package io.heliosdb.spi;

import java.net.InetSocketAddress;

/** A running endpoint. */
public interface Transport extends AutoCloseable {

    String name();

    /** The bound address (with the OS-chosen port when configured with port 0). */
    InetSocketAddress address();

    default int port() {
        return address().getPort();
    }

    /** Connections open now. */
    int openConnections();

    /** Stops accepting, closes every connection, and releases every thread and port. */
    @Override
    void close();
}
