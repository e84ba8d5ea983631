/**
 * The {@code heliosdb-lite} command: {@code init}, {@code start}, {@code shell}, {@code dump}, {@code restore} and {@code status}.
 * Storage engines, cache layers and transports are not required here: service binding pulls in
 * every provider on the module path (and the PostgreSQL JDBC driver {@code status} uses).
 */
module io.heliosdb.cli {
    requires io.heliosdb.api;
    requires io.heliosdb.core;
    requires info.picocli;
    requires org.jline;
    requires java.logging;
    // status connects to a running server through JDBC.
    requires java.sql;

    // picocli injects @Option fields reflectively.
    opens io.heliosdb.cli to info.picocli;
}
