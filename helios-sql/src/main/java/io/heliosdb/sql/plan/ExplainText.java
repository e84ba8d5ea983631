package io.heliosdb.sql.plan;

import io.heliosdb.sql.analyze.BoundExpr;
import io.heliosdb.sql.plan.LogicalPlan.*;
import io.heliosdb.sql.plan.rules.HashJoinRule;
import io.heliosdb.sql.schema.TableDef;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A logical plan as the lines of PostgreSQL's text EXPLAIN: one line per node ({@code Seq Scan on t},
 * {@code Hash Join}, ...), its details ({@code Filter:}, {@code Index Cond:}, {@code Hash Cond:},
 * {@code Sort Key:}, {@code Group Key:}) under it, children introduced by {@code ->}. Cost, row and width
 * estimates are left out: this planner has no cost model, and made-up numbers would mislead. Projections
 * print nothing (PostgreSQL folds them into the node below); a filter prints as its input's
 * {@code Filter:} line. Columns print as the analyzer named them (qualified, {@code t.a}), where
 * PostgreSQL leaves single-table conditions unqualified; a window's own sort is not shown.
 */
public final class ExplainText {

    private final List<String> lines = new ArrayList<>();

    /** Each node's {rows, loops} after EXPLAIN ANALYZE ran the plan; null for plain EXPLAIN. */
    private final Function<LogicalPlan, long[]> actuals;

    private ExplainText(Function<LogicalPlan, long[]> actuals) {
        this.actuals = actuals;
    }

    public static List<String> of(LogicalPlan plan) {
        return of(plan, null);
    }

    /** As {@link #of(LogicalPlan)}, each line followed by its node's {@code (actual rows=N loops=M)}. */
    public static List<String> of(LogicalPlan plan, Function<LogicalPlan, long[]> actuals) {
        ExplainText out = new ExplainText(actuals);
        out.node(plan, 0, List.of(), null);
        return out.lines;
    }

    /** PostgreSQL's ANALYZE suffix (TIMING OFF form): rows per loop, rounded, or never executed. */
    public static String actual(long[] counts) {
        if (counts == null || counts[1] == 0) {
            return " (never executed)";
        }
        return " (actual rows=" + Math.round((double) counts[0] / counts[1]) + " loops=" + counts[1] + ")";
    }

    /**
     * Writes {@code p} at {@code depth} with the extra detail lines a parent folded into it; {@code owner} is
     * the topmost folded node (a filter or projection) whose row count the line shows, null for {@code p}.
     */
    private void node(Object p, int depth, List<String> extra, Object owner) {
        Object self = owner != null ? owner : p;
        if (p instanceof Project x) {
            node(x.input(), depth, extra, self);
            return;
        }
        if (p instanceof Filter f) {
            List<String> details = new ArrayList<>(extra);
            details.add("Filter: " + ExpressionText.of(f.predicate()));
            node(f.input(), depth, details, self);
            return;
        }
        List<String> details = new ArrayList<>();
        List<Object> children = new ArrayList<>();
        String title;
        if (p instanceof Scan s) {
            title = "Seq Scan on " + s.table().name();
        } else if (p instanceof Lookup l) {
            title = "Index Scan using " + l.table().name() + "_pkey on " + l.table().name();
            details.add("Index Cond: " + keyCondition(l));
        } else if (p instanceof IndexScan i) {
            title = "Index Scan" + (i.reverse() ? " Backward" : "") + " using " + io.heliosdb.sql.schema.PrimaryKeyIndex.displayName(i.index()) + " on "
                    + i.table().name();
            if (!i.conditions().isEmpty()) {
                details.add("Index Cond: " + and(i.conditions()));
            }
        } else if (p instanceof CurrentOfScan c) {
            title = "Tid Scan on " + c.table().name();
            details.add("TID Cond: CURRENT OF " + c.cursor());
        } else if (p instanceof OneRow) {
            title = "Result";
        } else if (p instanceof Values) {
            title = "Values Scan on \"*VALUES*\"";
        } else if (p instanceof Join j) {
            title = "Nested Loop" + joinSuffix(j.kind());
            if (j.condition() != null) {
                details.add("Join Filter: " + ExpressionText.of(j.condition()));
            }
            children.add(j.left());
            children.add(j.right());
        } else if (p instanceof IndexJoin j) {
            title = "Nested Loop" + joinSuffix(j.kind());
            children.add(j.left());
            children.add(j.right());
        } else if (p instanceof HashJoin j) {
            title = "Hash" + joinSuffix(j.kind()).replace(" Join", "") + " Join";
            hashJoinDetails(j, details);
            children.add(j.left());
            children.add(new HashNode(j.right()));
        } else if (p instanceof Aggregate a) {
            title = a.groupKeys().isEmpty() ? "Aggregate" : "HashAggregate";
            if (!a.groupKeys().isEmpty()) {
                details.add("Group Key: " + a.groupKeys().stream().map(ExplainText::bare).collect(Collectors.joining(", ")));
            }
            children.add(a.input());
        } else if (p instanceof Window w) {
            title = "WindowAgg";
            children.add(w.input());
        } else if (p instanceof SetOp o) {
            title = o.kind() == SetKind.UNION ? (o.all() ? "Append" : "HashAggregate")
                    : "HashSetOp " + (o.kind() == SetKind.INTERSECT ? "Intersect" : "Except") + (o.all() ? " All" : "");
            children.add(o.left());
            children.add(o.right());
        } else if (p instanceof DistinctOn d) {
            title = "Unique";
            children.add(d.input());
        } else if (p instanceof Distinct d) {
            title = "HashAggregate";
            children.add(d.input());
        } else if (p instanceof Sort s) {
            title = "Sort";
            details.add("Sort Key: " + s.keys().stream().map(k -> sortKey(s.input(), k)).collect(Collectors.joining(", ")));
            children.add(s.input());
        } else if (p instanceof Limit l) {
            title = "Limit";
            children.add(l.input());
        } else if (p instanceof LockRows l) {
            title = "LockRows";
            children.add(l.input());
        } else if (p instanceof RecursiveUnion r) {
            title = "Recursive Union";
            children.add(r.anchor());
            children.add(r.recursive());
        } else if (p instanceof LogicalPlan.CteScan c) {
            title = "CTE Scan on " + c.name();
            children.add(c.input());
        } else if (p instanceof WorkTableScan w) {
            title = "WorkTable Scan on " + w.name();
        } else if (p instanceof FunctionScan f) {
            title = "Function Scan on " + f.function();
        } else if (p instanceof HashNode h) {
            title = "Hash";
            children.add(h.input());
        } else {
            title = p.getClass().getSimpleName();
        }
        details.addAll(extra);
        if (actuals != null) {
            Object counted = self instanceof HashNode h ? h.input() : self;
            title += actual(counted instanceof LogicalPlan c ? actuals.apply(c) : null);
        }
        lines.add(depth == 0 ? title : " ".repeat(6 * depth - 4) + "->  " + title);
        for (String detail : details) {
            lines.add(" ".repeat(6 * depth + 2) + detail);
        }
        for (Object child : children) {
            node(child, depth + 1, List.of(), null);
        }
    }

    /** The {@code Hash} node PostgreSQL shows over a hash join's build side; it exists only in EXPLAIN. */
    private record HashNode(LogicalPlan input) {
    }

    private static String joinSuffix(JoinKind kind) {
        return switch (kind) {
            case INNER -> "";
            case LEFT -> " Left Join";
            case RIGHT -> " Right Join";
            case FULL -> " Full Join";
        };
    }

    private static void hashJoinDetails(HashJoin j, List<String> details) {
        int leftWidth = j.left().columns().size();
        int width = leftWidth + j.right().columns().size();
        List<BoundExpr> keys = new ArrayList<>();
        List<BoundExpr> residual = new ArrayList<>();
        for (BoundExpr c : conjuncts(j.condition())) {
            (HashJoinRule.isKey(c, leftWidth, width) ? keys : residual).add(c);
        }
        details.add("Hash Cond: " + and(keys));
        if (!residual.isEmpty()) {
            details.add("Join Filter: " + and(residual));
        }
    }

    private static List<BoundExpr> conjuncts(BoundExpr e) {
        if (e instanceof BoundExpr.Logical l && l.and()) {
            List<BoundExpr> out = new ArrayList<>(conjuncts(l.left()));
            out.addAll(conjuncts(l.right()));
            return out;
        }
        return List.of(e);
    }

    private static String and(List<BoundExpr> conditions) {
        BoundExpr all = null;
        for (BoundExpr c : conditions) {
            all = all == null ? c : new BoundExpr.Logical(true, all, c);
        }
        return ExpressionText.of(all);
    }

    private static String keyCondition(Lookup l) {
        TableDef table = l.table();
        List<BoundExpr> equalities = new ArrayList<>();
        for (int i = 0; i < l.key().size(); i++) {
            int column = table.primaryKey().get(i);
            var def = table.columns().get(column);
            equalities.add(new BoundExpr.Comparison(BoundExpr.CompareOp.EQ,
                    new BoundExpr.ColumnSlot(column, def.type(), -1, def.name()), l.key().get(i)));
        }
        return and(equalities);
    }

    /** A key as PostgreSQL prints grouping keys: a bare column has no parentheses. */
    private static String bare(BoundExpr e) {
        return ExpressionText.of(e);
    }

    private static String sortKey(LogicalPlan input, SortKey k) {
        String name = input.columns().get(k.column()).name();
        String out = name + (k.descending() ? " DESC" : "");
        if (k.nullsFirst() != k.descending()) {
            out += k.nullsFirst() ? " NULLS FIRST" : " NULLS LAST";
        }
        return out;
    }
}
