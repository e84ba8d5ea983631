package io.heliosdb.sql.ast;

/**
 * {@code ALTER VIEW [IF EXISTS] name SET (check_option = ...)} or {@code ... RESET (check_option)}.
 *
 * @param checkOption "local" or "cascaded" to set, null to reset
 */
public record AlterViewOptions(String name, boolean ifExists, String checkOption) implements Statement {
}
