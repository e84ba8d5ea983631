package io.heliosdb.bench.compare;

/**
 * One connection to a system under test, whatever its API: JDBC for the peers, the embedded
 * {@code Session} for HeliosDB. Workloads are written once against this interface; parameters
 * are written {@code ?} and a client translates them to its own form.
 */
public interface DbClient extends AutoCloseable {

    /** Runs a statement that returns no rows (DDL, DML without parameters). */
    void execute(String sql) throws Exception;

    /** Runs a query unprepared and reads every value of every row; returns the row count. */
    long query(String sql) throws Exception;

    Stmt prepare(String sql) throws Exception;

    /** The system's product name (JDBC's getDatabaseProductName, "HeliosDB" for the embedded API). */
    String product() throws Exception;

    void begin() throws Exception;

    void commit() throws Exception;

    @Override
    void close() throws Exception;

    /** A prepared statement. */
    interface Stmt extends AutoCloseable {

        /** Runs the query and reads every value of every row; returns the row count. */
        long query(Object... params) throws Exception;

        void update(Object... params) throws Exception;

        /** Queues one execution; a client without a batch API runs it at once. */
        void addBatch(Object... params) throws Exception;

        void executeBatch() throws Exception;

        @Override
        void close() throws Exception;
    }
}
