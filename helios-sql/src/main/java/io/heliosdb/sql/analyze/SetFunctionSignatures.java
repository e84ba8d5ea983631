package io.heliosdb.sql.analyze;

import io.heliosdb.api.Column;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.plan.LogicalPlan;
import java.util.List;
import java.util.Set;

/**
 * The set-returning functions: which names they are, what arguments they take and the columns of their
 * rows. A column named {@code null} takes its name from the FROM alias or else the function's name, as
 * for PostgreSQL's functions without OUT parameters; the others (jsonb_each's key and value) are fixed.
 */
final class SetFunctionSignatures {
    private static final Set<String> NAMES = Set.of("generate_series", "unnest", "regexp_split_to_table", "regexp_matches",
            "jsonb_array_elements", "jsonb_array_elements_text", "json_array_elements", "json_array_elements_text",
            "jsonb_each", "jsonb_each_text", "json_each", "json_each_text", "jsonb_object_keys", "json_object_keys");

    /** The function with its arguments cast to the types it takes, and its row's columns. */
    record Bound(LogicalPlan.SetFunction function, List<Column> columns) {
    }

    private SetFunctionSignatures() {
    }

    static boolean isSetFunction(String name) {
        return NAMES.contains(name);
    }

    static Bound bind(String name, List<BoundExpr> args, ExpressionBinder binder, int position) {
        if (!NAMES.contains(name)) {
            throw undefined(name, args, position);
        }
        if (name.equals("generate_series")) {
            return series(args, binder, position);
        }
        if (name.equals("unnest")) {
            if (args.size() != 1) {
                throw undefined(name, args, position);
            }
            SqlType type = args.get(0).type();
            if (type == SqlType.UNKNOWN) {
                throw new HeliosException(SqlState.AMBIGUOUS_FUNCTION, "function unnest(unknown) is not unique",
                        null, null, position + 1, null);
            }
            if (!type.isArray()) {
                throw undefined(name, args, position);
            }
            return bound(name, args, new Column(null, type.elementType()));
        }
        if (name.equals("regexp_matches")) {
            if (args.size() < 2 || args.size() > 3 || args.stream().anyMatch(a -> !castsToText(a.type()))) {
                throw undefined(name, args, position);
            }
            return bound(name, args.stream().map(a -> binder.cast(a, SqlType.TEXT, -1)).toList(),
                    new Column(null, SqlType.TEXT_ARRAY));
        }
        if (name.equals("regexp_split_to_table")) {
            if (args.size() < 2 || args.size() > 3 || args.stream().anyMatch(a -> !castsToText(a.type()))) {
                throw undefined(name, args, position);
            }
            return bound(name, args.stream().map(a -> binder.cast(a, SqlType.TEXT, -1)).toList(),
                    new Column(null, SqlType.TEXT));
        }
        SqlType json = name.startsWith("jsonb_") ? SqlType.JSONB : SqlType.JSON;
        if (args.size() != 1 || args.get(0).type() != json && args.get(0).type() != SqlType.UNKNOWN) {
            throw undefined(name, args, position);
        }
        List<BoundExpr> typed = List.of(binder.cast(args.get(0), json, -1));
        String kind = name.substring(name.indexOf('_') + 1);
        return switch (kind) {
            case "array_elements" -> bound(name, typed, new Column("value", json));
            case "array_elements_text" -> bound(name, typed, new Column("value", SqlType.TEXT));
            case "each" -> bound(name, typed, new Column("key", SqlType.TEXT), new Column("value", json));
            case "each_text" -> bound(name, typed, new Column("key", SqlType.TEXT), new Column("value", SqlType.TEXT));
            default -> bound(name, typed, new Column(null, SqlType.TEXT));
        };
    }

    private static boolean castsToText(SqlType type) {
        return type.isText() || type == SqlType.CHAR;
    }

    private static Bound bound(String name, List<BoundExpr> args, Column... columns) {
        return new Bound(new LogicalPlan.SetFunction(name, args, columns.length), List.of(columns));
    }

    /**
     * generate_series over integers, bigints and numerics (the widest argument's type), or over timestamps
     * with an interval step: timestamp when both ends are, else timestamptz (a date is read as one).
     */
    private static Bound series(List<BoundExpr> args, ExpressionBinder binder, int position) {
        if (args.size() < 2 || args.size() > 3) {
            throw undefined("generate_series", args, position);
        }
        if (args.stream().anyMatch(a -> isTemporal(a.type()) || a.type() == SqlType.INTERVAL)) {
            return timestampSeries(args, binder, position);
        }
        SqlType type = SqlType.INTEGER;
        for (BoundExpr a : args) {
            if (a.type() == SqlType.NUMERIC || a.type() == SqlType.REAL || a.type() == SqlType.DOUBLE) {
                type = SqlType.NUMERIC;
            } else if (a.type() == SqlType.BIGINT && type == SqlType.INTEGER) {
                type = SqlType.BIGINT;
            } else if (!a.type().isInteger() && a.type() != SqlType.UNKNOWN) {
                throw undefined("generate_series", args, position);
            }
        }
        SqlType resultType = type;
        return bound("generate_series", args.stream().map(a -> binder.cast(a, resultType, -1)).toList(),
                new Column(null, resultType));
    }

    private static Bound timestampSeries(List<BoundExpr> args, ExpressionBinder binder, int position) {
        if (args.size() != 3 || args.get(2).type() != SqlType.INTERVAL && args.get(2).type() != SqlType.UNKNOWN) {
            throw undefined("generate_series", args, position);
        }
        SqlType type = SqlType.TIMESTAMP;
        for (BoundExpr a : args.subList(0, 2)) {
            if (a.type() == SqlType.TIMESTAMPTZ || a.type() == SqlType.DATE
                    || a.type() == SqlType.UNKNOWN && args.get(0).type() == args.get(1).type()) {
                type = SqlType.TIMESTAMPTZ;
            } else if (a.type() != SqlType.TIMESTAMP && a.type() != SqlType.UNKNOWN) {
                throw undefined("generate_series", args, position);
            }
        }
        SqlType resultType = type;
        return bound("generate_series", List.of(binder.cast(args.get(0), resultType, -1),
                binder.cast(args.get(1), resultType, -1), binder.cast(args.get(2), SqlType.INTERVAL, -1)),
                new Column(null, resultType));
    }

    private static boolean isTemporal(SqlType type) {
        return type == SqlType.TIMESTAMP || type == SqlType.TIMESTAMPTZ || type == SqlType.DATE;
    }

    private static HeliosException undefined(String name, List<BoundExpr> args, int position) {
        return new HeliosException(SqlState.UNDEFINED_FUNCTION, "function " + name + "("
                + String.join(", ", args.stream().map(a -> a.type().sqlName()).toList()) + ") does not exist",
                null, null, position + 1, null);
    }
}
