package io.heliosdb.sql;

import java.util.Set;

/**
 * The layout of COPY's data stream: PostgreSQL's text format (tab-separated, backslash escapes,
 * {@code \N} for null), CSV, or the binary COPY file (which a transport reads and writes).
 *
 * @param csv          CSV rather than text
 * @param delimiter    the column separator
 * @param nullString   how a null is written
 * @param quote        CSV's quote character
 * @param escape       CSV's escape character inside quotes
 * @param header       a first line of column names (skipped on input)
 * @param binary       PostgreSQL's binary COPY format
 * @param forceQuote   CSV COPY TO: stream positions (0-based) of the columns quoted even when not needed
 * @param forceNotNull CSV COPY FROM: positions whose unquoted null string is read as an empty string
 * @param forceNull    CSV COPY FROM: positions whose quoted null string is read as NULL too
 */
public record CopyFormat(boolean csv, char delimiter, String nullString, char quote, char escape, boolean header,
                         boolean binary, Set<Integer> forceQuote, Set<Integer> forceNotNull, Set<Integer> forceNull) {

    public static final CopyFormat TEXT = new CopyFormat(false, '\t', "\\N", '"', '"', false);

    public CopyFormat {
        forceQuote = Set.copyOf(forceQuote);
        forceNotNull = Set.copyOf(forceNotNull);
        forceNull = Set.copyOf(forceNull);
    }

    /** A text or CSV format without the FORCE_* options. */
    public CopyFormat(boolean csv, char delimiter, String nullString, char quote, char escape, boolean header) {
        this(csv, delimiter, nullString, quote, escape, header, false, Set.of(), Set.of(), Set.of());
    }
}
