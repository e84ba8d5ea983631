package io.heliosdb.api.config;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code [server]}: the PostgreSQL-protocol endpoint of Server and Hybrid mode.
 *
 * @param listenAddr     address to bind; loopback unless told otherwise
 * @param port           TCP port; 0 lets the OS choose
 * @param maxConnections connections served at once
 * @param tlsEnabled     answer SSLRequest with TLS
 * @param tlsCertPath    PEM certificate chain
 * @param tlsKeyPath     PEM private key
 * @param authMethod     {@code trust}, {@code password}, {@code md5} or {@code scram-sha-256}
 * @param user           the bootstrap superuser's name
 * @param password       the bootstrap superuser's password, or {@code null} (then only trust can admit it)
 * @param metricsPort    port of the Prometheus/health HTTP endpoint, or -1 for none (0: the OS chooses)
 * @param maxMessageSize the largest protocol message a client may send, in bytes (PostgreSQL's 1 GiB by default);
 *                       a larger one is refused with 54000 and the connection closed
 */
public record ServerConfig(String listenAddr, int port, int maxConnections, boolean tlsEnabled, Path tlsCertPath,
                           Path tlsKeyPath, String authMethod, String user, String password, int metricsPort,
                           int maxMessageSize) {

    /** PostgreSQL's own limit on a message (MaxAllocSize). */
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 1 << 30;

    public ServerConfig(String listenAddr, int port, int maxConnections, boolean tlsEnabled, Path tlsCertPath,
                        Path tlsKeyPath, String authMethod, String user, String password, int metricsPort) {
        this(listenAddr, port, maxConnections, tlsEnabled, tlsCertPath, tlsKeyPath, authMethod, user, password,
                metricsPort, DEFAULT_MAX_MESSAGE_SIZE);
    }

    /** The accepted values of {@code auth_method}. */
    public static final List<String> AUTH_METHODS = List.of("trust", "password", "md5", "scram-sha-256");

    public ServerConfig(String listenAddr, int port, int maxConnections, boolean tlsEnabled, Path tlsCertPath,
                        Path tlsKeyPath) {
        this(listenAddr, port, maxConnections, tlsEnabled, tlsCertPath, tlsKeyPath, "trust", "postgres", null, -1);
    }

    public static ServerConfig defaults() {
        return new ServerConfig("127.0.0.1", 5432, 100, false, null, null);
    }

    public ServerConfig withListenAddr(String addr) {
        return new ServerConfig(addr, port, maxConnections, tlsEnabled, tlsCertPath, tlsKeyPath, authMethod, user,
                password, metricsPort, maxMessageSize);
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(listenAddr, newPort, maxConnections, tlsEnabled, tlsCertPath, tlsKeyPath, authMethod,
                user, password, metricsPort, maxMessageSize);
    }

    public ServerConfig withMaxConnections(int max) {
        return new ServerConfig(listenAddr, port, max, tlsEnabled, tlsCertPath, tlsKeyPath, authMethod, user,
                password, metricsPort, maxMessageSize);
    }

    public ServerConfig withTls(Path certPath, Path keyPath) {
        return new ServerConfig(listenAddr, port, maxConnections, true, certPath, keyPath, authMethod, user,
                password, metricsPort, maxMessageSize);
    }

    public ServerConfig withAuth(String method, String userName, String userPassword) {
        return new ServerConfig(listenAddr, port, maxConnections, tlsEnabled, tlsCertPath, tlsKeyPath, method,
                userName, userPassword, metricsPort, maxMessageSize);
    }

    public ServerConfig withMetricsPort(int newMetricsPort) {
        return new ServerConfig(listenAddr, port, maxConnections, tlsEnabled, tlsCertPath, tlsKeyPath, authMethod,
                user, password, newMetricsPort, maxMessageSize);
    }

    public ServerConfig withMaxMessageSize(int bytes) {
        return new ServerConfig(listenAddr, port, maxConnections, tlsEnabled, tlsCertPath, tlsKeyPath, authMethod,
                user, password, metricsPort, bytes);
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "ServerConfig[listenAddr=" + listenAddr + ", port=" + port + ", maxConnections=" + maxConnections
                + ", tlsEnabled=" + tlsEnabled + ", tlsCertPath=" + tlsCertPath + ", tlsKeyPath=" + tlsKeyPath
                + ", authMethod=" + authMethod + ", user=" + user + ", password=" + (password == null ? "none" : "***")
                + ", metricsPort=" + metricsPort + ", maxMessageSize=" + maxMessageSize + "]";
    }
}
