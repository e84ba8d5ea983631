package io.heliosdb.sql.analyze;

import io.heliosdb.api.Column;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.SchemaLookup;
import io.heliosdb.sql.analyze.BoundExpr.ColumnSlot;
import io.heliosdb.sql.analyze.BoundExpr.Const;
import io.heliosdb.sql.ast.ColumnSpec;
import io.heliosdb.sql.ast.CreateIndex;
import io.heliosdb.sql.ast.CreateTable;
import io.heliosdb.sql.ast.Delete;
import io.heliosdb.sql.ast.DropIndex;
import io.heliosdb.sql.ast.DropTable;
import io.heliosdb.sql.ast.Expr;
import io.heliosdb.sql.ast.Insert;
import io.heliosdb.sql.ast.Query;
import io.heliosdb.sql.ast.Select;
import io.heliosdb.sql.ast.SelectItem;
import io.heliosdb.sql.ast.SetVariable;
import io.heliosdb.sql.ast.ShowVariable;
import io.heliosdb.sql.ast.Statement;
import io.heliosdb.sql.ast.TableName;
import io.heliosdb.sql.ast.TransactionStatement;
import io.heliosdb.sql.ast.Truncate;
import io.heliosdb.sql.ast.Update;
import io.heliosdb.sql.parse.SqlParser;
import io.heliosdb.sql.plan.LogicalPlan;
import io.heliosdb.sql.schema.ColumnDef;
import io.heliosdb.sql.schema.IndexDef;
import io.heliosdb.sql.schema.TableDef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Resolves one statement against the catalog: names, types, parameter types, output columns. */
public final class Analyzer {
    private final SchemaLookup schema;
    private final ParameterTypes parameters;

    public Analyzer(SchemaLookup schema, List<SqlType> declaredParameterTypes) {
        this.schema = schema;
        this.parameters = new ParameterTypes(declaredParameterTypes);
    }

    /** An analyzer for a part of a statement whose parameters are {@code parameters}. */
    Analyzer(SchemaLookup schema, ParameterTypes parameters) {
        this.schema = schema;
        this.parameters = parameters;
    }

    private BoundStatement createIndex(CreateIndex c) {
        TableDef table = SelectAnalyzer.table(schema, c.table());
        List<Integer> columns = new ArrayList<>();
        List<Boolean> descending = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (CreateIndex.Key k : c.keys()) {
            int i = table.columnIndex(k.column());
            if (i < 0) {
                throw new HeliosException(SqlState.UNDEFINED_COLUMN, "column \"" + k.column() + "\" does not exist",
                        null, null, k.position() + 1, null);
            }
            columns.add(i);
            descending.add(k.descending());
            names.add(k.column());
        }
        // an index lives in its table's schema (see QualifiedNames)
        String indexName = c.name() == null || io.heliosdb.sql.schema.QualifiedNames.isQualified(c.name()) ? c.name()
                : io.heliosdb.sql.schema.QualifiedNames.qualify(
                        io.heliosdb.sql.schema.QualifiedNames.schemaOf(table.name()), c.name());
        return new BoundStatement.CreateIndex(new IndexDef(indexName, table.name(), columns, descending, c.unique()),
                names, c.ifNotExists());
    }

    /** Parameter types after {@link #analyze}: inferred where possible, else text. */
    public List<SqlType> parameterTypes() {
        return parameters.finish();
    }

    public BoundStatement analyze(Statement statement) {
        return CompositeTypes.with(schema, () -> analyzeStatement(statement));
    }

    private BoundStatement analyzeStatement(Statement statement) {
        if (statement instanceof io.heliosdb.sql.ast.LockingQuery l) {
            return new BoundStatement.Query(LockingSelects.analyze(schema, parameters, l));
        } else if (statement instanceof Query q) {
            return new BoundStatement.Query(ObjectIdOutput.namedResult(new SelectAnalyzer(schema, parameters).analyze(q)));
        } else if (statement instanceof io.heliosdb.sql.ast.DataModifyingWith w) {
            List<BoundStatement> steps = new ArrayList<>();
            w.steps().forEach(step -> steps.add(analyze(step.statement())));
            return new BoundStatement.DataModifyingWith(w.steps().stream().map(s -> s.name()).toList(),
                    w.steps().stream().map(s -> s.token()).toList(), steps, analyze(w.body()));
        } else if (statement instanceof Insert i) {
            return insert(i);
        } else if (statement instanceof Update u) {
            return update(u);
        } else if (statement instanceof Delete d) {
            return delete(d);
        } else if (statement instanceof CreateTable c) {
            return createTable(new CreateTable(schema.creationName(c.name()), c.ifNotExists(), c.columns(),
                    c.primaryKey(), c.tablePrimaryKeys(), c.constraints()));
        } else if (statement instanceof Truncate t) {
            List<BoundStatement.Delete> deletes = new ArrayList<>();
            for (TableName name : t.tables()) {
                TableDef table = ViewAnalysis.writeTarget(schema, name, null);
                deletes.add(new BoundStatement.Delete(table, new LogicalPlan.Scan(table), List.of(), List.of()));
            }
            return new BoundStatement.Truncate(deletes, t.restartIdentity());
        } else if (statement instanceof CreateIndex c) {
            return createIndex(c);
        } else if (statement instanceof DropIndex d) {
            return new BoundStatement.DropIndex(d.names(), d.ifExists());
        } else if (statement instanceof DropTable d) {
            return new BoundStatement.DropTable(d.names().stream().map(TableName::name).toList(), d.ifExists(),
                    d.cascade());
        } else if (statement instanceof io.heliosdb.sql.ast.CreateView c) {
            BoundStatement.ViewCommand created = ViewAnalysis.create(schema, c);
            return new BoundStatement.ViewCommand(c, ViewCheckOptions.create(schema, c, created.view()));
        } else if (statement instanceof io.heliosdb.sql.ast.AlterViewOptions a) {
            return ViewCheckOptions.alter(schema, a);
        } else if (statement instanceof io.heliosdb.sql.ast.CommentOn c) {
            return new BoundStatement.ViewCommand(c, null);
        } else if (statement instanceof io.heliosdb.sql.ast.DropView d) {
            return new BoundStatement.ViewCommand(d, null);
        } else if (statement instanceof TransactionStatement t) {
            return transactionControl(t);
        } else if (statement instanceof io.heliosdb.sql.ast.Explain e) {
            return new BoundStatement.Explain(analyze(e.statement()), e.analyze());
        } else if (statement instanceof io.heliosdb.sql.ast.CreateSequence
                || statement instanceof io.heliosdb.sql.ast.AlterSequence
                || statement instanceof io.heliosdb.sql.ast.DropSequence) {
            return new BoundStatement.SequenceCommand(statement);
        } else if (statement instanceof io.heliosdb.sql.ast.TypeStatement t) {
            return new BoundStatement.TypeCommand(t);
        } else if (statement instanceof io.heliosdb.sql.ast.SchemaStatement s) {
            return new BoundStatement.SchemaCommand(s);
        } else if (statement instanceof io.heliosdb.sql.ast.RoleStatement r) {
            return new BoundStatement.RoleCommand(r);
        } else if (statement instanceof io.heliosdb.sql.ast.AlterTable a) {
            return new BoundStatement.AlterTable(a);
        } else if (statement instanceof SetVariable s) {
            return new BoundStatement.Set(s.name(), s.value(), s.local(), s.reset());
        }
        return new BoundStatement.Show(((ShowVariable) statement).name());
    }

    // ------------------------------------------------------------------ DDL

    private BoundStatement createTable(CreateTable c) {
        List<ColumnDef> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Integer> primaryKey = new ArrayList<>();
        int primaryKeys = c.tablePrimaryKeys();
        List<io.heliosdb.sql.schema.SequenceDef> sequences = new ArrayList<>();
        for (ColumnSpec spec : c.columns()) {
            if (!seen.add(spec.name())) {
                throw new HeliosException(SqlState.DUPLICATE_COLUMN, "column \"" + spec.name() + "\" specified more than once");
            }
            if (spec.primaryKey()) {
                primaryKeys++;
                primaryKey.add(columns.size());
            }
            if (spec.identity() != null) {
                io.heliosdb.sql.schema.SequenceDef sequence = IdentityColumns.sequence(c.name(), spec);
                sequences.add(sequence);
                columns.add(new ColumnDef(spec.name(), spec.type().type(), spec.type().typmod(), true,
                        IdentityColumns.defaultText(spec.identity().kind(), sequence.name())));
                continue;
            }
            if (spec.defaultExpr() != null) {
                checkDefault(spec);
            }
            io.heliosdb.sql.ast.TypeName type = CompositeTypes.resolve(schema, spec.type());
            columns.add(new ColumnDef(spec.name(), type.type(), type.typmod(), spec.notNull(), spec.defaultText()));
        }
        if (primaryKeys > 1) {
            throw new HeliosException(SqlState.INVALID_TABLE_DEFINITION,
                    "multiple primary keys for table \"" + c.name() + "\" are not allowed");
        }
        for (String name : c.primaryKey()) {
            int index = -1;
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).name().equals(name)) {
                    index = i;
                }
            }
            if (index < 0) {
                throw new HeliosException(SqlState.UNDEFINED_COLUMN, "column \"" + name + "\" named in key does not exist");
            }
            if (primaryKey.contains(index)) {
                throw new HeliosException(SqlState.DUPLICATE_COLUMN,
                        "column \"" + name + "\" appears twice in primary key constraint");
            }
            primaryKey.add(index);
            ColumnDef old = columns.get(index);
            columns.set(index, new ColumnDef(old.name(), old.type(), old.typmod(), true, old.defaultExpression()));
        }
        TableDef table = new TableDef(0, c.name(), columns, primaryKey);
        List<io.heliosdb.sql.schema.ConstraintDef> constraints = new ArrayList<>();
        ConstraintBinder binder = new ConstraintBinder(schema);
        if (!primaryKey.isEmpty()) {
            String pkName = c.constraints().stream().filter(x -> x instanceof io.heliosdb.sql.ast.TableConstraint.PrimaryKey)
                    .map(io.heliosdb.sql.ast.TableConstraint::name).findFirst().orElse(c.name() + "_pkey");
            constraints.add(new io.heliosdb.sql.schema.ConstraintDef.PrimaryKey(pkName));
        }
        for (io.heliosdb.sql.ast.TableConstraint tc : c.constraints()) {
            if (!(tc instanceof io.heliosdb.sql.ast.TableConstraint.PrimaryKey)) {
                io.heliosdb.sql.schema.ConstraintDef bound = binder.bind(table, tc, n -> constraints.stream()
                        .anyMatch(x -> x.name().equals(n)) || schema.table(n).isPresent() || schema.index(n).isPresent());
                if (constraints.stream().anyMatch(x -> x.name().equals(bound.name()))) {
                    throw new HeliosException(SqlState.DUPLICATE_OBJECT, "constraint \"" + bound.name()
                            + "\" for relation \"" + c.name() + "\" already exists");
                }
                constraints.add(bound);
            }
        }
        return new BoundStatement.CreateTable(table.withConstraints(constraints), c.ifNotExists(), sequences);
    }

    private void checkDefault(ColumnSpec spec) {
        ExpressionBinder binder = new ExpressionBinder(Scope.EMPTY, new ParameterTypes(List.of()), "DEFAULT expressions");
        BoundExpr bound;
        try {
            bound = binder.bind(spec.defaultExpr());
        } catch (HeliosException e) {
            if (e.sqlState() == SqlState.UNDEFINED_COLUMN || e.sqlState() == SqlState.UNDEFINED_TABLE) {
                throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "cannot use column reference in DEFAULT expression");
            }
            throw e;
        }
        boolean[] hasParameter = {false};
        BoundExprs.forEach(bound, n -> hasParameter[0] |= n instanceof BoundExpr.ParamRef);
        if (hasParameter[0]) {
            throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "cannot use parameters in DEFAULT expression");
        }
        io.heliosdb.sql.ast.TypeName type = CompositeTypes.resolve(schema, spec.type());
        binder.assign(bound, type.type(), type.typmod(), spec.name(), "default expression");
    }

    /** The value a column gets when none is given: its DEFAULT (stored as SQL text), else NULL. */
    private BoundExpr defaultValue(ColumnDef column) {
        if (column.defaultExpression() == null) {
            return new Const(null, column.type());
        }
        Expr parsed = SqlParser.parseExpression(column.defaultExpression());
        ExpressionBinder binder = new ExpressionBinder(Scope.EMPTY, parameters, "DEFAULT expressions");
        return binder.assign(binder.bind(parsed), column.type(), column.typmod(), column.name(), "default expression");
    }

    // ------------------------------------------------------------------ DML

    private BoundStatement insert(Insert insert) {
        ViewWrites views = new ViewWrites(schema, parameters);
        if (views.target(insert.table()).isPresent()) {
            return views.insert(views.target(insert.table()).get(), insert, this::insert);
        }
        TableDef table = ViewAnalysis.writeTarget(schema, insert.table(), "insert into");
        List<Integer> targets = new ArrayList<>();
        if (insert.columns().isEmpty()) {
            for (int i = 0; i < table.columns().size(); i++) {
                targets.add(i);
            }
        } else {
            for (String name : insert.columns()) {
                int index = table.columnIndex(name);
                if (index < 0) {
                    throw new HeliosException(SqlState.UNDEFINED_COLUMN, "column \"" + name + "\" of relation \""
                            + table.name() + "\" does not exist");
                }
                if (targets.contains(index)) {
                    throw new HeliosException(SqlState.DUPLICATE_COLUMN, "column \"" + name + "\" specified more than once");
                }
                targets.add(index);
            }
        }
        BoundExpr[] defaults = new BoundExpr[table.columns().size()];
        // VALUES items may be scalar subqueries (INSERT ... VALUES ((SELECT ...), ...)), as in PostgreSQL.
        ExpressionBinder binder = new SelectAnalyzer(schema, parameters).binder(Scope.EMPTY, "VALUES");
        checkGeneratedAlways(insert, table, targets);
        LogicalPlan source;
        if (insert.query() != null) {
            LogicalPlan query = new SelectAnalyzer(schema, parameters).analyze(insert.query(), false);
            List<Column> produced = query.columns();
            checkArity(produced.size(), targets.size(), insert.columns().isEmpty());
            List<BoundExpr> row = new ArrayList<>();
            for (int c = 0; c < table.columns().size(); c++) {
                int k = targets.indexOf(c);
                ColumnDef column = table.columns().get(c);
                row.add(k < 0 ? defaultFor(defaults, table, c)
                        : binder.assign(new ColumnSlot(k, produced.get(k).type(), produced.get(k).typmod(), column.name()),
                                column.type(), column.typmod(), column.name(), "expression"));
            }
            source = new LogicalPlan.Project(query, row, SelectAnalyzer.columnsOf(table));
        } else {
            List<List<BoundExpr>> rows = new ArrayList<>();
            for (List<Expr> values : insert.rows()) {
                // An empty row is DEFAULT VALUES; any other row must match the target list.
                if (!values.isEmpty()) {
                    checkArity(values.size(), targets.size(), insert.columns().isEmpty());
                }
                BoundExpr[] row = new BoundExpr[table.columns().size()];
                for (int k = 0; k < values.size(); k++) {
                    int c = targets.get(k);
                    ColumnDef column = table.columns().get(c);
                    Expr v = values.get(k);
                    row[c] = v instanceof Expr.DefaultValue ? defaultFor(defaults, table, c)
                            : binder.assign(binder.bind(v), column.type(), column.typmod(), column.name(), "expression");
                }
                for (int c = 0; c < row.length; c++) {
                    if (row[c] == null) {
                        row[c] = defaultFor(defaults, table, c);
                    }
                }
                rows.add(Arrays.asList(row));
            }
            source = new LogicalPlan.Values(rows, SelectAnalyzer.columnsOf(table));
        }
        Returning returning = returning(insert.returning(), Scope.of(insert.table().exposedName(), table));
        BoundConflict conflict = insert.onConflict() == null ? null
                : new ConflictBinder(schema, parameters).bind(table, insert.table().exposedName(), insert.onConflict());
        return new BoundStatement.Insert(table, source, returning.exprs(), returning.columns(), conflict);
    }

    /** 428C9 for a value other than DEFAULT into a GENERATED ALWAYS column, unless OVERRIDING SYSTEM VALUE. */
    private static void checkGeneratedAlways(Insert insert, TableDef table, List<Integer> targets) {
        if (insert.overridingSystemValue()) {
            return;
        }
        for (int k = 0; k < targets.size(); k++) {
            ColumnDef column = table.columns().get(targets.get(k));
            if (!IdentityColumns.isGeneratedAlways(column)) {
                continue;
            }
            if (insert.query() != null) {
                throw IdentityColumns.insertIntoAlways(column.name());
            }
            for (List<Expr> row : insert.rows()) {
                if (k < row.size() && !(row.get(k) instanceof Expr.DefaultValue)) {
                    throw IdentityColumns.insertIntoAlways(column.name());
                }
            }
        }
    }

    private BoundExpr defaultFor(BoundExpr[] cache, TableDef table, int column) {
        if (cache[column] == null) {
            cache[column] = defaultValue(table.columns().get(column));
        }
        return cache[column];
    }

    private static void checkArity(int expressions, int targets, boolean implicitTargets) {
        if (expressions > targets) {
            throw new HeliosException(SqlState.SYNTAX_ERROR, "INSERT has more expressions than target columns");
        }
        if (expressions < targets && !implicitTargets) {
            throw new HeliosException(SqlState.SYNTAX_ERROR, "INSERT has more target columns than expressions");
        }
    }

    private BoundStatement update(Update update) {
        CurrentOfTargets.check(update.where(), !update.from().isEmpty(), "FROM");
        ViewWrites views = new ViewWrites(schema, parameters);
        if (views.target(update.table()).isPresent()) {
            CurrentOfTargets.refuseView(update.where());
            return views.update(views.target(update.table()).get(), update);
        }
        TableDef table = ViewAnalysis.writeTarget(schema, update.table(), "update");
        JoinedTargets.Target joined = update.from().isEmpty() ? null
                : JoinedTargets.of(schema, parameters, update.table(), table, update.from(), update.where());
        Scope scope = joined == null ? Scope.of(update.table().exposedName(), table) : joined.scope();
        ExpressionBinder binder = joined == null ? new SelectAnalyzer(schema, parameters).binder(scope, "UPDATE")
                : joined.binder("UPDATE");
        List<BoundExpr> newRow = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            newRow.add(Scope.slot(scope.entries().get(0), i));
        }
        Set<Integer> assigned = new HashSet<>();
        BoundExpr[] defaults = new BoundExpr[table.columns().size()];
        RowAssignments values = new RowAssignments(binder);
        for (Update.Assignment a : update.assignments()) {
            int index = table.columnIndex(a.column());
            if (index < 0) {
                throw new HeliosException(SqlState.UNDEFINED_COLUMN, "column \"" + a.column() + "\" of relation \""
                        + table.name() + "\" does not exist", null, null, a.position() + 1, null);
            }
            if (!assigned.add(index)) {
                throw new HeliosException(SqlState.SYNTAX_ERROR, "multiple assignments to same column \"" + a.column() + "\"");
            }
            ColumnDef column = table.columns().get(index);
            if (IdentityColumns.isGeneratedAlways(column) && !(a.value() instanceof Expr.DefaultValue)) {
                throw IdentityColumns.updateOfAlways(column.name());
            }
            newRow.set(index, a.value() instanceof Expr.DefaultValue ? defaultFor(defaults, table, index)
                    : binder.assign(values.bind(a), column.type(), column.typmod(), column.name(), "expression"));
        }
        LogicalPlan target = joined == null ? target(table, scope, update.where()) : joined.plan();
        Returning returning = returning(update.returning(), scope);
        return new BoundStatement.Update(table, target, newRow, returning.exprs(), returning.columns(),
                joined == null ? -1 : joined.keySlot());
    }

    private BoundStatement delete(Delete delete) {
        CurrentOfTargets.check(delete.where(), !delete.using().isEmpty(), "USING");
        ViewWrites views = new ViewWrites(schema, parameters);
        if (views.target(delete.table()).isPresent()) {
            CurrentOfTargets.refuseView(delete.where());
            return views.delete(views.target(delete.table()).get(), delete);
        }
        TableDef table = ViewAnalysis.writeTarget(schema, delete.table(), "delete from");
        JoinedTargets.Target joined = delete.using().isEmpty() ? null
                : JoinedTargets.of(schema, parameters, delete.table(), table, delete.using(), delete.where());
        Scope scope = joined == null ? Scope.of(delete.table().exposedName(), table) : joined.scope();
        LogicalPlan target = joined == null ? target(table, scope, delete.where()) : joined.plan();
        Returning returning = returning(delete.returning(), scope);
        return new BoundStatement.Delete(table, target, returning.exprs(), returning.columns(),
                joined == null ? -1 : joined.keySlot());
    }

    private LogicalPlan target(TableDef table, Scope scope, Expr where) {
        if (where instanceof Expr.CurrentOf c) {
            return new LogicalPlan.CurrentOfScan(table, c.cursor());
        }
        LogicalPlan scan = new LogicalPlan.Scan(table);
        if (where == null) {
            return scan;
        }
        return new LogicalPlan.Filter(scan, new SelectAnalyzer(schema, parameters).binder(scope, "WHERE")
                .bindCondition(where, "WHERE"));
    }

    private record Returning(List<BoundExpr> exprs, List<Column> columns) {
    }

    private Returning returning(List<SelectItem> items, Scope scope) {
        List<BoundExpr> exprs = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        ExpressionBinder binder = new ExpressionBinder(scope, parameters, "RETURNING");
        for (SelectItem item : items) {
            if (item instanceof SelectItem.AllColumns all) {
                // Unqualified, every visible column of every item (UPDATE ... FROM returns the joined row).
                List<Scope.Entry> entries = all.qualifier() == null ? scope.entries()
                        : List.of(scope.entry(all.qualifier(), all.position() + 1));
                for (Scope.Entry e : entries) {
                    for (int i = 0; i < e.table().columns().size(); i++) {
                        if (all.qualifier() != null || e.exposes(i)) {
                            exprs.add(Scope.slot(e, i));
                            columns.add(e.table().columns().get(i).toColumn());
                        }
                    }
                }
            } else {
                SelectItem.ExprItem ei = (SelectItem.ExprItem) item;
                BoundExpr bound = binder.bind(ei.expr());
                SqlType type = bound.type() == SqlType.UNKNOWN ? SqlType.TEXT : bound.type();
                if (bound instanceof Const c && c.type() == SqlType.UNKNOWN) {
                    bound = new Const(c.value(), SqlType.TEXT);
                }
                exprs.add(bound);
                columns.add(new Column(ei.alias() != null ? ei.alias() : ColumnNames.of(ei.expr()), type, bound.typmod()));
            }
        }
        return new Returning(exprs, columns);
    }

    /** VACUUM and ANALYZE name a table that must exist (42P01), as in PostgreSQL. */
    private BoundStatement transactionControl(TransactionStatement t) {
        String table = t.control().name();
        if (table != null && (t.command() == io.heliosdb.sql.TransactionCommand.VACUUM
                || t.command() == io.heliosdb.sql.TransactionCommand.ANALYZE) && schema.table(table).isEmpty()) {
            throw new HeliosException(SqlState.UNDEFINED_TABLE, "relation \"" + table + "\" does not exist");
        }
        return new BoundStatement.Transaction(t.command(), t.control());
    }
}
