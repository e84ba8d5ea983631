package io.heliosdb.sql.parse;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.CursorCommand;
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
                if (o.STAR() != null) {
                    options.add(new Copy.Option(name, null, List.of("*")));
                    continue;
                } else if (o.LPAREN() != null) {
                    List<String> columns = o.identifier().subList(1, o.identifier().size()).stream()
                            .map(AstBuilder::identifier).toList();
                    options.add(new Copy.Option(name, null, columns));
                    continue;
                } else if (o.STRING() != null) {
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
        if (ctx.where != null && !from) {
            throw new HeliosException(SqlState.SYNTAX_ERROR, "WHERE clause not allowed with COPY TO", null,
                    null, ctx.WHERE().getSymbol().getStartIndex() + 1, null);
        }
        return new Copy(ast.tableName(ctx.qualifiedName()), columns, null, from, file, options,
                ctx.where == null ? null : ctx.where.getStart().getInputStream().getText(
                        org.antlr.v4.runtime.misc.Interval.of(ctx.where.getStart().getStartIndex(),
                                ctx.where.getStop().getStopIndex())));
    }

    static Statement cursor(CursorStmtContext ctx, AstBuilder ast) {
        if (ctx instanceof DeclareCursorContext d) {
            CursorCommand.Scroll scroll = CursorCommand.Scroll.DEFAULT;
            String previous = "";
            for (CursorOptionContext option : d.cursorOption()) {
                String word = AstBuilder.identifier(option.identifier());
                if (!CURSOR_OPTIONS.contains(word) || (previous.equals("no") && !word.equals("scroll"))) {
                    throw syntaxError(option, option.getText());
                }
                if (word.equals("scroll") && scroll != null) {
                    CursorCommand.Scroll wanted = previous.equals("no") ? CursorCommand.Scroll.NO_SCROLL
                            : CursorCommand.Scroll.SCROLL;
                    // Both is refused when the statement runs, as PostgreSQL refuses it in analysis (null here).
                    scroll = scroll != CursorCommand.Scroll.DEFAULT && scroll != wanted ? null : wanted;
                }
                previous = word;
            }
            boolean hold = false;
            if (d.hold != null) {
                if (!AstBuilder.identifier(d.hold).equals("hold")) {
                    throw syntaxError(d.hold, d.hold.getText());
                }
                hold = d.WITH() != null;
            }
            return new CursorStatement.Declare(AstBuilder.identifier(d.name), hold,
                    LockingSyntax.locked(ast.select(d.selectStmt()), d.lockingTail(), ast), scroll);
        }
        if (ctx instanceof FetchCursorContext f) {
            return fetch(f);
        }
        CloseCursorContext c = (CloseCursorContext) ctx;
        return new CursorStatement.Close(c.name == null ? null : AstBuilder.identifier(c.name));
    }

    /** FETCH/MOVE with PostgreSQL's directions; a signed count keeps its sign (FORWARD -2 moves back). */
    private static Statement fetch(FetchCursorContext f) {
        String direction = f.direction == null ? "" : AstBuilder.identifier(f.direction);
        boolean all = f.ALL() != null;
        Long number = null;
        if (f.INTEGER_LITERAL() != null) {
            number = Long.parseLong(f.INTEGER_LITERAL().getText());
            number = f.MINUS() != null ? -number : number;
        }
        boolean noCount = !all && number == null;
        CursorCommand.Direction kind;
        long count;
        switch (direction) {
            case "", "forward", "backward" -> {
                kind = direction.equals("backward") ? CursorCommand.Direction.BACKWARD : CursorCommand.Direction.FORWARD;
                count = all ? Long.MAX_VALUE : number == null ? 1 : number;
            }
            case "next", "prior", "first", "last" -> {
                if (!noCount) {
                    throw syntaxError(f, all ? "ALL" : f.INTEGER_LITERAL().getText());
                }
                kind = direction.equals("next") ? CursorCommand.Direction.FORWARD
                        : direction.equals("prior") ? CursorCommand.Direction.BACKWARD : CursorCommand.Direction.ABSOLUTE;
                count = direction.equals("last") ? -1 : 1;
            }
            case "absolute", "relative" -> {
                if (number == null) {
                    throw syntaxError(f, all ? "ALL" : f.name.getText());
                }
                kind = direction.equals("absolute") ? CursorCommand.Direction.ABSOLUTE : CursorCommand.Direction.RELATIVE;
                count = number;
            }
            default -> throw syntaxError(f.direction, f.direction.getText());
        }
        return new CursorStatement.Fetch(AstBuilder.identifier(f.name), count, f.MOVE() != null, kind);
    }

    private static HeliosException syntaxError(ParserRuleContext at, String near) {
        return new HeliosException(SqlState.SYNTAX_ERROR, "syntax error at or near \"" + near + "\"", null, null,
                at.getStart().getStartIndex() + 1, null);
    }
}
