package io.heliosdb.sql.analyze;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.analyze.BoundExpr.*;
import io.heliosdb.sql.ast.Expr;
import io.heliosdb.sql.ast.Select;
import io.heliosdb.sql.ast.WindowSpec;
import io.heliosdb.sql.ast.WindowSpec.BoundKind;
import java.util.ArrayList;
import java.util.List;

/** Binds {@code f(...) OVER (...)}: the window functions and aggregates run over a frame. */
final class WindowBinder {
    /** PostgreSQL's default frame: RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW. */
    private static final FrameBound UNBOUNDED_START = new FrameBound(BoundKind.UNBOUNDED_PRECEDING, null);
    private static final FrameBound CURRENT_ROW = new FrameBound(BoundKind.CURRENT_ROW, null);

    private WindowBinder() {
    }

    static boolean isWindowOnly(String name) {
        return function(name) != null;
    }

    private static WindowFunction function(String name) {
        return switch (name) {
            case "row_number" -> WindowFunction.ROW_NUMBER;
            case "rank" -> WindowFunction.RANK;
            case "dense_rank" -> WindowFunction.DENSE_RANK;
            case "percent_rank" -> WindowFunction.PERCENT_RANK;
            case "cume_dist" -> WindowFunction.CUME_DIST;
            case "ntile" -> WindowFunction.NTILE;
            case "lag" -> WindowFunction.LAG;
            case "lead" -> WindowFunction.LEAD;
            case "first_value" -> WindowFunction.FIRST_VALUE;
            case "last_value" -> WindowFunction.LAST_VALUE;
            case "nth_value" -> WindowFunction.NTH_VALUE;
            default -> null;
        };
    }

    static BoundExpr bind(ExpressionBinder binder, Expr.FunctionCall f) {
        binder.requireWindowsAllowed();
        int position = f.position() + 1;
        WindowSpec w = f.over();
        List<BoundExpr> partition = w.partitionBy().stream().map(binder::bind).toList();
        List<SortSpec> order = new ArrayList<>();
        for (Select.OrderItem o : w.orderBy()) {
            boolean nullsFirst = o.nullsFirst() != null ? o.nullsFirst() : o.descending();
            order.add(new SortSpec(binder.bind(o.expr()), o.descending(), nullsFirst));
        }
        boolean rows = w.frame() != null && w.frame().rows();
        FrameBound start = w.frame() == null ? UNBOUNDED_START : bound(binder, w.frame().start());
        FrameBound end = w.frame() == null ? CURRENT_ROW : bound(binder, w.frame().end());

        WindowFunction function = function(f.name());
        WindowCall call;
        if (function == null) {
            if (!FunctionBinder.isAggregate(f.name())) {
                throw new HeliosException(SqlState.WRONG_OBJECT_TYPE, "OVER specified, but " + f.name()
                        + " is not a window function nor an aggregate function", null, null, position, null);
            }
            if (f.distinct() || !f.orderBy().isEmpty()) {
                throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED,
                        (f.distinct() ? "DISTINCT" : "ORDER BY") + " is not implemented for window functions",
                        null, null, position, null);
            }
            AggregateCall a = FunctionBinder.aggregate(binder, binder, f);
            BoundExpr filter = f.filter() == null ? null : binder.bindCondition(f.filter(), "FILTER");
            a = new AggregateCall(a.kind(), a.argument(), false, a.type(), a.separator(), List.of(), filter);
            call = new WindowCall(WindowFunction.AGGREGATE, List.of(), a, partition, order, rows, start, end, a.type());
        } else {
            if (f.star() || f.distinct() || !f.orderBy().isEmpty() || f.filter() != null) {
                throw new HeliosException(SqlState.WRONG_OBJECT_TYPE, f.name() + " does not accept "
                        + (f.star() ? "*" : f.distinct() ? "DISTINCT" : f.filter() != null ? "FILTER" : "ORDER BY"),
                        null, null, position, null);
            }
            List<BoundExpr> args = new ArrayList<>(f.args().stream().map(binder::bind).toList());
            SqlType type = arguments(binder, function, f, args, position);
            call = new WindowCall(function, List.copyOf(args), null, partition, order, rows, start, end, type);
        }
        BoundExprs.mapChildren(call, child -> {
            if (BoundExprs.containsWindow(child)) {
                throw new HeliosException(SqlState.WINDOWING_ERROR, "window function calls cannot be nested");
            }
            return child;
        });
        return call;
    }

    /** Converts {@code args} in place to what {@code function} takes; returns its result type. */
    private static SqlType arguments(ExpressionBinder binder, WindowFunction function, Expr.FunctionCall f,
                                     List<BoundExpr> args, int position) {
        int min = switch (function) {
            case ROW_NUMBER, RANK, DENSE_RANK, PERCENT_RANK, CUME_DIST -> 0;
            case NTH_VALUE -> 2;
            default -> 1;
        };
        int max = switch (function) {
            case ROW_NUMBER, RANK, DENSE_RANK, PERCENT_RANK, CUME_DIST -> 0;
            case LAG, LEAD -> 3;
            case NTH_VALUE -> 2;
            default -> 1;
        };
        if (args.size() < min || args.size() > max) {
            throw FunctionBinder.undefined(f, args, position);
        }
        switch (function) {
            case ROW_NUMBER, RANK, DENSE_RANK -> {
                return SqlType.BIGINT;
            }
            case PERCENT_RANK, CUME_DIST -> {
                return SqlType.DOUBLE;
            }
            case NTILE -> {
                args.set(0, integer(binder, f, args, 0, position));
                return SqlType.INTEGER;
            }
            default -> {
                BoundExpr value = args.get(0);
                if (value.type() == SqlType.UNKNOWN) {
                    value = binder.coerce(value, SqlType.TEXT);
                    args.set(0, value);
                }
                if (args.size() > 1) {
                    args.set(1, integer(binder, f, args, 1, position));
                }
                if (args.size() > 2) {
                    args.set(2, binder.coerce(args.get(2), value.type()));
                }
                return value.type();
            }
        }
    }

    private static BoundExpr integer(ExpressionBinder binder, Expr.FunctionCall f, List<BoundExpr> args, int i,
                                     int position) {
        SqlType t = args.get(i).type();
        if (t != SqlType.UNKNOWN && t != SqlType.INTEGER && t != SqlType.SMALLINT) {
            throw FunctionBinder.undefined(f, args, position);
        }
        return binder.coerce(args.get(i), SqlType.INTEGER);
    }

    private static FrameBound bound(ExpressionBinder binder, WindowSpec.Bound b) {
        if (b.offset() == null) {
            return new FrameBound(b.kind(), null);
        }
        BoundExpr offset = binder.bind(b.offset());
        if (!BoundExprs.isRowIndependent(offset)) {
            throw new HeliosException(SqlState.WINDOWING_ERROR,
                    "argument of ROWS must not contain variables");
        }
        if (offset.type() != SqlType.UNKNOWN && !offset.type().isNumeric()) {
            throw new HeliosException(SqlState.DATATYPE_MISMATCH, "argument of ROWS must be type bigint, not type "
                    + offset.type().sqlName());
        }
        return new FrameBound(b.kind(), binder.cast(offset, SqlType.BIGINT, -1));
    }
}
