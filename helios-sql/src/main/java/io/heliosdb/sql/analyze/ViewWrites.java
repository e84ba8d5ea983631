package io.heliosdb.sql.analyze;

import io.heliosdb.api.Column;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.SchemaLookup;
import io.heliosdb.sql.ast.Delete;
import io.heliosdb.sql.ast.Expr;
import io.heliosdb.sql.ast.FromItem;
import io.heliosdb.sql.ast.Insert;
import io.heliosdb.sql.ast.SelectItem;
import io.heliosdb.sql.ast.TableName;
import io.heliosdb.sql.ast.Update;
import io.heliosdb.sql.plan.LogicalPlan;
import io.heliosdb.sql.plan.RowKeyColumn;
import io.heliosdb.sql.schema.ColumnDef;
import io.heliosdb.sql.schema.TableDef;
import io.heliosdb.sql.schema.ViewDef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * INSERT, UPDATE and DELETE through an automatically updatable view ({@link UpdatableViews}): the base
 * table is written. UPDATE and DELETE read the base table keyed, filtered by the view's WHERE, in rows laid
 * out as the base columns, the row key, then the view's columns (what the statement's WHERE, SET and
 * RETURNING see); INSERT becomes an INSERT into the base table's matching columns. RETURNING gives the
 * view's columns of the new (UPDATE, INSERT) or old (DELETE) base row.
 */
final class ViewWrites {
    private final SchemaLookup schema;
    private final ParameterTypes parameters;

    ViewWrites(SchemaLookup schema, ParameterTypes parameters) {
        this.schema = schema;
        this.parameters = parameters;
    }

    /** The view a statement names as its target, if it names a view rather than a table. */
    Optional<ViewDef> target(TableName name) {
        return schema.table(name.name()).isEmpty() ? schema.view(name.name()) : Optional.empty();
    }

    /**
     * The layout of UPDATE/DELETE rows: base columns, key, view columns, then (UPDATE ... FROM, DELETE ...
     * USING) the other items' columns.
     */
    private record Target(UpdatableViews.Resolved view, LogicalPlan plan, Scope scope, int keySlot,
                          ExpressionBinder binder) {
    }

    private Target target(ViewDef def, TableName name, Expr where, String verb, List<FromItem> others) {
        UpdatableViews.Resolved view = UpdatableViews.resolve(schema, parameters, def, verb);
        TableDef base = view.base();
        int width = base.columns().size();
        TableDef keyed = RowKeyColumn.keyed(base, name.exposedName());
        LogicalPlan plan = new LogicalPlan.Scan(keyed);
        if (view.where() != null) {
            plan = new LogicalPlan.Filter(plan, view.where());
        }
        List<BoundExpr> layout = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i <= width; i++) {
            ColumnDef c = keyed.columns().get(i);
            layout.add(new BoundExpr.ColumnSlot(i, c.type(), c.typmod(), c.name()));
            columns.add(c.toColumn());
        }
        TableDef viewTable = view.asTable(name.exposedName());
        for (int k = 0; k < view.columns().size(); k++) {
            layout.add(view.columns().get(k));
            columns.add(viewTable.columns().get(k).toColumn());
        }
        plan = new LogicalPlan.Project(plan, layout, columns);
        Scope scope = Scope.at(width + 1, name.exposedName(), viewTable);
        SelectAnalyzer analyzer = new SelectAnalyzer(schema, parameters);
        if (!others.isEmpty()) {
            // As JoinedTargets does for a table: the view's rows inner-joined to the other items; a view row
            // joined to several is changed once.
            SelectAnalyzer.Source from = analyzer.fromList(others);
            scope = scope.concat(from.scope(), 0);
            plan = new LogicalPlan.Join(plan, from.plan(), null, LogicalPlan.JoinKind.INNER);
        }
        ExpressionBinder binder = analyzer.binder(scope, verb.toUpperCase(java.util.Locale.ROOT));
        if (where != null) {
            plan = new LogicalPlan.Filter(plan, analyzer.binder(scope, "WHERE").bindCondition(where, "WHERE"));
        }
        return new Target(view, plan, scope, width, binder);
    }

    BoundStatement update(ViewDef def, Update update) {
        Target t = target(def, update.table(), update.where(), "update", update.from());
        TableDef base = t.view().base();
        List<BoundExpr> newRow = new ArrayList<>();
        for (int i = 0; i < base.columns().size(); i++) {
            ColumnDef c = base.columns().get(i);
            newRow.add(new BoundExpr.ColumnSlot(i, c.type(), c.typmod(), c.name()));
        }
        Set<Integer> assigned = new HashSet<>();
        RowAssignments values = new RowAssignments(t.binder());
        for (Update.Assignment a : update.assignments()) {
            int b = baseColumn(t.view(), a.column(), "update", a.position());
            if (!assigned.add(b)) {
                throw new HeliosException(SqlState.SYNTAX_ERROR, "multiple assignments to same column \"" + a.column() + "\"");
            }
            ColumnDef column = base.columns().get(b);
            if (IdentityColumns.isGeneratedAlways(column) && !(a.value() instanceof Expr.DefaultValue)) {
                throw IdentityColumns.updateOfAlways(column.name());
            }
            newRow.set(b, a.value() instanceof Expr.DefaultValue ? defaultOf(column)
                    : t.binder().assign(values.bind(a), column.type(), column.typmod(), column.name(), "expression"));
        }
        // RETURNING reads the new base row (the executor puts it in front): view columns are recomputed.
        int viewStart = base.columns().size() + 1;
        int viewEnd = viewStart + t.view().columns().size();
        Returning r = returning(update.returning(), t.scope(), e -> UpdatableViews.substitute(e,
                i -> i >= viewStart && i < viewEnd ? t.view().columns().get(i - viewStart) : null));
        return new BoundStatement.Update(base, t.plan(), newRow, r.exprs(), r.columns(), t.keySlot(),
                ViewCheckOptions.of(t.view()));
    }

    BoundStatement delete(ViewDef def, Delete delete) {
        Target t = target(def, delete.table(), delete.where(), "delete from", delete.using());
        Returning r = returning(delete.returning(), t.scope(), Function.identity());
        return new BoundStatement.Delete(t.view().base(), t.plan(), r.exprs(), r.columns(), t.keySlot());
    }

    /**
     * INSERT into the view as INSERT into its base table's matching columns ({@code intoBase} analyzes that),
     * with RETURNING over the view's columns of the inserted row.
     */
    BoundStatement insert(ViewDef def, Insert insert, Function<Insert, BoundStatement> intoBase) {
        UpdatableViews.Resolved view = UpdatableViews.resolve(schema, parameters, def, "insert into");
        List<String> names = insert.columns();
        if (names.isEmpty()) {
            int supplied = insert.query() != null ? view.columns().size()
                    : insert.rows().stream().mapToInt(List::size).max().orElse(0);
            names = new ArrayList<>();
            for (int k = 0; k < Math.min(supplied, view.columns().size()); k++) {
                names.add(def.columns().get(k).name());
            }
        }
        List<String> baseNames = new ArrayList<>();
        for (String n : names) {
            baseNames.add(view.base().columns().get(baseColumn(view, n, "insert into", 0)).name());
        }
        // Qualified, so that search_path cannot make the name find another table (public's are stored bare).
        String baseName = io.heliosdb.sql.schema.QualifiedNames.isQualified(view.base().name()) ? view.base().name()
                : io.heliosdb.sql.schema.QualifiedNames.PUBLIC + "." + view.base().name();
        Insert rewritten = new Insert(new TableName(baseName, io.heliosdb.sql.schema.QualifiedNames.localName(baseName),
                insert.table().position()), baseNames,
                insert.rows(), insert.query(), List.of(), insert.overridingSystemValue(), null);
        BoundStatement.Insert bound = (BoundStatement.Insert) intoBase.apply(rewritten);
        String exposed = insert.table().exposedName();
        Returning r = returning(insert.returning(), Scope.of(exposed, view.asTable(exposed)),
                e -> UpdatableViews.substitute(e, i -> view.columns().get(i)));
        BoundConflict conflict = insert.onConflict() == null ? null
                : conflict(view, exposed, insert.onConflict());
        return new BoundStatement.Insert(bound.table(), bound.source(), r.exprs(), r.columns(), conflict,
                ViewCheckOptions.of(view));
    }

    /**
     * ON CONFLICT through the view, as PostgreSQL's rewriter maps it: the conflict target and the SET columns
     * name view columns (each must be a base column), and DO UPDATE's expressions read the view's columns of
     * the existing row and of EXCLUDED, both computed from base rows.
     */
    private BoundConflict conflict(UpdatableViews.Resolved view, String exposed, io.heliosdb.sql.ast.OnConflict c) {
        if (c.constraint() != null) {
            // PostgreSQL looks the constraint up on the view, which has none.
            throw new HeliosException(SqlState.UNDEFINED_OBJECT, "constraint \"" + c.constraint() + "\" for table \""
                    + io.heliosdb.sql.schema.QualifiedNames.localName(view.view().name()) + "\" does not exist");
        }
        TableDef base = view.base();
        int width = base.columns().size();
        int count = view.columns().size();
        TableDef viewTable = view.asTable(exposed);
        Scope scope = Scope.of(exposed, viewTable).concat(Scope.of("excluded", viewTable), 0);
        List<BoundExpr> excluded = new ArrayList<>();
        for (BoundExpr column : view.columns()) {
            excluded.add(UpdatableViews.substitute(column, i -> {
                ColumnDef b = base.columns().get(i);
                return new BoundExpr.ColumnSlot(width + i, b.type(), b.typmod(), "excluded." + b.name());
            }));
        }
        java.util.function.UnaryOperator<BoundExpr> finish = e -> UpdatableViews.substitute(e,
                i -> i < count ? view.columns().get(i) : excluded.get(i - count));
        ConflictBinder.Names names = new ConflictBinder.Names() {
            @Override
            public int arbiter(String name) {
                int k = viewColumn(view, name);
                if (k < 0) {
                    throw new HeliosException(SqlState.UNDEFINED_COLUMN, "column \"" + name + "\" does not exist");
                }
                return view.baseColumn()[k]; // -1 (an expression) matches no index
            }

            @Override
            public int assigned(Update.Assignment a) {
                return baseColumn(view, a.column(), "update", a.position());
            }
        };
        return new ConflictBinder(schema, parameters).bind(base, c, names, scope, finish);
    }

    /** The index of view column {@code name}, or -1. */
    private static int viewColumn(UpdatableViews.Resolved view, String name) {
        for (int i = 0; i < view.columns().size(); i++) {
            if (view.view().columns().get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The base column behind view column {@code name}; 42703 or 0A000 as PostgreSQL. */
    private static int baseColumn(UpdatableViews.Resolved view, String name, String verb, int position) {
        int k = viewColumn(view, name);
        if (k < 0) {
            throw new HeliosException(SqlState.UNDEFINED_COLUMN, "column \"" + name + "\" of relation \""
                    + view.view().name() + "\" does not exist", null, null, position > 0 ? position + 1 : 0, null);
        }
        if (view.baseColumn()[k] < 0) {
            throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "cannot " + verb + " column \"" + name
                    + "\" of view \"" + view.view().name() + "\"",
                    "View columns that are not columns of their base relation are not updatable.", null, 0, null);
        }
        return view.baseColumn()[k];
    }

    private BoundExpr defaultOf(ColumnDef column) {
        return column.defaultExpression() == null ? new BoundExpr.Const(null, column.type())
                : ConstraintBinder.bindDefault(column);
    }

    private record Returning(List<BoundExpr> exprs, List<Column> columns) {
    }

    private Returning returning(List<SelectItem> items, Scope scope, Function<BoundExpr, BoundExpr> finish) {
        List<BoundExpr> exprs = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        ExpressionBinder binder = new SelectAnalyzer(schema, parameters).binder(scope, "RETURNING");
        for (SelectItem item : items) {
            if (item instanceof SelectItem.AllColumns all) {
                // Unqualified, every visible column of every item (UPDATE ... FROM returns the joined row).
                List<Scope.Entry> entries = all.qualifier() == null ? scope.entries()
                        : List.of(scope.entry(all.qualifier(), all.position() + 1));
                for (Scope.Entry e : entries) {
                    for (int i = 0; i < e.table().columns().size(); i++) {
                        if (all.qualifier() != null || e.exposes(i)) {
                            exprs.add(finish.apply(Scope.slot(e, i)));
                            columns.add(e.table().columns().get(i).toColumn());
                        }
                    }
                }
            } else {
                SelectItem.ExprItem ei = (SelectItem.ExprItem) item;
                BoundExpr bound = binder.bind(ei.expr());
                if (bound instanceof BoundExpr.Const c && c.type() == SqlType.UNKNOWN) {
                    bound = new BoundExpr.Const(c.value(), SqlType.TEXT);
                }
                exprs.add(finish.apply(bound));
                columns.add(new Column(ei.alias() != null ? ei.alias() : ColumnNames.of(ei.expr()), bound.type(),
                        bound.typmod()));
            }
        }
        return new Returning(exprs, columns);
    }
}
