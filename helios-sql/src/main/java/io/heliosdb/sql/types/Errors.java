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

    public static HeliosException divisionByZero() {
        return new HeliosException(SqlState.DIVISION_BY_ZERO, "division by zero");
    }

    public static HeliosException floatOverflow() {
        return new HeliosException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
    }
}
