package io.heliosdb.sql.exec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.heliosdb.sql.types.Json;
import java.io.IOException;
import java.util.List;

/**
 * The json (not jsonb) operators {@code ->}, {@code ->>}, {@code #>} and {@code #>>}: json keeps its text as
 * written, so the part found is cut out of the text rather than rebuilt (spacing and key order stay).
 */
final class JsonPathText {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonPathText() {
    }

    /** The text of the value at {@code steps} (keys, or array indexes as integers or digit strings); null if absent. */
    static String find(String text, List<?> steps) {
        String at = text;
        for (Object step : steps) {
            if (at == null || step == null) {
                return null;
            }
            at = child(at, step);
        }
        return at;
    }

    /** What ->> and #>> give: a string unquoted, JSON null as SQL NULL, anything else as written. */
    static String asText(String part) {
        if (part == null) {
            return null;
        }
        return part.startsWith("\"") || part.equals("null") ? Json.asText(Json.parse(part, false)) : part;
    }

    private static String child(String text, Object step) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_OBJECT && step instanceof String key) {
                String found = null;
                for (t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                    String name = p.currentName();
                    p.nextToken();
                    String value = cut(p, text);
                    if (name.equals(key)) {
                        found = value; // the last of duplicate keys wins, as in PostgreSQL
                    }
                }
                return found;
            }
            if (t == JsonToken.START_ARRAY) {
                Integer index = step instanceof Integer i ? i : parseIndex(step.toString());
                if (index == null) {
                    return null;
                }
                if (index < 0) {
                    index += count(text);
                }
                int i = 0;
                for (t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    String value = cut(p, text);
                    if (i++ == index) {
                        return value;
                    }
                }
            }
            return null;
        } catch (IOException e) {
            throw new IllegalStateException("stored json does not parse", e);
        }
    }

    /** The text of the value at the parser's current token, leaving the parser on its last token. */
    private static String cut(JsonParser p, String text) throws IOException {
        int start = (int) p.currentTokenLocation().getCharOffset();
        if (p.currentToken().isStructStart()) {
            p.skipChildren();
        } else {
            p.finishToken();
        }
        int end = (int) p.currentLocation().getCharOffset();
        return text.substring(start, end);
    }

    private static int count(String array) throws IOException {
        try (JsonParser p = FACTORY.createParser(array)) {
            p.nextToken();
            int n = 0;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                p.skipChildren();
                n++;
            }
            return n;
        }
    }

    private static Integer parseIndex(String step) {
        try {
            return Integer.parseInt(step.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
