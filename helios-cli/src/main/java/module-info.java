/**
 * The {@code heliosdb-lite} command: {@code init}, {@code start} and {@code shell}. Storage engines
 * and transports are not required here: service binding pulls in every provider on the module path.
 */
module io.heliosdb.cli {
    requires io.heliosdb.api;
    requires io.heliosdb.core;
    requires info.picocli;
    requires org.jline;
    requires java.logging;

    // picocli injects @Option fields reflectively.
    opens io.heliosdb.cli to info.picocli;
}
