package io.heliosdb.sql.analyze;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.analyze.BoundExpr.BuiltinCall;
import io.heliosdb.sql.analyze.BoundExpr.Const;
import io.heliosdb.sql.types.TypeRules;
import java.util.List;

/**
 * Types of the time-zone functions run by {@code exec.ZoneFunctions}: {@code AT TIME ZONE} (bound as
 * timezone(zone, value)), current_time/localtime and the precision forms of the niladic datetime functions,
 * and the justify_* interval functions.
 */
final class ZoneSignatures {

    private ZoneSignatures() {
    }

    static BoundExpr bind(ExpressionBinder binder, String name, List<BoundExpr> args) {
        int n = args.size();
        return switch (name) {
            case "timezone" -> n == 2 ? timezone(binder, args) : null;
            case "current_time" -> n <= 1 ? new BuiltinCall("current_time", precision(args), SqlType.TIMETZ) : null;
            case "localtime" -> n <= 1 ? new BuiltinCall("localtime", precision(args), SqlType.TIME) : null;
            case "current_timestamp", "localtimestamp" -> n == 1 ? new BuiltinCall(name + "(p)", precision(args),
                    name.equals("localtimestamp") ? SqlType.TIMESTAMP : SqlType.TIMESTAMPTZ) : null;
            case "justify_days", "justify_hours", "justify_interval" -> n == 1
                    && (args.get(0).type() == SqlType.INTERVAL || args.get(0).type() == SqlType.UNKNOWN)
                    ? new BuiltinCall(name, List.of(binder.coerce(args.get(0), SqlType.INTERVAL)), SqlType.INTERVAL) : null;
            default -> null;
        };
    }

    /** timestamp → timestamptz read in the zone; timestamptz (and a date or literal, as timestamptz) → its wall clock there. */
    private static BoundExpr timezone(ExpressionBinder binder, List<BoundExpr> args) {
        BoundExpr zone = args.get(0);
        BoundExpr value = args.get(1);
        if (zone.type() != SqlType.INTERVAL) {
            if (!TypeRules.isString(zone.type()) && zone.type() != SqlType.UNKNOWN) {
                return null;
            }
            zone = binder.coerce(zone, SqlType.TEXT);
        }
        SqlType t = value.type();
        if (t == SqlType.TIME || t == SqlType.TIMETZ) {
            // time is read as timetz (in the session zone) first; the zone's offset is the one it has now.
            return new BuiltinCall("timezone", List.of(zone, binder.coerce(value, SqlType.TIMETZ)), SqlType.TIMETZ);
        }
        if (t == SqlType.TIMESTAMP) {
            return new BuiltinCall("timezone", List.of(zone, value), SqlType.TIMESTAMPTZ);
        }
        if (t == SqlType.TIMESTAMPTZ || t == SqlType.DATE || t == SqlType.UNKNOWN) {
            return new BuiltinCall("timezone", List.of(zone, binder.coerce(value, SqlType.TIMESTAMPTZ)), SqlType.TIMESTAMP);
        }
        return null;
    }

    /** The fractional-second digits kept: 6 unless given; PostgreSQL lowers a larger precision to 6. */
    private static List<BoundExpr> precision(List<BoundExpr> args) {
        if (args.isEmpty()) {
            return List.of(new Const(6, SqlType.INTEGER));
        }
        if (!(args.get(0) instanceof Const c) || !(c.value() instanceof Integer p)) {
            throw new HeliosException(SqlState.SYNTAX_ERROR, "syntax error: the precision must be an integer literal");
        }
        if (p < 0) {
            throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE, "TIMESTAMP(" + p + ") precision must not be negative");
        }
        return List.of(new Const(Math.min(p, 6), SqlType.INTEGER));
    }
}
