package io.heliosdb.sql.parse;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.ast.WindowSpec;
import io.heliosdb.sql.ast.WindowSpec.Bound;
import io.heliosdb.sql.ast.WindowSpec.BoundKind;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.FrameBoundContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.FrameClauseContext;

/** {@code ROWS|RANGE [BETWEEN] start [AND end]}, checked the way PostgreSQL checks frame bounds. */
final class WindowFrames {

    private WindowFrames() {
    }

    static WindowSpec.Frame frame(FrameClauseContext ctx, AstBuilder builder) {
        Bound start = bound(ctx.start, builder);
        // The one-bound form ends at the current row.
        Bound end = ctx.end == null ? new Bound(BoundKind.CURRENT_ROW, null) : bound(ctx.end, builder);
        if (start.kind() == BoundKind.UNBOUNDED_FOLLOWING) {
            throw new HeliosException(SqlState.WINDOWING_ERROR, "frame start cannot be UNBOUNDED FOLLOWING");
        }
        if (end.kind() == BoundKind.UNBOUNDED_PRECEDING) {
            throw new HeliosException(SqlState.WINDOWING_ERROR, "frame end cannot be UNBOUNDED PRECEDING");
        }
        if (start.kind() == BoundKind.CURRENT_ROW && end.kind() == BoundKind.PRECEDING) {
            throw new HeliosException(SqlState.GROUPING_ERROR, "frame starting from current row cannot have preceding rows");
        }
        if (start.kind() == BoundKind.FOLLOWING
                && (end.kind() == BoundKind.PRECEDING || end.kind() == BoundKind.CURRENT_ROW)) {
            throw new HeliosException(SqlState.GROUPING_ERROR, "frame starting from following row cannot have preceding rows");
        }
        boolean rows = ctx.ROWS() != null;
        if (!rows && (start.offset() != null || end.offset() != null)) {
            throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "RANGE with offset PRECEDING/FOLLOWING is not supported");
        }
        return new WindowSpec.Frame(rows, start, end);
    }

    private static Bound bound(FrameBoundContext ctx, AstBuilder builder) {
        boolean preceding = ctx.PRECEDING() != null;
        if (ctx.UNBOUNDED() != null) {
            return new Bound(preceding ? BoundKind.UNBOUNDED_PRECEDING : BoundKind.UNBOUNDED_FOLLOWING, null);
        }
        if (ctx.CURRENT() != null) {
            return new Bound(BoundKind.CURRENT_ROW, null);
        }
        return new Bound(preceding ? BoundKind.PRECEDING : BoundKind.FOLLOWING, builder.valueExpr(ctx.valueExpr()));
    }
}
