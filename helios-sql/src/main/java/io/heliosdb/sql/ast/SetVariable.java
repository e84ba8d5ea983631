package io.heliosdb.sql.ast;

/** {@code SET [LOCAL] name = value}; value is null for {@code DEFAULT}; LOCAL lasts until the transaction ends. */
public record SetVariable(String name, String value, boolean local) implements Statement {

    public SetVariable(String name, String value) {
        this(name, value, false);
    }
}
