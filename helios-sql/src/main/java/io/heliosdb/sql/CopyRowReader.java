package io.heliosdb.sql;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads COPY FROM's data stream row by row, as PostgreSQL parses its text and CSV formats; stops
 * at the end of the stream or at a line holding only {@code \.}.
 */
public final class CopyRowReader {
    private static final int EOF = -1;

    private final Reader in;
    private final CopyFormat format;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private long line;
    private boolean ended;
    private boolean headerSkipped;

    public CopyRowReader(Reader in, CopyFormat format) {
        this.in = in;
        this.format = format;
    }

    /** The 1-based line of the row read last (for error context). */
    public long line() {
        return line;
    }

    /** The next row's values (null entries are SQL NULL), or {@code null} at the end of the data. */
    public String[] next() {
        if (!headerSkipped) {
            headerSkipped = true;
            if (format.header() && readRecord() == null) {
                return null;
            }
        }
        return readRecord();
    }

    private String[] readRecord() {
        if (ended || peek() == EOF) {
            ended = true;
            return null;
        }
        line++;
        List<String> fields = format.csv() ? csvRecord() : textRecord();
        if (fields == null) {
            ended = true;
            return null;
        }
        return fields.toArray(String[]::new);
    }

    private List<String> textRecord() {
        List<String> fields = new ArrayList<>();
        StringBuilder raw = new StringBuilder();
        StringBuilder value = new StringBuilder();
        boolean first = true;
        while (true) {
            int c = read();
            if (c == EOF || c == '\n' || c == '\r' || c == format.delimiter()) {
                if (c == '\r' && peek() == '\n') {
                    read();
                }
                if (first && c != format.delimiter() && raw.toString().equals("\\.")) {
                    return null;
                }
                fields.add(raw.toString().equals(format.nullString()) ? null : value.toString());
                if (c != format.delimiter()) {
                    return fields;
                }
                first = false;
                raw.setLength(0);
                value.setLength(0);
                continue;
            }
            raw.append((char) c);
            if (c != '\\') {
                value.append((char) c);
                continue;
            }
            int e = read();
            if (e == EOF) {
                value.append('\\');
                continue;
            }
            raw.append((char) e);
            switch (e) {
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'v' -> value.append('\u000b');
                case 'x' -> value.append((char) digits(raw, 16, 2, 0));
                case '0', '1', '2', '3', '4', '5', '6', '7' -> value.append((char) digits(raw, 8, 2, e - '0'));
                default -> value.append((char) e);
            }
        }
    }

    /** Reads up to {@code max} more digits of {@code radix} after an escape, as PostgreSQL does. */
    private int digits(StringBuilder raw, int radix, int max, int start) {
        int result = start;
        for (int i = 0; i < max; i++) {
            int c = peek();
            int digit = c == EOF ? -1 : Character.digit((char) c, radix);
            if (digit < 0) {
                break;
            }
            raw.append((char) read());
            result = result * radix + digit;
        }
        return result;
    }

    private List<String> csvRecord() {
        List<String> fields = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        boolean quoted = false;
        boolean first = true;
        while (true) {
            int c = read();
            if (c == EOF || c == '\n' || c == '\r' || c == format.delimiter()) {
                if (c == '\r' && peek() == '\n') {
                    read();
                }
                if (first && !quoted && c != format.delimiter() && value.toString().equals("\\.")) {
                    return null;
                }
                fields.add(csvNull(fields.size(), quoted, value.toString()) ? null : value.toString());
                if (c != format.delimiter()) {
                    return fields;
                }
                first = false;
                quoted = false;
                value.setLength(0);
                continue;
            }
            if (c != format.quote()) {
                value.append((char) c);
                continue;
            }
            quoted = true;
            while (true) {
                int q = read();
                if (q == EOF) {
                    throw new HeliosException(SqlState.BAD_COPY_FILE_FORMAT, "unterminated CSV quoted field");
                }
                if (q == format.escape() && (peek() == format.quote() || peek() == format.escape())
                        && (q != format.quote() || peek() == format.quote())) {
                    value.append((char) read());
                } else if (q == format.quote()) {
                    break;
                } else {
                    if (q == '\n') {
                        line++;
                    }
                    value.append((char) q);
                }
            }
        }
    }

    /** PostgreSQL's rule: the unquoted null string is NULL, unless FORCE_NOT_NULL; FORCE_NULL also quoted. */
    private boolean csvNull(int column, boolean quoted, String value) {
        if (!value.equals(format.nullString())) {
            return false;
        }
        return quoted ? format.forceNull().contains(column) : !format.forceNotNull().contains(column);
    }

    private int peek() {
        if (position == limit && !fill()) {
            return EOF;
        }
        return buffer[position];
    }

    private int read() {
        if (position == limit && !fill()) {
            return EOF;
        }
        return buffer[position++];
    }

    private boolean fill() {
        try {
            int n;
            do {
                n = in.read(buffer, 0, buffer.length);
            } while (n == 0);
            if (n < 0) {
                return false;
            }
            position = 0;
            limit = n;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
