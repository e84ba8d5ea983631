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
        /** Executions (weak root), their rows and the runtime the rows were computed for (weak); almost always one entry. */
        private final List<Object[]> executions = new ArrayList<>();

        /**
         * The rows of the execution {@code root} for {@code anchor}, the runtime whose enclosing rows the query
         * reads (the root itself for an uncorrelated query), running {@code query} if they are not known: a
         * correlated query runs again when the execution moves on to another outer row. The query runs outside
         * the lock (it may wait on row locks); one execution runs on one thread at a time.
         */
        List<Object[]> rows(Runtime root, Runtime anchor, Operator query, Runtime rt) {
            Object[] known = find(root);
            if (known != null && ((WeakReference<?>) known[2]).get() == anchor) {
                @SuppressWarnings("unchecked")
                List<Object[]> rows = (List<Object[]>) known[1];
                return rows;
            }
            List<Object[]> rows = Materialize.all(query.open(rt));
            synchronized (this) {
                if (known != null) {
                    executions.remove(known);
                }
                // both held weakly: a finished execution's rows go with its runtimes
                executions.add(new Object[] {new WeakReference<>(root), rows, new WeakReference<>(anchor)});
            }
            return rows;
        }

        /** The entry of the execution {@code root}: its weak root, its rows and their anchor. */
        private synchronized Object[] find(Runtime root) {
            for (Iterator<Object[]> it = executions.iterator(); it.hasNext(); ) {
                Object[] e = it.next();
                Object owner = ((WeakReference<?>) e[0]).get();
                if (owner == root) {
                    return e;
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
            shared.executions.add(new Object[] {new WeakReference<>(root), rows, new WeakReference<>(root)});
        }
    }

    static Operator compile(Object shared, Supplier<Operator> query) {
        // A correlated query's rows belong to the runtime whose enclosing rows it reads (depth - 1 levels out).
        Object token = shared instanceof io.heliosdb.sql.plan.CorrelatedCte c ? c.token() : shared;
        int depth = shared instanceof io.heliosdb.sql.plan.CorrelatedCte c ? c.depth() : 0;
        Shared state;
        synchronized (STATES) {
            state = STATES.computeIfAbsent(token, t -> new Shared());
        }
        Operator input = query.get();
        return rt -> {
            Runtime root = root(rt);
            List<Object[]> rows = state.rows(root, depth == 0 ? root : ancestor(rt, depth - 1), input, rt);
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

    private static Runtime ancestor(Runtime rt, int levels) {
        Runtime r = rt;
        for (int i = 0; i < levels; i++) {
            r = r.parent();
        }
        return r;
    }

    private static Runtime root(Runtime rt) {
        Runtime r = rt;
        while (r.parent() != null) {
            r = r.parent();
        }
        return r;
    }
}
