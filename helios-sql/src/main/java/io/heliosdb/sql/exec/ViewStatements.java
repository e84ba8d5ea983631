package io.heliosdb.sql.exec;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.ExecutionContext;
import io.heliosdb.sql.analyze.BoundStatement;
import io.heliosdb.sql.ast.CreateView;
import io.heliosdb.sql.ast.DropView;
import io.heliosdb.sql.schema.ColumnDef;
import io.heliosdb.sql.schema.ViewDef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** CREATE [OR REPLACE] VIEW and DROP VIEW. */
final class ViewStatements {

    private ViewStatements() {
    }

    static StatementBody compile(BoundStatement.ViewCommand command) {
        if (command.statement() instanceof CreateView c) {
            return rt -> {
                create(rt.context(), c, command.view());
                return Results.command("CREATE VIEW", 0);
            };
        }
        if (command.statement() instanceof io.heliosdb.sql.ast.AlterViewOptions a) {
            return rt -> {
                if (command.view() == null) {
                    rt.context().notice("relation \"" + a.name() + "\" does not exist, skipping");
                } else {
                    rt.context().definitions().putView(command.view());
                }
                return Results.command("ALTER VIEW", 0);
            };
        }
        if (command.statement() instanceof io.heliosdb.sql.ast.CommentOn c) {
            return CommentStatements.compile(c);
        }
        DropView d = (DropView) command.statement();
        return rt -> {
            ExecutionContext ctx = rt.context();
            Map<String, ViewDef> dropped = new LinkedHashMap<>();
            for (String name : d.names()) {
                var view = ctx.view(name);
                if (view.isPresent()) {
                    dropped.put(name, view.get());
                } else if (ctx.table(name).isPresent()) {
                    throw new HeliosException(SqlState.WRONG_OBJECT_TYPE, "\"" + name + "\" is not a view", null,
                            "Use DROP TABLE to remove a table.", 0, null);
                } else if (!d.ifExists()) {
                    throw new HeliosException(SqlState.UNDEFINED_TABLE, "view \"" + name + "\" does not exist");
                } else {
                    ctx.notice("view \"" + name + "\" does not exist, skipping");
                }
            }
            List<ViewDef> cascaded = ViewDependencies.dependents(ctx, dropped.keySet(), "view", d.cascade());
            cascaded.forEach(ctx.definitions()::dropView);
            dropped.values().forEach(ctx.definitions()::dropView);
            return Results.command("DROP VIEW", 0);
        };
    }

    private static void create(ExecutionContext ctx, CreateView c, ViewDef view) {
        var existing = ctx.view(view.name());
        if (existing.isEmpty()) {
            if (ctx.table(view.name()).isPresent() || ctx.sequence(view.name()).isPresent()) {
                throw new HeliosException(SqlState.DUPLICATE_TABLE, "relation \"" + c.name() + "\" already exists");
            }
            ctx.definitions().putView(view);
            return;
        }
        if (!c.orReplace()) {
            throw new HeliosException(SqlState.DUPLICATE_TABLE, "relation \"" + c.name() + "\" already exists");
        }
        List<ColumnDef> old = existing.get().columns();
        if (view.columns().size() < old.size()) {
            throw new HeliosException(SqlState.INVALID_TABLE_DEFINITION, "cannot drop columns from view");
        }
        for (int i = 0; i < old.size(); i++) {
            ColumnDef was = old.get(i);
            ColumnDef now = view.columns().get(i);
            if (!was.name().equals(now.name())) {
                throw new HeliosException(SqlState.INVALID_TABLE_DEFINITION, "cannot change name of view column \""
                        + was.name() + "\" to \"" + now.name() + "\"", null,
                        "Use ALTER VIEW ... RENAME COLUMN ... to change name of view column instead.", 0, null);
            }
            if (was.type() != now.type() || was.typmod() != now.typmod()) {
                throw new HeliosException(SqlState.INVALID_TABLE_DEFINITION, "cannot change data type of view column \""
                        + was.name() + "\" from " + typeText(was) + " to " + typeText(now));
            }
        }
        ctx.definitions().putView(view.withId(existing.get().id()));
    }

    /** A column's type as PostgreSQL's messages spell it (format_type). */
    private static String typeText(ColumnDef c) {
        return CatalogBuiltins.formatType(c.type().oid(), c.typmod());
    }
}
