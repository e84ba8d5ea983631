package io.heliosdb.sql.plan;

import io.heliosdb.api.SqlType;
import io.heliosdb.sql.analyze.BoundExpr;
import io.heliosdb.sql.analyze.BoundExpr.*;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Expressions as EXPLAIN prints them, in PostgreSQL's parenthesized style: {@code (a > 10)},
 * {@code ((a = 1) AND (b = 'x'::text))}. Columns print by their unqualified name.
 */
final class ExpressionText {

    private ExpressionText() {
    }

    static String of(BoundExpr e) {
        if (e instanceof ColumnSlot c) {
            return c.name();
        } else if (e instanceof OuterRef o) {
            return o.name();
        } else if (e instanceof ParamRef p) {
            return "$" + (p.index() + 1);
        } else if (e instanceof Const c) {
            return constant(c);
        } else if (e instanceof Comparison c) {
            return "(" + of(c.left()) + " " + c.op().symbol() + " " + of(c.right()) + ")";
        } else if (e instanceof Logical l) {
            return "(" + of(l.left()) + (l.and() ? " AND " : " OR ") + of(l.right()) + ")";
        } else if (e instanceof Not n) {
            return "(NOT " + of(n.operand()) + ")";
        } else if (e instanceof IsNull n) {
            return "(" + of(n.operand()) + (n.negated() ? " IS NOT NULL)" : " IS NULL)");
        } else if (e instanceof ArithmeticOp a) {
            return "(" + of(a.left()) + " " + symbol(a.op()) + " " + of(a.right()) + ")";
        } else if (e instanceof Negate n) {
            return "(- " + of(n.operand()) + ")";
        } else if (e instanceof Concat c) {
            return "(" + of(c.left()) + " || " + of(c.right()) + ")";
        } else if (e instanceof Like l) {
            return "(" + of(l.operand()) + (l.negated() ? " !" : " ") + (l.caseInsensitive() ? "~~* " : "~~ ")
                    + of(l.pattern()) + ")";
        } else if (e instanceof Cast c) {
            String operand = of(c.operand());
            return (operand.startsWith("(") || operand.startsWith("'") ? operand : "(" + operand + ")") + "::"
                    + c.type().sqlName();
        } else if (e instanceof ScalarCall s) {
            return s.function().name().toLowerCase() + "(" + list(s.args()) + ")";
        } else if (e instanceof BuiltinCall b) {
            return b.name() + "(" + list(b.args()) + ")";
        } else if (e instanceof Subquery) {
            return "(SubPlan)";
        } else if (e instanceof AggregateCall a) {
            return a.kind() == AggregateKind.COUNT_STAR ? "count(*)"
                    : a.kind().name().toLowerCase() + "(" + (a.argument() == null ? "" : of(a.argument())) + ")";
        }
        return e.getClass().getSimpleName().toLowerCase();
    }

    private static String list(List<BoundExpr> args) {
        return args.stream().map(ExpressionText::of).collect(Collectors.joining(", "));
    }

    private static String constant(Const c) {
        if (c.value() == null) {
            return "NULL";
        }
        if (c.type().isInteger() || c.type() == SqlType.BOOLEAN) {
            return String.valueOf(c.value());
        }
        String text = "'" + c.type().format(c.value()).replace("'", "''") + "'";
        return c.type() == SqlType.NUMERIC ? c.value().toString() : text + "::" + c.type().sqlName();
    }


    private static String symbol(io.heliosdb.sql.types.Arithmetic.Op op) {
        return switch (op) {
            case ADD -> "+";
            case SUBTRACT -> "-";
            case MULTIPLY -> "*";
            case DIVIDE -> "/";
            case MODULO -> "%";
        };
    }
}
