package io.heliosdb.sql.plan.rules;

import io.heliosdb.sql.analyze.BoundExpr;
import io.heliosdb.sql.analyze.BoundExpr.ColumnSlot;
import io.heliosdb.sql.analyze.BoundExprs;
import io.heliosdb.sql.plan.LogicalPlan;
import io.heliosdb.sql.plan.LogicalPlan.Filter;
import io.heliosdb.sql.plan.LogicalPlan.HashJoin;
import io.heliosdb.sql.plan.LogicalPlan.IndexJoin;
import io.heliosdb.sql.plan.LogicalPlan.Join;
import io.heliosdb.sql.plan.LogicalPlan.JoinKind;
import io.heliosdb.sql.plan.Planner;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A WHERE over inner and comma joins ({@code FROM a, b, c WHERE ...}) is split into its conjuncts: those
 * over one table filter that table, those over several join the tables they connect, and the tables are
 * joined left-deep in a greedy order (start from the smallest estimate, then always add the smallest
 * table connected to what is joined so far), so the equi-conjuncts become hash or index joins and no
 * cross product is built while a connected table is left. A projection restores the written column
 * order. Conjuncts that read outer rows or no column at all stay in a filter on top, in the written
 * layout, since correlated subqueries address that layout.
 */
public final class JoinOrderRule implements PlanRule {
    private final List<PlanRule> rest;

    /** @param rest the rules that turn the rebuilt joins into hash/index joins and scans into index scans */
    public JoinOrderRule(List<PlanRule> rest) {
        this.rest = List.copyOf(rest);
    }

    @Override
    public LogicalPlan apply(LogicalPlan node) {
        if (!(node instanceof Filter filter) || !isInnerJoin(filter.input())) {
            return node;
        }
        JoinGraph graph = new JoinGraph();
        if (!graph.flatten(filter.input(), 0)) {
            return node;
        }
        for (BoundExpr c : IndexConditions.conjuncts(filter.predicate())) {
            if (!graph.classify(c, true)) {
                return node;
            }
        }
        LogicalPlan rebuilt = graph.build(filter.input().columns());
        return Planner.optimize(rebuilt, rest);
    }

    static boolean isInnerJoin(LogicalPlan p) {
        return p instanceof Join j && j.kind() == JoinKind.INNER || p instanceof HashJoin h && h.kind() == JoinKind.INNER
                || p instanceof IndexJoin i && i.kind() == JoinKind.INNER && probedTable(i.right()) != null;
    }

    /**
     * The table an index join's right side probes (a key lookup or index scan, perhaps under the right
     * table's own filter), which the rule rebuilds as the scan it was before {@link IndexJoinRule}: the
     * rules run bottom-up, so a join becomes an index join before the WHERE above it is seen here.
     */
    private static LogicalPlan.Scan probedTable(LogicalPlan right) {
        LogicalPlan probe = right instanceof Filter f ? f.input() : right;
        if (probe instanceof LogicalPlan.Lookup l) {
            return new LogicalPlan.Scan(l.table());
        }
        return probe instanceof LogicalPlan.IndexScan s ? new LogicalPlan.Scan(s.table()) : null;
    }

    private static LogicalPlan unprobed(IndexJoin join) {
        LogicalPlan.Scan scan = probedTable(join.right());
        return join.right() instanceof Filter f ? new Filter(scan, f.predicate()) : scan;
    }

    /** The tables (leaves) of a join tree, where their columns start, and the conjuncts placed on them. */
    private static final class JoinGraph {
        final List<LogicalPlan> leaves = new ArrayList<>();
        final List<Integer> offsets = new ArrayList<>();
        final List<List<BoundExpr>> leafConjuncts = new ArrayList<>();
        final List<BoundExpr> joinConjuncts = new ArrayList<>();
        final List<BitSet> joinLeaves = new ArrayList<>();
        final List<BoundExpr> top = new ArrayList<>();

        boolean flatten(LogicalPlan p, int offset) {
            if (isInnerJoin(p)) {
                LogicalPlan left;
                LogicalPlan right;
                BoundExpr condition;
                if (p instanceof Join j) {
                    left = j.left();
                    right = j.right();
                    condition = j.condition();
                } else if (p instanceof IndexJoin i) {
                    left = i.left();
                    right = unprobed(i);
                    condition = i.condition();
                } else {
                    HashJoin h = (HashJoin) p;
                    left = h.left();
                    right = h.right();
                    condition = h.condition();
                }
                if (!flatten(left, offset) || !flatten(right, offset + left.columns().size())) {
                    return false;
                }
                if (condition != null) {
                    for (BoundExpr c : IndexConditions.conjuncts(condition)) {
                        if (!classify(shift(c, offset), offset == 0)) {
                            return false;
                        }
                    }
                }
                return true;
            }
            leaves.add(p);
            offsets.add(offset);
            leafConjuncts.add(new ArrayList<>());
            return true;
        }

        /** Places a conjunct (in the whole join's layout); false when it cannot move and {@code mayStayOnTop} is not set. */
        boolean classify(BoundExpr c, boolean mayStayOnTop) {
            boolean[] pinned = {false};
            BitSet refs = new BitSet();
            BoundExprs.forEach(c, n -> {
                if (n instanceof BoundExpr.OuterRef || n instanceof BoundExpr.Subquery q && q.correlated()
                        || n instanceof BoundExpr.AggregateCall || n instanceof BoundExpr.WindowCall) {
                    pinned[0] = true;
                } else if (n instanceof ColumnSlot s) {
                    refs.set(leafOf(s.index()));
                }
            });
            if (pinned[0] || refs.isEmpty()) {
                if (!mayStayOnTop) {
                    return false;
                }
                top.add(c);
            } else if (refs.cardinality() == 1) {
                int leaf = refs.nextSetBit(0);
                leafConjuncts.get(leaf).add(shift(c, -offsets.get(leaf)));
            } else {
                joinConjuncts.add(c);
                joinLeaves.add(refs);
            }
            return true;
        }

        int leafOf(int column) {
            for (int i = offsets.size() - 1; i >= 0; i--) {
                if (column >= offsets.get(i)) {
                    return i;
                }
            }
            throw new IllegalStateException("column " + column);
        }

        LogicalPlan build(List<io.heliosdb.api.Column> writtenColumns) {
            int n = leaves.size();
            List<LogicalPlan> filtered = new ArrayList<>();
            double[] estimate = new double[n];
            for (int i = 0; i < n; i++) {
                LogicalPlan leaf = leaves.get(i);
                List<BoundExpr> cs = leafConjuncts.get(i);
                if (!cs.isEmpty()) {
                    leaf = leaf instanceof Filter f
                            ? new Filter(f.input(), IndexConditions.and(concat(IndexConditions.conjuncts(f.predicate()), cs)))
                            : new Filter(leaf, IndexConditions.and(cs));
                }
                filtered.add(leaf);
                estimate[i] = JoinEstimates.rows(leaf);
            }
            List<Integer> order = greedyOrder(estimate);
            int[] newOffset = new int[n];
            int width = 0;
            for (int leaf : order) {
                newOffset[leaf] = width;
                width += leaves.get(leaf).columns().size();
            }
            int[] remap = new int[width];
            for (int leaf = 0; leaf < n; leaf++) {
                for (int k = 0; k < leaves.get(leaf).columns().size(); k++) {
                    remap[offsets.get(leaf) + k] = newOffset[leaf] + k;
                }
            }
            BitSet joined = new BitSet();
            boolean[] used = new boolean[joinConjuncts.size()];
            LogicalPlan plan = null;
            for (int leaf : order) {
                joined.set(leaf);
                if (plan == null) {
                    plan = filtered.get(leaf);
                    continue;
                }
                List<BoundExpr> condition = new ArrayList<>();
                for (int c = 0; c < joinConjuncts.size(); c++) {
                    BitSet refs = joinLeaves.get(c);
                    if (!used[c] && refs.get(leaf) && subset(refs, joined)) {
                        used[c] = true;
                        condition.add(remapSlots(joinConjuncts.get(c), remap));
                    }
                }
                plan = new Join(plan, filtered.get(leaf), IndexConditions.and(condition), JoinKind.INNER);
            }
            boolean identity = true;
            for (int i = 0; i < remap.length; i++) {
                identity &= remap[i] == i;
            }
            if (!identity) {
                List<BoundExpr> restore = new ArrayList<>();
                for (int i = 0; i < width; i++) {
                    io.heliosdb.api.Column c = writtenColumns.get(i);
                    restore.add(new ColumnSlot(remap[i], c.type(), c.typmod(), c.name()));
                }
                plan = new LogicalPlan.Project(plan, restore, writtenColumns);
            }
            return top.isEmpty() ? plan : new Filter(plan, IndexConditions.and(top));
        }

        private List<Integer> greedyOrder(double[] estimate) {
            int n = estimate.length;
            List<Integer> order = new ArrayList<>();
            BitSet joined = new BitSet();
            while (order.size() < n) {
                int best = -1;
                boolean bestConnected = false;
                for (int i = 0; i < n; i++) {
                    if (joined.get(i)) {
                        continue;
                    }
                    boolean connected = !joined.isEmpty() && connects(i, joined);
                    if (best < 0 || connected && !bestConnected
                            || connected == bestConnected && estimate[i] < estimate[best]) {
                        best = i;
                        bestConnected = connected;
                    }
                }
                order.add(best);
                joined.set(best);
            }
            return order;
        }

        private boolean connects(int leaf, BitSet joined) {
            for (BitSet refs : joinLeaves) {
                if (refs.get(leaf) && refs.intersects(joined)) {
                    BitSet withLeaf = (BitSet) joined.clone();
                    withLeaf.set(leaf);
                    if (subset(refs, withLeaf)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private static boolean subset(BitSet a, BitSet b) {
        BitSet rest = (BitSet) a.clone();
        rest.andNot(b);
        return rest.isEmpty();
    }

    private static List<BoundExpr> concat(List<BoundExpr> a, List<BoundExpr> b) {
        List<BoundExpr> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static BoundExpr shift(BoundExpr e, int by) {
        if (by == 0) {
            return e;
        }
        if (e instanceof ColumnSlot s) {
            return new ColumnSlot(s.index() + by, s.type(), s.typmod(), s.name());
        }
        return BoundExprs.mapChildren(e, child -> shift(child, by));
    }

    private static BoundExpr remapSlots(BoundExpr e, int[] remap) {
        if (e instanceof ColumnSlot s) {
            return new ColumnSlot(remap[s.index()], s.type(), s.typmod(), s.name());
        }
        return BoundExprs.mapChildren(e, child -> remapSlots(child, remap));
    }
}
