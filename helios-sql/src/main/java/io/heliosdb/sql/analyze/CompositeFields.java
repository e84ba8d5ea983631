package io.heliosdb.sql.analyze;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.ast.Expr;
import java.util.List;

/**
 * Field selection from composite values, which the engine has no values for: {@code (t).col} and {@code (t).*}
 * read a FROM item's row type as its columns, {@code (f(x)).col} and {@code (f(x)).*} the columns of a
 * set-returning function in a select list (flattened by {@link SelectListFunctions}), {@code (ROW(a, b)).*}
 * the values themselves. Other uses fail with PostgreSQL's errors (42703, 42809).
 */
final class CompositeFields {

    private CompositeFields() {
    }

    /** {@code ROW(a, b, ...)} as the parser builds it: a call named row. */
    static boolean isRowConstructor(Expr.FunctionCall f) {
        return f.name().equals("row") && !f.star() && f.over() == null && f.filter() == null;
    }

    /** Whether {@code e} is {@code (x).*}. */
    static boolean isStar(Expr e) {
        return e instanceof Expr.FunctionCall f && ExpandArrayCalls.isFieldSelect(f) && ExpandArrayCalls.field(f).equals("*");
    }

    /**
     * {@code (t).field} where {@code t} names no column: the column {@code t.field} of the FROM item t (of this
     * query or an enclosing one). Null when t is a column (the caller reports it as not composite).
     */
    static BoundExpr tableRow(ExpressionBinder binder, Expr.ColumnRef c, String field, int position) {
        HeliosException noColumn;
        try {
            binder.bind(c);
            return null;
        } catch (HeliosException e) {
            if (e.sqlState() != SqlState.UNDEFINED_COLUMN) {
                throw e;
            }
            noColumn = e;
        }
        try {
            return binder.bind(new Expr.ColumnRef(c.column(), field, position));
        } catch (HeliosException e) {
            if (e.sqlState() == SqlState.UNDEFINED_TABLE) {
                throw noColumn;
            }
            if (e.sqlState() == SqlState.UNDEFINED_COLUMN) {
                throw new HeliosException(SqlState.UNDEFINED_COLUMN, "column \"" + field + "\" not found in data type "
                        + c.column(), null, null, position + 1, null);
            }
            throw e;
        }
    }

    /**
     * Expands {@code (x).*} of a select list into {@code items} and {@code names}. Returns the FROM item to
     * expand as {@code t.*} instead when x names one, else null.
     */
    static String expandStar(ExpressionBinder binder, Expr.FunctionCall star, List<BoundExpr> items, List<String> names) {
        Expr operand = star.args().get(0);
        if (operand instanceof Expr.ColumnRef c && SelectListFunctions.ALIAS.equals(c.table())) {
            Scope.Entry entry = binder.scope().entry(c.table(), star.position() + 1);
            String prefix = c.column() + ".";
            for (int i = 0; i < entry.table().columns().size(); i++) {
                String name = entry.table().columns().get(i).name();
                if (name.startsWith(prefix)) {
                    items.add(Scope.slot(entry, i));
                    names.add(name.substring(prefix.length()));
                }
            }
            return null;
        }
        if (operand instanceof Expr.ColumnRef c && c.table() == null && !binder.scope().hasColumn(c.column())
                && binder.scope().hasEntry(c.column())) {
            return c.column();
        }
        if (operand instanceof Expr.FunctionCall r && isRowConstructor(r)) {
            // An anonymous record's fields are named f1, f2, ... as in PostgreSQL.
            for (int i = 0; i < r.args().size(); i++) {
                items.add(binder.bind(r.args().get(i)));
                names.add("f" + (i + 1));
            }
            return null;
        }
        BoundExpr value = binder.bind(operand);
        if (CompositeTypes.isComposite(value)) {
            CompositeTypes.expand(value, items, names);
            return null;
        }
        throw notComposite("*", value.type(), star.position());
    }

    /** 42809: a field of a value that is not composite. */
    static HeliosException notComposite(String field, SqlType type, int position) {
        String message = field.equals("*") ? "type " + type.sqlName() + " is not composite"
                : "column notation ." + field + " applied to type " + type.sqlName() + ", which is not a composite type";
        return new HeliosException(SqlState.WRONG_OBJECT_TYPE, message, null, null, position + 1, null);
    }
}
