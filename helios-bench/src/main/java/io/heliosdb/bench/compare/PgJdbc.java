package io.heliosdb.bench.compare;

import java.util.Properties;

/**
 * The pgJDBC settings shared by every PostgreSQL-protocol target. By default pgJDBC switches a
 * statement to a named server-side prepared statement after 5 executions, which would make the
 * first few executions of each run different from the rest; prepareThreshold=1 uses the
 * server-side prepared statement from the first execution, for PostgreSQL and HeliosDB alike.
 */
final class PgJdbc {
    static final String PROPERTIES_NOTE = "prepareThreshold=1";

    private PgJdbc() {
    }

    static Properties properties(String user) {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("prepareThreshold", "1");
        p.setProperty("sslmode", "disable");
        return p;
    }
}
