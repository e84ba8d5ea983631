package io.heliosdb.sql.analyze;

import io.heliosdb.api.SqlType;
import io.heliosdb.sql.analyze.BoundExpr.BuiltinCall;
import io.heliosdb.sql.types.TypeRules;
import java.util.ArrayList;
import java.util.List;

/**
 * Argument and result types of the built-in functions run by {@code exec.Builtins}, resolved as
 * PostgreSQL resolves them (integers go to double precision where only float8 and numeric exist).
 * Returns null for a name or argument list no signature accepts, so the caller reports 42883.
 */
final class BuiltinSignatures {
    private static final SqlType T = SqlType.TEXT;
    private static final SqlType I = SqlType.INTEGER;
    private static final SqlType D = SqlType.DOUBLE;

    private BuiltinSignatures() {
    }

    static BoundExpr bind(ExpressionBinder binder, String name, List<BoundExpr> args) {
        int n = args.size();
        return switch (name) {
            case "substring", "substr" -> n == 2 && name.equals("substring") && (TypeRules.isString(args.get(1).type())
                    || args.get(1).type() == SqlType.UNKNOWN) ? call(binder, "substring_regex", args, T, T, T)
                    : n == 2 ? call(binder, name, args, T, T, I) : n == 3 ? call(binder, name, args, T, T, I, I) : null;
            case "overlay" -> n == 3 ? call(binder, name, args, T, T, T, I) : n == 4 ? call(binder, name, args, T, T, T, I, I) : null;
            case "like_escape" -> n == 2 ? call(binder, name, args, T, T, T) : null;
            case "strpos" -> n == 2 ? call(binder, name, args, I, T, T) : null;
            case "btrim", "trim", "ltrim", "rtrim" -> n == 1 ? call(binder, name, args, T, T) : n == 2 ? call(binder, name, args, T, T, T) : null;
            case "replace" -> n == 3 ? call(binder, name, args, T, T, T, T) : null;
            case "split_part" -> n == 3 ? call(binder, name, args, T, T, T, I) : null;
            case "lpad", "rpad" -> n == 2 ? call(binder, name, args, T, T, I) : n == 3 ? call(binder, name, args, T, T, I, T) : null;
            case "left", "right", "repeat" -> n == 2 ? call(binder, name, args, T, T, I) : null;
            case "reverse", "initcap", "md5" -> n == 1 ? call(binder, name, args, T, T) : null;
            case "octet_length" -> n == 1 && args.get(0).type() == SqlType.BYTEA
                    ? new BuiltinCall("bytea_length", args, I) : n == 1 ? call(binder, name, args, I, T) : null;
            case "format" -> n >= 1 && TypeRules.isString(args.get(0).type()) || n >= 1 && args.get(0).type() == SqlType.UNKNOWN
                    ? anyAsText(binder, name, args, 1) : null;
            case "ascii" -> n == 1 ? call(binder, name, args, I, T) : null;
            case "chr" -> n == 1 ? call(binder, name, args, T, I) : null;
            case "concat" -> n >= 1 ? anyAsText(binder, name, args, 0) : null;
            case "concat_ws" -> n >= 2 ? anyAsText(binder, name, args, 1) : null;
            case "sqrt", "exp", "ln" -> n == 1 ? call(binder, name, args, numericOrDouble(args), numericOrDouble(args)) : null;
            case "log", "log10" -> n == 1 ? call(binder, name, args, numericOrDouble(args), numericOrDouble(args))
                    : n == 2 && name.equals("log") ? call(binder, name, args, SqlType.NUMERIC, SqlType.NUMERIC, SqlType.NUMERIC) : null;
            case "cbrt" -> n == 1 ? call(binder, name, args, D, D) : null;
            case "position" -> n == 2 ? call(binder, "strpos", List.of(args.get(1), args.get(0)), I, T, T) : null;
            case "power", "pow", "^" -> n == 2 ? call(binder, "power", args, numericOrDouble(args), numericOrDouble(args),
                    numericOrDouble(args)) : null;
            case "pi", "random" -> n == 0 ? new BuiltinCall(name, List.of(), D) : null;
            case "nextval", "currval" -> n == 1 ? call(binder, name, args, SqlType.BIGINT, T) : null;
            case "lastval" -> n == 0 ? new BuiltinCall(name, List.of(), SqlType.BIGINT) : null;
            case "setval" -> n == 2 ? call(binder, name, args, SqlType.BIGINT, T, SqlType.BIGINT)
                    : n == 3 ? call(binder, name, args, SqlType.BIGINT, T, SqlType.BIGINT, SqlType.BOOLEAN) : null;
            case "pg_get_serial_sequence" -> n == 2 ? call(binder, name, args, T, T, T) : null;
            case "ceil", "ceiling", "floor", "sign", "trunc" -> n == 1 ? sameNumeric(binder, name, args) : null;
            case "mod" -> n == 2 ? mod(binder, args) : null;
            case "to_char" -> n == 2 && args.get(0).type().isNumeric() && !args.get(0).type().isArray()
                    ? call(binder, "to_char_number", args, T, TypeRules.isFloat(args.get(0).type()) ? D : SqlType.NUMERIC, T)
                    : TemporalSignatures.bind(binder, name, args);
            case "to_number" -> n == 2 ? call(binder, name, args, SqlType.NUMERIC, T, T) : null;
            case "regexp_match", "regexp_split_to_array" -> n == 2 ? call(binder, name, args, SqlType.TEXT_ARRAY, T, T)
                    : n == 3 ? call(binder, name, args, SqlType.TEXT_ARRAY, T, T, T) : null;
            case "quote_ident", "quote_literal", "quote_nullable" -> n == 1 ? call(binder, name, args, T, T) : null;
            case "starts_with" -> n == 2 ? call(binder, name, args, SqlType.BOOLEAN, T, T) : null;
            case "translate" -> n == 3 ? call(binder, name, args, T, T, T, T) : null;
            case "regexp_replace" -> n == 3 ? call(binder, name, args, T, T, T, T) : n == 4 ? call(binder, name, args, T, T, T, T, T) : null;
            case "greatest", "least" -> n >= 1 ? extremum(binder, name, args) : null;
            default -> {
                BoundExpr temporal = TemporalSignatures.bind(binder, name, args);
                if (temporal != null) {
                    yield temporal;
                }
                BoundExpr structured = ArrayJsonSignatures.bind(binder, name, args);
                if (structured != null) {
                    yield structured;
                }
                BoundExpr setting = SettingFunctionSignatures.bind(binder, name, args);
                yield setting != null ? setting : CatalogFunctionSignatures.bind(binder, name, args);
            }
        };
    }

    /** A fixed signature: {@code params} in order; null when an argument cannot be converted implicitly. */
    /** The call with each argument coerced to its parameter's type, or null when one cannot be. */
    static BoundExpr call(ExpressionBinder binder, String name, List<BoundExpr> args, SqlType result,
                          SqlType... params) {
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
        return new BuiltinCall(name, converted, result);
    }

    /** concat/concat_ws take any types; each argument is written in its type's output form (true is t). */
    private static BoundExpr anyAsText(ExpressionBinder binder, String name, List<BoundExpr> args, int textParams) {
        List<BoundExpr> converted = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            BoundExpr a = args.get(i);
            if (i < textParams && !(TypeRules.isString(a.type()) || a.type() == SqlType.UNKNOWN)) {
                return null;
            }
            converted.add(a.type() == SqlType.UNKNOWN ? binder.coerce(a, T) : a);
        }
        return new BuiltinCall(name, converted, T);
    }

    /**
     * Where PostgreSQL has a numeric and a float8 version (power): numeric when an argument is numeric and none
     * is a float, as its resolution picks the candidate with the most exact matches; float8 otherwise.
     */
    private static SqlType numericOrDouble(List<BoundExpr> args) {
        boolean numeric = args.stream().anyMatch(a -> a.type() == SqlType.NUMERIC);
        boolean floating = args.stream().anyMatch(a -> TypeRules.isFloat(a.type()));
        return numeric && !floating ? SqlType.NUMERIC : D;
    }

    /** ceil, floor, sign, trunc: numeric stays numeric, everything else is computed in double precision. */
    private static BoundExpr sameNumeric(ExpressionBinder binder, String name, List<BoundExpr> args) {
        BoundExpr a = args.get(0);
        if (a.type() == SqlType.NUMERIC) {
            return new BuiltinCall(name, List.of(a), SqlType.NUMERIC);
        }
        if (!a.type().isNumeric() && a.type() != SqlType.UNKNOWN) {
            return null;
        }
        return new BuiltinCall(name, List.of(binder.coerce(a, D)), D);
    }

    private static BoundExpr mod(ExpressionBinder binder, List<BoundExpr> args) {
        BoundExpr a = args.get(0).type() == SqlType.UNKNOWN ? binder.coerce(args.get(0), args.get(1).type()) : args.get(0);
        BoundExpr b = args.get(1).type() == SqlType.UNKNOWN ? binder.coerce(args.get(1), a.type()) : args.get(1);
        if (!a.type().isNumeric() || !b.type().isNumeric()) {
            return null;
        }
        SqlType t = TypeRules.arithmeticResult(a.type(), b.type());
        if (TypeRules.isFloat(t)) {
            return null;
        }
        return new BuiltinCall("mod", List.of(binder.coerce(a, t), binder.coerce(b, t)), t);
    }

    /** greatest/least: the common type of all arguments; NULLs are ignored. */
    private static BoundExpr extremum(ExpressionBinder binder, String name, List<BoundExpr> args) {
        SqlType type = ExpressionBinder.commonType(args, name.toUpperCase(java.util.Locale.ROOT));
        return new BuiltinCall(name, args.stream().map(a -> binder.coerce(a, type)).toList(), type);
    }
}
