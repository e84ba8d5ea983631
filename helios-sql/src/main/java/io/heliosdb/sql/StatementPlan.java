package io.heliosdb.sql;

import io.heliosdb.api.Column;
import io.heliosdb.api.SqlType;
import java.util.List;

/** One statement analyzed and planned against a catalog; execute it any number of times. */
public interface StatementPlan {

    /** The statement's own text. */
    String sql();

    /** Types of {@code $1..$n}. */
    List<SqlType> parameterTypes();

    /** Result columns; empty when the statement returns no rows. */
    List<Column> columns();

    /** Non-null for BEGIN/COMMIT/ROLLBACK (and their synonyms), which the kernel runs; {@link #execute} is then not called. */
    TransactionCommand transactionCommand();

    /** Non-null for COPY, which the kernel runs with the client's data stream; {@link #execute} is then not called. */
    default CopyCommand copyCommand() {
        return null;
    }

    /** Non-null for DECLARE/FETCH/MOVE/CLOSE, which the kernel runs; {@link #execute} is then not called. */
    default CursorCommand cursorCommand() {
        return null;
    }

    /** The transaction command with what it names (savepoint, isolation level, table), or null. */
    default TransactionControl transactionControl() {
        return transactionCommand() == null ? null : TransactionControl.of(transactionCommand());
    }

    /**
     * Non-null when the statement is a {@link PointQuery}: a kernel may answer it with one row read
     * instead of {@link #execute}, with the same result.
     */
    default PointQuery pointQuery() {
        return null;
    }

    /** True when the statement changes no data and no catalog. */
    boolean readOnly();

    /** True when the statement changes the catalog (plans made before it must be made again). */
    boolean changesCatalog();

    /**
     * False for the statements PostgreSQL runs without taking a snapshot (SET, SHOW): a transaction's isolation
     * level and read-write mode may still change after them, as after BEGIN alone.
     */
    default boolean takesSnapshot() {
        return true;
    }

    /**
     * Runs the plan. Parameters are coerced to {@link #parameterTypes()} (a String is read as
     * PostgreSQL's text form of the type); a wrong count is {@code 08P01}.
     */
    StatementResult execute(ExecutionContext context, Object[] params);

    /**
     * The plan ready to run once per parameter set in {@code context}, for a statement that returns no rows;
     * rows it would return are read and dropped. The default runs {@link #execute} each time.
     */
    default BatchExecutor batch(ExecutionContext context) {
        return params -> {
            try (StatementResult result = execute(context, params)) {
                while (result.next()) {
                    // the count is what a batch returns
                }
                return result.rowCount();
            }
        };
    }
}
