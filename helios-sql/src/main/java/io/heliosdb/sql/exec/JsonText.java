package io.heliosdb.sql.exec;

import io.heliosdb.api.SqlType;
import io.heliosdb.sql.types.Json;
import java.util.List;

/**
 * The json (not jsonb) type's text as PostgreSQL's json functions build it: json values are embedded as
 * written, arrays as array_to_json writes them ({@code [1,2]}), and each function keeps its own spacing
 * ({@code {"a" : 1, "b" : 2}} for json_build_object, {@code { "a" : 1 }} for json_object_agg).
 */
final class JsonText {

    private JsonText() {
    }

    /** One SQL value as json text, as to_json gives it. */
    static String value(Object v, SqlType type) {
        if (v == null) {
            return "null";
        }
        if (type == SqlType.JSON || type == SqlType.JSONB) {
            return (String) v;
        }
        if (v instanceof List<?> list) {
            SqlType element = type.isArray() ? type.elementType() : type;
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(value(list.get(i), element));
            }
            return out.append(']').toString();
        }
        return Json.write(JsonConversion.toTree(v, type));
    }

    /** An object key: the value's text, quoted. */
    static String key(Object v, SqlType type) {
        Object key = JsonConversion.toTree(v, type);
        return Json.write(key instanceof String s ? s : Json.write(key));
    }

    /** json_build_object's layout; duplicate keys stay, as json keeps them. */
    static String buildObject(Object[] values, SqlType[] types) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i + 1 < values.length; i += 2) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(key(values[i], types[i])).append(" : ").append(value(values[i + 1], types[i + 1]));
        }
        return out.append('}').toString();
    }

    /** json_build_array's layout. */
    static String buildArray(Object[] values, SqlType[] types) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(value(values[i], types[i]));
        }
        return out.append(']').toString();
    }

    /** json_agg's layout: arrays (and rows) after the first start on a new line, as PostgreSQL writes them. */
    static String agg(List<Object> values, SqlType type) {
        String separator = type.isArray() ? ", \n " : ", ";
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(values.get(i) == null ? ", " : separator);
            }
            out.append(value(values.get(i), type));
        }
        return out.append(']').toString();
    }

    /** json_object_agg's layout. */
    static String objectAgg(List<Object> keys, SqlType keyType, List<Object> values, SqlType valueType) {
        StringBuilder out = new StringBuilder("{ ");
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(key(keys.get(i), keyType)).append(" : ").append(value(values.get(i), valueType));
        }
        return out.append(" }").toString();
    }
}
