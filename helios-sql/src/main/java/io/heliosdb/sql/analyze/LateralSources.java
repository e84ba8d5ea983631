package io.heliosdb.sql.analyze;

import io.heliosdb.api.Column;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.analyze.SelectAnalyzer.Source;
import io.heliosdb.sql.ast.Expr;
import io.heliosdb.sql.ast.FromItem;
import io.heliosdb.sql.ast.RecursiveQuery;
import io.heliosdb.sql.plan.LogicalPlan;
import io.heliosdb.sql.schema.ColumnDef;
import io.heliosdb.sql.schema.TableDef;
import io.heliosdb.sql.types.RecordText;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * FROM items beyond tables and plain subqueries: LATERAL subqueries and set-returning functions, which
 * may read the columns of the items before them, and the work table of a WITH RECURSIVE query. An item
 * that does read earlier columns is joined as a nested loop that reruns it per left row, with that row
 * as its nearest enclosing row (so its references to it are outer references of depth 1).
 */
final class LateralSources {
    private static final AtomicInteger WORK_TABLE_IDS = new AtomicInteger();
    /** The name of a function item whose arguments are set-returning calls run in lockstep (ROWS FROM). */
    static final String ROWS_FROM = FromItem.ROWS_FROM;

    private LateralSources() {
    }

    static boolean isLateral(FromItem item) {
        return item instanceof FromItem.Lateral || item instanceof FromItem.Function;
    }

    /** {@code left} joined with {@code item}, which sees left's columns; {@code condition} may be null. */
    static Source join(SelectAnalyzer analyzer, Source left, FromItem item, LogicalPlan.JoinKind kind, Expr condition) {
        List<Scope> enclosing = new ArrayList<>();
        enclosing.add(left.scope());
        enclosing.addAll(analyzer.outer());
        Source right = source(analyzer, item, enclosing);
        Scope scope = left.scope().concat(right.scope(), 0);
        BoundExpr bound = condition == null ? null
                : analyzer.binder(scope, "JOIN conditions").bindCondition(condition, "JOIN/ON");
        if (!Correlation.isCorrelated(right.plan())) {
            return new Source(new LogicalPlan.Join(left.plan(), right.plan(), bound, kind), scope);
        }
        if (kind != LogicalPlan.JoinKind.INNER && kind != LogicalPlan.JoinKind.LEFT) {
            throw new HeliosException(SqlState.INVALID_COLUMN_REFERENCE,
                    "the combining JOIN type must be INNER or LEFT for a LATERAL reference");
        }
        BoundExpr always = bound == null ? new BoundExpr.Const(true, SqlType.BOOLEAN) : bound;
        return new Source(new LogicalPlan.IndexJoin(left.plan(), right.plan(), always, kind), scope);
    }

    /** A lateral, function or work-table item alone, with {@code enclosing} as its enclosing scopes. */
    static Source source(SelectAnalyzer analyzer, FromItem item, List<Scope> enclosing) {
        if (item instanceof FromItem.Lateral l) {
            return analyzer.derived(l.derived(), enclosing);
        } else if (item instanceof FromItem.Function f) {
            return function(analyzer.withOuter(enclosing), f);
        }
        FromItem.WorkTable w = (FromItem.WorkTable) item;
        LogicalPlan.WorkTableScan scan = analyzer.workTables.get(w.name());
        if (scan == null) {
            throw new HeliosException(SqlState.INVALID_RECURSION, "recursive reference to query \""
                    + w.name() + "\" must not appear within its non-recursive term");
        }
        return new Source(scan, Scope.of(w.alias(), table(w.alias(), scan.columns(), List.of())));
    }

    /**
     * {@code f}: one set-returning function, or several in lockstep: {@code unnest(a, b, ...)} (one unnest
     * per array) and the item named {@link #ROWS_FROM}, whose arguments are the calls themselves.
     */
    private static Source function(SelectAnalyzer analyzer, FromItem.Function f) {
        Source catalog = CatalogSetFunctions.source(f);
        if (catalog != null) {
            return catalog;
        }
        ExpressionBinder binder = analyzer.binder(Scope.EMPTY, "functions in FROM");
        List<Expr.FunctionCall> calls = new ArrayList<>();
        if (f.name().equals(ROWS_FROM)) {
            f.args().forEach(a -> calls.add((Expr.FunctionCall) a));
        } else if (f.name().equals("unnest") && f.args().size() > 1) {
            f.args().forEach(a -> calls.add(new Expr.FunctionCall("unnest", List.of(a), false, false, f.position())));
        } else {
            calls.add(new Expr.FunctionCall(f.name(), f.args(), false, false, f.position()));
        }
        String alias = f.alias() != null ? f.alias() : f.name();
        List<LogicalPlan.SetFunction> functions = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        boolean selectList = SelectListFunctions.ALIAS.equals(f.alias());
        for (int k = 0; k < calls.size(); k++) {
            // (f(x)).col in a select list: f's columns stay apart, named after the call's column and the field
            boolean fields = selectList && ExpandArrayCalls.isFieldSelect(calls.get(k));
            Expr.FunctionCall call = fields ? (Expr.FunctionCall) calls.get(k).args().get(0) : calls.get(k);
            List<BoundExpr> args = call.args().stream().map(binder::bind).toList();
            SetFunctionSignatures.Bound bound = SetFunctionSignatures.bind(call.name(), args, binder, call.position());
            if (fields && bound.columns().size() == 1) {
                // one result column (OUT parameter or not) is a plain value, as in PostgreSQL
                throw CompositeFields.notComposite(ExpandArrayCalls.field(calls.get(k)), bound.columns().get(0).type(),
                        calls.get(k).position());
            }
            if (fields) {
                functions.add(bound.function());
                for (Column c : bound.columns()) {
                    columns.add(new Column(f.columnAliases().get(k) + "." + c.name(), c.type(), c.typmod()));
                }
                continue;
            }
            if (selectList && bound.columns().size() != 1) {
                // In a select list a function returning rows of several columns gives one record column.
                bound = new SetFunctionSignatures.Bound(new LogicalPlan.SetFunction(
                        RecordText.SET_FUNCTION_PREFIX + call.name(), bound.function().args(), 1),
                        List.of(new Column(call.name(), SqlType.RECORD)));
            }
            functions.add(bound.function());
            for (Column c : bound.columns()) {
                // A function without OUT parameters names its column after the item's alias when it is alone.
                String name = c.name() != null ? c.name() : calls.size() == 1 ? alias : call.name();
                columns.add(new Column(name, c.type(), c.typmod()));
            }
        }
        if (f.ordinality()) {
            columns.add(new Column("ordinality", SqlType.BIGINT));
        }
        if (f.columnAliases().size() > columns.size()) {
            throw new HeliosException(SqlState.INVALID_COLUMN_REFERENCE, "too many column aliases specified for function "
                    + f.name(), null, null, f.position() + 1, null);
        }
        for (int i = 0, k = 0; i < f.columnAliases().size(); i++, k++) {
            if (selectList && ExpandArrayCalls.isFieldSelect(calls.get(i))) {
                // its columns are named already: skip past them
                while (k + 1 < columns.size() && columns.get(k + 1).name().startsWith(f.columnAliases().get(i) + ".")) {
                    k++;
                }
                continue;
            }
            Column c = columns.get(k);
            columns.set(k, new Column(f.columnAliases().get(i), c.type(), c.typmod()));
        }
        LogicalPlan scan = new LogicalPlan.FunctionScan(functions, columns, f.ordinality());
        return new Source(scan, Scope.of(alias, table(alias, columns, List.of())));
    }

    private static TableDef table(String name, List<Column> columns, List<String> aliases) {
        List<ColumnDef> defs = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            defs.add(new ColumnDef(i < aliases.size() ? aliases.get(i) : c.name(), c.type(), c.typmod(), false, null));
        }
        return new TableDef(0, name, defs, List.of());
    }

    /** WITH RECURSIVE: the anchor, then the recursive term with the work table in scope under the query's name. */
    static LogicalPlan recursive(SelectAnalyzer analyzer, RecursiveQuery r) {
        LogicalPlan anchor = analyzer.analyze(r.anchor());
        List<Column> anchorColumns = anchor.columns();
        if (!r.columns().isEmpty() && r.columns().size() != anchorColumns.size()) {
            throw new HeliosException(SqlState.INVALID_COLUMN_REFERENCE, "WITH query \"" + r.name() + "\" has "
                    + anchorColumns.size() + " columns available but " + r.columns().size() + " columns specified");
        }
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < anchorColumns.size(); i++) {
            Column c = anchorColumns.get(i);
            columns.add(new Column(r.columns().isEmpty() ? c.name() : r.columns().get(i), c.type(), c.typmod()));
        }
        int id = WORK_TABLE_IDS.incrementAndGet();
        LogicalPlan.WorkTableScan previous = analyzer.workTables.put(r.name(),
                new LogicalPlan.WorkTableScan(id, r.name(), columns));
        LogicalPlan recursive;
        try {
            recursive = analyzer.analyze(r.recursive());
        } finally {
            if (previous == null) {
                analyzer.workTables.remove(r.name());
            } else {
                analyzer.workTables.put(r.name(), previous);
            }
        }
        List<Column> produced = recursive.columns();
        if (produced.size() != columns.size()) {
            throw new HeliosException(SqlState.SYNTAX_ERROR, "each UNION query must have the same number of columns");
        }
        boolean same = true;
        List<BoundExpr> casts = new ArrayList<>();
        ExpressionBinder binder = new ExpressionBinder(Scope.EMPTY, analyzer.parameters(), "WITH RECURSIVE");
        for (int i = 0; i < columns.size(); i++) {
            Column want = columns.get(i);
            Column got = produced.get(i);
            BoundExpr slot = new BoundExpr.ColumnSlot(i, got.type(), got.typmod(), got.name());
            same &= want.type() == got.type();
            casts.add(want.type() == got.type() ? slot : binder.cast(slot, want.type(), want.typmod()));
        }
        if (!same) {
            recursive = new LogicalPlan.Project(recursive, casts, columns);
        }
        return new LogicalPlan.RecursiveUnion(anchor, recursive, r.all(), id, r.name(), columns);
    }
}
