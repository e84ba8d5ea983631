package io.heliosdb.core.txn;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Row and catalog-entry locks, held by a transaction until it ends, in the modes of {@link Mode}
 * (shared locks are compatible with each other; an exclusive lock with nothing held by another owner). A waiter records which
 * owners it waits for; before it waits it follows those edges, and if they lead back to
 * itself it is the transaction that closed a cycle and gets {@code 40P01}, so exactly one member of
 * a deadlock is chosen, at once and without a detector thread.
 *
 * <p>Waiters queue per key in arrival order. A release wakes only the waiters of the released keys that
 * the remaining holders admit, taken in that order (for an exclusive lock, the oldest waiter): a hot
 * row (pgbench's branch row) passes from one transaction to the next with one wake-up, in FIFO order,
 * instead of waking every waiter of every key to race for the table's monitor (on two cores a woken
 * crowd delays the one thread that can run). The lock is not handed over while the woken waiter is
 * still waiting for a core: a new request the holders admit takes it at once (as PostgreSQL's row
 * locks do: a compatible request does not queue behind a waiter), so the row is never idle while a
 * running transaction wants it; the woken waiter then waits for that one to end. (Handing the lock to the
 * sleeping waiter was tried: on a loaded two-core machine the row then sat idle for the waiter's
 * multi-millisecond wake-up, a lock convoy, and pgbench tpcb-like fell to about half.)
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

    /** Lock waits so far: how many, their time from request to grant, and from the release that woke the waiter to its grant. */
    public record WaitStats(long waits, long waitNanos, long wakeNanos) {
    }

    /** The longest a waiter sleeps before it checks for cancellation, its timeout and deadlocks again. */
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    /** One key's holders, and its waiters in arrival order (null while none). */
    private static final class Entry {
        final Map<Long, Mode> holders = new HashMap<>(2);
        ArrayDeque<Waiter> waiters;

        boolean hasWaiters() {
            return waiters != null && !waiters.isEmpty();
        }
    }

    /** One blocked request; {@code wokenAt}: when a release last woke it (under the monitor), 0 before. */
    private static final class Waiter {
        final long owner;
        final LockKey key;
        final Mode mode;
        final Thread thread = Thread.currentThread();
        long wokenAt;

        Waiter(long owner, LockKey key, Mode mode) {
            this.owner = owner;
            this.key = key;
            this.mode = mode;
        }
    }

    private final Map<LockKey, Entry> entries = new HashMap<>();
    /**
     * Keys held EXCLUSIVE by one owner that nobody else holds or waits for (every row an INSERT claims), with
     * that owner: such a key costs one map entry, not an Entry with a holder map and a boxed owner, and its
     * release one removal. A key is in this map or in {@link #entries}, never both: the first request of
     * anything else for it moves it into an Entry ({@link #entryFor}).
     */
    private final Map<LockKey, Long> soleExclusive = new HashMap<>();
    /** The owner boxed last for {@link #soleExclusive} (a transaction takes its locks one after another). */
    private Long lastOwner = 0L;
    /** What {@link #entryFor} answers for a request granted (or already covered) by a sole exclusive hold. */
    private static final Entry GRANTED = new Entry();
    private final Map<Long, Set<Long>> waitsFor = new HashMap<>();
    /** Each waiting thread's request, so monitoring (and the isolation tests) can tell a blocked session. */
    private final Map<Thread, Waiter> waiting = new HashMap<>();
    private final LongAdder waits = new LongAdder();
    private final LongAdder waitNanos = new LongAdder();
    private final LongAdder wakeNanos = new LongAdder();

    /**
     * Takes the lock for {@code owner}, waiting while others hold a conflicting one.
     *
     * @return true when the owner had to wait
     */
    public boolean acquire(long owner, LockKey key, Mode mode, LockWait wait) {
        long start;
        long deadline;
        Waiter w;
        synchronized (this) {
            Entry e = entryFor(owner, key, mode);
            if (e == GRANTED) {
                return false;
            }
            Set<Long> blockers = blockers(owner, e, mode);
            if (blockers.isEmpty()) {
                e.holders.merge(owner, mode, Mode::stronger);
                if (e.hasWaiters()) {
                    retarget(e); // a compatible newcomer is one more holder the waiters wait for
                }
                return false;
            }
            // The clock only for a request that waits (a granted one is every inserted row's).
            start = System.nanoTime();
            // Clamped so that a huge timeout cannot overflow the deadline into the past.
            deadline = start + TimeUnit.MILLISECONDS.toNanos(Math.min(wait.timeoutMillis(), 1L << 40));
            w = new Waiter(owner, key, mode);
            if (e.waiters == null) {
                e.waiters = new ArrayDeque<>(4);
            }
            e.waiters.addLast(w);
            waiting.put(w.thread, w);
            waitsFor.put(owner, blockers);
            failIfDeadlocked(w, blockers);
        }
        boolean interrupted = false;
        while (true) {
            LockSupport.parkNanos(this, Math.max(1, Math.min(deadline - System.nanoTime(), POLL_NANOS)));
            interrupted |= Thread.interrupted();
            synchronized (this) {
                Entry e = entries.get(key);
                if (admitted(e).contains(w)) {
                    take(e, w, start);
                    if (interrupted) {
                        Thread.currentThread().interrupt(); // the lock is ours; the statement sees the interrupt later
                    }
                    return true;
                }
                try {
                    if (interrupted) {
                        Thread.currentThread().interrupt();
                        throw new HeliosException(SqlState.QUERY_CANCELED, "canceling statement due to user request");
                    }
                    Set<Long> blockers = blockers(owner, e, mode);
                    waitsFor.put(owner, blockers);
                    failIfDeadlocked(w, blockers);
                    if (deadline - System.nanoTime() <= 0) {
                        throw new HeliosException(SqlState.LOCK_NOT_AVAILABLE, "canceling statement due to lock timeout",
                                "Waited " + wait.timeoutMillis() + " ms for a lock on " + key.keyspace() + " held by "
                                        + (blockers.isEmpty() ? "a waiter ahead of it"
                                        : "transaction " + blockers.iterator().next()) + ".", null, 0, null);
                    }
                    wait.checkCancelled().run();
                } catch (RuntimeException ex) {
                    abandon(w);
                    throw ex;
                }
            }
        }
    }

    /** Takes the lock only if no other owner holds a conflicting one. */
    public synchronized boolean tryAcquire(long owner, LockKey key, Mode mode) {
        Entry e = entryFor(owner, key, mode);
        if (e == GRANTED) {
            return true;
        }
        if (!blockers(owner, e, mode).isEmpty()) {
            return false;
        }
        e.holders.merge(owner, mode, Mode::stronger);
        if (e.hasWaiters()) {
            retarget(e);
        }
        return true;
    }

    /** Releases the given locks of {@code owner} and hands each to the waiters it admits now. */
    public void releaseAll(long owner, Iterable<LockKey> keys) {
        List<Waiter> woken = null;
        synchronized (this) {
            Long boxed = boxed(owner);
            for (LockKey key : keys) {
                if (soleExclusive.remove(key, boxed)) {
                    continue; // nobody else wants it: nothing to wake
                }
                Entry e = entries.get(key);
                if (e == null || e.holders.remove(owner) == null) {
                    continue;
                }
                if (e.hasWaiters()) {
                    woken = wake(e, woken);
                    retarget(e);
                }
                if (e.holders.isEmpty() && !e.hasWaiters()) {
                    entries.remove(key);
                }
            }
        }
        // Outside the monitor, so a woken waiter never blocks on it straight away.
        if (woken != null) {
            for (Waiter w : woken) {
                LockSupport.unpark(w.thread);
            }
        }
    }

    /** Keys locked now (by anyone). */
    public synchronized int lockedKeys() {
        int n = soleExclusive.size();
        for (Entry e : entries.values()) {
            if (!e.holders.isEmpty()) {
                n++;
            }
        }
        return n;
    }

    /** Whether {@code thread} waits for a lock that another owner still holds (not one woken to take it). */
    public synchronized boolean isBlocked(Thread thread) {
        Waiter w = waiting.get(thread);
        return w != null && !admitted(entries.get(w.key)).contains(w);
    }

    /** Owners waiting now. */
    public synchronized int waiters() {
        return waitsFor.size();
    }

    /** Lock waits since the table was made. */
    public WaitStats waitStats() {
        return new WaitStats(waits.sum(), waitNanos.sum(), wakeNanos.sum());
    }

    /**
     * The key's Entry for a request, made when the key has none (holding a sole exclusive holder's lock, moved
     * out of {@link #soleExclusive}); or {@link #GRANTED} when the request is an EXCLUSIVE one for a key nobody
     * holds (now held sole) or the owner's own sole hold covers it. The caller holds the monitor.
     */
    private Entry entryFor(long owner, LockKey key, Mode mode) {
        Entry e = entries.get(key);
        if (e != null) {
            return e;
        }
        Long sole = mode == Mode.EXCLUSIVE ? soleExclusive.putIfAbsent(key, boxed(owner)) : soleExclusive.get(key);
        if (sole == null ? mode == Mode.EXCLUSIVE : sole == owner) {
            return GRANTED;
        }
        e = new Entry();
        if (sole != null) {
            soleExclusive.remove(key);
            e.holders.put(sole, Mode.EXCLUSIVE);
        }
        entries.put(key, e);
        return e;
    }

    private Long boxed(long owner) {
        Long box = lastOwner;
        if (box != owner) {
            box = owner;
            lastOwner = box;
        }
        return box;
    }

    /**
     * The queued waiters the holders admit, taken in arrival order: each conflicts with no holder and with
     * no waiter admitted before it (the caller holds the monitor). A waiter takes the lock only when it is
     * among them, so waiters get a lock in the order they asked for it.
     */
    private static List<Waiter> admitted(Entry e) {
        if (e == null || !e.hasWaiters()) {
            return List.of();
        }
        List<Waiter> out = null;
        for (Waiter w : e.waiters) {
            if (!blockers(w.owner, e, w.mode).isEmpty()) {
                continue;
            }
            boolean free = true;
            if (out != null) {
                for (Waiter before : out) {
                    if (before.owner != w.owner && w.mode.conflictsWith(before.mode)) {
                        free = false;
                        break;
                    }
                }
            }
            if (free) {
                if (out == null) {
                    out = new ArrayList<>(2);
                }
                out.add(w);
            }
        }
        return out == null ? List.of() : out;
    }

    /** Marks for waking the waiters the remaining holders admit now (the caller holds the monitor). */
    private List<Waiter> wake(Entry e, List<Waiter> woken) {
        long now = System.nanoTime();
        for (Waiter w : admitted(e)) {
            w.wokenAt = now;
            if (woken == null) {
                woken = new ArrayList<>(2);
            }
            woken.add(w);
        }
        return woken;
    }

    /** An admitted waiter takes its lock; the key's other waiters now wait for it too. */
    private void take(Entry e, Waiter w, long start) {
        e.waiters.remove(w);
        e.holders.merge(w.owner, w.mode, Mode::stronger);
        waitsFor.remove(w.owner);
        waiting.remove(w.thread);
        if (e.hasWaiters()) {
            retarget(e);
        }
        long now = System.nanoTime();
        waits.increment();
        waitNanos.add(now - start);
        if (w.wokenAt != 0) {
            wakeNanos.add(now - w.wokenAt);
        }
    }

    /**
     * The holders changed: the key's remaining waiters now wait for the holders there are. The new edges
     * lead only to owners that are not waiting (they just got the lock), so they close no cycle now; the
     * next request that would close one sees them.
     */
    private void retarget(Entry e) {
        for (Waiter w : e.waiters) {
            waitsFor.put(w.owner, blockers(w.owner, e, w.mode));
        }
    }

    /**
     * A waiter gives up (timeout, deadlock, cancel): it leaves the queue and the waits-for graph, and the
     * waiters it kept out (it was admitted, or ahead of them) are woken.
     */
    private void abandon(Waiter w) {
        Entry e = entries.get(w.key);
        if (e != null && e.waiters != null && e.waiters.remove(w)) {
            if (e.holders.isEmpty() && !e.hasWaiters()) {
                entries.remove(w.key);
            } else {
                List<Waiter> woken = wake(e, null);
                if (woken != null) {
                    woken.forEach(other -> LockSupport.unpark(other.thread));
                }
            }
        }
        waitsFor.remove(w.owner);
        waiting.remove(w.thread);
    }

    private void failIfDeadlocked(Waiter w, Set<Long> blockers) {
        if (closesCycle(w.owner)) {
            abandon(w);
            throw new HeliosException(SqlState.DEADLOCK_DETECTED, "deadlock detected",
                    "Transaction " + w.owner + " waits for transaction " + blockers.iterator().next()
                            + ", which waits (directly or not) for transaction " + w.owner + ".",
                    "See server log for query details.", 0, null);
        }
    }

    private static Set<Long> blockers(long owner, Entry e, Mode mode) {
        if (e == null) {
            return Set.of();
        }
        // Most keys are free or only share-locked (a table's catalog entry by every writer of it): no set then.
        Set<Long> out = null;
        for (Map.Entry<Long, Mode> h : e.holders.entrySet()) {
            if (h.getKey() != owner && mode.conflictsWith(h.getValue())) {
                if (out == null) {
                    out = new HashSet<>();
                }
                out.add(h.getKey());
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
