package io.heliosdb.sql.types;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;

/** The run-time errors of value operations, worded as PostgreSQL words them. */
public final class Errors {

    private Errors() {
    }

    public static HeliosException outOfRange(String typeName) {
        return new HeliosException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, typeName + " out of range");
    }

    /** 42P16: a table or view column of type record, which PostgreSQL refuses. */
    public static HeliosException pseudoType(String column) {
        return new HeliosException(SqlState.INVALID_TABLE_DEFINITION, "column \"" + column + "\" has pseudo-type record");
    }

    public static HeliosException divisionByZero() {
        return new HeliosException(SqlState.DIVISION_BY_ZERO, "division by zero");
    }

    public static HeliosException floatOverflow() {
        return new HeliosException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
    }
}
