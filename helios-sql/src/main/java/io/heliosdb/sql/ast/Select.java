package io.heliosdb.sql.ast;

import java.util.List;

/**
 * A SELECT; optional parts are {@code null} (expressions) or empty (lists). {@code distinctOn} holds the
 * expressions of {@code DISTINCT ON (...)} ({@code distinct} is then true too). {@code groupingSets} is null for
 * a plain GROUP BY, else the sets of GROUPING SETS / ROLLUP / CUBE expanded ({@code groupBy} then holds every key).
 */
public record Select(boolean distinct, List<SelectItem> items, List<FromItem> from, Expr where, List<Expr> groupBy,
                     Expr having, List<OrderItem> orderBy, Expr limit, Expr offset, List<Expr> distinctOn,
                     List<List<Expr>> groupingSets)
        implements Query {

    /** {@code expr [ASC|DESC] [NULLS FIRST|LAST]}; {@code nullsFirst} is null when not written. */
    public record OrderItem(Expr expr, boolean descending, Boolean nullsFirst) {
    }
}
