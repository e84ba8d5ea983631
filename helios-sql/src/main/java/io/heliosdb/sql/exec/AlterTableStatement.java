package io.heliosdb.sql.exec;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.ExecutionContext;
import io.heliosdb.sql.RowCursor;
import io.heliosdb.sql.analyze.BoundStatement;
import io.heliosdb.sql.analyze.ConstraintBinder;
import io.heliosdb.sql.ast.AlterTable;
import io.heliosdb.sql.ast.ColumnSpec;
import io.heliosdb.sql.ast.TableConstraint;
import io.heliosdb.sql.schema.ColumnDef;
import io.heliosdb.sql.schema.ConstraintDef;
import io.heliosdb.sql.schema.IndexDef;
import io.heliosdb.sql.schema.TableDef;
import io.heliosdb.sql.schema.ViewDef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * ALTER TABLE. Every action that changes the row layout or the key (ADD/DROP COLUMN, ADD/DROP PRIMARY
 * KEY) rewrites all rows under the new definition in the kernel (no per-row format versions: stored
 * rows always match the current definition); the others change only the catalog entry. Both happen in
 * the transaction's overlay, so ALTER TABLE commits or rolls back with it.
 */
final class AlterTableStatement {
    private static final IntUnaryOperator SAME = i -> i;

    private AlterTableStatement() {
    }

    static StatementBody compile(BoundStatement.AlterTable a) {
        AlterTable statement = a.statement();
        return rt -> {
            ExecutionContext ctx = rt.context();
            String name = statement.table().name();
            if (ctx.table(name).isEmpty()) {
                if (statement.ifExists()) {
                    return Results.command("ALTER TABLE", 0);
                }
                throw new HeliosException(SqlState.UNDEFINED_TABLE, "relation \"" + name + "\" does not exist");
            }
            for (AlterTable.Action action : statement.actions()) {
                name = apply(rt, ctx.table(name).orElseThrow(), action);
            }
            return Results.command("ALTER TABLE", 0);
        };
    }

    /** Creates the unique indexes behind a new table's UNIQUE constraints. */
    static void createConstraintIndexes(ExecutionContext ctx, TableDef table) {
        for (ConstraintDef c : table.constraints()) {
            if (c instanceof ConstraintDef.Unique u) {
                ctx.createIndex(new IndexDef(u.name(), table.name(), u.columns(),
                        Collections.nCopies(u.columns().size(), false), true));
            }
        }
    }

    /** Applies one action; returns the table's name afterwards. */
    private static String apply(Runtime rt, TableDef t, AlterTable.Action action) {
        ExecutionContext ctx = rt.context();
        if (action instanceof AlterTable.AddColumn add) {
            addColumn(rt, t, add);
        } else if (action instanceof AlterTable.DropColumn drop) {
            dropColumn(ctx, t, drop);
        } else if (action instanceof AlterTable.AddConstraint add) {
            addConstraint(rt, t, add.constraint());
        } else if (action instanceof AlterTable.DropConstraint drop) {
            dropConstraint(ctx, t, drop);
        } else if (action instanceof AlterTable.RenameTable rename) {
            if (ctx.table(rename.newName()).isPresent() || ctx.index(rename.newName()).isPresent()) {
                throw new HeliosException(SqlState.DUPLICATE_TABLE, "relation \"" + rename.newName() + "\" already exists");
            }
            List<ConstraintDef> constraints = new ArrayList<>();
            for (ConstraintDef c : t.constraints()) {
                constraints.add(c instanceof ConstraintDef.ForeignKey f && f.refTable().equals(t.name())
                        ? new ConstraintDef.ForeignKey(f.name(), f.columns(), rename.newName(), f.refColumns(),
                        f.onDelete(), f.onUpdate()) : c);
            }
            ctx.alterTable(t, new TableDef(t.id(), rename.newName(), t.columns(), t.primaryKey(), constraints), null, SAME);
            for (TableDef other : ctx.tables()) {
                if (!other.name().equals(rename.newName())) {
                    renameReferences(ctx, other, t.name(), rename.newName());
                }
            }
            // Views keep their query as text: the ones reading the table follow its new name.
            for (ViewDef v : ctx.views()) {
                if (v.dependsOn().contains(t.name())) {
                    ctx.definitions().putView(new ViewDef(v.id(), v.name(), v.columns(),
                            io.heliosdb.sql.parse.ViewNames.renameRelation(v.query(), t.name(),
                                    io.heliosdb.sql.schema.QualifiedNames.localName(rename.newName())),
                            v.dependsOn().stream().map(n -> n.equals(t.name()) ? rename.newName() : n).toList(),
                            v.checkOption()));
                }
            }
            return rename.newName();
        } else if (action instanceof AlterTable.RenameColumn rename) {
            int i = column(t, rename.column());
            if (t.columnIndex(rename.newName()) >= 0) {
                throw new HeliosException(SqlState.DUPLICATE_COLUMN, "column \"" + rename.newName()
                        + "\" of relation \"" + t.name() + "\" already exists");
            }
            ColumnDef c = t.columns().get(i);
            // Views keep their query as text: the references to the column are found before the rename.
            java.util.Map<ViewDef, io.heliosdb.sql.analyze.ViewColumnRenames.Found> reading = new java.util.LinkedHashMap<>();
            for (ViewDef v : ctx.views()) {
                if (v.dependsOn().contains(t.name())) {
                    reading.put(v, io.heliosdb.sql.analyze.ViewColumnRenames.find(ctx, v, t.id(), i));
                }
            }
            // CHECK constraints are stored as text: they follow the new name (as PostgreSQL's parsed ones do).
            List<ConstraintDef> constraints = new ArrayList<>();
            for (ConstraintDef k : t.constraints()) {
                constraints.add(k instanceof ConstraintDef.Check check ? new ConstraintDef.Check(check.name(),
                        io.heliosdb.sql.parse.ColumnRenames.rename(check.expression(), c.name(), rename.newName())) : k);
            }
            replaceColumn(ctx, t.withConstraints(constraints), i, new ColumnDef(rename.newName(), c.type(), c.typmod(),
                    c.notNull(), c.defaultExpression()));
            List<String> oldNames = t.columns().subList(0, i + 1).stream().map(ColumnDef::name).toList();
            for (var e : reading.entrySet()) {
                ViewDef changed = io.heliosdb.sql.analyze.ViewColumnRenames.afterRename(ctx, e.getKey(), e.getValue(),
                        t.name(), oldNames, c.name(), rename.newName());
                if (changed != e.getKey()) {
                    ctx.definitions().putView(changed);
                }
            }
        } else if (action instanceof AlterTable.SetDefault set) {
            int i = column(t, set.column());
            ColumnDef c = t.columns().get(i);
            ColumnDef changed = new ColumnDef(c.name(), c.type(), c.typmod(), c.notNull(), set.text());
            if (set.text() != null) {
                ConstraintBinder.bindDefault(changed);
            }
            replaceColumn(ctx, t, i, changed);
        } else if (action instanceof AlterTable.SetNotNull set) {
            int i = column(t, set.column());
            ColumnDef c = t.columns().get(i);
            if (!set.notNull() && t.primaryKey().contains(i)) {
                throw new HeliosException(SqlState.INVALID_TABLE_DEFINITION, "column \"" + c.name() + "\" is in a primary key");
            }
            if (set.notNull()) {
                requireNoNulls(ctx, t, List.of(i));
            }
            replaceColumn(ctx, t, i, new ColumnDef(c.name(), c.type(), c.typmod(), set.notNull(), c.defaultExpression()));
        } else {
            AlterColumnType.apply(rt, t, (AlterTable.AlterType) action);
        }
        return t.name();
    }

    private static void renameReferences(ExecutionContext ctx, TableDef table, String from, String to) {
        boolean changed = false;
        List<ConstraintDef> constraints = new ArrayList<>();
        for (ConstraintDef c : table.constraints()) {
            if (c instanceof ConstraintDef.ForeignKey f && f.refTable().equals(from)) {
                constraints.add(new ConstraintDef.ForeignKey(f.name(), f.columns(), to, f.refColumns(), f.onDelete(), f.onUpdate()));
                changed = true;
            } else {
                constraints.add(c);
            }
        }
        if (changed) {
            ctx.alterTable(table, table.withConstraints(constraints), null, SAME);
        }
    }

    private static void replaceColumn(ExecutionContext ctx, TableDef t, int i, ColumnDef column) {
        List<ColumnDef> columns = new ArrayList<>(t.columns());
        columns.set(i, column);
        ctx.alterTable(t, new TableDef(t.id(), t.name(), columns, t.primaryKey(), t.constraints()), null, SAME);
    }

    private static int column(TableDef t, String name) {
        int i = t.columnIndex(name);
        if (i < 0) {
            throw new HeliosException(SqlState.UNDEFINED_COLUMN, "column \"" + name + "\" of relation \"" + t.name()
                    + "\" does not exist");
        }
        return i;
    }

    private static void addColumn(Runtime rt, TableDef t, AlterTable.AddColumn add) {
        ColumnSpec spec = add.column();
        if (t.columnIndex(spec.name()) >= 0) {
            if (add.ifNotExists()) {
                return;
            }
            throw new HeliosException(SqlState.DUPLICATE_COLUMN, "column \"" + spec.name() + "\" of relation \""
                    + t.name() + "\" already exists");
        }
        io.heliosdb.sql.ast.TypeName type = io.heliosdb.sql.analyze.CompositeTypes.resolve(rt.context(), spec.type());
        ColumnDef column = new ColumnDef(spec.name(), type.type(), type.typmod(), spec.notNull(),
                spec.defaultText());
        Evaluator value = spec.defaultText() == null ? null : ExpressionCompiler.compile(
                io.heliosdb.sql.analyze.CompositeTypes.with(rt.context(), () -> ConstraintBinder.bindDefault(column)));
        List<ColumnDef> columns = new ArrayList<>(t.columns());
        columns.add(column);
        TableDef next = new TableDef(t.id(), t.name(), columns, t.primaryKey(), t.constraints());
        int width = t.columns().size();
        TableDef stored = rt.context().alterTable(t, next, row -> {
            Object[] out = java.util.Arrays.copyOf(row, width + 1);
            out[width] = value == null ? null : value.evaluate(new Object[0], rt);
            if (out[width] == null && column.notNull()) {
                throw new HeliosException(SqlState.NOT_NULL_VIOLATION, "column \"" + column.name() + "\" of relation \""
                        + t.name() + "\" contains null values", null, null, 0, null);
            }
            return out;
        }, SAME);
        for (TableConstraint c : add.constraints()) {
            addConstraint(rt, stored, c);
            stored = rt.context().table(t.name()).orElseThrow();
        }
    }

    static void dropColumn(ExecutionContext ctx, TableDef t, AlterTable.DropColumn drop) {
        int dropped = t.columnIndex(drop.column());
        if (dropped < 0) {
            if (drop.ifExists()) {
                return;
            }
            column(t, drop.column());
        }
        if (t.columns().size() == 1) {
            throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "tables without columns are not supported");
        }
        IntUnaryOperator map = i -> i == dropped ? -1 : i > dropped ? i - 1 : i;
        for (TableDef other : ctx.tables()) {
            for (ConstraintDef c : other.constraints()) {
                if (c instanceof ConstraintDef.ForeignKey f && f.refTable().equals(t.name()) && f.refColumns().contains(dropped)
                        && !other.name().equals(t.name())) {
                    throw new HeliosException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop column "
                            + drop.column() + " of table " + t.name() + " because other objects depend on it", null,
                            "Use DROP ... CASCADE to drop the dependent objects too.", 0, null);
                }
            }
        }
        List<ColumnDef> columns = new ArrayList<>(t.columns());
        columns.remove(dropped);
        List<Integer> pk = t.primaryKey().contains(dropped) ? List.of() : remap(t.primaryKey(), map);
        TableDef partial = new TableDef(t.id(), t.name(), columns, pk, List.of());
        List<ConstraintDef> constraints = new ArrayList<>();
        for (ConstraintDef c : t.constraints()) {
            if (c instanceof ConstraintDef.PrimaryKey && pk.isEmpty()) {
                continue;
            } else if (c instanceof ConstraintDef.Unique u) {
                if (!u.columns().contains(dropped)) {
                    constraints.add(new ConstraintDef.Unique(u.name(), remap(u.columns(), map)));
                }
            } else if (c instanceof ConstraintDef.ForeignKey f) {
                if (!f.columns().contains(dropped) && !(f.refTable().equals(t.name()) && f.refColumns().contains(dropped))) {
                    constraints.add(new ConstraintDef.ForeignKey(f.name(), remap(f.columns(), map), f.refTable(),
                            f.refTable().equals(t.name()) ? remap(f.refColumns(), map) : f.refColumns(), f.onDelete(), f.onUpdate()));
                }
            } else if (c instanceof ConstraintDef.Check k) {
                try {
                    ConstraintBinder.bindCheck(partial, k);
                    constraints.add(k);
                } catch (HeliosException e) {
                    // A CHECK over the dropped column goes with it, as in PostgreSQL.
                }
            } else {
                constraints.add(c);
            }
        }
        TableDef next = new TableDef(t.id(), t.name(), columns, pk, constraints);
        ctx.alterTable(t, next, row -> {
            Object[] out = new Object[row.length - 1];
            for (int i = 0, j = 0; i < row.length; i++) {
                if (i != dropped) {
                    out[j++] = row[i];
                }
            }
            return out;
        }, map);
    }

    private static List<Integer> remap(List<Integer> columns, IntUnaryOperator map) {
        return columns.stream().map(map::applyAsInt).toList();
    }

    private static void addConstraint(Runtime rt, TableDef t, TableConstraint c) {
        ExecutionContext ctx = rt.context();
        ConstraintDef bound = new ConstraintBinder(ctx).bind(t, c, n -> t.constraint(n) != null
                || ctx.table(n).isPresent() || ctx.index(n).isPresent());
        if (t.constraint(bound.name()) != null) {
            throw new HeliosException(SqlState.DUPLICATE_OBJECT, "constraint \"" + bound.name() + "\" for relation \""
                    + t.name() + "\" already exists");
        }
        List<ConstraintDef> constraints = new ArrayList<>(t.constraints());
        constraints.add(bound);
        if (c instanceof TableConstraint.PrimaryKey pk) {
            if (t.hasPrimaryKey()) {
                throw new HeliosException(SqlState.INVALID_TABLE_DEFINITION, "multiple primary keys for table \""
                        + t.name() + "\" are not allowed");
            }
            List<Integer> key = new ArrayList<>();
            List<ColumnDef> columns = new ArrayList<>(t.columns());
            for (String name : pk.columns()) {
                int i = column(t, name);
                key.add(i);
                ColumnDef old = columns.get(i);
                columns.set(i, new ColumnDef(old.name(), old.type(), old.typmod(), true, old.defaultExpression()));
            }
            requireNoNulls(ctx, t, key);
            ctx.alterTable(t, new TableDef(t.id(), t.name(), columns, key, constraints), row -> row, SAME);
            return;
        }
        if (bound instanceof ConstraintDef.Check check) {
            Evaluator e = ExpressionCompiler.compile(ConstraintBinder.bindCheck(t, check));
            forEachRow(ctx, t, row -> {
                if (Boolean.FALSE.equals(e.evaluate(row, rt))) {
                    throw new HeliosException(SqlState.CHECK_VIOLATION, "check constraint \"" + check.name()
                            + "\" of relation \"" + t.name() + "\" is violated by some row", null, null, 0, null, check.name());
                }
            });
        }
        TableDef next = t.withConstraints(constraints);
        ctx.alterTable(t, next, null, SAME);
        if (bound instanceof ConstraintDef.ForeignKey) {
            RowConstraints check = new RowConstraints(new TableDef(t.id(), t.name(), t.columns(), t.primaryKey(), List.of(bound)));
            forEachRow(ctx, t, row -> check.checkRow(rt, row, null));
        } else if (bound instanceof ConstraintDef.Unique u) {
            ctx.createIndex(new IndexDef(u.name(), t.name(), u.columns(), Collections.nCopies(u.columns().size(), false), true));
        }
    }

    private static void dropConstraint(ExecutionContext ctx, TableDef t, AlterTable.DropConstraint drop) {
        ConstraintDef c = t.constraint(drop.name());
        if (c == null && t.hasPrimaryKey() && t.primaryKeyName().equals(drop.name())) {
            c = new ConstraintDef.PrimaryKey(drop.name());
        }
        if (c == null) {
            if (drop.ifExists()) {
                return;
            }
            throw new HeliosException(SqlState.UNDEFINED_OBJECT, "constraint \"" + drop.name() + "\" of relation \""
                    + t.name() + "\" does not exist");
        }
        List<ConstraintDef> constraints = new ArrayList<>(t.constraints());
        constraints.removeIf(x -> x.name().equals(drop.name()));
        if (c instanceof ConstraintDef.PrimaryKey || c instanceof ConstraintDef.Unique) {
            List<Integer> key = c instanceof ConstraintDef.Unique u ? u.columns() : t.primaryKey();
            for (TableDef other : ctx.tables()) {
                for (ConstraintDef fk : other.constraints()) {
                    if (fk instanceof ConstraintDef.ForeignKey f && f.refTable().equals(t.name())
                            && f.refColumns().containsAll(key) && key.containsAll(f.refColumns())) {
                        throw new HeliosException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop constraint "
                                + drop.name() + " on table " + t.name() + " because other objects depend on it", null,
                                "Use DROP ... CASCADE to drop the dependent objects too.", 0, null);
                    }
                }
            }
        }
        if (c instanceof ConstraintDef.PrimaryKey) {
            ctx.alterTable(t, new TableDef(t.id(), t.name(), t.columns(), List.of(), constraints), row -> row, SAME);
            return;
        }
        ctx.alterTable(t, t.withConstraints(constraints), null, SAME);
        if (c instanceof ConstraintDef.Unique) {
            ctx.index(drop.name()).ifPresent(ctx::dropIndex);
        }
    }

    private static void requireNoNulls(ExecutionContext ctx, TableDef t, List<Integer> columns) {
        forEachRow(ctx, t, row -> {
            for (int i : columns) {
                if (row[i] == null) {
                    throw new HeliosException(SqlState.NOT_NULL_VIOLATION, "column \"" + t.columns().get(i).name()
                            + "\" of relation \"" + t.name() + "\" contains null values", null, null, 0, null);
                }
            }
        });
    }

    private static void forEachRow(ExecutionContext ctx, TableDef t, java.util.function.Consumer<Object[]> action) {
        try (RowCursor rows = ctx.scan(t)) {
            while (rows.next()) {
                action.accept(rows.row());
            }
        }
    }
}
