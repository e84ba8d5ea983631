package io.heliosdb.sql.parse;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.ParsedStatement;
import io.heliosdb.sql.ast.Expr;
import io.heliosdb.sql.parse.antlr.PostgreSqlLexer;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Runs the generated ANTLR parser: fast SLL prediction first, full LL only when SLL fails, and no
 * error recovery at all, so the first offending token becomes a PostgreSQL-style {@code 42601}.
 */
public final class SqlParser {

    static final int MAX_NESTING = 1000;

    private SqlParser() {
    }

    /** Parses a text of zero or more statements. */
    public static List<ParsedStatement> parseScript(String sql) {
        CharStream chars = CharStreams.fromString(sql);
        PostgreSqlParser.ScriptContext script = run(chars, PostgreSqlParser::script);
        AstBuilder builder = new AstBuilder(chars);
        List<ParsedStatement> statements = new ArrayList<>();
        for (PostgreSqlParser.StatementContext ctx : script.statement()) {
            int start = ctx.getStart().getStartIndex();
            int stop = ctx.getStop().getStopIndex();
            String text = chars.getText(Interval.of(start, stop));
            statements.add(new ParsedStatement(text, start, builder.statement(ctx)));
        }
        return statements;
    }

    /** Parses one expression, e.g. a column's stored DEFAULT text. */
    public static Expr parseExpression(String sql) {
        CharStream chars = CharStreams.fromString(sql);
        PostgreSqlParser.StandaloneExprContext ctx = run(chars, PostgreSqlParser::standaloneExpr);
        return new AstBuilder(chars).expr(ctx.expr());
    }

    private static <T> T run(CharStream chars, Function<PostgreSqlParser, T> rule) {
        PostgreSqlLexer lexer = new PostgreSqlLexer(chars);
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        checkNesting(tokens);
        PostgreSqlParser parser = new PostgreSqlParser(tokens);
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        try {
            return rule.apply(parser);
        } catch (ParseCancellationException sllFailed) {
            tokens.seek(0);
            parser.reset();
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            try {
                return rule.apply(parser);
            } catch (ParseCancellationException e) {
                Token offending = offendingToken(e, parser);
                throw syntaxError(offending);
            }
        }
    }

    /**
     * Refuses absurd parenthesis nesting before parsing: ANTLR's prediction slows down sharply with
     * depth, and a deep enough text would overflow the stack. PostgreSQL also has a depth limit.
     */
    private static void checkNesting(CommonTokenStream tokens) {
        tokens.fill();
        int depth = 0;
        int prefixRun = 0;
        for (Token t : tokens.getTokens()) {
            int type = t.getType();
            boolean prefix = type == PostgreSqlLexer.MINUS || type == PostgreSqlLexer.PLUS || type == PostgreSqlLexer.NOT;
            prefixRun = prefix ? prefixRun + 1 : 0;
            if ((type == PostgreSqlLexer.LPAREN && ++depth > MAX_NESTING) || prefixRun > MAX_NESTING) {
                throw new HeliosException(SqlState.PROGRAM_LIMIT_EXCEEDED, "stack depth limit exceeded", null,
                        "Parentheses or prefix operators are nested more than " + MAX_NESTING + " deep.", t.getStartIndex() + 1, null);
            } else if (type == PostgreSqlLexer.RPAREN) {
                depth--;
            }
        }
    }

    private static Token offendingToken(ParseCancellationException e, PostgreSqlParser parser) {
        if (e.getCause() instanceof RecognitionException re && re.getOffendingToken() != null) {
            return re.getOffendingToken();
        }
        return parser.getCurrentToken();
    }

    private static HeliosException syntaxError(Token token) {
        int position = token.getStartIndex() + 1;
        String message;
        if (token.getType() == Token.EOF) {
            message = "syntax error at end of input";
        } else if (token.getType() == PostgreSqlLexer.UNTERMINATED_STRING) {
            message = "unterminated quoted string at or near \"" + token.getText() + "\"";
        } else {
            message = "syntax error at or near \"" + token.getText() + "\"";
        }
        return new HeliosException(SqlState.SYNTAX_ERROR, message, null, null, position, null);
    }
}
