package io.heliosdb.sql.analyze;

import io.heliosdb.api.Column;
import io.heliosdb.sql.TransactionCommand;
import io.heliosdb.sql.plan.LogicalPlan;
import io.heliosdb.sql.schema.TableDef;
import java.util.List;
import java.util.function.UnaryOperator;

/** An analyzed statement: tables resolved, expressions typed, queries turned into logical plans. */
public sealed interface BoundStatement {

    /** Rewrites every logical plan inside (used by the planner's rules). */
    BoundStatement mapPlans(UnaryOperator<LogicalPlan> f);

    record Query(LogicalPlan plan) implements BoundStatement {
        @Override
        public BoundStatement mapPlans(UnaryOperator<LogicalPlan> f) {
            return new Query(f.apply(plan));
        }
    }

    /**
     * INSERT: {@code source} yields whole table rows, already converted to the column types.
     *
     * @param returning expressions over the inserted row, empty when no RETURNING
     */
    record Insert(TableDef table, LogicalPlan source, List<BoundExpr> returning, List<Column> returningColumns,
                  BoundConflict onConflict, List<ViewCheck> viewChecks) implements BoundStatement {
        public Insert(TableDef table, LogicalPlan source, List<BoundExpr> returning, List<Column> returningColumns) {
            this(table, source, returning, returningColumns, null);
        }

        public Insert(TableDef table, LogicalPlan source, List<BoundExpr> returning, List<Column> returningColumns,
                      BoundConflict onConflict) {
            this(table, source, returning, returningColumns, onConflict, List.of());
        }

        @Override
        public BoundStatement mapPlans(UnaryOperator<LogicalPlan> f) {
            return new Insert(table, f.apply(source), returning, returningColumns, onConflict, viewChecks);
        }
    }

    /**
     * A statement with data-modifying WITH queries: each step (an Insert, Update or Delete) runs once, in order,
     * and hands its RETURNING rows to the CTE Scans carrying its token; then {@code body} runs.
     */
    record DataModifyingWith(List<String> names, List<Object> tokens, List<BoundStatement> steps, BoundStatement body)
            implements BoundStatement {
        public DataModifyingWith {
            names = List.copyOf(names);
            tokens = List.copyOf(tokens);
            steps = List.copyOf(steps);
        }

        @Override
        public BoundStatement mapPlans(UnaryOperator<LogicalPlan> f) {
            return new DataModifyingWith(names, tokens, steps.stream().map(s -> s.mapPlans(f)).toList(), body.mapPlans(f));
        }
    }

    /** ALTER TABLE: the actions are applied one after the other at run time, each to the table as the last left it. */
    record AlterTable(io.heliosdb.sql.ast.AlterTable statement) implements BoundStatement {
        @Override
        public BoundStatement mapPlans(UnaryOperator<LogicalPlan> f) {
            return this;
        }
    }

    /**
     * UPDATE: {@code target} yields the stored rows to change (a Scan or Lookup, maybe filtered);
     * {@code newRow} computes each column of the new row from the old one. With FROM, {@code target} yields
     * joined rows (the table's columns first) and {@code keySlot} is where each holds the stored row key
     * (the target table is read keyed, see {@link io.heliosdb.sql.plan.RowKeyColumn}); -1 without FROM. RETURNING then reads the joined row with the new
     * values in the table's columns.
     */
    record Update(TableDef table, LogicalPlan target, List<BoundExpr> newRow, List<BoundExpr> returning,
                  List<Column> returningColumns, int keySlot, List<ViewCheck> viewChecks) implements BoundStatement {
        public Update(TableDef table, LogicalPlan target, List<BoundExpr> newRow, List<BoundExpr> returning,
                      List<Column> returningColumns) {
            this(table, target, newRow, returning, returningColumns, -1);
        }

        public Update(TableDef table, LogicalPlan target, List<BoundExpr> newRow, List<BoundExpr> returning,
                      List<Column> returningColumns, int keySlot) {
            this(table, target, newRow, returning, returningColumns, keySlot, List.of());
        }

        @Override
        public BoundStatement mapPlans(UnaryOperator<LogicalPlan> f) {
            return new Update(table, f.apply(target), newRow, returning, returningColumns, keySlot, viewChecks);
        }
    }

    /** DELETE; {@code keySlot} as for {@link Update} (DELETE ... USING). */
    record Delete(TableDef table, LogicalPlan target, List<BoundExpr> returning, List<Column> returningColumns,
                  int keySlot) implements BoundStatement {
        public Delete(TableDef table, LogicalPlan target, List<BoundExpr> returning, List<Column> returningColumns) {
            this(table, target, returning, returningColumns, -1);
        }

        @Override
        public BoundStatement mapPlans(UnaryOperator<LogicalPlan> f) {
            return new Delete(table, f.apply(target), returning, returningColumns, keySlot);
        }
    }

    /** {@code sequences}: the sequences its SERIAL and identity columns own, created with it. */
    record CreateTable(TableDef table, boolean ifNotExists, List<io.heliosdb.sql.schema.SequenceDef> sequences)
            implements BoundStatement {
        public CreateTable(TableDef table, boolean ifNotExists) {
            this(table, ifNotExists, List.of());
        }

        @Override
        public BoundStatement mapPlans(UnaryOperator<LogicalPlan> f) {
            return this;
        }
    }

    /** {@code index.name()} is null when the statement named none (the kernel-time name is derived then). */
    record CreateIndex(io.heliosdb.sql.schema.IndexDef index, List<String> columnNames, boolean ifNotExists)
            implements BoundStatement {
        @Override
        public BoundStatement mapPlans(UnaryOperator<LogicalPlan> f) {
            return this;
        }
    }

    record DropIndex(List<String> names, boolean ifExists) implements BoundStatement {
        @Override
        public BoundStatement mapPlans(UnaryOperator<LogicalPlan> f) {
            return this;
        }
    }

    /** TRUNCATE: a DELETE of every row per table, reported under one tag. */
    record Truncate(List<Delete> deletes, boolean restartIdentity) implements BoundStatement {
        public Truncate(List<Delete> deletes) {
            this(deletes, false);
        }

        @Override
        public BoundStatement mapPlans(UnaryOperator<LogicalPlan> f) {
            return this;
        }
    }

    /** CREATE, ALTER or DROP ROLE / USER, run as written (io.heliosdb.sql.exec.RoleStatements). */
    record RoleCommand(io.heliosdb.sql.ast.RoleStatement statement) implements BoundStatement {
        @Override
        public BoundStatement mapPlans(UnaryOperator<LogicalPlan> f) {
            return this;
        }
    }

    /** CREATE, DROP or ALTER TYPE of a composite type, run as written (io.heliosdb.sql.exec.TypeStatements). */
    record TypeCommand(io.heliosdb.sql.ast.TypeStatement statement) implements BoundStatement {
        @Override
        public BoundStatement mapPlans(UnaryOperator<LogicalPlan> f) {
            return this;
        }
    }

    /** CREATE or DROP SCHEMA, run as written (io.heliosdb.sql.exec.SchemaStatements). */
    record SchemaCommand(io.heliosdb.sql.ast.SchemaStatement statement) implements BoundStatement {
        @Override
        public BoundStatement mapPlans(UnaryOperator<LogicalPlan> f) {
            return this;
        }
    }

    /** CREATE, ALTER or DROP SEQUENCE, run as written (io.heliosdb.sql.exec.SequenceStatements). */
    record SequenceCommand(io.heliosdb.sql.ast.Statement statement) implements BoundStatement {
        @Override
        public BoundStatement mapPlans(UnaryOperator<LogicalPlan> f) {
            return this;
        }
    }

    /** CREATE [OR REPLACE] VIEW (with the view as analyzed) or DROP VIEW, run by io.heliosdb.sql.exec.ViewStatements. */
    record ViewCommand(io.heliosdb.sql.ast.Statement statement, io.heliosdb.sql.schema.ViewDef view)
            implements BoundStatement {
        @Override
        public BoundStatement mapPlans(UnaryOperator<LogicalPlan> f) {
            return this;
        }
    }

    record DropTable(List<String> names, boolean ifExists, boolean cascade) implements BoundStatement {
        public DropTable(List<String> names, boolean ifExists) {
            this(names, ifExists, false);
        }

        @Override
        public BoundStatement mapPlans(UnaryOperator<LogicalPlan> f) {
            return this;
        }
    }

    record Transaction(TransactionCommand command, io.heliosdb.sql.TransactionControl control) implements BoundStatement {
        Transaction(TransactionCommand command) {
            this(command, io.heliosdb.sql.TransactionControl.of(command));
        }

        @Override
        public BoundStatement mapPlans(UnaryOperator<LogicalPlan> f) {
            return this;
        }
    }

    /** SET; value null means DEFAULT. */
    record Set(String name, String value, boolean local, boolean reset) implements BoundStatement {
        Set(String name, String value) {
            this(name, value, false);
        }

        public Set(String name, String value, boolean local) {
            this(name, value, local, false);
        }

        @Override
        public BoundStatement mapPlans(UnaryOperator<LogicalPlan> f) {
            return this;
        }
    }

    record Show(String name) implements BoundStatement {
        @Override
        public BoundStatement mapPlans(UnaryOperator<LogicalPlan> f) {
            return this;
        }
    }

    /** EXPLAIN: the plan of {@code statement} as text; ANALYZE also runs it. */
    record Explain(BoundStatement statement, boolean analyze) implements BoundStatement {
        @Override
        public BoundStatement mapPlans(UnaryOperator<LogicalPlan> f) {
            return new Explain(statement.mapPlans(f), analyze);
        }
    }
}
