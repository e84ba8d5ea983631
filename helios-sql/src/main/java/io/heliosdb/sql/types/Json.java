package io.heliosdb.sql.types;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON documents as trees: an object is a {@code Map<String,Object>}, an array a {@code List<Object>},
 * a number a {@link BigDecimal}, and JSON's null is {@link #NULL} (SQL NULL stays Java null). Parsing and
 * writing go through Jackson's streaming API; jsonb's normal form sorts keys as PostgreSQL does
 * (shorter first, then by bytes) and keeps the last of duplicate keys.
 */
public final class Json {
    /** JSON's {@code null}, distinct from SQL NULL. */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(6400).maxNumberLength(100_000).build())
            .build();

    /** PostgreSQL's jsonb key order: shorter keys first, equal lengths by their UTF-8 bytes. */
    public static final Comparator<String> KEY_ORDER = (a, b) -> {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        return x.length != y.length ? Integer.compare(x.length, y.length) : Arrays.compareUnsigned(x, y);
    };

    private Json() {
    }

    /** Parses JSON text; jsonb sorts keys and keeps the last duplicate, json keeps the written order. */
    public static Object parse(String text, boolean jsonb) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw invalid(text, "The input string ended unexpectedly.");
            }
            Object value = read(p, first, jsonb);
            if (p.nextToken() != null) {
                throw invalid(text, "Expected end of input, but found \"" + p.getText() + "\".");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw invalid(text, e.getOriginalMessage());
        } catch (IOException e) {
            throw invalid(text, e.getMessage());
        }
    }

    private static Object read(JsonParser p, JsonToken token, boolean jsonb) throws IOException {
        return switch (token) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                    String key = p.currentName();
                    Object v = read(p, p.nextToken(), jsonb);
                    if (jsonb) {
                        object.remove(key);
                    }
                    object.put(key, v);
                }
                yield jsonb ? sorted(object) : object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    array.add(read(p, t, jsonb));
                }
                yield array;
            }
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new BigDecimal(p.getText());
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> NULL;
            default -> throw new IOException("Token \"" + p.getText() + "\" is invalid.");
        };
    }

    /** The object with its keys in jsonb order. */
    public static Map<String, Object> sorted(Map<String, Object> object) {
        List<String> keys = new ArrayList<>(object.keySet());
        keys.sort(KEY_ORDER);
        Map<String, Object> out = new LinkedHashMap<>();
        for (String k : keys) {
            out.put(k, object.get(k));
        }
        return Collections.unmodifiableMap(out);
    }

    /** jsonb's normal text form of JSON text. */
    public static String normalize(String text) {
        return write(parse(text, true));
    }

    /** Checks that text is JSON and returns it unchanged (the json type keeps its input). */
    public static String validate(String text) {
        parse(text, false);
        return text;
    }

    /** The tree in PostgreSQL's one-line output layout. */
    public static String write(Object tree) {
        return write(tree, false);
    }

    /** jsonb_pretty's layout. */
    public static String pretty(Object tree) {
        return write(tree, true);
    }

    private static String write(Object tree, boolean indented) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setPrettyPrinter(new JsonLayout(indented));
            write(g, tree);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static void write(JsonGenerator g, Object v) throws IOException {
        if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                g.writeFieldName(e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List<?> l) {
            g.writeStartArray();
            for (Object o : l) {
                write(g, o);
            }
            g.writeEndArray();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof BigDecimal d) {
            g.writeNumber(d.toPlainString());
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            g.writeNull();
        }
    }

    /** PostgreSQL's jsonb_typeof names. */
    public static String typeOf(Object v) {
        if (v instanceof Map) {
            return "object";
        } else if (v instanceof List) {
            return "array";
        } else if (v instanceof String) {
            return "string";
        } else if (v instanceof BigDecimal) {
            return "number";
        } else if (v instanceof Boolean) {
            return "boolean";
        }
        return "null";
    }

    /** The text ->> gives: strings unquoted, JSON null as SQL NULL, anything else as JSON text. */
    public static String asText(Object v) {
        if (v == NULL || v == null) {
            return null;
        }
        return v instanceof String s ? s : write(v);
    }

    /**
     * jsonb's btree order: objects > arrays > booleans > numbers > strings > null; arrays and objects
     * with more elements sort after those with fewer, then element by element (objects key by key).
     * Strings compare by their UTF-8 bytes, the C collation the differential tests run PostgreSQL in.
     */
    @SuppressWarnings("unchecked")
    public static int compare(Object a, Object b) {
        int ra = rank(a);
        int rb = rank(b);
        if (ra != rb) {
            return Integer.compare(ra, rb);
        }
        if (a instanceof Map<?, ?> x) {
            Map<String, Object> y = (Map<String, Object>) b;
            if (x.size() != y.size()) {
                return Integer.compare(x.size(), y.size());
            }
            var i = ((Map<String, Object>) x).entrySet().iterator();
            var j = y.entrySet().iterator();
            while (i.hasNext()) {
                var e = i.next();
                var f = j.next();
                // Keys are visited in storage order (shorter first) but compared as strings are.
                int c = Arrays.compareUnsigned(e.getKey().getBytes(StandardCharsets.UTF_8),
                        f.getKey().getBytes(StandardCharsets.UTF_8));
                if (c == 0) {
                    c = compare(e.getValue(), f.getValue());
                }
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }
        if (a instanceof List<?> x) {
            List<?> y = (List<?>) b;
            if (x.size() != y.size()) {
                return Integer.compare(x.size(), y.size());
            }
            for (int k = 0; k < x.size(); k++) {
                int c = compare(x.get(k), y.get(k));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }
        if (a instanceof String x) {
            return Arrays.compareUnsigned(x.getBytes(StandardCharsets.UTF_8), ((String) b).getBytes(StandardCharsets.UTF_8));
        }
        if (a instanceof BigDecimal x) {
            return x.compareTo((BigDecimal) b);
        }
        if (a instanceof Boolean x) {
            return x.compareTo((Boolean) b);
        }
        return 0;
    }

    private static int rank(Object v) {
        if (v instanceof Map) {
            return 5;
        } else if (v instanceof List) {
            return 4;
        } else if (v instanceof Boolean) {
            return 3;
        } else if (v instanceof BigDecimal) {
            return 2;
        } else if (v instanceof String) {
            return 1;
        }
        return 0;
    }

    /** jsonb's {@code @>}: every member of the pattern is in the value (arrays as sets, scalars equal). */
    @SuppressWarnings("unchecked")
    public static boolean contains(Object value, Object pattern) {
        if (value instanceof Map<?, ?> m && pattern instanceof Map<?, ?> p) {
            for (var e : ((Map<String, Object>) p).entrySet()) {
                if (!m.containsKey(e.getKey()) || !contains(m.get(e.getKey()), e.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (value instanceof List<?> l) {
            if (pattern instanceof List<?> p) {
                for (Object want : p) {
                    if (l.stream().noneMatch(have -> (want instanceof List || want instanceof Map)
                            ? contains(have, want) && rank(have) == rank(want) : compare(have, want) == 0 && rank(have) == rank(want))) {
                        return false;
                    }
                }
                return true;
            }
            // A top-level array contains a primitive directly.
            return !(pattern instanceof Map) && l.stream().anyMatch(have -> rank(have) == rank(pattern) && compare(have, pattern) == 0);
        }
        return rank(value) == rank(pattern) && !(pattern instanceof Map || pattern instanceof List) && compare(value, pattern) == 0;
    }

    private static HeliosException invalid(String text, String detail) {
        return new HeliosException(SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type json",
                detail, null, -1, null);
    }
}
