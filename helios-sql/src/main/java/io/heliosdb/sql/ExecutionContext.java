package io.heliosdb.sql;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.schema.IndexDef;
import io.heliosdb.sql.schema.TableDef;

/**
 * What the executor needs from the kernel to run one statement inside the current transaction.
 * Implemented by helios-core; reads see the transaction's snapshot plus its own writes.
 */
public interface ExecutionContext extends SchemaLookup, SequenceAccess, RoleAccess {

    /** Creates the table (the kernel assigns its id). {@code 42P07} when the name is taken. */
    TableDef createTable(TableDef definition);

    /** Drops the table and all its rows. */
    void dropTable(TableDef table);

    /**
     * Creates a secondary index over the table's existing rows and keeps it up to date on every write
     * from then on; {@code 23505} when a UNIQUE index finds duplicate keys. Kernels without indexes
     * refuse with {@code 0A000}.
     */
    default void createIndex(IndexDef index) {
        throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "This kernel does not support indexes");
    }

    /** Drops an index (the table and its rows stay). */
    default void dropIndex(IndexDef index) {
        throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "This kernel does not support indexes");
    }

    /**
     * The rows of {@code index}'s table whose index keys lie between two bounds, in index order (the
     * reverse of it when {@code reverse}), as the statement's snapshot sees them, each with its
     * {@link RowCursor#rowKey()} for update and delete.
     *
     * <p>A bound is a prefix of the index's key columns: {@code {5}} on an index over {@code (a, b)}
     * stands for every key whose {@code a} is 5; null or empty leaves that end open. An inclusive bound
     * takes in every key the prefix starts, an exclusive one none of them. Bounds are in index order:
     * on a DESC column the lower bound holds the larger value. A null element stands for SQL NULL, which
     * sorts after every value (first on a DESC column), as in PostgreSQL; so {@code a > 5} on an ASC
     * column is lower {@code {5}} exclusive, upper {@code {null}} exclusive. Bound values must already
     * be of the key column's type (values outside its range fail with {@code 22003}).
     */
    default RowCursor indexScan(IndexDef index, Object[] lower, boolean lowerInclusive, Object[] upper,
                                boolean upperInclusive, boolean reverse) {
        throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "This kernel does not support index scans");
    }

    /** Every row, in primary key order (row id order without a primary key). */
    RowCursor scan(TableDef table);

    /**
     * Every row, as {@link #scan(TableDef)}, where only the columns with {@code columns[i]} true need
     * their values (the others may read as null): a scan can skip decoding what the query never reads.
     */
    default RowCursor scan(TableDef table, boolean[] columns) {
        return scan(table);
    }

    /**
     * The rows {@link #scan(TableDef, boolean[])} would give, in column batches, or null when this kernel
     * (or this table, e.g. a system view) cannot: the caller then pulls rows.
     */
    default ColumnBatchCursor scanBatches(TableDef table, boolean[] columns) {
        return null;
    }

    /** The row whose whole primary key equals {@code key} (one storage read): zero or one rows. */
    RowCursor lookup(TableDef table, Object[] key);

    /** Inserts a row; {@code 23505} when its primary key exists. Values are already coerced and checked. */
    void insert(TableDef table, Object[] row);

    /** Replaces the row stored under {@code rowKey}; a changed primary key moves it ({@code 23505} if taken). */
    void update(TableDef table, byte[] rowKey, Object[] newRow);

    /** Deletes the row stored under {@code rowKey}. */
    void delete(TableDef table, byte[] rowKey);

    /**
     * For INSERT ... ON CONFLICT: locks the arbiter key the row would take ({@code arbiter} null: the
     * primary key) against concurrent writers until the transaction ends, and returns the row that
     * holds it now (zero or one rows, with its key). A holder committed after the statement's snapshot
     * restarts the statement under READ COMMITTED (so it is then seen) and is {@code 40001} above it.
     */
    default RowCursor lockConflicting(TableDef table, IndexDef arbiter, Object[] row) {
        throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "This kernel does not support ON CONFLICT");
    }

    /**
     * For a foreign key: whether a row of {@code parent} has {@code values} in {@code columns} (its
     * primary key or a unique index) in the newest committed state, locking it (shared) so that it
     * cannot be deleted or re-keyed until this transaction ends.
     */
    default boolean lockReferenced(TableDef parent, java.util.List<Integer> columns, Object[] values) {
        throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "This kernel does not support foreign keys");
    }

    /**
     * SELECT ... FOR UPDATE/SHARE: locks the stored row under {@code rowKey} until the transaction ends
     * (exclusive for UPDATE and NO KEY UPDATE, shared for SHARE and KEY SHARE). Returns false only under
     * SKIP LOCKED, when another transaction holds a conflicting lock; NOWAIT then fails with {@code 55P03}.
     * A row changed by a transaction committed after the statement's snapshot restarts the statement under
     * READ COMMITTED (so the WHERE clause is evaluated again on its newest version) and is {@code 40001}
     * above it. The default suits a kernel without concurrent transactions: nothing to lock against.
     */
    default boolean lockRow(TableDef table, byte[] rowKey, RowLockMode mode, RowLockWait wait) {
        return true;
    }

    /**
     * WHERE CURRENT OF: the row of {@code table} the session's cursor {@code cursor} is positioned on, as this
     * statement reads it (none when the cursor's row of it is gone or was skipped). {@code 34000} for no such
     * cursor, {@code 24000} when it is not positioned on a row or does not read {@code table} simply.
     */
    default RowCursor currentOf(String cursor, TableDef table) {
        throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "This kernel does not support WHERE CURRENT OF");
    }

    /**
     * {@link #lockRow} for a plan that can re-check a changed row itself (PostgreSQL's EvalPlanQual): where
     * {@code lockRow} would restart the statement, a kernel that lets this plan re-check (a cursor's FETCH under
     * READ COMMITTED, which cannot restart) answers {@link RowLockOutcome#CHANGED} with the lock held.
     */
    default RowLockOutcome lockRowRechecking(TableDef table, byte[] rowKey, RowLockMode mode, RowLockWait wait) {
        return lockRow(table, rowKey, mode, wait) ? RowLockOutcome.LOCKED : RowLockOutcome.SKIPPED;
    }

    /** The newest committed version of the stored row under {@code rowKey} with this transaction's writes; null when gone. */
    default Object[] newestRow(TableDef table, byte[] rowKey) {
        throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "This kernel does not re-check rows");
    }

    /** Every row of the table in the newest committed state plus this transaction's writes (for foreign keys). */
    default RowCursor scanNewest(TableDef table) {
        throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "This kernel does not support foreign keys");
    }

    /**
     * ALTER TABLE: replaces {@code old}'s definition (a new name renames it). With {@code rows}, every
     * row is rewritten through it under the replacement's layout and key (23505 on a duplicate key);
     * {@code columnMap} maps an old column position to its new one (-1: dropped, and with it every index
     * on it). Locks the table exclusively. Returns the stored replacement.
     */
    default TableDef alterTable(TableDef old, TableDef replacement, java.util.function.UnaryOperator<Object[]> rows,
                                java.util.function.IntUnaryOperator columnMap) {
        throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "This kernel does not support ALTER TABLE");
    }

    /** Views and the other catalog objects; a kernel without them refuses with {@code 0A000}. */
    default DefinitionCatalog definitions() {
        throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "This kernel does not support views");
    }

    /** The value of a session setting, or {@code null} when unknown. */
    /**
     * Threads for the extra parts of a parallel aggregate, owned and closed by the database; {@code null}
     * (the default): none, every scan reads on the query's thread.
     */
    default java.util.concurrent.Executor parallelWorkers() {
        return null;
    }

    String setting(String name);

    /** Sets a session setting ({@code SET name = value}). */
    void setSetting(String name, String value);

    /** What the system-information functions read; a kernel without system views has no objects. */
    default SystemCatalog systemCatalog() {
        return SystemCatalog.NONE;
    }

    /** {@code SET LOCAL name = value}: until the transaction ends (a kernel without transactions: as SET). */
    default void setLocalSetting(String name, String value) {
        setSetting(name, value);
    }

    /**
     * {@code now()} and {@code current_timestamp}: the start of the current transaction in UTC, the same
     * for all its statements, as in PostgreSQL.
     */
    default java.time.LocalDateTime transactionTimestamp() {
        return java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /** {@code statement_timestamp()}: the start of the current statement, in UTC. */
    default java.time.LocalDateTime statementTimestamp() {
        return transactionTimestamp();
    }

    /** Tells the client something short of an error, as PostgreSQL's NOTICE (e.g. "... does not exist, skipping"). */
    default void notice(String message) {
    }

    /** A NOTICE carrying a SQLSTATE, as PostgreSQL's 42P07 "relation \"t\" already exists, skipping". */
    default void notice(io.heliosdb.api.SqlState state, String message) {
        notice(message);
    }

    /**
     * For a statement with data-modifying WITH queries, whose parts must all read the data as it was when the
     * statement began: a context whose reads ({@link #scan}, {@link #lookup}, {@link #indexScan}) see the
     * transaction's own writes as of this call and no later ones, while everything else (writes, their checks,
     * {@link #scanNewest}) goes through this context. The default suits a kernel whose reads cannot be pinned.
     */
    default ExecutionContext frozenReads() {
        return this;
    }

    /** Throws {@code 57014} when the statement was cancelled or ran past its timeout. */
    default void checkCancelled() {
    }
}
