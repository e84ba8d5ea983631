package io.heliosdb.cli;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.config.HeliosConfig;
import io.heliosdb.spi.Transport;
import java.io.PrintWriter;
import java.net.BindException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/** A database serving clients in the foreground, until {@link #stop()} (called by the shutdown hook). */
final class RunningServer {
    private final HeliosDB db;
    private final PrintWriter out;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private RunningServer(HeliosDB db, PrintWriter out) {
        this.db = db;
        this.out = out;
    }

    /** Opens the database and starts its endpoints; the kernel logs the composition it chose. */
    static RunningServer start(HeliosConfig config, PrintWriter out) {
        try {
            return new RunningServer(HeliosDB.serve(config), out);
        } catch (Exception e) {
            // Netty rethrows a bind failure as the checked BindException, undeclared: name the address here.
            BindException bind = findBindFailure(e);
            if (bind == null) {
                throw e;
            }
            throw new HeliosException(SqlState.IO_ERROR, "could not listen on " + config.server().listenAddr() + ":"
                    + config.server().port() + ": " + bind.getMessage()
                    + " (is another server running on this port? choose another with --port)", e);
        }
    }

    private static BindException findBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException b) {
                return b;
            }
        }
        return null;
    }

    HeliosDB database() {
        return db;
    }

    /** The port of the first endpoint (the OS-chosen one when configured with port 0). */
    int port() {
        return db.transports().stream().findFirst().map(Transport::port).orElse(-1);
    }

    /** Closes every endpoint and the database, once; safe to call from any thread. */
    void stop() {
        if (!stopping.compareAndSet(false, true)) {
            awaitQuietly();
            return;
        }
        try {
            // Printed directly: java.util.logging resets itself in its own shutdown hook.
            out.println("[INFO] Shutting down");
            out.flush();
            db.close();
            out.println("[INFO] HeliosDB Lite stopped");
            out.flush();
        } finally {
            stopped.countDown();
        }
    }

    /** Blocks until {@link #stop()} has finished. */
    void awaitStop() throws InterruptedException {
        stopped.await();
    }

    private void awaitQuietly() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
