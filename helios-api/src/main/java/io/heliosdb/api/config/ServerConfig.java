package io.heliosdb.api.config;

import java.nio.file.Path;

/**
 * {@code [server]}: the PostgreSQL-protocol endpoint of Server and Hybrid mode.
 *
 * @param listenAddr     address to bind; loopback unless told otherwise
 * @param port           TCP port; 0 lets the OS choose
 * @param maxConnections connections served at once
 * @param tlsEnabled     answer SSLRequest with TLS
 * @param tlsCertPath    PEM certificate chain
 * @param tlsKeyPath     PEM private key
 */
public record ServerConfig(String listenAddr, int port, int maxConnections, boolean tlsEnabled, Path tlsCertPath,
                           Path tlsKeyPath) {

    public static ServerConfig defaults() {
        return new ServerConfig("127.0.0.1", 5432, 100, false, null, null);
    }

    public ServerConfig withListenAddr(String addr) {
        return new ServerConfig(addr, port, maxConnections, tlsEnabled, tlsCertPath, tlsKeyPath);
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(listenAddr, newPort, maxConnections, tlsEnabled, tlsCertPath, tlsKeyPath);
    }

    public ServerConfig withMaxConnections(int max) {
        return new ServerConfig(listenAddr, port, max, tlsEnabled, tlsCertPath, tlsKeyPath);
    }
}
