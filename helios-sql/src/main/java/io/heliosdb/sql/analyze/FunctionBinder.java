package io.heliosdb.sql.analyze;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.analyze.BoundExpr.*;
import io.heliosdb.sql.ast.Expr;
import io.heliosdb.sql.types.TypeRules;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Resolves function calls: the aggregates and a few scalar functions, with PostgreSQL's result types. */
final class FunctionBinder {
    private static final String HINT =
            "No function matches the given name and argument types. You might need to add explicit type casts.";

    private FunctionBinder() {
    }

    static BoundExpr bind(ExpressionBinder binder, Expr.FunctionCall f) {
        if (f.over() != null) {
            return WindowBinder.bind(binder, f);
        }
        if (WindowBinder.isWindowOnly(f.name())) {
            throw new HeliosException(SqlState.WRONG_OBJECT_TYPE, "window function " + f.name()
                    + " requires an OVER clause", null, null, f.position() + 1, null);
        }
        if (ExpandArrayCalls.isFieldSelect(f)) {
            return ExpandArrayCalls.bindField(binder, f);
        }
        if (CompositeFields.isRowConstructor(f)) {
            return RowValues.value(binder, f);
        }
        if (f.name().equals(GroupingFunction.NAME)) {
            return GroupingFunction.bind(binder, f);
        }
        if (isAggregate(f.name())) {
            ExpressionBinder argBinder = binder.forAggregateArgument();
            AggregateCall call = aggregate(binder, argBinder, f);
            List<SortSpec> order = new ArrayList<>();
            for (io.heliosdb.sql.ast.Select.OrderItem o : f.orderBy()) {
                boolean nullsFirst = o.nullsFirst() != null ? o.nullsFirst() : o.descending();
                order.add(new SortSpec(argBinder.bind(o.expr()), o.descending(), nullsFirst));
            }
            if (call.distinct() && order.stream().anyMatch(o -> !o.expr().equals(call.argument()))) {
                throw new HeliosException(SqlState.INVALID_COLUMN_REFERENCE,
                        "in an aggregate with DISTINCT, ORDER BY expressions must appear in argument list");
            }
            BoundExpr filter = f.filter() == null ? null : argBinder.bindCondition(f.filter(), "FILTER");
            return new AggregateCall(call.kind(), call.argument(), call.distinct(), call.type(), call.separator(),
                    order, filter);
        }
        if (!f.orderBy().isEmpty() || f.filter() != null) {
            throw new HeliosException(SqlState.WRONG_OBJECT_TYPE, (f.filter() != null ? "FILTER" : "ORDER BY")
                    + " specified, but " + f.name() + " is not an aggregate function", null, null, f.position() + 1, null);
        }
        return scalar(binder, f);
    }

    static boolean isAggregate(String name) {
        return switch (name) {
            case "count", "sum", "avg", "min", "max", "bool_and", "bool_or", "every", "string_agg",
                 "array_agg", "json_agg", "jsonb_agg", "json_object_agg", "jsonb_object_agg" -> true;
            default -> false;
        };
    }

    /** An aggregate call whose arguments {@code argBinder} binds (the window binder lets them hold aggregates). */
    static AggregateCall aggregate(ExpressionBinder binder, ExpressionBinder argBinder, Expr.FunctionCall f) {
        int position = f.position() + 1;
        if (f.star()) {
            if (!f.name().equals("count")) {
                throw new HeliosException(SqlState.WRONG_OBJECT_TYPE,
                        f.name() + "(*) specified, but " + f.name() + " is not an aggregate function", null, null, position, null);
            }
            return new AggregateCall(AggregateKind.COUNT_STAR, null, false, SqlType.BIGINT);
        }
        List<BoundExpr> args = f.args().stream().map(argBinder::bind).toList();
        if (f.name().equals("string_agg")) {
            if (args.size() != 2 || !textual(args.get(0)) || !textual(args.get(1))) {
                throw undefined(f, args, position);
            }
            return new AggregateCall(AggregateKind.STRING_AGG, binder.coerce(args.get(0), SqlType.TEXT), f.distinct(),
                    SqlType.TEXT, binder.coerce(args.get(1), SqlType.TEXT), List.of(), null);
        }
        AggregateCall collecting = CollectingAggregates.bind(binder, f.name(), args, f.distinct());
        if (collecting != null) {
            return collecting;
        }
        if (args.size() != 1) {
            throw undefined(f, args, position);
        }
        BoundExpr arg = args.get(0);
        SqlType t = arg.type();
        if (t == SqlType.UNKNOWN && !f.name().equals("sum") && !f.name().equals("avg")) {
            arg = binder.coerce(arg, SqlType.TEXT);
            t = SqlType.TEXT;
        }
        switch (f.name()) {
            case "count":
                return new AggregateCall(AggregateKind.COUNT, arg, f.distinct(), SqlType.BIGINT);
            case "bool_and", "every", "bool_or": {
                if (args.get(0).type() != SqlType.BOOLEAN && args.get(0).type() != SqlType.UNKNOWN) {
                    throw undefined(f, args, position);
                }
                AggregateKind kind = f.name().equals("bool_or") ? AggregateKind.BOOL_OR : AggregateKind.BOOL_AND;
                return new AggregateCall(kind, binder.coerce(args.get(0), SqlType.BOOLEAN), f.distinct(), SqlType.BOOLEAN);
            }
            case "sum": {
                SqlType result = switch (t) {
                    case SMALLINT, INTEGER -> SqlType.BIGINT;
                    case BIGINT, NUMERIC -> SqlType.NUMERIC;
                    case REAL -> SqlType.REAL;
                    case DOUBLE -> SqlType.DOUBLE;
                    default -> throw undefined(f, args, position);
                };
                return new AggregateCall(AggregateKind.SUM, arg, f.distinct(), result);
            }
            case "avg": {
                SqlType result = switch (t) {
                    case SMALLINT, INTEGER, BIGINT, NUMERIC -> SqlType.NUMERIC;
                    case REAL, DOUBLE -> SqlType.DOUBLE;
                    default -> throw undefined(f, args, position);
                };
                return new AggregateCall(AggregateKind.AVG, arg, f.distinct(), result);
            }
            default: {
                if (t == SqlType.BOOLEAN || t == SqlType.JSON || t == SqlType.JSONB) {
                    // PostgreSQL has no min/max over booleans or either JSON type.
                    throw undefined(f, args, position);
                }
                if (t == SqlType.VARCHAR) {
                    arg = new Cast(arg, SqlType.TEXT, -1, false);
                    t = SqlType.TEXT;
                }
                AggregateKind kind = f.name().equals("min") ? AggregateKind.MIN : AggregateKind.MAX;
                return new AggregateCall(kind, arg, f.distinct(), t);
            }
        }
    }

    private static BoundExpr scalar(ExpressionBinder binder, Expr.FunctionCall f) {
        int position = f.position() + 1;
        if (f.star() || f.distinct()) {
            throw new HeliosException(SqlState.WRONG_OBJECT_TYPE, (f.star() ? f.name() + "(*)" : "DISTINCT")
                    + " specified, but " + f.name() + " is not an aggregate function", null, null, position, null);
        }
        List<BoundExpr> args = new ArrayList<>(f.args().stream().map(binder::bind).toList());
        switch (f.name()) {
            case "lower", "upper", "length", "char_length", "character_length" -> {
                if (f.name().equals("length") && args.size() == 1 && args.get(0).type() == SqlType.BYTEA) {
                    return new BoundExpr.BuiltinCall("bytea_length", args, SqlType.INTEGER);
                }
                if (args.size() != 1 || !(TypeRules.isString(args.get(0).type()) || args.get(0).type() == SqlType.UNKNOWN)) {
                    throw undefined(f, args, position);
                }
                BoundExpr arg = binder.coerce(args.get(0), SqlType.TEXT);
                return switch (f.name()) {
                    case "lower" -> new ScalarCall(ScalarFunction.LOWER, List.of(arg), SqlType.TEXT);
                    case "upper" -> new ScalarCall(ScalarFunction.UPPER, List.of(arg), SqlType.TEXT);
                    default -> new ScalarCall(ScalarFunction.LENGTH, List.of(arg), SqlType.INTEGER);
                };
            }
            case "pg_typeof" -> {
                if (args.size() != 1) {
                    throw undefined(f, args, position);
                }
                // regtype is not a HeliosDB type; its text form is what clients read.
                return new BoundExpr.Const(CompositeTypes.isComposite(args.get(0))
                        ? CompositeTypes.displayName(CompositeTypes.definition(args.get(0).typmod()))
                        : args.get(0).type().sqlName(), SqlType.TEXT);
            }
            case "abs" -> {
                if (args.size() != 1 || !args.get(0).type().isNumeric()) {
                    throw undefined(f, args, position);
                }
                return new ScalarCall(ScalarFunction.ABS, args, args.get(0).type());
            }
            case "round" -> {
                if (args.isEmpty() || args.size() > 2 || !args.get(0).type().isNumeric()) {
                    throw undefined(f, args, position);
                }
                if (args.size() == 1 && TypeRules.isFloat(args.get(0).type())) {
                    return new ScalarCall(ScalarFunction.ROUND, List.of(binder.coerce(args.get(0), SqlType.DOUBLE)),
                            SqlType.DOUBLE);
                }
                if (args.size() == 2 && !(args.get(1).type().isInteger() && args.get(1).type() != SqlType.BIGINT
                        || args.get(1).type() == SqlType.UNKNOWN) || TypeRules.isFloat(args.get(0).type()) && args.size() == 2) {
                    throw undefined(f, args, position);
                }
                List<BoundExpr> converted = new ArrayList<>();
                converted.add(binder.coerce(args.get(0), SqlType.NUMERIC));
                if (args.size() == 2) {
                    converted.add(binder.coerce(args.get(1), SqlType.INTEGER));
                }
                return new ScalarCall(ScalarFunction.ROUND, converted, SqlType.NUMERIC);
            }
            case "current_date" -> {
                if (!args.isEmpty()) {
                    throw undefined(f, args, position);
                }
                return f.name().equals("current_date") ? new ScalarCall(ScalarFunction.CURRENT_DATE, List.of(), SqlType.DATE)
                        : new ScalarCall(ScalarFunction.NOW, List.of(), SqlType.TIMESTAMP);
            }
            case "coalesce" -> {
                if (args.isEmpty()) {
                    throw undefined(f, args, position);
                }
                SqlType type = ExpressionBinder.commonType(args, "COALESCE");
                return new ScalarCall(ScalarFunction.COALESCE, args.stream().map(a -> binder.coerce(a, type)).toList(), type);
            }
            case "nullif" -> {
                if (args.size() != 2) {
                    throw undefined(f, args, position);
                }
                BoundExpr equal = binder.compare(CompareOp.EQ, args.get(0), args.get(1), position);
                BoundExpr first = ((Comparison) equal).left();
                return new ScalarCall(ScalarFunction.NULLIF, List.of(first, ((Comparison) equal).right()),
                        first.type() == SqlType.UNKNOWN ? SqlType.TEXT : first.type());
            }
            default -> {
                BoundExpr builtin = BuiltinSignatures.bind(binder, f.name(), args);
                if (builtin == null) {
                    throw undefined(f, args, position);
                }
                return builtin;
            }
        }
    }

    private static boolean textual(BoundExpr e) {
        return TypeRules.isString(e.type()) || e.type() == SqlType.UNKNOWN;
    }

    static HeliosException undefined(Expr.FunctionCall f, List<BoundExpr> args, int position) {
        String types = args.stream().map(a -> a.type().sqlName()).collect(Collectors.joining(", "));
        return new HeliosException(SqlState.UNDEFINED_FUNCTION, "function " + f.name() + "(" + types + ") does not exist",
                null, HINT, position, null);
    }
}
