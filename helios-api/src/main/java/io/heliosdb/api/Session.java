package io.heliosdb.api;

import java.util.Iterator;
import java.util.List;

/**
 * A connection to the database: runs statements one after another, in autocommit mode until a
 * {@code BEGIN}. Not thread-safe; use one session per thread.
 */
public interface Session extends AutoCloseable {

    /** Parses, plans and runs one statement. */
    QueryResult execute(String sql, Object... params);

    /** Parses and plans one statement once, for many executions. */
    default PreparedQuery prepare(String sql) {
        return prepare(sql, List.of());
    }

    /**
     * Parses and plans one statement, with the types the caller declares for {@code $1..$n}; a
     * shorter list, or a {@code null} or {@link SqlType#UNKNOWN} entry, leaves that type to inference.
     */
    PreparedQuery prepare(String sql, List<SqlType> parameterTypes);

    /**
     * Runs a text of several statements separated by semicolons. The whole text is parsed before
     * anything runs (a syntax error anywhere runs nothing); each statement is then planned and run
     * when the iterator reaches it. Close or read each result before asking for the next.
     */
    Iterator<QueryResult> executeScript(String sql);

    TransactionStatus transactionStatus();

    /**
     * Asks the statement this session is running to stop with {@code 57014}; a no-op when it is
     * idle. Unlike every other method, it may be called from any thread.
     */
    void cancel();

    /**
     * The current value of a session setting ({@code SHOW name}), e.g. {@code client_encoding};
     * {@code null} when there is no such setting.
     */
    String setting(String name);

    /** The user this session runs as. */
    String user();

    /** Rolls back an open transaction and releases the session. */
    @Override
    void close();
}
