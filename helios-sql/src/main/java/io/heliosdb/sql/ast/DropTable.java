package io.heliosdb.sql.ast;

import java.util.List;

/** {@code DROP TABLE [IF EXISTS] a, b [CASCADE | RESTRICT]}; CASCADE drops the views that read them too. */
public record DropTable(List<TableName> names, boolean ifExists, boolean cascade) implements Statement {

    public DropTable(List<TableName> names, boolean ifExists) {
        this(names, ifExists, false);
    }
}
