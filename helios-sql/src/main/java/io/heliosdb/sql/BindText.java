package io.heliosdb.sql;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.types.Casts;

/**
 * A parameter's text value read as its type when it is bound, as PostgreSQL's Bind runs the type's input function:
 * a value the type refuses fails there ({@code 22P02}, {@code 22003}, ...), before anything runs.
 */
public final class BindText {

    private BindText() {
    }

    /**
     * {@code text} as a value of {@code type} when executing the statement takes that value unchanged, else
     * {@code text} itself after checking that it reads as {@code type}. Only data errors (class 22) are raised here;
     * anything else is left for the statement's execution to report, as before.
     */
    public static Object read(SqlType type, String text) {
        if (type == null || type.isText() || type == SqlType.CHAR || type == SqlType.RECORD) {
            return text;   // every text is a value of these (no length modifier on a parameter)
        }
        Object value;
        try {
            value = Casts.parameter(text, type);
        } catch (HeliosException e) {
            if (e.sqlState().code().startsWith("22")) {
                throw e;
            }
            return text;
        }
        // timestamptz and timetz read a zone-less text in the session's TimeZone when they run: they keep the text.
        boolean zoned = type == SqlType.TIMESTAMPTZ || type == SqlType.TIMETZ;
        return !zoned && Casts.typeOfValue(value) == type ? value : text;
    }
}
