package io.heliosdb.core.isolation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A spec in the style of PostgreSQL's isolation tester, one directive a line:
 * {@code setup <sql>}, {@code session <name>}, {@code step <name> <sql>} (for the last session),
 * {@code permutation <step> <step> ...}; {@code #} starts a comment.
 */
public record IsolationSpec(String name, List<String> setup, Map<String, String> stepSql, Map<String, String> stepSession,
                     List<String> sessions, List<List<String>> permutations) {
    /**
     * Every spec under src/test/resources/isolation, in the order the suites run them: the kernel's
     * IsolationSpecTest and helios-cli's ServerIsolationSpecTest both read this one list.
     */
    public static final List<String> ALL = List.of("lost-update", "write-skew", "read-committed-recheck",
            "deadlock", "unique-race", "ddl-rollback", "fk-race", "upsert-race", "savepoint", "skip-locked-queue",
            "for-update-recheck", "row-lock-modes", "for-update-deadlock", "fk-key-share", "cte-skip-locked-queue",
            "subquery-for-update", "cursor-for-update", "cursor-current-of", "cursor-recheck", "ssi-insert-predicate",
            "ssi-receipts", "ssi-total-cash", "ssi-disjoint", "ssi-autocommit-read", "ssi-deferrable");

    public static IsolationSpec parse(String name, String text) {
        List<String> setup = new ArrayList<>();
        Map<String, String> sql = new LinkedHashMap<>();
        Map<String, String> owner = new LinkedHashMap<>();
        List<String> sessions = new ArrayList<>();
        List<List<String>> permutations = new ArrayList<>();
        int lineNo = 0;
        for (String raw : text.split("\n")) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+", 2);
            String rest = parts.length > 1 ? parts[1] : "";
            switch (parts[0]) {
                case "setup" -> setup.add(rest);
                case "session" -> sessions.add(rest);
                case "step" -> {
                    String[] step = rest.split("\\s+", 2);
                    if (sessions.isEmpty() || step.length < 2) {
                        throw new IllegalArgumentException(name + ":" + lineNo + ": a step needs a session and SQL");
                    }
                    sql.put(step[0], step[1]);
                    owner.put(step[0], sessions.get(sessions.size() - 1));
                }
                case "permutation" -> {
                    List<String> steps = List.of(rest.split("\\s+"));
                    for (String s : steps) {
                        if (!sql.containsKey(s)) {
                            throw new IllegalArgumentException(name + ":" + lineNo + ": unknown step " + s);
                        }
                    }
                    permutations.add(steps);
                }
                default -> throw new IllegalArgumentException(name + ":" + lineNo + ": unknown directive " + parts[0]);
            }
        }
        return new IsolationSpec(name, setup, sql, owner, sessions, permutations);
    }
}
