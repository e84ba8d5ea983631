package io.heliosdb.sql.parse;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.TransactionCommand;
import io.heliosdb.sql.ast.ColumnSpec;
import io.heliosdb.sql.ast.CreateIndex;
import io.heliosdb.sql.ast.CreateTable;
import io.heliosdb.sql.ast.Delete;
import io.heliosdb.sql.ast.DropIndex;
import io.heliosdb.sql.ast.DropTable;
import io.heliosdb.sql.ast.Expr;
import io.heliosdb.sql.ast.FromItem;
import io.heliosdb.sql.ast.Insert;
import io.heliosdb.sql.ast.Query;
import io.heliosdb.sql.ast.Select;
import io.heliosdb.sql.ast.SelectItem;
import io.heliosdb.sql.ast.SetOperation;
import io.heliosdb.sql.ast.SetVariable;
import io.heliosdb.sql.ast.ShowVariable;
import io.heliosdb.sql.ast.Statement;
import io.heliosdb.sql.ast.TableName;
import io.heliosdb.sql.ast.TransactionStatement;
import io.heliosdb.sql.ast.TypeName;
import io.heliosdb.sql.ast.Truncate;
import io.heliosdb.sql.ast.Update;
import io.heliosdb.sql.ast.ValuesQuery;
import io.heliosdb.sql.ast.WindowSpec;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.*;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;

/** Turns ANTLR parse trees into {@link io.heliosdb.sql.ast} records (ANTLR types stop here). */
final class AstBuilder {
    private final CharStream chars;

    /** A WITH query in scope while its statement is built; later and inner ones shadow earlier ones. */
    private record CommonTable(String name, Query query, List<String> columns, SharedCommonTables.Use use) {
    }

    private final List<CommonTable> commonTables = new ArrayList<>();
    /** Names of the WITH RECURSIVE queries whose bodies are being built, innermost last. */
    private final RecursiveQueries.WorkTables workTables = new RecursiveQueries.WorkTables();
    /** WINDOW clause definitions visible to the select core being built. */
    private java.util.Map<String, WindowSpec> namedWindows = java.util.Map.of();

    AstBuilder(CharStream chars) {
        this.chars = chars;
    }

    Statement statement(StatementContext ctx) {
        if (ctx.createTable() != null) {
            return createTable(ctx.createTable());
        } else if (ctx.dropTable() != null) {
            DropTableContext d = ctx.dropTable();
            return new DropTable(d.qualifiedName().stream().map(q -> tableName(q)).toList(), d.IF() != null,
                    d.CASCADE() != null);
        } else if (ctx.createSchema() != null) {
            return new io.heliosdb.sql.ast.SchemaStatement(List.of(identifier(ctx.createSchema().identifier())), true,
                    ctx.createSchema().IF() != null, false);
        } else if (ctx.dropSchema() != null) {
            var d = ctx.dropSchema();
            return new io.heliosdb.sql.ast.SchemaStatement(d.identifier().stream().map(AstBuilder::identifier).toList(),
                    false, d.IF() != null, d.CASCADE() != null);
        } else if (ctx.truncateStmt() != null) {
            return new Truncate(ctx.truncateStmt().qualifiedName().stream().map(q -> tableName(q)).toList(),
                    ctx.truncateStmt().RESTART() != null);
        } else if (ctx.createIndex() != null) {
            return createIndex(ctx.createIndex());
        } else if (ctx.dropIndex() != null) {
            DropIndexContext d = ctx.dropIndex();
            return new DropIndex(d.qualifiedName().stream().map(q -> tableName(q).name()).toList(), d.IF() != null);
        } else if (ctx.insertStmt() != null) {
            InsertStmtContext i = ctx.insertStmt();
            return i.withClause() == null ? insert(i) : withQueries(i.withClause(), () -> insert(i));
        } else if (ctx.selectStmt() != null) {
            Query query = select(ctx.selectStmt());
            return ctx.lockingTail() == null ? query : LockingSyntax.build(query, ctx.lockingTail(), this);
        } else if (ctx.updateStmt() != null) {
            return update(ctx.updateStmt());
        } else if (ctx.deleteStmt() != null) {
            DeleteStmtContext d = ctx.deleteStmt();
            java.util.function.Supplier<Delete> body = () -> new Delete(tableName(d.qualifiedName(), d.alias),
                    d.expr() == null ? null : expr(d.expr()), returning(d.returningClause()),
                    d.fromItem().stream().map(this::fromItem).toList());
            return d.withClause() == null ? body.get() : withQueries(d.withClause(), body);
        } else if (ctx.transactionStmt() != null) {
            return transaction(ctx.transactionStmt());
        } else if (ctx.setStmt() != null) {
            return set(ctx.setStmt());
        } else if (ctx.createSequence() != null) {
            CreateSequenceContext c = ctx.createSequence();
            return new io.heliosdb.sql.ast.CreateSequence(tableName(c.qualifiedName()).name(), c.IF() != null,
                    SequenceSyntax.options(c.sequenceOption(), this));
        } else if (ctx.alterSequence() != null) {
            AlterSequenceContext a = ctx.alterSequence();
            return new io.heliosdb.sql.ast.AlterSequence(tableName(a.qualifiedName()).name(), a.IF() != null,
                    SequenceSyntax.options(a.sequenceOption(), this));
        } else if (ctx.dropSequence() != null) {
            DropSequenceContext d = ctx.dropSequence();
            return new io.heliosdb.sql.ast.DropSequence(d.qualifiedName().stream().map(q -> tableName(q).name()).toList(),
                    d.IF() != null);
        } else if (ctx.alterTable() != null) {
            return new ConstraintAst(this).alterTable(ctx.alterTable(), tableName(ctx.alterTable().qualifiedName()));
        } else if (ctx.copyStmt() != null) {
            return CopyCursorStatements.copy(ctx.copyStmt(), this);
        } else if (ctx.createView() != null) {
            return ViewSyntax.create(ctx.createView(), this, chars);
        } else if (ctx.dropView() != null) {
            return ViewSyntax.drop(ctx.dropView(), this);
        } else if (ctx.alterView() != null) {
            return ViewOptions.alter(ctx.alterView(), this);
        } else if (ctx.commentStmt() != null) {
            return ViewSyntax.comment(ctx.commentStmt(), this);
        } else if (ctx.cursorStmt() != null) {
            return CopyCursorStatements.cursor(ctx.cursorStmt(), this);
        } else if (ctx.vacuumStmt() != null) {
            return TransactionStatements.vacuum(ctx.vacuumStmt());
        } else if (ctx.createRole() != null) {
            return RoleSyntax.create(ctx.createRole());
        } else if (ctx.alterRole() != null) {
            return RoleSyntax.alter(ctx.alterRole());
        } else if (ctx.dropRole() != null) {
            return RoleSyntax.drop(ctx.dropRole());
        } else if (ctx.grantRole() != null) {
            return RoleSyntax.grant(ctx.grantRole());
        } else if (ctx.explainStmt() != null) {
            ExplainStmtContext e = ctx.explainStmt();
            boolean analyze = e.ANALYZE() != null || e.explainOption().stream().anyMatch(o -> o.ANALYZE() != null
                    && o.FALSE() == null && (o.identifier().isEmpty() || !o.identifier(0).getText().equalsIgnoreCase("off")));
            return new io.heliosdb.sql.ast.Explain(statement(e.statement()), analyze);
        } else {
            ShowStmtContext s = ctx.showStmt();
            return new ShowVariable(s instanceof ShowVariableContext v ? settingName(v.settingName()) : "timezone");
        }
    }

    // ------------------------------------------------------------------ DDL

    private CreateTable createTable(CreateTableContext ctx) {
        List<ColumnSpec> columns = new ArrayList<>();
        List<String> primaryKey = new ArrayList<>();
        List<io.heliosdb.sql.ast.TableConstraint> constraints = new ArrayList<>();
        ConstraintAst constraintAst = new ConstraintAst(this);
        int tablePrimaryKeys = 0;
        for (TableElementContext element : ctx.tableElement()) {
            if (element.columnDef() != null) {
                columns.add(columnSpec(element.columnDef()));
                constraints.addAll(constraintAst.columnConstraints(element.columnDef()));
            } else {
                io.heliosdb.sql.ast.TableConstraint c = constraintAst.tableConstraint(element.tableConstraint());
                if (c instanceof io.heliosdb.sql.ast.TableConstraint.PrimaryKey pk) {
                    tablePrimaryKeys++;
                    primaryKey.addAll(pk.columns());
                    if (pk.name() != null) {
                        constraints.add(pk);
                    }
                } else {
                    constraints.add(c);
                }
            }
        }
        return new CreateTable(tableName(ctx.qualifiedName()).name(), ctx.IF() != null, columns, primaryKey,
                tablePrimaryKeys, constraints);
    }

    ColumnSpec columnSpecOf(ColumnDefContext ctx) {
        return columnSpec(ctx);
    }

    Expr valueItemOf(ValueItemContext ctx) {
        return valueItem(ctx);
    }

    private CreateIndex createIndex(CreateIndexContext ctx) {
        if (ctx.method != null && !identifier(ctx.method).equals("btree")) {
            throw new HeliosException(SqlState.UNDEFINED_OBJECT, "access method \"" + identifier(ctx.method)
                    + "\" does not exist");
        }
        List<CreateIndex.Key> keys = new ArrayList<>();
        for (IndexKeyContext k : ctx.indexKey()) {
            keys.add(new CreateIndex.Key(identifier(k.identifier()), k.DESC() != null, k.getStart().getStartIndex()));
        }
        return new CreateIndex(ctx.name == null ? null : identifier(ctx.name), tableName(ctx.qualifiedName()), keys,
                ctx.UNIQUE() != null, ctx.IF() != null);
    }

    private ColumnSpec columnSpec(ColumnDefContext ctx) {
        boolean primaryKey = false;
        boolean notNull = false;
        Expr defaultExpr = null;
        String defaultText = null;
        io.heliosdb.sql.ast.TypeName serial = SequenceSyntax.serialType(ctx.typeName());
        ColumnSpec.Identity identity = serial == null ? null
                : new ColumnSpec.Identity(ColumnSpec.IdentityKind.SERIAL, io.heliosdb.sql.ast.SequenceOptions.NONE);
        for (ColumnConstraintContext c : ctx.columnConstraint()) {
            if (c instanceof IdentityConstraintContext i) {
                identity = SequenceSyntax.identity(i, this);
            }
            if (c instanceof PkConstraintContext) {
                primaryKey = true;
            } else if (c instanceof NotNullConstraintContext) {
                notNull = true;
            } else if (c instanceof DefaultConstraintContext d) {
                defaultExpr = expr(d.expr());
                defaultText = text(d.expr());
            }
        }
        return new ColumnSpec(identifier(ctx.identifier()), serial != null ? serial : TypeNames.resolve(ctx.typeName(), this),
                primaryKey, notNull || primaryKey || identity != null, defaultExpr, defaultText, identity);
    }

    // ------------------------------------------------------------------ DML

    private Insert insert(InsertStmtContext ctx) {
        List<String> columns = ctx.identifier().stream().map(AstBuilder::identifier).toList();
        List<List<Expr>> rows = null;
        Query query = null;
        if (ctx.insertSource() instanceof QuerySourceContext q) {
            query = select(q.selectStmt());
            // A plain VALUES list stays rows: its items may be DEFAULT and take the target columns' types.
            if (query instanceof ValuesQuery v && v.orderBy().isEmpty() && v.limit() == null && v.offset() == null) {
                rows = v.rows();
                query = null;
            }
        } else {
            rows = List.of(List.of());
        }
        return new Insert(tableName(ctx.qualifiedName()), columns, rows, query, returning(ctx.returningClause()),
                overridingSystemValue(ctx.overridingClause()), new ConstraintAst(this).onConflict(ctx.onConflict()));
    }

    /** OVERRIDING SYSTEM VALUE (true), OVERRIDING USER VALUE or none (false). */
    private static boolean overridingSystemValue(OverridingClauseContext ctx) {
        if (ctx != null && ctx.SYSTEM() == null && !identifier(ctx.identifier()).equals("user")) {
            throw new HeliosException(SqlState.SYNTAX_ERROR, "syntax error at or near \"" + ctx.identifier().getText()
                    + "\"", null, null, ctx.identifier().getStart().getStartIndex() + 1, null);
        }
        return ctx != null && ctx.SYSTEM() != null;
    }

    private Expr valueItem(ValueItemContext ctx) {
        return ctx.DEFAULT() != null ? new Expr.DefaultValue() : expr(ctx.expr());
    }

    private Update update(UpdateStmtContext ctx) {
        if (ctx.withClause() != null) {
            return withQueries(ctx.withClause(), () -> updateBody(ctx));
        }
        return updateBody(ctx);
    }

    private Update updateBody(UpdateStmtContext ctx) {
        List<Update.Assignment> assignments = MultiAssignments.of(ctx.assignment(), this);
        return new Update(tableName(ctx.qualifiedName(), ctx.alias), assignments,
                ctx.expr() == null ? null : expr(ctx.expr()), returning(ctx.returningClause()),
                ctx.fromItem().stream().map(this::fromItem).toList());
    }

    private List<SelectItem> returning(ReturningClauseContext ctx) {
        return ctx == null ? List.of() : ctx.selectItem().stream().map(this::selectItem).toList();
    }

    Query select(SelectStmtContext ctx) {
        WithClauseContext with = ctx.withClause();
        if (with == null) {
            return selectBody(ctx);
        }
        return withQueries(with, () -> selectBody(ctx));
    }

    /**
     * {@code body} built with the WITH clause's queries visible by name. A query read more than once is built
     * again as one shared query (see {@link SharedCommonTables}), since the count is known only afterwards.
     */
    private <T> T withQueries(WithClauseContext with, java.util.function.Supplier<T> body) {
        SharedCommonTables sharing = new SharedCommonTables(with);
        while (true) {
            int depth = commonTables.size();
            List<SharedCommonTables.Use> uses = new ArrayList<>();
            T built;
            try {
                for (CommonTableContext c : with.commonTable()) {
                    String name = identifier(c.name);
                    for (CommonTable earlier : commonTables.subList(depth, commonTables.size())) {
                        if (earlier.name().equals(name)) {
                            throw new HeliosException(SqlState.DUPLICATE_ALIAS, "WITH query name \"" + name
                                    + "\" specified more than once", null, null, c.getStart().getStartIndex() + 1, null);
                        }
                    }
                    List<String> columns = c.identifier().stream().filter(id -> id != c.name && id != c.materialized)
                            .map(AstBuilder::identifier).toList();
                    SharedCommonTables.Use use = sharing.use(c, uses.size());
                    Query query = with.RECURSIVE() == null ? select(c.selectStmt())
                            : RecursiveQueries.build(name, columns, workTables, () -> select(c.selectStmt()));
                    uses.add(use);
                    commonTables.add(new CommonTable(name, LockingSyntax.locked(query, c.lockingTail(), this), columns,
                            use));
                }
                built = body.get();
            } finally {
                commonTables.subList(depth, commonTables.size()).clear();
            }
            if (!sharing.again(uses)) {
                return built;
            }
        }
    }

    private Query selectBody(SelectStmtContext ctx) {
        List<Select.OrderItem> orderBy = orderItems(ctx.orderByClause());
        Expr limit = null;
        Expr offset = null;
        LimitClauseContext l = ctx.limitClause();
        if (l != null) {
            limit = l.limit == null ? null : expr(l.limit);
            offset = l.offset == null ? null : expr(l.offset);
            FetchClauseContext fetch = l.fetchClause();
            if (fetch != null) {
                limit = fetch.count == null ? new Expr.Literal(Expr.LiteralKind.INTEGER, "1") : value(fetch.count);
            }
        }
        Query body = query(ctx.queryExpr());
        if (orderBy.isEmpty() && limit == null && offset == null) {
            return body;
        }
        if (!body.orderBy().isEmpty() || body.limit() != null || body.offset() != null) {
            throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED,
                    "ORDER BY or LIMIT on a parenthesized query that has its own is not supported");
        }
        if (body instanceof Select s) {
            return new Select(s.distinct(), s.items(), s.from(), s.where(), s.groupBy(), s.having(), orderBy, limit, offset,
                    s.distinctOn(), s.groupingSets());
        } else if (body instanceof SetOperation o) {
            return new SetOperation(o.operator(), o.all(), o.left(), o.right(), orderBy, limit, offset);
        }
        return new ValuesQuery(((ValuesQuery) body).rows(), orderBy, limit, offset);
    }

    private Query query(QueryExprContext ctx) {
        if (ctx instanceof IntersectQueryContext i) {
            return new SetOperation(SetOperation.SetOperator.INTERSECT, i.ALL() != null, query(i.queryExpr(0)),
                    query(i.queryExpr(1)), List.of(), null, null);
        } else if (ctx instanceof UnionQueryContext u) {
            SetOperation.SetOperator op = u.op.getType() == PostgreSqlParser.UNION ? SetOperation.SetOperator.UNION
                    : SetOperation.SetOperator.EXCEPT;
            return new SetOperation(op, u.ALL() != null, query(u.queryExpr(0)), query(u.queryExpr(1)), List.of(), null, null);
        }
        QueryPrimaryContext primary = ((PrimaryQueryContext) ctx).queryPrimary();
        if (primary instanceof CoreQueryContext c) {
            return selectCore(c.selectCore());
        } else if (primary instanceof ValuesQueryContext v) {
            List<List<Expr>> rows = new ArrayList<>();
            for (ValuesRowContext row : v.valuesRow()) {
                rows.add(row.valueItem().stream().map(this::valueItem).toList());
            }
            return new ValuesQuery(rows, List.of(), null, null);
        }
        return select(((ParenQueryContext) primary).selectStmt());
    }

    private Select selectCore(SelectCoreContext ctx) {
        java.util.Map<String, WindowSpec> enclosingWindows = namedWindows;
        namedWindows = new java.util.HashMap<>(enclosingWindows);
        try {
            for (WindowDefContext w : ctx.windowDef()) {
                String name = identifier(w.identifier());
                if (namedWindows.containsKey(name) && !enclosingWindows.containsKey(name)) {
                    throw new HeliosException(SqlState.WINDOWING_ERROR, "window \"" + name + "\" is already defined");
                }
                namedWindows.put(name, windowSpec(w.windowSpec()));
            }
            List<SelectItem> items = ctx.selectItem().stream().map(this::selectItem).toList();
            List<FromItem> from = ctx.fromItem().stream().map(this::fromItem).toList();
            GroupingSets grouping = GroupingSets.of(ctx.groupItem(), this);
            List<Expr> distinctOn = ctx.distinctOn() == null ? List.of()
                    : ctx.distinctOn().expr().stream().map(this::expr).toList();
            return new Select(ctx.DISTINCT() != null, items, from, ctx.where == null ? null : expr(ctx.where),
                    grouping.keys(), ctx.having == null ? null : expr(ctx.having), List.of(), null, null, distinctOn,
                    grouping.sets());
        } finally {
            namedWindows = enclosingWindows;
        }
    }

    List<Select.OrderItem> orderItems(OrderByClauseContext ctx) {
        List<Select.OrderItem> orderBy = new ArrayList<>();
        if (ctx != null) {
            for (OrderItemContext o : ctx.orderItem()) {
                Boolean nullsFirst = o.NULLS() == null ? null : o.FIRST() != null;
                orderBy.add(new Select.OrderItem(expr(o.expr()), o.DESC() != null, nullsFirst));
            }
        }
        return orderBy;
    }

    private WindowSpec windowSpec(WindowSpecContext ctx) {
        WindowSpec base = ctx.base == null ? null : namedWindow(ctx.base);
        List<Expr> partition = ctx.expr().stream().map(this::expr).toList();
        List<Select.OrderItem> order = orderItems(ctx.orderByClause());
        WindowSpec.Frame frame = ctx.frameClause() == null ? null : WindowFrames.frame(ctx.frameClause(), this);
        if (base != null) {
            if (!partition.isEmpty()) {
                throw new HeliosException(SqlState.WINDOWING_ERROR, "cannot override PARTITION BY clause of window \""
                        + identifier(ctx.base) + "\"");
            }
            if (!base.orderBy().isEmpty() && !order.isEmpty()) {
                throw new HeliosException(SqlState.WINDOWING_ERROR, "cannot override ORDER BY clause of window \""
                        + identifier(ctx.base) + "\"");
            }
            return new WindowSpec(base.partitionBy(), order.isEmpty() ? base.orderBy() : order, frame);
        }
        return new WindowSpec(partition, order, frame);
    }

    private WindowSpec namedWindow(IdentifierContext name) {
        WindowSpec spec = namedWindows.get(identifier(name));
        if (spec == null) {
            throw new HeliosException(SqlState.UNDEFINED_OBJECT, "window \"" + identifier(name) + "\" does not exist",
                    null, null, name.getStart().getStartIndex() + 1, null);
        }
        return spec;
    }

    private SelectItem selectItem(SelectItemContext ctx) {
        if (ctx instanceof AllColumnsContext a) {
            return new SelectItem.AllColumns(null, a.getStart().getStartIndex());
        } else if (ctx instanceof TableColumnsContext t) {
            return new SelectItem.AllColumns(identifier(t.identifier()), t.getStart().getStartIndex());
        }
        ExprItemContext e = (ExprItemContext) ctx;
        return new SelectItem.ExprItem(expr(e.expr()), e.identifier() == null ? null : identifier(e.identifier()));
    }

    private FromItem fromItem(FromItemContext ctx) {
        if (ctx instanceof TableFromContext t) {
            TableRefContext ref = t.tableRef();
            TableName table = tableName(ref.qualifiedName(), ref.identifier());
            if (ref.qualifiedName().identifier().size() == 1 && workTables.reads(table.name())) {
                return new FromItem.WorkTable(table.name(), table.exposedName());
            }
            CommonTable common = ref.qualifiedName().identifier().size() == 1 ? commonTable(table.name()) : null;
            if (common != null) {
                // A WITH query is read like a subquery in FROM under its name (or the alias given here).
                return new FromItem.Derived(common.query(), table.exposedName(), common.columns(),
                        common.use().reference());
            }
            return new FromItem.Table(table);
        } else if (ctx instanceof JoinFromContext j) {
            if (j.USING() != null) {
                return new FromItem.Join(fromItem(j.fromItem(0)), fromItem(j.fromItem(1)), joinKind(j.joinType()),
                        null, j.identifier().stream().map(AstBuilder::identifier).toList());
            }
            return new FromItem.Join(fromItem(j.fromItem(0)), fromItem(j.fromItem(1)), joinKind(j.joinType()),
                    expr(j.expr()), null);
        } else if (ctx instanceof CrossJoinFromContext n && n.NATURAL() != null) {
            return new FromItem.Join(fromItem(n.fromItem(0)), fromItem(n.fromItem(1)), joinKind(n.joinType()), null,
                    List.of());
        }
        if (ctx instanceof SubqueryFromContext q) {
            List<String> columns = q.identifier().stream().filter(id -> id != q.alias).map(AstBuilder::identifier).toList();
            return new FromItem.Derived(LockingSyntax.locked(select(q.selectStmt()), q.lockingTail(), this),
                    identifier(q.alias), columns);
        }
        if (ctx instanceof ParenFromContext p) {
            return fromItem(p.fromItem());
        }
        if (ctx instanceof LateralSubqueryFromContext q) {
            List<String> columns = q.identifier().stream().filter(id -> id != q.alias).map(AstBuilder::identifier).toList();
            return new FromItem.Lateral(new FromItem.Derived(select(q.selectStmt()), identifier(q.alias), columns));
        }
        if (ctx instanceof FunctionFromContext f) {
            List<String> columns = f.identifier().stream().filter(id -> id != f.alias && id != f.fn)
                    .map(AstBuilder::identifier).toList();
            return new FromItem.Function(identifier(f.fn), f.expr().stream().map(this::expr).toList(),
                    f.alias == null ? null : identifier(f.alias), columns, f.getStart().getStartIndex(),
                    f.ORDINALITY() != null);
        }
        if (ctx instanceof RowsFromFromContext r) {
            return RowsFromSyntax.item(r, this);
        }
        CrossJoinFromContext c = (CrossJoinFromContext) ctx;
        return new FromItem.Join(fromItem(c.fromItem(0)), fromItem(c.fromItem(1)), FromItem.JoinKind.INNER, null, null);
    }

    private static FromItem.JoinKind joinKind(JoinTypeContext t) {
        return t == null || t.INNER() != null ? FromItem.JoinKind.INNER
                : t.LEFT() != null ? FromItem.JoinKind.LEFT : t.RIGHT() != null ? FromItem.JoinKind.RIGHT
                : FromItem.JoinKind.FULL;
    }

    // ------------------------------------------------------------------ session

    private Statement transaction(TransactionStmtContext ctx) {
        Statement extended = TransactionStatements.of(ctx);
        if (extended != null) {
            return extended;
        }
        if (ctx instanceof BeginStmtContext) {
            return new TransactionStatement(TransactionCommand.BEGIN);
        } else if (ctx instanceof CommitStmtContext) {
            return new TransactionStatement(TransactionCommand.COMMIT);
        }
        return new TransactionStatement(TransactionCommand.ROLLBACK);
    }

    private Statement set(SetStmtContext ctx) {
        Statement roleSwitch = RoleSwitchSyntax.build(ctx);
        if (roleSwitch != null) {
            return roleSwitch;
        }
        if (ctx instanceof io.heliosdb.sql.parse.antlr.PostgreSqlParser.ResetVariableContext r) {
            return new SetVariable(settingName(r.settingName()), null, false, true); // RESET x is SET x TO DEFAULT
        }
        String name;
        List<SetValueContext> values;
        boolean local = ctx instanceof SetVariableContext sv ? sv.LOCAL() != null
                : ((SetTimeZoneContext) ctx).LOCAL() != null;
        if (ctx instanceof SetVariableContext v) {
            name = settingName(v.settingName());
            values = v.setValue();
        } else {
            name = "timezone";
            values = List.of(((SetTimeZoneContext) ctx).setValue());
        }
        if (values.size() == 1 && values.get(0).DEFAULT() != null) {
            return new SetVariable(name, null, local);
        }
        StringBuilder value = new StringBuilder();
        for (SetValueContext v : values) {
            if (value.length() > 0) {
                value.append(", ");
            }
            if (v.STRING() != null) {
                value.append(unquote(v.STRING().getText()));
            } else if (v.identifier() != null) {
                value.append(identifier(v.identifier()));
            } else {
                value.append(text(v).replace(" ", "").toLowerCase(java.util.Locale.ROOT));
            }
        }
        return new SetVariable(name, value.toString(), local);
    }

    private static String settingName(SettingNameContext ctx) {
        return String.join(".", ctx.identifier().stream().map(AstBuilder::identifier).toList());
    }

    // ------------------------------------------------------------------ expressions

    Expr expr(ExprContext ctx) {
        if (ctx instanceof NotExprContext n) {
            return new Expr.Unary(Expr.UnaryOp.NOT, expr(n.expr()));
        } else if (ctx instanceof AndExprContext a) {
            return new Expr.Binary(Expr.BinaryOp.AND, expr(a.expr(0)), expr(a.expr(1)), a.AND().getSymbol().getStartIndex());
        } else if (ctx instanceof OrExprContext o) {
            return new Expr.Binary(Expr.BinaryOp.OR, expr(o.expr(0)), expr(o.expr(1)), o.OR().getSymbol().getStartIndex());
        }
        return predicate(((PredicateExprContext) ctx).predicate());
    }

    private Expr predicate(PredicateContext ctx) {
        Expr operand = value(ctx.valueExpr());
        PredicateSuffixContext suffix = ctx.predicateSuffix();
        if (suffix == null) {
            return operand;
        } else if (suffix instanceof IsNullPredicateContext p) {
            return new Expr.IsNull(operand, p.NOT() != null);
        } else if (suffix instanceof IsTruthPredicateContext p) {
            // x IS [NOT] TRUE/FALSE never yields NULL: it is x IS [NOT] DISTINCT FROM the constant.
            if (p.truth.getType() == PostgreSqlParser.UNKNOWN) {
                return new Expr.IsNull(new Expr.Cast(operand, new TypeName(io.heliosdb.api.SqlType.BOOLEAN, -1)),
                        p.NOT() != null);
            }
            Expr constant = new Expr.Literal(Expr.LiteralKind.BOOLEAN,
                    p.truth.getType() == PostgreSqlParser.TRUE ? "true" : "false");
            return new Expr.DistinctFrom(operand, constant, p.NOT() == null);
        } else if (suffix instanceof BetweenPredicateContext p) {
            Expr low = value(p.valueExpr(0));
            Expr high = value(p.valueExpr(1));
            if (p.range != null && p.range.getType() == PostgreSqlParser.SYMMETRIC) {
                // As PostgreSQL rewrites it: either order of the bounds will do.
                Expr either = new Expr.Binary(Expr.BinaryOp.OR, new Expr.Between(operand, low, high, false),
                        new Expr.Between(operand, high, low, false), p.start.getStartIndex());
                return p.NOT() != null ? new Expr.Unary(Expr.UnaryOp.NOT, either) : either;
            }
            return new Expr.Between(operand, low, high, p.NOT() != null);
        } else if (suffix instanceof InSubqueryPredicateContext p) {
            return new Expr.Subquery(Expr.SubqueryKind.IN, LockingSyntax.locked(select(p.selectStmt()), p.lockingTail(), this),
                    operand, p.NOT() != null);
        } else if (suffix instanceof InPredicateContext p) {
            return new Expr.InList(operand, p.expr().stream().map(this::expr).toList(), p.NOT() != null);
        } else if (suffix instanceof LikePredicateContext p) {
            return new Expr.Like(operand, value(p.valueExpr()), p.NOT() != null, p.ILIKE() != null);
        }
        if (suffix instanceof SimilarPredicateContext p) {
            return new Expr.Similar(operand, value(p.valueExpr()), p.NOT() != null);
        }
        if (suffix instanceof RegexPredicateContext p) {
            int t = p.op.getType();
            return new Expr.RegexMatch(operand, value(p.valueExpr()),
                    t == PostgreSqlParser.NOT_TILDE || t == PostgreSqlParser.NOT_TILDE_STAR,
                    t == PostgreSqlParser.TILDE_STAR || t == PostgreSqlParser.NOT_TILDE_STAR);
        }
        if (suffix instanceof OperatorPredicateContext p) {
            return CatalogSyntax.operator(operand, value(p.valueExpr()), p.op, p.schemaPrefix());
        }
        if (suffix instanceof DistinctPredicateContext p) {
            return new Expr.DistinctFrom(operand, value(p.valueExpr()), p.NOT() != null);
        }
        if (suffix instanceof PostgreSqlParser.QuantifiedArrayPredicateContext p) {
            return ArrayJsonSyntax.quantified(compareOp(p.op), p.quantifier.getType() == PostgreSqlParser.ALL, operand,
                    expr(p.expr()), p.op.getStartIndex());
        }
        if (suffix instanceof QuantifiedPredicateContext p) {
            return new Expr.Quantified(operand, compareOp(p.op), p.quantifier.getType() == PostgreSqlParser.ALL,
                    select(p.selectStmt()));
        }
        ComparePredicateContext p = (ComparePredicateContext) suffix;
        return new Expr.Binary(compareOp(p.op), operand, value(p.valueExpr()), p.op.getStartIndex());
    }

    private static Expr.BinaryOp compareOp(Token op) {
        return switch (op.getType()) {
            case PostgreSqlParser.EQ -> Expr.BinaryOp.EQ;
            case PostgreSqlParser.NEQ -> Expr.BinaryOp.NE;
            case PostgreSqlParser.LT -> Expr.BinaryOp.LT;
            case PostgreSqlParser.LTE -> Expr.BinaryOp.LE;
            case PostgreSqlParser.GT -> Expr.BinaryOp.GT;
            default -> Expr.BinaryOp.GE;
        };
    }

    private Expr arrayBody(ArrayBodyContext body) {
        return new Expr.FunctionCall("array[]", body.arrayItem().stream()
                .map(i -> i.expr() != null ? expr(i.expr()) : arrayBody(i.arrayBody())).toList(), false, false,
                body.getStart().getStartIndex());
    }

    Expr valueExpr(ValueExprContext ctx) {
        return value(ctx);
    }

    Expr value(ValueExprContext ctx) {
        if (ctx instanceof PrimaryValueContext p) {
            return primary(p.primary());
        } else if (ctx instanceof CastValueContext c) {
            Expr lookup = CatalogSyntax.objectLookup(c.typeName(), value(c.valueExpr()));
            return lookup != null ? lookup : new Expr.Cast(value(c.valueExpr()), TypeNames.resolve(c.typeName(), this));
        } else if (ctx instanceof AtTimeZoneValueContext z) {
            // PostgreSQL's grammar turns AT TIME ZONE into timezone(zone, value).
            return new Expr.FunctionCall("timezone", List.of(value(z.valueExpr(1)), value(z.valueExpr(0))), false, false,
                    z.AT().getSymbol().getStartIndex());
        } else if (ctx instanceof CollateValueContext c) {
            CatalogSyntax.checkCollation(c.collationName());
            return value(c.valueExpr());
        } else if (ctx instanceof UnaryValueContext u) {
            Expr operand = value(u.valueExpr());
            if (u.op.getType() == PostgreSqlParser.PLUS) {
                return new Expr.Unary(Expr.UnaryOp.PLUS, operand);
            }
            // PostgreSQL folds "-" into a numeric literal, so -2147483648 is an integer, not a bigint.
            if (operand instanceof Expr.Literal lit
                    && (lit.kind() == Expr.LiteralKind.INTEGER || lit.kind() == Expr.LiteralKind.DECIMAL)
                    && !lit.text().startsWith("-")) {
                return new Expr.Literal(lit.kind(), "-" + lit.text());
            }
            return new Expr.Unary(Expr.UnaryOp.NEGATE, operand);
        } else if (ctx instanceof PowerValueContext pw) {
            return new Expr.FunctionCall("^", List.of(value(pw.valueExpr(0)), value(pw.valueExpr(1))), false, false,
                    pw.CARET().getSymbol().getStartIndex());
        } else if (ctx instanceof MulValueContext m) {
            Expr.BinaryOp op = switch (m.op.getType()) {
                case PostgreSqlParser.STAR -> Expr.BinaryOp.MULTIPLY;
                case PostgreSqlParser.SLASH -> Expr.BinaryOp.DIVIDE;
                default -> Expr.BinaryOp.MODULO;
            };
            return new Expr.Binary(op, value(m.valueExpr(0)), value(m.valueExpr(1)), m.op.getStartIndex());
        } else if (ctx instanceof AddValueContext a) {
            Expr.BinaryOp op = a.op.getType() == PostgreSqlParser.PLUS ? Expr.BinaryOp.ADD : Expr.BinaryOp.SUBTRACT;
            return new Expr.Binary(op, value(a.valueExpr(0)), value(a.valueExpr(1)), a.op.getStartIndex());
        }
        if (ctx instanceof PostgreSqlParser.SubscriptValueContext sv) {
            return ArrayJsonSyntax.subscript(value(sv.valueExpr()), expr(sv.expr()), sv.LBRACKET().getSymbol().getStartIndex());
        } else if (ctx instanceof PostgreSqlParser.JsonArrayOpValueContext o) {
            return ArrayJsonSyntax.operator(o.op.getText(), value(o.valueExpr(0)), value(o.valueExpr(1)), o.op.getStartIndex());
        }
        ConcatValueContext c = (ConcatValueContext) ctx;
        return new Expr.Binary(Expr.BinaryOp.CONCAT, value(c.valueExpr(0)), value(c.valueExpr(1)),
                c.CONCAT().getSymbol().getStartIndex());
    }

    private Expr primary(PrimaryContext ctx) {
        if (ctx instanceof PostgreSqlParser.FieldSelectContext f) {
            return io.heliosdb.sql.analyze.ExpandArrayCalls.fieldSelect(expr(f.expr()), identifier(f.identifier()),
                    f.DOT().getSymbol().getStartIndex());
        }
        if (ctx instanceof IntegerLiteralContext i) {
            return new Expr.Literal(Expr.LiteralKind.INTEGER, i.getText());
        } else if (ctx instanceof DecimalLiteralContext d) {
            return new Expr.Literal(Expr.LiteralKind.DECIMAL, d.getText());
        } else if (ctx instanceof StringLiteralContext s) {
            return new Expr.Literal(Expr.LiteralKind.STRING, unquote(s.getText()));
        } else if (ctx instanceof EscapeStringLiteralContext e) {
            return new Expr.Literal(Expr.LiteralKind.STRING, EscapeStrings.decode(e.getText(), e.getStart().getStartIndex()));
        } else if (ctx instanceof BooleanLiteralContext b) {
            return new Expr.Literal(Expr.LiteralKind.BOOLEAN, b.TRUE() != null ? "true" : "false");
        } else if (ctx instanceof NullLiteralContext) {
            return new Expr.Literal(Expr.LiteralKind.NULL, null);
        } else if (ctx instanceof ParamRefContext p) {
            String digits = p.getText().substring(1);
            int index;
            try {
                index = Integer.parseInt(digits);
            } catch (NumberFormatException e) {
                index = Integer.MAX_VALUE;
            }
            if (index < 1 || index > 65535) {
                throw new HeliosException(SqlState.UNDEFINED_PARAMETER, "there is no parameter $" + digits, null, null,
                        p.getStart().getStartIndex() + 1, null);
            }
            return new Expr.Param(index, p.getStart().getStartIndex());
        } else if (ctx instanceof ScalarSubqueryContext q) {
            return new Expr.Subquery(Expr.SubqueryKind.SCALAR, LockingSyntax.locked(select(q.selectStmt()), q.lockingTail(),
                    this), null, false);
        } else if (ctx instanceof PostgreSqlParser.ArrayConstructorContext a) {
            return arrayBody(a.arrayBody());
        } else if (ctx instanceof PostgreSqlParser.ArraySubqueryContext a) {
            return ArrayJsonSyntax.subquery(select(a.selectStmt()), a.getStart().getStartIndex());
        } else if (ctx instanceof ExistsSubqueryContext q) {
            return new Expr.Subquery(Expr.SubqueryKind.EXISTS, LockingSyntax.locked(select(q.selectStmt()), q.lockingTail(),
                    this), null, false);
        } else if (ctx instanceof CastExprContext c) {
            Expr lookup = CatalogSyntax.objectLookup(c.typeName(), expr(c.expr()));
            return lookup != null ? lookup : new Expr.Cast(expr(c.expr()), TypeNames.resolve(c.typeName(), this));
        } else if (ctx instanceof CurrentUserContext c) {
            return new Expr.FunctionCall(c.SESSION_USER() != null ? "session_user"
                    : c.CURRENT_CATALOG() != null ? "current_catalog" : "current_user", List.of(), false,
                    false, c.getStart().getStartIndex());
        } else if (ctx instanceof CaseExprContext c) {
            List<Expr.When> whens = new ArrayList<>();
            for (WhenClauseContext w : c.whenClause()) {
                whens.add(new Expr.When(expr(w.expr(0)), expr(w.expr(1))));
            }
            return new Expr.Case(c.operand == null ? null : expr(c.operand), whens,
                    c.elseExpr == null ? null : expr(c.elseExpr));
        } else if (ctx instanceof CurrentTimeContext c) {
            // SQL's niladic datetime functions behave as calls named after themselves.
            List<Expr> precision = c.precision == null ? List.of()
                    : List.of(new Expr.Literal(Expr.LiteralKind.INTEGER, c.precision.getText()));
            return new Expr.FunctionCall(c.getStart().getText().toLowerCase(java.util.Locale.ROOT), precision, false, false,
                    c.getStart().getStartIndex());
        } else if (ctx instanceof TypedLiteralContext t) {
            Expr lookup = CatalogSyntax.objectLookup(t.typeName(),
                    new Expr.Literal(Expr.LiteralKind.STRING, unquote(t.STRING().getText())));
            if (lookup != null) {
                return lookup;
            }
            return new Expr.Cast(new Expr.Literal(Expr.LiteralKind.STRING, unquote(t.STRING().getText())),
                    TypeNames.resolve(t.typeName(), this));
        } else if (ctx instanceof KeywordArgsCallContext k) {
            return keywordArgsCall(k);
        } else if (ctx instanceof PositionCallContext pc) {
            String name = functionName(pc.functionName());
            if (!name.equals("position")) {
                throw new HeliosException(SqlState.SYNTAX_ERROR, "syntax error at or near \"IN\"", null, null,
                        pc.IN().getSymbol().getStartIndex() + 1, null);
            }
            return new Expr.FunctionCall("position", List.of(value(pc.needle), value(pc.haystack)), false, false,
                    pc.getStart().getStartIndex());
        } else if (ctx instanceof FunctionCallContext f) {
            FunctionNameContext name = f.functionName();
            OverClauseContext over = f.overClause();
            WindowSpec window = over == null ? null
                    : over.windowSpec() != null ? windowSpec(over.windowSpec()) : namedWindow(over.identifier());
            return new Expr.FunctionCall(functionName(name), f.expr().stream().map(this::expr).toList(),
                    f.STAR() != null, f.DISTINCT() != null, f.getStart().getStartIndex(), orderItems(f.orderByClause()),
                    f.filterClause() == null ? null : expr(f.filterClause().expr()), window);
        } else if (ctx instanceof ColumnRefContext c) {
            if (c.identifier().size() == 2) {
                return new Expr.ColumnRef(identifier(c.identifier(0)), identifier(c.identifier(1)),
                        c.getStart().getStartIndex());
            }
            return new Expr.ColumnRef(null, identifier(c.identifier(0)), c.getStart().getStartIndex());
        }
        return expr(((ParenExprContext) ctx).expr());
    }

    // ------------------------------------------------------------------ names and text

    private CommonTable commonTable(String name) {
        for (int i = commonTables.size() - 1; i >= 0; i--) {
            if (commonTables.get(i).name().equals(name)) {
                return commonTables.get(i);
            }
        }
        return null;
    }

    TableName tableName(QualifiedNameContext ctx) {
        return tableName(ctx, null);
    }

    private TableName tableName(QualifiedNameContext ctx, IdentifierContext alias) {
        List<IdentifierContext> parts = ctx.identifier();
        String name = identifier(parts.get(parts.size() - 1));
        if (parts.size() == 2) {
            String schema = identifier(parts.get(0));
            String local = name;
            name = schema.equals("public") ? null : CatalogSyntax.systemTableName(schema, name);
            if (name == null) {
                // a user schema: the catalog name carries it (see QualifiedNames); the exposed name does not
                // public.t stays qualified here so that search_path does not apply to it
                name = schema + "." + local;
                return new TableName(name, alias != null ? identifier(alias) : local, ctx.getStart().getStartIndex());
            }
        }
        String exposed = alias != null ? identifier(alias) : CatalogSyntax.exposedName(name);
        return new TableName(name, exposed, ctx.getStart().getStartIndex());
    }

    /** An identifier as PostgreSQL sees it: unquoted names fold ASCII letters to lower case. */
    static String identifier(IdentifierContext ctx) {
        String text = ctx.getText();
        if (ctx.QUOTED_IDENTIFIER() != null) {
            return text.substring(1, text.length() - 1).replace("\"\"", "\"");
        }
        StringBuilder folded = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            folded.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return folded.toString();
    }

    private String functionName(FunctionNameContext name) {
        CatalogSyntax.checkFunctionSchema(name.schemaPrefix());
        return name.identifier() != null ? identifier(name.identifier())
                : (name.LEFT() != null ? name.LEFT() : name.RIGHT()).getText().toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code substring(s FROM a [FOR n])} and {@code trim([BOTH|LEADING|TRAILING] [chars] FROM s)}. */
    private Expr keywordArgsCall(KeywordArgsCallContext k) {
        String name = functionName(k.functionName());
        int position = k.getStart().getStartIndex();
        if (name.equals("substring") && k.trimSide == null && k.first != null) {
            List<Expr> args = new ArrayList<>(List.of(expr(k.first), expr(k.from)));
            if (k.count != null) {
                args.add(expr(k.count));
            }
            return new Expr.FunctionCall("substring", args, false, false, position);
        }
        if (name.equals("extract") && k.trimSide == null && k.first != null && k.count == null) {
            String field = k.first.getText().toLowerCase(java.util.Locale.ROOT).replace("'", "").replace("\"", "");
            return new Expr.FunctionCall("extract", List.of(new Expr.Literal(Expr.LiteralKind.STRING, field), expr(k.from)),
                    false, false, position);
        }
        if (name.equals("trim") && k.count == null) {
            String function = k.trimSide == null || k.trimSide.getType() == PostgreSqlParser.BOTH ? "btrim"
                    : k.trimSide.getType() == PostgreSqlParser.LEADING ? "ltrim" : "rtrim";
            List<Expr> args = k.first == null ? List.of(expr(k.from)) : List.of(expr(k.from), expr(k.first));
            return new Expr.FunctionCall(function, args, false, false, position);
        }
        throw new HeliosException(SqlState.SYNTAX_ERROR, "syntax error at or near \"FROM\"", null, null,
                k.FROM().getSymbol().getStartIndex() + 1, null);
    }

    static String unquote(String quoted) {
        return quoted.substring(1, quoted.length() - 1).replace("''", "'");
    }

    String text(ParserRuleContext ctx) {
        Token start = ctx.getStart();
        Token stop = ctx.getStop();
        return chars.getText(Interval.of(start.getStartIndex(), stop.getStopIndex()));
    }
}
