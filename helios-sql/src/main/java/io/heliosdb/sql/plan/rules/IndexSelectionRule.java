package io.heliosdb.sql.plan.rules;

import io.heliosdb.sql.SchemaLookup;
import io.heliosdb.sql.analyze.BoundExpr;
import io.heliosdb.sql.analyze.BoundExpr.ColumnSlot;
import io.heliosdb.sql.analyze.BoundExpr.CompareOp;
import io.heliosdb.sql.plan.LogicalPlan;
import io.heliosdb.sql.plan.LogicalPlan.Filter;
import io.heliosdb.sql.plan.LogicalPlan.IndexScan;
import io.heliosdb.sql.plan.LogicalPlan.Scan;
import io.heliosdb.sql.plan.rules.IndexConditions.ColumnTest;
import io.heliosdb.sql.schema.IndexDef;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code Filter(Scan t)} with conjuncts on an index's key columns becomes an index scan: equality (or
 * IS NULL) on a prefix of the key, then on the next key column either {@code IN (values)} (one probe per
 * distinct value) or a range ({@code <, <=, >, >=}, one bound each side). The conjuncts the scan enforces
 * leave the filter; the others stay on top. Of several usable indexes the one pinning most columns wins.
 */
public final class IndexSelectionRule implements PlanRule {
    private final SchemaLookup schema;

    public IndexSelectionRule(SchemaLookup schema) {
        this.schema = schema;
    }

    @Override
    public LogicalPlan apply(LogicalPlan node) {
        if (!(node instanceof Filter filter) || !(filter.input() instanceof Scan scan)) {
            return node;
        }
        List<BoundExpr> conjuncts = IndexConditions.conjuncts(filter.predicate());
        Candidate best = null;
        // The primary key comes first, so it wins a tie: it reads the rows themselves, not entries then rows.
        for (IndexDef index : schema.accessPaths(scan.table())) {
            Candidate c = match(scan, index, conjuncts);
            if (c != null && (best == null || c.score > best.score)) {
                best = c;
            }
        }
        if (best == null) {
            return node;
        }
        IndexScan chosen = best.scan;
        List<BoundExpr> residual = new ArrayList<>(conjuncts);
        residual.removeIf(c -> chosen.conditions().stream().anyMatch(used -> used == c));
        return residual.isEmpty() ? chosen : new Filter(chosen, IndexConditions.and(residual));
    }

    private record Candidate(IndexScan scan, int score) {
    }

    private static Candidate match(Scan scan, IndexDef index, List<BoundExpr> conjuncts) {
        List<BoundExpr> prefix = new ArrayList<>();
        List<BoundExpr> used = new ArrayList<>();
        int position = 0;
        for (; position < index.columns().size(); position++) {
            int column = index.columns().get(position);
            BoundExpr pinned = null;
            for (BoundExpr c : conjuncts) {
                ColumnTest t = IndexConditions.test(c);
                if (t != null && t.column() == column && t.op() == CompareOp.EQ) {
                    pinned = t.value();
                } else if (c instanceof BoundExpr.IsNull n && !n.negated() && n.operand() instanceof ColumnSlot s
                        && s.index() == column) {
                    pinned = c;
                }
                if (pinned != null) {
                    used.add(c);
                    break;
                }
            }
            if (pinned == null) {
                break;
            }
            prefix.add(pinned);
        }
        List<BoundExpr> in = null;
        BoundExpr lower = null;
        BoundExpr upper = null;
        boolean lowerInclusive = false;
        boolean upperInclusive = false;
        if (position < index.columns().size()) {
            int column = index.columns().get(position);
            for (BoundExpr c : conjuncts) {
                List<BoundExpr> values = c instanceof BoundExpr.Logical l && !l.and() ? IndexConditions.inValues(c, column) : null;
                if (values != null) {
                    in = values;
                    used.add(c);
                    break;
                }
            }
            for (BoundExpr c : in != null ? List.<BoundExpr>of() : conjuncts) {
                ColumnTest t = IndexConditions.test(c);
                if (t == null || t.column() != column || t.op() == CompareOp.EQ) {
                    continue;
                }
                boolean isLower = t.op() == CompareOp.GT || t.op() == CompareOp.GE;
                if (isLower && lower == null) {
                    lower = t.value();
                    lowerInclusive = t.op() == CompareOp.GE;
                    used.add(c);
                } else if (!isLower && upper == null) {
                    upper = t.value();
                    upperInclusive = t.op() == CompareOp.LE;
                    used.add(c);
                }
            }
        }
        if (used.isEmpty()) {
            return null;
        }
        int score = prefix.size() * 4 + (in != null ? 3 : 0) + (lower != null ? 1 : 0) + (upper != null ? 1 : 0)
                + (index.unique() && prefix.size() == index.columns().size() ? 100 : 0);
        return new Candidate(new IndexScan(scan.table(), index, prefix, in, lower, lowerInclusive, upper, upperInclusive,
                false, used), score);
    }
}
