package io.heliosdb.sql.analyze;

import io.heliosdb.api.Column;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.analyze.BoundExpr.*;
import io.heliosdb.sql.ast.Expr;
import io.heliosdb.sql.plan.LogicalPlan;
import io.heliosdb.sql.types.Arithmetic;
import io.heliosdb.sql.types.Casts;
import io.heliosdb.sql.types.TypeRules;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves names and types of one clause's expressions. Untyped literals and parameters take the
 * type their context asks for, as PostgreSQL's operator resolution does.
 */
final class ExpressionBinder {
    private final Scope scope;
    private final ParameterTypes parameters;
    /** The clause name used in "aggregate functions are not allowed in X", or null when aggregates are allowed. */
    private final String noAggregatesIn;
    private final boolean insideAggregate;
    /** Analyzes subqueries met in expressions; null where subqueries are not allowed (DEFAULT). */
    private final SelectAnalyzer subqueries;
    /** Scopes of the enclosing queries, nearest first, for correlated references. */
    private final List<Scope> outer;

    ExpressionBinder(Scope scope, ParameterTypes parameters, String noAggregatesIn) {
        this(scope, parameters, noAggregatesIn, false, null, List.of());
    }

    ExpressionBinder(Scope scope, ParameterTypes parameters, String noAggregatesIn, SelectAnalyzer subqueries,
                     List<Scope> outer) {
        this(scope, parameters, noAggregatesIn, false, subqueries, outer);
    }

    private ExpressionBinder(Scope scope, ParameterTypes parameters, String noAggregatesIn, boolean insideAggregate,
                             SelectAnalyzer subqueries, List<Scope> outer) {
        this.scope = scope;
        this.parameters = parameters;
        this.noAggregatesIn = noAggregatesIn;
        this.insideAggregate = insideAggregate;
        this.subqueries = subqueries;
        this.outer = outer;
    }

    Scope scope() {
        return scope;
    }

    BoundExpr bind(Expr e) {
        if (e instanceof Expr.Literal lit) {
            return literal(lit);
        } else if (e instanceof Expr.Param p) {
            return new ParamRef(p.index() - 1, parameters.get(p.index() - 1));
        } else if (e instanceof Expr.ColumnRef c) {
            return column(c);
        } else if (e instanceof Expr.Unary u) {
            return unary(u);
        } else if (e instanceof Expr.Binary b) {
            return binary(b);
        } else if (e instanceof Expr.FunctionCall f) {
            return FunctionBinder.bind(this, f);
        } else if (e instanceof Expr.Cast c) {
            io.heliosdb.sql.ast.TypeName type = CompositeTypes.resolve(c.type());
            return cast(bind(c.operand()), type.type(), type.typmod());
        } else if (e instanceof Expr.IsNull i) {
            if (RowValues.isRow(i.operand())) {
                return RowValues.isNull(this, (Expr.FunctionCall) i.operand(), i.negated());
            }
            BoundExpr operand = bind(i.operand());
            return CompositeTypes.isComposite(operand) ? CompositeTypes.isNull(operand, i.negated())
                    : new IsNull(operand, i.negated());
        } else if (e instanceof Expr.InList in) {
            return inList(in);
        } else if (e instanceof Expr.Between b) {
            BoundExpr operand = bind(b.operand());
            BoundExpr range = new Logical(true, compare(CompareOp.GE, operand, bind(b.low()), 0),
                    compare(CompareOp.LE, operand, bind(b.high()), 0));
            return b.negated() ? new Not(range) : range;
        } else if (e instanceof Expr.Like l) {
            return like(l);
        } else if (e instanceof Expr.Case c) {
            return caseWhen(c);
        } else if (e instanceof Expr.Subquery q) {
            return subquery(q);
        } else if (e instanceof Expr.Quantified q) {
            return quantified(q);
        } else if (e instanceof Expr.DistinctFrom d) {
            return distinctFrom(d);
        } else if (e instanceof Expr.RegexMatch r) {
            BoundExpr match = textMatch(r.caseInsensitive() ? "~*" : "~", bind(r.operand()), bind(r.pattern()));
            return r.negated() ? new Not(match) : match;
        } else if (e instanceof Expr.Similar m) {
            BoundExpr match = textMatch("similar", bind(m.operand()), bind(m.pattern()));
            return m.negated() ? new Not(match) : match;
        }
        throw new HeliosException(SqlState.SYNTAX_ERROR, "DEFAULT is not allowed in this context");
    }

    /** A column of this query's scope, else of the nearest enclosing query's scope that has it. */
    private BoundExpr column(Expr.ColumnRef c) {
        try {
            return scope.resolve(c.table(), c.column(), c.position() + 1);
        } catch (HeliosException notHere) {
            boolean missing = notHere.sqlState() == SqlState.UNDEFINED_COLUMN
                    || notHere.sqlState() == SqlState.UNDEFINED_TABLE;
            if (!missing) {
                throw notHere;
            }
            for (int depth = 1; depth <= outer.size(); depth++) {
                Scope enclosing = outer.get(depth - 1);
                boolean visible = c.table() == null ? enclosing.hasColumn(c.column()) : enclosing.hasEntry(c.table());
                if (visible) {
                    ColumnSlot slot = enclosing.resolve(c.table(), c.column(), c.position() + 1);
                    return new OuterRef(depth, slot.index(), slot.type(), slot.typmod(), slot.name());
                }
            }
            throw notHere;
        }
    }

    private BoundExpr subquery(Expr.Subquery q) {
        if (subqueries == null) {
            throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "cannot use subquery here");
        }
        LogicalPlan plan = subqueryPlan(q.query());
        boolean correlated = Correlation.isCorrelated(plan);
        List<Column> columns = plan.columns();
        if (q.kind() == Expr.SubqueryKind.EXISTS) {
            return new Subquery(BoundExpr.SubqueryKind.EXISTS, plan, null, null, false, correlated, SqlType.BOOLEAN);
        }
        if (q.kind() == Expr.SubqueryKind.IN && RowValues.isRow(q.operand())) {
            return RowSubqueries.quantified(this, CompareOp.EQ, false, (Expr.FunctionCall) q.operand(), plan,
                    q.negated(), 0);
        }
        if (columns.size() != 1) {
            throw new HeliosException(SqlState.SYNTAX_ERROR, q.kind() == Expr.SubqueryKind.IN && columns.size() > 1
                    ? "subquery has too many columns" : "subquery must return only one column");
        }
        Column column = columns.get(0);
        if (q.kind() == Expr.SubqueryKind.SCALAR) {
            Subquery scalar = new Subquery(BoundExpr.SubqueryKind.SCALAR, plan, null, null, false, correlated, column.type());
            // a composite value keeps its type (the typmod), so (SELECT p ...).f can read its fields
            return CompositeTypes.isComposite(column.type(), column.typmod())
                    ? new Cast(scalar, SqlType.RECORD, column.typmod(), true) : scalar;
        }
        return compared(q.operand(), CompareOp.EQ, BoundExpr.SubqueryKind.IN, plan, q.negated(), correlated);
    }

    /** operand op ANY (...) is evaluated as IN with that comparison; ALL needs every row to compare true. */
    private BoundExpr quantified(Expr.Quantified q) {
        LogicalPlan plan = subqueryPlan(q.query());
        if (RowValues.isRow(q.operand())) {
            return RowSubqueries.quantified(this, compareOp(q.op()), q.all(), (Expr.FunctionCall) q.operand(), plan,
                    false, 0);
        }
        if (plan.columns().size() != 1) {
            throw new HeliosException(SqlState.SYNTAX_ERROR, plan.columns().size() > 1 ? "subquery has too many columns"
                    : "subquery must return only one column");
        }
        CompareOp op = switch (q.op()) {
            case EQ -> CompareOp.EQ;
            case NE -> CompareOp.NE;
            case LT -> CompareOp.LT;
            case LE -> CompareOp.LE;
            case GT -> CompareOp.GT;
            default -> CompareOp.GE;
        };
        return compared(q.operand(), op, q.all() ? BoundExpr.SubqueryKind.ALL : BoundExpr.SubqueryKind.IN, plan, false,
                Correlation.isCorrelated(plan));
    }

    private BoundExpr compared(Expr operandExpr, CompareOp op, BoundExpr.SubqueryKind kind, LogicalPlan plan,
                               boolean negated, boolean correlated) {
        Column column = plan.columns().get(0);
        BoundExpr operand = bind(operandExpr);
        if (operand.type() == SqlType.UNKNOWN) {
            operand = coerce(operand, column.type());
        }
        BoundExpr test = compare(op, new ColumnSlot(0, operand.type(), operand.typmod(), "operand"),
                new ColumnSlot(1, column.type(), column.typmod(), column.name()), 0);
        return new Subquery(kind, plan, operand, test, negated, correlated, SqlType.BOOLEAN);
    }

    /** The plan of a sub-SELECT that feeds several columns at once (UPDATE SET (a, b) = (SELECT ...)). */
    LogicalPlan rowSubqueryPlan(io.heliosdb.sql.ast.Query query) {
        return subqueryPlan(query);
    }

    private LogicalPlan subqueryPlan(io.heliosdb.sql.ast.Query query) {
        if (subqueries == null) {
            throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "cannot use subquery here");
        }
        List<Scope> enclosing = new ArrayList<>();
        enclosing.add(scope);
        enclosing.addAll(outer);
        return subqueries.subquery(query, enclosing);
    }

    /** A text-against-pattern match run by {@code exec.Builtins} under {@code name}. */
    private BoundExpr textMatch(String name, BoundExpr operand, BoundExpr pattern) {
        boolean ok = (TypeRules.isString(operand.type()) || operand.type() == SqlType.UNKNOWN)
                && (TypeRules.isString(pattern.type()) || pattern.type() == SqlType.UNKNOWN);
        if (!ok) {
            throw noOperator(name.equals("similar") ? "~" : name, operand, pattern, 0);
        }
        return new BuiltinCall(name, List.of(coerce(operand, SqlType.TEXT), coerce(pattern, SqlType.TEXT)), SqlType.BOOLEAN);
    }

    /** {@code a IS DISTINCT FROM b}: NULL and NULL are not distinct, NULL and a value are. */
    private BoundExpr distinctFrom(Expr.DistinctFrom d) {
        BoundExpr l = bind(d.left());
        BoundExpr r = bind(d.right());
        Comparison ne = (Comparison) compare(CompareOp.NE, l, r, 0);
        BoundExpr leftNull = new IsNull(ne.left(), false);
        BoundExpr rightNull = new IsNull(ne.right(), false);
        BoundExpr distinct = new CaseWhen(List.of(leftNull, rightNull), List.of(new IsNull(ne.right(), true),
                new Const(true, SqlType.BOOLEAN)), ne, SqlType.BOOLEAN);
        return d.negated() ? new Not(distinct) : distinct;
    }

    /** Binds a condition of {@code clause} (WHERE, HAVING, ...) that must be boolean. */
    BoundExpr bindCondition(Expr e, String clause) {
        return requireBoolean(bind(e), clause);
    }

    /** Refuses window functions where PostgreSQL does (WHERE, GROUP BY, JOIN conditions, aggregate arguments). */
    void requireWindowsAllowed() {
        if (noAggregatesIn != null) {
            throw new HeliosException(SqlState.WINDOWING_ERROR, "window functions are not allowed in " + noAggregatesIn);
        }
        if (insideAggregate) {
            throw new HeliosException(SqlState.GROUPING_ERROR, "aggregate function calls cannot contain window function calls");
        }
    }

    /** A binder for an aggregate's argument: columns are visible, aggregates are not. */
    ExpressionBinder forAggregateArgument() {
        if (noAggregatesIn != null) {
            throw new HeliosException(SqlState.GROUPING_ERROR, "aggregate functions are not allowed in " + noAggregatesIn);
        }
        if (insideAggregate) {
            throw new HeliosException(SqlState.GROUPING_ERROR, "aggregate function calls cannot be nested");
        }
        return new ExpressionBinder(scope, parameters, null, true, subqueries, outer);
    }

    // ------------------------------------------------------------------ literals and operators

    static BoundExpr literal(Expr.Literal lit) {
        return switch (lit.kind()) {
            case INTEGER -> integerLiteral(lit.text());
            case DECIMAL -> {
                BigDecimal d = new BigDecimal(lit.text());
                yield new Const(d.scale() < 0 ? d.setScale(0) : d, SqlType.NUMERIC);
            }
            case STRING -> new Const(lit.text(), SqlType.UNKNOWN);
            case BOOLEAN -> new Const(Boolean.valueOf(lit.text()), SqlType.BOOLEAN);
            case NULL -> new Const(null, SqlType.UNKNOWN);
        };
    }

    /** Integer literals are int4 when they fit, else int8, else numeric, as in PostgreSQL. */
    private static BoundExpr integerLiteral(String text) {
        try {
            long v = Long.parseLong(text);
            if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
                return new Const((int) v, SqlType.INTEGER);
            }
            return new Const(v, SqlType.BIGINT);
        } catch (NumberFormatException e) {
            return new Const(new BigDecimal(text), SqlType.NUMERIC);
        }
    }

    private BoundExpr unary(Expr.Unary u) {
        BoundExpr operand = bind(u.operand());
        if (u.op() == Expr.UnaryOp.NOT) {
            return new Not(requireBoolean(operand, "NOT"));
        }
        if (operand.type() == SqlType.UNKNOWN && operand instanceof ParamRef) {
            operand = coerce(operand, SqlType.INTEGER);
        }
        if (operand.type() == SqlType.INTERVAL) {
            return u.op() == Expr.UnaryOp.NEGATE ? new BuiltinCall("-interval", List.of(operand), SqlType.INTERVAL) : operand;
        }
        if (!operand.type().isNumeric()) {
            throw new HeliosException(SqlState.UNDEFINED_FUNCTION, "operator does not exist: "
                    + (u.op() == Expr.UnaryOp.NEGATE ? "-" : "+") + " " + operand.type().sqlName(), null, HINT_OPERATOR, 0, null);
        }
        return u.op() == Expr.UnaryOp.NEGATE ? new Negate(operand, operand.type()) : operand;
    }

    private BoundExpr binary(Expr.Binary b) {
        int position = b.position() + 1;
        BoundExpr rows = RowValues.isRow(b.left()) ? rowComparison(b, position) : null;
        if (rows != null) {
            return rows;
        }
        return switch (b.op()) {
            case AND, OR -> new Logical(b.op() == Expr.BinaryOp.AND, bindCondition(b.left(), b.op().symbol()),
                    bindCondition(b.right(), b.op().symbol()));
            case EQ -> compare(CompareOp.EQ, bind(b.left()), bind(b.right()), position);
            case NE -> compare(CompareOp.NE, bind(b.left()), bind(b.right()), position);
            case LT -> compare(CompareOp.LT, bind(b.left()), bind(b.right()), position);
            case LE -> compare(CompareOp.LE, bind(b.left()), bind(b.right()), position);
            case GT -> compare(CompareOp.GT, bind(b.left()), bind(b.right()), position);
            case GE -> compare(CompareOp.GE, bind(b.left()), bind(b.right()), position);
            case CONCAT -> concat(bind(b.left()), bind(b.right()), position);
            case ADD -> arithmetic(Arithmetic.Op.ADD, b, position);
            case SUBTRACT -> arithmetic(Arithmetic.Op.SUBTRACT, b, position);
            case MULTIPLY -> arithmetic(Arithmetic.Op.MULTIPLY, b, position);
            case DIVIDE -> arithmetic(Arithmetic.Op.DIVIDE, b, position);
            case MODULO -> arithmetic(Arithmetic.Op.MODULO, b, position);
        };
    }

    private BoundExpr rowComparison(Expr.Binary b, int position) {
        CompareOp op = compareOp(b.op());
        if (op != null && b.right() instanceof Expr.Subquery q && q.kind() == Expr.SubqueryKind.SCALAR) {
            return RowSubqueries.compare(this, op, (Expr.FunctionCall) b.left(), subqueryPlan(q.query()), position);
        }
        return op == null ? null : RowValues.comparison(this, op, b.left(), b.right(), position);
    }

    private static CompareOp compareOp(Expr.BinaryOp op) {
        return switch (op) {
            case EQ -> CompareOp.EQ;
            case NE -> CompareOp.NE;
            case LT -> CompareOp.LT;
            case LE -> CompareOp.LE;
            case GT -> CompareOp.GT;
            case GE -> CompareOp.GE;
            default -> null;
        };
    }

    static final String HINT_OPERATOR =
            "No operator matches the given name and argument types. You might need to add explicit type casts.";

    private static HeliosException noOperator(String symbol, BoundExpr l, BoundExpr r, int position) {
        return new HeliosException(SqlState.UNDEFINED_FUNCTION, "operator does not exist: " + l.type().sqlName() + " "
                + symbol + " " + r.type().sqlName(), null, HINT_OPERATOR, position, null);
    }

    BoundExpr compare(CompareOp op, BoundExpr l, BoundExpr r, int position) {
        BoundExpr composite = CompositeTypes.compare(this, op, l, r, position);
        if (composite != null) {
            return composite;
        }
        if (l.type() == SqlType.UNKNOWN && r.type() == SqlType.UNKNOWN) {
            return new Comparison(op, coerce(l, SqlType.TEXT), coerce(r, SqlType.TEXT));
        }
        if (l.type() == SqlType.UNKNOWN) {
            l = coerce(l, r.type());
        } else if (r.type() == SqlType.UNKNOWN) {
            r = coerce(r, l.type());
        }
        SqlType lt = l.type();
        SqlType rt = r.type();
        if (lt == SqlType.JSON || rt == SqlType.JSON) {
            // json has no comparison operators in PostgreSQL (jsonb has them).
            throw noOperator(op.symbol(), l, r, position);
        }
        if ((lt == SqlType.CHAR || rt == SqlType.CHAR) && TypeRules.isString(lt) && TypeRules.isString(rt)) {
            // Trailing blanks of char(n) do not count: compare the values as text, which drops them.
            return new Comparison(op, coerce(l, SqlType.TEXT), coerce(r, SqlType.TEXT));
        }
        if (lt == rt || TypeRules.isString(lt) && TypeRules.isString(rt)) {
            return new Comparison(op, l, r);
        }
        if (lt.isNumeric() && rt.isNumeric()) {
            // An integer constant that fits the column's narrower type is converted, not the column:
            // this keeps "smallint_pk = 5" a key comparison the planner can turn into a lookup.
            if (lt.isInteger() && rt.isInteger()) {
                if (r instanceof Const c && fits(c, lt)) {
                    return new Comparison(op, l, new Const(Casts.convert(c.value(), rt, lt, -1, false), lt));
                }
                if (l instanceof Const c && fits(c, rt)) {
                    return new Comparison(op, new Const(Casts.convert(c.value(), lt, rt, -1, false), rt), r);
                }
            }
            SqlType t = TypeRules.comparisonType(lt, rt);
            return new Comparison(op, coerce(l, t), coerce(r, t));
        }
        if (TypeRules.isDateTime(lt) && TypeRules.isDateTime(rt) || TypeRules.isTimeOfDay(lt) && TypeRules.isTimeOfDay(rt)) {
            SqlType t = TypeRules.common(lt, rt);
            return new Comparison(op, coerce(l, t), coerce(r, t));
        }
        throw noOperator(op.symbol(), l, r, position);
    }

    private static boolean fits(Const c, SqlType integerType) {
        if (c.value() == null) {
            return true;
        }
        long v = ((Number) c.value()).longValue();
        return switch (integerType) {
            case SMALLINT -> v >= Short.MIN_VALUE && v <= Short.MAX_VALUE;
            case INTEGER -> v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
            default -> true;
        };
    }


    private BoundExpr concat(BoundExpr l, BoundExpr r, int position) {
        BoundExpr structured = ArrayJsonSignatures.concat(this, l, r);
        if (structured != null) {
            return structured;
        }
        boolean lText = TypeRules.isString(l.type()) || l.type() == SqlType.UNKNOWN;
        boolean rText = TypeRules.isString(r.type()) || r.type() == SqlType.UNKNOWN;
        if (!lText && !rText) {
            throw noOperator("||", l, r, position);
        }
        if (l.type() == SqlType.UNKNOWN && (rText || l instanceof ParamRef)) {
            l = coerce(l, SqlType.TEXT);
        }
        if (r.type() == SqlType.UNKNOWN && (lText || r instanceof ParamRef)) {
            r = coerce(r, SqlType.TEXT);
        }
        return new Concat(l, r);
    }

    private BoundExpr arithmetic(Arithmetic.Op op, Expr.Binary b, int position) {
        BoundExpr l = bind(b.left());
        BoundExpr r = bind(b.right());
        String symbol = b.op().symbol();
        BoundExpr jsonMinus = op == Arithmetic.Op.SUBTRACT ? ArrayJsonSignatures.minus(this, l, r) : null;
        if (jsonMinus != null) {
            return jsonMinus;
        }
        if (l.type() == SqlType.UNKNOWN && r.type() == SqlType.UNKNOWN) {
            if (l instanceof ParamRef || r instanceof ParamRef) {
                l = coerce(l, SqlType.INTEGER);
                r = coerce(r, SqlType.INTEGER);
            } else {
                throw new HeliosException(SqlState.UNDEFINED_FUNCTION, "operator is not unique: unknown " + symbol
                        + " unknown", null, "Could not choose a best candidate operator. You might need to add explicit type casts.",
                        position, null);
            }
        }
        BoundExpr temporal = TemporalOperators.bind(this, op, l, r);
        if (temporal != null) {
            return temporal;
        }
        if (l.type() == SqlType.UNKNOWN) {
            l = coerce(l, r.type() == SqlType.DATE ? (op == Arithmetic.Op.SUBTRACT ? SqlType.DATE : SqlType.INTEGER) : r.type());
        } else if (r.type() == SqlType.UNKNOWN) {
            r = coerce(r, l.type() == SqlType.DATE ? SqlType.INTEGER : l.type());
        }
        SqlType lt = l.type();
        SqlType rt = r.type();
        if (lt.isNumeric() && rt.isNumeric()) {
            SqlType t = TypeRules.arithmeticResult(lt, rt);
            if (op == Arithmetic.Op.MODULO && TypeRules.isFloat(t)) {
                throw noOperator(symbol, l, r, position);
            }
            return new ArithmeticOp(op, coerce(l, t), coerce(r, t), t);
        }
        boolean smallInt = rt == SqlType.INTEGER || rt == SqlType.SMALLINT;
        if (lt == SqlType.DATE && smallInt && (op == Arithmetic.Op.ADD || op == Arithmetic.Op.SUBTRACT)) {
            return new DateArithmetic(op == Arithmetic.Op.ADD, l, coerce(r, SqlType.INTEGER), SqlType.DATE);
        }
        if (rt == SqlType.DATE && (lt == SqlType.INTEGER || lt == SqlType.SMALLINT) && op == Arithmetic.Op.ADD) {
            return new DateArithmetic(true, r, coerce(l, SqlType.INTEGER), SqlType.DATE);
        }
        if (lt == SqlType.DATE && rt == SqlType.DATE && op == Arithmetic.Op.SUBTRACT) {
            return new DateArithmetic(false, l, r, SqlType.INTEGER);
        }
        throw noOperator(symbol, l, r, position);
    }

    private BoundExpr inList(Expr.InList in) {
        List<BoundExpr> tests = new ArrayList<>();
        if (RowValues.isRow(in.operand())) {
            // (a, b) IN ((1, 2), (3, 4)): a row comparison per item
            for (Expr v : in.values()) {
                BoundExpr test = RowValues.comparison(this, CompareOp.EQ, in.operand(), v, 0);
                if (test == null) {
                    throw new HeliosException(SqlState.UNDEFINED_FUNCTION, "operator does not exist: record = "
                            + bind(v).type().sqlName(), null, HINT_OPERATOR, 0, null);
                }
                tests.add(test);
            }
            BoundExpr any = balancedOr(tests, 0, tests.size());
            return in.negated() ? new Not(any) : any;
        }
        BoundExpr operand = bind(in.operand());
        for (Expr v : in.values()) {
            tests.add(compare(CompareOp.EQ, operand, bind(v), 0));
        }
        BoundExpr any = balancedOr(tests, 0, tests.size());
        return in.negated() ? new Not(any) : any;
    }

    /** OR of many tests as a balanced tree, so long IN lists do not nest deeply. */
    private static BoundExpr balancedOr(List<BoundExpr> tests, int from, int to) {
        if (to - from == 1) {
            return tests.get(from);
        }
        int mid = (from + to) >>> 1;
        return new Logical(false, balancedOr(tests, from, mid), balancedOr(tests, mid, to));
    }

    private BoundExpr like(Expr.Like l) {
        BoundExpr operand = bind(l.operand());
        BoundExpr pattern = bind(l.pattern());
        String symbol = l.caseInsensitive() ? (l.negated() ? "!~~*" : "~~*") : (l.negated() ? "!~~" : "~~");
        boolean ok = (TypeRules.isString(operand.type()) || operand.type() == SqlType.UNKNOWN)
                && (TypeRules.isString(pattern.type()) || pattern.type() == SqlType.UNKNOWN);
        if (!ok) {
            throw noOperator(symbol, operand, pattern, 0);
        }
        return new Like(coerce(operand, SqlType.TEXT), coerce(pattern, SqlType.TEXT), l.negated(), l.caseInsensitive());
    }

    private BoundExpr caseWhen(Expr.Case c) {
        BoundExpr operand = c.operand() == null ? null : bind(c.operand());
        List<BoundExpr> conditions = new ArrayList<>();
        List<BoundExpr> results = new ArrayList<>();
        for (Expr.When w : c.whens()) {
            conditions.add(operand == null ? bindCondition(w.condition(), "CASE/WHEN")
                    : compare(CompareOp.EQ, operand, bind(w.condition()), 0));
            results.add(bind(w.result()));
        }
        BoundExpr elseResult = c.elseResult() == null ? null : bind(c.elseResult());
        List<BoundExpr> all = new ArrayList<>(results);
        if (elseResult != null) {
            all.add(elseResult);
        }
        SqlType type = commonType(all, "CASE");
        results = results.stream().map(r -> coerce(r, type)).toList();
        elseResult = elseResult == null ? new Const(null, type) : coerce(elseResult, type);
        return new CaseWhen(conditions, results, elseResult, type);
    }

    /** PostgreSQL's type resolution for UNION/CASE-like constructs; 42804 when the types cannot be matched. */
    static SqlType commonType(List<BoundExpr> exprs, String construct) {
        SqlType common = SqlType.UNKNOWN;
        for (BoundExpr e : exprs) {
            SqlType next = TypeRules.common(common, e.type());
            if (next == null) {
                throw new HeliosException(SqlState.DATATYPE_MISMATCH, construct + " types " + common.sqlName() + " and "
                        + e.type().sqlName() + " cannot be matched");
            }
            common = next;
        }
        return common == SqlType.UNKNOWN ? SqlType.TEXT : common;
    }

    // ------------------------------------------------------------------ coercion

    /** Converts an expression implicitly (untyped literals, parameters and widening only). */
    BoundExpr coerce(BoundExpr e, SqlType target) {
        if (e.type() == target) {
            return e;
        }
        if (e instanceof Const c && c.type() == SqlType.UNKNOWN && (target == SqlType.TIMESTAMPTZ || target == SqlType.TIMETZ)
                && c.value() != null) {
            // Read in the session's time zone when the statement runs.
            return new Cast(c, target, -1, false);
        }
        if (e instanceof Const c && c.type() == SqlType.UNKNOWN) {
            return new Const(Casts.convert(c.value(), SqlType.UNKNOWN, target, -1, false), target);
        }
        if (e instanceof ParamRef p && p.type() == SqlType.UNKNOWN) {
            parameters.infer(p.index(), target);
            SqlType inferred = parameters.get(p.index());
            return inferred == target ? new ParamRef(p.index(), target) : coerce(new ParamRef(p.index(), inferred), target);
        }
        if (TypeRules.implicitCast(e.type(), target)) {
            return new Cast(e, target, -1, false);
        }
        throw new HeliosException(SqlState.DATATYPE_MISMATCH, "cannot convert " + e.type().sqlName() + " to "
                + target.sqlName());
    }

    /** CAST(e AS type) / e::type. */
    BoundExpr cast(BoundExpr e, SqlType target, int typmod) {
        if (CompositeTypes.isComposite(target, typmod)) {
            return CompositeTypes.cast(this, e, typmod, true, null);
        }
        BoundExpr named = ObjectIdOutput.castToText(e, target);
        if (named != null) {
            return named;
        }
        if (e instanceof Const c && c.type() == SqlType.UNKNOWN && (target == SqlType.TIMESTAMPTZ || target == SqlType.TIMETZ)
                && c.value() != null) {
            return new Cast(c, target, typmod, true);
        }
        if (e instanceof Const c && c.type() == SqlType.UNKNOWN) {
            // an interval qualifier also says how the text is read ('1' is a day for interval day)
            Const parsed = new Const(Casts.convert(c.value(), SqlType.UNKNOWN, target,
                    target == SqlType.INTERVAL ? typmod : -1, true), target);
            return typmod < 0 ? parsed : new Cast(parsed, target, typmod, true);
        }
        if (e instanceof ParamRef p && p.type() == SqlType.UNKNOWN) {
            e = coerce(p, target);
        }
        if (e.type() == target && (typmod < 0 || typmod == e.typmod())) {
            return e;
        }
        if (!TypeRules.explicitCast(e.type(), target)) {
            throw new HeliosException(SqlState.CANNOT_COERCE, "cannot cast type " + e.type().sqlName() + " to "
                    + target.sqlName());
        }
        return new Cast(e, target, typmod, true);
    }

    /** The value for a column of {@code type}/{@code typmod} (INSERT, UPDATE SET, DEFAULT). */
    BoundExpr assign(BoundExpr e, SqlType type, int typmod, String column, String what) {
        if (CompositeTypes.isComposite(type, typmod)) {
            return CompositeTypes.cast(this, e, typmod, false, column);
        }
        if (e.type() == SqlType.UNKNOWN && e instanceof ParamRef p) {
            e = coerce(p, type);
        }
        if (e.type() == SqlType.UNKNOWN && e instanceof Const c && type != SqlType.TIMESTAMPTZ && type != SqlType.TIMETZ) {
            e = new Const(Casts.convert(c.value(), SqlType.UNKNOWN, type, type == SqlType.INTERVAL ? typmod : -1, false),
                    type);
        }
        if (!TypeRules.assignmentCast(e.type(), type)) {
            throw new HeliosException(SqlState.DATATYPE_MISMATCH, "column \"" + column + "\" is of type "
                    + type.sqlName() + " but " + what + " is of type " + e.type().sqlName(), null,
                    "You will need to rewrite or cast the expression.", 0, null);
        }
        if (e.type() == type && (typmod < 0 || e.typmod() == typmod)) {
            return e;
        }
        return new Cast(e, type, typmod, false);
    }

    BoundExpr requireBoolean(BoundExpr e, String clause) {
        if (e.type() == SqlType.UNKNOWN) {
            return coerce(e, SqlType.BOOLEAN);
        }
        if (e.type() != SqlType.BOOLEAN) {
            throw new HeliosException(SqlState.DATATYPE_MISMATCH, "argument of " + clause + " must be type boolean, not type "
                    + e.type().sqlName());
        }
        return e;
    }
}
