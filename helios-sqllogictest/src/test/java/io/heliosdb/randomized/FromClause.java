package io.heliosdb.randomized;

import java.util.ArrayList;
import java.util.List;

/**
 * A FROM clause: tables {@code a0, a1, ...} joined by {@code joins.get(i)} (for i >= 1) with the ON
 * condition {@code on.get(i)} (null for CROSS JOIN and comma).
 */
record FromClause(List<RandomSchema.Table> tables, List<String> joins, List<Expr> on) {

    String sql() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < tables.size(); i++) {
            if (i > 0) {
                out.append(joins.get(i).equals(",") ? ", " : " " + joins.get(i) + " ");
            }
            out.append(tables.get(i).name()).append(" AS a").append(i);
            if (on.get(i) != null) {
                out.append(" ON ").append(on.get(i).sql());
            }
        }
        return out.toString();
    }

    /** The columns of the first {@code count} tables. */
    List<Scope.ColumnRef> columns(int count) {
        List<Scope.ColumnRef> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.addAll(Scope.columnsOf("a" + i, tables.get(i)));
        }
        return out;
    }

    List<Scope.ColumnRef> columns() {
        return columns(tables.size());
    }

    FromClause withOn(int index, Expr condition) {
        List<Expr> copy = new ArrayList<>(on);
        copy.set(index, condition);
        return new FromClause(tables, joins, java.util.Collections.unmodifiableList(copy));
    }
}
