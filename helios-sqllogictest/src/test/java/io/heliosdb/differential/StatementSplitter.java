package io.heliosdb.differential;

import java.util.ArrayList;
import java.util.List;

/** Splits a differential .sql file into statements exactly as record.sh's awk program does. */
final class StatementSplitter {

    private StatementSplitter() {
    }

    /** Statements end with ';' at the end of a line; comment and blank lines between statements are skipped. */
    static List<String> split(String text) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            if (current.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("--"))) {
                continue;
            }
            current.append(current.isEmpty() ? "" : "\n").append(line);
            if (line.stripTrailing().endsWith(";")) {
                statements.add(current.toString());
                current.setLength(0);
            }
        }
        return statements;
    }

    /** The statement on one line, as the '-- ' header of the expected file and the known-differences list show it. */
    static String oneLine(String sql) {
        return sql.replace('\n', ' ');
    }
}
