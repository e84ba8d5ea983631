package io.heliosdb.randomized;

import java.util.ArrayList;
import java.util.List;

/**
 * What an expression may refer to: {@code bare} column references, and (in HAVING and select lists of
 * grouped queries) aggregates over {@code aggArgs}; {@code aggArgs} is null where aggregates are not allowed.
 */
record Scope(List<ColumnRef> bare, List<ColumnRef> aggArgs) {

    record ColumnRef(String sql, ColType type) {
    }

    static Scope rows(List<ColumnRef> columns) {
        return new Scope(List.copyOf(columns), null);
    }

    /**
     * The scope of a subquery over {@code alias}: its columns plus this scope's bare columns, except in a
     * grouped scope, because HeliosDB does not support correlated subqueries in HAVING yet (0A000).
     */
    Scope plus(String alias, RandomSchema.Table table) {
        List<ColumnRef> all = new ArrayList<>(columnsOf(alias, table));
        if (aggArgs == null) {
            all.addAll(bare);
        }
        return new Scope(List.copyOf(all), null);
    }

    static List<ColumnRef> columnsOf(String alias, RandomSchema.Table table) {
        return table.columns().stream().map(c -> new ColumnRef(alias + "." + c.name(), c.type())).toList();
    }

    List<ColumnRef> ofType(ColType type) {
        return bare.stream().filter(c -> c.type() == type).toList();
    }
}
