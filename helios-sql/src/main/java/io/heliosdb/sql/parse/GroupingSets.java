package io.heliosdb.sql.parse;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.ast.Expr;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.*;
import java.util.ArrayList;
import java.util.List;

/**
 * A GROUP BY clause expanded: {@code sets} is null for a plain list of expressions, else every grouping
 * set that GROUPING SETS, ROLLUP, CUBE and {@code ()} spell (the items of the clause multiply, as in
 * PostgreSQL); {@code keys} holds each key expression once per appearance.
 */
record GroupingSets(List<Expr> keys, List<List<Expr>> sets) {
    /** CUBE over more keys than this would produce more sets than anyone means to compute. */
    private static final int MAX_CUBE = 12;

    static GroupingSets of(List<GroupItemContext> items, AstBuilder builder) {
        boolean plain = items.stream().allMatch(i -> i instanceof ExprGroupContext);
        if (plain) {
            return new GroupingSets(items.stream().map(i -> builder.expr(((ExprGroupContext) i).expr())).toList(), null);
        }
        List<List<Expr>> product = List.of(List.of());
        for (GroupItemContext item : items) {
            List<List<Expr>> next = new ArrayList<>();
            for (List<Expr> left : product) {
                for (List<Expr> right : sets(item, builder)) {
                    List<Expr> joined = new ArrayList<>(left);
                    joined.addAll(right);
                    next.add(joined);
                }
            }
            product = next;
        }
        List<Expr> keys = new ArrayList<>();
        product.forEach(keys::addAll);
        return new GroupingSets(keys, product);
    }

    private static List<List<Expr>> sets(GroupItemContext item, AstBuilder builder) {
        if (item instanceof EmptyGroupContext) {
            return List.of(List.of());
        } else if (item instanceof ExprGroupContext e) {
            return List.of(List.of(builder.expr(e.expr())));
        } else if (item instanceof RowGroupContext r) {
            return List.of(r.expr().stream().map(builder::expr).toList());
        } else if (item instanceof GroupingSetsGroupContext g) {
            List<List<Expr>> all = new ArrayList<>();
            for (GroupItemContext inner : g.groupItem()) {
                all.addAll(sets(inner, builder));
            }
            return all;
        }
        RollupGroupContext r = (RollupGroupContext) item;
        List<List<Expr>> elements = new ArrayList<>();
        for (GroupItemContext inner : r.groupItem()) {
            elements.add(sets(inner, builder).stream().flatMap(List::stream).toList());
        }
        List<List<Expr>> out = new ArrayList<>();
        if (r.ROLLUP() != null) {
            for (int n = elements.size(); n >= 0; n--) {
                out.add(elements.subList(0, n).stream().flatMap(List::stream).toList());
            }
            return out;
        }
        if (elements.size() > MAX_CUBE) {
            throw new HeliosException(SqlState.PROGRAM_LIMIT_EXCEEDED, "CUBE is limited to " + MAX_CUBE + " elements");
        }
        int n = elements.size();
        for (int mask = (1 << n) - 1; mask >= 0; mask--) {
            List<Expr> set = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if ((mask & (1 << (n - 1 - i))) != 0) {
                    set.addAll(elements.get(i));
                }
            }
            out.add(set);
        }
        return out;
    }
}
