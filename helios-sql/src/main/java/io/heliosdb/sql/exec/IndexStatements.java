package io.heliosdb.sql.exec;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.ExecutionContext;
import io.heliosdb.sql.analyze.BoundStatement;
import io.heliosdb.sql.schema.IndexDef;
import java.util.ArrayList;
import java.util.List;

/** CREATE INDEX and DROP INDEX: catalog checks and names here, the index itself in the kernel. */
final class IndexStatements {

    private IndexStatements() {
    }

    static StatementBody create(BoundStatement.CreateIndex c) {
        return rt -> {
            ExecutionContext ctx = rt.context();
            if (ctx.table(c.index().table()).isEmpty()) {
                throw new HeliosException(SqlState.UNDEFINED_TABLE, "relation \"" + c.index().table() + "\" does not exist");
            }
            String name = c.index().name();
            if (name == null) {
                name = freeName(ctx, c.index().table() + "_" + String.join("_", c.columnNames()) + "_idx");
            } else if (taken(ctx, name)) {
                if (c.ifNotExists()) {
                    ctx.notice(SqlState.DUPLICATE_TABLE, "relation \""
                            + io.heliosdb.sql.schema.QualifiedNames.localName(name) + "\" already exists, skipping");
                    return Results.command("CREATE INDEX", 0);
                }
                throw new HeliosException(SqlState.DUPLICATE_TABLE, "relation \"" + name + "\" already exists");
            }
            IndexDef index = c.index();
            ctx.createIndex(new IndexDef(name, index.table(), index.columns(), index.descending(), index.unique()));
            return Results.command("CREATE INDEX", 0);
        };
    }

    static StatementBody drop(BoundStatement.DropIndex d) {
        return rt -> {
            ExecutionContext ctx = rt.context();
            List<IndexDef> indexes = new ArrayList<>();
            for (String name : d.names()) {
                var index = ctx.index(name);
                if (index.isPresent()) {
                    indexes.add(index.get());
                } else if (!d.ifExists()) {
                    throw new HeliosException(SqlState.UNDEFINED_OBJECT, "index \"" + name + "\" does not exist");
                } else {
                    ctx.notice("index \"" + name + "\" does not exist, skipping");
                }
            }
            indexes.forEach(ctx::dropIndex);
            return Results.command("DROP INDEX", 0);
        };
    }

    /** Tables and indexes share one namespace, as in PostgreSQL. */
    private static boolean taken(ExecutionContext ctx, String name) {
        return ctx.index(name).isPresent() || ctx.table(name).isPresent();
    }

    /** PostgreSQL's choice for an unnamed index: table_columns_idx, then idx1, idx2, ... while taken. */
    private static String freeName(ExecutionContext ctx, String base) {
        String name = base;
        for (int n = 1; taken(ctx, name); n++) {
            name = base + n;
        }
        return name;
    }
}
