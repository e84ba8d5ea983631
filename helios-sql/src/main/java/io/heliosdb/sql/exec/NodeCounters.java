package io.heliosdb.sql.exec;

import io.heliosdb.sql.plan.LogicalPlan;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * EXPLAIN ANALYZE's per-node counts: while a statement is compiled under {@link #collecting}, every operator
 * {@link PlanCompiler} builds counts how often it was opened (loops) and the rows it produced, keyed by the
 * plan node it came from (by identity: equal subplans are still different nodes); a data-modifying WITH step
 * counts the rows it returned under its statement ({@link #stepCounter}).
 */
final class NodeCounters {
    private static final ThreadLocal<Map<Object, long[]>> ACTIVE = new ThreadLocal<>();

    private NodeCounters() {
    }

    /** Runs {@code compile} with counting operators recorded in {@code counters} ({rows, loops} per node). */
    static <T> T collecting(Map<Object, long[]> counters, Supplier<T> compile) {
        Map<Object, long[]> previous = ACTIVE.get();
        ACTIVE.set(counters);
        try {
            return compile.get();
        } finally {
            ACTIVE.set(previous);
        }
    }

    /** Whether the statement being compiled counts rows per node (operators that skip nodes must not be used). */
    static boolean active() {
        return ACTIVE.get() != null;
    }

    static Map<Object, long[]> newMap() {
        return new IdentityHashMap<>();
    }

    /** The {rows, loops} counter of a data-modifying WITH step, or null when no EXPLAIN ANALYZE is compiling. */
    static long[] stepCounter(Object step) {
        Map<Object, long[]> counters = ACTIVE.get();
        return counters == null ? null : counters.computeIfAbsent(step, s -> new long[2]);
    }

    /** {@code op} itself, or a counting wrapper when a statement is being compiled for EXPLAIN ANALYZE. */
    static Operator wrap(LogicalPlan plan, Operator op) {
        Map<Object, long[]> counters = ACTIVE.get();
        if (counters == null) {
            return op;
        }
        long[] c = counters.computeIfAbsent(plan, p -> new long[2]);
        return rt -> {
            c[1]++;
            return KeptRows.keyed(op.open(rt), row -> {
                c[0]++;
                return true;
            });
        };
    }
}
