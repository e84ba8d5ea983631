package io.heliosdb.sql.analyze;

import io.heliosdb.api.SqlType;
import io.heliosdb.sql.analyze.BoundExpr.BuiltinCall;
import io.heliosdb.sql.types.TypeRules;
import java.util.ArrayList;
import java.util.List;

/** Argument and result types of the date/time, uuid and bytea functions run by {@code exec.TemporalFunctions}. */
final class TemporalSignatures {
    private static final SqlType T = SqlType.TEXT;

    private TemporalSignatures() {
    }

    static BoundExpr bind(ExpressionBinder binder, String name, List<BoundExpr> args) {
        int n = args.size();
        SqlType first = n > 0 ? args.get(0).type() : null;
        SqlType second = n > 1 ? args.get(1).type() : null;
        return switch (name) {
            case "now", "current_timestamp", "transaction_timestamp", "statement_timestamp", "clock_timestamp" ->
                    n == 0 ? new BuiltinCall(name.equals("clock_timestamp") || name.equals("statement_timestamp") ? name : "now",
                            List.of(), SqlType.TIMESTAMPTZ) : ZoneSignatures.bind(binder, name, args);
            case "localtimestamp" -> n == 0 ? new BuiltinCall(name, List.of(), SqlType.TIMESTAMP) : ZoneSignatures.bind(binder, name, args);
            case "gen_random_uuid" -> n == 0 ? new BuiltinCall(name, List.of(), SqlType.UUID) : null;
            case "date_part", "extract" -> n == 2 && textual(first) && temporal(second)
                    ? new BuiltinCall(name, List.of(binder.coerce(args.get(0), T), dateAsTimestamp(binder, args.get(1))),
                    name.equals("extract") ? SqlType.NUMERIC : SqlType.DOUBLE) : null;
            case "date_trunc" -> {
                if (n != 2 || !textual(first) || !temporal(second) || TypeRules.isTimeOfDay(second)) {
                    yield null;
                }
                BoundExpr value = second == SqlType.DATE || second == SqlType.UNKNOWN
                        ? binder.coerce(args.get(1), SqlType.TIMESTAMPTZ) : args.get(1);
                yield new BuiltinCall(name, List.of(binder.coerce(args.get(0), T), value), value.type());
            }
            case "to_char" -> n == 2 && temporal(first) && first != SqlType.UNKNOWN && first != SqlType.TIMETZ && textual(second)
                    ? new BuiltinCall(name, List.of(dateAsTimestamp(binder, args.get(0)), binder.coerce(args.get(1), T)), T) : null;
            case "age" -> {
                if (n < 1 || n > 2 || args.stream().anyMatch(a -> !TypeRules.isDateTime(a.type()) && a.type() != SqlType.UNKNOWN)) {
                    yield null;
                }
                SqlType common = args.stream().anyMatch(a -> a.type() == SqlType.TIMESTAMPTZ) ? SqlType.TIMESTAMPTZ : SqlType.TIMESTAMP;
                yield new BuiltinCall(name, args.stream().map(a -> binder.coerce(a, common)).toList(), SqlType.INTERVAL);
            }
            case "make_date" -> n == 3 ? typed(binder, name, args, SqlType.DATE, SqlType.INTEGER) : null;
            case "make_timestamp" -> n == 6 ? typed(binder, name, args, SqlType.TIMESTAMP, SqlType.INTEGER, SqlType.INTEGER,
                    SqlType.INTEGER, SqlType.INTEGER, SqlType.INTEGER, SqlType.DOUBLE) : null;
            case "to_timestamp" -> n == 1 && (first.isNumeric() || first == SqlType.UNKNOWN)
                    ? typed(binder, name, args, SqlType.TIMESTAMPTZ, SqlType.DOUBLE)
                    : n == 2 ? typed(binder, name, args, SqlType.TIMESTAMPTZ, T, T) : null;
            case "to_date" -> n == 2 ? typed(binder, name, args, SqlType.DATE, T, T) : null;
            case "encode" -> n == 2 && (first == SqlType.BYTEA || first == SqlType.UNKNOWN)
                    ? typed(binder, name, args, T, SqlType.BYTEA, T) : null;
            case "decode" -> n == 2 ? typed(binder, name, args, SqlType.BYTEA, T, T) : null;
            default -> ZoneSignatures.bind(binder, name, args);
        };
    }

    private static boolean textual(SqlType t) {
        return TypeRules.isString(t) || t == SqlType.UNKNOWN;
    }

    private static boolean temporal(SqlType t) {
        return TypeRules.isDateTime(t) || t == SqlType.TIME || t == SqlType.TIMETZ || t == SqlType.INTERVAL || t == SqlType.UNKNOWN;
    }

    /** Functions over timestamps take a date as the timestamp of its midnight (an untyped literal too). */
    private static BoundExpr dateAsTimestamp(ExpressionBinder binder, BoundExpr e) {
        return e.type() == SqlType.DATE || e.type() == SqlType.UNKNOWN ? binder.coerce(e, SqlType.TIMESTAMP) : e;
    }

    /** Fixed parameter types; the last one repeats for the remaining arguments. Null when one does not convert. */
    private static BoundExpr typed(ExpressionBinder binder, String name, List<BoundExpr> args, SqlType result, SqlType... params) {
        List<BoundExpr> converted = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            SqlType p = params[Math.min(i, params.length - 1)];
            BoundExpr a = args.get(i);
            boolean ok = a.type() == SqlType.UNKNOWN || a.type() == p || (p == T ? TypeRules.isString(a.type())
                    : TypeRules.implicitCast(a.type(), p));
            if (!ok) {
                return null;
            }
            converted.add(binder.coerce(a, p));
        }
        return new BuiltinCall(name, converted, result);
    }
}
