package io.heliosdb.sql.parse;

import io.heliosdb.sql.ast.CreateView;
import io.heliosdb.sql.ast.DropView;
import io.heliosdb.sql.ast.CommentOn;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.CommentStmtContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.CreateViewContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.DropViewContext;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.misc.Interval;

/** CREATE VIEW, DROP VIEW and COMMENT ON as AST records. */
final class ViewSyntax {

    private ViewSyntax() {
    }

    static CreateView create(CreateViewContext ctx, AstBuilder ast, CharStream chars) {
        String text = chars.getText(Interval.of(ctx.selectStmt().getStart().getStartIndex(),
                ctx.selectStmt().getStop().getStopIndex()));
        return new CreateView(ast.tableName(ctx.qualifiedName()).name(),
                ctx.identifier().stream().map(AstBuilder::identifier).toList(), ast.select(ctx.selectStmt()), text,
                ctx.REPLACE() != null, ViewOptions.checkOption(ctx.storageParameters(), ctx.viewCheckOption()));
    }

    /** COMMENT ON kind name IS text: for a column, {@code name} is {@code table.column}. */
    static CommentOn comment(CommentStmtContext ctx, AstBuilder ast) {
        String text = ctx.STRING() == null ? null : AstBuilder.unquote(ctx.STRING().getText());
        if (ctx.SCHEMA() != null) {
            return new CommentOn("schema", AstBuilder.identifier(ctx.identifier(0)), null, text);
        }
        if (ctx.COLUMN() != null) {
            var parts = ctx.identifier();
            String schema = parts.size() == 3 ? AstBuilder.identifier(parts.get(0)) : null;
            String table = AstBuilder.identifier(parts.get(parts.size() - 2));
            String qualified = schema == null || schema.equals("public") ? table : schema + "." + table;
            return new CommentOn("column", qualified, AstBuilder.identifier(parts.get(parts.size() - 1)), text);
        }
        return new CommentOn(ctx.kind.getText().toLowerCase(java.util.Locale.ROOT),
                ast.tableName(ctx.qualifiedName()).name(), null, text);
    }

    static DropView drop(DropViewContext ctx, AstBuilder ast) {
        return new DropView(ctx.qualifiedName().stream().map(q -> ast.tableName(q).name()).toList(), ctx.IF() != null,
                ctx.CASCADE() != null);
    }
}
