package io.heliosdb.sql.exec;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.analyze.BoundExpr;
import io.heliosdb.sql.analyze.BoundExpr.BuiltinCall;
import io.heliosdb.sql.types.Json;
import io.heliosdb.sql.types.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The array and JSON operators and functions typed by {@code analyze.ArrayJsonSignatures}. */
final class ArrayJsonFunctions {

    private ArrayJsonFunctions() {
    }

    /** The evaluator of the call, or null when it is not an array or JSON function. */
    static Evaluator compile(BuiltinCall call, Evaluator[] args) {
        SqlType[] types = call.args().stream().map(BoundExpr::type).toArray(SqlType[]::new);
        SqlType result = call.type();
        Evaluator dimensions = ArrayDimensions.compile(call, args);
        if (dimensions != null) {
            return dimensions;
        }
        return switch (call.name()) {
            case "array[]" -> (row, rt) -> {
                List<Object> out = new ArrayList<>(args.length);
                for (Evaluator a : args) {
                    out.add(a.evaluate(row, rt));
                }
                return Collections.unmodifiableList(out);
            };
            case "array_append", "array_prepend", "array_cat" -> (row, rt) -> {
                Object a = args[0].evaluate(row, rt);
                Object b = args[1].evaluate(row, rt);
                List<Object> out = new ArrayList<>();
                switch (call.name()) {
                    case "array_append" -> {
                        if (a != null) {
                            out.addAll((List<?>) a);
                        }
                        out.add(b);
                    }
                    case "array_prepend" -> {
                        out.add(a);
                        if (b != null) {
                            out.addAll((List<?>) b);
                        }
                    }
                    default -> {
                        if (a == null && b == null) {
                            return null;
                        }
                        if (a != null) {
                            out.addAll((List<?>) a);
                        }
                        if (b != null) {
                            out.addAll((List<?>) b);
                        }
                    }
                }
                return Collections.unmodifiableList(out);
            };
            case "array_position", "array_remove" -> (row, rt) -> {
                List<?> a = (List<?>) args[0].evaluate(row, rt);
                Object e = args[1].evaluate(row, rt);
                if (a == null) {
                    return null;
                }
                if (call.name().equals("array_position")) {
                    for (int i = 0; i < a.size(); i++) {
                        if (notDistinct(a.get(i), e)) {
                            return i + 1;
                        }
                    }
                    return null;
                }
                return Collections.unmodifiableList(a.stream().filter(x -> !notDistinct(x, e)).toList());
            };
            case "anyarray_to_string" -> (row, rt) -> {
                List<?> a = (List<?>) args[0].evaluate(row, rt);
                String sep = (String) args[1].evaluate(row, rt);
                String nullText = args.length > 2 ? (String) args[2].evaluate(row, rt) : null;
                if (a == null || sep == null) {
                    return null;
                }
                StringBuilder out = new StringBuilder();
                boolean first = true;
                for (Object e : flat(a)) {
                    if (e == null && nullText == null) {
                        continue;
                    }
                    if (!first) {
                        out.append(sep);
                    }
                    first = false;
                    out.append(e == null ? nullText : types[0].elementType().format(e));
                }
                return out.toString();
            };
            case "string_to_array" -> (row, rt) -> {
                String s = (String) args[0].evaluate(row, rt);
                String sep = (String) args[1].evaluate(row, rt);
                String nullText = args.length > 2 ? (String) args[2].evaluate(row, rt) : null;
                return s == null ? null : splitToArray(s, sep, nullText);
            };
            case "json_build_object", "json_build_array" -> (row, rt) -> {
                Object[] values = new Object[args.length];
                for (int i = 0; i < args.length; i++) {
                    values[i] = args[i].evaluate(row, rt);
                    if (call.name().endsWith("object") && i % 2 == 0 && values[i] == null) {
                        throw new HeliosException(SqlState.NULL_VALUE_NOT_ALLOWED, "argument " + (i + 1)
                                + ": key must not be null");
                    }
                }
                return call.name().endsWith("object") ? JsonText.buildObject(values, types) : JsonText.buildArray(values, types);
            };
            case "jsonb_build_object", "jsonb_build_array" -> (row, rt) -> {
                boolean object = call.name().endsWith("object");
                Map<String, Object> map = new LinkedHashMap<>();
                List<Object> list = new ArrayList<>();
                for (int i = 0; i < args.length; i++) {
                    Object v = args[i].evaluate(row, rt);
                    if (object && i % 2 == 0) {
                        if (v == null) {
                            throw new HeliosException(SqlState.NULL_VALUE_NOT_ALLOWED, "argument " + (i + 1)
                                    + ": key must not be null");
                        }
                        Object key = JsonConversion.toTree(v, types[i]);
                        String k = key instanceof String s ? s : Json.write(key);
                        Object value = JsonConversion.toTree(args[i + 1].evaluate(row, rt), types[i + 1]);
                        map.remove(k);
                        map.put(k, value);
                        i++;
                    } else {
                        list.add(JsonConversion.toTree(v, types[i]));
                    }
                }
                Object tree = object ? (result == SqlType.JSONB ? Json.sorted(map) : map) : list;
                return Json.write(tree);
            };
            default -> {
                if (call.name().endsWith(" any") || call.name().endsWith(" all")) {
                    yield quantified(call.name(), args);
                }
                Function<Object[], Object> f = strictFunction(call.name(), types, result);
                yield f == null ? null : strict(args, f);
            }
        };
    }

    private static Function<Object[], Object> strictFunction(String name, SqlType[] types, SqlType result) {
        return switch (name) {
            case "[]" -> a -> {
                List<?> list = (List<?>) a[0];
                int i = (Integer) a[1];
                Object e = i >= 1 && i <= list.size() ? list.get(i - 1) : null;
                // One subscript of a multi-dimensional array is NULL, as in PostgreSQL.
                return e instanceof List ? null : e;
            };
            case "vector[]" -> a -> {
                List<?> list = (List<?>) a[0];
                int i = (Integer) a[1];
                return i >= 0 && i < list.size() ? list.get(i) : null;
            };
            case "array_length", "array_upper" -> a -> ArrayDimensions.bound((List<?>) a[0], (Integer) a[1], false);
            case "array_lower" -> a -> ArrayDimensions.bound((List<?>) a[0], (Integer) a[1], true);
            case "cardinality" -> a -> io.heliosdb.api.ArrayShape.flatten((List<?>) a[0]).size();
            case "array@>" -> a -> containsAll(flat(a[0]), flat(a[1]));
            case "array<@" -> a -> containsAll(flat(a[1]), flat(a[0]));
            case "array&&" -> a -> flat(a[0]).stream().anyMatch(x -> x != null && flat(a[1]).stream()
                    .anyMatch(y -> y != null && Values.compare(x, y) == 0));
            case "to_json" -> a -> JsonText.value(a[0], types[0]);
            case "to_jsonb" -> a -> Json.write(JsonConversion.toTree(a[0], types[0]));
            case "->", "->>" -> types[0] == SqlType.JSON ? a -> {
                String part = JsonPathText.find((String) a[0], List.of(a[1]));
                return name.equals("->") ? part : JsonPathText.asText(part);
            } : a -> {
                Object v = get(tree(a[0], types[0]), a[1]);
                return name.equals("->") ? (v == null ? null : Json.write(v)) : Json.asText(v);
            };
            case "#>", "#>>" -> types[0] == SqlType.JSON ? a -> {
                String part = JsonPathText.find((String) a[0], (List<?>) a[1]);
                return name.equals("#>") ? part : JsonPathText.asText(part);
            } : a -> {
                Object v = tree(a[0], types[0]);
                for (Object step : (List<?>) a[1]) {
                    if (v == null || step == null) {
                        return null;
                    }
                    v = get(v, v instanceof List ? arrayIndex((String) step) : step);
                }
                return name.equals("#>") ? (v == null ? null : Json.write(v)) : Json.asText(v);
            };
            case "?" -> a -> hasKey(tree(a[0], types[0]), (String) a[1]);
            case "?|" -> a -> {
                Object doc = tree(a[0], types[0]);
                return ((List<?>) a[1]).stream().anyMatch(k -> k != null && hasKey(doc, (String) k));
            };
            case "?&" -> a -> {
                Object doc = tree(a[0], types[0]);
                return ((List<?>) a[1]).stream().allMatch(k -> k == null || hasKey(doc, (String) k));
            };
            case "@>" -> a -> Json.contains(tree(a[0], types[0]), tree(a[1], types[1]));
            case "<@" -> a -> Json.contains(tree(a[1], types[1]), tree(a[0], types[0]));
            case "jsonb||" -> a -> Json.write(JsonEdits.concat(tree(a[0], types[0]), tree(a[1], types[1])));
            case "jsonb-" -> a -> Json.write(JsonEdits.remove(tree(a[0], types[0]), a[1]));
            case "jsonb_set" -> a -> Json.write(JsonEdits.set(tree(a[0], types[0]), (List<?>) a[1], tree(a[2], types[2]),
                    a.length < 4 || (Boolean) a[3]));
            case "jsonb_insert" -> a -> Json.write(JsonEdits.insert(tree(a[0], types[0]), (List<?>) a[1], tree(a[2], types[2]),
                    a.length > 3 && (Boolean) a[3]));
            case "jsonb_strip_nulls" -> a -> Json.write(JsonEdits.stripNulls(tree(a[0], types[0])));
            case "jsonb_typeof", "json_typeof" -> a -> Json.typeOf(tree(a[0], types[0]));
            case "jsonb_pretty" -> a -> Json.pretty(tree(a[0], types[0]));
            case "jsonb_array_length", "json_array_length" -> a -> {
                Object v = tree(a[0], types[0]);
                if (!(v instanceof List<?> l)) {
                    throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE, "cannot get array length of a "
                            + (v instanceof Map ? "non-array" : "scalar"));
                }
                return l.size();
            };
            default -> null;
        };
    }

    /** {@code x op ANY (array)} / {@code ALL}: three-valued over the elements, false (ANY) or true (ALL) when empty. */
    private static Evaluator quantified(String name, Evaluator[] args) {
        String op = name.substring(0, name.indexOf(' '));
        boolean all = name.endsWith(" all");
        return (row, rt) -> {
            Object x = args[0].evaluate(row, rt);
            List<?> array = (List<?>) args[1].evaluate(row, rt);
            if (array == null) {
                return null;
            }
            array = flat(array);
            boolean sawNull = false;
            for (Object e : array) {
                if (x == null || e == null) {
                    sawNull = true;
                    continue;
                }
                int c = Values.compare(x, e);
                boolean holds = switch (op) {
                    case "=" -> c == 0;
                    case "<>" -> c != 0;
                    case "<" -> c < 0;
                    case "<=" -> c <= 0;
                    case ">" -> c > 0;
                    default -> c >= 0;
                };
                if (holds != all) {
                    return !all;
                }
            }
            return sawNull ? null : all;
        };
    }

    /** The elements of an array of any dimensions, in storage order (these operators ignore the shape). */
    private static List<?> flat(Object array) {
        List<?> list = (List<?>) array;
        return io.heliosdb.api.ArrayShape.nested(list) ? io.heliosdb.api.ArrayShape.flatten(list) : list;
    }

    static Object tree(Object text, SqlType type) {
        return Json.parse((String) text, type != SqlType.JSON);
    }

    private static Object get(Object doc, Object key) {
        if (key instanceof Integer i) {
            if (!(doc instanceof List<?> l)) {
                return null;
            }
            int index = i < 0 ? l.size() + i : i;
            return index >= 0 && index < l.size() ? l.get(index) : null;
        }
        if (key instanceof String k && doc instanceof Map<?, ?> m) {
            return m.get(k);
        }
        return null;
    }

    private static Object arrayIndex(String step) {
        try {
            return Integer.parseInt(step.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean hasKey(Object doc, String key) {
        if (doc instanceof Map<?, ?> m) {
            return m.containsKey(key);
        }
        if (doc instanceof List<?> l) {
            return l.contains(key);
        }
        return key.equals(doc);
    }

    private static boolean containsAll(List<?> haystack, List<?> needles) {
        for (Object n : needles) {
            if (n == null || haystack.stream().noneMatch(h -> h != null && Values.compare(h, n) == 0)) {
                return false;
            }
        }
        return true;
    }

    private static boolean notDistinct(Object a, Object b) {
        return a == null ? b == null : b != null && Values.compare(a, b) == 0;
    }

    private static List<Object> splitToArray(String s, String sep, String nullText) {
        List<Object> out = new ArrayList<>();
        if (s.isEmpty()) {
            return Collections.unmodifiableList(out);
        }
        if (sep == null) {
            s.codePoints().forEach(c -> out.add(new String(Character.toChars(c))));
        } else if (sep.isEmpty()) {
            out.add(s);
        } else {
            int from = 0;
            while (true) {
                int at = s.indexOf(sep, from);
                out.add(s.substring(from, at < 0 ? s.length() : at));
                if (at < 0) {
                    break;
                }
                from = at + sep.length();
            }
        }
        if (nullText != null) {
            out.replaceAll(e -> nullText.equals(e) ? null : e);
        }
        return Collections.unmodifiableList(out);
    }

    private static Evaluator strict(Evaluator[] args, Function<Object[], Object> f) {
        return (row, rt) -> {
            Object[] values = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                values[i] = args[i].evaluate(row, rt);
                if (values[i] == null) {
                    return null;
                }
            }
            return f.apply(values);
        };
    }
}
