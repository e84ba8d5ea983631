/** The {@code postgres} transport: PostgreSQL's v3 frontend/backend protocol on Netty. */
module io.heliosdb.wire {
    requires io.heliosdb.api;
    requires io.netty.buffer;
    requires io.netty.codec;
    requires io.netty.common;
    requires io.netty.handler;
    requires io.netty.transport;

    provides io.heliosdb.spi.TransportProvider with io.heliosdb.wire.PostgresTransportProvider;
}
