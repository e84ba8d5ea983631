package io.heliosdb.sql.analyze;

import io.heliosdb.sql.ast.Expr;
import io.heliosdb.sql.ast.FromItem;
import io.heliosdb.sql.ast.Select;
import io.heliosdb.sql.ast.SelectItem;
import java.util.ArrayList;
import java.util.List;

/**
 * Set-returning functions in a select list without grouping ({@code SELECT id, unnest(xs) + 1, ...}) run
 * as PostgreSQL 10's ProjectSet does: once per input row, all of them in lockstep, the shorter ones padded
 * with NULLs, and an input row whose functions all return nothing gives no rows. That is exactly a
 * lockstep function item ({@link LateralSources#ROWS_FROM}) joined last in FROM (functions there see the
 * earlier items), so each call is moved there and replaced by a reference to its column.
 *
 * <p>Calls inside CASE or subqueries are left alone (PostgreSQL refuses the first; the second are their
 * own queries), as are select lists with {@code *} (which would also show the moved columns).
 */
final class SelectListFunctions {
    static final String ALIAS = " select-list function";

    private SelectListFunctions() {
    }

    static Select rewrite(Select s) {
        if (!s.groupBy().isEmpty() || s.groupingSets() != null || s.having() != null) {
            return s;
        }
        List<Expr.FunctionCall> calls = new ArrayList<>();
        List<SelectItem> items = new ArrayList<>();
        for (SelectItem item : s.items()) {
            if (!(item instanceof SelectItem.ExprItem e)) {
                return s;
            }
            Expr replaced = replace(e.expr(), calls);
            items.add(replaced == e.expr() ? item
                    : new SelectItem.ExprItem(replaced, e.alias() != null ? e.alias() : ColumnNames.of(e.expr())));
        }
        if (calls.isEmpty()) {
            return s;
        }
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= calls.size(); i++) {
            columns.add(column(i));
        }
        List<FromItem> from = new ArrayList<>(s.from());
        from.add(new FromItem.Function(LateralSources.ROWS_FROM, List.copyOf(calls), ALIAS, columns,
                calls.get(0).position()));
        return new Select(s.distinct(), items, from, s.where(), s.groupBy(), s.having(), s.orderBy(), s.limit(),
                s.offset(), s.distinctOn(), s.groupingSets());
    }

    /** The name of the moved column of the {@code n}th call (a leading blank: no SQL name can clash). */
    private static String column(int n) {
        return " srf" + n;
    }

    /** Collects the set-returning calls of {@code e} (outside CASE and subqueries) into {@code calls}. */
    static void replaceCalls(Expr e, List<Expr.FunctionCall> calls) {
        replace(e, calls);
    }

    /** {@code e} with each set-returning call (outside CASE and subqueries) replaced; {@code e} itself if none. */
    private static Expr replace(Expr e, List<Expr.FunctionCall> calls) {
        int before = calls.size();
        Expr out = map(e, calls);
        return calls.size() == before ? e : out;
    }

    private static Expr map(Expr e, List<Expr.FunctionCall> calls) {
        if (e instanceof Expr.FunctionCall f && ExpandArrayCalls.isFieldSelect(f) && f.args().get(0) instanceof Expr.FunctionCall g
                && g.over() == null && !g.star() && SetFunctionSignatures.isSetFunction(g.name())) {
            // (f(x)).col: the call moves with its field selection, which tells LateralSources to keep its columns
            // apart (named " srfN.col") instead of folding them into one record; the selection then reads one.
            calls.add(f);
            return ExpandArrayCalls.fieldSelect(new Expr.ColumnRef(ALIAS, column(calls.size()), g.position()),
                    ExpandArrayCalls.field(f), f.position());
        }
        if (e instanceof Expr.FunctionCall f) {
            if (f.over() == null && !f.star() && SetFunctionSignatures.isSetFunction(f.name())) {
                calls.add(f);
                return new Expr.ColumnRef(ALIAS, column(calls.size()), f.position());
            }
            return new Expr.FunctionCall(f.name(), f.args().stream().map(a -> replace(a, calls)).toList(), f.star(),
                    f.distinct(), f.position(), f.orderBy(), f.filter(), f.over());
        } else if (e instanceof Expr.Unary u) {
            return new Expr.Unary(u.op(), replace(u.operand(), calls));
        } else if (e instanceof Expr.Binary b) {
            return new Expr.Binary(b.op(), replace(b.left(), calls), replace(b.right(), calls), b.position());
        } else if (e instanceof Expr.Cast c) {
            return new Expr.Cast(replace(c.operand(), calls), c.type());
        } else if (e instanceof Expr.IsNull n) {
            return new Expr.IsNull(replace(n.operand(), calls), n.negated());
        } else if (e instanceof Expr.InList in) {
            return new Expr.InList(replace(in.operand(), calls), in.values().stream().map(v -> replace(v, calls)).toList(),
                    in.negated());
        } else if (e instanceof Expr.Between b) {
            return new Expr.Between(replace(b.operand(), calls), replace(b.low(), calls), replace(b.high(), calls),
                    b.negated());
        } else if (e instanceof Expr.Like l) {
            return new Expr.Like(replace(l.operand(), calls), replace(l.pattern(), calls), l.negated(),
                    l.caseInsensitive());
        } else if (e instanceof Expr.RegexMatch r) {
            return new Expr.RegexMatch(replace(r.operand(), calls), replace(r.pattern(), calls), r.negated(),
                    r.caseInsensitive());
        } else if (e instanceof Expr.Similar s) {
            return new Expr.Similar(replace(s.operand(), calls), replace(s.pattern(), calls), s.negated());
        } else if (e instanceof Expr.DistinctFrom d) {
            return new Expr.DistinctFrom(replace(d.left(), calls), replace(d.right(), calls), d.negated());
        }
        return e;
    }
}
