package io.heliosdb.sql.ast;

import java.util.List;

/** {@code CREATE [UNIQUE] INDEX [IF NOT EXISTS] [name] ON table (column [ASC|DESC], ...)}; name null when omitted. */
public record CreateIndex(String name, TableName table, List<Key> keys, boolean unique, boolean ifNotExists)
        implements Statement {

    /** One key column; {@code position} locates it for errors. */
    public record Key(String column, boolean descending, int position) {
    }
}
