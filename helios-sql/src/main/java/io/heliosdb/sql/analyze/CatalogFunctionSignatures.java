package io.heliosdb.sql.analyze;

import io.heliosdb.api.SqlType;
import io.heliosdb.sql.analyze.BoundExpr.BuiltinCall;
import io.heliosdb.sql.types.TypeRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Argument and result types of the system-information functions clients call when they read the
 * catalog (psql's {@code \d}, pgJDBC's DatabaseMetaData, ORMs): run by {@code exec.CatalogBuiltins}.
 * OIDs are integers here; functions PostgreSQL types {@code name[]} return the array's text form.
 */
final class CatalogFunctionSignatures {
    private static final SqlType T = SqlType.TEXT;
    private static final SqlType I = SqlType.INTEGER;
    private static final SqlType B = SqlType.BOOLEAN;

    /** Functions that read the session or the catalog, so they are never evaluated at plan time. */
    static final Set<String> READS_KERNEL = Set.of("format_type", "pg_get_indexdef", "pg_get_constraintdef",
            "pg_get_userbyid", "current_database", "current_catalog", "current_user", "session_user", "version",
            "pg_backend_pid", "regclass", "regtype", "regnamespace", "regproc", "regprocedure", "regrole", "regoper",
            "to_regclass", "to_regtype", "pg_get_viewdef", "obj_description", "col_description", "current_schema", "pg_table_is_visible",
            "current_schemas", "regclass::text", "regtype::text", "regnamespace::text", "regrole::text",
            "regclass::name", "regtype::name", "regnamespace::name", "regrole::name",
            "pg_table_size", "pg_relation_size", "pg_indexes_size", "pg_total_relation_size");

    private CatalogFunctionSignatures() {
    }

    static BoundExpr bind(ExpressionBinder binder, String name, List<BoundExpr> args) {
        int n = args.size();
        return switch (name) {
            case "format_type" -> n == 2 ? call(binder, name, args, T, I, I) : null;
            case "pg_get_indexdef" -> n == 1 ? call(binder, name, args, T, I) : n == 3 ? call(binder, name, args, T, I, I, B) : null;
            case "pg_get_constraintdef" -> n == 1 ? call(binder, name, args, T, I) : n == 2 ? call(binder, name, args, T, I, B) : null;
            case "pg_get_expr" -> n == 2 ? call(binder, name, args, T, T, I) : n == 3 ? call(binder, name, args, T, T, I, B) : null;
            case "pg_table_is_visible", "pg_type_is_visible", "pg_function_is_visible" -> n == 1 ? call(binder, name, args, B, I) : null;
            case "pg_get_userbyid" -> n == 1 ? call(binder, name, args, T, I) : null;
            case "obj_description" -> n == 1 || n == 2 ? any(binder, name, args, T) : null;
            case "col_description" -> n == 2 ? any(binder, name, args, T) : null;
            case "shobj_description" -> n == 2 ? any(binder, name, args, T) : null;
            case "pg_get_viewdef" -> n == 1 || n == 2 ? any(binder, name, args, T) : null;
            case "current_schema", "current_database", "current_catalog", "current_user", "session_user", "user",
                 "version" -> n == 0 ? new BuiltinCall(name.equals("user") ? "current_user" : name, List.of(), T) : null;
            case "current_schemas" -> n == 1 ? call(binder, name, args, SqlType.TEXT_ARRAY, B) : null;
            case "pg_backend_pid" -> n == 0 ? new BuiltinCall(name, List.of(), I) : null;
            case "pg_is_in_recovery" -> n == 0 ? new BuiltinCall(name, List.of(), B) : null;
            case "has_table_privilege", "has_schema_privilege", "has_database_privilege", "has_column_privilege",
                 "has_function_privilege", "has_any_column_privilege", "has_sequence_privilege" ->
                    n >= 2 && n <= 4 ? any(binder, name, args, B) : null;
            case "pg_encoding_to_char" -> n == 1 ? call(binder, name, args, T, I) : null;
            case "array_to_string" -> n == 2 || n == 3 ? arrayToString(binder, args) : null;
            // pg_type's typinput and friends hold function names as text here, so 'x'::regproc is the name.
            case "regproc" -> n == 1 && (args.get(0).type() == SqlType.UNKNOWN || args.get(0).type() == T)
                    ? call(binder, name, args, T, T) : null;
            case "regclass", "regtype", "regnamespace", "regprocedure", "regrole", "regoper" ->
                    n == 1 ? objectId(binder, name, args.get(0)) : null;
            case "to_regclass", "to_regtype" -> n == 1 ? call(binder, name, args, I, T) : null;
            case "pg_relation_is_publishable" -> n == 1 ? any(binder, name, args, B) : null;
            case "pg_get_statisticsobjdef_columns" -> n == 1 ? any(binder, name, args, T) : null;
            case "&", "|" -> n == 2 ? bitwise(binder, name, args) : null;
            case "pg_table_size", "pg_total_relation_size", "pg_relation_size", "pg_indexes_size" ->
                    n == 1 || n == 2 && name.equals("pg_relation_size") ? any(binder, name, args, SqlType.BIGINT) : null;
            case "pg_size_pretty" -> n == 1 && (args.get(0).type().isInteger() || args.get(0).type() == SqlType.NUMERIC)
                    ? new BuiltinCall(name, List.of(binder.coerce(args.get(0), SqlType.NUMERIC)), T) : null;
            case "pg_get_function_result", "pg_get_function_arguments", "pg_get_function_identity_arguments",
                 "pg_get_triggerdef", "pg_get_functiondef", "pg_get_partkeydef" ->
                    n == 1 || n == 2 ? any(binder, name, args, T) : null;
            case "pg_stat_get_numscans", "pg_stat_get_tuples_returned", "pg_stat_get_tuples_fetched" ->
                    n == 1 ? any(binder, name, args, SqlType.BIGINT) : null;
            // Only partitions have ancestors, and there are no partitions: no OID (a NULL in IN lists).
            case "pg_partition_ancestors", "pg_partition_root" -> n == 1 ? any(binder, name, args, I) : null;
            default -> null;
        };
    }

    private static BoundExpr call(ExpressionBinder binder, String name, List<BoundExpr> args, SqlType result,
                                  SqlType... params) {
        List<BoundExpr> converted = new ArrayList<>();
        for (int i = 0; i < params.length; i++) {
            BoundExpr a = args.get(i);
            boolean ok = a.type() == SqlType.UNKNOWN || a.type() == params[i]
                    || (params[i] == T ? TypeRules.isString(a.type()) : TypeRules.implicitCast(a.type(), params[i]))
                    // OIDs arrive as bigint when a client binds them as int8 parameters.
                    || params[i] == I && a.type().isInteger();
            if (!ok) {
                return null;
            }
            converted.add(params[i] == I && a.type().isInteger() && a.type() != I
                    ? new BoundExpr.Cast(a, I, -1, true) : binder.coerce(a, params[i]));
        }
        return new BuiltinCall(name, converted, result);
    }

    /** Arguments of any type (untyped literals become text); the result does not depend on them. */
    private static BoundExpr any(ExpressionBinder binder, String name, List<BoundExpr> args, SqlType result) {
        return new BuiltinCall(name, args.stream().map(a -> a.type() == SqlType.UNKNOWN ? binder.coerce(a, T) : a).toList(),
                result);
    }

    private static BoundExpr arrayToString(ExpressionBinder binder, List<BoundExpr> args) {
        List<BoundExpr> converted = new ArrayList<>();
        BoundExpr array = args.get(0);
        converted.add(TypeRules.isString(array.type()) || array.type() == SqlType.UNKNOWN ? binder.coerce(array, T)
                : new BoundExpr.Cast(array, T, -1, true));
        for (int i = 1; i < args.size(); i++) {
            if (!(TypeRules.isString(args.get(i).type()) || args.get(i).type() == SqlType.UNKNOWN)) {
                return null;
            }
            converted.add(binder.coerce(args.get(i), T));
        }
        return new BuiltinCall("array_to_string", converted, T);
    }

    /** Bitwise {@code &} and {@code |} over integers, in the wider operand type (pgJDBC masks indoption). */
    private static BoundExpr bitwise(ExpressionBinder binder, String name, List<BoundExpr> args) {
        SqlType type = SqlType.SMALLINT;
        for (BoundExpr a : args) {
            SqlType t = a.type() == SqlType.UNKNOWN ? I : a.type();
            if (!t.isInteger()) {
                return null;
            }
            if (t == SqlType.BIGINT || t == I && type == SqlType.SMALLINT) {
                type = t;
            }
        }
        SqlType result = type;
        return new BuiltinCall(name, args.stream().map(a -> binder.coerce(a, result)).toList(), result);
    }

    /** {@code x::regclass}: a name is looked up, an OID passes through. */
    private static BoundExpr objectId(ExpressionBinder binder, String name, BoundExpr arg) {
        if (arg.type().isInteger()) {
            return new BuiltinCall(name, List.of(arg.type() == I ? arg : new BoundExpr.Cast(arg, I, -1, true)), I);
        }
        if (!TypeRules.isString(arg.type()) && arg.type() != SqlType.UNKNOWN) {
            return null;
        }
        return new BuiltinCall(name, List.of(binder.coerce(arg, T)), I);
    }
}
