package io.heliosdb.differential;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The checked-in list of statements whose HeliosDB output is known to differ from PostgreSQL's, one per
 * line as {@code file<TAB>statement on one line<TAB>reason}; '#' lines are comments.
 */
final class KnownDifferences {

    private KnownDifferences() {
    }

    /** Maps {@code file<TAB>statement} to the reason. */
    static Map<String, String> load(String text) {
        Map<String, String> known = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t");
            if (parts.length != 3 || parts[2].isBlank()) {
                throw new IllegalArgumentException("known-differences.tsv: want file, statement and reason: " + line);
            }
            known.put(parts[0] + "\t" + parts[1], parts[2]);
        }
        return known;
    }
}
