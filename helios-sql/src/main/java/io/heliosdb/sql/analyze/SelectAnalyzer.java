package io.heliosdb.sql.analyze;

import io.heliosdb.api.Column;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.SchemaLookup;
import io.heliosdb.sql.analyze.BoundExpr.ColumnSlot;
import io.heliosdb.sql.analyze.BoundExpr.Const;
import io.heliosdb.sql.ast.Expr;
import io.heliosdb.sql.ast.FromItem;
import io.heliosdb.sql.ast.Query;
import io.heliosdb.sql.ast.Select;
import io.heliosdb.sql.ast.SelectItem;
import io.heliosdb.sql.ast.SetOperation;
import io.heliosdb.sql.ast.TableName;
import io.heliosdb.sql.ast.ValuesQuery;
import io.heliosdb.sql.plan.LogicalPlan;
import io.heliosdb.sql.plan.Planner;
import io.heliosdb.sql.schema.ColumnDef;
import io.heliosdb.sql.schema.TableDef;
import java.util.ArrayList;
import java.util.List;

/** Turns a SELECT into a logical plan: FROM, WHERE, grouping, projection, DISTINCT, ORDER BY, LIMIT. */
final class SelectAnalyzer {
    private final SchemaLookup schema;
    private final ParameterTypes parameters;
    /** Scopes of the queries enclosing this one, nearest first (empty for a top-level query). */
    private final List<Scope> outer;

    SelectAnalyzer(SchemaLookup schema, ParameterTypes parameters) {
        this(schema, parameters, List.of());
    }

    private SelectAnalyzer(SchemaLookup schema, ParameterTypes parameters, List<Scope> outer) {
        this(schema, parameters, outer, new java.util.HashMap<>());
    }

    private SelectAnalyzer(SchemaLookup schema, ParameterTypes parameters, List<Scope> outer,
                           java.util.Map<String, LogicalPlan.WorkTableScan> workTables) {
        this.schema = schema;
        this.parameters = parameters;
        this.outer = outer;
        this.workTables = workTables;
    }

    /** The work tables of the WITH RECURSIVE queries whose recursive terms are being analyzed, by name. */
    final java.util.Map<String, LogicalPlan.WorkTableScan> workTables;

    /** Exposed names of the FROM tables read with their row key column (a locking query's; see RowKeyColumn). */
    private java.util.Set<String> keyedTables = java.util.Set.of();

    /** This analyzer reading the FROM tables exposed as {@code aliases} keyed (for SELECT ... FOR UPDATE). */
    SelectAnalyzer keying(java.util.Set<String> aliases) {
        SelectAnalyzer keyed = new SelectAnalyzer(schema, parameters, outer, workTables);
        keyed.keyedTables = java.util.Set.copyOf(aliases);
        return keyed;
    }

    /** An analyzer for a query nested in this one whose enclosing scopes are {@code enclosing} (nearest first). */
    SelectAnalyzer withOuter(List<Scope> enclosing) {
        return new SelectAnalyzer(schema, parameters, List.copyOf(enclosing), workTables);
    }

    List<Scope> outer() {
        return outer;
    }

    ParameterTypes parameters() {
        return parameters;
    }

    /** The optimized plan of a subquery whose enclosing queries have {@code enclosing} scopes (nearest first). */
    LogicalPlan subquery(Query s, List<Scope> enclosing) {
        return Planner.optimize(withOuter(enclosing).analyze(s), schema);
    }

    /** A binder over {@code scope} that can bind subqueries (which see this query's scopes). */
    ExpressionBinder binder(Scope scope, String noAggregatesIn) {
        return new ExpressionBinder(scope, parameters, noAggregatesIn, this, outer);
    }

    /** A plan and the scope its rows are laid out in. */
    record Source(LogicalPlan plan, Scope scope) {
    }

    LogicalPlan analyze(Query q) {
        return analyze(q, true);
    }

    /**
     * @param resolveUnknowns false for the query of INSERT ... SELECT, whose untyped literals take the
     *                        target columns' types instead of text (as PostgreSQL does)
     */
    LogicalPlan analyze(Query q, boolean resolveUnknowns) {
        if (q instanceof Select s) {
            return analyzeSelect(SelectListFunctions.rewrite(GroupedSelectFunctions.rewrite(ExpandArrayCalls.rewrite(s))),
                    resolveUnknowns);
        }
        if (q instanceof io.heliosdb.sql.ast.RecursiveQuery r) {
            return LateralSources.recursive(this, r);
        }
        if (q instanceof io.heliosdb.sql.ast.LockedQuery l) {
            return LockingSelects.analyze(schema, l.locking(), this);
        }
        SetQueries sets = new SetQueries(this, parameters);
        LogicalPlan plan = q instanceof SetOperation o ? sets.setOperation(o) : sets.values((ValuesQuery) q);
        return sets.orderAndLimit(plan, q, this::limitValue);
    }

    private LogicalPlan analyzeSelect(Select s, boolean resolveUnknowns) {
        Source source = new Source(new LogicalPlan.OneRow(), Scope.EMPTY);
        for (FromItem item : s.from()) {
            if (!(source.plan() instanceof LogicalPlan.OneRow) && LateralSources.isLateral(item)) {
                source = LateralSources.join(this, source, item, LogicalPlan.JoinKind.INNER, null);
                continue;
            }
            Source next = from(item);
            source = source.plan() instanceof LogicalPlan.OneRow ? next
                    : new Source(new LogicalPlan.Join(source.plan(), next.plan(), null, LogicalPlan.JoinKind.INNER),
                    source.scope().concat(next.scope(), 0));
        }
        Scope scope = source.scope();
        LogicalPlan plan = source.plan();
        if (s.where() != null) {
            plan = new LogicalPlan.Filter(plan, binder(scope, "WHERE").bindCondition(s.where(), "WHERE"));
        }

        ExpressionBinder binder = binder(scope, null);
        List<BoundExpr> items = new ArrayList<>();
        List<String> names = new ArrayList<>();
        selectList(s.items(), binder, items, names);

        List<BoundExpr> groupKeys = new ArrayList<>();
        ExpressionBinder groupBinder = binder(scope, "GROUP BY");
        for (Expr g : s.groupBy()) {
            BoundExpr key = groupKey(g, items, names, scope, groupBinder);
            if (!groupKeys.contains(key)) {
                groupKeys.add(key);
            }
        }
        // GROUPING SETS / ROLLUP / CUBE: each set as the indexes of its keys (null for a plain GROUP BY).
        List<List<Integer>> groupingSets = null;
        if (s.groupingSets() != null && !(s.groupingSets().size() == 1 && s.groupingSets().get(0).isEmpty())) {
            groupingSets = new ArrayList<>();
            for (List<Expr> set : s.groupingSets()) {
                List<Integer> indexes = new ArrayList<>();
                for (Expr g : set) {
                    int index = groupKeys.indexOf(groupKey(g, items, names, scope, groupBinder));
                    if (!indexes.contains(index)) {
                        indexes.add(index);
                    }
                }
                groupingSets.add(indexes);
            }
        }
        BoundExpr having = s.having() == null ? null : binder.bindCondition(s.having(), "HAVING");
        if (having != null && BoundExprs.containsWindow(having)) {
            throw new HeliosException(SqlState.WINDOWING_ERROR, "window functions are not allowed in HAVING");
        }

        // ORDER BY: output ordinals and names first, else an expression over the input (maybe hidden).
        List<LogicalPlan.SortKey> sortKeys = new ArrayList<>();
        List<BoundExpr> hidden = new ArrayList<>();
        int derivedKeys = 0;
        for (Select.OrderItem o : s.orderBy()) {
            int column = orderColumn(o.expr(), items, names, hidden, binder);
            boolean nullsFirst = o.nullsFirst() != null ? o.nullsFirst() : o.descending();
            BoundExpr key = column < items.size() ? items.get(column) : hidden.get(column - items.size());
            if (CompositeTypes.isComposite(key)) {
                int before = hidden.size();
                CompositeTypes.sortKeys(key, o.descending(), nullsFirst, items, hidden, sortKeys);
                if (column < items.size()) {
                    derivedKeys += hidden.size() - before; // functions of a select-list item: DISTINCT is unchanged
                }
                continue;
            }
            sortKeys.add(new LogicalPlan.SortKey(column, o.descending(), nullsFirst));
        }

        // DISTINCT ON keys resolve like ORDER BY items and must lead the ORDER BY (42P10), as in PostgreSQL.
        List<Integer> distinctOn = new ArrayList<>();
        for (Expr e : s.distinctOn()) {
            distinctOn.add(orderColumn(e, items, names, hidden, binder));
        }
        if (!distinctOn.isEmpty()) {
            if (sortKeys.isEmpty()) {
                distinctOn.forEach(c -> sortKeys.add(new LogicalPlan.SortKey(c, false, false)));
            } else if (sortKeys.size() < distinctOn.size() || !new java.util.HashSet<>(distinctOn).equals(new java.util.HashSet<>(
                    sortKeys.subList(0, distinctOn.size()).stream().map(LogicalPlan.SortKey::column).toList()))) {
                throw new HeliosException(SqlState.INVALID_COLUMN_REFERENCE,
                        "SELECT DISTINCT ON expressions must match initial ORDER BY expressions");
            }
        }

        List<BoundExpr> projected = new ArrayList<>(items);
        projected.addAll(hidden);
        boolean aggregated = !groupKeys.isEmpty() || having != null
                || projected.stream().anyMatch(BoundExprs::containsAggregate)
                || projected.stream().anyMatch(GroupingFunction::contains);
        if (aggregated) {
            AggregateRewriter rewriter = new AggregateRewriter(groupKeys);
            projected = projected.stream().map(rewriter::rewrite).toList();
            BoundExpr rewrittenHaving = having == null ? null : rewriter.rewrite(having);
            List<Column> aggColumns = new ArrayList<>();
            for (int i = 0; i < groupKeys.size(); i++) {
                aggColumns.add(new Column("group" + i, groupKeys.get(i).type(), groupKeys.get(i).typmod()));
            }
            for (BoundExpr.AggregateCall a : rewriter.aggregates()) {
                aggColumns.add(new Column("agg", a.type()));
            }
            boolean plainGroupBy = groupingSets == null;
            projected = projected.stream().map(e -> rewriter.placeGroupings(e, plainGroupBy)).toList();
            rewrittenHaving = rewrittenHaving == null ? null : rewriter.placeGroupings(rewrittenHaving, plainGroupBy);
            plan = groupingSets == null
                    ? new LogicalPlan.Aggregate(plan, groupKeys, rewriter.aggregates(), aggColumns)
                    : GroupingSetsPlan.build(plan, groupKeys, groupingSets, rewriter.aggregates(), aggColumns,
                    rewriter.groupingCalls());
            if (rewrittenHaving != null) {
                plan = new LogicalPlan.Filter(plan, rewrittenHaving);
            }
        }
        if (projected.stream().anyMatch(BoundExprs::containsWindow)) {
            WindowExtractor windows = new WindowExtractor(plan.columns().size());
            projected = projected.stream().map(windows::extract).toList();
            List<Column> windowColumns = new ArrayList<>(plan.columns());
            windows.calls().forEach(c -> windowColumns.add(new Column("window", c.type())));
            plan = new LogicalPlan.Window(plan, windows.calls(), windowColumns);
        }
        if (resolveUnknowns) {
            projected = projected.stream().map(SelectAnalyzer::resolveUnknown).toList();
        }
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < projected.size(); i++) {
            BoundExpr e = projected.get(i);
            SqlType type = resolveUnknowns || !(e instanceof Const) ? outputType(e) : e.type();
            columns.add(new Column(i < names.size() ? names.get(i) : "?order?", type, e.typmod()));
        }
        plan = new LogicalPlan.Project(plan, projected, columns);
        if (s.distinct() && distinctOn.isEmpty()) {
            if (hidden.size() > derivedKeys) {
                throw new HeliosException(SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION,
                        "for SELECT DISTINCT, ORDER BY expressions must appear in select list");
            }
            plan = new LogicalPlan.Distinct(plan);
        }
        if (!sortKeys.isEmpty()) {
            plan = new LogicalPlan.Sort(plan, sortKeys);
        }
        if (!distinctOn.isEmpty()) {
            plan = new LogicalPlan.DistinctOn(plan, distinctOn);
        }
        if (s.limit() != null || s.offset() != null) {
            plan = new LogicalPlan.Limit(plan, limitValue(s.limit(), "LIMIT"), limitValue(s.offset(), "OFFSET"));
        }
        if (!hidden.isEmpty()) {
            List<BoundExpr> visible = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                visible.add(new ColumnSlot(i, columns.get(i).type(), columns.get(i).typmod(), names.get(i)));
            }
            plan = new LogicalPlan.Project(plan, visible, columns.subList(0, items.size()));
        }
        return plan;
    }

    private BoundExpr groupKey(Expr g, List<BoundExpr> items, List<String> names, Scope scope, ExpressionBinder binder) {
        Integer ordinal = ordinal(g, items.size(), "GROUP BY");
        if (ordinal != null) {
            return items.get(ordinal);
        } else if (g instanceof Expr.ColumnRef c && c.table() == null && !scope.hasColumn(c.column())
                && names.contains(c.column())) {
            return items.get(names.indexOf(c.column()));
        }
        return binder.bind(g);
    }

    /** Output columns never have type unknown: untyped literals become text, as in PostgreSQL 10+. */
    private static BoundExpr resolveUnknown(BoundExpr e) {
        if (e instanceof Const c && c.type() == SqlType.UNKNOWN) {
            return new Const(c.value(), SqlType.TEXT);
        }
        return e;
    }

    private SqlType outputType(BoundExpr e) {
        if (e instanceof BoundExpr.ParamRef p) {
            SqlType t = parameters.get(p.index());
            return t == SqlType.UNKNOWN ? SqlType.TEXT : t;
        }
        return e.type() == SqlType.UNKNOWN ? SqlType.TEXT : e.type();
    }

    private void selectList(List<SelectItem> list, ExpressionBinder binder, List<BoundExpr> items, List<String> names) {
        for (SelectItem item : list) {
            if (item instanceof SelectItem.ExprItem x && CompositeFields.isStar(x.expr())) {
                Expr.FunctionCall star = (Expr.FunctionCall) x.expr();
                String table = CompositeFields.expandStar(binder, star, items, names);
                if (table == null) {
                    continue;
                }
                item = new SelectItem.AllColumns(table, star.position()); // (t).* is t.*
            }
            if (item instanceof SelectItem.AllColumns all) {
                Scope scope = binder.scope();
                if (scope.entries().isEmpty()) {
                    throw new HeliosException(SqlState.SYNTAX_ERROR, "SELECT * with no tables specified is not valid",
                            null, null, all.position() + 1, null);
                }
                List<Scope.Entry> entries = all.qualifier() == null ? scope.entries()
                        : List.of(scope.entry(all.qualifier(), all.position() + 1));
                for (Scope.Entry e : entries) {
                    for (int i = 0; i < e.table().columns().size(); i++) {
                        if (all.qualifier() == null && !e.exposes(i)
                                || io.heliosdb.sql.plan.RowKeyColumn.isKey(e.table().columns().get(i))) {
                            continue;
                        }
                        items.add(Scope.slot(e, i));
                        names.add(e.table().columns().get(i).name());
                    }
                }
            } else {
                SelectItem.ExprItem e = (SelectItem.ExprItem) item;
                items.add(binder.bind(e.expr()));
                names.add(e.alias() != null ? e.alias() : ColumnNames.of(e.expr()));
            }
        }
    }

    private static Integer ordinal(Expr e, int count, String clause) {
        if (e instanceof Expr.Literal l && l.kind() != Expr.LiteralKind.INTEGER) {
            // PostgreSQL reads a bare constant here as a misspelt position, not as a grouping or sort key.
            throw new HeliosException(SqlState.SYNTAX_ERROR, "non-integer constant in " + clause);
        }
        if (e instanceof Expr.Literal l && l.kind() == Expr.LiteralKind.INTEGER) {
            long n = Long.parseLong(l.text());
            if (n < 1 || n > count) {
                throw new HeliosException(SqlState.INVALID_COLUMN_REFERENCE,
                        clause + " position " + n + " is not in select list");
            }
            return (int) n - 1;
        }
        return null;
    }

    private int orderColumn(Expr e, List<BoundExpr> items, List<String> names, List<BoundExpr> hidden,
                            ExpressionBinder binder) {
        Integer ordinal = ordinal(e, items.size(), "ORDER BY");
        if (ordinal != null) {
            return ordinal;
        }
        if (e instanceof Expr.ColumnRef c && c.table() == null) {
            int first = names.indexOf(c.column());
            if (first >= 0) {
                if (names.lastIndexOf(c.column()) != first && !items.get(first).equals(items.get(names.lastIndexOf(c.column())))) {
                    throw new HeliosException(SqlState.AMBIGUOUS_COLUMN, "ORDER BY \"" + c.column() + "\" is ambiguous");
                }
                return first;
            }
        }
        BoundExpr bound = binder.bind(e);
        int same = items.indexOf(bound);
        if (same >= 0) {
            return same;
        }
        int previous = hidden.indexOf(bound);
        if (previous >= 0) {
            return items.size() + previous;
        }
        hidden.add(bound);
        return items.size() + hidden.size() - 1;
    }

    BoundExpr limitValue(Expr e, String clause) {
        if (e == null) {
            return null;
        }
        ExpressionBinder binder = new ExpressionBinder(Scope.EMPTY, parameters, clause);
        BoundExpr bound = binder.bind(e);
        if (bound.type() != SqlType.UNKNOWN && !bound.type().isNumeric()) {
            throw new HeliosException(SqlState.DATATYPE_MISMATCH, "argument of " + clause + " must be type bigint, not type "
                    + bound.type().sqlName());
        }
        return bound.type() == SqlType.BIGINT ? bound : binder.cast(bound, SqlType.BIGINT, -1);
    }

    /** A FROM list (items comma-joined, LATERAL ones seeing the items before them); never empty. */
    Source fromList(List<FromItem> items) {
        Source source = null;
        for (FromItem item : items) {
            if (source != null && LateralSources.isLateral(item)) {
                source = LateralSources.join(this, source, item, LogicalPlan.JoinKind.INNER, null);
                continue;
            }
            Source next = from(item);
            source = source == null ? next
                    : new Source(new LogicalPlan.Join(source.plan(), next.plan(), null, LogicalPlan.JoinKind.INNER),
                    source.scope().concat(next.scope(), 0));
        }
        return source;
    }

    private Source from(FromItem item) {
        if (item instanceof FromItem.Table t) {
            if (schema.table(t.table().name()).isEmpty()) {
                var view = schema.view(t.table().name());
                if (view.isPresent()) {
                    return ViewAnalysis.expand(this, schema, t.table(), view.get(), parameters);
                }
            }
            TableDef table = table(schema, t.table());
            if (keyedTables.contains(t.table().exposedName())) {
                table = io.heliosdb.sql.plan.RowKeyColumn.keyed(table, t.table().exposedName());
            }
            return new Source(new LogicalPlan.Scan(table), Scope.of(t.table().exposedName(), table));
        }
        if (item instanceof FromItem.Derived d) {
            return derived(d);
        }
        if (!(item instanceof FromItem.Join)) {
            return LateralSources.source(this, item, outer);
        }
        FromItem.Join j = (FromItem.Join) item;
        Source left = from(j.left());
        if (LateralSources.isLateral(j.right()) && j.using() == null) {
            return LateralSources.join(this, left, j.right(), LogicalPlan.JoinKind.valueOf(j.kind().name()),
                    j.condition());
        }
        Source right = from(j.right());
        Scope scope = left.scope().concat(right.scope(), 0);
        LogicalPlan.JoinKind kind = LogicalPlan.JoinKind.valueOf(j.kind().name());
        if (j.using() != null) {
            return JoinUsing.join(left.plan(), right.plan(), left.scope(), right.scope(), scope, kind,
                    j.using().isEmpty() ? JoinUsing.naturalColumns(left.scope(), right.scope()) : j.using(),
                    binder(scope, "JOIN conditions"));
        }
        BoundExpr condition = j.condition() == null ? null
                : binder(scope, "JOIN conditions").bindCondition(j.condition(), "JOIN/ON");
        return new Source(new LogicalPlan.Join(left.plan(), right.plan(), condition, kind), scope);
    }

    /** A subquery in FROM: its rows under the alias, as if it were a table (it sees enclosing queries only). */
    Source derived(FromItem.Derived d) {
        return derived(d, outer);
    }

    /** {@code d} analyzed with {@code enclosing} as its enclosing scopes (a LATERAL query sees the items before it). */
    Source derived(FromItem.Derived d, List<Scope> enclosing) {
        LogicalPlan plan = d.query() instanceof io.heliosdb.sql.ast.ReturningRows r
                ? ReturningRowsPlan.of(schema, parameters, r, d.alias()) : withOuter(enclosing).analyze(d.query());
        if (d.shared() != null && !(plan instanceof LogicalPlan.CteScan)) {
            // A query reading outer rows is shared too, its rows computed again when those rows change.
            int depth = Correlation.nearestOuterDepth(plan);
            plan = new LogicalPlan.CteScan(plan, d.alias(),
                    depth == 0 ? d.shared() : new io.heliosdb.sql.plan.CorrelatedCte(d.shared(), depth));
        }
        List<Column> columns = plan.columns();
        if (d.columnAliases().size() > columns.size()) {
            throw new HeliosException(SqlState.INVALID_COLUMN_REFERENCE, "table \"" + d.alias() + "\" has "
                    + columns.size() + " columns available but " + d.columnAliases().size() + " columns specified");
        }
        List<ColumnDef> defs = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            String name = i < d.columnAliases().size() ? d.columnAliases().get(i) : c.name();
            defs.add(new ColumnDef(name, c.type(), c.typmod(), false, null));
        }
        TableDef table = new TableDef(0, d.alias(), defs, List.of());
        return new Source(plan, Scope.of(d.alias(), table));
    }

    static TableDef table(SchemaLookup schema, TableName name) {
        return schema.table(name.name()).orElseThrow(() -> new HeliosException(SqlState.UNDEFINED_TABLE,
                "relation \"" + name.name() + "\" does not exist", null, null, name.position() + 1, null));
    }

    static List<Column> columnsOf(TableDef table) {
        return table.columns().stream().map(ColumnDef::toColumn).toList();
    }
}
