package io.heliosdb.core.crash;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.PreparedQuery;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Row;
import io.heliosdb.api.Session;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks a reopened crash database: every acknowledged order is there unless its deletion was
 * acknowledged, and no order whose deletion was acknowledged is; no transaction is partly
 * visible (an order has exactly its lines with exactly their amounts, no line lacks its order, and
 * each committer's {@code thread_stats} row counts exactly its orders); and the primary-key lookup
 * agrees with the full scan for every row. Collects every problem instead of stopping at the first,
 * so a report shows the whole extent of a loss.
 */
public final class OrdersAudit {
    /** What the parent knows of an acknowledged order. */
    public enum State {
        /** Its insert was acknowledged: it must be there. */
        LIVE,
        /** Its deletion started but was not acknowledged: it may be there or not. */
        DELETING,
        /** Its deletion was acknowledged: it must not be there. */
        DELETED
    }

    /** An acknowledged order and where it came from, for the failure message. */
    public record Ack(int id, State state, String origin) {
    }

    public record Result(int orders, int lines, List<String> problems) {
    }

    private record Order(int thread, int nlines, int total) {
    }

    private static final int MAX_PROBLEMS_LISTED = 40;

    private OrdersAudit() {
    }

    public static Result run(HeliosDB db, Map<Integer, Ack> acknowledged) {
        List<String> problems = new ArrayList<>();
        try (Session s = db.session()) {
            Map<Integer, Order> orders = new TreeMap<>();
            for (Row r : s.execute("select id, thread, nlines, total from orders").toList()) {
                if (orders.put(r.getInt(0), new Order(r.getInt(1), r.getInt(2), r.getInt(3))) != null) {
                    problems.add("order " + r.getInt(0) + " appears twice in a full scan");
                }
            }
            Map<Integer, Map<Integer, Integer>> lines = new TreeMap<>();
            int lineCount = 0;
            for (Row r : s.execute("select order_id, line, amount from order_lines").toList()) {
                lineCount++;
                if (lines.computeIfAbsent(r.getInt(0), k -> new TreeMap<>()).put(r.getInt(1), r.getInt(2)) != null) {
                    problems.add("line " + r.getInt(0) + "/" + r.getInt(1) + " appears twice in a full scan");
                }
            }

            TreeSet<Integer> lost = new TreeSet<>();
            for (Ack ack : acknowledged.values()) {
                if (ack.state() == State.DELETED && orders.containsKey(ack.id())) {
                    problems.add("LOST deletion: order " + ack.id() + " is back after its deletion was acknowledged ("
                            + ack.origin() + ")");
                } else if (ack.state() == State.LIVE && !orders.containsKey(ack.id())) {
                    lost.add(ack.id());
                }
            }
            for (Integer id : lost) {
                problems.add("LOST acknowledged order " + id + " (" + acknowledged.get(id).origin() + "); its lines "
                        + (lines.containsKey(id) ? "are present: " + lines.get(id) : "are absent too"));
            }
            checkShapes(orders, lines, problems);
            checkStats(s, orders, problems);
            checkLookups(s, orders, lines, acknowledged, problems);
            long counted = ((Number) s.execute("select count(*) from orders").toList().get(0).get(0)).longValue();
            if (counted != orders.size()) {
                problems.add("count(*) of orders is " + counted + " but a full scan returns " + orders.size());
            }
            return new Result(orders.size(), lineCount, problems);
        }
    }

    private static void checkShapes(Map<Integer, Order> orders, Map<Integer, Map<Integer, Integer>> lines,
                                    List<String> problems) {
        for (var e : orders.entrySet()) {
            int id = e.getKey();
            Order o = e.getValue();
            Map<Integer, Integer> expected = new TreeMap<>();
            for (int line = 1; line <= OrderShape.lineCount(id); line++) {
                expected.put(line, OrderShape.amount(id, line));
            }
            Map<Integer, Integer> found = lines.getOrDefault(id, Map.of());
            int sum = found.values().stream().mapToInt(Integer::intValue).sum();
            if (o.total() != sum || o.nlines() != found.size()) {
                problems.add("PARTIAL order " + id + ": total " + o.total() + " over " + o.nlines()
                        + " lines, but its lines are " + found);
            } else if (!found.equals(expected) || o.total() != OrderShape.total(id)) {
                problems.add("WRONG order " + id + ": lines " + found + ", written " + expected);
            }
        }
        for (var e : lines.entrySet()) {
            if (!orders.containsKey(e.getKey())) {
                problems.add("PARTIAL lines " + e.getValue() + " of order " + e.getKey() + ", which does not exist");
            }
        }
    }

    private static void checkStats(Session s, Map<Integer, Order> orders, List<String> problems) {
        Map<Integer, long[]> expected = new HashMap<>();
        for (Order o : orders.values()) {
            long[] agg = expected.computeIfAbsent(o.thread(), k -> new long[2]);
            agg[0]++;
            agg[1] += o.total();
        }
        for (Row r : s.execute("select thread, orders, amount from thread_stats").toList()) {
            long[] agg = expected.remove(r.getInt(0));
            long n = agg == null ? 0 : agg[0];
            long amount = agg == null ? 0 : agg[1];
            if (r.getLong(1) != n || r.getLong(2) != amount) {
                problems.add("PARTIAL stats of thread " + r.getInt(0) + ": " + r.getLong(1) + " orders, amount "
                        + r.getLong(2) + "; the orders table holds " + n + " orders, amount " + amount);
            }
        }
        for (Integer thread : expected.keySet()) {
            problems.add("no thread_stats row for thread " + thread + ", which has orders");
        }
    }

    /** Every scanned row must be found by its key, and every acknowledged id found too. */
    private static void checkLookups(Session s, Map<Integer, Order> orders, Map<Integer, Map<Integer, Integer>> lines,
                                     Map<Integer, Ack> acknowledged, List<String> problems) {
        TreeSet<Integer> ids = new TreeSet<>(orders.keySet());
        ids.addAll(acknowledged.keySet());
        try (PreparedQuery byId = s.prepare("select total from orders where id = $1");
             PreparedQuery byKey = s.prepare("select amount from order_lines where order_id = $1 and line = $2")) {
            for (int id : ids) {
                List<Row> found = byId.execute(id).toList();
                Order scanned = orders.get(id);
                if (scanned == null ? !found.isEmpty()
                        : found.size() != 1 || found.get(0).getInt(0) != scanned.total()) {
                    problems.add("INDEX order " + id + ": lookup by key returns " + found + ", full scan "
                            + (scanned == null ? "has no such row" : "has total " + scanned.total()));
                }
            }
            for (var e : lines.entrySet()) {
                for (var line : e.getValue().entrySet()) {
                    List<Row> found = byKey.execute(e.getKey(), line.getKey()).toList();
                    if (found.size() != 1 || found.get(0).getInt(0) != line.getValue().intValue()) {
                        problems.add("INDEX line " + e.getKey() + "/" + line.getKey() + ": lookup by key returns "
                                + found + ", full scan has amount " + line.getValue());
                    }
                }
            }
        }
    }

    /** The problems as one message, the first {@value #MAX_PROBLEMS_LISTED} listed. */
    public static String describe(List<String> problems) {
        List<String> shown = problems.size() > MAX_PROBLEMS_LISTED ? problems.subList(0, MAX_PROBLEMS_LISTED) : problems;
        return problems.size() + " problem(s):\n  " + String.join("\n  ", shown)
                + (shown.size() < problems.size() ? "\n  ..." : "");
    }
}
