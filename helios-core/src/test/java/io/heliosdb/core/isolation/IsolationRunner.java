package io.heliosdb.core.isolation;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Row;
import io.heliosdb.api.Session;
import io.heliosdb.core.KernelDatabase;
import io.heliosdb.core.txn.LockTable;
import io.heliosdb.core.txn.ssi.SsiTracker;
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
 * Runs every permutation of a spec against a fresh database and prints what PostgreSQL's isolation
 * tester prints. Each session runs its steps on its own thread. A step is "waiting" when the lock
 * table reports that thread blocked on a lock another transaction holds, or it waits for a safe snapshot
 * (SERIALIZABLE READ ONLY DEFERRABLE); until it is either done
 * or blocked, the runner waits on the step's future in short bounded slices (never a sleep).
 */
final class IsolationRunner {
    private static final long STEP_LIMIT_MILLIS = 20_000;

    private final IsolationSpec spec;
    private final Supplier<KernelDatabase> databases;

    IsolationRunner(IsolationSpec spec, Supplier<KernelDatabase> databases) {
        this.spec = spec;
        this.databases = databases;
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
        Map<String, Thread> threadOf = new HashMap<>();
        Map<String, Session> sessions = new HashMap<>();
        try (KernelDatabase db = databases.get()) {
            try (Session setup = db.session()) {
                for (String sql : spec.setup()) {
                    setup.execute(sql).close();
                }
            }
            LockTable locks = db.store().locks();
            SsiTracker ssi = db.store().serializableTracker();
            for (String name : spec.sessions()) {
                ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "isolation-" + name);
                    threadOf.put(name, t);
                    return t;
                });
                threads.put(name, executor);
                executor.submit(() -> sessions.put(name, db.session())).get();
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
                    if (settle(result, threadOf.get(session), locks, ssi)) {
                        out.append('\n').append(result.get());
                    } else {
                        out.append(" <waiting ...>\n");
                        waiting.add(new Pending(step, result));
                    }
                    // Anything this step released completes (or blocks again) before the next step runs.
                    for (Pending p : new ArrayList<>(waiting)) {
                        if (settle(p.result(), threadOf.get(spec.stepSession().get(p.step())), locks, ssi)) {
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
                    Session s = sessions.get(e.getKey());
                    if (s != null) {
                        e.getValue().submit(s::close);
                    }
                    e.getValue().shutdown();
                    e.getValue().awaitTermination(30, TimeUnit.SECONDS);
                }
            }
        }
    }

    /** True when the step finished, false when its thread is blocked on a lock or waits for a safe snapshot. */
    private static boolean settle(Future<String> result, Thread thread, LockTable locks, SsiTracker ssi)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STEP_LIMIT_MILLIS);
        while (System.nanoTime() < deadline) {
            if (result.isDone()) {
                return true;
            }
            if (locks.isBlocked(thread) || ssi.awaitsSafeSnapshot(thread)) {
                return false;
            }
            try {
                result.get(5, TimeUnit.MILLISECONDS);
                return true;
            } catch (TimeoutException stillRunning) {
                // neither done nor blocked yet: look again
            } catch (ExecutionException e) {
                return true;
            }
        }
        throw new IllegalStateException("a step neither finished nor blocked within " + STEP_LIMIT_MILLIS + " ms");
    }

    private static String execute(Session session, String sql) {
        StringBuilder out = new StringBuilder();
        try (QueryResult result = session.execute(sql)) {
            if (!result.columns().isEmpty()) {
                List<String> names = new ArrayList<>();
                result.columns().forEach(c -> names.add(c.name()));
                out.append(String.join("|", names)).append('\n');
                int count = 0;
                for (Row row : result.toList()) {
                    List<String> values = new ArrayList<>();
                    for (int i = 0; i < names.size(); i++) {
                        Object v = row.get(i);
                        values.add(v == null ? "" : String.valueOf(v));
                    }
                    out.append(String.join("|", values)).append('\n');
                    count++;
                }
                out.append('(').append(count).append(count == 1 ? " row)\n" : " rows)\n");
            }
        } catch (HeliosException e) {
            out.append("ERROR:  ").append(e.sqlState().code()).append(": ").append(e.getMessage()).append('\n');
        }
        return out.toString();
    }
}
