package io.heliosdb.sql.exec;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.types.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** jsonb's editing operations: {@code ||}, {@code -} and jsonb_set, on trees from {@link Json#parse}. */
final class JsonEdits {

    private JsonEdits() {
    }

    /** Objects merge (the right side wins); anything else is concatenated as arrays. */
    @SuppressWarnings("unchecked")
    static Object concat(Object left, Object right) {
        if (left instanceof Map<?, ?> l && right instanceof Map<?, ?> r) {
            Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) l);
            merged.putAll((Map<String, Object>) r);
            return Json.sorted(merged);
        }
        List<Object> out = new ArrayList<>();
        addAsArray(out, left);
        addAsArray(out, right);
        return out;
    }

    private static void addAsArray(List<Object> out, Object v) {
        if (v instanceof List<?> l) {
            out.addAll(l);
        } else {
            out.add(v);
        }
    }

    /** {@code - text} removes a key or matching string elements; {@code - integer} an array element. */
    static Object remove(Object doc, Object key) {
        if (key instanceof List<?> keys) {
            Object out = doc;
            for (Object k : keys) {
                out = k == null ? out : remove(out, k);
            }
            return out;
        }
        if (key instanceof Integer i) {
            if (doc instanceof Map) {
                throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE, "cannot delete from object using integer index");
            }
            if (!(doc instanceof List<?> l)) {
                throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE, "cannot delete from scalar");
            }
            int index = i < 0 ? l.size() + i : i;
            List<Object> out = new ArrayList<>(l);
            if (index >= 0 && index < out.size()) {
                out.remove(index);
            }
            return out;
        }
        if (doc instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> {
                if (!k.equals(key)) {
                    out.put((String) k, v);
                }
            });
            return out;
        }
        if (doc instanceof List<?> l) {
            return new ArrayList<>(l.stream().filter(e -> !key.equals(e)).toList());
        }
        throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE, "cannot delete from scalar");
    }

    /** jsonb_set: replaces (or, with createMissing, adds) the value at path; a path through a missing key changes nothing. */
    @SuppressWarnings("unchecked")
    static Object set(Object doc, List<?> path, Object value, boolean createMissing) {
        if (path.isEmpty()) {
            return doc;
        }
        Object step = firstStep(doc, path);
        List<?> rest = path.subList(1, path.size());
        if (doc instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>((Map<String, Object>) m);
            String key = (String) step;
            if (out.containsKey(key)) {
                out.put(key, rest.isEmpty() ? value : set(out.get(key), rest, value, createMissing));
            } else if (rest.isEmpty() && createMissing) {
                out.put(key, value);
            }
            return Json.sorted(out);
        }
        List<Object> out = new ArrayList<>((List<Object>) doc);
        int at = arrayPosition(step, out.size());
        if (at >= 0 && at < out.size()) {
            out.set(at, rest.isEmpty() ? value : set(out.get(at), rest, value, createMissing));
        } else if (rest.isEmpty() && createMissing) {
            if (at < 0) {
                out.add(0, value);
            } else {
                out.add(value);
            }
        }
        return out;
    }

    /**
     * jsonb_insert: puts value into the array at the path's last index (before it, or after with {@code after}),
     * or under a new object key; an existing key is 22023, a missing path changes nothing.
     */
    @SuppressWarnings("unchecked")
    static Object insert(Object doc, List<?> path, Object value, boolean after) {
        if (path.isEmpty()) {
            return doc;
        }
        Object step = firstStep(doc, path);
        List<?> rest = path.subList(1, path.size());
        if (doc instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>((Map<String, Object>) m);
            String key = (String) step;
            if (rest.isEmpty()) {
                if (out.containsKey(key)) {
                    throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE, "cannot replace existing key");
                }
                out.put(key, value);
            } else if (out.containsKey(key)) {
                out.put(key, insert(out.get(key), rest, value, after));
            }
            return Json.sorted(out);
        }
        List<Object> out = new ArrayList<>((List<Object>) doc);
        int at = arrayPosition(step, out.size());
        if (rest.isEmpty()) {
            int position = at < 0 ? 0 : Math.min(at + (after && at < out.size() ? 1 : 0), out.size());
            out.add(position, value);
        } else if (at >= 0 && at < out.size()) {
            out.set(at, insert(out.get(at), rest, value, after));
        }
        return out;
    }

    /** jsonb_strip_nulls: object fields whose value is null go, at every depth; nulls in arrays stay. */
    @SuppressWarnings("unchecked")
    static Object stripNulls(Object doc) {
        if (doc instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) m).forEach((k, v) -> {
                if (v != Json.NULL) {
                    out.put(k, stripNulls(v));
                }
            });
            return out;
        }
        if (doc instanceof List<?> l) {
            return new ArrayList<>(l.stream().map(JsonEdits::stripNulls).toList());
        }
        return doc;
    }

    /** The path's first step, after the checks jsonb_set and jsonb_insert share (a container, a non-null step). */
    private static Object firstStep(Object doc, List<?> path) {
        if (!(doc instanceof Map) && !(doc instanceof List)) {
            throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE, "cannot set path in scalar");
        }
        Object step = path.get(0);
        if (step == null) {
            throw new HeliosException(SqlState.NULL_VALUE_NOT_ALLOWED, "path element at position 1 is null");
        }
        return step;
    }

    /** An array step's index into an array of this size, counted from the end when negative (may lie outside it). */
    private static int arrayPosition(Object step, int size) {
        int index;
        try {
            index = Integer.parseInt(((String) step).strip());
        } catch (NumberFormatException e) {
            throw new HeliosException(SqlState.INVALID_TEXT_REPRESENTATION, "path element at position 1 is not an integer: \""
                    + step + "\"");
        }
        return index < 0 ? size + index : index;
    }
}
