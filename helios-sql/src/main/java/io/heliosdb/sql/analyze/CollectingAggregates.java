package io.heliosdb.sql.analyze;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.analyze.BoundExpr.AggregateCall;
import io.heliosdb.sql.analyze.BoundExpr.AggregateKind;
import java.util.List;

/**
 * array_agg, json_agg, jsonb_agg and json[b]_object_agg: aggregates that keep every row's value, NULLs included.
 * The object aggregates carry their value argument in the call's {@code separator} slot.
 */
final class CollectingAggregates {

    private CollectingAggregates() {
    }

    static AggregateCall bind(ExpressionBinder binder, String name, List<BoundExpr> args, boolean distinct) {
        AggregateKind kind = switch (name) {
            case "array_agg" -> AggregateKind.ARRAY_AGG;
            case "json_agg" -> AggregateKind.JSON_AGG;
            case "jsonb_agg" -> AggregateKind.JSONB_AGG;
            case "json_object_agg" -> AggregateKind.JSON_OBJECT_AGG;
            case "jsonb_object_agg" -> AggregateKind.JSONB_OBJECT_AGG;
            default -> null;
        };
        if (kind == null) {
            return null;
        }
        boolean object = kind == AggregateKind.JSON_OBJECT_AGG || kind == AggregateKind.JSONB_OBJECT_AGG;
        if (args.size() != (object ? 2 : 1)) {
            throw new HeliosException(SqlState.UNDEFINED_FUNCTION, "function " + name + " with " + args.size()
                    + " arguments does not exist");
        }
        List<BoundExpr> typed = args.stream().map(a -> a.type() == SqlType.UNKNOWN ? binder.coerce(a, SqlType.TEXT) : a).toList();
        SqlType result = switch (kind) {
            case ARRAY_AGG -> {
                SqlType array = typed.get(0).type().isArray() ? null : typed.get(0).type().arrayType();
                if (array == null) {
                    throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "array_agg of " + typed.get(0).type().sqlName()
                            + " is not supported");
                }
                yield array;
            }
            case JSON_AGG, JSON_OBJECT_AGG -> SqlType.JSON;
            default -> SqlType.JSONB;
        };
        return new AggregateCall(kind, typed.get(0), distinct, result, object ? typed.get(1) : null, List.of(), null);
    }
}
