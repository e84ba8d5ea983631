package io.heliosdb.sql.exec;

import io.heliosdb.api.SqlType;
import io.heliosdb.sql.ColumnBatchCursor;
import io.heliosdb.sql.analyze.BoundExpr;
import io.heliosdb.sql.analyze.BoundExpr.AggregateCall;
import io.heliosdb.sql.plan.LogicalPlan;
import io.heliosdb.sql.plan.LogicalPlan.Aggregate;
import io.heliosdb.sql.plan.LogicalPlan.Filter;
import io.heliosdb.sql.plan.LogicalPlan.Scan;
import io.heliosdb.sql.plan.RowKeyColumn;
import io.heliosdb.sql.schema.TableDef;
import java.util.ArrayList;
import java.util.List;

/**
 * The analytic scan's fast path: an aggregate over a table scan (through {@link BatchFilter} WHERE
 * clauses only), with no grouping or one integer grouping column, whose calls are all
 * {@link VectorAccumulator}s, reads the table in column
 * batches ({@link io.heliosdb.sql.ExecutionContext#scanBatches}) and aggregates them in loops over
 * primitive arrays. Everything else, and kernels without batches, take the row path it is given.
 */
final class BatchAggregate {

    private BatchAggregate() {
    }

    /** The batched operator for {@code aggregate}, falling back to {@code rows}; or {@code rows} itself. */
    static Operator orRows(Aggregate aggregate, Operator rows) {
        LogicalPlan node = aggregate.input();
        List<BoundExpr> predicates = new ArrayList<>();
        while (node instanceof Filter f) {
            predicates.add(f.predicate());
            node = f.input();
        }
        // EXPLAIN ANALYZE counts rows per plan node: the row path has the nodes to count.
        if (NodeCounters.active() || !(node instanceof Scan scan) || RowKeyColumn.keyedScan(scan) != null
                || aggregate.groupKeys().size() > 1) {
            return rows;
        }
        TableDef table = scan.table();
        SqlType[] types = table.columns().stream().map(c -> c.type()).toArray(SqlType[]::new);
        boolean[] columns = new boolean[types.length];
        int keyColumn = -1;
        SqlType keyType = null;
        if (aggregate.groupKeys().size() == 1) {
            if (!(aggregate.groupKeys().get(0) instanceof BoundExpr.ColumnSlot slot) || slot.index() < 0
                    || slot.index() >= types.length || types[slot.index()] != slot.type()
                    || !VectorAccumulator.integer(slot.type())) {
                return rows;
            }
            keyColumn = slot.index();
            keyType = slot.type();
            columns[keyColumn] = true;
        }
        List<AggregateCall> calls = aggregate.aggregates();
        for (AggregateCall call : calls) {
            if (!VectorAccumulator.supports(call, types)) {
                return rows;
            }
            int column = VectorAccumulator.column(call);
            if (column >= 0) {
                columns[column] = true;
            }
        }
        // Last: the filter moves the rows it keeps in every column read.
        BatchFilter filter = predicates.isEmpty() ? null : BatchFilter.of(predicates, types, columns);
        if (!predicates.isEmpty() && filter == null) {
            return rows;
        }
        int key = keyColumn;
        SqlType keyKind = keyType;
        return rt -> {
            ColumnBatchCursor batches = rt.context().scanBatches(table, columns);
            if (batches == null) {
                return rows.open(rt);
            }
            try (batches) {
                return Sources.of(key < 0 ? ungrouped(batches, filter, calls, rt)
                        : grouped(batches, filter, calls, key, keyKind, rt));
            }
        };
    }

    private static VectorAccumulator[] accumulators(List<AggregateCall> calls) {
        VectorAccumulator[] out = new VectorAccumulator[calls.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = VectorAccumulator.create(calls.get(i));
        }
        return out;
    }

    /** Without GROUP BY there is exactly one group, even over no rows (count = 0, sum = null). */
    private static List<Object[]> ungrouped(ColumnBatchCursor batches, BatchFilter filter, List<AggregateCall> calls,
                                            Runtime rt) {
        VectorAccumulator[] accs = accumulators(calls);
        for (VectorAccumulator acc : accs) {
            acc.ensureGroups(1);
        }
        while (batches.nextBatch()) {
            rt.context().checkCancelled();
            int n = filter == null ? batches.size() : filter.apply(batches, batches.size(), rt);
            for (VectorAccumulator acc : accs) {
                acc.add(batches, n, null);
            }
        }
        Object[] out = new Object[accs.length];
        for (int i = 0; i < accs.length; i++) {
            out[i] = accs[i].result(0);
        }
        return List.<Object[]>of(out);
    }

    /** Groups in the order their keys were first met, as the row path's hash aggregation gives them. */
    private static List<Object[]> grouped(ColumnBatchCursor batches, BatchFilter filter, List<AggregateCall> calls,
                                          int keyColumn, SqlType keyType, Runtime rt) {
        VectorAccumulator[] accs = accumulators(calls);
        LongGroupIds ids = new LongGroupIds();
        int[] groups = new int[0];
        while (batches.nextBatch()) {
            rt.context().checkCancelled();
            int n = filter == null ? batches.size() : filter.apply(batches, batches.size(), rt);
            if (groups.length < n) {
                groups = new int[n];
            }
            int count = ids.assign(batches.longs(keyColumn), batches.nulls(keyColumn), n, groups);
            for (VectorAccumulator acc : accs) {
                acc.ensureGroups(count);
                acc.add(batches, n, groups);
            }
        }
        List<Object[]> out = new ArrayList<>(ids.count());
        for (int g = 0; g < ids.count(); g++) {
            Object[] row = new Object[1 + accs.length];
            row[0] = ids.isNull(g) ? null : VectorAccumulator.box(ids.key(g), keyType);
            for (int i = 0; i < accs.length; i++) {
                row[1 + i] = accs[i].result(g);
            }
            out.add(row);
        }
        return out;
    }
}
