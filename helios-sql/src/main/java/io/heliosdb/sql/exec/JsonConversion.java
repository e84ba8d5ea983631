package io.heliosdb.sql.exec;

import io.heliosdb.api.SqlType;
import io.heliosdb.sql.types.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** SQL values as JSON trees, as to_json/to_jsonb and the json_build functions convert them. */
final class JsonConversion {

    private JsonConversion() {
    }

    static Object toTree(Object value, SqlType type) {
        if (value == null) {
            return Json.NULL;
        }
        if (type == SqlType.JSON || type == SqlType.JSONB) {
            return Json.parse((String) value, type == SqlType.JSONB);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            SqlType element = type.isArray() ? type.elementType() : type;
            for (Object e : list) {
                out.add(toTree(e, element));
            }
            return out;
        }
        if (value instanceof Boolean) {
            return value;
        }
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            String text = type.format(value);
            return Double.isFinite(d) ? new BigDecimal(text) : text;
        }
        String text = type.format(value);
        return switch (type) {
            // JSON carries timestamps in ISO 8601 form.
            case TIMESTAMP -> text.replace(' ', 'T');
            case TIMESTAMPTZ -> isoOffset(text.replace(' ', 'T'));
            default -> text;
        };
    }

    /** {@code +02} becomes {@code +02:00}, as PostgreSQL writes offsets in JSON. */
    private static String isoOffset(String text) {
        int sign = Math.max(text.lastIndexOf('+'), text.lastIndexOf('-'));
        if (sign > 10 && text.length() - sign == 3) {
            return text + ":00";
        }
        return text;
    }
}
