package io.heliosdb.sql.types;

import io.heliosdb.api.SqlType;

/** PostgreSQL's static typing rules for the types HeliosDB knows: promotion and which casts exist. */
public final class TypeRules {

    private TypeRules() {
    }

    /** Position in PostgreSQL's numeric promotion order (int2 &lt; int4 &lt; int8 &lt; numeric &lt; float4 &lt; float8). */
    private static int numericRank(SqlType t) {
        return switch (t) {
            case SMALLINT -> 0;
            case INTEGER -> 1;
            case BIGINT -> 2;
            case NUMERIC -> 3;
            case REAL -> 4;
            case DOUBLE -> 5;
            default -> -1;
        };
    }

    /** Result type of {@code a op b} for two numeric types: floats win (mixed floats give float8), then numeric, then the wider integer. */
    public static SqlType arithmeticResult(SqlType a, SqlType b) {
        if (a == SqlType.REAL && b == SqlType.REAL) {
            return SqlType.REAL;
        }
        if (isFloat(a) || isFloat(b)) {
            return SqlType.DOUBLE;
        }
        return numericRank(a) >= numericRank(b) ? a : b;
    }

    /** The type two numeric operands are compared in. */
    public static SqlType comparisonType(SqlType a, SqlType b) {
        return numericRank(a) >= numericRank(b) ? a : b;
    }

    public static boolean isFloat(SqlType t) {
        return t == SqlType.REAL || t == SqlType.DOUBLE;
    }

    public static boolean isString(SqlType t) {
        return t == SqlType.TEXT || t == SqlType.VARCHAR || t == SqlType.CHAR;
    }

    public static boolean isDateTime(SqlType t) {
        return t == SqlType.DATE || t == SqlType.TIMESTAMP || t == SqlType.TIMESTAMPTZ;
    }

    /** time and timetz, which compare with each other as timetz. */
    public static boolean isTimeOfDay(SqlType t) {
        return t == SqlType.TIME || t == SqlType.TIMETZ;
    }

    /** Whether PostgreSQL converts {@code from} to {@code to} silently inside expressions. */
    public static boolean implicitCast(SqlType from, SqlType to) {
        if (from == to || from == SqlType.UNKNOWN) {
            return true;
        }
        if (from.isArray() && to.isArray()) {
            return implicitCast(from.elementType(), to.elementType());
        }
        if (from.isNumeric() && to.isNumeric()) {
            return numericRank(from) < numericRank(to);
        }
        if (isString(from) && isString(to)) {
            return true;
        }
        if (to == SqlType.TIMESTAMPTZ) {
            return from == SqlType.DATE || from == SqlType.TIMESTAMP;
        }
        return from == SqlType.DATE && to == SqlType.TIMESTAMP || from == SqlType.TIME && to == SqlType.INTERVAL
                || from == SqlType.TIME && to == SqlType.TIMETZ;
    }

    /** Whether a value of {@code from} may be stored in a column of {@code to} (INSERT/UPDATE). */
    public static boolean assignmentCast(SqlType from, SqlType to) {
        if (implicitCast(from, to)) {
            return true;
        }
        if (from.isArray() && to.isArray()) {
            return assignmentCast(from.elementType(), to.elementType());
        }
        if ((from == SqlType.JSON || from == SqlType.JSONB) && (to == SqlType.JSON || to == SqlType.JSONB)) {
            return true;
        }
        if (from.isNumeric() && to.isNumeric()) {
            return true;
        }
        if (isString(to)) {
            return true;
        }
        return isDateTime(from) && isDateTime(to) || (from == SqlType.TIMESTAMP || from == SqlType.TIMESTAMPTZ) && to == SqlType.TIME
                || from == SqlType.TIMETZ && to == SqlType.TIME
                || from == SqlType.TIMESTAMPTZ && to == SqlType.TIMETZ;
    }

    /** Whether {@code CAST(x AS to)} exists for a value of {@code from}. */
    public static boolean explicitCast(SqlType from, SqlType to) {
        if (assignmentCast(from, to) || isString(from)) {
            return true;
        }
        if (from.isArray() && to.isArray()) {
            return explicitCast(from.elementType(), to.elementType());
        }
        if (from == SqlType.JSONB && (to.isNumeric() || to == SqlType.BOOLEAN)) {
            return true;
        }
        return (from == SqlType.INTEGER && to == SqlType.BOOLEAN) || (from == SqlType.BOOLEAN && to == SqlType.INTEGER);
    }

    /** The common type of two branches (CASE, COALESCE, IN), or {@code null} when they cannot be matched. */
    public static SqlType common(SqlType a, SqlType b) {
        if (a == SqlType.UNKNOWN) {
            return b;
        }
        if (b == SqlType.UNKNOWN || a == b) {
            return a;
        }
        if (a.isNumeric() && b.isNumeric()) {
            return comparisonType(a, b);
        }
        if (isString(a) && isString(b)) {
            return SqlType.TEXT;
        }
        if (isTimeOfDay(a) && isTimeOfDay(b)) {
            return SqlType.TIMETZ; // time converts to timetz implicitly, never the other way
        }
        if (isDateTime(a) && isDateTime(b)) {
            return a == SqlType.TIMESTAMPTZ || b == SqlType.TIMESTAMPTZ ? SqlType.TIMESTAMPTZ : SqlType.TIMESTAMP;
        }
        return null;
    }
}
