package io.heliosdb.sql.analyze;

import io.heliosdb.api.Column;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.RowLockMode;
import io.heliosdb.sql.RowLockWait;
import io.heliosdb.sql.SchemaLookup;
import io.heliosdb.sql.ast.Expr;
import io.heliosdb.sql.ast.FromItem;
import io.heliosdb.sql.ast.LockingQuery;
import io.heliosdb.sql.ast.Select;
import io.heliosdb.sql.ast.SelectItem;
import io.heliosdb.sql.ast.SetOperation;
import io.heliosdb.sql.ast.TableName;
import io.heliosdb.sql.ast.ValuesQuery;
import io.heliosdb.sql.plan.LogicalPlan;
import io.heliosdb.sql.plan.RowKeyColumn;
import io.heliosdb.sql.schema.TableDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code SELECT ... FOR UPDATE/SHARE}: refuses what PostgreSQL refuses, then plans the query with the
 * locked tables read keyed (each row's storage key in a hidden column, see {@link RowKeyColumn}) and
 * puts a LockRows step above the sort and below the LIMIT, so exactly the rows returned are locked.
 *
 * <p>Locking clauses lock the tables named directly in FROM (joins included); subqueries and WITH
 * queries in FROM are read without locks, and naming a subquery in {@code OF} is refused. A locking
 * query may itself be a subquery in FROM or a WITH query ({@link io.heliosdb.sql.ast.LockedQuery}).
 */
final class LockingSelects {

    private enum Kind { TABLE, SUBQUERY, FUNCTION }

    private record Entry(Kind kind, boolean nullable) {
    }

    private record Lock(RowLockMode mode, RowLockWait waitPolicy) {
    }

    private LockingSelects() {
    }

    static LogicalPlan analyze(SchemaLookup schema, ParameterTypes parameters, LockingQuery locking) {
        return analyze(schema, locking, new SelectAnalyzer(schema, parameters));
    }

    /** A locking query nested in another (in FROM or WITH), analyzed with {@code analyzer}'s enclosing scopes. */
    static LogicalPlan analyze(SchemaLookup schema, LockingQuery locking, SelectAnalyzer analyzer) {
        return analyze(schema, locking, analyzer, null);
    }

    /**
     * {@code keptKeys} non-null: the rows keep the locked tables' row key columns after the visible ones, and
     * the targets naming them are added to it (a cursor's, for WHERE CURRENT OF).
     */
    static LogicalPlan analyze(SchemaLookup schema, LockingQuery locking, SelectAnalyzer analyzer,
                               List<LogicalPlan.LockTarget> keptKeys) {
        RowLockMode first = locking.clauses().get(0).mode();
        if (locking.query() instanceof SetOperation) {
            throw notAllowed(first, "UNION/INTERSECT/EXCEPT");
        }
        if (locking.query() instanceof ValuesQuery) {
            throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, first.sql() + " cannot be applied to VALUES");
        }
        if (!(locking.query() instanceof Select s)) {
            throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, first.sql() + " is not supported for this query");
        }
        if (s.distinct()) {
            throw notAllowed(first, "DISTINCT clause");
        }
        if (!s.groupBy().isEmpty() || s.groupingSets() != null) {
            throw notAllowed(first, "GROUP BY clause");
        }
        if (s.having() != null) {
            throw notAllowed(first, "HAVING clause");
        }
        if (SelectListFunctions.rewrite(s) != s) {
            throw notAllowed(first, "set-returning functions in the target list");
        }
        // Analyzed as written first: its errors come as for the query alone, and it shows aggregates and windows.
        LogicalPlan plain = analyzer.analyze(s);
        checkSpine(plain, first);

        Map<String, Entry> from = new LinkedHashMap<>();
        s.from().forEach(item -> entries(item, false, from));
        Map<String, Lock> locked = new LinkedHashMap<>();
        for (LockingQuery.Clause clause : locking.clauses()) {
            List<String> names = new ArrayList<>();
            if (clause.tables().isEmpty()) {
                from.forEach((name, entry) -> {
                    if (entry.kind() == Kind.TABLE) {
                        names.add(name);
                    }
                });
            } else {
                for (TableName t : clause.tables()) {
                    names.add(named(t, from, clause.mode()));
                }
            }
            for (String name : names) {
                if (from.get(name).nullable()) {
                    throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED,
                            clause.mode().sql() + " cannot be applied to the nullable side of an outer join");
                }
                // Several clauses on one table: the strongest lock and the most impatient wait win, as in PostgreSQL.
                locked.merge(name, new Lock(clause.mode(), clause.waitPolicy()), (a, b) -> new Lock(
                        a.mode().compareTo(b.mode()) >= 0 ? a.mode() : b.mode(),
                        a.waitPolicy().compareTo(b.waitPolicy()) >= 0 ? a.waitPolicy() : b.waitPolicy()));
            }
        }
        if (locked.isEmpty()) {
            return plain;
        }

        List<SelectItem> items = new ArrayList<>(s.items());
        locked.keySet().forEach(alias -> items.add(new SelectItem.ExprItem(
                new Expr.ColumnRef(alias, RowKeyColumn.name(alias), 0), null)));
        Select keyedSelect = new Select(false, items, s.from(), s.where(), List.of(), null, s.orderBy(), null, null,
                List.of(), null);
        LogicalPlan plan = analyzer.keying(locked.keySet()).analyze(keyedSelect);

        int visible = plain.columns().size();
        List<LogicalPlan.LockTarget> targets = new ArrayList<>();
        int column = visible;
        for (Map.Entry<String, Lock> e : locked.entrySet()) {
            TableDef table = SelectAnalyzer.table(schema, new TableName(tableName(s, e.getKey()), null, 0));
            targets.add(new LogicalPlan.LockTarget(column++, table, e.getValue().mode(), e.getValue().waitPolicy()));
        }
        plan = new LogicalPlan.LockRows(plan, targets);
        if (s.limit() != null || s.offset() != null) {
            plan = new LogicalPlan.Limit(plan, analyzer.limitValue(s.limit(), "LIMIT"),
                    analyzer.limitValue(s.offset(), "OFFSET"));
        }
        List<Column> columns = plain.columns();
        if (keptKeys != null) {
            keptKeys.addAll(targets);
            columns = new ArrayList<>(columns);
            columns.addAll(plan.columns().subList(visible, plan.columns().size()));
            visible = columns.size();
        }
        List<BoundExpr> slots = new ArrayList<>();
        for (int i = 0; i < visible; i++) {
            Column c = columns.get(i);
            slots.add(new BoundExpr.ColumnSlot(i, c.type(), c.typmod(), c.name()));
        }
        return new LogicalPlan.Project(plan, slots, columns);
    }

    private static HeliosException notAllowed(RowLockMode mode, String what) {
        return new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, mode.sql() + " is not allowed with " + what);
    }

    /** Aggregates and window functions sit on the plan's spine, above the FROM clause's joins. */
    private static void checkSpine(LogicalPlan p, RowLockMode mode) {
        while (true) {
            if (p instanceof LogicalPlan.Aggregate) {
                throw notAllowed(mode, "aggregate functions");
            } else if (p instanceof LogicalPlan.Window) {
                throw notAllowed(mode, "window functions");
            } else if (p instanceof LogicalPlan.Project x) {
                p = x.input();
            } else if (p instanceof LogicalPlan.Filter x) {
                p = x.input();
            } else if (p instanceof LogicalPlan.Sort x) {
                p = x.input();
            } else if (p instanceof LogicalPlan.Limit x) {
                p = x.input();
            } else {
                return;
            }
        }
    }

    private static void entries(FromItem item, boolean nullable, Map<String, Entry> out) {
        if (item instanceof FromItem.Table t) {
            out.put(t.table().exposedName(), new Entry(Kind.TABLE, nullable));
        } else if (item instanceof FromItem.Derived d) {
            out.put(d.alias(), new Entry(Kind.SUBQUERY, nullable));
        } else if (item instanceof FromItem.Lateral l) {
            out.put(l.derived().alias(), new Entry(Kind.SUBQUERY, nullable));
        } else if (item instanceof FromItem.Function f) {
            out.put(f.alias() != null ? f.alias() : f.name(), new Entry(Kind.FUNCTION, nullable));
        } else if (item instanceof FromItem.Join j) {
            entries(j.left(), nullable || j.kind() == FromItem.JoinKind.RIGHT || j.kind() == FromItem.JoinKind.FULL, out);
            entries(j.right(), nullable || j.kind() == FromItem.JoinKind.LEFT || j.kind() == FromItem.JoinKind.FULL, out);
        }
    }

    private static String named(TableName t, Map<String, Entry> from, RowLockMode mode) {
        Entry entry = from.get(t.name());
        if (entry == null) {
            throw new HeliosException(SqlState.UNDEFINED_TABLE, "relation \"" + t.name() + "\" in " + mode.sql()
                    + " clause not found in FROM clause", null, null, t.position() + 1, null);
        }
        if (entry.kind() == Kind.FUNCTION) {
            throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, mode.sql() + " cannot be applied to a function",
                    null, null, t.position() + 1, null);
        }
        if (entry.kind() == Kind.SUBQUERY) {
            throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, mode.sql()
                    + " of a subquery or WITH query in FROM is not supported", null, null, t.position() + 1, null);
        }
        return t.name();
    }

    /** The table the FROM entry exposed as {@code alias} reads. */
    private static String tableName(Select s, String alias) {
        List<FromItem> pending = new ArrayList<>(s.from());
        while (!pending.isEmpty()) {
            FromItem item = pending.remove(pending.size() - 1);
            if (item instanceof FromItem.Table t && t.table().exposedName().equals(alias)) {
                return t.table().name();
            } else if (item instanceof FromItem.Join j) {
                pending.add(j.left());
                pending.add(j.right());
            }
        }
        throw new IllegalStateException("no FROM table " + alias);
    }
}
