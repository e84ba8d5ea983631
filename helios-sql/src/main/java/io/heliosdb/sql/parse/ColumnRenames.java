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

    private static String quote(String name) {
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
