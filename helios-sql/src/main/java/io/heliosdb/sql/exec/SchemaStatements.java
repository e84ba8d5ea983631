package io.heliosdb.sql.exec;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.ExecutionContext;
import io.heliosdb.sql.ast.SchemaStatement;
import io.heliosdb.sql.schema.QualifiedNames;
import io.heliosdb.sql.schema.SchemaDef;
import io.heliosdb.sql.schema.SequenceDef;
import io.heliosdb.sql.schema.TableDef;
import io.heliosdb.sql.schema.ViewDef;
import java.util.ArrayList;
import java.util.List;

/** CREATE SCHEMA and DROP SCHEMA [CASCADE | RESTRICT]. */
final class SchemaStatements {
    private static final java.util.Set<String> BUILT_IN = java.util.Set.of("public", "pg_catalog",
            "information_schema");

    private SchemaStatements() {
    }

    static StatementBody compile(SchemaStatement statement) {
        return statement.create() ? rt -> create(rt.context(), statement) : rt -> drop(rt.context(), statement);
    }

    private static io.heliosdb.sql.StatementResult create(ExecutionContext ctx, SchemaStatement s) {
        String name = s.names().get(0);
        if (ctx.schemaExists(name) || BUILT_IN.contains(name)) {
            if (s.ifClause()) {
                ctx.notice(SqlState.DUPLICATE_SCHEMA, "schema \"" + name + "\" already exists, skipping");
                return Results.command("CREATE SCHEMA", 0);
            }
            throw new HeliosException(SqlState.DUPLICATE_SCHEMA, "schema \"" + name + "\" already exists");
        }
        if (name.startsWith("pg_")) {
            throw new HeliosException(SqlState.RESERVED_NAME, "unacceptable schema name \"" + name + "\"", 
                    "The prefix \"pg_\" is reserved for system schemas.", null, 0, null);
        }
        ctx.definitions().putSchema(new SchemaDef(0, name, io.heliosdb.sql.CurrentRole.of(ctx)));
        return Results.command("CREATE SCHEMA", 0);
    }

    private static io.heliosdb.sql.StatementResult drop(ExecutionContext ctx, SchemaStatement s) {
        List<SchemaDef> dropped = new ArrayList<>();
        for (String name : s.names()) {
            var schema = ctx.schema(name);
            if (schema.isPresent()) {
                dropped.add(schema.get());
            } else if (BUILT_IN.contains(name)) {
                throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "cannot drop schema " + name);
            } else if (s.ifClause()) {
                ctx.notice("schema \"" + name + "\" does not exist, skipping");
            } else {
                throw new HeliosException(SqlState.INVALID_SCHEMA_NAME, "schema \"" + name + "\" does not exist");
            }
        }
        for (SchemaDef schema : dropped) {
            Contents contents = Contents.of(ctx, schema.name());
            if (contents.isEmpty()) {
                continue;
            }
            if (!s.cascade()) {
                throw new HeliosException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop schema " + schema.name()
                        + " because other objects depend on it", contents.detail(schema.name()),
                        "Use DROP ... CASCADE to drop the dependent objects too.", 0, null);
            }
            List<String> described = contents.described();
            ctx.notice(described.size() == 1 ? "drop cascades to " + described.get(0)
                    : "drop cascades to " + described.size() + " other objects");
            contents.drop(ctx);
        }
        dropped.forEach(ctx.definitions()::dropSchema);
        return Results.command("DROP SCHEMA", 0);
    }

    /** The tables, views and free-standing sequences in one schema (indexes and owned sequences go with their tables). */
    private record Contents(List<TableDef> tables, List<ViewDef> views, List<SequenceDef> sequences,
                            List<io.heliosdb.sql.schema.TypeDef> types) {

        static Contents of(ExecutionContext ctx, String schema) {
            List<TableDef> tables = ctx.tables().stream()
                    .filter(t -> QualifiedNames.schemaOf(t.name()).equals(schema)).toList();
            List<ViewDef> views = ctx.views().stream()
                    .filter(v -> QualifiedNames.schemaOf(v.name()).equals(schema)).toList();
            List<SequenceDef> sequences = ctx.sequences().stream()
                    .filter(q -> QualifiedNames.schemaOf(q.name()).equals(schema))
                    .filter(q -> q.ownerTable() == null || !QualifiedNames.schemaOf(q.ownerTable()).equals(schema))
                    .toList();
            List<io.heliosdb.sql.schema.TypeDef> types = ctx.compositeTypes().stream()
                    .filter(t -> QualifiedNames.schemaOf(t.name()).equals(schema)).toList();
            return new Contents(tables, views, sequences, types);
        }

        boolean isEmpty() {
            return tables.isEmpty() && views.isEmpty() && sequences.isEmpty() && types.isEmpty();
        }

        List<String> described() {
            List<String> out = new ArrayList<>();
            tables.forEach(t -> out.add("table " + t.name()));
            views.forEach(v -> out.add("view " + v.name()));
            sequences.forEach(q -> out.add("sequence " + q.name()));
            types.forEach(t -> out.add("type " + t.name()));
            return out;
        }

        String detail(String schema) {
            return String.join("\n", described().stream().map(d -> d + " depends on schema " + schema).toList());
        }

        void drop(ExecutionContext ctx) {
            List<String> relations = new ArrayList<>();
            tables.forEach(t -> relations.add(t.name()));
            views.forEach(v -> relations.add(v.name()));
            // views elsewhere that read these relations go too, then the schema's own views
            ViewDependencies.dependents(ctx, relations, "table", true).forEach(ctx.definitions()::dropView);
            views.forEach(ctx.definitions()::dropView);
            for (TableDef table : tables) {
                ctx.dropTable(table);
                SequenceStatements.dropOwned(ctx, table);
            }
            sequences.forEach(ctx::dropSequence);
            // the schema's tables are gone, so only columns elsewhere can still use its types
            types.forEach(t -> TypeStatements.dropCascading(ctx, t));
        }
    }
}
