package io.heliosdb.sql;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlType;
import io.heliosdb.api.TemporalText;
import io.heliosdb.api.TimeTzText;
import io.heliosdb.sql.types.Casts;
import java.time.ZoneId;
import java.util.function.Supplier;

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
     * anything else is left for the statement's execution to report, as before. timestamptz and timetz read a
     * zone-less text in the session's time zone ({@code sessionZone}, asked only for them), as PostgreSQL's Bind
     * does: read once here instead of checked here and read again when the statement runs.
     */
    public static Object read(SqlType type, String text, Supplier<ZoneId> sessionZone) {
        if (type == null || type.isText() || type == SqlType.CHAR || type == SqlType.RECORD) {
            return text;   // every text is a value of these (no length modifier on a parameter)
        }
        boolean zoned = type == SqlType.TIMESTAMPTZ || type == SqlType.TIMETZ;
        Object value;
        try {
            value = !zoned ? Casts.parameter(text, type) : type == SqlType.TIMETZ
                    ? TimeTzText.parse(text, sessionZone.get()) : TemporalText.parseTimestampTz(text, sessionZone.get());
        } catch (HeliosException e) {
            if (e.sqlState().code().startsWith("22")) {
                throw e;
            }
            return text;
        } catch (RuntimeException e) {
            return text;   // left for the execution to report as it did
        }
        return Casts.typeOfValue(value) == type ? value : text;
    }
}
