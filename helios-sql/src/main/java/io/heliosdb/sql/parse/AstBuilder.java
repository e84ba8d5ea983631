package io.heliosdb.sql.parse;

import io.heliosdb.sql.ast.ColumnSpec;
import io.heliosdb.sql.ast.DropIndex;
import io.heliosdb.sql.ast.DropTable;
import io.heliosdb.sql.ast.Expr;
import io.heliosdb.sql.ast.FromItem;
import io.heliosdb.sql.ast.Query;
import io.heliosdb.sql.ast.Select;
import io.heliosdb.sql.ast.SelectItem;
import io.heliosdb.sql.ast.ShowVariable;
import io.heliosdb.sql.ast.Statement;
import io.heliosdb.sql.ast.TableName;
import io.heliosdb.sql.ast.Truncate;
import io.heliosdb.sql.ast.WindowSpec;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.*;
import java.util.List;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;

/**
 * Turns ANTLR parse trees into {@link io.heliosdb.sql.ast} records (ANTLR types stop here). This class
 * dispatches statements and resolves names; what each kind of tree builds lives beside it: {@link QueryAst},
 * {@link ExpressionAst}, {@link DmlAst}, {@link DdlAst}, {@link SessionAst}. The syntax classes of single
 * features reach all of them through the methods here.
 */
final class AstBuilder {
    private final CharStream chars;
    private final QueryAst queries = new QueryAst(this);
    private final ExpressionAst expressions = new ExpressionAst(this);
    private final DmlAst dml = new DmlAst(this);
    private final DdlAst ddl = new DdlAst(this);
    private final SessionAst session = new SessionAst(this);

    AstBuilder(CharStream chars) {
        this.chars = chars;
    }

    Statement statement(StatementContext ctx) {
        queries.modifying.start(ctx);
        return queries.modifying.wrap(statementBody(ctx));
    }

    private Statement statementBody(StatementContext ctx) {
        if (ctx.createTable() != null) {
            return ddl.createTable(ctx.createTable());
        } else if (ctx.dropTable() != null) {
            DropTableContext d = ctx.dropTable();
            return new DropTable(d.qualifiedName().stream().map(q -> tableName(q)).toList(), d.IF() != null,
                    d.CASCADE() != null);
        } else if (ctx.createType() != null) {
            return TypeSyntax.create(ctx.createType(), this);
        } else if (ctx.dropType() != null) {
            return TypeSyntax.drop(ctx.dropType(), this);
        } else if (ctx.alterType() != null) {
            return TypeSyntax.rename(ctx.alterType(), this);
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
            return ddl.createIndex(ctx.createIndex());
        } else if (ctx.dropIndex() != null) {
            DropIndexContext d = ctx.dropIndex();
            return new DropIndex(d.qualifiedName().stream().map(q -> tableName(q).name()).toList(), d.IF() != null);
        } else if (ctx.insertStmt() != null) {
            return insertStatement(ctx.insertStmt());
        } else if (ctx.selectStmt() != null) {
            Query query = select(ctx.selectStmt());
            return ctx.lockingTail() == null ? query : LockingSyntax.build(query, ctx.lockingTail(), this);
        } else if (ctx.updateStmt() != null) {
            return dml.update(ctx.updateStmt());
        } else if (ctx.deleteStmt() != null) {
            return deleteStatement(ctx.deleteStmt());
        } else if (ctx.transactionStmt() != null) {
            return session.transaction(ctx.transactionStmt());
        } else if (ctx.setStmt() != null) {
            return session.set(ctx.setStmt());
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
            return new ShowVariable(s instanceof ShowVariableContext v ? SessionAst.settingName(v.settingName()) : "timezone");
        }
    }

    // ------------------------------------------------------------------ the builders' entries

    Statement insertStatement(InsertStmtContext ctx) {
        return dml.insertStatement(ctx);
    }

    Statement updateStatement(UpdateStmtContext ctx) {
        return dml.update(ctx);
    }

    Statement deleteStatement(DeleteStmtContext ctx) {
        return dml.delete(ctx);
    }

    Query select(SelectStmtContext ctx) {
        return queries.select(ctx);
    }

    <T> T withQueries(WithClauseContext with, java.util.function.Supplier<T> body) {
        return queries.withQueries(with, body);
    }

    List<Select.OrderItem> orderItems(OrderByClauseContext ctx) {
        return queries.orderItems(ctx);
    }

    WindowSpec windowSpec(WindowSpecContext ctx) {
        return queries.windowSpec(ctx);
    }

    WindowSpec namedWindow(IdentifierContext name) {
        return queries.namedWindow(name);
    }

    SelectItem selectItem(SelectItemContext ctx) {
        return queries.selectItem(ctx);
    }

    FromItem fromItem(FromItemContext ctx) {
        return queries.fromItem(ctx);
    }

    Expr expr(ExprContext ctx) {
        return expressions.expr(ctx);
    }

    Expr value(ValueExprContext ctx) {
        return expressions.value(ctx);
    }

    Expr valueExpr(ValueExprContext ctx) {
        return expressions.value(ctx);
    }

    Expr valueItem(ValueItemContext ctx) {
        return expressions.valueItem(ctx);
    }

    Expr valueItemOf(ValueItemContext ctx) {
        return expressions.valueItem(ctx);
    }

    ColumnSpec columnSpecOf(ColumnDefContext ctx) {
        return ddl.columnSpec(ctx);
    }

    // ------------------------------------------------------------------ names and text

    TableName tableName(QualifiedNameContext ctx) {
        return tableName(ctx, null);
    }

    TableName tableName(QualifiedNameContext ctx, IdentifierContext alias) {
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

    static String unquote(String quoted) {
        return quoted.substring(1, quoted.length() - 1).replace("''", "'");
    }

    String text(ParserRuleContext ctx) {
        Token start = ctx.getStart();
        Token stop = ctx.getStop();
        return chars.getText(Interval.of(start.getStartIndex(), stop.getStopIndex()));
    }
}
