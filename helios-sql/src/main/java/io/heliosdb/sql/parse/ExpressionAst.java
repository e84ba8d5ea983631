package io.heliosdb.sql.parse;

import static io.heliosdb.sql.parse.AstBuilder.identifier;
import static io.heliosdb.sql.parse.AstBuilder.unquote;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.ast.Expr;
import io.heliosdb.sql.ast.TypeName;
import io.heliosdb.sql.ast.WindowSpec;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.*;
import io.heliosdb.sql.parse.antlr.PostgreSqlLexer;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;

/** Builds expressions ({@link io.heliosdb.sql.ast.Expr}): predicates, operators, literals, calls, subqueries. */
final class ExpressionAst {
    private final AstBuilder ast;

    ExpressionAst(AstBuilder ast) {
        this.ast = ast;
    }

    Expr expr(ExprContext ctx) {
        if (ctx instanceof NotExprContext n) {
            return new Expr.Unary(Expr.UnaryOp.NOT, expr(n.expr()));
        } else if (ctx instanceof AndExprContext a) {
            return new Expr.Binary(Expr.BinaryOp.AND, expr(a.expr(0)), expr(a.expr(1)), a.AND().getSymbol().getStartIndex());
        } else if (ctx instanceof OrExprContext o) {
            return new Expr.Binary(Expr.BinaryOp.OR, expr(o.expr(0)), expr(o.expr(1)), o.OR().getSymbol().getStartIndex());
        }
        return predicate(((PredicateExprContext) ctx).predicate());
    }

    private Expr predicate(PredicateContext ctx) {
        Expr operand = value(ctx.valueExpr());
        PredicateSuffixContext suffix = ctx.predicateSuffix();
        if (suffix == null) {
            return operand;
        } else if (suffix instanceof IsNullPredicateContext p) {
            return new Expr.IsNull(operand, p.NOT() != null);
        } else if (suffix instanceof IsTruthPredicateContext p) {
            // x IS [NOT] TRUE/FALSE never yields NULL: it is x IS [NOT] DISTINCT FROM the constant.
            if (p.truth.getType() == PostgreSqlParser.UNKNOWN) {
                return new Expr.IsNull(new Expr.Cast(operand, new TypeName(io.heliosdb.api.SqlType.BOOLEAN, -1)),
                        p.NOT() != null);
            }
            Expr constant = new Expr.Literal(Expr.LiteralKind.BOOLEAN,
                    p.truth.getType() == PostgreSqlParser.TRUE ? "true" : "false");
            return new Expr.DistinctFrom(operand, constant, p.NOT() == null);
        } else if (suffix instanceof BetweenPredicateContext p) {
            Expr low = value(p.valueExpr(0));
            Expr high = value(p.valueExpr(1));
            if (p.range != null && p.range.getType() == PostgreSqlParser.SYMMETRIC) {
                // As PostgreSQL rewrites it: either order of the bounds will do.
                Expr either = new Expr.Binary(Expr.BinaryOp.OR, new Expr.Between(operand, low, high, false),
                        new Expr.Between(operand, high, low, false), p.start.getStartIndex());
                return p.NOT() != null ? new Expr.Unary(Expr.UnaryOp.NOT, either) : either;
            }
            return new Expr.Between(operand, low, high, p.NOT() != null);
        } else if (suffix instanceof InSubqueryPredicateContext p) {
            return new Expr.Subquery(Expr.SubqueryKind.IN, LockingSyntax.locked(ast.select(p.selectStmt()), p.lockingTail(), ast),
                    operand, p.NOT() != null);
        } else if (suffix instanceof InPredicateContext p) {
            return new Expr.InList(operand, p.expr().stream().map(this::expr).toList(), p.NOT() != null);
        } else if (suffix instanceof LikePredicateContext p) {
            Expr pattern = value(p.valueExpr(0));
            if (p.escape != null) {
                // PostgreSQL's own rewrite: the pattern goes through like_escape into the backslash form.
                pattern = new Expr.FunctionCall("like_escape", List.of(pattern, value(p.escape)), false, false,
                        p.ESCAPE().getSymbol().getStartIndex());
            }
            return new Expr.Like(operand, pattern, p.NOT() != null, p.ILIKE() != null);
        }
        if (suffix instanceof SimilarPredicateContext p) {
            return new Expr.Similar(operand, value(p.valueExpr()), p.NOT() != null);
        }
        if (suffix instanceof RegexPredicateContext p) {
            int t = p.op.getType();
            return new Expr.RegexMatch(operand, value(p.valueExpr()),
                    t == PostgreSqlParser.NOT_TILDE || t == PostgreSqlParser.NOT_TILDE_STAR,
                    t == PostgreSqlParser.TILDE_STAR || t == PostgreSqlParser.NOT_TILDE_STAR);
        }
        if (suffix instanceof OperatorPredicateContext p) {
            return CatalogSyntax.operator(operand, value(p.valueExpr()), p.op, p.schemaPrefix());
        }
        if (suffix instanceof DistinctPredicateContext p) {
            return new Expr.DistinctFrom(operand, value(p.valueExpr()), p.NOT() != null);
        }
        if (suffix instanceof PostgreSqlParser.QuantifiedArrayPredicateContext p) {
            return ArrayJsonSyntax.quantified(compareOp(p.op), p.quantifier.getType() == PostgreSqlParser.ALL, operand,
                    expr(p.expr()), p.op.getStartIndex());
        }
        if (suffix instanceof QuantifiedPredicateContext p) {
            return new Expr.Quantified(operand, compareOp(p.op), p.quantifier.getType() == PostgreSqlParser.ALL,
                    LockingSyntax.locked(ast.select(p.selectStmt()), p.lockingTail(), ast));
        }
        ComparePredicateContext p = (ComparePredicateContext) suffix;
        return new Expr.Binary(compareOp(p.op), operand, value(p.valueExpr()), p.op.getStartIndex());
    }

    private static Expr.BinaryOp compareOp(Token op) {
        return switch (op.getType()) {
            case PostgreSqlParser.EQ -> Expr.BinaryOp.EQ;
            case PostgreSqlParser.NEQ -> Expr.BinaryOp.NE;
            case PostgreSqlParser.LT -> Expr.BinaryOp.LT;
            case PostgreSqlParser.LTE -> Expr.BinaryOp.LE;
            case PostgreSqlParser.GT -> Expr.BinaryOp.GT;
            default -> Expr.BinaryOp.GE;
        };
    }

    private Expr arrayBody(ArrayBodyContext body) {
        return new Expr.FunctionCall("array[]", body.arrayItem().stream()
                .map(i -> i.expr() != null ? expr(i.expr()) : arrayBody(i.arrayBody())).toList(), false, false,
                body.getStart().getStartIndex());
    }

    Expr value(ValueExprContext ctx) {
        if (ctx instanceof PrimaryValueContext p) {
            return primary(p.primary());
        } else if (ctx instanceof CastValueContext c) {
            Expr lookup = CatalogSyntax.objectLookup(c.typeName(), value(c.valueExpr()));
            return lookup != null ? lookup : new Expr.Cast(value(c.valueExpr()), TypeNames.resolve(c.typeName(), ast));
        } else if (ctx instanceof AtTimeZoneValueContext z) {
            // PostgreSQL's grammar turns AT TIME ZONE into timezone(zone, value).
            return new Expr.FunctionCall("timezone", List.of(value(z.valueExpr(1)), value(z.valueExpr(0))), false, false,
                    z.AT().getSymbol().getStartIndex());
        } else if (ctx instanceof CollateValueContext c) {
            CatalogSyntax.checkCollation(c.collationName());
            return value(c.valueExpr());
        } else if (ctx instanceof UnaryValueContext u) {
            Expr operand = value(u.valueExpr());
            if (u.op.getType() == PostgreSqlParser.PLUS) {
                return new Expr.Unary(Expr.UnaryOp.PLUS, operand);
            }
            // PostgreSQL folds "-" into a numeric literal, so -2147483648 is an integer, not a bigint.
            if (operand instanceof Expr.Literal lit
                    && (lit.kind() == Expr.LiteralKind.INTEGER || lit.kind() == Expr.LiteralKind.DECIMAL)
                    && !lit.text().startsWith("-")) {
                return new Expr.Literal(lit.kind(), "-" + lit.text());
            }
            return new Expr.Unary(Expr.UnaryOp.NEGATE, operand);
        } else if (ctx instanceof PowerValueContext pw) {
            return new Expr.FunctionCall("^", List.of(value(pw.valueExpr(0)), value(pw.valueExpr(1))), false, false,
                    pw.CARET().getSymbol().getStartIndex());
        } else if (ctx instanceof MulValueContext m) {
            Expr.BinaryOp op = switch (m.op.getType()) {
                case PostgreSqlParser.STAR -> Expr.BinaryOp.MULTIPLY;
                case PostgreSqlParser.SLASH -> Expr.BinaryOp.DIVIDE;
                default -> Expr.BinaryOp.MODULO;
            };
            return new Expr.Binary(op, value(m.valueExpr(0)), value(m.valueExpr(1)), m.op.getStartIndex());
        } else if (ctx instanceof AddValueContext a) {
            Expr.BinaryOp op = a.op.getType() == PostgreSqlParser.PLUS ? Expr.BinaryOp.ADD : Expr.BinaryOp.SUBTRACT;
            return new Expr.Binary(op, value(a.valueExpr(0)), value(a.valueExpr(1)), a.op.getStartIndex());
        }
        if (ctx instanceof PostgreSqlParser.SliceValueContext sv) {
            Subscriptable.check(sv.valueExpr(), sv.LBRACKET().getSymbol());
            return ArrayJsonSyntax.slice(value(sv.valueExpr()), sv.lower == null ? null : expr(sv.lower),
                    sv.upper == null ? null : expr(sv.upper), sv.LBRACKET().getSymbol().getStartIndex());
        }
        if (ctx instanceof PostgreSqlParser.SubscriptValueContext sv) {
            Subscriptable.check(sv.valueExpr(), sv.LBRACKET().getSymbol());
            return ArrayJsonSyntax.subscript(value(sv.valueExpr()), expr(sv.expr()), sv.LBRACKET().getSymbol().getStartIndex());
        }
        PostgreSqlParser.JsonArrayOpValueContext o = (PostgreSqlParser.JsonArrayOpValueContext) ctx;
        if (o.op.getType() == PostgreSqlParser.CONCAT) {
            return new Expr.Binary(Expr.BinaryOp.CONCAT, value(o.valueExpr(0)), value(o.valueExpr(1)), o.op.getStartIndex());
        }
        return ArrayJsonSyntax.operator(o.op.getText(), value(o.valueExpr(0)), value(o.valueExpr(1)), o.op.getStartIndex());
    }

    private Expr primary(PrimaryContext ctx) {
        if (ctx instanceof PostgreSqlParser.FieldSelectContext f) {
            return io.heliosdb.sql.analyze.ExpandArrayCalls.fieldSelect(expr(f.expr()), identifier(f.identifier()),
                    f.DOT().getSymbol().getStartIndex());
        }
        if (ctx instanceof PostgreSqlParser.WholeRowFieldContext w) {
            // (t.*).col is (t).col: the row of FROM item t, its field col
            return io.heliosdb.sql.analyze.ExpandArrayCalls.fieldSelect(new Expr.ColumnRef(null,
                    identifier(w.identifier(0)), w.identifier(0).getStart().getStartIndex()), identifier(w.identifier(1)),
                    w.DOT(1).getSymbol().getStartIndex());
        }
        if (ctx instanceof PostgreSqlParser.RowValueContext r) {
            // (a, b) is ROW(a, b)
            return new Expr.FunctionCall("row", r.expr().stream().map(this::expr).toList(), false, false,
                    r.getStart().getStartIndex());
        }
        if (ctx instanceof IntegerLiteralContext i) {
            return new Expr.Literal(Expr.LiteralKind.INTEGER, i.getText());
        } else if (ctx instanceof DecimalLiteralContext d) {
            return new Expr.Literal(Expr.LiteralKind.DECIMAL, d.getText());
        } else if (ctx instanceof StringLiteralContext s) {
            return new Expr.Literal(Expr.LiteralKind.STRING, unquote(s.getText()));
        } else if (ctx instanceof EscapeStringLiteralContext e) {
            return new Expr.Literal(Expr.LiteralKind.STRING, EscapeStrings.decode(e.getText(), e.getStart().getStartIndex()));
        } else if (ctx instanceof BooleanLiteralContext b) {
            return new Expr.Literal(Expr.LiteralKind.BOOLEAN, b.TRUE() != null ? "true" : "false");
        } else if (ctx instanceof NullLiteralContext) {
            return new Expr.Literal(Expr.LiteralKind.NULL, null);
        } else if (ctx instanceof ParamRefContext p) {
            String digits = p.getText().substring(1);
            int index;
            try {
                index = Integer.parseInt(digits);
            } catch (NumberFormatException e) {
                index = Integer.MAX_VALUE;
            }
            if (index < 1 || index > 65535) {
                throw new HeliosException(SqlState.UNDEFINED_PARAMETER, "there is no parameter $" + digits, null, null,
                        p.getStart().getStartIndex() + 1, null);
            }
            return new Expr.Param(index, p.getStart().getStartIndex());
        } else if (ctx instanceof ScalarSubqueryContext q) {
            Expr subquery = new Expr.Subquery(Expr.SubqueryKind.SCALAR, LockingSyntax.locked(ast.select(q.selectStmt()),
                    q.lockingTail(), ast), null, false);
            // (SELECT p ...).f: a field of the subquery's composite value
            return q.field == null ? subquery : io.heliosdb.sql.analyze.ExpandArrayCalls.fieldSelect(subquery,
                    identifier(q.field), q.DOT().getSymbol().getStartIndex());
        } else if (ctx instanceof PostgreSqlParser.ArrayConstructorContext a) {
            return arrayBody(a.arrayBody());
        } else if (ctx instanceof PostgreSqlParser.ArraySubqueryContext a) {
            return ArrayJsonSyntax.subquery(LockingSyntax.locked(ast.select(a.selectStmt()), a.lockingTail(), ast),
                    a.getStart().getStartIndex());
        } else if (ctx instanceof ExistsSubqueryContext q) {
            return new Expr.Subquery(Expr.SubqueryKind.EXISTS, LockingSyntax.locked(ast.select(q.selectStmt()), q.lockingTail(),
                    ast), null, false);
        } else if (ctx instanceof CastExprContext c) {
            Expr lookup = CatalogSyntax.objectLookup(c.typeName(), expr(c.expr()));
            return lookup != null ? lookup : new Expr.Cast(expr(c.expr()), TypeNames.resolve(c.typeName(), ast));
        } else if (ctx instanceof CurrentUserContext c) {
            return new Expr.FunctionCall(c.SESSION_USER() != null ? "session_user"
                    : c.CURRENT_CATALOG() != null ? "current_catalog" : "current_user", List.of(), false,
                    false, c.getStart().getStartIndex());
        } else if (ctx instanceof CaseExprContext c) {
            List<Expr.When> whens = new ArrayList<>();
            for (WhenClauseContext w : c.whenClause()) {
                whens.add(new Expr.When(expr(w.expr(0)), expr(w.expr(1))));
            }
            return new Expr.Case(c.operand == null ? null : expr(c.operand), whens,
                    c.elseExpr == null ? null : expr(c.elseExpr));
        } else if (ctx instanceof CurrentTimeContext c) {
            // SQL's niladic datetime functions behave as calls named after themselves.
            List<Expr> precision = c.precision == null ? List.of()
                    : List.of(new Expr.Literal(Expr.LiteralKind.INTEGER, c.precision.getText()));
            return new Expr.FunctionCall(c.getStart().getText().toLowerCase(java.util.Locale.ROOT), precision, false, false,
                    c.getStart().getStartIndex());
        } else if (ctx instanceof PostgreSqlParser.IntervalLiteralContext t) {
            return new Expr.Cast(new Expr.Literal(Expr.LiteralKind.STRING, unquote(t.STRING().getText())),
                    TypeNames.interval(t.typeModifiers(), t.intervalFields(), t.getStart().getStartIndex() + 1));
        } else if (ctx instanceof TypedLiteralContext t) {
            Expr lookup = CatalogSyntax.objectLookup(t.typeName(),
                    new Expr.Literal(Expr.LiteralKind.STRING, unquote(t.STRING().getText())));
            if (lookup != null) {
                return lookup;
            }
            return new Expr.Cast(new Expr.Literal(Expr.LiteralKind.STRING, unquote(t.STRING().getText())),
                    TypeNames.resolve(t.typeName(), ast));
        } else if (ctx instanceof KeywordArgsCallContext k) {
            return keywordArgsCall(k);
        } else if (ctx instanceof OverlayCallContext o) {
            List<Expr> args = new ArrayList<>(List.of(expr(o.target), expr(o.placing), expr(o.from)));
            if (o.count != null) {
                args.add(expr(o.count));
            }
            return new Expr.FunctionCall(functionName(o.functionName()), args, false, false, o.getStart().getStartIndex());
        } else if (ctx instanceof PositionCallContext pc) {
            String name = functionName(pc.functionName());
            if (!name.equals("position")) {
                throw new HeliosException(SqlState.SYNTAX_ERROR, "syntax error at or near \"IN\"", null, null,
                        pc.IN().getSymbol().getStartIndex() + 1, null);
            }
            return new Expr.FunctionCall("position", List.of(value(pc.needle), value(pc.haystack)), false, false,
                    pc.getStart().getStartIndex());
        } else if (ctx instanceof FunctionCallContext f) {
            FunctionNameContext name = f.functionName();
            if (name.schemaPrefix() == null && name.getStart().getType() == PostgreSqlLexer.INTERVAL) {
                // interval(p) is a type, which only a string may follow (PostgreSQL's grammar has no such call)
                Token next = f.getStop();
                throw new HeliosException(SqlState.SYNTAX_ERROR, "syntax error at or near \"" + next.getText() + "\"",
                        null, null, next.getStartIndex() + 1, null);
            }
            OverClauseContext over = f.overClause();
            WindowSpec window = over == null ? null
                    : over.windowSpec() != null ? ast.windowSpec(over.windowSpec()) : ast.namedWindow(over.identifier());
            return new Expr.FunctionCall(functionName(name), f.expr().stream().map(this::expr).toList(),
                    f.STAR() != null, f.DISTINCT() != null, f.getStart().getStartIndex(), ast.orderItems(f.orderByClause()),
                    f.filterClause() == null ? null : expr(f.filterClause().expr()), window);
        } else if (ctx instanceof ColumnRefContext c) {
            if (c.identifier().size() == 2) {
                return new Expr.ColumnRef(identifier(c.identifier(0)), identifier(c.identifier(1)),
                        c.getStart().getStartIndex());
            }
            return new Expr.ColumnRef(null, identifier(c.identifier(0)), c.getStart().getStartIndex());
        }
        return expr(((ParenExprContext) ctx).expr());
    }

    private String functionName(FunctionNameContext name) {
        CatalogSyntax.checkFunctionSchema(name.schemaPrefix());
        return name.identifier() != null ? identifier(name.identifier())
                : (name.LEFT() != null ? name.LEFT() : name.RIGHT()).getText().toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code substring(s FROM a [FOR n])} and {@code trim([BOTH|LEADING|TRAILING] [chars] FROM s)}. */
    private Expr keywordArgsCall(KeywordArgsCallContext k) {
        String name = functionName(k.functionName());
        int position = k.getStart().getStartIndex();
        if (name.equals("substring") && k.trimSide == null && k.first != null) {
            List<Expr> args = new ArrayList<>(List.of(expr(k.first), expr(k.from)));
            if (k.count != null) {
                args.add(expr(k.count));
            }
            return new Expr.FunctionCall("substring", args, false, false, position);
        }
        if (name.equals("extract") && k.trimSide == null && k.first != null && k.count == null) {
            String field = k.first.getText().toLowerCase(java.util.Locale.ROOT).replace("'", "").replace("\"", "");
            return new Expr.FunctionCall("extract", List.of(new Expr.Literal(Expr.LiteralKind.STRING, field), expr(k.from)),
                    false, false, position);
        }
        if (name.equals("trim") && k.count == null) {
            String function = k.trimSide == null || k.trimSide.getType() == PostgreSqlParser.BOTH ? "btrim"
                    : k.trimSide.getType() == PostgreSqlParser.LEADING ? "ltrim" : "rtrim";
            List<Expr> args = k.first == null ? List.of(expr(k.from)) : List.of(expr(k.from), expr(k.first));
            return new Expr.FunctionCall(function, args, false, false, position);
        }
        throw new HeliosException(SqlState.SYNTAX_ERROR, "syntax error at or near \"FROM\"", null, null,
                k.FROM().getSymbol().getStartIndex() + 1, null);
    }

    Expr valueItem(ValueItemContext ctx) {
        return ctx.DEFAULT() != null ? new Expr.DefaultValue() : expr(ctx.expr());
    }
}
