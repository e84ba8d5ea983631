package io.heliosdb.sql.ast;

import java.util.List;

/** {@code DELETE FROM t [WHERE ...] [RETURNING ...]}; {@code where} may be null. */
public record Delete(TableName table, Expr where, List<SelectItem> returning) implements Statement {
}
