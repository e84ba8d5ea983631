package io.heliosdb.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

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
     * Fails the open transaction block as a failing statement does ({@code 25P02} until it ends), for an error
     * the caller answered outside any statement: a server's bad Bind, say, which PostgreSQL treats like any
     * other error. Nothing happens outside a block or when it failed already. A session without transaction
     * blocks has nothing to fail.
     */
    default void failTransaction() {
    }

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

    /**
     * A number that changes whenever any {@link #setting} may have changed, so that a caller reading
     * settings for every statement (a server reporting ParameterStatus) reads them again only then;
     * {@code -1} when the session does not track changes (read them every time).
     */
    default long settingsVersion() {
        return -1;
    }

    /**
     * Runs {@code COPY table [(columns)] FROM STDIN [options]}, reading the rows from {@code data} in
     * PostgreSQL's text or CSV format; returns the number of rows copied. All rows go in as one
     * statement: a bad row copies nothing (22P02 or 22P04, naming the line). {@link #execute} refuses
     * COPY, which needs the data stream.
     */
    default long copyIn(String sql, Reader data) {
        throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "This session does not support COPY");
    }

    /** {@link #copyIn(String, Reader)} reading UTF-8 bytes. */
    default long copyIn(String sql, InputStream data) {
        return copyIn(sql, new InputStreamReader(data, StandardCharsets.UTF_8));
    }

    /**
     * Runs {@code COPY table [(columns)] | (query) TO STDOUT [options]}, writing the rows to {@code out}
     * (one {@code write} call per line); returns the number of rows copied.
     */
    default long copyOut(String sql, Writer out) {
        throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "This session does not support COPY");
    }

    /** {@link #copyOut(String, Writer)} writing UTF-8 bytes; flushes {@code out} at the end. */
    default long copyOut(String sql, OutputStream out) {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        long rows = copyOut(sql, writer);
        try {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /**
     * Runs {@code COPY ... FROM STDIN} taking rows already decoded rather than text: each array holds one
     * row's values in stream order, as Java values of the columns' types ({@code null} for NULL). This is
     * how a transport runs {@code FORMAT binary}, whose bytes it decodes itself. The iterator is read
     * inside the statement; a {@link HeliosException} it throws fails the copy with the row's context.
     */
    default long copyInRows(String sql, java.util.Iterator<Object[]> rows) {
        throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "This session does not support COPY");
    }

    /**
     * Runs {@code COPY ... TO STDOUT} handing each row to {@code sink} instead of writing text (for a
     * transport's {@code FORMAT binary}); returns the number of rows copied.
     */
    default long copyOutRows(String sql, Consumer<Row> sink) {
        throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "This session does not support COPY");
    }

    /**
     * Where this session's notices and warnings go (PostgreSQL's NoticeResponse), called on the thread
     * running the statement; {@code null} drops them, which is the default.
     */
    default void onNotice(Consumer<Notice> listener) {
    }

    /** The user this session runs as. */
    String user();

    /** Rolls back an open transaction and releases the session. */
    @Override
    void close();
}
