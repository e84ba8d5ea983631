package io.heliosdb.sql;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Readies the SQL parser of a starting server on a background thread, while the rest of the server opens.
 * The first statement a JVM parses pays for the generated parser's set-up (deserialising the grammar's
 * ATN) and for ANTLR's prediction caches, which start empty and are filled by the first parses, in code
 * not yet compiled: a few hundred milliseconds that the first client would otherwise wait through, since
 * every client's log-in runs statements (its start-up parameters become {@code SET}s, and drivers send
 * more). The caches are shared by every parser in the JVM, so statements of the shapes clients send first
 * (settings, a bare {@code SELECT}, transaction control, simple reads and writes) leave those paths ready.
 * A client that arrives meanwhile parses alongside: the caches are thread-safe, and the parser's class
 * initialisation, if still running, is simply waited for instead of done twice.
 */
public final class ParserWarmUp {
    /** Statement shapes a client sends first; each must parse (ParserWarmUpTest checks that). */
    static final List<String> STATEMENTS = List.of(
            "SET extra_float_digits = 3",
            "SET \"DateStyle\" TO 'ISO'",
            "SET application_name = 'warm-up'",
            "SELECT 1",
            "SHOW transaction_isolation",
            "BEGIN",
            "COMMIT",
            "SELECT id, note FROM warm_up WHERE id = $1",
            "INSERT INTO warm_up (id, note) VALUES ($1, $2)",
            "UPDATE warm_up SET note = $1 WHERE id = $2",
            "DELETE FROM warm_up WHERE id = $1",
            "CREATE TABLE warm_up (id INTEGER PRIMARY KEY, note VARCHAR(20))");

    private static final AtomicReference<Thread> STARTED = new AtomicReference<>();

    private ParserWarmUp() {
    }

    /**
     * Starts the warm-up on a daemon thread, once per JVM; later calls return the same thread. Nothing waits
     * for it: a statement parsed before it ends is only as slow as it would have been without it.
     */
    public static Thread startInBackground() {
        Thread fresh = new Thread(ParserWarmUp::run, "helios-sql-warm-up");
        fresh.setDaemon(true);
        if (STARTED.compareAndSet(null, fresh)) {
            fresh.start();
            return fresh;
        }
        return STARTED.get();
    }

    /** Parses each warm-up statement; returns how many parsed (all of them unless the grammar changed). */
    static int run() {
        int parsed = 0;
        for (String sql : STATEMENTS) {
            try {
                SqlEngine.parse(sql);
                parsed++;
            } catch (RuntimeException e) {
                // A shape the grammar no longer takes only leaves its path cold; ParserWarmUpTest catches that.
            }
        }
        return parsed;
    }
}
