package io.heliosdb.core.session;

import io.heliosdb.api.SqlType;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * A statement text with its plain value literals lifted out: {@code SELECT v FROM t WHERE id = 42} becomes
 * the shape {@code SELECT v FROM t WHERE id = $1} and the value 42, so that texts differing only in such
 * values share one parse and one plan. A hand-written scanner (ANTLR is what this avoids) that follows the
 * grammar's lexer rules; it lifts only where a parameter means exactly what the literal meant:
 * <ul>
 *   <li>one SELECT, UPDATE, DELETE or INSERT (no SELECT INTO), no {@code $n} already in the text, at most
 *       {@link #MAX_TEXT} characters;</li>
 *   <li>a literal that is a whole operand at one of the {@link LiftSites} (right of a comparison, a SET
 *       assignment, {@code SET a = a + 5}, an item of INSERT's VALUES rows): the token after it ends the
 *       operand (a keyword such as AND or ORDER, {@code ) , ;} or the end), so no operator or cast applies
 *       to it and nothing folds it at plan time;</li>
 *   <li>an integer literal, a decimal literal, either with a minus sign (which the parser folds into the
 *       literal), or a plain {@code '...'} string; or an integer written as {@code 42::int4} or
 *       {@code '42'::int4} within its type's range; each may be in parentheses, as pgJDBC's simple query mode
 *       inlines parameters: {@code ('42'::int4)}, {@code ('abc')}.</li>
 * </ul>
 * Positions such as LIMIT 5, ORDER BY 1, IN (1, 2), casts and typmods are never such sites, so they stay in
 * the shape. The values are what the analyzer makes of the literals (int4, else int8, else numeric; a string
 * stays of unknown type and the caller checks what the plan inferred for it).
 *
 * @param key         the shape, a NUL and one code per value's type: what a cached plan is found by
 * @param shapeLength the length of the shape at the start of {@code key}
 * @param values      the lifted values, in parameter order
 * @param declared    the parameter types to plan the shape with ({@code null}: a string, left to inference)
 * @param textStart   where the statement's own text starts (after leading comments)
 * @param textEnd     where it ends (before a closing semicolon and trailing comments)
 */
record LiteralShape(String key, int shapeLength, Object[] values, SqlType[] declared, int textStart, int textEnd) {

    private static final String[] LEADING_WORDS = {"select", "update", "delete", "insert"};
    private static final Set<String> LEADING = Set.of(LEADING_WORDS);
    /** Words that end the operand before them and cannot continue an expression. */
    private static final String[] OPERAND_END_WORDS = {"and", "or", "then", "when", "else", "end", "order",
        "group", "limit", "offset", "having", "for", "union", "except", "intersect", "returning", "window",
        "fetch", "from", "where", "as", "join", "inner", "left", "right", "full", "cross", "on"};
    private static final Set<String> OPERAND_ENDS = Set.of(OPERAND_END_WORDS);

    /** Longer texts run the normal way: a shape cache must not hold megabytes of one-off INSERT texts. */
    static final int MAX_TEXT = 8192;

    // Token kinds (LiftSites reads them too).
    static final int WORD = 0;
    static final int INTEGER = 1;
    static final int DECIMAL = 2;
    static final int STRING = 3;
    /** E'...', a quoted identifier: passed through. */
    static final int OTHER = 4;
    static final int OPERATOR = 5;
    static final int PUNCT = 6;
    static final int SEMI = 7;
    static final int CAST = 8;

    /** The shape at the start of {@link #key}. */
    String shape() {
        return key.substring(0, shapeLength);
    }

    /**
     * The shape of {@code sql}, or null when nothing may be lifted safely (the text then runs as it is). Kept to a few
     * calls ({@link #statementCount}, {@link LiftSites#of}, {@link #lift}), each compiled on its own: as one method
     * with its keyword look-ups (lower-casing copies, set probes) inlined it was a ~40 KB C2 compilation of several
     * seconds under load, in the path of every simple-protocol statement.
     */
    static LiteralShape of(String sql) {
        if (sql.length() > MAX_TEXT) {
            return null;
        }
        Tokens tokens = Tokens.scan(sql);
        int count = statementCount(tokens, sql);
        if (count < 0) {
            return null;
        }
        return lift(tokens, sql, count, LiftSites.of(tokens, sql, count));
    }

    /**
     * The tokens of the statement when it is one whose literals may be lifted (one SELECT, UPDATE, DELETE or INSERT
     * without SELECT INTO): their count without a closing semicolon; else -1.
     */
    private static int statementCount(Tokens tokens, String sql) {
        if (tokens == null || tokens.count == 0 || tokens.kind[0] != WORD || !tokens.isLeading(sql, 0)) {
            return -1;
        }
        int count = tokens.count;
        if (tokens.kind[count - 1] == SEMI) {
            count--;   // one closing semicolon; any other means several statements
        }
        boolean insert = tokens.is(sql, 0, "insert");
        for (int i = 0; i < count; i++) {
            if (tokens.kind[i] == SEMI) {
                return -1;
            }
            if (tokens.kind[i] == WORD && tokens.is(sql, i, "into") && !(insert && i == 1)) {
                return -1;   // SELECT INTO creates a table
            }
        }
        return count;
    }

    /** Lifts the literals at {@code sites} out of the first {@code count} tokens. */
    private static LiteralShape lift(Tokens tokens, String sql, int count, boolean[] sites) {
        Lifting lifting = null;
        for (int i = 1; i < count; i++) {
            if (!sites[i]) {
                continue;
            }
            Literal literal = literalAt(tokens, sql, i, count);
            if (literal == null || !tokens.endsOperand(sql, literal.last() + 1, count)) {
                continue;
            }
            if (lifting == null) {
                lifting = new Lifting(sql);
            }
            lifting.add(literal, tokens.start[i], tokens.end[literal.last()]);
            i = literal.last();
        }
        int textStart = tokens.start[0];
        int textEnd = tokens.end[count - 1];
        if (lifting == null) {
            // Nothing to lift: the text is its own shape (a repeated text still skips the parser).
            return new LiteralShape(sql + '\0', sql.length(), new Object[0], new SqlType[0], textStart, textEnd);
        }
        return lifting.shape(textStart, textEnd);
    }

    /** The shape being built: the text with each lifted literal replaced by its parameter, and the values. */
    private static final class Lifting {
        private final String sql;
        private final StringBuilder shape;
        private final StringBuilder codes = new StringBuilder(4);
        private Object[] values = new Object[4];
        private SqlType[] declared = new SqlType[4];
        private int lifted;
        private int copied;

        Lifting(String sql) {
            this.sql = sql;
            this.shape = new StringBuilder(sql.length() + 8);
        }

        /** Replaces the text from {@code start} to {@code end} (the literal's tokens) with the next parameter. */
        void add(Literal literal, int start, int end) {
            if (lifted == values.length) {
                values = Arrays.copyOf(values, lifted * 2);
                declared = Arrays.copyOf(declared, lifted * 2);
            }
            shape.append(sql, copied, start).append('$').append(lifted + 1);
            copied = end;
            values[lifted] = literal.value();
            declared[lifted] = literal.type();
            codes.append(literal.code());
            lifted++;
        }

        LiteralShape shape(int textStart, int textEnd) {
            shape.append(sql, copied, sql.length());
            int shapeLength = shape.length();
            shape.append('\0').append(codes);
            return new LiteralShape(shape.toString(), shapeLength, Arrays.copyOf(values, lifted),
                    Arrays.copyOf(declared, lifted), textStart, textEnd);
        }
    }

    /**
     * A literal operand from token {@code i} to {@code last}: its value as the analyzer makes it, its type (null
     * for a string, left to inference) and the key's code for the type.
     */
    private record Literal(Object value, SqlType type, char code, int last) {
    }

    /**
     * The literal whose operand starts at token {@code i}: a number, a string, a negative number ({@code -5},
     * which the parser folds into one literal), or an integer cast ({@code '42'::int4}); each may be in one pair
     * of parentheses, as pgJDBC's simple query mode inlines parameters: {@code ('42'::int4)}, {@code ('abc')}.
     * Null when the operand is anything else.
     */
    private static Literal literalAt(Tokens tokens, String sql, int i, int count) {
        boolean parenthesized = tokens.isPunct(sql, i, '(') && i + 1 < count;
        int at = parenthesized ? i + 1 : i;
        boolean negative = tokens.kind[at] == OPERATOR && tokens.end[at] - tokens.start[at] == 1
                && sql.charAt(tokens.start[at]) == '-' && at + 1 < count
                && (tokens.kind[at + 1] == INTEGER || tokens.kind[at + 1] == DECIMAL);
        if (negative) {
            at++;
        }
        int kind = tokens.kind[at];
        if (kind != INTEGER && kind != DECIMAL && kind != STRING) {
            return null;
        }
        int last = at;
        Object value;
        SqlType type;
        char code;
        if (at + 2 < count && tokens.kind[at + 1] == CAST && tokens.kind[at + 2] == WORD) {
            // -5::int4 is -(5::int4), not a cast of -5: left as it is.
            SqlType target = negative ? null : integerType(tokens.word(sql, at + 2));
            Object v = target == null ? null : castInteger(tokens, sql, at, target);
            if (v == null) {
                return null;
            }
            last = at + 2;
            value = v;
            type = target;
            code = target == SqlType.SMALLINT ? 'h' : target == SqlType.INTEGER ? 'i' : 'l';
        } else if (kind == INTEGER) {
            value = integerValue(negative ? "-" + tokens.text(sql, at) : tokens.text(sql, at));
            type = value instanceof Integer ? SqlType.INTEGER : value instanceof Long ? SqlType.BIGINT
                    : SqlType.NUMERIC;
            code = value instanceof Integer ? 'i' : value instanceof Long ? 'l' : 'n';
        } else if (kind == DECIMAL) {
            BigDecimal d = new BigDecimal(negative ? "-" + tokens.text(sql, at) : tokens.text(sql, at));
            value = d.scale() < 0 ? d.setScale(0) : d;
            type = SqlType.NUMERIC;
            code = 'n';
        } else {
            value = tokens.string(sql, at);
            type = null;
            code = 's';
        }
        if (parenthesized) {
            if (last + 1 >= count || !tokens.isPunct(sql, last + 1, ')')) {
                return null;
            }
            last++;
        }
        return new Literal(value, type, code, last);
    }

    /** Integer literals are int4 when they fit, else int8, else numeric (as the analyzer types them). */
    private static Object integerValue(String text) {
        try {
            long v = Long.parseLong(text);
            return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? (Object) (int) v : (Object) v;
        } catch (NumberFormatException e) {
            return new BigDecimal(text);
        }
    }

    private static SqlType integerType(String name) {
        return switch (name) {
            case "int2", "smallint" -> SqlType.SMALLINT;
            case "int4", "int", "integer" -> SqlType.INTEGER;
            case "int8", "bigint" -> SqlType.BIGINT;
            default -> null;
        };
    }

    /**
     * The value of {@code 42::int4} or {@code '-42'::int4} as the cast makes it; null when the literal is
     * not a plain integer in range (the cast then decides, with its own error).
     */
    private static Object castInteger(Tokens tokens, String sql, int i, SqlType target) {
        String text = tokens.kind[i] == STRING ? tokens.string(sql, i) : tokens.kind[i] == INTEGER
                ? tokens.text(sql, i) : null;
        if (text == null || text.isEmpty() || text.length() > 19) {
            return null;
        }
        int digitsFrom = text.charAt(0) == '-' ? 1 : 0;
        if (digitsFrom == text.length()) {
            return null;
        }
        for (int k = digitsFrom; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        long v;
        try {
            v = Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
        return switch (target) {
            case SMALLINT -> v >= Short.MIN_VALUE && v <= Short.MAX_VALUE ? (Object) (short) v : null;
            case INTEGER -> v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? (Object) (int) v : null;
            default -> v;
        };
    }

    /** The text's tokens (comments and white space left out) as the grammar's lexer would cut them. */
    static final class Tokens {
        int count;
        int[] kind = new int[32];
        int[] start = new int[32];
        int[] end = new int[32];

        /** Null when the text holds something the shape must not be made of ({@code $}, an open quote or comment). */
        static Tokens scan(String sql) {
            Tokens t = new Tokens();
            int n = sql.length();
            int i = 0;
            while (i < n) {
                if (t.count == 1 && (t.kind[0] != WORD || !t.isLeading(sql, 0))) {
                    return null;   // not a statement that is lifted: the rest of a long text is not scanned
                }
                char c = sql.charAt(i);
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f') {
                    i++;
                } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                    while (i < n && sql.charAt(i) != '\n' && sql.charAt(i) != '\r') {
                        i++;
                    }
                } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                    i = blockCommentEnd(sql, i);
                    if (i < 0) {
                        return null;
                    }
                } else if (c == '\'') {
                    int e = stringEnd(sql, i, false);
                    if (e < 0) {
                        return null;
                    }
                    t.add(STRING, i, e);
                    i = e;
                } else if (c == '"') {
                    int e = sql.indexOf('"', i + 1);
                    while (e >= 0 && e + 1 < n && sql.charAt(e + 1) == '"') {
                        e = sql.indexOf('"', e + 2);
                    }
                    if (e < 0 || e == i + 1) {
                        return null;
                    }
                    t.add(OTHER, i, e + 1);
                    i = e + 1;
                } else if (c >= '0' && c <= '9' || c == '.' && i + 1 < n && isDigit(sql.charAt(i + 1))) {
                    i = t.number(sql, i);
                } else if (isIdentifierStart(c)) {
                    int e = i + 1;
                    while (e < n && isIdentifierPart(sql.charAt(e))) {
                        e++;
                    }
                    if (e == i + 1 && (c == 'E' || c == 'e') && e < n && sql.charAt(e) == '\'') {
                        int se = stringEnd(sql, e, true);
                        if (se < 0) {
                            return null;
                        }
                        t.add(OTHER, i, se);
                        i = se;
                    } else {
                        t.add(WORD, i, e);
                        i = e;
                    }
                } else if (c == '$') {
                    return null;   // a parameter (the text then errs as it is) or a dollar quote
                } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                    t.add(CAST, i, i + 2);
                    i += 2;
                } else if (c == ';') {
                    t.add(SEMI, i, i + 1);
                    i++;
                } else if (isOperatorChar(c)) {
                    int e = i + 1;
                    // An operator run ends where a comment starts, as in the lexer.
                    while (e < n && isOperatorChar(sql.charAt(e)) && !(e + 1 < n && (sql.charAt(e) == '-'
                            && sql.charAt(e + 1) == '-' || sql.charAt(e) == '/' && sql.charAt(e + 1) == '*'))) {
                        e++;
                    }
                    t.add(OPERATOR, i, e);
                    i = e;
                } else {
                    t.add(PUNCT, i, i + 1);
                    i++;
                }
            }
            return t;
        }

        /** INTEGER_LITERAL or DECIMAL_LITERAL (digits, a point, digits, an exponent) from {@code i}. */
        private int number(String sql, int i) {
            int n = sql.length();
            int e = i;
            while (e < n && isDigit(sql.charAt(e))) {
                e++;
            }
            boolean decimal = false;
            if (e < n && sql.charAt(e) == '.') {
                decimal = true;
                e++;
                while (e < n && isDigit(sql.charAt(e))) {
                    e++;
                }
            }
            if (e < n && (sql.charAt(e) == 'e' || sql.charAt(e) == 'E')) {
                int x = e + 1;
                if (x < n && (sql.charAt(x) == '+' || sql.charAt(x) == '-')) {
                    x++;
                }
                if (x < n && isDigit(sql.charAt(x))) {
                    while (x < n && isDigit(sql.charAt(x))) {
                        x++;
                    }
                    decimal = true;
                    e = x;
                }
            }
            // A number run into a word or another number ("5abc", "1.2.3") is left as it is: not lifted.
            boolean glued = e < n && (isIdentifierPart(sql.charAt(e)) || sql.charAt(e) == '.'
                    || sql.charAt(e) == '\'');
            add(glued ? OTHER : decimal ? DECIMAL : INTEGER, i, e);
            return e;
        }

        void add(int k, int s, int e) {
            if (count == kind.length) {
                kind = Arrays.copyOf(kind, count * 2);
                start = Arrays.copyOf(start, count * 2);
                end = Arrays.copyOf(end, count * 2);
            }
            kind[count] = k;
            start[count] = s;
            end[count] = e;
            count++;
        }

        String text(String sql, int i) {
            return sql.substring(start[i], end[i]);
        }

        /**
         * Whether token {@code i} is {@code lowerCaseWord} in any case. ASCII letters are compared in place (what every
         * keyword is made of); a token with any other character takes the general comparison.
         */
        boolean is(String sql, int i, String lowerCaseWord) {
            int s = start[i];
            int length = lowerCaseWord.length();
            if (end[i] - s != length) {
                return false;
            }
            for (int k = 0; k < length; k++) {
                char c = sql.charAt(s + k);
                if (c >= '\u0080') {
                    return isAnyCase(sql, i, lowerCaseWord);
                }
                if ((c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c) != lowerCaseWord.charAt(k)) {
                    return false;
                }
            }
            return true;
        }

        private boolean isAnyCase(String sql, int i, String lowerCaseWord) {
            return sql.regionMatches(true, start[i], lowerCaseWord, 0, lowerCaseWord.length());
        }

        /**
         * Whether token {@code i}, lower-cased, is one of {@code words} (which are {@code set}'s, in lower case): an
         * ASCII token is compared with each in place, any other lower-cased and looked up.
         */
        boolean isOneOf(String sql, int i, String[] words, Set<String> set) {
            for (int k = start[i]; k < end[i]; k++) {
                if (sql.charAt(k) >= '\u0080') {
                    return set.contains(word(sql, i));
                }
            }
            for (String w : words) {
                if (end[i] - start[i] == w.length() && is(sql, i, w)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether token {@code i} is SELECT, UPDATE, DELETE or INSERT, in any case. */
        boolean isLeading(String sql, int i) {
            return isOneOf(sql, i, LEADING_WORDS, LEADING);
        }

        String word(String sql, int i) {
            return text(sql, i).toLowerCase(Locale.ROOT);
        }

        /** A plain string's value: without its quotes, doubled quotes made single (as the parser does). */
        String string(String sql, int i) {
            String body = sql.substring(start[i] + 1, end[i] - 1);
            return body.indexOf('\'') < 0 ? body : body.replace("''", "'");
        }

        boolean isPunct(String sql, int i, char c) {
            return kind[i] == PUNCT && sql.charAt(start[i]) == c;
        }

        /** {@code = <> != < > <= >=}, compared in place. */
        boolean isComparison(String sql, int i) {
            if (kind[i] != OPERATOR) {
                return false;
            }
            int length = end[i] - start[i];
            char a = sql.charAt(start[i]);
            if (length == 1) {
                return a == '=' || a == '<' || a == '>';
            }
            if (length != 2) {
                return false;
            }
            char b = sql.charAt(start[i] + 1);
            return a == '<' && (b == '>' || b == '=') || a == '!' && b == '=' || a == '>' && b == '=';
        }

        /** Whether the token at {@code i} (or the end) closes the operand before it. */
        boolean endsOperand(String sql, int i, int count) {
            if (i >= count) {
                return true;
            }
            if (kind[i] == PUNCT) {
                char c = sql.charAt(start[i]);
                return c == ')' || c == ',';
            }
            return kind[i] == WORD && isOneOf(sql, i, OPERAND_END_WORDS, OPERAND_ENDS);
        }

        private static int stringEnd(String sql, int quote, boolean backslashEscapes) {
            int n = sql.length();
            int i = quote + 1;
            while (i < n) {
                char c = sql.charAt(i);
                if (backslashEscapes && c == '\\') {
                    i += 2;
                } else if (c == '\'') {
                    if (i + 1 < n && sql.charAt(i + 1) == '\'') {
                        i += 2;
                    } else {
                        return i + 1;
                    }
                } else {
                    i++;
                }
            }
            return -1;
        }

        /** Block comments nest, as in the grammar; -1 when one is left open. */
        private static int blockCommentEnd(String sql, int i) {
            int n = sql.length();
            int depth = 0;
            while (i < n) {
                if (i + 1 < n && sql.charAt(i) == '/' && sql.charAt(i + 1) == '*') {
                    depth++;
                    i += 2;
                } else if (i + 1 < n && sql.charAt(i) == '*' && sql.charAt(i + 1) == '/') {
                    depth--;
                    i += 2;
                    if (depth == 0) {
                        return i;
                    }
                } else {
                    i++;
                }
            }
            return -1;
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private static boolean isIdentifierStart(char c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= '\u0080';
        }

        private static boolean isIdentifierPart(char c) {
            return isIdentifierStart(c) || isDigit(c) || c == '$';
        }

        private static boolean isOperatorChar(char c) {
            return "+-*/<>=~!@#%^&|?".indexOf(c) >= 0;
        }
    }
}
