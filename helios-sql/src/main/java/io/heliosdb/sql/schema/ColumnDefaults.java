package io.heliosdb.sql.schema;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.ast.Expr;
import io.heliosdb.sql.parse.SqlParser;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.UnaryOperator;

/**
 * A column's DEFAULT as PostgreSQL's pg_get_expr prints it ({@code 'abc'::text}, {@code 0},
 * {@code nextval('t_id_seq'::regclass)}, {@code now()}, {@code CURRENT_TIMESTAMP}): the stored text is
 * parsed and its constants shown as constants of the column's type, as PostgreSQL's deparser shows the
 * coerced expression. What it does not know how to show, it returns as written.
 */
public final class ColumnDefaults {
    /** The SQL value functions PostgreSQL prints as keywords. */
    private static final Set<String> KEYWORD_FUNCTIONS = Set.of("current_timestamp", "current_date", "current_time",
            "localtimestamp", "localtime", "current_user", "session_user", "current_role", "current_catalog",
            "current_schema", "user");

    private ColumnDefaults() {
    }

    /**
     * The default of {@code column} as pg_get_expr shows it, or null when it has none; {@code relation}
     * turns a relation name as written into its regclass text (for {@code nextval('s'::regclass)}).
     */
    public static String display(ColumnDef column, UnaryOperator<String> relation) {
        String text = column.defaultExpression();
        if (text == null) {
            return null;
        }
        try {
            String shown = expression(SqlParser.parseExpression(text), column.type(), relation);
            return shown != null ? shown : text;
        } catch (HeliosException | IllegalArgumentException e) {
            return text;
        }
    }

    /** {@code type} is the type the expression is coerced to, or null when it keeps its own. */
    private static String expression(Expr e, SqlType type, UnaryOperator<String> relation) {
        if (e instanceof Expr.Literal l) {
            return literal(l, type);
        } else if (e instanceof Expr.Unary u && u.op() == Expr.UnaryOp.NEGATE && u.operand() instanceof Expr.Literal l
                && (l.kind() == Expr.LiteralKind.INTEGER || l.kind() == Expr.LiteralKind.DECIMAL)) {
            // A negative constant is quoted and labelled, as ruleutils does to keep the sign with the number.
            SqlType own = numberType("-" + l.text(), l.kind());
            return "'-" + l.text() + "'::" + label(own);
        } else if (e instanceof Expr.Cast c && c.operand() instanceof Expr.Literal l && l.kind() == Expr.LiteralKind.STRING
                && c.type().typmod() < 0) {
            return typedString(l.text(), c.type().type());
        } else if (e instanceof Expr.FunctionCall f && f.over() == null && !f.star() && !f.distinct()) {
            return call(f, relation);
        }
        return null;
    }

    private static String call(Expr.FunctionCall f, UnaryOperator<String> relation) {
        String name = f.name().toLowerCase(Locale.ROOT);
        if (f.args().isEmpty() && KEYWORD_FUNCTIONS.contains(name)) {
            return name.toUpperCase(Locale.ROOT);
        }
        if (name.equals("nextval") && f.args().size() == 1 && f.args().get(0) instanceof Expr.Literal l
                && l.kind() == Expr.LiteralKind.STRING) {
            return "nextval('" + relation.apply(l.text()).replace("'", "''") + "'::regclass)";
        }
        StringJoiner args = new StringJoiner(", ", name + "(", ")");
        for (Expr a : f.args()) {
            String shown = a instanceof Expr.Literal l && l.kind() != Expr.LiteralKind.STRING ? literal(l, null)
                    : expression(a, null, relation);
            if (shown == null) {
                return null;
            }
            args.add(shown);
        }
        return args.toString();
    }

    private static String literal(Expr.Literal l, SqlType type) {
        return switch (l.kind()) {
            case NULL -> type == null ? "NULL" : "NULL::" + label(type);
            case BOOLEAN -> l.text();
            // A number keeps its own type; a conversion to the column's type is implicit and not shown.
            case INTEGER, DECIMAL -> {
                SqlType own = numberType(l.text(), l.kind());
                boolean bare = !l.text().startsWith("-")
                        && (own == SqlType.INTEGER || own == SqlType.NUMERIC && l.kind() == Expr.LiteralKind.DECIMAL);
                yield bare ? l.text() : "'" + l.text() + "'::" + label(own);
            }
            // An untyped string becomes a constant of the column's type.
            case STRING -> typedString(l.text(), type == null ? SqlType.TEXT : type);
        };
    }

    private static String typedString(String text, SqlType type) {
        String value = canonical(text, type);
        if (type == SqlType.BOOLEAN) {
            return value.equals("t") ? "true" : value.equals("f") ? "false" : null;
        }
        if (type == SqlType.INTEGER && !value.startsWith("-")) {
            return value;
        }
        if (type == SqlType.NUMERIC && !value.isEmpty() && Character.isDigit(value.charAt(0))
                && value.chars().anyMatch(ch -> ch == '.' || ch == 'e' || ch == 'E')) {
            return value;
        }
        return "'" + value.replace("'", "''") + "'::" + label(type);
    }

    /** The value's output text in {@code type} (as PostgreSQL stores the constant), or the text as written. */
    private static String canonical(String text, SqlType type) {
        if (type.isText() || type == SqlType.CHAR || type == SqlType.TIMESTAMPTZ) {
            return text;
        }
        try {
            return type.format(io.heliosdb.sql.types.Casts.convert(text, SqlType.UNKNOWN, type, -1, true));
        } catch (RuntimeException e) {
            return text;
        }
    }

    private static SqlType numberType(String text, Expr.LiteralKind kind) {
        if (kind == Expr.LiteralKind.DECIMAL) {
            return SqlType.NUMERIC;
        }
        BigDecimal v = new BigDecimal(text);
        if (v.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0 && v.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
            return SqlType.INTEGER;
        }
        return v.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0 && v.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
                ? SqlType.BIGINT : SqlType.NUMERIC;
    }

    /** The type label of a constant: format_type without a modifier ({@code character varying}). */
    private static String label(SqlType type) {
        return type == SqlType.CHAR ? "bpchar" : type.sqlName();
    }
}
