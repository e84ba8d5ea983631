package io.heliosdb.randomized;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Row;
import io.heliosdb.api.Session;
import java.util.ArrayList;
import java.util.List;

/** Runs a TLP case and says whether Q and its three parts agree. */
final class TlpOracle {

    /**
     * {@code failure} is null when they agree; otherwise "rows" for different rows or "error SQLSTATE" when
     * only the partitioned query fails (the reducer keeps a smaller case only if it fails the same way).
     * {@code skipped} means Q itself failed, which says nothing about partitioning.
     */
    record Outcome(boolean skipped, String failure, String detail) {
        static final Outcome OK = new Outcome(false, null, null);
        static final Outcome SKIPPED = new Outcome(true, null, null);
    }

    private TlpOracle() {
    }

    static Outcome check(Session session, TlpCase tlp) {
        List<String> expected;
        try {
            expected = rows(session, tlp.original());
        } catch (HeliosException e) {
            // An internal error is a bug whatever the query; any other error just makes the case unusable.
            return e.sqlState().code().startsWith("XX") ? new Outcome(false, "Q error " + e.sqlState().code(),
                    e.getMessage()) : new Outcome(true, null, e.sqlState().code() + " " + e.getMessage());
        } catch (RuntimeException e) {
            return new Outcome(false, "Q crash " + e.getClass().getSimpleName(), e.toString());
        }
        List<String> actual;
        try {
            actual = rows(session, tlp.partitioned());
        } catch (HeliosException e) {
            return new Outcome(false, "error " + e.sqlState().code(), e.getMessage());
        } catch (RuntimeException e) {
            return new Outcome(false, "crash " + e.getClass().getSimpleName(), e.toString());
        }
        if (expected.equals(actual)) {
            return Outcome.OK;
        }
        return new Outcome(false, "rows", "Q gives " + expected + " but the parts give " + actual);
    }

    /** The rows as text, sorted, so that two results compare as multisets. */
    static List<String> rows(Session session, String sql) {
        List<String> out = new ArrayList<>();
        try (QueryResult result = session.execute(sql)) {
            while (result.next()) {
                Row row = result.row();
                StringBuilder line = new StringBuilder();
                for (int c = 0; c < row.size(); c++) {
                    String text = row.getText(c);
                    line.append(c == 0 ? "" : "|").append(text == null ? "NULL" : text);
                }
                out.add(line.toString());
            }
        }
        out.sort(null);
        return out;
    }
}
