package io.heliosdb.sql.exec;

import io.heliosdb.api.Column;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.ExecutionContext;
import io.heliosdb.sql.StatementPlan;
import io.heliosdb.sql.analyze.BoundStatement;
import io.heliosdb.sql.schema.TableDef;
import java.util.ArrayList;
import java.util.List;

/** Compiles an optimized statement into a {@link StatementPlan}. */
public final class StatementCompiler {

    private StatementCompiler() {
    }

    public static StatementPlan compile(BoundStatement statement, String sql, List<SqlType> parameterTypes) {
        if (statement instanceof BoundStatement.Explain e) {
            var counters = NodeCounters.newMap();
            StatementPlan inner = e.analyze()
                    ? NodeCounters.collecting(counters, () -> compile(e.statement(), sql, parameterTypes))
                    : compile(e.statement(), sql, parameterTypes);
            return ExplainStatement.compile(e, inner, counters, sql, parameterTypes);
        }
        if (statement instanceof BoundStatement.Query q) {
            Operator root = PlanCompiler.compile(q.plan());
            List<Column> columns = List.copyOf(q.plan().columns()); // immutable: each result's List.copyOf is free
            // A locking query is no read: the kernel runs it as a write (own transaction, restart on a re-check).
            boolean readOnly = !LockRowsOperator.locks(q.plan());
            return new CompiledStatement(sql, parameterTypes, columns, null, readOnly, false,
                    rt -> Results.streaming(columns, root.open(rt)))
                    .withPointQuery(readOnly ? PointQueries.of(q.plan(), columns, parameterTypes) : null);
        } else if (statement instanceof BoundStatement.DataModifyingWith w) {
            return DataModifyingWithStatement.compile(w, sql, parameterTypes);
        } else if (statement instanceof BoundStatement.Insert i) {
            return new CompiledStatement(sql, parameterTypes, i.returningColumns(), null, false, false,
                    DataModification.insert(i));
        } else if (statement instanceof BoundStatement.Update u) {
            return new CompiledStatement(sql, parameterTypes, u.returningColumns(), null, false, false,
                    DataModification.update(u));
        } else if (statement instanceof BoundStatement.Delete d) {
            return new CompiledStatement(sql, parameterTypes, d.returningColumns(), null, false, false,
                    DataModification.delete(d));
        } else if (statement instanceof BoundStatement.CreateTable c) {
            return new CompiledStatement(sql, parameterTypes, List.of(), null, false, true, rt -> {
                ExecutionContext ctx = rt.context();
                if (ctx.table(c.table().name()).isPresent() || ctx.view(c.table().name()).isPresent()) {
                    if (c.ifNotExists()) {
                        ctx.notice(SqlState.DUPLICATE_TABLE, "relation \""
                                + io.heliosdb.sql.schema.QualifiedNames.localName(c.table().name()) + "\" already exists, skipping");
                        return Results.command("CREATE TABLE", 0);
                    }
                    throw new HeliosException(SqlState.DUPLICATE_TABLE, "relation \"" + c.table().name() + "\" already exists");
                }
                AlterTableStatement.createConstraintIndexes(ctx, ctx.createTable(c.table()));
                SequenceStatements.createOwned(ctx, c.sequences());
                return Results.command("CREATE TABLE", 0);
            });
        } else if (statement instanceof BoundStatement.Truncate t) {
            List<StatementBody> deletes = t.deletes().stream().map(DataModification::delete).toList();
            return new CompiledStatement(sql, parameterTypes, List.of(), null, false, false, rt -> {
                for (StatementBody delete : deletes) {
                    delete.run(rt);
                }
                if (t.restartIdentity()) {
                    t.deletes().forEach(d -> SequenceStatements.restartOwned(rt.context(), d.table()));
                }
                return Results.command("TRUNCATE TABLE", 0);
            });
        } else if (statement instanceof BoundStatement.CreateIndex c) {
            return new CompiledStatement(sql, parameterTypes, List.of(), null, false, true, IndexStatements.create(c));
        } else if (statement instanceof BoundStatement.DropIndex d) {
            return new CompiledStatement(sql, parameterTypes, List.of(), null, false, true, IndexStatements.drop(d));
        } else if (statement instanceof BoundStatement.DropTable d) {
            return new CompiledStatement(sql, parameterTypes, List.of(), null, false, true, rt -> {
                List<TableDef> tables = new ArrayList<>();
                for (String name : d.names()) {
                    var table = rt.context().table(name);
                    if (table.isPresent()) {
                        tables.add(table.get());
                    } else if (rt.context().view(name).isPresent()) {
                        throw new HeliosException(SqlState.WRONG_OBJECT_TYPE, "\"" + name + "\" is not a table", null,
                                "Use DROP VIEW to remove a view.", 0, null);
                    } else if (!d.ifExists()) {
                        throw new HeliosException(SqlState.UNDEFINED_TABLE, "table \"" + name + "\" does not exist");
                    } else {
                        rt.context().notice("table \"" + name + "\" does not exist, skipping");
                    }
                }
                ViewDependencies.dependents(rt.context(), tables.stream().map(TableDef::name).toList(), "table",
                        d.cascade()).forEach(view -> rt.context().definitions().dropView(view));
                tables.forEach(rt.context()::dropTable);
                tables.forEach(table -> SequenceStatements.dropOwned(rt.context(), table));
                return Results.command("DROP TABLE", 0);
            });
        } else if (statement instanceof BoundStatement.ViewCommand v) {
            return new CompiledStatement(sql, parameterTypes, List.of(), null, false, true, ViewStatements.compile(v));
        } else if (statement instanceof BoundStatement.SequenceCommand s) {
            return new CompiledStatement(sql, parameterTypes, List.of(), null, false, true,
                    SequenceStatements.compile(s.statement()));
        } else if (statement instanceof BoundStatement.TypeCommand t) {
            return new CompiledStatement(sql, parameterTypes, List.of(), null, false, true,
                    TypeStatements.compile(t.statement()));
        } else if (statement instanceof BoundStatement.SchemaCommand s) {
            return new CompiledStatement(sql, parameterTypes, List.of(), null, false, true,
                    SchemaStatements.compile(s.statement()));
        } else if (statement instanceof BoundStatement.RoleCommand r) {
            return new CompiledStatement(sql, parameterTypes, List.of(), null, false, false,
                    RoleStatements.compile(r.statement()));
        } else if (statement instanceof BoundStatement.AlterTable a) {
            return new CompiledStatement(sql, parameterTypes, List.of(), null, false, true, AlterTableStatement.compile(a));
        } else if (statement instanceof BoundStatement.Transaction t) {
            return new CompiledStatement(sql, parameterTypes, List.of(), t.command(), true, false,
                    rt -> Results.command(t.command().name(), 0)).withControl(t.control());
        } else if (statement instanceof BoundStatement.Set s) {
            return new CompiledStatement(sql, parameterTypes, List.of(), null, true, false, rt -> {
                SettingAssignment.apply(rt.context(), s.name(), s.value(), s.local());
                return Results.command(s.reset() ? "RESET" : "SET", 0);
            }).withoutSnapshot();
        }
        BoundStatement.Show show = (BoundStatement.Show) statement;
        List<Column> columns = List.of(new Column(show.name(), SqlType.TEXT));
        return new CompiledStatement(sql, parameterTypes, columns, null, true, false, rt -> {
            String value = rt.context().setting(show.name());
            if (value == null) {
                throw SettingAssignment.unrecognized(show.name());
            }
            return Results.rows(columns, List.<Object[]>of(new Object[] {value}), 1, "SHOW");
        }).withoutSnapshot();
    }
}
