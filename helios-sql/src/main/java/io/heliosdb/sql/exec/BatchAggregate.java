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
 * A long scan is split over worker threads when the kernel can split it (see {@link #aggregate}).
 */
final class BatchAggregate {
    /** Batches a scan reads on its own before it splits the rest (about 32,000 rows): small tables never split. */
    static final int SPLIT_AFTER = 32;
    /**
     * Parts per thread reading a split scan: readers take parts one after another, so one that gets less of the
     * machine reads fewer parts instead of holding up the others with an equal share.
     */
    static final int PARTS_PER_READER = 4;

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
                return Sources.of(aggregate(batches, new PartialAggregate(calls, filter, key), rt).rows(keyKind));
            }
        };
    }

    /**
     * Reads the scan into {@code state}. Once the scan has outlasted {@link #SPLIT_AFTER} batches, the rest is
     * split over the parallel workers the session allows ({@link ParallelWorkers}): each part aggregates on its
     * own and the parts are merged in key order, which gives the answer (and group order) of one thread.
     */
    static PartialAggregate aggregate(ColumnBatchCursor batches, PartialAggregate state, Runtime rt) {
        ParallelParts<PartialAggregate> parts = null;
        try {
            int read = 0;
            while ((parts == null || !parts.failed()) && batches.nextBatch()) {
                rt.context().checkCancelled();
                state.add(batches, rt);
                if (++read == SPLIT_AFTER) {
                    parts = split(batches, state, rt);
                }
            }
            if (parts != null) {
                for (PartialAggregate part : parts.finish(rt.context()::checkCancelled)) {
                    state.merge(part);
                }
            }
            return state;
        } finally {
            if (parts != null) {
                parts.close();
            }
        }
    }

    /** The scan's rest split over the allowed workers (reading already), or null when it is not split. */
    private static ParallelParts<PartialAggregate> split(ColumnBatchCursor batches, PartialAggregate state,
                                                         Runtime rt) {
        int workers = ParallelWorkers.allowed(rt.context());
        if (workers == 0) {
            return null;
        }
        List<ColumnBatchCursor> rest = batches.split((workers + 1) * PARTS_PER_READER);
        if (rest.isEmpty()) {
            return null;
        }
        return ParallelParts.start(rt.context().parallelWorkers(), workers, rest, (part, stopped) -> {
            PartialAggregate mine = state.fresh();
            while (!stopped.getAsBoolean() && part.nextBatch()) {
                mine.add(part, rt);
            }
            return mine;
        });
    }
}
