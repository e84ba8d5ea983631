package io.heliosdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConsoleLoggingTest {

    @AfterEach
    void restoreLogging() throws Exception {
        java.util.logging.LogManager.getLogManager().readConfiguration();
    }

    @Test
    void format_isLevelInBracketsThenMessage() {
        assertThat(ConsoleLogging.format(new LogRecord(Level.INFO, "Server listening on 127.0.0.1:5432")))
                .isEqualTo("[INFO] Server listening on 127.0.0.1:5432");
        assertThat(ConsoleLogging.format(new LogRecord(Level.SEVERE, "boom"))).isEqualTo("[ERROR] boom");
        assertThat(ConsoleLogging.format(new LogRecord(Level.WARNING, "careful"))).isEqualTo("[WARN] careful");
    }

    @Test
    void install_routesSystemLoggerInfoToOutAndWarningsToErr() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ConsoleLogging.install(Level.INFO, new PrintWriter(out), new PrintWriter(err));
        System.Logger log = System.getLogger("io.heliosdb.test");
        log.log(System.Logger.Level.INFO, "Starting HeliosDB Lite in Server Mode");
        log.log(System.Logger.Level.WARNING, "disk almost full");
        log.log(System.Logger.Level.DEBUG, "not shown");
        assertThat(out.toString()).isEqualTo("[INFO] Starting HeliosDB Lite in Server Mode" + System.lineSeparator());
        assertThat(err.toString()).isEqualTo("[WARN] disk almost full" + System.lineSeparator());
    }

    @Test
    void install_warningThreshold_hidesInfo() {
        StringWriter out = new StringWriter();
        ConsoleLogging.install(Level.WARNING, new PrintWriter(out), new PrintWriter(new StringWriter()));
        System.getLogger("io.heliosdb.test").log(System.Logger.Level.INFO, "hidden");
        assertThat(out.toString()).isEmpty();
    }
}
