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

    /** The call of an array slice: the array, then a lower and an upper bound per dimension. */
    static final String SLICE = "[:]";

    /**
     * {@code a[lower:upper]} (either bound may be left out). As in PostgreSQL, once one subscript of a list is a
     * slice all are: a plain {@code [i]} beside it stands for {@code [1:i]}. Arrays here always start at 1, so an
     * omitted lower bound is 1 and an omitted upper one the largest integer (cut to the array's length).
     */
    static Expr slice(Expr array, Expr lower, Expr upper, int position) {
        Expr low = lower != null ? lower : new Expr.Literal(Expr.LiteralKind.INTEGER, "1");
        Expr high = upper != null ? upper : new Expr.Literal(Expr.LiteralKind.INTEGER, String.valueOf(Integer.MAX_VALUE));
        if (array instanceof Expr.FunctionCall f && (f.name().equals("[]") || f.name().equals(SLICE))) {
            List<Expr> args = new java.util.ArrayList<>(f.name().equals(SLICE) ? f.args() : asSlices(f.args()));
            args.add(low);
            args.add(high);
            return new Expr.FunctionCall(SLICE, List.copyOf(args), false, false, f.position());
        }
        return new Expr.FunctionCall(SLICE, List.of(array, low, high), false, false, position);
    }

    /** The arguments of a subscript call {@code a[i][j]} as those of {@code a[1:i][1:j]}. */
    private static List<Expr> asSlices(List<Expr> subscripts) {
        List<Expr> out = new java.util.ArrayList<>(List.of(subscripts.get(0)));
        for (Expr index : subscripts.subList(1, subscripts.size())) {
            out.add(new Expr.Literal(Expr.LiteralKind.INTEGER, "1"));
            out.add(index);
        }
        return out;
    }

    /** {@code a[i]}; {@code a[i][j]} is one call with both indexes, as PostgreSQL subscripts all dimensions at once. */
    static Expr subscript(Expr array, Expr index, int position) {
        if (array instanceof Expr.FunctionCall f && f.name().equals(SLICE)) {
            List<Expr> args = new java.util.ArrayList<>(f.args());
            args.add(new Expr.Literal(Expr.LiteralKind.INTEGER, "1"));
            args.add(index);
            return new Expr.FunctionCall(SLICE, List.copyOf(args), false, false, f.position());
        }
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
