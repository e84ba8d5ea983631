package io.heliosdb.sql.analyze;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.SchemaLookup;
import io.heliosdb.sql.ast.Expr;
import io.heliosdb.sql.ast.OnConflict;
import io.heliosdb.sql.ast.Update;
import io.heliosdb.sql.parse.SqlParser;
import io.heliosdb.sql.schema.ColumnDef;
import io.heliosdb.sql.schema.IndexDef;
import io.heliosdb.sql.schema.TableDef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Binds ON CONFLICT: infers the arbiter (the primary key or a unique index whose columns are the
 * conflict target, or the named constraint; every unique key for a bare DO NOTHING), and binds DO
 * UPDATE's assignments and WHERE over the existing row followed by EXCLUDED, the proposed row.
 */
final class ConflictBinder {
    private final SchemaLookup schema;
    private final ParameterTypes parameters;

    ConflictBinder(SchemaLookup schema, ParameterTypes parameters) {
        this.schema = schema;
        this.parameters = parameters;
    }

    /** Where the column names of ON CONFLICT point in the table written (a view maps its own names). */
    interface Names {
        /** The table column a conflict target name is, or -1 for one that can match no index; 42703 if none. */
        int arbiter(String name);

        /** The table column a DO UPDATE SET item assigns; 42703 (or 0A000 through a view) when it cannot. */
        int assigned(Update.Assignment a);
    }

    BoundConflict bind(TableDef table, String exposedName, OnConflict c) {
        Names names = new Names() {
            @Override
            public int arbiter(String name) {
                int i = table.columnIndex(name);
                if (i < 0) {
                    throw new HeliosException(SqlState.UNDEFINED_COLUMN, "column \"" + name + "\" does not exist");
                }
                return i;
            }

            @Override
            public int assigned(Update.Assignment a) {
                int index = table.columnIndex(a.column());
                if (index < 0) {
                    throw new HeliosException(SqlState.UNDEFINED_COLUMN, "column \"" + a.column() + "\" of relation \""
                            + table.name() + "\" does not exist", null, null, a.position() + 1, null);
                }
                return index;
            }
        };
        return bind(table, c, names, Scope.of(exposedName, table).concat(Scope.of("excluded", table), 0),
                java.util.function.UnaryOperator.identity());
    }

    /**
     * ON CONFLICT on {@code table} with the clause's names resolved by {@code names} and its DO UPDATE
     * expressions bound in {@code scope}, then turned by {@code finish} into expressions over the existing
     * row followed by the proposed one.
     */
    BoundConflict bind(TableDef table, OnConflict c, Names names, Scope scope,
                       java.util.function.UnaryOperator<BoundExpr> finish) {
        boolean primaryKey = false;
        List<IndexDef> arbiters = new ArrayList<>();
        List<IndexDef> uniques = schema.indexes(table.name()).stream().filter(IndexDef::unique).toList();
        if (c.constraint() != null) {
            if (table.hasPrimaryKey() && table.primaryKeyName().equals(c.constraint())) {
                primaryKey = true;
            } else {
                uniques.stream().filter(i -> i.name().equals(c.constraint())).forEach(arbiters::add);
                if (arbiters.isEmpty()) {
                    throw new HeliosException(SqlState.UNDEFINED_OBJECT, "constraint \"" + c.constraint()
                            + "\" for table \"" + table.name() + "\" does not exist");
                }
            }
        } else if (!c.columns().isEmpty()) {
            Set<Integer> target = new HashSet<>();
            for (String name : c.columns()) {
                target.add(names.arbiter(name));
            }
            primaryKey = table.hasPrimaryKey() && target.equals(new HashSet<>(table.primaryKey()));
            uniques.stream().filter(i -> target.equals(new HashSet<>(i.columns()))).forEach(arbiters::add);
            if (!primaryKey && arbiters.isEmpty()) {
                throw new HeliosException(SqlState.INVALID_COLUMN_REFERENCE,
                        "there is no unique or exclusion constraint matching the ON CONFLICT specification");
            }
        } else {
            if (c.doUpdate()) {
                throw new HeliosException(SqlState.SYNTAX_ERROR,
                        "ON CONFLICT DO UPDATE requires inference specification or constraint name",
                        null, "For example, ON CONFLICT (column_name).", 0, null);
            }
            primaryKey = table.hasPrimaryKey();
            arbiters.addAll(uniques);
        }
        if (!c.doUpdate()) {
            return new BoundConflict(primaryKey, arbiters, false, List.of(), null);
        }
        ExpressionBinder binder = new SelectAnalyzer(schema, parameters).binder(scope, "UPDATE");
        List<BoundExpr> newRow = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            ColumnDef column = table.columns().get(i);
            newRow.add(new BoundExpr.ColumnSlot(i, column.type(), column.typmod(), column.name()));
        }
        Set<Integer> assigned = new HashSet<>();
        RowAssignments values = new RowAssignments(binder);
        for (Update.Assignment a : c.assignments()) {
            int index = names.assigned(a);
            if (!assigned.add(index)) {
                throw new HeliosException(SqlState.SYNTAX_ERROR, "multiple assignments to same column \"" + a.column() + "\"");
            }
            ColumnDef column = table.columns().get(index);
            Expr value = a.value();
            if (value instanceof Expr.DefaultValue) {
                value = column.defaultExpression() == null ? new Expr.Literal(Expr.LiteralKind.NULL, "NULL")
                        : SqlParser.parseExpression(column.defaultExpression());
            }
            newRow.set(index, finish.apply(binder.assign(value == a.value() ? values.bind(a) : binder.bind(value),
                    column.type(), column.typmod(), column.name(), "expression")));
        }
        BoundExpr where = c.where() == null ? null : finish.apply(binder.bindCondition(c.where(), "WHERE"));
        return new BoundConflict(primaryKey, arbiters, true, newRow, where);
    }

}
