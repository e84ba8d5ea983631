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
                throw new HeliosException(e.sqlState(), e.getMessage() + " (a server started with `heliosdb-lite start` on "
                        + config.server().listenAddr() + ":" + config.server().port()
                        + "? stop it first, or dump through it with pg_dump)", e);
            }
            throw e;
        }
    }
}
