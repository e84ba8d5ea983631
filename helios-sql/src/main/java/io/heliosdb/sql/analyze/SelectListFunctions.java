package io.heliosdb.sql.analyze;

import io.heliosdb.sql.ast.Expr;
import io.heliosdb.sql.ast.FromItem;
import io.heliosdb.sql.ast.Select;
import io.heliosdb.sql.ast.SelectItem;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code SELECT generate_series(...)} (one set-returning call as a whole select item, no grouping) runs
 * as PostgreSQL's ProjectSet does for that case: once per input row, each value a row. It is rewritten
 * to a function item joined last in FROM (functions there see the earlier items) and a reference to it.
 */
final class SelectListFunctions {
    private static final String ALIAS = " select-list function";

    private SelectListFunctions() {
    }

    static Select rewrite(Select s) {
        int found = -1;
        for (int i = 0; i < s.items().size(); i++) {
            SelectItem item = s.items().get(i);
            if (item instanceof SelectItem.AllColumns) {
                return s;
            }
            if (item instanceof SelectItem.ExprItem e && e.expr() instanceof Expr.FunctionCall f
                    && f.name().equals("generate_series") && f.over() == null) {
                if (found >= 0) {
                    return s;
                }
                found = i;
            }
        }
        if (found < 0 || !s.groupBy().isEmpty() || s.groupingSets() != null || s.having() != null) {
            return s;
        }
        SelectItem.ExprItem item = (SelectItem.ExprItem) s.items().get(found);
        Expr.FunctionCall call = (Expr.FunctionCall) item.expr();
        List<SelectItem> items = new ArrayList<>(s.items());
        items.set(found, new SelectItem.ExprItem(new Expr.ColumnRef(ALIAS, call.name(), call.position()),
                item.alias() != null ? item.alias() : call.name()));
        List<FromItem> from = new ArrayList<>(s.from());
        from.add(new FromItem.Function(call.name(), call.args(), ALIAS, List.of(call.name()), call.position()));
        return new Select(s.distinct(), items, from, s.where(), s.groupBy(), s.having(), s.orderBy(), s.limit(),
                s.offset(), s.distinctOn(), s.groupingSets());
    }
}
