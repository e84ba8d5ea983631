package io.heliosdb.sql.analyze;

import io.heliosdb.api.Column;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.analyze.SelectAnalyzer.Source;
import io.heliosdb.sql.ast.FromItem;
import io.heliosdb.sql.plan.LogicalPlan;
import io.heliosdb.sql.schema.ColumnDef;
import io.heliosdb.sql.schema.TableDef;
import java.util.ArrayList;
import java.util.List;

/**
 * Catalog set-returning functions in FROM that are always empty here: {@code pg_partition_ancestors(rel)}
 * (psql's {@code \d} joins it in a trigger subquery); there are no partitions, and a relation that is not
 * a partition has no ancestors, as in PostgreSQL.
 */
final class CatalogSetFunctions {
    private CatalogSetFunctions() {
    }

    /** The empty relation for a catalog function item, or null when {@code f} is not one. */
    static Source source(FromItem.Function f) {
        if (!f.name().equals("pg_partition_ancestors") || f.args().size() != 1) {
            return null;
        }
        String alias = f.alias() != null ? f.alias() : f.name();
        List<Column> columns = new ArrayList<>();
        columns.add(new Column(name(f, 0, "relid"), SqlType.INTEGER));
        if (f.ordinality()) {
            columns.add(new Column(name(f, 1, "ordinality"), SqlType.BIGINT));
        }
        List<ColumnDef> defs = columns.stream().map(c -> new ColumnDef(c.name(), c.type(), -1, false, null)).toList();
        return new Source(new LogicalPlan.Values(List.of(), columns), Scope.of(alias, new TableDef(0, alias, defs, List.of())));
    }

    private static String name(FromItem.Function f, int index, String fallback) {
        return index < f.columnAliases().size() ? f.columnAliases().get(index) : fallback;
    }
}
