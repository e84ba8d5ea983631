package io.heliosdb.sql.analyze;

import io.heliosdb.api.SqlType;
import io.heliosdb.sql.analyze.BoundExpr.BuiltinCall;
import io.heliosdb.sql.types.TypeRules;
import java.util.ArrayList;
import java.util.List;

/**
 * Types of the multi-dimensional array forms run by {@code exec.ArrayDimensions}: {@code ARRAY[[1,2],[3,4]]}
 * (a constructor over arrays adds a dimension and keeps the array type), {@code a[i][j]} (one subscript call
 * with several indexes), slices {@code a[l:u][l:u]}, array_dims and array_ndims.
 */
final class MultiDimArrays {

    private MultiDimArrays() {
    }

    /** The bound call, or null when {@code name} with these arguments is not one of these forms. */
    static BoundExpr bind(ExpressionBinder binder, String name, List<BoundExpr> args) {
        int n = args.size();
        SqlType first = n > 0 ? args.get(0).type() : null;
        return switch (name) {
            case "array[]" -> n > 0 && args.stream().anyMatch(a -> a.type().isArray()) ? nested(binder, args) : null;
            case "[]" -> n > 2 && first.isArray() ? subscripts(binder, args) : null;
            case "[:]" -> n >= 3 && n % 2 == 1 && first.isArray() ? slice(binder, args) : null;
            case "array_dims" -> n == 1 && first.isArray() ? new BuiltinCall(name, args, SqlType.TEXT) : null;
            case "array_ndims" -> n == 1 && first.isArray() ? new BuiltinCall(name, args, SqlType.INTEGER) : null;
            default -> null;
        };
    }

    private static BoundExpr nested(ExpressionBinder binder, List<BoundExpr> args) {
        SqlType element = SqlType.UNKNOWN;
        for (BoundExpr a : args) {
            SqlType t = a.type().isArray() ? a.type().elementType() : a.type();
            if (t != SqlType.UNKNOWN && !a.type().isArray()) {
                // A scalar beside sub-arrays: PostgreSQL finds no common type for them either.
                return null;
            }
            element = TypeRules.common(element, t);
            if (element == null) {
                return null;
            }
        }
        SqlType array = (element == SqlType.UNKNOWN ? SqlType.TEXT : element).arrayType();
        if (array == null) {
            return null;
        }
        return new BuiltinCall("array[][]", args.stream().map(a -> binder.coerce(a, array)).toList(), array);
    }

    /** {@code a[l:u]...}: an array of the same type (bounds are integers). */
    private static BoundExpr slice(ExpressionBinder binder, List<BoundExpr> args) {
        BoundExpr subscripts = subscripts(binder, args);
        return subscripts == null ? null
                : new BuiltinCall("[:]", ((BuiltinCall) subscripts).args(), args.get(0).type());
    }

    private static BoundExpr subscripts(ExpressionBinder binder, List<BoundExpr> args) {
        List<BoundExpr> out = new ArrayList<>(List.of(args.get(0)));
        for (BoundExpr index : args.subList(1, args.size())) {
            out.add(ArraySubscripts.index(binder, index));
        }
        return new BuiltinCall("[]", out, args.get(0).type().elementType());
    }
}
