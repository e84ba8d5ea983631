package io.heliosdb.sql.schema;

import io.heliosdb.api.Column;
import io.heliosdb.api.SqlType;

/**
 * A table column as the catalog stores it.
 *
 * @param name              the column name, already case-folded
 * @param type              the SQL type
 * @param typmod            PostgreSQL type modifier (see {@link Column}), -1 when none
 * @param notNull           whether NULL is refused
 * @param defaultExpression the DEFAULT expression as SQL text, or {@code null}
 */
public record ColumnDef(String name, SqlType type, int typmod, boolean notNull, String defaultExpression) {

    public Column toColumn() {
        return new Column(name, type, typmod);
    }
}
