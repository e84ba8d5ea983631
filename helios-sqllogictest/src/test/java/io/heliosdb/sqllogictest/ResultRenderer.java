package io.heliosdb.sqllogictest;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/** Renders, sorts and hashes result values exactly as the reference tool does before comparing. */
final class ResultRenderer {

    private ResultRenderer() {
    }

    /**
     * One value as text for a column of type letter {@code type} (I, R or T); {@code text} is the engine's
     * PostgreSQL text form of the value, used for T and for values that are not numbers.
     */
    static String render(char type, Object value, String text) {
        if (value == null) {
            return "NULL";
        }
        return switch (type) {
            case 'I' -> integer(value, text);
            case 'R' -> String.format(Locale.ROOT, "%.3f", real(value, text));
            default -> text(text);
        };
    }

    private static String integer(Object value, String text) {
        if (value instanceof Boolean b) {
            return b ? "1" : "0";
        }
        if (value instanceof BigDecimal d) {
            return d.toBigInteger().toString();
        }
        if (value instanceof Double || value instanceof Float) {
            return Long.toString((long) ((Number) value).doubleValue());
        }
        if (value instanceof Number n) {
            return Long.toString(n.longValue());
        }
        // A C integer read of text: leading sign and digits, anything else stops it (atoll).
        String t = text.trim();
        int end = 0;
        if (end < t.length() && (t.charAt(end) == '-' || t.charAt(end) == '+')) {
            end++;
        }
        int digits = end;
        while (end < t.length() && Character.isDigit(t.charAt(end))) {
            end++;
        }
        if (end == digits) {
            return "0";
        }
        try {
            return Long.toString(Long.parseLong(t.substring(0, end)));
        } catch (NumberFormatException e) {
            return "0";
        }
    }

    private static double real(Object value, String text) {
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String text(String text) {
        if (text.isEmpty()) {
            return "(empty)";
        }
        StringBuilder sb = new StringBuilder(text.length());
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            sb.append(b >= 0x20 && b <= 0x7E ? (char) b : '@');
        }
        return sb.toString();
    }

    /** Sorts rendered values ({@code width} per row) by the sort mode, comparing as C strcmp does. */
    static List<String> sort(List<String> values, int width, SltRecord.SortMode mode) {
        switch (mode) {
            case NOSORT -> {
                return values;
            }
            case VALUESORT -> {
                List<String> sorted = new ArrayList<>(values);
                sorted.sort(ResultRenderer::strcmp);
                return sorted;
            }
            default -> {
                int rows = width == 0 ? 0 : values.size() / width;
                List<String[]> table = new ArrayList<>(rows);
                for (int r = 0; r < rows; r++) {
                    table.add(values.subList(r * width, (r + 1) * width).toArray(String[]::new));
                }
                table.sort((a, b) -> {
                    for (int i = 0; i < a.length; i++) {
                        int c = strcmp(a[i], b[i]);
                        if (c != 0) {
                            return c;
                        }
                    }
                    return 0;
                });
                List<String> out = new ArrayList<>(values.size());
                table.forEach(row -> out.addAll(Arrays.asList(row)));
                return out;
            }
        }
    }

    /** Rendered values are ASCII, so comparing chars is comparing unsigned bytes. */
    static int strcmp(String a, String b) {
        return a.compareTo(b);
    }

    /** Lowercase hex MD5 of the values, each followed by one newline. */
    static String md5(List<String> values) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            for (String v : values) {
                md.update(v.getBytes(StandardCharsets.UTF_8));
                md.update((byte) '\n');
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The block the file would hold for these (sorted) values under the threshold. */
    static List<String> block(List<String> values, int threshold) {
        if (threshold > 0 && values.size() > threshold) {
            return List.of(values.size() + " values hashing to " + md5(values));
        }
        return values;
    }
}
