package io.heliosdb.sql.analyze;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.analyze.BoundExpr.BuiltinCall;
import java.util.ArrayList;
import java.util.List;

/**
 * Subscripts as PostgreSQL types them: an array subscript or slice bound is converted to integer as an
 * assignment would be (numeric and floating-point values round, bigint must fit), anything else is 42804;
 * jsonb subscripts {@code j['k'][0]} follow a path as {@code #>} does (an integer reads an array element, a text
 * key an object field or, when it is a number, an array element); other types cannot be subscripted (42804).
 */
final class ArraySubscripts {

    private ArraySubscripts() {
    }

    /** An array subscript or slice bound as an integer expression. */
    static BoundExpr index(ExpressionBinder binder, BoundExpr e) {
        SqlType t = e.type();
        if (t == SqlType.INTEGER || t == SqlType.UNKNOWN || t == SqlType.SMALLINT) {
            return binder.coerce(e, SqlType.INTEGER);
        }
        if (t == SqlType.BIGINT || t == SqlType.NUMERIC || t == SqlType.REAL || t == SqlType.DOUBLE) {
            return new BoundExpr.Cast(e, SqlType.INTEGER, -1, false);
        }
        throw new HeliosException(SqlState.DATATYPE_MISMATCH, "array subscript must have type integer");
    }

    /** {@code v[...]} (name {@code "[]"}) or {@code v[l:u]...} (name {@code "[:]"}) of a value that is not an array. */
    static BoundExpr ofNonArray(ExpressionBinder binder, String name, List<BoundExpr> args) {
        BoundExpr value = args.get(0);
        if (value.type() != SqlType.JSONB) {
            throw new HeliosException(SqlState.DATATYPE_MISMATCH, "cannot subscript type " + value.type().sqlName()
                    + " because it does not support subscripting");
        }
        if (name.equals("[:]")) {
            throw new HeliosException(SqlState.DATATYPE_MISMATCH, "jsonb subscript does not support slices");
        }
        List<BoundExpr> path = new ArrayList<>();
        for (BoundExpr subscript : args.subList(1, args.size())) {
            path.add(jsonbStep(binder, subscript));
        }
        BoundExpr steps = new BuiltinCall("array[]", path, SqlType.TEXT_ARRAY);
        return new BuiltinCall("#>", List.of(value, steps), SqlType.JSONB);
    }

    /** One jsonb subscript as a path step: integers (int4, int2) and text only, as PostgreSQL's implicit casts allow. */
    private static BoundExpr jsonbStep(ExpressionBinder binder, BoundExpr e) {
        SqlType t = e.type();
        if (t == SqlType.INTEGER || t == SqlType.SMALLINT) {
            return new BoundExpr.Cast(e, SqlType.TEXT, -1, true);
        }
        if (t == SqlType.UNKNOWN || io.heliosdb.sql.types.TypeRules.isString(t)) {
            return binder.coerce(e, SqlType.TEXT);
        }
        throw new HeliosException(SqlState.DATATYPE_MISMATCH, "subscript type " + t.sqlName() + " is not supported", null,
                "jsonb subscript must be coercible to either integer or text.", -1, null);
    }
}
