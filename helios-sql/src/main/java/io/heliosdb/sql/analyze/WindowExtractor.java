package io.heliosdb.sql.analyze;

import io.heliosdb.sql.analyze.BoundExpr.ColumnSlot;
import io.heliosdb.sql.analyze.BoundExpr.WindowCall;
import java.util.ArrayList;
import java.util.List;

/** Replaces window calls by slots of the window operator's output (input columns first); equal calls share one. */
final class WindowExtractor {
    private final int inputWidth;
    private final List<WindowCall> calls = new ArrayList<>();

    WindowExtractor(int inputWidth) {
        this.inputWidth = inputWidth;
    }

    List<WindowCall> calls() {
        return List.copyOf(calls);
    }

    BoundExpr extract(BoundExpr e) {
        if (e instanceof WindowCall w) {
            int index = calls.indexOf(w);
            if (index < 0) {
                calls.add(w);
                index = calls.size() - 1;
            }
            return new ColumnSlot(inputWidth + index, w.type(), -1, "window " + index);
        }
        return BoundExprs.mapChildren(e, this::extract);
    }
}
