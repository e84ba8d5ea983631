package io.heliosdb.sql.exec;

import io.heliosdb.sql.analyze.BoundExpr.AggregateCall;
import io.heliosdb.sql.types.Values;
import java.util.ArrayList;
import java.util.Collection;
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
        return switch (keys.length) {
            case 0 -> rt -> Sources.of(List.<Object[]>of(output(ungrouped(input, rt, functions), 0)));
            case 1 -> rt -> outputs(singleKey(input, rt, keys[0], functions).values(), 1);
            default -> rt -> outputs(multiKey(input, rt, keys, functions).values(), keys.length);
        };
    }

    /** Without GROUP BY there is exactly one group, even over no rows (count = 0, sum = null). */
    private static Group ungrouped(Operator input, Runtime rt, AggregateFunction[] functions) {
        Group group = new Group(new Object[0], newStates(functions));
        try (RowSource in = input.open(rt)) {
            while (in.next()) {
                addRow(group, in.row(), rt);
            }
        }
        return group;
    }

    /** One grouping column: the SQL-equality form of the value is the key itself (null keys group together). */
    private static Map<Object, Group> singleKey(Operator input, Runtime rt, Evaluator key, AggregateFunction[] functions) {
        Map<Object, Group> groups = new LinkedHashMap<>();
        try (RowSource in = input.open(rt)) {
            while (in.next()) {
                Object[] row = in.row();
                Object value = key.evaluate(row, rt);
                Object groupKey = Values.groupingKey(value);
                Group group = groups.get(groupKey);
                if (group == null) {
                    group = new Group(new Object[] {value}, newStates(functions));
                    groups.put(groupKey, group);
                }
                addRow(group, row, rt);
            }
        }
        return groups;
    }

    private static Map<List<Object>, Group> multiKey(Operator input, Runtime rt, Evaluator[] keys,
            AggregateFunction[] functions) {
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
                addRow(group, row, rt);
            }
        }
        return groups;
    }

    private static void addRow(Group group, Object[] row, Runtime rt) {
        for (AggregateFunction.State state : group.states()) {
            state.add(row, rt);
        }
    }

    private static RowSource outputs(Collection<Group> groups, int keyCount) {
        List<Object[]> rows = new ArrayList<>(groups.size());
        for (Group g : groups) {
            rows.add(output(g, keyCount));
        }
        return Sources.of(rows);
    }

    private static Object[] output(Group g, int keyCount) {
        AggregateFunction.State[] states = g.states();
        Object[] out = new Object[keyCount + states.length];
        System.arraycopy(g.keys(), 0, out, 0, keyCount);
        for (int i = 0; i < states.length; i++) {
            out[keyCount + i] = states[i].result();
        }
        return out;
    }

    private static AggregateFunction.State[] newStates(AggregateFunction[] functions) {
        AggregateFunction.State[] states = new AggregateFunction.State[functions.length];
        for (int i = 0; i < functions.length; i++) {
            states[i] = functions[i].newState();
        }
        return states;
    }
}
