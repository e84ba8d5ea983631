package io.heliosdb.sql.ast;

/**
 * {@code SET [LOCAL] name = value}; value is null for {@code DEFAULT}; LOCAL lasts until the transaction ends;
 * {@code reset} for RESET (the same as SET ... TO DEFAULT but tagged RESET).
 */
public record SetVariable(String name, String value, boolean local, boolean reset) implements Statement {

    public SetVariable(String name, String value, boolean local) {
        this(name, value, local, false);
    }

    public SetVariable(String name, String value) {
        this(name, value, false);
    }
}
