package io.heliosdb.sql;

/** Writes COPY TO's rows in PostgreSQL's text or CSV format, one line per row. */
public final class CopyRowWriter {
    private final CopyFormat format;

    public CopyRowWriter(CopyFormat format) {
        this.format = format;
    }

    /** One row (null entries are SQL NULL) as a line ending in a newline. */
    public String line(String[] values, boolean header) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(format.delimiter());
            }
            String value = values[i];
            if (value == null) {
                out.append(format.nullString());
            } else if (format.csv()) {
                csv(out, value, header, !header && format.forceQuote().contains(i));
            } else {
                text(out, value);
            }
        }
        return out.append('\n').toString();
    }

    private void text(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\u000b' -> out.append("\\v");
                default -> {
                    if (c == format.delimiter()) {
                        out.append('\\');
                    }
                    out.append(c);
                }
            }
        }
    }

    private void csv(StringBuilder out, String value, boolean header, boolean forced) {
        boolean quote = forced || (!header && value.equals(format.nullString())) || value.equals("\\.");
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == format.delimiter() || c == format.quote() || c == '\n' || c == '\r';
        }
        if (!quote) {
            out.append(value);
            return;
        }
        out.append(format.quote());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == format.quote() || c == format.escape()) {
                out.append(format.escape());
            }
            out.append(c);
        }
        out.append(format.quote());
    }
}
