package io.heliosdb.sql.exec;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.ExecutionContext;
import io.heliosdb.sql.StatementResult;
import io.heliosdb.sql.analyze.CompositeTypes;
import io.heliosdb.sql.ast.AlterTable;
import io.heliosdb.sql.ast.TypeName;
import io.heliosdb.sql.ast.TypeStatement;
import io.heliosdb.sql.schema.ColumnDef;
import io.heliosdb.sql.schema.QualifiedNames;
import io.heliosdb.sql.schema.TableDef;
import io.heliosdb.sql.schema.TypeDef;
import io.heliosdb.sql.schema.ViewDef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** CREATE TYPE ... AS (...), DROP TYPE [CASCADE | RESTRICT] and ALTER TYPE ... RENAME TO. */
final class TypeStatements {

    private TypeStatements() {
    }

    static StatementBody compile(TypeStatement statement) {
        return switch (statement.kind()) {
            case CREATE -> rt -> create(rt.context(), statement);
            case DROP -> rt -> drop(rt.context(), statement);
            case RENAME -> rt -> rename(rt.context(), statement);
        };
    }

    private static StatementResult create(ExecutionContext ctx, TypeStatement s) {
        String name = ctx.creationName(s.names().get(0));
        refuseTaken(ctx, name);
        List<ColumnDef> fields = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (TypeStatement.Field f : s.fields()) {
            if (!seen.add(f.name())) {
                throw new HeliosException(SqlState.DUPLICATE_COLUMN, "column \"" + f.name() + "\" specified more than once");
            }
            TypeName type = CompositeTypes.resolve(ctx, f.type());
            fields.add(new ColumnDef(f.name(), type.type(), type.typmod(), false, null));
        }
        ctx.definitions().putType(new TypeDef(0, name, fields));
        return Results.command("CREATE TYPE", 0);
    }

    /** 42710 when a type, table or view (whose row types PostgreSQL also names) has the name. */
    private static void refuseTaken(ExecutionContext ctx, String catalogName) {
        boolean taken = ctx.compositeTypes().stream().anyMatch(t -> t.name().equals(catalogName))
                || ctx.tables().stream().anyMatch(t -> t.name().equals(catalogName))
                || ctx.views().stream().anyMatch(v -> v.name().equals(catalogName));
        if (taken) {
            throw new HeliosException(SqlState.DUPLICATE_OBJECT, "type \"" + QualifiedNames.localName(catalogName)
                    + "\" already exists");
        }
    }

    private static StatementResult drop(ExecutionContext ctx, TypeStatement s) {
        List<TypeDef> dropped = new ArrayList<>();
        for (String name : s.names()) {
            TypeDef type = ctx.compositeType(name).orElse(null);
            if (type != null) {
                dropped.add(type);
            } else if (s.ifExists()) {
                ctx.notice("type \"" + name + "\" does not exist, skipping");
            } else {
                throw new HeliosException(SqlState.UNDEFINED_OBJECT, "type \"" + name + "\" does not exist");
            }
        }
        for (TypeDef type : dropped) {
            Dependents dependents = Dependents.of(ctx, type);
            if (!dependents.isEmpty()) {
                String shown = QualifiedNames.localName(type.name());
                if (!s.cascade()) {
                    throw new HeliosException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop type " + shown
                            + " because other objects depend on it", String.join("\n", dependents.described().stream()
                            .map(d -> d + " depends on type " + shown).toList()),
                            "Use DROP ... CASCADE to drop the dependent objects too.", 0, null);
                }
                List<String> described = dependents.described();
                ctx.notice(described.size() == 1 ? "drop cascades to " + described.get(0)
                        : "drop cascades to " + described.size() + " other objects");
                dependents.drop(ctx);
            }
            ctx.definitions().dropType(type);
        }
        return Results.command("DROP TYPE", 0);
    }

    /** Drops the type and what depends on it (DROP SCHEMA ... CASCADE). */
    static void dropCascading(ExecutionContext ctx, TypeDef type) {
        Dependents.of(ctx, type).drop(ctx);
        ctx.definitions().dropType(type);
    }

    private static StatementResult rename(ExecutionContext ctx, TypeStatement s) {
        String name = s.names().get(0);
        TypeDef type = ctx.compositeType(name).orElseThrow(() -> new HeliosException(SqlState.UNDEFINED_OBJECT,
                "type \"" + name + "\" does not exist"));
        String renamed = QualifiedNames.qualify(QualifiedNames.schemaOf(type.name()), s.newName());
        refuseTaken(ctx, renamed);
        ctx.definitions().dropType(type);
        ctx.definitions().putType(type.withName(renamed));
        return Results.command("ALTER TYPE", 0);
    }

    /** What uses a composite type: columns of tables (dropped with CASCADE), views and other types' fields. */
    private record Dependents(TypeDef type, List<String[]> columns, List<ViewDef> views, List<TypeDef> types) {

        static Dependents of(ExecutionContext ctx, TypeDef type) {
            List<String[]> columns = new ArrayList<>();
            for (TableDef t : ctx.tables()) {
                for (ColumnDef c : t.columns()) {
                    if (uses(c, type)) {
                        columns.add(new String[] {t.name(), c.name()});
                    }
                }
            }
            List<ViewDef> views = ctx.views().stream().filter(v -> v.columns().stream().anyMatch(c -> uses(c, type)))
                    .toList();
            List<TypeDef> types = ctx.compositeTypes().stream()
                    .filter(t -> t.fields().stream().anyMatch(c -> uses(c, type))).toList();
            return new Dependents(type, columns, views, types);
        }

        private static boolean uses(ColumnDef c, TypeDef type) {
            return c.type() == io.heliosdb.api.SqlType.RECORD && c.typmod() == type.oid();
        }

        boolean isEmpty() {
            return columns.isEmpty() && views.isEmpty() && types.isEmpty();
        }

        List<String> described() {
            List<String> out = new ArrayList<>();
            columns.forEach(c -> out.add("column " + c[1] + " of table " + c[0]));
            views.forEach(v -> out.add("view " + v.name()));
            for (TypeDef t : types) {
                t.fields().stream().filter(f -> uses(f, type))
                        .forEach(f -> out.add("column " + f.name() + " of composite type " + t.name()));
            }
            return out;
        }

        void drop(ExecutionContext ctx) {
            for (ViewDef v : views) {
                ViewDependencies.dependents(ctx, List.of(v.name()), "view", true).forEach(ctx.definitions()::dropView);
                ctx.definitions().dropView(v);
            }
            for (String[] c : columns) {
                TableDef table = ctx.tables().stream().filter(t -> t.name().equals(c[0])).findFirst().orElseThrow();
                AlterTableStatement.dropColumn(ctx, table, new AlterTable.DropColumn(c[1], false));
            }
            for (TypeDef t : types) {
                List<ColumnDef> kept = t.fields().stream().filter(f -> !uses(f, type)).toList();
                ctx.definitions().putType(new TypeDef(t.id(), t.name(), kept));
            }
        }
    }
}
