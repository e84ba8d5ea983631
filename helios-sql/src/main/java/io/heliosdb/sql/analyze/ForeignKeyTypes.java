package io.heliosdb.sql.analyze;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.schema.ColumnDef;
import io.heliosdb.sql.schema.TableDef;
import io.heliosdb.sql.types.TypeRules;
import java.util.List;

/**
 * Whether a foreign key's columns can reference their key columns, as PostgreSQL decides it: the referencing
 * type converts implicitly to the referenced one (integer to numeric, text to varchar), or both belong to one
 * family with cross-type equality (the integers, the floats, date/timestamp/timestamptz). Otherwise 42804.
 */
public final class ForeignKeyTypes {

    private ForeignKeyTypes() {
    }

    /** 42804 "foreign key constraint ... cannot be implemented" unless every column pair is compatible. */
    public static void check(String name, TableDef child, List<Integer> columns, TableDef parent, List<Integer> refColumns) {
        for (int k = 0; k < columns.size(); k++) {
            ColumnDef from = child.columns().get(columns.get(k));
            ColumnDef to = parent.columns().get(refColumns.get(k));
            if (!compatible(from.type(), to.type())) {
                throw new HeliosException(SqlState.DATATYPE_MISMATCH, "foreign key constraint \"" + name
                        + "\" cannot be implemented", "Key columns \"" + from.name() + "\" and \"" + to.name()
                        + "\" are of incompatible types: " + from.type().sqlName() + " and " + to.type().sqlName() + ".",
                        null, 0, null);
            }
        }
    }

    static boolean compatible(SqlType referencing, SqlType referenced) {
        if (referencing == referenced || TypeRules.implicitCast(referencing, referenced)) {
            return true;
        }
        return referencing.isInteger() && referenced.isInteger()
                || TypeRules.isFloat(referencing) && TypeRules.isFloat(referenced)
                || TypeRules.isDateTime(referencing) && TypeRules.isDateTime(referenced);
    }
}
