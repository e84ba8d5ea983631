package io.heliosdb.api;

import java.util.List;

/** A statement parsed and planned once, executed many times with different parameters. */
public interface PreparedQuery extends AutoCloseable {

    /** The statement text. */
    String sql();

    /** Types of {@code $1..$n}, inferred from where each parameter is used. */
    List<SqlType> parameterTypes();

    /** Result columns; empty when the statement returns no rows. */
    List<Column> columns();

    /**
     * True when running it changes no rows and no catalog (a plain query, SHOW, a transaction
     * command): a server need not open a transaction block around it.
     */
    boolean readOnly();

    /** For a COPY statement, what it moves (run it with Session.copyIn/copyOut); otherwise {@code null}. */
    default CopyDescription copy() {
        return null;
    }

    /**
     * Reads the text value of parameter {@code index} (0-based) as the parameter's type, as PostgreSQL's Bind
     * does: a value the type refuses fails here ({@code 22P02}, {@code 22003}, ...) rather than when the statement
     * runs. Returns what to pass to {@link #execute} for it: the value read, or the text itself when the statement
     * must read it when it runs (in the session's time zone, say). By default the text, unchecked.
     */
    default Object readTextParameter(int index, String text) {
        return text;
    }

    /**
     * Runs the statement. A parameter may be given as a value of its type's Java class, as another
     * number, or as text in PostgreSQL's input form.
     */
    QueryResult execute(Object... params);

    /**
     * Runs the statement once for each parameter set, in order, with the results {@link #execute} would give
     * one after another, but as ONE statement: one snapshot, one statement_timeout, and the executor, the
     * checks and the statistics set up once, which is what makes many small INSERTs cheap. Returns each
     * entry's row count. Outside a transaction block the whole batch commits as one transaction, all of it or
     * none (as a pipelined JDBC batch does on PostgreSQL); inside one, a failing entry fails the block as a
     * failing statement does. A failing entry throws {@link HeliosBatchException}, which names it and carries
     * its error (e.g. 23505 with the duplicate key); no entry of the batch then takes effect. A statement that
     * returns rows (a query, RETURNING) cannot be batched ({@code 0A000}); statements other than INSERT,
     * UPDATE and DELETE (DDL, SET, transaction commands) run one by one, each as {@link #execute} runs it. An
     * empty list runs nothing. The arrays are read during the call only.
     */
    default long[] executeBatch(List<Object[]> parameterSets) {
        throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "This session does not support batches");
    }

    /**
     * {@link #executeBatch(List)}, telling {@code entryStarts} each entry's index just before it runs (from 0
     * again when the batch starts over), on the thread that runs it: a caller can then tell which entry raised a
     * notice. A session that cannot tell names entry 0 once, before the batch.
     */
    default long[] executeBatch(List<Object[]> parameterSets, java.util.function.IntConsumer entryStarts) {
        entryStarts.accept(0);
        return executeBatch(parameterSets);
    }

    /** Queues one execution with these parameters (copied now) for {@link #executeBatch()}, as JDBC's addBatch does. */
    default void addBatch(Object... params) {
        throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "This session does not support batches");
    }

    /** Drops the queued executions. */
    default void clearBatch() {
    }

    /** Runs the queued executions as {@link #executeBatch(List)} does and empties the queue, also when it fails. */
    default long[] executeBatch() {
        throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "This session does not support batches");
    }

    @Override
    default void close() {
    }
}
