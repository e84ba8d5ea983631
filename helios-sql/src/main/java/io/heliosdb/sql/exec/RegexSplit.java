package io.heliosdb.sql.exec;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * regexp_split_to_table's pieces, split as PostgreSQL splits: an empty match at the start or end of the
 * string, or right after the previous match, is not a separator (so {@code ''} splits into characters and
 * no empty piece leads), while a non-empty match at the end leaves an empty last piece.
 */
final class RegexSplit {

    private RegexSplit() {
    }

    static List<String> split(String text, String pattern, String flags) {
        if (flags.contains("g")) {
            throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE,
                    "regexp_split_to_table() does not support the \"global\" option");
        }
        Matcher m;
        try {
            m = Pattern.compile(pattern, flags.contains("i") ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0)
                    .matcher(text);
        } catch (PatternSyntaxException e) {
            throw new HeliosException(SqlState.INVALID_REGULAR_EXPRESSION, "invalid regular expression: " + e.getDescription());
        }
        List<String> pieces = new ArrayList<>();
        int pieceStart = 0;
        int previousEnd = 0;
        int from = 0;
        while (from <= text.length() && m.find(from)) {
            if (m.start() < text.length() && m.end() > previousEnd) {
                pieces.add(text.substring(pieceStart, m.start()));
                pieceStart = m.end();
            }
            previousEnd = m.end();
            from = m.end() == m.start() ? m.end() + 1 : m.end();
        }
        pieces.add(text.substring(pieceStart));
        return pieces;
    }
}
