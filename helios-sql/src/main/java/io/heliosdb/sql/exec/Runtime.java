package io.heliosdb.sql.exec;

import io.heliosdb.sql.ExecutionContext;

/**
 * What one execution sees: the kernel's context, the coerced parameter values and, inside a
 * correlated subquery, the row of the enclosing query ({@code outerRow}) and that query's runtime.
 */
public record Runtime(ExecutionContext context, Object[] params, Runtime parent, Object[] outerRow) {
    private static final Object[] NONE = new Object[0];

    /** A runtime without kernel or parameters, for evaluating constants at plan time. */
    public static final Runtime CONSTANT = new Runtime(null, NONE, null, null);

    public Runtime(ExecutionContext context, Object[] params) {
        this(context, params, null, null);
    }

    /** The runtime of a subquery evaluated for one row of this query. */
    Runtime nested(Object[] row) {
        return new Runtime(context, params, this, row);
    }

    /** The row of the query {@code depth} levels out (1 = the immediately enclosing query). */
    Object[] outer(int depth) {
        Runtime r = this;
        for (int i = 1; i < depth; i++) {
            r = r.parent;
        }
        return r.outerRow;
    }
}
