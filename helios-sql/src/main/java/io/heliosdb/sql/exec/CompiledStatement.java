package io.heliosdb.sql.exec;

import io.heliosdb.api.Column;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.ExecutionContext;
import io.heliosdb.sql.StatementPlan;
import io.heliosdb.sql.StatementResult;
import io.heliosdb.sql.TransactionCommand;
import io.heliosdb.sql.TransactionControl;
import io.heliosdb.sql.types.Casts;
import java.util.List;

/** A statement ready to run: metadata for the kernel plus the compiled body. */
final class CompiledStatement implements StatementPlan {
    private final String sql;
    private final List<SqlType> parameterTypes;
    /** Whether a text parameter must be read in the session's time zone (see {@link ZonedParameters}). */
    private final boolean zonedParameters;
    private final List<Column> columns;
    private final TransactionCommand transactionCommand;
    private final boolean readOnly;
    private final boolean changesCatalog;
    private final StatementBody body;
    private TransactionControl control;
    private io.heliosdb.sql.PointQuery pointQuery;
    private boolean takesSnapshot = true;

    CompiledStatement(String sql, List<SqlType> parameterTypes, List<Column> columns, TransactionCommand transactionCommand,
                      boolean readOnly, boolean changesCatalog, StatementBody body) {
        this.sql = sql;
        this.parameterTypes = List.copyOf(parameterTypes);
        this.zonedParameters = ZonedParameters.any(this.parameterTypes);
        this.columns = List.copyOf(columns);
        this.transactionCommand = transactionCommand;
        this.readOnly = readOnly;
        this.changesCatalog = changesCatalog;
        this.body = body;
    }

    /** Sets what a transaction control statement names (the command alone otherwise). */
    CompiledStatement withControl(TransactionControl control) {
        this.control = control;
        return this;
    }

    /** Marks a query the kernel may run as a point read (see {@link PointQueries}). */
    CompiledStatement withPointQuery(io.heliosdb.sql.PointQuery query) {
        this.pointQuery = query;
        return this;
    }

    /** Marks a statement PostgreSQL runs without a snapshot (see {@link StatementPlan#takesSnapshot()}). */
    CompiledStatement withoutSnapshot() {
        this.takesSnapshot = false;
        return this;
    }

    @Override
    public boolean takesSnapshot() {
        return takesSnapshot;
    }

    @Override
    public io.heliosdb.sql.PointQuery pointQuery() {
        return pointQuery;
    }

    @Override
    public TransactionControl transactionControl() {
        return control != null ? control : transactionCommand == null ? null : TransactionControl.of(transactionCommand);
    }

    /** The compiled body, for EXPLAIN ANALYZE to run with parameters already coerced. */
    StatementBody body() {
        return body;
    }

    @Override
    public String sql() {
        return sql;
    }

    @Override
    public List<SqlType> parameterTypes() {
        return parameterTypes;
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public TransactionCommand transactionCommand() {
        return transactionCommand;
    }

    @Override
    public boolean readOnly() {
        return readOnly;
    }

    @Override
    public boolean changesCatalog() {
        return changesCatalog;
    }

    @Override
    public StatementResult execute(ExecutionContext context, Object[] params) {
        Runtime rt = new Runtime(context, coerce(params, context));
        // DEFAULT and CHECK expressions bound while the statement runs may name composite types
        return PipelineGuard.guard(() -> ZonedResult.wrap(
                io.heliosdb.sql.analyze.CompositeTypes.with(context, () -> body.run(rt)), rt));
    }

    /** Each entry binds its parameters and runs the body for its count (no result, no time-zone wrapper). */
    @Override
    public io.heliosdb.sql.BatchExecutor batch(ExecutionContext context) {
        return params -> {
            Runtime rt = new Runtime(context, coerce(params, context));
            return PipelineGuard.guard(() -> body.count(rt));
        };
    }

    private Object[] coerce(Object[] params, ExecutionContext context) {
        Object[] coerced = coerce(parameterTypes, params);
        return zonedParameters ? ZonedParameters.reread(parameterTypes, params, coerced, context) : coerced;
    }

    /** Bind's check of the parameter count and each value's coercion to its parameter's type. */
    static Object[] coerce(List<SqlType> parameterTypes, Object[] params) {
        Object[] given = params == null ? new Object[0] : params;
        if (given.length != parameterTypes.size()) {
            throw new HeliosException(SqlState.PROTOCOL_VIOLATION, "bind message supplies " + given.length
                    + " parameters, but prepared statement \"\" requires " + parameterTypes.size());
        }
        Object[] coerced = new Object[given.length];
        for (int i = 0; i < given.length; i++) {
            coerced[i] = Casts.parameter(given[i], parameterTypes.get(i));
        }
        return coerced;
    }

    @Override
    public String toString() {
        return sql;
    }
}
