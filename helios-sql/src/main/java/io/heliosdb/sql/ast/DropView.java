package io.heliosdb.sql.ast;

import java.util.List;

/** {@code DROP VIEW [IF EXISTS] a, b [CASCADE | RESTRICT]}. */
public record DropView(List<String> names, boolean ifExists, boolean cascade) implements Statement {
    public DropView {
        names = List.copyOf(names);
    }
}
