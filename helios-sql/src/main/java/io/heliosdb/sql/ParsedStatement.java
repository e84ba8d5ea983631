package io.heliosdb.sql;

/**
 * One statement parsed from a text, ready to plan. Opaque outside helios-sql.
 *
 * @param sql    the statement's own text
 * @param offset 0-based offset of {@code sql} in the text it was parsed from; errors raised while
 *               planning it already carry positions in that whole text
 * @param ast    the syntax tree ({@code io.heliosdb.sql.ast.Statement})
 */
public record ParsedStatement(String sql, int offset, Object ast) {
}
