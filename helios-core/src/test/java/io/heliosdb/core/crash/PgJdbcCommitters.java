package io.heliosdb.core.crash;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@link OrderShape#THREADS} pgJDBC clients committing the crash workload to a server, each id
 * acknowledged only once {@code commit()} returned. JDBC is called reflectively because the
 * {@code io.heliosdb.core} module (which these tests are compiled into) does not read
 * {@code java.sql}; reflection needs no readability.
 */
public final class PgJdbcCommitters implements AutoCloseable {
    private final Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
    private final Semaphore acks = new Semaphore(0);
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final ExecutorService pool;

    public PgJdbcCommitters(String url, int firstId) {
        pool = Executors.newFixedThreadPool(OrderShape.THREADS);
        for (int t = 0; t < OrderShape.THREADS; t++) {
            int thread = t;
            pool.execute(() -> commitUntilStopped(url, thread, firstId));
        }
    }

    /** Waits (bounded) until at least {@code n} commits were acknowledged. */
    public boolean awaitAcks(int n, long timeout, TimeUnit unit) throws InterruptedException {
        if (!acks.tryAcquire(n, timeout, unit)) {
            return false;
        }
        acks.release(n);
        return true;
    }

    public Set<Integer> acknowledged() {
        return acknowledged;
    }

    /** The first error a client hit before {@link #stop()}: a finding, since the server was still up. */
    public Throwable failure() {
        return failure.get();
    }

    /** Ends the clients (their connections fail once the server is killed) and waits for them. */
    public void stop() throws InterruptedException {
        stopping.set(true);
        pool.shutdown();
        if (!pool.awaitTermination(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("pgJDBC committers did not stop within 60 s");
        }
    }

    @Override
    public void close() {
        stopping.set(true);
        pool.shutdownNow();
        try {
            pool.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void commitUntilStopped(String url, int thread, int firstId) {
        Object connection = null;
        try {
            connection = Jdbc.connect(url + "?sslmode=disable&connectTimeout=10&socketTimeout=30", "postgres", "");
            Jdbc.call(connection, "setAutoCommit", List.of(boolean.class), false);
            Object order = Jdbc.prepare(connection, OrderShape.INSERT_ORDER);
            Object line = Jdbc.prepare(connection, OrderShape.INSERT_LINE);
            Object stats = Jdbc.prepare(connection, OrderShape.ADD_TO_STATS);
            for (int k = 0; !stopping.get(); k++) {
                int id = OrderShape.id(firstId, thread, k);
                Jdbc.update(order, id, thread, OrderShape.lineCount(id), OrderShape.total(id));
                for (int n = 1; n <= OrderShape.lineCount(id); n++) {
                    Jdbc.update(line, id, n, OrderShape.amount(id, n));
                }
                Jdbc.update(stats, (long) OrderShape.total(id), thread);
                Jdbc.call(connection, "commit", List.of());
                acknowledged.add(id);
                acks.release();
            }
        } catch (Throwable e) {
            if (!stopping.get()) {
                failure.compareAndSet(null, e);
            }
        } finally {
            if (connection != null) {
                try {
                    Jdbc.call(connection, "close", List.of());
                } catch (Throwable ignored) {
                    // the server is gone: nothing to close cleanly
                }
            }
        }
    }

    /** The few JDBC calls the clients make, through the {@code java.sql} interfaces. */
    private static final class Jdbc {
        private Jdbc() {
        }

        static Object connect(String url, String user, String password) throws Throwable {
            Class<?> manager = Class.forName("java.sql.DriverManager");
            return invoke(manager.getMethod("getConnection", String.class, String.class, String.class), null,
                    url, user, password);
        }

        static Object prepare(Object connection, String sql) throws Throwable {
            return call(connection, "prepareStatement", List.of(String.class), sql.replaceAll("\\$\\d+", "?"));
        }

        static void update(Object statement, Object... params) throws Throwable {
            for (int i = 0; i < params.length; i++) {
                if (params[i] instanceof Long v) {
                    call(statement, "setLong", List.of(int.class, long.class), i + 1, v);
                } else {
                    call(statement, "setInt", List.of(int.class, int.class), i + 1, params[i]);
                }
            }
            call(statement, "executeUpdate", List.of());
        }

        /** Calls a method of the {@code java.sql} interface {@code target} implements. */
        static Object call(Object target, String name, List<Class<?>> types, Object... args) throws Throwable {
            Class<?> api = Class.forName(name.equals("setInt") || name.equals("setLong")
                    || name.equals("executeUpdate") ? "java.sql.PreparedStatement" : "java.sql.Connection");
            return invoke(api.getMethod(name, types.toArray(Class<?>[]::new)), target, args);
        }

        private static Object invoke(Method method, Object target, Object... args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
