package io.heliosdb.sql.parse;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.ast.Query;
import io.heliosdb.sql.ast.RecursiveQuery;
import io.heliosdb.sql.ast.SetOperation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Builds the body of a WITH RECURSIVE query, which may read itself only as {@code anchor UNION [ALL] recursive}. */
final class RecursiveQueries {

    private RecursiveQueries() {
    }

    /** The names whose bodies are being built (innermost last) and whether each was read. */
    static final class WorkTables {
        private final List<String> names = new ArrayList<>();
        private final List<Boolean> read = new ArrayList<>();

        boolean reads(String name) {
            int i = names.lastIndexOf(name);
            if (i < 0) {
                return false;
            }
            read.set(i, true);
            return true;
        }
    }

    /**
     * A data-modifying query of a WITH RECURSIVE clause, which may not read itself (42P19 at {@code position},
     * as PostgreSQL): its own name reads as a work table while it is built, to tell.
     */
    static <T> T nonRecursive(String name, int position, WorkTables tables, Supplier<T> body) {
        int depth = tables.names.size();
        tables.names.add(name);
        tables.read.add(false);
        T built;
        try {
            built = body.get();
            if (tables.read.get(depth)) {
                throw new HeliosException(SqlState.INVALID_RECURSION, "recursive query \"" + name
                        + "\" must not contain data-modifying statements", null, null, position + 1, null);
            }
        } finally {
            tables.names.subList(depth, tables.names.size()).clear();
            tables.read.subList(depth, tables.read.size()).clear();
        }
        return built;
    }

    static Query build(String name, List<String> columns, WorkTables tables, Supplier<Query> body) {
        int depth = tables.names.size();
        tables.names.add(name);
        tables.read.add(false);
        Query query;
        boolean selfReferencing;
        try {
            query = body.get();
            selfReferencing = tables.read.get(depth);
        } finally {
            tables.names.subList(depth, tables.names.size()).clear();
            tables.read.subList(depth, tables.read.size()).clear();
        }
        if (!selfReferencing) {
            return query;
        }
        if (!(query instanceof SetOperation u) || u.operator() != SetOperation.SetOperator.UNION) {
            throw new HeliosException(SqlState.INVALID_RECURSION, "recursive query \"" + name
                    + "\" does not have the form non-recursive-term UNION [ALL] recursive-term");
        }
        // PostgreSQL refuses these (0A000) with one message per clause, in this order.
        String clause = !u.orderBy().isEmpty() ? "ORDER BY" : u.offset() != null ? "OFFSET" : u.limit() != null ? "LIMIT" : null;
        if (clause != null) {
            throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, clause + " in a recursive query is not implemented");
        }
        return new RecursiveQuery(name, columns, u.left(), u.right(), u.all());
    }
}
