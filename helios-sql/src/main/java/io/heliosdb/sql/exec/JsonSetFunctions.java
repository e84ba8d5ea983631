package io.heliosdb.sql.exec;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.types.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The json and jsonb set-returning functions: the elements of an array, the key/value pairs or keys of an
 * object (jsonb in key order, json as written). Values come out as JSON text, or with {@code _text} as
 * ->> gives them (strings unquoted, JSON null as SQL NULL).
 */
final class JsonSetFunctions {

    private JsonSetFunctions() {
    }

    /** The rows of {@code function} over the document, or null when it is not a JSON set function. */
    static List<Object[]> rows(String function, String document) {
        boolean jsonb = function.startsWith("jsonb_");
        if (!jsonb && !function.startsWith("json_")) {
            return null;
        }
        String kind = function.substring(function.indexOf('_') + 1);
        Object tree = Json.parse(document, jsonb);
        boolean text = kind.endsWith("_text");
        List<Object[]> out = new ArrayList<>();
        switch (kind) {
            case "array_elements", "array_elements_text" -> {
                if (!(tree instanceof List<?> elements)) {
                    throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE, "cannot extract elements from "
                            + (tree instanceof Map ? "an object" : "a scalar"));
                }
                elements.forEach(e -> out.add(new Object[] {value(e, text)}));
            }
            case "each", "each_text", "object_keys" -> {
                if (!(tree instanceof Map<?, ?> object)) {
                    throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE, "cannot call " + function + " on "
                            + (tree instanceof List ? "an array" : "a scalar"));
                }
                object.forEach((k, v) -> out.add(kind.equals("object_keys") ? new Object[] {k}
                        : new Object[] {k, value(v, text)}));
            }
            default -> {
                return null;
            }
        }
        return out;
    }

    private static Object value(Object v, boolean text) {
        return text ? Json.asText(v) : Json.write(v);
    }
}
