package io.heliosdb.sql.ast;

import io.heliosdb.api.SqlType;

/** A type as written in DDL or a cast, resolved to a SQL type and PostgreSQL type modifier (-1 when none). */
public record TypeName(SqlType type, int typmod) {
}
