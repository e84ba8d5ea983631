package io.heliosdb.sql.ast;

import java.util.List;

/** A scalar expression as written. Positions are 0-based character offsets in the parsed text. */
public sealed interface Expr {

    /** A literal; {@code text} is the value's text (unquoted for strings), null for NULL. */
    record Literal(LiteralKind kind, String text) implements Expr {
    }

    enum LiteralKind { INTEGER, DECIMAL, STRING, BOOLEAN, NULL }

    /** {@code $index} (1-based). */
    record Param(int index, int position) implements Expr {
    }

    /** {@code [table.]column}; table is null when unqualified. */
    record ColumnRef(String table, String column, int position) implements Expr {
    }

    record Unary(UnaryOp op, Expr operand) implements Expr {
    }

    enum UnaryOp { NEGATE, PLUS, NOT }

    record Binary(BinaryOp op, Expr left, Expr right, int position) implements Expr {
    }

    enum BinaryOp {
        ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/"), MODULO("%"), CONCAT("||"),
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">="), AND("AND"), OR("OR");

        private final String symbol;

        BinaryOp(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /**
     * {@code name(args)}, {@code name(*)} or {@code name(DISTINCT args)}, with an aggregate's {@code ORDER BY}
     * (empty when absent) and {@code FILTER (WHERE filter)} (null when absent), and {@code OVER window}
     * (null unless a window function call).
     */
    record FunctionCall(String name, List<Expr> args, boolean star, boolean distinct, int position,
                        List<Select.OrderItem> orderBy, Expr filter, WindowSpec over) implements Expr {
        public FunctionCall(String name, List<Expr> args, boolean star, boolean distinct, int position) {
            this(name, args, star, distinct, position, List.of(), null, null);
        }
    }

    record Cast(Expr operand, TypeName type) implements Expr {
    }

    record IsNull(Expr operand, boolean negated) implements Expr {
    }

    record InList(Expr operand, List<Expr> values, boolean negated) implements Expr {
    }

    record Between(Expr operand, Expr low, Expr high, boolean negated) implements Expr {
    }

    record Like(Expr operand, Expr pattern, boolean negated, boolean caseInsensitive) implements Expr {
    }

    /** {@code operand ~ pattern} (POSIX regular expression; {@code ~*} ignores case, {@code !~} negates). */
    record RegexMatch(Expr operand, Expr pattern, boolean negated, boolean caseInsensitive) implements Expr {
    }

    /** {@code operand [NOT] SIMILAR TO pattern}: the SQL standard's regular expressions, matching the whole string. */
    record Similar(Expr operand, Expr pattern, boolean negated) implements Expr {
    }

    /** {@code CASE [operand] WHEN ... THEN ... [ELSE ...] END}; operand and elseResult may be null. */
    record Case(Expr operand, List<When> whens, Expr elseResult) implements Expr {
    }

    record When(Expr condition, Expr result) {
    }

    /**
     * A subquery: {@code (SELECT ...)} (SCALAR), {@code EXISTS (SELECT ...)} or {@code operand [NOT] IN
     * (SELECT ...)}; operand is null unless IN.
     */
    record Subquery(SubqueryKind kind, Query query, Expr operand, boolean negated) implements Expr {
    }

    enum SubqueryKind { SCALAR, EXISTS, IN }

    /** {@code operand op ANY|SOME|ALL (SELECT ...)}. */
    record Quantified(Expr operand, BinaryOp op, boolean all, Query query) implements Expr {
    }

    /** {@code left IS [NOT] DISTINCT FROM right}: a comparison where NULL equals NULL. */
    record DistinctFrom(Expr left, Expr right, boolean negated) implements Expr {
    }

    /** The {@code DEFAULT} keyword in VALUES or SET. */
    record DefaultValue() implements Expr {
    }

    /**
     * {@code WHERE CURRENT OF cursor} of an UPDATE or DELETE: the row the cursor is positioned on (the
     * parser allows it only as the whole WHERE clause of those two).
     */
    record CurrentOf(String cursor, int position) implements Expr {
    }
}
