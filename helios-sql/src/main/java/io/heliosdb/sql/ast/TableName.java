package io.heliosdb.sql.ast;

/**
 * A table named in a statement.
 *
 * @param alias    the alias, or {@code null}
 * @param position 0-based character offset in the parsed text
 */
public record TableName(String name, String alias, int position) {

    /** The name other clauses use for this table. */
    public String exposedName() {
        return alias != null ? alias : name;
    }
}
