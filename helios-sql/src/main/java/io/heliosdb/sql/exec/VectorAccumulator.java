package io.heliosdb.sql.exec;

import io.heliosdb.api.SqlType;
import io.heliosdb.sql.ColumnBatchCursor;
import io.heliosdb.sql.analyze.BoundExpr;
import io.heliosdb.sql.analyze.BoundExpr.AggregateCall;
import io.heliosdb.sql.types.Errors;
import io.heliosdb.sql.types.NumericDivision;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * One aggregate call over column batches, with primitive state per group: count(*), count(column), and
 * sum/avg/min/max of an integer column. Answers are those of {@link Accumulator}: sums are exact (a long
 * plus a count of 2^64 carries, so nothing is allocated per row), sum(smallint/integer) is bigint and
 * fails with {@code 22003} where PostgreSQL's does, avg is a numeric with PostgreSQL's scale.
 */
abstract class VectorAccumulator {
    /** Per-group state covers groups {@code [0, capacity)}. */
    int capacity;

    /** Whether {@code call} over a scan of {@code columns} can run here; the rest take the row path. */
    static boolean supports(AggregateCall call, SqlType[] columns) {
        if (call.distinct() || call.filter() != null || !call.orderBy().isEmpty() || call.separator() != null) {
            return false;
        }
        if (call.kind() == BoundExpr.AggregateKind.COUNT_STAR) {
            return true;
        }
        if (!(call.argument() instanceof BoundExpr.ColumnSlot slot) || slot.index() < 0
                || slot.index() >= columns.length || columns[slot.index()] != slot.type()) {
            return false;
        }
        return switch (call.kind()) {
            case COUNT -> true;
            case SUM -> integer(slot.type()) && (call.type() == SqlType.BIGINT || call.type() == SqlType.NUMERIC);
            case AVG -> integer(slot.type()) && call.type() == SqlType.NUMERIC;
            case MIN, MAX -> integer(slot.type()) && call.type() == slot.type();
            default -> false;
        };
    }

    static boolean integer(SqlType type) {
        return type == SqlType.SMALLINT || type == SqlType.INTEGER || type == SqlType.BIGINT;
    }

    /** The column {@code call} reads, or -1 for count(*). */
    static int column(AggregateCall call) {
        return call.kind() == BoundExpr.AggregateKind.COUNT_STAR ? -1 : ((BoundExpr.ColumnSlot) call.argument()).index();
    }

    static VectorAccumulator create(AggregateCall call) {
        int column = column(call);
        return switch (call.kind()) {
            case COUNT_STAR -> new Count(-1);
            case COUNT -> new Count(column);
            case SUM -> new Sum(column, call.type() == SqlType.BIGINT ? Sum.BIGINT : Sum.NUMERIC);
            case AVG -> new Sum(column, Sum.AVERAGE);
            case MIN -> new Extreme(column, false, call.type());
            case MAX -> new Extreme(column, true, call.type());
            default -> throw new IllegalArgumentException("not a vector aggregate: " + call.kind());
        };
    }

    /** Makes room for groups {@code [0, groups)}. */
    final void ensureGroups(int groups) {
        if (groups > capacity) {
            int grown = Math.max(groups, Math.max(8, capacity * 2));
            resize(grown);
            capacity = grown;
        }
    }

    abstract void resize(int groups);

    /** Adds the batch's first {@code n} rows: row i to group {@code groups[i]}, or all to group 0 when null. */
    abstract void add(ColumnBatchCursor batch, int n, int[] groups);

    abstract Object result(int group);

    /**
     * Adds group {@code from} of {@code other} (the same call's accumulator over another part of the scan) into
     * this one's group {@code to}, which must exist: the result is that of one accumulator fed both parts.
     */
    abstract void merge(VectorAccumulator other, int from, int to);

    /** Boxes an integer column's value as its type's Java class. */
    static Object box(long value, SqlType type) {
        return switch (type) {
            case SMALLINT -> (Object) (short) value;
            case INTEGER -> (Object) (int) value;
            default -> (Object) value;
        };
    }

    private static final class Count extends VectorAccumulator {
        private final int column;
        private long[] counts = new long[0];

        Count(int column) {
            this.column = column;
        }

        @Override
        void resize(int groups) {
            counts = Arrays.copyOf(counts, groups);
        }

        @Override
        void add(ColumnBatchCursor batch, int n, int[] groups) {
            boolean[] nulls = column < 0 ? null : batch.nulls(column);
            long[] c = counts;
            if (groups == null) {
                long k = n;
                if (nulls != null) {
                    for (int i = 0; i < n; i++) {
                        k -= nulls[i] ? 1 : 0;
                    }
                }
                c[0] += k;
            } else if (nulls == null) {
                for (int i = 0; i < n; i++) {
                    c[groups[i]]++;
                }
            } else {
                for (int i = 0; i < n; i++) {
                    c[groups[i]] += nulls[i] ? 0 : 1;
                }
            }
        }

        @Override
        Object result(int group) {
            return counts[group];
        }

        @Override
        void merge(VectorAccumulator other, int from, int to) {
            counts[to] += ((Count) other).counts[from];
        }
    }

    /** sum and avg of an integer column: the exact total is {@code carries * 2^64 + sums} (a wrapped long). */
    private static final class Sum extends VectorAccumulator {
        static final int BIGINT = 0;
        static final int NUMERIC = 1;
        static final int AVERAGE = 2;
        private final int column;
        private final int result;
        private long[] sums = new long[0];
        private long[] carries = new long[0];
        private long[] counts = new long[0];

        Sum(int column, int result) {
            this.column = column;
            this.result = result;
        }

        @Override
        void resize(int groups) {
            sums = Arrays.copyOf(sums, groups);
            carries = Arrays.copyOf(carries, groups);
            counts = Arrays.copyOf(counts, groups);
        }

        @Override
        void add(ColumnBatchCursor batch, int n, int[] groups) {
            long[] values = batch.longs(column);
            boolean[] nulls = batch.nulls(column);
            long overflowed = groups == null ? addAll(values, nulls, n) : addGrouped(values, nulls, n, groups);
            if (overflowed != 0 && result == BIGINT) {
                // sum(smallint/integer) is a bigint in PostgreSQL too: past its range it fails.
                throw Errors.outOfRange("bigint");
            }
        }

        private long addAll(long[] values, boolean[] nulls, int n) {
            long s = sums[0];
            long c = carries[0];
            long k = counts[0];
            long overflowed = 0;
            for (int i = 0; i < n; i++) {
                if (nulls != null && nulls[i]) {
                    continue;
                }
                long x = values[i];
                long r = s + x;
                // All ones when the addition wrapped: then the true total moved 2^64 in x's direction.
                long wrapped = ((s ^ r) & (x ^ r)) >> 63;
                c += wrapped & ((x >> 63) | 1);
                overflowed |= wrapped;
                s = r;
                k++;
            }
            sums[0] = s;
            carries[0] = c;
            counts[0] = k;
            return overflowed;
        }

        private long addGrouped(long[] values, boolean[] nulls, int n, int[] groups) {
            long[] sum = sums;
            long[] carry = carries;
            long[] count = counts;
            long overflowed = 0;
            for (int i = 0; i < n; i++) {
                if (nulls != null && nulls[i]) {
                    continue;
                }
                int g = groups[i];
                long s = sum[g];
                long x = values[i];
                long r = s + x;
                long wrapped = ((s ^ r) & (x ^ r)) >> 63;
                carry[g] += wrapped & ((x >> 63) | 1);
                overflowed |= wrapped;
                sum[g] = r;
                count[g]++;
            }
            return overflowed;
        }

        private BigDecimal exact(int group) {
            if (carries[group] == 0) {
                return BigDecimal.valueOf(sums[group]);
            }
            return new BigDecimal(BigInteger.valueOf(carries[group]).shiftLeft(64).add(BigInteger.valueOf(sums[group])));
        }

        @Override
        void merge(VectorAccumulator other, int from, int to) {
            Sum o = (Sum) other;
            long s = sums[to];
            long x = o.sums[from];
            long r = s + x;
            long wrapped = ((s ^ r) & (x ^ r)) >> 63;
            if ((wrapped | o.carries[from]) != 0 && result == BIGINT) {
                throw Errors.outOfRange("bigint");
            }
            sums[to] = r;
            carries[to] += o.carries[from] + (wrapped & ((x >> 63) | 1));
            counts[to] += o.counts[from];
        }

        @Override
        Object result(int group) {
            if (counts[group] == 0) {
                return null;
            }
            return switch (result) {
                case BIGINT -> sums[group];
                case NUMERIC -> exact(group);
                default -> NumericDivision.divide(exact(group), BigDecimal.valueOf(counts[group]));
            };
        }
    }

    private static final class Extreme extends VectorAccumulator {
        private final int column;
        private final boolean max;
        private final SqlType type;
        private long[] best = new long[0];
        private boolean[] seen = new boolean[0];

        Extreme(int column, boolean max, SqlType type) {
            this.column = column;
            this.max = max;
            this.type = type;
        }

        @Override
        void resize(int groups) {
            best = Arrays.copyOf(best, groups);
            seen = Arrays.copyOf(seen, groups);
        }

        @Override
        void add(ColumnBatchCursor batch, int n, int[] groups) {
            long[] values = batch.longs(column);
            boolean[] nulls = batch.nulls(column);
            for (int i = 0; i < n; i++) {
                if (nulls != null && nulls[i]) {
                    continue;
                }
                int g = groups == null ? 0 : groups[i];
                long v = values[i];
                if (!seen[g] || (max ? v > best[g] : v < best[g])) {
                    best[g] = v;
                    seen[g] = true;
                }
            }
        }

        @Override
        Object result(int group) {
            return seen[group] ? box(best[group], type) : null;
        }

        @Override
        void merge(VectorAccumulator other, int from, int to) {
            Extreme o = (Extreme) other;
            if (o.seen[from] && (!seen[to] || (max ? o.best[from] > best[to] : o.best[from] < best[to]))) {
                best[to] = o.best[from];
                seen[to] = true;
            }
        }
    }
}
