package io.heliosdb.sql.ast;

/**
 * {@code COMMENT ON kind name IS 'text' | NULL}.
 *
 * @param kind   "table", "view", "sequence", "schema" or "column"
 * @param name   the object's name (for a column, its table's)
 * @param column the column, for kind "column"
 * @param text   the comment, or null to remove it
 */
public record CommentOn(String kind, String name, String column, String text) implements Statement {
}
