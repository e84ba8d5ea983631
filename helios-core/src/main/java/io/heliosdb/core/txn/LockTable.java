package io.heliosdb.core.txn;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Row and catalog-entry locks, held by a transaction until it ends, in the modes of {@link Mode}
 * (shared locks are compatible with each other; an exclusive lock with nothing held by another owner). A waiter records which
 * owners it waits for; before every (re)wait it follows those edges, and if they lead back to
 * itself it is the transaction that closed a cycle and gets {@code 40P01}, so exactly one member of
 * a deadlock is chosen, at once and without a detector thread.
 *
 * <p>One monitor guards the table: lock traffic is a few map operations per written row, far
 * below the cost of the write itself, and a single monitor keeps the waits-for graph consistent.
 */
public final class LockTable {
    /**
     * Lock strengths, weakest first; each conflicts with a superset of what the one before it conflicts
     * with, so holding two modes is holding the stronger. Row locks use all four as PostgreSQL's
     * {@code FOR KEY SHARE}, {@code FOR SHARE}, {@code FOR NO KEY UPDATE} (and a non-key UPDATE) and
     * {@code FOR UPDATE} (and DELETE or a key-changing UPDATE); other keys use SHARED and EXCLUSIVE.
     */
    public enum Mode {
        KEY_SHARE, SHARED, NO_KEY_EXCLUSIVE, EXCLUSIVE;

        /** PostgreSQL's row-level lock conflict table. */
        public boolean conflictsWith(Mode other) {
            if (this == EXCLUSIVE || other == EXCLUSIVE) {
                return true;
            }
            return (this == NO_KEY_EXCLUSIVE && other != KEY_SHARE) || (other == NO_KEY_EXCLUSIVE && this != KEY_SHARE);
        }

        /** Whether holding this mode already gives everything {@code wanted} does. */
        public boolean covers(Mode wanted) {
            return compareTo(wanted) >= 0;
        }

        static Mode stronger(Mode a, Mode b) {
            return a.compareTo(b) >= 0 ? a : b;
        }
    }

    /** The longest a waiter sleeps before it checks for cancellation again. */
    private static final long POLL_MILLIS = 50;

    private final Map<LockKey, Map<Long, Mode>> holders = new HashMap<>();
    private final Map<Long, Set<Long>> waitsFor = new HashMap<>();
    /** What each waiting thread asks for, so monitoring (and the isolation tests) can tell a blocked session. */
    private final Map<Thread, Request> waiting = new HashMap<>();

    private record Request(long owner, LockKey key, Mode mode) {
    }

    /**
     * Takes the lock for {@code owner}, waiting while others hold a conflicting one.
     *
     * @return true when the owner had to wait
     */
    public boolean acquire(long owner, LockKey key, Mode mode, LockWait wait) {
        long deadline = System.nanoTime() + wait.timeoutMillis() * 1_000_000L;
        boolean waited = false;
        synchronized (this) {
            try {
                while (true) {
                    Set<Long> blockers = blockers(owner, key, mode);
                    if (blockers.isEmpty()) {
                        holders.computeIfAbsent(key, k -> new HashMap<>(2)).merge(owner, mode, Mode::stronger);
                        return waited;
                    }
                    waitsFor.put(owner, blockers);
                    waiting.put(Thread.currentThread(), new Request(owner, key, mode));
                    if (closesCycle(owner)) {
                        throw new HeliosException(SqlState.DEADLOCK_DETECTED, "deadlock detected",
                                "Transaction " + owner + " waits for transaction " + blockers.iterator().next()
                                        + ", which waits (directly or not) for transaction " + owner + ".",
                                "See server log for query details.", 0, null);
                    }
                    long remaining = (deadline - System.nanoTime()) / 1_000_000L;
                    if (remaining <= 0) {
                        throw new HeliosException(SqlState.LOCK_NOT_AVAILABLE, "canceling statement due to lock timeout",
                                "Waited " + wait.timeoutMillis() + " ms for a lock on " + key.keyspace()
                                        + " held by transaction " + blockers.iterator().next() + ".", null, 0, null);
                    }
                    waited = true;
                    wait(Math.min(remaining, POLL_MILLIS));
                    wait.checkCancelled().run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HeliosException(SqlState.QUERY_CANCELED, "canceling statement due to user request", e);
            } finally {
                waitsFor.remove(owner);
                waiting.remove(Thread.currentThread());
            }
        }
    }

    /** Takes the lock only if no other owner holds a conflicting one. */
    public synchronized boolean tryAcquire(long owner, LockKey key, Mode mode) {
        if (!blockers(owner, key, mode).isEmpty()) {
            return false;
        }
        holders.computeIfAbsent(key, k -> new HashMap<>(2)).merge(owner, mode, Mode::stronger);
        return true;
    }

    /** Releases the given locks of {@code owner} and wakes the waiters. */
    public synchronized void releaseAll(long owner, Iterable<LockKey> keys) {
        for (LockKey key : keys) {
            Map<Long, Mode> h = holders.get(key);
            if (h != null) {
                h.remove(owner);
                if (h.isEmpty()) {
                    holders.remove(key);
                }
            }
        }
        notifyAll();
    }

    /** Keys locked now (by anyone). */
    public synchronized int lockedKeys() {
        return holders.size();
    }

    /** Whether {@code thread} waits for a lock that another owner still holds. */
    public synchronized boolean isBlocked(Thread thread) {
        Request r = waiting.get(thread);
        return r != null && !blockers(r.owner(), r.key(), r.mode()).isEmpty();
    }

    /** Owners waiting now. */
    public synchronized int waiters() {
        return waitsFor.size();
    }

    private Set<Long> blockers(long owner, LockKey key, Mode mode) {
        Map<Long, Mode> h = holders.get(key);
        if (h == null) {
            return Set.of();
        }
        // Most keys are free or only share-locked (a table's catalog entry by every writer of it): no set then.
        Set<Long> out = null;
        for (Map.Entry<Long, Mode> e : h.entrySet()) {
            if (e.getKey() != owner && mode.conflictsWith(e.getValue())) {
                if (out == null) {
                    out = new HashSet<>();
                }
                out.add(e.getKey());
            }
        }
        return out == null ? Set.of() : out;
    }

    private boolean closesCycle(long owner) {
        ArrayDeque<Long> pending = new ArrayDeque<>(waitsFor.getOrDefault(owner, Set.of()));
        Set<Long> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            long next = pending.pop();
            if (next == owner) {
                return true;
            }
            if (seen.add(next)) {
                pending.addAll(waitsFor.getOrDefault(next, Set.of()));
            }
        }
        return false;
    }
}
