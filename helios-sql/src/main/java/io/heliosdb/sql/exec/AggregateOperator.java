package io.heliosdb.sql.exec;

import io.heliosdb.sql.analyze.BoundExpr.AggregateCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hash aggregation: output rows are the group key values followed by each aggregate's result. */
final class AggregateOperator {

    private AggregateOperator() {
    }

    private record Group(Object[] keys, AggregateFunction.State[] states) {
    }

    static Operator aggregate(Operator input, Evaluator[] keys, List<AggregateCall> calls) {
        AggregateFunction[] functions = AggregateFunction.compileAll(calls);
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
                            k -> new Group(keyValues, newStates(functions)));
                    for (AggregateFunction.State state : group.states()) {
                        state.add(row, rt);
                    }
                }
            }
            // Without GROUP BY an aggregate over no rows still yields one row (count = 0, sum = null).
            if (groups.isEmpty() && keys.length == 0) {
                groups.put(List.of(), new Group(new Object[0], newStates(functions)));
            }
            List<Object[]> rows = new ArrayList<>(groups.size());
            for (Group g : groups.values()) {
                Object[] out = new Object[keys.length + calls.size()];
                System.arraycopy(g.keys(), 0, out, 0, keys.length);
                for (int i = 0; i < calls.size(); i++) {
                    out[keys.length + i] = g.states()[i].result();
                }
                rows.add(out);
            }
            return Sources.of(rows);
        };
    }

    private static AggregateFunction.State[] newStates(AggregateFunction[] functions) {
        AggregateFunction.State[] states = new AggregateFunction.State[functions.length];
        for (int i = 0; i < functions.length; i++) {
            states[i] = functions[i].newState();
        }
        return states;
    }
}
