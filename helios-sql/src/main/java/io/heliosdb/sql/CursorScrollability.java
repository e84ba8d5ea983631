package io.heliosdb.sql;

import io.heliosdb.sql.analyze.BoundStatement;
import io.heliosdb.sql.plan.BackwardScan;

/** Settles at DECLARE whether a cursor written without SCROLL or NO SCROLL may go back, from its plan. */
final class CursorScrollability {

    private CursorScrollability() {
    }

    static CursorCommand.Scroll resolve(CursorCommand.Scroll written, BoundStatement query) {
        if (written != CursorCommand.Scroll.DEFAULT) {
            return written;
        }
        if (!(query instanceof BoundStatement.Query q)) {
            return CursorCommand.Scroll.NO_SCROLL;
        }
        return switch (BackwardScan.of(q.plan())) {
            case NONE -> CursorCommand.Scroll.NO_SCROLL;
            case ALWAYS -> CursorCommand.Scroll.SCROLL;
            case WHEN_MATERIALIZED -> CursorCommand.Scroll.DEFAULT;
        };
    }
}
