package io.heliosdb.differential;

import java.util.ArrayList;
import java.util.List;

/** Reads a recorded {@code .expected} file: a '-- statement' header line, then that statement's output lines. */
final class ExpectedOutputs {

    record Entry(String statement, String output) {
    }

    private ExpectedOutputs() {
    }

    static List<Entry> parse(String text) {
        List<Entry> entries = new ArrayList<>();
        String statement = null;
        StringBuilder output = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.startsWith("-- ")) {
                if (statement != null) {
                    entries.add(new Entry(statement, output.toString()));
                }
                statement = line.substring(3);
                output.setLength(0);
            } else if (statement != null && !line.isEmpty()) {
                output.append(output.isEmpty() ? "" : "\n").append(line);
            }
        }
        if (statement != null) {
            entries.add(new Entry(statement, output.toString()));
        }
        return entries;
    }
}
