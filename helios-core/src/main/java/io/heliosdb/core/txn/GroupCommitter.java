package io.heliosdb.core.txn;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.spi.StorageEngine;
import io.heliosdb.spi.WriteBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * Assigns commit timestamps and writes commits so that concurrent committers share one storage
 * sync. Committers queue in timestamp order; whoever finds no write in flight becomes the leader,
 * takes everything queued (all that arrived during the previous sync), writes it as one atomic
 * batch in timestamp order, and only then marks those commits applied and visible and wakes
 * their owners. A commit is therefore acknowledged only once durable (with {@code sync}), and a
 * snapshot never sees a later commit without the earlier ones.
 *
 * <p>Hand-over is direct: a finished leader makes the oldest queued committer the next leader and
 * wakes it first, before the members of its own group, so the next sync starts as soon as the
 * previous one ended and no committer is woken only to find it must wait again (on two cores, a
 * woken crowd would otherwise delay the one thread the disk waits for).
 *
 * <p>With early lock release ({@link #earlyLockRelease()}) a synchronous group is written without a
 * sync, then the leader runs each member's release action (its row locks) and hands the writing
 * role on, and only then syncs: a transaction waiting for one of those locks runs, and its commit can
 * be written, while the sync is in flight, so transactions updating the same row are no longer one
 * sync apart. Two marks follow: {@link #appliedTs()} (written to the engine) and {@link #visibleTs()}
 * (durable; snapshots are taken here, so no reader sees what a crash could still undo). A commit is
 * acknowledged only once durable; a sync covers every write before it, so a later commit's
 * durability implies an earlier one's. A failed sync fails every written-but-not-durable commit and
 * every later one: the store must be reopened, as PostgreSQL PANICs on a failed fsync. The thread that runs a
 * sync wakes the owners of every group it made durable itself (one wake-up from the sync to each owner, not
 * two through the group's leader) and runs the next sync while groups wait, two in a row at most.
 *
 * <p>Before it takes its group, a leader that finds fewer commits queued than the last group held yields once, so
 * the committers that are runnable (that group's owners, woken with their next commit on the way) join this
 * sync instead of waiting for the next one: on two cores the woken owners otherwise run only after the sync has
 * started, and groups settle at half the committers ({@link #GATHER_PROPERTY}).
 *
 * <p>Without early lock release, the leader runs each commit's release action once the group is durable and
 * visible, before waking the owners: a transaction waiting for one of the row locks runs without waiting for the
 * lock's owner to be scheduled first.
 */
public final class GroupCommitter {
    private static final int WAITING = 0;
    private static final int LEADING = 1;
    private static final int DONE = 2;

    /** One queued commit. */
    private static final class Pending {
        final long ts;
        final WriteBatch batch;
        final LongConsumer onApplied;
        /** Runs once the commit is written, before it is durable; null: the commit keeps everything until durable. */
        final Runnable releaseEarly;
        final Thread owner = Thread.currentThread();
        volatile int state = WAITING;
        RuntimeException failure;

        Pending(long ts, WriteBatch batch, LongConsumer onApplied, Runnable releaseEarly) {
            this.ts = ts;
            this.batch = batch;
            this.onApplied = onApplied;
            this.releaseEarly = releaseEarly;
        }
    }

    /** A group written and released under early lock release, until it is durable. */
    private static final class Written {
        static final int WAITING = 0;
        static final int ACKNOWLEDGED = 1;
        /** Its leader runs the next sync. */
        static final int SYNC = 2;
        final List<Pending> group;
        final long newest;
        final Thread leader = Thread.currentThread();
        volatile int turn = WAITING;
        RuntimeException failure;

        Written(List<Pending> group, long newest) {
            this.group = group;
            this.newest = newest;
        }
    }

    /**
     * Syncs one thread runs back to back while written groups wait, before the oldest waiting group's leader gets
     * the next: each one more delays that thread's own acknowledgement, and a hand-over costs a wake-up.
     */
    private static final int SYNCS_IN_A_ROW = 2;

    /**
     * System property: "false" stops a leader from yielding to the committers about to queue before it syncs
     * (see {@link #gather()}); on by default. Read once.
     */
    public static final String GATHER_PROPERTY = "helios.groupCommit.gather";
    private static final boolean GATHER = !"false".equalsIgnoreCase(System.getProperty(GATHER_PROPERTY, "true").strip());

    private final StorageEngine engine;
    private final boolean sync;
    /** Adds what a group writes once for all its commits (the newest commit timestamp), or null. */
    private final BiConsumer<WriteBatch, Long> groupTrailer;
    private final List<Pending> queue = new ArrayList<>();
    private final AtomicLong groups = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();
    /** Time in storage writes (with their syncs), and from commit request to return, summed over groups / commits. */
    private final AtomicLong writeNanos = new AtomicLong();
    private final AtomicLong commitNanos = new AtomicLong();
    /** Of writeNanos, the time in syncs made apart from the write (early lock release only). */
    private final AtomicLong syncNanos = new AtomicLong();
    private long lastTs;
    /** Snapshots are taken here: every commit at or below it is applied and (with early release) durable. */
    private volatile long visibleTs;
    private boolean writing;
    /** Early lock release: synchronous groups are written, released and then synced (see the class comment). */
    private final boolean early;
    /** The newest commit written to the engine (equal to visibleTs without early release). */
    private volatile long appliedTs;
    /** Guards {@link #syncing}, the raising of visibleTs under early release, and waits for it. */
    private final Object durability = new Object();
    private boolean syncing;
    /** Groups written and released, waiting for the sync in flight's thread to acknowledge them (under durability). */
    private final java.util.ArrayDeque<Written> undurable = new java.util.ArrayDeque<>();
    /** Set by a failed write or sync under early release: every later commit is refused. */
    private volatile RuntimeException broken;
    private final AtomicLong syncs = new AtomicLong();
    /** The size of the group written last (read by the next leader, see {@link #gather()}). */
    private volatile int lastGroup;
    /** Held around each group's storage write, and by {@link #excludingWrites} callers. */
    private final ReentrantLock storageWrite = new ReentrantLock();

    /** {@code startTs}: the newest commit timestamp already in storage. */
    GroupCommitter(StorageEngine engine, boolean sync, long startTs) {
        this(engine, sync, startTs, null);
    }

    /** As above; {@code groupTrailer} adds to each group's batch what it needs once, given its newest timestamp. */
    GroupCommitter(StorageEngine engine, boolean sync, long startTs, BiConsumer<WriteBatch, Long> groupTrailer) {
        this(engine, sync, startTs, groupTrailer, false);
    }

    /** As above; {@code earlyLockRelease}: release what commits allow once written, before the sync (only matters with {@code sync}). */
    GroupCommitter(StorageEngine engine, boolean sync, long startTs, BiConsumer<WriteBatch, Long> groupTrailer,
                   boolean earlyLockRelease) {
        this.engine = engine;
        this.sync = sync;
        this.lastTs = startTs;
        this.visibleTs = startTs;
        this.appliedTs = startTs;
        this.groupTrailer = groupTrailer;
        this.early = earlyLockRelease && sync;
    }

    /** Every commit at or below this timestamp is applied (and durable, under early release); snapshots are taken here. */
    public long visibleTs() {
        return visibleTs;
    }

    /** The newest commit written to the engine: above {@link #visibleTs()} only while its sync is pending. */
    public long appliedTs() {
        return appliedTs;
    }

    /** Whether synchronous commits release early (see the class comment). */
    public boolean earlyLockRelease() {
        return early;
    }

    /** Syncs made for commits: one per group without early release, one per one or more groups with it. */
    public long syncsDone() {
        return early ? syncs.get() : sync ? groups.get() : 0;
    }

    /** Storage writes made for commits (each one sync when commits are synchronous). */
    public long groupsWritten() {
        return groups.get();
    }

    public long commitsWritten() {
        return commits.get();
    }

    /** Nanoseconds spent in the groups' storage writes (each with its sync when commits are synchronous). */
    public long writeNanos() {
        return writeNanos.get();
    }

    /**
     * Of {@link #writeNanos()}, the nanoseconds in syncs made apart from the write (under early lock release;
     * zero otherwise, where each write syncs itself).
     */
    public long syncNanos() {
        return syncNanos.get();
    }

    /** Nanoseconds from commit request to durable return, summed over commits. */
    public long commitNanos() {
        return commitNanos.get();
    }

    /** Commits queued behind the write in flight. */
    public synchronized int queued() {
        return queue.size();
    }

    public boolean synchronous() {
        return sync;
    }

    /**
     * Runs {@code action} while no commit group writes to storage, so what it reads stays the newest
     * stored state until it returns. Vacuum removes a deletion marker this way: index entries are
     * written without a lock on their key, so only this keeps a commit that re-inserts the entry
     * between vacuum's re-read and its delete from having the live entry deleted.
     */
    <T> T excludingWrites(Supplier<T> action) {
        storageWrite.lock();
        try {
            return action.get();
        } finally {
            storageWrite.unlock();
        }
    }

    /** Commits written and released under early lock release that wait for a sync's thread to acknowledge them (tests). */
    int commitsAwaitingSync() {
        synchronized (durability) {
            return undurable.stream().mapToInt(w -> w.group.size()).sum();
        }
    }

    /** True while a group waits for {@link #excludingWrites} to end (tests). */
    boolean writeWaiting() {
        return storageWrite.hasQueuedThreads();
    }

    /**
     * Commits: {@code build} makes the batch for the assigned timestamp (called once, under the
     * queue monitor, so it must be cheap); {@code onApplied} runs, in timestamp order, after the
     * write and before the commit becomes visible.
     *
     * @return the commit timestamp
     */
    public long commit(LongFunction<WriteBatch> build, LongConsumer onApplied) {
        return commit(build, onApplied, null);
    }

    /**
     * {@link #commit(LongFunction, LongConsumer)}; under early lock release {@code releaseEarly} (when not
     * null) runs, on the leader's thread, after the commit is written and its {@code onApplied} ran, before
     * its sync: what it releases lets others act on the commit before it is durable. A group with a commit
     * that passes null is written synced and runs every callback after the sync, as without early release.
     * Without early release (or in such a group) the leader runs {@code releaseEarly} once the commit is durable
     * and visible, before it wakes the commit's owner.
     */
    public long commit(LongFunction<WriteBatch> build, LongConsumer onApplied, Runnable releaseEarly) {
        long start = System.nanoTime();
        refuseIfBroken();
        Pending mine;
        boolean lead;
        synchronized (this) {
            long ts = ++lastTs;
            mine = new Pending(ts, build.apply(ts), onApplied, releaseEarly);
            queue.add(mine);
            lead = !writing;
            writing = true;
        }
        if (!lead) {
            awaitTurn(mine);
        }
        if (mine.state == LEADING || lead) {
            List<Pending> group;
            if (GATHER && sync) {
                gather();
            }
            synchronized (this) {
                group = new ArrayList<>(queue);
                queue.clear();
            }
            writeGroup(group); // includes mine: a leader is always the oldest queued commit
        }
        commitNanos.addAndGet(System.nanoTime() - start);
        if (mine.failure != null) {
            throw new HeliosException(SqlState.IO_ERROR, "could not write the commit: " + mine.failure.getMessage(),
                    mine.failure);
        }
        return mine.ts;
    }

    /** Parks until the commit is written by another leader, or this thread is made the leader. */
    private void awaitTurn(Pending mine) {
        boolean interrupted = false;
        while (mine.state == WAITING) {
            LockSupport.park(this);
            // The commit is queued and will be written; it cannot be taken back now.
            interrupted |= Thread.interrupted();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A leader about to sync fewer commits than the last group held first lets the committers that are runnable
     * run (one {@link Thread#yield}): they are the last group's owners, back with their next commit within a few
     * microseconds of CPU each, and without the yield the sync leaves without them. Measured with 16 sessions
     * (CommitCost, 60k commits, load ~22): 8.2 -> 15.4 commits per sync, commit latency 2.1 -> 1.7 ms, wall time
     * 0.82x; with 4: 2.4 -> 3.7 commits per sync. One committer never yields (its groups hold one commit), and a
     * yield with nothing else runnable returns at once.
     */
    private void gather() {
        int last = lastGroup;
        if (last > 1 && queued() < last) {
            Thread.yield();
        }
    }

    private void writeGroup(List<Pending> group) {
        lastGroup = group.size();
        // Early: every member may release before the sync; otherwise the write syncs and nothing shows before.
        boolean releaseFirst = early;
        if (early) {
            for (Pending p : group) {
                releaseFirst &= p.releaseEarly != null;
            }
        }
        long newest = group.get(group.size() - 1).ts;
        RuntimeException failure = null;
        try {
            if (early) {
                refuseIfBroken(); // queued before an earlier group's sync failed: must not reach the engine
            }
            WriteBatch merged = group.size() == 1 ? group.get(0).batch : new WriteBatch();
            if (group.size() > 1) {
                for (Pending p : group) {
                    for (WriteBatch.Op op : p.batch.ops()) {
                        if (op.isDelete()) {
                            merged.delete(op.keyspace(), op.key());
                        } else {
                            merged.put(op.keyspace(), op.key(), op.value());
                        }
                    }
                }
            }
            if (groupTrailer != null) {
                groupTrailer.accept(merged, newest);
            }
            storageWrite.lock();
            long writeStart = System.nanoTime();
            try {
                engine.write(merged, sync && !releaseFirst);
            } finally {
                writeNanos.addAndGet(System.nanoTime() - writeStart);
                storageWrite.unlock();
            }
            groups.incrementAndGet();
            commits.addAndGet(group.size());
            if (early && !releaseFirst) {
                syncs.incrementAndGet(); // the write synced
            }
        } catch (RuntimeException e) {
            failure = e;
            if (early) {
                breakCommits(e); // it may have reached the engine's memory and the log: nothing after it may commit
            }
        }
        for (Pending p : group) {
            if (failure == null) {
                try {
                    p.onApplied.accept(p.ts);
                } catch (RuntimeException e) {
                    p.failure = e;
                }
            } else {
                p.failure = failure;
            }
        }
        if (early) {
            if (failure == null) {
                appliedTs = newest; // before any release: a waiter may take a snapshot at a commit it then reads
            }
            if (releaseFirst && failure == null) {
                for (Pending p : group) {
                    if (p.failure == null) {
                        p.releaseEarly.run();
                    }
                }
            }
        }
        Pending next;
        synchronized (this) {
            if (!early) {
                appliedTs = newest;
                visibleTs = newest;
            }
            next = queue.isEmpty() ? null : queue.get(0);
            writing = next != null;
        }
        // The next leader first: the disk is idle until it writes.
        if (next != null) {
            next.state = LEADING;
            LockSupport.unpark(next.owner);
        }
        if (early && failure == null) {
            if (releaseFirst) {
                // Written and released; the next group may be written meanwhile. Now make this one durable: whoever
                // runs the sync that covers it wakes its owners (this thread included).
                makeDurable(new Written(group, newest));
                return;
            }
            raiseVisible(newest); // the synced write covered every earlier write too
        }
        if (!releaseFirst && failure == null) {
            // Durable and visible now: the leader releases what the commits hold before it wakes their owners, so a
            // transaction waiting for one of their row locks runs one wake-up sooner (not after the owner has run).
            for (Pending p : group) {
                if (p.failure == null && p.releaseEarly != null) {
                    p.releaseEarly.run();
                }
            }
        }
        Thread self = Thread.currentThread();
        for (Pending p : group) {
            p.state = DONE; // volatile write after failure and visibleTs: the owner sees both
            if (p.owner != self) {
                LockSupport.unpark(p.owner);
            }
        }
    }

    /**
     * Returns once every commit at or below {@code ts} is durable (at once when it already is, or without
     * early release, where visibility implies it). Syncs run one at a time, each covering every commit
     * written before it started, so one sync serves the groups written during the previous one; the
     * caller whose commit is not covered yet runs the next sync itself. Throws when a sync failed.
     */
    public void awaitDurable(long ts) {
        if (!early) {
            return; // commits are visible only once durable
        }
        boolean interrupted = false;
        try {
            while (visibleTs < ts) {
                synchronized (durability) {
                    while (visibleTs < ts && broken == null && syncing) {
                        try {
                            durability.wait();
                        } catch (InterruptedException e) {
                            interrupted = true; // the commit is written: its outcome must still be waited for
                        }
                    }
                    if (visibleTs >= ts) {
                        return;
                    }
                    refuseIfBroken();
                    syncing = true;
                }
                syncWhileUndurable(null);
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Makes a written and released group durable and wakes its owners: at once when a sync begun after its write
     * covered it; otherwise it runs the next sync itself when none is in flight, or waits for the sync in flight's
     * thread, which then wakes its owners directly (one wake-up from the sync to each owner) or hands it the next
     * sync.
     */
    private void makeDurable(Written own) {
        boolean runSync = false;
        boolean registered = false;
        synchronized (durability) {
            if (visibleTs >= own.newest) {
                own.failure = null;
            } else if (broken != null) {
                own.failure = broken;
            } else if (!syncing) {
                syncing = true;
                runSync = true;
            } else {
                undurable.add(own);
                registered = true;
            }
        }
        if (registered) {
            boolean interrupted = false;
            while (own.turn == Written.WAITING) {
                LockSupport.park(this);
                interrupted |= Thread.interrupted(); // the commit is written: its outcome must still be waited for
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (own.turn == Written.ACKNOWLEDGED) {
                return;
            }
            runSync = true; // handed the next sync: syncing is still set
        }
        if (runSync) {
            syncWhileUndurable(own);
        } else {
            acknowledge(own);
        }
    }

    /**
     * Called with {@link #syncing} set by this thread: syncs, raises {@link #visibleTs}, wakes the owners of every
     * group now durable ({@code own} and those waiting), and goes on while groups wait, up to
     * {@link #SYNCS_IN_A_ROW} syncs, after which the oldest waiting group's leader gets the next one (so one
     * client does not wait for everyone's syncs). A failed sync fails every group not durable.
     */
    private void syncWhileUndurable(Written own) {
        for (int round = 1; ; round++) {
            long target = appliedTs; // written before the sync starts: covered by it
            RuntimeException failure = null;
            long syncStart = System.nanoTime();
            try {
                engine.sync();
            } catch (RuntimeException e) {
                failure = e;
            }
            long synced = System.nanoTime() - syncStart;
            writeNanos.addAndGet(synced);
            syncNanos.addAndGet(synced);
            syncs.incrementAndGet();
            List<Written> done = new ArrayList<>();
            Written next = null;
            boolean more;
            synchronized (durability) {
                if (failure == null) {
                    if (target > visibleTs) {
                        visibleTs = target;
                    }
                } else if (broken == null) {
                    broken = failure;
                }
                if (own != null) {
                    own.failure = own.newest <= visibleTs ? null : broken;
                    done.add(own);
                    own = null;
                }
                for (java.util.Iterator<Written> it = undurable.iterator(); it.hasNext(); ) {
                    Written w = it.next();
                    if (w.newest <= visibleTs || broken != null) {
                        w.failure = w.newest <= visibleTs ? null : broken;
                        done.add(w);
                        it.remove();
                    }
                }
                more = !undurable.isEmpty();
                if (more && round >= SYNCS_IN_A_ROW) {
                    next = undurable.poll(); // syncing stays set: handed over
                } else if (!more) {
                    syncing = false;
                }
                durability.notifyAll(); // statements waiting in awaitDurable
            }
            for (Written w : done) {
                acknowledge(w);
            }
            if (next != null) {
                next.turn = Written.SYNC;
                LockSupport.unpark(next.leader);
                return;
            }
            if (!more) {
                return;
            }
        }
    }

    /** Wakes the group's owners and its leader: its commits are durable, or failed with {@code w.failure}. */
    private static void acknowledge(Written w) {
        Thread self = Thread.currentThread();
        for (Pending p : w.group) {
            if (w.failure != null) {
                p.failure = w.failure;
            }
            p.state = DONE; // volatile write after failure and visibleTs: the owner sees both
        }
        w.turn = Written.ACKNOWLEDGED;
        for (Pending p : w.group) {
            if (p.owner != self) {
                LockSupport.unpark(p.owner);
            }
        }
    }

    private void raiseVisible(long ts) {
        synchronized (durability) {
            if (ts > visibleTs) {
                visibleTs = ts;
            }
            durability.notifyAll();
        }
    }

    private void breakCommits(RuntimeException failure) {
        synchronized (durability) {
            if (broken == null) {
                broken = failure;
            }
            durability.notifyAll();
        }
    }

    /** Under early release, after a failed write or sync: commits written since may be lost, so none may follow. */
    private void refuseIfBroken() {
        RuntimeException failure = broken;
        if (failure != null) {
            throw new HeliosException(SqlState.IO_ERROR, "commits are refused after a failed storage sync until the"
                    + " database is reopened: " + failure.getMessage(), failure);
        }
    }
}
