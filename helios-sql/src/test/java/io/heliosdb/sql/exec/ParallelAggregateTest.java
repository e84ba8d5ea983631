package io.heliosdb.sql.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.ColumnBatchCursor;
import io.heliosdb.sql.ExecutionContext;
import io.heliosdb.sql.ParallelWorkerPool;
import io.heliosdb.sql.analyze.BoundExpr.AggregateCall;
import io.heliosdb.sql.analyze.BoundExpr.AggregateKind;
import io.heliosdb.sql.analyze.BoundExpr.ColumnSlot;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Aggregates whose scan splits into parts read by worker threads: the answers are those of one thread. */
class ParallelAggregateTest {
    private static final int BATCH = 1024;

    /** Rows {@code [from, to)} of two long columns (0: group key, 1: value), splittable like a kernel scan. */
    private static final class Rows implements ColumnBatchCursor {
        final Table table;
        int from;
        int to;
        int size;
        final long[][] longs = {new long[BATCH], new long[BATCH]};
        final boolean[][] nulls = {new boolean[BATCH], new boolean[BATCH]};
        boolean marked;

        /** Where this cursor started, and whether a split made it (not the scan's own first part). */
        final int start;
        final boolean split;

        Rows(Table table, int from, int to) {
            this(table, from, to, false);
        }

        Rows(Table table, int from, int to, boolean split) {
            table.opened.incrementAndGet();
            this.table = table;
            this.from = from;
            this.to = to;
            this.start = from;
            this.split = split;
        }

        @Override
        public boolean nextBatch() {
            String thread = Thread.currentThread().getName();
            table.readers.add(thread);
            if (thread.startsWith("helios-parallel-")) {
                table.workerRead.countDown();
            } else if (table.splits.get() > 0 && table.waitForWorker) {
                // The query's thread could read the whole scan before a worker starts: wait so that one does.
                try {
                    table.workerRead.await(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (table.stallWorkers && from == start) {
                if (thread.startsWith("helios-parallel-")) {
                    // A worker that gets no CPU for a while: it goes on once the query's thread read another part.
                    try {
                        table.queryReadAnotherPart.await(30, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                } else if (split) {
                    table.queryReadAnotherPart.countDown();
                }
            }
            if (table.failAt >= 0 && from <= table.failAt && table.failAt < to) {
                throw new HeliosException(SqlState.DATA_CORRUPTED, "stored record is truncated");
            }
            size = Math.min(BATCH, to - from);
            marked = false;
            for (int i = 0; i < size; i++) {
                int row = from + i;
                for (int c = 0; c < 2; c++) {
                    longs[c][i] = table.values[c][row];
                    nulls[c][i] = table.isNull[c][row];
                    marked |= table.isNull[c][row];
                }
            }
            from += size;
            return size > 0;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public long[] longs(int column) {
            return longs[column];
        }

        @Override
        public Object[] values(int column) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean[] nulls(int column) {
            return marked ? nulls[column] : null;
        }

        @Override
        public List<ColumnBatchCursor> split(int parts) {
            int rest = to - from;
            if (!table.splittable || rest < parts) {
                return List.of();
            }
            List<ColumnBatchCursor> out = new ArrayList<>();
            int step = rest / parts;
            for (int i = 1; i < parts; i++) {
                out.add(new Rows(table, from + step * i, i + 1 < parts ? from + step * (i + 1) : to, true));
            }
            to = from + step;
            table.splits.incrementAndGet();
            return out;
        }

        @Override
        public void close() {
            table.closed.incrementAndGet();
        }
    }

    private static final class Table {
        final long[][] values;
        final boolean[][] isNull;
        final Set<String> readers = ConcurrentHashMap.newKeySet();
        final AtomicInteger opened = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();
        final AtomicInteger splits = new AtomicInteger();
        boolean splittable = true;
        boolean waitForWorker;
        boolean stallWorkers;
        final java.util.concurrent.CountDownLatch queryReadAnotherPart = new java.util.concurrent.CountDownLatch(1);
        final java.util.concurrent.CountDownLatch workerRead = new java.util.concurrent.CountDownLatch(1);
        int failAt = -1;

        Table(int rows, int groups, long seed) {
            this(rows, groups, seed, false);
        }

        /** {@code clustered}: group keys rise with the row, so later parts meet groups the earlier ones did not. */
        Table(int rows, int groups, long seed, boolean clustered) {
            SplittableRandom r = new SplittableRandom(seed);
            values = new long[2][rows];
            isNull = new boolean[2][rows];
            for (int i = 0; i < rows; i++) {
                values[0][i] = clustered ? (long) i * groups / rows : r.nextInt(groups);
                isNull[0][i] = r.nextInt(50) == 0;
                values[1][i] = r.nextInt(10) == 0 ? Long.MAX_VALUE - r.nextInt(100) : r.nextLong(-1_000_000, 1_000_000);
                isNull[1][i] = r.nextInt(20) == 0;
            }
        }

        Rows scan() {
            return new Rows(this, 0, values[0].length);
        }
    }

    private static final ParallelWorkerPool POOL = new ParallelWorkerPool();

    @AfterAll
    static void closePool() {
        POOL.close();
        assertThat(POOL.threads()).isZero();
    }

    private static Runtime runtime(String workers) {
        ExecutionContext context = (ExecutionContext) Proxy.newProxyInstance(ExecutionContext.class.getClassLoader(),
                new Class<?>[] {ExecutionContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "setting" -> ParallelWorkers.SETTING.equals(args[0]) ? workers : null;
                    case "parallelWorkers" -> POOL;
                    case "hashCode" -> 0;
                    case "equals" -> false;
                    default -> null;
                });
        return new Runtime(context, new Object[0]);
    }

    private static List<AggregateCall> calls() {
        ColumnSlot v = new ColumnSlot(1, SqlType.BIGINT, -1, "v");
        return List.of(new AggregateCall(AggregateKind.COUNT_STAR, null, false, SqlType.BIGINT),
                new AggregateCall(AggregateKind.COUNT, v, false, SqlType.BIGINT),
                new AggregateCall(AggregateKind.SUM, v, false, SqlType.NUMERIC),
                new AggregateCall(AggregateKind.AVG, v, false, SqlType.NUMERIC),
                new AggregateCall(AggregateKind.MIN, v, false, SqlType.BIGINT),
                new AggregateCall(AggregateKind.MAX, v, false, SqlType.BIGINT));
    }

    private static List<List<Object>> rows(Table table, int keyColumn, String workers) {
        PartialAggregate state = new PartialAggregate(calls(), null, keyColumn);
        try (Rows scan = table.scan()) {
            BatchAggregate.aggregate(scan, state, runtime(workers));
        }
        return state.rows(SqlType.BIGINT).stream().map(Arrays::asList).toList();
    }

    private static boolean workerAvailable() {
        return java.lang.Runtime.getRuntime().availableProcessors() > 1;
    }

    @Test
    void ungrouped_splitOverWorkers_equalsOneThread() {
        assumeTrue(workerAvailable());
        Table table = new Table(200_000, 1, 7);
        table.splittable = false;
        List<List<Object>> single = rows(table, -1, "2");
        table.splittable = true;
        table.waitForWorker = true;
        List<List<Object>> parallel = rows(table, -1, "2");
        assertThat(parallel).isEqualTo(single);
        assertThat(table.splits).hasValue(1);
        assertThat(table.readers).anyMatch(name -> name.startsWith("helios-parallel-"));
        // Sums past the long range stay exact across the merge.
        assertThat(((java.math.BigDecimal) single.get(0).get(2)).abs())
                .isGreaterThan(java.math.BigDecimal.valueOf(Long.MAX_VALUE));
    }

    @Test
    void grouped_splitOverWorkers_keepsFirstSeenGroupOrder() {
        assumeTrue(workerAvailable());
        Table table = new Table(150_000, 400, 11, true);
        List<List<Object>> single = rows(table, 0, "0");
        assertThat(table.splits).hasValue(0);
        List<List<Object>> parallel = rows(table, 0, "2");
        assertThat(table.splits).hasValue(1);
        assertThat(parallel).containsExactlyElementsOf(single);
        assertThat(parallel).hasSize(401);   // 400 keys and NULL
    }

    @Test
    void stalledWorker_leavesTheOtherPartsToTheQueryThread() {
        assumeTrue(workerAvailable());
        Table table = new Table(200_000, 7, 13);
        List<List<Object>> single = rows(table, 0, "0");
        table.stallWorkers = true;
        List<List<Object>> parallel = rows(table, 0, "2");
        assertThat(table.queryReadAnotherPart.getCount()).as("the query's thread read a part split off").isZero();
        assertThat(parallel).containsExactlyElementsOf(single);
        assertThat(table.closed).hasValue(table.opened.get());
    }

    @Test
    void smallScans_neverSplit() {
        Table table = new Table(BatchAggregate.SPLIT_AFTER * BATCH, 3, 5);
        rows(table, -1, "2");
        assertThat(table.splits).hasValue(0);
        assertThat(table.readers).allMatch(name -> !name.startsWith("helios-parallel-"));
    }

    @Test
    void failingPart_failsTheQuery_andClosesEveryPart() {
        Table table = new Table(300_000, 1, 3);
        table.failAt = 290_000;
        assertThatThrownBy(() -> rows(table, -1, "2"))
                .isInstanceOfSatisfying(HeliosException.class, e -> assertThat(e.sqlState()).isEqualTo(SqlState.DATA_CORRUPTED));
        assertThat(table.closed).hasValue(table.opened.get());
    }

    @Test
    void mergedSums_pastTheBigintRange_failWith22003() {
        ColumnSlot v = new ColumnSlot(0, SqlType.INTEGER, -1, "v");
        AggregateCall sum = new AggregateCall(AggregateKind.SUM, v, false, SqlType.BIGINT);
        VectorAccumulator a = VectorAccumulator.create(sum);
        VectorAccumulator b = VectorAccumulator.create(sum);
        a.ensureGroups(1);
        b.ensureGroups(1);
        Rows one = new Table(1, 1, 1).scan();
        one.longs[0][0] = Long.MAX_VALUE - 1;
        a.add(one, 1, null);
        one.longs[0][0] = 5;
        b.add(one, 1, null);
        assertThatThrownBy(() -> a.merge(b, 0, 0)).isInstanceOfSatisfying(HeliosException.class,
                e -> assertThat(e.sqlState()).isEqualTo(SqlState.NUMERIC_VALUE_OUT_OF_RANGE));
    }
}
