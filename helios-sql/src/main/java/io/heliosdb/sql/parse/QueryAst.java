package io.heliosdb.sql.parse;

import static io.heliosdb.sql.parse.AstBuilder.identifier;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.ast.DataModifyingWith;
import io.heliosdb.sql.ast.Expr;
import io.heliosdb.sql.ast.FromItem;
import io.heliosdb.sql.ast.Query;
import io.heliosdb.sql.ast.ReturningRows;
import io.heliosdb.sql.ast.Select;
import io.heliosdb.sql.ast.SelectItem;
import io.heliosdb.sql.ast.SetOperation;
import io.heliosdb.sql.ast.TableName;
import io.heliosdb.sql.ast.ValuesQuery;
import io.heliosdb.sql.ast.WindowSpec;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.*;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds queries: SELECT cores, set operations, VALUES, ORDER BY/LIMIT, FROM items, windows, and the WITH
 * queries in scope while a statement is built.
 */
final class QueryAst {
    private final AstBuilder ast;

    QueryAst(AstBuilder ast) {
        this.ast = ast;
    }

    /** A WITH query in scope while its statement is built; later and inner ones shadow earlier ones. */
    private record CommonTable(String name, Query query, List<String> columns, SharedCommonTables.Use use) {
    }

    private final List<CommonTable> commonTables = new ArrayList<>();
    /** Names of the WITH RECURSIVE queries whose bodies are being built, innermost last. */
    private final RecursiveQueries.WorkTables workTables = new RecursiveQueries.WorkTables();
    /** WINDOW clause definitions visible to the select core being built. */
    private java.util.Map<String, WindowSpec> namedWindows = java.util.Map.of();
    /** The statement's data-modifying WITH queries. */
    final ModifyingCommonTables modifying = new ModifyingCommonTables();

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
    <T> T withQueries(WithClauseContext with, java.util.function.Supplier<T> body) {
        SharedCommonTables sharing = new SharedCommonTables(with);
        while (true) {
            int depth = commonTables.size();
            List<SharedCommonTables.Use> uses = new ArrayList<>();
            List<DataModifyingWith.Step> steps = new ArrayList<>();
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
                    Query query;
                    if (c.selectStmt() == null) {
                        DataModifyingWith.Step step = new DataModifyingWith.Step(name, use.token(),
                                with.RECURSIVE() == null ? modifying.statement(with, c, ast)
                                        : RecursiveQueries.nonRecursive(name, c.getStart().getStartIndex(), workTables,
                                                () -> modifying.statement(with, c, ast)));
                        steps.add(step);
                        query = new ReturningRows(name, step.token(), step.statement(), c.getStart().getStartIndex());
                    } else {
                        query = with.RECURSIVE() == null ? select(c.selectStmt())
                                : RecursiveQueries.build(name, columns, workTables, () -> select(c.selectStmt()));
                    }
                    uses.add(use);
                    commonTables.add(new CommonTable(name, LockingSyntax.locked(query, c.lockingTail(), ast), columns,
                            use));
                }
                built = body.get();
                modifying.built(with, steps);
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
            limit = l.limit == null ? null : ast.expr(l.limit);
            offset = l.offset == null ? null : ast.expr(l.offset);
            FetchClauseContext fetch = l.fetchClause();
            if (fetch != null) {
                limit = fetch.count == null ? new Expr.Literal(Expr.LiteralKind.INTEGER, "1") : ast.value(fetch.count);
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
                rows.add(row.valueItem().stream().map(ast::valueItem).toList());
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
            GroupingSets grouping = GroupingSets.of(ctx.groupItem(), ast);
            List<Expr> distinctOn = ctx.distinctOn() == null ? List.of()
                    : ctx.distinctOn().expr().stream().map(ast::expr).toList();
            return new Select(ctx.DISTINCT() != null, items, from, ctx.where == null ? null : ast.expr(ctx.where),
                    grouping.keys(), ctx.having == null ? null : ast.expr(ctx.having), List.of(), null, null, distinctOn,
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
                orderBy.add(new Select.OrderItem(ast.expr(o.expr()), o.DESC() != null, nullsFirst));
            }
        }
        return orderBy;
    }

    WindowSpec windowSpec(WindowSpecContext ctx) {
        WindowSpec base = ctx.base == null ? null : namedWindow(ctx.base);
        List<Expr> partition = ctx.expr().stream().map(ast::expr).toList();
        List<Select.OrderItem> order = orderItems(ctx.orderByClause());
        WindowSpec.Frame frame = ctx.frameClause() == null ? null : WindowFrames.frame(ctx.frameClause(), ast);
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

    WindowSpec namedWindow(IdentifierContext name) {
        WindowSpec spec = namedWindows.get(identifier(name));
        if (spec == null) {
            throw new HeliosException(SqlState.UNDEFINED_OBJECT, "window \"" + identifier(name) + "\" does not exist",
                    null, null, name.getStart().getStartIndex() + 1, null);
        }
        return spec;
    }

    SelectItem selectItem(SelectItemContext ctx) {
        if (ctx instanceof AllColumnsContext a) {
            return new SelectItem.AllColumns(null, a.getStart().getStartIndex());
        } else if (ctx instanceof TableColumnsContext t) {
            return new SelectItem.AllColumns(identifier(t.identifier()), t.getStart().getStartIndex());
        } else if (ctx instanceof PostgreSqlParser.CompositeColumnsContext c) {
            // (x).*: every field of a composite value, expanded by the analyzer
            return new SelectItem.ExprItem(io.heliosdb.sql.analyze.ExpandArrayCalls.fieldSelect(ast.expr(c.expr()), "*",
                    c.DOT().getSymbol().getStartIndex()), null);
        }
        ExprItemContext e = (ExprItemContext) ctx;
        return new SelectItem.ExprItem(ast.expr(e.expr()), e.identifier() == null ? null : identifier(e.identifier()));
    }

    FromItem fromItem(FromItemContext ctx) {
        if (ctx instanceof TableFromContext t) {
            TableRefContext ref = t.tableRef();
            if (ref.identifier().size() > 1) {
                // t AS x(a, b) reads as (SELECT * FROM t AS x) AS x(a, b)
                TableName named = ast.tableName(ref.qualifiedName(), ref.identifier(0));
                Select all = new Select(false, List.of(new SelectItem.AllColumns(null, named.position())),
                        List.of(tableFrom(ref, named)), null, List.of(), null, List.of(), null, null, List.of(), null);
                return new FromItem.Derived(all, named.exposedName(),
                        ref.identifier().subList(1, ref.identifier().size()).stream().map(AstBuilder::identifier).toList());
            }
            return tableFrom(ref, ast.tableName(ref.qualifiedName(), ref.identifier().isEmpty() ? null : ref.identifier(0)));
        }
        return joinOrOther(ctx);
    }

    private FromItem tableFrom(TableRefContext ref, TableName table) {
        if (ref.qualifiedName().identifier().size() == 1 && workTables.reads(table.name())) {
            return new FromItem.WorkTable(table.name(), table.exposedName());
        }
        CommonTable common = ref.qualifiedName().identifier().size() == 1 ? commonTable(table.name()) : null;
        if (common != null) {
            // A WITH query is read like a subquery in FROM under its name (or the alias given here).
            Query query = common.query() instanceof ReturningRows r
                    ? new ReturningRows(r.name(), r.token(), r.statement(), table.position()) : common.query();
            return new FromItem.Derived(query, table.exposedName(), common.columns(), common.use().reference());
        }
        return new FromItem.Table(table);
    }

    private FromItem joinOrOther(FromItemContext ctx) {
        if (ctx instanceof JoinFromContext j) {
            if (j.USING() != null) {
                return new FromItem.Join(fromItem(j.fromItem(0)), fromItem(j.fromItem(1)), joinKind(j.joinType()),
                        null, j.identifier().stream().map(AstBuilder::identifier).toList());
            }
            return new FromItem.Join(fromItem(j.fromItem(0)), fromItem(j.fromItem(1)), joinKind(j.joinType()),
                    ast.expr(j.expr()), null);
        } else if (ctx instanceof CrossJoinFromContext n && n.NATURAL() != null) {
            return new FromItem.Join(fromItem(n.fromItem(0)), fromItem(n.fromItem(1)), joinKind(n.joinType()), null,
                    List.of());
        }
        if (ctx instanceof SubqueryFromContext q) {
            List<String> columns = q.identifier().stream().filter(id -> id != q.alias).map(AstBuilder::identifier).toList();
            return new FromItem.Derived(LockingSyntax.locked(select(q.selectStmt()), q.lockingTail(), ast),
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
            return new FromItem.Function(identifier(f.fn), f.expr().stream().map(ast::expr).toList(),
                    f.alias == null ? null : identifier(f.alias), columns, f.getStart().getStartIndex(),
                    f.ORDINALITY() != null);
        }
        if (ctx instanceof RowsFromFromContext r) {
            return RowsFromSyntax.item(r, ast);
        }
        CrossJoinFromContext c = (CrossJoinFromContext) ctx;
        return new FromItem.Join(fromItem(c.fromItem(0)), fromItem(c.fromItem(1)), FromItem.JoinKind.INNER, null, null);
    }

    private static FromItem.JoinKind joinKind(JoinTypeContext t) {
        return t == null || t.INNER() != null ? FromItem.JoinKind.INNER
                : t.LEFT() != null ? FromItem.JoinKind.LEFT : t.RIGHT() != null ? FromItem.JoinKind.RIGHT
                : FromItem.JoinKind.FULL;
    }

    private CommonTable commonTable(String name) {
        for (int i = commonTables.size() - 1; i >= 0; i--) {
            if (commonTables.get(i).name().equals(name)) {
                return commonTables.get(i);
            }
        }
        return null;
    }
}
