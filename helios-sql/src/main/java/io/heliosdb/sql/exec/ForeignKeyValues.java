package io.heliosdb.sql.exec;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.schema.ColumnDef;
import io.heliosdb.sql.schema.TableDef;
import io.heliosdb.sql.types.Casts;
import io.heliosdb.sql.types.TypeRules;
import java.math.BigDecimal;
import java.util.List;

/**
 * Key values of a foreign key whose two sides have different types (an integer referencing a bigint, a timestamp
 * referencing a date, both after ALTER COLUMN ... TYPE): PostgreSQL compares them with its cross-type equality,
 * which is the comparison in the wider type. Numbers compare by value (5.0 equals 5), as numeric equality does.
 */
final class ForeignKeyValues {

    private ForeignKeyValues() {
    }

    /**
     * The referencing values as the referenced columns' types, for the lookup of the parent key; null when no
     * parent key can equal them (out of the parent type's range, or not exactly representable in it).
     */
    static Object[] toParent(TableDef child, List<Integer> columns, TableDef parent, List<Integer> refColumns,
                             Object[] values) {
        Object[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            SqlType from = child.columns().get(columns.get(i)).type();
            SqlType to = parent.columns().get(refColumns.get(i)).type();
            if (from == to || out[i] == null) {
                continue;
            }
            try {
                Object converted = Casts.convert(out[i], from, to, -1, true);
                if (!sameValue(Casts.convert(converted, to, from, -1, true), out[i])) {
                    return null;
                }
                out[i] = converted;
            } catch (HeliosException outOfRange) {
                return null;
            }
        }
        return out;
    }

    /** Whether a referencing row's values equal the referenced key {@code parentKey}, compared in the wider type. */
    static boolean matches(TableDef parent, List<Integer> refColumns, Object[] parentKey, TableDef child,
                           List<Integer> columns, Object[] childRow) {
        for (int i = 0; i < parentKey.length; i++) {
            Object p = parentKey[i];
            Object c = childRow[columns.get(i)];
            if (p == null || c == null) {
                return false;
            }
            SqlType pt = parent.columns().get(refColumns.get(i)).type();
            SqlType ct = child.columns().get(columns.get(i)).type();
            if (pt != ct) {
                SqlType wider = TypeRules.implicitCast(ct, pt) ? pt : ct;
                try {
                    p = Casts.convert(p, pt, wider, -1, true);
                    c = Casts.convert(c, ct, wider, -1, true);
                } catch (HeliosException notComparable) {
                    return false;
                }
            }
            if (!sameValue(p, c)) {
                return false;
            }
        }
        return true;
    }

    /** A new referenced value for a referencing column (ON UPDATE CASCADE), converted as an assignment. */
    static Object toChild(TableDef parent, int refColumn, Object value, TableDef child, int column) {
        SqlType from = parent.columns().get(refColumn).type();
        ColumnDef to = child.columns().get(column);
        return from == to.type() ? value : Casts.convert(value, from, to.type(), to.typmod(), false);
    }

    private static boolean sameValue(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return java.util.Objects.equals(a, b);
    }
}
