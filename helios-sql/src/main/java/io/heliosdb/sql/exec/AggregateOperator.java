package io.heliosdb.sql.exec;

import io.heliosdb.sql.analyze.BoundExpr.AggregateCall;
import io.heliosdb.sql.analyze.BoundExpr.AggregateKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hash aggregation: output rows are the group key values followed by each aggregate's result. */
final class AggregateOperator {

    private AggregateOperator() {
    }

    private record Group(Object[] keys, Accumulator[] accumulators) {
    }

    static Operator aggregate(Operator input, Evaluator[] keys, List<AggregateCall> calls) {
        Evaluator[] arguments = new Evaluator[calls.size()];
        boolean[] countStar = new boolean[calls.size()];
        for (int i = 0; i < calls.size(); i++) {
            AggregateCall call = calls.get(i);
            countStar[i] = call.kind() == AggregateKind.COUNT_STAR;
            arguments[i] = countStar[i] ? null : ExpressionCompiler.compile(call.argument());
        }
        return rt -> {
            Map<List<Object>, Group> groups = new LinkedHashMap<>();
            try (RowSource in = input.open(rt)) {
                while (in.next()) {
                    Object[] row = in.row();
                    Object[] keyValues = new Object[keys.length];
                    for (int k = 0; k < keys.length; k++) {
                        keyValues[k] = keys[k].evaluate(row, rt);
                    }
                    Group group = groups.computeIfAbsent(RelationalOperators.groupingKey(keyValues),
                            k -> new Group(keyValues, newAccumulators(calls)));
                    for (int i = 0; i < arguments.length; i++) {
                        group.accumulators()[i].add(countStar[i] ? null : arguments[i].evaluate(row, rt), countStar[i]);
                    }
                }
            }
            // Without GROUP BY an aggregate over no rows still yields one row (count = 0, sum = null).
            if (groups.isEmpty() && keys.length == 0) {
                groups.put(List.of(), new Group(new Object[0], newAccumulators(calls)));
            }
            List<Object[]> rows = new ArrayList<>(groups.size());
            for (Group g : groups.values()) {
                Object[] out = new Object[keys.length + calls.size()];
                System.arraycopy(g.keys(), 0, out, 0, keys.length);
                for (int i = 0; i < calls.size(); i++) {
                    out[keys.length + i] = g.accumulators()[i].result();
                }
                rows.add(out);
            }
            return Sources.of(rows);
        };
    }

    private static Accumulator[] newAccumulators(List<AggregateCall> calls) {
        Accumulator[] accumulators = new Accumulator[calls.size()];
        for (int i = 0; i < calls.size(); i++) {
            accumulators[i] = Accumulator.create(calls.get(i));
        }
        return accumulators;
    }
}
