package io.heliosdb.sql.parse;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.ast.Copy;
import io.heliosdb.sql.ast.CursorStatement;
import io.heliosdb.sql.ast.Statement;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.CloseCursorContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.CopyLegacyOptionContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.CopyOptionContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.CopyStmtContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.CursorOptionContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.CursorStmtContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.DeclareCursorContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.FetchCursorContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;

/** Builds the AST of COPY and of the cursor statements (DECLARE, FETCH, MOVE, CLOSE). */
final class CopyCursorStatements {

    private static final Set<String> CURSOR_OPTIONS = Set.of("binary", "no", "scroll", "insensitive", "asensitive");
    private static final Set<String> FORWARD_DIRECTIONS = Set.of("next", "forward");

    private CopyCursorStatements() {
    }

    static Statement copy(CopyStmtContext ctx, AstBuilder ast) {
        String target = ctx.copyTarget().STRING() != null ? null
                : AstBuilder.identifier(ctx.copyTarget().identifier());
        boolean from = ctx.FROM() != null;
        String file = null;
        if (target == null) {
            file = AstBuilder.unquote(ctx.copyTarget().STRING().getText());
        } else if (!target.equals(from ? "stdin" : "stdout")) {
            throw syntaxError(ctx.copyTarget(), ctx.copyTarget().getText());
        }
        List<Copy.Option> options = new ArrayList<>();
        if (ctx.copyOptions() != null) {
            for (CopyOptionContext o : ctx.copyOptions().copyOption()) {
                String name = o.NULL() != null ? "null" : AstBuilder.identifier(o.identifier(0));
                String value = null;
                if (o.STRING() != null) {
                    value = AstBuilder.unquote(o.STRING().getText());
                } else if (o.getChildCount() > 1) {
                    value = o.getChild(1).getText().toLowerCase(Locale.ROOT);
                }
                options.add(new Copy.Option(name, value));
            }
            for (CopyLegacyOptionContext o : ctx.copyOptions().copyLegacyOption()) {
                String name = o.NULL() != null ? "null" : AstBuilder.identifier(o.identifier());
                String value = o.STRING() == null ? null : AstBuilder.unquote(o.STRING().getText());
                // The old syntax: CSV alone selects the format, BINARY too.
                if (name.equals("csv") || name.equals("binary")) {
                    options.add(new Copy.Option("format", name));
                } else {
                    options.add(new Copy.Option(name, value));
                }
            }
        }
        if (ctx.selectStmt() != null) {
            return new Copy(null, List.of(), ast.select(ctx.selectStmt()), false, file, options);
        }
        List<String> columns = ctx.identifier().stream().map(AstBuilder::identifier).toList();
        return new Copy(ast.tableName(ctx.qualifiedName()), columns, null, from, file, options);
    }

    static Statement cursor(CursorStmtContext ctx, AstBuilder ast) {
        if (ctx instanceof DeclareCursorContext d) {
            for (CursorOptionContext option : d.cursorOption()) {
                if (!CURSOR_OPTIONS.contains(AstBuilder.identifier(option.identifier()))) {
                    throw syntaxError(option, option.getText());
                }
            }
            boolean hold = false;
            if (d.hold != null) {
                if (!AstBuilder.identifier(d.hold).equals("hold")) {
                    throw syntaxError(d.hold, d.hold.getText());
                }
                hold = d.WITH() != null;
            }
            return new CursorStatement.Declare(AstBuilder.identifier(d.name), hold, ast.select(d.selectStmt()));
        }
        if (ctx instanceof FetchCursorContext f) {
            long count = 1;
            if (f.direction != null && !FORWARD_DIRECTIONS.contains(AstBuilder.identifier(f.direction))) {
                throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "cursor can only scan forward", null,
                        "Declare it with SCROLL option to enable backward scan.", 0, null);
            }
            if (f.ALL() != null) {
                count = Long.MAX_VALUE;
            } else if (f.INTEGER_LITERAL() != null) {
                if (f.MINUS() != null) {
                    throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "cursor can only scan forward", null,
                            "Declare it with SCROLL option to enable backward scan.", 0, null);
                }
                count = Long.parseLong(f.INTEGER_LITERAL().getText());
            }
            return new CursorStatement.Fetch(AstBuilder.identifier(f.name), count, f.MOVE() != null);
        }
        CloseCursorContext c = (CloseCursorContext) ctx;
        return new CursorStatement.Close(c.name == null ? null : AstBuilder.identifier(c.name));
    }

    private static HeliosException syntaxError(ParserRuleContext at, String near) {
        return new HeliosException(SqlState.SYNTAX_ERROR, "syntax error at or near \"" + near + "\"", null, null,
                at.getStart().getStartIndex() + 1, null);
    }
}
