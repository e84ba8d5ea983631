package io.heliosdb.sql.exec;

import io.heliosdb.api.SqlType;
import io.heliosdb.sql.ColumnBatchCursor;
import io.heliosdb.sql.analyze.BoundExpr.AggregateCall;
import java.util.ArrayList;
import java.util.List;

/**
 * The state of a batched aggregate over the rows of a scan read so far (all of it, or one part of a
 * parallel scan): its accumulators and, with a grouping column, the group ids in first-seen order. Parts
 * merged in key order give the groups in the order one scan of the whole table meets them.
 */
final class PartialAggregate {
    private final List<AggregateCall> calls;
    private final BatchFilter filter;
    private final int keyColumn;
    private final VectorAccumulator[] accs;
    private final LongGroupIds ids;
    private int[] groups = new int[0];

    /** {@code keyColumn}: the integer grouping column, or -1 for one group over everything. */
    PartialAggregate(List<AggregateCall> calls, BatchFilter filter, int keyColumn) {
        this.calls = calls;
        this.filter = filter;
        this.keyColumn = keyColumn;
        this.accs = new VectorAccumulator[calls.size()];
        for (int i = 0; i < accs.length; i++) {
            accs[i] = VectorAccumulator.create(calls.get(i));
            if (keyColumn < 0) {
                accs[i].ensureGroups(1);
            }
        }
        this.ids = keyColumn < 0 ? null : new LongGroupIds();
    }

    /** An empty aggregate of the same calls, with a filter of its own (for another thread). */
    PartialAggregate fresh() {
        return new PartialAggregate(calls, filter == null ? null : filter.copy(), keyColumn);
    }

    /** Adds the current batch of {@code batches}. */
    void add(ColumnBatchCursor batches, Runtime rt) {
        int n = filter == null ? batches.size() : filter.apply(batches, batches.size(), rt);
        if (ids == null) {
            for (VectorAccumulator acc : accs) {
                acc.add(batches, n, null);
            }
            return;
        }
        if (groups.length < n) {
            groups = new int[n];
        }
        int count = ids.assign(batches.longs(keyColumn), batches.nulls(keyColumn), n, groups);
        for (VectorAccumulator acc : accs) {
            acc.ensureGroups(count);
            acc.add(batches, n, groups);
        }
    }

    /** Adds what {@code other} read (the part of the scan after this one's): new groups go last. */
    void merge(PartialAggregate other) {
        if (ids == null) {
            for (int i = 0; i < accs.length; i++) {
                accs[i].merge(other.accs[i], 0, 0);
            }
            return;
        }
        for (int g = 0; g < other.ids.count(); g++) {
            int mine = ids.group(other.ids.key(g), other.ids.isNull(g));
            for (int i = 0; i < accs.length; i++) {
                accs[i].ensureGroups(ids.count());
                accs[i].merge(other.accs[i], g, mine);
            }
        }
    }

    /**
     * The result rows: without grouping exactly one (count = 0, sum = null over no rows); with it one per group
     * in first-seen order, the key first.
     */
    List<Object[]> rows(SqlType keyType) {
        if (ids == null) {
            Object[] out = new Object[accs.length];
            for (int i = 0; i < accs.length; i++) {
                out[i] = accs[i].result(0);
            }
            return List.<Object[]>of(out);
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
