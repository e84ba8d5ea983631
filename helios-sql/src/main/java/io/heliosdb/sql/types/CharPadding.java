package io.heliosdb.sql.types;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;

/** char(n): values are blank-padded to n characters, and trailing blanks mean nothing when read as text. */
public final class CharPadding {

    private CharPadding() {
    }

    /** Pads or cuts to {@code length}; an assignment may cut only blanks ({@code 22001} otherwise). */
    static String fit(String s, int length, boolean explicit) {
        int count = s.codePointCount(0, s.length());
        if (count <= length) {
            return s + " ".repeat(length - count);
        }
        int cut = s.offsetByCodePoints(0, length);
        if (!explicit && !s.substring(cut).isBlank()) {
            throw new HeliosException(SqlState.STRING_DATA_RIGHT_TRUNCATION,
                    "value too long for type character(" + length + ")");
        }
        return s.substring(0, cut);
    }

    /** The text value of a char(n): without its trailing blanks. */
    public static String strip(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }
}
