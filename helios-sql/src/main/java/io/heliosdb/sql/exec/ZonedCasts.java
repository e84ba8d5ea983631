package io.heliosdb.sql.exec;

import io.heliosdb.api.SqlType;
import io.heliosdb.api.TemporalText;
import io.heliosdb.sql.analyze.BoundExpr.Cast;
import io.heliosdb.sql.types.Casts;
import io.heliosdb.sql.types.TemporalCasts;
import io.heliosdb.sql.types.TemporalPrecision;
import io.heliosdb.sql.types.TypeRules;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Casts to and from timestamptz, which read or show the instant in the session's time zone. */
final class ZonedCasts {

    private ZonedCasts() {
    }

    static Evaluator compile(Cast c, Evaluator operand) {
        SqlType from = c.operand().type();
        SqlType to = c.type();
        int typmod = c.typmod();
        boolean explicit = c.explicit();
        Evaluator cast = uncut(from, to, typmod, explicit, operand);
        if (TemporalPrecision.precision(to, typmod) < 0) {
            return cast;
        }
        // timestamptz(p), timetz(p): the value read in the session zone, then rounded to p digits
        return (row, rt) -> TemporalPrecision.round(cast.evaluate(row, rt), to, typmod);
    }

    private static Evaluator uncut(SqlType from, SqlType to, int typmod, boolean explicit, Evaluator operand) {
        return (row, rt) -> {
            Object v = operand.evaluate(row, rt);
            if (v == null) {
                return null;
            }
            ZoneId zone = SessionZone.of(rt);
            if (to == SqlType.TIMESTAMPTZ && (from == SqlType.UNKNOWN || TypeRules.isString(from))) {
                return TemporalText.parseTimestampTz(v.toString(), zone);
            }
            if (to == SqlType.TIMETZ && (from == SqlType.UNKNOWN || TypeRules.isString(from))) {
                return io.heliosdb.api.TimeTzText.parse(v.toString(), zone);
            }
            if (from == SqlType.TIMESTAMPTZ && TypeRules.isString(to)) {
                String text = SqlType.TIMESTAMPTZ.format(((OffsetDateTime) v).atZoneSameInstant(zone).toOffsetDateTime());
                return Casts.convert(text, SqlType.TEXT, to, typmod, explicit);
            }
            return TemporalCasts.converter(from, to, zone).apply(v);
        };
    }
}
