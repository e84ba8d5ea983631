package io.heliosdb.sql.exec;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * regexp_match and regexp_matches: each match as a text array of its capture groups (an unmatched group is
 * NULL), or of the whole match when the pattern has no groups. Flags: {@code i} ignores case, {@code g} (only
 * for regexp_matches) returns every match instead of the first.
 */
final class RegexMatches {

    private RegexMatches() {
    }

    /** regexp_match: the first match, or null. */
    static List<String> first(String text, String pattern, String flags) {
        if (flags.contains("g")) {
            throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE, "regexp_match() does not support the \"global\" option");
        }
        List<List<String>> all = matches(text, pattern, flags, false);
        return all.isEmpty() ? null : all.get(0);
    }

    /** regexp_matches: the first match, or every match with the g flag. */
    static List<List<String>> matches(String text, String pattern, String flags, boolean global) {
        for (char f : flags.toCharArray()) {
            if (f != 'g' && f != 'i' && f != 'c') {
                throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE, "invalid regular expression option: \"" + f + "\"");
            }
        }
        Matcher m = compile(pattern, flags).matcher(text);
        List<List<String>> out = new ArrayList<>();
        boolean every = global || flags.contains("g");
        int from = 0;
        while (from <= text.length() && m.find(from)) {
            List<String> groups = new ArrayList<>();
            if (m.groupCount() == 0) {
                groups.add(m.group());
            } else {
                for (int g = 1; g <= m.groupCount(); g++) {
                    groups.add(m.group(g));
                }
            }
            out.add(groups);
            if (!every) {
                break;
            }
            from = m.end() == m.start() ? m.end() + 1 : m.end();
        }
        return out;
    }

    /** substring(text FROM pattern): the first parenthesized group's match, or the whole match; null if none. */
    static String substring(String text, String pattern) {
        Matcher m = compile(pattern, "").matcher(text);
        if (!m.find()) {
            return null;
        }
        return m.groupCount() > 0 ? m.group(1) : m.group();
    }

    static Pattern compile(String pattern, String flags) {
        try {
            return Pattern.compile(pattern, flags.contains("i") ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        } catch (PatternSyntaxException e) {
            throw new HeliosException(SqlState.INVALID_REGULAR_EXPRESSION, "invalid regular expression: " + e.getDescription());
        }
    }
}
