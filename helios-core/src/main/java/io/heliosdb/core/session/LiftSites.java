package io.heliosdb.core.session;

import java.util.Set;

/**
 * Where {@link LiteralShape} may lift a literal: the tokens at which an operand starts that, if it is a literal
 * followed by the end of the operand, can be a parameter with nothing changed but that leaf of the parse tree:
 * <ul>
 *   <li>right of a comparison ({@code = <> != < > <= >=}): in SELECT and DELETE anywhere, in UPDATE from SET on
 *       ({@code SET a = 5} is an assignment, bound the same way), but not {@code SET (a, b) = (...)};</li>
 *   <li>in UPDATE, right of the {@code +} or {@code -} in {@code = name + 5} (pgbench's
 *       {@code SET abalance = abalance + -1234}): a name ends an operand, so the sign is binary and the
 *       literal its whole right operand;</li>
 *   <li>in INSERT, the items of the VALUES rows when the rows are the whole source: each row is bound on its
 *       own against the target columns (rows of {@code VALUES ... UNION}, ORDER BY or LIMIT are typed together
 *       and stay literal).</li>
 * </ul>
 */
final class LiftSites {
    /** Words that start an expression (after them a sign is unary, not binary), or cannot end one. */
    private static final String[] NOT_OPERAND_WORDS = {"not", "case", "when", "then", "else", "any", "all",
        "some", "exists", "array", "interval", "distinct", "select", "values", "operator", "cast", "row", "and",
        "or", "is", "in", "like", "ilike", "between", "similar", "set", "where", "default", "collate", "at"};
    private static final Set<String> NOT_OPERANDS = Set.of(NOT_OPERAND_WORDS);

    private LiftSites() {
    }

    /** Which of the first {@code count} tokens of a SELECT, UPDATE, DELETE or INSERT may start a lifted operand. */
    static boolean[] of(LiteralShape.Tokens t, String sql, int count) {
        boolean[] sites = new boolean[count];
        if (t.is(sql, 0, "insert")) {
            valueRows(t, sql, count, sites);
        } else if (t.is(sql, 0, "update")) {
            int set = 2;
            while (set < count && !(t.kind[set] == LiteralShape.WORD && t.is(sql, set, "set"))) {
                set++;
            }
            comparisons(t, sql, set + 1, count, whereAt(t, sql, set, count), sites);
            sums(t, sql, set + 1, count, sites);
        } else {
            comparisons(t, sql, 1, count, 0, sites);
        }
        return sites;
    }

    /** Right of comparisons from {@code from}; before {@code rowsUntil} not right of {@code ) =} (a row's SET). */
    private static void comparisons(LiteralShape.Tokens t, String sql, int from, int count, int rowsUntil,
                                    boolean[] sites) {
        for (int i = Math.max(from, 2); i < count; i++) {
            if (t.isComparison(sql, i - 1) && !(i < rowsUntil && t.isPunct(sql, i - 2, ')'))) {
                sites[i] = true;
            }
        }
    }

    /** The WHERE of the statement itself (not of a subquery) after {@code from}, or {@code count}. */
    private static int whereAt(LiteralShape.Tokens t, String sql, int from, int count) {
        int depth = 0;
        for (int i = from; i < count; i++) {
            if (t.kind[i] == LiteralShape.PUNCT) {
                char c = sql.charAt(t.start[i]);
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            } else if (depth == 0 && t.kind[i] == LiteralShape.WORD && t.is(sql, i, "where")) {
                return i;
            }
        }
        return count;
    }

    /** {@code = name + 5}, {@code = name - -5}: the literal right of the sign. */
    private static void sums(LiteralShape.Tokens t, String sql, int from, int count, boolean[] sites) {
        for (int i = Math.max(from, 3); i < count; i++) {
            if (t.kind[i - 1] == LiteralShape.OPERATOR && t.end[i - 1] - t.start[i - 1] == 1
                    && (sql.charAt(t.start[i - 1]) == '+' || sql.charAt(t.start[i - 1]) == '-')
                    && t.kind[i - 2] == LiteralShape.WORD && !t.isOneOf(sql, i - 2, NOT_OPERAND_WORDS, NOT_OPERANDS)
                    && t.isComparison(sql, i - 3)) {
                sites[i] = true;
            }
        }
    }

    /**
     * INSERT INTO name [(columns)] [OVERRIDING ... VALUE] VALUES (...) [, (...)] [ON CONFLICT ...] [RETURNING ...]:
     * the first token of every item of every row. Nothing when the text has another form.
     */
    private static void valueRows(LiteralShape.Tokens t, String sql, int count, boolean[] sites) {
        int i = 2;
        // The table's name, perhaps qualified.
        if (i >= count || t.kind[i] != LiteralShape.WORD && t.kind[i] != LiteralShape.OTHER) {
            return;
        }
        i++;
        while (i + 1 < count && t.isPunct(sql, i, '.')
                && (t.kind[i + 1] == LiteralShape.WORD || t.kind[i + 1] == LiteralShape.OTHER)) {
            i += 2;
        }
        if (i < count && t.isPunct(sql, i, '(')) {
            i = closing(t, sql, i, count);
            if (i < 0) {
                return;
            }
            i++;
        }
        if (i + 2 < count && t.kind[i] == LiteralShape.WORD && t.is(sql, i, "overriding")) {
            i += 3;   // OVERRIDING SYSTEM VALUE, OVERRIDING USER VALUE
        }
        if (i >= count || t.kind[i] != LiteralShape.WORD || !t.is(sql, i, "values")) {
            return;
        }
        i++;
        boolean[] rows = new boolean[count];
        while (true) {
            if (i >= count || !t.isPunct(sql, i, '(')) {
                return;
            }
            int close = closing(t, sql, i, count);
            if (close < 0) {
                return;
            }
            rows[i + 1] = true;
            int depth = 0;
            for (int k = i + 1; k < close; k++) {
                if (t.kind[k] == LiteralShape.PUNCT) {
                    char c = sql.charAt(t.start[k]);
                    depth += c == '(' || c == '[' ? 1 : c == ')' || c == ']' ? -1 : 0;
                    if (depth == 0 && c == ',') {
                        rows[k + 1] = true;
                    }
                }
            }
            i = close + 1;
            if (i < count && t.isPunct(sql, i, ',')) {
                i++;
                continue;
            }
            // The rows end the source only before ON CONFLICT, RETURNING or the end of the statement.
            if (i == count || t.kind[i] == LiteralShape.WORD && (t.is(sql, i, "on") || t.is(sql, i, "returning"))) {
                System.arraycopy(rows, 0, sites, 0, count);
            }
            return;
        }
    }

    /** The index of the parenthesis that closes the one at {@code open}, or -1. */
    private static int closing(LiteralShape.Tokens t, String sql, int open, int count) {
        int depth = 0;
        for (int k = open; k < count; k++) {
            if (t.kind[k] == LiteralShape.PUNCT) {
                char c = sql.charAt(t.start[k]);
                if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    return k;
                }
            }
        }
        return -1;
    }
}
