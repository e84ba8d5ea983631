package io.heliosdb.sql.exec;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.analyze.BoundExpr.FrameBound;
import io.heliosdb.sql.analyze.BoundExpr.SortSpec;
import io.heliosdb.sql.analyze.BoundExpr.WindowCall;
import io.heliosdb.sql.plan.LogicalPlan.SortKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Window functions: reads every input row, then for each call splits the rows into partitions, orders
 * each, and computes the call's value per row. Rows come out in input order with the values appended.
 */
final class WindowOperator {

    private WindowOperator() {
    }

    static Operator window(Operator input, List<WindowCall> calls) {
        List<CompiledWindow> compiled = calls.stream().map(CompiledWindow::new).toList();
        return rt -> {
            List<Object[]> rows = Materialize.all(input.open(rt));
            int width = rows.isEmpty() ? 0 : rows.get(0).length;
            List<Object[]> out = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                Object[] extended = java.util.Arrays.copyOf(row, width + calls.size());
                out.add(extended);
            }
            for (int c = 0; c < compiled.size(); c++) {
                compiled.get(c).compute(rows, out, width + c, rt);
            }
            return Sources.of(out);
        };
    }

    /** One call with its expressions compiled. */
    private static final class CompiledWindow {
        private final WindowCall call;
        private final Evaluator[] partition;
        private final Evaluator[] orderKeys;
        private final Comparator<Object[]> order;
        private final Evaluator[] args;
        private final AggregateFunction aggregate;
        private final Evaluator startOffset;
        private final Evaluator endOffset;

        CompiledWindow(WindowCall call) {
            this.call = call;
            this.partition = ExpressionCompiler.compileAll(call.partitionBy());
            List<SortSpec> specs = call.orderBy();
            this.orderKeys = new Evaluator[specs.size()];
            List<SortKey> keys = new ArrayList<>();
            for (int i = 0; i < specs.size(); i++) {
                orderKeys[i] = ExpressionCompiler.compile(specs.get(i).expr());
                keys.add(new SortKey(i, specs.get(i).descending(), specs.get(i).nullsFirst()));
            }
            this.order = SortOperator.comparator(keys);
            this.args = ExpressionCompiler.compileAll(call.args());
            this.aggregate = call.aggregate() == null ? null : new AggregateFunction(call.aggregate());
            this.startOffset = offset(call.start());
            this.endOffset = offset(call.end());
        }

        private static Evaluator offset(FrameBound b) {
            return b.offset() == null ? null : ExpressionCompiler.compile(b.offset());
        }

        void compute(List<Object[]> rows, List<Object[]> out, int column, Runtime rt) {
            Map<List<Object>, List<Integer>> partitions = new LinkedHashMap<>();
            List<Object[]> sortKeys = new ArrayList<>(rows.size());
            for (int r = 0; r < rows.size(); r++) {
                Object[] row = rows.get(r);
                Object[] p = new Object[partition.length];
                for (int i = 0; i < p.length; i++) {
                    p[i] = partition[i].evaluate(row, rt);
                }
                Object[] k = new Object[orderKeys.length];
                for (int i = 0; i < k.length; i++) {
                    k[i] = orderKeys[i].evaluate(row, rt);
                }
                sortKeys.add(k);
                partitions.computeIfAbsent(RelationalOperators.groupingKey(p), x -> new ArrayList<>()).add(r);
            }
            long start = frameOffset(startOffset, rt, "starting");
            long end = frameOffset(endOffset, rt, "ending");
            for (List<Integer> members : partitions.values()) {
                members.sort((a, b) -> order.compare(sortKeys.get(a), sortKeys.get(b)));
                Partition part = new Partition(members, rows, sortKeys, order);
                for (int i = 0; i < members.size(); i++) {
                    out.get(members.get(i))[column] = WindowFunctions.value(this, part, i, start, end, rt);
                }
            }
        }

        WindowCall call() {
            return call;
        }

        Evaluator[] args() {
            return args;
        }

        AggregateFunction aggregate() {
            return aggregate;
        }

        private static long frameOffset(Evaluator e, Runtime rt, String which) {
            if (e == null) {
                return 0;
            }
            Object v = e.evaluate(null, rt);
            if (v == null) {
                throw new HeliosException(SqlState.NULL_VALUE_NOT_ALLOWED, "frame " + which + " offset must not be null");
            }
            long n = (Long) v;
            if (n < 0) {
                throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE, "frame " + which + " offset must not be negative");
            }
            return n;
        }
    }

    /** One partition's rows in window order, with the bounds of each row's peer group. */
    static final class Partition {
        final List<Integer> members;
        final List<Object[]> rows;
        final int[] peerStart;
        final int[] peerEnd;
        final int[] peerGroup;

        Partition(List<Integer> members, List<Object[]> rows, List<Object[]> sortKeys, Comparator<Object[]> order) {
            this.members = members;
            this.rows = rows;
            int n = members.size();
            peerStart = new int[n];
            peerEnd = new int[n];
            peerGroup = new int[n];
            for (int i = 0; i < n; i++) {
                boolean peer = i > 0 && order.compare(sortKeys.get(members.get(i - 1)), sortKeys.get(members.get(i))) == 0;
                peerStart[i] = peer ? peerStart[i - 1] : i;
                peerGroup[i] = i == 0 ? 1 : peer ? peerGroup[i - 1] : peerGroup[i - 1] + 1;
            }
            for (int i = n - 1; i >= 0; i--) {
                peerEnd[i] = i + 1 < n && peerStart[i + 1] == peerStart[i] ? peerEnd[i + 1] : i;
            }
        }

        int size() {
            return members.size();
        }

        Object[] row(int i) {
            return rows.get(members.get(i));
        }
    }

    static WindowCall callOf(Object compiled) {
        return ((CompiledWindow) compiled).call();
    }

    static Evaluator[] argsOf(Object compiled) {
        return ((CompiledWindow) compiled).args();
    }

    static AggregateFunction aggregateOf(Object compiled) {
        return ((CompiledWindow) compiled).aggregate();
    }
}
