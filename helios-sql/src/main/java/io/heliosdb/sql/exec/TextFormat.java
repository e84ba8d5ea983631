package io.heliosdb.sql.exec;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;

/** {@code format(fmt, args...)} with the {@code %s}, {@code %I}, {@code %L} and {@code %%} specifiers. */
final class TextFormat {

    private TextFormat() {
    }

    static Evaluator evaluator(Evaluator[] args, SqlType[] types) {
        return (row, rt) -> {
            String fmt = (String) args[0].evaluate(row, rt);
            if (fmt == null) {
                return null;
            }
            StringBuilder out = new StringBuilder();
            int next = 1;
            for (int i = 0; i < fmt.length(); i++) {
                char c = fmt.charAt(i);
                if (c != '%') {
                    out.append(c);
                    continue;
                }
                if (++i >= fmt.length()) {
                    throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE, "unterminated format() type specifier");
                }
                char spec = fmt.charAt(i);
                if (spec == '%') {
                    out.append('%');
                    continue;
                }
                if (spec != 's' && spec != 'I' && spec != 'L') {
                    throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE,
                            "unrecognized format() type specifier \"" + spec + "\"");
                }
                if (next >= args.length) {
                    throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE, "too few arguments for format()");
                }
                Object v = args[next].evaluate(row, rt);
                String text = v == null ? null : types[next].format(v);
                next++;
                switch (spec) {
                    case 's' -> out.append(text == null ? "" : text);
                    case 'I' -> {
                        if (text == null) {
                            throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE,
                                    "null values cannot be formatted as an SQL identifier");
                        }
                        out.append(quoteIdentifier(text));
                    }
                    default -> out.append(text == null ? "NULL" : "'" + text.replace("'", "''") + "'");
                }
            }
            return out.toString();
        };
    }

    private static String quoteIdentifier(String name) {
        boolean plain = !name.isEmpty() && (Character.isLowerCase(name.charAt(0)) || name.charAt(0) == '_')
                && name.chars().allMatch(ch -> ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9' || ch == '_');
        return plain ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
