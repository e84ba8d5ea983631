package io.heliosdb.core.session;

import io.heliosdb.api.SqlType;
import io.heliosdb.sql.schema.ColumnDef;
import io.heliosdb.sql.schema.TableDef;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the rows of a wide catalog view by column name; columns left unset hold what PostgreSQL
 * shows for an unused feature: 0 for numbers (OIDs), false for flags, NULL for text.
 */
final class ViewRow {
    private final TableDef view;
    private final Object[] values;

    ViewRow(TableDef view) {
        this.view = view;
        this.values = new Object[view.columns().size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (view.columns().get(i).type()) {
                case INTEGER -> 0;
                case SMALLINT -> (short) 0;
                case BIGINT -> 0L;
                case REAL -> 0f;
                case BOOLEAN -> false;
                default -> null;
            };
        }
    }

    ViewRow set(String column, Object value) {
        int index = view.columnIndex(column);
        if (index < 0) {
            throw new IllegalArgumentException(view.name() + " has no column " + column);
        }
        values[index] = value instanceof Integer i && view.columns().get(index).type() == SqlType.SMALLINT
                ? Short.valueOf(i.shortValue()) : value;
        return this;
    }

    int indexOf(String column) {
        return view.columnIndex(column);
    }

        Object[] values() {
        return values.clone();
    }

    /**
     * A view definition from {@code "name:type, ..."}; types are oid, int2, int4, int8, float4, bool,
     * text (name, "char" and regproc are text), timestamp, and the arrays int2[]/int2vector,
     * oid[]/oidvector and text[]/char[]/name[].
     */
    static TableDef define(long id, String name, String columns) {
        List<ColumnDef> defs = new ArrayList<>();
        for (String spec : columns.split(",")) {
            String[] parts = spec.trim().split(":");
            SqlType type = switch (parts[1]) {
                case "oid", "int4" -> SqlType.INTEGER;
                case "int2" -> SqlType.SMALLINT;
                case "int8" -> SqlType.BIGINT;
                case "float4" -> SqlType.REAL;
                case "bool" -> SqlType.BOOLEAN;
                case "timestamp" -> SqlType.TIMESTAMP;
                case "timestamptz" -> SqlType.TIMESTAMPTZ;
                case "int2[]", "int2vector" -> SqlType.INT2_ARRAY;
                case "oid[]", "oidvector" -> SqlType.INT4_ARRAY;
                case "text[]", "char[]", "name[]" -> SqlType.TEXT_ARRAY;
                default -> SqlType.TEXT;
            };
            // int2vector and oidvector subscript from 0, as in PostgreSQL
            int typmod = parts[1].endsWith("vector") ? io.heliosdb.sql.schema.VectorTypes.ZERO_BASED : -1;
            defs.add(new ColumnDef(parts[0], type, typmod, false, null));
        }
        return new TableDef(id, name, defs, List.of());
    }
}
