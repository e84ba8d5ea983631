package io.heliosdb.sql.types;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import java.io.IOException;

/**
 * PostgreSQL's two jsonb layouts for Jackson's generator: the one-line output form
 * ({@code {"a": 1, "b": [1, 2]}}) and jsonb_pretty's four-space indented form.
 */
final class JsonLayout implements PrettyPrinter {
    private final boolean indented;
    private int depth;

    JsonLayout(boolean indented) {
        this.indented = indented;
    }

    private void newline(JsonGenerator g) throws IOException {
        if (indented) {
            g.writeRaw('\n');
            for (int i = 0; i < depth; i++) {
                g.writeRaw("    ");
            }
        }
    }

    @Override
    public void writeRootValueSeparator(JsonGenerator g) {
    }

    @Override
    public void writeStartObject(JsonGenerator g) throws IOException {
        g.writeRaw('{');
        depth++;
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) throws IOException {
        depth--;
        if (entries > 0 || indented) {
            newline(g);
        }
        g.writeRaw('}');
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
        g.writeRaw(indented ? "," : ", ");
        newline(g);
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(": ");
    }

    @Override
    public void writeStartArray(JsonGenerator g) throws IOException {
        g.writeRaw('[');
        depth++;
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) throws IOException {
        depth--;
        if (values > 0 || indented) {
            newline(g);
        }
        g.writeRaw(']');
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(indented ? "," : ", ");
        newline(g);
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {
        newline(g);
    }

    @Override
    public void beforeObjectEntries(JsonGenerator g) throws IOException {
        newline(g);
    }
}
