package io.heliosdb.bench.compare;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * Bytes allocated so far by each live thread of this JVM (HotSpot's per-thread counters): unlike CPU
 * time, a count that other processes on a loaded machine do not change, so a per-query difference
 * between two builds shows even when their CPU times drown in noise.
 */
final class ThreadAllocations {
    /** One thread's name and bytes allocated. */
    record Named(String name, long bytes) {
    }

    private ThreadAllocations() {
    }

    static boolean available() {
        return ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean
                && bean.isThreadAllocatedMemorySupported() && bean.isThreadAllocatedMemoryEnabled();
    }

    /** Java thread id to name and bytes allocated, for every live thread. */
    static Map<Long, Named> snapshot() {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Map<Long, Named> out = new HashMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            long bytes = bean.getThreadAllocatedBytes(t.getId());
            if (bytes >= 0) {
                out.put(t.getId(), new Named(t.getName(), bytes));
            }
        }
        return out;
    }
}
