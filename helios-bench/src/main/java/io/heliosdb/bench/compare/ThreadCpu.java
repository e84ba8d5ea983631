package io.heliosdb.bench.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time of another process's threads, from Linux's /proc (clock ticks of 10 ms on the usual kernels). */
final class ThreadCpu {
    private static final double MILLIS_PER_TICK = 10.0;

    private ThreadCpu() {
    }

    /** CPU milliseconds the JVM {@code pid}'s JIT compiler threads ("C1/C2 CompilerThre…") have used; NaN off Linux. */
    static double compilerMillis(long pid) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        if (!Files.isDirectory(tasks)) {
            return Double.NaN;
        }
        long ticks = 0;
        try (var threads = Files.list(tasks)) {
            for (Path t : threads.toList()) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    // "tid (comm) state ...": comm may hold spaces, so split after its closing parenthesis.
                    int close = stat.lastIndexOf(')');
                    String comm = stat.substring(stat.indexOf('(') + 1, close);
                    if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
                        String[] fields = stat.substring(close + 2).split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                    }
                } catch (IOException | RuntimeException threadEnded) {
                    // a thread that ended between the listing and the read: it no longer counts
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return ticks * MILLIS_PER_TICK;
    }
}
