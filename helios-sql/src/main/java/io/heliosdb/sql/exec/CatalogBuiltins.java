package io.heliosdb.sql.exec;

import io.heliosdb.api.Column;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.SystemCatalog;
import io.heliosdb.sql.analyze.BoundExpr.BuiltinCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The system-information functions typed by {@code analyze.CatalogFunctionSignatures}. */
final class CatalogBuiltins {
    /** Catalog types that are not HeliosDB column types but appear in pg_type, as format_type names them. */
    private static final Map<Integer, String> OTHER_TYPES = Map.of(26, "oid", 19, "name", 18, "\"char\"",
            2205, "regclass", 2206, "regtype", 24, "regproc", 22, "int2vector", 30, "oidvector");

    private CatalogBuiltins() {
    }

    /** The evaluator of a system-information function, or null when {@code call} is none of them. */
    static Evaluator compile(BuiltinCall call, Evaluator[] args) {
        return switch (call.name()) {
            case "format_type" -> (row, rt) -> {
                Object oid = args[0].evaluate(row, rt);
                Object typmod = args[1].evaluate(row, rt);
                if (oid == null) {
                    return null;
                }
                var composite = rt.context().compositeType((Integer) oid);
                return composite.isPresent()
                        ? io.heliosdb.sql.analyze.CompositeTypes.displayName(rt.context(), composite.get())
                        : formatType((Integer) oid, typmod == null ? -1 : (Integer) typmod);
            };
            case "pg_get_indexdef" -> strict(args, (a, c) -> indexColumn(c.indexDefinition((Integer) a[0]),
                    a.length > 1 ? (Integer) a[1] : 0));
            case "pg_get_constraintdef" -> strict(args, (a, c) -> c.constraintDefinition((Integer) a[0]));
            // adbin holds the expression's text already; there are no node trees to decompile.
            case "pg_get_expr" -> strict(args, (a, c) -> a[0]);
            case "pg_table_is_visible" -> (row, rt) -> {
                Object oid = args[0].evaluate(row, rt);
                if (oid == null) {
                    return null;
                }
                // visible when its schema is searched (the system views' pg_catalog always is)
                String schema = catalog(rt).relationSchema((Integer) oid);
                return schema == null || schema.equals("pg_catalog")
                        || rt.context().searchPathSchemas().contains(schema);
            };
            case "pg_type_is_visible", "pg_function_is_visible" -> strict(args, (a, c) -> true);
            case "pg_get_userbyid" -> strict(args, (a, c) -> {
                String name = c.roleName((Integer) a[0]);
                return name != null ? name : "unknown (OID=" + a[0] + ")";
            });
            case "obj_description" -> strict(args, (a, c) -> c.description(((Number) a[0]).intValue(),
                    a.length > 1 ? (String) a[1] : null, 0));
            case "col_description" -> strict(args, (a, c) -> c.description(((Number) a[0]).intValue(), "pg_class",
                    ((Number) a[1]).intValue()));
            case "pg_get_viewdef" -> strict(args, (a, c) -> {
                Integer oid = a[0] instanceof Number n ? Integer.valueOf(n.intValue()) : c.relationOid(unquote((String) a[0]));
                if (oid == null) {
                    throw new HeliosException(SqlState.UNDEFINED_TABLE, "relation \"" + a[0] + "\" does not exist");
                }
                return c.viewDefinition(oid);
            });
            case "shobj_description", "pg_get_statisticsobjdef_columns", "pg_get_function_result",
                 "pg_get_function_arguments", "pg_get_function_identity_arguments", "pg_get_triggerdef",
                 "pg_get_functiondef", "pg_partition_ancestors", "pg_partition_root", "pg_get_partkeydef" ->
                    (row, rt) -> null;
            // Statistics counters are not kept per relation.
            case "pg_stat_get_numscans", "pg_stat_get_tuples_returned", "pg_stat_get_tuples_fetched" ->
                    strict(args, (a, c) -> 0L);
            // Bytes the relation's rows (index entries) take in storage, counted over its key range.
            case "pg_table_size", "pg_relation_size", "pg_indexes_size", "pg_total_relation_size" -> (row, rt) -> {
                Object relation = args[0].evaluate(row, rt);
                Integer oid = relation instanceof Number n ? Integer.valueOf(n.intValue())
                        : relation == null ? null : ObjectIdentifiers.relationOid((String) relation, catalog(rt), searchPath(rt));
                if (oid == null) {
                    return null;
                }
                SystemCatalog c = catalog(rt);
                return switch (call.name()) {
                    case "pg_indexes_size" -> c.indexesSize(oid);
                    case "pg_total_relation_size" -> c.relationSize(oid) + c.indexesSize(oid);
                    default -> c.relationSize(oid);
                };
            };
            case "&", "|" -> strict(args, (a, c) -> bitwise(call.type(), call.name().equals("&"),
                    ((Number) a[0]).longValue(), ((Number) a[1]).longValue()));
            case "pg_size_pretty" -> strict(args, (a, c) -> SizePretty.format((java.math.BigDecimal) a[0]));
            case "current_schema" -> (row, rt) -> {
                List<String> path = rt.context().searchPathSchemas();
                return path.isEmpty() ? null : path.get(0);
            };
            case "current_schemas" -> (row, rt) -> {
                Object implicit = args[0].evaluate(row, rt);
                if (implicit == null) {
                    return null;
                }
                List<String> path = new java.util.ArrayList<>(rt.context().searchPathSchemas());
                if ((Boolean) implicit) {
                    path.add(0, "pg_catalog");
                }
                return path;
            };
            case "current_database", "current_catalog" -> (row, rt) -> catalog(rt).databaseName();
            case "current_user" -> (row, rt) -> io.heliosdb.sql.CurrentRole.of(rt.context());
            case "session_user" -> (row, rt) -> rt.context().setting("session_authorization");
            case "version" -> (row, rt) -> "PostgreSQL " + rt.context().setting("server_version")
                    + " (HeliosDB Lite) on " + System.getProperty("os.arch") + ", compiled by javac, 64-bit";
            case "pg_backend_pid" -> (row, rt) -> catalog(rt).backendPid();
            case "pg_is_in_recovery", "pg_relation_is_publishable" -> (row, rt) -> false;
            case "has_table_privilege", "has_schema_privilege", "has_database_privilege", "has_column_privilege",
                 "has_function_privilege", "has_any_column_privilege", "has_sequence_privilege" ->
                    // Every role may do everything: HeliosDB has no privileges yet.
                    strict(args, (a, c) -> true);
            case "pg_encoding_to_char" -> strict(args, (a, c) -> (Integer) a[0] == 6 ? "UTF8"
                    : (Integer) a[0] == 0 ? "SQL_ASCII" : "");
            case "array_to_string" -> strict(args, (a, c) -> arrayToString((String) a[0], (String) a[1],
                    a.length > 2 ? (String) a[2] : null));
            case "regclass", "to_regclass" -> objectId(args, call, ObjectIdentifiers::relationOid, "relation");
            // an object identifier shown by name (x::regclass in a result, x::regclass::text)
            case "regclass::text", "regtype::text", "regnamespace::text", "regrole::text" -> (row, rt) -> {
                Object oid = args[0].evaluate(row, rt);
                return oid == null ? null : ObjectIdentifiers.text(call.name().substring(0, call.name().indexOf(':')),
                        ((Number) oid).intValue(), catalog(rt), searchPath(rt));
            };
            case "regclass::name", "regtype::name", "regnamespace::name", "regrole::name" -> (row, rt) -> {
                Object oid = args[0].evaluate(row, rt);
                int id = oid == null ? 0 : ((Number) oid).intValue();
                return oid == null ? null : new io.heliosdb.api.ObjectName(id, ObjectIdentifiers.text(
                        call.name().substring(0, call.name().indexOf(':')), id, catalog(rt), searchPath(rt)));
            };
            case "regtype", "to_regtype" -> objectId(args, call, (name, c, path) -> typeOid(name, c), "type");
            case "regnamespace" -> objectId(args, call, (name, c, path) -> c.namespaceOid(unquote(name)), "schema");
            case "regrole" -> objectId(args, call, (name, c, path) -> c.roleOid(unquote(name)), "role");
            case "regproc" -> strict(args, (a, c) -> ((String) a[0]).replaceFirst("^pg_catalog\\.", ""));
            case "regprocedure", "regoper" -> objectId(args, call, (name, c, path) -> null, "function");
            default -> null;
        };
    }

    private interface CatalogFunction {
        Object apply(Object[] args, SystemCatalog catalog);
    }

    private interface Lookup {
        Integer find(String name, SystemCatalog catalog, List<String> searchPath);
    }

    private static List<String> searchPath(Runtime rt) {
        return rt.context() == null ? List.of("public") : rt.context().searchPathSchemas();
    }

    /**
     * {@code pg_get_indexdef(oid, k, pretty)}: the whole definition for k = 0, else the k-th key column as
     * written in it ({@code CREATE INDEX i ON public.t USING btree (a, "B" DESC)}), or "" past the last.
     */
    private static String indexColumn(String definition, int column) {
        if (definition == null || column == 0) {
            return definition;
        }
        int open = definition.indexOf(" USING btree (");
        if (open < 0) {
            return null;
        }
        String[] keys = definition.substring(open + " USING btree (".length(), definition.length() - 1).split(", ");
        return column < 0 || column > keys.length ? "" : keys[column - 1].replaceFirst(" DESC$", "");
    }

    private static Object bitwise(SqlType type, boolean and, long left, long right) {
        long v = and ? left & right : left | right;
        return type == SqlType.SMALLINT ? (Object) (short) v : type == SqlType.INTEGER ? (Object) (int) v : (Object) v;
    }

    private static SystemCatalog catalog(Runtime rt) {
        return rt.context() == null ? SystemCatalog.NONE : rt.context().systemCatalog();
    }

    private static Evaluator strict(Evaluator[] args, CatalogFunction f) {
        return (row, rt) -> {
            Object[] values = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                values[i] = args[i].evaluate(row, rt);
                if (values[i] == null) {
                    return null;
                }
            }
            return f.apply(values, catalog(rt));
        };
    }

    /** A name is looked up ({@code to_reg*} yields NULL where the cast fails); an OID passes through. */
    private static Evaluator objectId(Evaluator[] args, BuiltinCall call, Lookup lookup, String kind) {
        boolean lenient = call.name().startsWith("to_");
        return (row, rt) -> {
            Object value = args[0].evaluate(row, rt);
            if (value == null) {
                return null;
            }
            if (value instanceof Integer oid) {
                return oid;
            }
            SystemCatalog c = catalog(rt);
            String name = (String) value;
            if (name.matches("[0-9]{1,10}")) {
                // '16394'::regclass, as psql writes OIDs: the number is the OID, as in PostgreSQL.
                return (int) Long.parseLong(name);
            }
            Integer oid = lookup.find(name, c, searchPath(rt));
            if (oid == null && !lenient) {
                SqlState state = switch (kind) {
                    case "relation" -> SqlState.UNDEFINED_TABLE;
                    case "function" -> SqlState.UNDEFINED_FUNCTION;
                    default -> SqlState.UNDEFINED_OBJECT;
                };
                throw new HeliosException(state, kind + " \"" + name + "\" does not exist");
            }
            return oid;
        };
    }

    static String formatType(int oid, int typmod) {
        SqlType type = SqlType.ofOid(oid);
        if (type != null) {
            return new Column("", type, typmod).typeDisplay();
        }
        return OTHER_TYPES.getOrDefault(oid, "???");
    }

    private static Integer typeOid(String name, SystemCatalog catalog) {
        String plain = unquote(name);
        for (SqlType t : SqlType.values()) {
            if (t.pgName().equals(plain) || t.sqlName().equals(plain)) {
                return t.oid();
            }
        }
        for (Map.Entry<Integer, String> e : OTHER_TYPES.entrySet()) {
            if (e.getValue().equals(plain) || e.getValue().equals("\"" + plain + "\"")) {
                return e.getKey();
            }
        }
        return switch (plain) {
            case "int", "int4" -> SqlType.INTEGER.oid();
            case "bool" -> SqlType.BOOLEAN.oid();
            default -> catalog.typeOid(plain);
        };
    }

    /** A possibly schema-qualified, possibly quoted name as it is stored: unquoted parts fold to lower case. */
    static String unquote(String name) {
        String s = name.trim();
        int dot = lastUnquotedDot(s);
        if (dot >= 0) {
            s = s.substring(dot + 1);
        }
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1).replace("\"\"", "\"");
        }
        return s.toLowerCase(java.util.Locale.ROOT);
    }

    private static int lastUnquotedDot(String s) {
        boolean quoted = false;
        int found = -1;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == '.' && !quoted) {
                found = i;
            }
        }
        return found;
    }

    /** The text form of a one-dimensional array ({@code {a,b}}) joined; arrays are text until they are a type. */
    private static String arrayToString(String array, String separator, String nullText) {
        String body = array.startsWith("{") && array.endsWith("}") ? array.substring(1, array.length() - 1) : array;
        if (body.isEmpty()) {
            return "";
        }
        List<String> out = new ArrayList<>();
        StringBuilder item = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i <= body.length(); i++) {
            char ch = i < body.length() ? body.charAt(i) : ',';
            if (quoted && ch == '\\' && i + 1 < body.length()) {
                item.append(body.charAt(++i));
            } else if (ch == '"') {
                quoted = !quoted;
                wasQuoted = true;
            } else if (ch == ',' && !quoted) {
                String value = item.toString();
                if (!wasQuoted && value.equalsIgnoreCase("NULL")) {
                    if (nullText != null) {
                        out.add(nullText);
                    }
                } else {
                    out.add(value);
                }
                item.setLength(0);
                wasQuoted = false;
            } else {
                item.append(ch);
            }
        }
        return String.join(separator, out);
    }
}
