package io.heliosdb.core.session;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.core.monitor.QueryMetrics;
import io.heliosdb.core.txn.TableRows;
import io.heliosdb.sql.ExecutionContext;
import io.heliosdb.sql.RowCursor;
import io.heliosdb.core.catalog.StoredIndex;
import io.heliosdb.sql.schema.IndexDef;
import io.heliosdb.sql.schema.TableDef;
import java.util.List;
import java.util.Optional;

/**
 * What one statement's executor sees of the kernel: its transaction's tables (with the read-only
 * system views behind them), the session settings, its deadline. Counts the rows it reads and writes.
 */
final class KernelExecutionContext implements ExecutionContext {
    private final TableRows tables;
    private final SessionSettings settings;
    private final long deadlineNanos;
    private final StatementCancel cancel;
    private final SystemViews views;
    private final QueryMetrics metrics;
    private java.time.LocalDateTime transactionStarted;
    private java.time.LocalDateTime statementStarted;

    KernelExecutionContext(TableRows tables, SessionSettings settings, long deadlineNanos, StatementCancel cancel,
                           SystemViews views, QueryMetrics metrics) {
        this.tables = tables;
        this.settings = settings;
        this.deadlineNanos = deadlineNanos;
        this.cancel = cancel;
        this.views = views;
        this.metrics = metrics;
    }

    /** When the transaction and the statement began (now() and statement_timestamp()); null: the clock. */
    KernelExecutionContext timestamps(java.time.LocalDateTime transaction, java.time.LocalDateTime statement) {
        this.transactionStarted = transaction;
        this.statementStarted = statement;
        return this;
    }

    @Override
    public java.time.LocalDateTime transactionTimestamp() {
        return transactionStarted != null ? transactionStarted : ExecutionContext.super.transactionTimestamp();
    }

    @Override
    public java.time.LocalDateTime statementTimestamp() {
        return statementStarted != null ? statementStarted : transactionTimestamp();
    }

    @Override
    public void setLocalSetting(String name, String value) {
        if (name.equalsIgnoreCase(SystemViews.MODE_SETTING)) {
            setSetting(name, value); // refused the same way
        }
        settings.setLocal(name, value);
    }

    @Override
    public Optional<TableDef> table(String name) {
        Optional<TableDef> stored = tables.table(name);
        return stored.isPresent() || views == null ? stored : views.table(name);
    }

    @Override
    public TableDef createTable(TableDef definition) {
        if (views != null && SystemViews.isViewName(definition.name())) {
            throw new HeliosException(SqlState.DUPLICATE_TABLE, "relation \"" + definition.name() + "\" already exists");
        }
        return tables.createTable(definition);
    }

    @Override
    public void dropTable(TableDef table) {
        refuseView(table);
        tables.dropTable(table);
    }

    @Override
    public Optional<IndexDef> index(String name) {
        return tables.index(name).map(StoredIndex::definition);
    }

    @Override
    public List<IndexDef> indexes(String table) {
        return tables.indexes(table).stream().map(StoredIndex::definition).toList();
    }

    @Override
    public void createIndex(IndexDef index) {
        if (views != null && SystemViews.isViewName(index.name())) {
            throw new HeliosException(SqlState.DUPLICATE_TABLE, "relation \"" + index.name() + "\" already exists");
        }
        table(index.table()).ifPresent(KernelExecutionContext::refuseView);
        tables.createIndex(index);
    }

    @Override
    public void dropIndex(IndexDef index) {
        tables.index(index.name()).ifPresent(tables::dropIndex);
    }

    @Override
    public RowCursor indexScan(IndexDef index, Object[] lower, boolean lowerInclusive, Object[] upper,
                               boolean upperInclusive, boolean reverse) {
        return new CountingCursor(tables.indexScan(index, lower, lowerInclusive, upper, upperInclusive, reverse));
    }

    @Override
    public RowCursor scan(TableDef table) {
        return new CountingCursor(SystemViews.isView(table) ? views.scan(table) : tables.scan(table));
    }

    @Override
    public RowCursor lookup(TableDef table, Object[] key) {
        if (SystemViews.isView(table)) {
            throw new HeliosException(SqlState.INTERNAL_ERROR, "system view \"" + table.name() + "\" has no key");
        }
        return new CountingCursor(tables.lookup(table, key));
    }

    @Override
    public void insert(TableDef table, Object[] row) {
        refuseView(table);
        tables.insert(table, row);
        metrics.rowsWritten(1);
    }

    @Override
    public void update(TableDef table, byte[] rowKey, Object[] newRow) {
        refuseView(table);
        tables.update(table, rowKey, newRow);
        metrics.rowsWritten(1);
    }

    @Override
    public void delete(TableDef table, byte[] rowKey) {
        refuseView(table);
        tables.delete(table, rowKey);
        metrics.rowsWritten(1);
    }

    @Override
    public String setting(String name) {
        if (views != null && name.equalsIgnoreCase(SystemViews.MODE_SETTING)) {
            return views.mode();
        }
        return settings.get(name);
    }

    @Override
    public void setSetting(String name, String value) {
        if (name.equalsIgnoreCase(SystemViews.MODE_SETTING)) {
            throw new HeliosException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "parameter \"" + SystemViews.MODE_SETTING + "\" cannot be changed",
                    null, "The mode follows from the configuration and the modules found at start-up.", 0, null);
        }
        settings.set(name, value);
    }

    @Override
    public void checkCancelled() {
        if (cancel.requested()) {
            throw new HeliosException(SqlState.QUERY_CANCELED, "canceling statement due to user request");
        }
        if (deadlineNanos != 0 && System.nanoTime() - deadlineNanos > 0) {
            throw new HeliosException(SqlState.QUERY_CANCELED, "canceling statement due to statement timeout");
        }
    }

    private static void refuseView(TableDef table) {
        if (SystemViews.isView(table)) {
            throw SystemViews.readOnly(table);
        }
    }

    /**
     * Adds the rows the executor pulls to the rows-read counter: counted locally and added in
     * batches (and at the end and on close), so a scan does not touch the shared counter per row.
     */
    private final class CountingCursor implements RowCursor {
        private static final int BATCH = 1024;
        private final RowCursor rows;
        private int pending;

        CountingCursor(RowCursor rows) {
            this.rows = rows;
        }

        @Override
        public boolean next() {
            boolean more = rows.next();
            if (more) {
                if (++pending == BATCH) {
                    flush();
                }
            } else {
                flush();
            }
            return more;
        }

        private void flush() {
            if (pending > 0) {
                metrics.rowsRead(pending);
                pending = 0;
            }
        }

        @Override
        public Object[] row() {
            return rows.row();
        }

        @Override
        public byte[] rowKey() {
            return rows.rowKey();
        }

        @Override
        public void close() {
            flush();
            rows.close();
        }
    }
}
