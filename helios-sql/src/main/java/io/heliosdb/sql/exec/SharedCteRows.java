package io.heliosdb.sql.exec;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;

/**
 * The rows of a WITH query that runs once per execution however often it is read (PostgreSQL materialises
 * a WITH query named more than once). Every reference compiles to an operator over one {@link Shared} state,
 * found by the token the parser gave the query; the first reference opened in an execution reads the query
 * to the end, the others read those rows. Executions are told apart by their root {@link Runtime} (a new one
 * per execution), compared by identity and held weakly, so two portals of one plan keep separate rows.
 */
final class SharedCteRows {
    /** Shared states by token; the tokens live as long as the plans that hold them. */
    private static final Map<Object, Shared> STATES = new WeakHashMap<>();

    private SharedCteRows() {
    }

    private static final class Shared {
        /** Executions and their rows; almost always one entry. */
        private final List<Object[]> executions = new ArrayList<>();

        /**
         * The rows of the execution {@code root}, running {@code query} if it has none yet. The query runs
         * outside the lock (it may wait on row locks); one execution runs on one thread at a time.
         */
        List<Object[]> rows(Runtime root, Operator query, Runtime rt) {
            List<Object[]> known = find(root);
            if (known != null) {
                return known;
            }
            List<Object[]> rows = Materialize.all(query.open(rt));
            synchronized (this) {
                executions.add(new Object[] {new WeakReference<>(root), rows});
            }
            return rows;
        }

        private synchronized List<Object[]> find(Runtime root) {
            for (Iterator<Object[]> it = executions.iterator(); it.hasNext(); ) {
                Object[] e = it.next();
                Object owner = ((WeakReference<?>) e[0]).get();
                if (owner == root) {
                    @SuppressWarnings("unchecked")
                    List<Object[]> rows = (List<Object[]>) e[1];
                    return rows;
                }
                if (owner == null) {
                    it.remove();
                }
            }
            return null;
        }
    }

    /**
     * Hands the CTE Scans with {@code token} their rows for the execution of {@code rt} (the RETURNING rows of a
     * data-modifying WITH query, which ran before them); they then never run their own input.
     */
    static void preset(Object token, Runtime rt, List<Object[]> rows) {
        Shared shared;
        synchronized (STATES) {
            shared = STATES.computeIfAbsent(token, t -> new Shared());
        }
        Runtime root = root(rt);
        synchronized (shared) {
            shared.find(root); // drops the rows of finished executions: a step nothing reads is never looked up
            shared.executions.add(new Object[] {new WeakReference<>(root), rows});
        }
    }

    static Operator compile(Object token, Supplier<Operator> query) {
        Shared shared;
        synchronized (STATES) {
            shared = STATES.computeIfAbsent(token, t -> new Shared());
        }
        Operator input = query.get();
        return rt -> {
            List<Object[]> rows = shared.rows(root(rt), input, rt);
            return new RowSource() {
                private int next;
                private Object[] row;

                @Override
                public boolean next() {
                    if (next >= rows.size()) {
                        return false;
                    }
                    row = rows.get(next++).clone();
                    return true;
                }

                @Override
                public Object[] row() {
                    return row;
                }
            };
        };
    }

    private static Runtime root(Runtime rt) {
        Runtime r = rt;
        while (r.parent() != null) {
            r = r.parent();
        }
        return r;
    }
}
