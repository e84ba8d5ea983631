package io.heliosdb.sql.analyze;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.SchemaLookup;
import io.heliosdb.sql.ast.FromItem;
import io.heliosdb.sql.ast.Query;
import io.heliosdb.sql.ast.Select;
import io.heliosdb.sql.ast.SelectItem;
import io.heliosdb.sql.ast.SetOperation;
import io.heliosdb.sql.ast.TableName;
import io.heliosdb.sql.schema.ColumnDef;
import io.heliosdb.sql.schema.TableDef;
import io.heliosdb.sql.schema.ViewDef;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * PostgreSQL's automatically updatable views: a view whose query reads one table (or one such view)
 * without DISTINCT, GROUP BY, HAVING, set operations, WITH, LIMIT/OFFSET, aggregates or window functions.
 * Resolving one gives the base table, each view column as an expression over the base row (and the base
 * column it is, if it is one), and the view's WHERE over the base row; nested views are composed.
 */
final class UpdatableViews {

    /**
     * @param columns    the view's columns as expressions over a base row laid out from slot 0
     * @param baseColumn for each view column, the base column it is, or -1 (not updatable)
     * @param where      the conditions of the view (and the views under it) over the base row, or null
     * @param levels     this view and the views under it, outermost first, each with its own condition
     */
    record Resolved(ViewDef view, TableDef base, List<BoundExpr> columns, int[] baseColumn, BoundExpr where,
                    List<Level> levels) {

        /** The view as a table definition, for scopes over its columns. */
        TableDef asTable(String exposed) {
            List<ColumnDef> defs = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                BoundExpr c = columns.get(i);
                defs.add(new ColumnDef(view.columns().get(i).name(), c.type(), c.typmod(), false, null));
            }
            return new TableDef(0, exposed, defs, List.of());
        }
    }

    /** One view of a (possibly nested) updatable view: its own WHERE over the base row, or null. */
    record Level(ViewDef view, BoundExpr where) {
    }

    private UpdatableViews() {
    }

    /**
     * The view {@code view} resolved to its base table; 55000 "cannot {@code verb} view" with PostgreSQL's
     * DETAIL and HINT when it is not automatically updatable.
     */
    static Resolved resolve(SchemaLookup schema, ParameterTypes parameters, ViewDef view, String verb) {
        Query query = ViewAnalysis.parse(view);
        String why = notUpdatable(query);
        if (why != null) {
            throw refused(view, verb, why);
        }
        Select select = (Select) query;
        TableName from = ((FromItem.Table) select.from().get(0)).table();
        SchemaLookup body = schema.forViewBody();
        Resolved inner = null;
        TableDef readDef;
        if (body.table(from.name()).isEmpty() && body.view(from.name()).isPresent()) {
            inner = resolve(body, parameters, body.view(from.name()).get(), verb);
            readDef = inner.asTable(from.exposedName());
        } else {
            readDef = SelectAnalyzer.table(body, from);
        }
        String exposed = from.exposedName();
        Scope scope = Scope.of(exposed, readDef);
        SelectAnalyzer analyzer = new SelectAnalyzer(body, parameters);
        ExpressionBinder binder = analyzer.binder(scope, null);
        List<BoundExpr> items = new ArrayList<>();
        for (SelectItem item : select.items()) {
            if (item instanceof SelectItem.AllColumns) {
                Scope.Entry e = scope.entries().get(0);
                for (int i = 0; i < readDef.columns().size(); i++) {
                    items.add(Scope.slot(e, i));
                }
            } else {
                BoundExpr bound = binder.bind(((SelectItem.ExprItem) item).expr());
                if (BoundExprs.containsAggregate(bound)) {
                    throw refused(view, verb, "Views that return aggregate functions are not automatically updatable.");
                }
                if (BoundExprs.containsWindow(bound)) {
                    throw refused(view, verb, "Views that return window functions are not automatically updatable.");
                }
                items.add(bound);
            }
        }
        BoundExpr where = select.where() == null ? null : binder.bindCondition(select.where(), "WHERE");
        int count = Math.min(items.size(), view.columns().size());
        List<BoundExpr> columns = new ArrayList<>();
        int[] baseColumn = new int[count];
        Resolved below = inner;
        IntFunction<BoundExpr> innerSlot = i -> below == null ? null : below.columns().get(i);
        for (int k = 0; k < count; k++) {
            BoundExpr e = items.get(k);
            int direct = e instanceof BoundExpr.ColumnSlot c ? c.index() : -1;
            baseColumn[k] = direct < 0 ? -1 : inner == null ? direct : inner.baseColumn()[direct];
            columns.add(inner == null ? e : substitute(e, innerSlot));
        }
        if (!verb.equals("delete from") && java.util.Arrays.stream(baseColumn).allMatch(b -> b < 0)) {
            throw refused(view, verb, "Views that have no updatable columns are not automatically updatable.");
        }
        List<Level> levels = new ArrayList<>();
        levels.add(new Level(view, where == null || inner == null ? where : substitute(where, innerSlot)));
        if (inner != null) {
            levels.addAll(inner.levels());
            where = where == null ? inner.where() : inner.where() == null ? substitute(where, innerSlot)
                    : new BoundExpr.Logical(true, inner.where(), substitute(where, innerSlot));
        }
        return new Resolved(view, inner == null ? readDef : inner.base(), columns, baseColumn, where, levels);
    }

    /** {@code e} with every column slot {@code i} of its row replaced by {@code slot.apply(i)}. */
    static BoundExpr substitute(BoundExpr e, IntFunction<BoundExpr> slot) {
        if (e instanceof BoundExpr.ColumnSlot c) {
            BoundExpr replacement = slot.apply(c.index());
            return replacement == null ? c : replacement;
        }
        return BoundExprs.mapChildren(e, x -> substitute(x, slot));
    }

    /** PostgreSQL's DETAIL for a view query that is not automatically updatable, or null when it is. */
    private static String notUpdatable(Query query) {
        if (query instanceof SetOperation) {
            return "Views containing UNION, INTERSECT, or EXCEPT are not automatically updatable.";
        }
        if (!(query instanceof Select s)) {
            return query instanceof io.heliosdb.sql.ast.RecursiveQuery
                    ? "Views containing WITH are not automatically updatable."
                    : "Views that do not select from a single table or view are not automatically updatable.";
        }
        if (s.distinct()) {
            return "Views containing DISTINCT are not automatically updatable.";
        }
        if (!s.groupBy().isEmpty() || s.groupingSets() != null) {
            return "Views containing GROUP BY are not automatically updatable.";
        }
        if (s.having() != null) {
            return "Views containing HAVING are not automatically updatable.";
        }
        if (s.limit() != null || s.offset() != null) {
            return "Views containing LIMIT or OFFSET are not automatically updatable.";
        }
        if (s.from().size() != 1 || !(s.from().get(0) instanceof FromItem.Table)) {
            return "Views that do not select from a single table or view are not automatically updatable.";
        }
        return null;
    }

    static HeliosException refused(ViewDef view, String verb, String detail) {
        String action = switch (verb) {
            case "insert into" -> "inserting into the view, provide an INSTEAD OF INSERT trigger or an unconditional "
                    + "ON INSERT DO INSTEAD rule.";
            case "update" -> "updating the view, provide an INSTEAD OF UPDATE trigger or an unconditional "
                    + "ON UPDATE DO INSTEAD rule.";
            default -> "deleting from the view, provide an INSTEAD OF DELETE trigger or an unconditional "
                    + "ON DELETE DO INSTEAD rule.";
        };
        return new HeliosException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "cannot " + verb + " view \""
                + view.name() + "\"", detail, "To enable " + action, 0, null);
    }
}
