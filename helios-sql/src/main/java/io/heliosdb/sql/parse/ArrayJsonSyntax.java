package io.heliosdb.sql.parse;

import io.heliosdb.sql.ast.Expr;
import io.heliosdb.sql.ast.FromItem;
import io.heliosdb.sql.ast.Query;
import io.heliosdb.sql.ast.Select;
import io.heliosdb.sql.ast.SelectItem;
import java.util.List;

/**
 * Array and JSON syntax as function calls named by their operator, which {@code analyze.ArrayJsonSignatures}
 * types: {@code a[i]} is {@code "[]"(a, i)}, {@code ARRAY[...]} is {@code "array[]"(...)}, {@code x = ANY (a)}
 * is {@code "= any"(x, a)}, and {@code ->}, {@code @>}, {@code ?} ... keep their symbols.
 */
final class ArrayJsonSyntax {
    /** The derived table ARRAY(subquery) reads: its one column is aggregated into the array. */
    static final String SUBQUERY_ALIAS = "?array?";

    private ArrayJsonSyntax() {
    }

    static Expr operator(String symbol, Expr left, Expr right, int position) {
        return new Expr.FunctionCall(symbol, List.of(left, right), false, false, position);
    }

    /** {@code a[i]}; {@code a[i][j]} is one call with both indexes, as PostgreSQL subscripts all dimensions at once. */
    static Expr subscript(Expr array, Expr index, int position) {
        if (array instanceof Expr.FunctionCall f && f.name().equals("[]")) {
            List<Expr> args = new java.util.ArrayList<>(f.args());
            args.add(index);
            return new Expr.FunctionCall("[]", List.copyOf(args), false, false, f.position());
        }
        return operator("[]", array, index, position);
    }

    static Expr quantified(Expr.BinaryOp op, boolean all, Expr operand, Expr array, int position) {
        return new Expr.FunctionCall(op.symbol() + (all ? " all" : " any"), List.of(operand, array), false, false, position);
    }

    /** {@code ARRAY(query)} as {@code (SELECT coalesce(array_agg(c), '{}') FROM (query) AS "?array?"(c))}. */
    static Expr subquery(Query query, int position) {
        Expr column = new Expr.ColumnRef(SUBQUERY_ALIAS, "c", position);
        Expr agg = new Expr.FunctionCall("array_agg", List.of(column), false, false, position);
        Expr value = new Expr.FunctionCall("coalesce", List.of(agg, new Expr.Literal(Expr.LiteralKind.STRING, "{}")),
                false, false, position);
        Select select = new Select(false, List.of(new SelectItem.ExprItem(value, "array")),
                List.of(new FromItem.Derived(query, SUBQUERY_ALIAS, List.of("c"))), null, List.of(), null, List.of(),
                null, null, List.of(), null);
        return new Expr.Subquery(Expr.SubqueryKind.SCALAR, select, null, false);
    }
}
