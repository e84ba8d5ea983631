package io.heliosdb.cli.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits shell input into statements the way psql does: a statement ends at a semicolon that is
 * outside quotes, dollar quotes, comments and parentheses, so statements may span lines and a
 * line may hold several. Input arrives a line at a time and the scan state carries over.
 */
public final class StatementScanner {

    /** Where the scanner stands at the end of the input seen so far; psql shows it in the prompt. */
    public enum State {
        NORMAL('-'), SINGLE_QUOTE('\''), DOUBLE_QUOTE('"'), DOLLAR_QUOTE('$'), BLOCK_COMMENT('*'), PARENTHESIS('(');

        private final char promptChar;

        State(char promptChar) {
            this.promptChar = promptChar;
        }

        /** The character psql puts in a continuation prompt, as in {@code heliosdb'> }. */
        public char promptChar() {
            return promptChar;
        }
    }

    private final StringBuilder buffer = new StringBuilder();
    private int scanned;
    private boolean hasContent;
    private boolean inSingleQuote;
    private boolean escapeString;
    private boolean inDoubleQuote;
    private boolean inLineComment;
    private int commentDepth;
    private int parenDepth;
    private String dollarTag;

    /** Adds a line (without its line terminator) and returns the statements it completed, without their semicolons. */
    public List<String> addLine(String line) {
        buffer.append(line).append('\n');
        List<String> statements = new ArrayList<>();
        int start = 0;
        int i = scanned;
        while (i < buffer.length()) {
            char c = buffer.charAt(i);
            char next = i + 1 < buffer.length() ? buffer.charAt(i + 1) : '\0';
            if (inLineComment) {
                inLineComment = c != '\n';
            } else if (commentDepth > 0) {
                if (c == '*' && next == '/') {
                    commentDepth--;
                    i++;
                } else if (c == '/' && next == '*') {
                    commentDepth++;
                    i++;
                }
            } else if (inSingleQuote) {
                if (escapeString && c == '\\') {
                    i++;
                } else if (c == '\'') {
                    inSingleQuote = false;
                }
            } else if (inDoubleQuote) {
                inDoubleQuote = c != '"';
            } else if (dollarTag != null) {
                if (c == '$' && regionEquals(i, dollarTag)) {
                    i += dollarTag.length() - 1;
                    dollarTag = null;
                }
            } else if (c == '-' && next == '-') {
                inLineComment = true;
                i++;
            } else if (c == '/' && next == '*') {
                commentDepth = 1;
                i++;
            } else if (c == ';' && parenDepth == 0) {
                if (hasContent) {
                    statements.add(buffer.substring(start, i).strip());
                }
                hasContent = false;
                start = i + 1;
            } else {
                i = scanCode(c, i);
            }
            i++;
        }
        buffer.delete(0, start);
        scanned = buffer.length();
        return statements;
    }

    /** Handles a character of ordinary SQL text; returns the index of the last character consumed. */
    private int scanCode(char c, int i) {
        if (!Character.isWhitespace(c)) {
            hasContent = true;
        }
        switch (c) {
            case '\'' -> {
                inSingleQuote = true;
                escapeString = i > 0 && (buffer.charAt(i - 1) == 'E' || buffer.charAt(i - 1) == 'e')
                        && (i < 2 || !isIdentifierChar(buffer.charAt(i - 2)));
            }
            case '"' -> inDoubleQuote = true;
            case '(' -> parenDepth++;
            case ')' -> parenDepth = Math.max(0, parenDepth - 1);
            case '$' -> {
                String tag = dollarTagAt(i);
                if (tag != null) {
                    dollarTag = tag;
                    return i + tag.length() - 1;
                }
            }
            default -> {
            }
        }
        return i;
    }

    /** The {@code $tag$} opening at {@code i}, or null ({@code $1} is a parameter, {@code a$b} an identifier). */
    private String dollarTagAt(int i) {
        if (i > 0 && isIdentifierChar(buffer.charAt(i - 1))) {
            return null;
        }
        int j = i + 1;
        while (j < buffer.length() && isTagChar(buffer.charAt(j))) {
            if (j == i + 1 && Character.isDigit(buffer.charAt(j))) {
                return null;
            }
            j++;
        }
        return j < buffer.length() && buffer.charAt(j) == '$' ? buffer.substring(i, j + 1) : null;
    }

    private boolean regionEquals(int at, String text) {
        return at + text.length() <= buffer.length() && buffer.substring(at, at + text.length()).equals(text);
    }

    private static boolean isTagChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static boolean isIdentifierChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /** Whether a statement has begun and not yet ended (text other than blanks and comments is pending). */
    public boolean hasPendingStatement() {
        return hasContent || state() != State.NORMAL;
    }

    /** The unfinished text, or an empty string. */
    public String pending() {
        return buffer.toString().strip();
    }

    public State state() {
        if (inSingleQuote) {
            return State.SINGLE_QUOTE;
        }
        if (inDoubleQuote) {
            return State.DOUBLE_QUOTE;
        }
        if (dollarTag != null) {
            return State.DOLLAR_QUOTE;
        }
        if (commentDepth > 0) {
            return State.BLOCK_COMMENT;
        }
        return parenDepth > 0 ? State.PARENTHESIS : State.NORMAL;
    }

    /** Forgets the unfinished statement (psql's {@code \r}, or Ctrl-C at the prompt). */
    public void reset() {
        buffer.setLength(0);
        scanned = 0;
        hasContent = false;
        inSingleQuote = false;
        inDoubleQuote = false;
        inLineComment = false;
        commentDepth = 0;
        parenDepth = 0;
        dollarTag = null;
    }
}
