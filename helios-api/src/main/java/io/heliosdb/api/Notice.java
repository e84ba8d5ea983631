package io.heliosdb.api;

/**
 * A message short of an error that a statement reports to its client, as PostgreSQL's
 * NoticeResponse: e.g. NOTICE {@code table "t" does not exist, skipping}.
 *
 * @param severity NOTICE, WARNING (or INFO, DEBUG, LOG)
 * @param state    the SQLSTATE ({@code 00000} for a plain notice)
 * @param message  the text
 */
public record Notice(String severity, String state, String message) {

    public static Notice notice(String message) {
        return new Notice("NOTICE", "00000", message);
    }

    public static Notice warning(SqlState state, String message) {
        return new Notice("WARNING", state.code(), message);
    }
}
