package io.heliosdb.sql.parse;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.TransactionCommand;
import io.heliosdb.sql.ast.ColumnSpec;
import io.heliosdb.sql.ast.CreateTable;
import io.heliosdb.sql.ast.Delete;
import io.heliosdb.sql.ast.DropTable;
import io.heliosdb.sql.ast.Expr;
import io.heliosdb.sql.ast.FromItem;
import io.heliosdb.sql.ast.Insert;
import io.heliosdb.sql.ast.Select;
import io.heliosdb.sql.ast.SelectItem;
import io.heliosdb.sql.ast.SetVariable;
import io.heliosdb.sql.ast.ShowVariable;
import io.heliosdb.sql.ast.Statement;
import io.heliosdb.sql.ast.TableName;
import io.heliosdb.sql.ast.TransactionStatement;
import io.heliosdb.sql.ast.Update;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.*;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;

/** Turns ANTLR parse trees into {@link io.heliosdb.sql.ast} records (ANTLR types stop here). */
final class AstBuilder {
    private final CharStream chars;

    AstBuilder(CharStream chars) {
        this.chars = chars;
    }

    Statement statement(StatementContext ctx) {
        if (ctx.createTable() != null) {
            return createTable(ctx.createTable());
        } else if (ctx.dropTable() != null) {
            DropTableContext d = ctx.dropTable();
            return new DropTable(d.qualifiedName().stream().map(q -> tableName(q)).toList(), d.IF() != null);
        } else if (ctx.insertStmt() != null) {
            return insert(ctx.insertStmt());
        } else if (ctx.selectStmt() != null) {
            return select(ctx.selectStmt());
        } else if (ctx.updateStmt() != null) {
            return update(ctx.updateStmt());
        } else if (ctx.deleteStmt() != null) {
            DeleteStmtContext d = ctx.deleteStmt();
            return new Delete(tableName(d.qualifiedName(), d.alias), d.expr() == null ? null : expr(d.expr()),
                    returning(d.returningClause()));
        } else if (ctx.transactionStmt() != null) {
            return transaction(ctx.transactionStmt());
        } else if (ctx.setStmt() != null) {
            return set(ctx.setStmt());
        } else {
            ShowStmtContext s = ctx.showStmt();
            return new ShowVariable(s instanceof ShowVariableContext v ? settingName(v.settingName()) : "timezone");
        }
    }

    // ------------------------------------------------------------------ DDL

    private CreateTable createTable(CreateTableContext ctx) {
        List<ColumnSpec> columns = new ArrayList<>();
        List<String> primaryKey = new ArrayList<>();
        int tablePrimaryKeys = 0;
        for (TableElementContext element : ctx.tableElement()) {
            if (element.columnDef() != null) {
                columns.add(columnSpec(element.columnDef()));
            } else {
                tablePrimaryKeys++;
                for (IdentifierContext id : element.tableConstraint().identifier().subList(
                        element.tableConstraint().CONSTRAINT() != null ? 1 : 0,
                        element.tableConstraint().identifier().size())) {
                    primaryKey.add(identifier(id));
                }
            }
        }
        return new CreateTable(tableName(ctx.qualifiedName()).name(), ctx.IF() != null, columns, primaryKey, tablePrimaryKeys);
    }

    private ColumnSpec columnSpec(ColumnDefContext ctx) {
        boolean primaryKey = false;
        boolean notNull = false;
        Expr defaultExpr = null;
        String defaultText = null;
        for (ColumnConstraintContext c : ctx.columnConstraint()) {
            if (c instanceof PkConstraintContext) {
                primaryKey = true;
            } else if (c instanceof NotNullConstraintContext) {
                notNull = true;
            } else if (c instanceof DefaultConstraintContext d) {
                defaultExpr = expr(d.expr());
                defaultText = text(d.expr());
            }
        }
        return new ColumnSpec(identifier(ctx.identifier()), TypeNames.resolve(ctx.typeName(), this), primaryKey,
                notNull || primaryKey, defaultExpr, defaultText);
    }

    // ------------------------------------------------------------------ DML

    private Insert insert(InsertStmtContext ctx) {
        List<String> columns = ctx.identifier().stream().map(AstBuilder::identifier).toList();
        List<List<Expr>> rows = null;
        Select query = null;
        if (ctx.insertSource() instanceof ValuesSourceContext v) {
            rows = new ArrayList<>();
            for (ValuesRowContext row : v.valuesRow()) {
                rows.add(row.valueItem().stream().map(this::valueItem).toList());
            }
        } else if (ctx.insertSource() instanceof QuerySourceContext q) {
            query = select(q.selectStmt());
        } else {
            rows = List.of(List.of());
        }
        return new Insert(tableName(ctx.qualifiedName()), columns, rows, query, returning(ctx.returningClause()));
    }

    private Expr valueItem(ValueItemContext ctx) {
        return ctx.DEFAULT() != null ? new Expr.DefaultValue() : expr(ctx.expr());
    }

    private Update update(UpdateStmtContext ctx) {
        List<Update.Assignment> assignments = new ArrayList<>();
        for (AssignmentContext a : ctx.assignment()) {
            assignments.add(new Update.Assignment(identifier(a.identifier()), valueItem(a.valueItem()),
                    a.getStart().getStartIndex()));
        }
        return new Update(tableName(ctx.qualifiedName(), ctx.alias), assignments,
                ctx.expr() == null ? null : expr(ctx.expr()), returning(ctx.returningClause()));
    }

    private List<SelectItem> returning(ReturningClauseContext ctx) {
        return ctx == null ? List.of() : ctx.selectItem().stream().map(this::selectItem).toList();
    }

    Select select(SelectStmtContext ctx) {
        List<SelectItem> items = ctx.selectItem().stream().map(this::selectItem).toList();
        List<FromItem> from = ctx.fromItem().stream().map(this::fromItem).toList();
        List<Expr> groupBy = new ArrayList<>();
        if (ctx.GROUP() != null) {
            for (ExprContext e : ctx.expr()) {
                if (e != ctx.where && e != ctx.having) {
                    groupBy.add(expr(e));
                }
            }
        }
        List<Select.OrderItem> orderBy = new ArrayList<>();
        for (OrderItemContext o : ctx.orderItem()) {
            Boolean nullsFirst = o.NULLS() == null ? null : o.FIRST() != null;
            orderBy.add(new Select.OrderItem(expr(o.expr()), o.DESC() != null, nullsFirst));
        }
        Expr limit = null;
        Expr offset = null;
        LimitClauseContext l = ctx.limitClause();
        if (l != null) {
            limit = l.limit == null ? null : expr(l.limit);
            offset = l.offset == null ? null : expr(l.offset);
        }
        return new Select(ctx.DISTINCT() != null, items, from, ctx.where == null ? null : expr(ctx.where), groupBy,
                ctx.having == null ? null : expr(ctx.having), orderBy, limit, offset);
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
            return new FromItem.Table(tableName(ref.qualifiedName(), ref.identifier()));
        } else if (ctx instanceof JoinFromContext j) {
            return new FromItem.Join(fromItem(j.fromItem(0)), fromItem(j.fromItem(1)), j.LEFT() != null, expr(j.expr()));
        }
        CrossJoinFromContext c = (CrossJoinFromContext) ctx;
        return new FromItem.Join(fromItem(c.fromItem(0)), fromItem(c.fromItem(1)), false, null);
    }

    // ------------------------------------------------------------------ session

    private Statement transaction(TransactionStmtContext ctx) {
        if (ctx instanceof BeginStmtContext) {
            return new TransactionStatement(TransactionCommand.BEGIN);
        } else if (ctx instanceof CommitStmtContext) {
            return new TransactionStatement(TransactionCommand.COMMIT);
        }
        return new TransactionStatement(TransactionCommand.ROLLBACK);
    }

    private Statement set(SetStmtContext ctx) {
        String name;
        List<SetValueContext> values;
        if (ctx instanceof SetVariableContext v) {
            name = settingName(v.settingName());
            values = v.setValue();
        } else {
            name = "timezone";
            values = List.of(((SetTimeZoneContext) ctx).setValue());
        }
        if (values.size() == 1 && values.get(0).DEFAULT() != null) {
            return new SetVariable(name, null);
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
        return new SetVariable(name, value.toString());
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
        if (ctx instanceof IsNullPredicateContext p) {
            return new Expr.IsNull(value(p.valueExpr()), p.NOT() != null);
        } else if (ctx instanceof BetweenPredicateContext p) {
            return new Expr.Between(value(p.valueExpr(0)), value(p.valueExpr(1)), value(p.valueExpr(2)), p.NOT() != null);
        } else if (ctx instanceof InPredicateContext p) {
            return new Expr.InList(value(p.valueExpr()), p.expr().stream().map(this::expr).toList(), p.NOT() != null);
        } else if (ctx instanceof LikePredicateContext p) {
            return new Expr.Like(value(p.valueExpr(0)), value(p.valueExpr(1)), p.NOT() != null, p.ILIKE() != null);
        } else if (ctx instanceof ComparePredicateContext p) {
            Expr.BinaryOp op = switch (p.op.getType()) {
                case PostgreSqlParser.EQ -> Expr.BinaryOp.EQ;
                case PostgreSqlParser.NEQ -> Expr.BinaryOp.NE;
                case PostgreSqlParser.LT -> Expr.BinaryOp.LT;
                case PostgreSqlParser.LTE -> Expr.BinaryOp.LE;
                case PostgreSqlParser.GT -> Expr.BinaryOp.GT;
                default -> Expr.BinaryOp.GE;
            };
            return new Expr.Binary(op, value(p.valueExpr(0)), value(p.valueExpr(1)), p.op.getStartIndex());
        }
        return value(((ValuePredicateContext) ctx).valueExpr());
    }

    private Expr value(ValueExprContext ctx) {
        if (ctx instanceof PrimaryValueContext p) {
            return primary(p.primary());
        } else if (ctx instanceof CastValueContext c) {
            return new Expr.Cast(value(c.valueExpr()), TypeNames.resolve(c.typeName(), this));
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
        ConcatValueContext c = (ConcatValueContext) ctx;
        return new Expr.Binary(Expr.BinaryOp.CONCAT, value(c.valueExpr(0)), value(c.valueExpr(1)),
                c.CONCAT().getSymbol().getStartIndex());
    }

    private Expr primary(PrimaryContext ctx) {
        if (ctx instanceof IntegerLiteralContext i) {
            return new Expr.Literal(Expr.LiteralKind.INTEGER, i.getText());
        } else if (ctx instanceof DecimalLiteralContext d) {
            return new Expr.Literal(Expr.LiteralKind.DECIMAL, d.getText());
        } else if (ctx instanceof StringLiteralContext s) {
            return new Expr.Literal(Expr.LiteralKind.STRING, unquote(s.getText()));
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
        } else if (ctx instanceof CastExprContext c) {
            return new Expr.Cast(expr(c.expr()), TypeNames.resolve(c.typeName(), this));
        } else if (ctx instanceof CaseExprContext c) {
            List<Expr.When> whens = new ArrayList<>();
            for (WhenClauseContext w : c.whenClause()) {
                whens.add(new Expr.When(expr(w.expr(0)), expr(w.expr(1))));
            }
            return new Expr.Case(c.operand == null ? null : expr(c.operand), whens,
                    c.elseExpr == null ? null : expr(c.elseExpr));
        } else if (ctx instanceof CurrentTimeContext c) {
            // SQL's niladic datetime functions behave as calls named after themselves.
            return new Expr.FunctionCall(c.getText().toLowerCase(java.util.Locale.ROOT), List.of(), false, false,
                    c.getStart().getStartIndex());
        } else if (ctx instanceof TypedLiteralContext t) {
            return new Expr.Cast(new Expr.Literal(Expr.LiteralKind.STRING, unquote(t.STRING().getText())),
                    TypeNames.resolve(t.typeName(), this));
        } else if (ctx instanceof FunctionCallContext f) {
            return new Expr.FunctionCall(identifier(f.identifier()), f.expr().stream().map(this::expr).toList(),
                    f.STAR() != null, f.DISTINCT() != null, f.getStart().getStartIndex());
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

    private TableName tableName(QualifiedNameContext ctx) {
        return tableName(ctx, null);
    }

    private TableName tableName(QualifiedNameContext ctx, IdentifierContext alias) {
        List<IdentifierContext> parts = ctx.identifier();
        String name = identifier(parts.get(parts.size() - 1));
        if (parts.size() == 2) {
            String schema = identifier(parts.get(0));
            if (!schema.equals("public")) {
                throw new HeliosException(SqlState.UNDEFINED_OBJECT, "schema \"" + schema + "\" does not exist", null,
                        null, ctx.getStart().getStartIndex() + 1, null);
            }
        }
        return new TableName(name, alias == null ? null : identifier(alias), ctx.getStart().getStartIndex());
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

    private static String unquote(String quoted) {
        return quoted.substring(1, quoted.length() - 1).replace("''", "'");
    }

    String text(ParserRuleContext ctx) {
        Token start = ctx.getStart();
        Token stop = ctx.getStop();
        return chars.getText(Interval.of(start.getStartIndex(), stop.getStopIndex()));
    }
}
