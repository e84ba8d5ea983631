package io.heliosdb.bench.compare;

import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Session;
import java.util.HashMap;
import java.util.Map;

/** The numeric rows of {@code helios_stats} (counters such as commit_groups_total), read through one session. */
final class HeliosStats {

    private HeliosStats() {
    }

    static Map<String, Double> read(Session session) {
        Map<String, Double> out = new HashMap<>();
        try (QueryResult r = session.execute("SELECT name, value FROM helios_stats")) {
            while (r.next()) {
                try {
                    out.put(r.row().getText(0), Double.parseDouble(r.row().getText(1)));
                } catch (NumberFormatException | NullPointerException notANumber) {
                    // facts such as the mode are text
                }
            }
        }
        return out;
    }

    /** {@code after - before} for one counter (0 when neither has it). */
    static double delta(Map<String, Double> before, Map<String, Double> after, String name) {
        return after.getOrDefault(name, 0.0) - before.getOrDefault(name, 0.0);
    }
}
