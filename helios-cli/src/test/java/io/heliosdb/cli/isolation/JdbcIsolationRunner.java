package io.heliosdb.cli.isolation;

import io.heliosdb.core.isolation.IsolationSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * helios-core's isolation specs through the server: each spec session is a pgJDBC connection
 * driven from its own thread, and the output is what helios-core's kernel runner prints, so the
 * same checked-in {@code .out} files apply. A step is "waiting" when {@code pg_stat_activity}, read
 * on a separate monitor connection, shows its backend waiting on a lock (as PostgreSQL's isolation
 * tester asks the server); until it is done or waiting, the runner polls in short bounded slices.
 */
final class JdbcIsolationRunner {
    private static final long STEP_LIMIT_MILLIS = 20_000;

    private final IsolationSpec spec;
    private final Supplier<ServedDatabase> servers;

    JdbcIsolationRunner(IsolationSpec spec, Supplier<ServedDatabase> servers) {
        this.spec = spec;
        this.servers = servers;
    }

    String run() throws Exception {
        StringBuilder out = new StringBuilder();
        for (List<String> permutation : spec.permutations()) {
            out.append("\nstarting permutation: ").append(String.join(" ", permutation)).append('\n');
            runPermutation(permutation, out);
        }
        return out.toString();
    }

    private record Pending(String step, Future<String> result) {
    }

    private void runPermutation(List<String> permutation, StringBuilder out) throws Exception {
        Map<String, ExecutorService> threads = new LinkedHashMap<>();
        Map<String, Connection> sessions = new HashMap<>();
        Map<String, Integer> pids = new HashMap<>();
        try (ServedDatabase server = servers.get(); Connection monitor = server.connect();
             PreparedStatement waitEvent = monitor.prepareStatement(
                     "select wait_event_type from pg_stat_activity where pid = ?")) {
            try (Statement setup = monitor.createStatement()) {
                for (String sql : spec.setup()) {
                    setup.execute(sql);
                }
            }
            for (String name : spec.sessions()) {
                ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "isolation-" + name));
                threads.put(name, executor);
                Connection c = server.connect();
                sessions.put(name, c);
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select pg_backend_pid()")) {
                    r.next();
                    pids.put(name, r.getInt(1));
                }
            }
            List<Pending> waiting = new ArrayList<>();
            try {
                for (String step : permutation) {
                    String session = spec.stepSession().get(step);
                    if (waiting.stream().anyMatch(p -> spec.stepSession().get(p.step()).equals(session))) {
                        throw new IllegalStateException("step " + step + " runs on a session that is still waiting");
                    }
                    String sql = spec.stepSql().get(step);
                    Future<String> result = threads.get(session).submit(() -> execute(sessions.get(session), sql));
                    out.append("step ").append(step).append(": ").append(sql);
                    if (settle(result, pids.get(session), waitEvent)) {
                        out.append('\n').append(result.get());
                    } else {
                        out.append(" <waiting ...>\n");
                        waiting.add(new Pending(step, result));
                    }
                    // Anything this step released completes (or blocks again) before the next step runs.
                    for (Pending p : new ArrayList<>(waiting)) {
                        if (settle(p.result(), pids.get(spec.stepSession().get(p.step())), waitEvent)) {
                            out.append("step ").append(p.step()).append(": <... completed>\n").append(p.result().get());
                            waiting.remove(p);
                        }
                    }
                }
                if (!waiting.isEmpty()) {
                    throw new IllegalStateException("permutation ended with steps still waiting: " + waiting);
                }
            } finally {
                for (Map.Entry<String, ExecutorService> e : threads.entrySet()) {
                    Connection c = sessions.get(e.getKey());
                    if (c != null) {
                        e.getValue().submit(() -> {
                            c.close();
                            return null;
                        });
                    }
                    e.getValue().shutdown();
                    e.getValue().awaitTermination(30, TimeUnit.SECONDS);
                }
            }
        }
    }

    /** True when the step finished, false when its backend waits on a lock. */
    private static boolean settle(Future<String> result, int pid, PreparedStatement waitEvent) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STEP_LIMIT_MILLIS);
        while (System.nanoTime() < deadline) {
            if (result.isDone()) {
                return true;
            }
            if (waitsOnLock(pid, waitEvent)) {
                return false;
            }
            try {
                result.get(5, TimeUnit.MILLISECONDS);
                return true;
            } catch (TimeoutException stillRunning) {
                // neither done nor waiting yet: look again
            } catch (ExecutionException e) {
                return true;
            }
        }
        throw new IllegalStateException("a step neither finished nor blocked within " + STEP_LIMIT_MILLIS + " ms");
    }

    private static boolean waitsOnLock(int pid, PreparedStatement waitEvent) throws SQLException {
        waitEvent.setInt(1, pid);
        try (ResultSet r = waitEvent.executeQuery()) {
            // A row lock, or (IPC) a READ ONLY DEFERRABLE transaction's wait for a safe snapshot.
            return r.next() && ("Lock".equals(r.getString(1)) || "IPC".equals(r.getString(1)));
        }
    }

    /** Runs a step; prints each result set as the kernel runner does, or the error as SQLSTATE and message. */
    private static String execute(Connection connection, String sql) {
        StringBuilder out = new StringBuilder();
        try (Statement s = connection.createStatement()) {
            for (boolean rows = s.execute(sql); rows || s.getUpdateCount() != -1; rows = s.getMoreResults()) {
                if (rows) {
                    try (ResultSet r = s.getResultSet()) {
                        print(r, out);
                    }
                }
            }
        } catch (SQLException e) {
            out.append("ERROR:  ").append(e.getSQLState()).append(": ").append(primaryMessage(e)).append('\n');
        }
        return out.toString();
    }

    private static void print(ResultSet r, StringBuilder out) throws SQLException {
        ResultSetMetaData meta = r.getMetaData();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            names.add(meta.getColumnLabel(i));
        }
        out.append(String.join("|", names)).append('\n');
        int count = 0;
        while (r.next()) {
            List<String> values = new ArrayList<>();
            for (int i = 1; i <= names.size(); i++) {
                String v = r.getString(i);
                values.add(v == null ? "" : v);
            }
            out.append(String.join("|", values)).append('\n');
            count++;
        }
        out.append('(').append(count).append(count == 1 ? " row)\n" : " rows)\n");
    }

    /** pgJDBC's message is "ERROR: primary" followed by Detail/Hint/Position lines: the primary message only. */
    private static String primaryMessage(SQLException e) {
        String first = String.valueOf(e.getMessage()).split("\n", 2)[0];
        return first.startsWith("ERROR: ") ? first.substring("ERROR: ".length()) : first;
    }
}
