package io.heliosdb.sql.exec;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;

/**
 * {@code format(fmt, args...)} as PostgreSQL's text_format: {@code %[n$][-][width]type} with the types
 * {@code s}, {@code I} (quote_ident), {@code L} (quote_literal, NULL unquoted) and {@code %%}; the width may be
 * {@code *} or {@code *n$} (an argument, negative for left alignment). Without a position, arguments are taken
 * in turn after the last one used.
 */
final class TextFormat {

    private TextFormat() {
    }

    static Evaluator evaluator(Evaluator[] args, SqlType[] types) {
        return (row, rt) -> {
            String fmt = (String) args[0].evaluate(row, rt);
            if (fmt == null) {
                return null;
            }
            Object[] values = new Object[args.length];
            boolean[] evaluated = new boolean[args.length];
            StringBuilder out = new StringBuilder();
            int next = 1;
            int i = 0;
            while (i < fmt.length()) {
                char c = fmt.charAt(i++);
                if (c != '%') {
                    out.append(c);
                    continue;
                }
                if (i < fmt.length() && fmt.charAt(i) == '%') {
                    out.append('%');
                    i++;
                    continue;
                }
                // %[n$][-][width|*|*n$]type
                int argument = -1;
                int at = digitsEnd(fmt, i);
                if (at > i && at < fmt.length() && fmt.charAt(at) == '$') {
                    argument = position(fmt, i, at);
                    i = at + 1;
                }
                boolean left = false;
                while (i < fmt.length() && fmt.charAt(i) == '-') {
                    left = true;
                    i++;
                }
                int width = 0;
                if (i < fmt.length() && fmt.charAt(i) == '*') {
                    i++;
                    int widthArgument;
                    at = digitsEnd(fmt, i);
                    if (at > i && at < fmt.length() && fmt.charAt(at) == '$') {
                        widthArgument = position(fmt, i, at);
                        i = at + 1;
                    } else {
                        widthArgument = next++;
                    }
                    Object w = value(args, types, values, evaluated, widthArgument, row, rt);
                    if (w != null) {
                        long n = Long.parseLong(types[widthArgument].format(w).trim());
                        if (n < 0) {
                            left = true;
                            n = -n;
                        }
                        if (n > Integer.MAX_VALUE / 2) {
                            throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE, "number is out of range");
                        }
                        width = (int) n;
                    }
                } else {
                    at = digitsEnd(fmt, i);
                    if (at > i) {
                        width = position(fmt, i, at);
                        i = at;
                    }
                }
                if (i >= fmt.length()) {
                    throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE, "unterminated format() type specifier");
                }
                char spec = fmt.charAt(i++);
                if (spec != 's' && spec != 'I' && spec != 'L') {
                    throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE,
                            "unrecognized format() type specifier \"" + spec + "\"");
                }
                if (argument < 0) {
                    argument = next;
                }
                next = argument + 1;
                Object v = value(args, types, values, evaluated, argument, row, rt);
                String text = v == null ? null : types[argument].format(v);
                String piece = switch (spec) {
                    case 's' -> text == null ? "" : text;
                    case 'I' -> {
                        if (text == null) {
                            throw new HeliosException(SqlState.NULL_VALUE_NOT_ALLOWED,
                                    "null values cannot be formatted as an SQL identifier");
                        }
                        yield SqlQuoting.ident(text);
                    }
                    default -> text == null ? "NULL" : SqlQuoting.literal(text);
                };
                int pad = width - piece.codePointCount(0, piece.length());
                if (pad > 0 && !left) {
                    out.append(" ".repeat(pad));
                }
                out.append(piece);
                if (pad > 0 && left) {
                    out.append(" ".repeat(pad));
                }
            }
            return out.toString();
        };
    }

    private static int digitsEnd(String fmt, int from) {
        int i = from;
        while (i < fmt.length() && Character.isDigit(fmt.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int position(String fmt, int from, int to) {
        long n = Long.parseLong(fmt.substring(from, Math.min(to, from + 12)));
        if (n == 0 || n > Integer.MAX_VALUE / 2) {
            throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE,
                    n == 0 ? "format specifies argument 0, but arguments are numbered from 1" : "number is out of range");
        }
        return (int) n;
    }

    private static Object value(Evaluator[] args, SqlType[] types, Object[] values, boolean[] evaluated, int index,
                                Object[] row, Runtime rt) {
        if (index >= args.length) {
            throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE, "too few arguments for format()");
        }
        if (!evaluated[index]) {
            values[index] = args[index].evaluate(row, rt);
            evaluated[index] = true;
        }
        return values[index];
    }
}
