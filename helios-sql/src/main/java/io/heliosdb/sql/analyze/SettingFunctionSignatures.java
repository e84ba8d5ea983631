package io.heliosdb.sql.analyze;

import io.heliosdb.api.SqlType;
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
        return BuiltinSignatures.call(binder, name, args, T, params);
    }
}
