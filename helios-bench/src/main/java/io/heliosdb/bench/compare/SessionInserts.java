package io.heliosdb.bench.compare;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Concurrent sessions each inserting single-row autocommit items until a shared id counter reaches an
 * end: the commit loop the commit-cost and sync probes measure, optionally summing what the session
 * threads themselves spent.
 */
final class SessionInserts {
    /** What the session threads spent, summed over them. */
    static final class Costs {
        final LongAdder cpu = new LongAdder();
        final LongAdder user = new LongAdder();
        final LongAdder allocated = new LongAdder();
        /** Times the session threads went to sleep (a commit that waits for another's sync sleeps once). */
        final LongAdder voluntarySwitches = new LongAdder();
    }

    private SessionInserts() {
    }

    /** Inserts ids from {@code ids} up to {@code end} (exclusive), spread over the sessions; {@code costs} may be null. */
    static void run(List<DbClient> clients, AtomicLong ids, long end, Costs costs) throws Exception {
        CountDownLatch done = new CountDownLatch(clients.size());
        List<Throwable> failures = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (DbClient c : clients) {
            Thread thread = new Thread(() -> {
                long cpu = mx.getCurrentThreadCpuTime();
                long user = mx.getCurrentThreadUserTime();
                long allocated = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
                long switches = costs == null ? 0 : voluntarySwitches();
                try (DbClient.Stmt insert = c.prepare(Workload.INSERT_ITEM)) {
                    for (long id = ids.getAndIncrement(); id < end; id = ids.getAndIncrement()) {
                        insert.update((int) id, (int) (id % 100), id, "n");
                    }
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                } finally {
                    if (costs != null) {
                        costs.cpu.add(mx.getCurrentThreadCpuTime() - cpu);
                        costs.user.add(mx.getCurrentThreadUserTime() - user);
                        costs.allocated.add(mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - allocated);
                        costs.voluntarySwitches.add(voluntarySwitches() - switches);
                    }
                    done.countDown();
                }
            });
            threads.add(thread);
            thread.start();
        }
        done.await();
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a session failed", failures.get(0));
        }
    }

    /** The calling thread's voluntary context switches so far (0 where Linux's /proc is missing). */
    private static long voluntarySwitches() {
        try {
            return ThreadCosts.available() ? ThreadCosts.ofCurrentThread().voluntary() : 0;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /** CPU time of the whole process (every thread, the engine's own included). */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
