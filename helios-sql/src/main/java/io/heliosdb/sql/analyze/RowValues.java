package io.heliosdb.sql.analyze;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.analyze.BoundExpr.BuiltinCall;
import io.heliosdb.sql.analyze.BoundExpr.CompareOp;
import io.heliosdb.sql.analyze.BoundExpr.IsNull;
import io.heliosdb.sql.analyze.BoundExpr.Logical;
import io.heliosdb.sql.ast.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * Row constructors, {@code ROW(a, b)} or {@code (a, b)}, where PostgreSQL takes them apart: comparisons of two
 * rows (field by field, the first unequal pair decides, as PostgreSQL's row-wise comparison), {@code IN} lists
 * of rows and {@code IS [NOT] NULL}. Anywhere else a row is a value of type record, held as its text {@code (1,a)}.
 */
final class RowValues {

    private RowValues() {
    }

    static boolean isRow(Expr e) {
        return e instanceof Expr.FunctionCall f && CompositeFields.isRowConstructor(f);
    }

    /** A row as a value: its record text, built by exec's {@code row} builtin. */
    static BoundExpr value(ExpressionBinder binder, Expr.FunctionCall row) {
        List<BoundExpr> fields = new ArrayList<>();
        for (Expr e : row.args()) {
            BoundExpr field = binder.bind(e);
            fields.add(field.type() == SqlType.UNKNOWN ? binder.coerce(field, SqlType.TEXT) : field);
        }
        return new BuiltinCall("row", fields, SqlType.RECORD);
    }

    /** {@code l op r} when both sides are row constructors, else null. */
    static BoundExpr comparison(ExpressionBinder binder, CompareOp op, Expr l, Expr r, int position) {
        if (!isRow(l) || !isRow(r)) {
            return null;
        }
        List<Expr> left = ((Expr.FunctionCall) l).args();
        List<Expr> right = ((Expr.FunctionCall) r).args();
        if (left.size() != right.size()) {
            throw new HeliosException(SqlState.SYNTAX_ERROR, "unequal number of entries in row expressions", null,
                    null, position, null);
        }
        if (left.isEmpty()) {
            throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "cannot compare rows of zero length", null, null,
                    position, null);
        }
        return compareFields(binder, op, left.stream().map(binder::bind).toList(),
                right.stream().map(binder::bind).toList(), position);
    }

    /** Row-wise {@code ls op rs} of bound fields (as many on each side). */
    static BoundExpr compareFields(ExpressionBinder binder, CompareOp op, List<BoundExpr> ls, List<BoundExpr> rs,
                                   int position) {
        int n = ls.size();
        if (op == CompareOp.EQ || op == CompareOp.NE) {
            BoundExpr all = binder.compare(op, ls.get(0), rs.get(0), position);
            for (int i = 1; i < n; i++) {
                all = new Logical(op == CompareOp.EQ, all, binder.compare(op, ls.get(i), rs.get(i), position));
            }
            return all;
        }
        // a < b: l1 < r1 OR (l1 = r1 AND (l2 < r2 OR (... ln < rn))); three-valued logic gives PostgreSQL's NULLs
        CompareOp strict = op == CompareOp.LT || op == CompareOp.LE ? CompareOp.LT : CompareOp.GT;
        BoundExpr rest = binder.compare(op, ls.get(n - 1), rs.get(n - 1), position);
        for (int i = n - 2; i >= 0; i--) {
            rest = new Logical(false, binder.compare(strict, ls.get(i), rs.get(i), position),
                    new Logical(true, binder.compare(CompareOp.EQ, ls.get(i), rs.get(i), position), rest));
        }
        return rest;
    }

    /** {@code ROW(...) IS [NOT] NULL}: every field is (is not) null. */
    static BoundExpr isNull(ExpressionBinder binder, Expr.FunctionCall row, boolean negated) {
        BoundExpr all = null;
        for (Expr e : row.args()) {
            BoundExpr test = new IsNull(binder.bind(e), negated);
            all = all == null ? test : new Logical(true, all, test);
        }
        return all == null ? new BoundExpr.Const(true, SqlType.BOOLEAN) : all;
    }
}
