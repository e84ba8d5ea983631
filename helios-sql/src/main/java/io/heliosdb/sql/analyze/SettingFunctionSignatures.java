package io.heliosdb.sql.analyze;

import io.heliosdb.api.SqlType;
import io.heliosdb.sql.analyze.BoundExpr.BuiltinCall;
import io.heliosdb.sql.types.TypeRules;
import java.util.ArrayList;
import java.util.List;

/**
 * Types of {@code current_setting(name [, missing_ok])} and {@code set_config(name, value, is_local)}, run by
 * {@code exec.SettingFunctions}: the function forms of SHOW and SET that drivers and ORMs call.
 */
final class SettingFunctionSignatures {
    private static final SqlType T = SqlType.TEXT;
    private static final SqlType B = SqlType.BOOLEAN;

    private SettingFunctionSignatures() {
    }

    static BoundExpr bind(ExpressionBinder binder, String name, List<BoundExpr> args) {
        int n = args.size();
        return switch (name) {
            case "current_setting" -> n == 1 ? call(binder, name, args, T) : n == 2 ? call(binder, name, args, T, B) : null;
            case "set_config" -> n == 3 ? call(binder, name, args, T, T, B) : null;
            default -> null;
        };
    }

    private static BoundExpr call(ExpressionBinder binder, String name, List<BoundExpr> args, SqlType... params) {
        List<BoundExpr> converted = new ArrayList<>();
        for (int i = 0; i < params.length; i++) {
            BoundExpr a = args.get(i);
            boolean ok = a.type() == SqlType.UNKNOWN || a.type() == params[i]
                    || (params[i] == T ? TypeRules.isString(a.type()) : TypeRules.implicitCast(a.type(), params[i]));
            if (!ok) {
                return null;
            }
            converted.add(binder.coerce(a, params[i]));
        }
        return new BuiltinCall(name, converted, T);
    }
}
