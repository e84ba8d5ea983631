package io.heliosdb.sql.analyze;

import io.heliosdb.sql.ast.Expr;
import io.heliosdb.sql.ast.Select;
import io.heliosdb.sql.ast.SelectItem;

/** PostgreSQL's output column names for unaliased select items (FigureColname). */
final class ColumnNames {

    private ColumnNames() {
    }

    /** A name and how strongly the expression claims it (2: column or function, 1: type or CASE, 0: none). */
    private record Named(String name, int strength) {
    }

    static String of(Expr e) {
        Named n = figure(e);
        return n.strength() > 0 ? n.name() : "?column?";
    }

    private static Named figure(Expr e) {
        if (e instanceof Expr.ColumnRef c) {
            return new Named(c.column(), 2);
        } else if (e instanceof Expr.FunctionCall f && (f.name().equals("[]") || f.name().equals("[:]"))
                && !f.args().isEmpty()) {
            // A subscript is named after what it subscripts (tags[2] is "tags"), as PostgreSQL does.
            return figure(f.args().get(0));
        } else if (e instanceof Expr.FunctionCall f && ExpandArrayCalls.isFieldSelect(f)) {
            return new Named(ExpandArrayCalls.field(f), 2); // (x).col is named col
        } else if (e instanceof Expr.FunctionCall f && f.name().equals("array[]")) {
            return new Named("array", 2);
        } else if (e instanceof Expr.FunctionCall f) {
            // Operators (^, ->, @>, ...) are parsed as calls named by their symbol; they name nothing.
            boolean operator = !Character.isLetter(f.name().charAt(0)) && f.name().charAt(0) != '_';
            return operator ? new Named("?column?", 0) : new Named(f.name(), 2);
        } else if (e instanceof Expr.Cast c) {
            Named inner = figure(c.operand());
            // x::text[] is named "text": the array bounds are not part of the type's name.
            io.heliosdb.api.SqlType t = c.type().type();
            if (c.type().unresolved()) {
                return inner.strength() > 1 ? inner
                        : new Named(io.heliosdb.sql.schema.QualifiedNames.localName(c.type().composite()), 1);
            }
            return inner.strength() > 1 ? inner : new Named((t.isArray() ? t.elementType() : t).pgName(), 1);
        } else if (e instanceof Expr.Subquery q && q.kind() == Expr.SubqueryKind.EXISTS) {
            return new Named("exists", 2);
        } else if (e instanceof Expr.Subquery q && q.kind() == Expr.SubqueryKind.SCALAR) {
            // A scalar subquery is named after its first output column.
            io.heliosdb.sql.ast.Query query = q.query() instanceof io.heliosdb.sql.ast.LockedQuery l ? l.locking().query()
                    : q.query();
            SelectItem first = query instanceof Select s && !s.items().isEmpty() ? s.items().get(0) : null;
            if (first instanceof SelectItem.ExprItem item) {
                return item.alias() != null ? new Named(item.alias(), 2) : figure(item.expr());
            }
            return new Named(null, 0);
        } else if (e instanceof Expr.Case) {
            return new Named("case", 1);
        } else if (e instanceof Expr.Literal l && l.kind() == Expr.LiteralKind.BOOLEAN) {
            // TRUE and FALSE are casts to bool in PostgreSQL's grammar.
            return new Named("bool", 1);
        }
        return new Named(null, 0);
    }
}
