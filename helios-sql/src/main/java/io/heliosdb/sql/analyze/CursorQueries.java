package io.heliosdb.sql.analyze;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.CursorRowKeys;
import io.heliosdb.sql.SchemaLookup;
import io.heliosdb.sql.ast.Expr;
import io.heliosdb.sql.ast.FromItem;
import io.heliosdb.sql.ast.LockedQuery;
import io.heliosdb.sql.ast.Query;
import io.heliosdb.sql.ast.Select;
import io.heliosdb.sql.ast.SelectItem;
import io.heliosdb.sql.plan.LogicalPlan;
import io.heliosdb.sql.plan.RowKeyColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The query of DECLARE CURSOR, planned so that UPDATE/DELETE ... WHERE CURRENT OF can find the stored row
 * the cursor is on: the tables it reads simply are read keyed and their row keys ride along after the
 * columns FETCH returns (see {@link CursorRowKeys}). As in PostgreSQL, that is every table a FOR
 * UPDATE/SHARE cursor locks, and the one table of a plain cursor that scans it without grouping,
 * aggregates, window functions, DISTINCT or set-returning functions. Any other query is planned as written.
 */
public final class CursorQueries {

    /** The planned query, its parameter types, and where its rows carry row keys. */
    public record Analyzed(BoundStatement statement, List<SqlType> parameterTypes, CursorRowKeys rowKeys) {
    }

    private CursorQueries() {
    }

    public static Analyzed analyze(SchemaLookup schema, Query query) {
        try {
            Analyzed keyed = keyed(schema, query);
            if (keyed != null) {
                return keyed;
            }
        } catch (HeliosException e) {
            // Not simply updatable (or not valid at all): planned as written below, which reports its errors.
        }
        Analyzer analyzer = new Analyzer(schema, List.of());
        BoundStatement bound = analyzer.analyze(query);
        return new Analyzed(bound, analyzer.parameterTypes(),
                new CursorRowKeys(query instanceof LockedQuery, List.of()));
    }

    private static Analyzed keyed(SchemaLookup schema, Query query) {
        ParameterTypes parameters = new ParameterTypes(List.of());
        if (query instanceof LockedQuery locked) {
            List<LogicalPlan.LockTarget> targets = new ArrayList<>();
            LogicalPlan plan = LockingSelects.analyze(schema, locked.locking(), new SelectAnalyzer(schema, parameters),
                    targets);
            List<CursorRowKeys.RowKey> keys = new ArrayList<>();
            for (LogicalPlan.LockTarget t : targets) {
                keys.add(new CursorRowKeys.RowKey(t.table().name(), t.table().id(), t.keyColumn()));
            }
            return new Analyzed(new BoundStatement.Query(plan), parameters.finish(), new CursorRowKeys(true, keys));
        }
        if (!(query instanceof Select s) || !simple(s, schema)) {
            return null;
        }
        FromItem.Table from = (FromItem.Table) s.from().get(0);
        String alias = from.table().exposedName();
        List<SelectItem> items = new ArrayList<>(s.items());
        items.add(new SelectItem.ExprItem(new Expr.ColumnRef(alias, RowKeyColumn.name(alias), 0), null));
        Select keyedSelect = new Select(false, items, s.from(), s.where(), s.groupBy(), s.having(), s.orderBy(),
                s.limit(), s.offset(), s.distinctOn(), s.groupingSets());
        LogicalPlan plan = new SelectAnalyzer(schema, parameters).keying(Set.of(alias)).analyze(keyedSelect);
        if (!scansSimply(plan)) {
            return null;
        }
        plan = ObjectIdOutput.namedResult(plan);
        io.heliosdb.sql.schema.TableDef table = SelectAnalyzer.table(schema, from.table());
        return new Analyzed(new BoundStatement.Query(plan), parameters.finish(), new CursorRowKeys(false,
                List.of(new CursorRowKeys.RowKey(table.name(), table.id(), plan.columns().size() - 1))));
    }

    /** One stored table in FROM, read row by row into the result (no row of the result stands for several). */
    private static boolean simple(Select s, SchemaLookup schema) {
        return !s.distinct() && s.groupBy().isEmpty() && s.groupingSets() == null && s.having() == null
                && s.from().size() == 1 && s.from().get(0) instanceof FromItem.Table t
                && schema.table(t.table().name()).isPresent() && SelectListFunctions.rewrite(s) == s;
    }

    /** No aggregate or window sits between the scan and the result (an aggregate without GROUP BY included). */
    private static boolean scansSimply(LogicalPlan p) {
        while (true) {
            if (p instanceof LogicalPlan.Project x) {
                p = x.input();
            } else if (p instanceof LogicalPlan.Filter x) {
                p = x.input();
            } else if (p instanceof LogicalPlan.Sort x) {
                p = x.input();
            } else if (p instanceof LogicalPlan.Limit x) {
                p = x.input();
            } else {
                return RowKeyColumn.keyedScan(p) != null;
            }
        }
    }
}
