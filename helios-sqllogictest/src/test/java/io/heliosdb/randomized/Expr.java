package io.heliosdb.randomized;

import java.util.ArrayList;
import java.util.List;

/**
 * A generated expression: a template whose {@code $0..$9} stand for the rendered children. One uniform
 * shape lets the reducer replace any node by a child or a literal of the same type without knowing SQL.
 */
record Expr(ColType type, String template, List<Expr> args) {

    static Expr leaf(ColType type, String sql) {
        return new Expr(type, sql, List.of());
    }

    static Expr of(ColType type, String template, Expr... args) {
        return new Expr(type, template, List.of(args));
    }

    String sql() {
        if (args.isEmpty()) {
            return template;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '$' && i + 1 < template.length() && Character.isDigit(template.charAt(i + 1))) {
                out.append(args.get(template.charAt(++i) - '0').sql());
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** This expression with child {@code index} replaced. */
    Expr withArg(int index, Expr arg) {
        List<Expr> copy = new ArrayList<>(args);
        copy.set(index, arg);
        return new Expr(type, template, List.copyOf(copy));
    }

    /** Number of nodes: the reducer keeps a change only if it makes the expression smaller. */
    int size() {
        int n = 1;
        for (Expr a : args) {
            n += a.size();
        }
        return n;
    }

    @Override
    public String toString() {
        return sql();
    }
}
