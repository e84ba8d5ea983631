package io.heliosdb.sql.exec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * WITH RECURSIVE as PostgreSQL runs it: the anchor's rows, then rounds of the recursive term, each
 * reading the rows the previous round produced from the work table, until a round yields none. Rows
 * stream out as they are made, so a LIMIT stops an endless recursion; there is no depth guard (as in
 * PostgreSQL), only the statement's timeout and cancellation, checked once per row.
 */
final class RecursiveUnionOperator {
    /** Work tables of the recursive unions being compiled on this thread, by id, for their scans to find. */
    private static final ThreadLocal<Map<Integer, WorkTable>> COMPILING = ThreadLocal.withInitial(HashMap::new);

    private RecursiveUnionOperator() {
    }

    /** The rows of the previous round; swapped (never mutated while read) between rounds. */
    private static final class WorkTable {
        List<Object[]> rows = List.of();
    }

    /** Compiles the anchor and, with the work table registered, the recursive term. */
    static Operator compile(int id, boolean all, java.util.function.Supplier<Operator> anchor,
                            java.util.function.Supplier<Operator> recursive) {
        Operator first = anchor.get();
        WorkTable table = new WorkTable();
        Map<Integer, WorkTable> compiling = COMPILING.get();
        WorkTable previous = compiling.put(id, table);
        Operator again;
        try {
            again = recursive.get();
        } finally {
            if (previous == null) {
                compiling.remove(id);
            } else {
                compiling.put(id, previous);
            }
        }
        return rt -> new RowSource() {
            private RowSource current = first.open(rt);
            private List<Object[]> produced = new ArrayList<>();
            private final Set<List<Object>> seen = all ? null : new HashSet<>();
            private Object[] row;

            @Override
            public boolean next() {
                while (true) {
                    if (rt.context() != null) {
                        rt.context().checkCancelled();
                    }
                    if (current.next()) {
                        row = current.row().clone();
                        if (seen != null && !seen.add(RelationalOperators.groupingKey(row))) {
                            continue;
                        }
                        produced.add(row);
                        return true;
                    }
                    current.close();
                    if (produced.isEmpty()) {
                        current = Sources.EMPTY;
                        return false;
                    }
                    table.rows = produced;
                    produced = new ArrayList<>();
                    current = again.open(rt);
                }
            }

            @Override
            public Object[] row() {
                return row;
            }

            @Override
            public void close() {
                current.close();
            }
        };
    }

    /** The scan of work table {@code id}, which must be being compiled (the planner nests it inside). */
    static Operator scan(int id) {
        WorkTable table = COMPILING.get().get(id);
        if (table == null) {
            throw new IllegalStateException("work table " + id + " read outside its recursive union");
        }
        return rt -> Sources.of(table.rows);
    }
}
