package io.heliosdb.sql.ast;

/** An entry of a FROM clause. */
public sealed interface FromItem {
    /** The name of a {@link Function} item whose arguments are set-returning calls run in lockstep (ROWS FROM). */
    String ROWS_FROM = " rows from";

    /** A table. */
    record Table(TableName table) implements FromItem {
    }

    /**
     * {@code (query) [AS] alias [(column, ...)]}; columnAliases may be shorter than the query's columns.
     * {@code shared} is non-null for a WITH query that runs once for all its references (the same token in each).
     */
    record Derived(Query query, String alias, java.util.List<String> columnAliases, Object shared) implements FromItem {
        public Derived(Query query, String alias, java.util.List<String> columnAliases) {
            this(query, alias, columnAliases, null);
        }
    }

    /**
     * {@code left [NATURAL] [INNER|LEFT|RIGHT|FULL|CROSS] JOIN right [ON condition | USING (columns)]}:
     * condition is null for CROSS and USING; {@code using} is null unless USING or NATURAL (then empty).
     */
    record Join(FromItem left, FromItem right, JoinKind kind, Expr condition, java.util.List<String> using)
            implements FromItem {
    }

    enum JoinKind { INNER, LEFT, RIGHT, FULL }

    /** {@code LATERAL (query) alias}: the query may read the columns of the FROM items before it. */
    record Lateral(Derived derived) implements FromItem {
    }

    /**
     * {@code [LATERAL] function(args) [WITH ORDINALITY] [[AS] alias [(column, ...)]]}, a set-returning
     * function; like PostgreSQL, its arguments may always read the columns of the FROM items before it.
     * {@code alias} may be null; {@code ordinality} adds a bigint column numbering the rows from 1.
     */
    record Function(String name, java.util.List<Expr> args, String alias, java.util.List<String> columnAliases,
                    int position, boolean ordinality) implements FromItem {
        public Function(String name, java.util.List<Expr> args, String alias, java.util.List<String> columnAliases,
                        int position) {
            this(name, args, alias, columnAliases, position, false);
        }
    }

    /** Inside a WITH RECURSIVE query's recursive term: the rows of the previous round, under {@code alias}. */
    record WorkTable(String name, String alias) implements FromItem {
    }
}
