package io.heliosdb.randomized;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One TLP check: a query Q and a predicate p. Q's rows must equal, as a multiset (a set for DISTINCT and
 * GROUP BY), the rows of Q restricted to p, to NOT p and to p IS NULL put together, because every row
 * makes p exactly one of true, false and null.
 *
 * @param items      the select list (for GROUP_BY also the grouping keys; for AGGREGATE one argument)
 * @param where      an optional filter that stays on every part
 * @param groupBy    the grouping keys of HAVING
 * @param aggregate  MIN, MAX, SUM or COUNT for the AGGREGATE variant
 */
record TlpCase(Variant variant, FromClause from, List<Expr> items, Expr where, List<Expr> groupBy, Expr predicate,
               String aggregate) {

    String original() {
        return switch (variant) {
            case WHERE -> select("", null);
            case DISTINCT -> select("DISTINCT ", null);
            case GROUP_BY, HAVING -> grouped(null);
            case AGGREGATE -> "SELECT " + aggregate + "(" + items.get(0).sql() + ") FROM " + from.sql() + where(null);
        };
    }

    /** The three parts put together in one statement (UNION ALL, or UNION where duplicates do not count). */
    String partitioned() {
        List<String> parts = parts();
        return switch (variant) {
            case WHERE -> parts.stream().map(p -> select("", p)).collect(Collectors.joining(" UNION ALL "));
            case DISTINCT -> parts.stream().map(p -> select("DISTINCT ", p)).collect(Collectors.joining(" UNION "));
            case GROUP_BY -> parts.stream().map(this::grouped).collect(Collectors.joining(" UNION "));
            case HAVING -> parts.stream().map(this::grouped).collect(Collectors.joining(" UNION ALL "));
            case AGGREGATE -> "SELECT " + (aggregate.equals("COUNT") ? "SUM" : aggregate) + "(agg) FROM ("
                    + parts.stream().map(p -> "SELECT " + aggregate + "(" + items.get(0).sql() + ") AS agg FROM "
                            + from.sql() + where(p)).collect(Collectors.joining(" UNION ALL ")) + ") AS parts";
        };
    }

    int columnCount() {
        return variant == Variant.AGGREGATE ? 1 : items.size();
    }

    private List<String> parts() {
        String p = predicate.sql();
        return List.of("(" + p + ")", "(NOT (" + p + "))", "((" + p + ") IS NULL)");
    }

    private String select(String distinct, String part) {
        return "SELECT " + distinct + list(items) + " FROM " + from.sql() + where(part);
    }

    private String grouped(String part) {
        boolean having = variant == Variant.HAVING;
        List<Expr> keys = having ? groupBy : items;
        return "SELECT " + list(items) + " FROM " + from.sql() + where(having ? null : part)
                + (keys.isEmpty() ? "" : " GROUP BY " + list(keys)) + (having && part != null ? " HAVING " + part : "");
    }

    private String where(String part) {
        if (where == null && part == null) {
            return "";
        }
        if (where == null) {
            return " WHERE " + part;
        }
        return " WHERE " + where.sql() + (part == null ? "" : " AND " + part);
    }

    private static String list(List<Expr> exprs) {
        return exprs.stream().map(Expr::sql).collect(Collectors.joining(", "));
    }

    TlpCase withPredicate(Expr p) {
        return new TlpCase(variant, from, items, where, groupBy, p, aggregate);
    }

    TlpCase withWhere(Expr w) {
        return new TlpCase(variant, from, items, w, groupBy, predicate, aggregate);
    }

    TlpCase withFrom(FromClause f) {
        return new TlpCase(variant, f, items, where, groupBy, predicate, aggregate);
    }

    TlpCase withItem(int index, Expr item) {
        List<Expr> copy = new ArrayList<>(items);
        if (item == null) {
            copy.remove(index);
        } else {
            copy.set(index, item);
        }
        return new TlpCase(variant, from, List.copyOf(copy), where, groupBy, predicate, aggregate);
    }
}
