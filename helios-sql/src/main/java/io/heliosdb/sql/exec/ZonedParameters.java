package io.heliosdb.sql.exec;

import io.heliosdb.api.SqlType;
import io.heliosdb.api.TemporalText;
import io.heliosdb.api.TimeTzText;
import io.heliosdb.sql.ExecutionContext;
import java.util.List;

/**
 * Parameters sent as text (a wire Bind in text format, a COPY FROM field) for timestamptz and timetz: PostgreSQL
 * reads a value without a zone in the session's TimeZone, so these cannot go through the zone-less
 * {@link io.heliosdb.sql.types.Casts#parameter}, which reads it as UTC.
 */
final class ZonedParameters {

    private ZonedParameters() {
    }

    /** Whether any parameter has a type whose text input depends on the session's time zone. */
    static boolean any(List<SqlType> types) {
        for (SqlType t : types) {
            if (t == SqlType.TIMESTAMPTZ || t == SqlType.TIMETZ) {
                return true;
            }
        }
        return false;
    }

    /** {@code coerced} with the text values of timestamptz/timetz parameters read again in the session zone. */
    static Object[] reread(List<SqlType> types, Object[] given, Object[] coerced, ExecutionContext context) {
        java.time.ZoneId zone = null;
        for (int i = 0; i < coerced.length; i++) {
            SqlType t = types.get(i);
            if (given[i] instanceof String text && (t == SqlType.TIMESTAMPTZ || t == SqlType.TIMETZ)) {
                if (zone == null) {
                    zone = SessionZone.of(context);
                }
                coerced[i] = t == SqlType.TIMETZ ? TimeTzText.parse(text, zone) : TemporalText.parseTimestampTz(text, zone);
            }
        }
        return coerced;
    }
}
