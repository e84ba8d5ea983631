package io.heliosdb.sql.ast;

import java.util.List;

/** The window of {@code OVER (...)}: partitioning, ordering and frame ({@code frame} null means the default). */
public record WindowSpec(List<Expr> partitionBy, List<Select.OrderItem> orderBy, Frame frame) {

    /** {@code ROWS} ({@code rows} true) or {@code RANGE} between two bounds. */
    public record Frame(boolean rows, Bound start, Bound end) {
    }

    /** A frame bound; {@code offset} is set for the {@code n PRECEDING} and {@code n FOLLOWING} kinds. */
    public record Bound(BoundKind kind, Expr offset) {
    }

    public enum BoundKind { UNBOUNDED_PRECEDING, PRECEDING, CURRENT_ROW, FOLLOWING, UNBOUNDED_FOLLOWING }
}
