package io.heliosdb.sql.parse;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser;
import org.antlr.v4.runtime.Token;

/**
 * Where PostgreSQL's grammar allows a subscript: after a column, a parameter, a parenthesized expression, a
 * scalar subquery, a field selection or another subscript. {@code ARRAY[1,2][1]}, {@code f(x)[1]} or
 * {@code 'a'[1]} are syntax errors there (write {@code (ARRAY[1,2])[1]}), so they are here too.
 */
final class Subscriptable {

    private Subscriptable() {
    }

    static void check(PostgreSqlParser.ValueExprContext base, Token bracket) {
        if (allowed(base)) {
            return;
        }
        throw new HeliosException(SqlState.SYNTAX_ERROR, "syntax error at or near \"[\"", null, null,
                bracket.getStartIndex() + 1, null);
    }

    private static boolean allowed(PostgreSqlParser.ValueExprContext base) {
        if (base instanceof PostgreSqlParser.SubscriptValueContext || base instanceof PostgreSqlParser.SliceValueContext) {
            return true;
        }
        if (!(base instanceof PostgreSqlParser.PrimaryValueContext p)) {
            return false;
        }
        PostgreSqlParser.PrimaryContext primary = p.primary();
        return primary instanceof PostgreSqlParser.ColumnRefContext || primary instanceof PostgreSqlParser.ParamRefContext
                || primary instanceof PostgreSqlParser.ParenExprContext
                || primary instanceof PostgreSqlParser.ScalarSubqueryContext
                || primary instanceof PostgreSqlParser.FieldSelectContext;
    }
}
