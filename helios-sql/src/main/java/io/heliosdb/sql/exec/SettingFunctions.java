package io.heliosdb.sql.exec;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.analyze.BoundExpr.BuiltinCall;

/**
 * {@code current_setting} and {@code set_config} as PostgreSQL runs them: current_setting is strict and fails
 * with 42704 for an unknown name unless {@code missing_ok}; set_config is not strict (a NULL value resets the
 * setting, a NULL is_local means false, a NULL name is 22004) and returns the value as SHOW would print it.
 */
final class SettingFunctions {

    private SettingFunctions() {
    }

    /** The evaluator, or null when {@code call} is neither function. */
    static Evaluator compile(BuiltinCall call, Evaluator[] args) {
        return switch (call.name()) {
            case "current_setting" -> (row, rt) -> {
                Object name = args[0].evaluate(row, rt);
                Object missingOk = args.length > 1 ? args[1].evaluate(row, rt) : Boolean.FALSE;
                if (name == null || missingOk == null) {
                    return null;
                }
                String value = rt.context().setting((String) name);
                if (value == null && !(Boolean) missingOk) {
                    throw SettingAssignment.unrecognized((String) name);
                }
                return value;
            };
            case "set_config" -> (row, rt) -> {
                Object name = args[0].evaluate(row, rt);
                if (name == null) {
                    throw new HeliosException(SqlState.NULL_VALUE_NOT_ALLOWED, "SET requires parameter name");
                }
                String value = (String) args[1].evaluate(row, rt);
                boolean local = Boolean.TRUE.equals(args[2].evaluate(row, rt));
                SettingAssignment.apply(rt.context(), (String) name, value, local);
                return rt.context().setting((String) name);
            };
            default -> null;
        };
    }
}
