package io.heliosdb.core.txn;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.core.catalog.CatalogKeys;
import io.heliosdb.core.encoding.KeyEncoder;
import io.heliosdb.sql.schema.ColumnDef;
import io.heliosdb.sql.schema.TableDef;
import java.util.ArrayList;
import java.util.List;

/** How a table's rows are typed and keyed in storage, and the error a taken primary key gives. */
final class RowKeys {
    private RowKeys() {
    }

    /** The storage key of {@code row} by its primary key; a null key column is 23502. */
    static byte[] primaryRowKey(TableDef table, Object[] row) {
        return primaryRowKey(table, keyTypes(table), row);
    }

    /** {@link #primaryRowKey(TableDef, Object[])} with the table's {@link #keyTypes} at hand. */
    static byte[] primaryRowKey(TableDef table, List<SqlType> keyTypes, Object[] row) {
        List<Integer> pk = table.primaryKey();
        Object[] keyValues = new Object[pk.size()];
        for (int i = 0; i < pk.size(); i++) {
            keyValues[i] = row[pk.get(i)];
            if (keyValues[i] == null) {
                ColumnDef c = table.columns().get(pk.get(i));
                throw new HeliosException(SqlState.NOT_NULL_VIOLATION, "null value in column \"" + c.name()
                        + "\" of relation \"" + table.name() + "\" violates not-null constraint")
                        .withTable(table.name(), c.name());
            }
        }
        return CatalogKeys.rowKey(table.id(), KeyEncoder.encode(keyTypes, keyValues));
    }

    static HeliosException duplicateKey(TableDef table, Object[] row) {
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int index : table.primaryKey()) {
            ColumnDef c = table.columns().get(index);
            names.add(c.name());
            values.add(c.type().format(row[index]));
        }
        String constraint = table.primaryKeyName();
        return new HeliosException(SqlState.UNIQUE_VIOLATION,
                "duplicate key value violates unique constraint \"" + constraint + "\"",
                "Key (" + String.join(", ", names) + ")=(" + String.join(", ", values) + ") already exists.",
                null, 0, null, constraint).withTable(table.name(), null);
    }

    static List<SqlType> types(TableDef table) {
        List<SqlType> types = new ArrayList<>(table.columns().size());
        for (ColumnDef c : table.columns()) {
            types.add(c.type());
        }
        return types;
    }

    /** The column types as an array, for a point lookup's decoder (no list in between). */
    static SqlType[] typeArray(TableDef table) {
        List<ColumnDef> columns = table.columns();
        SqlType[] types = new SqlType[columns.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = columns.get(i).type();
        }
        return types;
    }

    static List<SqlType> keyTypes(TableDef table) {
        List<SqlType> types = new ArrayList<>(table.primaryKey().size());
        for (int index : table.primaryKey()) {
            types.add(table.columns().get(index).type());
        }
        return types;
    }
}
