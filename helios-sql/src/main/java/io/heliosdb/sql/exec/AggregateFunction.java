package io.heliosdb.sql.exec;

import io.heliosdb.sql.analyze.BoundExpr.AggregateCall;
import io.heliosdb.sql.analyze.BoundExpr.AggregateKind;
import io.heliosdb.sql.analyze.BoundExpr.SortSpec;
import io.heliosdb.sql.plan.LogicalPlan.SortKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One aggregate call compiled: its argument, FILTER and ORDER BY evaluated per input row. A {@link State}
 * is the running value for one group (or one window frame).
 */
final class AggregateFunction {
    private final AggregateCall call;
    private final boolean countStar;
    private final Evaluator argument;
    private final Evaluator separator;
    private final Evaluator filter;
    private final Evaluator[] orderKeys;
    private final Comparator<Object[]> order;

    AggregateFunction(AggregateCall call) {
        this.call = call;
        this.countStar = call.kind() == AggregateKind.COUNT_STAR;
        this.argument = countStar ? null : ExpressionCompiler.compile(call.argument());
        this.separator = call.separator() == null ? null : ExpressionCompiler.compile(call.separator());
        this.filter = call.filter() == null ? null : ExpressionCompiler.compile(call.filter());
        List<SortSpec> specs = call.orderBy();
        this.orderKeys = new Evaluator[specs.size()];
        List<SortKey> keys = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            orderKeys[i] = ExpressionCompiler.compile(specs.get(i).expr());
            // Buffered entries are [key 0, ..., key n-1, value].
            keys.add(new SortKey(i, specs.get(i).descending(), specs.get(i).nullsFirst()));
        }
        this.order = keys.isEmpty() ? null : SortOperator.comparator(keys);
    }

    static AggregateFunction[] compileAll(List<AggregateCall> calls) {
        AggregateFunction[] out = new AggregateFunction[calls.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = new AggregateFunction(calls.get(i));
        }
        return out;
    }

    State newState() {
        return new State();
    }

    final class State {
        private final Accumulator accumulator = Accumulator.create(call);
        /** Entries waiting for the ORDER BY sort; null when the call has no ORDER BY. */
        private final List<Object[]> pending = order == null ? null : new ArrayList<>();

        void add(Object[] row, Runtime rt) {
            if (filter != null && !Boolean.TRUE.equals(filter.evaluate(row, rt))) {
                return;
            }
            Object value = countStar ? null : argument.evaluate(row, rt);
            if (call.kind().collects()) {
                value = new CollectingAccumulator.Item(value, separator == null ? null : separator.evaluate(row, rt));
            } else if (separator != null && value != null) {
                Object sep = separator.evaluate(row, rt);
                value = new Accumulator.StringAggInput((String) value, (String) sep);
            }
            if (pending == null) {
                accumulator.add(value, countStar);
                return;
            }
            Object[] entry = new Object[orderKeys.length + 1];
            for (int i = 0; i < orderKeys.length; i++) {
                entry[i] = orderKeys[i].evaluate(row, rt);
            }
            entry[orderKeys.length] = value;
            pending.add(entry);
        }

        Object result() {
            if (pending != null) {
                pending.sort(order);
                for (Object[] entry : pending) {
                    accumulator.add(entry[orderKeys.length], countStar);
                }
                pending.clear();
            }
            return accumulator.result();
        }
    }
}
