package io.heliosdb.sql.exec;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code ~}, {@code ~*}, SIMILAR TO and regexp_replace. PostgreSQL's regular expressions are read as Java
 * ones, which agree on the common syntax. The last pattern is kept compiled, since it is nearly always
 * a constant.
 */
final class RegexFunctions {

    private RegexFunctions() {
    }

    /** A strict function of the given built-in name, or null when the name is not a regex function. */
    static Function<Object[], Object> function(String name) {
        return switch (name) {
            case "~" -> matcher(0);
            case "~*" -> matcher(Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            case "similar" -> {
                PatternCache cache = new PatternCache();
                yield a -> cache.get(similarToRegex((String) a[1]), 0).matcher((String) a[0]).matches();
            }
            case "regexp_replace" -> {
                PatternCache cache = new PatternCache();
                yield a -> replace(cache, (String) a[0], (String) a[1], (String) a[2], a.length > 3 ? (String) a[3] : "");
            }
            case "regexp_match" -> a -> RegexMatches.first((String) a[0], (String) a[1], a.length > 2 ? (String) a[2] : "");
            case "regexp_split_to_array" -> a -> RegexSplit.split((String) a[0], (String) a[1], a.length > 2 ? (String) a[2] : "");
            default -> null;
        };
    }

    private static Function<Object[], Object> matcher(int flags) {
        PatternCache cache = new PatternCache();
        return a -> cache.get((String) a[1], flags).matcher((String) a[0]).find();
    }

    private static String replace(PatternCache cache, String source, String pattern, String replacement, String flags) {
        int f = flags.contains("i") ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
        Matcher m = cache.get(pattern, f).matcher(source);
        String javaReplacement = javaReplacement(replacement);
        return flags.contains("g") ? m.replaceAll(javaReplacement) : m.replaceFirst(javaReplacement);
    }

    /** PostgreSQL writes group references as \1 and the whole match as \&; Java as $1 and $0. */
    private static String javaReplacement(String r) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < r.length(); i++) {
            char c = r.charAt(i);
            if (c == '\\' && i + 1 < r.length()) {
                char next = r.charAt(++i);
                if (Character.isDigit(next)) {
                    sb.append('$').append(next);
                } else if (next == '&') {
                    sb.append("$0");
                } else {
                    sb.append(Matcher.quoteReplacement(String.valueOf(next)));
                }
            } else {
                sb.append(Matcher.quoteReplacement(String.valueOf(c)));
            }
        }
        return sb.toString();
    }

    /** SQL regular expressions: % and _ are wildcards, the rest is regex syntax, the whole string must match. */
    static String similarToRegex(String pattern) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            switch (c) {
                case '%' -> sb.append(".*");
                case '_' -> sb.append('.');
                case '\\' -> {
                    if (i + 1 < pattern.length()) {
                        sb.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
                    }
                }
                case '.', '^', '$' -> sb.append('\\').append(c);
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Remembers the last compiled pattern; a bad pattern is 2201B, as in PostgreSQL. */
    private static final class PatternCache {
        private volatile Object[] last;

        Pattern get(String regex, int flags) {
            Object[] cached = last;
            if (cached != null && cached[0].equals(regex) && (Integer) cached[1] == flags) {
                return (Pattern) cached[2];
            }
            try {
                Pattern p = Pattern.compile(regex, flags);
                last = new Object[] {regex, flags, p};
                return p;
            } catch (PatternSyntaxException e) {
                throw new HeliosException(SqlState.INVALID_REGULAR_EXPRESSION, "invalid regular expression: " + e.getDescription());
            }
        }
    }
}
