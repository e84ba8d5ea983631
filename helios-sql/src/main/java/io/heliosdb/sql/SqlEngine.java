package io.heliosdb.sql;

import io.heliosdb.api.SqlType;
import java.util.List;

/** The SQL pipeline's entry: text → parsed statements → plans. */
public final class SqlEngine {

    private SqlEngine() {
    }

    /**
     * Parses a text of zero or more statements separated by semicolons.
     *
     * @throws io.heliosdb.api.HeliosException {@code 42601} with the 1-based position of the error in {@code sql}
     */
    public static List<ParsedStatement> parse(String sql) {
        throw new UnsupportedOperationException("helios-sql parser: being written");
    }

    /**
     * Analyzes and plans one statement.
     *
     * @param declaredParameterTypes types the client declared for {@code $1..$n} (shorter than the
     *                               parameter count, or holding {@code null}/{@link SqlType#UNKNOWN}, where it declared none)
     */
    public static StatementPlan plan(ParsedStatement statement, SchemaLookup schema, List<SqlType> declaredParameterTypes) {
        throw new UnsupportedOperationException("helios-sql planner: being written");
    }
}
