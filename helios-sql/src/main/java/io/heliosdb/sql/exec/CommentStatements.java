package io.heliosdb.sql.exec;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.ExecutionContext;
import io.heliosdb.sql.ast.CommentOn;
import io.heliosdb.sql.schema.ColumnDef;
import io.heliosdb.sql.schema.TableDef;
import io.heliosdb.sql.schema.ViewDef;
import java.util.List;

/** COMMENT ON: the comment is kept in the catalog under its object's kernel id (so it survives renames). */
final class CommentStatements {

    private CommentStatements() {
    }

    static StatementBody compile(CommentOn c) {
        return rt -> {
            ExecutionContext ctx = rt.context();
            ctx.definitions().setComment(target(ctx, c), c.text());
            return Results.command("COMMENT", 0);
        };
    }

    private static String target(ExecutionContext ctx, CommentOn c) {
        String name = c.name();
        switch (c.kind()) {
            case "table" -> {
                TableDef t = userTable(ctx, name);
                if (t == null) {
                    throw ctx.view(name).isPresent() ? notA(name, "table") : undefined(name);
                }
                return "r:" + t.id();
            }
            case "view" -> {
                ViewDef v = ctx.view(name).orElse(null);
                if (v == null) {
                    throw userTable(ctx, name) != null ? notA(name, "view") : undefined(name);
                }
                return "r:" + v.id();
            }
            case "sequence" -> {
                return "r:" + ctx.sequence(name).orElseThrow(() -> undefined(name)).id();
            }
            case "schema" -> {
                if (!ctx.schemaExists(name)) {
                    throw new HeliosException(SqlState.INVALID_SCHEMA_NAME, "schema \"" + name + "\" does not exist");
                }
                return "n:" + name;
            }
            default -> {
                TableDef t = userTable(ctx, name);
                ViewDef v = t == null ? ctx.view(name).orElseThrow(() -> undefined(name)) : null;
                List<ColumnDef> columns = t != null ? t.columns() : v.columns();
                if (columns.stream().noneMatch(col -> col.name().equals(c.column()))) {
                    throw new HeliosException(SqlState.UNDEFINED_COLUMN, "column \"" + c.column() + "\" of relation \""
                            + name + "\" does not exist");
                }
                return "c:" + (t != null ? t.id() : v.id()) + ":" + c.column();
            }
        }
    }

    /** A stored table (the system views are not ones). */
    private static TableDef userTable(ExecutionContext ctx, String name) {
        return ctx.table(name).filter(t -> t.id() > 0).orElse(null);
    }

    private static HeliosException notA(String name, String kind) {
        return new HeliosException(SqlState.WRONG_OBJECT_TYPE, "\"" + name + "\" is not a " + kind);
    }

    private static HeliosException undefined(String name) {
        return new HeliosException(SqlState.UNDEFINED_TABLE, "relation \"" + name + "\" does not exist");
    }
}
