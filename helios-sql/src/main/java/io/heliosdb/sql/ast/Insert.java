package io.heliosdb.sql.ast;

import java.util.List;

/**
 * {@code INSERT INTO t [(cols)] VALUES ... | SELECT ... [RETURNING ...]}.
 *
 * @param columns   the column list, empty when not written
 * @param rows      the VALUES rows (items may be {@link Expr.DefaultValue}); {@code null} when {@code query} is set
 * @param query     the source query, or {@code null}
 * @param returning the RETURNING list, empty when none
 * @param overridingSystemValue {@code OVERRIDING SYSTEM VALUE}: explicit values go into GENERATED ALWAYS columns
 * @param onConflict the ON CONFLICT clause, or null
 */
public record Insert(TableName table, List<String> columns, List<List<Expr>> rows, Query query,
                     List<SelectItem> returning, boolean overridingSystemValue, OnConflict onConflict) implements Statement {

    public Insert(TableName table, List<String> columns, List<List<Expr>> rows, Query query,
                  List<SelectItem> returning) {
        this(table, columns, rows, query, returning, false, null);
    }
}
