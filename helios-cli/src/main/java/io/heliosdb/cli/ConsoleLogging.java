package io.heliosdb.cli;

import java.io.PrintWriter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Routes {@code System.Logger} output (which lands in java.util.logging) to the console as
 * {@code [INFO] message}: no timestamps or class names, since these are the operator's lines.
 * INFO and below go to standard output, warnings and errors to standard error.
 */
final class ConsoleLogging {

    private ConsoleLogging() {
    }

    /** Replaces the root handlers; records below {@code threshold} are dropped. */
    static void install(Level threshold, PrintWriter out, PrintWriter err) {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(threshold);
        root.addHandler(new ConsoleHandler(threshold, out, err));
        // Netty logs through java.util.logging too; its INFO lines are not for operators.
        Logger.getLogger("io.netty").setLevel(threshold.intValue() > Level.WARNING.intValue() ? threshold : Level.WARNING);
        // nor are Chronicle Map's (the chronicle cache layer, through slf4j-jdk14): "Chronicle core loaded from ..."
        CHRONICLE.setLevel(threshold.intValue() > Level.WARNING.intValue() ? threshold : Level.WARNING);
    }

    /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
    private static final Logger CHRONICLE = Logger.getLogger("net.openhft");

    /** The label of a level as operators read it: System.Logger's names, not JUL's. */
    static String label(Level level) {
        int v = level.intValue();
        if (v >= Level.SEVERE.intValue()) {
            return "ERROR";
        }
        if (v >= Level.WARNING.intValue()) {
            return "WARN";
        }
        if (v >= Level.INFO.intValue()) {
            return "INFO";
        }
        return v >= Level.FINE.intValue() ? "DEBUG" : "TRACE";
    }

    /** {@code [INFO] Starting HeliosDB Lite in Server Mode}, plus the cause's message for errors. */
    static String format(LogRecord record) {
        String message = record.getMessage();
        Object[] params = record.getParameters();
        if (params != null && params.length > 0 && message != null) {
            message = java.text.MessageFormat.format(message, params);
        }
        StringBuilder sb = new StringBuilder().append('[').append(label(record.getLevel())).append("] ").append(message);
        if (record.getThrown() != null) {
            sb.append(": ").append(record.getThrown());
        }
        return sb.toString();
    }

    private static final class ConsoleHandler extends Handler {
        private final PrintWriter out;
        private final PrintWriter err;

        ConsoleHandler(Level threshold, PrintWriter out, PrintWriter err) {
            this.out = out;
            this.err = err;
            setLevel(threshold);
        }

        @Override
        public void publish(LogRecord record) {
            if (!isLoggable(record)) {
                return;
            }
            PrintWriter target = record.getLevel().intValue() >= Level.WARNING.intValue() ? err : out;
            synchronized (this) {
                target.println(format(record));
                target.flush();
            }
        }

        @Override
        public void flush() {
            out.flush();
            err.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }
}
