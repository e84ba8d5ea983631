package io.heliosdb.sql;

/**
 * The layout of COPY's data stream: PostgreSQL's text format (tab-separated, backslash escapes,
 * {@code \N} for null) or CSV.
 *
 * @param csv        CSV rather than text
 * @param delimiter  the column separator
 * @param nullString how a null is written
 * @param quote      CSV's quote character
 * @param escape     CSV's escape character inside quotes
 * @param header     a first line of column names (skipped on input)
 */
public record CopyFormat(boolean csv, char delimiter, String nullString, char quote, char escape, boolean header) {

    public static final CopyFormat TEXT = new CopyFormat(false, '\t', "\\N", '"', '"', false);
}
