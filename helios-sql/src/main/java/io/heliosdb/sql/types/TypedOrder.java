package io.heliosdb.sql.types;

import io.heliosdb.api.SqlType;
import java.util.Comparator;
import java.util.function.UnaryOperator;

/**
 * Comparison and grouping chosen by SQL type, for the types whose Java value does not order as the SQL
 * type does (jsonb travels as text but orders as a tree); every other type uses {@link Values}.
 */
public final class TypedOrder {

    private TypedOrder() {
    }

    /** Compares two non-null values of {@code type}. */
    public static Comparator<Object> comparator(SqlType type) {
        return type == SqlType.JSONB ? JsonbOrder::compare : Values::compare;
    }

    /** The grouping key of a non-null value of {@code type}. */
    public static UnaryOperator<Object> groupingKey(SqlType type) {
        return type == SqlType.JSONB ? JsonbOrder::groupingKey : Values::groupingKey;
    }

    /** True when {@code type} needs its own comparison, so callers can keep the plain path otherwise. */
    public static boolean special(SqlType type) {
        return type == SqlType.JSONB;
    }
}
