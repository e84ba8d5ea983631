package io.heliosdb.wire;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs one connection's tasks one at a time, in submission order, on a shared pool: a connection
 * never occupies more than one worker and its messages are answered in the order they came.
 */
final class SerialExecutor implements Executor {
    private static final System.Logger LOG = System.getLogger(SerialExecutor.class.getName());

    private final Executor pool;
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private boolean draining;
    /** Told when a task is queued behind the running one (a worker waiting on its socket must look up). */
    private volatile Runnable onQueuedBehind;

    SerialExecutor(Executor pool) {
        this.pool = pool;
    }

    @Override
    public void execute(Runnable task) {
        executeAll(List.of(task));
    }

    /**
     * Queues several tasks at once, as one hand-off to the pool: everything decoded from one socket
     * read (Bind, Describe, Execute, Sync) wakes one worker once, rather than racing it message by message.
     */
    void executeAll(List<Runnable> batch) {
        if (batch.isEmpty()) {
            return;
        }
        boolean queuedBehind;
        synchronized (tasks) {
            tasks.addAll(batch);
            queuedBehind = draining;
            if (!queuedBehind) {
                draining = true;
            }
        }
        if (queuedBehind) {
            Runnable wake = onQueuedBehind;
            if (wake != null) {
                wake.run();
            }
            return;
        }
        try {
            pool.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // The pool is shutting down with the server: finish this connection's work (its cleanup) here.
            drain();
        }
    }

    /** Sets what runs (on the queuing thread) when a task is queued while another one runs. */
    void onQueuedBehind(Runnable wake) {
        onQueuedBehind = wake;
    }

    /** From the running task: whether tasks wait behind it. */
    boolean hasQueued() {
        synchronized (tasks) {
            return !tasks.isEmpty();
        }
    }

    private void drain() {
        while (true) {
            Runnable task;
            synchronized (tasks) {
                task = tasks.poll();
                if (task == null) {
                    draining = false;
                    return;
                }
            }
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.log(System.Logger.Level.ERROR, "connection task failed", e);
            }
        }
    }
}
