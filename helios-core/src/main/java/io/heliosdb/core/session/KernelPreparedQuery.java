package io.heliosdb.core.session;

import io.heliosdb.api.Column;
import io.heliosdb.api.PreparedQuery;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.ParsedStatement;
import java.util.List;

/** A statement planned once; planned again only when the catalog it was planned against changed. */
final class KernelPreparedQuery implements PreparedQuery {
    private final KernelSession session;
    private final String sql;
    private final ParsedStatement statement;
    private final List<SqlType> declared;
    private PlannedStatement planned;
    /** The point read made for the current plan (see {@link PointRead}), or null. */
    private PointRead pointRead;
    /** The plan {@link #pointRead} was looked for (a plan without one is not looked at again). */
    private io.heliosdb.sql.StatementPlan pointReadPlan;
    /** The parameter sets addBatch queued. */
    private final List<Object[]> queued = new java.util.ArrayList<>();

    KernelPreparedQuery(KernelSession session, String sql, ParsedStatement statement, List<SqlType> declared,
                        PlannedStatement planned) {
        this.session = session;
        this.sql = sql;
        this.statement = statement;
        this.declared = declared;
        this.planned = planned;
    }

    @Override
    public String sql() {
        return sql;
    }

    @Override
    public List<SqlType> parameterTypes() {
        return planned == null ? List.of() : planned.plan().parameterTypes();
    }

    @Override
    public List<Column> columns() {
        if (planned == null) {
            return List.of();
        }
        io.heliosdb.sql.CursorCommand cursor = planned.plan().cursorCommand();
        if (cursor != null && cursor.kind() == io.heliosdb.sql.CursorCommand.Kind.FETCH) {
            // A FETCH returns its cursor's columns, known once DECLARE ran (PostgreSQL describes it the same way).
            return session.cursorColumns(cursor.name());
        }
        return planned.plan().columns();
    }

    @Override
    public io.heliosdb.api.CopyDescription copy() {
        return planned == null ? null : CopyRows.describe(planned.plan());
    }

    @Override
    public boolean readOnly() {
        // Planning again for a changed catalog does not change what kind of statement this is.
        return planned == null || planned.plan().readOnly();
    }

    @Override
    public Object readTextParameter(int index, String text) {
        List<SqlType> types = parameterTypes();
        return index < types.size() ? io.heliosdb.sql.BindText.read(types.get(index), text, this::sessionZone) : text;
    }

    /** The session's TimeZone, in which Bind reads a timestamptz or timetz text (as PostgreSQL's Bind does). */
    private java.time.ZoneId sessionZone() {
        String name = session.setting("TimeZone");
        return name == null ? java.time.ZoneOffset.UTC : io.heliosdb.api.TemporalText.zoneNamed(name);
    }

    @Override
    public QueryResult execute(Object... params) {
        return session.executePrepared(this, params);
    }

    @Override
    public long[] executeBatch(List<Object[]> parameterSets) {
        return session.executeBatch(this, parameterSets, BatchEntries.NO_OBSERVER);
    }

    @Override
    public long[] executeBatch(List<Object[]> parameterSets, java.util.function.IntConsumer entryStarts) {
        return session.executeBatch(this, parameterSets, entryStarts);
    }

    @Override
    public void addBatch(Object... params) {
        queued.add(params == null ? new Object[0] : params.clone());
    }

    @Override
    public void clearBatch() {
        queued.clear();
    }

    @Override
    public long[] executeBatch() {
        try {
            return session.executeBatch(this, queued, BatchEntries.NO_OBSERVER);
        } finally {
            queued.clear();
        }
    }

    List<SqlType> declared() {
        return declared;
    }

    ParsedStatement statement() {
        return statement;
    }

    /** The point read of {@code plan}, this statement's current plan, or null when it is no point query. */
    PointRead pointRead(io.heliosdb.sql.StatementPlan plan) {
        if (pointReadPlan != plan) {
            pointRead = PointRead.of(plan);
            pointReadPlan = plan;
        }
        return pointRead;
    }

    /** Takes a plan just made for the current catalog (a lifted text's shape, checked before it runs). */
    void plannedAs(PlannedStatement current) {
        planned = current;
    }

    /** The plan for the current catalog (called with the session's lock held). */
    io.heliosdb.sql.StatementPlan currentPlan() {
        if (planned == null || !planned.isFor(session.currentStamp())) {
            planned = session.plan(statement, declared);
        }
        return planned.plan();
    }
}
