package io.heliosdb.sql.ast;

import java.util.List;

/** CREATE SCHEMA [IF NOT EXISTS] name, or DROP SCHEMA [IF EXISTS] name, ... [CASCADE | RESTRICT]. */
public record SchemaStatement(List<String> names, boolean create, boolean ifClause, boolean cascade)
        implements Statement {

    public SchemaStatement {
        names = List.copyOf(names);
    }
}
