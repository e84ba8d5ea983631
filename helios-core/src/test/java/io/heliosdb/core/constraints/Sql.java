package io.heliosdb.core.constraints;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.Session;
import java.util.List;

/** Small helpers for tests through the embedded API (constraint and session tests). */
public final class Sql {

    private Sql() {
    }

    public static HeliosException failure(Runnable action) {
        try {
            action.run();
        } catch (HeliosException e) {
            return e;
        }
        throw new AssertionError("expected an error");
    }

    /** The error {@code sql} fails with; an AssertionError when it succeeds. */
    public static HeliosException failure(Session s, String sql) {
        try {
            s.execute(sql);
        } catch (HeliosException e) {
            return e;
        }
        throw new AssertionError("expected an error from " + sql);
    }

    /** Each row's columns joined by '|', rows in the query's order. */
    public static List<String> rows(Session s, String sql) {
        return s.execute(sql).toList().stream().map(r -> {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.size(); i++) {
                sb.append(i > 0 ? "|" : "").append(r.get(i));
            }
            return sb.toString();
        }).toList();
    }
}
