package io.heliosdb.core.session;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.core.txn.TableRows;
import io.heliosdb.sql.ExecutionContext;
import io.heliosdb.sql.RowCursor;
import io.heliosdb.sql.schema.TableDef;
import java.util.Optional;

/** What one statement's executor sees of the kernel: its transaction's tables, the session settings, its deadline. */
final class KernelExecutionContext implements ExecutionContext {
    private final TableRows tables;
    private final SessionSettings settings;
    private final long deadlineNanos;
    private final StatementCancel cancel;

    KernelExecutionContext(TableRows tables, SessionSettings settings, long deadlineNanos, StatementCancel cancel) {
        this.tables = tables;
        this.settings = settings;
        this.deadlineNanos = deadlineNanos;
        this.cancel = cancel;
    }

    @Override
    public Optional<TableDef> table(String name) {
        return tables.table(name);
    }

    @Override
    public TableDef createTable(TableDef definition) {
        return tables.createTable(definition);
    }

    @Override
    public void dropTable(TableDef table) {
        tables.dropTable(table);
    }

    @Override
    public RowCursor scan(TableDef table) {
        return tables.scan(table);
    }

    @Override
    public RowCursor lookup(TableDef table, Object[] key) {
        return tables.lookup(table, key);
    }

    @Override
    public void insert(TableDef table, Object[] row) {
        tables.insert(table, row);
    }

    @Override
    public void update(TableDef table, byte[] rowKey, Object[] newRow) {
        tables.update(table, rowKey, newRow);
    }

    @Override
    public void delete(TableDef table, byte[] rowKey) {
        tables.delete(table, rowKey);
    }

    @Override
    public String setting(String name) {
        return settings.get(name);
    }

    @Override
    public void setSetting(String name, String value) {
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
}
