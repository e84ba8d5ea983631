package io.heliosdb.sql.analyze;

import io.heliosdb.sql.ast.Expr;
import io.heliosdb.sql.ast.FromItem;
import io.heliosdb.sql.ast.Select;
import io.heliosdb.sql.ast.SelectItem;
import java.util.ArrayList;
import java.util.List;

/**
 * Set-returning functions in the select list of a grouped or aggregated query run after the grouping, as
 * PostgreSQL's ProjectSet sits above its Agg ({@code SELECT g, generate_series(1, count(*)) ... GROUP BY g}).
 * The query becomes an inner grouped query computing every part without a set-returning call (and those
 * calls' arguments), read by an outer ungrouped select that {@link SelectListFunctions} then handles.
 */
final class GroupedSelectFunctions {
    static final String ALIAS = " grouped";

    private GroupedSelectFunctions() {
    }

    static Select rewrite(Select s) {
        if (!s.distinctOn().isEmpty() || s.items().stream().anyMatch(i -> !(i instanceof SelectItem.ExprItem))) {
            return s;
        }
        List<SelectItem.ExprItem> items = s.items().stream().map(i -> (SelectItem.ExprItem) i).toList();
        if (items.stream().noneMatch(i -> hasSetFunction(i.expr()))) {
            return s;
        }
        boolean grouped = !s.groupBy().isEmpty() || s.groupingSets() != null || s.having() != null
                || items.stream().anyMatch(i -> hasAggregate(i.expr()));
        if (!grouped) {
            return s;
        }
        List<Expr> inner = new ArrayList<>();
        List<SelectItem> outer = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (SelectItem.ExprItem item : items) {
            Expr skeleton = split(item.expr(), inner);
            if (skeleton == null) {
                return s;
            }
            String name = item.alias() != null ? item.alias() : ColumnNames.of(item.expr());
            outer.add(new SelectItem.ExprItem(skeleton, name));
            names.add(name);
        }
        List<Select.OrderItem> order = new ArrayList<>();
        for (Select.OrderItem o : s.orderBy()) {
            Expr e = o.expr();
            boolean output = e instanceof Expr.Literal l && l.kind() == Expr.LiteralKind.INTEGER
                    || e instanceof Expr.ColumnRef c && c.table() == null && names.contains(c.column());
            if (!output) {
                if (hasSetFunction(e)) {
                    return s;
                }
                e = column(inner, e);
            }
            order.add(new Select.OrderItem(e, o.descending(), o.nullsFirst()));
        }
        List<SelectItem> innerItems = new ArrayList<>();
        List<String> innerNames = new ArrayList<>();
        for (int i = 0; i < inner.size(); i++) {
            innerItems.add(new SelectItem.ExprItem(inner.get(i), name(i)));
            innerNames.add(name(i));
        }
        Select grouping = new Select(false, innerItems, s.from(), s.where(), s.groupBy(), s.having(), List.of(), null,
                null, List.of(), s.groupingSets());
        return new Select(s.distinct(), outer, List.of(new FromItem.Derived(grouping, ALIAS, innerNames)), null,
                List.of(), null, order, s.limit(), s.offset(), List.of(), null);
    }

    private static String name(int i) {
        return " g" + (i + 1);
    }

    /** Moves {@code e} into the inner query and refers to it. */
    private static Expr column(List<Expr> inner, Expr e) {
        inner.add(e);
        return new Expr.ColumnRef(ALIAS, name(inner.size() - 1), -1);
    }

    /** {@code e} with every part free of set-returning calls moved inner; null where its shape is not handled. */
    private static Expr split(Expr e, List<Expr> inner) {
        if (!hasSetFunction(e)) {
            return column(inner, e);
        }
        if (e instanceof Expr.FunctionCall f) {
            List<Expr> args = new ArrayList<>();
            for (Expr a : f.args()) {
                Expr part = split(a, inner);
                if (part == null) {
                    return null;
                }
                args.add(part);
            }
            return new Expr.FunctionCall(f.name(), args, f.star(), f.distinct(), f.position(), f.orderBy(), f.filter(), f.over());
        } else if (e instanceof Expr.Unary u) {
            Expr operand = split(u.operand(), inner);
            return operand == null ? null : new Expr.Unary(u.op(), operand);
        } else if (e instanceof Expr.Binary b) {
            Expr left = split(b.left(), inner);
            Expr right = split(b.right(), inner);
            return left == null || right == null ? null : new Expr.Binary(b.op(), left, right, b.position());
        } else if (e instanceof Expr.Cast c) {
            Expr operand = split(c.operand(), inner);
            return operand == null ? null : new Expr.Cast(operand, c.type());
        }
        return null;
    }

    private static boolean hasSetFunction(Expr e) {
        List<Expr.FunctionCall> calls = new ArrayList<>();
        SelectListFunctions.replaceCalls(e, calls);
        return !calls.isEmpty();
    }

    /** An aggregate call outside subqueries (enough to tell an aggregated select list). */
    private static boolean hasAggregate(Expr e) {
        if (e instanceof Expr.FunctionCall f) {
            return f.over() == null && FunctionBinder.isAggregate(f.name()) || f.args().stream().anyMatch(GroupedSelectFunctions::hasAggregate);
        } else if (e instanceof Expr.Unary u) {
            return hasAggregate(u.operand());
        } else if (e instanceof Expr.Binary b) {
            return hasAggregate(b.left()) || hasAggregate(b.right());
        } else if (e instanceof Expr.Cast c) {
            return hasAggregate(c.operand());
        } else if (e instanceof Expr.Case c) {
            return c.operand() != null && hasAggregate(c.operand()) || c.elseResult() != null && hasAggregate(c.elseResult())
                    || c.whens().stream().anyMatch(w -> hasAggregate(w.condition()) || hasAggregate(w.result()));
        }
        return false;
    }
}
