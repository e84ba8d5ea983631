package io.heliosdb.sql.parse;

import io.heliosdb.sql.parse.antlr.PostgreSqlLexer;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * Rewrites stored expression text (a CHECK constraint) after ALTER TABLE ... RENAME COLUMN: PostgreSQL
 * keeps parsed expressions that name columns by number, HeliosDB keeps the text, so the column's name is
 * replaced where it appears as a name (not in a string, not as a function name).
 */
public final class ColumnRenames {

    private ColumnRenames() {
    }

    /** {@code text} with each reference to column {@code from} naming {@code to} instead. */
    public static String rename(String text, String from, String to) {
        PostgreSqlLexer lexer = new PostgreSqlLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        List<? extends Token> tokens = lexer.getAllTokens();
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            boolean call = i + 1 < tokens.size() && tokens.get(i + 1).getType() == PostgreSqlLexer.LPAREN;
            if (!call && from.equals(name(t))) {
                out.append(text, copied, t.getStartIndex()).append(quote(to));
                copied = t.getStopIndex() + 1;
            }
        }
        return out.append(text.substring(copied)).toString();
    }

    /** {@link #renameAt}'s result: the new text and where the new name stands in it ({@code end} exclusive). */
    public record Renamed(String text, int start, int end) {
    }

    /**
     * {@code text} with the column reference starting at {@code position} ({@code name} or
     * {@code qualifier.name}) naming {@code to} instead of {@code from}; null when no such reference starts there.
     */
    public static Renamed renameAt(String text, int position, String from, String to) {
        PostgreSqlLexer lexer = new PostgreSqlLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        List<Token> tokens = new java.util.ArrayList<>();
        for (Token t : lexer.getAllTokens()) {
            if (t.getStartIndex() >= position && t.getChannel() == Token.DEFAULT_CHANNEL && tokens.size() < 3) {
                tokens.add(t);
            }
        }
        if (tokens.isEmpty()) {
            return null;
        }
        // name, or qualifier.name: the column is the last name
        Token column = tokens.size() == 3 && tokens.get(1).getType() == PostgreSqlLexer.DOT && name(tokens.get(2)) != null
                ? tokens.get(2) : tokens.get(0);
        if (!from.equals(name(column))) {
            return null;
        }
        String quoted = quote(to);
        return new Renamed(text.substring(0, column.getStartIndex()) + quoted + text.substring(column.getStopIndex() + 1),
                column.getStartIndex(), column.getStartIndex() + quoted.length());
    }

    /** The name a token spells when it can be a column name, else null. */
    private static String name(Token t) {
        String s = t.getText();
        if (t.getType() == PostgreSqlLexer.QUOTED_IDENTIFIER) {
            return s.substring(1, s.length() - 1).replace("\"\"", "\"");
        }
        if (s.isEmpty() || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_')) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '$')) {
                return null;
            }
        }
        return s.toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code name} as an identifier in SQL text, quoted when it must be. */
    public static String quote(String name) {
        boolean plain = !name.isEmpty() && (Character.isLowerCase(name.charAt(0)) || name.charAt(0) == '_')
                && name.chars().allMatch(ch -> ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9' || ch == '_');
        if (plain) {
            // A keyword (even a non-reserved one) is quoted: the name must not read as anything else.
            List<? extends Token> tokens = new PostgreSqlLexer(CharStreams.fromString(name)).getAllTokens();
            plain = tokens.size() == 1 && tokens.get(0).getType() == PostgreSqlLexer.IDENTIFIER;
        }
        return plain ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
