package io.heliosdb.sql.analyze;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.ast.Expr;
import io.heliosdb.sql.ast.FromItem;
import io.heliosdb.sql.ast.Select;
import io.heliosdb.sql.ast.SelectItem;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code information_schema._pg_expandarray(a)}, the set-returning function pgJDBC's getPrimaryKeys and
 * getIndexInfo call in the select list, returning one record {@code (x, n)} per element (x the element,
 * n its 1-based position), and the field selection {@code (expr).field} that reads those records.
 *
 * <p>There are no record values in the engine, so the calls are rewritten before analysis: every
 * {@code _pg_expandarray} call of one select list (all over the same array, as PostgreSQL runs several
 * set-returning calls of one list in lockstep) becomes one {@code generate_series(1, array_upper(a, 1))}
 * joined last in FROM (so it sees the row); {@code (f(a)).n} is its number, {@code (f(a)).x} the subscript
 * {@code a[n]}, and a whole call {@code f(a) AS k} becomes two output columns {@code "k.x"} and
 * {@code "k.n"}, which {@code (q.k).x} above reads by that flattened name. Any other use of a record, or
 * select lists over different arrays, is not supported and fails as an unknown function.
 */
public final class ExpandArrayCalls {
    static final String FUNCTION = "_pg_expandarray";
    private static final String FIELD_PREFIX = " field ";
    private static final String ALIAS = " expandarray";

    private ExpandArrayCalls() {
    }

    /** {@code (expr).field} as the parser builds it: a call that only this class binds. */
    public static Expr fieldSelect(Expr operand, String field, int position) {
        return new Expr.FunctionCall(FIELD_PREFIX + field, List.of(operand), false, false, position);
    }

    static boolean isFieldSelect(Expr.FunctionCall f) {
        return f.name().startsWith(FIELD_PREFIX);
    }

    /** The field a {@link #fieldSelect} reads ({@code *} for all of them). */
    static String field(Expr.FunctionCall f) {
        return f.name().substring(FIELD_PREFIX.length());
    }

    /**
     * {@code (q.k).x}: the flattened column {@code q."k.x"} (a record of a set-returning function is flattened
     * so too, see {@link SelectListFunctions}); {@code (t).x} for a FROM item {@code t}: its column x.
     * Anything else is not a composite value here.
     */
    static BoundExpr bindField(ExpressionBinder binder, Expr.FunctionCall f) {
        String field = field(f);
        if (field.equals("*")) {
            throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "row expansion via \"*\" is supported only in a select list",
                    null, null, f.position() + 1, null);
        }
        if (f.args().get(0) instanceof Expr.ColumnRef c) {
            try {
                return binder.bind(new Expr.ColumnRef(c.table(), c.column() + "." + field, c.position()));
            } catch (HeliosException notFlattened) {
                if (notFlattened.sqlState() != SqlState.UNDEFINED_COLUMN) {
                    throw notFlattened;
                }
            }
            if (SelectListFunctions.ALIAS.equals(c.table())) {
                throw new HeliosException(SqlState.UNDEFINED_COLUMN, "could not identify column \"" + field
                        + "\" in record data type", null, null, f.position() + 1, null);
            }
            if (c.table() == null) {
                BoundExpr row = CompositeFields.tableRow(binder, c, field, f.position());
                if (row != null) {
                    return row;
                }
            }
        }
        if (f.args().get(0) instanceof Expr.FunctionCall r && CompositeFields.isRowConstructor(r)) {
            // an anonymous record's fields are f1, f2, ...
            if (field.matches("f[1-9][0-9]{0,3}") && Integer.parseInt(field.substring(1)) <= r.args().size()) {
                return binder.bind(r.args().get(Integer.parseInt(field.substring(1)) - 1));
            }
            throw new HeliosException(SqlState.UNDEFINED_COLUMN, "could not identify column \"" + field
                    + "\" in record data type", null, null, f.position() + 1, null);
        }
        BoundExpr operand = binder.bind(f.args().get(0));
        if (CompositeTypes.isComposite(operand)) {
            return CompositeTypes.field(operand, field, f.position());
        }
        throw CompositeFields.notComposite(field, operand.type(), f.position());
    }

    static Select rewrite(Select s) {
        Expr array = null;
        for (SelectItem item : s.items()) {
            Expr.FunctionCall call = item instanceof SelectItem.ExprItem e ? expandCall(e.expr()) : null;
            if (call == null) {
                continue;
            }
            if (array != null && !sameExpression(array, call.args().get(0))) {
                return s;
            }
            array = call.args().get(0);
        }
        if (array == null || !s.groupBy().isEmpty() || s.groupingSets() != null || s.having() != null) {
            return s;
        }
        Expr number = new Expr.ColumnRef(ALIAS, "n", -1);
        Expr element = new Expr.FunctionCall("[]1", List.of(array, number), false, false, -1);
        List<SelectItem> items = new ArrayList<>();
        for (SelectItem item : s.items()) {
            Expr.FunctionCall call = item instanceof SelectItem.ExprItem e ? expandCall(e.expr()) : null;
            if (call == null) {
                items.add(item);
                continue;
            }
            SelectItem.ExprItem e = (SelectItem.ExprItem) item;
            if (e.expr() == call) {
                String name = e.alias() != null ? e.alias() : FUNCTION;
                items.add(new SelectItem.ExprItem(element, name + ".x"));
                items.add(new SelectItem.ExprItem(number, name + ".n"));
                continue;
            }
            String field = ((Expr.FunctionCall) e.expr()).name().substring(FIELD_PREFIX.length());
            if (!field.equals("x") && !field.equals("n")) {
                throw new HeliosException(SqlState.UNDEFINED_COLUMN, "column \"" + field
                        + "\" not found in data type record", null, null, call.position() + 1, null);
            }
            items.add(new SelectItem.ExprItem(field.equals("n") ? number : element,
                    e.alias() != null ? e.alias() : field));
        }
        List<FromItem> from = new ArrayList<>(s.from());
        Expr upper = new Expr.FunctionCall("array_upper", List.of(array, new Expr.Literal(Expr.LiteralKind.INTEGER, "1")),
                false, false, -1);
        from.add(new FromItem.Function("generate_series", List.of(new Expr.Literal(Expr.LiteralKind.INTEGER, "1"), upper),
                ALIAS, List.of("n"), -1));
        return new Select(s.distinct(), items, from, s.where(), s.groupBy(), s.having(), s.orderBy(), s.limit(),
                s.offset(), s.distinctOn(), s.groupingSets());
    }

    /** The {@code _pg_expandarray(a)} call of a select item, bare or under one field selection, or null. */
    private static Expr.FunctionCall expandCall(Expr e) {
        if (e instanceof Expr.FunctionCall f && isFieldSelect(f)) {
            e = f.args().get(0);
        }
        return e instanceof Expr.FunctionCall f && f.name().equals(FUNCTION) && f.args().size() == 1 && f.over() == null
                ? f : null;
    }

    /** Whether two expressions are the same text apart from where they were written. */
    private static boolean sameExpression(Expr a, Expr b) {
        return a.toString().replaceAll("position=-?\\d+", "").equals(b.toString().replaceAll("position=-?\\d+", ""));
    }
}
