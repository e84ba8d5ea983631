package io.heliosdb.sql.ast;

import java.util.List;

/** {@code ALTER TABLE [IF EXISTS] name action, ...}. */
public record AlterTable(TableName table, boolean ifExists, List<Action> actions) implements Statement {

    public sealed interface Action {
    }

    public record AddColumn(ColumnSpec column, List<TableConstraint> constraints, boolean ifNotExists) implements Action {
    }

    public record DropColumn(String column, boolean ifExists) implements Action {
    }

    public record AddConstraint(TableConstraint constraint) implements Action {
    }

    public record DropConstraint(String name, boolean ifExists) implements Action {
    }

    public record RenameTable(String newName) implements Action {
    }

    public record RenameColumn(String column, String newName) implements Action {
    }

    /** SET DEFAULT (text non-null) or DROP DEFAULT. */
    public record SetDefault(String column, Expr expr, String text) implements Action {
    }

    public record SetNotNull(String column, boolean notNull) implements Action {
    }

    /** ALTER COLUMN ... TYPE; {@code using} (null without USING) computes the new value from the old row. */
    public record AlterType(String column, TypeName type, Expr using) implements Action {

        public AlterType(String column, TypeName type) {
            this(column, type, null);
        }
    }
}
