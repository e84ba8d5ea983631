package io.heliosdb.sql.types;

/**
 * PostgreSQL's text form of an anonymous record ({@code (a,1)}, {@code (k,"{""x"": 1}")}), which a
 * set-returning function of several columns gives when it is called in a select list.
 */
public final class RecordText {
    /** Marks a set function whose rows are folded into one record column. */
    public static final String SET_FUNCTION_PREFIX = "record ";

    private RecordText() {
    }

    /** The fields' text forms (null for NULL, which is written as nothing) as a record. */
    public static String format(String[] fields) {
        StringBuilder out = new StringBuilder("(");
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            String f = fields[i];
            if (f != null) {
                appendField(out, f);
            }
        }
        return out.append(')').toString();
    }

    private static void appendField(StringBuilder out, String f) {
        boolean quote = f.isEmpty();
        for (int i = 0; i < f.length() && !quote; i++) {
            char c = f.charAt(i);
            quote = c == '"' || c == '\\' || c == '(' || c == ')' || c == ',' || Character.isWhitespace(c);
        }
        if (!quote) {
            out.append(f);
            return;
        }
        out.append('"');
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (c == '"' || c == '\\') {
                out.append(c);
            }
            out.append(c);
        }
        out.append('"');
    }
}
