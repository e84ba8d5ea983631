package io.heliosdb.cli;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.config.HeliosConfig;

/** Opens a database embedded for {@code dump} and {@code restore}, naming a running server that holds it. */
final class DatabaseOpening {
    private DatabaseOpening() {
    }

    static HeliosDB open(HeliosConfig config) {
        try {
            return HeliosDB.open(config);
        } catch (HeliosException e) {
            if (e.getMessage() != null && e.getMessage().contains("another process")) {
                ServerPidFile pidFile = ServerPidFile.of(config);
                String holder = pidFile == null ? null : pidFile.describe();
                throw new HeliosException(e.sqlState(), e.getMessage() + " (" + (holder != null ? "held by " + holder
                        : "is a server running on it?") + "; stop it first with `heliosdb-lite stop`,"
                        + " or connect to it with pg_dump/psql)", e);
            }
            throw e;
        }
    }
}
