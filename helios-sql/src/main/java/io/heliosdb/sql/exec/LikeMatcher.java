package io.heliosdb.sql.exec;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.analyze.BoundExpr;
import java.util.regex.Pattern;

/** LIKE / ILIKE with {@code %}, {@code _} and backslash escapes; a constant pattern is compiled once. */
final class LikeMatcher {

    private LikeMatcher() {
    }

    static Evaluator compile(BoundExpr.Like like, Evaluator operand, Evaluator pattern) {
        boolean negated = like.negated();
        boolean ci = like.caseInsensitive();
        if (like.pattern() instanceof BoundExpr.Const c) {
            if (c.value() == null) {
                return (row, rt) -> null;
            }
            Pattern compiled = toRegex((String) c.value(), ci);
            return (row, rt) -> {
                Object v = operand.evaluate(row, rt);
                return v == null ? null : compiled.matcher((String) v).matches() != negated;
            };
        }
        return (row, rt) -> {
            Object v = operand.evaluate(row, rt);
            Object p = pattern.evaluate(row, rt);
            if (v == null || p == null) {
                return null;
            }
            return toRegex((String) p, ci).matcher((String) v).matches() != negated;
        };
    }

    /**
     * like_escape: a pattern written with its own escape character in the backslash form LIKE reads; an empty
     * escape means none (a backslash is then literal).
     */
    static String escapeToBackslash(String pattern, String escape) {
        if (escape.codePointCount(0, escape.length()) > 1) {
            throw new HeliosException(SqlState.INVALID_ESCAPE_SEQUENCE, "invalid escape string");
        }
        int esc = escape.isEmpty() ? -1 : escape.codePointAt(0);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pattern.length(); ) {
            int c = pattern.codePointAt(i);
            i += Character.charCount(c);
            if (c == esc) {
                if (i >= pattern.length()) {
                    throw new HeliosException(SqlState.INVALID_ESCAPE_SEQUENCE, "LIKE pattern must not end with escape character");
                }
                int next = pattern.codePointAt(i);
                i += Character.charCount(next);
                out.append('\\').appendCodePoint(next);
            } else if (c == '\\') {
                out.append("\\\\");
            } else {
                out.appendCodePoint(c);
            }
        }
        return out.toString();
    }

    static Pattern toRegex(String like, boolean caseInsensitive) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            char ch = like.charAt(i);
            if (ch == '\\') {
                if (i + 1 >= like.length()) {
                    throw new HeliosException(SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION,
                            "LIKE pattern must not end with escape character");
                }
                literal.append(like.charAt(++i));
            } else if (ch == '%' || ch == '_') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(ch == '%' ? ".*" : ".");
            } else {
                literal.append(ch);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        int flags = Pattern.DOTALL | (caseInsensitive ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        return Pattern.compile(regex.toString(), flags);
    }
}
