package io.heliosdb.sql.ast;

import java.util.List;

/**
 * {@code ON CONFLICT [(cols) | ON CONSTRAINT name] DO NOTHING | DO UPDATE SET ... [WHERE ...]}.
 *
 * @param columns     the conflict target columns, empty when none or a constraint is named
 * @param constraint  the named constraint, or null
 * @param assignments empty for DO NOTHING
 * @param where       the DO UPDATE condition, or null
 */
public record OnConflict(List<String> columns, String constraint, boolean doUpdate,
                         List<Update.Assignment> assignments, Expr where) {
}
